/**
 * One verdict per grant file, shared by the comment, the job summary, the commit status and
 * the annotations so they never disagree. Pure.
 */
import type { FileResultJson, ValidateOutcome } from '../../commands/validate.js';
import type { ErrorCode } from '../../core/errors.js';
import { plural } from './escape.js';

export type FileState =
  /** Valid and approved (or needing no approval), approvals checked. */
  | 'approved'
  /** Valid; only missing approvals stand in the way. */
  | 'waiting'
  /** Valid, but someone able to approve requested changes. */
  | 'changes-requested'
  /** Anything else: the file cannot be approved as it is. */
  | 'invalid'
  /** Valid, approvals not checked (no pull-request facts). */
  | 'valid';

export interface FileVerdict {
  state: FileState;
  /** Approvals still missing, over all rules. */
  missing: number;
  /** Status word with an icon, e.g. `⏳ waiting for 2 approvals`. */
  label: string;
}

/** Errors that are about reviews, not about the file. */
const REVIEW_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['approval-missing', 'changes-requested']);

export function isReviewCode(code: ErrorCode): boolean {
  return REVIEW_CODES.has(code);
}

export function verdictOf(
  r: FileResultJson,
  outcome: Pick<ValidateOutcome, 'checkedApprovals'>,
): FileVerdict {
  const missing = r.approvals.reduce((n, a) => n + Math.max(0, a.missing), 0);
  const approvals = plural(missing, 'approval');
  if (r.ok) {
    if (outcome.checkedApprovals) return { state: 'approved', missing: 0, label: '✅ approved' };
    return {
      state: 'valid',
      missing,
      label: missing > 0 ? `☑️ valid · needs ${approvals}` : '✅ valid · no approval needed',
    };
  }
  const codes = r.errors.map((e) => e.code);
  if (codes.length > 0 && codes.every(isReviewCode)) {
    if (codes.includes('changes-requested'))
      return { state: 'changes-requested', missing, label: '⛔ changes requested' };
    return { state: 'waiting', missing, label: `⏳ waiting for ${approvals}` };
  }
  return { state: 'invalid', missing, label: '❌ invalid' };
}

/** `grants/production/alice-db.yaml` → `alice-db.yaml`. */
export function baseName(file: string): string {
  const parts = file.split('/');
  return parts[parts.length - 1] || file;
}

/** Unique values in first-seen order. */
export function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}
