/**
 * The data model of the pure core. Loaders (src/load) turn files into these shapes after
 * schema validation; the core never sees raw YAML and never does I/O.
 */
import type { DocPath, Source } from './errors.js';

/** Resource tags: one string value per key (`env: production`). */
export type ResourceTags = Readonly<Record<string, string>>;
/** Person tags: a key has one or more values (`team: [billing, data_science]`), normalised to lists. */
export type PersonTags = Readonly<Record<string, readonly string[]>>;

export type ProviderName = 'github' | 'postgres' | 'webhook';

export interface BaselineEntry {
  person: string;
  access: string;
}

export interface Resource {
  id: string;
  provider: ProviderName;
  tags: ResourceTags;
  config: Readonly<Record<string, unknown>>;
  baseline: readonly BaselineEntry[];
  /** Remove access at the provider that no grant or baseline explains (reconcile). */
  prune: boolean;
  source: Source;
  /** Path of this resource inside `source` (e.g. ['resources', 3]). */
  path: DocPath;
}

export interface Person {
  /** Login as written in policies/ (compare with `sameLogin`). */
  login: string;
  /** Numeric GitHub user id, when known: identity is bound to it. */
  id?: number;
  tags: PersonTags;
  identities: Readonly<Record<string, string>>;
}

/** `match` values: a string (equals; `*` and `?` are globs) or a list (any of). */
export type MatchValue = string | readonly string[];

export type ExpressionOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface TagExpression {
  key: string;
  operator: ExpressionOperator;
  values?: readonly string[];
}

export interface TagSelector {
  match?: Readonly<Record<string, MatchValue>>;
  expressions?: readonly TagExpression[];
}

/**
 * Who: a login, `group:NAME`, `@org/team`, people whose tags match, or people whose
 * KEY tag values include the resource's KEY value.
 */
export type PrincipalSelector =
  string | { tags: Readonly<Record<string, MatchValue>> } | { same_tags: readonly string[] };

export interface ApprovalRule {
  from: readonly PrincipalSelector[] | 'codeowners';
  count: number;
}

export interface AccessRule {
  /** Maximum duration in milliseconds. */
  maxDurationMs: number;
  /** Maximum duration as written, for messages. */
  maxDuration: string;
  approvals: readonly ApprovalRule[];
  /** Longest chain of extensions (`extends`) of one original grant (docs/extension.md). */
  maxExtensions?: number;
  /** Total granted hours per person and per value of the `by` resource tags, over any 30 days. */
  maxHoursPer30d?: HoursCap;
  /** Break-glass: no approval before merge, a retro-review after it (docs/break-glass.md). */
  breakGlass?: BreakGlassRule;
  /** Escalation and stale requests (docs/escalation.md). */
  escalation?: import('../notify/escalation-model.js').EscalationRule;
}

export interface HoursCap {
  hours: number;
  /** Resource tag keys: the cap counts per value of each (a resource without the key is not counted). */
  by: readonly string[];
}

export interface BreakGlassRule {
  reviewWithinMs: number;
  /** As written, for messages. */
  reviewWithin: string;
  /** Who must review (approve the merged pull request) afterwards: one of them. */
  reviewers: readonly PrincipalSelector[];
}

/** Break-glass maximum durations are short: at most this (4 hours). */
export const BREAK_GLASS_MAX_DURATION_MS = 4 * 3_600_000;

export interface PolicyRequire {
  reason?: boolean;
  /** A regular expression (anchored by its author) the grant's `ticket` must match. */
  ticket?: string;
}

export interface Policy {
  name: string;
  description?: string;
  effect: 'allow' | 'deny';
  resources: TagSelector;
  requesters: readonly PrincipalSelector[];
  /** Access levels offered (allow policies). Empty for deny policies: a deny forbids every level. */
  access: Readonly<Record<string, AccessRule>>;
  require?: PolicyRequire;
  /** Escalation and stale requests for every level of this policy (docs/escalation.md). */
  escalation?: import('../notify/escalation-model.js').EscalationRule;
  source: Source;
  path: DocPath;
}

export interface Settings {
  admins: ApprovalRule;
  revocation: { mode: 'pull-request' | 'commit' };
  /** Chat notifications (docs/notifications.md); absent: none are sent. */
  notifications?: import('../notify/model.js').NotificationSettings;
}

export interface DiscoverRule {
  provider: 'github';
  org: string;
  tags_from: 'custom_properties';
}

/** Everything read from policies/ at one commit: the trusted configuration. */
export interface Snapshot {
  resources: readonly Resource[];
  /** Keyed by lower-case login. */
  people: ReadonlyMap<string, Person>;
  /** Group name → logins (as written). */
  groups: ReadonlyMap<string, readonly string[]>;
  policies: readonly Policy[];
  settings: Settings;
  discover: readonly DiscoverRule[];
}

export type ResourceRef = string | { match: Readonly<Record<string, MatchValue>> };

/** One request file under grants/. */
export interface GrantRequest {
  /** The file name without `.yaml`. */
  id: string;
  /** Repository-relative path, e.g. `grants/production/alice-billing.yaml`. */
  file: string;
  requester: string;
  reason: string;
  access: string;
  /** As written. */
  duration: string;
  resources: readonly ResourceRef[];
  ticket?: string;
  /** The id of an existing grant this one continues without a gap (docs/extension.md). */
  extends?: string;
  source: Source;
}

export const DEFAULT_SETTINGS: Settings = {
  admins: { from: ['group:security'], count: 2 },
  revocation: { mode: 'pull-request' },
};

/** GitHub logins are case-insensitive. */
export function loginKey(login: string): string {
  return login.toLowerCase();
}

export function sameLogin(a: string, b: string): boolean {
  return loginKey(a) === loginKey(b);
}
