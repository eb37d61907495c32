/**
 * `gitgrant doctor`: the shape of a report. Every check has a stable id, a status, what was found
 * and, when it is not a pass, a concrete fix. Pure data: the checks are computed by the pure
 * functions of doctor-*.ts from facts the command read through the API.
 */

export type CheckStatus = 'pass' | 'warn' | 'fail';

export type CheckGroup = 'repository' | 'protection' | 'codeowners' | 'workflows' | 'token' | 'schedule';

export interface DoctorCheck {
  /** Stable: `status-check`, `code-owner-review`, `codeowners-errors`, `workflow-reconcile`… */
  id: string;
  group: CheckGroup;
  status: CheckStatus;
  /** What is checked, short: `required status check gitgrant/approval`. */
  title: string;
  /** What was found. */
  message: string;
  /** What to do (absent on a pass). */
  fix?: string;
  /** One line each: CODEOWNERS errors with their line, bypass actors, missing permissions… */
  details?: string[];
}

export interface DoctorReport {
  /** False when any check failed (warnings do not fail). */
  ok: boolean;
  repository: string;
  default_branch: string | null;
  /** The reconcile interval the schedule checks use, as given (`15m`). */
  interval: string;
  now: string;
  checks: DoctorCheck[];
  counts: { pass: number; warn: number; fail: number };
}

/**
 * The outcome of one API read: its value, "not there" (404), or a failure; a 403 names the
 * permission the token lacks (from `x-accepted-github-permissions`, see src/github/errors.ts).
 */
export type Read<T> =
  | { ok: true; value: T }
  | { ok: false; missing: true }
  | { ok: false; missing: false; call: string; message: string; permission?: string };

export const worst = (statuses: CheckStatus[]): CheckStatus =>
  statuses.includes('fail') ? 'fail' : statuses.includes('warn') ? 'warn' : 'pass';

export function makeReport(
  repository: string,
  defaultBranch: string | null,
  interval: string,
  nowMs: number,
  checks: DoctorCheck[],
): DoctorReport {
  const counts = { pass: 0, warn: 0, fail: 0 };
  for (const c of checks) counts[c.status]++;
  return {
    ok: counts.fail === 0,
    repository,
    default_branch: defaultBranch,
    interval,
    now: new Date(nowMs).toISOString(),
    checks,
    counts,
  };
}

/** "not verified" text for a check whose facts could not be read. */
export function unreadable(what: string, r: { message: string; permission?: string }): string {
  return r.permission
    ? `could not read ${what}: the token lacks the permission ${r.permission}`
    : `could not read ${what}: ${r.message}`;
}

export function permissionFix(r: { permission?: string }, then: string): string {
  return r.permission
    ? `give the token ${r.permission} (fine-grained token or GitHub App repository permission), or run doctor as a repository admin; then ${then}`
    : `rerun doctor when GitHub answers; then ${then}`;
}
