/**
 * reconcile's extras, after revocation and re-application, before the state is written:
 * escalation and stale requests (docs/escalation.md; not in a dry run) and notifications
 * (docs/notifications.md). Neither decides access: failures are warnings, never a red run.
 */
import type { Prepared } from '../core/prepared.js';
import { runEscalation, type EscalateDeps } from '../commands/escalate.js';
import type { ChangeEntry } from '../commands/apply.js';
import type { ReconcileState } from '../commands/state.js';
import { notifyReconcile, type KnownGrant } from './hooks.js';

export async function afterReconcile(
  deps: Omit<EscalateDeps, 'prepared'> & { record: boolean },
  prepared: Prepared,
  known: readonly KnownGrant[],
  result: { revoked: readonly ChangeEntry[]; revokedEarly: readonly { file: string; why: string }[] },
  state: ReconcileState,
): Promise<void> {
  const warn = (e: unknown) => deps.log(`warning: escalation: ${e instanceof Error ? e.message : String(e)}`);
  if (deps.record) await runEscalation({ ...deps, prepared }).catch(warn);
  const { settings } = prepared.snapshot;
  await notifyReconcile(settings, deps.nowMs, known, result.revoked, result.revokedEarly, state, {
    log: deps.log,
  });
}
