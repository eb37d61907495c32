/**
 * The git history that extensions and repeat-access caps are decided on (docs/extension.md),
 * read from a local clone of the default branch: the grant an `extends` names (its file, its
 * landing, its resources as resolved with the policies before its landing, its own window —
 * continued when it is itself an extension) and the windows of `gitgrant audit`. The decisions
 * themselves are pure (src/core/extension.ts).
 */
import { parseDuration } from '../core/duration.js';
import { evaluatePolicies } from '../core/evaluate.js';
import {
  continueWindow,
  needsHistory,
  type HistoryFacts,
  type PastWindow,
  type PriorGrant,
} from '../core/extension.js';
import type { GrantRequest, ResourceTags } from '../core/model.js';
import type { Prepared } from '../core/prepared.js';
import { resolveResources } from '../core/resolve.js';
import { landingTimes, type Landing } from '../git/landing.js';
import { git } from '../git/run.js';
import { runAudit } from './audit.js';
import { loadConfig, loadGrantFiles, type Config, type LoadedGrant } from './config.js';

/** Chains longer than this are not followed (they are refused anyway by any sane `max_extensions`). */
const MAX_CHAIN = 50;

export interface GrantWindow {
  startMs: number;
  endMs: number;
  /** Set for an extension: the grant it continues, when valid. */
  extended?: PriorGrant;
  /** Set for an extension that does not continue anything (refused at merge). */
  invalid?: string;
}

export type HistoryReader = ReturnType<typeof historyReader>;

