/**
 * The acme access repository in the fake GitHub, built from this repository's REAL example files
 * (`policies/*.yaml`, `.github/CODEOWNERS`, `grants/**`) on `main`; the people of
 * `policies/people.yaml` as GitHub users with their numeric ids; and helpers to open a grant pull
 * request, review it and build the event payloads GitHub would send.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { FakeGitHub } from '../fake-github/server.js';
import type { FileSpec, PullRequest, Repo, Review, ReviewState } from '../fake-github/state.js';
import { REPO_ROOT } from './action.js';

export const OWNER = 'acme';
export const REPO = 'access';
export const FULL_NAME = `${OWNER}/${REPO}`;

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

/** The example files of this repository, by repository path. */
export function exampleFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const p of walk(join(REPO_ROOT, 'policies')).filter((f) => f.endsWith('.yaml')))
    files[relative(REPO_ROOT, p)] = readFileSync(p, 'utf8');
  for (const p of walk(join(REPO_ROOT, 'grants'))) files[relative(REPO_ROOT, p)] = readFileSync(p, 'utf8');
  files['.github/CODEOWNERS'] = readFileSync(join(REPO_ROOT, '.github', 'CODEOWNERS'), 'utf8');
  return files;
}

/** One example file of this repository (e.g. `policies/access.yaml`). */
export function exampleFile(path: string): string {
  return readFileSync(join(REPO_ROOT, path), 'utf8');
}

/** login → numeric id, from policies/people.yaml. */
export function examplePeople(): Record<string, number> {
  const doc = parse(readFileSync(join(REPO_ROOT, 'policies', 'people.yaml'), 'utf8')) as {
    people: Record<string, { id: number }>;
  };
  return Object.fromEntries(Object.entries(doc.people).map(([login, p]) => [login, p.id]));
}

export interface AcmeWorld {
  gh: FakeGitHub;
  repo: Repo;
  mainSha: string;
  /** login → id of every person of policies/people.yaml. */
  people: Record<string, number>;
}

export interface SeedOptions {
  /** Files written on top of the example files in the first commit on main (`null` deletes). */
  files?: Record<string, FileSpec>;
}

export function seedAcme(gh: FakeGitHub, opts: SeedOptions = {}): AcmeWorld {
  const s = gh.state;
  s.createOrg(OWNER, { id: 9919 });
  const people = examplePeople();
  for (const [login, id] of Object.entries(people))
    s.addUser({ login, id, name: login[0]!.toUpperCase() + login.slice(1) });
  const repo = s.createRepo(FULL_NAME, { defaultBranch: 'main' });
  const mainSha = repo.commit('main', {
    files: {
      'README.md': '# acme access\n\nRequest access by adding a file under grants/.\n',
      ...exampleFiles(),
      ...(opts.files ?? {}),
    },
    message: 'acme access: policies, people and code owners',
    author: { login: 'grace', date: '2026-11-01T09:00:00Z' },
  });
  return { gh, repo, mainSha, people };
}

export interface GrantSpec {
  requester: string;
  access: string;
  duration: string;
  resources: Array<string | { match: Record<string, string> }>;
  reason?: string;
  ticket?: string;
}

export function grantYaml(g: GrantSpec): string {
  const lines = [
    `requester: ${g.requester}`,
    `reason: ${JSON.stringify(g.reason ?? 'INC-4711: look into the failed exports')}`,
    `access: ${g.access}`,
    `duration: ${g.duration}`,
    'resources:',
  ];
  for (const r of g.resources)
    lines.push(typeof r === 'string' ? `  - ${r}` : `  - match: ${JSON.stringify(r.match)}`);
  if (g.ticket) lines.push(`ticket: ${g.ticket}`);
  return `${lines.join('\n')}\n`;
}

export interface OpenPrSpec {
  /** PR author (a login of the world; its id comes from people.yaml unless given). */
  author: string;
  authorId?: number;
  branch: string;
  files: Record<string, FileSpec>;
  title?: string;
  /** Commit author (default: the PR author). */
  commitAuthor?: string;
}

export interface OpenedPr {
  pr: PullRequest;
  headSha: string;
}

function idOf(world: AcmeWorld, login: string): number | undefined {
  const key = Object.keys(world.people).find((k) => k.toLowerCase() === login.toLowerCase());
  return key ? world.people[key] : world.gh.state.getUser(login)?.id;
}

export function openPullRequest(world: AcmeWorld, spec: OpenPrSpec): OpenedPr {
  const commitAuthor = spec.commitAuthor ?? spec.author;
  const headSha = world.repo.commit(spec.branch, {
    files: spec.files,
    message: spec.title ?? `Request access (${spec.branch})`,
    author: { login: commitAuthor, date: '2026-11-29T09:00:00Z' },
  });
  const authorId = spec.authorId ?? idOf(world, spec.author);
  const pr = world.repo.createPullRequest({
    base: 'main',
    head: spec.branch,
    author: { login: spec.author, ...(authorId !== undefined ? { id: authorId } : {}) },
    title: spec.title ?? `Access request from ${spec.author}`,
  });
  return { pr, headSha };
}

