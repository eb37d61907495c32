/**
 * The webhook provider: grants and revocations are signed JSON events POSTed to a receiver that
 * does the real work (a notebook platform, an internal tool, a ticket system...).
 *
 * Resource config (DESIGN.md §2): `{ url: "https://…", secret_env: NAME, timeout?: 30s }`.
 * - `url` must be `https://`; plain `http://` only for loopback receivers (127.0.0.1, localhost,
 *   [::1]). A URL with user:password is refused (secrets never live in git). Redirects are not
 *   followed (a redirect could carry a signed event elsewhere).
 * - `secret_env` names an environment variable holding the HMAC secret, read at call time.
 * - `timeout` (optional): the timeout of one attempt, `Ns` from `1s` to `60s` (default: the
 *   provider's `timeoutMs`, 10 s). Anything else is `provider-config`.
 *
 * The request (docs/providers.md):
 *   POST <url>
 *   Content-Type: application/json
 *   User-Agent: gitgrant
 *   X-Gitgrant-Event: grant | revoke
 *   X-Gitgrant-Idempotency-Key: hex sha256 of "type\0grant_id\0resource\0person\0access"
 *                               (person = lower-cased login) — the same for every retry and rerun
 *   X-Gitgrant-Signature-256: sha256=<hex HMAC-SHA256(secret, exact body bytes)>
 *   { "type", "grant_id", "person", "identity", "resource", "access", "held",
 *     "window": { "start", "end" }, "sent_at" }
 * The body is serialised once per call, so retries within one call send the same bytes.
 *
 * The answer:
 * - 2xx → success, `changed: true`; except a 200 whose JSON body has `"changed": false`
 *   (the receiver saw nothing to do, e.g. a duplicate idempotency key) → `changed: false`.
 * - 408, 429, 5xx, network errors and timeouts (`timeout` per attempt, default 10 s) → retried with
 *   exponential backoff (p-retry, default 3 retries), then a retryable ProviderError.
 * - 3xx and other 4xx (400, 401, 403, 404, 422…) → non-retryable ProviderError, no retry.
 * `revoke` always sends its event (with `held`: the receiver must keep those levels); a 2xx
 * answer is the confirmation. `list` returns null: a webhook cannot say who has access.
 */
import { createHash, createHmac } from 'node:crypto';
import pRetry from 'p-retry';
import type { Resource } from '../core/model.js';
import {
  ProviderError,
  type AccessChange,
  type Assignment,
  type ChangeResult,
  type Provider,
} from './types.js';
import { ENV_NAME, readConfig } from './config.js';

export interface WebhookConfig {
  url: URL;
  secretEnv: string;
  /** The `timeout` key, ms; absent: the provider's default. */
  timeoutMs?: number;
}

export interface WebhookRetryOptions {
  /** Retries after the first attempt. Default 3. */
  retries?: number;
  /** Delay before the first retry. Default 1000 ms. */
  minDelayMs?: number;
  /** Upper bound of one delay. Default 10000 ms. */
  maxDelayMs?: number;
  /** Backoff factor. Default 2. */
  factor?: number;
  /** Multiply each delay by a random factor in [1, 2). Default true. */
  randomize?: boolean;
}

export interface WebhookProviderOptions {
  /** Where `secret_env` is looked up, at call time. Default: `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Timeout of one attempt (request and answer), unless the resource sets `timeout`. Default 10000 ms. */
  timeoutMs?: number;
  retry?: WebhookRetryOptions;
  /** Clock for `sent_at`. Default: the system clock. */
  now?: () => Date;
}

export interface WebhookEvent {
  type: 'grant' | 'revoke';
  grant_id: string;
  person: string;
  identity: string;
  resource: string;
  access: string;
  held: string[];
  window: { start: string | null; end: string | null };
  sent_at: string;
}

export const WEBHOOK_ERROR_CODES = {
  config: 'provider-config',
  rejected: 'webhook-rejected',
  unreachable: 'provider-unreachable',
  failed: 'provider-failed',
} as const;

/** The `timeout` key: whole seconds (durations elsewhere have no seconds unit: see core/duration.ts). */
const TIMEOUT = /^(0|[1-9][0-9]{0,5})s$/;
const MIN_TIMEOUT_MS = 1000;
const MAX_TIMEOUT_MS = 60_000;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const MAX_ANSWER_BYTES = 64 * 1024;

