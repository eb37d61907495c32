/** Terminal output of `gitgrant request`: what was written, the `explain` result, the pull request. */
import type { RequestOutcome } from '../commands/request.js';
import type { OpenPrResult } from '../github/open-pr.js';
import { renderExplainText } from './explain-text.js';
import type { Styler } from './style.js';
import { renderDiagnostic } from './validate-text.js';

export function renderRequestText(o: RequestOutcome, s: Styler, pr?: OpenPrResult): string {
  const out: string[] = [];
  if (o.status === 'not-written') {
    if (o.errors.length === 0) return `${s('yellow', 'nothing written')} (cancelled)\n`;
    out.push(`${s('red', '✗ not written')}  ${o.file} would be invalid:`);
    for (const d of o.errors) out.push(`  ${renderDiagnostic(d, s)}`);
    out.push('', s('dim', 'the request, as it would have been written:'));
    out.push(o.content.replace(/^/gm, '  ').trimEnd());
    return out.join('\n') + '\n';
  }
  out.push(
    o.status === 'written'
      ? `${s('green', '✓ wrote')} ${o.file}`
      : `${s('green', '✓ unchanged')} ${o.file} ${s('dim', '(already there with this content)')}`,
    '',
  );
  if (o.explain) out.push(renderExplainText(o.explain, s).trimEnd());
  if (pr) {
    out.push('');
    const what =
      pr.pull_request === 'created'
        ? 'opened pull request'
        : pr.pull_request === 'merged'
          ? 'already merged: pull request'
          : 'pull request already open:';
    out.push(`${s('green', '✓')} ${what} #${pr.number}  ${pr.url}`);
    out.push(`  branch ${pr.branch} (${pr.branch_status}) → ${pr.base}`);
    const asked = [...pr.reviewers_requested, ...pr.teams_requested.map((t) => `team ${t}`)];
    out.push(`  review requested from: ${asked.length ? asked.join(', ') : s('dim', 'nobody new')}`);
    for (const w of pr.warnings) out.push(`  ${s('yellow', 'warning')}: ${w}`);
  } else if (o.status === 'written' || o.status === 'unchanged') {
    out.push(
      '',
      s(
        'dim',
        `next: commit ${o.file} on a branch and open a pull request that adds only this file (or rerun with --open-pr)`,
      ),
    );
  }
  return out.join('\n') + '\n';
}
