/**
 * End to end: extensions (docs/extension.md) and break-glass (docs/break-glass.md) through the
 * bundled Action and CLI (`dist/`) as child processes, against the GitHub fake, with real
 * PostgreSQL role membership. Build first: `npm run build`. Needs PostgreSQL: `bash .ci/postgres.sh`.
 */
import { jest } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportToGit } from '../fake-github/git-sync.js';
import { actionBundle, describeRun, runAction, type ActionRun } from '../helpers/action.js';
import { commentsOf, exampleFile, openPullRequest, pullRequestPayload, review } from '../helpers/acme.js';
import {
  HOOK_SECRET,
  applyPush,
  grantFile,
  parseList,
  useApplyWorlds,
  pushToMain,
  type ApplyWorld,
} from '../helpers/apply-world.js';
import { HOUR, MINUTE, cliBundle, iso, runCli, runReconcileAction } from '../helpers/reconcile.js';

jest.setTimeout(180_000);

// `world_`: tests name their world `world`.
const { pgf, world: world_, usePostgres } = useApplyWorlds();
let n = 0;

interface Entry {
  grant: string;
  resource: string;
  changed: boolean;
  start?: string;
  end?: string;
}

beforeAll(async () => {
  actionBundle();
  cliBundle();
});

const env = () => ({ [pgf.envName]: pgf.url, GG_HOOK_SECRET: HOOK_SECRET });

function ok(run: ActionRun): void {
  if (run.code !== 0) throw new Error(`expected a green run\n${describeRun(run)}\n${run.summary}`);
}

/** A PR from alice adding FILE, approved by APPROVERS, validated by the Action with the default branch checked out (full history). */
async function request(world: ApplyWorld, file: string, yaml: string, approvers: string[]) {
  const opened = openPullRequest(world, {
    author: 'alice',
    branch: `x/alice-${++n}`,
    files: { [file]: yaml },
  });
  for (const a of approvers) review(world, opened.pr, a, 'APPROVED');
  await exportToGit(world.repo, world.clone, { branches: ['main'] });
  const validation = await runAction({
    gh: world.gh,
    event: 'pull_request_target',
    payload: pullRequestPayload(world, opened.pr, 'synchronize'),
    inputs: { command: 'validate' },
    env: { GITHUB_WORKSPACE: world.clone },
  });
  return { opened, validation };
}

function merge(
  world: ApplyWorld,
  opened: { pr: Parameters<ApplyWorld['repo']['mergePullRequest']>[0] },
  date?: number,
) {
  const before = world.repo.branchSha('main')!;
  const after = world.repo.mergePullRequest(opened.pr, {
    method: 'merge',
    by: 'grace',
    ...(date !== undefined ? { date: iso(Math.floor(date / 1000) * 1000) } : {}),
  });
  return { before, after };
}

const result = (run: ActionRun) => JSON.parse(run.outputs.result ?? '{}') as Record<string, unknown>;
const READ = (extendsId?: string) =>
  grantFile({
    requester: 'alice',
    access: 'read',
    duration: '4h',
    resources: ['billing-db-prod'],
    ticket: 'INC-4711',
  }) + (extendsId ? `extends: ${extendsId}\n` : '');