/** Validate a webhook resource's config (fail closed). */
export function parseWebhookConfig(resource: Resource): WebhookConfig {
  const { cfg, bad } = readConfig(resource, 'webhook', WEBHOOK_ERROR_CODES.config, [
    'url',
    'secret_env',
    'timeout',
  ]);
  const secretEnv = cfg['secret_env'];
  if (typeof secretEnv !== 'string' || !ENV_NAME.test(secretEnv)) {
    bad('secret_env must be the name of an environment variable ([A-Za-z_][A-Za-z0-9_]*)');
  }
  const rawUrl = cfg['url'];
  if (typeof rawUrl !== 'string') return bad('url must be a string');
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return bad('url is not a valid URL');
  }
  if (url.username !== '' || url.password !== '') bad('url must not contain credentials (use secret_env)');
  if (url.protocol === 'http:') {
    if (!LOOPBACK_HOSTS.has(url.hostname)) {
      bad(
        `url must use https:// (plain http:// is allowed only for 127.0.0.1, localhost and [::1]), got ${safeUrl(url)}`,
      );
    }
  } else if (url.protocol !== 'https:') {
    bad(`url must use https://, got ${url.protocol}`);
  }
  const parsed: WebhookConfig = { url, secretEnv: secretEnv as string };
  if (cfg['timeout'] !== undefined) parsed.timeoutMs = parseTimeout(cfg['timeout'], bad);
  return parsed;
}

/** `timeout`: `Ns`, 1 s to 60 s inclusive. */
function parseTimeout(value: unknown, bad: (msg: string) => never): number {
  const m = typeof value === 'string' ? TIMEOUT.exec(value) : null;
  const got = JSON.stringify(value) ?? String(value);
  if (!m) return bad(`timeout must be a number of seconds such as 5s or 30s (1s to 60s), got ${got}`);
  const ms = Number(m[1]) * 1000;
  if (ms < MIN_TIMEOUT_MS || ms > MAX_TIMEOUT_MS) bad(`timeout must be between 1s and 60s, got ${got}`);
  return ms;
}

/** The stable idempotency key of a change: retries and reruns of the same change share it. */
export function idempotencyKey(
  type: 'grant' | 'revoke',
  grantId: string,
  resourceId: string,
  login: string,
  level: string,
): string {
  return createHash('sha256')
    .update([type, grantId, resourceId, login.toLowerCase(), level].join('\0'), 'utf8')
    .digest('hex');
}

