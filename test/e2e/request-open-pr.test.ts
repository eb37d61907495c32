/**
 * `gitgrant request --open-pr` end to end: the bundled CLI as a child process against the
 * loopback GitHub fake (acme/access built from this repository's example files). It creates the
 * branch, one commit adding the file (blob, tree on base_tree, commit, ref), the pull request and
 * the review requests (individual logins, team slugs for @org/team owners, never the requester);
 * a rerun finds all of it and duplicates nothing.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../fake-github/server.js';
import { seedAcme, type AcmeWorld } from '../helpers/acme.js';
import { ROOT } from '../helpers/cli.js';
import { TempRepo } from '../helpers/git-repo.js';
import { cliBin, gitgrantAsync } from '../helpers/pty.js';

const NOW = '2026-11-29T10:00:00Z';

let gh: FakeGitHub;
let world: AcmeWorld;
let local: TempRepo;

beforeAll(() => cliBin());
beforeEach(async () => {
  gh = await startFakeGitHub({
    tokens: {
      'alice-token': { login: 'alice', type: 'User', id: 101 },
      'bob-token': { login: 'bob', type: 'User', id: 102 },
    },
  });
  world = seedAcme(gh);
  local = new TempRepo();
  for (const dir of ['policies', 'grants', '.github', 'schemas'])
    cpSync(join(ROOT, dir), join(local.dir, dir), { recursive: true });
});
afterEach(async () => {
  expect(gh.unexpectedRequests()).toEqual([]);
  await gh.close();
  local.cleanup();
});

const env = (token = 'alice-token') => ({
  GITHUB_TOKEN: token,
  GITHUB_API_URL: gh.url,
  GITGRANT_THROTTLE_MIN_TIME_MS: '0',
  GITGRANT_RETRY_BASE_MS: '1',
  GITHUB_ACTOR: '',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
});

const READ = [
  'request',
  '--repo',
  '',
  '--now',
  NOW,
  '--as',
  'alice',
  '--resource',
  'billing-db-prod',
  '--access',
  'read',
  '--duration',
  '4h',
  '--reason',
  'INC-4711: investigate the failed exports',
  '--ticket',
  'INC-4711',
  '--open-pr',
  '--github',
  'acme/access',
  '--format',
  'json',
];
const args = (list: string[]) => list.map((a, i) => (i === 2 ? local.dir : a));

const writes = () => gh.requests.filter((r) => r.method !== 'GET').map((r) => r.route);

test('opens the branch, the commit, the pull request and asks the SREs to review; a rerun duplicates nothing', async () => {
  const r = await gitgrantAsync(args(READ), { env: env() });
  expect(r.status).toBe(0);
  expect(r.stderr).toContain('created branch gitgrant/request-alice-billing-db-prod-read-20261129');
  const out = JSON.parse(r.stdout);
  const id = 'alice-billing-db-prod-read-20261129';
  const file = `grants/production/${id}.yaml`;
  expect(out).toMatchObject({ ok: true, status: 'written', file, id });
  expect(out.pull_request).toMatchObject({
    pull_request: 'created',
    branch: `gitgrant/request-${id}`,
    branch_status: 'created',
    base: 'main',
    reviewers_requested: ['bob', 'carol'],
    teams_requested: [],
    warnings: [],
  });

  // The branch: one commit on main's head adding exactly the file.
  const head = world.repo.branchSha(`gitgrant/request-${id}`)!;
  const commit = world.repo.getCommit(head)!;
  expect(commit.parents).toEqual([world.mainSha]);
  expect(commit.message.trim()).toBe(`Access request: ${id}`);
  const blob = world.repo.objects.lookup(commit.tree, file)!;
  expect(world.repo.objects.getBlob(blob.sha)!.content.toString('utf8')).toBe(
    readFileSync(join(local.dir, file), 'utf8'),
  );
  expect(writes()).toEqual([
    'POST /repos/{owner}/{repo}/git/blobs',
    'POST /repos/{owner}/{repo}/git/trees',
    'POST /repos/{owner}/{repo}/git/commits',
    'POST /repos/{owner}/{repo}/git/refs',
    'POST /repos/{owner}/{repo}/pulls',
    'POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
  ]);
  const treeReq = gh.requests.find((q) => q.route === 'POST /repos/{owner}/{repo}/git/trees')!;
  expect(treeReq.body).toMatchObject({ base_tree: world.repo.getCommit(world.mainSha)!.tree });

  // The pull request: by alice, titled, with the explain result; reviews asked from bob and carol.
  const prs = [...world.repo.pulls.values()];
  expect(prs).toHaveLength(1);
  const pr = prs[0]!;
  expect(pr.issue.user.login).toBe('alice');
  expect(pr.issue.title).toBe(`Access request: ${id}`);
  expect(pr.issue.body).toContain('<!-- gitgrant:request -->');
  expect(pr.issue.body).toContain('| 1 × `group:sre` | `bob`, `carol` | `production-data` |');
  expect(pr.issue.body).toContain('alice asks for read for 4h (max 8h, set by production-data)');
  expect(pr.requested_reviewers.map((u) => u.login)).toEqual(['bob', 'carol']);
  expect(out.pull_request.number).toBe(pr.number);

  // Rerun: same file, branch, pull request; nothing written, nobody asked twice.
  const before = gh.requests.length;
  const again = await gitgrantAsync(args(READ), { env: env() });
  expect(again.status).toBe(0);
  const out2 = JSON.parse(again.stdout);
  expect(out2).toMatchObject({ status: 'unchanged', file });
  expect(out2.pull_request).toMatchObject({
    pull_request: 'existing',
    branch_status: 'existing',
    number: pr.number,
    reviewers_requested: [],
  });
  expect(gh.requests.slice(before).filter((q) => q.method !== 'GET')).toEqual([]);
  expect(world.repo.pulls.size).toBe(1);

  // Once bob has reviewed, a rerun does not ask him again either.
  world.repo.addReview(pr, { user: { login: 'bob', id: 102, type: 'User' }, state: 'APPROVED' });
  pr.requested_reviewers.splice(0);
  const third = await gitgrantAsync(args(READ), { env: env() });
  expect(JSON.parse(third.stdout).pull_request.reviewers_requested).toEqual(['carol']);
});

test('code owners become reviewers: logins and @org/team slugs, never the requester', async () => {
  gh.state.createTeam('acme', 'frontend-leads');
  const owners = '/grants/production/frontend/    @acme/frontend-leads @dave @alice @other-org/team\n';
  local.write('.github/CODEOWNERS', readFileSync(join(ROOT, '.github/CODEOWNERS'), 'utf8') + owners);
  const r = await gitgrantAsync(
    args([
      'request',
      '--repo',
      '',
      '--now',
      NOW,
      '--as',
      'alice',
      '--resource',
      'frontend-web',
      '--access',
      'write',
      '--duration',
      '8h',
      '--reason',
      'Hotfix the checkout banner',
      '--dir',
      'production/frontend',
      '--open-pr',
      '--github',
      'acme/access',
      '--format',
      'json',
      '--yes',
    ]),
    { env: env() },
  );
  expect(r.status).toBe(0);
  const out = JSON.parse(r.stdout);
  expect(out.file).toBe('grants/production/frontend/alice-frontend-web-write-20261129.yaml');
  expect(out.pull_request.reviewers_requested).toEqual(['dave']);
  expect(out.pull_request.teams_requested).toEqual(['frontend-leads']);
  expect(out.pull_request.warnings).toEqual([
    'no review requested from @other-org/team (a team of another organisation cannot review here)',
  ]);
  const pr = [...world.repo.pulls.values()][0]!;
  expect(pr.requested_reviewers.map((u) => u.login)).toEqual(['dave']);
  expect(pr.requested_teams.map((t) => t.slug)).toEqual(['frontend-leads']);
});

test("someone else's token is refused before anything is written on GitHub (exit 2)", async () => {
  const r = await gitgrantAsync(args(READ), { env: env('bob-token') });
  expect(r.status).toBe(2);
  const out = JSON.parse(r.stdout);
  expect(out.pull_request_error).toContain('the token belongs to bob, but the requester is alice');
  expect(writes()).toEqual([]);
  expect(world.repo.pulls.size).toBe(0);
});

test('an interrupted run (branch pushed, no pull request) is finished by the rerun', async () => {
  gh.injectFault({ method: 'POST', path: '/repos/{owner}/{repo}/pulls', status: 502 });
  const first = await gitgrantAsync(args(READ), { env: env() });
  expect(first.status).toBe(1);
  expect(JSON.parse(first.stdout).pull_request_error).toMatch(
    /POST \/repos\/acme\/access\/pulls failed with 502/,
  );
  expect(world.repo.pulls.size).toBe(0);
  const second = await gitgrantAsync(args(READ), { env: env() });
  expect(second.status).toBe(0);
  expect(JSON.parse(second.stdout).pull_request).toMatchObject({
    pull_request: 'created',
    branch_status: 'existing',
  });
  expect(world.repo.pulls.size).toBe(1);
  expect(gh.requests.filter((q) => q.route === 'POST /repos/{owner}/{repo}/git/commits')).toHaveLength(1);
});
