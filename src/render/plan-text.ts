/** Text rendering of `gitgrant plan`: one aligned row per grant. */
import { formatDuration } from '../core/duration.js';
import type { PlanJson } from '../commands/plan.js';
import { pad, visibleLength, type Styler } from './style.js';
import { renderDiagnostic } from './validate-text.js';

export function renderPlanText(plan: PlanJson, s: Styler): string {
  const rows = plan.grants.map((g) => {
    const state =
      g.state === 'active'
        ? s('green', 'active')
        : g.state === 'expired'
          ? s('red', 'expired')
          : s('yellow', 'pending');
    const when =
      g.state === 'pending'
        ? g.action === 'continues'
          ? `extends ${g.extends ?? '?'}: ${g.start} → ${g.end} (starts when it ends, no gap)`
          : 'not on the default branch yet'
        : g.state === 'active'
          ? `${g.start} → ${g.end} (${formatDuration(g.remainingMs!)} left)`
          : `${g.start} → ${g.end} (ended ${formatDuration(-g.remainingMs!)} ago)`;
    return [state, g.file, `${g.requester} ${g.access}`, when, g.action];
  });
  const widths = [0, 1, 2].map((i) => Math.max(0, ...rows.map((r) => visibleLength(r[i]!))));
  const out = [s('dim', `now ${plan.now}`)];
  for (const r of rows)
    out.push(
      `${pad(r[0]!, widths[0]!)}  ${pad(r[1]!, widths[1]!)}  ${pad(r[2]!, widths[2]!)}  ${r[3]}  ${s('bold', `→ ${r[4]}`)}`,
    );
  if (rows.length === 0) out.push('no grant files');
  for (const d of plan.errors) out.push(renderDiagnostic(d, s));
  return out.join('\n') + '\n';
}
