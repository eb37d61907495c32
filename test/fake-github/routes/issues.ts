import {
  HttpError,
  bodyObject,
  json,
  noContent,
  notFound,
  str,
  validationFailed,
  type Route,
  type RouteContext,
} from '../http.js';
import { paginate } from '../pagination.js';
import { issue, issueComment, label } from '../shapes.js';
import type { Issue } from '../state.js';
import { intParam, issueOf, repoOf, sortBy } from './common.js';

const I = '/repos/{owner}/{repo}/issues';

function stringList(v: unknown, field: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v))
    throw validationFailed('Validation Failed', [{ resource: 'Issue', field, code: 'invalid' }]);
  return v.map((x) =>
    typeof x === 'string'
      ? x
      : typeof x === 'object' && x && 'name' in x
        ? String((x as { name: unknown }).name)
        : String(x),
  );
}

export const issueRoutes: Route[] = [
  {
    method: 'GET',
    path: I,
    permissions: 'issues=read',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const state = ctx.query.get('state') ?? 'open';
      const labels = (ctx.query.get('labels') ?? '')
        .split(',')
        .map((l) => l.trim().toLowerCase())
        .filter(Boolean);
      const creator = ctx.query.get('creator')?.toLowerCase();
      const assignee = ctx.query.get('assignee')?.toLowerCase();
      const since = ctx.query.get('since');
      let list = [...repo.issues.values()].filter((i) => state === 'all' || i.state === state);
      if (labels.length)
        list = list.filter((i) => labels.every((l) => i.labels.some((x) => x.name.toLowerCase() === l)));
      if (creator) list = list.filter((i) => i.user.login.toLowerCase() === creator);
      if (assignee === 'none') list = list.filter((i) => i.assignees.length === 0);
      else if (assignee === '*') list = list.filter((i) => i.assignees.length > 0);
      else if (assignee)
        list = list.filter((i) => i.assignees.some((a) => a.login.toLowerCase() === assignee));
      if (since) list = list.filter((i) => Date.parse(i.updated_at) >= Date.parse(since));
      const sort = ctx.query.get('sort') ?? 'created';
      const direction = (ctx.query.get('direction') ?? 'desc') as 'asc' | 'desc';
      const key = (i: Issue): string =>
        `${sort === 'updated' ? i.updated_at : i.created_at}#${String(i.number).padStart(9, '0')}`;
      return paginate(
        ctx,
        sortBy(list, key, direction).map((i) => issue(ctx.state, repo, i)),
      );
    },
  },
  {
    method: 'POST',
    path: I,
    permissions: 'issues=write',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const b = bodyObject(ctx);
      const title = typeof b.title === 'number' ? String(b.title) : str(b.title);
      if (!title)
        throw validationFailed('Validation Failed', [
          { resource: 'Issue', field: 'title', code: 'missing_field' },
        ]);
      const i = repo.createIssue({
        title,
        body: str(b.body) ?? null,
        user: ctx.user.login,
        labels: stringList(b.labels, 'labels'),
        assignees: stringList(b.assignees, 'assignees'),
      });
      return json(201, issue(ctx.state, repo, i), {
        location: `${ctx.baseUrl}/repos/${repo.fullName}/issues/${i.number}`,
      });
    },
  },
  {
    method: 'PATCH',
    path: `${I}/{issue_number}`,
    permissions: 'issues=write; pull_requests=write',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const i = issueOf(ctx, repo);
      const b = bodyObject(ctx);
      if (typeof b.title === 'string') i.title = b.title;
      if (typeof b.body === 'string' || b.body === null) i.body = (b.body as string | null) ?? null;
      if (b.labels !== undefined) i.labels = stringList(b.labels, 'labels').map((l) => repo.label(l));
      if (b.assignees !== undefined)
        i.assignees = stringList(b.assignees, 'assignees').map((a) => ctx.state.addUser(a));
      const now = ctx.state.now();
      if (b.state === 'closed' && i.state === 'open') {
        if (i.pull) repo.closePullRequest(i.pull);
        i.state = 'closed';
        i.closed_at = now;
        i.closed_by = ctx.user;
        i.state_reason = (str(b.state_reason) as Issue['state_reason']) ?? (i.pull ? null : 'completed');
      } else if (b.state === 'open' && i.state === 'closed') {
        if (i.pull?.merged_at) throw validationFailed('Validation Failed');
        i.state = 'open';
        i.closed_at = null;
        i.closed_by = null;
        i.state_reason = i.pull ? null : 'reopened';
        if (i.pull) i.pull.frozenBaseSha = null;
      } else if (b.state !== undefined && b.state !== 'open' && b.state !== 'closed') {
        throw validationFailed('Validation Failed', [{ resource: 'Issue', field: 'state', code: 'invalid' }]);
      }
      i.updated_at = now;
      return json(200, issue(ctx.state, repo, i));
    },
  },
  {
    method: 'POST',
    path: `${I}/{issue_number}/labels`,
    permissions: 'issues=write; pull_requests=write',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const i = issueOf(ctx, repo);
      const b = ctx.body;
      const names = Array.isArray(b) ? stringList(b, 'labels') : stringList(bodyObject(ctx).labels, 'labels');
      for (const n of names) {
        const l = repo.label(n);
        if (!i.labels.includes(l)) i.labels.push(l);
      }
      i.updated_at = ctx.state.now();
      return json(
        200,
        i.labels.map((l) => label(ctx.state, repo, l)),
      );
    },
  },
  {
    method: 'GET',
    path: `${I}/{issue_number}/comments`,
    permissions: 'issues=read; pull_requests=read',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const i = issueOf(ctx, repo);
      const since = ctx.query.get('since');
      const list = [...repo.comments.values()].filter(
        (c) => c.issueNumber === i.number && (!since || Date.parse(c.updated_at) >= Date.parse(since)),
      );
      return paginate(
        ctx,
        list.sort((a, b) => a.id - b.id).map((c) => issueComment(ctx.state, repo, c)),
      );
    },
  },
  {
    method: 'POST',
    path: `${I}/{issue_number}/comments`,
    permissions: 'issues=write; pull_requests=write',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const i = issueOf(ctx, repo);
      const body = commentBody(ctx);
      if (i.locked) throw new HttpError(403, 'Unable to create comment because issue is locked.');
      const c = repo.addComment(i.number, { user: ctx.user.login, body });
      return json(201, issueComment(ctx.state, repo, c), {
        location: `${ctx.baseUrl}/repos/${repo.fullName}/issues/comments/${c.id}`,
      });
    },
  },
  {
    method: 'PATCH',
    path: `${I}/comments/{comment_id}`,
    permissions: 'issues=write; pull_requests=write',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const c = repo.comments.get(intParam(ctx, 'comment_id'));
      if (!c) throw notFound();
      const body = commentBody(ctx);
      c.body = body;
      c.updated_at = ctx.state.now();
      return json(200, issueComment(ctx.state, repo, c));
    },
  },
  {
    method: 'DELETE',
    path: `${I}/comments/{comment_id}`,
    permissions: 'issues=write; pull_requests=write',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const id = intParam(ctx, 'comment_id');
      if (!repo.comments.delete(id)) throw notFound();
      return noContent();
    },
  },
];

/** A comment's `body` as GitHub checks it on create and update: present, at most 65,536 characters. */
function commentBody(ctx: RouteContext): string {
  const body = str(bodyObject(ctx).body);
  if (body === undefined || body === '')
    throw validationFailed('Validation Failed', [
      { resource: 'IssueComment', field: 'body', code: 'missing_field' },
    ]);
  if (body.length > 65536)
    throw validationFailed('Validation Failed', [
      {
        resource: 'IssueComment',
        field: 'data',
        code: 'unprocessable',
        message: 'Body is too long (maximum is 65536 characters)',
      },
    ]);
  return body;
}
