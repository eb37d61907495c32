/**
 * End to end: `gitgrant doctor` through the bundled CLI (`dist/cli`) as a child process against
 * the loopback GitHub fake: a fully configured repository (every check ✓), a bare one (each
 * problem with its fix), rulesets instead of classic protection, CODEOWNERS errors with their
 * lines, a token without `administration: read`, a stale schedule, broken workflows, and usage
 * errors. Build first: `npm run build`.
 */
import { jest } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DoctorCheck, DoctorReport } from '../../src/commands/doctor-model.js';
import { cronGapMs } from '../../src/commands/doctor-workflows.js';
import { addRuleset, addWorkflowRun, setWorkflowState } from '../fake-github/actions.js';
import { startFakeGitHub, type FakeGitHub, type TokenSpec } from '../fake-github/server.js';
import type { FileSpec, Repo } from '../fake-github/state.js';
import { REPO_ROOT } from '../helpers/action.js';
import { seedAcme } from '../helpers/acme.js';
import { cliBundle, runCli, type CliRun } from '../helpers/reconcile.js';

jest.setTimeout(60_000);

const NOW = '2026-11-29T12:00:00Z';
const MIN = 60_000;
const before = (ms: number) => new Date(Date.parse(NOW) - ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const RECONCILE = '.github/workflows/gitgrant-reconcile.yml';

/**
 * `gitgrant doctor ARGS…` through the bundled CLI (the private copy of test/helpers/reconcile.ts),
 * with the workflow token only.
 */
function doctor(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  return runCli({ gh }, ['doctor', ...args], {
    GITGRANT_APP_TOKEN: undefined,
    GITGRANT_THROTTLE_MIN_TIME_MS: undefined,
    ...env,
  });
}

async function doctorJson(
  repo = 'acme/access',
  extra: string[] = [],
  env: Record<string, string | undefined> = {},
) {
  const run = await doctor(['--github', repo, '--now', NOW, '--format', 'json', ...extra], env);
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as DoctorReport;
  const check = (id: string): DoctorCheck => {
    const c = report.checks.find((x) => x.id === id);
    if (!c) throw new Error(`no check ${id} in ${report.checks.map((x) => x.id).join(', ')}`);
    return c;
  };
  return { run, report, check };
}

let gh: FakeGitHub;
let running: FakeGitHub | undefined;

async function start(tokens?: Record<string, TokenSpec>): Promise<FakeGitHub> {
  gh = running = await startFakeGitHub(tokens ? { tokens } : {});
  return gh;
}

afterEach(async () => {
  if (running) {
    expect(running.unexpectedRequests()).toEqual([]);
    // doctor only ever reads.
    expect(running.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    await running.close();
    running = undefined;
  }
});

beforeAll(() => {
  cliBundle();
});

// ------------------------------------------------------------------------------------ worlds

/** This repository's own workflows and action.yml, as an access repository carries them. */
function shippedFiles(): Record<string, FileSpec> {
  const files: Record<string, FileSpec> = {
    'action.yml': readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8'),
  };
  const dir = join(REPO_ROOT, '.github', 'workflows');
  for (const name of readdirSync(dir).filter((n) => /^gitgrant-.*\.ya?ml$/.test(n)))
    files[`.github/workflows/${name}`] = readFileSync(join(dir, name), 'utf8');
  return files;
}

const FULL_PROTECTION = {
  required_status_checks: {
    strict: true,
    contexts: ['gitgrant/approval'],
    checks: [{ context: 'gitgrant/approval', app_id: null }],
  },
  required_pull_request_reviews: {
    dismiss_stale_reviews: true,
    require_code_owner_reviews: true,
    required_approving_review_count: 1,
    require_last_push_approval: true,
  },
  enforce_admins: { enabled: true },
};

const RULESET_RULES = [
  { type: 'deletion' },
  { type: 'non_fast_forward' },
  {
    type: 'required_status_checks',
    parameters: {
      required_status_checks: [{ context: 'gitgrant/approval' }],
      strict_required_status_checks_policy: false,
    },
  },
  {
    type: 'pull_request',
    parameters: {
      required_approving_review_count: 1,
      dismiss_stale_reviews_on_push: true,
      require_code_owner_review: true,
      require_last_push_approval: true,
      required_review_thread_resolution: false,
    },
  },
];

interface Setup {
  files?: Record<string, FileSpec>;
  protection?: Record<string, unknown> | null;
  lastRunAgoMs?: number | null;
  lastRunConclusion?: string;
  lastSuccessAgoMs?: number | null;
}

function configured(s: Setup = {}): Repo {
  const { repo } = seedAcme(gh, { files: { ...shippedFiles(), ...(s.files ?? {}) } });
  if (s.protection !== null) repo.protectBranch('main', s.protection ?? FULL_PROTECTION);
  const runAgo = s.lastRunAgoMs === undefined ? 5 * MIN : s.lastRunAgoMs;
  if (runAgo !== null) {
    addWorkflowRun(repo, RECONCILE, {
      event: 'schedule',
      created_at: before(runAgo + 30 * MIN),
      conclusion: 'success',
    });
    addWorkflowRun(repo, RECONCILE, {
      event: 'schedule',
      created_at: before(runAgo),
      conclusion: s.lastRunConclusion ?? 'success',
    });
  }
  const successAgo = s.lastSuccessAgoMs === undefined ? 5 * MIN : s.lastSuccessAgoMs;
  if (successAgo !== null) {
    repo.commit('gitgrant-state', {
      files: {
        'state.json': `${JSON.stringify({ version: 1, lastSuccess: before(successAgo), lastRun: before(successAgo), approvals: {}, revokeFailures: {} }, null, 2)}\n`,
      },
      replace: true,
      message: 'gitgrant: reconcile state',
      author: { login: 'github-actions[bot]' },
    });
  }
  return repo;
}

const statuses = (report: DoctorReport) => Object.fromEntries(report.checks.map((c) => [c.id, c.status]));

// ------------------------------------------------------------------------------------ tests

test('a fully configured repository: every check ✓, exit 0', async () => {
  await start();
  configured();
  const text = await doctor(['--github', 'acme/access', '--now', NOW]);
  expect(text.stderr).toBe('');
  expect(text.code).toBe(0);
  const lines = text.stdout.split('\n').filter((l) => /^ {2}[✓✗!] /.test(l));
  expect(lines.length).toBeGreaterThanOrEqual(17);
  expect(lines.every((l) => l.startsWith('  ✓ '))).toBe(true);
  expect(text.stdout).toContain('✓ required status check gitgrant/approval: branch protection: strict');
  expect(text.stdout).toContain('✓ CODEOWNERS present: .github/CODEOWNERS on main');
  expect(text.stdout).toMatch(
    /✓ a workflow runs reconcile on schedule and workflow_dispatch: gitgrant-reconcile\.yml/,
  );
  expect(text.stdout).toContain('the last success was 5m ago');
  expect(text.stdout).not.toContain('fix:');
  expect(text.stdout).toContain('Everything gitgrant needs is in place.');

  const { run, report } = await doctorJson();
  expect(run.code).toBe(0);
  expect(report.ok).toBe(true);
  expect(report.default_branch).toBe('main');
  expect(report.counts.fail + report.counts.warn).toBe(0);
  expect(statuses(report)).toEqual({
    repository: 'pass',
    protection: 'pass',
    'status-check': 'pass',
    'pull-request': 'pass',
    'dismiss-stale': 'pass',
    'code-owner-review': 'pass',
    'last-push-approval': 'pass',
    'no-bypass': 'pass',
    'codeowners-file': 'pass',
    'codeowners-errors': 'pass',
    'codeowners-routes': 'pass',
    workflows: 'pass',
    'workflow-validate': 'pass',
    'workflow-apply': 'pass',
    'workflow-reconcile': 'pass',
    'schedule-last-run': 'pass',
    'schedule-last-success': 'pass',
    'token-permissions': 'pass',
  });
});

test('a bare repository: each problem is reported with its fix, exit 1', async () => {
  await start();
  gh.state.createOrg('acme');
  const repo = gh.state.createRepo('acme/bare', { defaultBranch: 'main' });
  repo.commit('main', { files: { 'README.md': '# bare\n' }, message: 'init', author: { login: 'acme' } });

  const { run, report, check } = await doctorJson('acme/bare');
  expect(run.code).toBe(1);
  expect(report.ok).toBe(false);
  expect(statuses(report)).toEqual({
    repository: 'pass',
    protection: 'fail',
    'status-check': 'fail',
    'pull-request': 'fail',
    'dismiss-stale': 'fail',
    'code-owner-review': 'fail',
    'last-push-approval': 'fail',
    'no-bypass': 'fail',
    'codeowners-file': 'fail',
    workflows: 'fail',
    'workflow-validate': 'fail',
    'workflow-apply': 'fail',
    'workflow-reconcile': 'fail',
    'schedule-last-success': 'warn',
    'token-permissions': 'pass',
  });
  for (const c of report.checks.filter((x) => x.status !== 'pass')) expect(c.fix).toEqual(expect.any(String));
  expect(check('protection').message).toContain('main has no branch protection and no ruleset');
  expect(check('status-check').fix).toContain(
    '"Require status checks to pass" and add the check "gitgrant/approval"',
  );
  expect(check('dismiss-stale').fix).toContain('Dismiss stale pull request approvals');
  expect(check('code-owner-review').fix).toContain('Require review from Code Owners');
  expect(check('last-push-approval').fix).toContain('Require approval of the most recent reviewable push');
  expect(check('codeowners-file').fix).toContain('/policies/ @your-org/security');
  expect(check('workflow-reconcile').fix).toContain('gitgrant-reconcile.yml');
  expect(check('schedule-last-success').message).toContain('no gitgrant-state branch');

  const text = await doctor(['--github', 'acme/bare', '--now', NOW]);
  expect(text.code).toBe(1);
  const lines = text.stdout.split('\n');
  // Every ✗ line is followed (after its details) by its fix.
  lines.forEach((l, i) => {
    if (!/^ {2}[✗!] /.test(l)) return;
    const next = lines.slice(i + 1).find((x) => !x.startsWith('      - '));
    expect(next).toMatch(/^ {6}fix: /);
  });
  expect(text.stdout).toContain('✗ pull request required before merging: not set');
  expect(text.stdout).toContain('Fix the ✗ lines above');
});

test('rulesets instead of classic protection: the gate is found there; a bypass actor fails', async () => {
  await start();
  const repo = configured({ protection: null });
  const ruleset = addRuleset(repo, { name: 'protect main', bypass_actors: [], rules: RULESET_RULES });

  const ok = await doctorJson();
  expect(ok.run.code).toBe(0);
  expect(ok.report.counts.fail + ok.report.counts.warn).toBe(0);
  expect(ok.check('protection').message).toBe(`ruleset "protect main" (#${ruleset.id}) applies to main`);
  expect(ok.check('status-check').message).toBe(`ruleset "protect main" (#${ruleset.id}): not strict`);
  expect(ok.check('no-bypass').message).toContain('enforced for everyone by ruleset "protect main"');

  // A second ruleset with a bypass list does not weaken the first; the first with one does.
  addRuleset(repo, {
    id: 77,
    name: 'admins may push',
    bypass_actors: [{ actor_id: 5, actor_type: 'RepositoryRole', bypass_mode: 'always' }],
    rules: [{ type: 'pull_request', parameters: { required_approving_review_count: 2 } }],
  });
  const still = await doctorJson();
  expect(still.check('no-bypass').status).toBe('pass');
  expect(still.check('pull-request').message).toContain(
    'ruleset "admins may push" (#77): 2 approval(s) required',
  );

  gh.state.repo('acme/access').branchRules.clear();
  addRuleset(repo, {
    name: 'leaky',
    bypass_actors: [
      { actor_id: 5, actor_type: 'RepositoryRole', bypass_mode: 'always' },
      { actor_id: null, actor_type: 'OrganizationAdmin', bypass_mode: 'pull_request' },
    ],
    rules: RULESET_RULES,
  });
  const leaky = await doctorJson();
  expect(leaky.run.code).toBe(1);
  const bypass = leaky.check('no-bypass');
  expect(bypass.status).toBe('fail');
  expect(bypass.details?.join('\n')).toContain(
    'can be bypassed by repository role admin (always), organization admins (pull_request)',
  );
  expect(bypass.fix).toContain('empty the bypass list of ruleset "leaky"');
  expect(leaky.check('status-check').status).toBe('pass');
});

test('classic protection that administrators can bypass fails no-bypass', async () => {
  await start();
  configured({
    protection: {
      ...FULL_PROTECTION,
      enforce_admins: { enabled: false },
      required_status_checks: { strict: false, contexts: ['ci'], checks: [] },
    },
  });
  const { run, check } = await doctorJson();
  expect(run.code).toBe(1);
  expect(check('status-check').status).toBe('fail');
  expect(check('status-check').message).toBe('not set by branch protection');
  expect(check('no-bypass').status).toBe('fail');
  expect(check('no-bypass').details).toEqual([
    'pull request required before merging: branch protection can be bypassed by repository administrators (enforce for administrators is off)',
  ]);
  expect(check('no-bypass').fix).toContain('Do not allow bypassing the above settings');
});

test('CODEOWNERS errors are listed with their lines; unrouted policies/ and .github/ fail', async () => {
  await start();
  const repo = configured({
    files: { '.github/CODEOWNERS': '# owners\ngrants/ @bob\n/grants/production/ @acme/sre @ghost\n' },
  });
  repo.codeownersErrors = [
    {
      line: 3,
      column: 21,
      kind: 'Unknown owner',
      source: '/grants/production/ @acme/sre @ghost\n',
      suggestion: 'make sure @acme/sre exists and has write access to the repository',
      message: 'Unknown owner on line 3: make sure @acme/sre exists and has write access to the repository',
      path: '.github/CODEOWNERS',
    },
    {
      line: 3,
      column: 31,
      kind: 'Unknown owner',
      source: '/grants/production/ @acme/sre @ghost\n',
      suggestion: null,
      message: 'Unknown owner on line 3',
      path: '.github/CODEOWNERS',
    },
  ];
  const { run, check } = await doctorJson();
  expect(run.code).toBe(1);
  const errors = check('codeowners-errors');
  expect(errors.status).toBe('fail');
  expect(errors.message).toContain('GitHub reports 2 errors in .github/CODEOWNERS');
  expect(errors.details).toEqual([
    'line 3, column 21: Unknown owner (make sure @acme/sre exists and has write access to the repository): /grants/production/ @acme/sre @ghost',
    'line 3, column 31: Unknown owner: /grants/production/ @acme/sre @ghost',
  ]);
  const routes = check('codeowners-routes');
  expect(routes.status).toBe('fail');
  expect(routes.details).toEqual(
    expect.arrayContaining([
      'policies/access.yaml',
      '.github/CODEOWNERS',
      '.github/workflows/gitgrant-apply.yml',
    ]),
  );
  expect(routes.fix).toContain('/.github/ @your-org/security');

  const text = await doctor(['--github', 'acme/access', '--now', NOW]);
  expect(text.stdout).toContain('      - line 3, column 21: Unknown owner');
});

test('a token without administration: read: the checks say which permission is missing', async () => {
  await start({
    tok: { login: 'github-actions[bot]', type: 'Bot', id: 41898282 },
    limited: { login: 'doctor-app[bot]', type: 'Bot', permissions: { contents: 'read', actions: 'read' } },
  });
  configured();
  const { run, report, check } = await doctorJson('acme/access', [], { GITHUB_TOKEN: 'limited' });
  expect(run.code).toBe(1);
  const token = check('token-permissions');
  expect(token.status).toBe('fail');
  expect(token.message).toContain('the token lacks administration: read');
  expect(token.details).toEqual([
    'GET /repos/acme/access/branches/main/protection: needs administration: read',
  ]);
  for (const id of [
    'status-check',
    'pull-request',
    'dismiss-stale',
    'code-owner-review',
    'last-push-approval',
  ]) {
    expect(check(id).status).toBe('fail');
    expect(check(id).message).toContain('not verified');
    expect(check(id).message).toContain('administration: read');
    expect(check(id).fix).toContain('give the token administration: read');
  }
  // Everything else was readable with contents and actions.
  expect(check('codeowners-routes').status).toBe('pass');
  expect(check('workflow-reconcile').status).toBe('pass');
  expect(check('schedule-last-run').status).toBe('pass');
  expect(report.counts.warn).toBe(0);

  // Rulesets need no administration permission: with one, only the bypass list stays unseen.
  addRuleset(gh.state.repo('acme/access'), { name: 'protect main', bypass_actors: [], rules: RULESET_RULES });
  const withRuleset = await doctorJson('acme/access', [], { GITHUB_TOKEN: 'limited' });
  expect(withRuleset.check('status-check').status).toBe('pass');
  expect(withRuleset.check('no-bypass').status).toBe('warn');
  expect(withRuleset.check('no-bypass').details?.join('\n')).toContain('administration: write');
  expect(withRuleset.check('protection').status).toBe('warn');
});

test('a stale schedule is a warning (exit 0), within a configurable interval', async () => {
  await start();
  configured({ lastRunAgoMs: 2 * 60 * MIN, lastSuccessAgoMs: 2 * 60 * MIN });
  const { run, report, check } = await doctorJson();
  expect(run.code).toBe(0);
  expect(report.ok).toBe(true);
  expect(check('schedule-last-run').status).toBe('warn');
  expect(check('schedule-last-run').message).toContain('older than twice the 15m interval');
  expect(check('schedule-last-success').status).toBe('warn');
  expect(check('schedule-last-success').message).toBe(
    'the last success was 2h ago (2026-11-29T10:00:00Z): older than twice the 15m interval, so expired access may still be in place',
  );
  expect(check('schedule-last-success').fix).toContain('gitgrant reconcile');
  expect(report.counts.warn).toBe(2);

  const text = await doctor(['--github', 'acme/access', '--now', NOW]);
  expect(text.code).toBe(0);
  expect(text.stdout).toMatch(
    /^ {2}! reconcile succeeded in the last 30m \(gitgrant-state\): the last success was 2h ago/m,
  );

  const relaxed = await doctorJson('acme/access', ['--interval', '1h']);
  expect(relaxed.check('schedule-last-run').status).toBe('pass');
  expect(relaxed.check('schedule-last-success').status).toBe('pass');
  // …but the shipped cron (every 15 minutes) is fine with a 1h interval too.
  expect(relaxed.check('workflow-reconcile').status).toBe('pass');
});

test('a failed last reconcile run fails; a disabled or mis-triggered workflow fails', async () => {
  await start();
  const validate = readFileSync(join(REPO_ROOT, '.github/workflows/gitgrant-validate.yml'), 'utf8');
  const repo = configured({
    lastRunConclusion: 'failure',
    files: {
      '.github/workflows/gitgrant-validate.yml': validate.replace('pull_request_target:', 'pull_request:'),
      '.github/workflows/gitgrant-extra.yml': 'on: [push\njobs: {}\n',
      '.github/workflows/unrelated.yml': 'on: [push\n',
    },
  });
  setWorkflowState(repo, RECONCILE, 'disabled_inactivity');
  const { run, check } = await doctorJson();
  expect(run.code).toBe(1);
  expect(check('schedule-last-run').status).toBe('fail');
  expect(check('schedule-last-run').message).toMatch(
    /^the latest run #2 \(schedule\) 5m ago, failure: https:\/\/github\.com\/acme\/access\/actions\/runs\/\d+$/,
  );
  expect(check('workflow-reconcile').status).toBe('fail');
  expect(check('workflow-reconcile').fix).toContain('disabled_inactivity: enable it');
  expect(check('workflow-validate').status).toBe('fail');
  expect(check('workflow-validate').fix).toContain('use `pull_request_target`');
  expect(check('workflows').status).toBe('fail');
  expect(check('workflows').details).toEqual([
    expect.stringMatching(/^\.github\/workflows\/gitgrant-extra\.yml: line \d+: /),
  ]);
});

test('usage errors exit 2', async () => {
  await start();
  configured();
  const bad = await doctor(['--github', 'acme']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--github must be OWNER/NAME');
  expect((await doctor(['--github', 'acme/access', '--interval', 'soon'])).code).toBe(2);
  expect((await doctor(['--github', 'acme/access', '--format', 'xml'])).code).toBe(2);
  expect((await doctor([])).code).toBe(2);
  const noToken = await doctor(['--github', 'acme/access'], { GITHUB_TOKEN: undefined });
  expect(noToken.code).toBe(2);
  expect(noToken.stderr).toContain('GITHUB_TOKEN is not set');
  // A repository the token cannot see is a failed check, not a crash.
  const missing = await doctorJson('acme/nope');
  expect(missing.run.code).toBe(1);
  expect(missing.check('repository').message).toBe('acme/nope does not exist, or the token cannot see it');
});

test('cron gaps', () => {
  expect(cronGapMs('7,22,37,52 * * * *')).toBe(15 * MIN);
  expect(cronGapMs('*/15 * * * *')).toBe(15 * MIN);
  expect(cronGapMs('0 * * * *')).toBe(60 * MIN);
  expect(cronGapMs('5-50/5 * * * *')).toBe(15 * MIN);
  expect(cronGapMs('0 9 * * 1-5')).toBeNull();
});
