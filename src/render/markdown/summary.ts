/**
 * The job summary of `validate`: one compact table (file × status × resources × approval
 * slots), the early revocations, then every error at file:line:column. GitHub accepts up to
 * 1 MiB of summary per step; this stays under `SUMMARY_MAX_BYTES` and says so when it cuts.
 * Every value from the pull request is escaped (escape.ts). Pure.
 */
import type { FileResultJson, ValidateOutcome } from '../../commands/validate.js';
import { verdictOf } from './classify.js';
import { renderDiagnosticLine } from './comment.js';
import type { MarkdownContext } from './context.js';
import { code, plural, safeUrl, shortSha, text, utf8Length } from './escape.js';
import { statusFor } from './status.js';

/** GitHub's limit is 1 MiB per step; keep a margin for whatever else the step writes. */
export const SUMMARY_MAX_BYTES = 1_000_000;
const MAX_RESOURCE_IDS = 5;
const NAME_MAX = 200;

function resourcesCell(r: FileResultJson): string {
  if (r.resources.length === 0) return '—';
  const ids = r.resources.slice(0, MAX_RESOURCE_IDS).map((id) => code(id, { inTable: true, max: NAME_MAX }));
  if (r.resources.length > MAX_RESOURCE_IDS) ids.push(`+${r.resources.length - MAX_RESOURCE_IDS} more`);
  return ids.join(', ');
}

function slotsCell(r: FileResultJson, outcome: ValidateOutcome): string {
  if (r.approvals.length === 0) {
    const d = outcome.decisions.get(r.file);
    return d && d.policy.ok ? 'none needed' : '—';
  }
  return r.approvals
    .map((a) => {
      const from = code(a.from, { inTable: true, max: 300 });
      if (!outcome.checkedApprovals) return `${from} needs ${a.count}`;
      const filled = a.count - Math.max(0, a.missing);
      const by = a.approved_by.length ? ` (${a.approved_by.map((l) => text(l, 100)).join(', ')})` : '';
      return `${from} ${filled}/${a.count}${by}`;
    })
    .join('<br>');
}

function footer(ctx: MarkdownContext): string {
  const url = safeUrl(ctx.runUrl);
  const bits = [`head ${code(shortSha(ctx.headSha))}`, `checked ${text(ctx.now, 40)}`];
  if (url) bits.push(`[workflow run](${url})`);
  return `<sub>gitgrant · ${bits.join(' · ')}</sub>`;
}

export function renderJobSummary(outcome: ValidateOutcome, ctx: MarkdownContext): string {
  const status = statusFor(outcome);
  const results = outcome.json.results;
  const budget = SUMMARY_MAX_BYTES - 2_000;
  const out: string[] = [
    `## ${status.state === 'success' ? '✅' : '❌'} gitgrant validate: ${text(status.description, 200)}`,
    '',
  ];
  let used = utf8Length(out.join('\n')) + utf8Length(footer(ctx)) + 200;
  const add = (line: string): boolean => {
    const size = utf8Length(line) + 1;
    if (used + size > budget) return false;
    out.push(line);
    used += size;
    return true;
  };
  let cut = false;

  if (results.length) {
    add('| grant file | status | resources | approvals |');
    add('| --- | --- | --- | --- |');
    for (const [i, r] of results.entries()) {
      const row = `| ${code(r.file, { inTable: true, max: NAME_MAX })} | ${verdictOf(r, outcome).label} | ${resourcesCell(r)} | ${slotsCell(r, outcome)} |`;
      if (!add(row)) {
        out.push(
          '',
          `⚠️ …and ${plural(results.length - i, 'more grant file')}: the summary is limited to 1 MiB.`,
        );
        cut = true;
        break;
      }
    }
  } else {
    add('No grant request in this pull request.');
  }

  if (!cut && outcome.deleted.length) {
    add('');
    add(`### 🗑️ Early revocations (${outcome.deleted.length})`);
    add('');
    for (const [i, file] of outcome.deleted.entries()) {
      if (!add(`- ${code(file, { max: NAME_MAX })}: revoked when this pull request merges`)) {
        out.push(`- …and ${plural(outcome.deleted.length - i, 'more file')}`);
        cut = true;
        break;
      }
    }
  }

  const errors = results.flatMap((r) => r.errors);
  if (!cut && errors.length) {
    add('');
    add(`### Errors (${errors.length})`);
    add('');
    for (const [i, e] of errors.entries()) {
      if (!add(renderDiagnosticLine(e))) {
        out.push(`- …and ${plural(errors.length - i, 'more error')}: the summary is limited to 1 MiB.`);
        break;
      }
    }
  }

  out.push('', footer(ctx));
  return out.join('\n') + '\n';
}
