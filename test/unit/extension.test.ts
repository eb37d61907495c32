/**
 * Extensions and repeat-access caps (src/core/extension.ts), break-glass decisions
 * (src/core/evaluate.ts, src/core/break-glass.ts): pure, with a history given as data.
 */
import { retroReviewStatus } from '../../src/core/break-glass.js';
import { decideGrant } from '../../src/core/decide.js';
import { evaluatePolicies } from '../../src/core/evaluate.js';
import {
  checkHistory,
  continueWindow,
  maxRollingTotalMs,
  DAYS_30_MS,
  type HistoryFacts,
  type PriorGrant,
} from '../../src/core/extension.js';
import type { PrFacts, Review } from '../../src/core/pr-facts.js';
import { prepare } from '../../src/core/prepared.js';
import { buildSnapshot } from '../../src/load/snapshot.js';
import { access, allow, grant, person, resource, snapshot } from '../helpers/model.js';

const H = 3_600_000;
const T0 = Date.parse('2026-11-01T08:00:00Z');

const resources = [
  resource('billing-db-prod', { env: 'production', team: 'billing', kind: 'database' }),
  resource('orders-db-prod', { env: 'production', team: 'commerce', kind: 'database' }),
  resource('vault-prod', { env: 'production', team: 'platform', sensitive: 'secrets' }),
];
const capped = {
  ...access('8h', [{ from: ['group:sre'], count: 1 }]),
  maxExtensions: 2,
  maxHoursPer30d: { hours: 20, by: ['team'] },
};
const glass = {
  ...access('2h', []),
  breakGlass: { reviewWithinMs: 1 * H, reviewWithin: '1h', reviewers: ['group:security'] },
};
const policies = [
  allow('production-data', { match: { kind: 'database' } }, ['group:engineering'], { read: capped }),
  allow('production-secrets', { match: { sensitive: 'secrets' } }, ['group:engineering'], {
    emergency: glass,
    read: access('1h', [{ from: ['group:security'], count: 1 }]),
  }),
];
const prepared = prepare(
  snapshot({
    resources,
    policies,
    people: [
      person('alice', {}, 101),
      person('bob', {}, 102),
      person('grace', {}, 107),
      person('heidi', {}, 108),
    ],
    groups: { engineering: ['alice', 'bob'], sre: ['bob'], security: ['grace', 'heidi'] },
  }),
);
const tagsOf = (id: string) => resources.find((r) => r.id === id)?.tags;

const prior = (over: Partial<PriorGrant> = {}): PriorGrant => ({
  id: 'alice-read',
  file: 'grants/alice-read.yaml',
  requester: 'alice',
  access: 'read',
  resources: ['billing-db-prod'],
  startMs: T0,
  endMs: T0 + 4 * H,
  chain: 0,
  ...over,
});

const ext = (over: Record<string, unknown> = {}) =>
  grant({
    id: 'alice-read-2',
    file: 'grants/alice-read-2.yaml',
    duration: '4h',
    resources: ['billing-db-prod'],
    extends: 'alice-read',
    ...over,
  });

function codes(g: ReturnType<typeof ext>, facts: HistoryFacts): string[] {
  return checkHistory(evaluatePolicies(g, prepared), facts).map((d) => d.code);
}

describe('window continuation', () => {
  it('an extension landing before the old end starts at the old end: no gap, no overlap', () => {
    expect(continueWindow({ endMs: T0 + 4 * H }, T0 + 3 * H, 4 * H)).toEqual({
      ok: true,
      startMs: T0 + 4 * H,
      endMs: T0 + 8 * H,
    });
  });
  it('landing at or after the old end is not an extension', () => {
    expect(continueWindow({ endMs: T0 + 4 * H }, T0 + 4 * H, H).ok).toBe(false);
    expect(continueWindow({ endMs: T0 + 4 * H }, T0 + 5 * H, H).ok).toBe(false);
  });
});

