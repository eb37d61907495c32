/**
 * Windows (DESIGN.md §4): a grant is active from the committer time of the commit that first
 * put its file on the default branch (first-parent history) until that instant plus its
 * duration. The end is exclusive: at `end` the grant is expired. A file not yet on the default
 * branch is pending. An extension (`extends`) that landed while the grant it extends was active
 * starts where that grant ends, without a gap (docs/extension.md): `startsAt`. Pure: the clock
 * is an argument.
 */
export type WindowState = 'pending' | 'active' | 'expired';

export interface WindowInput {
  id: string;
  file: string;
  durationMs: number;
  /** Committer time (ms since epoch) of the landing commit; undefined when not landed. */
  landedAt?: number;
  landingCommit?: string;
  /**
   * For an extension that landed while the grant it extends was active: the end of that grant,
   * where this window starts (docs/extension.md). Until then the extension is `pending`.
   */
  startsAt?: number;
  /** The grant this one extends (only with `startsAt`). */
  extends?: string;
}

export interface Window extends WindowInput {
  state: WindowState;
  /** ISO-8601 UTC instants; absent while pending. */
  start?: string;
  end?: string;
  /** Milliseconds until the end (active) or since it (expired, negative). */
  remainingMs?: number;
}

export function windowOf(input: WindowInput, nowMs: number): Window {
  if (input.landedAt === undefined) return { ...input, state: 'pending' };
  const startMs = input.startsAt ?? input.landedAt;
  const endMs = startMs + input.durationMs;
  return {
    ...input,
    state: nowMs < startMs ? 'pending' : nowMs < endMs ? 'active' : 'expired',
    start: new Date(startMs).toISOString(),
    end: new Date(endMs).toISOString(),
    remainingMs: endMs - nowMs,
  };
}

export function planWindows(inputs: readonly WindowInput[], nowMs: number): Window[] {
  return inputs
    .map((i) => windowOf(i, nowMs))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
