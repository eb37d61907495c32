/**
 * Serializers: turn state objects into JSON in GitHub's REST shapes (the fields consumers use plus
 * every field the OpenAPI description marks as required). All URLs point at the fake itself.
 */
import type { CommitObject, DiffEntry, GitIdentity } from './git-objects.js';
import { diffTrees, lineStats } from './git-objects.js';
import {
  LEGACY_PERMISSION,
  nodeId,
  rolePermissions,
  type Collaborator,
  type CommitStatus,
  type FakeState,
  type Invitation,
  type Issue,
  type IssueComment,
  type Label,
  type PullRequest,
  type Repo,
  type RepoRole,
  type Review,
  type Team,
  type User,
} from './state.js';

type Json = Record<string, unknown>;

export function simpleUser(s: FakeState, u: User): Json {
  const api = `${s.apiUrl}/users/${u.login}`;
  return {
    login: u.login,
    id: u.id,
    node_id: nodeId(u.type === 'Bot' ? 'Bot' : u.type === 'Organization' ? 'Organization' : 'User', u.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${u.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: `${s.htmlUrl}/${u.type === 'Bot' ? `apps/${u.login.replace(/\[bot\]$/, '')}` : u.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: u.type,
    user_view_type: 'public',
    site_admin: u.site_admin,
  };
}

export function publicUser(s: FakeState, u: User): Json {
  return {
    ...simpleUser(s, u),
    name: u.name,
    company: null,
    blog: '',
    location: null,
    email: u.email,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: [...s.repos.values()].filter((r) => r.owner === u && !r.private).length,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: u.created_at,
    updated_at: u.created_at,
  };
}

export function privateUser(s: FakeState, u: User): Json {
  return {
    ...publicUser(s, u),
    private_gists: 0,
    total_private_repos: [...s.repos.values()].filter((r) => r.owner === u && r.private).length,
    owned_private_repos: [...s.repos.values()].filter((r) => r.owner === u && r.private).length,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
  };
}

function repoUrls(s: FakeState, r: Repo): Json {
  const api = `${s.apiUrl}/repos/${r.fullName}`;
  return {
    url: api,
    html_url: `${s.htmlUrl}/${r.fullName}`,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    hooks_url: `${api}/hooks`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
  };
}

export function minimalRepo(s: FakeState, r: Repo): Json {
  return {
    id: r.id,
    node_id: r.nodeId,
    name: r.name,
    full_name: r.fullName,
    owner: simpleUser(s, r.owner),
    private: r.private,
    description: r.description,
    fork: r.parent !== undefined,
    ...repoUrls(s, r),
    git_url: `git://github.com/${r.fullName}.git`,
    ssh_url: `git@github.com:${r.fullName}.git`,
    clone_url: `${s.htmlUrl}/${r.fullName}.git`,
    svn_url: `${s.htmlUrl}/${r.fullName}`,
    mirror_url: null,
    homepage: null,
    language: null,
    default_branch: r.defaultBranch,
    visibility: r.private ? 'private' : 'public',
    archived: false,
    disabled: false,
    is_template: false,
    topics: [],
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    size: 1,
    open_issues_count: [...r.issues.values()].filter((i) => i.state === 'open').length,
    has_issues: true,
    has_projects: true,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    pushed_at: r.pushedAt,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
    permissions: { admin: true, maintain: true, push: true, triage: true, pull: true },
    license: null,
    forks: 0,
    open_issues: [...r.issues.values()].filter((i) => i.state === 'open').length,
    watchers: 0,
    allow_forking: true,
    web_commit_signoff_required: false,
  };
}

export function repository(s: FakeState, r: Repo): Json {
  return {
    ...minimalRepo(s, r),
    allow_merge_commit: true,
    allow_squash_merge: true,
    allow_rebase_merge: true,
    allow_auto_merge: false,
    delete_branch_on_merge: false,
  };
}

export function fullRepository(s: FakeState, r: Repo): Json {
  return {
    ...repository(s, r),
    network_count: 0,
    subscribers_count: 0,
    ...(r.parent ? { parent: repository(s, r.parent), source: repository(s, r.parent) } : {}),
    custom_properties: { ...r.customProperties },
  };
}

export function label(s: FakeState, r: Repo, l: Label): Json {
  return {
    id: l.id,
    node_id: l.node_id,
    url: `${s.apiUrl}/repos/${r.fullName}/labels/${encodeURIComponent(l.name)}`,
    name: l.name,
    description: l.description,
    color: l.color,
    default: l.default,
  };
}

export function authorAssociation(r: Repo, u: User): string {
  if (u.login.toLowerCase() === r.owner.login.toLowerCase()) return 'OWNER';
  if (r.state.getOrg(r.owner.login)?.members.has(u.login.toLowerCase())) return 'MEMBER';
  if (r.collaborators.has(u.login.toLowerCase())) return 'COLLABORATOR';
  return 'CONTRIBUTOR';
}

function reactions(url: string): Json {
  return {
    url: `${url}/reactions`,
    total_count: 0,
    '+1': 0,
    '-1': 0,
    laugh: 0,
    hooray: 0,
    confused: 0,
    heart: 0,
    rocket: 0,
    eyes: 0,
  };
}

export function issue(s: FakeState, r: Repo, i: Issue): Json {
  const api = `${s.apiUrl}/repos/${r.fullName}/issues/${i.number}`;
  const comments = [...r.comments.values()].filter((c) => c.issueNumber === i.number).length;
  return {
    id: i.id,
    node_id: i.node_id,
    url: api,
    repository_url: `${s.apiUrl}/repos/${r.fullName}`,
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: `${s.htmlUrl}/${r.fullName}/${i.pull ? 'pull' : 'issues'}/${i.number}`,
    number: i.number,
    state: i.state,
    state_reason: i.state_reason,
    title: i.title,
    body: i.body,
    user: simpleUser(s, i.user),
    labels: i.labels.map((l) => label(s, r, l)),
    assignee: i.assignees[0] ? simpleUser(s, i.assignees[0]) : null,
    assignees: i.assignees.map((a) => simpleUser(s, a)),
    milestone: null,
    locked: i.locked,
    active_lock_reason: null,
    comments,
    closed_at: i.closed_at,
    created_at: i.created_at,
    updated_at: i.updated_at,
    closed_by: i.closed_by ? simpleUser(s, i.closed_by) : null,
    author_association: authorAssociation(r, i.user),
    reactions: reactions(api),
    ...(i.pull
      ? {
          draft: i.pull.draft,
          pull_request: {
            url: `${s.apiUrl}/repos/${r.fullName}/pulls/${i.number}`,
            html_url: `${s.htmlUrl}/${r.fullName}/pull/${i.number}`,
            diff_url: `${s.htmlUrl}/${r.fullName}/pull/${i.number}.diff`,
            patch_url: `${s.htmlUrl}/${r.fullName}/pull/${i.number}.patch`,
            merged_at: i.pull.merged_at,
          },
        }
      : {}),
  };
}

export function issueComment(s: FakeState, r: Repo, c: IssueComment): Json {
  const i = r.issues.get(c.issueNumber);
  return {
    id: c.id,
    node_id: c.node_id,
    url: `${s.apiUrl}/repos/${r.fullName}/issues/comments/${c.id}`,
    html_url: `${s.htmlUrl}/${r.fullName}/${i?.pull ? 'pull' : 'issues'}/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${s.apiUrl}/repos/${r.fullName}/issues/${c.issueNumber}`,
    body: c.body,
    user: simpleUser(s, c.user),
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: authorAssociation(r, c.user),
    reactions: reactions(`${s.apiUrl}/repos/${r.fullName}/issues/comments/${c.id}`),
  };
}

function teamSimple(s: FakeState, t: Team): Json {
  const api = `${s.apiUrl}/organizations/${t.org.account.id}/team/${t.id}`;
  return {
    id: t.id,
    node_id: t.node_id,
    url: api,
    members_url: `${api}/members{/member}`,
    name: t.name,
    description: t.description,
    permission: 'pull',
    privacy: t.privacy,
    notification_setting: 'notifications_enabled',
    html_url: `${s.htmlUrl}/orgs/${t.org.account.login}/teams/${t.slug}`,
    repositories_url: `${api}/repos`,
    slug: t.slug,
    type: 'organization',
    parent: null,
  };
}

function prBranch(s: FakeState, repo: Repo, ref: string, sha: string): Json {
  return {
    label: `${repo.owner.login}:${ref}`,
    ref,
    sha,
    user: simpleUser(s, repo.owner),
    repo: repository(s, repo),
  };
}

export function pullSimple(s: FakeState, r: Repo, pr: PullRequest): Json {
  const api = `${s.apiUrl}/repos/${r.fullName}/pulls/${pr.number}`;
  const issueApi = `${s.apiUrl}/repos/${r.fullName}/issues/${pr.number}`;
  const html = `${s.htmlUrl}/${r.fullName}/pull/${pr.number}`;
  const i = pr.issue;
  return {
    url: api,
    id: pr.id,
    node_id: pr.node_id,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueApi,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: `${s.apiUrl}/repos/${r.fullName}/pulls/comments{/number}`,
    comments_url: `${issueApi}/comments`,
    statuses_url: `${s.apiUrl}/repos/${r.fullName}/statuses/${pr.headSha}`,
    number: pr.number,
    state: i.state,
    locked: i.locked,
    title: i.title,
    user: simpleUser(s, i.user),
    body: i.body,
    labels: i.labels.map((l) => label(s, r, l)),
    milestone: null,
    active_lock_reason: null,
    created_at: i.created_at,
    updated_at: i.updated_at,
    closed_at: i.closed_at,
    merged_at: pr.merged_at,
    merge_commit_sha: pr.merge_commit_sha,
    assignee: i.assignees[0] ? simpleUser(s, i.assignees[0]) : null,
    assignees: i.assignees.map((a) => simpleUser(s, a)),
    requested_reviewers: pr.requested_reviewers.map((u) => simpleUser(s, u)),
    requested_teams: pr.requested_teams.map((t) => teamSimple(s, t)),
    head: prBranch(s, pr.headRepo, pr.headRef, pr.headSha),
    base: prBranch(s, r, pr.baseRef, r.pullBaseSha(pr)),
    _links: {
      self: { href: api },
      html: { href: html },
      issue: { href: issueApi },
      comments: { href: `${issueApi}/comments` },
      review_comments: { href: `${api}/comments` },
      review_comment: { href: `${s.apiUrl}/repos/${r.fullName}/pulls/comments{/number}` },
      commits: { href: `${api}/commits` },
      statuses: { href: `${s.apiUrl}/repos/${r.fullName}/statuses/${pr.headSha}` },
    },
    author_association: authorAssociation(r, i.user),
    auto_merge: null,
    draft: pr.draft,
  };
}

export function pullRequest(s: FakeState, r: Repo, pr: PullRequest): Json {
  const files = pullFiles(r, pr);
  const commits = r.pullCommits(pr);
  const open = pr.issue.state === 'open';
  return {
    ...pullSimple(s, r, pr),
    merged: pr.merged_at !== null,
    mergeable: open ? true : null,
    rebaseable: open ? true : null,
    mergeable_state: open ? 'clean' : 'unknown',
    merged_by: pr.merged_by ? simpleUser(s, pr.merged_by) : null,
    comments: [...r.comments.values()].filter((c) => c.issueNumber === pr.number).length,
    review_comments: 0,
    maintainer_can_modify: pr.maintainer_can_modify,
    commits: commits.length,
    additions: files.reduce((n, f) => n + f.additions, 0),
    deletions: files.reduce((n, f) => n + f.deletions, 0),
    changed_files: files.length,
  };
}

export function review(s: FakeState, r: Repo, pr: PullRequest, rv: Review): Json {
  const html = `${s.htmlUrl}/${r.fullName}/pull/${pr.number}#pullrequestreview-${rv.id}`;
  const prUrl = `${s.apiUrl}/repos/${r.fullName}/pulls/${pr.number}`;
  return {
    id: rv.id,
    node_id: rv.node_id,
    user: simpleUser(s, rv.user),
    body: rv.body,
    state: rv.state,
    html_url: html,
    pull_request_url: prUrl,
    _links: { html: { href: html }, pull_request: { href: prUrl } },
    ...(rv.submitted_at ? { submitted_at: rv.submitted_at } : {}),
    commit_id: rv.commit_id,
    author_association: authorAssociation(r, rv.user),
  };
}

// ------------------------------------------------------------------ files and diffs

export interface FileDiff {
  sha: string | null;
  filename: string;
  status: string;
  additions: number;
  deletions: number;
  changes: number;
  previous_filename?: string;
  patch?: string;
}

function text(r: Repo, sha: string | null): string | null {
  if (!sha) return '';
  const b = r.objects.getBlob(sha);
  if (!b) return '';
  if (b.content.includes(0)) return null;
  return b.content.toString('utf8');
}

function splitLines(t: string): string[] {
  if (t === '') return [];
  const lines = t.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** One-hunk unified diff (whole file as context) built from an LCS; falls back to replace-all. */
export function unifiedPatch(
  before: string,
  after: string,
): { patch: string; additions: number; deletions: number } {
  const a = splitLines(before);
  const b = splitLines(after);
  const out: string[] = [];
  if (a.length * b.length <= 4_000_000) {
    const dp: Uint32Array[] = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
    for (let i = a.length - 1; i >= 0; i--)
      for (let j = b.length - 1; j >= 0; j--)
        dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i] === b[j]) {
        out.push(` ${a[i]}`);
        i++;
        j++;
      } else if (i < a.length && (j >= b.length || dp[i + 1]![j]! >= dp[i]![j + 1]!)) out.push(`-${a[i++]}`);
      else out.push(`+${b[j++]}`);
    }
  } else {
    out.push(...a.map((l) => `-${l}`), ...b.map((l) => `+${l}`));
  }
  const additions = out.filter((l) => l.startsWith('+')).length;
  const deletions = out.filter((l) => l.startsWith('-')).length;
  const header = `@@ -${a.length ? 1 : 0},${a.length} +${b.length ? 1 : 0},${b.length} @@`;
  return { patch: [header, ...out].join('\n'), additions, deletions };
}

