/**
 * The pull request a commit on the default branch was merged through: a merged PR whose merge
 * commit is that commit (merge commit or squash) or, for a rebase merge, a later commit of the
 * same push (the PR's last rebased commit). None means the file arrived some other way (a
 * direct push, an admin bypass, a revert commit): never approved.
 */
import type { GitHubClient } from './client.js';
import type { RepoRef } from './repo-files.js';

export async function mergedPullRequestOf(
  gh: GitHubClient,
  ref: RepoRef,
  commit: string,
  sameLanding: ReadonlySet<string> = new Set([commit]),
): Promise<number | null> {
  const prs = await gh.paginate(gh.rest.repos.listPullRequestsAssociatedWithCommit, {
    ...ref,
    commit_sha: commit,
    per_page: 100,
  });
  const merged = prs.find(
    (p) =>
      p.merged_at &&
      p.merge_commit_sha &&
      (p.merge_commit_sha === commit || sameLanding.has(p.merge_commit_sha)),
  );
  return merged ? merged.number : null;
}