describe('extends', () => {
  const facts = (over: Partial<HistoryFacts> = {}): HistoryFacts => ({
    atMs: T0 + 3 * H,
    extended: prior(),
    windows: [],
    tagsOf,
    ...over,
  });

  it('a valid extension has no error', () => {
    expect(codes(ext(), facts())).toEqual([]);
  });
  it('no such grant, another requester, another access, more resources, too late: extension-invalid', () => {
    expect(codes(ext(), facts({ extended: null }))).toEqual(['extension-invalid']);
    expect(codes(ext(), facts({ extended: prior({ requester: 'bob' }) }))).toEqual(['extension-invalid']);
    expect(codes(ext(), facts({ extended: prior({ access: 'write' }) }))).toEqual(['extension-invalid']);
    expect(codes(ext({ resources: ['billing-db-prod', 'orders-db-prod'] }), facts())).toEqual([
      'extension-invalid',
    ]);
    expect(codes(ext(), facts({ atMs: T0 + 4 * H }))).toEqual(['extension-invalid']);
  });
  it('fewer resources are fine; the requester compares case-insensitively', () => {
    expect(
      codes(
        ext(),
        facts({ extended: prior({ requester: 'Alice', resources: ['billing-db-prod', 'orders-db-prod'] }) }),
      ),
    ).toEqual([]);
  });
  it('max_extensions counts the chain: the 3rd extension beyond max 2 is extension-limit', () => {
    expect(codes(ext(), facts({ extended: prior({ chain: 1 }) }))).toEqual([]);
    const d = checkHistory(evaluatePolicies(ext(), prepared), facts({ extended: prior({ chain: 2 }) }));
    expect(d.map((x) => x.code)).toEqual(['extension-limit']);
    expect(d[0]!.message).toContain('at most 2');
  });
  it('history that cannot be read fails closed', () => {
    expect(codes(ext(), { atMs: T0, unavailable: 'no clone' })).toEqual(['extension-invalid']);
    expect(codes(ext({ extends: undefined }), { atMs: T0, unavailable: 'no clone' })).toEqual([
      'extension-limit',
    ]);
  });
  it('decideGrant: an invalid extension is not valid, hence never approved', () => {
    const d = decideGrant(ext(), prepared, { codeowners: null, history: facts({ extended: null }) });
    expect(d.valid).toBe(false);
  });
});

describe('max_hours_per_30d', () => {
  const w = (startH: number, hours: number, over: Record<string, unknown> = {}) => ({
    file: `grants/w${startH}.yaml`,
    person: 'alice',
    access: 'read',
    resources: ['billing-db-prod'],
    startMs: T0 + startH * H,
    endMs: T0 + (startH + hours) * H,
    ...over,
  });
  const fresh = (duration: string) =>
    grant({ id: 'n', file: 'grants/n.yaml', duration, resources: ['billing-db-prod'] });

  it('counts the hours of the same person and level per tag value, with this request', () => {
    const at = T0 + 200 * H;
    // 8h + 8h in the past 30 days, +4h now = 20h: allowed; +5h = 21h: refused.
    const windows = [w(0, 8), w(100, 8)];
    expect(codes(fresh('4h'), { atMs: at, windows, tagsOf })).toEqual([]);
    expect(codes(fresh('5h'), { atMs: at, windows, tagsOf })).toEqual(['extension-limit']);
  });
  it('other people, levels and tag values do not count; windows older than 30 days do not either', () => {
    const at = T0 + 31 * 24 * H;
    const windows = [
      w(0, 8), // more than 30 days before
      w(24 * 31 - 10, 8, { person: 'bob' }),
      w(24 * 31 - 10, 8, { access: 'write' }),
      w(24 * 31 - 10, 8, { resources: ['orders-db-prod'] }),
    ];
    expect(codes(fresh('8h'), { atMs: at, windows, tagsOf })).toEqual([]);
  });
  it('the rolling maximum is found at window edges', () => {
    const own = { startMs: T0 + 29 * 24 * H, endMs: T0 + 29 * 24 * H + 4 * H };
    expect(maxRollingTotalMs(own, [{ startMs: T0, endMs: T0 + 10 * H }])).toBe(14 * H);
    expect(
      maxRollingTotalMs({ startMs: T0 + DAYS_30_MS + 10 * H, endMs: T0 + DAYS_30_MS + 12 * H }, [
        { startMs: T0, endMs: T0 + 10 * H },
      ]),
    ).toBe(2 * H);
  });
});

