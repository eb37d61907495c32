/**
 * End to end: `apply` on a push to the default branch (DESIGN.md §3, §4 second row). The bundled
 * Action (`dist/action/index.js`) runs as a child process with `GITHUB_EVENT_NAME=push` and
 * `GITHUB_WORKSPACE` = a local clone exported from the fake (same commit ids), against the GitHub
 * fake, with real providers: PostgreSQL (`bash .ci/postgres.sh`), a local signed webhook receiver,
 * and the fake's collaborators API. Build first: `npm run build`.
 */
import type { FakeGitHub } from '../fake-github/server.js';
import { exportToGit } from '../fake-github/git-sync.js';
import { actionBundle, describeRun, type ActionRun } from '../helpers/action.js';
import { commentsOf, exampleFile, pushToPr } from '../helpers/acme.js';
import {
  HOOK_SECRET,
  applyPush,
  grantFile,
  parseList,
  useApplyWorlds,
  pushToMain,
  requestAndMerge,
  validatePr,
  type ApplyWorld,
} from '../helpers/apply-world.js';
import { runCli } from '../helpers/reconcile.js';
import type { ChangeEntry, Failure } from '../../src/commands/apply.js';

const APPLY_MARKER = '<!-- gitgrant:apply -->';

interface ResultOut {
  ok: boolean;
  refused: Array<{
    file: string;
    commit: string;
    pr: number | null;
    reasons: Array<{ code: string; message: string }>;
  }>;
  failures: Failure[];
  alerts: number[];
}

// `world_`: tests name their world `world`.
const { pgf, hooks, world: world_, usePostgres } = useApplyWorlds();

const granted = (run: ActionRun) => parseList<ChangeEntry>(run.outputs.granted);
const revoked = (run: ActionRun) => parseList<ChangeEntry>(run.outputs.revoked);
const resultOf = (run: ActionRun): ResultOut => JSON.parse(run.outputs.result ?? '{}') as ResultOut;

function expectOk(run: ActionRun): void {
  if (run.code !== 0) throw new Error(`expected a green run\n${describeRun(run)}\n${run.summary}`);
}
function expectFailed(run: ActionRun): void {
  if (run.code === 0) throw new Error(`expected a failed run\n${describeRun(run)}\n${run.summary}`);
  expect(run.code).toBe(1);
}

/** Requests the github provider made (collaborators and invitations of a repository) in `from..`. */
function collaboratorRequests(g: FakeGitHub, repo: string, from = 0) {
  return g.requests
    .slice(from)
    .filter(
      (r) =>
        r.path.startsWith(`/repos/${repo}/collaborators`) || r.path.startsWith(`/repos/${repo}/invitations`),
    );
}

function alerts(world: ApplyWorld) {
  return [...world.repo.issues.values()].filter(
    (i) => !i.pull && i.labels.some((l) => l.name === 'gitgrant-alert'),
  );
}

const STG_READ = (requester = 'alice') =>
  grantFile({ requester, access: 'read', duration: '4h', resources: ['billing-db-staging'] });

beforeAll(async () => {
  actionBundle(); // fails at once, with the fix, when dist/ was not built
});

