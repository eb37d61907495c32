/**
 * In-memory state of the fake GitHub: users, orgs, teams, repositories (git objects, refs, pull
 * requests, reviews, issues, comments, labels, statuses, collaborators, invitations, settings) and
 * tokens. Seed it directly from tests; the HTTP routes read and write the same objects.
 */
import {
  ObjectStore,
  isoSeconds,
  type CommitObject,
  type FlatEntry,
  type GitIdentity,
  type TreeMode,
} from './git-objects.js';

export type AppPermissionLevel = 'read' | 'write' | 'admin';
export type RepoRole = 'read' | 'triage' | 'write' | 'maintain' | 'admin';

export interface TokenSpec {
  login: string;
  type: 'Bot' | 'User';
  id?: number;
  /** GitHub-App-style permissions; when absent the token may call every route. */
  permissions?: Record<string, AppPermissionLevel>;
}

export interface User {
  login: string;
  id: number;
  type: 'User' | 'Bot' | 'Organization';
  name: string | null;
  email: string | null;
  site_admin: boolean;
  created_at: string;
}

export interface UserSpec {
  login: string;
  id?: number;
  type?: 'User' | 'Bot' | 'Organization';
  name?: string | null;
  email?: string | null;
}

export interface PersonSpec {
  /** GitHub login; links the git identity to the account (its noreply email is registered). */
  login?: string;
  id?: number;
  name?: string;
  email?: string;
  date?: string;
}

export type FileSpec =
  | string
  | Buffer
  | { symlink: string }
  | { submodule: string }
  | { content: string | Buffer; executable?: boolean }
  | null;

export interface CommitSpec {
  /** Paths to write on top of the parent's tree (`null` deletes); with `replace: true`, the whole tree. */
  files?: Record<string, FileSpec>;
  replace?: boolean;
  message?: string;
  author?: PersonSpec;
  committer?: PersonSpec;
  /** Parent commits (shas or branch names). Default: the branch tip, or the default branch tip for a new branch. */
  parents?: string[];
}

