/**
 * A loopback fake of the GitHub REST API: a real `node:http` server on 127.0.0.1 (ephemeral port)
 * with in-memory state, GitHub-shaped JSON, pagination, rate-limit headers, App permissions, fault
 * injection and a log of every request. See README.md in this folder.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { FaultQueue, SECONDARY_RATE_LIMIT_MESSAGE, type FaultSpec } from './faults.js';
import { DOCS, HttpError, type Reply, type Route, type RouteContext } from './http.js';
import { allRoutes } from './routes/index.js';
import { FakeState, type AppPermissionLevel, type TokenSpec } from './state.js';

export interface RecordedRequest {
  method: string;
  /** Decoded path, e.g. `/repos/acme/access/git/ref/heads/main`. */
  path: string;
  /** Path as sent on the wire (percent-encoding kept). */
  rawPath: string;
  query: Record<string, string>;
  /** Parsed JSON body (undefined when none). */
  body: unknown;
  /** Status answered; 0 when the socket was reset by a fault. */
  status: number;
  /** The matched route template, or null for an unknown route. */
  route: string | null;
  /** True when an injected fault answered (or delayed) this request. */
  faulted: boolean;
  /** Login of the token's identity, when authenticated. */
  login: string | null;
}

export interface FakeGitHubOptions {
  /** Default `per_page` of list endpoints (GitHub: 30). Small values exercise pagination. */
  pageSize?: number;
  /** Tokens accepted; default `{ tok: { login: 'github-actions[bot]', type: 'Bot' } }` with all permissions. */
  tokens?: Record<string, TokenSpec>;
  /** Base of `html_url` fields (default `https://github.com`). */
  htmlUrl?: string;
}

export interface FakeGitHub {
  /** Base URL, e.g. `http://127.0.0.1:41234` — use as Octokit `baseUrl` / `GITHUB_API_URL`. */
  readonly url: string;
  readonly state: FakeState;
  /** Every request received, in order (faulted and unknown ones included). */
  readonly requests: RecordedRequest[];
  /** Requests that matched no route (answered 404). */
  unexpectedRequests(): RecordedRequest[];
  injectFault(spec: FaultSpec): void;
  clearFaults(): void;
  /** Route templates served, as `METHOD /path/{param}`. */
  readonly routes: string[];
  close(): Promise<void>;
}

interface CompiledRoute extends Route {
  regex: RegExp;
  names: string[];
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const escape = (t: string): string => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let pattern = '';
  let last = 0;
  for (const m of route.path.matchAll(/\{(\w+)([+*]?)\}/g)) {
    pattern += escape(route.path.slice(last, m.index));
    names.push(m[1]!);
    pattern += m[2] === '+' ? '(.+)' : m[2] === '*' ? '(.*)' : '([^/]+)';
    last = m.index + m[0].length;
  }
  pattern += escape(route.path.slice(last));
  return { ...route, regex: new RegExp(`^${pattern}$`), names };
}

const LEVEL: Record<AppPermissionLevel, number> = { read: 1, write: 2, admin: 3 };

