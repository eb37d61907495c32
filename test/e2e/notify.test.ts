/**
 * End to end: chat notifications (docs/notifications.md) from the bundled Action against the
 * GitHub fake, delivered to a real local Slack-style receiver. Each event arrives once, with the
 * right text; reruns send nothing twice; a failing webhook never fails the command.
 * Build first: `npm run build`.
 */
import { jest } from '@jest/globals';
import { startFakeGitHub, type FakeGitHub } from '../fake-github/server.js';
import { actionBundle, describeRun, runAction } from '../helpers/action.js';
import {
  exampleFile,
  grantYaml,
  openPullRequest,
  pullRequestPayload,
  review,
  seedAcme,
  type AcmeWorld,
} from '../helpers/acme.js';
import { HOUR, MINUTE, mergeApprovedGrant, runReconcileAction } from '../helpers/reconcile.js';
import { NotifyReceiver } from '../helpers/notify-receiver.js';
import { exportToGit } from '../fake-github/git-sync.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebhookReceiver } from '../helpers/webhook-receiver.js';

jest.setTimeout(120_000);

const HOOK_SECRET = 'notebook-hook-secret-for-notify';
let gh: FakeGitHub | undefined;
let slack: NotifyReceiver | undefined;
let hooks: WebhookReceiver | undefined;

beforeAll(() => actionBundle());

afterEach(async () => {
  if (gh) await gh.close();
  gh = undefined;
  if (slack) await slack.stop();
  slack = undefined;
  if (hooks) await hooks.stop();
  hooks = undefined;
});

const NOTIFICATIONS = '  notifications: { webhook_env: SLACK_WEBHOOK_URL, expiry_warning: 1h }';

function accessWithNotifications(): string {
  const access = exampleFile('policies/access.yaml');
  const line = '  revocation: { mode: pull-request }';
  if (!access.includes(line)) throw new Error('policies/access.yaml has no revocation line to add to');
  return access.replace(line, `${line}\n${NOTIFICATIONS}`);
}

interface World extends AcmeWorld {
  env: Record<string, string>;
}

/** Reconcile scenarios: only the webhook resource (no provider that needs a server or repositories). */
const NOTEBOOKS_ONLY = (url: string) => `resources:
  - id: ds-notebooks
    provider: webhook
    tags: { env: staging, team: data-science, kind: notebook }
    config: { url: "${url}", secret_env: NOTEBOOK_HOOK_SECRET }
`;

async function world(opts: { notebooksOnly?: boolean } = {}): Promise<World> {
  gh = await startFakeGitHub();
  slack = new NotifyReceiver();
  await slack.start();
  hooks = new WebhookReceiver(HOOK_SECRET);
  await hooks.start();
  const resources = opts.notebooksOnly
    ? NOTEBOOKS_ONLY(hooks.url('/hooks/notebooks'))
    : exampleFile('policies/resources.yaml').replace(
        'https://hooks.acme.example/notebooks',
        hooks.url('/hooks/notebooks'),
      );
  const w = seedAcme(gh, {
    files: {
      'policies/access.yaml': accessWithNotifications(),
      'policies/resources.yaml': resources,
      'grants/production/billing/alice-billing-db-read.yaml': null,
      'grants/production/frontend/dave-frontend-write.yaml': null,
      'grants/staging/ivan-data-science-staging.yaml': null,
    },
  });
  return { ...w, env: { SLACK_WEBHOOK_URL: slack.url('/slack'), NOTEBOOK_HOOK_SECRET: HOOK_SECRET } };
}

const READ_PATH = 'grants/production/billing/alice-billing-read.yaml';
const READ_GRANT = grantYaml({
  requester: 'alice',
  access: 'read',
  duration: '4h',
  resources: ['billing-db-prod'],
  ticket: 'INC-4711',
  reason: 'INC-4711: exports <fail> & retry',
});

