/** Shared helpers for the load-layer tests. */
import type { Diagnostic } from '../../../src/core/errors.js';

export const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** `code@line:column` — compact, exact, and readable in a failing table row. */
export const at = (d: Diagnostic): string => `${d.code}@${d.line}:${d.column}`;
