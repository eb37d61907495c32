import { HttpError, json, notFound, type Route } from '../http.js';
import { fullRepository } from '../shapes.js';
import { repoOf } from './common.js';

const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

export const settingsRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}',
    handler: (ctx) => json(200, fullRepository(ctx.state, repoOf(ctx))),
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/branches/{branch+}/protection',
    permissions: 'administration=read',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const branch = ctx.params.branch ?? '';
      if (!repo.branchSha(branch)) throw new HttpError(404, 'Branch not found');
      const p = repo.branchProtection.get(branch);
      if (!p) throw new HttpError(404, 'Branch not protected');
      const url = `${ctx.baseUrl}/repos/${repo.fullName}/branches/${encodeURIComponent(branch)}/protection`;
      const flag = (name: string, enabled: boolean) => ({ url: `${url}/${name}`, enabled });
      const defaults: Record<string, unknown> = {
        url,
        required_status_checks: {
          url: `${url}/required_status_checks`,
          strict: true,
          contexts: [],
          contexts_url: `${url}/required_status_checks/contexts`,
          checks: [],
        },
        required_pull_request_reviews: {
          url: `${url}/required_pull_request_reviews`,
          dismiss_stale_reviews: true,
          require_code_owner_reviews: false,
          required_approving_review_count: 1,
          require_last_push_approval: false,
        },
        enforce_admins: flag('enforce_admins', true),
        required_signatures: flag('required_signatures', false),
        required_linear_history: { enabled: false },
        allow_force_pushes: { enabled: false },
        allow_deletions: { enabled: false },
        block_creations: { enabled: false },
        required_conversation_resolution: { enabled: false },
        lock_branch: { enabled: false },
        allow_fork_syncing: { enabled: false },
      };
      return json(200, { ...defaults, ...p });
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/rules/branches/{branch+}',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const rules = repo.branchRules.get(ctx.params.branch ?? '') ?? [];
      return json(
        200,
        rules.map((r) => ({
          ruleset_source_type: 'Repository',
          ruleset_source: repo.fullName,
          ruleset_id: 1,
          ...r,
        })),
      );
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/codeowners/errors',
    permissions: 'contents=read',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const ref = ctx.query.get('ref') ?? repo.defaultBranch;
      const sha = repo.resolveCommitish(ref);
      if (!sha) throw notFound();
      const tree = repo.getCommit(sha)!.tree;
      const found = CODEOWNERS_PATHS.some((p) => repo.objects.lookup(tree, p)?.type === 'blob');
      if (!found) throw notFound();
      return json(200, { errors: repo.codeownersErrors });
    },
  },
];
