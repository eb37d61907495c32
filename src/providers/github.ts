/**
 * The GitHub provider: repository collaborator permission and team membership.
 *
 * Resource config (DESIGN.md §2), exactly one of:
 * - `{ repository: OWNER/NAME }` — the person is a *direct* collaborator of the repository. Levels
 *   (lowest to highest) `read`, `triage`, `write`, `maintain`, `admin`; GitHub's API names are
 *   `pull`, `triage`, `push`, `maintain`, `admin`. A person has one permission per repository, so
 *   the provider sets the HIGHEST level in `held` (the contract in ./types.ts).
 * - `{ team: ORG/SLUG }` — membership of an organization team. Levels `member` < `maintainer`.
 * The subject's identity at GitHub is their login (`subject.login`; `subject.identity` is ignored).
 *
 * Token (docs/providers.md): a GitHub App installation token (GITHUB_TOKEN cannot manage
 * collaborators or teams) with repository `administration: write` for collaborators (it also
 * covers reading invitations) and organization `members: write` for teams. A 403 names the
 * permission that is missing.
 *
 * grant (repository) — at most 3 requests:
 *   1. GET  /repos/{o}/{r}/collaborators/{u}/permission — the EFFECTIVE permission, through any
 *      route (direct, team, organization base role, owner). When it is already at or above the
 *      target, nothing is written: `changed: false`. A person who has MORE is never lowered by a
 *      grant; the detail says so.
 *   2. GET  /repos/{o}/{r}/invitations — a pending (unexpired) invitation at or above the target
 *      is already the grant (`changed: false`, "pending acceptance").
 *      One below the target is raised by step 3 (GitHub updates the pending invitation).
 *   3. PUT  /repos/{o}/{r}/collaborators/{u} { permission } — 201: an invitation was created
 *      (`changed: true`, "invited …, pending acceptance"); 204: an existing collaborator (or an
 *      organization member) was updated.
 * grant (team): GET membership (404 = none); PUT membership { role } unless the person already
 *   has that role or more (active or pending).
 *
 * revoke (repository): gitgrant manages DIRECT collaborator permission and pending invitations
 *   only. The permission endpoint reports the effective permission — an organization member
 *   still shows `read` through the organization's base role, an owner `admin` — which a
 *   revocation cannot and must not change. So state and read-back come from
 *   `GET /repos/{o}/{r}/collaborators?affiliation=direct` (role_name, else the `permissions`
 *   booleans for custom roles) plus `GET /repos/{o}/{r}/invitations`:
 *   - nothing held → every pending invitation of the person is deleted and the direct
 *     collaborator removed (`DELETE …/invitations/{id}`, `DELETE …/collaborators/{u}`);
 *   - levels held → the highest held level is set when the direct permission (or a pending
 *     invitation) is above it (baseline restore: `write` held after `admin` → `write`, never
 *     removed). A pending invitation above it is deleted and re-sent at the held level.
 *   Then the direct state is read again; direct access or an invitation above what `held`
 *   allows → ProviderError `revoke-not-confirmed` (non-retryable). Access that remains through
 *   another route (organization base role, a team, ownership) is reported in the detail, not as
 *   a failure. Levels in `held` this provider does not know are ignored (they can never keep
 *   access, and must never block a revocation).
 * revoke (team): nothing held → DELETE membership; `member` held after `maintainer` → PUT role
 *   member. Read back with GET membership.
 *
 * list: direct collaborators with their level plus pending invitations (`pending: true`); for a
 *   team its active members with role `maintainer` or `member` (pending team invitations are not
 *   listed: the REST members route returns active members only).
 *
 * Errors: 5xx, network errors and timeouts → retryable ProviderError (after the client's own
 * retries); 401/403/404/422 → non-retryable, naming the repository or team and, for a 403, the
 * permission the token needs. An unknown access level is non-retryable and nothing is called.
 */
import type { Resource } from '../core/model.js';
import { createClient, type ClientOptions, type GitHubClient } from '../github/client.js';
import {
  ProviderError,
  type AccessChange,
  type Assignment,
  type ChangeResult,
  type Provider,
} from './types.js';
import { readConfig } from './config.js';