describe('break-glass', () => {
  const emergency = grant({
    id: 'bg',
    file: 'grants/bg.yaml',
    access: 'emergency',
    duration: '2h',
    resources: ['vault-prod'],
  });
  const merged = 'f00d';
  const facts = (reviews: Review[]): PrFacts => ({
    number: 9,
    author: { login: 'alice', id: 101 },
    head_sha: merged,
    changed_files: [{ path: 'grants/bg.yaml', status: 'added' }],
    commit_authors: [{ login: 'alice', id: 101 }],
    reviews,
    teams: {},
  });
  const approve = (login: string, at: number, commit = merged): Review => ({
    user: { login, type: 'User' },
    state: 'APPROVED',
    commit_id: commit,
    submitted_at: new Date(at).toISOString(),
  });

  it('is valid and approved without any review; the retro-review rule is the reviewers', () => {
    const d = decideGrant(emergency, prepared, { codeowners: null, facts: facts([]) });
    expect(d.approved).toBe(true);
    expect(d.policy.rules).toEqual([]);
    expect(d.policy.breakGlass).toMatchObject({ reviewWithin: '1h', policies: ['production-secrets'] });
  });
  it('a break-glass max_duration still applies', () => {
    const d = decideGrant({ ...emergency, duration: '3h' }, prepared, { codeowners: null });
    expect(d.diagnostics.map((x) => x.code)).toEqual(['duration-exceeds-max']);
  });
  it('mixed with a policy that is not break-glass, the reviewers are required before merge', () => {
    const p2 = prepare(
      snapshot({
        resources,
        policies: [
          ...policies,
          allow('platform', { match: { team: 'platform' } }, ['group:engineering'], {
            emergency: access('2h', [{ from: ['group:sre'], count: 1 }]),
          }),
        ],
        people: [person('alice')],
        groups: { engineering: ['alice'], security: ['grace'], sre: ['bob'] },
      }),
    );
    const d = evaluatePolicies(emergency, p2);
    expect(d.breakGlass).toBeUndefined();
    expect(d.rules.map((r) => r.from)).toEqual([['group:sre'], ['group:security']]);
  });

  const status = (reviews: Review[], nowMs: number) =>
    retroReviewStatus({
      breakGlass: evaluatePolicies(emergency, prepared).breakGlass!,
      requester: 'alice',
      facts: facts(reviews),
      dir: prepared.directory,
      landedAtMs: T0,
      nowMs,
    });

  it('waiting before the deadline, overdue after it without a review', () => {
    expect(status([], T0 + 30 * 60_000).state).toBe('waiting');
    expect(status([], T0 + H).state).toBe('overdue');
  });
  it('a post-merge approval by an eligible reviewer in time: reviewed', () => {
    const s = status([approve('grace', T0 + 10 * 60_000)], T0 + 2 * H);
    expect(s).toMatchObject({ state: 'reviewed', reviewedBy: ['grace'] });
  });
  it('not counted: before the merge, the requester, a bot, someone not a reviewer; late counts only for closing', () => {
    expect(status([approve('grace', T0 - 60_000)], T0 + 2 * H).state).toBe('overdue');
    expect(status([approve('alice', T0 + 60_000)], T0 + 2 * H).state).toBe('overdue');
    expect(
      status([{ ...approve('heidi', T0 + 60_000), user: { login: 'heidi', type: 'Bot' } }], T0 + 2 * H).state,
    ).toBe('overdue');
    expect(status([approve('bob', T0 + 60_000)], T0 + 2 * H).state).toBe('overdue');
    const late = status([approve('heidi', T0 + 90 * 60_000)], T0 + 2 * H);
    expect(late).toMatchObject({ state: 'overdue', reviewedAtAll: true, reviewedBy: ['heidi'] });
  });
});

describe('policy keys (loader)', () => {
  const load = (level: string) =>
    buildSnapshot([
      {
        path: 'policies/p.yaml',
        bytes: new TextEncoder().encode(`policies:
  - name: p
    resources: { match: { env: production } }
    requesters: [alice]
    access:
      ${level}
`),
      },
    ]);

  it('reads max_extensions, max_hours_per_30d and break_glass', () => {
    const r = load(
      'emergency: { max_duration: 4h, approvals: [], max_extensions: 1, max_hours_per_30d: { hours: 10, by: [team] }, break_glass: { review_within: 24h, reviewers: [group:security] } }',
    );
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    expect(r.snapshot.policies[0]!.access.emergency).toMatchObject({
      maxExtensions: 1,
      maxHoursPer30d: { hours: 10, by: ['team'] },
      breakGlass: { reviewWithinMs: 24 * H, reviewWithin: '24h', reviewers: ['group:security'] },
    });
  });
  it('a break-glass level longer than 4h is config-invalid; with approvals it is a schema error', () => {
    const long = load(
      'emergency: { max_duration: 5h, approvals: [], break_glass: { review_within: 1h, reviewers: [bob] } }',
    );
    expect(long.ok ? [] : long.diagnostics.map((d) => d.code)).toEqual(['config-invalid']);
    const approvals = load(
      'emergency: { max_duration: 1h, approvals: [{ from: [bob], count: 1 }], break_glass: { review_within: 1h, reviewers: [bob] } }',
    );
    expect(approvals.ok ? [] : approvals.diagnostics.map((d) => d.code)).toContain('schema');
  });
});
