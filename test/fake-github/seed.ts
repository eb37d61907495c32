/**
 * A realistic example world for tests: org `acme` with teams, repo `acme/access` holding policies,
 * CODEOWNERS and a grant pull request with reviews, statuses, comments, issues and collaborators.
 */
import type { FakeGitHub } from './server.js';
import type { PullRequest, Repo } from './state.js';

export interface ExampleWorld {
  repo: Repo;
  pr: PullRequest;
  mainSha: string;
  headSha: string;
}

export const POLICY_YAML = `policies:
  - name: production-data
    resources: { match: { env: production } }
    requesters: [group:engineering]
    access:
      read: { max_duration: 8h, approvals: [ { from: [group:sre], count: 1 } ] }
`;

export function seedExample(gh: FakeGitHub): ExampleWorld {
  const s = gh.state;
  s.createOrg('acme', { id: 9919 });
  s.addUser({ login: 'alice', id: 101, name: 'Alice' });
  s.addUser({ login: 'bob', id: 102 });
  s.addUser({ login: 'carol', id: 103 });
  s.addUser({ login: 'dave', id: 104 });
  s.addTeamMember('acme', 'sre', 'bob');
  s.addTeamMember('acme', 'sre', 'carol', { state: 'pending' });
  s.addTeamMember('acme', 'security', 'dave', { role: 'maintainer' });

  const repo = s.createRepo('acme/access', {
    defaultBranch: 'main',
    customProperties: { env: 'production', team: 'platform' },
  });
  s.createRepo('acme/frontend-web', {
    private: false,
    customProperties: { env: 'production', team: 'frontend' },
  });

  const mainSha = repo.commit('main', {
    files: {
      'policies/base.yaml': POLICY_YAML,
      '.github/CODEOWNERS': 'grants/production/** @acme/sre\n',
      'README.md': '# access\n',
      'scripts/run.sh': { content: '#!/bin/sh\necho hi\n', executable: true },
      'docs/link.md': { symlink: '../README.md' },
      'vendor/lib': { submodule: '8f6b5a0b2a0b6e1f4c0e3d2c1b0a998877665544' },
    },
    message: 'Initial policies',
    author: { login: 'dave', date: '2024-05-01T10:00:00Z' },
  });
  const headSha = repo.commit('grant/alice-db', {
    files: {
      'grants/production/alice-db.yaml':
        'requester: alice\nreason: "INC-1: debug"\naccess: read\nduration: 4h\nresources: [billing-db-prod]\n',
    },
    message: 'Request access',
    author: { login: 'alice', date: '2024-05-02T09:00:00Z' },
  });
  const pr = repo.createPullRequest({
    base: 'main',
    head: 'grant/alice-db',
    author: { login: 'alice', id: 101 },
    title: 'Grant: alice read billing-db-prod',
    body: 'Please approve',
  });
  repo.addReview(pr, {
    user: { login: 'bob', id: 102, type: 'User' },
    state: 'APPROVED',
    commit_id: headSha,
    submitted_at: '2024-05-02T10:00:00Z',
    body: 'LGTM',
  });
  repo.addReview(pr, {
    user: { login: 'carol', id: 103, type: 'User' },
    state: 'COMMENTED',
    submitted_at: '2024-05-02T10:05:00Z',
  });
  repo.addStatus(headSha, { state: 'pending', context: 'gitgrant/approval', description: 'evaluating' });
  repo.addComment(pr.number, { user: 'github-actions[bot]', body: '<!-- gitgrant -->\nreport' });
  repo.addCollaborator('bob', 'write');
  repo.invite('carol', 'read', 'dave');
  repo.createIssue({
    title: 'gitgrant: apply failed',
    user: 'github-actions[bot]',
    labels: ['gitgrant-alert'],
  });
  repo.protectBranch('main', {});
  repo.setBranchRules('main', [
    { type: 'deletion' },
    {
      type: 'pull_request',
      parameters: {
        required_approving_review_count: 1,
        dismiss_stale_reviews_on_push: true,
        require_code_owner_review: true,
        require_last_push_approval: false,
        required_review_thread_resolution: false,
        allowed_merge_methods: ['merge', 'squash'],
      },
    },
  ]);
  repo.codeownersErrors = [
    {
      line: 1,
      column: 22,
      kind: 'Unknown owner',
      source: 'grants/production/** @acme/sre\n',
      suggestion: null,
      message: 'Unknown owner on line 1',
      path: '.github/CODEOWNERS',
    },
  ];
  return { repo, pr, mainSha, headSha };
}
