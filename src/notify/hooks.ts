/**
 * The notification hooks of apply, reconcile and validate (docs/notifications.md). Each is one
 * call at the end of its command; each never throws (a failed notification is a warning).
 *
 * Once only:
 *   - request: when validate CREATES its sticky comment (the first report on the PR);
 *   - approval: when `gitgrant/approval` becomes success and was not success before on that head;
 *   - grant: per granted file, when apply changed access for it;
 *   - expiry-warning, revocation: remembered in reconcile's state (`notified`, keyed by grant file
 *     and window start), so reruns send nothing twice.
 */
import type { GrantRequest, Resource, Settings } from '../core/model.js';
import type { ChangeEntry } from '../commands/apply.js';
import type { ReconcileState } from '../commands/state.js';
import type { NotifyGrantFacts } from '../render/notify-slack.js';
import { notifierFor, type Notifier, type NotifierOptions } from './send.js';

/** Remembered notifications are forgotten after this long (their grants are long gone). */
const FORGET_AFTER_MS = 90 * 24 * 3_600_000;

function safe(log: (m: string) => void, fn: () => Promise<void>): Promise<void> {
  return fn().catch((e: unknown) =>
    log(`warning: gitgrant notifications: ${e instanceof Error ? e.message : String(e)}`),
  );
}

/** Group change entries by grant file: one notification per grant. */
function byFile(entries: readonly ChangeEntry[]): Map<string, ChangeEntry[]> {
  const m = new Map<string, ChangeEntry[]>();
  for (const e of entries) m.set(e.file, [...(m.get(e.file) ?? []), e]);
  return m;
}

function factsOf(entries: ChangeEntry[]): NotifyGrantFacts {
  const first = entries[0]!;
  return {
    grant: first.grant,
    file: first.file,
    person: first.person,
    access: first.access,
    resources: [...new Set(entries.map((e) => e.resource))],
    ...(first.end ? { end: first.end } : {}),
  };
}

/** apply: one `grant` notification per granted file that changed access. */
export async function notifyApply(
  settings: Settings,
  granted: readonly ChangeEntry[],
  opts: NotifierOptions,
  notifier: Notifier = notifierFor(settings, opts),
): Promise<void> {
  if (!notifier.wants('grant')) return;
  await safe(opts.log, async () => {
    for (const entries of byFile(granted).values()) {
      if (!entries.some((e) => e.changed)) continue; // a rerun that changed nothing says nothing
      await notifier.send({ kind: 'grant', pr: entries[0]!.pr ?? null, grant: factsOf(entries) });
    }
  });
}

export interface KnownGrant {
  grant: GrantRequest;
  file: string;
  window: { state: string; start?: string; end?: string; remainingMs?: number };
  approval: { approved: boolean };
  resources: readonly Resource[];
  early?: string;
}

/** reconcile: `expiry-warning` once per active grant ending soon; `revocation` once per revoked grant. */
export async function notifyReconcile(
  settings: Settings,
  nowMs: number,
  known: readonly KnownGrant[],
  revoked: readonly ChangeEntry[],
  revokedEarly: readonly { file: string; why: string }[],
  state: ReconcileState,
  opts: NotifierOptions,
  notifier: Notifier = notifierFor(settings, opts),
): Promise<void> {
  const n = settings.notifications;
  if (!n) return;
  await safe(opts.log, async () => {
    const notified = (state.notified ??= {});
    for (const [key, at] of Object.entries(notified))
      if (nowMs - Date.parse(at) > FORGET_AFTER_MS) delete notified[key];
    const now = new Date(nowMs).toISOString();

    if (notifier.wants('expiry-warning'))
      for (const k of known) {
        const w = k.window;
        if (w.state !== 'active' || !k.approval.approved || k.early || !w.end) continue;
        const left = Date.parse(w.end) - nowMs;
        if (left <= 0 || left > n.expiryWarningMs) continue;
        const key = `expiry-warning:${k.file}@${w.start ?? ''}`;
        if (notified[key]) continue;
        const sent = await notifier.send({
          kind: 'expiry-warning',
          grant: {
            grant: k.grant.id,
            file: k.file,
            person: k.grant.requester,
            access: k.grant.access,
            resources: k.resources.map((r) => r.id),
            end: w.end,
          },
        });
        if (sent) notified[key] = now;
      }

    if (notifier.wants('revocation'))
      for (const [file, entries] of byFile(revoked)) {
        const key = `revocation:${file}@${entries[0]!.start ?? ''}`;
        if (notified[key]) continue;
        const why = revokedEarly.find((r) => r.file === file)?.why;
        const sent = await notifier.send({
          kind: 'revocation',
          grant: factsOf(entries),
          ...(why ? { why } : {}),
        });
        if (sent) notified[key] = now;
      }
  });
}
