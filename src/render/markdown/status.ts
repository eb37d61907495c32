/**
 * The commit status `gitgrant/approval`: success or failure with one line of reason
 * (GitHub cuts descriptions at 140 characters, so this never exceeds it). Pure.
 *
 * Success only when every file is valid and approved, approvals were checked against the pull
 * request, and there is something to approve: at least one grant file checked or deleted.
 * Everything else fails closed. When several things are wrong the worst is named:
 * invalid files, then requested changes, then missing approvals.
 */
import type { FileResultJson, ValidateOutcome } from '../../commands/validate.js';
import { baseName, isReviewCode, unique, verdictOf } from './classify.js';
import { plain, plural } from './escape.js';

export const STATUS_CONTEXT = 'gitgrant/approval';
export const STATUS_DESCRIPTION_MAX = 140;

export interface CommitStatus {
  state: 'success' | 'failure';
  description: string;
}

/** Join `parts` with `, ` while the whole stays within `room`; the rest becomes `+N more`. */
function fitList(parts: string[], room: number): string {
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const next = out ? `${out}, ${parts[i]}` : parts[i]!;
    const left = parts.length - i - 1;
    const tail = left > 0 ? `, +${left} more` : '';
    if (next.length + tail.length > room) {
      const rest = parts.length - i;
      return out ? `${out}, +${rest} more` : `+${rest} more`;
    }
    out = next;
  }
  return out;
}

function line(description: string): string {
  return plain(description, STATUS_DESCRIPTION_MAX);
}

function invalidDescription(files: FileResultJson[]): string {
  if (files.length === 1) {
    const f = files[0]!;
    const codes = unique(f.errors.filter((e) => !isReviewCode(e.code)).map((e) => e.code));
    const name = plain(baseName(f.file), 60);
    const suffix = ` in ${name}`;
    const head = 'invalid: ';
    const list = codes.length
      ? fitList(codes, STATUS_DESCRIPTION_MAX - head.length - suffix.length)
      : 'not approved';
    return line(`${head}${list}${suffix}`);
  }
  const errors = files.reduce((n, f) => n + f.errors.filter((e) => !isReviewCode(e.code)).length, 0);
  const head = `invalid: ${plural(errors, 'error')} in ${files.length} files (`;
  const parts = files.map((f) => {
    const first = f.errors.find((e) => !isReviewCode(e.code));
    return `${first ? first.code : 'not approved'} in ${plain(baseName(f.file), 40)}`;
  });
  return line(`${head}${fitList(parts, STATUS_DESCRIPTION_MAX - head.length - 1)})`);
}

function changesDescription(files: FileResultJson[]): string {
  if (files.length === 1) {
    const f = files[0]!;
    const message = f.errors.find((e) => e.code === 'changes-requested')?.message ?? 'changes requested';
    const suffix = ` on ${plain(baseName(f.file), 50)}`;
    return line(`${plain(message, STATUS_DESCRIPTION_MAX - suffix.length)}${suffix}`);
  }
  const head = `changes requested on ${files.length} files (`;
  return line(
    `${head}${fitList(
      files.map((f) => plain(baseName(f.file), 40)),
      STATUS_DESCRIPTION_MAX - head.length - 1,
    )})`,
  );
}

function waitingDescription(files: FileResultJson[]): string {
  const missing = files.reduce((n, f) => n + f.approvals.reduce((m, a) => m + Math.max(0, a.missing), 0), 0);
  if (files.length === 1) {
    const f = files[0]!;
    const suffix = ` on ${plain(baseName(f.file), 50)}`;
    const head = `waiting for ${plural(missing, 'approval')} (`;
    const from = unique(f.approvals.filter((a) => a.missing > 0).map((a) => plain(a.from, 40)));
    if (from.length === 0) return line(`waiting for ${plural(missing, 'approval')}${suffix}`);
    return line(
      `${head}${fitList(from, STATUS_DESCRIPTION_MAX - head.length - suffix.length - 1)})${suffix}`,
    );
  }
  const head = `waiting for ${plural(missing, 'approval')} on ${files.length} files (`;
  return line(
    `${head}${fitList(
      files.map((f) => plain(baseName(f.file), 40)),
      STATUS_DESCRIPTION_MAX - head.length - 1,
    )})`,
  );
}

export function statusFor(outcome: ValidateOutcome): CommitStatus {
  const results = outcome.json.results;
  const deleted = outcome.deleted.length;
  const failure = (description: string): CommitStatus => ({
    state: 'failure',
    description: line(description),
  });

  const byState = {
    invalid: [] as FileResultJson[],
    changes: [] as FileResultJson[],
    waiting: [] as FileResultJson[],
  };
  for (const r of results) {
    const v = verdictOf(r, outcome);
    if (v.state === 'invalid') byState.invalid.push(r);
    else if (v.state === 'changes-requested') byState.changes.push(r);
    else if (v.state === 'waiting') byState.waiting.push(r);
  }
  if (byState.invalid.length) return failure(invalidDescription(byState.invalid));
  if (byState.changes.length) return failure(changesDescription(byState.changes));
  if (byState.waiting.length) return failure(waitingDescription(byState.waiting));
  if (!outcome.json.ok) return failure('not approved');
  if (results.length === 0 && deleted === 0)
    return failure('no grant file added or deleted: nothing to approve');
  if (!outcome.checkedApprovals && results.length > 0) {
    return failure(`approvals not checked: ${plural(results.length, 'request')} valid, not yet approved`);
  }
  const parts: string[] = [];
  if (results.length) parts.push(`${plural(results.length, 'request')} approved`);
  if (deleted) parts.push(plural(deleted, 'early revocation'));
  return { state: 'success', description: line(parts.join(', ')) };
}
