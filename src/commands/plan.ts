/**
 * `gitgrant plan`: every grant file's window from git history (landing times on the current
 * branch's first-parent history) and the clock, and what apply and reconcile would do.
 */
import { parseDuration } from '../core/duration.js';
import type { Diagnostic } from '../core/errors.js';
import { planWindows, type Window } from '../core/windows.js';
import { landingTimes } from '../git/landing.js';
import { loadGrantFiles } from './config.js';
import { historyReader } from './history.js';

export interface PlanEntry extends Window {
  requester: string;
  access: string;
  resources: string[];
  /** What the pipeline does with it next (`continues`: an extension waiting for its start). */
  action: 'apply on merge' | 'keep' | 'revoke' | 'continues';
  /** Why an extension does not continue the grant it names (it gives nothing: refused at merge). */
  extensionInvalid?: string;
}

export interface PlanJson {
  now: string;
  grants: PlanEntry[];
  errors: Diagnostic[];
}

export async function runPlan(repo: string, nowMs: number, rev = 'HEAD'): Promise<PlanJson> {
  const [loaded, landed] = await Promise.all([loadGrantFiles(repo), landingTimes(repo, rev)]);
  const errors = loaded.flatMap((l) => l.diagnostics);
  const history = historyReader(repo);
  const invalid = new Map<string, string>();
  const inputs = (
    await Promise.all(
      loaded.map(async (l) => {
        if (!l.grant) return [];
        const d = parseDuration(l.grant.duration);
        if (!d.ok) return [];
        const landing = landed.get(l.file);
        // An extension continues the grant it names without a gap (docs/extension.md).
        const w =
          landing && l.grant.extends !== undefined ? await history.windowOf(l.grant, landing) : undefined;
        if (w?.invalid) invalid.set(l.file, w.invalid);
        return [
          {
            id: l.grant.id,
            file: l.file,
            durationMs: d.ms,
            landedAt: landing?.time,
            landingCommit: landing?.commit,
            ...(w?.extended ? { startsAt: w.startMs, extends: w.extended.id } : {}),
            grant: l.grant,
          },
        ];
      }),
    )
  ).flat();
  const byFile = new Map(inputs.map((i) => [i.file, i.grant]));
  const windows = planWindows(
    inputs.map(({ grant: _g, ...w }) => w),
    nowMs,
  );
  return {
    now: new Date(nowMs).toISOString(),
    grants: windows.map((w) => {
      const g = byFile.get(w.file)!;
      return {
        ...w,
        requester: g.requester,
        access: g.access,
        resources: g.resources.map((r) => (typeof r === 'string' ? r : `match ${JSON.stringify(r.match)}`)),
        action:
          w.state === 'pending'
            ? w.startsAt !== undefined && w.landedAt! <= nowMs
              ? 'continues'
              : 'apply on merge'
            : w.state === 'active'
              ? 'keep'
              : 'revoke',
        ...(invalid.has(w.file) ? { extensionInvalid: invalid.get(w.file)! } : {}),
      };
    }),
    errors,
  };
}
