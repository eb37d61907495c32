/**
 * doctor: is the schedule alive? The reconcile workflow's latest run, and the `lastSuccess` that
 * reconcile publishes on the `gitgrant-state` branch; each is stale when older than twice the
 * interval (the same bound reconcile itself fails on). And the token: every read doctor made that
 * GitHub refused, with the permission it names. Pure: facts in, checks out.
 */
import { formatDuration } from '../core/duration.js';
import { STATE_BRANCH } from '../github/state-branch.js';
import { permissionFix, unreadable, type DoctorCheck, type Read } from './doctor-model.js';

export interface LatestRun {
  run_number: number;
  event: string;
  status: string | null;
  conclusion: string | null;
  created_at: string;
  run_started_at?: string;
  html_url: string;
}

export interface ScheduleFacts {
  nowMs: number;
  intervalMs: number;
  /** File name of the workflow that runs reconcile (null: none found, no run check). */
  workflowFile: string | null;
  latestRun: Read<LatestRun | null>;
  /** `lastSuccess` of state.json on the state branch; `missing` when there is no branch. */
  state: Read<{ lastSuccess: string | null }>;
}

const FAILED = new Set(['failure', 'timed_out', 'startup_failure', 'action_required']);

function ago(nowMs: number, iso: string): string {
  const ms = nowMs - Date.parse(iso);
  if (ms < 60_000) return 'just now';
  return `${formatDuration(Math.floor(ms / 60_000) * 60_000)} ago`;
}

const STALE_FIX = (interval: string) =>
  `check that the reconcile workflow is enabled and its schedule runs every ${interval}; GitHub delays or drops scheduled runs under load, so for a tight bound also run \`gitgrant reconcile\` from your own scheduler (README: Revocation guarantee). If your schedule is slower, pass it as --interval`;

export function scheduleChecks(f: ScheduleFacts): DoctorCheck[] {
  const group = 'schedule' as const;
  const limit = 2 * f.intervalMs;
  const interval = formatDuration(f.intervalMs);
  const checks: DoctorCheck[] = [];

  if (f.workflowFile) {
    const id = 'schedule-last-run';
    const title = `the reconcile workflow ran in the last ${formatDuration(limit)}`;
    const r = f.latestRun;
    if (!r.ok) {
      checks.push({
        id,
        group,
        status: 'fail',
        title,
        message: r.missing
          ? `GitHub knows no workflow ${f.workflowFile} (is it on the default branch?)`
          : `not verified: ${unreadable(`the runs of ${f.workflowFile}`, r)}`,
        fix: r.missing ? `push ${f.workflowFile} to the default branch` : permissionFix(r, 'rerun doctor'),
      });
    } else if (!r.value) {
      checks.push({
        id,
        group,
        status: 'warn',
        title,
        message: `${f.workflowFile} has never run`,
        fix: `run it once by hand (Actions → ${f.workflowFile} → Run workflow), then let the schedule take over`,
      });
    } else {
      const run = r.value;
      const started = run.run_started_at ?? run.created_at;
      const what = `run #${run.run_number} (${run.event}) ${ago(f.nowMs, started)}, ${run.status === 'completed' ? (run.conclusion ?? 'no conclusion') : (run.status ?? 'unknown')}`;
      if (run.status === 'completed' && run.conclusion && FAILED.has(run.conclusion)) {
        checks.push({
          id,
          group,
          status: 'fail',
          title,
          message: `the latest ${what}: ${run.html_url}`,
          fix: 'open the run and fix what it reports (a failed revocation keeps the run red until a later run confirms it; so does a previous success older than twice the interval)',
        });
      } else if (f.nowMs - Date.parse(started) > limit) {
        checks.push({
          id,
          group,
          status: 'warn',
          title,
          message: `the latest is ${what}: older than twice the ${interval} interval`,
          fix: STALE_FIX(interval),
        });
      } else {
        checks.push({
          id,
          group,
          status: run.status === 'completed' && run.conclusion !== 'success' ? 'warn' : 'pass',
          title,
          message: `the latest is ${what}`,
          ...(run.status === 'completed' && run.conclusion !== 'success'
            ? { fix: `look at the run: ${run.html_url}` }
            : {}),
        });
      }
    }
  }

  const id = 'schedule-last-success';
  const title = `reconcile succeeded in the last ${formatDuration(limit)} (${STATE_BRANCH})`;
  const s = f.state;
  if (!s.ok) {
    checks.push(
      s.missing
        ? {
            id,
            group,
            status: 'warn',
            title,
            message: `no ${STATE_BRANCH} branch: reconcile has not completed on GitHub yet (or keeps its state in a --state file)`,
            fix: `run the reconcile workflow once (Actions → Run workflow); it publishes its last success on ${STATE_BRANCH}`,
          }
        : {
            id,
            group,
            status: 'fail',
            title,
            message: `not verified: ${unreadable(`state.json on ${STATE_BRANCH}`, s)}`,
            fix: permissionFix(s, 'rerun doctor'),
          },
    );
  } else if (!s.value.lastSuccess || Number.isNaN(Date.parse(s.value.lastSuccess))) {
    checks.push({
      id,
      group,
      status: 'warn',
      title,
      message: `state.json on ${STATE_BRANCH} records no successful run`,
      fix: 'open the latest reconcile run and fix what it reports',
    });
  } else if (f.nowMs - Date.parse(s.value.lastSuccess) > limit) {
    checks.push({
      id,
      group,
      status: 'warn',
      title,
      message: `the last success was ${ago(f.nowMs, s.value.lastSuccess)} (${s.value.lastSuccess}): older than twice the ${interval} interval, so expired access may still be in place`,
      fix: STALE_FIX(interval),
    });
  } else {
    checks.push({
      id,
      group,
      status: 'pass',
      title,
      message: `the last success was ${ago(f.nowMs, s.value.lastSuccess)} (${s.value.lastSuccess})`,
    });
  }
  return checks;
}

/** A read GitHub refused: `GET /repos/…/protection` and the permission it wanted. */
export interface Refusal {
  call: string;
  permission?: string;
  message: string;
}

export function tokenCheck(calls: number, refusals: Refusal[]): DoctorCheck {
  const base = {
    id: 'token-permissions',
    group: 'token' as const,
    title: 'the token can read everything doctor checks',
  };
  if (!refusals.length) return { ...base, status: 'pass', message: `all ${calls} API reads were allowed` };
  const perms = [...new Set(refusals.map((r) => r.permission ?? 'unknown'))];
  return {
    ...base,
    status: 'fail',
    message: `GitHub refused ${refusals.length} of ${calls} reads: the token lacks ${perms.join('; ')}`,
    fix: `give the token ${perms.filter((p) => p !== 'unknown').join(', ') || 'the permissions listed'} (fine-grained token or GitHub App: Repository permissions), or run doctor as a repository admin (e.g. GITHUB_TOKEN=$(gh auth token))`,
    details: refusals.map((r) => `${r.call}: ${r.permission ? `needs ${r.permission}` : r.message}`),
  };
}
