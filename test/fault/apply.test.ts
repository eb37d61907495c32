/**
 * Fault injection for `apply` (the rows A.. of the table in test/fault/cases.ts): the bundled
 * Action on a push, against the GitHub fake, a real PostgreSQL database and a signed webhook
 * receiver, ONE world shared by every case. Each case: inject, run, check, clear, rerun, check
 * strictly, clean up (test-side) so the next case starts with alice holding nothing.
 * Needs `npm run build` and PostgreSQL (`bash .ci/postgres.sh`).
 */
import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportToGit } from '../fake-github/git-sync.js';
import { startFakeGitHub, type FakeGitHub } from '../fake-github/server.js';
import { actionBundle, describeRun, REPO_ROOT, runAction, type ActionRun } from '../helpers/action.js';
import { exampleFile, grantYaml, seedAcme, type AcmeWorld } from '../helpers/acme.js';
import { PgFixture } from '../helpers/apply-world.js';
import { connectAdmin, execFormatted } from '../helpers/postgres.js';
import { mergeApprovedGrant } from '../helpers/reconcile.js';
import { FaultReceiver, tcpFaultServer, type TcpFaultServer } from '../helpers/fault-servers.js';
import {
  alertGroups,
  delayedServed,
  faultAccessYaml,
  failedResources,
  githubFault,
  HOOK_TIMEOUT,
  markedComments,
  outcomeOf,
  receiverFault,
  replayFaulted,
  repoAccess,
  routesSince,
  type RunOutcome,
} from '../helpers/fault-world.js';
import { CASES, NOT_FAULTED, type FaultCase } from './cases.js';

jest.setTimeout(60_000);

const HOOK_SECRET = 'fault-hook-secret-0123456789';
const APP_TOKEN = 'app-tok';
const APPLY_MARKER = '<!-- gitgrant:apply -->';
const HOOK_PATH = '/hooks/billing-notebooks';
const STG_REPO = 'acme/billing-staging';

const pgf = new PgFixture();
const hooks = new FaultReceiver(HOOK_SECRET);
let gh: FakeGitHub;
let w: AcmeWorld;
let clone: string;
let serial = 0;

function resources(): string {
  const q = JSON.stringify;
  return `resources:
  - id: billing-db-staging
    provider: postgres
    tags: { env: staging, team: billing, kind: database }
    config: { connection_env: ${pgf.envName}, roles: { read: ${q(pgf.roles.stgRead)}, write: ${q(pgf.roles.stgWrite)} } }
  - id: billing-repo-staging
    provider: github
    tags: { env: staging, team: billing, kind: repository }
    config: { repository: ${STG_REPO} }
  - id: sandbox
    provider: github
    tags: { env: sandbox, team: billing, kind: repository }
    config: { repository: acme/sandbox }
    baseline: [{ person: alice, access: write }]
  - id: billing-notebooks
    provider: webhook
    tags: { env: staging, team: billing, kind: notebook }
    config: { url: ${q(hooks.url(HOOK_PATH))}, secret_env: GG_HOOK_SECRET, timeout: ${HOOK_TIMEOUT} }
`;
}

beforeAll(async () => {
  actionBundle();
  await hooks.start();
});
afterAll(async () => {
  await hooks.stop();
});

async function run(before: string, after: string, env: Record<string, string> = {}): Promise<ActionRun> {
  await exportToGit(w.repo, clone, { branches: ['main'] });
  const r = await runAction({
    gh,
    event: 'push',
    payload: {
      ref: 'refs/heads/main',
      before,
      after,
      repository: { full_name: 'acme/access', name: 'access', default_branch: 'main' },
    },
    inputs: { command: '', 'app-token': APP_TOKEN },
    env: {
      GITHUB_WORKSPACE: clone,
      GITHUB_WORKFLOW: 'gitgrant apply',
      [pgf.envName]: pgf.url,
      GG_HOOK_SECRET: HOOK_SECRET,
      ...env,
    },
  });
  if (process.env.GITGRANT_E2E_DEBUG) console.log(describeRun(r), r.summary);
  return r;
}

// ------------------------------------------------------------------------------------ holdings

async function aliceRoles(): Promise<string[]> {
  return (await pgf.aliceRoles()).filter((r) => r === pgf.roles.stgRead || r === pgf.roles.stgWrite);
}

