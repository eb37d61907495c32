import { evaluatePolicies } from '../../src/core/evaluate.js';
import { prepare } from '../../src/core/prepared.js';
import { access, allow, deny, grant, person, resource, snapshot } from '../helpers/model.js';

const resources = [
  resource('billing-db-prod', { env: 'production', team: 'billing', sensitive: 'pii', kind: 'database' }),
  resource('billing-db-staging', { env: 'staging', team: 'billing', kind: 'database' }),
  resource('ds-notebooks', { env: 'staging', team: 'data-science', kind: 'notebook' }),
  resource('grafana', { env: 'production', team: 'platform', kind: 'dashboard' }),
];
const people = [
  person('alice', { team: ['billing', 'data-science'], role: ['employee'] }, 101),
  person('frank', { team: ['frontend'], role: ['contractor'] }, 106),
  person('bob', { team: ['platform'] }, 102),
];
const groups = { engineering: ['alice', 'frank', 'bob'], sre: ['bob'], dba: ['carol'] };
const policies = [
  allow(
    'production-data',
    { match: { env: 'production' }, expressions: [{ key: 'kind', operator: 'In', values: ['database'] }] },
    ['group:engineering'],
    {
      read: access('8h', [{ from: ['group:sre'], count: 1 }]),
      write: access('2h', [
        { from: ['group:dba'], count: 1 },
        { from: 'codeowners', count: 1 },
      ]),
    },
    { require: { ticket: '^INC-[0-9]+$' } },
  ),
  allow('pii-extra', { match: { sensitive: 'pii' } }, ['group:engineering'], {
    read: access('4h', [{ from: ['group:sre'], count: 2 }]),
  }),
  allow('own-team-staging', { match: { env: 'staging' } }, [{ same_tags: ['team'] }], {
    read: access('1d', []),
  }),
  deny('no-contractors-on-pii', { match: { sensitive: 'pii' } }, [{ tags: { role: 'contractor' } }]),
];
const prepared = prepare(snapshot({ resources, policies, people, groups }));

const codes = (d: { diagnostics: { code: string }[] }) => d.diagnostics.map((x) => x.code);

describe('evaluatePolicies', () => {
  test('every matching allow policy applies: smallest max, rules merged by approver set with the largest count', () => {
    const d = evaluatePolicies(
      grant({ resources: ['billing-db-prod'], ticket: 'INC-7', duration: '3h' }),
      prepared,
    );
    expect(codes(d)).toEqual([]);
    expect(d.ok).toBe(true);
    expect(d.maxDurationMs).toBe(4 * 3600_000);
    expect(d.maxDurationPolicy).toBe('pii-extra');
    expect(d.rules).toEqual([{ from: ['group:sre'], count: 2, policies: ['production-data', 'pii-extra'] }]);
    expect(d.verdicts[0]).toMatchObject({
      allow: ['production-data', 'pii-extra'],
      deny: ['no-contractors-on-pii'],
    });
  });

  test('duration beyond the smallest max names the policy that sets it', () => {
    const d = evaluatePolicies(
      grant({ resources: ['billing-db-prod'], ticket: 'INC-7', duration: '5h' }),
      prepared,
    );
    expect(codes(d)).toEqual(['duration-exceeds-max']);
    expect(d.diagnostics[0]!.message).toMatch(/pii-extra/);
  });

  test('deny wins over every allow and names the policy and the tag', () => {
    const d = evaluatePolicies(
      grant({ requester: 'frank', resources: ['billing-db-prod'], ticket: 'INC-7' }),
      prepared,
    );
    expect(codes(d)).toEqual(['denied']);
    expect(d.diagnostics[0]!.message).toMatch(/no-contractors-on-pii.*sensitive=pii.*role=contractor/);
  });

  test('a resource no allow policy matches cannot be requested (default deny)', () => {
    const d = evaluatePolicies(grant({ requester: 'bob', resources: ['grafana'] }), prepared);
    expect(codes(d)).toEqual(['no-policy']);
    expect(d.diagnostics[0]!.message).toMatch(/grafana.*env=production/);
  });

  test('access level must be offered by every matching allow policy', () => {
    const d = evaluatePolicies(
      grant({ access: 'write', resources: ['billing-db-prod'], ticket: 'INC-7' }),
      prepared,
    );
    expect(codes(d)).toEqual(['access-not-offered']);
    expect(d.diagnostics[0]!.message).toMatch(/pii-extra.*offers: read/);
  });

  test('not eligible under one of the matching policies', () => {
    const d = evaluatePolicies(grant({ requester: 'bob', resources: ['billing-db-staging'] }), prepared);
    expect(codes(d)).toEqual(['not-eligible']);
    expect(d.diagnostics[0]!.message).toMatch(/own-team-staging.*same team as the resource/);
  });

  test('same_tags: requester team includes the resource team; auto-approval', () => {
    const d = evaluatePolicies(
      grant({ resources: [{ match: { env: 'staging' } }], duration: '1d' }),
      prepared,
    );
    expect(codes(d)).toEqual([]);
    expect(d.resources.map((r) => r.id)).toEqual(['billing-db-staging', 'ds-notebooks']);
    expect(d.rules).toEqual([]);
  });

  test('ticket required and matched', () => {
    expect(codes(evaluatePolicies(grant({ resources: ['billing-db-prod'] }), prepared))).toEqual([
      'ticket-invalid',
    ]);
    const bad = evaluatePolicies(grant({ resources: ['billing-db-prod'], ticket: 'JIRA-1' }), prepared);
    expect(codes(bad)).toEqual(['ticket-invalid']);
    expect(bad.diagnostics[0]!.message).toMatch(/production-data/);
  });

  test('blank reason is rejected', () => {
    expect(codes(evaluatePolicies(grant({ resources: ['ds-notebooks'], reason: '   ' }), prepared))).toEqual([
      'reason-required',
    ]);
  });

  test('unknown ids and empty selectors are resolution errors', () => {
    const d = evaluatePolicies(grant({ resources: ['nope', { match: { env: 'qa' } }] }), prepared);
    expect(codes(d)).toEqual(['unknown-resource', 'selector-matches-nothing']);
  });

  test('an invalid duration is reported, not thrown', () => {
    expect(codes(evaluatePolicies(grant({ resources: ['ds-notebooks'], duration: '0h' }), prepared))).toEqual(
      ['duration-invalid'],
    );
  });

  test('a policy with an empty selector matches nothing', () => {
    const p = prepare(
      snapshot({
        resources,
        people,
        groups,
        policies: [allow('everything', {}, ['alice'], { read: access('1h') })],
      }),
    );
    expect(codes(evaluatePolicies(grant({ resources: ['ds-notebooks'] }), p))).toEqual(['no-policy']);
  });

  test('team requesters need membership facts (fail closed offline)', () => {
    const p = prepare(
      snapshot({
        resources,
        people,
        policies: [allow('t', { match: { env: 'staging' } }, ['@acme/oncall'], { read: access('1h') })],
      }),
    );
    const g = grant({ resources: ['ds-notebooks'] });
    expect(codes(evaluatePolicies(g, p))).toEqual(['not-eligible']);
    const withTeams = { ...p.directory, teams: new Map([['acme/oncall', ['ALICE']]]) };
    expect(codes(evaluatePolicies(g, p, withTeams))).toEqual([]);
  });
});
