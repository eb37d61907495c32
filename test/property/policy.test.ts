/**
 * Policy properties (issue "Hardening", item 3), over random tag inventories and policies.
 *
 * (a) Resolution: `Inventory.select` (tag index) = a brute-force scan with `selectorMatches`,
 *     and `selectorMatches` = an independent reference written from DESIGN.md §2's words.
 *
 * (b) Monotonicity. DESIGN.md §3: every matching policy applies, a deny naming the requester
 *     denies, the requester must be eligible under EVERY matching allow policy which must EVERY
 *     one offer the level; the max duration is the SMALLEST, the approvals the UNION (merged by
 *     approver set with the LARGEST count); and "a resource that no allow policy matches cannot
 *     be requested". So adding one policy P to a snapshot S (at any position) gives S' with, for
 *     every request R:
 *
 *       Let N = the resources R resolves to that no allow policy of S matches and that P (an
 *       allow policy) matches — the resources P makes requestable for the first time.
 *
 *       If R is valid under S' then
 *         1. R's only problems under S are `no-policy`, exactly one for each resource of N
 *            (so when N is empty, R is valid under S: P widened nothing);
 *         2. max duration under S' ≤ max duration under S (when S computed one);
 *         3. every approval rule under S is still required under S' (same approver set) with a
 *            count at least as large; so the number of approval slots never drops.
 *       And if P matches none of R's resources, R's decision is unchanged (same validity,
 *       problems, max duration and approval rules).
 *
 *     A deny policy makes N empty by definition: it can only narrow.
 *
 * (c) Deny wins: adding a deny policy that matches one of R's resources and names R's requester
 *     (by login in any case, group, team, person tags or same_tags) makes R invalid with `denied`,
 *     whatever the allow policies say.
 */
import fc from 'fast-check';
import { evaluatePolicies, type PolicyDecision } from '../../src/core/evaluate.js';
import { Inventory } from '../../src/core/inventory.js';
import {
  loginKey,
  type GrantRequest,
  type MatchValue,
  type Policy,
  type PrincipalSelector,
  type Resource,
  type TagSelector,
} from '../../src/core/model.js';
import { prepare } from '../../src/core/prepared.js';
import { approverSetKey } from '../../src/core/rules.js';
import { selectorMatches } from '../../src/core/selector.js';
import { deny, resource, snapshot } from '../helpers/model.js';
import {
  accessRuleArb,
  allSimpleRequests,
  anyCase,
  directoryOf,
  policyArb,
  principalArb,
  requestArb,
  selectorArb,
  selectorFor,
  tagsArb,
  worldArb,
  type World,
} from './arbitraries.js';

const SEED = 20261202;

/* ------------------------------------------------------------------ (a) resolution */

/** DESIGN.md §2 read literally: `*` any run, `?` one character, everything else literal. */
function refGlob(pattern: string, value: string): boolean {
  const p = Array.from(pattern);
  const v = Array.from(value);
  const memo = new Map<string, boolean>();
  const go = (i: number, j: number): boolean => {
    const k = `${i},${j}`;
    const hit = memo.get(k);
    if (hit !== undefined) return hit;
    let r: boolean;
    if (i === p.length) r = j === v.length;
    else if (p[i] === '*') r = go(i + 1, j) || (j < v.length && go(i, j + 1));
    else r = j < v.length && (p[i] === '?' || p[i] === v[j]) && go(i + 1, j + 1);
    memo.set(k, r);
    return r;
  };
  return go(0, 0);
}

