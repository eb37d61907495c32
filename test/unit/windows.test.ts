import { planWindows, windowOf } from '../../src/core/windows.js';

const H = 3600_000;
const t0 = Date.parse('2026-11-29T10:00:00Z');

describe('windows', () => {
  const g = { id: 'g', file: 'grants/g.yaml', durationMs: 4 * H, landedAt: t0 };
  test.each([
    [t0 - 1, 'pending'],
    [t0, 'active'],
    [t0 + 4 * H - 1, 'active'],
    [t0 + 4 * H, 'expired'],
    [t0 + 100 * H, 'expired'],
  ])('at %d the grant is %s (end exclusive)', (now, state) => {
    expect(windowOf(g, now).state).toBe(state);
  });
  test('start and end are UTC instants', () => {
    expect(windowOf(g, t0)).toMatchObject({
      start: '2026-11-29T10:00:00.000Z',
      end: '2026-11-29T14:00:00.000Z',
      remainingMs: 4 * H,
    });
  });
  test('not landed is pending with no instants', () => {
    const w = windowOf({ id: 'p', file: 'grants/p.yaml', durationMs: H }, t0);
    expect(w.state).toBe('pending');
    expect(w.start).toBeUndefined();
  });
  test('plan is sorted by file', () => {
    expect(planWindows([{ ...g, file: 'grants/z.yaml' }, g], t0).map((w) => w.file)).toEqual([
      'grants/g.yaml',
      'grants/z.yaml',
    ]);
  });
});