export interface Label {
  id: number;
  node_id: string;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

export interface IssueComment {
  id: number;
  node_id: string;
  issueNumber: number;
  user: User;
  body: string;
  created_at: string;
  updated_at: string;
}

export interface Issue {
  id: number;
  node_id: string;
  number: number;
  title: string;
  body: string | null;
  user: User;
  state: 'open' | 'closed';
  state_reason: 'completed' | 'reopened' | 'not_planned' | null;
  labels: Label[];
  assignees: User[];
  locked: boolean;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  closed_by: User | null;
  pull?: PullRequest;
}

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';

export interface Review {
  id: number;
  node_id: string;
  user: User;
  body: string;
  state: ReviewState;
  commit_id: string;
  submitted_at: string | null;
}

export interface ReviewSpec {
  user: { login: string; id?: number; type?: 'User' | 'Bot' };
  state: ReviewState;
  commit_id?: string;
  submitted_at?: string;
  body?: string;
}

export interface PullRequest {
  id: number;
  node_id: string;
  number: number;
  issue: Issue;
  baseRef: string;
  headRef: string;
  headRepo: Repo;
  /** Last known head sha (follows the head branch while open). */
  headSha: string;
  /** Base sha frozen when the pull request was merged or closed. */
  frozenBaseSha: string | null;
  draft: boolean;
  merged_at: string | null;
  merge_commit_sha: string | null;
  merged_by: User | null;
  maintainer_can_modify: boolean;
  requested_reviewers: User[];
  requested_teams: Team[];
  reviews: Review[];
}

export interface PullRequestSpec {
  base?: string;
  head: string;
  author: { login: string; id?: number; type?: 'User' | 'Bot' };
  number?: number;
  title?: string;
  body?: string | null;
  draft?: boolean;
  labels?: string[];
  created_at?: string;
}

export interface CommitStatus {
  id: number;
  node_id: string;
  sha: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  description: string | null;
  target_url: string | null;
  context: string;
  creator: User;
  created_at: string;
  updated_at: string;
}

export interface Collaborator {
  user: User;
  role: RepoRole;
}

export interface Invitation {
  id: number;
  node_id: string;
  invitee: User;
  inviter: User;
  role: RepoRole;
  created_at: string;
  expired: boolean;
}

export interface Team {
  id: number;
  node_id: string;
  slug: string;
  name: string;
  description: string | null;
  privacy: 'closed' | 'secret';
  org: Org;
  memberships: Map<string, { user: User; role: 'member' | 'maintainer'; state: 'active' | 'pending' }>;
}

export interface Org {
  account: User;
  members: Map<string, User>;
  teams: Map<string, Team>;
}

export interface RepoOptions {
  defaultBranch?: string;
  private?: boolean;
  description?: string | null;
  /** Full name of the repository this one is a fork of (shares its object store). */
  forkOf?: string;
  id?: number;
  customProperties?: Record<string, string | string[] | null>;
}

const lc = (s: string): string => s.toLowerCase();

export function nodeId(kind: string, id: number | string): string {
  return Buffer.from(`0${kind.length}:${kind}${id}`, 'utf8').toString('base64').replace(/=+$/, '');
}

export const LEGACY_PERMISSION: Record<RepoRole, 'read' | 'write' | 'admin'> = {
  read: 'read',
  triage: 'read',
  write: 'write',
  maintain: 'write',
  admin: 'admin',
};
const ROLE_ORDER: RepoRole[] = ['read', 'triage', 'write', 'maintain', 'admin'];

export function rolePermissions(role: RepoRole): {
  pull: boolean;
  triage: boolean;
  push: boolean;
  maintain: boolean;
  admin: boolean;
} {
  const i = ROLE_ORDER.indexOf(role);
  return { pull: i >= 0, triage: i >= 1, push: i >= 2, maintain: i >= 3, admin: i >= 4 };
}

/** Accepts the API's `pull`/`push` spellings too. */
export function parseRole(p: string | undefined): RepoRole | undefined {
  switch (p ?? 'push') {
    case 'pull':
    case 'read':
      return 'read';
    case 'push':
    case 'write':
      return 'write';
    case 'triage':
      return 'triage';
    case 'maintain':
      return 'maintain';
    case 'admin':
      return 'admin';
    default:
      return undefined;
  }
}

export class FakeState {
  /** Base URL of the fake API (set by the server). */
  apiUrl = 'http://127.0.0.1';
  /** Base URL used for `html_url` fields. */
  htmlUrl = 'https://github.com';
  /** Clock used for timestamps of writes; override for deterministic tests. */
  clock: () => Date = () => new Date();
  readonly users = new Map<string, User>();
  readonly orgs = new Map<string, Org>();
  readonly repos = new Map<string, Repo>();
  /** token → identity. Mutable: tests may add or change tokens at any time. */
  tokens: Record<string, TokenSpec>;
  private readonly emails = new Map<string, User>();
  private ids = new Map<string, number>();

  constructor(tokens?: Record<string, TokenSpec>) {
    this.tokens = tokens ?? { tok: { login: 'github-actions[bot]', type: 'Bot', id: 41898282 } };
  }

  now(): string {
    return isoSeconds(this.clock());
  }

  nextId(kind: string): number {
    const bases: Record<string, number> = {
      user: 1000,
      repo: 500000,
      issue: 2000000,
      pull: 3000000,
      review: 4000000,
      comment: 5000000,
      label: 6000000,
      status: 7000000,
      invitation: 8000000,
      team: 9000,
    };
    const n = (this.ids.get(kind) ?? bases[kind] ?? 1) + 1;
    this.ids.set(kind, n);
    return n;
  }

  /** Registers (or returns) a user. Re-adding with an id fills in a missing id. */
  addUser(spec: UserSpec | string): User {
    const s: UserSpec = typeof spec === 'string' ? { login: spec } : spec;
    const existing = this.users.get(lc(s.login));
    if (existing) {
      if (s.name !== undefined) existing.name = s.name;
      if (s.email !== undefined && s.email !== null) {
        existing.email = s.email;
        this.emails.set(lc(s.email), existing);
      }
      return existing;
    }
    const type = s.type ?? (s.login.endsWith('[bot]') ? 'Bot' : 'User');
    const user: User = {
      login: s.login,
      id: s.id ?? (s.login === 'github-actions[bot]' ? 41898282 : this.nextId('user')),
      type,
      name: s.name ?? null,
      email: s.email ?? null,
      site_admin: false,
      created_at: '2020-01-01T00:00:00Z',
    };
    this.users.set(lc(s.login), user);
    this.emails.set(lc(this.noreplyEmail(user)), user);
    if (user.email) this.emails.set(lc(user.email), user);
    return user;
  }

