/**
 * `gitgrant report --html OUT_DIR`: gather what the access report shows, from git and the
 * working tree alone (no token, no network):
 *   - active grants: every window open at `now` (from first-parent history, as `audit` does);
 *   - a timeline: every window that overlaps the last `days` days, per resource;
 *   - pending requests: grant files in the working tree that have not landed on REV, checked
 *     against REV's policies offline (approvals cannot be checked offline: every slot is open);
 *   - standing access (baselines) of REV's policies;
 *   - drift, failures and not-approved grants from a saved reconcile result, when one is given.
 * Rendering is in src/render/report-html.ts; this file only orchestrates.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditOutcome, AuditWindow } from '../core/audit.js';
import { ConfigError, UsageError, type Diagnostic } from '../core/errors.js';
import { landingTimes } from '../git/landing.js';
import { git } from '../git/run.js';
import { runAudit } from './audit.js';
import { loadConfig, loadGrantFiles } from './config.js';
import { runExplain } from './explain.js';
import { runPlan } from './plan.js';
import { runValidate } from './validate.js';

const DAY_MS = 24 * 3600_000;

export interface ReportOptions {
  repo: string;
  rev: string;
  nowMs: number;
  days: number;
  /** A saved reconcile result (the Action's `result` output, or `gitgrant reconcile --format json`). */
  reconcileResult?: string;
  /** `OWNER/NAME` on GitHub, for pull-request links. */
  github?: string;
  /** The GitHub web address (GitHub Enterprise Server), default https://github.com. */
  serverUrl?: string;
}

export interface ActiveGrant {
  grant: string;
  file: string;
  person: string;
  resources: string[];
  access: string;
  start: string;
  end: string;
  pr: number | null;
  reason: string | null;
  ticket: string | null;
  /** Named by the reconcile result as not approved at merge: nothing was granted. */
  notApproved: boolean;
}

export interface TimelineWindow {
  grant: string;
  person: string;
  access: string;
  start: string;
  /** When access ended or ends (the end, or the early removal). */
  end: string;
  outcome: AuditOutcome;
  pr: number | null;
  /** Row inside the resource's track, so overlapping windows do not hide each other. */
  lane: number;
}

export interface TimelineRow {
  resource: string;
  lanes: number;
  windows: TimelineWindow[];
}

export interface PendingSlot {
  from: string;
  count: number;
  missing: number;
  canApprove: string[];
}

export interface PendingRequest {
  file: string;
  requester: string | null;
  access: string | null;
  duration: string | null;
  maxDuration: string | null;
  resources: string[];
  reason: string | null;
  ticket: string | null;
  ok: boolean;
  slots: PendingSlot[];
  errors: Diagnostic[];
}

export interface BaselineRow {
  person: string;
  resource: string;
  access: string;
}

export interface DriftRow {
  resource: string;
  identity: string;
  access: string;
  pruned: boolean;
  detail: string;
}

export interface ReconcileSummary {
  file: string;
  ok: boolean | null;
  stale: boolean;
  at: string | null;
  lastSuccess: string | null;
  drift: DriftRow[];
  failures: { file: string; resource: string | null; message: string }[];
  notApproved: { file: string; grant: string; person: string; reasons: string[] }[];
  kept: string[];
}

export interface ReportData {
  now: string;
  days: number;
  rangeStart: string;
  rev: string;
  commit: string | null;
  repository: { name: string; url: string } | null;
  active: ActiveGrant[];
  timeline: TimelineRow[];
  pending: PendingRequest[];
  /** Why pending requests could not be checked (REV's policies are invalid), if so. */
  pendingNote: string | null;
  baseline: BaselineRow[];
  reconcile: ReconcileSummary | null;
  /** Grant files on REV that do not load (should never pass the gate). */
  problems: Diagnostic[];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function parseDays(text: string): number {
  if (!/^[0-9]{1,3}$/.test(text) || Number(text) < 1 || Number(text) > 366)
    throw new UsageError(`--days must be a whole number of days from 1 to 366 (got "${text}")`);
  return Number(text);
}

function repositoryOf(github?: string, serverUrl?: string): ReportData['repository'] {
  if (!github) return null;
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(github) || github.includes('..'))
    throw new UsageError(`--github must be OWNER/NAME (got "${github}")`);
  const base = (serverUrl ?? 'https://github.com').replace(/\/+$/, '');
  if (!/^https?:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?(\/[A-Za-z0-9._~-]+)*$/.test(base))
    throw new UsageError(
      `--server-url must be an http(s) address like https://github.com (got "${serverUrl}")`,
    );
  return { name: github, url: `${base}/${github}` };
}

