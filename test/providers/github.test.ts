/**
 * The GitHub provider against the loopback GitHub fake (a real HTTP server, no mocks), through
 * the project's one Octokit factory (`createClient`, wrapped by `createGitHubClient` for the base
 * URL).
 */
import { syntheticSource } from '../../src/core/errors.js';
import type { Resource } from '../../src/core/model.js';
import type { ClientOptions } from '../../src/github/client.js';
import {
  GitHubProvider,
  createGitHubClient,
  levelOf,
  parseGitHubConfig,
} from '../../src/providers/github.js';
import { providersFor } from '../../src/providers/registry.js';
import { ProviderError, type AccessChange } from '../../src/providers/types.js';
import { startFakeGitHub, type FakeGitHub, type RecordedRequest } from '../fake-github/server.js';

const FAST: ClientOptions = { retryBaseMs: 1, retries: 0 };

function repoResource(repository = 'acme/web', id = 'web'): Resource {
  return {
    id,
    provider: 'github',
    tags: { kind: 'repository' },
    config: { repository },
    baseline: [],
    prune: false,
    source: syntheticSource('policies/resources.yaml'),
    path: ['resources', 0],
  };
}

function teamResource(team = 'acme/sre', id = 'sre-team'): Resource {
  return { ...repoResource(), id, config: { team } };
}

function change(
  resource: Resource,
  login: string,
  level: string,
  held: string[],
  kind: 'grant' | 'revoke' = 'grant',
): AccessChange {
  return {
    resource,
    subject: { login, identity: login },
    level,
    held,
    event: { kind, grantId: 'g-1', start: '2026-01-01T00:00:00Z', end: '2026-01-01T04:00:00Z' },
  };
}

async function rejection(p: Promise<unknown>): Promise<ProviderError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ProviderError);
    return err as ProviderError;
  }
  throw new Error('expected a ProviderError');
}

let gh: FakeGitHub;
let provider: GitHubProvider;

function since(mark: number): RecordedRequest[] {
  return gh.requests.slice(mark);
}

