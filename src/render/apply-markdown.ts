/**
 * The report of `apply` (job summary, and a comment on each merged pull request): what was
 * granted, on which targets, until when (UTC and relative), or why nothing was.
 */
import type { ApplyResult, ChangeEntry } from '../commands/apply.js';
import { formatDuration } from '../core/duration.js';
import { code, text } from './markdown/escape.js';

export const APPLY_MARKER = '<!-- gitgrant:apply -->';

function until(end: string | undefined, nowMs: number): string {
  if (!end) return '';
  const left = Date.parse(end) - nowMs;
  return `${text(end)} (${left > 0 ? `in ${formatDuration(left)}` : `${formatDuration(-left)} ago`})`;
}

function table(rows: ChangeEntry[], nowMs: number, withUntil: boolean): string[] {
  const out = [
    withUntil
      ? '| person | resource | provider | access | until | what happened |'
      : '| person | resource | provider | access | what happened |',
  ];
  out.push(withUntil ? '| --- | --- | --- | --- | --- | --- |' : '| --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const cells = [
      text(r.person),
      code(r.resource, { inTable: true }),
      r.provider,
      code(r.access, { inTable: true }),
    ];
    if (withUntil) cells.push(until(r.end, nowMs));
    cells.push(text(r.detail, 300).replace(/\|/g, '\\|'));
    out.push(`| ${cells.join(' | ')} |`);
  }
  return out;
}

export function renderApplyMarkdown(
  result: ApplyResult,
  nowMs: number,
  filter?: (file: string) => boolean,
): string {
  const keep = <T extends { file: string }>(xs: T[]) => (filter ? xs.filter((x) => filter(x.file)) : xs);
  const granted = keep(result.granted);
  const revoked = keep(result.revoked);
  const refused = keep(result.refused);
  const failures = keep(result.failures);
  const skipped = keep(result.skipped);
  const out = [APPLY_MARKER, '### gitgrant · apply', ''];
  if (!granted.length && !revoked.length && !refused.length && !failures.length && !skipped.length)
    out.push('Nothing to apply in this push.');
  if (granted.length) out.push('**Granted**', '', ...table(granted, nowMs, true), '');
  if (revoked.length) out.push('**Revoked**', '', ...table(revoked, nowMs, false), '');
  // Break-glass: granted without approval; the retro-review is due (docs/break-glass.md).
  for (const r of keep(result.retroReviews ?? []))
    out.push(
      `> ⚠️ ${code(r.file)} is **break-glass**: granted without approval. A retro-review is due by ${text(r.deadline, 40)} (issue #${r.issue}), or reconcile revokes the access early.`,
      '',
    );
  if (refused.length) {
    out.push('**Not granted: not approved at merge**', '');
    for (const c of refused)
      out.push(
        `- ${code(c.file)} (${c.commit.slice(0, 7)}): ${c.reasons.map((r) => `${code(r.code)} ${text(r.message, 500)}`).join('; ')}`,
      );
    out.push('');
  }
  if (failures.length) {
    out.push('**Failed** (the run is red; a rerun completes what is missing, without duplicates)', '');
    for (const f of failures)
      out.push(
        `- ${code(f.file)}${f.resource ? ` on ${code(f.resource)}` : ''}: ${text(f.message, 500)}${f.retryable ? ' (retryable)' : ''}`,
      );
    out.push('');
  }
  for (const s of skipped) out.push(`- ${code(s.file)}: ${text(s.why)}`);
  return out.join('\n') + '\n';
}
