/**
 * End to end: escalation and stale requests (docs/escalation.md). The bundled Action on
 * `schedule` against the GitHub fake, with request pull requests opened at controlled times:
 * an old unapproved request gets a review request from escalate_to (once), an approved or young
 * one does not, a request older than expire_after is closed with a comment (once).
 * Build first: `npm run build`.
 */
import { jest } from '@jest/globals';
import { startFakeGitHub, type FakeGitHub } from '../fake-github/server.js';
import { actionBundle, describeRun } from '../helpers/action.js';
import { commentsOf, grantYaml, seedAcme, type AcmeWorld } from '../helpers/acme.js';
import { HOUR, iso, runReconcileAction } from '../helpers/reconcile.js';

jest.setTimeout(120_000);

let gh: FakeGitHub | undefined;
beforeAll(() => actionBundle());
afterEach(async () => {
  if (gh) {
    expect(gh.unexpectedRequests()).toEqual([]);
    await gh.close();
  }
  gh = undefined;
});

/** Reads escalate to group:sre after 4h (the level); every request of the policy expires after 7d. */
const ACCESS = `policies:
  - name: production-data
    resources:
      match: { env: production }
    requesters: [group:engineering]
    expire_after: 7d
    access:
      read: { max_duration: 8h, approvals: [{ from: [group:sre], count: 1 }], escalate_after: 4h, escalate_to: [group:sre] }
      write: { max_duration: 2h, approvals: [{ from: [group:dba], count: 1 }] }
    require: { ticket: "^INC-[0-9]+$" }
settings:
  admins: { from: [group:security], count: 2 }
`;

/** A webhook stand-in for the production database: no server needed, nothing is granted here. */
const RESOURCES = `resources:
  - id: billing-db-prod
    provider: webhook
    tags: { env: production, team: billing, sensitive: pii, kind: database }
    config: { url: "https://hooks.acme.example/db", secret_env: DB_HOOK_SECRET }
`;

async function world(): Promise<AcmeWorld> {
  gh = await startFakeGitHub();
  return seedAcme(gh, {
    files: {
      'policies/access.yaml': ACCESS,
      'policies/resources.yaml': RESOURCES,
      'grants/production/billing/alice-billing-db-read.yaml': null,
      'grants/production/frontend/dave-frontend-write.yaml': null,
      'grants/staging/ivan-data-science-staging.yaml': null,
    },
  });
}

let n = 0;
function requestPr(w: AcmeWorld, author: string, ageMs: number, files?: Record<string, string>) {
  const branch = `grant/${author}-${++n}`;
  w.repo.commit(branch, {
    files: files ?? {
      [`grants/production/billing/${author}-read-${n}.yaml`]: grantYaml({
        requester: author,
        access: 'read',
        duration: '4h',
        resources: ['billing-db-prod'],
        ticket: 'INC-4711',
      }),
    },
    message: `request ${n}`,
    author: { login: author, date: iso(Date.now() - ageMs) },
  });
  return w.repo.createPullRequest({
    base: 'main',
    head: branch,
    author: { login: author, id: w.people[author]! },
    title: `Access request ${n}`,
    created_at: iso(Date.now() - ageMs),
  });
}

async function reconcile(w: AcmeWorld) {
  const run = await runReconcileAction(w);
  if (!run.result.ok) throw new Error(describeRun(run));
  return run;
}

describe('escalation and stale requests, end to end', () => {
  test('escalates once, skips young and approved requests, closes stale ones with a comment once', async () => {
    const w = await world();
    const old = requestPr(w, 'alice', 5 * HOUR);
    const young = requestPr(w, 'alice', 1 * HOUR);
    const approved = requestPr(w, 'dave', 6 * HOUR);
    w.repo.addStatus(approved.headSha, { state: 'success', context: 'gitgrant/approval' });
    const stale = requestPr(w, 'alice', 8 * 24 * HOUR);
    const docs = requestPr(w, 'alice', 30 * 24 * HOUR, { 'README.md': '# changed\n' });

    await reconcile(w);
    const escalatedComments = (pr: number) =>
      commentsOf(w, pr).filter((c) => c.body.includes('<!-- gitgrant:escalated -->'));
    const expiredComments = (pr: number) =>
      commentsOf(w, pr).filter((c) => c.body.includes('<!-- gitgrant:expired -->'));

    expect(old.requested_reviewers.map((u) => u.login).sort()).toEqual(['bob', 'carol']);
    expect(escalatedComments(old.number)).toHaveLength(1);
    expect(escalatedComments(old.number)[0]!.body).toContain('escalate_after (4h)');
    expect(young.requested_reviewers).toEqual([]);
    expect(escalatedComments(young.number)).toHaveLength(0);
    expect(approved.requested_reviewers).toEqual([]);
    expect(escalatedComments(approved.number)).toHaveLength(0);

    expect(stale.issue.state).toBe('closed');
    expect(expiredComments(stale.number)).toHaveLength(1);
    expect(expiredComments(stale.number)[0]!.body).toContain('expire_after (7d)');
    expect(escalatedComments(stale.number)).toHaveLength(0);
    expect(docs.issue.state).toBe('open');
    expect(commentsOf(w, docs.number)).toHaveLength(0);

    // A rerun: nothing twice (a reviewer who was removed from the request is not re-requested either).
    old.requested_reviewers.length = 0;
    await reconcile(w);
    expect(escalatedComments(old.number)).toHaveLength(1);
    expect(old.requested_reviewers).toEqual([]);
    expect(expiredComments(stale.number)).toHaveLength(1);
  });
});
