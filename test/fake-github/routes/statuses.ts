import { bodyObject, json, str, validationFailed, type Route } from '../http.js';
import { paginate } from '../pagination.js';
import { minimalRepo, status } from '../shapes.js';
import type { CommitStatus } from '../state.js';
import { commitOf, repoOf } from './common.js';

const STATES = ['error', 'failure', 'pending', 'success'];

export const statusRoutes: Route[] = [
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/statuses/{sha}',
    permissions: 'statuses=write',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const b = bodyObject(ctx);
      const state = str(b.state);
      if (!state || !STATES.includes(state))
        throw validationFailed('Validation Failed', [
          { resource: 'Status', field: 'state', code: state ? 'invalid' : 'missing_field' },
        ]);
      const sha = repo.getCommit(ctx.params.sha ?? '')?.sha;
      if (!sha) throw validationFailed(`No commit found for SHA: ${ctx.params.sha ?? ''}`);
      const description = b.description === null ? null : str(b.description);
      if (description && description.length > 140)
        throw validationFailed('Validation Failed', [
          {
            resource: 'Status',
            field: 'description',
            code: 'custom',
            message: 'description is too long (maximum is 140 characters)',
          },
        ]);
      const st = repo.addStatus(sha, {
        state: state as CommitStatus['state'],
        context: str(b.context) ?? 'default',
        description: description ?? null,
        target_url: str(b.target_url) ?? null,
        creator: ctx.user.login,
      });
      return json(201, status(ctx.state, repo, st), {
        location: `${ctx.baseUrl}/repos/${repo.fullName}/statuses/${sha}`,
      });
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{ref}/statuses',
    permissions: 'statuses=read',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const sha = commitOf(repo, ctx.params.ref ?? '', 404);
      const list = repo.statuses.filter((s) => s.sha === sha).reverse();
      return paginate(
        ctx,
        list.map((s) => status(ctx.state, repo, s)),
      );
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{ref}/status',
    permissions: 'statuses=read',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const sha = commitOf(repo, ctx.params.ref ?? '', 404);
      const latest = new Map<string, CommitStatus>();
      for (const s of repo.statuses) if (s.sha === sha) latest.set(s.context, s);
      const statuses = [...latest.values()].sort((a, b) => (a.context < b.context ? -1 : 1));
      const state = statuses.some((s) => s.state === 'error' || s.state === 'failure')
        ? 'failure'
        : statuses.length === 0 || statuses.some((s) => s.state === 'pending')
          ? 'pending'
          : 'success';
      const api = `${ctx.baseUrl}/repos/${repo.fullName}`;
      return json(200, {
        state,
        statuses: statuses.map((s) => {
          const full = status(ctx.state, repo, s);
          delete full.creator;
          return full;
        }),
        sha,
        total_count: statuses.length,
        repository: minimalRepo(ctx.state, repo),
        commit_url: `${api}/commits/${sha}`,
        url: `${api}/commits/${sha}/status`,
      });
    },
  },
];
