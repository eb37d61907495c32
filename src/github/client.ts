/**
 * The one factory for GitHub API clients: `@actions/github` (base URL from GITHUB_API_URL, as
 * on any runner) with @octokit/plugin-retry and @octokit/plugin-throttling.
 *
 * - 5xx and network errors are retried with backoff; rate limits (429, primary and secondary
 *   403) wait for `retry-after` / the reset time, a bounded number of times.
 * - A POST that creates something (comment, issue, pull request, review request) is never
 *   retried blindly: a 502 may have created it, and a retry would duplicate it. Callers make
 *   those idempotent themselves (find-then-create by marker) and rerun converges.
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
  octokit.hook.before('request', (options) => {
    if (isNonIdempotentPost(options.method, options.url)) {
      options.request = { ...options.request, retries: 0 };
    }
  });
  octokit.hook.error('request', (error) => {
    throw PermissionError.from(error) ?? describeRequestError(error);
  });
  return octokit;
}
