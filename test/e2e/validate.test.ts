/**
 * End to end: the bundled Action (`dist/action/index.js`) runs as a child process against the
 * loopback GitHub fake, on the acme access repository built from this repository's example files.
 * Build first: `npm run build`.
 */
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from '../fake-github/server.js';
import {
  actionBundle,
  describeRun,
  runAction,
  type ActionInputs,
  type ActionRun,
} from '../helpers/action.js';
import {
  commentsOf,
  exampleFile,
  grantYaml,
  mergeGroupPayload,
  openPullRequest,
  pullRequestPayload,
  pushToPr,
  review,
  seedAcme,
  statusesOf,
  type AcmeWorld,
  type OpenedPr,
  type SeedOptions,
} from '../helpers/acme.js';

const MARKER = '<!-- gitgrant:validate -->';
const CONTEXT = 'gitgrant/approval';

/** alice asks for write on billing-db-prod: one DBA (carol, erin) and one code owner of grants/production/billing/ (erin, carol). */
const WRITE_PATH = 'grants/production/billing/alice-billing-write.yaml';
const WRITE_GRANT = grantYaml({
  requester: 'alice',
  access: 'write',
  duration: '2h',
  resources: ['billing-db-prod'],
  ticket: 'INC-4711',
});
/** alice asks to read billing-db-prod: one SRE (bob, carol). */
const READ_PATH = 'grants/production/billing/alice-billing-read.yaml';
const READ_GRANT = grantYaml({
  requester: 'alice',
  access: 'read',
  duration: '4h',
  resources: ['billing-db-prod'],
  ticket: 'INC-4711',
});

let gh: FakeGitHub | undefined;

// Fails the suite at once, with the fix, when dist/ was not built.
beforeAll(() => actionBundle());

afterEach(async () => {
  if (gh) {
    expect(gh.unexpectedRequests()).toEqual([]);
    await gh.close();
    gh = undefined;
  }
});

async function world(opts: FakeGitHubOptions = {}, seed: SeedOptions = {}): Promise<AcmeWorld> {
  gh = await startFakeGitHub(opts);
  return seedAcme(gh, seed);
}

interface Validation {
  run: ActionRun;
  /** Statuses this run set on `sha`, oldest first. */
  statuses: { state: string; description: string | null }[];
  result: {
    ok: boolean;
    results: Array<{
      file: string;
      ok: boolean;
      approved: boolean;
      resources: string[];
      approvals: Array<{ from: string; count: number; approved_by: string[]; missing: number }>;
      errors: Array<{ code: string; message: string; file: string; line: number }>;
    }>;
    [k: string]: unknown;
  };
}

async function validate(
  w: AcmeWorld,
  opened: OpenedPr,
  opts: {
    inputs?: ActionInputs;
    event?: string;
    payload?: unknown;
    statusSha?: string;
    env?: Record<string, string | undefined>;
  } = {},
): Promise<Validation> {
  const sha = opts.statusSha ?? opened.headSha;
  const before = statusesOf(w, sha).length;
  const run = await runAction({
    gh: w.gh,
    event: opts.event ?? 'pull_request_target',
    payload: opts.payload ?? pullRequestPayload(w, opened.pr, 'synchronize'),
    inputs: { command: 'validate', ...(opts.inputs ?? {}) },
    ...(opts.env ? { env: opts.env } : {}),
  });
  if (process.env.GITGRANT_E2E_DEBUG) console.log(describeRun(run), run.summary);
  const statuses = statusesOf(w, sha)
    .slice(before)
    .map((s) => ({ state: s.state, description: s.description }));
  let result: Validation['result'] = { ok: false, results: [] };
  if (run.outputs.result) result = JSON.parse(run.outputs.result) as Validation['result'];
  return { run, statuses, result };
}

/** The one sticky comment of the PR (fails when there is not exactly one by the Action). */
function sticky(w: AcmeWorld, opened: OpenedPr, login = 'github-actions[bot]') {
  const ours = commentsOf(w, opened.pr.number).filter(
    (c) => c.body.includes(MARKER) && c.user.login === login,
  );
  expect(ours).toHaveLength(1);
  return ours[0]!;
}

function expectGreen(v: Validation): void {
  expect({
    code: v.run.code,
    statuses: v.statuses.map((s) => s.state),
    approved: v.run.outputs.approved,
  }).toEqual({ code: 0, statuses: ['pending', 'success'], approved: 'true' });
}

function expectRed(v: Validation): void {
  if (v.run.code === 0) throw new Error(`expected a failed run\n${describeRun(v.run)}`);
  expect({
    code: v.run.code,
    statuses: v.statuses.map((s) => s.state),
    approved: v.run.outputs.approved,
  }).toEqual({ code: 1, statuses: ['pending', 'failure'], approved: 'false' });
}

