/**
 * Differential check against Cedar (issue "Hardening", item 3): random worlds of tag policies
 * (resource selectors with equals / any-of / `*` globs and In / NotIn / Exists / DoesNotExist;
 * requesters by login, `group:`, `@org/team`, `{ tags }` and `{ same_tags }`; allow and deny),
 * translated by ./cedar-translate.ts, and random (person, resource, access) requests: gitgrant's
 * `evaluatePolicies` and Cedar's `isAuthorized` reach the same decision (allowed vs denied),
 * and no Cedar policy ever errors (an erroring forbid would be skipped: fail open).
 *
 * Every (person, resource, access) triple of each world is asked (people in random letter case,
 * a stranger, and an access level no policy offers): 30 seeded worlds, about 4,000 decisions.
 * The comparison has teeth: dropping the "every matching allow policy must allow" forbid from
 * the translation makes it fail at once (Cedar would then allow on any one permit).
 *
 * gitgrant's side is a one-resource grant with nothing else in the way (a 1-minute duration,
 * a reason, no `require`), so its `ok` is exactly the eligibility decision.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import type * as CedarWasm from '@cedar-policy/cedar-wasm/nodejs';
import { evaluatePolicies } from '../../src/core/evaluate.js';
import { prepare } from '../../src/core/prepared.js';
import { grant, snapshot } from '../helpers/model.js';
import { anyCase, directoryOf, LEVELS, LOGINS, STRANGERS, worldArb } from './arbitraries.js';
import { cedarRequest, cedarString, translateEntities, translatePolicies } from './cedar-translate.js';

// The Node build of cedar-wasm is CommonJS and reads its .wasm next to itself.
const cedar = createRequire(import.meta.url)('@cedar-policy/cedar-wasm/nodejs') as typeof CedarWasm;

const SEED = 20261205;

/** Random worlds; every (person in any letter case, resource, access) triple is asked of both engines. */
const scenarioArb = fc.record({
  world: worldArb({ globs: 'star', principalGlobs: 'none', requires: false, aimed: true, maxPolicies: 8 }),
  cases: fc.array(fc.constantFrom(...LOGINS, ...STRANGERS).chain(anyCase), {
    minLength: LOGINS.length + STRANGERS.length,
    maxLength: LOGINS.length + STRANGERS.length,
  }),
});

describe('gitgrant = Cedar on eligibility', () => {
  test('cedar-wasm loads', () => {
    expect(cedar.getCedarVersion()).toMatch(/^4\./);
    expect(cedarString('a"b\\c\n')).toBe('"a\\"b\\\\c\\u{a}"');
  });

  test('the same decision for random (person, resource, access) requests (seeded)', () => {
    let decisions = 0;
    let allowed = 0;
    fc.assert(
      fc.property(scenarioArb, ({ world, cases }) => {
        const snap = snapshot(world);
        const prepared = prepare(snap);
        const dir = directoryOf(world);
        const policies = translatePolicies(world.policies);
        const entities = translateEntities({ ...dir, resources: world.resources });
        const parsed = cedar.preparsePolicySet('world', { staticPolicies: policies });
        if (parsed.type !== 'success')
          throw new Error(`Cedar cannot parse: ${JSON.stringify(parsed.errors)}\n${policies}`);
        const requests = [...LOGINS, ...STRANGERS].flatMap((login, i) =>
          world.resources.flatMap((r) =>
            [...LEVELS, 'none'].map((level) => ({ login: cases[i]!, resource: r.id, level })),
          ),
        );
        for (const { login, resource, level } of requests) {
          const g = grant({ requester: login, resources: [resource], access: level, duration: '1m' });
          const ours = evaluatePolicies(g, prepared, dir);
          const answer = cedar.statefulIsAuthorized({
            ...cedarRequest(login, resource, level),
            preparsedPolicySetId: 'world',
            entities: entities.forRequest(login, resource) as CedarWasm.EntityJson[],
          });
          if (answer.type !== 'success')
            throw new Error(`Cedar failed: ${JSON.stringify(answer.errors)}\n${policies}`);
          expect(answer.response.diagnostics.errors).toEqual([]);
          const theirs = answer.response.decision === 'allow';
          if (ours.ok !== theirs) {
            throw new Error(
              `gitgrant ${ours.ok ? 'allows' : 'denies'} (${ours.diagnostics.map((d) => d.code).join(', ') || 'ok'}), ` +
                `Cedar ${answer.response.decision}s (${answer.response.diagnostics.reason.join(', ')}) ` +
                `${login} ${level} on ${resource}\n${policies}`,
            );
          }
          decisions++;
          if (theirs) allowed++;
        }
      }),
      { seed: SEED, numRuns: 30 },
    );
    expect(decisions).toBeGreaterThanOrEqual(500);
    // Both outcomes are common enough for the comparison to mean something.
    expect(allowed).toBeGreaterThan(150);
    expect(decisions - allowed).toBeGreaterThan(150);
  });
});
