/**
 * End to end: `reconcile` through the bundled Action (`dist/action/index.js`, events `schedule` and
 * `workflow_dispatch`) and the bundled CLI (`dist/cli`, `--now` for exact window boundaries), as
 * child processes against the loopback GitHub fake, with real providers: PostgreSQL role
 * membership on a real server (a person's SELECT really fails after a revocation), the fake's
 * collaborators API for a github repository, and a signed local webhook receiver.
 *
 * The Action uses the real clock: grants are merged with committer times relative to now
 * (`mergedAt: now - 5h` with `duration: 4h` is expired). Build first: `npm run build`.
 * Needs PostgreSQL: `bash .ci/postgres.sh`.
 */
import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../fake-github/server.js';
import { actionBundle, describeRun } from '../helpers/action.js';
import { exampleFile, grantYaml, seedAcme, type AcmeWorld, type GrantSpec } from '../helpers/acme.js';
import {
  HOUR,
  MINUTE,
  checkout,
  cliBundle,
  createPgWorld,
  iso,
  mergeApprovedGrant,
  runCli,
  runReconcileAction,
  type MergedGrant,
  type PgWorld,
  type ReconcileRun,
} from '../helpers/reconcile.js';
import { WebhookReceiver } from '../helpers/webhook-receiver.js';

jest.setTimeout(120_000);

const HOOK_SECRET = 'notebook-hook-secret-for-reconcile';
const PG_PEOPLE = ['alice', 'bob', 'carol', 'erin', 'frank', 'ivan', 'judy'];

let gh: FakeGitHub | undefined;
let pgw: PgWorld | undefined;
let receiver: WebhookReceiver | undefined;

beforeAll(() => {
  actionBundle();
  cliBundle();
});

afterEach(async () => {
  if (gh) {
    expect(gh.unexpectedRequests()).toEqual([]);
    await gh.close();
    gh = undefined;
  }
  if (pgw) await pgw.close();
  pgw = undefined;
  if (receiver) await receiver.stop();
  receiver = undefined;
});

interface World extends AcmeWorld {
  pg: PgWorld;
  hooks: WebhookReceiver;
  env: Record<string, string>;
}

function resourcesYaml(pg: PgWorld, hookUrl: string, opts: { prune?: boolean }): string {
  return `resources:
  - id: billing-db-prod
    provider: postgres
    tags: { env: production, team: billing, sensitive: pii, kind: database }
    config: { connection_env: BILLING_DB_URL, roles: { read: ${pg.role('billing_read')}, write: ${pg.role('billing_write')} } }
    baseline: [{ person: erin, access: write }]${opts.prune ? '\n    prune: true' : ''}
  - id: frontend-web
    provider: github
    tags: { env: production, team: frontend, kind: repository }
    config: { repository: acme/frontend-web }
  - id: ds-notebooks
    provider: webhook
    tags: { env: staging, team: data-science, kind: notebook }
    config: { url: "${hookUrl}", secret_env: NOTEBOOK_HOOK_SECRET }
`;
}

async function world(opts: { mode?: 'commit' | 'pull-request'; prune?: boolean } = {}): Promise<World> {
  gh = await startFakeGitHub();
  pgw = await createPgWorld(PG_PEOPLE);
  receiver = new WebhookReceiver(HOOK_SECRET);
  await receiver.start();
  const pg = pgw;
  const people = exampleFile('policies/people.yaml').replace(
    /postgres: ([a-z]+)/g,
    (_m, login: string) => `postgres: ${pg.role(login)}`,
  );
  let access = exampleFile('policies/access.yaml');
  if (opts.mode === 'commit')
    access = access.replace('revocation: { mode: pull-request }', 'revocation: { mode: commit }');
  const w = seedAcme(gh, {
    files: {
      'policies/resources.yaml': resourcesYaml(pg, receiver.url('/hooks/notebooks'), opts),
      'policies/people.yaml': people,
      'policies/access.yaml': access,
      // The example's own grant files are not part of these scenarios.
      'grants/production/billing/alice-billing-db-read.yaml': null,
      'grants/production/frontend/dave-frontend-write.yaml': null,
      'grants/staging/ivan-data-science-staging.yaml': null,
    },
  });
  gh.state.createRepo('acme/frontend-web', { defaultBranch: 'main' });
  // erin's baseline (write on billing-db-prod) is in place: it is never drift.
  await pg.admin.query(`GRANT "${pg.role('billing_write')}" TO "${pg.role('erin')}"`);
  return {
    ...w,
    pg,
    hooks: receiver,
    env: { BILLING_DB_URL: pg.url, NOTEBOOK_HOOK_SECRET: HOOK_SECRET },
  };
}

const now = () => Date.now();

const ALICE_READ = 'grants/production/billing/alice-billing-read.yaml';
const aliceRead = (duration = '4h'): GrantSpec => ({
  requester: 'alice',
  access: 'read',
  duration,
  resources: ['billing-db-prod'],
  ticket: 'INC-4711',
});