export async function runReport(opts: ReportOptions): Promise<ReportData> {
  const { repo, rev, nowMs, days } = opts;
  const rangeStartMs = nowMs - days * DAY_MS;
  const repository = repositoryOf(opts.github, opts.serverUrl);
  const reconcile = opts.reconcileResult ? await readReconcileResult(opts.reconcileResult) : null;

  const commit = (await git(repo, ['rev-parse', '--verify', '--end-of-options', `${rev}^{commit}`])).trim();
  const [windows, plan, landedFiles] = await Promise.all([
    runAudit(repo, rev, nowMs),
    runPlan(repo, nowMs, rev),
    loadGrantFiles(repo, undefined, rev),
  ]);
  const atRev = new Map(landedFiles.map((l) => [l.file, l]));
  const problems = landedFiles.flatMap((l) => l.diagnostics);

  // Windows as of `now`: a landing after `now` has not happened yet for this report.
  const seen = windows.filter((w) => Date.parse(w.start) <= nowMs).map((w) => asOf(w, nowMs));
  const notApproved = new Set(reconcile?.notApproved.map((n) => n.file) ?? []);

  const active: ActiveGrant[] = seen
    .filter((w) => w.outcome === 'active')
    .map((w) => {
      const g = atRev.get(w.file)?.grant;
      return {
        grant: w.grant,
        file: w.file,
        person: w.person,
        resources: [...w.resources],
        access: w.access,
        start: w.start,
        end: w.end,
        pr: w.pr,
        reason: g?.reason ?? null,
        ticket: g?.ticket ?? null,
        notApproved: notApproved.has(w.file),
      };
    })
    .sort((a, b) => cmp(a.end, b.end) || cmp(a.person, b.person) || cmp(a.grant, b.grant));

  const timeline = buildTimeline(seen, rangeStartMs, nowMs);
  const { pending, pendingNote } = await pendingRequests(repo, rev, plan);

  let baseline: BaselineRow[] = [];
  try {
    const config = await loadConfig(repo, rev);
    baseline = config.prepared.snapshot.resources
      .flatMap((r) => r.baseline.map((b) => ({ person: b.person, resource: r.id, access: b.access })))
      .sort((a, b) => cmp(a.person, b.person) || cmp(a.resource, b.resource) || cmp(a.access, b.access));
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
  }

  return {
    now: new Date(nowMs).toISOString(),
    days,
    rangeStart: new Date(rangeStartMs).toISOString(),
    rev,
    commit: commit || null,
    repository,
    active,
    timeline,
    pending,
    pendingNote,
    baseline,
    reconcile,
    problems,
  };
}

/**
 * A window as it stood at `now` (a report for a past instant must not know a later removal):
 * a file deleted after `now`, before its end, was still active then.
 */
function asOf(w: AuditWindow, nowMs: number): AuditWindow {
  if (w.ended_at === null || Date.parse(w.ended_at) <= nowMs) return w;
  if (w.outcome === 'revoked-early') return { ...w, outcome: 'active', ended_at: null, removal_commit: null };
  if (w.outcome === 'never-applied') return { ...w, ended_at: null, removal_commit: null };
  return w;
}

/** Effective end of a window: when access really ended, or ends. */
function endOf(w: AuditWindow): number {
  return Date.parse(w.ended_at ?? w.end);
}

export function buildTimeline(windows: readonly AuditWindow[], fromMs: number, nowMs: number): TimelineRow[] {
  const byResource = new Map<string, AuditWindow[]>();
  for (const w of windows) {
    const start = Date.parse(w.start);
    if (start > nowMs || endOf(w) <= fromMs) continue;
    for (const r of new Set(w.resources)) byResource.set(r, [...(byResource.get(r) ?? []), w]);
  }
  return [...byResource.keys()].sort(cmp).map((resource) => {
    const list = byResource
      .get(resource)!
      .slice()
      .sort((a, b) => cmp(a.start, b.start) || cmp(a.grant, b.grant));
    const laneEnds: number[] = [];
    const out: TimelineWindow[] = list.map((w) => {
      const start = Date.parse(w.start);
      const end = Math.min(endOf(w), nowMs);
      let lane = laneEnds.findIndex((e) => e <= start);
      if (lane < 0) lane = laneEnds.push(end) - 1;
      else laneEnds[lane] = end;
      return {
        grant: w.grant,
        person: w.person,
        access: w.access,
        start: w.start,
        end: new Date(endOf(w)).toISOString(),
        outcome: w.outcome,
        pr: w.pr,
        lane,
      };
    });
    return { resource, lanes: Math.max(1, laneEnds.length), windows: out };
  });
}