function permitted(token: TokenSpec, accepted: string | undefined): boolean {
  if (!accepted || !token.permissions) return true;
  const perms = token.permissions;
  return accepted.split(';').some((set) =>
    set
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)
      .every((p) => {
        const [name, level] = p.split('=') as [string, AppPermissionLevel];
        if (name === 'metadata') return true;
        const have = perms[name];
        return have !== undefined && LEVEL[have] >= LEVEL[level];
      }),
  );
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const state = new FakeState(options.tokens);
  if (options.htmlUrl) state.htmlUrl = options.htmlUrl;
  const pageSize = options.pageSize ?? 30;
  const routes = allRoutes.map(compile);
  const faults = new FaultQueue();
  const requests: RecordedRequest[] = [];
  const used = new Map<string, number>();
  const resetAt = Math.floor(Date.now() / 1000) + 3600;
  const sockets = new Set<Socket>();
  let requestCounter = 0;
  let baseUrl = '';

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', baseUrl);
    const method = (req.method ?? 'GET').toUpperCase();
    const rawPath = url.pathname;
    let path = rawPath;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      /* keep raw */
    }
    const rawBody = await readBody(req);
    let body: unknown;
    let badJson = false;
    if (rawBody.length > 0) {
      try {
        body = JSON.parse(rawBody.toString('utf8'));
      } catch {
        badJson = true;
      }
    }
    const record: RecordedRequest = {
      method,
      path,
      rawPath,
      query: Object.fromEntries(url.searchParams),
      body,
      status: 0,
      route: null,
      faulted: false,
      login: null,
    };
    requests.push(record);

    let matched: { route: CompiledRoute; params: Record<string, string> } | undefined;
    for (const route of routes) {
      if (route.method !== method) continue;
      const m = route.regex.exec(rawPath);
      if (!m) continue;
      const params: Record<string, string> = {};
      route.names.forEach((n, i) => {
        const v = m[i + 1] ?? '';
        try {
          params[n] = decodeURIComponent(v);
        } catch {
          params[n] = v;
        }
      });
      matched = { route, params };
      break;
    }
    record.route = matched ? `${method} ${matched.route.path}` : null;

    const auth = req.headers.authorization ?? '';
    const tokenMatch = /^(?:token|bearer)\s+(\S+)$/i.exec(auth.trim());
    const token = tokenMatch ? state.tokens[tokenMatch[1]!] : undefined;
    const rateKey = tokenMatch?.[1] ?? `ip:${req.socket.remoteAddress ?? ''}`;
    const count = (used.get(rateKey) ?? 0) + 1;
    used.set(rateKey, count);
    const limit = token ? 5000 : 60;
    const baseHeaders: Record<string, string> = {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, limit - count)),
      'x-ratelimit-reset': String(resetAt),
      'x-ratelimit-used': String(count),
      'x-ratelimit-resource': 'core',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': `FAKE:${process.pid}:${++requestCounter}`,
    };
    if (matched?.route.permissions && token && (token.permissions || token.type === 'Bot')) {
      baseHeaders['x-accepted-github-permissions'] = matched.route.permissions;
    }

    const send = (reply: Reply): void => {
      record.status = reply.status;
      const headers: Record<string, string> = { ...baseHeaders, ...(reply.headers ?? {}) };
      if (reply.status === 204 || reply.status === 304 || reply.body === undefined) {
        res.writeHead(reply.status, headers);
        res.end();
        return;
      }
      let payload: Buffer;
      if (Buffer.isBuffer(reply.body) || typeof reply.body === 'string') {
        payload = Buffer.isBuffer(reply.body) ? reply.body : Buffer.from(reply.body, 'utf8');
        headers['content-type'] = reply.contentType ?? 'application/octet-stream';
      } else {
        payload = Buffer.from(JSON.stringify(reply.body), 'utf8');
        headers['content-type'] = 'application/json; charset=utf-8';
      }
      headers['content-length'] = String(payload.length);
      res.writeHead(reply.status, headers);
      res.end(payload);
    };
    const error = (
      status: number,
      message: string,
      extra: Record<string, unknown> = {},
      headers: Record<string, string> = {},
    ): void =>
      send({ status, body: { message, documentation_url: DOCS, status: String(status), ...extra }, headers });

    // 1. injected faults
    const fault = faults.take(method, rawPath, path, matched ? matched.route.path : null);
    if (fault) {
      record.faulted = true;
      if (fault.delayMs) await sleep(fault.delayMs);
      if (fault.reset) {
        record.status = 0;
        req.socket.destroy();
        return;
      }
      if (fault.secondaryRateLimit) {
        send({
          status: fault.status ?? 403,
          body: fault.body ?? {
            message: SECONDARY_RATE_LIMIT_MESSAGE,
            documentation_url:
              'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
            status: '403',
          },
          headers: { 'retry-after': '1', ...(fault.headers ?? {}) },
        });
        return;
      }
      if (fault.status !== undefined) {
        send({
          status: fault.status,
          body: fault.body ?? {
            message: `Injected fault ${fault.status}`,
            documentation_url: DOCS,
            status: String(fault.status),
          },
          headers: fault.headers ?? {},
        });
        return;
      }
      if (fault.headers) Object.assign(baseHeaders, fault.headers);
    }

    // 2. routing, authentication, permissions
    if (!matched) return error(404, 'Not Found');
    if (!tokenMatch) return error(401, 'Requires authentication');
    if (!token) return error(401, 'Bad credentials');
    record.login = token.login;
    if (!permitted(token, matched.route.permissions)) {
      return error(
        403,
        'Resource not accessible by integration',
        {},
        { 'x-accepted-github-permissions': matched.route.permissions ?? '' },
      );
    }
    if (badJson) return error(400, 'Problems parsing JSON');

    const ctx: RouteContext = {
      state,
      method,
      params: matched.params,
      query: url.searchParams,
      body,
      url,
      baseUrl,
      pageSize,
      token,
      user: state.tokenUser(token),
      req,
    };
    try {
      send(await matched.route.handler(ctx));
    } catch (e) {
      if (e instanceof HttpError) return error(e.status, e.message, e.extra, e.headers);
      error(
        500,
        e instanceof Error ? `Fake GitHub internal error: ${e.message}` : 'Fake GitHub internal error',
      );
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: String(e) }));
      }
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;
  state.apiUrl = baseUrl;

  return {
    url: baseUrl,
    state,
    requests,
    routes: routes.map((r) => `${r.method} ${r.path}`),
    unexpectedRequests: () => requests.filter((r) => r.route === null),
    injectFault: (spec) => faults.add(spec),
    clearFaults: () => faults.clear(),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export type { FaultSpec } from './faults.js';
export type { TokenSpec } from './state.js';