interface Held {
  pg: boolean;
  repo: string | undefined;
  hook: boolean;
}

async function aliceHolds(): Promise<Held> {
  return {
    pg: (await aliceRoles()).includes(pgf.roles.stgRead),
    repo: repoAccess(gh.state.repo(STG_REPO)).get('alice'),
    hook: hooks.holds(HOOK_PATH, 'alice'),
  };
}

/**
 * Invariant (1): alice holds billing-* access only while an approved, active grant of hers is on
 * main (`entitled`) or while the run names that resource as failed; erin (direct pushes) never
 * holds anything; alice's baseline on the sandbox stays `write`.
 */
async function checkAccess(entitled: boolean, failed: ReadonlySet<string>): Promise<void> {
  const h = await aliceHolds();
  const ok = (resource: string, holds: boolean) => !holds || entitled || failed.has(resource);
  expect({
    pg: ok('billing-db-staging', h.pg),
    repo: ok('billing-repo-staging', h.repo !== undefined),
    hook: ok('billing-notebooks', h.hook),
  }).toEqual({ pg: true, repo: true, hook: true });
  const stg = repoAccess(gh.state.repo(STG_REPO));
  expect([...stg.keys()].filter((l) => l !== 'alice')).toEqual([]);
  if (h.repo !== undefined) expect(h.repo).toMatch(/^(invited:)?read$/);
  expect(hooks.holds(HOOK_PATH, 'erin')).toBe(false);
  expect(gh.state.repo('acme/sandbox').roleOf('alice')).toBe('write');
}

/** Strict, after the fault is gone: exactly what `entitled` says. */
async function checkConverged(entitled: boolean): Promise<void> {
  const h = await aliceHolds();
  expect({ pg: h.pg, repo: h.repo !== undefined, hook: h.hook }).toEqual({
    pg: entitled,
    repo: entitled,
    hook: entitled,
  });
  await checkAccess(entitled, new Set());
}

/** Invariant (3): one apply comment per PR at most, one alert issue per key, apply never commits. */
function checkNoDuplicates(mainBefore: string): void {
  for (const [pr, n] of markedComments(w.repo, APPLY_MARKER)) expect({ pr, n }).toEqual({ pr, n: 1 });
  for (const [marker, issues] of alertGroups(w.repo))
    expect({ marker, issues: issues.length }).toEqual({ marker, issues: 1 });
  expect(w.repo.branchSha('main')).toBe(mainBefore);
}

// ----------------------------------------------------------------------------------- scenarios

const FILES = ['billing-db-staging', 'billing-notebooks', 'billing-repo-staging'];

interface Prepared {
  before: string;
  after: string;
  file: string;
  pr: number | null;
  /** Is alice entitled (an approved, active grant of hers on main) after the push? */
  entitled: boolean;
  /** Does the scenario fail without any fault (a refused direct push)? */
  refused: boolean;
}

function mergeGrant(): { file: string; pr: number; before: string; after: string } {
  const file = `grants/fault/alice-g${++serial}.yaml`;
  const before = w.repo.branchSha('main')!;
  const m = mergeApprovedGrant(w, {
    path: file,
    grant: { requester: 'alice', access: 'read', duration: '4h', resources: FILES },
    resources: FILES,
    approver: 'bob',
    mergedAt: Date.now() - 60_000,
  });
  return { file, pr: m.pr, before, after: m.mergeSha };
}

function directPush(
  files: Record<string, string | null>,
  author = 'grace',
): { before: string; after: string } {
  const before = w.repo.branchSha('main')!;
  const after = w.repo.commit('main', { files, message: 'direct push', author: { login: author } });
  return { before, after };
}

