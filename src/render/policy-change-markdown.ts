/**
 * The sticky comment and status for a policy-change pull request: validity of the new files,
 * the `admins` approvals, and the grants the change would widen, narrow or invalidate.
 */
import type { PolicyChangeOutcome } from '../commands/policy-change.js';
import type { ConfigError } from '../core/errors.js';
import { COMMENT_MARKER } from './markdown/comment.js';
import { code, plain, plural, safeUrl, shortSha, text } from './markdown/escape.js';

export interface FooterCtx {
  headSha: string;
  now: string;
  runUrl?: string;
}

function footer(ctx: FooterCtx): string {
  const url = safeUrl(ctx.runUrl);
  return `<sub>gitgrant · head ${code(shortSha(ctx.headSha))} · ${text(ctx.now)}${url ? ` · [run](${url})` : ''}</sub>`;
}

export function policyChangeStatus(o: PolicyChangeOutcome): {
  state: 'success' | 'failure';
  description: string;
} {
  if (o.errors.length)
    return {
      state: 'failure',
      description: plain(
        `policy change is invalid: ${o.errors.length} error(s), first ${o.errors[0]!.code} in ${o.errors[0]!.file}`,
        140,
      ),
    };
  if (!o.approvals.approved) {
    const missing = o.approvals.rules.reduce((n, r) => n + r.missing, 0);
    const why = o.approvals.errors.some((e) => e.code === 'changes-requested')
      ? 'changes requested by an admin'
      : `waiting for ${plural(missing, 'admin approval')}`;
    return { state: 'failure', description: plain(`policy change: ${why}`, 140) };
  }
  return {
    state: 'success',
    description: plain(
      `policy change approved by ${o.approvals.rules.flatMap((r) => r.approved_by).join(', ')}`,
      140,
    ),
  };
}

export function renderPolicyChangeComment(o: PolicyChangeOutcome, ctx: FooterCtx): string {
  const out = [COMMENT_MARKER, '### gitgrant · policy change', ''];
  out.push(
    o.ok
      ? '✅ valid and approved by the admins'
      : o.errors.length
        ? '❌ the new policies are invalid: nothing broken may land'
        : '⏳ valid; waiting for the admins',
  );
  if (o.errors.length) {
    out.push('', '| code | where | message |', '| --- | --- | --- |');
    for (const e of o.errors)
      out.push(
        `| ${code(e.code, { inTable: true })} | ${code(`${e.file}:${e.line}:${e.column}`, { inTable: true })} | ${text(e.message)} |`,
      );
  }
  out.push('', '**Admin approvals** (settings.admins of the base branch)', '');
  for (const r of o.approvals.rules) {
    const filled = r.approved_by.map((l) => `✅ ${text(l)}`).join(', ');
    const open =
      r.missing > 0
        ? `⏳ ${r.missing} open${r.candidates.length ? ` (can approve: ${r.candidates.map((c) => text(c)).join(', ')})` : ''}`
        : '';
    out.push(`- ${text(r.from)} × ${r.count}: ${[filled, open].filter(Boolean).join(' · ')}`);
  }
  for (const e of o.approvals.errors) out.push(`- ${code(e.code)} ${text(e.message)}`);
  out.push('', '**Effect on active grants (base branch) and pending requests (open pull requests)**', '');
  if (o.impact.length === 0)
    out.push('No active grant or pending request is widened, narrowed or invalidated.');
  else {
    out.push('| grant | state | requester | effect | detail |', '| --- | --- | --- | --- | --- |');
    for (const i of o.impact)
      out.push(
        `| ${code(i.file, { inTable: true })} | ${i.pending ? `pending (#${i.pending})` : 'on the base branch'} | ${text(i.requester)} | ${i.kind} | ${text(i.detail, 300)} |`,
      );
  }
  out.push('', footer(ctx));
  return out.join('\n') + '\n';
}

/**
 * The `result` output of a policy-change pull request: the shape of `validate --format json`
 * (`ok`, `results` — empty: no grant file is requested) with the policy change's own verdict.
 */
export function policyChangeResult(o: PolicyChangeOutcome) {
  return {
    ok: o.ok,
    results: [],
    policy_change: {
      ok: o.ok,
      approved: o.approvals.approved,
      errors: o.errors,
      approvals: o.approvals.rules.map((r) => ({
        from: r.from,
        count: r.count,
        approved_by: r.approved_by,
        missing: r.missing,
      })),
      impact: o.impact,
    },
  };
}

/** The sticky comment once a pull request no longer adds or deletes grants, nor changes policies. */
export function renderNoRequestsComment(ctx: FooterCtx): string {
  return (
    [
      COMMENT_MARKER,
      '### gitgrant',
      '',
      '✅ this pull request no longer adds or deletes grant files, nor changes policies/ or CODEOWNERS: nothing to approve.',
      '',
      footer(ctx),
    ].join('\n') + '\n'
  );
}

/** The sticky comment when no decision could be made (an API error, a missing permission). */
export function renderErrorComment(message: string, ctx: FooterCtx): string {
  return (
    [
      COMMENT_MARKER,
      '### gitgrant',
      '',
      `❌ could not decide, so nothing is approved: ${text(message)}`,
      '',
      'Fix the cause and re-run the workflow.',
      '',
      footer(ctx),
    ].join('\n') + '\n'
  );
}

export function renderConfigErrorComment(e: ConfigError, ctx: FooterCtx): string {
  const out = [COMMENT_MARKER, '### gitgrant', '', `❌ ${text(e.message)}`, ''];
  out.push('| code | where | message |', '| --- | --- | --- |');
  for (const d of e.diagnostics)
    out.push(
      `| ${code(d.code, { inTable: true })} | ${code(`${d.file}:${d.line}:${d.column}`, { inTable: true })} | ${text(d.message)} |`,
    );
  out.push('', footer(ctx));
  return out.join('\n') + '\n';
}
