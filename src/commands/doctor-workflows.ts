/**
 * doctor: the workflows that run gitgrant — which files run which command (`with: command:`, or
 * the events when it is empty, as the Action does), on the expected events, enabled, with the
 * token permissions and concurrency group of the shipped workflows. Pure: facts in, checks out.
 */
import { parseDocument } from 'yaml';
import { formatDuration } from '../core/duration.js';
import {
  permissionFix,
  unreadable,
  worst,
  type CheckStatus,
  type DoctorCheck,
  type Read,
} from './doctor-model.js';

export type GitgrantCommand = 'validate' | 'apply' | 'reconcile';
export const COMMANDS: GitgrantCommand[] = ['validate', 'apply', 'reconcile'];

export interface WorkflowFile {
  path: string;
  text: string;
}

export interface WorkflowsFacts {
  branch: string;
  /** Workflow files of the default branch (`.github/workflows/*.yml|yaml`). */
  files: Read<WorkflowFile[]>;
  /** Whether the repository root holds gitgrant's action.yml (so `uses: ./` is gitgrant). */
  localAction: boolean;
  /** GET actions/workflows: state by path (`active`, `disabled_manually`…). */
  states: Read<Map<string, string>>;
  intervalMs: number;
}

/** One workflow file that runs gitgrant. */
export interface GitgrantWorkflow {
  path: string;
  file: string;
  commands: GitgrantCommand[];
  /** Trigger → its configuration as written (null when none). */
  events: Record<string, unknown>;
  /** Effective `permissions:` of the job running gitgrant (job level, else workflow level). */
  permissions: unknown;
  concurrency: string | null;
}

