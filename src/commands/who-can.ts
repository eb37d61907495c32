/**
 * `gitgrant who-can RESOURCE`: per access level, who may request it (groups expanded, tag
 * selectors evaluated over `people:`, `same_tags` evaluated against this resource's tags, deny
 * policies applied) and who may approve each slot.
 *
 * The candidates are everyone the policies can name offline: every person of `people:`, every
 * group member and every login a requester selector names. Each candidate is checked with the
 * core's own evaluation of a hypothetical request (see eligible.ts). `@org/team` requester
 * selectors are listed as teams: their members are only known on GitHub.
 */
import { UsageError } from '../core/errors.js';
import { loginKey, type Resource } from '../core/model.js';
import { describePrincipal, principalMatches } from '../core/principals.js';
import type { Prepared } from '../core/prepared.js';
import { mergeRules } from '../core/rules.js';
import { describeSelector } from '../core/selector.js';
import { loadConfig, type Config } from './config.js';
import {
  approvalNeed,
  commonLevels,
  defaultFolder,
  hypothetical,
  requirementsOf,
  type ApprovalNeed,
  type Requirements,
} from './eligible.js';
import { evaluatePolicies } from '../core/evaluate.js';

export interface WhoCanLevel {
  level: string;
  max_duration: string;
  max_duration_policy: string;
  /** People who may ask for this level (logins, sorted). */
  requesters: string[];
  /** Requester selectors of the allow policies, as written (e.g. `group:engineering`). */
  requester_selectors: { policy: string; selectors: string[] }[];
  /** `@org/team` selectors that admit requesters not known offline. */
  requester_teams: string[];
  /** People an allow policy admits but a deny policy forbids. */
  denied: { login: string; policy: string }[];
  approvals: ApprovalNeed[];
  require: Requirements;
}

export interface WhoCanJson {
  resource: { id: string; provider: string; tags: Record<string, string> };
  policies: { name: string; effect: 'allow' | 'deny'; selects: string }[];
  /** The grant path whose CODEOWNERS fill `from: codeowners` slots (request's default folder). */
  codeowners_path: string;
  access: WhoCanLevel[];
}

function candidates(config: Config, resource: Resource): string[] {
  const { snapshot } = config.prepared;
  const seen = new Map<string, string>();
  const add = (login: string) => {
    if (!seen.has(loginKey(login))) seen.set(loginKey(login), login);
  };
  for (const p of snapshot.people.values()) add(p.login);
  for (const members of snapshot.groups.values()) members.forEach(add);
  for (const p of config.prepared.matchingPolicies(resource.id).all)
    for (const s of p.requesters) if (typeof s === 'string' && !s.includes(':') && !s.startsWith('@')) add(s);
  return [...seen.values()].sort((a, b) =>
    loginKey(a) < loginKey(b) ? -1 : loginKey(a) > loginKey(b) ? 1 : 0,
  );
}

export function whoCan(config: Config, resourceId: string): WhoCanJson {
  const { prepared } = config;
  const resource = prepared.inventory.get(resourceId);
  if (!resource) {
    const known = prepared.snapshot.resources.map((r) => r.id).sort();
    throw new UsageError(
      `unknown resource "${resourceId}": no resource with this id in policies/ (known: ${known.join(', ') || 'none'})`,
    );
  }
  const matching = prepared.matchingPolicies(resource.id);
  const path = `${defaultFolder([resource])}/REQUEST.yaml`;
  const people = candidates(config, resource);
  const access: WhoCanLevel[] = [];
  const noDeny: Prepared = {
    ...prepared,
    matchingPolicies: (id) => ({ ...prepared.matchingPolicies(id), deny: [], denyNames: [] }),
  };
  const blocked = (codes: Set<string>) =>
    [...codes].some(
      (c) => c === 'denied' || c === 'not-eligible' || c === 'access-not-offered' || c === 'no-policy',
    );
  for (const level of commonLevels(prepared, [resource])) {
    const requesters: string[] = [];
    const denied: WhoCanLevel['denied'] = [];
    for (const login of people) {
      const codes = (g: Prepared) =>
        new Set<string>(
          evaluatePolicies(hypothetical(login, level, [resource.id]), g).diagnostics.map((x) => x.code),
        );
      const real = codes(prepared);
      if (!blocked(real)) {
        requesters.push(login);
      } else if (real.has('denied') && !blocked(codes(noDeny))) {
        // An allow policy admits them; a deny policy forbids them.
        const policy = matching.deny.find((p) =>
          p.requesters.some((s) => principalMatches(s, login, prepared.directory, resource.tags)),
        );
        denied.push({ login, policy: policy?.name ?? '' });
      }
    }
    // Limits and approvals do not depend on who asks (only who is excluded from approving):
    // the core's rules for someone who may ask, else the policies' own rules merged.
    const rules = requesters[0]
      ? evaluatePolicies(hypothetical(requesters[0], level, [resource.id]), prepared).rules
      : mergeRules(
          matching.allow.flatMap((p) =>
            p.access[level]!.approvals.map((a) => ({ from: a.from, count: a.count, policies: [p.name] })),
          ),
        );
    const max = Math.min(...matching.allow.map((p) => p.access[level]!.maxDurationMs));
    const maxPolicy = matching.allow.find((p) => p.access[level]!.maxDurationMs === max)!;
    access.push({
      level,
      max_duration: maxPolicy.access[level]!.maxDuration,
      max_duration_policy: maxPolicy.name,
      requesters,
      requester_selectors: matching.allow.map((p) => ({
        policy: p.name,
        selectors: p.requesters.map(describePrincipal),
      })),
      requester_teams: [
        ...new Set(
          matching.allow.flatMap((p) =>
            p.requesters.filter((s): s is string => typeof s === 'string' && s.startsWith('@')),
          ),
        ),
      ],
      denied,
      approvals: rules.map((r) => approvalNeed(r, prepared.directory, config.codeowners, path)),
      require: requirementsOf(prepared, [resource]),
    });
  }
  return {
    resource: { id: resource.id, provider: resource.provider, tags: { ...resource.tags } },
    policies: matching.all.map((p) => ({
      name: p.name,
      effect: p.effect,
      selects: describeSelector(p.resources),
    })),
    codeowners_path: path.replace(/REQUEST\.yaml$/, ''),
    access,
  };
}

export async function runWhoCan(repo: string, resourceId: string, policiesRef?: string): Promise<WhoCanJson> {
  return whoCan(await loadConfig(repo, policiesRef), resourceId);
}
