/**
 * Review and approval properties (issue "Hardening", item 3), over random review sequences:
 * users (people, strangers, bots, a renamed account, deleted accounts), states APPROVED /
 * CHANGES_REQUESTED / COMMENTED / DISMISSED / PENDING, head and older commits, and timestamps in
 * random order, with ties and different UTC offsets.
 *
 * 1. `effectiveReviews` = a reference written from DESIGN.md §3's words: "a reviewer's effective
 *    review is their latest one that is not COMMENTED (DISMISSED resets it)"; PENDING reviews are
 *    unsubmitted drafts and are ignored; logins compare case-insensitively; "latest" is by
 *    submission instant, ties broken by review id (GitHub's ids grow with time).
 * 2. `evaluateApprovals`:
 *    - never counts the requester, the PR author, a commit author, a bot, or an account whose id
 *      differs from the id `people:` binds its login to (same account = same login in any case
 *      or the same numeric id);
 *    - counts only effective APPROVED reviews on the head commit, from someone eligible for the
 *      rule the slot belongs to;
 *    - never assigns one person to two slots, never more than `count` to a rule;
 *    - fills as many slots as a brute-force maximum matching can;
 *    - is approved exactly when every slot is filled, no eligible reviewer's effective review is
 *      CHANGES_REQUESTED, and CODEOWNERS names owners when a rule needs them.
 */
import fc from 'fast-check';
import { evaluateApprovals, type ApprovalRuleInput } from '../../src/core/approvals.js';
import { loginKey, type Person, type PrincipalSelector } from '../../src/core/model.js';
import type { GitHubUser, PrFacts, Review, ReviewState } from '../../src/core/pr-facts.js';
import type { Directory } from '../../src/core/principals.js';
import { effectiveReviews } from '../../src/core/reviews.js';
import { anyCase } from './arbitraries.js';

const SEED = 20261203;
const HEAD = 'c0ffee';

/* ------------------------------------------------------------------ generators */

const PEOPLE: Person[] = [
  { login: 'alice', id: 101, tags: { team: ['billing'] }, identities: {} },
  { login: 'bob', id: 102, tags: { team: ['platform'] }, identities: {} },
  { login: 'carol', id: 103, tags: { team: ['platform', 'billing'] }, identities: {} },
  { login: 'dave', id: 104, tags: {}, identities: {} },
  { login: 'erin', tags: { team: ['billing'] }, identities: {} }, // no id bound
];
const ID: Record<string, number | undefined> = Object.fromEntries(PEOPLE.map((p) => [p.login, p.id]));

/** Reviewers: people, a stranger, bots, and `robert`, a new login of bob's account (id 102). */
const REVIEWER_LOGINS = [
  'alice',
  'bob',
  'carol',
  'dave',
  'erin',
  'frank',
  'robert',
  'deploy[bot]',
  'ci-helper',
];

const userArb: fc.Arbitrary<GitHubUser> = fc
  .tuple(fc.constantFrom(...REVIEWER_LOGINS).chain(anyCase), fc.constantFrom(0, 1, 2, 3, 4, 5, 6, 7))
  .map(([login, r]) => {
    const key = loginKey(login);
    const id = key === 'robert' ? 102 : key === 'ci-helper' ? 900 : key === 'frank' ? 106 : ID[key];
    const u: GitHubUser = { login };
    if (id !== undefined && r !== 0) u.id = r === 7 ? id + 1000 : id; // sometimes an id that differs
    u.type = key === 'ci-helper' ? 'Bot' : key.endsWith('[bot]') && r % 2 ? 'Bot' : 'User';
    return u;
  });

const STATES: ReviewState[] = ['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED', 'PENDING'];
const T0 = Date.UTC(2026, 10, 29, 10, 0, 0);

