/**
 * How tests find the real PostgreSQL server (DESIGN.md §6: the PostgreSQL provider runs against a
 * real server).
 *
 * `npm test` starts one itself (jest globalSetup, test/setup/postgres-global.mjs: PostgreSQL from
 * npm, loopback, throw-away) and passes its superuser URL as GITGRANT_TEST_PG_URL; set that
 * variable yourself to use a server you already run. Nothing is skipped: without a server the
 * tests fail and say why.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const HOW_TO =
  'PostgreSQL is required for these tests: `npm test` starts one (jest globalSetup); to use your own, ' +
  'set GITGRANT_TEST_PG_URL to a superuser URL';

/** The admin URL, or throws saying how to get one. */
export function adminUrl(): string {
  const fromEnv = process.env['GITGRANT_TEST_PG_URL'];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return fromEnv.trim();
  throw new Error(`${HOW_TO}. GITGRANT_TEST_PG_URL is not set.`);
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