/** alice reads billing-db-prod (one SRE: bob); granted at the provider as apply would have. */
async function aliceReadMerged(w: World, mergedAt: number, duration = '4h'): Promise<MergedGrant> {
  const m = mergeApprovedGrant(w, {
    path: ALICE_READ,
    grant: aliceRead(duration),
    resources: ['billing-db-prod'],
    approver: 'bob',
    mergedAt,
  });
  await w.pg.admin.query(`GRANT "${w.pg.role('billing_read')}" TO "${w.pg.role('alice')}"`);
  return m;
}

/** `requester` writes to frontend-web (code owners of grants/production/frontend/: dave, bob). */
function frontendWrite(w: World, requester: string, mergedAt: number, duration: string, name = requester) {
  const path = `grants/production/frontend/${name}-frontend-write.yaml`;
  const m = mergeApprovedGrant(w, {
    path,
    grant: { requester, access: 'write', duration, resources: ['frontend-web'] },
    resources: ['frontend-web'],
    approver: requester === 'bob' ? 'dave' : 'bob',
    mergedAt,
  });
  w.gh.state.repo('acme/frontend-web').addCollaborator(requester, 'write');
  return m;
}

/** ivan reads ds-notebooks (own team, staging: no approval needed). */
function notebooksRead(w: World, mergedAt: number, duration: string) {
  return mergeApprovedGrant(w, {
    path: 'grants/staging/ivan-notebooks.yaml',
    grant: { requester: 'ivan', access: 'read', duration, resources: ['ds-notebooks'] },
    resources: ['ds-notebooks'],
    approver: 'erin',
    mergedAt,
  });
}

async function reconcile(
  w: World,
  opts: { env?: Record<string, string | undefined>; event?: string; interval?: string } = {},
): Promise<ReconcileRun> {
  const run = await runReconcileAction(w, { ...opts, env: { ...w.env, ...(opts.env ?? {}) } });
  if (process.env.GITGRANT_E2E_DEBUG) console.log(describeRun(run), run.summary);
  return run;
}

const mainFiles = (w: AcmeWorld) => {
  const sha = w.repo.branchSha('main')!;
  return [...w.repo.objects.flatten(w.repo.getCommit(sha)!.tree).keys()].filter((p) =>
    p.startsWith('grants/'),
  );
};
const revocationPrs = (w: AcmeWorld) =>
  [...w.repo.pulls.values()].filter((p) => p.headRef === 'gitgrant/revocations');
const openRevocationPrs = (w: AcmeWorld) => revocationPrs(w).filter((p) => p.issue.state === 'open');
/** Commits on main's first-parent chain whose message starts with `gitgrant: revoke`. */
function revocationCommits(w: AcmeWorld): string[] {
  const out: string[] = [];
  let sha: string | undefined = w.repo.branchSha('main');
  while (sha) {
    const c = w.repo.getCommit(sha)!;
    if (c.message.startsWith('gitgrant: revoke')) out.push(sha);
    sha = c.parents[0];
  }
  return out;
}
const prFiles = (w: AcmeWorld, n: number) => {
  const pr = w.repo.pulls.get(n)!;
  const base = w.repo.objects.flatten(w.repo.getCommit(w.repo.branchSha('main')!)!.tree);
  const head = w.repo.objects.flatten(w.repo.getCommit(pr.headSha)!.tree);
  return [...base.keys()].filter((p) => !head.has(p)).sort();
};
const alertIssues = (w: AcmeWorld) =>
  [...w.repo.issues.values()].filter((i) => !i.pull && i.labels.some((l) => l.name === 'gitgrant-alert'));