const EVENT_COMMAND: Record<string, GitgrantCommand> = {
  pull_request_target: 'validate',
  pull_request_review: 'validate',
  merge_group: 'validate',
  push: 'apply',
  schedule: 'reconcile',
  workflow_dispatch: 'reconcile',
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

function normaliseOn(on: unknown): Record<string, unknown> {
  if (typeof on === 'string') return { [on]: null };
  if (Array.isArray(on))
    return Object.fromEntries(on.filter((e) => typeof e === 'string').map((e) => [e, null]));
  if (isObj(on)) return Object.fromEntries(Object.entries(on).map(([k, v]) => [k, v ?? null]));
  return {};
}

function concurrencyGroup(c: unknown): string | null {
  if (typeof c === 'string') return c;
  if (isObj(c) && typeof c.group === 'string') return c.group;
  return null;
}

const USES_GITGRANT = /(^|\/)gitgrant(-action)?(\/[^@]*)?@/i;
const RUN_GITGRANT = /\bgitgrant\s+(validate|apply|reconcile)\b/g;

/** Parses one workflow; null when it does not run gitgrant; `{ error }` when it is not valid YAML. */
export function analyseWorkflow(
  file: WorkflowFile,
  localAction: boolean,
): GitgrantWorkflow | null | { path: string; error: string } {
  const doc = parseDocument(file.text, { uniqueKeys: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line;
    const message = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    return { path: file.path, error: `${line ? `line ${line}: ` : ''}${message}` };
  }
  const wf: unknown = doc.toJS({ maxAliasCount: 1000 });
  if (!isObj(wf)) return null;
  const events = normaliseOn(wf.on);
  const commands = new Set<GitgrantCommand>();
  let permissions: unknown = wf.permissions;
  let concurrency = concurrencyGroup(wf.concurrency);
  let found = false;
  const jobs = isObj(wf.jobs) ? wf.jobs : {};
  for (const job of Object.values(jobs)) {
    if (!isObj(job) || !Array.isArray(job.steps)) continue;
    for (const step of job.steps) {
      if (!isObj(step)) continue;
      const uses = typeof step.uses === 'string' ? step.uses.trim() : '';
      const run = typeof step.run === 'string' ? step.run : '';
      const isAction = (localAction && (uses === './' || uses === '.')) || USES_GITGRANT.test(uses);
      const runCommands = [...run.matchAll(RUN_GITGRANT)].map((m) => m[1] as GitgrantCommand);
      if (!isAction && !runCommands.length) continue;
      found = true;
      if (job.permissions !== undefined) permissions = job.permissions;
      concurrency = concurrencyGroup(job.concurrency) ?? concurrency;
      for (const c of runCommands) commands.add(c);
      if (isAction) {
        const w = isObj(step.with) ? step.with.command : undefined;
        if (typeof w === 'string' && (COMMANDS as string[]).includes(w.trim()))
          commands.add(w.trim() as GitgrantCommand);
        else
          for (const ev of Object.keys(events)) {
            const c = EVENT_COMMAND[ev];
            if (c) commands.add(c);
          }
      }
    }
  }
  if (!found) return null;
  return {
    path: file.path,
    file: file.path.split('/').pop() ?? file.path,
    commands: COMMANDS.filter((c) => commands.has(c)),
    events,
    permissions,
    concurrency,
  };
}

/** Permissions of the shipped workflows (README, "Setting up an access repository"). */
const NEEDED: Record<GitgrantCommand, Record<string, 'read' | 'write'>> = {
  validate: { contents: 'read', 'pull-requests': 'write', statuses: 'write' },
  apply: { contents: 'read', 'pull-requests': 'write', issues: 'write' },
  reconcile: { contents: 'write', 'pull-requests': 'write', issues: 'write' },
};
const LEVEL: Record<string, number> = { none: 0, read: 1, write: 2 };

function missingPermissions(perms: unknown, command: GitgrantCommand): string[] | null {
  if (perms === undefined) return null;
  const need = Object.entries(NEEDED[command]);
  if (perms === 'write-all') return [];
  const have = (name: string): number =>
    perms === 'read-all'
      ? 1
      : isObj(perms) && typeof perms[name] === 'string'
        ? (LEVEL[perms[name]] ?? 0)
        : 0;
  return need.filter(([name, level]) => have(name) < LEVEL[level]!).map(([n, l]) => `${n}: ${l}`);
}

const types = (cfg: unknown): string[] | null =>
  isObj(cfg) && Array.isArray(cfg.types) ? cfg.types.filter((t): t is string => typeof t === 'string') : null;

const cronsOf = (w: GitgrantWorkflow): string[] =>
  Array.isArray(w.events.schedule)
    ? (w.events.schedule as unknown[]).flatMap((s) =>
        isObj(s) && typeof s.cron === 'string' ? [s.cron] : [],
      )
    : [];

/** A branch filter pattern (`*` within a segment, `**` across) as GitHub matches it. */
function branchMatches(pattern: string, branch: string): boolean {
  const re = pattern
    .split('**')
    .map((part) =>
      // `?`, `+` and `[…]` keep their regex meaning, as in GitHub's filter patterns.
      part.replace(/[.^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*'),
    )
    .join('.*');
  try {
    return new RegExp(`^${re}$`).test(branch);
  } catch {
    return false; // not a pattern GitHub accepts either
  }
}

/**
 * The longest gap between two runs of a cron schedule, in ms, when it is simple enough to say
 * (minute list, `*`, `*\/N`, `A-B/N`; every hour, day, month and weekday); null otherwise.
 */
export function cronGapMs(cron: string): number | null {
  const [min, hour, dom, mon, dow, extra] = cron.trim().split(/\s+/);
  if (extra !== undefined || !min || hour !== '*' || dom !== '*' || mon !== '*' || dow !== '*') return null;
  const minutes = new Set<number>();
  for (const part of min.split(',')) {
    const m = /^(\*|\d+)(?:-(\d+))?(?:\/(\d+))?$/.exec(part);
    if (!m || (m[1] === '*' && m[2] !== undefined)) return null;
    const from = m[1] === '*' ? 0 : Number(m[1]);
    const to = m[1] === '*' ? 59 : m[2] !== undefined ? Number(m[2]) : m[3] ? 59 : from;
    const step = m[3] ? Number(m[3]) : 1;
    if (from > 59 || to > 59 || step < 1) return null;
    for (let x = from; x <= to; x += step) minutes.add(x);
  }
  const sorted = [...minutes].sort((a, b) => a - b);
  if (!sorted.length) return null;
  let gap = sorted[0]! + 60 - sorted[sorted.length - 1]!;
  for (let i = 1; i < sorted.length; i++) gap = Math.max(gap, sorted[i]! - sorted[i - 1]!);
  return gap * 60_000;
}

interface Problem {
  status: CheckStatus;
  text: string;
}

function problemsFor(w: GitgrantWorkflow, command: GitgrantCommand, f: WorkflowsFacts): Problem[] {
  const p: Problem[] = [];
  const ev = w.events;
  const has = (e: string) => Object.prototype.hasOwnProperty.call(ev, e);
  if (command === 'validate') {
    if (!has('pull_request_target')) {
      p.push({
        status: 'fail',
        text: has('pull_request')
          ? "runs on pull_request, which runs the pull request's own copy of the workflow and gives fork pull requests a read-only token: use `pull_request_target` (gitgrant reads the pull request as data and never checks it out)"
          : 'add `pull_request_target: { types: [opened, synchronize, reopened, edited] }`: requests are never checked',
      });
    } else {
      const t = types(ev.pull_request_target);
      const lacking = t ? ['opened', 'synchronize', 'reopened'].filter((x) => !t.includes(x)) : [];
      if (lacking.length)
        p.push({ status: 'fail', text: `add ${lacking.join(', ')} to the types of pull_request_target` });
    }
    if (!has('pull_request_review'))
      p.push({
        status: 'fail',
        text: 'add `pull_request_review: { types: [submitted, edited, dismissed] }`: a new or dismissed approval does not update the status',
      });
    else {
      const t = types(ev.pull_request_review);
      const lacking = t ? ['submitted', 'dismissed'].filter((x) => !t.includes(x)) : [];
      if (lacking.length)
        p.push({ status: 'fail', text: `add ${lacking.join(', ')} to the types of pull_request_review` });
    }
    if (!has('merge_group'))
      p.push({
        status: 'warn',
        text: 'add `merge_group:` if you use a merge queue (the queue waits for gitgrant/approval)',
      });
  } else if (command === 'apply') {
    if (!has('push'))
      p.push({
        status: 'fail',
        text: `add \`push: { branches: [${f.branch}] }\`: merged requests are never granted`,
      });
    else {
      const cfg = isObj(ev.push) ? ev.push : null;
      const branches =
        cfg && Array.isArray(cfg.branches)
          ? cfg.branches.filter((b): b is string => typeof b === 'string')
          : null;
      const ignored =
        cfg && Array.isArray(cfg['branches-ignore'])
          ? cfg['branches-ignore'].filter((b): b is string => typeof b === 'string')
          : [];
      if (
        (branches && !branches.some((b) => branchMatches(b, f.branch))) ||
        ignored.some((b) => branchMatches(b, f.branch))
      )
        p.push({
          status: 'fail',
          text: `its push trigger does not include ${f.branch}: set \`branches: [${f.branch}]\``,
        });
    }
  } else {
    if (!cronsOf(w).length)
      p.push({
        status: 'fail',
        text: "add `schedule: [{ cron: '7,22,37,52 * * * *' }]`: expired grants are never revoked",
      });
    if (!has('workflow_dispatch'))
      p.push({ status: 'warn', text: 'add `workflow_dispatch:` so reconcile can be run by hand' });
  }
  const missing = missingPermissions(w.permissions, command);
  if (missing === null)
    p.push({
      status: 'warn',
      text: `set \`permissions:\` explicitly (${Object.entries(NEEDED[command])
        .map(([n, l]) => `${n}: ${l}`)
        .join(', ')}): without it the token gets the repository's default permissions`,
    });
  else if (missing.length)
    p.push({
      status: 'warn',
      text: `its \`permissions:\` lack ${missing.join(', ')} (the shipped workflow grants them)`,
    });
  if ((command === 'apply' || command === 'reconcile') && w.concurrency !== 'gitgrant-state')
    p.push({
      status: 'warn',
      text: 'set `concurrency: { group: gitgrant-state, cancel-in-progress: false }` so apply and reconcile never run at once nor are cancelled half-way',
    });
  if (f.states.ok) {
    const state = f.states.value.get(w.path);
    if (state && state !== 'active')
      p.push({
        status: 'fail',
        text: `GitHub has the workflow ${state}: enable it (Actions → the workflow → Enable workflow)${state === 'disabled_inactivity' ? '; GitHub disables scheduled workflows after 60 days without repository activity' : ''}`,
      });
  }
  return p;
}

export interface WorkflowsAnalysis {
  checks: DoctorCheck[];
  /** The workflow running reconcile (for its latest run), if any. */
  reconcileWorkflow: GitgrantWorkflow | null;
}

export function workflowChecks(f: WorkflowsFacts): WorkflowsAnalysis {
  const group = 'workflows' as const;
  if (!f.files.ok && !f.files.missing) {
    return {
      checks: [
        {
          id: 'workflows',
          group,
          status: 'fail',
          title: 'workflows run gitgrant',
          message: `not verified: ${unreadable('.github/workflows', f.files)}`,
          fix: permissionFix(f.files, 'rerun doctor'),
        },
      ],
      reconcileWorkflow: null,
    };
  }
  const files = f.files.ok ? f.files.value : [];
  const found: GitgrantWorkflow[] = [];
  const broken: Array<{ path: string; error: string }> = [];
  for (const file of files) {
    const a = analyseWorkflow(file, f.localAction);
    if (!a) continue;
    // A broken file counts when it is gitgrant's (by name or content): others are not our business.
    if ('error' in a) {
      if (/gitgrant/i.test(file.text) || /\/gitgrant[^/]*$/.test(file.path)) broken.push(a);
    } else found.push(a);
  }
  const checks: DoctorCheck[] = [];
  checks.push({
    id: 'workflows',
    group,
    status: broken.length ? 'fail' : found.length ? 'pass' : 'fail',
    title: 'workflows run gitgrant',
    message: found.length
      ? `${found.map((w) => `${w.file} (${w.commands.join(', ') || 'no command'})`).join(', ')}${broken.length ? `; ${broken.length} workflow file(s) are not valid YAML` : ''}`
      : `no workflow under .github/workflows on ${f.branch} uses the gitgrant action${broken.length ? ` (${broken.length} file(s) are not valid YAML)` : ''}`,
    ...(broken.length || !found.length
      ? {
          fix: broken.length
            ? 'fix the YAML of each file listed'
            : "copy gitgrant's .github/workflows/gitgrant-validate.yml, gitgrant-apply.yml and gitgrant-reconcile.yml (and action.yml with dist/, or use the published action)",
          ...(broken.length ? { details: broken.map((b) => `${b.path}: ${b.error}`) } : {}),
        }
      : {}),
  });
  if (!f.states.ok && !f.states.missing && found.length) {
    checks.push({
      id: 'workflows-enabled',
      group,
      status: 'fail',
      title: 'workflows enabled',
      message: `not verified: ${unreadable('the workflows list (GET actions/workflows)', f.states)}`,
      fix: permissionFix(f.states, 'rerun doctor'),
    });
  }

  const shipped: Record<GitgrantCommand, string> = {
    validate: 'pull_request_target, pull_request_review and merge_group',
    apply: `push to ${f.branch}`,
    reconcile: 'schedule and workflow_dispatch',
  };
  for (const command of COMMANDS) {
    const runs = found.filter((w) => w.commands.includes(command));
    const id = `workflow-${command}`;
    const title = `a workflow runs ${command} on ${shipped[command]}`;
    if (!runs.length) {
      checks.push({
        id,
        group,
        status: 'fail',
        title,
        message: `no workflow runs gitgrant ${command}`,
        fix: `add .github/workflows/gitgrant-${command}.yml as shipped with gitgrant (events: ${shipped[command]})`,
      });
      continue;
    }
    const per = runs.map((w) => ({ w, problems: problemsFor(w, command, f) }));
    if (command === 'reconcile') {
      for (const x of per) {
        const crons = cronsOf(x.w);
        const gaps = crons.map(cronGapMs);
        if (crons.length && gaps.every((g) => g !== null)) {
          const gap = Math.min(...(gaps as number[]));
          if (gap > f.intervalMs)
            x.problems.push({
              status: 'warn',
              text: `its schedule runs every ${formatDuration(gap)} at most, but the interval is ${formatDuration(f.intervalMs)}: reconcile fails when the last success is older than twice the interval (pass the workflow's \`interval:\` and doctor's --interval the same value)`,
            });
        }
      }
    }
    // The command is set up when one workflow running it has no failure.
    const best = per.reduce((a, b) =>
      rank(worst(b.problems.map((p) => p.status))) < rank(worst(a.problems.map((p) => p.status))) ? b : a,
    );
    const status = worst(best.problems.map((p) => p.status));
    const evs = Object.keys(best.w.events).join(', ');
    checks.push({
      id,
      group,
      status,
      title,
      message: `${best.w.file} runs ${command} on ${evs || 'no events'}`,
      ...(status !== 'pass'
        ? {
            fix: best.problems.find((p) => p.status === status)!.text,
            details: best.problems.map((p) => `${p.status === 'fail' ? 'must' : 'should'}: ${p.text}`),
          }
        : {}),
    });
  }
  return { checks, reconcileWorkflow: found.find((w) => w.commands.includes('reconcile')) ?? null };
}

const rank = (s: CheckStatus): number => (s === 'pass' ? 0 : s === 'warn' ? 1 : 2);
