/**
 * Policy evaluation (DESIGN.md §3), for one grant request against a prepared snapshot.
 *
 * For each resolved resource:
 *   1. a matching deny policy names requester → `denied` (deny wins, whatever allows)
 *   2. no allow policy matches                → `no-policy` (default deny)
 *   3. requester not eligible under EVERY matching allow policy → `not-eligible`
 *   4. access level not offered by EVERY matching allow policy  → `access-not-offered`
 * Then across all resources: effective max duration = the smallest (`duration-exceeds-max`),
 * `require` of every matching policy (`reason-required`, `ticket-invalid`), and the approval
 * rules: their union, rules with the same approver set merged with the largest count.
 */
import { parseDuration } from './duration.js';
import { diag, type Diagnostic } from './errors.js';
import type { AccessRule, GrantRequest, Policy, PrincipalSelector, Resource } from './model.js';
import type { Prepared } from './prepared.js';
import { describePrincipal, principalMatches, type Directory } from './principals.js';
import { resolveResources } from './resolve.js';
import { describeSelector } from './selector.js';
import { mergeRules, type RequiredRule } from './rules.js';

export interface ResourceVerdict {
  resource: Resource;
  /** Allow policies that match the resource. */
  allow: readonly string[];
  /** Deny policies that match the resource (whether or not they named the requester). */
  deny: readonly string[];
}

export interface PolicyDecision {
  grant: GrantRequest;
  resources: Resource[];
  verdicts: ResourceVerdict[];
  durationMs?: number;
  /** Smallest max duration over all matching allow policies, and the policy that set it. */
  maxDurationMs?: number;
  maxDuration?: string;
  maxDurationPolicy?: string;
  rules: RequiredRule[];
  diagnostics: Diagnostic[];
  /** True when nothing but approvals stands in the way. */
  ok: boolean;
  /** The smallest `max_extensions` of the contributing policies, and which set it (docs/extension.md). */
  maxExtensions?: { count: number; policy: string };
  /** Every `max_hours_per_30d` of the contributing policies. */
  hourCaps?: { hours: number; by: readonly string[]; policy: string }[];
  /**
   * Set when EVERY contributing policy marks the level break-glass: no approval before merge,
   * a retro-review from one of each policy's reviewers within the shortest `review_within`
   * (docs/break-glass.md). When only some do, their reviewers become ordinary approvals.
   */
  breakGlass?: BreakGlassDecision;
}

export interface BreakGlassDecision {
  reviewWithinMs: number;
  reviewWithin: string;
  policies: string[];
  /** The retro-review rules (one reviewer per policy's `reviewers`, merged like approvals). */
  rules: RequiredRule[];
}

/** Minimum length of a reason when a policy sets `require: { reason: true }`. */
export const REQUIRED_REASON_MIN = 10;

function requesterSelectorThatMatches(
  selectors: readonly PrincipalSelector[],
  requester: string,
  dir: Directory,
  resource: Resource,
): PrincipalSelector | undefined {
  return selectors.find((s) => principalMatches(s, requester, dir, resource.tags));
}

const usesTags = new WeakMap<Policy, boolean>();
/** Does the policy's requester list depend on the resource (`same_tags`)? Computed once per policy. */
function usesResourceTags(policy: Policy): boolean {
  let v = usesTags.get(policy);
  if (v === undefined)
    usesTags.set(policy, (v = policy.requesters.some((s) => typeof s === 'object' && 'same_tags' in s)));
  return v;
}

function listSelectors(selectors: readonly PrincipalSelector[]): string {
  return selectors.map(describePrincipal).join('; ');
}

