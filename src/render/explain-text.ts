/** Text rendering of `gitgrant explain`. */
import type { ExplainJson } from '../commands/explain.js';
import { renderDiagnostic } from './validate-text.js';
import type { Styler } from './style.js';

export function renderExplainText(e: ExplainJson, s: Styler): string {
  const out: string[] = [`${s('bold', e.file)}  ${e.ok ? s('green', '✓ valid') : s('red', '✗ invalid')}`];
  if (e.requester) {
    out.push(
      `  ${e.requester} asks for ${s('bold', e.access ?? '')} for ${e.duration}` +
        (e.max_duration ? ` (max ${e.max_duration}, set by ${e.max_duration_policy})` : ''),
    );
  }
  for (const r of e.resources) {
    const tags = Object.entries(r.tags)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    out.push('', `  ${s('bold', r.id)} ${s('dim', `(${r.provider}; ${tags})`)}`);
    if (r.policies.length === 0) out.push(`    ${s('red', 'no policy matches: cannot be requested')}`);
    for (const p of r.policies) {
      const label = p.effect === 'deny' ? s('red', 'deny ') : s('green', 'allow');
      out.push(`    ${label} ${p.name} ${s('dim', `selects {${p.selects}}`)}`);
      if (p.description) out.push(`          ${s('dim', p.description)}`);
    }
  }
  out.push('', '  approvals:');
  if (e.approvals.length === 0) out.push(`    ${s('green', 'none: auto-approved once valid')}`);
  for (const a of e.approvals) {
    out.push(`    ${a.count} × ${a.from}  ${s('dim', `(from ${a.policies.join(', ')})`)}`);
    out.push(
      `        can approve: ${a.can_approve.length ? a.can_approve.join(', ') : s('yellow', 'nobody known offline (team members are read from GitHub)')}`,
    );
  }
  if (e.errors.length) {
    out.push('', '  errors:');
    for (const d of e.errors) out.push(`    ${renderDiagnostic(d, s)}`);
  }
  return out.join('\n') + '\n';
}
