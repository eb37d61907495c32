/**
 * The body of a request's pull request: what is asked, who can approve each slot, and the
 * `explain` result. Logins are written in code spans (not as @-mentions): review requests
 * already notify the reviewers, and the body must not ping anyone twice.
 */
import type { ExplainJson } from '../commands/explain.js';
import type { ApprovalNeed } from '../commands/eligible.js';
import { renderExplainText } from './explain-text.js';
import { styler } from './style.js';

export const REQUEST_MARKER = '<!-- gitgrant:request -->';

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

/** A reason quoted as plain text: no markdown, HTML or mentions from it. */
function quote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => `> ${l.replace(/[\\`*_{}[\]()#+\-.!|<>@~]/g, '\\$&')}`)
    .join('\n');
}

export function renderRequestBody(opts: {
  file: string;
  reason: string;
  ticket?: string;
  explain: ExplainJson;
  approvals: readonly ApprovalNeed[];
}): string {
  const e = opts.explain;
  const out: string[] = [REQUEST_MARKER];
  out.push(
    `${code(e.requester ?? '')} asks for **${e.access}** for **${e.duration}**` +
      (e.max_duration ? ` (at most ${e.max_duration}, set by ${code(e.max_duration_policy ?? '')})` : '') +
      ` on ${e.resources.map((r) => code(r.id)).join(', ')}.`,
    '',
    `Request file: ${code(opts.file)}`,
  );
  if (opts.ticket) out.push(`Ticket: ${code(opts.ticket)}`);
  out.push('', 'Reason:', '', quote(opts.reason), '');
  if (opts.approvals.length === 0) {
    out.push('**Approvals:** none — auto-approved once the `gitgrant/approval` check passes.');
  } else {
    out.push('| approvals needed | can be given by | policies |', '| --- | --- | --- |');
    for (const a of opts.approvals) {
      const who = [...a.can_approve, ...a.teams].map(code).join(', ') || 'nobody known offline';
      out.push(`| ${a.count} × ${code(a.from)} | ${who} | ${a.policies.map(code).join(', ')} |`);
    }
  }
  out.push(
    '',
    '<details><summary><code>gitgrant explain</code></summary>',
    '',
    '```text',
    renderExplainText(e, styler({ isTTY: false }))
      .trimEnd()
      .replace(/```/g, "'''"),
    '```',
    '',
    '</details>',
    '',
    'Opened with `gitgrant request --open-pr`. The `gitgrant/approval` check turns green when the request is valid and the approvals above are given on the latest commit; then merge. Access starts when the file lands on the default branch and is revoked when its window ends.',
  );
  return out.join('\n') + '\n';
}