describe('reconcile (Action, schedule / workflow_dispatch)', () => {
  test('an expired grant is revoked at PostgreSQL and recorded in ONE revocation PR, updated in place by later runs', async () => {
    const w = await world();
    const t = now();
    const m = await aliceReadMerged(w, t - 5 * HOUR);
    expect(await w.pg.canRead('alice')).toBe(true);

    const run1 = await reconcile(w);
    expect(run1.code).toBe(0);
    expect(run1.result.ok).toBe(true);
    expect(await w.pg.canRead('alice')).toBe(false);
    expect(run1.revoked).toEqual([
      expect.objectContaining({
        grant: 'alice-billing-read',
        person: 'alice',
        resource: 'billing-db-prod',
        changed: true,
      }),
    ]);
    // Revocation never waits for the record: the file is still on main, the PR records it.
    expect(mainFiles(w)).toContain(ALICE_READ);
    const prs = openRevocationPrs(w);
    expect(prs).toHaveLength(1);
    const pr = prs[0]!;
    expect(run1.result.record).toEqual(
      expect.objectContaining({ kind: 'pull-request', pr: pr.number, files: [ALICE_READ] }),
    );
    expect(prFiles(w, pr.number)).toEqual([ALICE_READ]);
    const end = iso(Date.parse(m.mergedAt) + 4 * HOUR);
    for (const s of ['alice-billing-read', 'alice', 'billing-db-prod', m.mergedAt, end])
      expect(pr.issue.body).toContain(s);
    expect(pr.issue.title).toContain('alice-billing-read');
    // last-success and the state branch.
    expect(Date.parse(run1.outputs['last-success']!)).toBeGreaterThanOrEqual(t - MINUTE);
    const stateSha = w.repo.branchSha('gitgrant-state');
    expect(stateSha).toBeDefined();
    const stateTree = w.repo.objects.flatten(w.repo.getCommit(stateSha!)!.tree);
    const state = JSON.parse(
      w.repo.objects.getBlob(stateTree.get('state.json')!.sha)!.content.toString('utf8'),
    ) as {
      lastSuccess: string;
    };
    expect(state.lastSuccess).toBe(run1.outputs['last-success']);

    // A second grant expires; the next run (dispatched by hand) updates the SAME PR with both.
    const second = notebooksRead(w, t - 3 * HOUR, '1h');
    const run2 = await reconcile(w, { event: 'workflow_dispatch' });
    expect(run2.code).toBe(0);
    expect(revocationPrs(w)).toHaveLength(1);
    expect(openRevocationPrs(w)[0]!.number).toBe(pr.number);
    expect(prFiles(w, pr.number)).toEqual([second.path, ALICE_READ].sort());
    expect(w.repo.pulls.get(pr.number)!.issue.title).toBe('gitgrant: revoke 2 expired grants');
    expect(w.hooks.events('/hooks/notebooks')).toEqual([
      expect.objectContaining({
        event: expect.objectContaining({ type: 'revoke', grant_id: 'ivan-notebooks', person: 'ivan' }),
      }),
    ]);
    // A third run with nothing new: still one PR, no duplicate, green; the revocations the
    // earlier runs confirmed are not sent again while the PR waits (no second webhook event).
    const run3 = await reconcile(w);
    expect(run3.code).toBe(0);
    expect(run3.revoked).toEqual([]);
    expect(revocationPrs(w)).toHaveLength(1);
    expect(w.repo.pulls.get(pr.number)!.issue.state).toBe('open');
    expect(prFiles(w, pr.number)).toEqual([second.path, ALICE_READ].sort());
    expect(w.hooks.events('/hooks/notebooks')).toHaveLength(1);

    // Access given back by hand after its confirmed revocation is drift, not a new expiry.
    await w.pg.admin.query(`GRANT "${w.pg.role('billing_read')}" TO "${w.pg.role('alice')}"`);
    const run4 = await reconcile(w);
    expect(run4.revoked).toEqual([]);
    expect(run4.result.drift).toEqual([
      expect.objectContaining({ resource: 'billing-db-prod', identity: w.pg.role('alice'), access: 'read' }),
    ]);
  });

  test('mode commit: ONE commit on the default branch removes the expired file; the next run makes none', async () => {
    const w = await world({ mode: 'commit' });
    await aliceReadMerged(w, now() - 5 * HOUR);
    const run1 = await reconcile(w);
    expect(run1.code).toBe(0);
    expect(await w.pg.canRead('alice')).toBe(false);
    expect(mainFiles(w)).not.toContain(ALICE_READ);
    const commits = revocationCommits(w);
    expect(commits).toHaveLength(1);
    expect(run1.result.record).toEqual(expect.objectContaining({ kind: 'commit', sha: commits[0] }));
    expect(w.repo.getCommit(commits[0]!)!.message).toContain(
      'alice-billing-read: alice read on billing-db-prod',
    );
    expect(revocationPrs(w)).toHaveLength(0);

    const run2 = await reconcile(w);
    expect(run2.code).toBe(0);
    expect(run2.revoked).toEqual([]);
    expect(revocationCommits(w)).toHaveLength(1);
  });

  test('runs missed for a day: every overdue grant is revoked in the next run, one record, and the run fails loudly', async () => {
    const w = await world();
    const t = now();
    // The last successful run was a day ago (its state is on the gitgrant-state branch).
    w.repo.commit('gitgrant-state', {
      files: {
        'state.json': JSON.stringify({
          version: 1,
          lastSuccess: iso(t - 24 * HOUR),
          lastRun: iso(t - 24 * HOUR),
          approvals: {},
          revokeFailures: {},
        }),
      },
      message: 'gitgrant: reconcile state',
      author: { login: 'github-actions[bot]', date: iso(t - 24 * HOUR) },
    });
    await aliceReadMerged(w, t - 20 * HOUR, '2h');
    const dave = frontendWrite(w, 'dave', t - 10 * HOUR, '4h');
    const ivan = notebooksRead(w, t - 3 * HOUR, '1h');

    const run = await reconcile(w);
    expect(run.code).toBe(1);
    expect(run.result.stale).toBe(true);
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: expect.stringMatching(/older than twice the schedule interval \(15m\)/),
      }),
    );
    // …but it still revoked everything overdue, at every provider.
    expect(run.result.failures).toEqual([]);
    expect(run.revoked.map((r) => r.grant).sort()).toEqual([
      'alice-billing-read',
      'dave-frontend-write',
      'ivan-notebooks',
    ]);
    expect(await w.pg.canRead('alice')).toBe(false);
    expect(w.gh.state.repo('acme/frontend-web').roleOf('dave')).toBe('none');
    expect(w.hooks.events()).toHaveLength(1);
    expect(openRevocationPrs(w)).toHaveLength(1);
    expect(prFiles(w, openRevocationPrs(w)[0]!.number)).toEqual([ALICE_READ, dave.path, ivan.path].sort());

    // The run converged: the next one on schedule is green again.
    const next = await reconcile(w);
    expect(next.code).toBe(0);
    expect(next.result.stale).toBe(false);
    expect(revocationPrs(w)).toHaveLength(1);
  });

  test('two overlapping runs (commit mode) make ONE revocation commit', async () => {
    const w = await world({ mode: 'commit' });
    const t = now();
    await aliceReadMerged(w, t - 6 * HOUR);
    frontendWrite(w, 'dave', t - 5 * HOUR, '2h');
    const [a, b] = await Promise.all([reconcile(w), reconcile(w)]);
    expect({ a: a.code, b: b.code }).toEqual({ a: 0, b: 0 });
    expect(revocationCommits(w)).toHaveLength(1);
    expect(mainFiles(w)).toEqual([]);
    expect(await w.pg.canRead('alice')).toBe(false);
  });

  test('two overlapping runs (pull-request mode) open ONE revocation PR', async () => {
    const w = await world();
    const t = now();
    await aliceReadMerged(w, t - 6 * HOUR);
    frontendWrite(w, 'dave', t - 5 * HOUR, '2h');
    const [a, b] = await Promise.all([reconcile(w), reconcile(w)]);
    expect({ a: a.code, b: b.code, a_f: a.result.failures, b_f: b.result.failures }).toEqual({
      a: 0,
      b: 0,
      a_f: [],
      b_f: [],
    });
    expect(revocationPrs(w)).toHaveLength(1);
  });

  test('a provider refusing the revocation (403): run red, file kept and retried; ONE alert issue after 3 runs, updated on run 4', async () => {
    const w = await world();
    const g = frontendWrite(w, 'dave', now() - 5 * HOUR, '2h');
    w.gh.injectFault({
      method: 'DELETE',
      path: '/repos/acme/frontend-web/collaborators/dave',
      status: 403,
      body: {
        message: 'Must have admin rights to Repository.',
        documentation_url: 'https://docs.github.com/rest',
      },
      times: Infinity,
    });
    for (let i = 1; i <= 4; i++) {
      const run = await reconcile(w);
      expect(run.code).toBe(1);
      expect(run.result.kept).toEqual([g.path]);
      expect(run.result.failures).toEqual([
        expect.objectContaining({ file: g.path, resource: 'frontend-web', retryable: false }),
      ]);
      expect(mainFiles(w)).toContain(g.path);
      expect(revocationPrs(w)).toHaveLength(0);
      expect(w.gh.state.repo('acme/frontend-web').roleOf('dave')).toBe('write');
      expect(alertIssues(w)).toHaveLength(i >= 3 ? 1 : 0);
    }
    const [issue] = alertIssues(w);
    expect(issue!.title).toContain('dave-frontend-write');
    expect(issue!.body).toContain('**Failed runs in a row:** 4');
    expect(issue!.state).toBe('open');

    // Fixed: the next run revokes, records, and closes the alert.
    w.gh.clearFaults();
    const ok = await reconcile(w);
    expect(ok.code).toBe(0);
    expect(w.gh.state.repo('acme/frontend-web').roleOf('dave')).toBe('none');
    expect(openRevocationPrs(w)).toHaveLength(1);
    expect(alertIssues(w)).toHaveLength(1);
    expect(alertIssues(w)[0]!.state).toBe('closed');
  });

  test('a 502 after 2 of 3 revocations: the next run finishes, and ONE record holds all three', async () => {
    const w = await world();
    const t = now();
    const a = frontendWrite(w, 'bob', t - 7 * HOUR, '2h', 'a-bob');
    const b = frontendWrite(w, 'dave', t - 6 * HOUR, '2h', 'b-dave');
    const c = frontendWrite(w, 'frank', t - 5 * HOUR, '2h', 'c-frank');
    w.gh.injectFault({
      method: 'DELETE',
      path: '/repos/acme/frontend-web/collaborators/frank',
      status: 502,
      times: Infinity,
    });
    const run1 = await reconcile(w);
    expect(run1.code).toBe(1);
    expect(run1.result.failures).toEqual([expect.objectContaining({ file: c.path, retryable: true })]);
    expect(run1.result.kept).toEqual([c.path]);
    expect(prFiles(w, openRevocationPrs(w)[0]!.number)).toEqual([a.path, b.path]);

    w.gh.clearFaults();
    const run2 = await reconcile(w);
    expect(run2.code).toBe(0);
    expect(revocationPrs(w)).toHaveLength(1);
    expect(prFiles(w, openRevocationPrs(w)[0]!.number)).toEqual([a.path, b.path, c.path]);
    const repo = w.gh.state.repo('acme/frontend-web');
    expect(['bob', 'dave', 'frank'].map((p) => repo.roleOf(p))).toEqual(['none', 'none', 'none']);
  });

  test('a revocation PR merged by hand between runs, or during a run: no new commit or PR, no failure', async () => {
    const w = await world();
    await aliceReadMerged(w, now() - 5 * HOUR);
    const run1 = await reconcile(w);
    expect(run1.code).toBe(0);
    const [pr] = openRevocationPrs(w);

    // During a run: the run's checkout still has the file, main no longer does.
    const stale = await checkout(w);
    w.repo.mergePullRequest(pr!, { by: 'grace' });
    const mainAfterMerge = w.repo.branchSha('main');
    expect(mainFiles(w)).not.toContain(ALICE_READ);
    try {
      const during = await runReconcileAction(w, { env: { ...w.env, GITHUB_WORKSPACE: stale } });
      expect(during.code).toBe(0);
      expect(during.result.record).toEqual({ kind: 'none', files: [] });
    } finally {
      rmSync(stale, { recursive: true, force: true });
    }
    // Between runs: a fresh checkout without the file.
    const after = await reconcile(w);
    expect(after.code).toBe(0);
    expect(after.revoked).toEqual([]);
    expect(w.repo.branchSha('main')).toBe(mainAfterMerge);
    expect(revocationPrs(w)).toHaveLength(1);
    expect(openRevocationPrs(w)).toHaveLength(0);
  });

  test('an expired grant re-added by a revert commit without a PR is never applied, reported, and revoked when it expires', async () => {
    const w = await world({ mode: 'commit' });
    await aliceReadMerged(w, now() - 5 * HOUR);
    expect((await reconcile(w)).code).toBe(0);
    expect(mainFiles(w)).not.toContain(ALICE_READ);

    // Someone pushes a revert of the revocation commit straight to main.
    const readdedAt = Math.floor((now() - HOUR) / 1000) * 1000;
    w.repo.commit('main', {
      files: { [ALICE_READ]: grantYaml(aliceRead()) },
      message: 'Revert "gitgrant: revoke expired grant alice-billing-read"',
      author: { login: 'alice', date: iso(readdedAt) },
    });
    const run = await reconcile(w);
    expect(run.code).toBe(0);
    expect(run.granted).toEqual([]);
    expect(await w.pg.canRead('alice')).toBe(false);
    expect(run.result.not_approved).toEqual([
      expect.objectContaining({
        file: ALICE_READ,
        person: 'alice',
        reasons: [expect.stringMatching(/^not-approved-at-merge: .*without a merged pull request/)],
      }),
    ]);
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        message: expect.stringContaining('not approved at merge'),
      }),
    );
    expect(run.summary).toContain('Not granted');

    // Its window (from the re-add) ends: revoked (nothing to remove) and recorded.
    const ws = await checkout(w);
    const stateDir = mkdtempSync(join(tmpdir(), 'gitgrant-state-'));
    try {
      const cli = await runCli(
        w,
        [
          'reconcile',
          '--github',
          'acme/access',
          '--repo',
          ws,
          '--state',
          join(stateDir, 'state.json'),
          '--now',
          iso(readdedAt + 4 * HOUR),
          '--format',
          'json',
        ],
        w.env,
      );
      expect(cli.code).toBe(0);
      const result = JSON.parse(cli.stdout) as {
        revoked: Array<{ grant: string; changed: boolean }>;
        record: { kind: string };
      };
      expect(result.revoked).toEqual([
        expect.objectContaining({ grant: 'alice-billing-read', changed: false }),
      ]);
      expect(result.record.kind).toBe('commit');
      expect(mainFiles(w)).not.toContain(ALICE_READ);
      expect(revocationCommits(w)).toHaveLength(2);
    } finally {
      rmSync(ws, { recursive: true, force: true });
      rmSync(stateDir, { recursive: true, force: true });
    }
  });

  test('a grant file changed on main by a direct push after it landed: the change is never applied; at the reviewed end both versions are revoked', async () => {
    const w = await world();
    const m = await aliceReadMerged(w, now() - HOUR, '4h');
    w.repo.commit('main', {
      files: { [ALICE_READ]: grantYaml({ ...aliceRead('8h'), access: 'write' }) },
      message: 'widen my grant',
      author: { login: 'alice', date: iso(now() - 30 * MINUTE) },
    });
    const run = await reconcile(w);
    expect(run.code).toBe(0);
    expect(run.granted).toEqual([]);
    expect(await w.pg.isMember('alice', 'billing_write')).toBe(false);
    expect(await w.pg.canRead('alice')).toBe(true); // the reviewed grant stays in force
    expect(run.result.drift).toEqual([]);
    expect(run.result.not_approved).toEqual([
      expect.objectContaining({ file: ALICE_READ, reasons: [expect.stringMatching(/^grant-modified: /)] }),
    ]);

    // Someone also gave alice write by hand; at the reviewed end (merge + 4h, not + 8h) both go.
    await w.pg.admin.query(`GRANT "${w.pg.role('billing_write')}" TO "${w.pg.role('alice')}"`);
    const ws = await checkout(w);
    const stateDir = mkdtempSync(join(tmpdir(), 'gitgrant-state-'));
    try {
      const end = Date.parse(m.mergedAt) + 4 * HOUR;
      const cli = await runCli(
        w,
        [
          'reconcile',
          '--github',
          'acme/access',
          '--repo',
          ws,
          '--state',
          join(stateDir, 's.json'),
          '--now',
          iso(end),
          '--format',
          'json',
        ],
        w.env,
      );
      expect(cli.code).toBe(0);
      const result = JSON.parse(cli.stdout) as {
        revoked: Array<{ access: string; changed: boolean }>;
        record: { kind: string };
      };
      expect(result.revoked.map((r) => [r.access, r.changed]).sort()).toEqual([
        ['read', true],
        ['write', true],
      ]);
      expect(result.record.kind).toBe('pull-request');
      expect(await w.pg.canRead('alice')).toBe(false);
      expect(await w.pg.isMember('alice', 'billing_write')).toBe(false);
    } finally {
      rmSync(ws, { recursive: true, force: true });
      rmSync(stateDir, { recursive: true, force: true });
    }
  });

  test('re-apply: an active approved grant whose access was removed by hand is granted again', async () => {
    const w = await world();
    const t = now();
    await aliceReadMerged(w, t - HOUR);
    const dave = frontendWrite(w, 'dave', t - HOUR, '4h');
    await w.pg.admin.query(`REVOKE "${w.pg.role('billing_read')}" FROM "${w.pg.role('alice')}"`);
    w.gh.state.repo('acme/frontend-web').removeCollaborator('dave');
    expect(await w.pg.canRead('alice')).toBe(false);

    const run = await reconcile(w);
    expect(run.code).toBe(0);
    expect(run.granted.map((g) => [g.grant, g.resource, g.changed]).sort()).toEqual([
      ['alice-billing-read', 'billing-db-prod', true],
      ['dave-frontend-write', 'frontend-web', true],
    ]);
    expect(await w.pg.canRead('alice')).toBe(true);
    expect(
      [...w.gh.state.repo('acme/frontend-web').invitations.values()].map((i) => [i.invitee.login, i.role]),
    ).toEqual([['dave', 'write']]);
    expect(run.result.drift).toEqual([]);
    expect(mainFiles(w)).toContain(dave.path);
    // Converged: the next run changes nothing.
    const again = await reconcile(w);
    expect(again.granted).toEqual([]);
    expect(again.result.drift).toEqual([]);
  });

  // The backstop to apply (src/commands/deletions.ts): a grant file deleted before its end is
  // revoked by apply on that push; when apply failed or never ran, reconcile revokes it.
  test('grants deleted before their end whose apply never ran: the next run revokes them at every provider, once', async () => {
    const w = await world();
    const t = now();
    const alice = await aliceReadMerged(w, t - HOUR);
    const dave = frontendWrite(w, 'dave', t - HOUR, '4h');
    const ivan = notebooksRead(w, t - HOUR, '4h');
    // erin's write is her baseline on billing-db-prod: a deleted grant of erin keeps it.
    const erin = mergeApprovedGrant(w, {
      path: 'grants/production/billing/erin-billing-write.yaml',
      grant: { requester: 'erin', access: 'write', duration: '4h', resources: ['billing-db-prod'] },
      resources: ['billing-db-prod'],
      approver: 'bob',
      mergedAt: t - HOUR,
    });
    // A first run sets the watermark (nothing deleted yet, nothing revoked).
    const first = await reconcile(w);
    expect(first.code).toBe(0);
    expect(first.result.deleted).toEqual([]);
    expect(await w.pg.canRead('alice')).toBe(true);

    w.repo.commit('main', {
      files: { [alice.path]: null, [dave.path]: null, [ivan.path]: null, [erin.path]: null },
      message: 'Access no longer needed',
      author: { login: 'grace', date: iso(now() - MINUTE) },
    });
    const run = await reconcile(w);
    expect({ code: run.code, failures: run.result.failures }).toEqual({ code: 0, failures: [] });
    expect(run.result.deleted!.map((d) => [d.file, d.resource, d.changed]).sort()).toEqual(
      [
        [alice.path, 'billing-db-prod', true],
        [dave.path, 'frontend-web', true],
        [erin.path, 'billing-db-prod', false],
        [ivan.path, 'ds-notebooks', true],
      ].sort(),
    );
    expect(await w.pg.canRead('alice')).toBe(false);
    expect(await w.pg.isMember('erin', 'billing_write')).toBe(true);
    expect(w.gh.state.repo('acme/frontend-web').roleOf('dave')).toBe('none');
    const revokes = () => w.hooks.events().filter((e) => e.event.type === 'revoke');
    expect(revokes().map((e) => [e.event.grant_id, e.event.person])).toEqual([['ivan-notebooks', 'ivan']]);
    // Nothing is recorded for deleted files (their deletion is the record), and no drift.
    expect(revocationPrs(w)).toHaveLength(0);
    expect(run.result.drift).toEqual([]);

    // Confirmed: the next run takes no deletion again and sends nothing.
    const again = await reconcile(w);
    expect(again.code).toBe(0);
    expect(again.result.deleted).toEqual([]);
    expect(revokes()).toHaveLength(1);
  });

  test('a deleted grant whose revocation keeps failing: retried every run, ONE alert after 3 runs, closed when confirmed', async () => {
    const w = await world();
    const dave = frontendWrite(w, 'dave', now() - HOUR, '4h');
    expect((await reconcile(w)).code).toBe(0);
    w.repo.commit('main', {
      files: { [dave.path]: null },
      message: 'Revoke dave early',
      author: { login: 'grace', date: iso(now() - MINUTE) },
    });
    w.gh.injectFault({
      method: 'DELETE',
      path: '/repos/acme/frontend-web/collaborators/dave',
      status: 502,
      times: Infinity,
    });
    for (let i = 1; i <= 3; i++) {
      const run = await reconcile(w);
      expect(run.code).toBe(1);
      expect(run.result.failures).toEqual([
        expect.objectContaining({ file: dave.path, resource: 'frontend-web', retryable: true }),
      ]);
      expect(w.gh.state.repo('acme/frontend-web').roleOf('dave')).toBe('write');
      expect(alertIssues(w)).toHaveLength(i >= 3 ? 1 : 0);
    }
    expect(alertIssues(w)[0]!.body).toContain('Every reconcile run retries the revocation');

    w.gh.clearFaults();
    const ok = await reconcile(w);
    expect({ code: ok.code, failures: ok.result.failures }).toEqual({ code: 0, failures: [] });
    expect(ok.result.deleted!.map((d) => [d.file, d.changed])).toEqual([[dave.path, true]]);
    expect(w.gh.state.repo('acme/frontend-web').roleOf('dave')).toBe('none');
    expect(alertIssues(w).map((i) => i.state)).toEqual(['closed']);
    expect((await reconcile(w)).result.deleted).toEqual([]);
  });

  test('the token login cannot be read: expired grants are still revoked and recorded; the run is red and writes no alert', async () => {
    const w = await world();
    await aliceReadMerged(w, now() - 5 * HOUR);
    w.gh.injectFault({ method: 'GET', path: '/user', status: 500, times: Infinity });
    const run = await reconcile(w);
    expect(run.code).toBe(1);
    expect(run.result.failures).toEqual([
      expect.objectContaining({ file: '(token identity)', message: expect.stringContaining('/user') }),
    ]);
    expect(await w.pg.canRead('alice')).toBe(false);
    expect(prFiles(w, openRevocationPrs(w)[0]!.number)).toEqual([ALICE_READ]);
    expect(alertIssues(w)).toHaveLength(0);
  });

  test('the repository cannot be read: the default branch comes from the run, and revocation goes on', async () => {
    const w = await world({ mode: 'commit' });
    await aliceReadMerged(w, now() - 5 * HOUR);
    w.gh.injectFault({ method: 'GET', path: '/repos/acme/access', status: 500, times: Infinity });
    const run = await reconcile(w);
    expect({ code: run.code, failures: run.result.failures }).toEqual({ code: 0, failures: [] });
    expect(run.stdout).toContain('using main as the default branch');
    expect(await w.pg.canRead('alice')).toBe(false);
    expect(mainFiles(w)).not.toContain(ALICE_READ);
  });

  test('policies/ broken on main by a direct push: expired grants are revoked on the last valid policies; nothing is granted; the run names the error', async () => {
    const w = await world();
    const t = now();
    await aliceReadMerged(w, t - 5 * HOUR);
    const dave = frontendWrite(w, 'dave', t - HOUR, '4h');
    w.gh.state.repo('acme/frontend-web').removeCollaborator('dave');
    w.repo.commit('main', {
      files: { 'policies/access.yaml': 'policies:\n  - name: [unterminated\n' },
      message: 'oops',
      author: { login: 'grace', date: iso(now() - MINUTE) },
    });
    const run = await reconcile(w);
    expect(run.code).toBe(1);
    expect(run.result.failures).toEqual([
      expect.objectContaining({
        file: 'policies/',
        message: expect.stringMatching(/policies\/access\.yaml:\d+:\d+ .*last valid policies/s),
      }),
    ]);
    expect(await w.pg.canRead('alice')).toBe(false);
    expect(prFiles(w, openRevocationPrs(w)[0]!.number)).toEqual([ALICE_READ]);
    // Granting needs valid policies: dave's missing access is not given back on the old ones.
    expect(run.granted).toEqual([]);
    expect(w.gh.state.repo('acme/frontend-web').roleOf('dave')).toBe('none');
    expect(mainFiles(w)).toContain(dave.path);
  });

  test('drift: access no grant or baseline explains is reported; with prune: true it is removed', async () => {
    const w = await world();
    await w.pg.admin.query(`GRANT "${w.pg.role('billing_read')}" TO "${w.pg.role('judy')}"`);
    w.gh.state.repo('acme/frontend-web').addCollaborator('mallory', 'admin');
    const run = await reconcile(w);
    expect(run.code).toBe(0);
    expect(run.result.drift).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          resource: 'billing-db-prod',
          identity: w.pg.role('judy'),
          access: 'read',
          pruned: false,
        }),
        expect.objectContaining({
          resource: 'frontend-web',
          identity: 'mallory',
          access: 'admin',
          pruned: false,
        }),
      ]),
    );
    expect(run.result.drift).toHaveLength(2);
    expect(await w.pg.canRead('judy')).toBe(true);
    expect(run.summary).toContain('Drift');

    // The resource opts in to pruning (a policy change on main).
    w.repo.commit('main', {
      files: {
        'policies/resources.yaml': resourcesYaml(w.pg, w.hooks.url('/hooks/notebooks'), { prune: true }),
      },
      message: 'billing-db-prod: prune drift',
      author: { login: 'grace', date: iso(now() - MINUTE) },
    });
    const pruned = await reconcile(w);
    expect(pruned.code).toBe(0);
    expect(pruned.result.drift).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ resource: 'billing-db-prod', identity: w.pg.role('judy'), pruned: true }),
        expect.objectContaining({ resource: 'frontend-web', identity: 'mallory', pruned: false }),
      ]),
    );
    expect(await w.pg.canRead('judy')).toBe(false);
    // The baseline stays.
    expect(await w.pg.isMember('erin', 'billing_write')).toBe(true);
  });
});

