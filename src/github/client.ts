/**
 * The one factory for GitHub API clients: `@actions/github` (base URL from GITHUB_API_URL, as
 * on any runner) with @octokit/plugin-retry and @octokit/plugin-throttling.
 *
 * - Every attempt has its own timeout (`timeoutMs`, default GITGRANT_API_TIMEOUT_MS or 30 s):
 *   the whole answer, headers and body, must arrive within it. A timed-out attempt is retried
 *   like a network error; the last one ends in "no answer within N ms" naming the request.
 * - 5xx, network errors and timeouts are retried with backoff; rate limits (429, primary and
 *   secondary 403) wait for `retry-after` / the reset time, a bounded number of times.
 * - A POST that creates something (comment, issue, pull request, review request) is never
 *   retried blindly: a 502 or a timeout may have created it, and a retry would duplicate it.
 *   Callers make those idempotent themselves (find-then-create by marker) and rerun converges.
 *   A 429 or a rate-limit 403 says the request was NOT processed: those are waited out and
 *   retried (at most `rateLimitRetries` times), as for any other request.
 * - A 403 "Resource not accessible by integration" becomes a PermissionError naming the
 *   permission the token lacks (GitHub sends it in `x-accepted-github-permissions`).
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { ThrottlingOptions } from '@octokit/plugin-throttling';
import { PermissionError, describeRequestError } from './errors.js';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  /** Base of the backoff between retries, ms (GitHub's plugin default: 1000). */
  retryBaseMs?: number;
  retries?: number;
  /** How many times to wait out a rate limit before giving up. */
  rateLimitRetries?: number;
  /**
   * Timeout of one attempt (request sent → answer read), ms. Default: GITGRANT_API_TIMEOUT_MS
   * when set to digits, else 30000. 0: no timeout of our own (undici's 300 s headers timeout).
   */
  timeoutMs?: number;
  log?: (message: string) => void;
}

/**
 * POST routes that create a new object each time they are called. The request hook sees the
 * route template (`/repos/{owner}/{repo}/issues/{issue_number}/comments`), not the expanded
 * URL, so a number may also be a `{placeholder}`.
 */
const N = String.raw`(?:\d+|\{\w+\})`;
const NON_IDEMPOTENT_POST = [
  new RegExp(String.raw`/issues/${N}/comments$`),
  /\/repos\/[^/]+\/[^/]+\/issues$/,
  /\/repos\/[^/]+\/[^/]+\/pulls$/,
  new RegExp(String.raw`/pulls/${N}/requested_reviewers$`),
  new RegExp(String.raw`/pulls/${N}/reviews$`),
];

export function isNonIdempotentPost(method: string, url: string): boolean {
  const path = url.split('?')[0] ?? url;
  return method.toUpperCase() === 'POST' && NON_IDEMPOTENT_POST.some((re) => re.test(path));
}

