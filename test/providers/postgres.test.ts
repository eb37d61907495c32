/**
 * The PostgreSQL provider against a real server (started by `bash .ci/postgres.sh`).
 *
 * Fixture, per run (unique suffix `_<hex>` so parallel runs never collide):
 *   database gg_test_S with table invoices (one row) and table x (the injection canary);
 *   roles billing_read_S (SELECT on invoices), billing_write_S (INSERT), billing_admin_S,
 *   login role alice_S with a password, and the provider's own login role gitgrant_S with
 *   ADMIN OPTION on billing_read_S and billing_write_S only (least privilege, no superuser).
 */
import net from 'node:net';
import pg from 'pg';
import { PostgresProvider, parsePostgresConfig } from '../../src/providers/postgres.js';
import { quoteIdent } from '../../src/providers/sql-ident.js';
import { ProviderError, type AccessChange } from '../../src/providers/types.js';
import type { Resource } from '../../src/core/model.js';
import { syntheticSource } from '../../src/core/errors.js';
import { adminUrl, connectAdmin, execFormatted, uniqueSuffix, urlFor } from '../helpers/postgres.js';

const S = uniqueSuffix();
const DB = `gg_test_${S}`;
const READ = `billing_read_${S}`;
const WRITE = `billing_write_${S}`;
const ADMIN = `billing_admin_${S}`;
const ALICE = `alice_${S}`;
const ALICE_PW = `alice-pw-${S}`;
const BOT = `gitgrant_${S}`;
const BOT_PW = `bot-Secret-${S}`;
const HOSTILE = `billing"; DROP TABLE x; --${S}`;
const ENV = `GG_TEST_PG_URL_${S.toUpperCase()}`;

function resource(
  roles: Record<string, string> = { read: READ, ro: READ, write: WRITE, admin: ADMIN },
  env = ENV,
): Resource {
  return {
    id: 'billing-db-test',
    provider: 'postgres',
    tags: {},
    config: { connection_env: env, roles },
    baseline: [],
    prune: false,
    source: syntheticSource('policies/test.yaml'),
    path: ['resources', 0],
  };
}

function change(
  kind: 'grant' | 'revoke',
  level: string,
  held: string[],
  opts: { identity?: string; res?: Resource } = {},
): AccessChange {
  return {
    resource: opts.res ?? resource(),
    subject: { login: 'alice', identity: opts.identity ?? ALICE },
    level,
    held,
    event: { kind, grantId: 'alice-billing' },
  };
}

async function rejection(p: Promise<unknown>): Promise<ProviderError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ProviderError);
    return err as ProviderError;
  }
  throw new Error('expected a ProviderError, got success');
}

/** Connect as alice and read the table: the real effect of the role membership. */
async function aliceSelect(): Promise<'ok' | 'denied'> {
  const client = new pg.Client({
    connectionString: urlFor(adminUrl(), ALICE, ALICE_PW, DB),
    connectionTimeoutMillis: 5000,
  });
  client.on('error', () => {});
  await client.connect();
  try {
    const res = await client.query<{ amount: number }>('SELECT amount FROM invoices');
    expect(res.rows).toEqual([{ amount: 42 }]);
    return 'ok';
  } catch (err) {
    if ((err as { code?: string }).code === '42501') return 'denied';
    throw err;
  } finally {
    await client.end();
  }
}

async function membersOf(role: string): Promise<string[]> {
  const res = await admin.query<{ m: string }>(
    `SELECT m.rolname AS m FROM pg_auth_members am JOIN pg_roles r ON r.oid = am.roleid
       JOIN pg_roles m ON m.oid = am.member WHERE r.rolname = $1 ORDER BY 1`,
    [role],
  );
  return res.rows.map((r) => r.m);
}