export const REPOSITORY_LEVELS = ['read', 'triage', 'write', 'maintain', 'admin'] as const;
export const TEAM_LEVELS = ['member', 'maintainer'] as const;
export type RepositoryLevel = (typeof REPOSITORY_LEVELS)[number];
export type TeamLevel = (typeof TEAM_LEVELS)[number];

/** gitgrant level → the `permission` GitHub's collaborator API takes. */
export const GITHUB_API_PERMISSION: Readonly<Record<RepositoryLevel, string>> = {
  read: 'pull',
  triage: 'triage',
  write: 'push',
  maintain: 'maintain',
  admin: 'admin',
};

/** Stable codes carried by ProviderError.code (docs/providers.md). */
export const GITHUB_ERROR_CODES = {
  config: 'provider-config',
  unknownLevel: 'unknown-access-level',
  unknownIdentity: 'unknown-identity',
  permission: 'provider-permission',
  notFound: 'provider-not-found',
  rejected: 'provider-rejected',
  unreachable: 'provider-unreachable',
  failed: 'provider-failed',
  notConfirmed: 'revoke-not-confirmed',
} as const;

/** The permission a token needs, per kind of resource (named in 403 messages). */
export const REQUIRED_PERMISSION = {
  repository: 'administration: write (repository permission of a GitHub App)',
  team: 'members: write (organization permission of a GitHub App)',
} as const;

export type GitHubTarget =
  | { kind: 'repository'; owner: string; repo: string; name: string }
  | { kind: 'team'; org: string; slug: string; name: string };

/** An assignment from `list`; `pending` marks an invitation not yet accepted. */
export interface GitHubAssignment extends Assignment {
  pending?: boolean;
}

export interface GitHubClientOptions extends ClientOptions {
  /** API base URL (default: GITHUB_API_URL as read by @actions/github, else api.github.com). */
  apiUrl?: string;
}

export interface GitHubProviderOptions {
  /** A ready client, or a factory called on first use (lazily: a missing token fails on use). */
  client?: GitHubClient | (() => GitHubClient);
  /** Used when `client` is absent: `createGitHubClient(token, clientOptions)` on first use. */
  token?: string;
  clientOptions?: GitHubClientOptions;
  /** Timeout of one operation (one request, or one paginated listing), ms. Default 30000. */
  timeoutMs?: number;
}

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const REPO_NAME = /^[A-Za-z0-9._-]{1,100}$/;
const TEAM_SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/**
 * `createClient` (the one factory) with an explicit API base. `createClient` takes the base from
 * GITHUB_API_URL as @actions/github read it when first imported; `apiUrl` overrides it per
 * request. (Once ClientOptions grows `baseUrl`, this becomes a plain pass-through.)
 */
export function createGitHubClient(token: string, options: GitHubClientOptions = {}): GitHubClient {
  const { apiUrl, ...clientOptions } = options;
  const client = createClient(token, clientOptions);
  if (apiUrl !== undefined && apiUrl !== '') {
    const base = apiUrl.replace(/\/+$/, '');
    const defaultBase = String(client.request.endpoint.DEFAULTS.baseUrl).replace(/\/+$/, '');
    client.hook.before('request', (request) => {
      const r = request as { baseUrl?: string; url: string };
      r.baseUrl = base;
      // Pagination passes absolute URLs built on the default base (its `next` links are the server's own).
      if (r.url === defaultBase || r.url.startsWith(`${defaultBase}/`))
        r.url = base + r.url.slice(defaultBase.length);
    });
  }
  return client;
}

/** Validate a github resource's config (fail closed). */
export function parseGitHubConfig(resource: Resource): GitHubTarget {
  const { cfg: config, bad } = readConfig(
    resource,
    'github',
    GITHUB_ERROR_CODES.config,
    ['repository', 'team'],
    'repository or team',
  );
  if (Object.keys(config).length !== 1)
    return bad('must have exactly one of repository: OWNER/NAME or team: ORG/SLUG');
  if ('repository' in config) {
    const value = config['repository'];
    const [owner, repo, extra] = typeof value === 'string' ? value.split('/') : [];
    if (
      owner === undefined ||
      repo === undefined ||
      extra !== undefined ||
      !OWNER.test(owner) ||
      !REPO_NAME.test(repo) ||
      repo === '.' ||
      repo === '..'
    ) {
      return bad(`repository must be OWNER/NAME, got ${JSON.stringify(value)}`);
    }
    return { kind: 'repository', owner, repo, name: `${owner}/${repo}` };
  }
  const value = config['team'];
  const [org, slug, extra] = typeof value === 'string' ? value.split('/') : [];
  if (
    org === undefined ||
    slug === undefined ||
    extra !== undefined ||
    !OWNER.test(org) ||
    !TEAM_SLUG.test(slug)
  ) {
    return bad(`team must be ORG/SLUG, got ${JSON.stringify(value)}`);
  }
  return { kind: 'team', org, slug, name: `${org}/${slug}` };
}

