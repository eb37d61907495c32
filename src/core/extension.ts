/**
 * Extensions and repeat-access caps (docs/extension.md). Pure: the history of grants (read from
 * git by an adapter) and the instant of the decision are arguments.
 *
 *   - A grant with `extends: ID` continues grant ID WITHOUT A GAP: when it lands before ID's
 *     window ends, its window starts at that end (end = old end + its duration). Landing at or
 *     after the old end is not an extension (`extension-invalid`).
 *   - It must have the same requester and access, and resources among ID's resolved resources.
 *   - `max_extensions: N`: an original grant is chain 0, its extension chain 1, an extension of
 *     that chain 2…; a request whose chain would exceed the smallest N is `extension-limit`.
 *   - `max_hours_per_30d: { hours, by }`: the hours granted to one person at the same access
 *     level, per value of the `by` tags of the resources, in any rolling 30 days, with this
 *     request counted, may not exceed `hours` (`extension-limit`). It applies to every request
 *     at that level, extension or not: otherwise a new request would get around it.
 */
import { diag, type Diagnostic } from './errors.js';
import type { PolicyDecision } from './evaluate.js';
import { formatDuration } from './duration.js';
import { loginKey, type ResourceTags } from './model.js';

export const DAYS_30_MS = 30 * 24 * 3_600_000;
const HOUR_MS = 3_600_000;

/** The grant an extension names, as it is on the default branch at the decision. */
export interface PriorGrant {
  id: string;
  file: string;
  requester: string;
  access: string;
  /** Its resolved resource ids (as approved at its landing). */
  resources: readonly string[];
  /** Its window, itself continued when it is an extension. */
  startMs: number;
  endMs: number;
  /** 0 for an original grant, n for the n-th extension in a chain. */
  chain: number;
}

/** One past (or current) window of a grant, from git history. */
export interface PastWindow {
  file: string;
  person: string;
  access: string;
  resources: readonly string[];
  startMs: number;
  /** When access really ended (an early revocation ends it before the window's end). */
  endMs: number;
}

/** What the history says, for one decision. */
export interface HistoryFacts {
  /** The instant decided at: now on a pull request, the landing time at merge. */
  atMs: number;
  /** The grant named by `extends`: null when there is no such grant on the default branch. */
  extended?: PriorGrant | null;
  /** Windows from git history, for `max_hours_per_30d` (not including this request). */
  windows?: readonly PastWindow[];
  /** Resource tags by id (the base's resources), for `by`. */
  tagsOf?: (resourceId: string) => ResourceTags | undefined;
  /** Set when the history could not be read: requests that need it fail closed with this. */
  unavailable?: string;
}

export type Continued = { ok: true; startMs: number; endMs: number } | { ok: false; reason: string };

/** The window of an extension that lands at `landedAt` after a grant ending at `prior.endMs`. */
export function continueWindow(
  prior: { id?: string; endMs: number },
  landedAt: number,
  durationMs: number,
): Continued {
  if (landedAt >= prior.endMs) {
    return {
      ok: false,
      reason: `the window of ${prior.id ?? 'the extended grant'} ended at ${new Date(prior.endMs).toISOString()}, before this request landed: an extension must land while the old window is active (request a new grant instead)`,
    };
  }
  return { ok: true, startMs: prior.endMs, endMs: prior.endMs + durationMs };
}

/** Does this decision need history (an extension, or an hours cap)? */
export function needsHistory(decision: PolicyDecision): boolean {
  return decision.grant.extends !== undefined || (decision.hourCaps?.length ?? 0) > 0;
}

/** The request's own window under the facts: continued for a valid extension, else from `atMs`. */
export function requestWindow(
  decision: PolicyDecision,
  facts: HistoryFacts,
): { startMs: number; endMs: number } {
  const d = decision.durationMs ?? 0;
  if (decision.grant.extends !== undefined && facts.extended) {
    const c = continueWindow(facts.extended, facts.atMs, d);
    if (c.ok) return c;
  }
  return { startMs: facts.atMs, endMs: facts.atMs + d };
}

/** Every `extension-invalid` and `extension-limit` error of a decided request. */
export function checkHistory(decision: PolicyDecision, facts: HistoryFacts): Diagnostic[] {
  const grant = decision.grant;
  const src = grant.source;
  const out: Diagnostic[] = [];
  if (facts.unavailable !== undefined) {
    if (grant.extends !== undefined)
      out.push(diag('extension-invalid', `cannot check extends: ${facts.unavailable}`, src, ['extends']));
    else if (decision.hourCaps?.length)
      out.push(
        diag('extension-limit', `cannot check max_hours_per_30d: ${facts.unavailable}`, src, ['duration']),
      );
    return out;
  }
  if (grant.extends !== undefined) out.push(...checkExtension(decision, facts));
  if (decision.hourCaps?.length) out.push(...checkHourCaps(decision, facts));
  return out;
}