export function fileDiff(r: Repo, d: DiffEntry): FileDiff {
  const isBlob = (mode: string | null): boolean => mode !== '160000';
  const before = d.status === 'added' ? '' : isBlob(d.mode) ? text(r, d.previousSha) : null;
  const after = d.status === 'removed' ? '' : isBlob(d.mode) ? text(r, d.sha) : null;
  let additions = 0;
  let deletions = 0;
  let patch: string | undefined;
  if (before !== null && after !== null && before !== after) {
    const p = unifiedPatch(before, after);
    ({ additions, deletions, patch } = p);
  } else if (before !== null && after !== null) {
    const st = lineStats(before, after);
    additions = st.additions;
    deletions = st.deletions;
  }
  return {
    sha: d.sha,
    filename: d.filename,
    status: d.status,
    additions,
    deletions,
    changes: additions + deletions,
    ...(d.previous_filename ? { previous_filename: d.previous_filename } : {}),
    ...(patch !== undefined ? { patch } : {}),
  };
}

export function diffEntryJson(s: FakeState, r: Repo, f: FileDiff, ref: string): Json {
  const path = f.filename.split('/').map(encodeURIComponent).join('/');
  return {
    sha: f.sha,
    filename: f.filename,
    status: f.status,
    additions: f.additions,
    deletions: f.deletions,
    changes: f.changes,
    blob_url: `${s.htmlUrl}/${r.fullName}/blob/${ref}/${path}`,
    raw_url: `${s.htmlUrl}/${r.fullName}/raw/${ref}/${path}`,
    contents_url: `${s.apiUrl}/repos/${r.fullName}/contents/${path}?ref=${ref}`,
    ...(f.patch !== undefined ? { patch: f.patch } : {}),
    ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
  };
}

