/** Text rendering of `gitgrant eligible`. */
import type { ApprovalNeed, EligibleJson, LevelOption } from '../commands/eligible.js';
import { pad, type Styler } from './style.js';

export function describeNeed(a: ApprovalNeed): string {
  const who = [...a.can_approve, ...a.teams];
  const where = a.codeowners_path ? ` of ${a.codeowners_path}` : '';
  return `${a.count} × ${a.from}${where} (${who.length ? who.join(', ') : 'nobody known offline'})`;
}

export function describeRequire(o: Pick<LevelOption, 'require'>): string {
  const parts: string[] = [];
  if (o.require.ticket.length) parts.push(`ticket ${o.require.ticket.map((t) => t.pattern).join(' and ')}`);
  if (o.require.reason.length) parts.push('reason ≥ 10 characters');
  return parts.join(', ');
}

export function renderEligibleText(e: EligibleJson, s: Styler): string {
  const out: string[] = [];
  const n = e.resources.length;
  out.push(`${s('bold', e.person)} may request ${n} resource${n === 1 ? '' : 's'}`);
  const width = Math.max(0, ...e.resources.flatMap((r) => r.access.map((a) => a.level.length)));
  for (const r of e.resources) {
    const tags = Object.entries(r.tags)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    out.push('', `  ${s('bold', r.id)} ${s('dim', `(${r.provider}; ${tags})`)}`);
    for (const a of r.access) {
      const approvals = a.approvals.length
        ? a.approvals.map(describeNeed).join(' + ')
        : s('green', 'no approval');
      const req = describeRequire(a);
      out.push(
        `    ${pad(a.level, width)}  max ${pad(a.max_duration, 4)}  ${approvals}${req ? s('dim', `  · ${req}`) : ''}`,
      );
    }
  }
  if (e.not_eligible.length) {
    out.push('', s('dim', 'not eligible:'));
    for (const x of e.not_eligible) out.push(s('dim', `  ${x.id}  ${x.code}: ${x.message}`));
  }
  return out.join('\n') + '\n';
}