  getUser(login: string): User | undefined {
    return this.users.get(lc(login));
  }

  noreplyEmail(u: User): string {
    return `${u.id}+${u.login}@users.noreply.github.com`;
  }

  /** Links an email to a user so commit authors resolve to the account, as GitHub does. */
  linkEmail(email: string, login: string): void {
    this.emails.set(lc(email), this.addUser(login));
  }

  userByEmail(email: string): User | undefined {
    return this.emails.get(lc(email));
  }

  /** The user behind a token (created on first use). */
  tokenUser(token: TokenSpec): User {
    return this.addUser({
      login: token.login,
      type: token.type,
      ...(token.id !== undefined ? { id: token.id } : {}),
    });
  }

  createOrg(login: string, opts: { id?: number; members?: string[] } = {}): Org {
    const existing = this.orgs.get(lc(login));
    if (existing) return existing;
    const account = this.addUser({
      login,
      type: 'Organization',
      ...(opts.id !== undefined ? { id: opts.id } : {}),
    });
    const org: Org = { account, members: new Map(), teams: new Map() };
    this.orgs.set(lc(login), org);
    for (const m of opts.members ?? []) this.addOrgMember(login, m);
    return org;
  }

  getOrg(login: string): Org | undefined {
    return this.orgs.get(lc(login));
  }

  addOrgMember(org: string, login: string): User {
    const o = this.createOrg(org);
    const u = this.addUser(login);
    o.members.set(lc(u.login), u);
    return u;
  }

  createTeam(
    org: string,
    slug: string,
    opts: { name?: string; description?: string | null; privacy?: 'closed' | 'secret' } = {},
  ): Team {
    const o = this.createOrg(org);
    const existing = o.teams.get(lc(slug));
    if (existing) return existing;
    const id = this.nextId('team');
    const team: Team = {
      id,
      node_id: nodeId('Team', id),
      slug,
      name: opts.name ?? slug,
      description: opts.description ?? null,
      privacy: opts.privacy ?? 'closed',
      org: o,
      memberships: new Map(),
    };
    o.teams.set(lc(slug), team);
    return team;
  }

  getTeam(org: string, slug: string): Team | undefined {
    return this.getOrg(org)?.teams.get(lc(slug));
  }

  /** Seeds a team membership; `state: 'active'` (default) also makes the user an org member. */
  addTeamMember(
    org: string,
    slug: string,
    login: string | UserSpec,
    opts: { state?: 'active' | 'pending'; role?: 'member' | 'maintainer' } = {},
  ): void {
    const team = this.createTeam(org, slug);
    const user = this.addUser(login);
    const state = opts.state ?? 'active';
    if (state === 'active') this.addOrgMember(org, user.login);
    team.memberships.set(lc(user.login), { user, role: opts.role ?? 'member', state });
  }

  /** Accepts a pending team membership (the invitee joined the org). */
  acceptTeamMembership(org: string, slug: string, login: string): void {
    const m = this.getTeam(org, slug)?.memberships.get(lc(login));
    if (!m) throw new Error(`no membership for ${login} in ${org}/${slug}`);
    m.state = 'active';
    this.addOrgMember(org, login);
  }

  removeTeamMember(org: string, slug: string, login: string): void {
    this.getTeam(org, slug)?.memberships.delete(lc(login));
  }

  createRepo(fullName: string, opts: RepoOptions = {}): Repo {
    const [ownerLogin, name] = fullName.split('/');
    if (!ownerLogin || !name) throw new Error(`repository name must be OWNER/NAME: ${fullName}`);
    if (this.repos.has(lc(fullName))) throw new Error(`repository exists: ${fullName}`);
    const owner = this.getOrg(ownerLogin)?.account ?? this.addUser(ownerLogin);
    const parent = opts.forkOf ? this.getRepo(opts.forkOf) : undefined;
    if (opts.forkOf && !parent) throw new Error(`no such repository ${opts.forkOf}`);
    const repo = new Repo(this, owner, name, opts, parent);
    this.repos.set(lc(fullName), repo);
    return repo;
  }

  getRepo(fullName: string): Repo | undefined {
    return this.repos.get(lc(fullName));
  }