describe('extensions (extends:)', () => {
  usePostgres();
  test('extending a live grant continues its window without a gap: validate green, apply changes nothing, reconcile at the old end keeps the access; a 3rd extension beyond max_extensions 2 is refused', async () => {
    const world = await world_();
    const F = (i: number) => `grants/production/billing/alice-read-${i}.yaml`;
    // production-data reads may be extended twice (docs/extension.md's example).
    const line = 'read: { max_duration: 8h, approvals: [{ from: [group:sre], count: 1 }] }';
    const access = exampleFile('policies/access.yaml');
    expect(access).toContain(line);
    pushToMain(world, {
      'policies/access.yaml': access.replace(line, `${line.slice(0, -2)}, max_extensions: 2 }`),
    });

    // The original grant: approved by an SRE, applied.
    const r0 = await request(world, F(0), READ(), ['bob']);
    expect(r0.validation.outputs.approved).toBe('true');
    const m0 = merge(world, r0.opened);
    const a0 = await applyPush(world, m0.before, m0.after, { env: env() });
    ok(a0);
    const g0 = parseList<Entry>(a0.outputs.granted);
    expect(g0).toEqual([expect.objectContaining({ grant: 'alice-read-0', changed: true })]);
    expect(await pgf.aliceSelect('invoices')).toBe('ok');

    // Extension 1, while grant 0 is active.
    const r1 = await request(world, F(1), READ('alice-read-0'), ['bob']);
    expect(r1.validation.outputs.approved).toBe('true');
    const m1 = merge(world, r1.opened);
    const a1 = await applyPush(world, m1.before, m1.after, { env: env() });
    ok(a1);
    const g1 = parseList<Entry>(a1.outputs.granted);
    // Already held through grant 0: the provider changes nothing; the window starts at grant 0's end.
    expect(g1).toEqual([
      expect.objectContaining({ grant: 'alice-read-1', changed: false, start: g0[0]!.end }),
    ]);
    const end0 = Date.parse(g0[0]!.end!);
    expect(Date.parse(g1[0]!.end!) - end0).toBe(4 * HOUR);

    // plan shows the continued window.
    await exportToGit(world.repo, world.clone, { branches: ['main'] });
    const plan = await runCli(world, [
      'plan',
      '--repo',
      world.clone,
      '--now',
      iso(end0 - MINUTE),
      '--format',
      'json',
    ]);
    expect(plan.code).toBe(0);
    const planned = (
      JSON.parse(plan.stdout) as {
        grants: Array<{ id: string; state: string; start: string; action: string }>;
      }
    ).grants;
    expect(planned.find((g) => g.id === 'alice-read-1')).toMatchObject({
      state: 'pending',
      action: 'continues',
      start: g0[0]!.end,
    });

    // Reconcile one minute after grant 0 ended: grant 0 is revoked, but the extension keeps the access (held).
    const stateDir = mkdtempSync(join(tmpdir(), 'gitgrant-ext-state-'));
    try {
      const rec = await runCli(
        world,
        [
          'reconcile',
          '--github',
          'acme/access',
          '--repo',
          world.clone,
          '--state',
          join(stateDir, 's.json'),
          '--now',
          iso(end0 + MINUTE),
          '--no-record',
          '--format',
          'json',
        ],
        env(),
      );
      expect(rec.code).toBe(0);
      const out = JSON.parse(rec.stdout) as { revoked: Entry[] };
      expect(out.revoked).toEqual([expect.objectContaining({ grant: 'alice-read-0', changed: false })]);
      expect(await pgf.aliceSelect('invoices')).toBe('ok');
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }

    // Extension 2 (chain 2): allowed by max_extensions: 2.
    const r2 = await request(world, F(2), READ('alice-read-1'), ['bob']);
    expect(r2.validation.outputs.approved).toBe('true');
    const m2 = merge(world, r2.opened);
    ok(await applyPush(world, m2.before, m2.after, { env: env() }));

    // Extension 3 (chain 3): refused on the pull request…
    const r3 = await request(world, F(3), READ('alice-read-2'), ['bob']);
    expect(r3.validation.outputs.approved).toBe('false');
    const v3 = result(r3.validation) as {
      results: Array<{ errors: Array<{ code: string; message: string }> }>;
    };
    expect(v3.results[0]!.errors.map((e) => e.code)).toEqual(['extension-limit']);
    expect(v3.results[0]!.errors[0]!.message).toContain('at most 2');
    // …and, merged anyway (an admin bypass), refused at merge: nothing granted, one alert.
    const m3 = merge(world, r3.opened);
    const a3 = await applyPush(world, m3.before, m3.after, { env: env() });
    expect(a3.code).toBe(1);
    expect(parseList(a3.outputs.granted)).toEqual([]);
    const refused = (result(a3) as { refused: Array<{ file: string; reasons: Array<{ message: string }> }> })
      .refused;
    expect(refused).toEqual([expect.objectContaining({ file: F(3) })]);
    expect(refused[0]!.reasons[0]!.message).toContain('extension-limit');
  });

  test('an extension of a grant whose window already ended is extension-invalid on the pull request', async () => {
    const world = await world_();
    const F0 = 'grants/production/billing/alice-old.yaml';
    const r0 = await request(world, F0, READ(), ['bob']);
    merge(world, r0.opened, Date.now() - 5 * HOUR); // window ended an hour ago
    const r1 = await request(world, 'grants/production/billing/alice-old-2.yaml', READ('alice-old'), ['bob']);
    expect(r1.validation.outputs.approved).toBe('false');
    const v = result(r1.validation) as { results: Array<{ errors: Array<{ code: string }> }> };
    expect(v.results[0]!.errors.map((e) => e.code)).toEqual(['extension-invalid']);
  });
});

// ------------------------------------------------------------------------------------ break-glass

const INCIDENT = (write: string) => ({
  'policies/incident.yaml': `resources:
  - id: vault-db
    provider: postgres
    tags: { env: incident-test, team: platform, kind: vault }
    config: { connection_env: ${pgf.envName}, roles: { emergency: ${JSON.stringify(write)} } }
policies:
  - name: incident-access
    description: Break-glass for incidents; security reviews afterwards.
    resources: { match: { env: incident-test } }
    requesters: [group:engineering]
    access:
      emergency: { max_duration: 2h, approvals: [], break_glass: { review_within: 1h, reviewers: [group:security] } }
`,
});
const GLASS = 'grants/incident/alice-vault-emergency.yaml';
const glassYaml = () =>
  grantFile({ requester: 'alice', access: 'emergency', duration: '2h', resources: ['vault-db'] });
