import { selectorMatches, globToRegExp } from '../../src/core/selector.js';

describe('selectorMatches', () => {
  const tags = { env: 'production', team: 'billing', kind: 'database' };
  test.each([
    [{ match: { env: 'production' } }, true],
    [{ match: { env: 'prod*' } }, true],
    [{ match: { env: 'prod?ction' } }, true],
    [{ match: { env: 'staging' } }, false],
    [{ match: { env: ['staging', 'production'] } }, true],
    [{ match: { missing: '*' } }, false],
    [{}, false],
    [{ match: {} }, false],
    [{ expressions: [] }, false],
    [{ expressions: [{ key: 'kind', operator: 'In' as const, values: ['database', 'bucket'] }] }, true],
    [{ expressions: [{ key: 'kind', operator: 'NotIn' as const, values: ['database'] }] }, false],
    [{ expressions: [{ key: 'absent', operator: 'NotIn' as const, values: ['x'] }] }, true],
    [{ expressions: [{ key: 'team', operator: 'Exists' as const }] }, true],
    [{ expressions: [{ key: 'team', operator: 'DoesNotExist' as const }] }, false],
    [
      { match: { env: 'production' }, expressions: [{ key: 'sensitive', operator: 'Exists' as const }] },
      false,
    ],
  ])('%j -> %s', (sel, want) => {
    expect(selectorMatches(sel, tags)).toBe(want);
  });

  test('glob metacharacters other than * and ? are literal', () => {
    expect(globToRegExp('a.b').test('axb')).toBe(false);
    expect(globToRegExp('(x)+').test('(x)+')).toBe(true);
  });

  test('inherited object keys are not tags', () => {
    expect(selectorMatches({ match: { constructor: '*' } }, {})).toBe(false);
    expect(selectorMatches({ expressions: [{ key: 'toString', operator: 'Exists' }] }, {})).toBe(false);
  });
});
