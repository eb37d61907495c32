/**
 * Resources discovered at run time (`discover:` — organisation repositories, their custom
 * properties as tags) are part of the inventory on the pull request, through the bundled Action.
 */
import { startFakeGitHub, type FakeGitHub } from '../fake-github/server.js';
import { runAction } from '../helpers/action.js';
import { grantYaml, openPullRequest, pullRequestPayload, review, seedAcme } from '../helpers/acme.js';

let gh: FakeGitHub | undefined;
afterEach(async () => {
  await gh?.close();
  gh = undefined;
});

const DISCOVER = `discover:
  - provider: github
    org: acme
    tags_from: custom_properties
policies:
  - name: discovered-sandboxes
    resources: { match: { env: sandbox } }
    requesters: [group:engineering]
    access:
      write: { max_duration: 1d, approvals: [{ from: [group:sre], count: 1 }] }
`;

test('a grant on a discovered repository resolves with its custom properties as tags, and is decided', async () => {
  gh = await startFakeGitHub({ tokens: { tok: { login: 'github-actions[bot]', type: 'Bot' } } });
  const w = seedAcme(gh, { files: { 'policies/discovered.yaml': DISCOVER } });
  gh.state.createRepo('acme/playground', {
    defaultBranch: 'main',
    customProperties: { env: 'sandbox', team: 'platform' },
  });
  gh.state.createRepo('acme/other', { defaultBranch: 'main', customProperties: { env: 'production' } });
  const path = 'grants/sandbox/alice-playground.yaml';
  const opened = openPullRequest(w, {
    author: 'alice',
    branch: 'req/playground',
    files: {
      [path]: grantYaml({
        requester: 'alice',
        access: 'write',
        duration: '4h',
        resources: ['github:acme/playground'],
      }),
    },
  });
  review(w, opened.pr, 'bob', 'APPROVED');
  const run = await runAction({
    gh,
    event: 'pull_request_target',
    payload: pullRequestPayload(w, opened.pr, 'synchronize'),
    inputs: { command: 'validate' },
  });
  const result = JSON.parse(run.outputs.result ?? '{}');
  if (!result.results) console.log(run.stdout.slice(-3000), run.stderr.slice(-2000));
  expect(result.results[0]).toMatchObject({
    file: path,
    ok: true,
    approved: true,
    resources: ['github:acme/playground'],
  });
  expect(run.code).toBe(0);

  // A selector over the discovered tags works too; the production repository is not matched.
  const sel = 'grants/sandbox/alice-sandboxes.yaml';
  const opened2 = openPullRequest(w, {
    author: 'alice',
    branch: 'req/sandboxes',
    files: {
      [sel]: grantYaml({
        requester: 'alice',
        access: 'write',
        duration: '4h',
        resources: [{ match: { env: 'sandbox' } }],
      }),
    },
  });
  const run2 = await runAction({
    gh,
    event: 'pull_request_target',
    payload: pullRequestPayload(w, opened2.pr, 'synchronize'),
    inputs: { command: 'validate' },
  });
  expect(JSON.parse(run2.outputs.result ?? '{}').results[0].resources).toEqual(['github:acme/playground']);
});