function checkExtension(decision: PolicyDecision, facts: HistoryFacts): Diagnostic[] {
  const grant = decision.grant;
  const src = grant.source;
  const id = grant.extends!;
  const prior = facts.extended;
  const bad = (message: string, path: (string | number)[] = ['extends']) =>
    diag('extension-invalid', message, src, path);
  if (!prior) return [bad(`extends ${id}: there is no grant ${id} on the default branch`)];
  if (prior.id === grant.id) return [bad(`extends ${id}: a grant cannot extend itself`)];
  const out: Diagnostic[] = [];
  if (loginKey(prior.requester) !== loginKey(grant.requester))
    out.push(
      bad(
        `extends ${id}: ${id} is ${prior.requester}'s grant, not ${grant.requester}'s: only the same person can extend it`,
        ['requester'],
      ),
    );
  if (prior.access !== grant.access)
    out.push(
      bad(
        `extends ${id}: ${id} grants ${prior.access}, not ${grant.access}: an extension keeps the access level`,
        ['access'],
      ),
    );
  const had = new Set(prior.resources);
  const extra = decision.resources.map((r) => r.id).filter((r) => !had.has(r));
  if (extra.length)
    out.push(
      bad(
        `extends ${id}: ${extra.join(', ')} ${extra.length === 1 ? 'is' : 'are'} not among the resources of ${id} (${prior.resources.join(', ') || 'none'}): an extension may only keep or narrow them`,
        ['resources'],
      ),
    );
  const c = continueWindow(prior, facts.atMs, decision.durationMs ?? 0);
  if (!c.ok) out.push(bad(`extends ${id}: ${c.reason}`));
  const limit = decision.maxExtensions;
  const chain = prior.chain + 1;
  if (limit && chain > limit.count)
    out.push(
      diag(
        'extension-limit',
        limit.count === 0
          ? `policy "${limit.policy}" allows no extensions of ${grant.access}: request a new grant`
          : `this would be extension ${chain} of the same original grant; policy "${limit.policy}" allows at most ${limit.count} for ${grant.access}: request a new grant`,
        src,
        ['extends'],
      ),
    );
  return out;
}

/** The bucket of each resource for a cap: the values of its `by` tags (a missing tag is ""). */
function bucketsOf(
  resources: readonly string[],
  by: readonly string[],
  tagsOf: HistoryFacts['tagsOf'],
): Set<string> {
  const out = new Set<string>();
  for (const id of resources) {
    const tags = tagsOf?.(id) ?? {};
    out.add(JSON.stringify(by.map((k) => (Object.hasOwn(tags, k) ? tags[k] : ''))));
  }
  return out;
}

const overlap = (aStart: number, aEnd: number, bStart: number, bEnd: number) =>
  Math.max(0, Math.min(aEnd, bEnd) - Math.max(aStart, bStart));

/**
 * The largest total of hours in any 30-day interval that overlaps `own`, over `windows` plus
 * `own`. The total is piecewise linear in the interval's start, so its maximum is at a start
 * where an interval edge meets a window edge.
 */
export function maxRollingTotalMs(
  own: { startMs: number; endMs: number },
  windows: readonly { startMs: number; endMs: number }[],
  spanMs = DAYS_30_MS,
): number {
  const all = [...windows, own];
  const lo = own.startMs - spanMs;
  const hi = own.endMs;
  const starts = new Set<number>();
  for (const w of all)
    for (const t of [w.startMs, w.endMs, w.startMs - spanMs, w.endMs - spanMs])
      if (t > lo && t < hi) starts.add(t);
  let best = 0;
  for (const t of starts) {
    let total = 0;
    for (const w of all) total += overlap(w.startMs, w.endMs, t, t + spanMs);
    best = Math.max(best, total);
  }
  return best;
}

function checkHourCaps(decision: PolicyDecision, facts: HistoryFacts): Diagnostic[] {
  const grant = decision.grant;
  const own = requestWindow(decision, facts);
  const out: Diagnostic[] = [];
  const mine = (facts.windows ?? []).filter(
    (w) =>
      loginKey(w.person) === loginKey(grant.requester) && w.access === grant.access && w.file !== grant.file,
  );
  const ids = decision.resources.map((r) => r.id);
  for (const cap of decision.hourCaps ?? []) {
    for (const bucket of bucketsOf(ids, cap.by, facts.tagsOf)) {
      const same = mine.filter((w) => bucketsOf(w.resources, cap.by, facts.tagsOf).has(bucket));
      const total = maxRollingTotalMs(own, same);
      if (total <= cap.hours * HOUR_MS) continue;
      const values = (JSON.parse(bucket) as string[])
        .map((v, i) => `${cap.by[i]}=${v || '(none)'}`)
        .join(', ');
      out.push(
        diag(
          'extension-limit',
          `${grant.requester} would hold ${grant.access} on ${values} for ${formatDuration(total)} within 30 days with this request; policy "${cap.policy}" allows at most ${cap.hours}h (max_hours_per_30d)`,
          grant.source,
          ['duration'],
        ),
      );
    }
  }
  return out;
}
