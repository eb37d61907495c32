/** Text rendering of `gitgrant validate` for people: one block per file, aligned, no noise. */
import { breakGlassNotice } from './retro-review-markdown.js';
import { formatDuration } from '../core/duration.js';
import type { ValidateOutcome } from '../commands/validate.js';
import type { Diagnostic } from '../core/errors.js';
import type { Styler } from './style.js';

export function renderDiagnostic(d: Diagnostic, s: Styler): string {
  return `${s('dim', `${d.file}:${d.line}:${d.column}`)}  ${s('red', d.code)}  ${d.message}`;
}

export function renderValidateText(outcome: ValidateOutcome, s: Styler): string {
  const lines: string[] = [];
  const { json, decisions, checkedApprovals } = outcome;
  for (const r of json.results) {
    const decision = decisions.get(r.file);
    const needed = r.approvals.reduce((n, a) => n + a.missing, 0);
    let status: string;
    if (!r.ok) status = s('red', '✗ invalid');
    else if (checkedApprovals) status = s('green', '✓ approved');
    else if (decision?.policy.breakGlass)
      status = s('green', '✓ valid') + s('yellow', ` · ${breakGlassNotice(decision.policy.breakGlass)}`);
    else if (r.approvals.length === 0) status = s('green', '✓ valid · auto-approved');
    else
      status = s('green', '✓ valid') + s('yellow', ` · needs ${needed} approval${needed === 1 ? '' : 's'}`);
    if (checkedApprovals && !r.ok && r.errors.every((e) => e.code === 'approval-missing')) {
      status = s('yellow', `… waiting for ${needed} approval${needed === 1 ? '' : 's'}`);
    }
    lines.push(`${status}  ${s('bold', r.file)}`);
    if (decision) {
      const g = decision.grant;
      const max =
        decision.policy.maxDurationMs === undefined
          ? ''
          : ` (max ${formatDuration(decision.policy.maxDurationMs)})`;
      lines.push(
        `    ${g.requester} · ${g.access} · ${g.duration}${max} · ${r.resources.join(', ') || '(no resources)'}`,
      );
    }
    for (const a of r.approvals) {
      const filled = a.approved_by.length ? s('green', `approved by ${a.approved_by.join(', ')}`) : '';
      const open = a.missing > 0 ? s('yellow', `${a.missing} open`) : '';
      lines.push(`    approval: ${a.from} ×${a.count}  ${[filled, open].filter(Boolean).join(' · ')}`);
    }
    for (const e of r.errors) lines.push(`    ${renderDiagnostic(e, s)}`);
  }
  for (const file of outcome.deleted)
    lines.push(`${s('cyan', '− revoke')}  ${s('bold', file)}  (deleted: revoked early on merge)`);
  const bad = json.results.filter((r) => !r.ok).length;
  const summary = `${json.results.length} file${json.results.length === 1 ? '' : 's'}: ${json.results.length - bad} ok, ${bad} not ok`;
  lines.push('', bad ? s('red', summary) : s('green', summary));
  if (!checkedApprovals && json.results.some((r) => r.approvals.some((a) => a.missing > 0))) {
    lines.push(s('dim', 'approvals are checked on the pull request (or pass --pr FACTS.json)'));
  }
  return lines.join('\n') + '\n';
}
