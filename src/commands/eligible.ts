/**
 * `gitgrant eligible`: per resource and access level, what a person MAY ask for — the effective
 * maximum duration, the approvals it would need and who can give them. Also the shared building
 * blocks of `request` (which levels to offer for a set of resources) and `who-can`.
 *
 * Nothing is decided here: every answer comes from the core's own evaluation (`evaluatePolicies`)
 * of a hypothetical one-minute request, so `eligible`, `who-can`, `request` and `validate` can
 * never disagree. A hypothetical request counts as "may ask" when the core reports none of the
 * codes that no request file could fix (`denied`, `no-policy`, `not-eligible`,
 * `access-not-offered`, and unresolvable resources); reason and ticket requirements are reported
 * as requirements, not as refusals.
 *
 * Offline (no GitHub): `@org/team` selectors have no known members, so a person eligible only
 * through a team shows as not eligible here (the pull request check reads teams from GitHub).
 */
import { describeFrom } from '../core/approvals.js';
import { ownerKind, ownersOf, type ParsedCodeowners } from '../core/codeowners.js';
import { syntheticSource, type Diagnostic, type ErrorCode } from '../core/errors.js';
import { evaluatePolicies, REQUIRED_REASON_MIN, type PolicyDecision } from '../core/evaluate.js';
import { loginKey, type GrantRequest, type Resource, type ResourceRef } from '../core/model.js';
import type { Prepared } from '../core/prepared.js';
import { expandPrincipal, type Directory } from '../core/principals.js';
import type { RequiredRule } from '../core/rules.js';
import { loadConfig, type Config } from './config.js';

/** Codes that mean "this person may not ask for this", whatever the request file says. */
export const REFUSAL_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'denied',
  'no-policy',
  'not-eligible',
  'access-not-offered',
  'unknown-resource',
  'selector-matches-nothing',
]);

export interface ApprovalNeed {
  /** As `validate` prints it: `group:sre`, `codeowners`, `bob, group:dba`. */
  from: string;
  count: number;
  policies: string[];
  /** Logins (and `@org/team` owners for codeowners) who can fill the slot; never the requester. */
  can_approve: string[];
  /** `@org/team` selectors whose members are only known on GitHub. */
  teams: string[];
  /** For `from: codeowners`: the folder of the grant path the owners were looked up for. */
  codeowners_path?: string;
}

export interface Requirements {
  /** Patterns the ticket must match (every one), with the policy that sets each. */
  ticket: { pattern: string; policy: string }[];
  /** At least REQUIRED_REASON_MIN non-whitespace characters, set by these policies. */
  reason: string[];
}

export interface LevelOption {
  level: string;
  max_duration: string;
  max_duration_ms: number;
  max_duration_policy: string;
  policies: string[];
  approvals: ApprovalNeed[];
  require: Requirements;
}

/** A request that exists only to be evaluated (one minute, a long reason, no ticket). */
export function hypothetical(
  requester: string,
  access: string,
  resources: readonly ResourceRef[],
  file = 'grants/hypothetical.yaml',
): GrantRequest {
  return {
    id: 'hypothetical',
    file,
    requester,
    reason: 'x'.repeat(REQUIRED_REASON_MIN + 1),
    access,
    duration: '1m',
    resources,
    source: syntheticSource(file),
  };
}

export function refusals(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => REFUSAL_CODES.has(d.code));
}

/** Levels offered by every allow policy of every resource (the only levels that can pass). */
export function commonLevels(prepared: Prepared, resources: readonly Resource[]): string[] {
  let levels: string[] | undefined;
  for (const r of resources) {
    for (const p of prepared.matchingPolicies(r.id).allow) {
      const here = Object.keys(p.access);
      levels = levels === undefined ? here : levels.filter((l) => here.includes(l));
    }
    if (prepared.matchingPolicies(r.id).allow.length === 0) return [];
  }
  return levels ?? [];
}

export function requirementsOf(prepared: Prepared, resources: readonly Resource[]): Requirements {
  const ticket: Requirements['ticket'] = [];
  const reason: string[] = [];
  const seen = new Set<string>();
  for (const r of resources) {
    for (const p of prepared.matchingPolicies(r.id).allow) {
      if (seen.has(p.name)) continue;
      seen.add(p.name);
      if (p.require?.ticket !== undefined) ticket.push({ pattern: p.require.ticket, policy: p.name });
      if (p.require?.reason) reason.push(p.name);
    }
  }
  return { ticket, reason };
}

function unique(list: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const x of list) {
    if (seen.has(loginKey(x))) continue;
    seen.add(loginKey(x));
    out.push(x);
  }
  return out;
}

/**
 * Who can fill one approval rule, for a grant file at `path` requested by `requester` (excluded:
 * nobody approves their own request). `codeowners` owners are kept as written (`@erin`,
 * `@acme/dbas`); selector rules expand to logins, with `@org/team` selectors listed apart.
 */