export class GitHubProvider implements Provider {
  readonly name = 'github';
  private readonly timeoutMs: number;
  private client: GitHubClient | undefined;
  private readonly makeClient: () => GitHubClient;

  constructor(options: GitHubProviderOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    const { client, token, clientOptions } = options;
    if (typeof client === 'function') this.makeClient = client;
    else if (client !== undefined) this.makeClient = () => client;
    else if (token !== undefined && token !== '')
      this.makeClient = () => createGitHubClient(token, clientOptions);
    else
      this.makeClient = () => {
        throw missingToken();
      };
  }

  async grant(change: AccessChange): Promise<ChangeResult> {
    const target = this.prepare(change.resource);
    const login = checkLogin(change.subject.login, change.resource);
    if (target.kind === 'repository') {
      const want = highest(repoLevels(change.resource, [change.level, ...change.held]), REPOSITORY_LEVELS)!;
      return this.grantRepository(change.resource, target, login, want);
    }
    const want = highest(teamLevels(change.resource, [change.level, ...change.held]), TEAM_LEVELS)!;
    return this.grantTeam(change.resource, target, login, want);
  }

  async revoke(change: AccessChange): Promise<ChangeResult> {
    const target = this.prepare(change.resource);
    const login = checkLogin(change.subject.login, change.resource);
    if (target.kind === 'repository') {
      repoLevels(change.resource, [change.level]);
      const keep = highest(change.held.filter(isRepositoryLevel), REPOSITORY_LEVELS);
      return this.revokeRepository(change.resource, target, login, change.level, keep);
    }
    teamLevels(change.resource, [change.level]);
    const keep = highest(change.held.filter(isTeamLevel), TEAM_LEVELS);
    return this.revokeTeam(change.resource, target, login, change.level, keep);
  }

  async list(resource: Resource): Promise<GitHubAssignment[] | null> {
    const target = this.prepare(resource);
    const out: GitHubAssignment[] = [];
    if (target.kind === 'repository') {
      const state = await this.directState(resource, target);
      for (const c of state.collaborators) out.push({ identity: c.login, access: c.level });
      for (const i of state.invitations) out.push({ identity: i.login, access: i.level, pending: true });
    } else {
      const gh = this.gh();
      const signal = this.signal();
      const [maintainers, members] = await this.call(resource, target, 'list the team members', () =>
        Promise.all([
          gh.paginate(gh.rest.teams.listMembersInOrg, {
            org: target.org,
            team_slug: target.slug,
            role: 'maintainer',
            per_page: 100,
            request: { signal },
          }),
          gh.paginate(gh.rest.teams.listMembersInOrg, {
            org: target.org,
            team_slug: target.slug,
            role: 'all',
            per_page: 100,
            request: { signal },
          }),
        ]),
      );
      const isMaintainer = new Set(maintainers.map((u) => u.login.toLowerCase()));
      for (const u of members) {
        out.push({
          identity: u.login,
          access: isMaintainer.has(u.login.toLowerCase()) ? 'maintainer' : 'member',
        });
      }
    }
    return out.sort(
      (a, b) =>
        cmp(a.identity.toLowerCase(), b.identity.toLowerCase()) ||
        Number(a.pending ?? false) - Number(b.pending ?? false) ||
        cmp(a.access, b.access),
    );
  }

  // ---- repository ----------------------------------------------------------------------------

