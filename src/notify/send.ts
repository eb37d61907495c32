/**
 * Sending notifications: one POST of a Slack-compatible JSON message to the incoming-webhook URL
 * read from the environment variable `settings.notifications.webhook_env` at call time.
 *
 * Best effort by design: fail closed is about access decisions, not chat. Any failure (no URL,
 * a bad URL, a refused or unreachable webhook) is logged as a warning and never fails a command.
 * URL rules as the webhook provider: https, or http on loopback only; no user:password; no
 * redirects followed. 408, 429, 5xx and network errors are retried (p-retry, 2 retries), each
 * attempt bounded by a timeout (AbortSignal.timeout, default 10 s).
 */
import pRetry, { AbortError } from 'p-retry';
import type { Settings } from '../core/model.js';
import { renderSlackMessage, type NotifyEvent } from '../render/notify-slack.js';
import type { NotifyEventKind } from './model.js';

export interface NotifierOptions {
  env?: Readonly<Record<string, string | undefined>>;
  log: (message: string) => void;
  timeoutMs?: number;
  retries?: number;
  minDelayMs?: number;
}

export interface Notifier {
  /** True when this kind of event is configured (and worth computing). */
  wants(kind: NotifyEventKind): boolean;
  /** Send; true when the webhook accepted it. Never throws. */
  send(ev: NotifyEvent): Promise<boolean>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const NO_NOTIFIER: Notifier = { wants: () => false, send: async () => false };

/** Check a webhook URL: https, or http on loopback; no credentials. Returns a reason when refused. */
export function checkWebhookUrl(raw: string): { ok: true; url: URL } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'is not a valid URL' };
  }
  if (url.username || url.password) return { ok: false, reason: 'must not hold a user name or password' };
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return { ok: true, url };
  return { ok: false, reason: 'must be https:// (plain http:// only for loopback receivers)' };
}

class Retryable extends Error {}

export function notifierFor(settings: Settings, opts: NotifierOptions): Notifier {
  const n = settings.notifications;
  if (!n) return NO_NOTIFIER;
  const events = new Set<NotifyEventKind>(n.events);
  const env = opts.env ?? process.env;
  const warn = (m: string) => opts.log(`warning: gitgrant notifications: ${m}`);
  return {
    wants: (kind) => events.has(kind),
    async send(ev) {
      if (!events.has(ev.kind)) return false;
      const raw = env[n.webhookEnv];
      if (!raw) {
        warn(`the environment variable ${n.webhookEnv} is not set: ${ev.kind} notification not sent`);
        return false;
      }
      const checked = checkWebhookUrl(raw);
      if (!checked.ok) {
        // Never log the URL: it is a secret.
        warn(`the URL in ${n.webhookEnv} ${checked.reason}: ${ev.kind} notification not sent`);
        return false;
      }
      const body = JSON.stringify(renderSlackMessage(ev));
      try {
        await pRetry(
          async () => {
            let res: Response;
            try {
              res = await fetch(checked.url, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', 'User-Agent': 'gitgrant' },
                body,
                redirect: 'manual',
                signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
              });
            } catch (e) {
              throw new Retryable(`unreachable (${e instanceof Error ? e.message : String(e)})`);
            }
            await res.arrayBuffer().catch(() => undefined);
            if (res.status >= 200 && res.status < 300) return;
            const why = `answered HTTP ${res.status}`;
            if (res.status === 408 || res.status === 429 || res.status >= 500) throw new Retryable(why);
            throw new AbortError(why);
          },
          {
            retries: opts.retries ?? 2,
            minTimeout: opts.minDelayMs ?? 500,
            maxTimeout: 5_000,
            factor: 2,
          },
        );
        return true;
      } catch (e) {
        warn(`the ${ev.kind} notification failed: the webhook ${e instanceof Error ? e.message : String(e)}`);
        return false;
      }
    },
  };
}