/** The same instant written with a random UTC offset (and sometimes milliseconds). */
function isoAt(ms: number, offsetMin: number, millis: boolean): string {
  const local = new Date(ms + offsetMin * 60_000).toISOString().replace('Z', '');
  const body = millis ? local : local.replace(/\.\d{3}$/, '');
  if (offsetMin === 0) return `${body}Z`;
  const sign = offsetMin > 0 ? '+' : '-';
  const a = Math.abs(offsetMin);
  return `${body}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

interface RawReview {
  user: GitHubUser | null;
  state: ReviewState;
  commit: string;
  minute: number;
  offset: number;
  millis: boolean;
  /** PENDING reviews may lack a timestamp (as GitHub sends them). */
  noTime: boolean;
}

const rawReviewArb: fc.Arbitrary<RawReview> = fc.record({
  user: fc.oneof({ weight: 12, arbitrary: userArb }, { weight: 1, arbitrary: fc.constant(null) }),
  state: fc.oneof({ weight: 3, arbitrary: fc.constant<ReviewState>('APPROVED') }, fc.constantFrom(...STATES)),
  commit: fc.constantFrom(HEAD, HEAD.toUpperCase(), 'dec0de'),
  minute: fc.integer({ min: 0, max: 12 }),
  offset: fc.constantFrom(0, 0, 120, -300, 330),
  millis: fc.boolean(),
  noTime: fc.boolean(),
});

/** A review list in random order, unique ids that grow with time (as GitHub's do). */
const reviewsArb: fc.Arbitrary<Review[]> = fc
  .array(rawReviewArb, { maxLength: 14 })
  .chain((raws) =>
    fc
      .shuffledSubarray(raws, { minLength: raws.length, maxLength: raws.length })
      .map((shuffled) => ({ raws, shuffled })),
  )
  .map(({ raws, shuffled }) => {
    // ids: by time, then by generation order, so a tie in time is broken consistently
    const order = [...raws].sort((a, b) => a.minute - b.minute || raws.indexOf(a) - raws.indexOf(b));
    return shuffled.map((r): Review => {
      const review: Review = {
        user: r.user,
        state: r.state,
        commit_id: r.commit,
        id: 5000 + order.indexOf(r),
      };
      if (!(r.state === 'PENDING' && r.noTime))
        review.submitted_at = isoAt(T0 + r.minute * 60_000, r.offset, r.millis);
      return review;
    });
  });

/* ------------------------------------------------------------------ 1. effective reviews */

/** DESIGN.md §3 read literally, per reviewer. */
function referenceEffective(reviews: readonly Review[]): Map<string, Review> {
  const byReviewer = new Map<string, Review[]>();
  for (const r of reviews) {
    if (r.user === null || r.state === 'PENDING') continue;
    const key = r.user.login.toLowerCase();
    byReviewer.set(key, [...(byReviewer.get(key) ?? []), r]);
  }
  const out = new Map<string, Review>();
  for (const [key, list] of byReviewer) {
    const latest = list
      .filter((r) => r.state !== 'COMMENTED')
      .sort(
        (a, b) => new Date(a.submitted_at!).getTime() - new Date(b.submitted_at!).getTime() || a.id! - b.id!,
      )
      .at(-1);
    if (latest && latest.state !== 'DISMISSED') out.set(key, latest);
  }
  return out;
}

describe('effective reviews', () => {
  test('= the reference reading of DESIGN.md §3, whatever the input order or UTC offsets', () => {
    fc.assert(
      fc.property(reviewsArb, (reviews) => {
        const got = effectiveReviews(reviews);
        const want = referenceEffective(reviews);
        expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
        for (const [k, r] of want) expect(got.get(k)).toBe(r);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

/* ------------------------------------------------------------------ 2. approvals */

const GROUP_NAMES = ['sre', 'dba'];
const selectorArb: fc.Arbitrary<PrincipalSelector> = fc.oneof(
  fc.constantFrom(...GROUP_NAMES, 'missing').map((g) => `group:${g}`),
  fc.constantFrom('alice', 'Bob', 'carol', 'dave', 'erin', 'frank', 'robert', 'deploy[bot]'),
  fc.constantFrom('@acme/oncall', '@Acme/OnCall', '@acme/unknown'),
  fc.constantFrom<PrincipalSelector>(
    { tags: { team: 'billing' } },
    { tags: { team: ['platform', 'x'] } },
    { same_tags: ['team'] },
  ),
);

const ruleArb: fc.Arbitrary<ApprovalRuleInput> = fc.record({
  from: fc.oneof(
    { weight: 4, arbitrary: fc.array(selectorArb, { minLength: 1, maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constant('codeowners' as const) },
  ),
  count: fc.integer({ min: 0, max: 2 }),
  policies: fc.constant(['p']),
});

const membersArb = fc
  .subarray(['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'robert', 'deploy[bot]'])
  .chain((ls) => (ls.length ? fc.tuple(...ls.map(anyCase)) : fc.constant([] as string[])));

const scenarioArb = fc.record({
  rules: fc.array(ruleArb, { maxLength: 3 }),
  requester: fc.constantFrom('alice', 'bob', 'erin', 'frank').chain(anyCase),
  /** The PR author: usually the requester. */
  authorIsRequester: fc.boolean(),
  otherAuthor: userArb,
  commitAuthors: fc.array(userArb, { maxLength: 2 }),
  reviews: reviewsArb,
  groups: fc.record({ sre: membersArb, dba: membersArb }),
  oncall: membersArb,
  codeowners: fc.option(
    fc
      .subarray(['@carol', '@Dave', '@acme/oncall', '@acme/unknown', 'owner@example.com'])
      .map((owners) => ({ owners })),
    { nil: null },
  ),
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scenario): { dir: Directory; facts: PrFacts } {
  const dir: Directory = {
    people: new Map(PEOPLE.map((p) => [p.login, p])),
    groups: new Map(Object.entries(s.groups)),
    teams: new Map([['acme/oncall', s.oncall]]),
  };
  const author: GitHubUser = s.authorIsRequester
    ? {
        login: s.requester,
        ...(ID[loginKey(s.requester)] !== undefined && { id: ID[loginKey(s.requester)] }),
      }
    : s.otherAuthor;
  const facts: PrFacts = {
    number: 1,
    author,
    head_sha: HEAD,
    changed_files: [],
    commit_authors: s.commitAuthors,
    reviews: s.reviews,
    teams: { 'acme/oncall': s.oncall },
  };
  return { dir, facts };
}

/* The reference, from DESIGN.md §3 (and §1: identity by numeric id where known). */

const sameAccount = (a: GitHubUser, b: GitHubUser) =>
  a.login.toLowerCase() === b.login.toLowerCase() ||
  (a.id !== undefined && b.id !== undefined && a.id === b.id);

function referenceExcluded(user: GitHubUser, s: Scenario, facts: PrFacts): boolean {
  const key = user.login.toLowerCase();
  if (user.type === 'Bot' || key.endsWith('[bot]')) return true;
  const requester: GitHubUser = {
    login: s.requester,
    ...(ID[loginKey(s.requester)] !== undefined && { id: ID[loginKey(s.requester)] }),
  };
  if (sameAccount(user, requester) || sameAccount(user, facts.author)) return true;
  if (facts.commit_authors.some((c) => sameAccount(user, c))) return true;
  const bound = ID[key];
  return bound !== undefined && user.id !== undefined && bound !== user.id;
}

function referenceEligible(rule: ApprovalRuleInput, login: string, s: Scenario): boolean {
  const key = login.toLowerCase();
  const inList = (list: readonly string[]) => list.some((m) => m.toLowerCase() === key);
  if (rule.from === 'codeowners') {
    const owners = s.codeowners?.owners ?? [];
    return owners.some((o) =>
      o === '@acme/oncall' ? inList(s.oncall) : /^@[^/]+$/.test(o) ? o.slice(1).toLowerCase() === key : false,
    );
  }
  return rule.from.some((sel) => {
    if (typeof sel === 'string') {
      if (sel.startsWith('group:')) return inList((s.groups as Record<string, string[]>)[sel.slice(6)] ?? []);
      if (sel.startsWith('@')) return sel.toLowerCase() === '@acme/oncall' && inList(s.oncall);
      return sel.toLowerCase() === key;
    }
    if ('same_tags' in sel) return false; // rules span resources: matches nobody
    const person = PEOPLE.find((p) => p.login === key);
    return (
      !!person &&
      Object.entries(sel.tags).every(([k, v]) =>
        (typeof v === 'string' ? [v] : v).some((x) => person.tags[k]?.includes(x)),
      )
    );
  });
}

/** Size of a maximum matching of slots to approvers, by exhaustive search (memoised on used sets). */
function referenceMaxFilled(slots: readonly (readonly string[])[], approvers: readonly string[]): number {
  const bit = new Map(approvers.map((a, i) => [a, 1 << i]));
  const memo = new Map<string, number>();
  const go = (i: number, used: number): number => {
    if (i === slots.length) return 0;
    const k = `${i}:${used}`;
    const hit = memo.get(k);
    if (hit !== undefined) return hit;
    let best = go(i + 1, used);
    for (const who of slots[i]!) {
      const b = bit.get(who)!;
      if (!(used & b)) best = Math.max(best, 1 + go(i + 1, used | b));
    }
    memo.set(k, best);
    return best;
  };
  return go(0, 0);
}

describe('approvals', () => {
  test('only eligible, non-excluded, current approvals fill slots; one slot per person; maximum matching', () => {
    let approvedCases = 0;
    let filledSlots = 0;
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { dir, facts } = build(s);
        const outcome = evaluateApprovals({
          rules: s.rules,
          requester: s.requester,
          facts,
          dir,
          codeowners: s.codeowners,
        });
        const effective = referenceEffective(s.reviews);
        const countsFor = (key: string) => {
          const r = effective.get(key);
          return (
            !!r &&
            r.state === 'APPROVED' &&
            r.commit_id.toLowerCase() === HEAD &&
            !referenceExcluded(r.user!, s, facts)
          );
        };

        // Each assigned approver is allowed to count for that rule; nobody twice.
        const seen = new Set<string>();
        outcome.rules.forEach((o, i) => {
          const rule = s.rules[i]!;
          expect(o.approved_by.length).toBeLessThanOrEqual(rule.count);
          expect(o.missing).toBe(rule.count - o.approved_by.length);
          for (const login of o.approved_by) {
            const key = login.toLowerCase();
            if (!countsFor(key))
              throw new Error(
                `${login} fills a slot of rule ${i} but must not count: ${JSON.stringify(effective.get(key))}`,
              );
            if (!referenceEligible(rule, login, s)) throw new Error(`${login} is not eligible for rule ${i}`);
            if (seen.has(key)) throw new Error(`${login} fills two slots`);
            seen.add(key);
          }
        });

        // As many slots as possible are filled.
        const approvers = [...effective.keys()].filter(countsFor);
        const slotCandidates = s.rules.flatMap((rule) => {
          const who = approvers.filter((a) => referenceEligible(rule, a, s));
          return Array.from({ length: rule.count }, () => who);
        });
        const filled = outcome.rules.reduce((n, o) => n + o.approved_by.length, 0);
        expect(filled).toBe(referenceMaxFilled(slotCandidates, approvers));
        filledSlots += filled;

        // Approved exactly when nothing is missing and nobody able to approve blocks.
        const blockers = [...effective.values()].filter(
          (r) =>
            r.state === 'CHANGES_REQUESTED' &&
            !referenceExcluded(r.user!, s, facts) &&
            s.rules.some((rule) => referenceEligible(rule, r.user!.login, s)),
        );
        const noOwners = s.rules.some((r) => r.from === 'codeowners') && !s.codeowners?.owners.length;
        const expected = slotCandidates.length === filled && blockers.length === 0 && !noOwners;
        expect(outcome.approved).toBe(expected);
        expect(outcome.errors.some((e) => e.code === 'changes-requested')).toBe(blockers.length > 0);
        expect(outcome.approved).toBe(outcome.errors.length === 0);
        if (outcome.approved && s.rules.some((r) => r.count > 0)) approvedCases++;
      }),
      { seed: SEED + 1, numRuns: 1000 },
    );
    // The generator reaches approved requests and filled slots (the property is not vacuous).
    expect(approvedCases).toBeGreaterThan(30);
    expect(filledSlots).toBeGreaterThan(150);
  });
});