  repo(fullName: string): Repo {
    const r = this.getRepo(fullName);
    if (!r) throw new Error(`no such repository ${fullName}`);
    return r;
  }

  /** Accepts a pending repository invitation by id (the invitee becomes a collaborator). */
  acceptInvitation(id: number): void {
    for (const repo of this.repos.values()) {
      if (repo.invitations.has(id)) {
        repo.acceptInvitation(id);
        return;
      }
    }
    throw new Error(`no such invitation ${id}`);
  }

  identity(p: PersonSpec | undefined, date: string): GitIdentity {
    if (p?.login) {
      const u = this.addUser({ login: p.login, ...(p.id !== undefined ? { id: p.id } : {}) });
      const email = p.email ?? this.noreplyEmail(u);
      this.emails.set(lc(email), u);
      return { name: p.name ?? u.name ?? u.login, email, date: isoSeconds(p.date ?? date) };
    }
    return {
      name: p?.name ?? 'Test Author',
      email: p?.email ?? 'author@example.com',
      date: isoSeconds(p?.date ?? date),
    };
  }
}

export class Repo {
  readonly id: number;
  readonly name: string;
  readonly owner: User;
  defaultBranch: string;
  private: boolean;
  description: string | null;
  readonly objects: ObjectStore;
  readonly refs = new Map<string, string>();
  readonly issues = new Map<number, Issue>();
  readonly pulls = new Map<number, PullRequest>();
  readonly comments = new Map<number, IssueComment>();
  readonly labels = new Map<string, Label>();
  readonly statuses: CommitStatus[] = [];
  readonly collaborators = new Map<string, Collaborator>();
  readonly invitations = new Map<number, Invitation>();
  readonly branchProtection = new Map<string, Record<string, unknown>>();
  readonly branchRules = new Map<string, Array<Record<string, unknown>>>();
  codeownersErrors: Array<Record<string, unknown>> = [];
  customProperties: Record<string, string | string[] | null>;
  readonly createdAt: string;
  pushedAt: string;
  updatedAt: string;
  readonly parent: Repo | undefined;
  private nextNumber = 1;

  constructor(
    readonly state: FakeState,
    owner: User,
    name: string,
    opts: RepoOptions,
    parent?: Repo,
  ) {
    this.id = opts.id ?? state.nextId('repo');
    this.owner = owner;
    this.name = name;
    this.defaultBranch = opts.defaultBranch ?? parent?.defaultBranch ?? 'main';
    this.private = opts.private ?? true;
    this.description = opts.description ?? null;
    this.customProperties = { ...(opts.customProperties ?? {}) };
    this.parent = parent;
    this.objects = parent ? parent.objects : new ObjectStore();
    if (parent) for (const [k, v] of parent.refs) if (k.startsWith('refs/heads/')) this.refs.set(k, v);
    this.createdAt = state.now();
    this.pushedAt = this.createdAt;
    this.updatedAt = this.createdAt;
  }

  get fullName(): string {
    return `${this.owner.login}/${this.name}`;
  }

  get nodeId(): string {
    return nodeId('Repository', this.id);
  }

  // ---------------------------------------------------------------- refs and commits

  static qualify(ref: string): string {
    if (ref.startsWith('refs/')) return ref;
    if (ref.startsWith('heads/') || ref.startsWith('tags/')) return `refs/${ref}`;
    return `refs/heads/${ref}`;
  }

  branchSha(branch: string): string | undefined {
    return this.refs.get(Repo.qualify(branch));
  }

  /** Resolves a sha (full or abbreviated), branch, tag or qualified ref to a commit sha. */
  resolveCommitish(ref: string): string | undefined {
    for (const cand of [ref, `refs/heads/${ref}`, `refs/tags/${ref}`, `refs/${ref}`]) {
      const sha = this.refs.get(cand);
      if (sha) return this.peel(sha);
    }
    const sha = this.objects.resolvePrefix(ref);
    if (sha) return this.peel(sha);
    return undefined;
  }

  private peel(sha: string): string | undefined {
    return this.objects.getCommit(sha) ? sha : undefined;
  }