  private async grantRepository(
    resource: Resource,
    t: Extract<GitHubTarget, { kind: 'repository' }>,
    login: string,
    want: RepositoryLevel,
  ): Promise<ChangeResult> {
    const gh = this.gh();
    const effective = await this.effectivePermission(resource, t, login, true);
    if (effective !== null && rank(effective, REPOSITORY_LEVELS) >= rank(want, REPOSITORY_LEVELS)) {
      return {
        changed: false,
        detail:
          effective === want
            ? `${login} already has ${want} on ${t.name}`
            : `${login} already has ${effective} on ${t.name} (more than ${want}, possibly through ` +
              'the organization, a team or ownership): not lowered',
      };
    }
    const invitations = await this.invitationsOf(resource, t, login);
    const sufficient = invitations.find(
      (i) => !i.expired && rank(i.level, REPOSITORY_LEVELS) >= rank(want, REPOSITORY_LEVELS),
    );
    if (sufficient !== undefined) {
      return {
        changed: false,
        detail:
          `${login} already invited to ${t.name} as ${sufficient.level}, pending acceptance` +
          (sufficient.level === want ? '' : ` (more than ${want}): not lowered`),
      };
    }
    const signal = this.signal();
    const res = await this.call(resource, t, `add ${login} as a collaborator`, () =>
      gh.request('PUT /repos/{owner}/{repo}/collaborators/{username}', {
        owner: t.owner,
        repo: t.repo,
        username: login,
        permission: GITHUB_API_PERMISSION[want],
        request: { signal },
      }),
    );
    if ((res.status as number) === 201) {
      return { changed: true, detail: `invited ${login} to ${t.name} as ${want}, pending acceptance` };
    }
    return {
      changed: true,
      detail:
        `set ${login}'s permission on ${t.name} to ${want}` +
        (effective !== null ? ` (was ${effective})` : ''),
    };
  }

  private async revokeRepository(
    resource: Resource,
    t: Extract<GitHubTarget, { kind: 'repository' }>,
    login: string,
    level: string,
    keep: RepositoryLevel | null,
  ): Promise<ChangeResult> {
    const gh = this.gh();
    const before = await this.directState(resource, t, login);
    const collaborator = before.collaborators[0];
    const done: string[] = [];
    const above = (l: RepositoryLevel): boolean =>
      keep === null || rank(l, REPOSITORY_LEVELS) > rank(keep, REPOSITORY_LEVELS);

    for (const inv of before.invitations) {
      // Nothing held: every invitation goes. Levels held: an invitation above them goes (and is
      // re-sent at the held level below when the person is not a collaborator yet).
      if (keep !== null && !above(inv.level)) continue;
      const signal = this.signal();
      await this.callOr404(resource, t, `delete the invitation of ${login}`, () =>
        gh.request('DELETE /repos/{owner}/{repo}/invitations/{invitation_id}', {
          owner: t.owner,
          repo: t.repo,
          invitation_id: inv.id,
          request: { signal },
        }),
      );
      done.push(`deleted the pending invitation of ${login} (${inv.level})`);
    }
    if (keep === null) {
      if (collaborator !== undefined) {
        const signal = this.signal();
        await this.callOr404(resource, t, `remove ${login} as a collaborator`, () =>
          gh.request('DELETE /repos/{owner}/{repo}/collaborators/{username}', {
            owner: t.owner,
            repo: t.repo,
            username: login,
            request: { signal },
          }),
        );
        done.push(`removed ${login} (${collaborator.level}) from ${t.name}`);
      }
    } else {
      const reinvite = collaborator === undefined && before.invitations.some((i) => above(i.level));
      if ((collaborator !== undefined && above(collaborator.level)) || reinvite) {
        const signal = this.signal();
        const res = await this.call(resource, t, `set the permission of ${login}`, () =>
          gh.request('PUT /repos/{owner}/{repo}/collaborators/{username}', {
            owner: t.owner,
            repo: t.repo,
            username: login,
            permission: GITHUB_API_PERMISSION[keep],
            request: { signal },
          }),
        );
        done.push(
          (res.status as number) === 201
            ? `re-invited ${login} to ${t.name} as ${keep} (still held), pending acceptance`
            : `set ${login}'s permission on ${t.name} to ${keep} (still held; was ${collaborator?.level ?? 'invited'})`,
        );
      }
    }

    const state = done.length > 0 ? await this.directState(resource, t, login) : before;
    const left = [
      ...state.collaborators.filter((c) => above(c.level)).map((c) => `direct ${c.level}`),
      ...state.invitations.filter((i) => above(i.level)).map((i) => `a pending invitation as ${i.level}`),
    ];
    if (left.length > 0) {
      throw new ProviderError(
        `resource ${resource.id}: revoking ${level} of ${login} on ${t.name} was not confirmed: ` +
          `${login} still has ${left.join(' and ')}` +
          (keep === null ? '' : ` (only ${keep} is still held)`),
        false,
        GITHUB_ERROR_CODES.notConfirmed,
      );
    }

    // Access through another route (organization base role, a team, ownership) is not ours to
    // remove; report it so the drift is visible.
    const effective = await this.effectivePermission(resource, t, login, false);
    const indirect =
      effective !== null && above(effective)
        ? `; ${login} still has ${effective} on ${t.name} through the organization, a team or ownership ` +
          '(not managed by gitgrant)'
        : '';
    if (done.length === 0) {
      const now = state.collaborators[0]?.level ?? state.invitations[0]?.level;
      const why =
        keep === null
          ? `${login} is not a direct collaborator of ${t.name} and has no pending invitation`
          : `${login} has ${now ?? 'no direct access'} on ${t.name}, not more than ${keep} (still held)`;
      return { changed: false, detail: why + indirect };
    }
    return { changed: true, detail: done.join('; ') + indirect };
  }

