import { DAY_MS, HOUR_MS, MINUTE_MS, formatDuration, parseDuration } from '../../src/core/duration.js';

describe('parseDuration', () => {
  test.each([
    ['90m', 90 * MINUTE_MS],
    ['4h', 4 * HOUR_MS],
    ['2d', 2 * DAY_MS],
    ['PT4H', 4 * HOUR_MS],
    ['P1D', DAY_MS],
    ['PT90M', 90 * MINUTE_MS],
    ['P1DT12H', 36 * HOUR_MS],
    ['PT1H30M', 90 * MINUTE_MS],
    ['366d', 366 * DAY_MS],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toEqual({ ok: true, ms });
  });

  test.each([
    '0h',
    '0m',
    'PT0H',
    'P0D',
    '-1h',
    '+1h',
    '4',
    '1.5h',
    '4 h',
    ' 4h',
    '4H',
    '4hours',
    'PT',
    'P',
    'PT4',
    'P1W',
    'P1Y',
    'P1M',
    'PT30S',
    '1h30m',
    '9999999d',
    '367d',
    '1e3h',
    '0x10h',
    '',
    '４h',
  ])('%j is invalid', (text) => {
    const r = parseDuration(text);
    expect(r.ok).toBe(false);
  });

  test.each([4, null, undefined, true, {}, ['4h']])('non-string %j is invalid with a hint', (v) => {
    const r = parseDuration(v);
    expect(r).toMatchObject({ ok: false });
    expect((r as { reason: string }).reason).toMatch(/string/);
  });

  test('the reason says what is wrong', () => {
    expect(parseDuration('0h')).toMatchObject({ ok: false, reason: expect.stringMatching(/zero/) });
    expect(parseDuration('400d')).toMatchObject({ ok: false, reason: expect.stringMatching(/366-day/) });
  });
});

describe('formatDuration', () => {
  test.each([
    [90 * MINUTE_MS, '1h 30m'],
    [4 * HOUR_MS, '4h'],
    [36 * HOUR_MS, '1d 12h'],
    [0, '0m'],
  ])('%d -> %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
