/**
 * The webhook provider against a real local HTTP receiver (node:http on 127.0.0.1:0) that verifies
 * the HMAC signature with crypto.timingSafeEqual, exactly as docs/providers.md tells receivers to.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { syntheticSource } from '../../src/core/errors.js';
import type { Resource } from '../../src/core/model.js';
import { ProviderError, type AccessChange } from '../../src/providers/types.js';
import {
  WebhookProvider,
  idempotencyKey,
  parseWebhookConfig,
  signBody,
  type WebhookEvent,
} from '../../src/providers/webhook.js';

const SECRET = 'receiver-shared-secret-0123456789';
const FAST = { retries: 3, minDelayMs: 5, maxDelayMs: 20, randomize: false };

interface Received {
  headers: http.IncomingHttpHeaders;
  raw: Buffer;
  event: WebhookEvent;
}

/** What the receiver does with the n-th request (0-based) after the signature was checked. */
type Behaviour = (n: number, req: Received, res: http.ServerResponse) => void;

class Receiver {
  readonly received: Received[] = [];
  readonly rejected: string[] = [];
  behaviour: Behaviour = (_n, _r, res) => res.writeHead(204).end();
  private server = http.createServer((req, res) => this.handle(req, res));
  url = '';

  constructor(private readonly secret: string) {}

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/notebooks`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      // The verification recipe: HMAC the exact bytes received, compare in constant time.
      const expected = Buffer.from(`sha256=${createHmac('sha256', this.secret).update(raw).digest('hex')}`);
      const given = Buffer.from(String(req.headers['x-gitgrant-signature-256'] ?? ''));
      if (req.method !== 'POST' || given.length !== expected.length || !timingSafeEqual(given, expected)) {
        this.rejected.push(String(req.headers['x-gitgrant-signature-256']));
        res.writeHead(401, { 'Content-Type': 'text/plain' }).end('bad signature');
        return;
      }
      const entry = { headers: req.headers, raw, event: JSON.parse(raw.toString('utf8')) as WebhookEvent };
      this.received.push(entry);
      this.behaviour(this.received.length - 1, entry, res);
    });
  }
}

function resource(
  url: string,
  secretEnv = 'NOTEBOOK_HOOK_SECRET',
  extra: Record<string, unknown> = {},
): Resource {
  return {
    id: 'ds-notebooks',
    provider: 'webhook',
    tags: { env: 'staging' },
    config: { url, secret_env: secretEnv, ...extra },
    baseline: [],
    prune: false,
    source: syntheticSource('policies/test.yaml'),
    path: ['resources', 0],
  };
}

function change(
  res: Resource,
  kind: 'grant' | 'revoke',
  level = 'read',
  held: string[] = kind === 'grant' ? [level] : [],
): AccessChange {
  return {
    resource: res,
    subject: { login: 'Alice', identity: 'alice@example.com' },
    level,
    held,
    event: {
      kind,
      grantId: 'alice-notebooks',
      start: '2026-11-29T10:00:00.000Z',
      end: '2026-11-29T14:00:00.000Z',
    },
  };
}

async function rejection(p: Promise<unknown>): Promise<ProviderError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ProviderError);
    return err as ProviderError;
  }
  throw new Error('expected a ProviderError, got success');
}

const NOW = new Date('2026-11-29T10:00:05.000Z');
let receiver: Receiver;
let provider: WebhookProvider;

beforeEach(async () => {
  receiver = new Receiver(SECRET);
  await receiver.start();
  provider = new WebhookProvider({ env: { NOTEBOOK_HOOK_SECRET: SECRET }, retry: FAST, now: () => NOW });
});

afterEach(async () => {
  await receiver.stop();
});

describe('WebhookProvider (real local receiver)', () => {
  test('grant and revoke events arrive signed, with every field and a stable idempotency key', async () => {
    const res = resource(receiver.url);
    expect(await provider.grant(change(res, 'grant'))).toEqual({
      changed: true,
      detail: `grant event sent to ${receiver.url} (HTTP 204)`,
    });
    expect((await provider.revoke(change(res, 'revoke', 'read', ['write']))).changed).toBe(true);

    expect(receiver.rejected).toEqual([]);
    expect(receiver.received).toHaveLength(2);
    const [g, r] = receiver.received as [Received, Received];
    expect(g.event).toEqual({
      type: 'grant',
      grant_id: 'alice-notebooks',
      person: 'Alice',
      identity: 'alice@example.com',
      resource: 'ds-notebooks',
      access: 'read',
      held: ['read'],
      window: { start: '2026-11-29T10:00:00.000Z', end: '2026-11-29T14:00:00.000Z' },
      sent_at: '2026-11-29T10:00:05.000Z',
    });
    expect(r.event).toMatchObject({ type: 'revoke', access: 'read', held: ['write'], person: 'Alice' });
    expect(g.headers['content-type']).toBe('application/json');
    expect(g.headers['x-gitgrant-event']).toBe('grant');
    expect(r.headers['x-gitgrant-event']).toBe('revoke');
    const key = createHash('sha256')
      .update('grant\0alice-notebooks\0ds-notebooks\0alice\0read')
      .digest('hex');
    expect(g.headers['x-gitgrant-idempotency-key']).toBe(key);
    expect(key).toBe(idempotencyKey('grant', 'alice-notebooks', 'ds-notebooks', 'ALICE', 'read'));
    expect(r.headers['x-gitgrant-idempotency-key']).not.toBe(key);
    expect(g.headers['x-gitgrant-signature-256']).toBe(signBody(SECRET, g.raw));

    // a rerun later (another sent_at, so other bytes and signature) keeps the same key
    const later = new WebhookProvider({ env: { NOTEBOOK_HOOK_SECRET: SECRET }, retry: FAST });
    await later.grant(change(res, 'grant'));
    expect(receiver.received[2]!.headers['x-gitgrant-idempotency-key']).toBe(key);
  });

  test('a 200 with {"changed": false} reports no change', async () => {
    receiver.behaviour = (_n, _r, res) =>
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"changed": false}');
    expect((await provider.grant(change(resource(receiver.url), 'grant'))).changed).toBe(false);
    receiver.behaviour = (_n, _r, res) =>
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok": true}');
    expect((await provider.grant(change(resource(receiver.url), 'grant'))).changed).toBe(true);
  });

  test('500 then 200: retried with the same idempotency key and bytes, then success', async () => {
    receiver.behaviour = (n, _r, res) =>
      n === 0 ? res.writeHead(500).end('boom') : res.writeHead(200).end('ok');
    const result = await provider.grant(change(resource(receiver.url), 'grant'));
    expect(result.changed).toBe(true);
    expect(receiver.received).toHaveLength(2);
    const [a, b] = receiver.received as [Received, Received];
    expect(b.headers['x-gitgrant-idempotency-key']).toBe(a.headers['x-gitgrant-idempotency-key']);
    expect(b.raw.equals(a.raw)).toBe(true);
  });

  test('429 and 503 are retried; persistent 5xx ends in a retryable error after every retry', async () => {
    receiver.behaviour = (n, _r, res) => res.writeHead(n === 0 ? 429 : 503).end('busy');
    const err = await rejection(provider.revoke(change(resource(receiver.url), 'revoke')));
    expect(err.retryable).toBe(true);
    expect(receiver.received).toHaveLength(4); // 1 + 3 retries
    expect(err.message).toContain('after 4 attempts');
    expect(err.message).toContain('HTTP 503');
  });

  test('a 400 is final: non-retryable, no retry', async () => {
    receiver.behaviour = (_n, _r, res) =>
      res.writeHead(400, { 'Content-Type': 'text/plain' }).end('unknown access level');
    const err = await rejection(provider.grant(change(resource(receiver.url), 'grant')));
    expect(err.retryable).toBe(false);
    expect(receiver.received).toHaveLength(1);
    expect(err.message).toContain('HTTP 400: unknown access level');
    expect(err.message).toContain('after 1 attempt');
  });

  test('a slow receiver beyond the timeout: retried, then a retryable error', async () => {
    receiver.behaviour = (_n, _r, res) => {
      setTimeout(() => {
        if (!res.destroyed) res.writeHead(200).end();
      }, 1500).unref();
    };
    const slow = new WebhookProvider({
      env: { NOTEBOOK_HOOK_SECRET: SECRET },
      timeoutMs: 150,
      retry: { ...FAST, retries: 2 },
    });
    const err = await rejection(slow.grant(change(resource(receiver.url), 'grant')));
    expect(err.retryable).toBe(true);
    expect(err.message).toContain('no answer within 150 ms');
    expect(receiver.received).toHaveLength(3);
  });

  test('the resource config `timeout` sets the timeout of each attempt (over the default)', async () => {
    // Answers after 1.5 s: too late for `timeout: 1s`, in time for the default (10 s) and `2s`.
    receiver.behaviour = (_n, _r, res) => {
      setTimeout(() => {
        if (!res.destroyed) res.writeHead(204).end();
      }, 1500).unref();
    };
    const oneRetry = new WebhookProvider({
      env: { NOTEBOOK_HOOK_SECRET: SECRET },
      retry: { ...FAST, retries: 1 },
    });
    const err = await rejection(
      oneRetry.grant(change(resource(receiver.url, undefined, { timeout: '1s' }), 'grant')),
    );
    expect(err.retryable).toBe(true);
    expect(err.code).toBe('provider-unreachable');
    expect(err.message).toContain('no answer within 1000 ms');
    expect(err.message).toContain('after 2 attempts');
    expect(receiver.received).toHaveLength(2);

    const ok = await oneRetry.grant(change(resource(receiver.url, undefined, { timeout: '2s' }), 'grant'));
    expect(ok.changed).toBe(true);
    expect(receiver.received).toHaveLength(3);

    // and it wins over the provider's own timeoutMs
    const short = new WebhookProvider({ env: { NOTEBOOK_HOOK_SECRET: SECRET }, timeoutMs: 100, retry: FAST });
    expect(
      (await short.grant(change(resource(receiver.url, undefined, { timeout: '5s' }), 'grant'))).changed,
    ).toBe(true);
    expect(receiver.received).toHaveLength(4);
  });

  test('`timeout` outside 1s..60s, or not whole seconds, is a config error; nothing is sent', async () => {
    const cases: [unknown, RegExp][] = [
      ['0s', /timeout must be between 1s and 60s, got "0s"/],
      ['61s', /timeout must be between 1s and 60s, got "61s"/],
      ['90s', /between 1s and 60s/],
      ['1m', /timeout must be a number of seconds such as 5s or 30s \(1s to 60s\), got "1m"/],
      ['500ms', /number of seconds/],
      ['1.5s', /number of seconds/],
      ['05s', /number of seconds/],
      ['-1s', /number of seconds/],
      [5, /number of seconds .*, got 5$/],
      ['', /number of seconds/],
    ];
    for (const [timeout, message] of cases) {
      const err = await rejection(
        provider.grant(change(resource(receiver.url, undefined, { timeout }), 'grant')),
      );
      expect({ timeout, code: err.code, retryable: err.retryable }).toEqual({
        timeout,
        code: 'provider-config',
        retryable: false,
      });
      expect(err.message).toMatch(/^resource ds-notebooks: webhook config timeout /);
      expect(err.message).toMatch(message);
    }
    expect(receiver.received).toHaveLength(0);
    expect(parseWebhookConfig(resource(receiver.url, undefined, { timeout: '1s' })).timeoutMs).toBe(1000);
    expect(parseWebhookConfig(resource(receiver.url, undefined, { timeout: '60s' })).timeoutMs).toBe(60_000);
    expect(parseWebhookConfig(resource(receiver.url)).timeoutMs).toBeUndefined();
  });

  test('a wrong secret is rejected by the receiver: 401, non-retryable', async () => {
    const wrong = new WebhookProvider({ env: { NOTEBOOK_HOOK_SECRET: 'not-the-secret' }, retry: FAST });
    const err = await rejection(wrong.grant(change(resource(receiver.url), 'grant')));
    expect(err.retryable).toBe(false);
    expect(err.message).toContain('HTTP 401');
    expect(receiver.rejected).toHaveLength(1);
    expect(receiver.received).toHaveLength(0);
    expect(err.message).not.toContain('not-the-secret');
  });

  test('a missing secret is a non-retryable error naming the variable; nothing is sent', async () => {
    const none = new WebhookProvider({ env: {}, retry: FAST });
    const err = await rejection(none.grant(change(resource(receiver.url), 'grant')));
    expect(err.retryable).toBe(false);
    expect(err.message).toContain('NOTEBOOK_HOOK_SECRET');
    expect(receiver.received).toHaveLength(0);
    expect(receiver.rejected).toHaveLength(0);
  });

  test('nothing listening: retryable after the retries', async () => {
    const url = receiver.url;
    await receiver.stop();
    const err = await rejection(provider.grant(change(resource(url), 'grant')));
    expect(err.retryable).toBe(true);
    expect(err.message).toContain('after 4 attempts');
    expect(err.message).toMatch(/ECONNREFUSED/);
    receiver = new Receiver(SECRET);
    await receiver.start();
  });

  test('redirects are not followed', async () => {
    receiver.behaviour = (_n, _r, res) =>
      res.writeHead(307, { Location: 'http://127.0.0.1:1/elsewhere' }).end();
    const err = await rejection(provider.grant(change(resource(receiver.url), 'grant')));
    expect(err.retryable).toBe(false);
    expect(err.message).toContain('HTTP 307');
    expect(receiver.received).toHaveLength(1);
  });

  test('only https, or http on loopback; no credentials in the URL', async () => {
    for (const url of [
      'http://hooks.example.com/x',
      'http://10.0.0.1/x',
      'ftp://hooks.example.com/x',
      'file:///etc/passwd',
      'not a url',
    ]) {
      const err = await rejection(provider.grant(change(resource(url), 'grant')));
      expect(err.retryable).toBe(false);
      expect(err.code).toBe('provider-config');
    }
    expect(() => parseWebhookConfig(resource('https://user:pw@hooks.example.com/x'))).toThrow(/credentials/);
    expect(() => parseWebhookConfig(resource('https://hooks.example.com/x'))).not.toThrow();
    expect(() => parseWebhookConfig(resource('http://localhost:8080/x'))).not.toThrow();
    expect(() => parseWebhookConfig(resource('http://[::1]:8080/x'))).not.toThrow();
    expect(() =>
      parseWebhookConfig({
        ...resource('https://h/x'),
        config: { url: 'https://h/x', secret_env: 'S', extra: 1 },
      }),
    ).toThrow(/unknown key/);
    expect(receiver.received).toHaveLength(0);
  });

  test('list cannot say', async () => {
    expect(await provider.list(resource(receiver.url))).toBeNull();
  });
});