function refSelector(sel: TagSelector, tags: Record<string, string>): boolean {
  const match = Object.entries(sel.match ?? {});
  const exprs = sel.expressions ?? [];
  if (match.length === 0 && exprs.length === 0) return false; // an empty selector matches nothing
  const own = (k: string) => (Object.hasOwn(tags, k) ? tags[k] : undefined);
  const wants = (w: MatchValue) => (typeof w === 'string' ? [w] : [...w]);
  return (
    match.every(([k, w]) => {
      const have = own(k);
      return have !== undefined && wants(w).some((p) => refGlob(p, have));
    }) &&
    exprs.every((e) => {
      const have = own(e.key);
      const values = e.values ?? [];
      switch (e.operator) {
        case 'Exists':
          return have !== undefined;
        case 'DoesNotExist':
          return have === undefined;
        case 'In':
          return have !== undefined && values.includes(have);
        case 'NotIn':
          return have === undefined || !values.includes(have);
      }
    })
  );
}

describe('selector resolution', () => {
  test('Inventory.select = brute force with selectorMatches = the reference reading of §2', () => {
    fc.assert(
      fc.property(fc.array(tagsArb, { maxLength: 40 }), selectorArb('full'), (tagSets, sel) => {
        const rs = tagSets.map((t, i) => resource(`r${i}`, t));
        const brute = rs.filter((r) => selectorMatches(sel, r.tags)).map((r) => r.id);
        expect(new Inventory(rs).select(sel).map((r) => r.id)).toEqual(brute);
        expect(rs.filter((r) => refSelector(sel, r.tags as Record<string, string>)).map((r) => r.id)).toEqual(
          brute,
        );
      }),
      { seed: SEED, numRuns: 600 },
    );
  });
});

/* ------------------------------------------------------------------ (b) monotonicity */

/** A decision function for one snapshot (prepared once). */
function decider(world: World, policies: readonly Policy[]) {
  const prepared = prepare(snapshot({ ...world, policies: [...policies] }));
  const dir = directoryOf(world, policies);
  return { prepared, decide: (request: GrantRequest) => evaluatePolicies(request, prepared, dir) };
}

function decide(world: World, policies: readonly Policy[], request: GrantRequest) {
  const { prepared, decide } = decider(world, policies);
  return { prepared, decision: decide(request) };
}

const summary = (d: PolicyDecision) => ({
  ok: d.ok,
  codes: d.diagnostics.map((x) => x.code).sort(),
  maxDurationMs: d.maxDurationMs,
  rules: d.rules.map((r) => [approverSetKey(r.from), r.count]).sort(),
});

const slots = (d: PolicyDecision) => d.rules.reduce((n, r) => n + r.count, 0);

/** A new allow policy like one of the world's allow policies, with other limits and approvals. */
function variantOf(world: World): fc.Arbitrary<Policy> {
  const allows = world.policies.filter((p) => p.effect === 'allow');
  if (allows.length === 0) return policyArb('added', { globs: 'full', requires: true });
  return fc
    .record({
      base: fc.constantFrom(...allows),
      target: fc.constantFrom(...world.resources),
      rules: fc.array(accessRuleArb, { minLength: 3, maxLength: 3 }),
      extra: fc.array(principalArb('full'), { maxLength: 1 }),
      aim: fc.boolean(),
    })
    .chain(({ base, target, rules, extra, aim }) =>
      (aim ? selectorFor(target) : fc.constant(base.resources)).map((resources): Policy => ({
        ...base,
        name: 'added',
        resources,
        requesters: [...base.requesters, ...extra],
        access: Object.fromEntries(Object.keys(base.access).map((level, i) => [level, rules[i % 3]!])),
      })),
    );
}

