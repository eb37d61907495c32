/**
 * `gitgrant doctor` for a terminal: one line per check (✓ pass, ✗ fail, ! warning) under its
 * group, then its details and the fix, indented; a count at the end.
 */
import type { CheckGroup, DoctorReport } from '../commands/doctor-model.js';
import type { Styler } from './style.js';

const GROUPS: Record<CheckGroup, string> = {
  repository: 'Repository',
  protection: 'Merge gate (branch protection and rulesets)',
  codeowners: 'CODEOWNERS',
  workflows: 'Workflows',
  schedule: 'Schedule',
  token: 'Token',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function renderDoctorText(report: DoctorReport, s: Styler): string {
  const out: string[] = [];
  out.push(
    s(
      'bold',
      `gitgrant doctor: ${report.repository}${report.default_branch ? ` (default branch ${report.default_branch})` : ''}`,
    ),
  );
  let group: CheckGroup | null = null;
  for (const c of report.checks) {
    if (c.group !== group) {
      group = c.group;
      out.push('', s('bold', GROUPS[group]));
    }
    const mark =
      c.status === 'pass' ? s('green', '✓') : c.status === 'fail' ? s('red', '✗') : s('yellow', '!');
    out.push(`  ${mark} ${c.title}: ${c.message}`);
    for (const d of c.details ?? []) out.push(`      - ${d}`);
    if (c.fix) out.push(`      ${s('dim', 'fix:')} ${c.fix}`);
  }
  const { pass, warn, fail } = report.counts;
  out.push('', `${pass} passed, ${fail} failed, ${plural(warn, 'warning')}`);
  out.push(
    fail
      ? s('red', 'Fix the ✗ lines above, then run gitgrant doctor again.')
      : warn
        ? s('yellow', 'The set-up works; the ! lines are worth a look.')
        : s('green', 'Everything gitgrant needs is in place.'),
  );
  return out.join('\n') + '\n';
}