describe('apply (Action, push to the default branch)', () => {
  usePostgres();

  test('happy path: an approved, merged request is granted in PostgreSQL, reported in the summary and on the PR', async () => {
    const world = await world_();
    const file = 'grants/production/billing/alice-billing-read.yaml';
    const m = await requestAndMerge(world, {
      author: 'alice',
      files: {
        [file]: grantFile({
          requester: 'alice',
          access: 'read',
          duration: '4h',
          resources: ['billing-db-prod'],
          ticket: 'INC-4711',
        }),
      },
      approvers: ['bob'],
    });
    expect(m.validation.outputs.approved).toBe('true');
    expect(await pgf.aliceSelect('invoices')).toBe('denied');

    const t0 = Date.now();
    const run = await applyPush(world, m.before, m.after);
    expectOk(run);
    expect(await pgf.aliceSelect('invoices')).toBe('ok');

    const g = granted(run);
    expect(g).toHaveLength(1);
    expect(g[0]).toMatchObject({
      file,
      person: 'alice',
      resource: 'billing-db-prod',
      provider: 'postgres',
      access: 'read',
      changed: true,
      pr: m.opened.pr.number,
    });
    const end = Date.parse(g[0]!.end!);
    const start = Date.parse(g[0]!.start!);
    expect(end - start).toBe(4 * 3600_000);
    expect(Math.abs(start - t0)).toBeLessThan(120_000);
    expect(resultOf(run)).toMatchObject({ ok: true, refused: [], failures: [] });

    // The job summary and one comment on the merged PR say what was granted and until when.
    // (Markdown escapes punctuation: compare the rendered text.)
    const rendered = (md: string) => md.replace(/\\(.)/g, '$1');
    expect(rendered(run.summary)).toContain('billing-db-prod');
    expect(rendered(run.summary)).toContain(`${g[0]!.end!} (in `);
    expect(run.summary).toMatch(/Granted/);
    const comments = commentsOf(world, m.opened.pr.number).filter((c) => c.body.includes(APPLY_MARKER));
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('billing-db-prod');
    expect(rendered(comments[0]!.body)).toContain(g[0]!.end!);

    // Rerun: converges, nothing changes, no second comment.
    const again = await applyPush(world, m.before, m.after);
    expectOk(again);
    expect(granted(again).map((e) => e.changed)).toEqual([false]);
    expect(commentsOf(world, m.opened.pr.number).filter((c) => c.body.includes(APPLY_MARKER))).toHaveLength(
      1,
    );
    expect(alerts(world)).toEqual([]);
  });

  test('a grant file pushed straight to the default branch: nothing granted, run fails, ONE alert issue (rerun updates it)', async () => {
    const world = await world_();
    const file = 'grants/staging/alice-direct.yaml';
    const { before, after } = pushToMain(world, { [file]: STG_READ() });
    const run = await applyPush(world, before, after);
    expectFailed(run);
    expect(granted(run)).toEqual([]);
    expect(await pgf.aliceSelect('stg')).toBe('denied');
    const r = resultOf(run);
    expect(r.refused).toHaveLength(1);
    expect(r.refused[0]!.reasons.map((x) => x.code)).toEqual(['not-approved-at-merge']);

    const issues = alerts(world);
    expect(issues).toHaveLength(1);
    const text = `${issues[0]!.title}\n${issues[0]!.body}`;
    expect(text).toContain(file);
    expect(text).toContain(after);
    expect(text).toContain('not-approved-at-merge');
    expect(r.alerts).toEqual([issues[0]!.number]);

    const rerun = await applyPush(world, before, after);
    expectFailed(rerun);
    expect(alerts(world)).toHaveLength(1);
    expect(resultOf(rerun).alerts).toEqual([issues[0]!.number]);
    expect(await pgf.aliceSelect('stg')).toBe('denied');
  });

  test('a granted file modified by a direct push: nothing granted from the new content, run fails, alert grant-modified', async () => {
    const world = await world_();
    const file = 'grants/staging/alice-modified.yaml';
    const m = await requestAndMerge(world, { author: 'alice', files: { [file]: STG_READ() } });
    expectOk(await applyPush(world, m.before, m.after));
    const p = pushToMain(world, {
      [file]: grantFile({
        requester: 'alice',
        access: 'write',
        duration: '4h',
        resources: ['billing-db-staging'],
      }),
    });
    const run = await applyPush(world, p.before, p.after);
    expectFailed(run);
    expect(granted(run)).toEqual([]);
    expect(resultOf(run).refused.map((r) => r.reasons.map((x) => x.code))).toEqual([['grant-modified']]);
    expect(alerts(world)).toHaveLength(1);
    expect(await pgf.aliceRoles()).toEqual([pgf.roles.stgRead]);
  });

  test('a merged PR whose approval was on an older head is not approved at merge', async () => {
    const world = await world_();
    const file = 'grants/production/billing/alice-old-head.yaml';
    const content = grantFile({
      requester: 'alice',
      access: 'read',
      duration: '4h',
      resources: ['billing-db-prod'],
      ticket: 'INC-4711',
    });
    const m = await requestAndMerge(world, {
      author: 'alice',
      files: { [file]: content },
      approvers: ['bob'],
      beforeMerge: async (opened) => {
        // A new commit after the approval (the reviewed head is no longer the head).
        pushToPr(world, opened, { 'docs/notes.md': 'notes\n' });
        await validatePr(world, opened);
      },
    });
    const run = await applyPush(world, m.before, m.after);
    expectFailed(run);
    expect(granted(run)).toEqual([]);
    const r = resultOf(run);
    expect(r.refused.map((x) => x.file)).toEqual([file]);
    expect(r.refused[0]!.reasons[0]!.code).toBe('not-approved-at-merge');
    expect(await pgf.aliceSelect('invoices')).toBe('denied');
    expect(alerts(world)).toHaveLength(1);
  });

  test('policy tightened between approval and merge: the first parent refuses, nothing granted', async () => {
    const world = await world_();
    const file = 'grants/production/billing/alice-tightened.yaml';
    const m = await requestAndMerge(world, {
      author: 'alice',
      files: {
        [file]: grantFile({
          requester: 'alice',
          access: 'read',
          duration: '4h',
          resources: ['billing-db-prod'],
          ticket: 'INC-4711',
        }),
      },
      approvers: ['bob'],
      beforeMerge: () => {
        const access = exampleFile('policies/access.yaml').replace(
          'read: { max_duration: 8h, approvals: [{ from: [group:sre], count: 1 }] }',
          'read: { max_duration: 8h, approvals: [{ from: [group:sre], count: 2 }] }',
        );
        expect(access).not.toBe(exampleFile('policies/access.yaml'));
        pushToMain(world, { 'policies/access.yaml': access }, 'production reads need two SREs');
      },
    });
    expect(m.validation.outputs.approved).toBe('true');
    const run = await applyPush(world, m.before, m.after);
    expectFailed(run);
    expect(granted(run)).toEqual([]);
    const r = resultOf(run);
    expect(r.refused).toHaveLength(1);
    expect(r.refused[0]!.reasons[0]!.code).toBe('not-approved-at-merge');
    expect(r.refused[0]!.reasons[0]!.message).toMatch(/approval-missing|approv/);
    expect(await pgf.aliceSelect('invoices')).toBe('denied');
  });

  test('resolution changed between review and merge (a tag change widens the selector): resolution-changed', async () => {
    const world = await world_();
    const file = 'grants/staging/alice-notebooks.yaml';
    const m = await requestAndMerge(world, {
      author: 'alice',
      files: {
        [file]: grantFile({
          requester: 'alice',
          access: 'read',
          duration: '4h',
          resources: [{ env: 'staging', team: 'billing', kind: 'notebook' }],
        }),
      },
      beforeMerge: () => {
        const cur = readFileAtMain(world, 'policies/resources.yaml');
        const next = cur.replace(
          'tags: { env: staging, team: data-science, kind: notebook }',
          'tags: { env: staging, team: billing, kind: notebook }',
        );
        expect(next).not.toBe(cur);
        pushToMain(world, { 'policies/resources.yaml': next }, 'ds-notebooks moves to billing');
      },
    });
    expect(m.validation.outputs.approved).toBe('true');
    const run = await applyPush(world, m.before, m.after);
    expectFailed(run);
    expect(granted(run)).toEqual([]);
    const r = resultOf(run);
    expect(r.refused.map((x) => x.reasons.map((y) => y.code))).toEqual([['resolution-changed']]);
    expect(hooks.events()).toEqual([]);
  });

  test('two grants for the same person and resource, one deleted: access remains (held by the other)', async () => {
    const world = await world_();
    const a = 'grants/staging/alice-stg-a.yaml';
    const b = 'grants/staging/alice-stg-b.yaml';
    const m1 = await requestAndMerge(world, { author: 'alice', files: { [a]: STG_READ() } });
    expectOk(await applyPush(world, m1.before, m1.after));
    const m2 = await requestAndMerge(world, { author: 'alice', files: { [b]: STG_READ() } });
    const r2 = await applyPush(world, m2.before, m2.after);
    expectOk(r2);
    expect(granted(r2).map((e) => [e.file, e.changed])).toEqual([[b, false]]);
    expect(await pgf.aliceSelect('stg')).toBe('ok');

    const d1 = pushToMain(world, { [a]: null }, 'revoke a early');
    const r3 = await applyPush(world, d1.before, d1.after);
    expectOk(r3);
    expect(revoked(r3)).toMatchObject([{ file: a, resource: 'billing-db-staging', changed: false }]);
    expect(await pgf.aliceSelect('stg')).toBe('ok');

    const d2 = pushToMain(world, { [b]: null }, 'revoke b early');
    const r4 = await applyPush(world, d2.before, d2.after);
    expectOk(r4);
    expect(revoked(r4)).toMatchObject([{ file: b, resource: 'billing-db-staging', changed: true }]);
    expect(await pgf.aliceSelect('stg')).toBe('denied');
  });

  test('baseline write, granted admin on a github repository, grant deleted: back to write (not removed); ≤ 3 requests per grant', async () => {
    const world = await world_();
    const sandbox = world.gh.state.repo('acme/sandbox');
    expect(sandbox.roleOf('alice')).toBe('write');
    const file = 'grants/alice-sandbox-admin.yaml';
    const m = await requestAndMerge(world, {
      author: 'alice',
      files: {
        [file]: grantFile({ requester: 'alice', access: 'admin', duration: '2h', resources: ['sandbox'] }),
      },
      approvers: ['carol'],
    });
    expect(m.validation.outputs.approved).toBe('true');
    const from = world.gh.requests.length;
    const run = await applyPush(world, m.before, m.after);
    expectOk(run);
    expect(sandbox.roleOf('alice')).toBe('admin');
    expect(granted(run)).toMatchObject([
      { resource: 'sandbox', provider: 'github', access: 'admin', changed: true },
    ]);
    // Bench-style count: the github provider's requests for this one applied grant.
    const calls = collaboratorRequests(world.gh, 'acme/sandbox', from);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.length).toBeLessThanOrEqual(3);
    // The provider used the app token, not the workflow token.
    expect(new Set(calls.map((c) => c.login))).toEqual(new Set(['gitgrant-app[bot]']));

    const d = pushToMain(world, { [file]: null }, 'done early');
    const r2 = await applyPush(world, d.before, d.after);
    expectOk(r2);
    expect(revoked(r2)).toMatchObject([{ resource: 'sandbox', changed: true }]);
    expect(sandbox.roleOf('alice')).toBe('write');
  });

  test('provider fails on the second of three resources: run fails, nothing false reported; rerun completes without duplicates', async () => {
    const world = await world_();
    const file = 'grants/staging/alice-three.yaml';
    hooks.behaviours.set('/hooks/billing-notebooks', () => ({
      status: 400,
      body: { error: 'no such user' },
    }));
    const m = await requestAndMerge(world, {
      author: 'alice',
      files: {
        [file]: grantFile({
          requester: 'alice',
          access: 'read',
          duration: '4h',
          resources: ['billing-db-staging', 'billing-notebooks', 'billing-repo-staging'],
        }),
      },
    });
    const run = await applyPush(world, m.before, m.after);
    expectFailed(run);
    expect(granted(run).map((e) => [e.resource, e.changed])).toEqual([
      ['billing-db-staging', true],
      ['billing-repo-staging', true],
    ]);
    const r = resultOf(run);
    expect(r.failures.map((f) => f.resource)).toEqual(['billing-notebooks']);
    expect(r.failures[0]!.message).toContain('billing-notebooks');
    expect(r.failures[0]!.retryable).toBe(false);
    expect(run.summary).toMatch(/Failed/);
    expect(run.summary).not.toMatch(/billing-notebooks`? \|[^\n]*sent/);

    hooks.behaviours.clear();
    const rerun = await applyPush(world, m.before, m.after);
    expectOk(rerun);
    expect(granted(rerun).map((e) => [e.resource, e.changed])).toEqual([
      ['billing-db-staging', false],
      ['billing-notebooks', true],
      ['billing-repo-staging', false],
    ]);
    const events = hooks.events('/hooks/billing-notebooks');
    expect(events).toHaveLength(2); // the rejected one, then the accepted one
    expect(events[0]!.idempotencyKey).toBe(events[1]!.idempotencyKey);
    expect([...world.gh.state.repo('acme/billing-staging').invitations.values()]).toHaveLength(1);
    expect(await pgf.aliceSelect('stg')).toBe('ok');
  });

  test('PostgreSQL down during apply: a clear error naming the resource, run fails; rerun with the right URL converges', async () => {
    const world = await world_();
    const file = 'grants/staging/alice-pg-down.yaml';
    const m = await requestAndMerge(world, { author: 'alice', files: { [file]: STG_READ() } });
    const run = await applyPush(world, m.before, m.after, { env: { [pgf.envName]: pgf.deadUrl } });
    expectFailed(run);
    expect(granted(run)).toEqual([]);
    const f = resultOf(run).failures;
    expect(f).toHaveLength(1);
    expect(f[0]!.resource).toBe('billing-db-staging');
    expect(f[0]!.message).toContain('billing-db-staging');
    expect(f[0]!.message).toMatch(/connect/i);
    expect(f[0]!.retryable).toBe(true);
    expect(`${run.stdout}${run.summary}`).not.toContain(new URL(pgf.url).password);
    expect(run.stdout).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace

    const rerun = await applyPush(world, m.before, m.after);
    expectOk(rerun);
    expect(granted(rerun).map((e) => [e.resource, e.changed])).toEqual([['billing-db-staging', true]]);
    expect(await pgf.aliceSelect('stg')).toBe('ok');
  });

  test('webhook receiver answers 500 then 200: granted after the provider retries (squash merge)', async () => {
    const world = await world_();
    hooks.behaviours.set('/hooks/billing-notebooks', (n) =>
      n === 0 ? { status: 500 } : { status: 200, body: {} },
    );
    const m = await requestAndMerge(world, {
      author: 'alice',
      // Squash: the reviewed head is not in the clone; the file is compared through the API.
      method: 'squash',
      files: {
        'grants/staging/alice-nb.yaml': grantFile({
          requester: 'alice',
          access: 'read',
          duration: '2h',
          resources: ['billing-notebooks'],
        }),
      },
    });
    const run = await applyPush(world, m.before, m.after);
    expectOk(run);
    expect(granted(run)).toMatchObject([{ resource: 'billing-notebooks', changed: true }]);
    const events = hooks.events('/hooks/billing-notebooks');
    expect(events).toHaveLength(2);
    expect(events[0]!.idempotencyKey).toBe(events[1]!.idempotencyKey);
    expect(events[1]!.event).toMatchObject({
      type: 'grant',
      grant_id: 'alice-nb',
      person: 'alice',
      resource: 'billing-notebooks',
      access: 'read',
      window: { start: granted(run)[0]!.start, end: granted(run)[0]!.end },
    });
  });

  test('a role name with a double quote (billing"read) is granted safely: SELECT works, nothing injected', async () => {
    const world = await world_();
    const m = await requestAndMerge(world, {
      author: 'alice',
      files: {
        'grants/staging/alice-quoted.yaml': grantFile({
          requester: 'alice',
          access: 'read',
          duration: '1h',
          resources: ['ds-quoted-db'],
        }),
      },
    });
    const run = await applyPush(world, m.before, m.after);
    expectOk(run);
    expect(granted(run)).toMatchObject([{ resource: 'ds-quoted-db', changed: true }]);
    expect(await pgf.aliceSelect('quoted')).toBe('ok');
    expect(await pgf.aliceRoles()).toContain(pgf.roles.quoted);
    expect(await pgf.tablesIntact()).toBe(true);
  });

  test('a push to a non-default branch does nothing', async () => {
    const world = await world_();
    const before = world.repo.branchSha('main')!;
    const after = world.repo.commit('feature', {
      files: { 'grants/staging/alice-feature.yaml': STG_READ() },
      author: { login: 'alice' },
    });
    await exportToGit(world.repo, world.clone, { branches: ['main', 'feature'] });
    const from = world.gh.requests.length;
    const run = await applyPush(world, before, after, { ref: 'refs/heads/feature' });
    expectOk(run);
    expect(run.stdout).toMatch(/not the default branch/);
    expect(run.outputs.granted).toBeUndefined();
    expect(world.gh.requests.slice(from)).toEqual([]);
    expect(alerts(world)).toEqual([]);
    expect(await pgf.aliceSelect('stg')).toBe('denied');
  });

  test('gitgrant apply (CLI) against the fake: grants the merged request and prints JSON', async () => {
    const world = await world_();
    const m = await requestAndMerge(world, {
      author: 'alice',
      files: { 'grants/staging/alice-cli.yaml': STG_READ() },
    });
    await exportToGit(world.repo, world.clone, { branches: ['main'] });
    const cli = await runCli(
      world,
      [
        'apply',
        '--before',
        m.before,
        '--after',
        m.after,
        '--github',
        'acme/access',
        '--repo',
        world.clone,
        '--format',
        'json',
      ],
      { GITGRANT_APP_TOKEN: undefined, [pgf.envName]: pgf.url, GG_HOOK_SECRET: HOOK_SECRET },
    );
    if (cli.code !== 0) throw new Error(`CLI failed (${cli.code})\n${cli.stdout}\n${cli.stderr}`);
    const out = JSON.parse(cli.stdout) as { ok: boolean; granted: ChangeEntry[] };
    expect(out.ok).toBe(true);
    expect(out.granted.map((e) => [e.resource, e.changed])).toEqual([['billing-db-staging', true]]);
    expect(await pgf.aliceSelect('stg')).toBe('ok');

    // Text output, rerun: converges.
    const again = await runCli(
      world,
      ['apply', '--before', m.before, '--after', m.after, '--github', 'acme/access', '--repo', world.clone],
      { GITGRANT_APP_TOKEN: undefined, [pgf.envName]: pgf.url },
    );
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('billing-db-staging');
  });
});

function readFileAtMain(world: ApplyWorld, path: string): string {
  const sha = world.repo.branchSha('main')!;
  const commit = world.repo.getCommit(sha)!;
  const flat = world.repo.objects.flatten(commit.tree);
  const e = flat.get(path);
  if (!e) throw new Error(`${path} not on main`);
  return world.repo.objects.getBlob(e.sha)!.content.toString('utf8');
}
