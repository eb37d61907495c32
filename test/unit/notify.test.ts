import { buildSnapshot } from '../../src/load/snapshot.js';
import { prepare } from '../../src/core/prepared.js';
import { enc } from './load/helpers.js';
import { notifyText, renderSlackMessage, slackEscape } from '../../src/render/notify-slack.js';
import { checkWebhookUrl } from '../../src/notify/send.js';
import { escalationConfigured, reviewersOf, thresholdsFor } from '../../src/commands/escalate.js';

const RESOURCES = `resources:
  - id: db
    provider: webhook
    tags: { env: production, kind: database }
    config: { url: "https://hooks.example.com/db", secret_env: DB_SECRET }
groups:
  sre: [bob, carol]
  leads: [dave]
`;

function snapshot(policies: string) {
  const r = buildSnapshot([{ path: 'policies/main.yaml', bytes: enc(RESOURCES + policies) }]);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.snapshot;
}

function diagnostics(policies: string) {
  const r = buildSnapshot([{ path: 'policies/main.yaml', bytes: enc(RESOURCES + policies) }]);
  return r.ok ? [] : r.diagnostics.map((d) => `${d.code}: ${d.message}`);
}

describe('settings.notifications', () => {
  test('defaults: expiry_warning 1h, every event', () => {
    const s = snapshot('settings:\n  notifications: { webhook_env: SLACK_URL }\n');
    expect(s.settings.notifications).toEqual({
      webhookEnv: 'SLACK_URL',
      expiryWarningMs: 3_600_000,
      expiryWarning: '1h',
      events: ['request', 'approval', 'grant', 'expiry-warning', 'revocation'],
    });
    expect(s.settings.admins.count).toBe(2);
  });
  test('unknown keys, bad events and bad durations are configuration errors', () => {
    expect(
      diagnostics('settings:\n  notifications: { webhook_env: SLACK_URL, url: "https://x" }\n'),
    ).not.toEqual([]);
    expect(
      diagnostics('settings:\n  notifications: { webhook_env: SLACK_URL, events: [chat] }\n'),
    ).not.toEqual([]);
    expect(
      diagnostics('settings:\n  notifications: { webhook_env: SLACK_URL, expiry_warning: soon }\n'),
    ).toEqual([expect.stringMatching(/^duration-invalid: expiry_warning/)]);
    expect(diagnostics('settings:\n  notifications: { expiry_warning: 1h }\n')).not.toEqual([]);
  });
});

describe('Slack messages', () => {
  test('mrkdwn control characters are escaped', () => {
    expect(slackEscape('<!channel> & <https://evil|click>')).toBe(
      '&lt;!channel&gt; &amp; &lt;https://evil|click&gt;',
    );
    const m = renderSlackMessage({
      kind: 'revocation',
      grant: { grant: 'g', file: 'grants/g.yaml', person: 'a<b>', access: 'read', resources: ['db'] },
      why: 'no review & <late>',
    });
    expect(m.text).toBe(
      ':lock: *Access revoked*: a&lt;b&gt;: `read` on `db` — `grants/g.yaml` — no review &amp; &lt;late&gt;',
    );
    expect(m.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: m.text } }]);
  });
  test('expiry warning names the end', () => {
    expect(
      notifyText({
        kind: 'expiry-warning',
        grant: {
          grant: 'g',
          file: 'grants/g.yaml',
          person: 'ivan',
          access: 'read',
          resources: ['db'],
          end: '2026-11-29T12:00:00.000Z',
        },
      }),
    ).toContain('ends 2026-11-29T12:00:00.000Z');
  });
  test('webhook URLs: https, or http on loopback; no credentials', () => {
    expect(checkWebhookUrl('https://hooks.slack.com/services/T/B/X').ok).toBe(true);
    expect(checkWebhookUrl('http://127.0.0.1:8080/x').ok).toBe(true);
    expect(checkWebhookUrl('http://hooks.slack.com/x').ok).toBe(false);
    expect(checkWebhookUrl('https://u:p@hooks.slack.com/x').ok).toBe(false);
    expect(checkWebhookUrl('not a url').ok).toBe(false);
  });
});

describe('escalation keys', () => {
  const POLICIES = `policies:
  - name: data
    resources: { match: { env: production } }
    requesters: [bob]
    expire_after: 7d
    escalate_after: 8h
    escalate_to: [group:leads]
    access:
      read: { max_duration: 8h, approvals: [], escalate_after: 4h, escalate_to: [group:sre] }
      write: { max_duration: 8h, approvals: [] }
  - name: databases
    resources: { match: { kind: database } }
    requesters: [bob]
    access:
      read: { max_duration: 8h, approvals: [], expire_after: 2d, escalate_after: 4h, escalate_to: ["@acme/dba", erin] }
      write: { max_duration: 8h, approvals: [] }
`;
  test('level keys override the policy; the smallest wins across policies; equal escalate_after joins escalate_to', () => {
    const prepared = prepare(snapshot(POLICIES));
    expect(escalationConfigured(prepared.snapshot)).toBe(true);
    expect(thresholdsFor(prepared, [{ access: 'read', resourceIds: ['db'] }])).toEqual({
      escalateAfterMs: 4 * 3_600_000,
      escalateAfter: '4h',
      escalateTo: ['group:sre', '@acme/dba', 'erin'],
      expireAfterMs: 2 * 86_400_000,
      expireAfter: '2d',
    });
    expect(thresholdsFor(prepared, [{ access: 'write', resourceIds: ['db'] }])).toEqual({
      escalateAfterMs: 8 * 3_600_000,
      escalateAfter: '8h',
      escalateTo: ['group:leads'],
      expireAfterMs: 7 * 86_400_000,
      expireAfter: '7d',
    });
    expect(
      reviewersOf(prepared.snapshot, ['group:sre', '@acme/dba', '@other/x', 'erin'], 'acme', 'Bob'),
    ).toEqual({
      reviewers: ['carol', 'erin'],
      team_reviewers: ['dba'],
    });
  });
  test('escalate_after needs escalate_to; durations are checked', () => {
    const bad = (extra: string) =>
      diagnostics(`policies:
  - name: data
    resources: { match: { env: production } }
    requesters: [bob]
    access:
      read: { max_duration: 8h, approvals: [], ${extra} }
`);
    expect(bad('escalate_after: 4h')).toEqual([
      expect.stringMatching(/^config-invalid: escalate_after needs escalate_to/),
    ]);
    expect(bad('expire_after: never')).toEqual([expect.stringMatching(/^duration-invalid: expire_after/)]);
    expect(bad('escalate_to: [group:sre]')).toEqual([]);
    expect(escalationConfigured(snapshot('policies: []\n'))).toBe(false);
  });
});
