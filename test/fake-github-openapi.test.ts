/**
 * Contract test: every route the fake serves answers JSON that validates against GitHub's published
 * OpenAPI description (@octokit/openapi, api.github.com) for that operation and status.
 */
import {
  basicErrorValidator,
  formatErrors,
  responseValidator,
  specTemplate,
} from './fake-github/openapi-validator.js';
import { addRuleset, addWorkflowRun, setWorkflowState } from './fake-github/actions.js';
import { seedExample, type ExampleWorld } from './fake-github/seed.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github/server.js';

let gh: FakeGitHub;
let world: ExampleWorld;
/** route key (`METHOD /template`) → statuses validated */
const validated = new Map<string, Set<number>>();

interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Headers;
}

async function call(
  method: string,
  path: string,
  body?: unknown,
  opts: { token?: string; accept?: string } = {},
): Promise<Answer> {
  const res = await fetch(`${gh.url}${path}`, {
    method,
    headers: {
      authorization: `token ${opts.token ?? 'tok'}`,
      accept: opts.accept ?? 'application/vnd.github+json',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  const rec = gh.requests[gh.requests.length - 1]!;
  if (rec.route === null) throw new Error(`${method} ${path}: no route`);
  const [m, template] = rec.route.split(' ') as [string, string];
  const v = responseValidator(m, template, res.status);
  if (v === undefined) {
    if (res.status < 400)
      throw new Error(`${rec.route} answered ${res.status}, which the description does not document`);
    const be = basicErrorValidator();
    if (!be(json)) throw new Error(`${rec.route} ${res.status} (basic-error):\n${formatErrors(be.errors)}`);
  } else if (v === null) {
    // Documented without a JSON body: success answers must be empty; GitHub still sends a basic-error body for errors.
    if (res.status < 400 && text !== '')
      throw new Error(`${rec.route} ${res.status}: expected no body, got ${text.slice(0, 200)}`);
    const be = basicErrorValidator();
    if (res.status >= 400 && !be(json))
      throw new Error(`${rec.route} ${res.status} (basic-error):\n${formatErrors(be.errors)}`);
  } else if (!v(json)) {
    throw new Error(`${rec.route} ${res.status} (${specTemplate(template)}):\n${formatErrors(v.errors)}`);
  }
  const set = validated.get(rec.route) ?? new Set<number>();
  set.add(res.status);
  validated.set(rec.route, set);
  return { status: res.status, body: json, headers: res.headers };
}

const A = '/repos/acme/access';

beforeAll(async () => {
  gh = await startFakeGitHub({
    pageSize: 5,
    tokens: {
      tok: { login: 'github-actions[bot]', type: 'Bot' },
      user: { login: 'dave', type: 'User' },
      limited: { login: 'limited-app[bot]', type: 'Bot', permissions: { contents: 'read' } },
    },
  });
  world = seedExample(gh);
  world.repo.commit('main', {
    files: { 'docs/outside': { symlink: '../../etc/passwd' } },
    message: 'outside link',
    author: { login: 'dave' },
  });
});

afterAll(async () => {
  await gh.close();
});

test('pulls', async () => {
  const { repo, headSha } = world;
  expect((await call('GET', `${A}/pulls?state=all&head=acme:grant/alice-db&base=main`)).body).toHaveLength(1);
  expect((await call('GET', `${A}/pulls`)).status).toBe(200);
  const pr = await call('GET', `${A}/pulls/1`);
  expect(pr.body.head.sha).toBe(headSha);
  expect((await call('GET', `${A}/pulls/999`)).status).toBe(404);
  expect((await call('GET', `${A}/pulls/1/files`)).body[0].filename).toBe('grants/production/alice-db.yaml');
  expect((await call('GET', `${A}/pulls/1/reviews`)).body).toHaveLength(2);
  expect((await call('GET', `${A}/pulls/1/commits`)).body).toHaveLength(1);
  expect(
    (await call('POST', `${A}/pulls/1/requested_reviewers`, { reviewers: ['dave'], team_reviewers: ['sre'] }))
      .status,
  ).toBe(201);
  expect((await call('POST', `${A}/pulls/1/requested_reviewers`, { reviewers: ['alice'] })).status).toBe(422);
  expect((await call('GET', `${A}/commits/${headSha}/pulls`)).body[0].number).toBe(1);

  repo.commit('feature-2', { files: { 'grants/b.yaml': 'x: 1\n' }, message: 'b', author: { login: 'bob' } });
  const created = await call('POST', `${A}/pulls`, {
    title: 'B',
    head: 'feature-2',
    base: 'main',
    body: 'b',
  });
  expect(created.status).toBe(201);
  expect((await call('POST', `${A}/pulls`, { title: 'B', head: 'feature-2', base: 'main' })).status).toBe(
    422,
  );
  const patched = await call('PATCH', `${A}/pulls/${created.body.number}`, { title: 'B2', state: 'closed' });
  expect(patched.body.state).toBe('closed');

  repo.commit('feature-3', { files: { 'grants/c.yaml': 'x: 1\n' }, message: 'c', author: { login: 'bob' } });
  const third = await call('POST', `${A}/pulls`, { title: 'C', head: 'feature-3', base: 'main' });
  const merged = await call('PUT', `${A}/pulls/${third.body.number}/merge`, { merge_method: 'squash' });
  expect(merged.body.merged).toBe(true);
  expect((await call('PUT', `${A}/pulls/${third.body.number}/merge`, {})).status).toBe(405);
  expect((await call('GET', `${A}/pulls/${third.body.number}`)).body.merged).toBe(true);
});

test('git data, contents, commits, compare', async () => {
  const { repo } = world;
  const mainCommit = repo.getCommit(repo.branchSha('main')!)!;
  const tree = await call('GET', `${A}/git/trees/${mainCommit.tree}?recursive=1`);
  expect(tree.body.tree.map((e: { mode: string }) => e.mode)).toEqual(
    expect.arrayContaining(['100644', '100755', '120000', '160000', '040000']),
  );
  expect((await call('GET', `${A}/git/trees/main`)).status).toBe(200);
  expect((await call('GET', `${A}/git/trees/${'0'.repeat(40)}`)).status).toBe(404);
  const blobSha = tree.body.tree.find((e: { path: string }) => e.path === 'README.md').sha;
  expect((await call('GET', `${A}/git/blobs/${blobSha}`)).body.encoding).toBe('base64');
  const blob = await call('POST', `${A}/git/blobs`, { content: 'hello\n', encoding: 'utf-8' });
  expect(blob.status).toBe(201);
  const newTree = await call('POST', `${A}/git/trees`, {
    base_tree: mainCommit.tree,
    tree: [
      { path: 'grants/new.yaml', mode: '100644', type: 'blob', sha: blob.body.sha },
      { path: 'notes/inline.txt', mode: '100644', type: 'blob', content: 'inline' },
      { path: 'README.md', mode: '100644', type: 'blob', sha: null },
    ],
  });
  expect(newTree.status).toBe(201);
  const commit = await call('POST', `${A}/git/commits`, {
    message: 'via api',
    tree: newTree.body.sha,
    parents: [mainCommit.sha],
    author: { name: 'Bot', email: 'bot@example.com', date: '2024-06-01T00:00:00Z' },
  });
  expect(commit.status).toBe(201);
  expect(
    (await call('POST', `${A}/git/commits`, { message: 'bad', tree: '1'.repeat(40), parents: [] })).status,
  ).toBe(422);
  expect((await call('GET', `${A}/git/commits/${commit.body.sha}`)).body.message).toBe('via api');
  expect(
    (await call('POST', `${A}/git/refs`, { ref: 'refs/heads/api-branch', sha: mainCommit.sha })).status,
  ).toBe(201);
  expect(
    (await call('POST', `${A}/git/refs`, { ref: 'refs/heads/api-branch', sha: mainCommit.sha })).status,
  ).toBe(422);
  expect((await call('PATCH', `${A}/git/refs/heads/api-branch`, { sha: commit.body.sha })).status).toBe(200);
  expect(
    (await call('PATCH', `${A}/git/refs/heads/api-branch`, { sha: repo.branchSha('feature-2') })).status,
  ).toBe(422);
  expect((await call('GET', `${A}/git/ref/heads/api-branch`)).body.object.sha).toBe(commit.body.sha);
  expect((await call('GET', `${A}/git/ref/heads/nope`)).status).toBe(404);
  expect((await call('GET', `${A}/git/matching-refs/heads/feature`)).body.length).toBeGreaterThan(0);
  expect((await call('DELETE', `${A}/git/refs/heads/api-branch`)).status).toBe(204);

  expect((await call('GET', `${A}/contents/policies/base.yaml?ref=main`)).body.type).toBe('file');
  expect(Array.isArray((await call('GET', `${A}/contents/policies`)).body)).toBe(true);
  expect(Array.isArray((await call('GET', `${A}/contents`)).body)).toBe(true);
  expect((await call('GET', `${A}/contents/docs/link.md`)).body.type).toBe('file');
  expect((await call('GET', `${A}/contents/docs/outside`)).body.type).toBe('symlink');
  expect((await call('GET', `${A}/contents/vendor/lib`)).body.type).toBe('submodule');
  expect((await call('GET', `${A}/contents/missing.txt`)).status).toBe(404);

  expect(
    (await call('GET', `${A}/commits?sha=main&path=policies&since=2024-01-01T00:00:00Z`)).body,
  ).toHaveLength(1);
  expect((await call('GET', `${A}/commits/main`)).body.files.length).toBeGreaterThan(0);
  expect((await call('GET', `${A}/commits/${'e'.repeat(40)}`)).status).toBe(422);
  const cmp = await call('GET', `${A}/compare/main...grant/alice-db`);
  expect(cmp.body.status).toBe('diverged');
});

test('statuses', async () => {
  const { headSha } = world;
  expect(
    (
      await call('POST', `${A}/statuses/${headSha}`, {
        state: 'success',
        context: 'gitgrant/approval',
        description: 'approved',
        target_url: 'https://example.com/run/1',
      })
    ).status,
  ).toBe(201);
  expect((await call('POST', `${A}/statuses/${headSha}`, { state: 'bogus' })).status).toBe(422);
  expect((await call('GET', `${A}/commits/${headSha}/statuses`)).body.length).toBe(2);
  const combined = await call('GET', `${A}/commits/${headSha}/status`);
  expect(combined.body.state).toBe('success');
});

test('issues and comments', async () => {
  expect(
    (await call('GET', `${A}/issues?labels=gitgrant-alert&state=open&creator=github-actions[bot]`)).body,
  ).toHaveLength(1);
  expect((await call('GET', `${A}/issues?state=all`)).status).toBe(200);
  const created = await call('POST', `${A}/issues`, {
    title: 'alert',
    body: 'x',
    labels: ['gitgrant-alert'],
  });
  expect(created.status).toBe(201);
  expect((await call('POST', `${A}/issues`, { body: 'no title' })).status).toBe(422);
  expect(
    (await call('PATCH', `${A}/issues/${created.body.number}`, { state: 'closed', body: 'done' })).body.state,
  ).toBe('closed');
  expect(
    (await call('POST', `${A}/issues/${created.body.number}/labels`, { labels: ['p1'] })).body,
  ).toHaveLength(2);
  expect((await call('GET', `${A}/issues/1/comments`)).body).toHaveLength(1);
  const c = await call('POST', `${A}/issues/1/comments`, { body: 'hello' });
  expect(c.status).toBe(201);
  expect((await call('PATCH', `${A}/issues/comments/${c.body.id}`, { body: 'edited' })).body.body).toBe(
    'edited',
  );
  expect((await call('DELETE', `${A}/issues/comments/${c.body.id}`)).status).toBe(204);
  expect((await call('GET', `${A}/issues/999/comments`)).status).toBe(404);
});

test('identity, teams and orgs', async () => {
  expect((await call('GET', '/user', undefined, { token: 'user' })).body.login).toBe('dave');
  expect((await call('GET', '/user')).status).toBe(403);
  expect((await call('GET', '/users/alice')).body.id).toBe(101);
  expect((await call('GET', '/users/nobody-here')).status).toBe(404);
  expect((await call('GET', '/orgs/acme/teams/sre/memberships/bob')).body.state).toBe('active');
  expect((await call('GET', '/orgs/acme/teams/sre/memberships/carol')).body.state).toBe('pending');
  expect((await call('GET', '/orgs/acme/teams/sre/memberships/alice')).status).toBe(404);
  expect((await call('PUT', '/orgs/acme/teams/sre/memberships/alice', { role: 'member' })).body.state).toBe(
    'pending',
  );
  expect((await call('DELETE', '/orgs/acme/teams/sre/memberships/alice')).status).toBe(204);
  expect(
    (await call('GET', '/orgs/acme/teams/sre/members')).body.map((u: { login: string }) => u.login),
  ).toEqual(['bob']);
  expect((await call('GET', '/orgs/acme/repos')).body).toHaveLength(2);
  expect((await call('GET', '/orgs/acme/properties/values')).body[0].properties).toEqual(
    expect.arrayContaining([{ property_name: 'env', value: 'production' }]),
  );
});

test('collaborators and invitations', async () => {
  const invited = await call('PUT', `${A}/collaborators/alice`, { permission: 'pull' });
  expect(invited.status).toBe(201);
  expect(invited.body.permissions).toBe('read');
  expect((await call('PUT', `${A}/collaborators/bob`, { permission: 'maintain' })).status).toBe(204);
  expect((await call('GET', `${A}/collaborators/bob/permission`)).body.role_name).toBe('maintain');
  expect((await call('GET', `${A}/collaborators/alice/permission`)).body.permission).toBe('none');
  expect((await call('GET', `${A}/collaborators`)).body.map((u: { login: string }) => u.login)).toEqual([
    'bob',
  ]);
  const invs = await call('GET', `${A}/invitations`);
  expect(invs.body).toHaveLength(2);
  expect((await call('DELETE', `${A}/invitations/${invited.body.id}`)).status).toBe(204);
  expect((await call('DELETE', `${A}/collaborators/bob`)).status).toBe(204);
});

test('settings', async () => {
  expect((await call('GET', A)).body.default_branch).toBe('main');
  expect(
    (await call('GET', `${A}/branches/main/protection`)).body.required_pull_request_reviews
      .required_approving_review_count,
  ).toBe(1);
  expect((await call('GET', `${A}/branches/grant/alice-db/protection`)).status).toBe(404);
  expect((await call('GET', `${A}/rules/branches/main`)).body).toHaveLength(2);
  expect((await call('GET', `${A}/codeowners/errors`)).body.errors).toHaveLength(1);
});

test('actions workflows and runs, rulesets', async () => {
  const { repo } = world;
  repo.commit('main', {
    files: {
      '.github/workflows/gitgrant-reconcile.yml':
        'name: gitgrant reconcile\non: { schedule: [{ cron: "7 * * * *" }] }\n',
      '.github/workflows/ci.yaml': 'on: push\n',
    },
    message: 'workflows',
    author: { login: 'dave' },
  });
  setWorkflowState(repo, '.github/workflows/ci.yaml', 'disabled_manually');
  addWorkflowRun(repo, '.github/workflows/gitgrant-reconcile.yml', {
    created_at: '2024-06-01T10:07:00Z',
    conclusion: 'failure',
  });
  addWorkflowRun(repo, '.github/workflows/gitgrant-reconcile.yml', {
    created_at: '2024-06-01T10:22:00Z',
    status: 'in_progress',
  });
  const listed = await call('GET', `${A}/actions/workflows`);
  expect(listed.body.total_count).toBe(2);
  expect(listed.body.workflows.map((w: { name: string; state: string }) => [w.name, w.state])).toEqual(
    expect.arrayContaining([
      ['gitgrant reconcile', 'active'],
      ['.github/workflows/ci.yaml', 'disabled_manually'],
    ]),
  );
  const runs = await call('GET', `${A}/actions/workflows/gitgrant-reconcile.yml/runs?per_page=1`);
  expect(runs.body.total_count).toBe(2);
  expect(runs.body.workflow_runs).toHaveLength(1);
  expect(runs.body.workflow_runs[0].status).toBe('in_progress');
  expect(runs.headers.get('link')).toContain('rel="next"');
  const id = listed.body.workflows.find((w: { name: string }) => w.name === 'gitgrant reconcile').id;
  expect(
    (await call('GET', `${A}/actions/workflows/${id}/runs?status=failure`)).body.workflow_runs,
  ).toHaveLength(1);
  expect((await call('GET', `${A}/actions/workflows/nope.yml/runs`)).status).toBe(404);
  expect((await call('GET', `${A}/actions/workflows`, undefined, { token: 'limited' })).status).toBe(403);

  const ruleset = addRuleset(repo, {
    name: 'protect main',
    bypass_actors: [{ actor_id: 5, actor_type: 'RepositoryRole', bypass_mode: 'always' }],
    rules: [{ type: 'non_fast_forward' }],
  });
  const got = await call('GET', `${A}/rulesets/${ruleset.id}`);
  expect(got.body.bypass_actors).toEqual([
    { actor_id: 5, actor_type: 'RepositoryRole', bypass_mode: 'always' },
  ]);
  expect(
    (await call('GET', `${A}/rulesets/${ruleset.id}`, undefined, { token: 'limited' })).body.bypass_actors,
  ).toBeUndefined();
  expect((await call('GET', `${A}/rules/branches/main`)).body).toHaveLength(3);
  expect((await call('GET', `${A}/rulesets/999`)).status).toBe(404);
});

test('errors: 401 without a token, 403 without a permission', async () => {
  const res = await fetch(`${gh.url}${A}/pulls/1`);
  expect(res.status).toBe(401);
  expect(basicErrorValidator()(await res.json())).toBe(true);
  const denied = await call('GET', `${A}/pulls/1`, undefined, { token: 'limited' });
  expect(denied.status).toBe(403);
  expect(denied.headers.get('x-accepted-github-permissions')).toBe('pull_requests=read');
});

test('the validator catches drift (missing required field, wrong type, null where not nullable)', async () => {
  const pr = (await call('GET', `${A}/pulls/1`)).body;
  const v = responseValidator('GET', '/repos/{owner}/{repo}/pulls/{pull_number}', 200)!;
  expect(v(pr)).toBe(true);
  expect(v({ ...pr, head: undefined })).toBe(false);
  expect(v({ ...pr, number: '1' })).toBe(false);
  expect(v({ ...pr, title: null })).toBe(false);
  expect(v({ ...pr, body: null, merged_at: null })).toBe(true);
  expect(v({ ...pr, user: { ...pr.user, login: undefined } })).toBe(false);
});

test('every served route was driven and validated with a success status', () => {
  const missing = gh.routes.filter((r) => ![...(validated.get(r) ?? [])].some((s) => s >= 200 && s < 300));
  expect(missing).toEqual([]);
  expect(gh.unexpectedRequests()).toEqual([]);
});
