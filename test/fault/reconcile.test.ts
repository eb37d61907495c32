/**
 * Fault injection for `reconcile` (the rows R.. of the table in test/fault/cases.ts): the bundled
 * Action on `schedule`, against the GitHub fake, a real PostgreSQL database and a signed webhook
 * receiver, ONE world shared by every case. Each case adds three grants that expired an hour ago
 * (alice on PostgreSQL, dave on a GitHub repository, ivan on a webhook) and removes by hand the
 * access of frank's active grant (to be re-applied); then: inject, run, check, clear, rerun,
 * check strictly, merge the revocation PR by hand (as a person would) so the next case starts
 * clean. Needs `npm run build` and PostgreSQL (`bash .ci/postgres.sh`).
 */
import { jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../fake-github/server.js';
import { actionBundle, describeRun, REPO_ROOT } from '../helpers/action.js';
import { exampleFile, seedAcme, type AcmeWorld } from '../helpers/acme.js';
import {
  HOUR,
  createPgWorld,
  mergeApprovedGrant,
  runReconcileAction,
  type PgWorld,
  type ReconcileRun,
} from '../helpers/reconcile.js';
import { FaultReceiver, tcpFaultServer, type TcpFaultServer } from '../helpers/fault-servers.js';
import {
  alertGroups,
  delayedServed,
  faultAccessYaml,
  HOOK_TIMEOUT,
  receiverFault,
  failedResources,
  githubFault,
  grantFilesAt,
  outcomeOf,
  replayFaulted,
  repoAccess,
  revocationCommits,
  routesSince,
  type RunOutcome,
} from '../helpers/fault-world.js';
import { CASES, NOT_FAULTED, type FaultCase } from './cases.js';

jest.setTimeout(60_000);

const HOOK_SECRET = 'fault-reconcile-hook-secret';
const HOOK_PATH = '/hooks/notebooks';
const WEB = 'acme/frontend-web';
const REVOCATIONS = 'gitgrant/revocations';

let gh: FakeGitHub;
let pg: PgWorld;
let w: AcmeWorld;
const hooks = new FaultReceiver(HOOK_SECRET);
let serial = 0;
let mode: 'pull-request' | 'commit' = 'pull-request';
const tcp: Partial<Record<'reset' | 'silent', TcpFaultServer>> = {};

function resources(): string {
  return `resources:
  - id: billing-db-prod
    provider: postgres
    tags: { env: production, team: billing, sensitive: pii, kind: database }
    config: { connection_env: BILLING_DB_URL, roles: { read: ${pg.role('billing_read')}, write: ${pg.role('billing_write')} } }
    baseline: [{ person: erin, access: write }]
  - id: frontend-web
    provider: github
    tags: { env: production, team: frontend, kind: repository }
    config: { repository: ${WEB} }
  - id: ds-notebooks
    provider: webhook
    tags: { env: staging, team: data-science, kind: notebook }
    config: { url: "${hooks.url(HOOK_PATH)}", secret_env: NOTEBOOK_HOOK_SECRET, timeout: ${HOOK_TIMEOUT} }
`;
}

const env = () => ({ BILLING_DB_URL: pg.url, NOTEBOOK_HOOK_SECRET: HOOK_SECRET });

async function reconcile(extra: Record<string, string> = {}): Promise<ReconcileRun> {
  const run = await runReconcileAction(w, { env: { ...env(), ...extra } });
  if (process.env.GITGRANT_E2E_DEBUG) console.log(describeRun(run), run.summary);
  return run;
}

function setMode(m: 'pull-request' | 'commit'): void {
  if (mode === m) return;
  const access = faultAccessYaml(m);
  w.repo.commit('main', {
    files: { 'policies/access.yaml': access },
    message: `revocation mode ${m}`,
    author: { login: 'grace' },
  });
  mode = m;
}

interface Prepared {
  expired: string[];
  /** Resources whose expired access this case gave (test-side, as apply would have). */
}

async function prepare(c: FaultCase): Promise<Prepared> {
  setMode(c.scenario === 'commit' ? 'commit' : 'pull-request');
  const n = ++serial;
  const mergedAt = Date.now() - 5 * HOUR;
  const grants = [
    {
      path: `grants/fault/alice-e${n}.yaml`,
      grant: {
        requester: 'alice',
        access: 'read',
        duration: '4h',
        resources: ['billing-db-prod'],
        ticket: 'INC-4711',
      },
      resources: ['billing-db-prod'],
    },
    {
      path: `grants/fault/dave-e${n}.yaml`,
      grant: { requester: 'dave', access: 'write', duration: '2h', resources: ['frontend-web'] },
      resources: ['frontend-web'],
    },
    {
      path: `grants/fault/ivan-e${n}.yaml`,
      grant: { requester: 'ivan', access: 'read', duration: '2h', resources: ['ds-notebooks'] },
      resources: ['ds-notebooks'],
    },
  ];
  for (const g of grants) mergeApprovedGrant(w, { ...g, approver: 'bob', mergedAt });
  // What apply gave when they landed (test-side); frank's access was removed by hand.
  await pg.admin.query(`GRANT "${pg.role('billing_read')}" TO "${pg.role('alice')}"`);
  gh.state.repo(WEB).addCollaborator('dave', 'write');
  gh.state.repo(WEB).removeCollaborator('frank');
  hooks.setHeld(HOOK_PATH, 'ivan', true);
  if (c.scenario === 'pr, open') {
    const warm = await reconcile();
    expect({ code: warm.code, f: warm.result.failures }).toEqual({ code: 0, f: [] });
    expect(openRevocationPrs()).toHaveLength(1);
  }
  return { expired: grants.map((g) => g.path) };
}

const openRevocationPrs = () =>
  [...w.repo.pulls.values()].filter((p) => p.headRef === REVOCATIONS && p.issue.state === 'open');

/** The grant files a PR removes (its head against main). */
function prRemoves(n: number): string[] {
  const pr = w.repo.pulls.get(n)!;
  const head = new Set(grantFilesAt(w.repo, pr.headSha));
  return grantFilesAt(w.repo, w.repo.branchSha('main')!)
    .filter((f) => !head.has(f))
    .sort();
}

async function cleanUp(): Promise<void> {
  for (const pr of openRevocationPrs()) w.repo.mergePullRequest(pr, { by: 'grace' });
  // Merged branches are deleted (GitHub's "automatically delete head branches"): every run's
  // checkout exports the branches, and the suite should not slow down case after case.
  for (const ref of [...w.repo.refs.keys()])
    if (ref.startsWith('refs/heads/') && ref !== 'refs/heads/main' && ref !== 'refs/heads/gitgrant-state')
      w.repo.deleteRef(ref);
  gh.clearFaults();
  hooks.clearFaults();
}

// ----------------------------------------------------------------------------------- invariants

interface Holdings {
  alice: boolean;
  erin: boolean;
  web: Map<string, string>;
  ivan: boolean;
}

async function holdings(): Promise<Holdings> {
  return {
    alice: await pg.isMember('alice', 'billing_read'),
    erin: await pg.isMember('erin', 'billing_write'),
    web: repoAccess(gh.state.repo(WEB)),
    ivan: hooks.holds(HOOK_PATH, 'ivan'),
  };
}

/**
 * Invariant (1): expired access may remain only where the run names the resource as failed (or
 * the run stopped before it had a result); frank (active, approved) may hold write; erin's
 * baseline is never touched; nobody else holds anything.
 */
async function checkAccess(o: RunOutcome): Promise<void> {
  const h = await holdings();
  const aborted = o.result.ok === undefined;
  const failed = failedResources(o);
  const may = (r: string) => aborted || failed.has(r);
  expect({
    alice: !h.alice || may('billing-db-prod'),
    erin: h.erin,
    dave: !h.web.has('dave') || may('frontend-web'),
    ivan: !h.ivan || may('ds-notebooks'),
    others: [...h.web.keys()].filter((l) => l !== 'dave' && l !== 'frank'),
    frank: h.web.get('frank') ?? 'write',
  }).toEqual({ alice: true, erin: true, dave: true, ivan: true, others: [], frank: 'write' });
}

/** Invariants (1) and (2), strictly: every expired grant revoked, frank re-applied, erin kept. */
async function checkConverged(): Promise<void> {
  const h = await holdings();
  expect({ alice: h.alice, erin: h.erin, web: Object.fromEntries(h.web), ivan: h.ivan }).toEqual({
    alice: false,
    erin: true,
    web: { frank: 'write' },
    ivan: false,
  });
}

/** reconcile's state on the gitgrant-state branch (null before the first run). */
function stateOnBranch(): {
  lastSuccess?: string;
  approvals: Record<string, unknown>;
  revokeFailures: Record<string, number>;
} | null {
  const sha = w.repo.branchSha('gitgrant-state');
  if (!sha) return null;
  const e = w.repo.objects.flatten(w.repo.getCommit(sha)!.tree).get('state.json');
  return e ? JSON.parse(w.repo.objects.getBlob(e.sha)!.content.toString('utf8')) : null;
}

/**
 * A faulted run never loses what the state remembers: the last success stays (or moves forward),
 * so a stalled schedule is still detected; failed-revocation counts are not reset by a fault.
 */
function checkStateKept(before: ReturnType<typeof stateOnBranch>): void {
  const after = stateOnBranch();
  if (!before?.lastSuccess) return;
  expect(after?.lastSuccess ?? '(lost)').not.toBe('(lost)');
  expect(Date.parse(after!.lastSuccess!)).toBeGreaterThanOrEqual(Date.parse(before.lastSuccess));
}

/** Invariant (3): one open revocation PR at most, one alert issue per key, each file removed by ONE commit at most. */
function checkNoDuplicates(): void {
  expect(openRevocationPrs().length).toBeLessThanOrEqual(1);
  for (const [marker, issues] of alertGroups(w.repo))
    expect({ marker, n: issues.length }).toEqual({ marker, n: 1 });
  const removed = revocationCommits(w.repo).flatMap((c) => c.removed);
  expect(removed.length).toBe(new Set(removed).size);
}

async function inject(c: FaultCase): Promise<Record<string, string>> {
  if (c.target === 'postgres: connect') {
    if (c.fault === 'refused') {
      const u = new URL(pg.url);
      u.port = '1';
      return { BILLING_DB_URL: u.toString() };
    }
    const m = c.fault === 'reset' ? 'reset' : 'silent';
    tcp[m] ??= await tcpFaultServer(m);
    return { BILLING_DB_URL: tcp[m].urlLike(pg.url) };
  }
  if (c.target === 'webhook: POST') {
    hooks.injectFault(receiverFault(c));
    return {};
  }
  gh.injectFault(githubFault(c));
  return {};
}

function checkOutcome(c: FaultCase, o: RunOutcome, run: ReconcileRun): void {
  const context = `${c.id}\n${describeRun(run)}`;
  if (c.expect === 'absorbed') {
    expect({ code: o.code, failures: o.result.failures, context }).toEqual({
      code: 0,
      failures: [],
      context,
    });
    return;
  }
  expect({ code: o.code, context }).toEqual({ code: 1, context });
  if (!o.said.includes(c.names!))
    throw new Error(`${c.id}: the run does not name "${c.names}"\n${o.said}\n${context}`);
  expect(run.stdout).not.toMatch(/\n\s+at .*\.js:\d+/);
}

describe('fault injection: reconcile (table rows R..)', () => {
  beforeAll(async () => {
    actionBundle();
    await hooks.start();
    gh = await startFakeGitHub();
    pg = await createPgWorld(['alice', 'erin']);
    const people = exampleFile('policies/people.yaml').replace(
      /postgres: ([a-z]+)/g,
      (_m, login: string) => `postgres: ${pg.role(login)}`,
    );
    const codeowners = `${readFileSync(join(REPO_ROOT, '.github', 'CODEOWNERS'), 'utf8')}/grants/fault/ @acme/sre\n`;
    w = seedAcme(gh, {
      files: {
        'policies/resources.yaml': resources(),
        'policies/people.yaml': people,
        'policies/access.yaml': faultAccessYaml('pull-request'),
        '.github/CODEOWNERS': codeowners,
        'grants/production/billing/alice-billing-db-read.yaml': null,
        'grants/production/frontend/dave-frontend-write.yaml': null,
        'grants/staging/ivan-data-science-staging.yaml': null,
      },
    });
    gh.state.createTeam('acme', 'sre');
    gh.state.addTeamMember('acme', 'sre', 'bob');
    gh.state.addTeamMember('acme', 'sre', 'carol');
    gh.state.createRepo(WEB, { defaultBranch: 'main' });
    // Organization members: a PUT makes them direct collaborators at once (no invitation).
    gh.state.addOrgMember('acme', 'frank');
    gh.state.addOrgMember('acme', 'dave');
    await pg.admin.query(`GRANT "${pg.role('billing_write')}" TO "${pg.role('erin')}"`);
    // frank's active, approved grant: re-applied by every case after his access is removed by hand.
    mergeApprovedGrant(w, {
      path: 'grants/fault/frank-active.yaml',
      grant: { requester: 'frank', access: 'write', duration: '20h', resources: ['frontend-web'] },
      resources: ['frontend-web'],
      approver: 'bob',
      mergedAt: Date.now() - HOUR,
    });
  });

  afterAll(async () => {
    for (const s of Object.values(tcp)) await s?.close();
    if (gh) {
      expect(gh.unexpectedRequests()).toEqual([]);
      await gh.close();
    }
    await pg?.close();
    await hooks.stop();
  });

  // Whatever happened in a case, the next one starts clean (no fault left, no open revocation PR).
  let prepared = false;
  afterEach(async () => {
    if (prepared) await cleanUp();
    prepared = false;
  });

  test.each(CASES.filter((c) => c.command === 'reconcile').map((c) => [c.id, c] as const))(
    '%s',
    async (_id, c) => {
      if (c.expect === 'skipped') return;
      prepared = true;
      const p = await prepare(c);
      const extra = await inject(c);
      const from = gh.requests.length;
      const stateBefore = stateOnBranch();
      const seenFrom = hooks.seen.length;
      const first = await reconcile(extra);
      await delayedServed(c, gh, from, hooks, seenFrom);
      const o = outcomeOf(first);
      checkOutcome(c, o, first);
      await checkAccess(o);
      checkStateKept(stateBefore);
      if (c.lostAnswer) expect(await replayFaulted(gh, from, c)).toBeGreaterThan(0);
      checkNoDuplicates();

      gh.clearFaults();
      hooks.clearFaults();
      const again = await reconcile();
      expect({ code: again.code, failures: again.result.failures, ctx: describeRun(again) }).toEqual({
        code: 0,
        failures: [],
        ctx: describeRun(again),
      });
      await checkConverged();
      checkNoDuplicates();
      if (mode === 'pull-request') {
        const [pr, ...more] = openRevocationPrs();
        expect(more).toEqual([]);
        expect(prRemoves(pr!.number)).toEqual([...p.expired].sort());
      } else {
        const onMain = new Set(grantFilesAt(w.repo, w.repo.branchSha('main')!));
        expect(p.expired.filter((f) => onMain.has(f))).toEqual([]);
      }
    },
  );

  test('coverage: every route a clean reconcile requests has a row in the table', async () => {
    const seen = new Set<string>();
    for (const scenario of ['pr', 'pr, open', 'commit'] as const) {
      const c = { id: 'clean', scenario } as FaultCase;
      await prepare(c);
      const from = gh.requests.length;
      const r = await reconcile();
      expect({ code: r.code, f: r.result.failures }).toEqual({ code: 0, f: [] });
      routesSince(gh, from).forEach((x) => seen.add(x));
      await checkConverged();
      await cleanUp();
    }
    const rows = new Set(CASES.filter((c) => c.command === 'reconcile').map((c) => c.target));
    expect([...seen].filter((r) => !rows.has(r) && !(r in NOT_FAULTED))).toEqual([]);
  });
});
