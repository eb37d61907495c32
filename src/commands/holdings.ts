/**
 * What a person should still hold on a resource (DESIGN.md §4: revoking one grant never removes
 * access that another active grant or the baseline still gives): the baseline levels plus the
 * access of every OTHER grant file on the default branch that is active now, passed the
 * approval-at-merge check, and resolved to this resource.
 */
import { loginKey, type GrantRequest, type Resource } from '../core/model.js';
import { parseDuration } from '../core/duration.js';
import type { Landing } from '../git/landing.js';
import type { LoadedGrant } from './config.js';
import type { MergeCheck } from './merge-check.js';

export interface HoldingsInput {
  /** Grant files present on the default branch now. */
  grants: readonly LoadedGrant[];
  landings: ReadonlyMap<string, Landing>;
  nowMs: number;
  check: (file: string, commit: string) => Promise<MergeCheck>;
  /** A grant's window when it is not landing + duration: an extension (docs/extension.md). */
  windowOf?: (grant: GrantRequest, landing: Landing) => Promise<{ startMs: number; endMs: number }>;
}

export function baselineLevels(resource: Resource, login: string): string[] {
  return resource.baseline.filter((b) => loginKey(b.person) === loginKey(login)).map((b) => b.access);
}

export function holdings(input: HoldingsInput) {
  return async function held(resource: Resource, login: string, exceptFile: string): Promise<string[]> {
    const levels = new Set(baselineLevels(resource, login));
    for (const g of input.grants) {
      if (!g.grant || g.file === exceptFile || loginKey(g.grant.requester) !== loginKey(login)) continue;
      const landing = input.landings.get(g.file);
      const d = parseDuration(g.grant.duration);
      if (!landing || !d.ok) continue;
      const w =
        g.grant.extends !== undefined && input.windowOf
          ? await input.windowOf(g.grant, landing)
          : { startMs: landing.time, endMs: landing.time + d.ms };
      if (input.nowMs < w.startMs || input.nowMs >= w.endMs) continue;
      const c = await input.check(g.file, landing.commit);
      if (c.approved && c.decision?.policy.resources.some((r) => r.id === resource.id))
        levels.add(g.grant.access);
    }
    return [...levels];
  };
}