/** Files of a pull request: diff from the merge base of base and head to head. */
export function pullFiles(r: Repo, pr: PullRequest): FileDiff[] {
  return diffCommits(r, r.objects.mergeBase(r.pullBaseSha(pr), pr.headSha), pr.headSha).map((d) =>
    fileDiff(r, d),
  );
}

export function diffCommits(r: Repo, from: string | undefined, to: string): DiffEntry[] {
  const flat = (sha: string | undefined) =>
    sha ? r.objects.flatten(r.objects.getCommit(sha)!.tree) : new Map();
  return diffTrees(flat(from), flat(to));
}

// ------------------------------------------------------------------ commits

const VERIFICATION = {
  verified: false,
  reason: 'unsigned',
  signature: null,
  payload: null,
  verified_at: null,
};

function person(g: GitIdentity): Json {
  return { name: g.name, email: g.email, date: g.date };
}

export function gitCommit(s: FakeState, r: Repo, c: CommitObject): Json {
  return {
    sha: c.sha,
    node_id: nodeId('Commit', c.sha),
    url: `${s.apiUrl}/repos/${r.fullName}/git/commits/${c.sha}`,
    html_url: `${s.htmlUrl}/${r.fullName}/commit/${c.sha}`,
    author: person(c.author),
    committer: person(c.committer),
    tree: { sha: c.tree, url: `${s.apiUrl}/repos/${r.fullName}/git/trees/${c.tree}` },
    message: c.message,
    parents: c.parents.map((p) => ({
      sha: p,
      url: `${s.apiUrl}/repos/${r.fullName}/git/commits/${p}`,
      html_url: `${s.htmlUrl}/${r.fullName}/commit/${p}`,
    })),
    verification: VERIFICATION,
  };
}