async function prepare(c: FaultCase): Promise<Prepared> {
  switch (c.scenario) {
    case 'grant':
    case 'grant, rerun': {
      const m = mergeGrant();
      return { ...m, entitled: true, refused: false };
    }
    case 'delete':
    case 'delete, invited': {
      const m = mergeGrant();
      // Granted as a clean apply would have (test-side: cheaper than a run).
      const admin = await connectAdmin();
      try {
        await execFormatted(admin, 'GRANT %I TO %I', pgf.roles.stgRead, pgf.alice);
      } finally {
        await admin.end();
      }
      const repo = gh.state.repo(STG_REPO);
      if (c.scenario === 'delete') repo.addCollaborator('alice', 'read');
      else repo.invite('alice', 'read');
      hooks.setHeld(HOOK_PATH, 'alice', true);
      const d = directPush({ [m.file]: null }, 'alice');
      return { ...d, file: m.file, pr: null, entitled: false, refused: false };
    }
    case 'direct push': {
      const file = `grants/fault/erin-x${++serial}.yaml`;
      const d = directPush({
        [file]: grantYaml({
          requester: 'erin',
          access: 'read',
          duration: '4h',
          resources: ['billing-repo-staging'],
        }),
      });
      return { ...d, file, pr: null, entitled: false, refused: true };
    }
    default:
      throw new Error(`not an apply scenario: ${c.scenario}`);
  }
}

/** Back to "alice holds nothing": the file leaves main (not applied) and the targets are reset. */
async function cleanUp(p: Prepared): Promise<void> {
  if (p.entitled) directPush({ [p.file]: null });
  if (p.refused) directPush({ [p.file]: null });
  await pgf.resetAlice();
  gh.state.repo(STG_REPO).removeCollaborator('alice');
  hooks.setHeld(HOOK_PATH, 'alice', false);
  hooks.clearFaults();
  gh.clearFaults();
}

// --------------------------------------------------------------------------------------- faults

const tcp: Partial<Record<'reset' | 'silent', TcpFaultServer>> = {};

/** Injects the row's fault; returns the environment of the faulted run. */
async function inject(c: FaultCase): Promise<Record<string, string>> {
  if (c.target === 'postgres: connect') {
    if (c.fault === 'refused') return { [pgf.envName]: pgf.deadUrl };
    const mode = c.fault === 'reset' ? 'reset' : 'silent';
    tcp[mode] ??= await tcpFaultServer(mode);
    return { [pgf.envName]: tcp[mode].urlLike(pgf.url) };
  }
  if (c.target === 'webhook: POST') {
    hooks.injectFault(receiverFault(c));
    return {};
  }
  gh.injectFault(githubFault(c));
  return {};
}

/** Invariant (4): exit code and what the run says. */
function checkOutcome(c: FaultCase, p: Prepared, o: RunOutcome, run: ActionRun): void {
  const context = `${c.id}\n${describeRun(run)}`;
  if (c.expect === 'absorbed') {
    if (p.refused) {
      expect({ code: o.code, failures: o.result.failures, context }).toEqual({
        code: 1,
        failures: [],
        context,
      });
    } else {
      expect({ code: o.code, ok: o.result.ok, context }).toEqual({ code: 0, ok: true, context });
    }
  } else {
    expect({ code: o.code, context }).toEqual({ code: 1, context });
    if (!o.said.includes(c.names!))
      throw new Error(`${c.id}: the run does not name "${c.names}"\n${o.said}\n${context}`);
    expect(run.stdout).not.toMatch(/\n\s+at .*\.js:\d+/); // never a stack trace
  }
}

