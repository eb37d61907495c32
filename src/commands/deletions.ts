/**
 * Which grant-file deletions reconcile still has to confirm revoked (docs/reference.md, "Deleted
 * grants"). `apply` revokes a deleted grant on the push that deletes it; when that fails, or the
 * apply run never ran, the access would stay and reconcile — which works from the files still on
 * the default branch — would see it at best as drift. So reconcile also revokes, once, every
 * grant file deleted on the default branch since its previous run, and keeps retrying the ones
 * that fail until they are confirmed.
 *
 * Bounded work: the state keeps a watermark (the default branch's head at the last run) and the
 * deletions still pending; only deletions after the watermark are new. Without a watermark (the
 * first run, a lost state, a rewritten history) the deletions of the last 30 days are taken.
 * Removals recorded by reconcile itself (its revocation commit or pull request: access already
 * revoked and read back) are skipped.
 */
import { DAY_MS } from '../core/duration.js';
import { commitMessages, pathEvents } from '../git/history.js';
import { git } from '../git/run.js';
import { recordedFiles } from '../github/revocation-record.js';

export const DELETION_LOOKBACK_MS = 30 * DAY_MS;

export interface DeletionsState {
  /** The default branch's head when the deletions up to it were taken. */
  through: string;
  /** `file@commit` → failed runs in a row. */
  pending: Record<string, number>;
}

export interface Deletion {
  file: string;
  /** The first-parent commit that deleted it. */
  commit: string;
  key: string;
  /** Runs in a row its revocation failed before this one. */
  failedRuns: number;
}

export const deletionKey = (file: string, commit: string) => `${file}@${commit}`;

async function isAncestor(repoDir: string, commit: string, of: string): Promise<boolean> {
  return git(repoDir, ['merge-base', '--is-ancestor', commit, of]).then(
    () => true,
    () => false,
  );
}

export async function deletionsToConfirm(
  repoDir: string,
  saved: DeletionsState | undefined,
  nowMs: number,
): Promise<{ head: string; deletions: Deletion[]; log: string[] }> {
  const head = (await git(repoDir, ['rev-parse', 'HEAD'])).trim();
  const log: string[] = [];
  const watermark =
    saved && /^[0-9a-f]{40}$/.test(saved.through) && (await isAncestor(repoDir, saved.through, head))
      ? saved.through
      : null;
  if (saved && !watermark)
    log.push(
      `the deletion watermark ${saved.through.slice(0, 7)} is not in the history: taking the last 30 days`,
    );
  const events = (await pathEvents(repoDir, watermark ? `${watermark}..${head}` : head, ['grants/'])).filter(
    (e) =>
      e.status === 'D' &&
      /\.ya?ml$/.test(e.path) &&
      (watermark !== null || e.time >= nowMs - DELETION_LOOKBACK_MS),
  );
  const messages = await commitMessages(repoDir, [...new Set(events.map((e) => e.commit))]);
  const out = new Map<string, Deletion>();
  for (const [key, failedRuns] of Object.entries(saved?.pending ?? {})) {
    const at = key.lastIndexOf('@');
    const file = key.slice(0, at);
    const commit = key.slice(at + 1);
    if (!/^[0-9a-f]{40}$/.test(commit) || !(await isAncestor(repoDir, commit, head))) {
      log.push(`dropping the pending revocation of ${key}: that commit is no longer in the history`);
      continue;
    }
    out.set(key, { file, commit, key, failedRuns });
  }
  for (const e of events) {
    const key = deletionKey(e.path, e.commit);
    if (out.has(key)) continue;
    if (recordedFiles(messages.get(e.commit) ?? '').has(e.path)) continue;
    out.set(key, { file: e.path, commit: e.commit, key, failedRuns: 0 });
  }
  return { head, deletions: [...out.values()], log };
}
