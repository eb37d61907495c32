/**
 * Find gitgrant's own comments on an issue or pull request: those carrying a hidden marker AND
 * written by the token's account (`login`; null = an installation token, which writes as
 * `github-actions[bot]`). A comment anyone else posts with the marker is never taken for ours.
 */
import type { GitHubClient } from './client.js';
import type { RepoRef } from './repo-files.js';

export interface CommentRef {
  id: number;
  body: string;
}

export function isOurs(
  c: { body?: string | null; user?: { login: string; type?: string } | null },
  marker: string,
  login: string | null,
): boolean {
  if (!(c.body ?? '').includes(marker) || !c.user) return false;
  return login
    ? c.user.login.toLowerCase() === login.toLowerCase()
    : c.user.type === 'Bot' && c.user.login === 'github-actions[bot]';
}

export async function findOurComments(
  gh: GitHubClient,
  ref: RepoRef,
  issueNumber: number,
  marker: string,
  login: string | null,
): Promise<CommentRef[]> {
  const comments = await gh.paginate(gh.rest.issues.listComments, {
    ...ref,
    issue_number: issueNumber,
    per_page: 100,
  });
  return comments.filter((c) => isOurs(c, marker, login)).map((c) => ({ id: c.id, body: c.body ?? '' }));
}
