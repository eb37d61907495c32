/**
 * What reconcile remembers between runs (never access decisions — those come from git):
 *   - the time of the last successful run (to fail loudly when the schedule stalls);
 *   - approval-at-merge results per (file, landing commit): immutable once merged, so each grant
 *     is checked against the API once, not on every run;
 *   - per grant file, how many runs in a row failed to revoke it (an alert after 3);
 *   - per expired grant file still on the default branch (its revocation pull request not yet
 *     merged), the revocations already confirmed: not sent again on every run;
 *   - which deletions of grant files are confirmed revoked (a watermark) and which still fail.
 * Stored as JSON in a file (CLI: --state FILE) or on a branch (the Action: `gitgrant-state`).
 * A missing or unreadable state is an empty state: it costs API requests, never correctness.
 */
import { readFile, writeFile, rename, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { BreakGlassDecision } from '../core/evaluate.js';
import type { DeletionsState } from './deletions.js';

export interface ApprovalRecord {
  approved: boolean;
  pr: number | null;
  approvers: string[];
  resources: string[];
  reasons: string[];
  /** A break-glass grant: its retro-review rules and deadline (docs/break-glass.md). */
  breakGlass?: BreakGlassDecision;
}

export interface ReconcileState {
  version: 1;
  lastSuccess?: string;
  lastRun?: string;
  approvals: Record<string, ApprovalRecord>;
  revokeFailures: Record<string, number>;
  /** Notifications already sent (docs/notifications.md): key → ISO time sent. */
  notified?: Record<string, string>;
  /**
   * Expired grant files still on the default branch: `file@landing` → the revocations already
   * confirmed (`resource\0access\0login`), not sent to the providers again.
   */
  revoked?: Record<string, string[]>;
  /** Grant files deleted from the default branch: confirmed up to `through`, `pending` still failing. */
  deletions?: DeletionsState;
}

export function emptyState(): ReconcileState {
  return { version: 1, approvals: {}, revokeFailures: {} };
}

export function parseState(text: string | null): ReconcileState {
  if (!text) return emptyState();
  try {
    const v = JSON.parse(text) as Partial<ReconcileState>;
    if (v.version !== 1 || typeof v.approvals !== 'object' || typeof v.revokeFailures !== 'object')
      return emptyState();
    return {
      version: 1,
      approvals: v.approvals ?? {},
      revokeFailures: v.revokeFailures ?? {},
      ...(v.lastSuccess ? { lastSuccess: v.lastSuccess } : {}),
      ...(v.lastRun ? { lastRun: v.lastRun } : {}),
      ...(v.notified && typeof v.notified === 'object' ? { notified: v.notified } : {}),
      ...(validDeletions(v.deletions) ? { deletions: v.deletions } : {}),
      ...(validRevoked(v.revoked) ? { revoked: v.revoked } : {}),
    };
  } catch {
    return emptyState();
  }
}

function validRevoked(r: unknown): r is Record<string, string[]> {
  return (
    !!r &&
    typeof r === 'object' &&
    Object.values(r).every((v) => Array.isArray(v) && v.every((x) => typeof x === 'string'))
  );
}

function validDeletions(d: unknown): d is DeletionsState {
  if (!d || typeof d !== 'object') return false;
  const { through, pending } = d as Partial<DeletionsState>;
  return (
    typeof through === 'string' &&
    !!pending &&
    typeof pending === 'object' &&
    Object.values(pending).every((n) => typeof n === 'number')
  );
}

export interface StateStore {
  read(): Promise<ReconcileState>;
  write(state: ReconcileState): Promise<void>;
  describe: string;
}

export function fileStateStore(path: string): StateStore {
  return {
    describe: path,
    async read() {
      return parseState(await readFile(path, 'utf8').catch(() => null));
    },
    async write(state) {
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.tmp-${process.pid}`;
      await writeFile(tmp, JSON.stringify(state, null, 2) + '\n');
      await rename(tmp, path);
    },
  };
}

export const approvalKey = (file: string, commit: string) => `${file}@${commit}`;
