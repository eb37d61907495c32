/**
 * GitHub API requests per reconcile run (issue "Expiry that cannot be forgotten", Done-when 3),
 * counted on the loopback GitHub fake (requests, not time), in-process (`runReconcile` from src):
 *   - 1,000 active grants over 50 `github` resources (repositories acme/repo-0..49, so every
 *     `list()` makes real requests), landed on main through 20 merged pull requests of 50 grants
 *     each, every PR approved on its head and carrying gitgrant's sticky comment with the
 *     resolution record (what validate writes);
 *   - the collaborators the grants gave are in place (as apply left them): no re-grant, no drift;
 *   - a local clone with the fake's commit ids, a file state store, an App (installation) token;
 *   - run 1 (cold: empty state, approval-at-merge checked once per grant) and run 2 (warm:
 *     approvals cached in the state).
 * Target: requests proportional to the resources touched, not to the grants, and within
 * GITHUB_TOKEN's budget per warm run (1,000 requests an hour at a 15-minute interval = 250).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolutionDigest } from '../src/commands/digest.js';
import { runReconcile, type ReconcileResult } from '../src/commands/reconcile.js';
import { fileStateStore } from '../src/commands/state.js';
import { createGitHubClient } from '../src/providers/github.js';
import { providersFor } from '../src/providers/registry.js';
import { COMMENT_MARKER } from '../src/render/markdown/comment.js';
import { renderResolutionRecord } from '../src/render/markdown/record.js';
import { exportToGit } from '../test/fake-github/git-sync.js';
import { startFakeGitHub, type FakeGitHub } from '../test/fake-github/server.js';
import { grantYaml, openPullRequest, type AcmeWorld } from '../test/helpers/acme.js';

const RESOURCES = 50;
const PRS = 20; // one requester per PR (the requester must be the PR's author)
const GRANTS = RESOURCES * PRS; // each PR: one grant per resource
const APPROVER = 'olivia';
const INTERVAL_MS = 15 * 60_000;
/** GITHUB_TOKEN: 1,000 requests an hour per repository; runs every 15 minutes → 4 an hour. */
const BUDGET_PER_RUN = 1000 / (3_600_000 / INTERVAL_MS);

const person = (i: number) => `engineer-${i}`;
const repoOf = (j: number) => `repo-${j}`;

/** policies/ of the bench world: 50 repositories, one policy, code owners approve. */
function policyFiles(): Record<string, string> {
  const resources = Array.from(
    { length: RESOURCES },
    (_, j) =>
      `  - id: ${repoOf(j)}\n    provider: github\n    tags: { env: production, kind: repository }\n    config: { repository: acme/${repoOf(j)} }`,
  );
  const people = [
    ...Array.from(
      { length: PRS },
      (_, i) => `  ${person(i)}: { id: ${20_000 + i}, tags: { team: [platform], role: [employee] } }`,
    ),
    `  ${APPROVER}: { id: 19999, tags: { team: [platform], role: [employee] } }`,
  ];
  return {
    'README.md': '# acme access (bench)\n',
    'policies/resources.yaml': `resources:\n${resources.join('\n')}\n`,
    'policies/people.yaml': `people:\n${people.join('\n')}\ngroups:\n  engineering: [${Array.from({ length: PRS }, (_, i) => person(i)).join(', ')}]\n  security: [${APPROVER}]\n`,
    'policies/access.yaml': [
      'policies:',
      '  - name: production-repositories',
      '    resources: { match: { env: production, kind: repository } }',
      '    requesters: [group:engineering]',
      '    access:',
      '      read: { max_duration: 3d, approvals: [{ from: codeowners, count: 1 }] }',
      'settings:',
      '  admins: { from: [group:security], count: 1 }',
      '  revocation: { mode: pull-request }',
      '',
    ].join('\n'),
    '.github/CODEOWNERS': `* @${APPROVER}\n/grants/ @${APPROVER}\n`,
  };
}

interface BenchWorld {
  gh: FakeGitHub;
  world: AcmeWorld;
  /** Time of the last merge (every window is active for 3 days from its merge). */
  lastMergeMs: number;
}

async function buildWorld(): Promise<BenchWorld> {
  const gh = await startFakeGitHub({ pageSize: 100 });
  const s = gh.state;
  s.createOrg('acme', { id: 9919 });
  const people: Record<string, number> = { [APPROVER]: 19999 };
  s.addUser({ login: APPROVER, id: 19999 });
  for (let i = 0; i < PRS; i++) {
    people[person(i)] = 20_000 + i;
    s.addUser({ login: person(i), id: 20_000 + i });
  }
  const repo = s.createRepo('acme/access', { defaultBranch: 'main' });
  const mainSha = repo.commit('main', {
    files: policyFiles(),
    message: 'bench: policies, people and code owners',
    author: { login: APPROVER, date: '2026-11-01T09:00:00Z' },
  });
  const world: AcmeWorld = { gh, repo, mainSha, people };
  const targets = Array.from({ length: RESOURCES }, (_, j) =>
    s.createRepo(`acme/${repoOf(j)}`, { defaultBranch: 'main' }),
  );

  const firstMerge = Date.parse('2026-11-29T12:00:00Z');
  let lastMergeMs = firstMerge;
  for (let i = 0; i < PRS; i++) {
    const files: Record<string, string> = {};
    for (let j = 0; j < RESOURCES; j++)
      files[`grants/${person(i)}/${person(i)}-${repoOf(j)}.yaml`] = grantYaml({
        requester: person(i),
        access: 'read',
        duration: '3d',
        resources: [repoOf(j)],
      });
    const opened = openPullRequest(world, { author: person(i), branch: `grant/${person(i)}`, files });
    repo.addReview(opened.pr, {
      user: { login: APPROVER, id: 19999, type: 'User' },
      state: 'APPROVED',
      commit_id: opened.headSha,
      submitted_at: new Date(firstMerge + i * 60_000 - 30_000).toISOString(),
    });
    // gitgrant's sticky comment as validate writes it with an installation token: the hidden
    // record of each file's resolved resource set on the head reviewers approved.
    repo.addComment(opened.pr.number, {
      user: { login: 'github-actions[bot]', type: 'Bot' },
      body: `${COMMENT_MARKER}\n### gitgrant\n\n${renderResolutionRecord({
        head: opened.headSha,
        files: Object.fromEntries(Object.keys(files).map((f, j) => [f, resolutionDigest([repoOf(j)])])),
      })}\n`,
    });
    lastMergeMs = firstMerge + i * 60_000;
    repo.mergePullRequest(opened.pr, {
      method: 'merge',
      by: APPROVER,
      date: new Date(lastMergeMs).toISOString(),
    });
  }
  // The access apply gave: every engineer a direct `read` collaborator of every repository.
  for (const t of targets) for (let i = 0; i < PRS; i++) t.addCollaborator(person(i), 'read');
  return { gh, world, lastMergeMs };
}