  /** Effective permission (any route), or null for none; `strict`: a 404 (no such user) throws. */
  private async effectivePermission(
    resource: Resource,
    t: Extract<GitHubTarget, { kind: 'repository' }>,
    login: string,
    strict: boolean,
  ): Promise<RepositoryLevel | null> {
    const gh = this.gh();
    const signal = this.signal();
    const read = () =>
      gh.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', {
        owner: t.owner,
        repo: t.repo,
        username: login,
        request: { signal },
      });
    const what = `read the permission of ${login}`;
    const res = strict
      ? await this.call(
          resource,
          t,
          what,
          read,
          `repository ${t.name} or GitHub user ${login} not found (or the token cannot see the repository)`,
        )
      : await this.callOr404(resource, t, what, read);
    if (res === undefined) return null;
    const data = res.data as {
      permission?: string;
      role_name?: string;
      user?: { permissions?: Record<string, boolean | undefined> } | null;
    };
    if (data.permission === 'none') return null;
    return levelOf(data.role_name, data.user?.permissions, data.permission);
  }

  /** Direct collaborators and pending invitations (all, or only those of `login`). */
  private async directState(
    resource: Resource,
    t: Extract<GitHubTarget, { kind: 'repository' }>,
    login?: string,
  ): Promise<{ collaborators: { login: string; level: RepositoryLevel }[]; invitations: Invitation[] }> {
    const gh = this.gh();
    const signal = this.signal();
    const users = await this.call(resource, t, 'list the direct collaborators', () =>
      gh.paginate(gh.rest.repos.listCollaborators, {
        owner: t.owner,
        repo: t.repo,
        affiliation: 'direct',
        per_page: 100,
        request: { signal },
      }),
    );
    const want = login?.toLowerCase();
    const collaborators: { login: string; level: RepositoryLevel }[] = [];
    for (const u of users) {
      if (want !== undefined && u.login.toLowerCase() !== want) continue;
      const level = levelOf(u.role_name, u.permissions as Record<string, boolean | undefined> | undefined);
      if (level !== null) collaborators.push({ login: u.login, level });
    }
    const invitations = await this.invitationsOf(resource, t, login);
    return { collaborators, invitations };
  }

  private async invitationsOf(
    resource: Resource,
    t: Extract<GitHubTarget, { kind: 'repository' }>,
    login?: string,
  ): Promise<Invitation[]> {
    const gh = this.gh();
    const signal = this.signal();
    const all = await this.call(resource, t, 'list the pending invitations', () =>
      gh.paginate(gh.rest.repos.listInvitations, {
        owner: t.owner,
        repo: t.repo,
        per_page: 100,
        request: { signal },
      }),
    );
    const want = login?.toLowerCase();
    const out: Invitation[] = [];
    for (const i of all) {
      const invitee = i.invitee?.login;
      if (invitee === undefined || (want !== undefined && invitee.toLowerCase() !== want)) continue;
      // An invitation whose level we cannot read counts as admin: fail closed on revoke.
      const level = levelOf(String(i.permissions)) ?? 'admin';
      out.push({ id: i.id, login: invitee, level, expired: i.expired === true });
    }
    return out;
  }

  // ---- team ----------------------------------------------------------------------------------

  private async grantTeam(
    resource: Resource,
    t: Extract<GitHubTarget, { kind: 'team' }>,
    login: string,
    want: TeamLevel,
  ): Promise<ChangeResult> {
    const gh = this.gh();
    const current = await this.membership(resource, t, login);
    if (current !== null && rank(current.role, TEAM_LEVELS) >= rank(want, TEAM_LEVELS)) {
      const pending = current.state === 'pending' ? ' (pending: not yet an organization member)' : '';
      return {
        changed: false,
        detail:
          current.role === want
            ? `${login} already ${want} of ${t.name}${pending}`
            : `${login} already ${current.role} of ${t.name} (more than ${want}): not lowered${pending}`,
      };
    }
    const signal = this.signal();
    const res = await this.call(resource, t, `add ${login} to the team`, () =>
      gh.request('PUT /orgs/{org}/teams/{team_slug}/memberships/{username}', {
        org: t.org,
        team_slug: t.slug,
        username: login,
        role: want,
        request: { signal },
      }),
    );
    const state = (res.data as { state?: string }).state;
    const verb =
      current === null
        ? `added ${login} to ${t.name} as ${want}`
        : `made ${login} ${want} of ${t.name} (was ${current.role})`;
    return {
      changed: true,
      detail: state === 'pending' ? `${verb}, pending acceptance of the organization invitation` : verb,
    };
  }

  private async revokeTeam(
    resource: Resource,
    t: Extract<GitHubTarget, { kind: 'team' }>,
    login: string,
    level: string,
    keep: TeamLevel | null,
  ): Promise<ChangeResult> {
    const gh = this.gh();
    const above = (l: TeamLevel): boolean => keep === null || rank(l, TEAM_LEVELS) > rank(keep, TEAM_LEVELS);
    const current = await this.membership(resource, t, login);
    if (current === null || !above(current.role)) {
      return {
        changed: false,
        detail:
          current === null
            ? `${login} is not a member of ${t.name}`
            : `${login} is ${current.role} of ${t.name}, not more than ${keep} (still held)`,
      };
    }
    const signal = this.signal();
    let detail: string;
    if (keep === null) {
      await this.callOr404(resource, t, `remove ${login} from the team`, () =>
        gh.request('DELETE /orgs/{org}/teams/{team_slug}/memberships/{username}', {
          org: t.org,
          team_slug: t.slug,
          username: login,
          request: { signal },
        }),
      );
      detail = `removed ${login} (${current.role}) from ${t.name}`;
    } else {
      await this.call(resource, t, `set the team role of ${login}`, () =>
        gh.request('PUT /orgs/{org}/teams/{team_slug}/memberships/{username}', {
          org: t.org,
          team_slug: t.slug,
          username: login,
          role: keep,
          request: { signal },
        }),
      );
      detail = `made ${login} ${keep} of ${t.name} (still held; was ${current.role})`;
    }
    const after = await this.membership(resource, t, login);
    if (after !== null && above(after.role)) {
      throw new ProviderError(
        `resource ${resource.id}: revoking ${level} of ${login} on team ${t.name} was not confirmed: ` +
          `${login} is still ${after.role}` +
          (keep === null ? '' : ` (only ${keep} is still held)`),
        false,
        GITHUB_ERROR_CODES.notConfirmed,
      );
    }
    return { changed: true, detail };
  }

  private async membership(
    resource: Resource,
    t: Extract<GitHubTarget, { kind: 'team' }>,
    login: string,
  ): Promise<{ role: TeamLevel; state: string } | null> {
    const gh = this.gh();
    const signal = this.signal();
    const res = await this.callOr404(resource, t, `read the team membership of ${login}`, () =>
      gh.request('GET /orgs/{org}/teams/{team_slug}/memberships/{username}', {
        org: t.org,
        team_slug: t.slug,
        username: login,
        request: { signal },
      }),
    );
    if (res === undefined) return null;
    const data = res.data as { role?: string; state?: string };
    // A role we do not know counts as maintainer: fail closed on revoke.
    const role: TeamLevel = data.role === 'member' ? 'member' : 'maintainer';
    return { role, state: data.state ?? 'active' };
  }

  // ---- plumbing ------------------------------------------------------------------------------

  private prepare(resource: Resource): GitHubTarget {
    if (resource.provider !== 'github') {
      throw new ProviderError(
        `resource ${resource.id} uses provider ${resource.provider}, not github`,
        false,
        GITHUB_ERROR_CODES.config,
      );
    }
    return parseGitHubConfig(resource);
  }

  private gh(): GitHubClient {
    this.client ??= this.makeClient();
    return this.client;
  }

  private signal(): AbortSignal {
    return AbortSignal.timeout(this.timeoutMs);
  }

  /** Run one API operation; every failure becomes a ProviderError naming the target. */
  private async call<T>(
    resource: Resource,
    t: GitHubTarget,
    action: string,
    fn: () => Promise<T>,
    notFound?: string,
  ): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw toProviderError(err, resource, t, action, notFound);
    }
  }

  /** As `call`, but a 404 answers undefined (absent membership, already deleted). */
  private async callOr404<T>(
    resource: Resource,
    t: GitHubTarget,
    action: string,
    fn: () => Promise<T>,
  ): Promise<T | undefined> {
    try {
      return await fn();
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw toProviderError(err, resource, t, action);
    }
  }
}

