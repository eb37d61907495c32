/**
 * Escalation and stale requests (docs/escalation.md): keys on an access level or a policy.
 * Pure data, parsed by the loader; acted on by reconcile (src/commands/escalate.ts).
 */
import { diag, type Diagnostic, type DocPath, type Source } from '../core/errors.js';
import { parseDuration } from '../core/duration.js';

export interface EscalationRule {
  escalateAfterMs?: number;
  escalateAfter?: string;
  /** Logins, `group:NAME`, `@org/team`. */
  escalateTo?: readonly string[];
  expireAfterMs?: number;
  expireAfter?: string;
}

export interface RawEscalation {
  escalate_after?: string;
  escalate_to?: string[];
  expire_after?: string;
}

/** undefined when none of the keys is set (or one is invalid: a diagnostic says why). */
export function escalationRule(
  raw: RawEscalation,
  source: Source,
  at: DocPath,
  diagnostics: Diagnostic[],
): EscalationRule | undefined {
  if (raw.escalate_after === undefined && raw.escalate_to === undefined && raw.expire_after === undefined)
    return undefined;
  const out: EscalationRule = {};
  if (raw.escalate_after !== undefined) {
    const d = parseDuration(raw.escalate_after);
    if (!d.ok) {
      diagnostics.push(
        diag('duration-invalid', `escalate_after: ${d.reason}`, source, [...at, 'escalate_after']),
      );
      return undefined;
    }
    if (!raw.escalate_to) {
      diagnostics.push(
        diag('config-invalid', 'escalate_after needs escalate_to: who to request a review from', source, [
          ...at,
          'escalate_after',
        ]),
      );
      return undefined;
    }
    out.escalateAfterMs = d.ms;
    out.escalateAfter = raw.escalate_after;
  }
  if (raw.escalate_to !== undefined) out.escalateTo = [...raw.escalate_to];
  if (raw.expire_after !== undefined) {
    const d = parseDuration(raw.expire_after);
    if (!d.ok) {
      diagnostics.push(
        diag('duration-invalid', `expire_after: ${d.reason}`, source, [...at, 'expire_after']),
      );
      return undefined;
    }
    out.expireAfterMs = d.ms;
    out.expireAfter = raw.expire_after;
  }
  return out;
}