/** Pushes one more commit to the PR's branch; returns the new head sha. */
export function pushToPr(
  world: AcmeWorld,
  opened: OpenedPr,
  files: Record<string, FileSpec>,
  author?: string,
): string {
  const sha = world.repo.commit(opened.pr.headRef, {
    files,
    message: 'update',
    author: { login: author ?? opened.pr.issue.user.login, date: '2026-11-29T11:00:00Z' },
  });
  opened.headSha = sha;
  return sha;
}

let reviewClock = Date.parse('2026-11-29T10:00:00Z');

export function review(
  world: AcmeWorld,
  pr: PullRequest,
  login: string,
  state: ReviewState,
  opts: { commit_id?: string; type?: 'User' | 'Bot' } = {},
): Review {
  reviewClock += 60_000;
  const id = idOf(world, login);
  return world.repo.addReview(pr, {
    user: {
      login,
      ...(id !== undefined ? { id } : {}),
      type: opts.type ?? (login.endsWith('[bot]') ? 'Bot' : 'User'),
    },
    state,
    ...(opts.commit_id ? { commit_id: opts.commit_id } : {}),
    submitted_at: new Date(reviewClock).toISOString(),
  });
}

function userJson(world: AcmeWorld, login: string) {
  const u = world.gh.state.getUser(login);
  return { login: u?.login ?? login, id: u?.id ?? 0, type: u?.type ?? 'User' };
}

function repositoryJson(world: AcmeWorld) {
  return {
    id: world.repo.id,
    name: REPO,
    full_name: FULL_NAME,
    private: true,
    default_branch: 'main',
    owner: { login: OWNER, id: 9919, type: 'Organization' },
  };
}

/** A `pull_request_target` (or `pull_request_review`) payload, in GitHub's shape (the fields gitgrant and a runner read). */
export function pullRequestPayload(
  world: AcmeWorld,
  pr: PullRequest,
  action = 'opened',
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const repository = repositoryJson(world);
  return {
    action,
    number: pr.number,
    pull_request: {
      id: pr.id,
      number: pr.number,
      state: pr.issue.state,
      title: pr.issue.title,
      user: userJson(world, pr.issue.user.login),
      head: {
        ref: pr.headRef,
        sha: pr.headSha,
        repo: repository,
        user: userJson(world, pr.issue.user.login),
      },
      base: { ref: pr.baseRef, sha: world.repo.pullBaseSha(pr), repo: repository, user: repository.owner },
      draft: pr.draft,
      merged: false,
    },
    repository,
    organization: { login: OWNER, id: 9919 },
    sender: userJson(world, pr.issue.user.login),
    ...extra,
  };
}

/**
 * A `merge_group` payload: the queue's temporary branch `gh-readonly-queue/main/pr-N-<base sha>`
 * holds the PR merged onto main (`prFiles` written on top of main); its head commit is created in the fake.
 */
export function mergeGroupPayload(
  world: AcmeWorld,
  pr: PullRequest,
  prFiles: Record<string, FileSpec>,
): { payload: Record<string, unknown>; headSha: string } {
  const baseSha = world.repo.branchSha('main')!;
  const headRef = `gh-readonly-queue/main/pr-${pr.number}-${baseSha}`;
  // The group's head: main with the PR merged in (the PR's files on top of main).
  const headSha = world.repo.commit(headRef, {
    parents: [baseSha, pr.headSha],
    files: prFiles,
    message: `Merge pull request #${pr.number}`,
    author: { login: 'github-actions[bot]', date: '2026-11-29T12:00:00Z' },
  });
  return {
    headSha,
    payload: {
      action: 'checks_requested',
      merge_group: {
        head_sha: headSha,
        head_ref: `refs/heads/${headRef}`,
        base_sha: baseSha,
        base_ref: 'refs/heads/main',
        head_commit: {
          id: headSha,
          tree_id: world.repo.getCommit(headSha)!.tree,
          message: `Merge pull request #${pr.number}`,
          timestamp: '2026-11-29T12:00:00Z',
          author: { name: 'GitHub', email: 'noreply@github.com' },
          committer: { name: 'GitHub', email: 'noreply@github.com' },
        },
      },
      repository: repositoryJson(world),
      organization: { login: OWNER, id: 9919 },
      sender: { login: 'github-merge-queue[bot]', id: 118344674, type: 'Bot' },
    },
  };
}

/** Statuses of `context` on `sha`, oldest first. */
export function statusesOf(world: AcmeWorld, sha: string, context = 'gitgrant/approval') {
  return world.repo.statuses.filter((s) => s.sha === sha && s.context === context);
}

/** Comments on an issue or PR, oldest first. */
export function commentsOf(world: AcmeWorld, issueNumber: number) {
  return [...world.repo.comments.values()]
    .filter((c) => c.issueNumber === issueNumber)
    .sort((a, b) => a.id - b.id);
}