const retroIssues = (world: ApplyWorld) =>
  [...world.repo.issues.values()].filter(
    (i) => !i.pull && i.labels.some((l) => l.name === 'gitgrant-retro-review'),
  );

async function breakGlassMerged(world: ApplyWorld) {
  pushToMain(world, INCIDENT(pgf.roles.write), 'policies: incident break-glass');
  const r = await request(world, GLASS, glassYaml(), []);
  // Landed 90 minutes ago: the 1h retro-review deadline passed 30 minutes ago, the 2h window is still open.
  const m = merge(world, r.opened, Date.now() - 90 * MINUTE);
  return { ...r, ...m };
}

describe('break-glass', () => {
  usePostgres();
  test('validate passes without approvals and says so; apply grants and opens ONE retro-review issue; reconcile without the review revokes early and records it', async () => {
    const world = await world_();
    const r = await breakGlassMerged(world);
    expect(r.validation.outputs.approved).toBe('true');
    // (markdown-escaped in the comment: unescape to read it as a reviewer does)
    const sticky = commentsOf(world, r.opened.pr.number)
      .map((c) => c.body.replace(/\\(.)/g, '$1'))
      .join('\n');
    expect(sticky).toContain(
      'break-glass: no approval before merge; a retro-review by group:security is required within 1h or access is revoked',
    );

    const a = await applyPush(world, r.before, r.after, { env: env() });
    ok(a);
    expect(parseList<Entry>(a.outputs.granted)).toEqual([
      expect.objectContaining({ resource: 'vault-db', changed: true }),
    ]);
    expect(await pgf.aliceRoles()).toContain(pgf.roles.write);
    expect(retroIssues(world)).toHaveLength(1);
    const issue = retroIssues(world)[0]!;
    expect(issue.body).toContain(`#${r.opened.pr.number}`);
    expect(issue.body).toContain('group:security');
    expect(issue.body).toMatch(/grace, heidi/);
    // A rerun neither duplicates the issue nor changes the grant.
    ok(await applyPush(world, r.before, r.after, { env: env() }));
    expect(retroIssues(world)).toHaveLength(1);

    const rec = await runReconcileAction(world, { env: env() });
    expect(rec.code).toBe(0);
    expect(rec.revoked).toEqual([
      expect.objectContaining({ grant: 'alice-vault-emergency', resource: 'vault-db', changed: true }),
    ]);
    expect(await pgf.aliceRoles()).not.toContain(pgf.roles.write);
    const early = (rec.result as unknown as { revoked_early: Array<{ file: string; why: string }> })
      .revoked_early;
    expect(early).toEqual([expect.objectContaining({ file: GLASS })]);
    expect(early[0]!.why).toContain('no break-glass retro-review');
    // Recorded like an expiry: the one revocation pull request removes the file and says why.
    expect(rec.result.record).toMatchObject({ kind: 'pull-request', files: [GLASS] });
    const recordPr = world.repo.pulls.get(rec.result.record!.pr!)!;
    const recordCommit = world.repo.getCommit(recordPr.headSha)!;
    expect(recordCommit.message).toContain('no break-glass retro-review');
    // The issue stays open (the review is still owed) and says the access was revoked.
    expect(retroIssues(world)).toHaveLength(1);
    expect(retroIssues(world)[0]!.state).toBe('open');
    expect(retroIssues(world)[0]!.body).toContain('revoked early');
  });

  test('with a post-merge approval by a security reviewer in time, access stays until its normal end and the issue is closed', async () => {
    const world = await world_();
    const r = await breakGlassMerged(world);
    ok(await applyPush(world, r.before, r.after, { env: env() }));
    expect(retroIssues(world)).toHaveLength(1);
    // grace approves the merged pull request 10 minutes after the merge (on its merged head).
    world.repo.addReview(r.opened.pr, {
      user: { login: 'grace', id: 107, type: 'User' },
      state: 'APPROVED',
      commit_id: r.opened.headSha,
      submitted_at: iso(Date.now() - 80 * MINUTE),
    });
    const rec = await runReconcileAction(world, { env: env() });
    expect(rec.code).toBe(0);
    expect(rec.revoked).toEqual([]);
    expect(await pgf.aliceRoles()).toContain(pgf.roles.write);
    const issue = retroIssues(world)[0]!;
    expect(issue.state).toBe('closed');
    expect(
      commentsOf(world, issue.number)
        .map((c) => c.body)
        .join('\n'),
    ).toContain('approved by grace');
  });
});