export function approvalNeed(
  rule: RequiredRule,
  dir: Directory,
  codeowners: ParsedCodeowners | null,
  path: string,
  requester?: string,
): ApprovalNeed {
  const notRequester = (login: string) =>
    requester === undefined || loginKey(login.replace(/^@/, '')) !== loginKey(requester);
  const base = { from: describeFrom(rule.from), count: rule.count, policies: [...rule.policies] };
  if (rule.from === 'codeowners') {
    const owners = codeowners ? (ownersOf(codeowners, path)?.owners ?? []) : [];
    return {
      ...base,
      can_approve: unique(owners.filter((o) => ownerKind(o) !== 'email').filter(notRequester)),
      teams: [],
      codeowners_path: path.replace(/[^/]+$/, ''),
    };
  }
  const teams = rule.from.filter((s): s is string => typeof s === 'string' && s.startsWith('@'));
  const logins = rule.from.flatMap((sel) =>
    typeof sel === 'object' && 'same_tags' in sel ? [] : expandPrincipal(sel, dir),
  );
  return { ...base, can_approve: unique(logins).filter(notRequester), teams: [...teams] };
}

/** The grant path `request` would choose by default for these resources (CODEOWNERS routing). */
export function defaultFolder(resources: readonly Resource[]): string {
  const env = resources[0]?.tags.env;
  const folder = env === undefined ? '' : folderName(env);
  return folder ? `grants/${folder}` : 'grants';
}

/** A tag value as a folder name under grants/ (`^[a-z0-9][a-z0-9._-]{0,99}$`), or '' when none fits. */
export function folderName(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 100);
}

export interface Offer {
  option?: LevelOption;
  decision: PolicyDecision;
  refusals: Diagnostic[];
}

/**
 * What `requester` may ask for on `refs` at `level`: the option (max duration, approvals,
 * requirements) or the refusals. `path` is the grant path used for CODEOWNERS lookups.
 */
export function offer(
  config: Config,
  requester: string,
  refs: readonly ResourceRef[],
  level: string,
  path?: string,
): Offer {
  const { prepared } = config;
  const decision = evaluatePolicies(hypothetical(requester, level, refs), prepared);
  const refused = refusals(decision.diagnostics);
  if (refused.length > 0 || decision.maxDurationMs === undefined) return { decision, refusals: refused };
  const file = path ?? `${defaultFolder(decision.resources)}/hypothetical.yaml`;
  const policies = [...new Set(decision.verdicts.flatMap((v) => v.allow))];
  return {
    decision,
    refusals: [],
    option: {
      level,
      max_duration: decision.maxDuration!,
      max_duration_ms: decision.maxDurationMs,
      max_duration_policy: decision.maxDurationPolicy!,
      policies,
      approvals: decision.rules.map((r) =>
        approvalNeed(r, prepared.directory, config.codeowners, file, requester),
      ),
      require: requirementsOf(prepared, decision.resources),
    },
  };
}

/** Every level `requester` may ask for on all of `refs` together. */
export function levelOptions(
  config: Config,
  requester: string,
  refs: readonly ResourceRef[],
  path?: string,
): { resources: Resource[]; options: LevelOption[]; refusals: Diagnostic[] } {
  const probe = evaluatePolicies(hypothetical(requester, '-', refs), config.prepared);
  const unresolved = probe.diagnostics.filter(
    (d) => d.code === 'unknown-resource' || d.code === 'selector-matches-nothing',
  );
  if (unresolved.length) return { resources: probe.resources, options: [], refusals: unresolved };
  const options: LevelOption[] = [];
  let firstRefusals: Diagnostic[] = [];
  const levels = commonLevels(config.prepared, probe.resources);
  for (const level of levels) {
    const o = offer(config, requester, refs, level, path);
    if (o.option) options.push(o.option);
    else if (firstRefusals.length === 0) firstRefusals = o.refusals;
  }
  if (levels.length === 0) {
    firstRefusals = refusals(probe.diagnostics).filter((d) => d.code !== 'access-not-offered');
  }
  return { resources: probe.resources, options, refusals: options.length ? [] : firstRefusals };
}

export interface EligibleJson {
  person: string;
  /** Resources the person may ask for, with each level they may ask for. */
  resources: {
    id: string;
    provider: string;
    tags: Record<string, string>;
    access: LevelOption[];
  }[];
  /** Resources the person may not ask for at any level, with the first reason. */
  not_eligible: { id: string; code: string; message: string }[];
}

export function eligibleFor(config: Config, person: string): EligibleJson {
  const out: EligibleJson = { person, resources: [], not_eligible: [] };
  const all = [...config.prepared.snapshot.resources].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  for (const r of all) {
    const { options, refusals: why } = levelOptions(config, person, [r.id]);
    if (options.length) {
      out.resources.push({ id: r.id, provider: r.provider, tags: { ...r.tags }, access: options });
    } else {
      const first = why[0];
      out.not_eligible.push({
        id: r.id,
        code: first?.code ?? 'no-policy',
        message: first?.message ?? `no access level is offered on ${r.id}`,
      });
    }
  }
  return out;
}

export async function runEligible(repo: string, person: string, policiesRef?: string): Promise<EligibleJson> {
  return eligibleFor(await loadConfig(repo, policiesRef), person);
}
