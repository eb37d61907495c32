/** The report of `reconcile` (job summary / CLI text): revoked, re-applied, drift, failures, record. */
import type { ReconcileResult } from '../commands/reconcile.js';
import { code, text } from './markdown/escape.js';

export function renderReconcileMarkdown(r: ReconcileResult): string {
  const out = [
    '### gitgrant · reconcile',
    '',
    `Run at ${text(r.now)}; previous success: ${r.previousSuccess ? text(r.previousSuccess) : 'none recorded'}.`,
    '',
  ];
  if (r.stale)
    out.push(
      '> [!WARNING]',
      '> The previous successful run is older than twice the schedule interval: runs were missed or failing. Expired access may have outlived its window; this run revoked everything overdue.',
      '',
    );
  const rows = (title: string, xs: ReconcileResult['revoked']) => {
    if (!xs.length) return;
    out.push(
      `**${title}**`,
      '',
      '| grant | person | resource | access | window | result |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const x of xs)
      out.push(
        `| ${code(x.grant, { inTable: true })} | ${text(x.person)} | ${code(x.resource, { inTable: true })} | ${code(x.access, { inTable: true })} | ${text(`${x.start ?? '?'} → ${x.end ?? '?'}`)} | ${text(x.detail, 200)} |`,
      );
    out.push('');
  };
  rows('Revoked (window ended)', r.revoked);
  rows('Re-applied (access was missing)', r.reapplied);
  rows('Revoked again (grant file deleted from the default branch: the backstop to apply)', r.deleted);
  if (r.drift.length) {
    out.push('**Drift** (access no active grant or baseline explains)', '');
    for (const d of r.drift)
      out.push(
        `- ${code(d.resource)}: ${text(d.identity)} has ${code(d.access)}${d.pruned ? ' — pruned' : ''}: ${text(d.detail, 200)}`,
      );
    out.push('');
  }
  if (r.notApproved.length) {
    out.push(
      '**Not granted** (on the default branch, but not approved at merge: gitgrant gives no access for these; they are revoked and recorded when their window ends)',
      '',
    );
    for (const n of r.notApproved)
      out.push(
        `- ${code(n.file)} (${text(n.person)}, ${text(`${n.start ?? '?'} → ${n.end ?? '?'}`)}): ${text(n.reasons.join('; ') || 'not approved', 500)}`,
      );
    out.push('');
  }
  if (r.record && r.record.kind !== 'none') {
    out.push(
      r.record.kind === 'commit'
        ? `Recorded in commit ${code(r.record.sha ?? '')}.`
        : `Recorded in pull request #${r.record.pr}.`,
      '',
    );
  }
  if (r.kept.length)
    out.push(`Kept in git until their revocation is confirmed: ${r.kept.map((f) => code(f)).join(', ')}`, '');
  if (r.failures.length) {
    out.push('**Failed** (the run is red; the next run retries)', '');
    for (const f of r.failures)
      out.push(`- ${code(f.file)}${f.resource ? ` on ${code(f.resource)}` : ''}: ${text(f.message, 500)}`);
    out.push('');
  }
  if (
    !r.revoked.length &&
    !r.reapplied.length &&
    !r.deleted.length &&
    !r.drift.length &&
    !r.failures.length &&
    !r.notApproved.length
  )
    out.push('Nothing to do: every grant is where it should be.');
  return out.join('\n') + '\n';
}
