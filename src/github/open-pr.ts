/**
 * Open (or find) the pull request of one access request, through the REST API only (no local
 * git, no checkout): branch `gitgrant/request-<id>` from the default branch's head, one commit
 * adding the grant file (git data API: blob, tree on `base_tree`, commit, ref), the pull request,
 * and review requests for the people who can fill its approval slots.
 *
 * Idempotent, so a rerun after any failure converges without duplicates:
 * - an existing branch is reused; the file is committed on it only when its content differs
 *   (a fast-forward commit on the branch, never a force-push);
 * - an open pull request from the branch is reused (its body updated when it changed); one that
 *   was already merged ends the run (nothing to do);
 * - reviews are requested only from people and teams not yet requested and not yet reviewing.
 * Refuses before writing anything when the default branch already has a file at the path
 * (a merged grant file is never modified by a request).
 */
import type { GitHubClient } from './client.js';
import { GitHubApiError } from './errors.js';

export interface OpenPrInput {
  gh: GitHubClient;
  owner: string;
  repo: string;
  /** Repository-relative path of the grant file. */
  path: string;
  content: string;
  branch: string;
  title: string;
  body: string;
  /** Logins to request reviews from (the requester and the author are dropped). */
  reviewers: readonly string[];
  /** Team slugs of the repository's organisation. */
  teamReviewers: readonly string[];
  requester: string;
  log?: (message: string) => void;
}

export interface OpenPrResult {
  number: number;
  url: string;
  branch: string;
  base: string;
  /** What this run did: created the pull request, or found it. */
  pull_request: 'created' | 'existing' | 'merged';
  /** created | existing | updated (a commit was added to an existing branch). */
  branch_status: 'created' | 'existing' | 'updated';
  commit: string | null;
  reviewers_requested: string[];
  teams_requested: string[];
  warnings: string[];
}

const status = (e: unknown): number | undefined =>
  e instanceof GitHubApiError ? e.status : (e as { status?: number } | null)?.status;