  /** Moves (or creates) a ref and keeps pull requests in step, as GitHub does. */
  setRef(ref: string, sha: string): void {
    const full = Repo.qualify(ref);
    const old = this.refs.get(full);
    this.refs.set(full, sha);
    this.pushedAt = this.state.now();
    if (!full.startsWith('refs/heads/')) return;
    const branch = full.slice('refs/heads/'.length);
    for (const repo of this.state.repos.values()) {
      for (const pr of repo.pulls.values()) {
        if (pr.issue.state !== 'open') continue;
        if (pr.headRepo === this && pr.headRef === branch && pr.headSha !== sha) {
          pr.headSha = sha;
          pr.issue.updated_at = this.state.now();
        }
      }
    }
    // A push that contains an open pull request's head marks it merged.
    for (const pr of this.pulls.values()) {
      if (pr.issue.state === 'open' && pr.baseRef === branch && this.objects.isAncestor(pr.headSha, sha)) {
        const now = this.state.now();
        pr.frozenBaseSha = old ?? sha;
        pr.merged_at = now;
        pr.merge_commit_sha = pr.headSha;
        pr.issue.state = 'closed';
        pr.issue.closed_at = now;
        pr.issue.updated_at = now;
      }
    }
  }

  deleteRef(ref: string): boolean {
    return this.refs.delete(Repo.qualify(ref));
  }

  /**
   * Builds blob/tree/commit objects and moves `branch` to the new commit. `files` are applied on top
   * of the first parent's tree (`null` deletes a path) unless `replace: true`. Returns the commit sha.
   */
  commit(branch: string, spec: CommitSpec = {}): string {
    const tip = this.branchSha(branch);
    const parents = (
      spec.parents ??
      (tip ? [tip] : this.branchSha(this.defaultBranch) ? [this.branchSha(this.defaultBranch)!] : [])
    ).map((p) => {
      const sha = this.resolveCommitish(p);
      if (!sha) throw new Error(`unknown parent ${p}`);
      return sha;
    });
    const base =
      parents[0] && !spec.replace
        ? this.objects.flatten(this.objects.getCommit(parents[0])!.tree)
        : new Map<string, FlatEntry>();
    for (const [path, f] of Object.entries(spec.files ?? {})) {
      const clean = path.replace(/^\/+/, '');
      if (f === null) {
        for (const k of [...base.keys()]) if (k === clean || k.startsWith(`${clean}/`)) base.delete(k);
        continue;
      }
      base.set(clean, this.fileEntry(f));
    }
    const tree = this.objects.buildTree(base);
    const date = spec.committer?.date ?? spec.author?.date ?? this.state.now();
    const committer = this.state.identity(spec.committer ?? spec.author, date);
    const author = this.state.identity(spec.author ?? spec.committer, spec.author?.date ?? date);
    const sha = this.objects.putCommit({
      tree,
      parents,
      author,
      committer,
      message: spec.message ?? 'commit',
    });
    this.setRef(branch, sha);
    return sha;
  }

  private fileEntry(f: Exclude<FileSpec, null>): FlatEntry {
    if (typeof f === 'string' || Buffer.isBuffer(f))
      return { mode: '100644', type: 'blob', sha: this.objects.putBlob(f) };
    if ('symlink' in f) return { mode: '120000', type: 'blob', sha: this.objects.putBlob(f.symlink) };
    if ('submodule' in f) return { mode: '160000', type: 'commit', sha: f.submodule };
    const mode: TreeMode = f.executable ? '100755' : '100644';
    return { mode, type: 'blob', sha: this.objects.putBlob(f.content) };
  }

  getCommit(sha: string): CommitObject | undefined {
    return this.objects.getCommit(sha);
  }

  // ---------------------------------------------------------------- issues and pull requests

  private allocNumber(n?: number): number {
    if (n !== undefined) {
      if (this.issues.has(n)) throw new Error(`issue/pull number ${n} is taken`);
      this.nextNumber = Math.max(this.nextNumber, n + 1);
      return n;
    }
    while (this.issues.has(this.nextNumber)) this.nextNumber++;
    return this.nextNumber++;
  }

  label(name: string, opts: { color?: string; description?: string | null } = {}): Label {
    const existing = this.labels.get(lc(name));
    if (existing) return existing;
    const id = this.state.nextId('label');
    const l: Label = {
      id,
      node_id: nodeId('Label', id),
      name,
      color: opts.color ?? 'ededed',
      description: opts.description ?? null,
      default: false,
    };
    this.labels.set(lc(name), l);
    return l;
  }