export function createGitHubProvider(options: GitHubProviderOptions = {}): GitHubProvider {
  return new GitHubProvider(options);
}

// ---------------------------------------------------------------------------------------------

interface Invitation {
  id: number;
  login: string;
  level: RepositoryLevel;
  expired: boolean;
}

function missingToken(): ProviderError {
  return new ProviderError(
    'the github provider has no token: give gitgrant a GitHub App installation token (input `app-token`) ' +
      `with ${REQUIRED_PERMISSION.repository} for repository resources and ${REQUIRED_PERMISSION.team} ` +
      'for team resources; the workflow GITHUB_TOKEN cannot manage collaborators or teams',
    false,
    GITHUB_ERROR_CODES.config,
  );
}

function isRepositoryLevel(level: string): level is RepositoryLevel {
  return (REPOSITORY_LEVELS as readonly string[]).includes(level);
}

function isTeamLevel(level: string): level is TeamLevel {
  return (TEAM_LEVELS as readonly string[]).includes(level);
}

function repoLevels(resource: Resource, levels: readonly string[]): RepositoryLevel[] {
  return levels.map((level) => {
    if (!isRepositoryLevel(level)) throw unknownLevel(resource, level, REPOSITORY_LEVELS);
    return level;
  });
}

function teamLevels(resource: Resource, levels: readonly string[]): TeamLevel[] {
  return levels.map((level) => {
    if (!isTeamLevel(level)) throw unknownLevel(resource, level, TEAM_LEVELS);
    return level;
  });
}

