/**
 * Landing times from git history: for each grant file present at REV, the committer time of
 * the commit that (last) added it on REV's first-parent history. That is where its window
 * starts (DESIGN.md §4). Merge commits are diffed against their first parent, so a PR merge
 * lands its files at the merge commit, not at the PR's own commits.
 */
import { git } from './run.js';

export interface GrantEvent {
  commit: string;
  /** Committer time, ms since epoch. */
  time: number;
  status: 'A' | 'D' | 'M';
  path: string;
}

export interface Landing {
  commit: string;
  time: number;
}

const RECORD = '\u001e';

/**
 * Add/delete/modify events of files under grants/ on REV's first-parent history, oldest first.
 * REV may be a range `BEFORE..AFTER` (the commits of one push).
 */
export async function grantEvents(repoDir: string, rev = 'HEAD'): Promise<GrantEvent[]> {
  if (rev.startsWith('-')) throw new Error(`not a revision: ${rev}`);
  const out = await git(repoDir, [
    'log',
    '--first-parent',
    '--diff-merges=first-parent',
    '--reverse',
    '--no-renames',
    `--format=${RECORD}%H %ct`,
    '--name-status',
    '-z',
    rev,
    '--',
    'grants/',
  ]).catch(async (e: Error) => {
    // A repository with no commits yet has no history: nothing has landed. Any other bad
    // revision is the caller's mistake and is reported.
    const empty = await git(repoDir, ['rev-parse', '--verify', '--quiet', 'HEAD']).then(
      () => false,
      () => true,
    );
    if (empty && rev === 'HEAD') return '';
    throw e;
  });
  const events: GrantEvent[] = [];
  for (const chunk of out.split(RECORD)) {
    if (!chunk.trim()) continue;
    const fields = chunk.split('\0');
    const [header, ...rest] = fields;
    const [commit, seconds] = header!.trim().split(' ');
    const time = Number(seconds) * 1000;
    for (let i = 0; i + 1 < rest.length; i += 2) {
      const status = rest[i]!.trim().charAt(0);
      const path = rest[i + 1]!;
      if (status === 'A' || status === 'D' || status === 'M')
        events.push({ commit: commit!, time, status, path });
    }
  }
  return events;
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