describe('monotonicity: adding a policy never widens an existing request', () => {
  const worldAndChange = worldArb({ globs: 'full', requires: true, aimed: true }).chain((world) =>
    fc.record({
      world: fc.constant(world),
      // Random; or aimed at one of the world's resources; or a variant of an existing allow
      // policy (same requesters and levels, other limits and approvals), which keeps many
      // requests valid, so the narrowing checks (2, 3) run often.
      added: fc.oneof(
        policyArb('added', { globs: 'full', requires: true }),
        fc
          .tuple(
            policyArb('added', { globs: 'full', requires: true }),
            fc.constantFrom(...world.resources).chain((r) => selectorFor(r)),
          )
          .map(([p, sel]) => ({ ...p, resources: sel })),
        variantOf(world),
      ),
      at: fc.nat({ max: world.policies.length }),
      requests: fc.array(requestArb(world), { minLength: 1, maxLength: 6 }),
    }),
  );
  /**
   * Random requests plus every simple one for a resource the new policy matches (so valid
   * requests that it touches are common; untouched ones are covered by the random requests).
   */
  const requestsOf = (world: World, added: Policy, random: GrantRequest[]) => [
    ...random,
    ...allSimpleRequests(world).filter((g) =>
      selectorMatches(added.resources, world.resources.find((r) => r.id === g.resources[0])!.tags),
    ),
  ];

  test('valid after ⇒ valid before, or only because the policy made a resource requestable; never a longer max duration or fewer approvals', () => {
    let widenedByNewResource = 0; // valid after, invalid before: P made a resource requestable
    let stillValid = 0; // valid before and after, P matching: checks 2 and 3 compare real limits
    fc.assert(
      fc.property(worldAndChange, ({ world, added, at, requests }) => {
        const after = [...world.policies];
        after.splice(at, 0, added);
        const s = decider(world, world.policies);
        const t = decider(world, after);
        for (const request of requestsOf(world, added, requests)) {
          const before = s.decide(request);
          const now = t.decide(request);
          // Resolution does not depend on policies.
          expect(now.resources.map((r) => r.id)).toEqual(before.resources.map((r) => r.id));

          const touched = before.resources.filter((r) => selectorMatches(added.resources, r.tags));
          if (touched.length === 0) {
            expect(summary(now)).toEqual(summary(before));
            continue;
          }
          if (!now.ok) continue;
          if (before.ok) stillValid++;
          const newlyRequestable = before.resources.filter(
            (r) =>
              added.effect === 'allow' &&
              touched.includes(r) &&
              s.prepared.matchingPolicies(r.id).allow.length === 0,
          );
          // 1. the only problems before: `no-policy`, once per newly requestable resource
          expect(before.diagnostics.map((d) => d.code)).toEqual(newlyRequestable.map(() => 'no-policy'));
          for (const r of newlyRequestable)
            expect(before.diagnostics.some((d) => d.message.includes(`matches ${r.id} (`))).toBe(true);
          if (newlyRequestable.length > 0) widenedByNewResource++;
          else expect(before.ok).toBe(true);
          // 2. never a longer maximum
          if (before.maxDurationMs !== undefined)
            expect(now.maxDurationMs!).toBeLessThanOrEqual(before.maxDurationMs);
          // 3. never fewer or weaker approval rules
          for (const rule of before.rules) {
            const same = now.rules.find((x) => approverSetKey(x.from) === approverSetKey(rule.from));
            expect(same).toBeDefined();
            expect(same!.count).toBeGreaterThanOrEqual(rule.count);
          }
          expect(slots(now)).toBeGreaterThanOrEqual(slots(before));
        }
      }),
      { seed: SEED + 1, numRuns: 100 },
    );
    // The generator reaches the interesting cases (otherwise the property is vacuous).
    expect(widenedByNewResource).toBeGreaterThan(50);
    expect(stillValid).toBeGreaterThan(50);
  });

  test('the same property with P taken from the snapshot: a valid request stays valid without P, except where P was the only allow policy', () => {
    // S' = the world's policies, S = S' minus one of them (P). Choosing P among policies that
    // already matter makes the interesting case (P matches the request) frequent.
    let checked = 0;
    fc.assert(
      fc.property(
        worldArb({ globs: 'full', requires: true, aimed: true }).chain((world) =>
          fc.record({
            world: fc.constant(world),
            drop: fc.nat(),
            requests: fc.array(requestArb(world), { minLength: 1, maxLength: 6 }),
          }),
        ),
        ({ world, drop, requests }) => {
          if (world.policies.length === 0) return;
          const i = drop % world.policies.length;
          const dropped = world.policies[i]!;
          const rest = world.policies.filter((_, k) => k !== i);
          const full = decider(world, world.policies);
          const without = decider(world, rest);
          for (const request of [...requests, ...allSimpleRequests(world)]) {
            const before = full.decide(request);
            if (!before.ok) continue;
            checked++;
            const decision = without.decide(request);
            const prepared = without.prepared;
            const orphaned = before.resources.filter(
              (r) =>
                dropped.effect === 'allow' &&
                selectorMatches(dropped.resources, r.tags) &&
                prepared.matchingPolicies(r.id).allow.length === 0,
            );
            expect(decision.diagnostics.map((d) => d.code)).toEqual(orphaned.map(() => 'no-policy'));
          }
        },
      ),
      { seed: SEED + 2, numRuns: 150 },
    );
    expect(checked).toBeGreaterThan(20);
  });
});