export function evaluatePolicies(
  grant: GrantRequest,
  prepared: Prepared,
  dir: Directory = prepared.directory,
): PolicyDecision {
  const src = grant.source;
  const diagnostics: Diagnostic[] = [];
  const { resources, origin, diagnostics: resolutionErrors } = resolveResources(grant, prepared.inventory);
  diagnostics.push(...resolutionErrors);

  const parsed = parseDuration(grant.duration);
  const durationMs = parsed.ok ? parsed.ms : undefined;
  if (!parsed.ok) diagnostics.push(diag('duration-invalid', parsed.reason, src, ['duration']));

  const verdicts: ResourceVerdict[] = [];
  const rules: RequiredRule[] = [];
  const requires: Policy[] = [];
  let maxDurationMs: number | undefined;
  let maxDuration: string | undefined;
  let maxDurationPolicy: string | undefined;

  // Per request, a policy's verdict on the requester only depends on the resource through
  // `same_tags`; and a policy's limits and approvals are the same for every resource it matches.
  // Both are computed once per policy, so a selector over many resources stays cheap.
  const eligibleMemo = new Map<Policy, boolean>();
  const eligible = (policy: Policy, resource: Resource): boolean => {
    if (usesResourceTags(policy))
      return !!requesterSelectorThatMatches(policy.requesters, grant.requester, dir, resource);
    let v = eligibleMemo.get(policy);
    if (v === undefined)
      eligibleMemo.set(
        policy,
        (v = !!requesterSelectorThatMatches(policy.requesters, grant.requester, dir, resource)),
      );
    return v;
  };
  const counted = new Set<Policy>();
  const contributing: { policy: Policy; rule: AccessRule }[] = [];

  const at = (resource: Resource) => ['resources', origin.get(resource.id) ?? 0];
  for (const resource of resources) {
    const { allow, deny, allowNames, denyNames } = prepared.matchingPolicies(resource.id);
    verdicts.push({ resource, allow: allowNames, deny: denyNames });
    const tagText = (): string =>
      Object.entries(resource.tags)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ') || 'no tags';

    const denying = deny.find((p) =>
      requesterSelectorThatMatches(p.requesters, grant.requester, dir, resource),
    );
    if (denying) {
      const who = requesterSelectorThatMatches(denying.requesters, grant.requester, dir, resource)!;
      diagnostics.push(
        diag(
          'denied',
          `policy "${denying.name}" denies ${grant.requester} on ${resource.id}: it applies through {${describeSelector(denying.resources)}} and names the requester as ${describePrincipal(who)}`,
          src,
          at(resource),
        ),
      );
      continue;
    }
    if (allow.length === 0) {
      diagnostics.push(
        diag(
          'no-policy',
          `no allow policy matches ${resource.id} (${tagText()}): it cannot be requested`,
          src,
          at(resource),
        ),
      );
      continue;
    }
    let resourceOk = true;
    for (const policy of allow) {
      if (!eligible(policy, resource)) {
        resourceOk = false;
        diagnostics.push(
          diag(
            'not-eligible',
            `${grant.requester} may not request ${resource.id}: policy "${policy.name}" applies through {${describeSelector(policy.resources)}} and allows only ${listSelectors(policy.requesters)}`,
            src,
            at(resource),
          ),
        );
      }
    }
    if (!resourceOk) continue;
    for (const policy of allow) {
      const rule = Object.hasOwn(policy.access, grant.access) ? policy.access[grant.access] : undefined;
      if (!rule) {
        diagnostics.push(
          diag(
            'access-not-offered',
            `access "${grant.access}" is not offered on ${resource.id} by policy "${policy.name}" (offers: ${Object.keys(policy.access).join(', ') || 'nothing'})`,
            src,
            ['access'],
          ),
        );
        continue;
      }
      if (counted.has(policy)) continue;
      counted.add(policy);
      contributing.push({ policy, rule });
      if (maxDurationMs === undefined || rule.maxDurationMs < maxDurationMs) {
        maxDurationMs = rule.maxDurationMs;
        maxDuration = rule.maxDuration;
        maxDurationPolicy = policy.name;
      }
      for (const r of rule.approvals) rules.push({ from: r.from, count: r.count, policies: [policy.name] });
      if (policy.require) requires.push(policy);
    }
  }

  if (durationMs !== undefined && maxDurationMs !== undefined && durationMs > maxDurationMs) {
    diagnostics.push(
      diag(
        'duration-exceeds-max',
        `duration ${grant.duration} exceeds the maximum of ${maxDuration} set by policy "${maxDurationPolicy}" for ${grant.access}`,
        src,
        ['duration'],
      ),
    );
  }

  checkRequirements(grant, requires, diagnostics);
  if (grant.reason.trim() === '' && !diagnostics.some((d) => d.code === 'reason-required')) {
    diagnostics.push(
      diag('reason-required', 'a reason is required: say why you need this access', src, ['reason']),
    );
  }

  const limits = accessLimits(contributing, rules);
  return {
    grant,
    resources,
    verdicts,
    durationMs,
    maxDurationMs,
    maxDuration,
    maxDurationPolicy,
    rules: mergeRules(rules),
    diagnostics,
    ok: diagnostics.length === 0,
    ...limits,
  };
}

