/**
 * Safe quoting of PostgreSQL identifiers (role names) for statements that cannot take bind
 * parameters (`GRANT "role" TO "member"`). Values always go through `pg` bind parameters; only
 * identifiers are quoted here, the same way as the server's `quote_ident`/`format('%I')` in its
 * always-quote form.
 */

/** PostgreSQL's NAMEDATALEN - 1: longer identifiers are silently truncated by the server. */
export const MAX_IDENTIFIER_BYTES = 63;

export class IdentifierError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IdentifierError';
  }
}

/**
 * Why `name` cannot be used as a PostgreSQL identifier, or null when it can.
 * Rejects: non-strings, the empty string, NUL (the protocol cannot carry it) and names longer than
 * 63 bytes (the server would truncate them and could then address a *different* role).
 */
export function identifierProblem(name: unknown): string | null {
  if (typeof name !== 'string') return 'is not a string';
  if (name.length === 0) return 'is empty';
  if (name.includes('\0')) return 'contains a NUL character';
  if (Buffer.byteLength(name, 'utf8') > MAX_IDENTIFIER_BYTES) {
    return `is longer than ${MAX_IDENTIFIER_BYTES} bytes (PostgreSQL would truncate it)`;
  }
  return null;
}

/**
 * Quote `name` as a PostgreSQL identifier: wrap it in double quotes and double every double
 * quote inside, so the result is always exactly one identifier whatever `name` contains
 * (`billing"; DROP TABLE x; --` → `"billing""; DROP TABLE x; --"`). The name is taken
 * literally (case preserved, no keyword interpretation). Throws IdentifierError on names that
 * cannot be represented (see identifierProblem).
 */
export function quoteIdent(name: string): string {
  const problem = identifierProblem(name);
  if (problem !== null) throw new IdentifierError(`identifier ${describeIdent(name)} ${problem}`);
  return `"${name.replace(/"/g, '""')}"`;
}

/** A printable, bounded rendering of a (possibly hostile) identifier for messages. */
export function describeIdent(name: unknown): string {
  if (typeof name !== 'string') return String(typeof name);
  const shown = name.length > 80 ? `${name.slice(0, 80)}…` : name;
  return JSON.stringify(shown);
}
