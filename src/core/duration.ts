/**
 * Durations, one grammar (docs/reference.md#durations):
 *
 *   short form   N m | N h | N d          90m, 4h, 2d           (N: 1-6 digits, no sign, no fraction)
 *   ISO-8601     P[nD][T[nH][nM]]          PT4H, P1D, P1DT12H, PT90M
 *
 * Weeks, months and years are not accepted (months and years have no fixed length). Seconds
 * are not accepted (access in seconds is not a use case and would make typos pass). Zero,
 * negative, bare numbers, fractions and anything over 366 days are `duration-invalid`.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
/** Longest duration the grammar accepts: a year (leap) — anything longer is standing access. */
export const MAX_DURATION_MS = 366 * DAY_MS;

const SHORT = /^([0-9]{1,6})([mhd])$/;
const ISO = /^P(?:([0-9]{1,6})D)?(?:T(?:([0-9]{1,6})H)?(?:([0-9]{1,6})M)?)?$/;

export type DurationResult = { ok: true; ms: number } | { ok: false; reason: string };

export function parseDuration(text: unknown): DurationResult {
  if (typeof text !== 'string') {
    return {
      ok: false,
      reason: 'a duration is a string such as 4h, 90m, 2d or PT4H (a bare number has no unit)',
    };
  }
  let ms: number | undefined;
  const short = SHORT.exec(text);
  if (short) {
    const n = Number(short[1]);
    ms = n * (short[2] === 'm' ? MINUTE_MS : short[2] === 'h' ? HOUR_MS : DAY_MS);
  } else {
    const iso = ISO.exec(text);
    // `P` alone and `PT` with nothing after it are not durations.
    if (iso && text !== 'P' && !text.endsWith('T')) {
      const [, d, h, m] = iso;
      if (d !== undefined || h !== undefined || m !== undefined) {
        ms = Number(d ?? 0) * DAY_MS + Number(h ?? 0) * HOUR_MS + Number(m ?? 0) * MINUTE_MS;
      }
    }
  }
  if (ms === undefined) {
    return {
      ok: false,
      reason: `"${text}" is not a duration: use Nm, Nh or Nd (e.g. 90m, 4h, 2d) or ISO-8601 (PT4H, P1D)`,
    };
  }
  if (ms <= 0) return { ok: false, reason: `"${text}" is zero: a duration must be longer than 0` };
  if (ms > MAX_DURATION_MS) return { ok: false, reason: `"${text}" is longer than the 366-day limit` };
  return { ok: true, ms };
}

/** A compact human rendering: 4h, 1d 12h, 90m → 1h 30m. */
export function formatDuration(ms: number): string {
  const parts: string[] = [];
  let rest = Math.round(ms / MINUTE_MS);
  const d = Math.floor(rest / (24 * 60));
  rest -= d * 24 * 60;
  const h = Math.floor(rest / 60);
  const m = rest - h * 60;
  if (d) parts.push(`${d}d`);
  if (h) parts.push(`${h}h`);
  if (m || parts.length === 0) parts.push(`${m}m`);
  return parts.join(' ');
}