/**
 * Extension caps and break-glass over the contributing access rules. Fail closed: the smallest
 * `max_extensions`, every hours cap, and break-glass only when every contributing rule is
 * break-glass (otherwise the break-glass reviewers are required before merge, like approvals).
 */
function accessLimits(
  contributing: readonly { policy: Policy; rule: AccessRule }[],
  rules: RequiredRule[],
): Pick<PolicyDecision, 'maxExtensions' | 'hourCaps' | 'breakGlass'> {
  const out: Pick<PolicyDecision, 'maxExtensions' | 'hourCaps' | 'breakGlass'> = {};
  for (const { policy, rule } of contributing) {
    if (
      rule.maxExtensions !== undefined &&
      (!out.maxExtensions || rule.maxExtensions < out.maxExtensions.count)
    )
      out.maxExtensions = { count: rule.maxExtensions, policy: policy.name };
    if (rule.maxHoursPer30d)
      (out.hourCaps ??= []).push({
        hours: rule.maxHoursPer30d.hours,
        by: rule.maxHoursPer30d.by,
        policy: policy.name,
      });
  }
  const glass = contributing.filter((c) => c.rule.breakGlass);
  if (glass.length === 0) return out;
  const reviewRules: RequiredRule[] = glass.map(({ policy, rule }) => ({
    from: rule.breakGlass!.reviewers,
    count: 1,
    policies: [policy.name],
  }));
  if (glass.length < contributing.length) {
    // Another matching policy is not break-glass: its approvals apply before merge, and so do
    // the break-glass reviewers (never less than either policy asks for).
    rules.push(...reviewRules);
    return out;
  }
  let shortest = glass[0]!;
  for (const g of glass)
    if (g.rule.breakGlass!.reviewWithinMs < shortest.rule.breakGlass!.reviewWithinMs) shortest = g;
  out.breakGlass = {
    reviewWithinMs: shortest.rule.breakGlass!.reviewWithinMs,
    reviewWithin: shortest.rule.breakGlass!.reviewWithin,
    policies: glass.map((g) => g.policy.name),
    rules: mergeRules(reviewRules),
  };
  return out;
}

function checkRequirements(grant: GrantRequest, policies: Policy[], out: Diagnostic[]): void {
  const seen = new Set<string>();
  for (const policy of policies) {
    if (seen.has(policy.name)) continue;
    seen.add(policy.name);
    const req = policy.require!;
    if (req.reason && grant.reason.replace(/\s+/g, '').length < REQUIRED_REASON_MIN) {
      out.push(
        diag(
          'reason-required',
          `policy "${policy.name}" requires a reason of at least ${REQUIRED_REASON_MIN} characters`,
          grant.source,
          ['reason'],
        ),
      );
    }
    if (req.ticket !== undefined) {
      const pattern = new RegExp(req.ticket);
      if (grant.ticket === undefined) {
        out.push(
          diag(
            'ticket-invalid',
            `policy "${policy.name}" requires a ticket matching ${req.ticket}`,
            grant.source,
            [],
          ),
        );
      } else if (!pattern.test(grant.ticket)) {
        out.push(
          diag(
            'ticket-invalid',
            `ticket "${grant.ticket}" does not match ${req.ticket}, required by policy "${policy.name}"`,
            grant.source,
            ['ticket'],
          ),
        );
      }
    }
  }
}