async function validate(w: World, opened: ReturnType<typeof openPullRequest>, action: string, env = w.env) {
  const run = await runAction({
    gh: w.gh,
    event: action === 'submitted' ? 'pull_request_review' : 'pull_request_target',
    payload: pullRequestPayload(w, opened.pr, action),
    inputs: { command: 'validate' },
    env,
  });
  if (process.env.GITGRANT_E2E_DEBUG) console.log(describeRun(run));
  return run;
}

describe('notifications, end to end', () => {
  test('validate: one request notification when the PR is first reported, one approval notification when it turns green', async () => {
    const w = await world();
    const pr = openPullRequest(w, {
      author: 'alice',
      branch: 'grant/alice-read',
      files: { [READ_PATH]: READ_GRANT },
    });

    const first = await validate(w, pr, 'opened');
    expect(first.code).toBe(1); // waiting for an SRE
    expect(slack!.posts).toHaveLength(1);
    const request = slack!.posts[0]!;
    expect(request.contentType).toMatch(/application\/json/);
    expect(request.body.text).toMatch(
      /^:key: \*Access requested\* in pull request <https:\/\/github\.com\/acme\/access\/pull\/\d+\|#\d+> by alice\n/,
    );
    expect(request.body.text).toContain('by alice');
    expect(request.body.text).toContain('`read` on `billing-db-prod` for 4h');
    // Slack mrkdwn control characters are escaped: a reason cannot forge links or mentions.
    expect(request.body.text).toContain('exports &lt;fail&gt; &amp; retry');
    expect(request.body.blocks[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: request.body.text },
    });

    // A rerun (same head, still waiting): nothing new.
    await validate(w, pr, 'synchronize');
    expect(slack!.posts).toHaveLength(1);

    review(w, pr.pr, 'bob', 'APPROVED');
    const green = await validate(w, pr, 'submitted');
    expect(green.code).toBe(0);
    expect(slack!.texts()).toHaveLength(2);
    expect(slack!.texts()[1]).toContain('*Access request approved*');
    expect(slack!.texts()[1]).toContain('approved by bob');

    // Green again on the same head (another review event): no second approval notification.
    const again = await validate(w, pr, 'submitted');
    expect(again.code).toBe(0);
    expect(slack!.texts()).toHaveLength(2);
  });

  test('a failing webhook never fails validate: the decision stands, with a warning', async () => {
    const w = await world();
    slack!.status.set('/slack', 500);
    const pr = openPullRequest(w, {
      author: 'alice',
      branch: 'grant/alice-read',
      files: { [READ_PATH]: READ_GRANT },
    });
    review(w, pr.pr, 'bob', 'APPROVED');
    const run = await validate(w, pr, 'opened');
    expect(run.code).toBe(0);
    expect(run.outputs.approved).toBe('true');
    expect(run.stdout).toMatch(/notification failed: the webhook answered HTTP 500/);
    // A URL that is neither https nor loopback is refused (never sent), also without failing.
    const other = openPullRequest(w, {
      author: 'alice',
      branch: 'grant/alice-read-2',
      files: { 'grants/production/billing/alice-read-2.yaml': READ_GRANT },
    });
    review(w, other.pr, 'bob', 'APPROVED');
    const refused = await validate(w, other, 'opened', {
      ...w.env,
      SLACK_WEBHOOK_URL: 'http://hooks.example.com/x',
    });
    expect(refused.code).toBe(0);
    expect(refused.stdout).toMatch(/must be https:\/\//);
  });

  test('reconcile: one expiry warning per grant ending soon, one revocation per revoked grant; none twice', async () => {
    const w = await world({ notebooksOnly: true });
    const now = Date.now();
    // ivan: active, ends in ~30 minutes (within expiry_warning: 1h).
    mergeApprovedGrant(w, {
      path: 'grants/staging/ivan-notebooks.yaml',
      grant: { requester: 'ivan', access: 'read', duration: '2h', resources: ['ds-notebooks'] },
      resources: ['ds-notebooks'],
      approver: 'erin',
      mergedAt: now - 90 * MINUTE,
    });
    // alice: expired an hour ago.
    mergeApprovedGrant(w, {
      path: 'grants/staging/alice-notebooks.yaml',
      grant: { requester: 'alice', access: 'read', duration: '4h', resources: ['ds-notebooks'] },
      resources: ['ds-notebooks'],
      approver: 'erin',
      mergedAt: now - 5 * HOUR,
    });
    // carol-like control: an active grant far from its end gets no warning.
    mergeApprovedGrant(w, {
      path: 'grants/staging/ivan-notebooks-long.yaml',
      grant: { requester: 'ivan', access: 'read', duration: '1d', resources: ['ds-notebooks'] },
      resources: ['ds-notebooks'],
      approver: 'erin',
      mergedAt: now - 10 * MINUTE,
    });

    const first = await runReconcileAction(w, { env: w.env });
    if (!first.result.ok) throw new Error(describeRun(first));
    const texts = slack!.texts();
    expect(texts.filter((t) => t.includes('*Access expires soon*'))).toEqual([
      expect.stringContaining('ivan: `read` on `ds-notebooks` — `grants/staging/ivan-notebooks.yaml`, ends'),
    ]);
    expect(texts.filter((t) => t.includes('*Access revoked*'))).toEqual([
      expect.stringContaining('alice: `read` on `ds-notebooks` — `grants/staging/alice-notebooks.yaml`'),
    ]);
    expect(texts).toHaveLength(2);

    const second = await runReconcileAction(w, { env: w.env });
    if (!second.result.ok) throw new Error(describeRun(second));
    expect(slack!.texts()).toHaveLength(2);
  });

  test('apply: one grant notification per granted file; a rerun that changes nothing sends nothing', async () => {
    const w = await world({ notebooksOnly: true });
    const path = 'grants/staging/ivan-notebooks.yaml';
    const pr = openPullRequest(w, {
      author: 'ivan',
      branch: 'grant/ivan-notebooks',
      files: {
        [path]: grantYaml({ requester: 'ivan', access: 'read', duration: '2h', resources: ['ds-notebooks'] }),
      },
    });
    const v = await validate(w, pr, 'opened'); // no approval needed: request + approval
    expect(v.code).toBe(0);
    expect(slack!.texts().map((t) => t.split(' ').slice(0, 3).join(' '))).toEqual([
      ':key: *Access requested*',
      ':white_check_mark: *Access request',
    ]);
    const before = w.repo.branchSha('main')!;
    const after = w.repo.mergePullRequest(pr.pr, { method: 'merge', by: 'grace' });
    // The receiver dedupes by idempotency key: the second delivery changes nothing.
    hooks!.behaviours.set('/hooks/notebooks', (n) =>
      n === 0 ? { status: 204 } : { status: 200, body: { changed: false } },
    );
    const clone = mkdtempSync(join(tmpdir(), 'gitgrant-notify-clone-'));
    try {
      const apply = async () => {
        await exportToGit(w.repo, clone, { branches: ['main'] });
        return runAction({
          gh: w.gh,
          event: 'push',
          payload: {
            ref: 'refs/heads/main',
            before,
            after,
            repository: { full_name: 'acme/access', name: 'access', default_branch: 'main' },
          },
          inputs: { command: '' },
          env: { ...w.env, GITHUB_WORKSPACE: clone, GITHUB_WORKFLOW: 'gitgrant apply' },
        });
      };
      const first = await apply();
      if (first.code !== 0) throw new Error(describeRun(first));
      const grants = slack!.texts().filter((t) => t.includes('*Access granted*'));
      expect(grants).toEqual([
        expect.stringMatching(
          /^:unlock: \*Access granted\* \(#\d+\): ivan: `read` on `ds-notebooks` — `grants\/staging\/ivan-notebooks\.yaml`, until \d{4}-/,
        ),
      ]);
      const second = await apply();
      if (second.code !== 0) throw new Error(describeRun(second));
      expect(slack!.texts().filter((t) => t.includes('*Access granted*'))).toHaveLength(1);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });
});
