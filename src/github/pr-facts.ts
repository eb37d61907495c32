/**
 * The facts of a pull request, read through the API (every list paginated), in the shape the
 * core takes (src/core/pr-facts.ts). Commit authors include committers: anyone who authored or
 * pushed a commit in the PR never counts as an approver.
 */
import type { GitHubUser, PrFacts, Review } from '../core/pr-facts.js';
import type { GitHubClient } from './client.js';
import type { RepoRef } from './repo-files.js';

export interface PullRequestInfo {
  number: number;
  headSha: string;
  baseSha: string;
  baseRef: string;
  author: GitHubUser;
  state: string;
  merged: boolean;
  mergeCommitSha: string | null;
  /** True when the head lives in a fork (its content is still read only as data). */
  fromFork: boolean;
  /** GitHub's own counts (`changed_files`, `commits`): what a complete list must hold. */
  changedFiles: number;
  commits: number;
  /** ISO time of the merge, when merged: only evidence from before it counts at merge. */
  mergedAt: string | null;
}

type ApiUser = { login: string; id: number; type?: string } | null | undefined;

function user(u: ApiUser): GitHubUser | null {
  return u ? { login: u.login, id: u.id, ...(u.type ? { type: u.type } : {}) } : null;
}

export async function readPullRequest(
  gh: GitHubClient,
  ref: RepoRef,
  number: number,
): Promise<PullRequestInfo> {
  const { data } = await gh.rest.pulls.get({ ...ref, pull_number: number });
  return {
    number: data.number,
    headSha: data.head.sha,
    baseSha: data.base.sha,
    baseRef: data.base.ref,
    author: user(data.user) ?? { login: 'ghost' },
    state: data.state,
    merged: !!data.merged,
    mergeCommitSha: data.merge_commit_sha ?? null,
    fromFork: data.head.repo?.full_name !== data.base.repo.full_name,
    changedFiles: data.changed_files,
    commits: data.commits,
    mergedAt: data.merged_at ?? null,
  };
}

export interface PrFactsRead {
  facts: Omit<PrFacts, 'teams'>;
  /**
   * Commits whose author or committer GitHub could not map to an account (an unknown e-mail):
   * whoever made them cannot be excluded from approving, so the caller fails closed.
   */
  unmappedCommits: string[];
  /**
   * True when GitHub listed its maximum of commits (250): later commits, and whoever made them,
   * are unknown, so they cannot be excluded from approving either; the caller fails closed.
   */
  commitsTruncated: boolean;
  /**
   * True when the file list is not the whole change: GitHub lists at most 3,000 files of a pull
   * request, and a list shorter than the PR's own `changed_files` count is incomplete too. The
   * caller fails closed (DESIGN.md §7, invariant 3: anything truncated is "not approved").
   */
  filesTruncated: boolean;
}

/** GitHub lists at most this many commits of a pull request. */
export const PR_COMMITS_MAX = 250;
/** GitHub lists at most this many files of a pull request. */
export const PR_FILES_MAX = 3000;

/** The pull request's head moved while its facts were read: nothing read can be trusted as one snapshot. */
export class HeadMovedError extends Error {
  constructor(from: string, to: string) {
    super(
      `the pull request's head moved from ${from.slice(0, 7)} to ${to.slice(0, 7)} while it was being checked; the run for the new head decides`,
    );
    this.name = 'HeadMovedError';
  }
}

export async function readPrFacts(gh: GitHubClient, ref: RepoRef, pr: PullRequestInfo): Promise<PrFactsRead> {
  const [files, reviews, commits] = await Promise.all([
    gh.paginate(gh.rest.pulls.listFiles, { ...ref, pull_number: pr.number, per_page: 100 }),
    gh.paginate(gh.rest.pulls.listReviews, { ...ref, pull_number: pr.number, per_page: 100 }),
    gh.paginate(gh.rest.pulls.listCommits, { ...ref, pull_number: pr.number, per_page: 100 }),
  ]);
  // The lists describe the pull request as it is now, not as of pr.headSha: if a push landed
  // while they were read, they may belong to a newer head. Refuse to decide on such a mix.
  const { data: now } = await gh.rest.pulls.get({ ...ref, pull_number: pr.number });
  if (now.head.sha !== pr.headSha) throw new HeadMovedError(pr.headSha, now.head.sha);
  const commitAuthors: GitHubUser[] = [];
  for (const c of commits) {
    for (const u of [user(c.author as ApiUser), user(c.committer as ApiUser)]) {
      // GitHub's web-flow committer signs merges and web edits for everyone; it is not a person.
      if (u && u.login !== 'web-flow') commitAuthors.push(u);
    }
  }
  const facts = {
    number: pr.number,
    author: pr.author,
    head_sha: pr.headSha,
    changed_files: files.map((f) => ({
      path: f.filename,
      status: f.status,
      ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
    })),
    commit_authors: commitAuthors,
    reviews: reviews.map((r): Review => ({
      id: r.id,
      user: user(r.user as ApiUser),
      state: r.state as Review['state'],
      commit_id: r.commit_id ?? '',
      ...(r.submitted_at ? { submitted_at: r.submitted_at } : {}),
    })),
  };
  return {
    facts,
    unmappedCommits: commits.filter((c) => !c.author || !c.committer).map((c) => c.sha),
    commitsTruncated: commits.length >= PR_COMMITS_MAX || commits.length < now.commits,
    filesTruncated: files.length >= PR_FILES_MAX || files.length < now.changed_files,
  };
}