function envNumber(name: string): number | undefined {
  const v = process.env[name];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

/** What an attempt that got no complete answer in time fails with (the `cause` of the RequestError). */
export class RequestTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'RequestTimeoutError';
  }
}

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Statuses whose Response has no body (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * `fetchImpl` (the runner's proxy-aware fetch of @actions/github) with a timeout per call, i.e.
 * per attempt: octokit calls fetch again for each retry. The body is read inside the timeout
 * and handed on buffered: octokit reads JSON bodies with `.catch(() => "")`, so a body cut off
 * by an abort would otherwise pass as empty data. The caller's own signal (`request.signal`)
 * still aborts as before. A timeout rejects with RequestTimeoutError, which octokit wraps as a
 * RequestError (status 500): retried like a network error, unless the request is a creating POST.
 */
export function fetchWithTimeout(fetchImpl: Fetch, timeoutMs: number): Fetch {
  return async (input, init = {}) => {
    const timer = new AbortController();
    const t = setTimeout(() => timer.abort(new RequestTimeoutError(timeoutMs)), timeoutMs);
    const signal = init.signal ? AbortSignal.any([timer.signal, init.signal]) : timer.signal;
    try {
      const res = await fetchImpl(input, { ...init, signal });
      const body = NULL_BODY.has(res.status) ? null : await res.arrayBuffer();
      const out = new Response(body, {
        status: res.status,
        statusText: res.statusText,
        headers: res.headers,
      });
      Object.defineProperty(out, 'url', { value: res.url });
      return out;
    } catch (error) {
      // Our timer aborted first (AbortSignal.any keeps the first reason): say so, whatever
      // shape the abort took on its way out of fetch or the body stream.
      if (timer.signal.aborted && signal.reason === timer.signal.reason) throw timer.signal.reason;
      throw error;
    } finally {
      clearTimeout(t);
    }
  };
}

/**
 * Seconds to wait before retrying a 429 that the throttling plugin leaves alone: GitHub's own
 * rate limits (a `secondary rate limit` message, or `x-ratelimit-remaining: 0`) are the plugin's,
 * which already waited them out as often as allowed. `undefined`: not such a 429.
 */
function plain429RetryAfter(error: unknown): number | undefined {
  const e = error as {
    status?: unknown;
    message?: unknown;
    response?: { headers?: Record<string, string | number | undefined> };
  } | null;
  if (e?.status !== 429) return undefined;
  const headers = e.response?.headers ?? {};
  if (/\bsecondary rate\b/i.test(String(e.message ?? '')) || String(headers['x-ratelimit-remaining']) === '0')
    return undefined;
  const after = String(headers['retry-after'] ?? '').trim();
  if (/^\d+$/.test(after)) return Number(after);
  const at = Date.parse(after);
  if (!Number.isNaN(at)) return Math.max(0, Math.ceil((at - Date.now()) / 1000));
  return 60; // GitHub: without retry-after, wait at least a minute
}

type LimiterGroup = NonNullable<ThrottlingOptions['write']>;

/**
 * The part of a Bottleneck group the throttling plugin uses (`key(id).schedule(options, task)`):
 * one job at a time per key, started at least `minTime` ms apart.
 */
class SpacedGroup {
  private readonly keys = new Map<string, SpacedQueue>();
  constructor(private readonly minTime: number) {}
  key(id = ''): SpacedQueue {
    let q = this.keys.get(id);
    if (!q) this.keys.set(id, (q = new SpacedQueue(this.minTime)));
    return q;
  }
}

class SpacedQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private last = 0;
  constructor(private readonly minTime: number) {}
  schedule<T>(
    _options: unknown,
    task: (...args: unknown[]) => T | Promise<T>,
    ...args: unknown[]
  ): Promise<T> {
    const run = this.tail.then(async () => {
      const wait = this.last + this.minTime - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      this.last = Date.now();
      return task(...args);
    });
    this.tail = run.catch(() => undefined);
    return run;
  }
}

/**
 * The spacing of writes. GitHub asks for at least 1 s between writes (3 s between writes that
 * notify people) and the throttling plugin enforces that by default. Tests against the loopback
 * fake set GITGRANT_THROTTLE_MIN_TIME_MS to space writes less; it is never set on a runner.
 */
function writeLimiters(): Pick<ThrottlingOptions, 'write' | 'notifications'> {
  const ms = envNumber('GITGRANT_THROTTLE_MIN_TIME_MS');
  if (ms === undefined) return {};
  return {
    write: new SpacedGroup(ms) as unknown as LimiterGroup,
    notifications: new SpacedGroup(ms) as unknown as LimiterGroup,
  };
}

export function createClient(token: string, opts: ClientOptions = {}): GitHubClient {
  const log = opts.log ?? (() => undefined);
  const rateLimitRetries = opts.rateLimitRetries ?? 2;
  const onLimit =
    (kind: string) =>
    (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
      log(`${kind} on ${options.method} ${options.url}: retry ${retryCount + 1} after ${retryAfter}s`);
      return retryCount < rateLimitRetries;
    };
  const timeoutMs = opts.timeoutMs ?? envNumber('GITGRANT_API_TIMEOUT_MS') ?? 30_000;
  // NOTE: no `request` option here: getOctokit merges options shallowly, and a `request` of our
  // own would replace @actions/github's proxy-aware fetch. The hooks below wrap it instead.
  const octokit = getOctokit(
    token,
    {
      retry: {
        retries: opts.retries ?? 3,
        retryAfterBaseValue: opts.retryBaseMs ?? envNumber('GITGRANT_RETRY_BASE_MS') ?? 1000,
      },
      throttle: {
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit'),
        fallbackSecondaryRateRetryAfter: 60,
        ...writeLimiters(),
      },
    },
    retry,
    throttling,
  );
  // A creating POST: retry plugin off (a 5xx, a reset or a timeout may have created the
  // object). A plain 429 was not processed: wait for `retry-after`, then send it again. (The
  // throttling plugin already waits out GitHub's rate limits for every request, POSTs included.)
  // Registered before the hook below, so it runs inside it: each attempt here goes through the
  // throttling and retry plugins again, but the hook below runs once per call.
  octokit.hook.wrap('request', async (request, options) => {
    if (!isNonIdempotentPost(options.method, options.url)) return request(options);
    options.request = { ...options.request, retries: 0 };
    const limited = onLimit('rate limit (429)');
    for (let retryCount = 0; ; retryCount++) {
      try {
        return await request(options);
      } catch (error) {
        const after = plain429RetryAfter(error);
        if (after === undefined || !limited(after, options, octokit, retryCount)) throw error;
        await new Promise((r) => setTimeout(r, after * 1000));
      }
    }
  });
  // One timeout per attempt: wrap the fetch the request options carry (@actions/github's).
  if (timeoutMs > 0) {
    octokit.hook.before('request', (options) => {
      const request = options.request as { fetch?: Fetch } | undefined;
      const base: Fetch = request?.fetch ?? globalThis.fetch;
      options.request = { ...options.request, fetch: fetchWithTimeout(base, timeoutMs) };
    });
  }
  octokit.hook.error('request', (error) => {
    throw PermissionError.from(error) ?? describeRequestError(error);
  });
  return octokit;
}
