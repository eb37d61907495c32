/** Actions workflows and workflow runs, and repository rulesets (seeded through ../actions.ts). */
import {
  listWorkflows,
  findWorkflow,
  runsOf,
  actionsOf,
  type Workflow,
  type WorkflowRun,
} from '../actions.js';
import { HttpError, json, notFound, type Route, type RouteContext } from '../http.js';
import { linkHeader, pageParams } from '../pagination.js';
import { minimalRepo } from '../shapes.js';
import { nodeId, type FakeState, type Repo } from '../state.js';
import { repoOf } from './common.js';

type Json = Record<string, unknown>;

function workflowJson(s: FakeState, r: Repo, w: Workflow): Json {
  return {
    id: w.id,
    node_id: nodeId('Workflow', w.id),
    name: w.name,
    path: w.path,
    state: w.state,
    created_at: w.created_at,
    updated_at: w.updated_at,
    url: `${s.apiUrl}/repos/${r.fullName}/actions/workflows/${w.id}`,
    html_url: `${s.htmlUrl}/${r.fullName}/blob/${r.defaultBranch}/${w.path}`,
    badge_url: `${s.htmlUrl}/${r.fullName}/workflows/${encodeURIComponent(w.name)}/badge.svg`,
  };
}

function runJson(s: FakeState, r: Repo, run: WorkflowRun): Json {
  const api = `${s.apiUrl}/repos/${r.fullName}/actions/runs/${run.id}`;
  const commit = r.getCommit(run.head_sha);
  return {
    id: run.id,
    name: run.workflow.name,
    node_id: nodeId('WorkflowRun', run.id),
    head_branch: run.head_branch,
    head_sha: run.head_sha,
    path: run.workflow.path,
    display_title: run.workflow.name,
    run_number: run.run_number,
    run_attempt: 1,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.workflow.id,
    url: api,
    html_url: `${s.htmlUrl}/${r.fullName}/actions/runs/${run.id}`,
    pull_requests: [],
    created_at: run.created_at,
    updated_at: run.updated_at,
    run_started_at: run.run_started_at,
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: `${s.apiUrl}/repos/${r.fullName}/check-suites/${run.id}`,
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    workflow_url: `${s.apiUrl}/repos/${r.fullName}/actions/workflows/${run.workflow.id}`,
    head_commit: commit
      ? {
          id: commit.sha,
          tree_id: commit.tree,
          message: commit.message,
          timestamp: commit.committer.date,
          author: { name: commit.author.name, email: commit.author.email },
          committer: { name: commit.committer.name, email: commit.committer.email },
        }
      : null,
    repository: minimalRepo(s, r),
    head_repository: minimalRepo(s, r),
  };
}

/** Like `paginate`, for GitHub's wrapped list answers (`{ total_count, <key>: [...] }`). */
function wrapped(ctx: RouteContext, key: string, items: Json[]) {
  const info = pageParams(ctx);
  const start = (info.page - 1) * info.perPage;
  const link = linkHeader(ctx, items.length, info);
  return json(
    200,
    { total_count: items.length, [key]: items.slice(start, start + info.perPage) },
    link ? { link } : {},
  );
}

const LEVEL: Record<string, number> = { read: 1, write: 2, admin: 3 };

export const actionsRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/workflows',
    permissions: 'actions=read',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      return wrapped(
        ctx,
        'workflows',
        listWorkflows(repo).map((w) => workflowJson(ctx.state, repo, w)),
      );
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
    permissions: 'actions=read',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const workflow = findWorkflow(repo, ctx.params.workflow_id ?? '');
      if (!workflow) throw notFound();
      const status = ctx.query.get('status');
      const event = ctx.query.get('event');
      const branch = ctx.query.get('branch');
      const runs = runsOf(repo, workflow).filter(
        (r) =>
          (!status || r.status === status || r.conclusion === status) &&
          (!event || r.event === event) &&
          (!branch || r.head_branch === branch),
      );
      return wrapped(
        ctx,
        'workflow_runs',
        runs.map((r) => runJson(ctx.state, repo, r)),
      );
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/rulesets/{ruleset_id}',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const id = ctx.params.ruleset_id ?? '';
      const ruleset = /^\d+$/.test(id) ? actionsOf(repo).rulesets.get(Number(id)) : undefined;
      if (!ruleset) throw new HttpError(404, 'Not Found');
      // GitHub shows bypass actors only to those with write access to the ruleset.
      const perms = ctx.token.permissions;
      const canSeeBypass = !perms || (LEVEL[perms.administration ?? ''] ?? 0) >= LEVEL.write!;
      return json(200, {
        id: ruleset.id,
        name: ruleset.name,
        target: 'branch',
        source_type: 'Repository',
        source: repo.fullName,
        enforcement: ruleset.enforcement,
        ...(canSeeBypass ? { bypass_actors: ruleset.bypass_actors } : {}),
        current_user_can_bypass: 'never',
        node_id: nodeId('RepositoryRuleset', ruleset.id),
        _links: {
          self: { href: `${ctx.state.apiUrl}/repos/${repo.fullName}/rulesets/${ruleset.id}` },
          html: { href: `${ctx.state.htmlUrl}/${repo.fullName}/rules/${ruleset.id}` },
        },
        conditions: {
          ref_name: { include: ruleset.branches.map((b) => `refs/heads/${b}`), exclude: [] },
        },
        rules: ruleset.rules,
        created_at: ruleset.created_at,
        updated_at: ruleset.updated_at,
      });
    },
  },
];
