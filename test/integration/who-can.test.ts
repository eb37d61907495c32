/** `gitgrant who-can RESOURCE` on the example organisation, through the bundled CLI. */
import { gitgrant } from '../helpers/cli.js';

interface WhoCan {
  resource: { id: string };
  policies: { name: string; effect: string }[];
  access: {
    level: string;
    max_duration: string;
    requesters: string[];
    denied: { login: string; policy: string }[];
    approvals: { from: string; count: number; can_approve: string[] }[];
  }[];
}

const whoCan = (id: string): WhoCan => {
  const r = gitgrant(['who-can', id, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as WhoCan;
};

describe('gitgrant who-can', () => {
  test('billing-db-prod: engineering may request (groups expanded), frank is denied; SREs approve reads', () => {
    const w = whoCan('billing-db-prod');
    expect(w.policies.map((p) => `${p.effect} ${p.name}`)).toEqual([
      'allow production-data',
      'deny no-contractors-on-pii',
    ]);
    const read = w.access.find((a) => a.level === 'read')!;
    expect(read.requesters).toEqual(['alice', 'bob', 'carol', 'dave', 'erin', 'ivan', 'judy']);
    expect(read.denied).toEqual([{ login: 'frank', policy: 'no-contractors-on-pii' }]);
    expect(read.approvals).toEqual([
      expect.objectContaining({ from: 'group:sre', count: 1, can_approve: ['bob', 'carol'] }),
    ]);
    const write = w.access.find((a) => a.level === 'write')!;
    expect(write.max_duration).toBe('2h');
    expect(write.approvals.map((a) => a.from)).toEqual(['group:dba', 'codeowners']);
  });

  test('ds-notebooks: same_tags evaluated against the resource (team=data-science): alice and ivan, no approval to read', () => {
    const w = whoCan('ds-notebooks');
    const read = w.access.find((a) => a.level === 'read')!;
    expect(read.requesters).toEqual(['alice', 'ivan']);
    expect(read.approvals).toEqual([]);
    expect(read.max_duration).toBe('1d');
  });

  test('vault-prod: SRE only, security and SRE approve', () => {
    const w = whoCan('vault-prod');
    const admin = w.access.find((a) => a.level === 'admin')!;
    expect(admin.requesters).toEqual(['bob', 'carol']);
    expect(admin.approvals).toEqual([
      expect.objectContaining({ from: 'group:security', count: 2, can_approve: ['grace', 'heidi'] }),
    ]);
  });

  test('text output and an unknown resource', () => {
    const r = gitgrant(['who-can', 'billing-db-prod']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('may request: alice, bob, carol, dave, erin, ivan, judy');
    expect(r.stdout).toContain('denied: frank (no-contractors-on-pii)');
    const u = gitgrant(['who-can', 'nope']);
    expect(u.status).toBe(2);
    expect(u.stderr).toContain('unknown resource "nope"');
  });
});