/* ------------------------------------------------------------------ (c) deny wins */

/**
 * Selectors that name `login` in `world` (with the world changed where needed: a group or
 * team that contains them). Returns the changed world too.
 */
function namingSelector(
  world: World,
  login: string,
  r: Resource,
): fc.Arbitrary<{ world: World; sel: PrincipalSelector }> {
  const me = world.people.find((p) => loginKey(p.login) === loginKey(login));
  const options: fc.Arbitrary<{ world: World; sel: PrincipalSelector }>[] = [
    anyCase(login).map((l) => ({ world, sel: l })),
    anyCase(login).map((l) => ({
      world: { ...world, groups: { ...world.groups, blocked: ['zed', l] } },
      sel: 'group:blocked',
    })),
    anyCase(login).map((l) => ({
      world: { ...world, teams: { ...world.teams, 'acme/blocked': [l] } },
      sel: '@Acme/Blocked',
    })),
  ];
  if (me) {
    const tagged = Object.entries(me.tags).filter(([, vs]) => vs.length > 0);
    if (tagged.length)
      options.push(
        fc
          .constantFrom(...tagged)
          .chain(([k, vs]) =>
            fc.constantFrom(...vs).map((v) => ({ world, sel: { tags: { [k]: [v, 'other'] } } })),
          ),
      );
    const shared = Object.keys(me.tags).filter(
      (k) => Object.hasOwn(r.tags, k) && me.tags[k]!.includes(r.tags[k]!),
    );
    if (shared.length)
      options.push(fc.constantFrom(...shared).map((k) => ({ world, sel: { same_tags: [k] } })));
  }
  return fc.oneof(...options);
}

describe('deny always wins', () => {
  const scenario = worldArb({ globs: 'full', requires: true, aimed: true }).chain((world) =>
    fc
      .record({
        request: requestArb(world),
        target: fc.constantFrom(...world.resources),
      })
      .chain(({ request, target }) =>
        fc.record({
          world: fc.constant(world),
          // The request names the target resource (by id), among whatever else it asks for.
          request: fc.constant({ ...request, resources: [...request.resources, target.id] }),
          target: fc.constant(target),
          selector: selectorFor(target),
          naming: namingSelector(world, request.requester, target),
          others: fc.array(principalArb('full'), { maxLength: 2 }),
          at: fc.nat({ max: world.policies.length }),
        }),
      ),
  );

  test('a deny policy that matches a requested resource and names the requester makes the request `denied`', () => {
    fc.assert(
      fc.property(scenario, ({ request, target, selector, naming, others, at }) => {
        expect(selectorMatches(selector, target.tags)).toBe(true);
        const world = naming.world;
        const d = deny('blocker', selector, [...others, naming.sel]);
        const policies = [...world.policies];
        policies.splice(at, 0, d);
        const { decision } = decide(world, policies, request);
        expect(decision.ok).toBe(false);
        const denied = decision.diagnostics.filter((x) => x.code === 'denied');
        expect(denied.length).toBeGreaterThan(0);
        expect(denied.some((x) => x.message.includes(` on ${target.id}:`))).toBe(true);
      }),
      { seed: SEED + 3, numRuns: 500 },
    );
  });
});