function unknownLevel(resource: Resource, level: string, known: readonly string[]): ProviderError {
  return new ProviderError(
    `resource ${resource.id}: access level ${JSON.stringify(level)} is not a github level (expected ${known.join(', ')})`,
    false,
    GITHUB_ERROR_CODES.unknownLevel,
  );
}

function checkLogin(login: string, resource: Resource): string {
  if (!LOGIN.test(login)) {
    throw new ProviderError(
      `resource ${resource.id}: ${JSON.stringify(login)} is not a GitHub login`,
      false,
      GITHUB_ERROR_CODES.unknownIdentity,
    );
  }
  return login;
}

function rank<L extends string>(level: L, order: readonly L[]): number {
  return order.indexOf(level);
}

function highest<L extends string>(levels: readonly L[], order: readonly L[]): L | null {
  let best: L | null = null;
  for (const l of levels) if (best === null || rank(l, order) > rank(best, order)) best = l;
  return best;
}

/**
 * A repository level from what GitHub reports: a known `role_name`; else (a custom repository
 * role) the highest true flag of `permissions`; else the legacy `permission` (read/write/admin).
 */
export function levelOf(
  roleName: string | undefined | null,
  permissions?: Record<string, boolean | undefined> | null,
  legacy?: string,
): RepositoryLevel | null {
  const direct: Record<string, RepositoryLevel> = {
    read: 'read',
    pull: 'read',
    triage: 'triage',
    write: 'write',
    push: 'write',
    maintain: 'maintain',
    admin: 'admin',
  };
  if (roleName !== undefined && roleName !== null && direct[roleName] !== undefined) return direct[roleName];
  if (permissions) {
    if (permissions['admin']) return 'admin';
    if (permissions['maintain']) return 'maintain';
    if (permissions['push']) return 'write';
    if (permissions['triage']) return 'triage';
    if (permissions['pull']) return 'read';
    return null;
  }
  if (legacy !== undefined && direct[legacy] !== undefined) return direct[legacy];
  return null;
}

