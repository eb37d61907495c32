/** `gitgrant eligible` on the example organisation, through the bundled CLI. */
import { gitgrant } from '../helpers/cli.js';

interface Eligible {
  person: string;
  resources: {
    id: string;
    access: {
      level: string;
      max_duration: string;
      approvals: { from: string; count: number; can_approve: string[] }[];
      require: { ticket: { pattern: string }[] };
    }[];
  }[];
  not_eligible: { id: string; code: string }[];
}

const eligible = (person: string): Eligible => {
  const r = gitgrant(['eligible', '--person', person, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Eligible;
};

const level = (e: Eligible, id: string, access: string) =>
  e.resources.find((r) => r.id === id)?.access.find((a) => a.level === access);

describe('gitgrant eligible', () => {
  test('frank (contractor) is not eligible for billing-db-prod: denied by no-contractors-on-pii', () => {
    const e = eligible('frank');
    expect(e.resources.map((r) => r.id)).not.toContain('billing-db-prod');
    expect(e.not_eligible).toContainEqual(expect.objectContaining({ id: 'billing-db-prod', code: 'denied' }));
    expect(e.not_eligible).toContainEqual(expect.objectContaining({ id: 'orders-db-prod', code: 'denied' }));
    // Not his team's staging systems (same_tags: team).
    expect(e.not_eligible).toContainEqual(
      expect.objectContaining({ id: 'ds-notebooks', code: 'not-eligible' }),
    );
    // What he may do: production repositories with the code owners' approval.
    expect(level(e, 'frontend-web', 'write')).toMatchObject({
      max_duration: '1d',
      approvals: [{ from: 'codeowners', count: 1, can_approve: ['@bob', '@carol'] }],
    });
  });

  test('ivan may read ds-notebooks with no approval, for a day at most', () => {
    const e = eligible('ivan');
    expect(level(e, 'ds-notebooks', 'read')).toMatchObject({ max_duration: '1d', approvals: [] });
    expect(level(e, 'ds-notebooks', 'write')).toMatchObject({
      max_duration: '8h',
      approvals: [{ from: 'group:team-leads', count: 1, can_approve: ['erin', 'dave', 'judy'] }],
    });
    expect(e.not_eligible).toContainEqual(
      expect.objectContaining({ id: 'billing-db-staging', code: 'not-eligible' }),
    );
  });

  test('alice: billing-db-prod read needs an SRE and a ticket; the secrets are SRE only', () => {
    const e = eligible('alice');
    expect(level(e, 'billing-db-prod', 'read')).toMatchObject({
      max_duration: '8h',
      approvals: [{ from: 'group:sre', count: 1, can_approve: ['bob', 'carol'] }],
      require: { ticket: [{ pattern: '^INC-[0-9]+$' }] },
    });
    expect(e.not_eligible.map((x) => x.id).sort()).toEqual(['infra-terraform', 'vault-prod']);
  });

  test('an approver never approves their own request: carol is not offered to herself', () => {
    const e = eligible('carol');
    expect(level(e, 'billing-db-prod', 'read')!.approvals).toEqual([
      expect.objectContaining({ from: 'group:sre', can_approve: ['bob'] }),
    ]);
  });

  test('text output: one block per resource, a line per level', () => {
    const r = gitgrant(['eligible', '--person', 'ivan']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ivan may request \d+ resources/);
    expect(r.stdout).toMatch(
      /\n {2}ds-notebooks \(webhook; env=staging team=data-science kind=notebook\)\n {4}read +max 1d +no approval\n/,
    );
  });

  test('without --person and nobody configured: usage error', () => {
    const r = gitgrant(['eligible'], {
      env: { GITHUB_ACTOR: '', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
      cwd: '/',
    });
    expect(r.status).toBe(2);
  });
});
