import { HttpError, bodyObject, json, notFound, str, validationFailed, type Route } from '../http.js';
import { paginate } from '../pagination.js';
import { diffEntryJson, pullFiles, pullRequest, pullSimple, restCommit, review } from '../shapes.js';
import { MergeConflict, type PullRequest } from '../state.js';
import { commitOf, pullOf, repoOf, sortBy } from './common.js';

const PR = '/repos/{owner}/{repo}/pulls/{pull_number}';

export const pullRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls',
    permissions: 'pull_requests=read',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const state = ctx.query.get('state') ?? 'open';
      if (!['open', 'closed', 'all'].includes(state))
        throw validationFailed('Validation Failed', [{ resource: 'Issue', field: 'state', code: 'invalid' }]);
      const head = ctx.query.get('head');
      const base = ctx.query.get('base');
      let pulls = [...repo.pulls.values()].filter((p) => state === 'all' || p.issue.state === state);
      if (head) {
        const [owner, branch] = head.includes(':') ? head.split(/:(.*)/s) : [repo.owner.login, head];
        pulls = pulls.filter(
          (p) =>
            p.headRepo.owner.login.toLowerCase() === (owner ?? '').toLowerCase() &&
            (branch === undefined || branch === '' || p.headRef === branch),
        );
      }
      if (base) pulls = pulls.filter((p) => p.baseRef === base);
      const sort = ctx.query.get('sort') ?? 'created';
      const direction = (ctx.query.get('direction') ?? (sort === 'created' ? 'desc' : 'desc')) as
        'asc' | 'desc';
      const key = (p: PullRequest): string | number =>
        sort === 'updated'
          ? p.issue.updated_at
          : sort === 'created'
            ? `${p.issue.created_at}#${String(p.number).padStart(9, '0')}`
            : p.number;
      return paginate(
        ctx,
        sortBy(pulls, key, direction).map((p) => pullSimple(ctx.state, repo, p)),
      );
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/pulls',
    permissions: 'pull_requests=write',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const b = bodyObject(ctx);
      const head = str(b.head);
      const base = str(b.base);
      const title = str(b.title);
      if (!head || !base)
        throw validationFailed('Validation Failed', [
          { resource: 'PullRequest', field: head ? 'base' : 'head', code: 'missing_field' },
        ]);
      if (!title && b.issue === undefined)
        throw validationFailed('Validation Failed', [
          { resource: 'PullRequest', field: 'title', code: 'missing_field' },
        ]);
      const h = repo.resolveHead(head);
      const headSha = h?.repo.branchSha(h.branch);
      if (!h || !headSha)
        throw validationFailed('Validation Failed', [
          { resource: 'PullRequest', field: 'head', code: 'invalid' },
        ]);
      const baseSha = repo.branchSha(base);
      if (!baseSha)
        throw validationFailed('Validation Failed', [
          { resource: 'PullRequest', field: 'base', code: 'invalid' },
        ]);
      if (repo.objects.isAncestor(headSha, baseSha))
        throw validationFailed('Validation Failed', [
          { resource: 'PullRequest', code: 'custom', message: `No commits between ${base} and ${head}` },
        ]);
      const dup = [...repo.pulls.values()].find(
        (p) =>
          p.issue.state === 'open' && p.headRepo === h.repo && p.headRef === h.branch && p.baseRef === base,
      );
      if (dup)
        throw validationFailed('Validation Failed', [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: `A pull request already exists for ${h.repo.owner.login}:${h.branch}.`,
          },
        ]);
      const pr = repo.createPullRequest({
        base,
        head,
        author: { login: ctx.user.login, id: ctx.user.id },
        title: title ?? '',
        body: str(b.body) ?? null,
        draft: b.draft === true,
      });
      pr.maintainer_can_modify = b.maintainer_can_modify === true;
      return json(201, pullRequest(ctx.state, repo, pr), {
        location: `${ctx.baseUrl}/repos/${repo.fullName}/pulls/${pr.number}`,
      });
    },
  },
  {
    method: 'GET',
    path: PR,
    permissions: 'pull_requests=read',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      return json(200, pullRequest(ctx.state, repo, pullOf(ctx, repo)));
    },
  },
  {
    method: 'PATCH',
    path: PR,
    permissions: 'pull_requests=write',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const pr = pullOf(ctx, repo);
      const b = bodyObject(ctx);
      const now = ctx.state.now();
      if (typeof b.title === 'string') pr.issue.title = b.title;
      if (typeof b.body === 'string' || b.body === null) pr.issue.body = (b.body as string | null) ?? null;
      if (typeof b.base === 'string') {
        if (!repo.branchSha(b.base))
          throw validationFailed('Validation Failed', [
            { resource: 'PullRequest', field: 'base', code: 'invalid' },
          ]);
        pr.baseRef = b.base;
      }
      if (b.state === 'closed' && pr.issue.state === 'open') {
        repo.closePullRequest(pr);
        pr.issue.closed_by = ctx.user;
      } else if (b.state === 'open' && pr.issue.state === 'closed') {
        if (pr.merged_at)
          throw validationFailed('Validation Failed', [
            {
              resource: 'PullRequest',
              code: 'custom',
              field: 'state',
              message: 'state cannot be changed. The pull request has been merged.',
            },
          ]);
        pr.issue.state = 'open';
        pr.issue.closed_at = null;
        pr.frozenBaseSha = null;
        pr.headSha = pr.headRepo.branchSha(pr.headRef) ?? pr.headSha;
      } else if (b.state !== undefined && b.state !== 'open' && b.state !== 'closed') {
        throw validationFailed('Validation Failed', [
          { resource: 'PullRequest', field: 'state', code: 'invalid' },
        ]);
      }
      if (typeof b.maintainer_can_modify === 'boolean') pr.maintainer_can_modify = b.maintainer_can_modify;
      pr.issue.updated_at = now;
      return json(200, pullRequest(ctx.state, repo, pr));
    },
  },
  {
    method: 'GET',
    path: `${PR}/files`,
    permissions: 'pull_requests=read',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const pr = pullOf(ctx, repo);
      const files = pullFiles(repo, pr).slice(0, 3000);
      return paginate(
        ctx,
        files.map((f) => diffEntryJson(ctx.state, repo, f, pr.headSha)),
      );
    },
  },
  {
    method: 'GET',
    path: `${PR}/commits`,
    permissions: 'pull_requests=read',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const pr = pullOf(ctx, repo);
      return paginate(
        ctx,
        repo
          .pullCommits(pr)
          .slice(0, 250)
          .map((c) => restCommit(ctx.state, repo, c)),
      );
    },
  },
  {
    method: 'GET',
    path: `${PR}/reviews`,
    permissions: 'pull_requests=read',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const pr = pullOf(ctx, repo);
      const visible = pr.reviews.filter((r) => r.state !== 'PENDING' || r.user.id === ctx.user.id);
      return paginate(
        ctx,
        visible.map((r) => review(ctx.state, repo, pr, r)),
      );
    },
  },
  {
    method: 'POST',
    path: `${PR}/requested_reviewers`,
    permissions: 'pull_requests=write',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const pr = pullOf(ctx, repo);
      const b = bodyObject(ctx);
      const reviewers = Array.isArray(b.reviewers) ? (b.reviewers as unknown[]).map(String) : [];
      const teams = Array.isArray(b.team_reviewers) ? (b.team_reviewers as unknown[]).map(String) : [];
      for (const login of reviewers) {
        const u = ctx.state.getUser(login);
        if (!u)
          throw validationFailed(
            'Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ' +
              `${repo.fullName} repository.`,
          );
        if (u.id === pr.issue.user.id)
          throw validationFailed('Review cannot be requested from pull request author.');
        if (!pr.requested_reviewers.includes(u)) pr.requested_reviewers.push(u);
      }
      for (const slug of teams) {
        const t = ctx.state.getTeam(repo.owner.login, slug);
        if (!t)
          throw validationFailed(
            'Reviews may only be requested from collaborators. One or more of the teams you specified is not a collaborator of the ' +
              `${repo.fullName} repository.`,
          );
        if (!pr.requested_teams.includes(t)) pr.requested_teams.push(t);
      }
      return json(201, pullSimple(ctx.state, repo, pr));
    },
  },
  {
    method: 'PUT',
    path: `${PR}/merge`,
    permissions: 'contents=write',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const pr = pullOf(ctx, repo);
      const b = bodyObject(ctx);
      if (pr.issue.state !== 'open') throw new HttpError(405, 'Pull Request is not mergeable');
      if (typeof b.sha === 'string' && b.sha !== pr.headSha)
        throw new HttpError(409, 'Head branch was modified. Review and try the merge again.');
      const method = (str(b.merge_method) ?? 'merge') as 'merge' | 'squash' | 'rebase';
      if (!['merge', 'squash', 'rebase'].includes(method))
        throw validationFailed('Validation Failed', [
          { resource: 'PullRequest', field: 'merge_method', code: 'invalid' },
        ]);
      try {
        const sha = repo.mergePullRequest(pr, {
          method,
          by: ctx.user.login,
          ...(typeof b.commit_title === 'string' ? { title: b.commit_title } : {}),
          ...(typeof b.commit_message === 'string' ? { message: b.commit_message } : {}),
        });
        return json(200, { sha, merged: true, message: 'Pull Request successfully merged' });
      } catch (e) {
        if (e instanceof MergeConflict) throw new HttpError(405, 'Pull Request is not mergeable');
        throw e;
      }
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{commit_sha}/pulls',
    permissions: 'pull_requests=read',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const sha = commitOf(repo, ctx.params.commit_sha ?? '');
      const hits: PullRequest[] = [];
      for (const r of ctx.state.repos.values()) {
        for (const pr of r.pulls.values()) {
          if (r !== repo && pr.headRepo !== repo) continue;
          if (
            pr.merge_commit_sha === sha ||
            pr.headSha === sha ||
            r.pullCommits(pr).some((c) => c.sha === sha)
          )
            hits.push(pr);
        }
      }
      if (hits.length === 0 && !repo.getCommit(sha)) throw notFound();
      const result = sortBy(hits, (p) => p.number, 'desc').map((p) => {
        const baseRepo = [...ctx.state.repos.values()].find((r) => r.pulls.get(p.number) === p)!;
        return pullSimple(ctx.state, baseRepo, p);
      });
      return paginate(ctx, result);
    },
  },
];