function codes(v: Validation, file?: string): string[] {
  return v.result.results.filter((r) => !file || r.file === file).flatMap((r) => r.errors.map((e) => e.code));
}

/** The approvers listed under one approval rule of the sticky comment. */
function slotLines(body: string, from: string): string[] {
  const lines = body.split('\n');
  const i = lines.findIndex((l) => l.startsWith(`- \`${from}\` needs`));
  if (i < 0) return [];
  const out: string[] = [];
  for (let j = i + 1; j < lines.length && lines[j]!.startsWith('  - '); j++) out.push(lines[j]!.trim());
  return out;
}

describe('validate, end to end (bundled Action against the GitHub fake)', () => {
  test('happy path: green after the last required review, not one earlier; the comment says who filled which slot', async () => {
    const w = await world();
    const pr = openPullRequest(w, {
      author: 'alice',
      branch: 'grant/alice-write',
      files: { [WRITE_PATH]: WRITE_GRANT },
    });

    const first = await validate(w, pr, { payload: pullRequestPayload(w, pr.pr, 'opened') });
    expectRed(first);
    expect(first.statuses[0]!.description).toMatch(/checking/);
    expect(first.statuses[1]!.description).toMatch(/^waiting for 2 approvals/);
    const created = sticky(w, pr);
    expect(created.body.startsWith(MARKER)).toBe(true);

    review(w, pr.pr, 'carol', 'APPROVED');
    const second = await validate(w, pr, {
      event: 'pull_request_review',
      payload: pullRequestPayload(w, pr.pr, 'submitted'),
    });
    expectRed(second);
    expect(second.statuses[1]!.description).toMatch(/^waiting for 1 approval/);
    expect(second.result.results[0]!.approvals.reduce((n, a) => n + a.missing, 0)).toBe(1);
    expect(second.run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        properties: expect.objectContaining({ file: WRITE_PATH, line: '1' }),
      }),
    );

    review(w, pr.pr, 'erin', 'APPROVED');
    const third = await validate(w, pr, {
      event: 'pull_request_review',
      payload: pullRequestPayload(w, pr.pr, 'submitted'),
    });
    expectGreen(third);
    expect(third.statuses[1]!.description).toBe('1 request approved');
    expect(third.result.ok).toBe(true);
    const [file] = third.result.results;
    expect(file).toMatchObject({
      file: WRITE_PATH,
      ok: true,
      approved: true,
      resources: ['billing-db-prod'],
      errors: [],
    });
    const byRule = Object.fromEntries(file!.approvals.map((a) => [a.from, a.approved_by]));
    expect(Object.keys(byRule).sort()).toEqual(['codeowners', 'group:dba']);
    expect([...byRule['group:dba']!, ...byRule['codeowners']!].sort()).toEqual(['carol', 'erin']);

    // One comment, updated in place, naming who approved which slot.
    const comment = sticky(w, pr);
    expect(comment.id).toBe(created.id);
    expect(slotLines(comment.body, 'group:dba')).toEqual([`- ✅ approved by **${byRule['group:dba']![0]}**`]);
    expect(slotLines(comment.body, 'codeowners')).toEqual([
      `- ✅ approved by **${byRule['codeowners']![0]}**`,
    ]);
    expect(third.run.summary).toContain('alice-billing-write.yaml');
    expect(third.run.summary).toMatch(/✅/);
    expect(third.run.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(third.run.stderr).toBe('');
  });

  test('the sticky comment is found across pages of comments and updated in place; a look-alike by someone else is left alone', async () => {
    const w = await world({ pageSize: 7 });
    const pr = openPullRequest(w, {
      author: 'alice',
      branch: 'grant/alice-read',
      files: { [READ_PATH]: READ_GRANT },
    });
    w.repo.addComment(pr.pr.number, { user: 'mallory', body: `${MARKER}\n✅ approved (forged)` });
    for (let i = 0; i < 120; i++)
      w.repo.addComment(pr.pr.number, { user: i % 2 ? 'bob' : 'dave', body: `chatter ${i}` });
    const old = w.repo.addComment(pr.pr.number, {
      user: 'github-actions[bot]',
      body: `${MARKER}\nan older report`,
    });

    const v = await validate(w, pr);
    expectRed(v);
    const comment = sticky(w, pr);
    expect(comment.id).toBe(old.id);
    expect(comment.body).toContain('alice-billing-read.yaml');
    expect(commentsOf(w, pr.pr.number).find((c) => c.user.login === 'mallory')!.body).toContain('forged');
    expect(w.gh.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/comments'))).toEqual([]);
    expect(
      w.gh.requests.some(
        (r) => r.path === `/repos/acme/access/issues/${pr.pr.number}/comments` && r.query.page === '2',
      ),
    ).toBe(true);

    // A rerun converges: still exactly one comment.
    review(w, pr.pr, 'carol', 'APPROVED');
    expectGreen(await validate(w, pr));
    expect(sticky(w, pr).id).toBe(old.id);
  });

  test('duplicate sticky comments left by an earlier run converge to one', async () => {
    const w = await world();
    const pr = openPullRequest(w, {
      author: 'alice',
      branch: 'grant/dupes',
      files: { [READ_PATH]: READ_GRANT },
    });
    const first = w.repo.addComment(pr.pr.number, {
      user: 'github-actions[bot]',
      body: `${MARKER}\nold report 1`,
    });
    w.repo.addComment(pr.pr.number, { user: 'github-actions[bot]', body: `${MARKER}\nold report 2` });
    w.repo.addComment(pr.pr.number, { user: 'github-actions[bot]', body: 'an unrelated bot comment' });
    expectRed(await validate(w, pr));
    expect(sticky(w, pr).id).toBe(first.id);
    expect(commentsOf(w, pr.pr.number)).toHaveLength(2);
  });

  test('a token that can read /user finds its own comments by login', async () => {
    const w = await world({ tokens: { pat: { login: 'gitgrant-ops', type: 'User' } } });
    const pr = openPullRequest(w, {
      author: 'alice',
      branch: 'grant/alice-read',
      files: { [READ_PATH]: READ_GRANT },
    });
    w.repo.addComment(pr.pr.number, {
      user: 'github-actions[bot]',
      body: `${MARKER}\nsomeone else's report`,
    });
    expectRed(await validate(w, pr, { inputs: { token: 'pat' } }));
    const first = sticky(w, pr, 'gitgrant-ops');
    expectRed(await validate(w, pr, { inputs: { token: 'pat' } }));
    expect(sticky(w, pr, 'gitgrant-ops').id).toBe(first.id);
    expect(sticky(w, pr, 'github-actions[bot]').body).toContain("someone else's report");
  });

  test('a grant together with a widened policy is a mixed change', async () => {
    const w = await world();
    const access = exampleFile('policies/access.yaml');
    const widened = access.replace(
      'read: { max_duration: 8h, approvals: [{ from: [group:sre], count: 1 }]',
      'read: { max_duration: 30d, approvals: []',
    );
    expect(widened).not.toBe(access);
    const pr = openPullRequest(w, {
      author: 'alice',
      branch: 'grant/sneaky',
      files: { [READ_PATH]: READ_GRANT, 'policies/access.yaml': widened },
    });
    review(w, pr.pr, 'carol', 'APPROVED');
    const v = await validate(w, pr);
    expectRed(v);
    expect(codes(v, READ_PATH)).toContain('mixed-change');
    expect(v.statuses[1]!.description).toMatch(/mixed-change/);
    expect(v.run.stdout).toMatch(
      new RegExp(
        `::error title=gitgrant%3A mixed-change,file=${READ_PATH.replace(/[.]/g, '\\.')},line=1,col=1::`,
      ),
    );
    expect(sticky(w, pr).body).toContain('mixed-change');
  });

  test('a grant together with a CODEOWNERS line naming its author is a mixed change', async () => {
    const w = await world();
    const owners = exampleFile('.github/CODEOWNERS');
    const pr = openPullRequest(w, {
      author: 'alice',
      branch: 'grant/own-owner',
      files: { [WRITE_PATH]: WRITE_GRANT, '.github/CODEOWNERS': `${owners}/${WRITE_PATH} @alice @carol\n` },
    });
    review(w, pr.pr, 'carol', 'APPROVED');
    const v = await validate(w, pr);
    expectRed(v);
    expect(codes(v, WRITE_PATH)).toContain('mixed-change');
    expect(v.result.results[0]!.errors.find((e) => e.code === 'mixed-change')!.message).toContain(
      '.github/CODEOWNERS',
    );
    expect(v.run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'error',
        properties: expect.objectContaining({ file: WRITE_PATH, line: '1', title: 'gitgrant: mixed-change' }),
      }),
    );
  });

  test('a grant that is a symlink to another file is not-a-file', async () => {
    const w = await world();
    const link = 'grants/production/billing/alice-link.yaml';
    const pr = openPullRequest(w, {
      author: 'alice',
      branch: 'grant/link',
      files: { [link]: { symlink: 'alice-billing-db-read.yaml' } },
    });
    review(w, pr.pr, 'carol', 'APPROVED');
    const v = await validate(w, pr);
    expectRed(v);
    expect(codes(v, link)).toEqual(['not-a-file']);
    expect(v.statuses[1]!.description).toMatch(/not-a-file/);
    expect(v.run.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', properties: expect.objectContaining({ file: link }) }),
    );
  });

  test('the requester must be the PR author (requester-not-author)', async () => {
    const w = await world();
    const pr = openPullRequest(w, {
      author: 'bob',
      branch: 'grant/for-alice',
      files: { [READ_PATH]: READ_GRANT },
    });
    review(w, pr.pr, 'carol', 'APPROVED');
    const v = await validate(w, pr);
    expectRed(v);
    expect(codes(v, READ_PATH)).toContain('requester-not-author');
    expect(v.statuses[1]!.description).toMatch(/requester-not-author/);
  });

  test('a requester that differs from the author only in case is the author', async () => {
    const w = await world();
    const grant = grantYaml({
      requester: 'Alice',
      access: 'read',
      duration: '4h',
      resources: ['billing-db-prod'],
      ticket: 'INC-4711',
    });
    const pr = openPullRequest(w, { author: 'alice', branch: 'grant/case', files: { [READ_PATH]: grant } });
    review(w, pr.pr, 'carol', 'APPROVED');
    const v = await validate(w, pr);
    expect(codes(v)).toEqual([]);
    expectGreen(v);
  });

  test("the author's own approval does not count", async () => {
    const w = await world();
    const grant = grantYaml({
      requester: 'bob',
      access: 'read',
      duration: '4h',
      resources: ['billing-db-prod'],
      ticket: 'INC-4711',
    });
    const pr = openPullRequest(w, {
      author: 'bob',
      branch: 'grant/bob',
      files: { 'grants/production/billing/bob-billing-read.yaml': grant },
    });
    review(w, pr.pr, 'bob', 'APPROVED');
    const v = await validate(w, pr);
    expectRed(v);
    expect(v.result.results[0]!.approvals).toEqual([
      expect.objectContaining({ from: 'group:sre', approved_by: [], missing: 1 }),
    ]);
    expect(sticky(w, pr).body).toMatch(/\*\*bob\*\* .*(author|requester)/);
    review(w, pr.pr, 'carol', 'APPROVED');
    expectGreen(await validate(w, pr));
  });

  test('a bot approval does not count', async () => {
    const w = await world();
    const pr = openPullRequest(w, {
      author: 'alice',
      branch: 'grant/bot',
      files: { [READ_PATH]: READ_GRANT },
    });
    review(w, pr.pr, 'github-actions[bot]', 'APPROVED');
    review(w, pr.pr, 'renovate[bot]', 'APPROVED', { type: 'Bot' });
    const v = await validate(w, pr);
    expectRed(v);
    expect(v.result.results[0]!.approvals[0]!.approved_by).toEqual([]);
    expect(sticky(w, pr).body).toMatch(/\*\*renovate\\?\[bot\\?\]\*\* .*bot/);
  });

  test('approvals on an old head do not count after a new push (stale)', async () => {
    const w = await world();
    const pr = openPullRequest(w, {
      author: 'alice',
      branch: 'grant/stale',
      files: { [WRITE_PATH]: WRITE_GRANT },
    });
    review(w, pr.pr, 'carol', 'APPROVED');
    review(w, pr.pr, 'erin', 'APPROVED');
    const oldHead = pr.headSha;
    expectGreen(await validate(w, pr));
    const newHead = pushToPr(w, pr, { [WRITE_PATH]: WRITE_GRANT.replace('duration: 2h', 'duration: 1h') });
    expect(newHead).not.toBe(oldHead);
    const v = await validate(w, pr, { payload: pullRequestPayload(w, pr.pr, 'synchronize') });
    expectRed(v);
    expect(v.result.results[0]!.approvals.flatMap((a) => a.approved_by)).toEqual([]);
    expect(sticky(w, pr).body).toMatch(/\*\*carol\*\* .*(stale|older|previous|earlier|head|commit)/);
    // The old head keeps its own (now irrelevant) status; the new head is red.
    expect(statusesOf(w, newHead).map((s) => s.state)).toEqual(['pending', 'failure']);
  });

  test('a DISMISSED review does not count', async () => {
    const w = await world();
    const pr = openPullRequest(w, {
      author: 'alice',
      branch: 'grant/dismissed',
      files: { [WRITE_PATH]: WRITE_GRANT },
    });
    review(w, pr.pr, 'carol', 'APPROVED');
    const erin = review(w, pr.pr, 'erin', 'APPROVED');
    w.repo.dismissReview(pr.pr, erin.id);
    const v = await validate(w, pr, {
      event: 'pull_request_review',
      payload: pullRequestPayload(w, pr.pr, 'dismissed'),
    });
    expectRed(v);
    expect(v.result.results[0]!.approvals.flatMap((a) => a.approved_by)).toEqual(['carol']);
    expect(v.statuses[1]!.description).toMatch(/^waiting for 1 approval/);
  });

  test('an approver who authored a commit in the PR does not count', async () => {
    const w = await world();
    const pr = openPullRequest(w, {
      author: 'alice',
      branch: 'grant/helped',
      files: { [WRITE_PATH]: WRITE_GRANT },
    });
    pushToPr(w, pr, { [WRITE_PATH]: WRITE_GRANT.replace('look into', 'dig into') }, 'erin');
    review(w, pr.pr, 'carol', 'APPROVED');
    review(w, pr.pr, 'erin', 'APPROVED');
    const v = await validate(w, pr);
    expectRed(v);
    expect(v.result.results[0]!.approvals.flatMap((a) => a.approved_by)).toEqual(['carol']);
    expect(sticky(w, pr).body).toMatch(/\*\*erin\*\* .*commit/);
  });

  test('a commit whose author GitHub cannot map to an account fails closed', async () => {
    const w = await world();
    const pr = openPullRequest(w, {
      author: 'alice',
      branch: 'grant/ghost',
      files: { [READ_PATH]: READ_GRANT },
    });
    pr.headSha = w.repo.commit(pr.pr.headRef, {
      files: { [READ_PATH]: READ_GRANT.replace('look into', 'dig into') },
      message: 'edit',
      author: { name: 'Somebody', email: 'somebody@unlinked.example', date: '2026-11-29T09:30:00Z' },
    });
    review(w, pr.pr, 'carol', 'APPROVED');
    const v = await validate(w, pr);
    expectRed(v);
    expect(v.result.results[0]!.errors.map((e) => e.message).join('\n')).toMatch(/cannot map to an account/);
  });

  describe('GitHub team approvers', () => {
    const ONCALL_POLICY = `policies:
  - name: buckets-need-oncall
    description: Test policy. Buckets also need someone on call.
    resources: { match: { kind: bucket } }
    requesters: [group:engineering]
    access:
      read: { max_duration: 8h, approvals: [{ from: ["@acme/oncall"], count: 1 }] }
`;
    const BUCKET_PATH = 'grants/production/billing/alice-exports-read.yaml';
    const BUCKET_GRANT = grantYaml({
      requester: 'alice',
      access: 'read',
      duration: '4h',
      resources: ['billing-exports-bucket'],
      ticket: 'INC-4711',
    });
    const TOKENS = {
      tok: {
        login: 'github-actions[bot]',
        type: 'Bot' as const,
        permissions: {
          contents: 'read' as const,
          pull_requests: 'write' as const,
          statuses: 'write' as const,
          issues: 'write' as const,
        },
      },
      apptok: {
        login: 'gitgrant-app[bot]',
        type: 'Bot' as const,
        permissions: { members: 'read' as const, contents: 'read' as const },
      },
    };

    async function teamWorld(): Promise<{ w: AcmeWorld; pr: OpenedPr }> {
      const w = await world({ tokens: TOKENS }, { files: { 'policies/oncall.yaml': ONCALL_POLICY } });
      w.gh.state.addTeamMember('acme', 'oncall', 'judy');
      w.gh.state.addTeamMember('acme', 'oncall', 'ivan', { state: 'pending' });
      const pr = openPullRequest(w, {
        author: 'alice',
        branch: 'grant/bucket',
        files: { [BUCKET_PATH]: BUCKET_GRANT },
      });
      review(w, pr.pr, 'carol', 'APPROVED');
      return { w, pr };
    }

    test('a reviewer whose team membership is pending does not count; an active member does (app token with members: read)', async () => {
      const { w, pr } = await teamWorld();
      review(w, pr.pr, 'ivan', 'APPROVED');
      const v = await validate(w, pr, { inputs: { 'app-token': 'apptok' } });
      expectRed(v);
      const approvals = Object.fromEntries(v.result.results[0]!.approvals.map((a) => [a.from, a]));
      expect(approvals['group:sre']).toMatchObject({ approved_by: ['carol'], missing: 0 });
      expect(approvals['@acme/oncall']).toMatchObject({ approved_by: [], missing: 1 });
      const teamReads = w.gh.requests.filter((r) => r.path.startsWith('/orgs/acme/teams/oncall'));
      expect(teamReads.length).toBeGreaterThan(0);
      expect(teamReads.every((r) => r.login === 'gitgrant-app[bot]' && r.status === 200)).toBe(true);

      review(w, pr.pr, 'judy', 'APPROVED');
      const green = await validate(w, pr, { inputs: { 'app-token': 'apptok' } });
      expectGreen(green);
      expect(
        Object.fromEntries(green.result.results[0]!.approvals.map((a) => [a.from, a.approved_by]))[
          '@acme/oncall'
        ],
      ).toEqual(['judy']);
    });

    test('without a token that may read teams the run fails closed, naming the permission and group:', async () => {
      const { w, pr } = await teamWorld();
      review(w, pr.pr, 'judy', 'APPROVED');
      const v = await validate(w, pr);
      expectRed(v);
      expect(v.statuses[1]!.description).toMatch(/members/i);
      const failure = v.run.stdout.split('\n').find((l) => l.startsWith('::error::'))!;
      expect(failure).toMatch(/Members: read/);
      expect(failure).toMatch(/group:/);
      expect(v.result).toMatchObject({ ok: false });
      expect(sticky(w, pr).body).toMatch(/could not decide/);
    });
  });

  test('a .yml file and an upper-case file name under grants/ are invalid-filename', async () => {
    const w = await world();
    const yml = 'grants/production/billing/alice-read.yml';
    const upper = 'grants/production/billing/Alice-Read.yaml';
    const pr = openPullRequest(w, {
      author: 'alice',
      branch: 'grant/names',
      files: { [yml]: READ_GRANT, [upper]: READ_GRANT },
    });
    review(w, pr.pr, 'carol', 'APPROVED');
    const v = await validate(w, pr);
    expectRed(v);
    expect(codes(v, yml)).toContain('invalid-filename');
    expect(codes(v, upper)).toContain('invalid-filename');
    const files = v.run.annotations
      .filter((a) => a.level === 'error' && a.properties.title === 'gitgrant: invalid-filename')
      .map((a) => a.properties.file);
    expect(files.sort()).toEqual([upper, yml].sort());
  });

  test('pagination: 200 changed files and 150 reviews are all seen', async () => {
    const w = await world({ pageSize: 7 });
    const files: Record<string, string> = { [READ_PATH]: READ_GRANT };
    // Sorted by path, the grant file comes last: it is on the last page of files.
    for (let i = 0; i < 199; i++) files[`docs/notes/${String(i).padStart(3, '0')}.md`] = `note ${i}\n`;
    const pr = openPullRequest(w, { author: 'alice', branch: 'grant/big', files });
    for (let i = 0; i < 149; i++) review(w, pr.pr, i % 2 ? 'judy' : 'ivan', 'COMMENTED');
    review(w, pr.pr, 'carol', 'APPROVED'); // the 150th review: on the last page
    const v = await validate(w, pr);
    expectGreen(v);
    expect(v.result.results.map((r) => r.file)).toEqual([READ_PATH]);
    const pages = (suffix: string) =>
      w.gh.requests
        .filter((r) => r.path === `/repos/acme/access/pulls/${pr.pr.number}/${suffix}`)
        .map((r) => r.query.page ?? '1');
    expect(pages('files').length).toBeGreaterThanOrEqual(2);
    expect(pages('reviews').length).toBeGreaterThanOrEqual(2);
  });

  test('a 502 twice is retried and the run succeeds', async () => {
    const w = await world();
    const pr = openPullRequest(w, {
      author: 'alice',
      branch: 'grant/flaky',
      files: { [READ_PATH]: READ_GRANT },
    });
    review(w, pr.pr, 'carol', 'APPROVED');
    const path = `/repos/acme/access/pulls/${pr.pr.number}/reviews`;
    w.gh.injectFault({ method: 'GET', path, status: 502, times: 2 });
    const v = await validate(w, pr);
    expectGreen(v);
    const calls = w.gh.requests.filter((r) => r.path === path);
    expect(calls.map((r) => [r.status, r.faulted])).toEqual([
      [502, true],
      [502, true],
      [200, false],
    ]);
  });

  test('a 502 on creating the comment is not retried blindly (no duplicate); the run fails closed and a rerun converges', async () => {
    const w = await world();
    const pr = openPullRequest(w, {
      author: 'alice',
      branch: 'grant/once',
      files: { [READ_PATH]: READ_GRANT },
    });
    review(w, pr.pr, 'carol', 'APPROVED');
    const path = `/repos/acme/access/issues/${pr.pr.number}/comments`;
    w.gh.injectFault({ method: 'POST', path, status: 502 });
    const v = await validate(w, pr);
    expectRed(v);
    expect(w.gh.requests.filter((r) => r.method === 'POST' && r.path === path)).toHaveLength(1);
    expect(commentsOf(w, pr.pr.number)).toEqual([]);
    expectGreen(await validate(w, pr));
    sticky(w, pr);
  });

  test('403 "Resource not accessible by integration" fails closed and names the permission', async () => {
    const w = await world();
    const pr = openPullRequest(w, {
      author: 'alice',
      branch: 'grant/forbidden',
      files: { [READ_PATH]: READ_GRANT },
    });
    review(w, pr.pr, 'carol', 'APPROVED');
    const path = `/repos/acme/access/pulls/${pr.pr.number}/reviews`;
    w.gh.injectFault({
      method: 'GET',
      path,
      status: 403,
      body: {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/pulls/reviews#list-reviews-for-a-pull-request',
        status: '403',
      },
      headers: { 'x-accepted-github-permissions': 'pull_requests=read' },
      times: Infinity,
    });
    const v = await validate(w, pr);
    expectRed(v);
    expect(v.statuses[1]!.description).toMatch(/pull-requests: read/);
    expect(v.run.stdout).toMatch(/::error::gitgrant: .*pull-requests: read/);
    expect(v.result).toMatchObject({ ok: false });
    expect(w.gh.requests.filter((r) => r.path === path)).toHaveLength(1);
  });

  test('a policy change needs two admin approvals from group:security and lists the grants it affects', async () => {
    const w = await world();
    const access = exampleFile('policies/access.yaml');
    // Production data reads: at most 2h instead of 8h. alice's 4h read on main no longer fits.
    const narrowed = access.replace(
      'read: { max_duration: 8h, approvals: [{ from: [group:sre], count: 1 }]',
      'read: { max_duration: 2h, approvals: [{ from: [group:sre], count: 1 }]',
    );
    expect(narrowed).not.toBe(access);
    const pr = openPullRequest(w, {
      author: 'bob',
      branch: 'policy/shorter-reads',
      files: { 'policies/access.yaml': narrowed },
      title: 'Shorter production reads',
    });

    review(w, pr.pr, 'heidi', 'APPROVED');
    const waiting = await validate(w, pr);
    expectRed(waiting);
    expect(waiting.statuses[1]!.description).toMatch(/waiting for 1 admin approval/);
    const body = sticky(w, pr).body;
    expect(body).toContain('grants/production/billing/alice-billing-db-read.yaml');
    expect(body).toMatch(/group:security/);

    review(w, pr.pr, 'grace', 'APPROVED');
    const green = await validate(w, pr);
    expectGreen(green);
    expect(green.result).toMatchObject({ ok: true, results: [] });
    const change = green.result.policy_change as {
      approvals: Array<{ from: string; approved_by: string[] }>;
      impact: Array<{ file: string }>;
    };
    expect(change.approvals).toEqual([
      expect.objectContaining({
        from: 'group:security',
        approved_by: expect.arrayContaining(['grace', 'heidi']),
      }),
    ]);
    expect(change.impact.map((i) => i.file)).toContain(
      'grants/production/billing/alice-billing-db-read.yaml',
    );
    expect(green.run.summary).toContain('alice-billing-db-read.yaml');
  });

  test('a policy change also lists the pending requests (open pull requests) it would affect', async () => {
    const w = await world();
    const pending = openPullRequest(w, {
      author: 'erin',
      branch: 'req/erin-read',
      files: {
        'grants/production/billing/erin-orders-read.yaml':
          'requester: erin\nreason: "INC-77: check order exports"\naccess: read\nduration: 6h\nresources: [orders-db-prod]\nticket: INC-77\n',
      },
    });
    const access = exampleFile('policies/access.yaml');
    const narrowed = access.replace(
      'read: { max_duration: 8h, approvals: [{ from: [group:sre], count: 1 }]',
      'read: { max_duration: 2h, approvals: [{ from: [group:sre], count: 1 }]',
    );
    expect(narrowed).not.toBe(access);
    const pr = openPullRequest(w, {
      author: 'bob',
      branch: 'policy/shorter',
      files: { 'policies/access.yaml': narrowed },
    });
    const v = await validate(w, pr);
    const change = v.result.policy_change as {
      impact: Array<{ file: string; kind: string; pending?: number }>;
    };
    expect(change.impact).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: 'grants/production/billing/erin-orders-read.yaml',
          kind: 'invalidate',
          pending: pending.pr.number,
        }),
        expect.objectContaining({
          file: 'grants/production/billing/alice-billing-db-read.yaml',
          kind: 'invalidate',
        }),
      ]),
    );
    expect(sticky(w, pr).body).toContain(`pending (#${pending.pr.number})`);
  });

  test('merge_group: the status goes on the merge group head commit', async () => {
    const w = await world();
    const pr = openPullRequest(w, {
      author: 'alice',
      branch: 'grant/queued',
      files: { [READ_PATH]: READ_GRANT },
    });
    review(w, pr.pr, 'carol', 'APPROVED');
    const group = mergeGroupPayload(w, pr.pr, { [READ_PATH]: READ_GRANT });
    const prStatuses = statusesOf(w, pr.headSha).length;
    const v = await validate(w, pr, {
      event: 'merge_group',
      payload: group.payload,
      statusSha: group.headSha,
      inputs: { command: '' },
    });
    expectGreen(v);
    expect(statusesOf(w, pr.headSha)).toHaveLength(prStatuses);
    expect(w.repo.statuses.filter((s) => s.context === CONTEXT).map((s) => s.sha)).toEqual([
      group.headSha,
      group.headSha,
    ]);
  });

  test('deleting a grant file (early revocation) is fine; modifying one is grant-modified', async () => {
    const w = await world();
    const existing = 'grants/production/billing/alice-billing-db-read.yaml';
    const del = openPullRequest(w, { author: 'alice', branch: 'revoke/alice', files: { [existing]: null } });
    const v = await validate(w, del);
    expectGreen(v);
    expect(v.statuses[1]!.description).toMatch(/early revocation/);

    const mod = openPullRequest(w, {
      author: 'alice',
      branch: 'extend/alice',
      files: { [existing]: exampleFile(existing).replace('duration: 4h', 'duration: 8h') },
    });
    review(w, mod.pr, 'carol', 'APPROVED');
    const m = await validate(w, mod);
    expectRed(m);
    expect(codes(m, existing)).toContain('grant-modified');
    expect(m.run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'error',
        properties: expect.objectContaining({ file: existing, title: 'gitgrant: grant-modified' }),
      }),
    );
  });

  test('a push while the run reads the PR: nothing is decided on a mix of two heads', async () => {
    const w = await world();
    // The old head asks for read (approved by carol) and write (not approved yet).
    const pr = openPullRequest(w, {
      author: 'alice',
      branch: 'grant/racy',
      files: { [READ_PATH]: READ_GRANT, [WRITE_PATH]: WRITE_GRANT },
    });
    review(w, pr.pr, 'carol', 'APPROVED');
    const oldHead = pr.headSha;
    const filesPath = `/repos/acme/access/pulls/${pr.pr.number}/files`;
    w.gh.injectFault({ method: 'GET', path: filesPath, delayMs: 700 });
    const running = validate(w, pr);
    const deadline = Date.now() + 20_000;
    while (!w.gh.requests.some((r) => r.path === filesPath) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    // While the file list is in flight, a push drops the write request: the list now describes the
    // new head, the reviews the old one. Mixed, the old head (with its unapproved write) would look green.
    pushToPr(w, pr, { [WRITE_PATH]: null });
    const v = await running;
    expectRed(v);
    expect(v.statuses[1]!.description).toMatch(/head moved/);
    expect(statusesOf(w, oldHead).some((s) => s.state === 'success')).toBe(false);
    expect(commentsOf(w, pr.pr.number).filter((c) => c.body.includes(MARKER))).toEqual([]);
  });

  test('a PR that changes only the README is fine: no access requests', async () => {
    const w = await world();
    const pr = openPullRequest(w, {
      author: 'dave',
      branch: 'docs/readme',
      files: { 'README.md': '# acme access\n\nNow with more words.\n' },
    });
    // GitHub's own write spacing (the default, as on a runner): this run is short enough for it.
    const v = await validate(w, pr, { env: { GITGRANT_THROTTLE_MIN_TIME_MS: undefined } });
    expectGreen(v);
    expect(v.statuses[1]!.description).toMatch(/no access requests/);
    expect(v.result).toEqual({ ok: true, results: [] });
    expect(v.run.summary).toMatch(/nothing to approve/);
    expect(commentsOf(w, pr.pr.number)).toEqual([]);
  });

  test('a PR whose grant was removed again updates its old report instead of leaving it', async () => {
    const w = await world();
    const pr = openPullRequest(w, {
      author: 'alice',
      branch: 'grant/changed-mind',
      files: { [READ_PATH]: READ_GRANT },
    });
    expectRed(await validate(w, pr));
    const before = sticky(w, pr);
    pushToPr(w, pr, { [READ_PATH]: null, 'README.md': '# acme access\n\ntypo fixed\n' });
    const v = await validate(w, pr);
    expectGreen(v);
    const after = sticky(w, pr);
    expect(after.id).toBe(before.id);
    expect(after.body).toMatch(/nothing to approve/);
  });
});
