/** Shared HTTP types for the fake: route context, replies and API errors. */
import type { IncomingMessage } from 'node:http';
import type { FakeState, TokenSpec, User } from './state.js';

export interface Reply {
  status: number;
  /** JSON body (omitted for 204); a Buffer/string is sent as-is. */
  body?: unknown;
  headers?: Record<string, string>;
  contentType?: string;
}

export interface RouteContext {
  state: FakeState;
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  url: URL;
  /** Base URL of the fake (`http://127.0.0.1:PORT`). */
  baseUrl: string;
  pageSize: number;
  token: TokenSpec;
  user: User;
  req: IncomingMessage;
}

export type Handler = (ctx: RouteContext) => Reply | Promise<Reply>;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path template, e.g. `/repos/{owner}/{repo}/pulls/{pull_number}`; `{name+}` matches across slashes. */
  path: string;
  /**
   * Accepted GitHub App permission sets, as in the `x-accepted-github-permissions` header:
   * sets separated by `; `, permissions within a set by `,` (e.g. `issues=write; pull_requests=write`).
   * Omitted: metadata only (always granted).
   */
  permissions?: string;
  handler: Handler;
}

export const DOCS = 'https://docs.github.com/rest';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function notFound(): HttpError {
  return new HttpError(404, 'Not Found');
}

export function validationFailed(message: string, errors: Array<Record<string, unknown>> = []): HttpError {
  return new HttpError(422, message, errors.length ? { errors } : {});
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, body, headers };
}

export function noContent(): Reply {
  return { status: 204 };
}

export function bodyObject(ctx: RouteContext): Record<string, unknown> {
  const b = ctx.body;
  if (b === undefined || b === null) return {};
  if (typeof b !== 'object' || Array.isArray(b)) throw new HttpError(400, 'Problems parsing JSON');
  return b as Record<string, unknown>;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