/** `sha256=<hex>` of HMAC-SHA256 over the exact body bytes. */
export function signBody(secret: string, body: Uint8Array): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export class WebhookProvider implements Provider {
  readonly name = 'webhook';
  private readonly env: Readonly<Record<string, string | undefined>> | undefined;
  private readonly timeoutMs: number;
  private readonly retry: Required<WebhookRetryOptions>;
  private readonly now: () => Date;

  constructor(options: WebhookProviderOptions = {}) {
    this.env = options.env;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.retry = {
      retries: options.retry?.retries ?? 3,
      minDelayMs: options.retry?.minDelayMs ?? 1000,
      maxDelayMs: options.retry?.maxDelayMs ?? 10_000,
      factor: options.retry?.factor ?? 2,
      randomize: options.retry?.randomize ?? true,
    };
    this.now = options.now ?? (() => new Date());
  }

  grant(change: AccessChange): Promise<ChangeResult> {
    return this.send('grant', change);
  }

  revoke(change: AccessChange): Promise<ChangeResult> {
    return this.send('revoke', change);
  }

  async list(resource: Resource): Promise<Assignment[] | null> {
    parseWebhookConfig(resource);
    return null;
  }

  private async send(type: 'grant' | 'revoke', change: AccessChange): Promise<ChangeResult> {
    const { resource } = change;
    if (resource.provider !== 'webhook') {
      throw new ProviderError(
        `resource ${resource.id} uses provider ${resource.provider}, not webhook`,
        false,
        WEBHOOK_ERROR_CODES.config,
      );
    }
    const config = parseWebhookConfig(resource);
    const secret = (this.env ?? process.env)[config.secretEnv];
    if (secret === undefined || secret === '') {
      throw new ProviderError(
        `resource ${resource.id}: environment variable ${config.secretEnv} (the webhook signing secret) is not set`,
        false,
        WEBHOOK_ERROR_CODES.config,
      );
    }

    const event: WebhookEvent = {
      type,
      grant_id: change.event.grantId,
      person: change.subject.login,
      identity: change.subject.identity,
      resource: resource.id,
      access: change.level,
      held: [...change.held],
      window: { start: change.event.start ?? null, end: change.event.end ?? null },
      sent_at: this.now().toISOString(),
    };
    const body = Buffer.from(JSON.stringify(event), 'utf8');
    const headers = {
      'Content-Type': 'application/json',
      'User-Agent': 'gitgrant',
      'X-Gitgrant-Event': type,
      'X-Gitgrant-Idempotency-Key': idempotencyKey(
        type,
        event.grant_id,
        resource.id,
        event.person,
        event.access,
      ),
      'X-Gitgrant-Signature-256': signBody(secret, body),
    };
    const target = `POST ${safeUrl(config.url)}`;
    const timeoutMs = config.timeoutMs ?? this.timeoutMs;
    const what = `${type} ${event.access} for ${event.person} on ${resource.id}`;

    let attempts = 0;
    const attempt = async (): Promise<ChangeResult> => {
      attempts++;
      let res: Response;
      let answer: string;
      try {
        res = await fetch(config.url, {
          method: 'POST',
          headers,
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        answer = await readLimited(res, MAX_ANSWER_BYTES);
      } catch (err) {
        const name = (err as { name?: unknown } | null)?.name;
        const timedOut = name === 'TimeoutError' || name === 'AbortError';
        throw new ProviderError(
          timedOut ? `no answer within ${timeoutMs} ms` : `request failed: ${networkMessage(err)}`,
          true,
          WEBHOOK_ERROR_CODES.unreachable,
        );
      }
      const status = res.status;
      if (status >= 200 && status < 300) {
        const changed = !(status === 200 && saysUnchanged(res, answer));
        return {
          changed,
          detail: `${type} event sent to ${safeUrl(config.url)} (HTTP ${status}${changed ? '' : ', receiver: unchanged'})`,
        };
      }
      const summary = `HTTP ${status}${snippet(answer)}`;
      if (status === 408 || status === 429 || status >= 500) {
        throw new ProviderError(summary, true, WEBHOOK_ERROR_CODES.failed);
      }
      if (status >= 300 && status < 400) {
        throw new ProviderError(
          `${summary} (redirects are not followed; configure the final URL)`,
          false,
          WEBHOOK_ERROR_CODES.rejected,
        );
      }
      throw new ProviderError(summary, false, WEBHOOK_ERROR_CODES.rejected);
    };

    try {
      return await pRetry(attempt, {
        retries: this.retry.retries,
        minTimeout: this.retry.minDelayMs,
        maxTimeout: this.retry.maxDelayMs,
        factor: this.retry.factor,
        randomize: this.retry.randomize,
        shouldRetry: ({ error }) => error instanceof ProviderError && error.retryable,
      });
    } catch (err) {
      const pe =
        err instanceof ProviderError
          ? err
          : new ProviderError(networkMessage(err), false, WEBHOOK_ERROR_CODES.failed);
      const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
      throw new ProviderError(
        `resource ${resource.id}: webhook ${what}: ${target} ${pe.retryable ? 'failed' : 'was rejected'} after ${tries}: ${pe.message}`,
        pe.retryable,
        pe.code,
      );
    }
  }
}

export function createWebhookProvider(options: WebhookProviderOptions = {}): WebhookProvider {
  return new WebhookProvider(options);
}

// ---------------------------------------------------------------------------------------------

/** Origin and path only: never the query string or fragment (they may carry tokens). */
function safeUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

function saysUnchanged(res: Response, answer: string): boolean {
  const type = res.headers.get('content-type') ?? '';
  if (!/\bjson\b/i.test(type) && !answer.trimStart().startsWith('{')) return false;
  try {
    const parsed: unknown = JSON.parse(answer);
    return (
      parsed !== null && typeof parsed === 'object' && (parsed as { changed?: unknown }).changed === false
    );
  } catch {
    return false;
  }
}

/** Read at most `limit` bytes of the answer (a hostile receiver cannot exhaust memory). */
async function readLimited(res: Response, limit: number): Promise<string> {
  if (res.body === null) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
      if (size >= limit) {
        await reader.cancel().catch(() => {});
        break;
      }
    }
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}

/** A short one-line excerpt of the answer for messages. */
function snippet(answer: string): string {
  const line = answer.replace(/\s+/g, ' ').trim();
  if (line === '') return '';
  return `: ${line.length > 200 ? `${line.slice(0, 200)}…` : line}`;
}

function networkMessage(err: unknown): string {
  const e = err as { message?: unknown; cause?: { code?: unknown; message?: unknown } } | null;
  const cause = e?.cause;
  if (cause && typeof cause.code === 'string') return `${String(e?.message ?? 'error')} (${cause.code})`;
  if (cause && typeof cause.message === 'string')
    return `${String(e?.message ?? 'error')} (${cause.message})`;
  return typeof e?.message === 'string' ? e.message : String(err);
}
