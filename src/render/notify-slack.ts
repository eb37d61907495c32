/**
 * Slack-compatible incoming-webhook messages (docs/notifications.md): `{ text, blocks }`, every
 * user-written piece escaped for Slack mrkdwn (`&`, `<`, `>`), so a grant's reason cannot ping
 * `<!channel>` or forge a link.
 */
import type { NotifyEventKind } from '../notify/model.js';

export interface SlackMessage {
  text: string;
  blocks: { type: 'section'; text: { type: 'mrkdwn'; text: string } }[];
}

/** Escape for Slack mrkdwn: the three control characters Slack documents. */
export function slackEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface NotifyGrantFacts {
  grant: string;
  file: string;
  person: string;
  access: string;
  resources: readonly string[];
  duration?: string;
  reason?: string;
  end?: string;
}

export type NotifyEvent =
  | { kind: 'request'; pr: number; url?: string; author: string; grants: NotifyGrantFacts[] }
  | {
      kind: 'approval';
      pr: number;
      url?: string;
      author: string;
      approvers: string[];
      grants: NotifyGrantFacts[];
    }
  | { kind: 'grant'; pr: number | null; grant: NotifyGrantFacts }
  | { kind: 'expiry-warning'; grant: NotifyGrantFacts }
  | { kind: 'revocation'; grant: NotifyGrantFacts; why?: string };

const e = slackEscape;
const code = (s: string) => `\`${e(s)}\``;
const list = (xs: readonly string[]) => xs.map(code).join(', ');
const prRef = (pr: number | null, url?: string) =>
  pr === null ? 'a direct push' : url ? `<${e(url)}|#${pr}>` : `#${pr}`;

function grantLine(g: NotifyGrantFacts): string {
  const parts = [`${e(g.person)}: ${code(g.access)} on ${list(g.resources)}`];
  if (g.duration) parts.push(`for ${e(g.duration)}`);
  let line = parts.join(' ');
  if (g.reason) line += ` (${e(g.reason)})`;
  return `• ${line} — ${code(g.file)}`;
}

/** The message text for an event (mrkdwn, escaped). */
export function notifyText(ev: NotifyEvent): string {
  switch (ev.kind) {
    case 'request':
      return [
        `:key: *Access requested* in pull request ${prRef(ev.pr, ev.url)} by ${e(ev.author)}`,
        ...ev.grants.map(grantLine),
      ].join('\n');
    case 'approval':
      return [
        `:white_check_mark: *Access request approved*: pull request ${prRef(ev.pr, ev.url)} by ${e(ev.author)}` +
          (ev.approvers.length ? `, approved by ${ev.approvers.map(e).join(', ')}` : ''),
        ...ev.grants.map(grantLine),
      ].join('\n');
    case 'grant':
      return `:unlock: *Access granted* (${prRef(ev.pr)}): ${grantLine(ev.grant).slice(2)}${ev.grant.end ? `, until ${e(ev.grant.end)}` : ''}`;
    case 'expiry-warning':
      return `:hourglass_flowing_sand: *Access expires soon*: ${grantLine(ev.grant).slice(2)}, ends ${e(ev.grant.end ?? '')}`;
    case 'revocation':
      return `:lock: *Access revoked*: ${grantLine(ev.grant).slice(2)}${ev.why ? ` — ${e(ev.why)}` : ''}`;
  }
}

export function renderSlackMessage(ev: NotifyEvent): SlackMessage {
  const text = notifyText(ev);
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 3000) } }] };
}

export const kindOf = (ev: NotifyEvent): NotifyEventKind => ev.kind;
