/**
 * Notification settings (docs/notifications.md): pure data, shared by the loader and the senders.
 */
export const NOTIFY_EVENTS = ['request', 'approval', 'grant', 'expiry-warning', 'revocation'] as const;
export type NotifyEventKind = (typeof NOTIFY_EVENTS)[number];

export interface NotificationSettings {
  /** The environment variable holding the incoming-webhook URL (never in git). */
  webhookEnv: string;
  /** Warn once when an active grant ends within this many milliseconds (default 1h). */
  expiryWarningMs: number;
  /** As written, for messages. */
  expiryWarning: string;
  events: readonly NotifyEventKind[];
}

export const DEFAULT_EXPIRY_WARNING = '1h';