describe('fault injection: apply (table rows A..)', () => {
  beforeAll(async () => {
    await pgf.setUp();
    gh = await startFakeGitHub();
    gh.state.tokens[APP_TOKEN] = {
      login: 'gitgrant-app[bot]',
      type: 'Bot',
      permissions: { administration: 'write', members: 'read', metadata: 'read' },
    };
    const people = exampleFile('policies/people.yaml').replace(
      'identities: { postgres: alice }',
      `identities: { postgres: ${JSON.stringify(pgf.alice)} }`,
    );
    const codeowners = `${readFileSync(join(REPO_ROOT, '.github', 'CODEOWNERS'), 'utf8')}/grants/fault/ @acme/sre\n`;
    w = seedAcme(gh, {
      files: {
        'policies/resources.yaml': resources(),
        'policies/people.yaml': people,
        'policies/access.yaml': faultAccessYaml(),
        '.github/CODEOWNERS': codeowners,
        'grants/production/billing/alice-billing-db-read.yaml': null,
        'grants/production/frontend/dave-frontend-write.yaml': null,
        'grants/staging/ivan-data-science-staging.yaml': null,
      },
    });
    gh.state.createTeam('acme', 'sre');
    gh.state.addTeamMember('acme', 'sre', 'bob');
    gh.state.addTeamMember('acme', 'sre', 'carol');
    gh.state.createRepo(STG_REPO, { defaultBranch: 'main' });
    gh.state.createRepo('acme/sandbox', { defaultBranch: 'main' }).addCollaborator('alice', 'write');
    clone = mkdtempSync(join(tmpdir(), 'gitgrant-fault-apply-'));
  });

  afterAll(async () => {
    for (const s of Object.values(tcp)) await s?.close();
    if (gh) {
      expect(gh.unexpectedRequests()).toEqual([]);
      await gh.close();
    }
    rmSync(clone, { recursive: true, force: true });
    await pgf.tearDown();
  });

  // Whatever happened in a case, the next one starts clean (no fault left, alice holds nothing).
  let current: Prepared | undefined;
  afterEach(async () => {
    if (current) await cleanUp(current);
    current = undefined;
  });

  test('coverage: every route a clean apply requests has a row in the table', async () => {
    const seen = new Set<string>();
    for (const scenario of ['grant, rerun', 'delete', 'delete, invited', 'direct push'] as const) {
      const c = { id: 'clean', scenario } as FaultCase;
      const p = await prepare(c);
      const from = gh.requests.length;
      const first = await run(p.before, p.after);
      if (scenario === 'grant, rerun') await run(p.before, p.after);
      routesSince(gh, from).forEach((r) => seen.add(r));
      expect(first.code).toBe(p.refused ? 1 : 0);
      await cleanUp(p);
    }
    const rows = new Set(CASES.filter((c) => c.command === 'apply').map((c) => c.target));
    expect([...seen].filter((r) => !rows.has(r) && !(r in NOT_FAULTED))).toEqual([]);
  });

  test.each(CASES.filter((c) => c.command === 'apply').map((c) => [c.id, c] as const))(
    '%s',
    async (_id, c) => {
      if (c.expect === 'skipped') return; // the reason is in the table
      const p = (current = await prepare(c));
      const mainBefore = w.repo.branchSha('main')!;
      if (c.scenario === 'grant, rerun') expect((await run(p.before, p.after)).code).toBe(0);
      const env = await inject(c);
      const from = gh.requests.length;
      const seenFrom = hooks.seen.length;
      const acceptedFrom = hooks.accepted.length;
      const first = await run(p.before, p.after, env);
      // A held (`timeout`) request is carried out after the client gave up: checked from here on.
      await delayedServed(c, gh, from, hooks, seenFrom);
      const o = outcomeOf(first);
      checkOutcome(c, p, o, first);
      if (o.result.ok !== undefined) expect(first.summary).not.toBe(''); // a summary whenever there is a result
      await checkAccess(p.entitled, failedResources(o));
      if (c.lostAnswer) expect(await replayFaulted(gh, from, c)).toBeGreaterThan(0);
      if (c.target === 'webhook: POST' && c.fault === 'timeout') {
        // The held event and its retry both reached the receiver, with one idempotency key.
        const keys = hooks.accepted.slice(acceptedFrom).map((a) => a.idempotencyKey);
        expect({ twice: keys.length >= 2, keys: new Set(keys).size }).toEqual({ twice: true, keys: 1 });
      }
      checkNoDuplicates(mainBefore);

      // The fault is gone: the same push again converges.
      gh.clearFaults();
      hooks.clearFaults();
      const again = await run(p.before, p.after);
      const o2 = outcomeOf(again);
      expect({ code: o2.code, failures: o2.result.failures, ctx: describeRun(again) }).toEqual({
        code: p.refused ? 1 : 0,
        failures: [],
        ctx: describeRun(again),
      });
      await checkConverged(p.entitled);
      checkNoDuplicates(mainBefore);
      if (p.pr !== null) expect(markedComments(w.repo, APPLY_MARKER).get(p.pr)).toBe(1);
      if (p.refused) {
        const mine = [...alertGroups(w.repo)].filter(([m]) => m.includes(p.file));
        expect(mine.map(([, issues]) => issues.length)).toEqual([1]);
      }
    },
  );
});
