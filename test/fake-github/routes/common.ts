import { HttpError, notFound, type RouteContext } from '../http.js';
import type { Issue, PullRequest, Repo } from '../state.js';

export function repoOf(ctx: RouteContext): Repo {
  const repo = ctx.state.getRepo(`${ctx.params.owner ?? ''}/${ctx.params.repo ?? ''}`);
  if (!repo) throw notFound();
  return repo;
}

export function intParam(ctx: RouteContext, name: string): number {
  const v = ctx.params[name] ?? '';
  if (!/^\d+$/.test(v)) throw notFound();
  return Number.parseInt(v, 10);
}

export function pullOf(ctx: RouteContext, repo: Repo): PullRequest {
  const pr = repo.pulls.get(intParam(ctx, 'pull_number'));
  if (!pr) throw notFound();
  return pr;
}

export function issueOf(ctx: RouteContext, repo: Repo): Issue {
  const issue = repo.issues.get(intParam(ctx, 'issue_number'));
  if (!issue) throw notFound();
  return issue;
}

/** Resolves a commit-ish or answers 422/404 the way the commits API does. */
export function commitOf(repo: Repo, ref: string, status: 404 | 422 = 422): string {
  const sha = repo.resolveCommitish(ref);
  if (!sha) throw new HttpError(status, status === 422 ? `No commit found for SHA: ${ref}` : 'Not Found');
  return sha;
}

export function sortBy<T>(items: T[], key: (t: T) => string | number, direction: 'asc' | 'desc'): T[] {
  const sorted = [...items].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return direction === 'desc' ? sorted.reverse() : sorted;
}
