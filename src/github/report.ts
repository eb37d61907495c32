/**
 * Reporting on a pull request: the commit status and the one sticky comment.
 * (`create: false` only updates a comment that exists: for news nobody needs a new comment for.)
 *
 * The sticky comment is found across all pages of comments by a hidden marker AND by being
 * written by the token's own account, so a comment anyone else posts with the marker is never
 * mistaken for ours. It is updated in place, never duplicated; a rerun after a failed create
 * finds the comment if it was made after all.
 */
import type { GitHubClient } from './client.js';
import type { RepoRef } from './repo-files.js';
import { isOurs } from './sticky-read.js';

export const STATUS_CONTEXT = 'gitgrant/approval';

export async function setStatus(
  gh: GitHubClient,
  ref: RepoRef,
  sha: string,
  state: 'pending' | 'success' | 'failure' | 'error',
  description: string,
  targetUrl?: string,
): Promise<void> {
  await gh.rest.repos.createCommitStatus({
    ...ref,
    sha,
    state,
    context: STATUS_CONTEXT,
    // GitHub rejects descriptions over 140 characters.
    description: description.length > 140 ? `${description.slice(0, 139)}…` : description,
    ...(targetUrl ? { target_url: targetUrl } : {}),
  });
}

/**
 * The login the token acts as. Installation tokens (GITHUB_TOKEN, GitHub Apps) cannot read
 * /user: GitHub answers 403, and the token acts as `github-actions[bot]` (null here). Any other
 * failure is thrown: guessing the identity wrongly would post a second sticky comment.
 */
export async function tokenLogin(gh: GitHubClient): Promise<string | null> {
  try {
    const { data } = await gh.rest.users.getAuthenticated();
    return data.login;
  } catch (e) {
    if ((e as { status?: number }).status === 403) return null;
    throw e;
  }
}

/**
 * The token's login for reconcile, which must not stop on it: when it cannot be read, `login` is
 * null and `unknownLogin` says why (reconcile then writes no issue or comment: docs/operations.md).
 */
export async function tokenLoginForReconcile(
  gh: GitHubClient,
): Promise<{ login: string | null; unknownLogin?: string }> {
  try {
    return { login: await tokenLogin(gh) };
  } catch (e) {
    return {
      login: null,
      unknownLogin: `cannot read the token's own login (${e instanceof Error ? e.message : String(e)}): no alert, retro-review or escalation issue is written this run`,
    };
  }
}

export async function upsertStickyComment(
  gh: GitHubClient,
  ref: RepoRef,
  issueNumber: number,
  marker: string,
  body: string,
  login: string | null,
  opts: { create?: boolean } = {},
): Promise<{ id: number; created: boolean } | null> {
  const comments = await gh.paginate(gh.rest.issues.listComments, {
    ...ref,
    issue_number: issueNumber,
    per_page: 100,
  });
  const ours = comments.filter((c) => isOurs(c, marker, login));
  const [existing, ...duplicates] = ours;
  if (existing) {
    if (existing.body !== body) await gh.rest.issues.updateComment({ ...ref, comment_id: existing.id, body });
    // An earlier run that failed half-way may have left a second copy: converge to exactly one.
    for (const d of duplicates) await gh.rest.issues.deleteComment({ ...ref, comment_id: d.id });
    return { id: existing.id, created: false };
  }
  if (opts.create === false) return null;
  const { data } = await gh.rest.issues.createComment({ ...ref, issue_number: issueNumber, body });
  return { id: data.id, created: true };
}
