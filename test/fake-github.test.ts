/**
 * The loopback GitHub fake, driven through @octokit/rest the way gitgrant's code talks to GitHub.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getOctokit } from '@actions/github';
import { Octokit } from '@octokit/rest';
import { EMPTY_TREE_SHA, hashObject } from './fake-github/git-objects.js';
import { seedExample } from './fake-github/seed.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github/server.js';

const owner = 'acme';
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const repo = 'access';

function errorOf(e: unknown): {
  status: number;
  message: string;
  headers: Record<string, string | undefined>;
} {
  const err = e as {
    status?: number;
    message?: string;
    response?: { headers?: Record<string, string | undefined> };
  };
  return { status: err.status ?? -1, message: err.message ?? '', headers: err.response?.headers ?? {} };
}

async function failure(p: Promise<unknown>): Promise<ReturnType<typeof errorOf>> {
  try {
    await p;
  } catch (e) {
    return errorOf(e);
  }
  throw new Error('expected the request to fail');
}

describe('fake GitHub', () => {
  let gh: FakeGitHub;
  let octokit: Octokit;

  beforeEach(async () => {
    gh = await startFakeGitHub({ pageSize: 7 });
    octokit = new Octokit({ baseUrl: gh.url, auth: 'tok', log: quiet });
  });
  afterEach(async () => {
    await gh.close();
  });

  test('seeded repository, pull request and reviews read back through Octokit', async () => {
    const { pr, headSha, mainSha } = seedExample(gh);
    const { data: pull } = await octokit.rest.pulls.get({ owner, repo, pull_number: pr.number });
    expect(pull).toMatchObject({
      number: 1,
      state: 'open',
      user: { login: 'alice', id: 101 },
      head: { sha: headSha, ref: 'grant/alice-db' },
      base: { ref: 'main', sha: mainSha },
    });
    expect(pull.changed_files).toBe(1);
    const { data: files } = await octokit.rest.pulls.listFiles({ owner, repo, pull_number: 1 });
    expect(files).toEqual([
      expect.objectContaining({
        filename: 'grants/production/alice-db.yaml',
        status: 'added',
        additions: 5,
        deletions: 0,
      }),
    ]);
    const { data: reviews } = await octokit.rest.pulls.listReviews({ owner, repo, pull_number: 1 });
    expect(reviews.map((r) => [r.user?.login, r.state, r.commit_id])).toEqual([
      ['bob', 'APPROVED', headSha],
      ['carol', 'COMMENTED', headSha],
    ]);
    const { data: commits } = await octokit.rest.pulls.listCommits({ owner, repo, pull_number: 1 });
    expect(commits.map((c) => [c.sha, c.author?.login, c.commit.author?.date])).toEqual([
      [headSha, 'alice', '2024-05-02T09:00:00Z'],
    ]);

    // The head branch moves: the pull request follows it; old reviews keep their commit_id.
    const next = gh.state.repo('acme/access').commit('grant/alice-db', {
      files: { 'grants/production/alice-db.yaml': 'requester: alice\n' },
      author: { login: 'mallory', id: 666 },
    });
    const { data: moved } = await octokit.rest.pulls.get({ owner, repo, pull_number: 1 });
    expect(moved.head.sha).toBe(next);
    const { data: commits2 } = await octokit.rest.pulls.listCommits({ owner, repo, pull_number: 1 });
    expect(commits2.map((c) => c.author?.login)).toEqual(['alice', 'mallory']);
    expect(gh.unexpectedRequests()).toEqual([]);
  });

  test('files of a pull request: added/removed/modified/renamed', async () => {
    const r = gh.state.createRepo('acme/access');
    r.commit('main', { files: { 'a.txt': 'one\ntwo\n', 'b.txt': 'bee\n', 'c.txt': 'same content\n' } });
    r.commit('topic', {
      files: {
        'a.txt': 'one\nTWO\n',
        'b.txt': null,
        'moved/c.txt': 'same content\n',
        'c.txt': null,
        'd.txt': 'new\n',
      },
    });
    const pr = r.createPullRequest({ base: 'main', head: 'topic', author: { login: 'alice' } });
    const { data } = await octokit.rest.pulls.listFiles({ owner, repo, pull_number: pr.number });
    expect(data.map((f) => [f.filename, f.status, f.additions, f.deletions, f.previous_filename])).toEqual([
      ['a.txt', 'modified', 1, 1, undefined],
      ['b.txt', 'removed', 0, 1, undefined],
      ['d.txt', 'added', 1, 0, undefined],
      ['moved/c.txt', 'renamed', 0, 0, 'c.txt'],
    ]);
    expect(data[0]!.patch).toBe('@@ -1,2 +1,2 @@\n one\n-two\n+TWO');
  });

  test('pagination: 250 files in pages of 7 with Link rel="next"/"last"', async () => {
    const r = gh.state.createRepo('acme/access');
    r.commit('main', { files: { 'README.md': 'x' } });
    const files: Record<string, string> = {};
    for (let i = 0; i < 250; i++) files[`grants/g-${String(i).padStart(3, '0')}.yaml`] = `n: ${i}\n`;
    r.commit('many', { files });
    r.createPullRequest({ base: 'main', head: 'many', author: { login: 'alice' } });

    const first = await octokit.rest.pulls.listFiles({ owner, repo, pull_number: 1 });
    expect(first.data).toHaveLength(7);
    expect(first.headers.link).toBe(
      `<${gh.url}/repos/acme/access/pulls/1/files?page=2>; rel="next", <${gh.url}/repos/acme/access/pulls/1/files?page=36>; rel="last"`,
    );
    const all = await octokit.paginate(octokit.rest.pulls.listFiles, { owner, repo, pull_number: 1 });
    expect(all).toHaveLength(250);
    expect(new Set(all.map((f) => f.filename)).size).toBe(250);
    expect(
      gh.requests.filter((q) => q.route === 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files'),
    ).toHaveLength(37);

    const big = await octokit.paginate(octokit.rest.pulls.listFiles, {
      owner,
      repo,
      pull_number: 1,
      per_page: 100,
    });
    expect(big).toHaveLength(250);
    const capped = await octokit.rest.pulls.listFiles({ owner, repo, pull_number: 1, per_page: 1000 });
    expect(capped.data).toHaveLength(100);
  });

  test('rate-limit headers on every response, errors included', async () => {
    gh.state.createRepo('acme/access');
    const ok = await octokit.rest.repos.get({ owner, repo });
    expect(ok.headers['x-ratelimit-limit']).toBe('5000');
    expect(ok.headers['x-ratelimit-resource']).toBe('core');
    expect(Number(ok.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000);
    const err = await failure(octokit.rest.repos.get({ owner, repo: 'missing' }));
    expect(err.status).toBe(404);
    expect(err.headers['x-ratelimit-used']).toBe('2');
    expect(err.headers['x-ratelimit-remaining']).toBe('4998');
  });

  test('trees: symlink (120000), executable (100755), submodule (160000, type commit), recursive listing', async () => {
    const r = gh.state.createRepo('acme/access');
    const sha = r.commit('main', {
      files: {
        'grants/real.yaml': 'requester: alice\n',
        'grants/link.yaml': { symlink: '../policies/p.yaml' },
        'policies/p.yaml': 'policies: []\n',
        'bin/run': { content: '#!/bin/sh\n', executable: true },
        'vendor/sub': { submodule: 'a'.repeat(40) },
      },
    });
    const treeSha = r.getCommit(sha)!.tree;
    const { data } = await octokit.rest.git.getTree({ owner, repo, tree_sha: treeSha, recursive: '1' });
    expect(data.truncated).toBe(false);
    const byPath = Object.fromEntries(data.tree.map((e) => [e.path, e]));
    expect(byPath['grants/link.yaml']).toMatchObject({ mode: '120000', type: 'blob', size: 18 });
    expect(byPath['bin/run']).toMatchObject({ mode: '100755', type: 'blob' });
    expect(byPath['vendor/sub']).toMatchObject({ mode: '160000', type: 'commit', sha: 'a'.repeat(40) });
    expect(byPath.grants).toMatchObject({ mode: '040000', type: 'tree' });
    const { data: blob } = await octokit.rest.git.getBlob({
      owner,
      repo,
      file_sha: byPath['grants/link.yaml']!.sha!,
    });
    expect(Buffer.from(blob.content, 'base64').toString()).toBe('../policies/p.yaml');
    const top = await octokit.rest.git.getTree({ owner, repo, tree_sha: 'main' });
    expect(top.data.tree.map((e) => e.path)).toEqual(['bin', 'grants', 'policies', 'vendor']);

    // The contents API follows an in-repository symlink to its file, as GitHub does.
    const { data: followed } = await octokit.rest.repos.getContent({ owner, repo, path: 'grants/link.yaml' });
    expect(followed).toMatchObject({ type: 'file', path: 'policies/p.yaml' });
  });

  test('object ids are real git SHA-1s (checked against the git CLI)', () => {
    expect(hashObject('blob', Buffer.from(''))).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
    expect(hashObject('tree', Buffer.alloc(0))).toBe(EMPTY_TREE_SHA);
    const r = gh.state.createRepo('acme/access');
    const date = '2024-05-01T10:00:00Z';
    const sha = r.commit('main', {
      files: {
        'a/b.txt': 'hello\n',
        'a-b.txt': 'x',
        link: { symlink: 'a/b.txt' },
        'run.sh': { content: 'echo\n', executable: true },
      },
      message: 'first\n',
      author: { name: 'A U Thor', email: 'author@example.com', date },
    });
    const dir = mkdtempSync(join(tmpdir(), 'fake-gh-'));
    try {
      const env = {
        ...process.env,
        GIT_AUTHOR_NAME: 'A U Thor',
        GIT_AUTHOR_EMAIL: 'author@example.com',
        GIT_AUTHOR_DATE: `${date}`,
        GIT_COMMITTER_NAME: 'A U Thor',
        GIT_COMMITTER_EMAIL: 'author@example.com',
        GIT_COMMITTER_DATE: `${date}`,
        TZ: 'UTC',
      };
      const git = (...args: string[]): string =>
        execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' }).trim();
      git('init', '-q');
      const blob = (content: string): string =>
        execFileSync('git', ['hash-object', '-w', '--stdin'], {
          cwd: dir,
          input: content,
          encoding: 'utf8',
        }).trim();
      const aTree = execFileSync('git', ['mktree'], {
        cwd: dir,
        input: `100644 blob ${blob('hello\n')}\tb.txt\n`,
        encoding: 'utf8',
      }).trim();
      const root = execFileSync('git', ['mktree'], {
        cwd: dir,
        input: `040000 tree ${aTree}\ta\n100644 blob ${blob('x')}\ta-b.txt\n120000 blob ${blob('a/b.txt')}\tlink\n100755 blob ${blob('echo\n')}\trun.sh\n`,
        encoding: 'utf8',
      }).trim();
      expect(r.getCommit(sha)!.tree).toBe(root);
      const commit = execFileSync('git', ['commit-tree', root, '-m', 'first'], {
        cwd: dir,
        env,
        encoding: 'utf8',
      }).trim();
      expect(sha).toBe(commit);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('git data API: blob → tree (base_tree, deletion) → commit → ref; writes are visible to reads', async () => {
    const r = gh.state.createRepo('acme/access');
    const base = r.commit('main', { files: { 'grants/old.yaml': 'old\n', 'README.md': 'hi\n' } });
    const { data: blob } = await octokit.rest.git.createBlob({
      owner,
      repo,
      content: Buffer.from('new grant\n').toString('base64'),
      encoding: 'base64',
    });
    const { data: tree } = await octokit.rest.git.createTree({
      owner,
      repo,
      base_tree: r.getCommit(base)!.tree,
      tree: [
        { path: 'grants/new.yaml', mode: '100644', type: 'blob', sha: blob.sha },
        { path: 'grants/old.yaml', mode: '100644', type: 'blob', sha: null },
      ],
    });
    const { data: commit } = await octokit.rest.git.createCommit({
      owner,
      repo,
      message: 'gitgrant: revoke old',
      tree: tree.sha,
      parents: [base],
      author: { name: 'gitgrant', email: 'bot@example.com', date: '2024-07-01T00:00:00Z' },
    });
    expect(commit.parents.map((p) => p.sha)).toEqual([base]);
    await octokit.rest.git.updateRef({ owner, repo, ref: 'heads/main', sha: commit.sha });

    const { data: read } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: commit.sha });
    expect(read).toMatchObject({
      sha: commit.sha,
      message: 'gitgrant: revoke old',
      tree: { sha: tree.sha },
      author: { date: '2024-07-01T00:00:00Z' },
    });
    const { data: ref } = await octokit.rest.git.getRef({ owner, repo, ref: 'heads/main' });
    expect(ref.object.sha).toBe(commit.sha);
    const { data: content } = await octokit.rest.repos.getContent({
      owner,
      repo,
      path: 'grants/new.yaml',
      ref: 'main',
    });
    expect(Buffer.from((content as { content: string }).content, 'base64').toString()).toBe('new grant\n');
    await expect(
      octokit.rest.repos.getContent({ owner, repo, path: 'grants/old.yaml' }),
    ).rejects.toMatchObject({ status: 404 });
    const { data: history } = await octokit.rest.repos.listCommits({ owner, repo, path: 'grants/old.yaml' });
    expect(history.map((c) => c.sha)).toEqual([commit.sha, base]);
    const { data: single } = await octokit.rest.repos.getCommit({ owner, repo, ref: commit.sha });
    expect(single.files?.map((f) => [f.filename, f.status])).toEqual([
      ['grants/new.yaml', 'added'],
      ['grants/old.yaml', 'removed'],
    ]);

    // Non-fast-forward updates need force.
    const side = r.commit('side', { files: { 'x.txt': 'x' }, parents: [base] });
    const nff = await failure(octokit.rest.git.updateRef({ owner, repo, ref: 'heads/main', sha: side }));
    expect(nff).toMatchObject({ status: 422 });
    expect(nff.message).toContain('Update is not a fast forward');
    await octokit.rest.git.updateRef({ owner, repo, ref: 'heads/main', sha: side, force: true });
    expect(r.branchSha('main')).toBe(side);
    await octokit.rest.git.createRef({ owner, repo, ref: 'refs/heads/revocations', sha: side });
    await expect(
      octokit.rest.git.createRef({ owner, repo, ref: 'refs/heads/revocations', sha: side }),
    ).rejects.toMatchObject({ status: 422 });
    await octokit.rest.git.deleteRef({ owner, repo, ref: 'heads/revocations' });
    expect(r.branchSha('revocations')).toBeUndefined();
  });

  test('statuses, sticky comments and issues are real writes', async () => {
    const { headSha } = seedExample(gh);
    await octokit.rest.repos.createCommitStatus({
      owner,
      repo,
      sha: headSha,
      state: 'failure',
      context: 'gitgrant/approval',
      description: 'needs 1 approval from group:sre',
    });
    const { data: combined } = await octokit.rest.repos.getCombinedStatusForRef({
      owner,
      repo,
      ref: headSha,
    });
    expect(combined.state).toBe('failure');
    expect(combined.statuses.map((s) => [s.context, s.state])).toEqual([['gitgrant/approval', 'failure']]);
    const { data: comments } = await octokit.rest.issues.listComments({ owner, repo, issue_number: 1 });
    const sticky = comments.find((c) => c.body?.startsWith('<!-- gitgrant -->'))!;
    await octokit.rest.issues.updateComment({
      owner,
      repo,
      comment_id: sticky.id,
      body: '<!-- gitgrant -->\nupdated',
    });
    const { data: again } = await octokit.rest.issues.listComments({ owner, repo, issue_number: 1 });
    expect(again.map((c) => c.body)).toEqual(['<!-- gitgrant -->\nupdated']);
    const { data: issue } = await octokit.rest.issues.create({
      owner,
      repo,
      title: 'gitgrant: apply refused',
      labels: ['gitgrant-alert'],
    });
    expect(issue.user?.login).toBe('github-actions[bot]');
    const { data: alerts } = await octokit.rest.issues.listForRepo({
      owner,
      repo,
      labels: 'gitgrant-alert',
      state: 'open',
      creator: 'github-actions[bot]',
    });
    expect(alerts.map((i) => i.number).sort()).toEqual([2, issue.number].sort());
  });

  test('invitations: 201 with an invitation for a new collaborator, 204 for an existing one', async () => {
    seedExample(gh);
    const r = gh.state.repo('acme/access');
    const invited = await octokit.rest.repos.addCollaborator({
      owner,
      repo,
      username: 'alice',
      permission: 'push',
    });
    expect(invited.status).toBe(201);
    expect(invited.data).toMatchObject({ permissions: 'write', invitee: { login: 'alice' } });
    const perm = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: 'alice' });
    expect(perm.data.permission).toBe('none'); // pending until accepted
    r.acceptInvitation('alice');
    expect(
      (await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: 'alice' })).data,
    ).toMatchObject({ permission: 'write', role_name: 'write' });
    const again = await octokit.rest.repos.addCollaborator({
      owner,
      repo,
      username: 'alice',
      permission: 'admin',
    });
    expect(again.status).toBe(204);
    expect(
      (await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: 'alice' })).data
        .permission,
    ).toBe('admin');
    // An org member is added directly.
    gh.state.addOrgMember('acme', 'erin');
    expect(
      (await octokit.rest.repos.addCollaborator({ owner, repo, username: 'erin', permission: 'pull' }))
        .status,
    ).toBe(204);
    await octokit.rest.repos.removeCollaborator({ owner, repo, username: 'alice' });
    expect(
      (await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: 'alice' })).data
        .permission,
    ).toBe('none');
    const { data: pending } = await octokit.rest.repos.listInvitations({ owner, repo });
    expect(pending.map((i) => i.invitee?.login)).toEqual(['carol']);
  });

  test('team membership: active vs pending vs none', async () => {
    seedExample(gh);
    expect(
      (await octokit.rest.teams.getMembershipForUserInOrg({ org: 'acme', team_slug: 'sre', username: 'bob' }))
        .data.state,
    ).toBe('active');
    expect(
      (
        await octokit.rest.teams.getMembershipForUserInOrg({
          org: 'acme',
          team_slug: 'sre',
          username: 'carol',
        })
      ).data.state,
    ).toBe('pending');
    await expect(
      octokit.rest.teams.getMembershipForUserInOrg({ org: 'acme', team_slug: 'sre', username: 'alice' }),
    ).rejects.toMatchObject({ status: 404 });
    const { data: members } = await octokit.rest.teams.listMembersInOrg({ org: 'acme', team_slug: 'sre' });
    expect(members.map((m) => m.login)).toEqual(['bob']);
    gh.state.acceptTeamMembership('acme', 'sre', 'carol');
    expect(
      (
        await octokit.rest.teams.getMembershipForUserInOrg({
          org: 'acme',
          team_slug: 'sre',
          username: 'carol',
        })
      ).data.state,
    ).toBe('active');
    const put = await octokit.rest.teams.addOrUpdateMembershipForUserInOrg({
      org: 'acme',
      team_slug: 'sre',
      username: 'alice',
    });
    expect(put.data.state).toBe('pending'); // alice is not an org member yet
  });

  test('faults: status + retry-after, secondary rate limit, delay, reset, times, consumed in order', async () => {
    gh.state.createRepo('acme/access');
    gh.injectFault({ path: '/repos/acme/access', status: 502, headers: { 'retry-after': '1' } });
    const bad = await failure(octokit.rest.repos.get({ owner, repo }));
    expect(bad.status).toBe(502);
    expect(bad.headers['retry-after']).toBe('1');
    expect((await octokit.rest.repos.get({ owner, repo })).status).toBe(200);

    gh.injectFault({ method: 'GET', path: '/repos/{owner}/{repo}', secondaryRateLimit: true });
    const limited = await failure(octokit.rest.repos.get({ owner, repo }));
    expect(limited.status).toBe(403);
    expect(limited.message).toContain('secondary rate limit');
    expect(limited.headers['retry-after']).toBe('1');

    gh.injectFault({ path: /\/repos\/acme\/access$/, delayMs: 300 });
    const t0 = Date.now();
    expect((await octokit.rest.repos.get({ owner, repo })).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);

    gh.injectFault({ path: '/repos/acme/access', reset: true });
    const reset = await failure(octokit.rest.repos.get({ owner, repo }));
    expect(reset.status).toBe(500); // Octokit reports a network failure as status 500

    gh.injectFault({ path: '/repos/acme/access', status: 500, times: 2 });
    gh.injectFault({ path: '/repos/acme/access', status: 503 });
    expect((await failure(octokit.rest.repos.get({ owner, repo }))).status).toBe(500);
    expect((await failure(octokit.rest.repos.get({ owner, repo }))).status).toBe(500);
    expect((await failure(octokit.rest.repos.get({ owner, repo }))).status).toBe(503);
    expect((await octokit.rest.repos.get({ owner, repo })).status).toBe(200);

    gh.injectFault({ path: '/repos/acme/access', status: 500, times: 5 });
    gh.clearFaults();
    expect((await octokit.rest.repos.get({ owner, repo })).status).toBe(200);
    const faulted = gh.requests.filter((q) => q.faulted).map((q) => q.status);
    expect(faulted).toEqual([502, 403, 200, 0, 500, 500, 503]);
  });

  test('authentication: 401 without or with an unknown token; Bot tokens get 403 on GET /user', async () => {
    gh.state.createRepo('acme/access');
    const anon = new Octokit({ baseUrl: gh.url, log: quiet });
    const e1 = await failure(anon.rest.repos.get({ owner, repo }));
    expect(e1).toMatchObject({ status: 401 });
    expect(e1.message).toContain('Requires authentication');
    const e2 = await failure(
      new Octokit({ baseUrl: gh.url, auth: 'nope', log: quiet }).rest.repos.get({ owner, repo }),
    );
    expect(e2.status).toBe(401);
    expect(e2.message).toContain('Bad credentials');
    gh.state.tokens.pat = { login: 'alice', type: 'User' };
    const bearer = await fetch(`${gh.url}/user`, { headers: { authorization: 'Bearer pat' } });
    expect(bearer.status).toBe(200);
    expect(((await bearer.json()) as { login: string }).login).toBe('alice');
    const bot = await failure(octokit.rest.users.getAuthenticated());
    expect(bot.status).toBe(403);
    expect(bot.message).toContain('Resource not accessible by integration');
  });

  test('App permissions: a missing permission answers 403 with x-accepted-github-permissions', async () => {
    seedExample(gh);
    gh.state.tokens.app = {
      login: 'gitgrant[bot]',
      type: 'Bot',
      permissions: { contents: 'read', pull_requests: 'read', statuses: 'read' },
    };
    const app = new Octokit({ baseUrl: gh.url, auth: 'app', log: quiet });
    expect(
      (await app.rest.pulls.get({ owner, repo, pull_number: 1 })).headers['x-accepted-github-permissions'],
    ).toBe('pull_requests=read');
    const denied = await failure(
      app.rest.repos.createCommitStatus({ owner, repo, sha: 'main', state: 'success' }),
    );
    expect(denied.status).toBe(403);
    expect(denied.message).toContain('Resource not accessible by integration');
    expect(denied.headers['x-accepted-github-permissions']).toBe('statuses=write');
    const members = await failure(
      app.rest.teams.getMembershipForUserInOrg({ org: 'acme', team_slug: 'sre', username: 'bob' }),
    );
    expect(members.headers['x-accepted-github-permissions']).toBe('members=read');
    // Either of several permission sets is enough (issue comments: issues or pull_requests).
    gh.state.tokens.app.permissions = { pull_requests: 'write' };
    expect((await app.rest.issues.createComment({ owner, repo, issue_number: 1, body: 'hi' })).status).toBe(
      201,
    );
  });

  test('@actions/github getOctokit (the client of the Action) works against the fake', async () => {
    seedExample(gh);
    const client = getOctokit('tok', { baseUrl: gh.url, log: quiet });
    const reviews = await client.paginate(client.rest.pulls.listReviews, {
      owner,
      repo,
      pull_number: 1,
      per_page: 1,
    });
    expect(reviews.map((r) => r.user?.login)).toEqual(['bob', 'carol']);
    expect(gh.requests.filter((q) => q.route?.endsWith('/reviews')).map((q) => q.query.page ?? '1')).toEqual([
      '1',
      '2',
    ]);
  });

  test('unknown routes answer 404 and are recorded', async () => {
    const err = await failure(octokit.request('GET /repos/{owner}/{repo}/actions/runs', { owner, repo }));
    expect(err.status).toBe(404);
    expect(gh.unexpectedRequests()).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/repos/acme/access/actions/runs',
        status: 404,
        route: null,
      }),
    ]);
  });

  test('pull requests: create, list filters, update, request reviewers, merge, commits → pulls', async () => {
    const r = gh.state.createRepo('acme/access');
    gh.state.addUser('bob');
    r.commit('main', { files: { 'README.md': 'x\n' } });
    r.commit('grant/a', { files: { 'grants/a.yaml': 'a\n' }, author: { login: 'alice' } });
    const { data: pr } = await octokit.rest.pulls.create({
      owner,
      repo,
      head: 'grant/a',
      base: 'main',
      title: 'A',
    });
    expect(pr.user.login).toBe('github-actions[bot]');
    await expect(
      octokit.rest.pulls.create({ owner, repo, head: 'grant/a', base: 'main', title: 'A' }),
    ).rejects.toMatchObject({ status: 422 });
    expect((await octokit.rest.pulls.list({ owner, repo, head: 'acme:grant/a' })).data).toHaveLength(1);
    expect((await octokit.rest.pulls.list({ owner, repo, head: 'acme:other' })).data).toHaveLength(0);
    await octokit.rest.pulls.requestReviewers({ owner, repo, pull_number: pr.number, reviewers: ['bob'] });
    await octokit.rest.pulls.update({ owner, repo, pull_number: pr.number, body: 'updated' });
    const { data: merged } = await octokit.rest.pulls.merge({
      owner,
      repo,
      pull_number: pr.number,
      merge_method: 'merge',
    });
    const mergeCommit = r.getCommit(merged.sha)!;
    expect(mergeCommit.parents).toHaveLength(2);
    expect(r.branchSha('main')).toBe(merged.sha);
    const { data: assoc } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
      owner,
      repo,
      commit_sha: merged.sha,
    });
    expect(assoc.map((p) => [p.number, p.merged_at !== null])).toEqual([[pr.number, true]]);
    const { data: closed } = await octokit.rest.pulls.list({ owner, repo, state: 'closed' });
    expect(closed[0]).toMatchObject({
      number: pr.number,
      requested_reviewers: [expect.objectContaining({ login: 'bob' })],
      body: 'updated',
    });
    const { data: cmp } = await octokit.rest.repos.compareCommitsWithBasehead({
      owner,
      repo,
      basehead: `${mergeCommit.parents[0]}...main`,
    });
    expect(cmp).toMatchObject({ status: 'ahead', ahead_by: 2 });
  });
});
