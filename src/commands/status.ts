/**
 * `gitgrant status`: who has what right now, until when — every active window (from git) and
 * every baseline (standing access declared in policies/).
 */
import { formatDuration } from '../core/duration.js';
import { pad, visibleLength, type Styler } from '../render/style.js';
import { runAudit } from './audit.js';
import { loadConfig } from './config.js';

export interface StatusRow {
  person: string;
  resource: string;
  access: string;
  source: string;
  until: string | null;
}

export async function runStatus(repoDir: string, rev: string, nowMs: number): Promise<StatusRow[]> {
  const [windows, config] = await Promise.all([runAudit(repoDir, rev, nowMs), loadConfig(repoDir, rev)]);
  const rows: StatusRow[] = [];
  for (const w of windows) {
    if (w.outcome !== 'active') continue;
    for (const r of w.resources)
      rows.push({
        person: w.person,
        resource: r,
        access: w.access,
        source: `grant ${w.grant}${w.pr ? ` (#${w.pr})` : ''}`,
        until: w.end,
      });
  }
  for (const r of config.prepared.snapshot.resources)
    for (const b of r.baseline)
      rows.push({ person: b.person, resource: r.id, access: b.access, source: 'baseline', until: null });
  return rows.sort(
    (a, b) =>
      a.person.localeCompare(b.person) ||
      a.resource.localeCompare(b.resource) ||
      a.access.localeCompare(b.access),
  );
}

export function renderStatusText(rows: readonly StatusRow[], s: Styler, nowMs = Date.now()): string {
  if (rows.length === 0) return 'nobody holds access through gitgrant right now\n';
  const cells = rows.map((r) => [
    r.person,
    r.resource,
    r.access,
    r.until
      ? `until ${r.until} (${formatDuration(Math.max(0, Date.parse(r.until) - nowMs))} left)`
      : s('dim', 'standing (baseline)'),
    s('dim', r.source),
  ]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...cells.map((c) => visibleLength(c[i]!))));
  return cells.map((c) => c.map((x, i) => (i < 4 ? pad(x, widths[i]!) : x)).join('  ')).join('\n') + '\n';
}