/** The `commit` shape of the commits API (list entries; `withFiles` for GET /commits/{ref}). */
export function restCommit(s: FakeState, r: Repo, c: CommitObject, withFiles = false): Json {
  const author = s.userByEmail(c.author.email);
  const committer =
    c.committer.email === 'noreply@github.com'
      ? s.addUser({ login: 'web-flow', id: 19864447 })
      : s.userByEmail(c.committer.email);
  const api = `${s.apiUrl}/repos/${r.fullName}/commits/${c.sha}`;
  const out: Json = {
    url: api,
    sha: c.sha,
    node_id: nodeId('Commit', c.sha),
    html_url: `${s.htmlUrl}/${r.fullName}/commit/${c.sha}`,
    comments_url: `${api}/comments`,
    commit: {
      url: `${s.apiUrl}/repos/${r.fullName}/git/commits/${c.sha}`,
      author: person(c.author),
      committer: person(c.committer),
      message: c.message,
      tree: { sha: c.tree, url: `${s.apiUrl}/repos/${r.fullName}/git/trees/${c.tree}` },
      comment_count: 0,
      verification: VERIFICATION,
    },
    author: author ? simpleUser(s, author) : null,
    committer: committer ? simpleUser(s, committer) : null,
    parents: c.parents.map((p) => ({
      sha: p,
      url: `${s.apiUrl}/repos/${r.fullName}/commits/${p}`,
      html_url: `${s.htmlUrl}/${r.fullName}/commit/${p}`,
    })),
  };
  if (withFiles) {
    const files = diffCommits(r, c.parents[0], c.sha).map((d) => fileDiff(r, d));
    const additions = files.reduce((n, f) => n + f.additions, 0);
    const deletions = files.reduce((n, f) => n + f.deletions, 0);
    out.stats = { total: additions + deletions, additions, deletions };
    out.files = files.map((f) => diffEntryJson(s, r, f, c.sha));
  }
  return out;
}

