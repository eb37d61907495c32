import type { Review } from '../../src/core/pr-facts.js';
import { isBot } from '../../src/core/pr-facts.js';
import { chronological, effectiveReviews } from '../../src/core/reviews.js';

let seq = 0;
function review(login: string | null, state: Review['state'], extra: Partial<Review> = {}): Review {
  seq++;
  return {
    user: login === null ? null : { login },
    state,
    commit_id: 'c0ffee',
    submitted_at: `2026-01-01T00:00:${String(seq % 60).padStart(2, '0')}Z`,
    ...extra,
  };
}

const states = (m: Map<string, Review>) => Object.fromEntries([...m].map(([k, r]) => [k, r.state]));

describe('effectiveReviews', () => {
  beforeEach(() => {
    seq = 0;
  });

  test.each<[string, Review['state'][], Review['state'] | undefined]>([
    ['approved', ['APPROVED'], 'APPROVED'],
    ['comment after approval keeps the approval', ['APPROVED', 'COMMENTED'], 'APPROVED'],
    ['pending draft is not a review', ['APPROVED', 'PENDING'], 'APPROVED'],
    ['dismissed resets', ['APPROVED', 'DISMISSED'], undefined],
    ['dismissed then approved again', ['DISMISSED', 'APPROVED'], 'APPROVED'],
    ['changes requested after approval', ['APPROVED', 'CHANGES_REQUESTED'], 'CHANGES_REQUESTED'],
    ['approved, changes requested, approved', ['APPROVED', 'CHANGES_REQUESTED', 'APPROVED'], 'APPROVED'],
    ['only comments', ['COMMENTED', 'COMMENTED'], undefined],
  ])('%s', (_name, sequence, want) => {
    const got = effectiveReviews(sequence.map((s) => review('bob', s)));
    expect(got.get('bob')?.state).toBe(want);
  });

  test('reviewers are keyed by lower-case login, across case changes', () => {
    const got = effectiveReviews([
      review('Bob', 'APPROVED'),
      review('BOB', 'CHANGES_REQUESTED'),
      review('carol', 'APPROVED'),
    ]);
    expect(states(got)).toEqual({ bob: 'CHANGES_REQUESTED', carol: 'APPROVED' });
  });

  test('deleted accounts (user: null) are ignored', () => {
    expect(effectiveReviews([review(null, 'APPROVED')]).size).toBe(0);
  });

  test('out-of-order input is sorted by submitted_at', () => {
    const got = effectiveReviews([
      review('bob', 'APPROVED', { submitted_at: '2026-01-02T00:00:00Z' }),
      review('bob', 'CHANGES_REQUESTED', { submitted_at: '2026-01-01T00:00:00Z' }),
    ]);
    expect(got.get('bob')?.state).toBe('APPROVED');
  });

  test('same timestamp: id decides, then input order', () => {
    const at = '2026-01-01T00:00:00Z';
    const byId = effectiveReviews([
      review('bob', 'APPROVED', { submitted_at: at, id: 2 }),
      review('bob', 'CHANGES_REQUESTED', { submitted_at: at, id: 1 }),
    ]);
    expect(byId.get('bob')?.state).toBe('APPROVED');
    const byOrder = effectiveReviews([
      review('bob', 'CHANGES_REQUESTED', { submitted_at: at }),
      review('bob', 'APPROVED', { submitted_at: at }),
    ]);
    expect(byOrder.get('bob')?.state).toBe('APPROVED');
  });

  test('reviews without a timestamp keep their place', () => {
    const a = review('bob', 'APPROVED', { submitted_at: '2026-01-01T00:00:00Z' });
    const b = review('bob', 'CHANGES_REQUESTED', { submitted_at: undefined });
    const c = review('bob', 'APPROVED', { submitted_at: '2026-01-03T00:00:00Z' });
    expect(chronological([a, b, c])).toEqual([a, b, c]);
    expect(chronological([c, a, b])).toEqual([a, b, c]);
  });
});

describe('isBot', () => {
  test.each([
    [{ login: 'dependabot[bot]' }, true],
    [{ login: 'Renovate[BOT]' }, true],
    [{ login: 'ci-app', type: 'Bot' }, true],
    [{ login: 'bob', type: 'User' }, false],
    [{ login: 'botany' }, false],
  ])('%j -> %s', (user, want) => {
    expect(isBot(user)).toBe(want);
  });
});
