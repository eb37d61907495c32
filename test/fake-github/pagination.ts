/** GitHub-style pagination: `per_page` (max 100), `page`, and a `Link` header with absolute URLs. */
import type { Reply, RouteContext } from './http.js';
import { HttpError } from './http.js';

export interface PageInfo {
  page: number;
  perPage: number;
}

export function pageParams(ctx: RouteContext): PageInfo {
  const perRaw = ctx.query.get('per_page');
  const pageRaw = ctx.query.get('page');
  const perPage = perRaw === null ? ctx.pageSize : Number.parseInt(perRaw, 10);
  const page = pageRaw === null ? 1 : Number.parseInt(pageRaw, 10);
  if (!Number.isFinite(perPage) || !Number.isFinite(page)) throw new HttpError(422, 'Validation Failed');
  return { perPage: Math.min(100, Math.max(1, perPage)), page: Math.max(1, page) };
}

/** Builds the `Link` header value for `total` items, or undefined when everything fits on one page. */
export function linkHeader(ctx: RouteContext, total: number, info: PageInfo): string | undefined {
  const last = Math.max(1, Math.ceil(total / info.perPage));
  if (last === 1 && info.page === 1) return undefined;
  const url = (page: number): string => {
    const u = new URL(ctx.url.pathname + ctx.url.search, ctx.baseUrl);
    if (ctx.query.has('per_page')) u.searchParams.set('per_page', String(info.perPage));
    u.searchParams.set('page', String(page));
    return u.toString();
  };
  const links: string[] = [];
  if (info.page > 1) links.push(`<${url(Math.min(info.page - 1, last))}>; rel="prev"`);
  if (info.page < last) links.push(`<${url(info.page + 1)}>; rel="next"`, `<${url(last)}>; rel="last"`);
  if (info.page > 1) links.push(`<${url(1)}>; rel="first"`);
  return links.join(', ');
}

/** Slices `items` for the requested page and sets the `Link` header, like GitHub's list endpoints. */
export function paginate<T>(ctx: RouteContext, items: T[], status = 200): Reply {
  const info = pageParams(ctx);
  const start = (info.page - 1) * info.perPage;
  const body = items.slice(start, start + info.perPage);
  const link = linkHeader(ctx, items.length, info);
  return { status, body, headers: link ? { link } : {} };
}
