/**
 * What a policy change does to existing grants: compare each grant's decision before and after.
 *   invalidate  valid before, invalid after (reconcile keeps it until it expires; see docs)
 *   widen       more is allowed: invalid → valid, a longer max duration, or fewer approvals
 *   narrow      less is allowed: a shorter max duration, or more approvals
 */
import type { GrantDecision } from './decide.js';
import type { GrantRequest } from './model.js';

export type ImpactKind = 'widen' | 'narrow' | 'invalidate';

export interface ImpactEntry {
  file: string;
  requester: string;
  kind: ImpactKind;
  detail: string;
  /** Set for a pending request: the open pull request that adds it. */
  pending?: number;
}

const slots = (d: GrantDecision) => d.policy.rules.reduce((n, r) => n + r.count, 0);

export function policyImpact(
  grants: readonly GrantRequest[],
  before: (g: GrantRequest) => GrantDecision,
  after: (g: GrantRequest) => GrantDecision,
): ImpactEntry[] {
  const out: ImpactEntry[] = [];
  for (const g of grants) {
    const b = before(g);
    const a = after(g);
    const entry = (kind: ImpactKind, detail: string) =>
      out.push({ file: g.file, requester: g.requester, kind, detail });
    if (b.valid && !a.valid) {
      entry('invalidate', a.diagnostics.map((d) => `${d.code}: ${d.message}`).join('; '));
      continue;
    }
    if (!b.valid && a.valid) {
      entry('widen', `becomes valid (was: ${b.diagnostics.map((d) => d.code).join(', ')})`);
      continue;
    }
    if (!a.valid) continue;
    const bMax = b.policy.maxDurationMs ?? 0;
    const aMax = a.policy.maxDurationMs ?? 0;
    if (aMax > bMax) entry('widen', `max duration ${b.policy.maxDuration} → ${a.policy.maxDuration}`);
    if (aMax < bMax) entry('narrow', `max duration ${b.policy.maxDuration} → ${a.policy.maxDuration}`);
    const bs = slots(b);
    const as = slots(a);
    if (as < bs) entry('widen', `approvals needed ${bs} → ${as}`);
    if (as > bs) entry('narrow', `approvals needed ${bs} → ${as}`);
    const bIds = b.policy.resources.map((r) => r.id).join(',');
    const aIds = a.policy.resources.map((r) => r.id).join(',');
    if (aIds !== bIds)
      entry(
        a.policy.resources.length > b.policy.resources.length ? 'widen' : 'narrow',
        `resources ${bIds || '∅'} → ${aIds || '∅'}`,
      );
  }
  return out;
}
