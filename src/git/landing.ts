/**
 * Landing times from git history: for each grant file present at REV, the committer time of
 * the commit that (last) added it on REV's first-parent history. That is where its window
 * starts (DESIGN.md §4). Merge commits are diffed against their first parent, so a PR merge
 * lands its files at the merge commit, not at the PR's own commits.
 */
import { pathEvents, type PathEvent } from './history.js';
import { git } from './run.js';

/** A first-parent add/delete/modify of a grant file (committer time, ms since epoch). */
export type GrantEvent = PathEvent;

export interface Landing {
  commit: string;
  time: number;
}

/**
 * Add/delete/modify events of files under grants/ on REV's first-parent history, oldest first.
 * REV may be a range `BEFORE..AFTER` (the commits of one push).
 */
export async function grantEvents(repoDir: string, rev = 'HEAD'): Promise<GrantEvent[]> {
  if (rev.startsWith('-')) throw new Error(`not a revision: ${rev}`);
  return pathEvents(repoDir, rev, ['grants/']).catch(async (e: Error) => {
    // A repository with no commits yet has no history: nothing has landed. Any other bad
    // revision is the caller's mistake and is reported.
    const empty = await git(repoDir, ['rev-parse', '--verify', '--quiet', 'HEAD']).then(
      () => false,
      () => true,
    );
    if (empty && rev === 'HEAD') return [];
    throw e;
  });
}

/** Current landing of each file: the last add not followed by a delete. */
export function landingsFrom(events: readonly GrantEvent[]): Map<string, Landing> {
  const landed = new Map<string, Landing>();
  for (const e of events) {
    if (e.status === 'A') landed.set(e.path, { commit: e.commit, time: e.time });
    else if (e.status === 'D') landed.delete(e.path);
  }
  return landed;
}

export async function landingTimes(repoDir: string, rev = 'HEAD'): Promise<Map<string, Landing>> {
  return landingsFrom(await grantEvents(repoDir, rev));
}
