/**
 * The provider interface: the adapters that really grant and revoke on a target system.
 *
 * Contract (docs/providers.md):
 * - `grant` and `revoke` are idempotent: calling either twice leaves the same state, and the
 *   second call reports `changed: false`.
 * - `revoke` reads the state back and throws ProviderError when the access is still there.
 * - Every change carries `held`: all access levels the person should still hold on the resource
 *   after the change (from the baseline and every other active grant, plus `level` for a grant).
 *   Providers never decide effective access themselves: the caller computes it, so revoking one
 *   grant leaves what another grant or the baseline still gives. A provider with one level per
 *   person (GitHub repository permission) sets the highest level in `held`; one with a role per
 *   level (PostgreSQL) keeps exactly the mapped roles of `held`.
 * - `list` returns the current assignments where the target can say (drift detection).
 * - Errors are ProviderError with `retryable` set when a rerun may succeed (5xx, timeouts,
 *   connection refused); nothing is ever reported as changed that was not.
 */
import { loginKey, type Person, type Resource } from '../core/model.js';

export interface Subject {
  /** GitHub login of the person, as written in the grant file and `people:`. */
  login: string;
  /**
   * The numeric GitHub user id bound in `people:` (DESIGN.md §3 Identity), when known. Carried
   * with every change so a provider can act on the id; the GitHub provider still acts on the
   * login today (issue #12, hole 3: docs/security.md, "Identity at the providers").
   */
  id?: number;
  /** The person's identity at this provider (e.g. their PostgreSQL login role); defaults to the login. */
  identity: string;
}

/** The subject of a change on RESOURCE for LOGIN: the id and provider identity from `people:`. */
export function subjectFor(resource: Resource, login: string, people: ReadonlyMap<string, Person>): Subject {
  const person = people.get(loginKey(login));
  return {
    login,
    ...(person?.id !== undefined ? { id: person.id } : {}),
    identity: person?.identities[resource.provider] ?? login,
  };
}

export interface AccessChange {
  resource: Resource;
  subject: Subject;
  /** The access level granted or revoked. */
  level: string;
  /** Every level the person should hold on the resource after the change (see above). */
  held: readonly string[];
  /** Context for providers that forward events (webhook): why the change happens. */
  event: {
    kind: 'grant' | 'revoke';
    grantId: string;
    /** Window of the grant, ISO-8601 UTC. */
    start?: string;
    end?: string;
  };
}

export interface ChangeResult {
  /** True when the target's state changed. */
  changed: boolean;
  /** What was done, for reports ("GRANT billing_read TO alice", "invited alice as read"). */
  detail: string;
}

export interface Assignment {
  identity: string;
  access: string;
}

export interface Provider {
  readonly name: string;
  /** Make sure the subject holds `change.level` (and everything in `held`). */
  grant(change: AccessChange): Promise<ChangeResult>;
  /** Remove `change.level` unless `held` still includes it; read back to confirm. */
  revoke(change: AccessChange): Promise<ChangeResult>;
  /** Current assignments, or null when the target cannot say. */
  list(resource: Resource): Promise<Assignment[] | null>;
}

export class ProviderError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly code = 'provider-failed',
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}