function writes(list: RecordedRequest[]): string[] {
  return list.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path} ${r.status}`);
}

beforeEach(async () => {
  gh = await startFakeGitHub({ pageSize: 2 });
  gh.state.createOrg('acme', { members: ['bob'] });
  gh.state.createRepo('acme/web');
  for (const login of ['alice', 'carol', 'dave', 'erin', 'frank']) gh.state.addUser(login);
  provider = new GitHubProvider({ client: createGitHubClient('tok', { ...FAST, apiUrl: gh.url }) });
});

afterEach(async () => {
  expect(gh.unexpectedRequests()).toEqual([]);
  await gh.close();
});

describe('config', () => {
  it('accepts repository or team, and refuses anything else', () => {
    expect(parseGitHubConfig(repoResource('acme/web'))).toEqual({
      kind: 'repository',
      owner: 'acme',
      repo: 'web',
      name: 'acme/web',
    });
    expect(parseGitHubConfig(teamResource('acme/sre'))).toMatchObject({
      kind: 'team',
      org: 'acme',
      slug: 'sre',
    });
    for (const config of [
      {},
      { repository: 'acme' },
      { repository: 'acme/web/x' },
      { repository: 'acme/..' },
      { repository: 'acme/web', team: 'acme/sre' },
      { repo: 'acme/web' },
      { team: 7 },
    ]) {
      expect(() => parseGitHubConfig({ ...repoResource(), config })).toThrow(ProviderError);
    }
  });

  it('maps levels from role_name, custom roles (permissions) and legacy permission', () => {
    expect(levelOf('maintain')).toBe('maintain');
    expect(levelOf('security-reviewer', { pull: true, triage: true, push: false })).toBe('triage');
    expect(levelOf(undefined, undefined, 'write')).toBe('write');
    expect(levelOf('nonsense', undefined, 'none')).toBeNull();
  });
});

describe('repository grant', () => {
  it('invites a new person (201): changed, pending acceptance, within 3 requests', async () => {
    const mark = gh.requests.length;
    const result = await provider.grant(change(repoResource(), 'alice', 'read', ['read']));
    expect(result).toEqual({
      changed: true,
      detail: 'invited alice to acme/web as read, pending acceptance',
    });
    const reqs = since(mark);
    expect(reqs.length).toBeLessThanOrEqual(3);
    expect(reqs.map((r) => r.route)).toEqual([
      'GET /repos/{owner}/{repo}/collaborators/{username}/permission',
      'GET /repos/{owner}/{repo}/invitations',
      'PUT /repos/{owner}/{repo}/collaborators/{username}',
    ]);
    expect(reqs[2]).toMatchObject({ status: 201, body: { permission: 'pull' } });
    const invitations = [...gh.state.repo('acme/web').invitations.values()];
    expect(invitations.map((i) => [i.invitee.login, i.role])).toEqual([['alice', 'read']]);
  });

  it('is idempotent: a second grant is changed:false and sends no PUT', async () => {
    await provider.grant(change(repoResource(), 'alice', 'write', ['write']));
    const mark = gh.requests.length;
    const again = await provider.grant(change(repoResource(), 'alice', 'write', ['write']));
    expect(again.changed).toBe(false);
    expect(again.detail).toMatch(/already invited to acme\/web as write, pending acceptance/);
    expect(writes(since(mark))).toEqual([]);

    // Once accepted, the permission endpoint answers in one request.
    gh.state.repo('acme/web').acceptInvitation('alice');
    const mark2 = gh.requests.length;
    const third = await provider.grant(change(repoResource(), 'alice', 'write', ['write']));
    expect(third).toEqual({ changed: false, detail: 'alice already has write on acme/web' });
    expect(since(mark2)).toHaveLength(1);
  });

  it('updates an existing collaborator (204) to the highest held level', async () => {
    gh.state.repo('acme/web').addCollaborator('carol', 'read');
    const mark = gh.requests.length;
    // Granting triage while the baseline gives maintain: the person ends up with maintain.
    const result = await provider.grant(
      change(repoResource(), 'carol', 'triage', ['read', 'maintain', 'triage']),
    );
    expect(result).toEqual({
      changed: true,
      detail: "set carol's permission on acme/web to maintain (was read)",
    });
    const reqs = since(mark);
    expect(reqs.length).toBeLessThanOrEqual(3);
    expect(writes(reqs)).toEqual(['PUT /repos/acme/web/collaborators/carol 204']);
    expect(reqs.at(-1)?.body).toEqual({ permission: 'maintain' });
    expect(gh.state.repo('acme/web').roleOf('carol')).toBe('maintain');
  });

  it('adds an organization member directly (204) and maps write to push', async () => {
    const result = await provider.grant(change(repoResource(), 'bob', 'write', ['write']));
    expect(result.changed).toBe(true);
    expect(gh.requests.at(-1)).toMatchObject({ method: 'PUT', status: 204, body: { permission: 'push' } });
    expect(gh.state.repo('acme/web').roleOf('bob')).toBe('write');
  });

  it('raises a pending invitation below the target (PUT again), never a lower one', async () => {
    const repo = gh.state.repo('acme/web');
    repo.invite('alice', 'read');
    const raised = await provider.grant(change(repoResource(), 'alice', 'write', ['write']));
    expect(raised).toEqual({
      changed: true,
      detail: 'invited alice to acme/web as write, pending acceptance',
    });
    expect([...repo.invitations.values()].map((i) => [i.invitee.login, i.role])).toEqual([
      ['alice', 'write'],
    ]);

    const mark = gh.requests.length;
    const lower = await provider.grant(change(repoResource(), 'alice', 'read', ['read']));
    expect(lower.changed).toBe(false);
    expect(lower.detail).toMatch(
      /already invited to acme\/web as write, pending acceptance \(more than read\): not lowered/,
    );
    expect(writes(since(mark))).toEqual([]);
  });

  it('refuses a resource of another provider', async () => {
    const err = await rejection(
      provider.grant(change({ ...repoResource(), provider: 'postgres' }, 'alice', 'read', ['read'])),
    );
    expect(err).toMatchObject({ retryable: false, code: 'provider-config' });
  });

  it('never lowers a person who already has more, and says so', async () => {
    gh.state.repo('acme/web').addCollaborator('dave', 'admin');
    const mark = gh.requests.length;
    const result = await provider.grant(change(repoResource(), 'dave', 'write', ['write']));
    expect(result.changed).toBe(false);
    expect(result.detail).toMatch(/dave already has admin on acme\/web \(more than write.*not lowered/);
    expect(writes(since(mark))).toEqual([]);
    expect(gh.state.repo('acme/web').roleOf('dave')).toBe('admin');
  });

  it('refuses an unknown level before calling GitHub', async () => {
    const mark = gh.requests.length;
    const err = await rejection(provider.grant(change(repoResource(), 'alice', 'owner', ['owner'])));
    expect(err).toMatchObject({ retryable: false, code: 'unknown-access-level' });
    expect(err.message).toMatch(
      /"owner" is not a github level \(expected read, triage, write, maintain, admin\)/,
    );
    const held = await rejection(provider.grant(change(repoResource(), 'alice', 'read', ['read', 'member'])));
    expect(held.code).toBe('unknown-access-level');
    expect(since(mark)).toEqual([]);
  });

  it('reports an unknown user as non-retryable', async () => {
    const err = await rejection(provider.grant(change(repoResource(), 'ghost', 'read', ['read'])));
    expect(err).toMatchObject({ retryable: false, code: 'provider-not-found' });
    expect(err.message).toMatch(/GitHub user ghost not found/);
  });
});

describe('repository revoke', () => {
  it('nothing held: removes the collaborator and deletes the pending invitation, read back', async () => {
    const repo = gh.state.repo('acme/web');
    repo.addCollaborator('carol', 'write');
    const inv = repo.invite('alice', 'read');
    const removed = await provider.revoke(change(repoResource(), 'carol', 'write', [], 'revoke'));
    expect(removed).toEqual({ changed: true, detail: 'removed carol (write) from acme/web' });
    expect(repo.roleOf('carol')).toBe('none');

    const mark = gh.requests.length;
    const uninvited = await provider.revoke(change(repoResource(), 'alice', 'read', [], 'revoke'));
    expect(uninvited).toEqual({ changed: true, detail: 'deleted the pending invitation of alice (read)' });
    expect(writes(since(mark))).toEqual([`DELETE /repos/acme/web/invitations/${inv.id} 204`]);
    // Read back: the direct collaborators and the invitations were listed again after the write.
    const afterWrite = since(mark).slice(since(mark).findIndex((r) => r.method === 'DELETE') + 1);
    expect(afterWrite.map((r) => r.route)).toEqual(
      expect.arrayContaining([
        'GET /repos/{owner}/{repo}/collaborators',
        'GET /repos/{owner}/{repo}/invitations',
      ]),
    );
    expect(repo.invitations.size).toBe(0);

    // Idempotent.
    const mark2 = gh.requests.length;
    const again = await provider.revoke(change(repoResource(), 'alice', 'read', [], 'revoke'));
    expect(again.changed).toBe(false);
    expect(again.detail).toMatch(
      /alice is not a direct collaborator of acme\/web and has no pending invitation/,
    );
    expect(writes(since(mark2))).toEqual([]);
  });

  it('deletes both a collaborator and a stale invitation of the same person', async () => {
    const repo = gh.state.repo('acme/web');
    repo.addCollaborator('carol', 'write');
    const inv = repo.invite('carol', 'admin');
    const mark = gh.requests.length;
    const result = await provider.revoke(change(repoResource(), 'carol', 'admin', [], 'revoke'));
    expect(result.changed).toBe(true);
    expect(writes(since(mark))).toEqual([
      `DELETE /repos/acme/web/invitations/${inv.id} 204`,
      'DELETE /repos/acme/web/collaborators/carol 204',
    ]);
    expect(repo.roleOf('carol')).toBe('none');
    expect(repo.invitations.size).toBe(0);
  });

  it('baseline write held after admin: back to write, not removed', async () => {
    const repo = gh.state.repo('acme/web');
    repo.addCollaborator('erin', 'write');
    const granted = await provider.grant(change(repoResource(), 'erin', 'admin', ['write', 'admin']));
    expect(granted.changed).toBe(true);
    expect(repo.roleOf('erin')).toBe('admin');

    const mark = gh.requests.length;
    const result = await provider.revoke(change(repoResource(), 'erin', 'admin', ['write'], 'revoke'));
    expect(result).toEqual({
      changed: true,
      detail: "set erin's permission on acme/web to write (still held; was admin)",
    });
    expect(writes(since(mark))).toEqual(['PUT /repos/acme/web/collaborators/erin 204']);
    expect(since(mark).find((r) => r.method === 'PUT')?.body).toEqual({ permission: 'push' });
    expect(repo.roleOf('erin')).toBe('write');

    const again = await provider.revoke(change(repoResource(), 'erin', 'admin', ['write'], 'revoke'));
    expect(again.changed).toBe(false);
    expect(again.detail).toMatch(/erin has write on acme\/web, not more than write \(still held\)/);
  });

  it('lowers a pending invitation above the held level by re-inviting at that level', async () => {
    const repo = gh.state.repo('acme/web');
    const inv = repo.invite('frank', 'admin');
    const result = await provider.revoke(change(repoResource(), 'frank', 'admin', ['read'], 'revoke'));
    expect(result.changed).toBe(true);
    expect(result.detail).toMatch(
      /deleted the pending invitation of frank \(admin\); re-invited frank to acme\/web as read/,
    );
    const now = [...repo.invitations.values()];
    expect(now.map((i) => [i.invitee.login, i.role])).toEqual([['frank', 'read']]);
    expect(now[0]?.id).not.toBe(inv.id);
  });

  it('on a public repository, read that everyone has is reported, not a failure', async () => {
    const pub = gh.state.createRepo('acme/docs', { private: false });
    pub.addCollaborator('carol', 'write');
    const result = await provider.revoke(
      change(repoResource('acme/docs', 'docs'), 'carol', 'write', [], 'revoke'),
    );
    expect(result.changed).toBe(true);
    expect(result.detail).toMatch(
      /removed carol \(write\) from acme\/docs; carol still has read on acme\/docs through the organization, a team or ownership \(not managed by gitgrant\)/,
    );
  });

  it('throws revoke-not-confirmed when direct access remains after the write', async () => {
    const repo = gh.state.repo('acme/web');
    repo.addCollaborator('carol', 'admin');
    // The DELETE "succeeds" without doing anything (an answer GitHub could give while lagging).
    gh.injectFault({ method: 'DELETE', path: '/repos/acme/web/collaborators/carol', status: 204, body: '' });
    const err = await rejection(provider.revoke(change(repoResource(), 'carol', 'admin', [], 'revoke')));
    expect(err).toMatchObject({ retryable: false, code: 'revoke-not-confirmed' });
    expect(err.message).toMatch(
      /revoking admin of carol on acme\/web was not confirmed: carol still has direct admin/,
    );
    expect(repo.roleOf('carol')).toBe('admin');
  });

  it('ignores unknown held levels (they cannot keep access) but refuses an unknown revoked level', async () => {
    gh.state.repo('acme/web').addCollaborator('carol', 'write');
    const result = await provider.revoke(change(repoResource(), 'carol', 'write', ['superuser'], 'revoke'));
    expect(result.changed).toBe(true);
    const err = await rejection(provider.revoke(change(repoResource(), 'carol', 'root', [], 'revoke')));
    expect(err.code).toBe('unknown-access-level');
  });
});

describe('list', () => {
  it('returns direct collaborators with their level and pending invitations, across pages', async () => {
    const repo = gh.state.repo('acme/web');
    repo.addCollaborator('carol', 'write');
    repo.addCollaborator('dave', 'admin');
    repo.addCollaborator('bob', 'triage');
    repo.invite('alice', 'read');
    repo.invite('erin', 'maintain');
    repo.invite('frank', 'write');
    const list = await provider.list(repoResource());
    expect(list).toEqual([
      { identity: 'alice', access: 'read', pending: true },
      { identity: 'bob', access: 'triage' },
      { identity: 'carol', access: 'write' },
      { identity: 'dave', access: 'admin' },
      { identity: 'erin', access: 'maintain', pending: true },
      { identity: 'frank', access: 'write', pending: true },
    ]);
    const collaboratorCalls = gh.requests.filter(
      (r) => r.route === 'GET /repos/{owner}/{repo}/collaborators',
    );
    expect(collaboratorCalls[0]?.query).toMatchObject({ affiliation: 'direct' });
  });

  it('returns team members with their role', async () => {
    gh.state.addTeamMember('acme', 'sre', 'carol', { role: 'maintainer' });
    gh.state.addTeamMember('acme', 'sre', 'dave');
    gh.state.addTeamMember('acme', 'sre', 'erin');
    expect(await provider.list(teamResource())).toEqual([
      { identity: 'carol', access: 'maintainer' },
      { identity: 'dave', access: 'member' },
      { identity: 'erin', access: 'member' },
    ]);
  });
});

describe('team membership', () => {
  it('grants, is idempotent, raises, lowers to the held role and removes, reading back', async () => {
    gh.state.createTeam('acme', 'sre');
    const team = () => gh.state.getTeam('acme', 'sre')!;

    let mark = gh.requests.length;
    const added = await provider.grant(change(teamResource(), 'bob', 'member', ['member']));
    expect(added).toEqual({ changed: true, detail: 'added bob to acme/sre as member' });
    expect(since(mark).length).toBeLessThanOrEqual(3);
    expect(team().memberships.get('bob')).toMatchObject({ role: 'member', state: 'active' });

    mark = gh.requests.length;
    const again = await provider.grant(change(teamResource(), 'bob', 'member', ['member']));
    expect(again).toEqual({ changed: false, detail: 'bob already member of acme/sre' });
    expect(writes(since(mark))).toEqual([]);

    const raised = await provider.grant(
      change(teamResource(), 'bob', 'maintainer', ['member', 'maintainer']),
    );
    expect(raised).toEqual({ changed: true, detail: 'made bob maintainer of acme/sre (was member)' });
    expect(team().memberships.get('bob')?.role).toBe('maintainer');

    const lowered = await provider.revoke(change(teamResource(), 'bob', 'maintainer', ['member'], 'revoke'));
    expect(lowered).toEqual({
      changed: true,
      detail: 'made bob member of acme/sre (still held; was maintainer)',
    });
    expect(team().memberships.get('bob')?.role).toBe('member');

    mark = gh.requests.length;
    const removed = await provider.revoke(change(teamResource(), 'bob', 'member', [], 'revoke'));
    expect(removed).toEqual({ changed: true, detail: 'removed bob (member) from acme/sre' });
    expect(since(mark).map((r) => `${r.method} ${r.status}`)).toEqual(['GET 200', 'DELETE 204', 'GET 404']);
    expect(team().memberships.has('bob')).toBe(false);

    const none = await provider.revoke(change(teamResource(), 'bob', 'member', [], 'revoke'));
    expect(none).toEqual({ changed: false, detail: 'bob is not a member of acme/sre' });
  });

  it('reports a pending membership for a person outside the organization', async () => {
    gh.state.createTeam('acme', 'sre');
    const result = await provider.grant(change(teamResource(), 'alice', 'member', ['member']));
    expect(result).toEqual({
      changed: true,
      detail: 'added alice to acme/sre as member, pending acceptance of the organization invitation',
    });
    expect(gh.requests.at(-1)?.body).toEqual({ role: 'member' });
  });

  it('refuses repository levels on a team', async () => {
    const err = await rejection(provider.grant(change(teamResource(), 'bob', 'write', ['write'])));
    expect(err.code).toBe('unknown-access-level');
  });
});

describe('errors', () => {
  it('502 on PUT without retries → retryable ProviderError naming the repository', async () => {
    gh.injectFault({ method: 'PUT', path: '/repos/{owner}/{repo}/collaborators/{username}', status: 502 });
    const err = await rejection(provider.grant(change(repoResource(), 'alice', 'read', ['read'])));
    expect(err.retryable).toBe(true);
    expect(err.message).toMatch(/resource web: cannot add alice as a collaborator on repository acme\/web/);
    expect(gh.state.repo('acme/web').invitations.size).toBe(0);
  });

  it('502 once with the client retrying → the grant succeeds', async () => {
    const retrying = new GitHubProvider({
      client: createGitHubClient('tok', { retryBaseMs: 1, retries: 2, apiUrl: gh.url }),
    });
    gh.injectFault({ method: 'PUT', path: '/repos/{owner}/{repo}/collaborators/{username}', status: 502 });
    const result = await retrying.grant(change(repoResource(), 'alice', 'read', ['read']));
    expect(result.changed).toBe(true);
    const puts = gh.requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => [r.status, r.faulted])).toEqual([
      [502, true],
      [201, false],
    ]);
  });

  it('connection reset → retryable', async () => {
    gh.injectFault({ path: '/repos/{owner}/{repo}/collaborators/{username}/permission', reset: true });
    const err = await rejection(provider.grant(change(repoResource(), 'alice', 'read', ['read'])));
    expect(err.retryable).toBe(true);
  });

  it('403 without administration → non-retryable, naming the permission', async () => {
    gh.state.tokens['limited'] = { login: 'gitgrant[bot]', type: 'Bot', permissions: { metadata: 'read' } };
    const limited = new GitHubProvider({
      client: createGitHubClient('limited', { ...FAST, apiUrl: gh.url }),
    });
    const err = await rejection(limited.grant(change(repoResource(), 'alice', 'read', ['read'])));
    expect(err).toMatchObject({ retryable: false, code: 'provider-permission' });
    expect(err.message).toMatch(/repository acme\/web/);
    expect(err.message).toMatch(/administration: write/);
  });

  it('403 without members → non-retryable, naming members: write', async () => {
    gh.state.createTeam('acme', 'sre');
    gh.state.tokens['limited'] = {
      login: 'gitgrant[bot]',
      type: 'Bot',
      permissions: { administration: 'write' },
    };
    const limited = new GitHubProvider({
      client: createGitHubClient('limited', { ...FAST, apiUrl: gh.url }),
    });
    const err = await rejection(limited.grant(change(teamResource(), 'bob', 'member', ['member'])));
    expect(err).toMatchObject({ retryable: false, code: 'provider-permission' });
    expect(err.message).toMatch(/team acme\/sre/);
    expect(err.message).toMatch(/members: write/);
  });

  it('404 repository and 422 are non-retryable', async () => {
    const missing = await rejection(provider.list(repoResource('acme/nope', 'nope')));
    expect(missing).toMatchObject({ retryable: false, code: 'provider-not-found' });
    expect(missing.message).toMatch(/repository acme\/nope not found/);

    gh.injectFault({
      method: 'PUT',
      path: '/repos/{owner}/{repo}/collaborators/{username}',
      status: 422,
      body: { message: 'Cannot assign member permission of read', status: '422' },
    });
    const rejected = await rejection(provider.grant(change(repoResource(), 'bob', 'read', ['read'])));
    expect(rejected).toMatchObject({ retryable: false, code: 'provider-rejected' });
    expect(rejected.message).toMatch(/repository acme\/web: GitHub refused it \(422\)/);
  });

  it('refuses a login that is not a GitHub login', async () => {
    const err = await rejection(provider.grant(change(repoResource(), 'bad/login', 'read', ['read'])));
    expect(err.code).toBe('unknown-identity');
  });
});

describe('registry', () => {
  it('constructs lazily; github without a token fails clearly when used', async () => {
    const lookup = providersFor({ env: {} });
    const github = lookup('github');
    expect(lookup('github')).toBe(github);
    expect(lookup('postgres').name).toBe('postgres');
    expect(lookup('webhook').name).toBe('webhook');
    const err = await rejection(github.grant(change(repoResource(), 'alice', 'read', ['read'])));
    expect(err).toMatchObject({ retryable: false, code: 'provider-config' });
    expect(err.message).toMatch(/no token.*administration: write.*members: write.*GITHUB_TOKEN cannot/);
    expect(() => lookup('ldap')).toThrow(/unknown provider "ldap"/);
  });

  it('builds the github provider from a token and API URL', async () => {
    const lookup = providersFor({ githubToken: 'tok', apiUrl: gh.url, clientOptions: FAST });
    const result = await lookup('github').grant(change(repoResource(), 'alice', 'triage', ['triage']));
    expect(result.changed).toBe(true);
    expect(gh.requests.at(-1)).toMatchObject({ method: 'PUT', body: { permission: 'triage' } });
  });
});