async function orNull<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (e) {
    if (status(e) === 404) return null;
    throw e;
  }
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export async function openRequestPullRequest(input: OpenPrInput): Promise<OpenPrResult> {
  const { gh, owner, repo, path, content, branch } = input;
  const log = input.log ?? (() => undefined);
  const warnings: string[] = [];
  const { data: repository } = await gh.rest.repos.get({ owner, repo });
  const base = repository.default_branch;

  // A grant file on the default branch is never modified by a request (grant-modified).
  const onBase = await orNull(gh.rest.repos.getContent({ owner, repo, path, ref: base }));
  const prs = await gh.paginate(gh.rest.pulls.list, {
    owner,
    repo,
    head: `${owner}:${branch}`,
    state: 'all',
    per_page: 100,
  });
  const merged = prs.find((p) => p.merged_at);
  const open = prs.find((p) => p.state === 'open');
  if (onBase && merged && !open) {
    return {
      number: merged.number,
      url: merged.html_url,
      branch,
      base,
      pull_request: 'merged',
      branch_status: 'existing',
      commit: null,
      reviewers_requested: [],
      teams_requested: [],
      warnings: [`${path} is already on ${base}: pull request #${merged.number} was merged`],
    };
  }
  if (onBase)
    throw new GitHubApiError(
      `${path} already exists on ${owner}/${repo}@${base}: a merged grant file cannot be changed by a new request (choose another --id)`,
      422,
    );

  // The branch and the commit that adds the file.
  const ref = await orNull(gh.rest.git.getRef({ owner, repo, ref: `heads/${branch}` }));
  let commit: string | null = null;
  let branchStatus: OpenPrResult['branch_status'] = 'existing';
  const commitFile = async (parent: string): Promise<string> => {
    const { data: parentCommit } = await gh.rest.git.getCommit({ owner, repo, commit_sha: parent });
    const { data: blob } = await gh.rest.git.createBlob({ owner, repo, content, encoding: 'utf-8' });
    const { data: tree } = await gh.rest.git.createTree({
      owner,
      repo,
      base_tree: parentCommit.tree.sha,
      tree: [{ path, mode: '100644', type: 'blob', sha: blob.sha }],
    });
    const { data: created } = await gh.rest.git.createCommit({
      owner,
      repo,
      message: input.title,
      tree: tree.sha,
      parents: [parent],
    });
    return created.sha;
  };
  if (!ref) {
    const { data: baseRef } = await gh.rest.git.getRef({ owner, repo, ref: `heads/${base}` });
    commit = await commitFile(baseRef.object.sha);
    await gh.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: commit });
    branchStatus = 'created';
    log(`created branch ${branch} with ${path}`);
  } else {
    const current = await orNull(
      gh.rest.repos.getContent({ owner, repo, path, ref: branch, mediaType: { format: 'raw' } }),
    );
    const text = current === null ? null : String(current.data as unknown);
    if (text !== content) {
      commit = await commitFile(ref.data.object.sha);
      await gh.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: commit, force: false });
      branchStatus = 'updated';
      log(`updated ${path} on ${branch}`);
    }
  }

  // The pull request.
  let number: number;
  let url: string;
  let created: OpenPrResult['pull_request'] = 'existing';
  if (open) {
    number = open.number;
    url = open.html_url;
    if ((open.body ?? '') !== input.body || open.title !== input.title)
      await gh.rest.pulls.update({ owner, repo, pull_number: number, title: input.title, body: input.body });
  } else {
    try {
      const { data: pr } = await gh.rest.pulls.create({
        owner,
        repo,
        head: branch,
        base,
        title: input.title,
        body: input.body,
      });
      number = pr.number;
      url = pr.html_url;
      created = 'created';
    } catch (e) {
      // Created by a concurrent or an earlier, interrupted run: find it instead of duplicating.
      if (status(e) !== 422) throw e;
      const again = await gh.paginate(gh.rest.pulls.list, {
        owner,
        repo,
        head: `${owner}:${branch}`,
        state: 'open',
      });
      if (!again[0]) throw e;
      number = again[0].number;
      url = again[0].html_url;
    }
  }

  // Review requests: only who is not requested yet and has not reviewed yet.
  const { data: pr } = await gh.rest.pulls.get({ owner, repo, pull_number: number });
  const reviews = await gh.paginate(gh.rest.pulls.listReviews, {
    owner,
    repo,
    pull_number: number,
    per_page: 100,
  });
  const author = pr.user?.login ?? '';
  const already = new Set(
    [...(pr.requested_reviewers ?? []).map((u) => u.login), ...reviews.map((r) => r.user?.login ?? '')].map(
      (l) => l.toLowerCase(),
    ),
  );
  const teamsAlready = new Set((pr.requested_teams ?? []).map((t) => t.slug.toLowerCase()));
  const people = [...new Set(input.reviewers.map((l) => l.toLowerCase()))]
    .map((k) => input.reviewers.find((l) => l.toLowerCase() === k)!)
    .filter((l) => !same(l, input.requester) && !same(l, author) && !already.has(l.toLowerCase()));
  const teams = [...new Set(input.teamReviewers.map((t) => t.toLowerCase()))].filter(
    (t) => !teamsAlready.has(t),
  );
  const requested: string[] = [];
  const teamsRequested: string[] = [];
  if (people.length || teams.length) {
    try {
      await gh.rest.pulls.requestReviewers({
        owner,
        repo,
        pull_number: number,
        reviewers: people,
        team_reviewers: teams,
      });
      requested.push(...people);
      teamsRequested.push(...teams);
    } catch (e) {
      if (status(e) !== 422) throw e;
      // One unknown or non-collaborator reviewer fails the whole call: ask one at a time.
      for (const login of people) {
        try {
          await gh.rest.pulls.requestReviewers({ owner, repo, pull_number: number, reviewers: [login] });
          requested.push(login);
        } catch (err) {
          if (status(err) !== 422) throw err;
          warnings.push(`could not request a review from ${login} (not a collaborator of ${owner}/${repo}?)`);
        }
      }
      for (const slug of teams) {
        try {
          await gh.rest.pulls.requestReviewers({ owner, repo, pull_number: number, team_reviewers: [slug] });
          teamsRequested.push(slug);
        } catch (err) {
          if (status(err) !== 422) throw err;
          warnings.push(`could not request a review from @${owner}/${slug} (no access to ${owner}/${repo}?)`);
        }
      }
    }
  }
  return {
    number,
    url,
    branch,
    base,
    pull_request: created,
    branch_status: branchStatus,
    commit,
    reviewers_requested: requested,
    teams_requested: teamsRequested,
    warnings,
  };
}
