/**
 * `settings.notifications` (schema-valid) → NotificationSettings, with the checks JSON Schema
 * cannot express (the duration grammar).
 */
import { diag, type Diagnostic, type DocPath } from '../core/errors.js';
import { parseDuration } from '../core/duration.js';
import type { YamlSource } from '../load/yaml-source.js';
import {
  DEFAULT_EXPIRY_WARNING,
  NOTIFY_EVENTS,
  type NotificationSettings,
  type NotifyEventKind,
} from './model.js';

export interface RawNotifications {
  webhook_env: string;
  expiry_warning?: string;
  events?: NotifyEventKind[];
}

export function notificationSettings(
  settings: unknown,
  source: YamlSource,
  diagnostics: Diagnostic[],
): NotificationSettings | undefined {
  const raw = (settings as { notifications?: RawNotifications } | undefined)?.notifications;
  if (raw === undefined) return undefined;
  const path: DocPath = ['settings', 'notifications', 'expiry_warning'];
  const written = raw.expiry_warning ?? DEFAULT_EXPIRY_WARNING;
  const d = parseDuration(written);
  if (!d.ok) {
    diagnostics.push(diag('duration-invalid', `expiry_warning: ${d.reason}`, source, path));
    return undefined;
  }
  return {
    webhookEnv: raw.webhook_env,
    expiryWarningMs: d.ms,
    expiryWarning: written,
    events: raw.events ? [...raw.events] : [...NOTIFY_EVENTS],
  };
}
