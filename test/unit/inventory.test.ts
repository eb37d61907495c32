import fc from 'fast-check';
import { Inventory } from '../../src/core/inventory.js';
import type { TagSelector } from '../../src/core/model.js';
import { selectorMatches } from '../../src/core/selector.js';
import { resource } from '../helpers/model.js';

const keys = ['env', 'team', 'kind', 'sensitive'];
const values = ['production', 'staging', 'billing', 'platform', 'db', 'pii', 'prod-eu'];

const tagsArb = fc.dictionary(fc.constantFrom(...keys), fc.constantFrom(...values), { maxKeys: 4 });
const patternArb = fc.oneof(fc.constantFrom(...values), fc.constantFrom('prod*', '*', 'st?ging', '*-eu'));
const selectorArb: fc.Arbitrary<TagSelector> = fc.record(
  {
    match: fc.dictionary(
      fc.constantFrom(...keys),
      fc.oneof(patternArb, fc.array(patternArb, { maxLength: 3 })),
      {
        maxKeys: 3,
      },
    ),
    expressions: fc.array(
      fc.oneof(
        fc.record({
          key: fc.constantFrom(...keys),
          operator: fc.constantFrom('In' as const, 'NotIn' as const),
          values: fc.array(fc.constantFrom(...values), { minLength: 1, maxLength: 3 }),
        }),
        fc.record({
          key: fc.constantFrom(...keys),
          operator: fc.constantFrom('Exists' as const, 'DoesNotExist' as const),
        }),
      ),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: [] },
);

describe('Inventory.select', () => {
  test('agrees with a brute-force scan (seeded property test)', () => {
    fc.assert(
      fc.property(fc.array(tagsArb, { maxLength: 40 }), selectorArb, (tagSets, sel) => {
        const rs = tagSets.map((t, i) => resource(`r${i}`, t));
        const inv = new Inventory(rs);
        const want = rs.filter((r) => selectorMatches(sel, r.tags)).map((r) => r.id);
        expect(inv.select(sel).map((r) => r.id)).toEqual(want);
      }),
      { seed: 20261129, numRuns: 500 },
    );
  });

  test('ids are looked up directly', () => {
    const inv = new Inventory([resource('a', { env: 'production' })]);
    expect(inv.get('a')?.id).toBe('a');
    expect(inv.get('b')).toBeUndefined();
    expect(inv.get('constructor')).toBeUndefined();
  });
});