/** Requests of one run, by route, largest first. */
function byRoute(gh: FakeGitHub, from: number): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const r of gh.requests.slice(from)) {
    const key = r.route ?? `${r.method} ${r.path} (unmatched)`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** The run must have done exactly the steady-state work, or its count means nothing. */
function checkRun(name: string, r: ReconcileResult): void {
  const problems = [
    r.failures.length && `${r.failures.length} failures (${r.failures[0]?.message})`,
    r.notApproved.length && `${r.notApproved.length} not approved (${r.notApproved[0]?.reasons[0]})`,
    r.reapplied.length && `${r.reapplied.length} re-granted`,
    r.revoked.length && `${r.revoked.length} revoked`,
    r.drift.length && `${r.drift.length} drift`,
    !r.ok && 'not ok',
  ].filter(Boolean);
  if (problems.length)
    throw new Error(`reconcile bench: the ${name} run is not the steady state: ${problems.join('; ')}`);
}

export async function benchReconcileRequests(): Promise<void> {
  process.env.GITGRANT_THROTTLE_MIN_TIME_MS ??= '0';
  const { gh, world, lastMergeMs } = await buildWorld();
  const dir = mkdtempSync(join(tmpdir(), 'gitgrant-bench-reconcile-'));
  try {
    const repoDir = join(dir, 'access');
    await exportToGit(world.repo, repoDir);
    // The App installation token (the fake's `tok` is github-actions[bot]): login null, and the
    // github provider may manage collaborators with it.
    const client = createGitHubClient('tok', { apiUrl: gh.url, retries: 0 });
    const state = fileStateStore(join(dir, 'state.json'));
    const run = async (nowMs: number) => {
      const before = gh.requests.length;
      const t0 = process.hrtime.bigint();
      const result = await runReconcile({
        gh: client,
        teamsGh: client,
        ref: { owner: 'acme', repo: 'access' },
        repoDir,
        login: null,
        providers: providersFor({ githubClient: client }),
        state,
        nowMs,
        intervalMs: INTERVAL_MS,
        defaultBranch: 'main',
        record: true,
        log: () => undefined,
      });
      return {
        result,
        requests: gh.requests.length - before,
        routes: byRoute(gh, before),
        seconds: Number(process.hrtime.bigint() - t0) / 1e9,
      };
    };
    const cold = await run(lastMergeMs + 60 * 60_000);
    checkRun('cold', cold.result);
    const warm = await run(lastMergeMs + 60 * 60_000 + INTERVAL_MS);
    checkRun('warm', warm.result);
    const unexpected = gh.unexpectedRequests();
    if (unexpected.length)
      throw new Error(`reconcile bench: ${unexpected.length} requests the fake does not serve`);

    const per = (n: number, d: number) => (n / d).toFixed(2);
    const top = (routes: Array<[string, number]>) =>
      routes
        .slice(0, 6)
        .map(([route, n]) => `${n} ${route}`)
        .join(', ');
    console.log(
      `GitHub API requests per reconcile run: ${GRANTS.toLocaleString('en')} active grants over ${RESOURCES} github resources (${PRS} merged PRs, file state, App token)`,
    );
    for (const [name, r] of [
      ['cold (approvals checked once per grant)', cold],
      ['warm (approvals cached in the state)   ', warm],
    ] as const)
      console.log(
        `  ${name}: ${String(r.requests).padStart(5)} requests  (${per(r.requests, GRANTS)} per grant, ${per(r.requests, RESOURCES)} per resource; ${r.seconds.toFixed(1)} s)`,
      );
    console.log(`    cold by route: ${top(cold.routes)}`);
    console.log(`    warm by route: ${top(warm.routes)}`);
    console.log(
      `    cold − warm: ${cold.requests - warm.requests} requests = ${per(cold.requests - warm.requests, PRS)} per merged pull request (${per(cold.requests - warm.requests, GRANTS)} per grant)`,
    );
    console.log(
      `  warm run vs GITHUB_TOKEN's budget (1,000 requests/hour at a 15-minute interval = ${BUDGET_PER_RUN} per run): ` +
        `${warm.requests} ${warm.requests <= BUDGET_PER_RUN ? '≤' : '>'} ${BUDGET_PER_RUN} ` +
        `(target: proportional to resources touched, not to grants; ≤ ${BUDGET_PER_RUN} per warm run)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await gh.close();
  }
}