async function pendingRequests(
  repo: string,
  rev: string,
  plan: Awaited<ReturnType<typeof runPlan>>,
): Promise<{ pending: PendingRequest[]; pendingNote: string | null }> {
  const files = new Set(plan.grants.filter((g) => g.landedAt === undefined).map((g) => g.file));
  // Files that do not even load are pending too when they are not on REV.
  const broken = [...new Set(plan.errors.map((d) => d.file))].filter((f) => f.startsWith('grants/'));
  if (broken.length) {
    const landed = await landingTimes(repo, rev);
    for (const f of broken) if (!landed.has(f)) files.add(f);
  }
  if (files.size === 0) return { pending: [], pendingNote: null };
  const list = [...files].sort(cmp);
  try {
    const [outcome, loaded] = await Promise.all([
      runValidate({ repo, files: list, policiesRef: rev }),
      loadGrantFiles(repo, list),
    ]);
    const grants = new Map(loaded.map((l) => [l.file, l.grant]));
    const pending: PendingRequest[] = [];
    for (const r of outcome.json.results) {
      const g = grants.get(r.file);
      const explain = g ? await runExplain(repo, r.file, rev) : null;
      const canApprove = new Map(explain?.approvals.map((a) => [a.from, a.can_approve]) ?? []);
      pending.push({
        file: r.file,
        requester: g?.requester ?? null,
        access: g?.access ?? null,
        duration: g?.duration ?? null,
        maxDuration: r.max_duration,
        resources:
          r.resources.length || !g
            ? r.resources
            : g.resources.map((x) => (typeof x === 'string' ? x : `match ${JSON.stringify(x.match)}`)),
        reason: g?.reason ?? null,
        ticket: g?.ticket ?? null,
        ok: r.ok,
        slots: r.approvals.map((a) => ({
          from: a.from,
          count: a.count,
          missing: a.missing,
          canApprove: [...(canApprove.get(a.from) ?? [])].sort(cmp),
        })),
        errors: r.errors,
      });
    }
    return { pending, pendingNote: null };
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return {
      pending: list.map((file) => ({
        file,
        requester: null,
        access: null,
        duration: null,
        maxDuration: null,
        resources: [],
        reason: null,
        ticket: null,
        ok: false,
        slots: [],
        errors: [],
      })),
      pendingNote: e.message,
    };
  }
}

/**
 * A saved reconcile result: the Action's `result` output (`not_approved`) or the CLI's
 * `reconcile --format json` (`notApproved`, `now`, `lastSuccess`). Read defensively: unknown
 * fields are ignored, wrong types are a usage error.
 */
export async function readReconcileResult(file: string): Promise<ReconcileSummary> {
  let doc: unknown;
  try {
    const text = await readFile(file, 'utf8');
    if (text.length > 16 * 1024 * 1024) throw new Error('larger than 16 MiB');
    doc = JSON.parse(text);
  } catch (e) {
    throw new UsageError(
      `--reconcile-result ${file} is not a readable JSON file: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const bad = (what: string) =>
    new UsageError(`--reconcile-result ${file} is not a reconcile result: ${what}`);
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw bad('expected a JSON object');
  const o = doc as Record<string, unknown>;
  const str = (v: unknown, what: string): string => {
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    throw bad(`${what} must be a string`);
  };
  const optStr = (v: unknown, what: string): string | null =>
    v === undefined || v === null ? null : str(v, what);
  const list = (v: unknown, what: string): Record<string, unknown>[] => {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || v.some((x) => !x || typeof x !== 'object'))
      throw bad(`${what} must be a list of objects`);
    return v as Record<string, unknown>[];
  };
  const strings = (v: unknown, what: string): string[] => {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) throw bad(`${what} must be a list`);
    return v.map((x) => str(x, what));
  };
  return {
    file,
    ok: typeof o.ok === 'boolean' ? o.ok : null,
    stale: o.stale === true,
    at: optStr(o.now, 'now'),
    lastSuccess: optStr(o.lastSuccess ?? o.last_success, 'lastSuccess'),
    drift: list(o.drift, 'drift').map((d) => ({
      resource: str(d.resource, 'drift[].resource'),
      identity: str(d.identity, 'drift[].identity'),
      access: str(d.access, 'drift[].access'),
      pruned: d.pruned === true,
      detail: optStr(d.detail, 'drift[].detail') ?? '',
    })),
    failures: list(o.failures, 'failures').map((f) => ({
      file: str(f.file, 'failures[].file'),
      resource: optStr(f.resource, 'failures[].resource'),
      message: str(f.message, 'failures[].message'),
    })),
    notApproved: list(o.not_approved ?? o.notApproved, 'not_approved').map((n) => ({
      file: str(n.file, 'not_approved[].file'),
      grant: optStr(n.grant, 'not_approved[].grant') ?? '',
      person: optStr(n.person, 'not_approved[].person') ?? '',
      reasons: strings(n.reasons, 'not_approved[].reasons'),
    })),
    kept: strings(o.kept, 'kept'),
  };
}

/** Write `OUT_DIR/index.html` atomically (a temporary file renamed into place). */
export async function writeReport(outDir: string, html: string): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, 'index.html');
  const tmp = join(outDir, `.index.html.${process.pid}.tmp`);
  await writeFile(tmp, html, 'utf8');
  await rename(tmp, path);
  return path;
}