// ------------------------------------------------------------------ statuses

export function status(s: FakeState, r: Repo, st: CommitStatus): Json {
  return {
    url: `${s.apiUrl}/repos/${r.fullName}/statuses/${st.sha}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${st.creator.id}?v=4`,
    id: st.id,
    node_id: st.node_id,
    state: st.state,
    description: st.description,
    target_url: st.target_url,
    context: st.context,
    created_at: st.created_at,
    updated_at: st.updated_at,
    creator: simpleUser(s, st.creator),
  };
}

// ------------------------------------------------------------------ collaborators, teams

export function collaborator(s: FakeState, u: User, role: RepoRole): Json {
  return { ...simpleUser(s, u), permissions: rolePermissions(role), role_name: role };
}

export function collaboratorOf(s: FakeState, c: Collaborator): Json {
  return collaborator(s, c.user, c.role);
}

export function invitation(s: FakeState, r: Repo, inv: Invitation): Json {
  return {
    id: inv.id,
    node_id: inv.node_id,
    repository: minimalRepo(s, r),
    invitee: simpleUser(s, inv.invitee),
    inviter: simpleUser(s, inv.inviter),
    permissions: inv.role,
    created_at: inv.created_at,
    expired: inv.expired,
    url: `${s.apiUrl}/user/repository_invitations/${inv.id}`,
    html_url: `${s.htmlUrl}/${r.fullName}/invitations`,
  };
}

export function legacyPermission(role: RepoRole | 'none'): string {
  return role === 'none' ? 'none' : LEGACY_PERMISSION[role];
}

export function teamMembership(s: FakeState, t: Team, login: string, role: string, state: string): Json {
  return {
    url: `${s.apiUrl}/organizations/${t.org.account.id}/team/${t.id}/memberships/${login}`,
    role,
    state,
  };
}
