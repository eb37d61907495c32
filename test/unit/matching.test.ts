import { maximumMatching, type Slot } from '../../src/core/matching.js';

const slot = (rule: number, ...who: string[]): Slot => ({ rule, candidates: new Set(who) });

describe('maximumMatching', () => {
  test('empty', () => {
    expect(maximumMatching([])).toEqual([]);
  });

  test('a person eligible for two rules fills only one slot', () => {
    expect(maximumMatching([slot(0, 'ann'), slot(1, 'ann')])).toEqual(['ann', null]);
  });

  test('augmenting path: moves the first placement to free a slot for someone else', () => {
    // Greedy would give ann to rule 0 and leave rule 1 (only ann) empty.
    expect(maximumMatching([slot(0, 'ann', 'bob'), slot(1, 'ann')])).toEqual(['bob', 'ann']);
  });

  test('count 2 needs two distinct people', () => {
    expect(maximumMatching([slot(0, 'ann', 'bob'), slot(0, 'ann', 'bob')])).toEqual(['ann', 'bob']);
    expect(maximumMatching([slot(0, 'ann'), slot(0, 'ann')])).toEqual(['ann', null]);
  });

  test('deterministic regardless of set insertion order', () => {
    const a = maximumMatching([slot(0, 'zed', 'ann', 'bob'), slot(1, 'bob', 'zed')]);
    const b = maximumMatching([slot(0, 'bob', 'zed', 'ann'), slot(1, 'zed', 'bob')]);
    expect(a).toEqual(b);
    expect(a).toEqual(['ann', 'bob']);
  });

  test('longer augmenting chain reaches the maximum', () => {
    const slots = [slot(0, 'a', 'b'), slot(1, 'a', 'c'), slot(2, 'b', 'c'), slot(3, 'a')];
    const got = maximumMatching(slots);
    expect(got.filter(Boolean)).toHaveLength(3);
    expect(new Set(got.filter(Boolean)).size).toBe(3);
    got.forEach((who, i) => who && expect(slots[i]!.candidates.has(who)).toBe(true));
  });
});
