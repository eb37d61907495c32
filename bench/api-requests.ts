/**
 * GitHub API requests per operation, counted on the loopback GitHub fake (requests, not time):
 *   - one validation of a pull request with 1, 20 and 200 grant files, with 3 and 150 reviews
 *     (target: the count grows with pagination only, not with the number of reviews);
 *   - the github provider per applied grant (target: ≤ 3).
 */
import { validatePullRequest } from '../src/commands/validate-pr.js';
import { createGitHubClient, GitHubProvider } from '../src/providers/github.js';
import type { Resource } from '../src/core/model.js';
import { syntheticSource } from '../src/core/errors.js';
import { startFakeGitHub } from '../test/fake-github/server.js';
import { grantYaml, openPullRequest, review, seedAcme } from '../test/helpers/acme.js';

async function validationCost(grants: number, reviews: number): Promise<number> {
  const gh = await startFakeGitHub({ pageSize: 100 });
  try {
    const world = seedAcme(gh);
    const files: Record<string, string> = {};
    for (let i = 0; i < grants; i++) {
      files[`grants/production/billing/alice-req-${i}.yaml`] = grantYaml({
        requester: 'alice',
        access: 'read',
        duration: '2h',
        resources: ['billing-db-prod'],
        ticket: 'INC-1',
      });
    }
    const opened = openPullRequest(world, { author: 'alice', branch: 'req', files });
    for (let i = 0; i < reviews; i++) {
      const login = `reviewer-${i}`;
      gh.state.addUser({ login, id: 50_000 + i });
      review(world, opened.pr, login, 'COMMENTED');
    }
    review(world, opened.pr, 'bob', 'APPROVED');
    const client = createGitHubClient('tok', { apiUrl: gh.url, retries: 0 });
    const before = gh.requests.length;
    await validatePullRequest(
      { gh: client, teamsGh: client, ref: { owner: 'acme', repo: 'access' } },
      opened.pr.number,
    );
    return gh.requests.length - before;
  } finally {
    await gh.close();
  }
}

async function providerCost(n: number): Promise<number> {
  const gh = await startFakeGitHub();
  try {
    gh.state.createOrg('acme', { id: 1 });
    gh.state.createRepo('acme/web', { defaultBranch: 'main' });
    for (let i = 0; i < n; i++) gh.state.addUser({ login: `p${i}`, id: 10_000 + i });
    const provider = new GitHubProvider({ client: createGitHubClient('tok', { apiUrl: gh.url }) });
    const resource: Resource = {
      id: 'web',
      provider: 'github',
      tags: {},
      config: { repository: 'acme/web' },
      baseline: [],
      prune: false,
      source: syntheticSource('bench'),
      path: [],
    };
    const before = gh.requests.length;
    for (let i = 0; i < n; i++) {
      await provider.grant({
        resource,
        subject: { login: `p${i}`, identity: `p${i}` },
        level: 'write',
        held: ['write'],
        event: { kind: 'grant', grantId: `g${i}` },
      });
    }
    return (gh.requests.length - before) / n;
  } finally {
    await gh.close();
  }
}

export async function benchApiRequests(): Promise<void> {
  process.env.GITGRANT_THROTTLE_MIN_TIME_MS ??= '0';
  console.log('GitHub API requests per validation (page size 100)');
  for (const files of [1, 20, 200]) {
    const few = await validationCost(files, 3);
    const many = await validationCost(files, 150);
    console.log(
      `  ${String(files).padStart(3)} grant files: ${few} requests with 3 reviews, ${many} with 150 reviews (+${many - few}: pagination only)`,
    );
  }
  console.log(
    `github provider: ${(await providerCost(20)).toFixed(2)} API requests per applied grant (target ≤ 3)`,
  );
}