  createIssue(spec: {
    title: string;
    body?: string | null;
    user?: string | UserSpec;
    labels?: string[];
    assignees?: string[];
    number?: number;
    created_at?: string;
  }): Issue {
    const id = this.state.nextId('issue');
    const now = spec.created_at ? isoSeconds(spec.created_at) : this.state.now();
    const issue: Issue = {
      id,
      node_id: nodeId('Issue', id),
      number: this.allocNumber(spec.number),
      title: spec.title,
      body: spec.body ?? null,
      user: this.state.addUser(spec.user ?? this.owner.login),
      state: 'open',
      state_reason: null,
      labels: (spec.labels ?? []).map((l) => this.label(l)),
      assignees: (spec.assignees ?? []).map((a) => this.state.addUser(a)),
      locked: false,
      created_at: now,
      updated_at: now,
      closed_at: null,
      closed_by: null,
    };
    this.issues.set(issue.number, issue);
    return issue;
  }

  addComment(
    issueNumber: number,
    spec: { user: string | UserSpec; body: string; created_at?: string },
  ): IssueComment {
    const issue = this.issues.get(issueNumber);
    if (!issue) throw new Error(`no issue #${issueNumber}`);
    const id = this.state.nextId('comment');
    const now = spec.created_at ? isoSeconds(spec.created_at) : this.state.now();
    const c: IssueComment = {
      id,
      node_id: nodeId('IssueComment', id),
      issueNumber,
      user: this.state.addUser(spec.user),
      body: spec.body,
      created_at: now,
      updated_at: now,
    };
    this.comments.set(id, c);
    issue.updated_at = now;
    return c;
  }

  /** Parses `owner:branch` or `branch` into the head repository and branch. */
  resolveHead(head: string): { repo: Repo; branch: string } | undefined {
    const i = head.indexOf(':');
    if (i < 0) return { repo: this, branch: head };
    const owner = head.slice(0, i);
    const branch = head.slice(i + 1);
    if (lc(owner) === lc(this.owner.login)) return { repo: this, branch };
    for (const r of this.state.repos.values())
      if (r.parent === this && lc(r.owner.login) === lc(owner)) return { repo: r, branch };
    return undefined;
  }

  createPullRequest(spec: PullRequestSpec): PullRequest {
    const base = spec.base ?? this.defaultBranch;
    const head = this.resolveHead(spec.head);
    if (!head) throw new Error(`unknown head ${spec.head}`);
    const headSha = head.repo.branchSha(head.branch);
    if (!headSha) throw new Error(`no branch ${spec.head}`);
    if (!this.branchSha(base)) throw new Error(`no branch ${base}`);
    const author = this.state.addUser({
      login: spec.author.login,
      ...(spec.author.id !== undefined ? { id: spec.author.id } : {}),
      ...(spec.author.type ? { type: spec.author.type } : {}),
    });
    const issue = this.createIssue({
      title: spec.title ?? `Pull request from ${spec.head}`,
      body: spec.body ?? null,
      user: author.login,
      labels: spec.labels ?? [],
      ...(spec.number !== undefined ? { number: spec.number } : {}),
      ...(spec.created_at ? { created_at: spec.created_at } : {}),
    });
    const id = this.state.nextId('pull');
    const pr: PullRequest = {
      id,
      node_id: nodeId('PullRequest', id),
      number: issue.number,
      issue,
      baseRef: base,
      headRef: head.branch,
      headRepo: head.repo,
      headSha,
      frozenBaseSha: null,
      draft: spec.draft ?? false,
      merged_at: null,
      merge_commit_sha: null,
      merged_by: null,
      maintainer_can_modify: false,
      requested_reviewers: [],
      requested_teams: [],
      reviews: [],
    };
    issue.pull = pr;
    this.pulls.set(pr.number, pr);
    return pr;
  }

  pull(n: number | PullRequest): PullRequest {
    const pr = typeof n === 'number' ? this.pulls.get(n) : n;
    if (!pr) throw new Error(`no pull request #${String(n)}`);
    return pr;
  }

  /** The base sha as the API reports it: the base branch tip while open, frozen once merged/closed. */
  pullBaseSha(pr: PullRequest): string {
    return pr.frozenBaseSha ?? this.branchSha(pr.baseRef) ?? pr.headSha;
  }