/** A port on 127.0.0.1 where nothing listens. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let admin: pg.Client;
const provider = new PostgresProvider();

describe('PostgresProvider (real server)', () => {
  beforeAll(async () => {
    admin = await connectAdmin();
    await admin.query(`CREATE DATABASE ${quoteIdent(DB)}`);
    await admin.query(`CREATE ROLE ${quoteIdent(READ)} NOLOGIN`);
    await admin.query(`CREATE ROLE ${quoteIdent(WRITE)} NOLOGIN`);
    await admin.query(`CREATE ROLE ${quoteIdent(ADMIN)} NOLOGIN`);
    await execFormatted(admin, 'CREATE ROLE %I NOLOGIN', HOSTILE);
    await execFormatted(admin, `CREATE ROLE %I LOGIN PASSWORD '${ALICE_PW}'`, ALICE);
    await execFormatted(admin, `CREATE ROLE %I LOGIN PASSWORD '${BOT_PW}'`, BOT);
    for (const role of [READ, WRITE, HOSTILE]) {
      await execFormatted(admin, 'GRANT %I TO %I WITH ADMIN OPTION', role, BOT);
    }
    const db = await connectAdmin(DB);
    try {
      await db.query('CREATE TABLE invoices (id int PRIMARY KEY, amount int NOT NULL)');
      await db.query('INSERT INTO invoices VALUES (1, 42)');
      await db.query('CREATE TABLE x (id int)');
      await execFormatted(db, 'GRANT SELECT ON invoices TO %I', READ);
      await execFormatted(db, 'GRANT INSERT ON invoices TO %I', WRITE);
    } finally {
      await db.end();
    }
    process.env[ENV] = urlFor(adminUrl(), BOT, BOT_PW, DB);
  });

  afterAll(async () => {
    delete process.env[ENV];
    if (!admin) return;
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(DB)} WITH (FORCE)`).catch(() => {});
    for (const role of [ALICE, BOT, READ, WRITE, ADMIN, HOSTILE]) {
      await admin.query(`DROP ROLE IF EXISTS ${quoteIdent(role)}`).catch(() => {});
    }
    await admin.end();
  });

  test('grant lets alice SELECT, revoke takes it away; both are idempotent and honest', async () => {
    expect(await aliceSelect()).toBe('denied');

    const g1 = await provider.grant(change('grant', 'read', ['read']));
    expect(g1).toEqual({ changed: true, detail: `GRANT ${READ} TO ${ALICE}` });
    expect(await membersOf(READ)).toEqual([BOT, ALICE].sort());
    expect(await aliceSelect()).toBe('ok');

    const g2 = await provider.grant(change('grant', 'read', ['read']));
    expect(g2.changed).toBe(false);
    expect(g2.detail).toContain('already a member');

    const r1 = await provider.revoke(change('revoke', 'read', []));
    expect(r1).toEqual({ changed: true, detail: `REVOKE ${READ} FROM ${ALICE}` });
    expect(await aliceSelect()).toBe('denied');

    const r2 = await provider.revoke(change('revoke', 'read', []));
    expect(r2.changed).toBe(false);
    expect(await membersOf(READ)).toEqual([BOT]);
  });

  test('revoke keeps a role that `held` still gives (another level maps to the same role)', async () => {
    await provider.grant(change('grant', 'read', ['read']));
    // a second grant through the alias level `ro` (same role): nothing to do
    expect((await provider.grant(change('grant', 'ro', ['read', 'ro']))).changed).toBe(false);

    const kept = await provider.revoke(change('revoke', 'ro', ['read']));
    expect(kept.changed).toBe(false);
    expect(kept.detail).toContain('still held through read');
    expect(await aliceSelect()).toBe('ok');

    // write on top of read; revoking write leaves read in place
    expect((await provider.grant(change('grant', 'write', ['read', 'write']))).changed).toBe(true);
    expect(await membersOf(WRITE)).toContain(ALICE);
    expect((await provider.revoke(change('revoke', 'write', ['read']))).changed).toBe(true);
    expect(await membersOf(WRITE)).not.toContain(ALICE);
    expect(await aliceSelect()).toBe('ok');

    expect((await provider.revoke(change('revoke', 'read', []))).changed).toBe(true);
    expect(await aliceSelect()).toBe('denied');
  });

  // Two overlapping reconcile runs revoke (or grant) the same membership at once: one of the
  // statements may fail with "tuple concurrently deleted" (XX000) or a duplicate row (23505).
  // Neither is a failure: the catalog, read back, is the answer.
  test('concurrent grants and revokes of the same membership all succeed and agree', async () => {
    for (let i = 0; i < 15; i++) {
      const grants = await Promise.all(
        [1, 2, 3].map(() => provider.grant(change('grant', 'read', ['read']))),
      );
      expect(await membersOf(READ)).toContain(ALICE);
      expect(grants.some((g) => g.changed)).toBe(true);
      const revokes = await Promise.all([1, 2, 3].map(() => provider.revoke(change('revoke', 'read', []))));
      expect(await membersOf(READ)).toEqual([BOT]);
      expect(revokes.some((r) => r.changed)).toBe(true);
      for (const r of revokes) expect(r.detail).toMatch(/REVOKE|not a member|no longer a member/);
    }
  });

  test('grant also ensures every level in `held`', async () => {
    const g = await provider.grant(change('grant', 'write', ['read', 'write']));
    expect(g.changed).toBe(true);
    expect(g.detail).toContain(`GRANT ${READ} TO ${ALICE}`);
    expect(g.detail).toContain(`GRANT ${WRITE} TO ${ALICE}`);
    await provider.revoke(change('revoke', 'write', ['read']));
    await provider.revoke(change('revoke', 'read', []));
    expect(await membersOf(READ)).toEqual([BOT]);
  });

  test('list returns the members of every mapped role, one entry per level', async () => {
    expect(await provider.list(resource())).toEqual([]);
    await provider.grant(change('grant', 'read', ['read']));
    await provider.grant(change('grant', 'write', ['read', 'write']));
    expect(await provider.list(resource())).toEqual([
      { identity: ALICE, access: 'read' },
      { identity: ALICE, access: 'ro' },
      { identity: ALICE, access: 'write' },
    ]);
    await provider.revoke(change('revoke', 'write', ['read']));
    await provider.revoke(change('revoke', 'read', []));
    expect(await provider.list(resource())).toEqual([]);
  });

  test('a hostile role name is one quoted identifier, never SQL', async () => {
    const res = resource({ read: HOSTILE });
    const g = await provider.grant(change('grant', 'read', ['read'], { res }));
    expect(g.changed).toBe(true);
    expect(await membersOf(HOSTILE)).toEqual([BOT, ALICE].sort());
    expect(await provider.list(res)).toEqual([{ identity: ALICE, access: 'read' }]);
    expect((await provider.revoke(change('revoke', 'read', [], { res }))).changed).toBe(true);
    expect(await membersOf(HOSTILE)).toEqual([BOT]);

    // a hostile identity that does not exist: an error, and still no SQL executed
    const err = await rejection(
      provider.grant(change('grant', 'read', ['read'], { identity: `alice"; DROP TABLE x; --` })),
    );
    expect(err.retryable).toBe(false);
    expect(err.code).toBe('unknown-identity');

    const db = await connectAdmin(DB);
    try {
      const t = await db.query(`SELECT to_regclass('public.x') IS NOT NULL AS present`);
      expect(t.rows[0]).toEqual({ present: true });
    } finally {
      await db.end();
    }
    expect(quoteIdent(HOSTILE)).toBe(`"billing""; DROP TABLE x; --${S}"`);
    expect(() => quoteIdent('a\0b')).toThrow(/NUL/);
    expect(() => quoteIdent('')).toThrow(/empty/);
    expect(() => quoteIdent('r'.repeat(64))).toThrow(/63 bytes/);
  });

  test('unknown level, unknown identity and a missing mapped role are non-retryable', async () => {
    const level = await rejection(provider.grant(change('grant', 'superuser', ['superuser'])));
    expect(level.retryable).toBe(false);
    expect(level.code).toBe('unknown-access-level');
    expect(level.message).toContain('"superuser"');

    const who = await rejection(
      provider.grant(change('grant', 'read', ['read'], { identity: `nobody_${S}` })),
    );
    expect(who.retryable).toBe(false);
    expect(who.code).toBe('unknown-identity');
    expect(who.message).toContain(`nobody_${S}`);
    expect(who.message).toContain('does not exist');

    const role = await rejection(
      provider.revoke(change('revoke', 'read', [], { res: resource({ read: `missing_${S}` }) })),
    );
    expect(role.retryable).toBe(false);
    expect(role.code).toBe('unknown-role');

    // an unmapped level in `held` blocks a grant (fail closed) before anything changes
    const held = await rejection(provider.grant(change('grant', 'read', ['read', 'owner'])));
    expect(held.code).toBe('unknown-access-level');
    expect(await membersOf(READ)).toEqual([BOT]);
  });

  test('a role the connection role may not grant: refused, non-retryable, nothing changed', async () => {
    const err = await rejection(provider.grant(change('grant', 'admin', ['admin'])));
    expect(err.retryable).toBe(false);
    expect(err.message).toContain(`GRANT ${ADMIN} TO ${ALICE} was refused`);
    expect(err.message).toContain('ADMIN OPTION');
    expect(await membersOf(ADMIN)).toEqual([]);
  });

  test('server unreachable: retryable, names the variable, never prints the secret', async () => {
    const port = await closedPort();
    const url = new URL(urlFor(adminUrl(), BOT, BOT_PW, DB));
    url.port = String(port);
    const quick = new PostgresProvider({ env: { DOWN_URL: url.toString() } });
    const err = await rejection(
      quick.grant(change('grant', 'read', ['read'], { res: resource(undefined, 'DOWN_URL') })),
    );
    expect(err.retryable).toBe(true);
    expect(err.code).toBe('provider-unreachable');
    expect(err.message).toContain('cannot connect to PostgreSQL');
    expect(err.message).toContain('$DOWN_URL');
    expect(err.message).toContain('ECONNREFUSED');
    expect(err.message).not.toContain(BOT_PW);
    expect(err.message).not.toContain(encodeURIComponent(BOT_PW));
  });

  test('a server that never answers: connect timeout, retryable', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((s) => sockets.add(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      const quick = new PostgresProvider({
        env: { SILENT_URL: `postgres://${BOT}:${BOT_PW}@127.0.0.1:${port}/${DB}` },
        connectTimeoutMs: 300,
      });
      const err = await rejection(quick.list(resource(undefined, 'SILENT_URL')));
      expect(err.retryable).toBe(true);
      expect(err.message).toMatch(/timeout/i);
      expect(err.message).not.toContain(BOT_PW);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  test('wrong password: non-retryable, no secret in the message', async () => {
    const bad = new PostgresProvider({ env: { BAD_URL: urlFor(adminUrl(), BOT, 'Wrong-Secret-xyz', DB) } });
    const err = await rejection(bad.list(resource(undefined, 'BAD_URL')));
    expect(err.retryable).toBe(false);
    expect(err.message).toContain('28P01');
    expect(err.message).not.toContain('Wrong-Secret-xyz');
  });

  test('missing or malformed connection variable: non-retryable, names the variable only', async () => {
    const missing = await rejection(
      provider.grant(change('grant', 'read', ['read'], { res: resource(undefined, `UNSET_${S}`) })),
    );
    expect(missing.retryable).toBe(false);
    expect(missing.code).toBe('provider-config');
    expect(missing.message).toContain(`UNSET_${S}`);

    const weird = new PostgresProvider({ env: { W: 'mysql://root:TopSecret@db/x' } });
    const err = await rejection(weird.list(resource(undefined, 'W')));
    expect(err.retryable).toBe(false);
    expect(err.message).not.toContain('TopSecret');
  });

  test('config is validated strictly', () => {
    expect(() =>
      parsePostgresConfig({ ...resource(), config: { connection_env: 'X', roles: {}, extra: 1 } }),
    ).toThrow(/unknown key/);
    expect(() => parsePostgresConfig({ ...resource(), config: { connection_env: 'X', roles: {} } })).toThrow(
      /at least one/,
    );
    expect(() =>
      parsePostgresConfig({ ...resource(), config: { connection_env: 'bad name', roles: { r: 'x' } } }),
    ).toThrow(/connection_env/);
    expect(() =>
      parsePostgresConfig({ ...resource(), config: { connection_env: 'X', roles: { r: 'a\0b' } } }),
    ).toThrow(/NUL/);
    expect(parsePostgresConfig(resource()).roles.get('read')).toBe(READ);
  });
});