describe('reconcile (CLI, --now at the window boundaries)', () => {
  test('at end − 1 ms the grant is active and kept; at end it is revoked (the end is exclusive)', async () => {
    const w = await world({ mode: 'commit' });
    const mergedAt = Math.floor((now() - HOUR) / 1000) * 1000;
    await aliceReadMerged(w, mergedAt, '4h');
    const end = mergedAt + 4 * HOUR;
    const ws = await checkout(w);
    const stateDir = mkdtempSync(join(tmpdir(), 'gitgrant-state-'));
    const state = join(stateDir, 'state.json');
    const cli = (at: number) =>
      runCli(
        w,
        [
          'reconcile',
          '--github',
          'acme/access',
          '--repo',
          ws,
          '--state',
          state,
          '--now',
          iso(at),
          '--format',
          'json',
        ],
        w.env,
      );
    try {
      const before = await cli(end - 1);
      expect(before.code).toBe(0);
      const r1 = JSON.parse(before.stdout) as { revoked: unknown[]; now: string; record: { kind: string } };
      expect(r1.now).toBe(iso(end - 1));
      expect(r1.revoked).toEqual([]);
      expect(r1.record.kind).toBe('none');
      expect(await w.pg.canRead('alice')).toBe(true);
      expect(mainFiles(w)).toContain(ALICE_READ);

      const at = await cli(end);
      expect(at.code).toBe(0);
      const r2 = JSON.parse(at.stdout) as {
        revoked: Array<{ grant: string; end: string }>;
        record: { kind: string };
      };
      expect(r2.revoked).toEqual([expect.objectContaining({ grant: 'alice-billing-read', end: iso(end) })]);
      expect(r2.record.kind).toBe('commit');
      expect(await w.pg.canRead('alice')).toBe(false);
      expect(mainFiles(w)).not.toContain(ALICE_READ);
      const saved = JSON.parse(readFileSync(state, 'utf8')) as { lastSuccess: string };
      expect(saved.lastSuccess).toBe(iso(end));
    } finally {
      rmSync(ws, { recursive: true, force: true });
      rmSync(stateDir, { recursive: true, force: true });
    }
  });

  test('--default-branch: the repository and the login unreadable, the expired grant is still revoked and recorded', async () => {
    const w = await world({ mode: 'commit' });
    await aliceReadMerged(w, now() - 5 * HOUR);
    w.gh.injectFault({ method: 'GET', path: '/repos/acme/access', status: 500, times: Infinity });
    w.gh.injectFault({ method: 'GET', path: '/user', status: 500, times: Infinity });
    const ws = await checkout(w);
    const stateDir = mkdtempSync(join(tmpdir(), 'gitgrant-state-'));
    const args = ['reconcile', '--github', 'acme/access', '--repo', ws, '--format', 'json'];
    try {
      // Without it, the repository read stops the run before any revocation (exit 2, no trace).
      const without = await runCli(w, [...args, '--state', join(stateDir, 'a.json')], w.env);
      expect(without.code).toBe(2);
      expect(without.stderr).toContain('/repos/acme/access');
      expect(without.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
      expect(await w.pg.canRead('alice')).toBe(true);

      const run = await runCli(
        w,
        [...args, '--state', join(stateDir, 'b.json'), '--default-branch', 'main'],
        w.env,
      );
      expect(run.code).toBe(1);
      const r = JSON.parse(run.stdout) as { failures: Array<{ file: string }>; record: { kind: string } };
      expect(r.failures.map((f) => f.file)).toEqual(['(token identity)']);
      expect(r.record.kind).toBe('commit');
      expect(await w.pg.canRead('alice')).toBe(false);
      expect(mainFiles(w)).not.toContain(ALICE_READ);
    } finally {
      rmSync(ws, { recursive: true, force: true });
      rmSync(stateDir, { recursive: true, force: true });
    }
  });
});