  /** Commits of a pull request, oldest first: reachable from head and not from base. */
  pullCommits(pr: PullRequest): CommitObject[] {
    const baseSha = this.pullBaseSha(pr);
    const inBase = new Set(this.objects.ancestors(baseSha).map((c) => c.sha));
    return this.objects
      .ancestors(pr.headSha)
      .filter((c) => !inBase.has(c.sha))
      .reverse();
  }

  addReview(pr: number | PullRequest, spec: ReviewSpec): Review {
    const p = this.pull(pr);
    const id = this.state.nextId('review');
    const user = this.state.addUser({
      login: spec.user.login,
      ...(spec.user.id !== undefined ? { id: spec.user.id } : {}),
      ...(spec.user.type ? { type: spec.user.type } : {}),
    });
    const r: Review = {
      id,
      node_id: nodeId('PullRequestReview', id),
      user,
      body: spec.body ?? '',
      state: spec.state,
      commit_id: spec.commit_id ?? p.headSha,
      submitted_at: spec.state === 'PENDING' ? null : isoSeconds(spec.submitted_at ?? this.state.now()),
    };
    p.reviews.push(r);
    return r;
  }

  /** Dismisses a review (its state becomes DISMISSED), as a maintainer would. */
  dismissReview(pr: number | PullRequest, reviewId: number): void {
    const r = this.pull(pr).reviews.find((x) => x.id === reviewId);
    if (!r) throw new Error(`no review ${reviewId}`);
    r.state = 'DISMISSED';
  }

  /** Closes a pull request without merging. */
  closePullRequest(pr: number | PullRequest): void {
    const p = this.pull(pr);
    const now = this.state.now();
    p.issue.state = 'closed';
    p.issue.closed_at = now;
    p.issue.updated_at = now;
    p.frozenBaseSha = this.branchSha(p.baseRef) ?? null;
  }