/** Caches per reader (one run): configurations, grant files and landings per revision. */
export function historyReader(repoDir: string) {
  const configs = new Map<string, Promise<Config | null>>();
  const grants = new Map<string, Promise<LoadedGrant[]>>();
  const landings = new Map<string, Promise<Map<string, Landing>>>();
  const audits = new Map<string, Promise<PastWindow[]>>();
  const once = <T>(m: Map<string, Promise<T>>, k: string, f: () => Promise<T>) => {
    let p = m.get(k);
    if (!p) m.set(k, (p = f()));
    return p;
  };
  const configAt = (rev: string) => once(configs, rev, () => loadConfig(repoDir, rev).catch(() => null));
  const grantsAt = (rev: string) => once(grants, rev, () => loadGrantFiles(repoDir, undefined, rev));
  const landingsAt = (rev: string) => once(landings, rev, () => landingTimes(repoDir, rev));

  /** Is REV a commit of this clone? */
  async function has(rev: string): Promise<boolean> {
    try {
      await git(repoDir, ['cat-file', '-e', `${rev}^{commit}`]);
      return true;
    } catch {
      return false;
    }
  }

  /** The grant with id ID on REV (the default branch at some commit), with its window. */
  async function priorGrant(rev: string, id: string, depth = 0): Promise<PriorGrant | null> {
    const g = (await grantsAt(rev)).find((l) => l.grant?.id === id)?.grant;
    if (!g) return null;
    const landing = (await landingsAt(rev)).get(g.file);
    const d = parseDuration(g.duration);
    if (!landing || !d.ok) return null;
    const config = (await configAt(`${landing.commit}^1`)) ?? (await configAt(rev));
    const resources = config ? resolveResources(g, config.prepared.inventory).resources.map((r) => r.id) : [];
    const w = await windowOf(g, landing, depth);
    return {
      id: g.id,
      file: g.file,
      requester: g.requester,
      access: g.access,
      resources,
      startMs: w.startMs,
      endMs: w.endMs,
      chain: w.extended ? w.extended.chain + 1 : 0,
    };
  }

  /**
   * The window of a grant that landed at LANDING: from the landing to landing + duration, or,
   * for a valid extension, from the end of the grant it extends (as it was just before the
   * landing) to that end + duration.
   */
  async function windowOf(grant: GrantRequest, landing: Landing, depth = 0): Promise<GrantWindow> {
    const d = parseDuration(grant.duration);
    const ms = d.ok ? d.ms : 0;
    const plain = { startMs: landing.time, endMs: landing.time + ms };
    if (grant.extends === undefined) return plain;
    if (depth >= MAX_CHAIN)
      return { ...plain, invalid: `the chain of extensions is longer than ${MAX_CHAIN}` };
    const prior = await priorGrant(`${landing.commit}^1`, grant.extends, depth + 1).catch(() => null);
    if (!prior)
      return {
        ...plain,
        invalid: `there was no grant ${grant.extends} on the default branch when it landed`,
      };
    const c = continueWindow(prior, landing.time, ms);
    if (!c.ok) return { ...plain, invalid: c.reason };
    return { startMs: c.startMs, endMs: c.endMs, extended: prior };
  }

  /** Every window `gitgrant audit` reconstructs up to REV (never-applied ones left out). */
  function windowsAt(rev: string, nowMs: number): Promise<PastWindow[]> {
    return once(audits, rev, async () =>
      (await runAudit(repoDir, rev, nowMs))
        .filter((w) => w.outcome !== 'never-applied')
        .map((w) => ({
          file: w.file,
          person: w.person,
          access: w.access,
          resources: w.resources,
          startMs: Date.parse(w.start),
          endMs: Date.parse(w.ended_at ?? w.end),
        })),
    );
  }

  /**
   * The history facts for deciding GRANT on top of BASE (a commit of the default branch) at
   * instant AT_MS — only what the request needs (nothing for a request without `extends` whose
   * policies set no hours cap).
   */
  async function factsFor(
    base: string | null,
    grant: GrantRequest,
    prepared: Prepared,
    atMs: number,
  ): Promise<HistoryFacts | undefined> {
    const preview = evaluatePolicies(grant, prepared);
    if (!needsHistory(preview)) return undefined;
    const byId = new Map<string, ResourceTags>(prepared.snapshot.resources.map((r) => [r.id, r.tags]));
    const tagsOf = (id: string) => byId.get(id);
    if (base !== null && base.endsWith('^1') && !(await has(base)) && (await has(base.slice(0, -2))))
      // Decided on top of a root commit: there is no history before it.
      return { atMs, tagsOf, extended: null, windows: [] };
    if (base === null || !(await has(base)))
      return {
        atMs,
        tagsOf,
        unavailable:
          'the default branch history is not available to this run (check out the default branch with fetch-depth: 0)',
      };
    try {
      const facts: HistoryFacts = { atMs, tagsOf };
      if (grant.extends !== undefined) facts.extended = await priorGrant(base, grant.extends);
      if (preview.hourCaps?.length) facts.windows = await windowsAt(base, atMs);
      return facts;
    } catch (e) {
      return { atMs, tagsOf, unavailable: e instanceof Error ? e.message : String(e) };
    }
  }

  return { has, priorGrant, windowOf, windowsAt, factsFor, landingsAt, grantsAt };
}

/**
 * History facts for grant files checked in a working tree or clone (CLI `validate`): a file that
 * already landed on REV is decided as at its landing (history just before it); a new one at
 * NOW_MS on top of REV.
 */
export async function historyForFiles(
  repoDir: string,
  rev: string,
  loaded: readonly LoadedGrant[],
  prepared: Prepared,
  nowMs: number,
): Promise<Map<string, HistoryFacts>> {
  const out = new Map<string, HistoryFacts>();
  const reader = historyReader(repoDir);
  const revOk = await reader.has(rev);
  const landed = revOk
    ? await reader.landingsAt(rev).catch(() => new Map<string, Landing>())
    : new Map<string, Landing>();
  for (const l of loaded) {
    if (!l.grant) continue;
    const landing = landed.get(l.file);
    let facts = landing
      ? await reader.factsFor(`${landing.commit}^1`, l.grant, prepared, landing.time)
      : await reader.factsFor(revOk ? rev : null, l.grant, prepared, nowMs);
    // No git history at all (not a repository, no commit yet): nothing has landed, as for
    // `plan`. The Action, apply and reconcile always have the history and fail closed without it.
    if (facts?.unavailable !== undefined && !revOk) {
      const { unavailable: _u, ...rest } = facts;
      facts = { ...rest, extended: null, windows: [] };
    }
    if (facts) out.set(l.file, facts);
  }
  return out;
}
