/** Text rendering of `gitgrant who-can RESOURCE`. */
import type { WhoCanJson } from '../commands/who-can.js';
import { describeNeed, describeRequire } from './eligible-text.js';
import type { Styler } from './style.js';

export function renderWhoCanText(w: WhoCanJson, s: Styler): string {
  const tags = Object.entries(w.resource.tags)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  const out: string[] = [`${s('bold', w.resource.id)} ${s('dim', `(${w.resource.provider}; ${tags})`)}`];
  if (w.policies.length === 0) out.push(`  ${s('red', 'no policy matches: nobody may request it')}`);
  for (const p of w.policies) {
    out.push(
      `  ${p.effect === 'deny' ? s('red', 'deny ') : s('green', 'allow')} ${p.name} ${s('dim', `selects {${p.selects}}`)}`,
    );
  }
  if (w.policies.some((p) => p.effect === 'allow') && w.access.length === 0)
    out.push(`  ${s('red', 'no access level is offered by every matching allow policy')}`);
  for (const a of w.access) {
    const req = describeRequire(a);
    out.push(
      '',
      `  ${s('bold', a.level)}  max ${a.max_duration} (${a.max_duration_policy})${req ? `  · ${req}` : ''}`,
    );
    out.push(
      `    may request: ${a.requesters.length ? a.requesters.join(', ') : s('yellow', 'nobody known offline')}`,
    );
    if (a.requester_teams.length)
      out.push(`    and members of: ${a.requester_teams.join(', ')} ${s('dim', '(read from GitHub)')}`);
    for (const d of a.denied) out.push(`    ${s('red', 'denied')}: ${d.login} ${s('dim', `(${d.policy})`)}`);
    if (a.approvals.length === 0) out.push(`    approvals: ${s('green', 'none (auto-approved once valid)')}`);
    for (const n of a.approvals) out.push(`    approval: ${describeNeed(n)}`);
  }
  out.push(
    '',
    s(
      'dim',
      'nobody approves their own request; codeowners slots are for the folder request writes to by default',
    ),
  );
  return out.join('\n') + '\n';
}
