/**
 * How tests find the real PostgreSQL server (DESIGN.md §6: the PostgreSQL provider runs against a
 * real server).
 *
 * The admin (superuser) URL comes from, in order:
 *   1. env GITGRANT_TEST_PG_URL
 *   2. the file .tmp/pg-url written by `bash .ci/postgres.sh`
 * When neither exists or the server does not answer, the tests FAIL with a message saying to run
 * `bash .ci/postgres.sh`. They are skipped only when GITGRANT_SKIP_PG=1 is set explicitly.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PG_URL_FILE = join(REPO_ROOT, '.tmp', 'pg-url');

/** True only when GITGRANT_SKIP_PG=1: PostgreSQL tests are skipped on purpose. */
export const pgSkipped = process.env['GITGRANT_SKIP_PG'] === '1';

/** `describe`, or `describe.skip` when GITGRANT_SKIP_PG=1. */
export const describePostgres: jest.Describe = pgSkipped ? describe.skip : describe;

const HOW_TO =
  'PostgreSQL is required for these tests: run `bash .ci/postgres.sh` (or set GITGRANT_TEST_PG_URL to a ' +
  'superuser URL; set GITGRANT_SKIP_PG=1 to skip them explicitly)';

/** The admin URL, or throws with the instruction to run .ci/postgres.sh. */
export function adminUrl(): string {
  const fromEnv = process.env['GITGRANT_TEST_PG_URL'];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return fromEnv.trim();
  if (existsSync(PG_URL_FILE)) {
    const url = readFileSync(PG_URL_FILE, 'utf8').trim();
    if (url !== '') return url;
  }
  throw new Error(`${HOW_TO}. Neither GITGRANT_TEST_PG_URL nor ${PG_URL_FILE} is set.`);
}

/** The same server as `base`, as `user`/`password`, on `database`. */
export function urlFor(base: string, user: string, password: string, database: string): string {
  const url = new URL(base);
  url.username = encodeURIComponent(user);
  url.password = encodeURIComponent(password);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** A connected admin client, or a clear failure. */
export async function connectAdmin(database?: string): Promise<pg.Client> {
  const base = adminUrl();
  const url = new URL(base);
  if (database !== undefined) url.pathname = `/${encodeURIComponent(database)}`;
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => {});
    const where = `${url.hostname}:${url.port || '5432'}`;
    throw new Error(`${HOW_TO}. Cannot connect to ${where}: ${(err as Error).message}`, { cause: err });
  }
  return client;
}

/** A short random suffix so parallel runs and jest workers never share role or database names. */
export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

/** Run `sql` with a literal identifier built server side (format %I), for hostile names in fixtures. */
export async function execFormatted(db: pg.Client, template: string, ...idents: string[]): Promise<void> {
  const placeholders = idents.map((_, i) => `$${i + 2}::text`).join(', ');
  const res = await db.query<{ sql: string }>(
    `SELECT format($1::text${placeholders ? ', ' + placeholders : ''}) AS sql`,
    [template, ...idents],
  );
  await db.query(res.rows[0]!.sql);
}
