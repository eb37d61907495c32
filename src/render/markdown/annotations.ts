/**
 * Annotations at file, line and column for the workflow run and the PR's "Files changed" tab.
 *
 * GitHub shows at most 10 error (and 10 warning) annotations per step and drops the rest
 * silently, so this returns at most `ANNOTATION_LIMIT` in all: every problem when they fit,
 * otherwise the first `ANNOTATION_LIMIT - 1` and one aggregated annotation that says how many
 * more there are and where to read them. Errors come before warnings. Missing approvals and
 * requested changes are warnings (the file is fine; the review is not there yet); everything
 * else is an error.
 *
 * Messages are plain text (the Actions toolkit escapes workflow-command syntax). Pure.
 */
import type { ValidateOutcome } from '../../commands/validate.js';
import { isReviewCode } from './classify.js';
import { plain, plural } from './escape.js';

export const ANNOTATION_LIMIT = 10;
const MESSAGE_MAX = 2000;

export interface Annotation {
  file: string;
  line: number;
  column: number;
  title: string;
  message: string;
  level: 'error' | 'warning';
}

const positive = (n: number) => (Number.isInteger(n) && n >= 1 ? n : 1);

export function annotationsFor(outcome: ValidateOutcome): Annotation[] {
  const all: Annotation[] = [];
  for (const r of outcome.json.results) {
    for (const e of r.errors) {
      all.push({
        file: e.file || r.file,
        line: positive(e.line),
        column: positive(e.column),
        title: `gitgrant: ${e.code}`,
        message: plain(e.message, MESSAGE_MAX),
        level: isReviewCode(e.code) ? 'warning' : 'error',
      });
    }
  }
  // Stable: errors first, each group in file order.
  const ordered = [...all.filter((a) => a.level === 'error'), ...all.filter((a) => a.level === 'warning')];
  if (ordered.length <= ANNOTATION_LIMIT) return ordered;

  const shown = ordered.slice(0, ANNOTATION_LIMIT - 1);
  const rest = ordered.slice(ANNOTATION_LIMIT - 1);
  const errors = rest.filter((a) => a.level === 'error').length;
  const warnings = rest.length - errors;
  const what =
    errors && warnings
      ? `${plural(errors, 'error')} and ${plural(warnings, 'warning')}`
      : errors
        ? `${errors} more ${errors === 1 ? 'error' : 'errors'}`
        : `${warnings} more ${warnings === 1 ? 'warning' : 'warnings'}`;
  const files = new Set(rest.map((a) => a.file)).size;
  const first = rest[0]!;
  const lead = errors && warnings ? `and ${rest.length} more: ${what}` : `and ${what}`;
  shown.push({
    file: first.file,
    line: first.line,
    column: first.column,
    title: `gitgrant: ${rest.length} more`,
    message: `${lead} in ${plural(files, 'file')}: see the job summary`,
    level: errors ? 'error' : 'warning',
  });
  return shown;
}