  /**
   * Merges a pull request into its base branch: `merge` creates a merge commit (parents: base tip,
   * head), `squash`/`rebase` create one commit on the base tip; both use a 3-way merge of the trees.
   * Throws `MergeConflict` when both sides changed the same path differently.
   */
  mergePullRequest(
    pr: number | PullRequest,
    opts: {
      method?: 'merge' | 'squash' | 'rebase';
      by?: string;
      title?: string;
      message?: string;
      date?: string;
    } = {},
  ): string {
    const p = this.pull(pr);
    if (p.issue.state !== 'open') throw new Error('pull request is not open');
    const baseTip = this.branchSha(p.baseRef);
    if (!baseTip) throw new Error(`no branch ${p.baseRef}`);
    const mergeBase = this.objects.mergeBase(baseTip, p.headSha);
    const tree = this.threeWayTree(mergeBase, baseTip, p.headSha);
    const by = this.state.addUser(opts.by ?? this.owner.login);
    const date = opts.date ?? this.state.now();
    const who = this.state.identity({ login: by.login, date }, date);
    const method = opts.method ?? 'merge';
    const message =
      method === 'merge'
        ? `${opts.title ?? `Merge pull request #${p.number} from ${p.headRepo.owner.login}/${p.headRef}`}\n\n${opts.message ?? p.issue.title}`
        : `${opts.title ?? `${p.issue.title} (#${p.number})`}${opts.message ? `\n\n${opts.message}` : ''}`;
    const committer = { name: 'GitHub', email: 'noreply@github.com', date: who.date };
    const sha = this.objects.putCommit({
      tree,
      parents: method === 'merge' ? [baseTip, p.headSha] : [baseTip],
      author: method === 'merge' ? who : (this.objects.getCommit(p.headSha)?.author ?? who),
      committer,
      message,
    });
    p.frozenBaseSha = baseTip;
    p.merged_at = isoSeconds(date);
    p.merge_commit_sha = sha;
    p.merged_by = by;
    p.issue.state = 'closed';
    p.issue.closed_at = p.merged_at;
    p.issue.updated_at = p.merged_at;
    this.setRef(p.baseRef, sha);
    return sha;
  }

  /** Tree of merging `theirs` into `ours` from `base`; throws MergeConflict on conflicting changes. */
  threeWayTree(base: string | undefined, ours: string, theirs: string): string {
    const flat = (sha: string | undefined): Map<string, FlatEntry> =>
      sha ? this.objects.flatten(this.objects.getCommit(sha)!.tree) : new Map();
    const b = flat(base);
    const o = flat(ours);
    const t = flat(theirs);
    const out = new Map(o);
    const paths = new Set([...b.keys(), ...t.keys()]);
    const same = (x?: FlatEntry, y?: FlatEntry): boolean =>
      (x?.sha ?? null) === (y?.sha ?? null) && (x?.mode ?? null) === (y?.mode ?? null);
    for (const path of paths) {
      const be = b.get(path);
      const te = t.get(path);
      const oe = o.get(path);
      if (same(be, te)) continue; // theirs did not change it
      if (same(be, oe) || same(oe, te)) {
        if (te) out.set(path, te);
        else out.delete(path);
        continue;
      }
      throw new MergeConflict(path);
    }
    return this.objects.buildTree(out);
  }

  // ---------------------------------------------------------------- statuses

  addStatus(
    sha: string,
    spec: {
      state: CommitStatus['state'];
      context?: string;
      description?: string | null;
      target_url?: string | null;
      creator?: string;
    },
  ): CommitStatus {
    const id = this.state.nextId('status');
    const now = this.state.now();
    const s: CommitStatus = {
      id,
      node_id: nodeId('StatusContext', id),
      sha,
      state: spec.state,
      context: spec.context ?? 'default',
      description: spec.description ?? null,
      target_url: spec.target_url ?? null,
      creator: this.state.addUser(spec.creator ?? 'github-actions[bot]'),
      created_at: now,
      updated_at: now,
    };
    this.statuses.push(s);
    return s;
  }

  // ---------------------------------------------------------------- collaborators

  addCollaborator(login: string | UserSpec, role: RepoRole = 'write'): Collaborator {
    const user = this.state.addUser(login);
    const c: Collaborator = { user, role };
    this.collaborators.set(lc(user.login), c);
    return c;
  }

  removeCollaborator(login: string): void {
    this.collaborators.delete(lc(login));
    for (const [id, inv] of this.invitations)
      if (lc(inv.invitee.login) === lc(login)) this.invitations.delete(id);
  }

  invite(login: string | UserSpec, role: RepoRole = 'write', inviter?: string): Invitation {
    const invitee = this.state.addUser(login);
    for (const inv of this.invitations.values()) {
      if (inv.invitee === invitee) {
        inv.role = role;
        return inv;
      }
    }
    const id = this.state.nextId('invitation');
    const inv: Invitation = {
      id,
      node_id: nodeId('RepositoryInvitation', id),
      invitee,
      inviter: this.state.addUser(inviter ?? this.owner.login),
      role,
      created_at: this.state.now(),
      expired: false,
    };
    this.invitations.set(id, inv);
    return inv;
  }

  /** Accepts a pending invitation (by id or invitee login): the invitee becomes a collaborator. */
  acceptInvitation(idOrLogin: number | string): Collaborator {
    const inv =
      typeof idOrLogin === 'number'
        ? this.invitations.get(idOrLogin)
        : [...this.invitations.values()].find((i) => lc(i.invitee.login) === lc(idOrLogin));
    if (!inv) throw new Error(`no pending invitation ${String(idOrLogin)} on ${this.fullName}`);
    this.invitations.delete(inv.id);
    return this.addCollaborator(inv.invitee.login, inv.role);
  }

  /** Effective role of a user: owner/admin, collaborator role, org-member-of-owner none, public read. */
  roleOf(login: string): RepoRole | 'none' {
    if (lc(login) === lc(this.owner.login)) return 'admin';
    const c = this.collaborators.get(lc(login));
    if (c) return c.role;
    return this.private ? 'none' : 'read';
  }

  // ---------------------------------------------------------------- settings

  /** Seeds classic branch protection; `settings` is merged over a realistic default. */
  protectBranch(branch: string, settings: Record<string, unknown> = {}): void {
    this.branchProtection.set(branch, settings);
  }

  /** Seeds the rules that apply to a branch (the items of GET /rules/branches/{branch}). */
  setBranchRules(branch: string, rules: Array<Record<string, unknown>>): void {
    this.branchRules.set(branch, rules);
  }
}

export class MergeConflict extends Error {
  constructor(readonly path: string) {
    super(`merge conflict in ${path}`);
  }
}