function statusOf(err: unknown): number | undefined {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

function messageOf(err: unknown): string {
  const m = (err as { message?: unknown } | null)?.message;
  return typeof m === 'string' && m !== '' ? m : String(err);
}

function toProviderError(
  err: unknown,
  resource: Resource,
  t: GitHubTarget,
  action: string,
  notFound?: string,
): ProviderError {
  const what = t.kind === 'repository' ? `repository ${t.name}` : `team ${t.name}`;
  return githubFailure(err, {
    prefix: `resource ${resource.id}: cannot ${action} on ${what}`,
    need: t.kind === 'repository' ? REQUIRED_PERMISSION.repository : REQUIRED_PERMISSION.team,
    notFound: notFound ?? `${what} not found (or the token cannot see it)`,
  });
}

export interface FailureContext {
  /** What failed, e.g. "resource web: cannot add alice as a collaborator on repository acme/web". */
  prefix: string;
  /** The permission the token needs, named in 401/403 messages. */
  need: string;
  /** The message of a 404. */
  notFound: string;
}

/**
 * A GitHub API failure as a ProviderError: 5xx, 408, 429, rate limits, network errors and
 * timeouts are retryable; 401/403/404/422 and the rest are not. Duck-typed (errors may come from
 * another realm, e.g. under jest's VM modules).
 */
export function githubFailure(err: unknown, ctx: FailureContext): ProviderError {
  if (err instanceof ProviderError) return err;
  const { prefix, need } = ctx;
  const name = (err as { name?: unknown } | null)?.name;
  const msg = messageOf(err);
  if (name === 'PermissionError') {
    const accepted = (err as { permission?: unknown }).permission;
    return new ProviderError(
      `${prefix}: the token lacks the permission: it needs ${need}` +
        (typeof accepted === 'string' && !accepted.startsWith('unknown')
          ? ` (GitHub accepts ${accepted})`
          : ''),
      false,
      GITHUB_ERROR_CODES.permission,
    );
  }
  const status = statusOf(err);
  if (status === undefined || name === 'AbortError' || name === 'TimeoutError') {
    return new ProviderError(`${prefix}: ${msg}`, true, GITHUB_ERROR_CODES.unreachable);
  }
  if (status >= 500 || status === 408 || status === 429 || (status === 403 && /rate limit/i.test(msg))) {
    return new ProviderError(`${prefix}: ${msg}`, true, GITHUB_ERROR_CODES.failed);
  }
  if (status === 401) {
    return new ProviderError(
      `${prefix}: the token was refused (401): ${msg}`,
      false,
      GITHUB_ERROR_CODES.permission,
    );
  }
  if (status === 403) {
    return new ProviderError(
      `${prefix}: forbidden (403): the token needs ${need}: ${msg}`,
      false,
      GITHUB_ERROR_CODES.permission,
    );
  }
  if (status === 404) {
    return new ProviderError(`${prefix}: ${ctx.notFound} (404)`, false, GITHUB_ERROR_CODES.notFound);
  }
  if (status === 422) {
    return new ProviderError(
      `${prefix}: GitHub refused it (422): ${msg}`,
      false,
      GITHUB_ERROR_CODES.rejected,
    );
  }
  return new ProviderError(`${prefix}: ${msg}`, false, GITHUB_ERROR_CODES.failed);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
