/**
 * The PostgreSQL provider: an access level is membership of a database role.
 *
 * Resource config (DESIGN.md §2): `{ connection_env: NAME, roles: { LEVEL: ROLE, ... } }`.
 * - `connection_env` names an environment variable holding a `postgres://` / `postgresql://` URL.
 *   It is read at call time, never from git; the URL (and its password) never appears in a message.
 * - `roles` maps each access level to a database role; the person's identity
 *   (`people.*.identities.postgres`, default their login) is the member role.
 *
 * grant:  `GRANT "<role>" TO "<identity>"` for the roles of `level` and of every level in `held`,
 *         each only when `pg_auth_members` says the identity is not yet a direct member, so
 *         `changed` is honest.
 * revoke: `REVOKE "<role>" FROM "<identity>"` for the role of `level` unless a level in `held`
 *         maps to the same role; then reads `pg_auth_members` back and throws if still a member.
 * list:   the direct members of every mapped role (except the connection role itself), one
 *         assignment per level mapped to the role.
 *
 * The connection role needs the right to grant the mapped roles: superuser, `CREATEROLE`
 * (PostgreSQL ≤ 15), or `ADMIN OPTION` on each mapped role (`GRANT billing_read TO gitgrant
 * WITH ADMIN OPTION`, the least privilege and required on PostgreSQL ≥ 16), plus `CONNECT` on the
 * database in the URL. Identifiers are always quoted with `quoteIdent`; values always travel as
 * bind parameters.
 */
import pg from 'pg';
import type { Resource } from '../core/model.js';
import { describeIdent, identifierProblem, quoteIdent } from './sql-ident.js';
import {
  ProviderError,
  type AccessChange,
  type Assignment,
  type ChangeResult,
  type Provider,
} from './types.js';
import { ENV_NAME, readConfig } from './config.js';

export interface PostgresConfig {
  connectionEnv: string;
  /** Access level → role name. */
  roles: ReadonlyMap<string, string>;
}

export interface PostgresProviderOptions {
  /** Where `connection_env` is looked up, at call time. Default: `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** TCP connect + authentication timeout. Default 5000 ms. */
  connectTimeoutMs?: number;
  /** Server-side `statement_timeout` (and client-side query timeout + 5 s). Default 15000 ms. */
  statementTimeoutMs?: number;
  /** Server-side `lock_timeout` for GRANT/REVOKE. Default 5000 ms. */
  lockTimeoutMs?: number;
}

/** Stable codes carried by ProviderError.code (docs/providers.md). */
export const POSTGRES_ERROR_CODES = {
  config: 'provider-config',
  unknownLevel: 'unknown-access-level',
  unknownIdentity: 'unknown-identity',
  unknownRole: 'unknown-role',
  unreachable: 'provider-unreachable',
  failed: 'provider-failed',
  notConfirmed: 'revoke-not-confirmed',
} as const;

/** Validate a postgres resource's config (fail closed: anything unexpected is an error). */
export function parsePostgresConfig(resource: Resource): PostgresConfig {
  const { cfg, bad } = readConfig(resource, 'postgres', POSTGRES_ERROR_CODES.config, [
    'connection_env',
    'roles',
  ]);
  const connectionEnv = cfg['connection_env'];
  if (typeof connectionEnv !== 'string' || !ENV_NAME.test(connectionEnv)) {
    bad('connection_env must be the name of an environment variable ([A-Za-z_][A-Za-z0-9_]*)');
  }
  const rolesRaw = cfg['roles'];
  if (rolesRaw === null || typeof rolesRaw !== 'object' || Array.isArray(rolesRaw)) {
    bad('roles must be a mapping of access level to database role');
  }
  const roles = new Map<string, string>();
  for (const [level, role] of Object.entries(rolesRaw as Record<string, unknown>)) {
    if (typeof role !== 'string') bad(`roles.${level} must be a role name`);
    const problem = identifierProblem(role);
    if (problem !== null) bad(`roles.${level}: role name ${describeIdent(role)} ${problem}`);
    roles.set(level, role as string);
  }
  if (roles.size === 0) bad('roles must map at least one access level');
  return { connectionEnv: connectionEnv as string, roles };
}

export class PostgresProvider implements Provider {
  readonly name = 'postgres';
  private readonly opts: Required<Omit<PostgresProviderOptions, 'env'>> &
    Pick<PostgresProviderOptions, 'env'>;

  constructor(options: PostgresProviderOptions = {}) {
    this.opts = {
      env: options.env,
      connectTimeoutMs: options.connectTimeoutMs ?? 5000,
      statementTimeoutMs: options.statementTimeoutMs ?? 15000,
      lockTimeoutMs: options.lockTimeoutMs ?? 5000,
    };
  }

  async grant(change: AccessChange): Promise<ChangeResult> {
    const { config, resource } = this.prepare(change.resource);
    const identity = checkIdentity(change.subject.identity, change.subject.login);
    // Every level the person must hold after the grant: the granted one and those in `held`.
    // Unknown levels are configuration errors: fail closed before touching the database.
    const levels = unique([change.level, ...change.held]);
    const roles = unique(levels.map((level) => roleFor(config, level, resource)));

    return this.withClient(config, resource, async (db) => {
      const oids = await resolveRoles(db, resource, config, roles, identity, change.subject.login);
      const memberOid = oids.get(identity)!;
      const done: string[] = [];
      const already: string[] = [];
      for (const role of roles) {
        if (await isMember(db, oids.get(role)!, memberOid)) {
          already.push(role);
          continue;
        }
        const raced = await run(
          db,
          resource,
          `GRANT ${quoteIdent(role)} TO ${quoteIdent(identity)}`,
          `GRANT ${role} TO ${identity}`,
        );
        if (!(await isMember(db, oids.get(role)!, memberOid))) {
          throw new ProviderError(
            `resource ${resource.id}: GRANT ${role} TO ${identity} did not take effect (pg_auth_members has no membership)`,
            false,
            POSTGRES_ERROR_CODES.failed,
          );
        }
        (raced ? already : done).push(role);
      }
      const parts = [
        ...done.map((role) => `GRANT ${role} TO ${identity}`),
        ...already.map((role) => `${identity} already a member of ${role}`),
      ];
      return { changed: done.length > 0, detail: parts.join('; ') };
    });
  }

  async revoke(change: AccessChange): Promise<ChangeResult> {
    const { config, resource } = this.prepare(change.resource);
    const identity = checkIdentity(change.subject.identity, change.subject.login);
    const role = roleFor(config, change.level, resource);
    // Levels in `held` that map to the same role keep it. Unknown levels in `held` cannot keep
    // any role, so they are ignored here: they must never block a revocation.
    const keptBy = change.held.filter((level) => config.roles.get(level) === role);

    return this.withClient(config, resource, async (db) => {
      const oids = await resolveRoles(db, resource, config, [role], identity, change.subject.login);
      const roleOid = oids.get(role)!;
      const memberOid = oids.get(identity)!;
      if (keptBy.length > 0) {
        return {
          changed: false,
          detail: `kept ${role} for ${identity}: still held through ${keptBy.join(', ')}`,
        };
      }
      if (!(await isMember(db, roleOid, memberOid))) {
        return { changed: false, detail: `${identity} is not a member of ${role}` };
      }
      const raced = await run(
        db,
        resource,
        `REVOKE ${quoteIdent(role)} FROM ${quoteIdent(identity)}`,
        `REVOKE ${role} FROM ${identity}`,
      );
      // Read back: REVOKE only removes grants made by the current role (PostgreSQL 16+ keeps one
      // membership per grantor) and only warns otherwise, so the catalog is the only proof.
      const grantors = await membershipGrantors(db, roleOid, memberOid);
      if (grantors !== null) {
        throw new ProviderError(
          `resource ${resource.id}: REVOKE ${role} FROM ${identity} did not remove the membership ` +
            `(still granted by ${grantors}; the connection role can only revoke its own grants): ` +
            'revoke it by hand (REVOKE ... GRANTED BY ...)',
          false,
          POSTGRES_ERROR_CODES.notConfirmed,
        );
      }
      return raced
        ? { changed: false, detail: `${identity} is no longer a member of ${role} (revoked concurrently)` }
        : { changed: true, detail: `REVOKE ${role} FROM ${identity}` };
    });
  }

  async list(resourceIn: Resource): Promise<Assignment[] | null> {
    const { config, resource } = this.prepare(resourceIn);
    const roles = unique([...config.roles.values()]);
    return this.withClient(config, resource, async (db) => {
      const result = await db.query<{ role: string; member: string | null; current: string }>(
        `SELECT r.rolname AS role, m.rolname AS member, current_user::text AS current
           FROM pg_catalog.pg_roles r
           LEFT JOIN pg_catalog.pg_auth_members am ON am.roleid = r.oid
           LEFT JOIN pg_catalog.pg_roles m ON m.oid = am.member
          WHERE r.rolname = ANY($1::text[])`,
        [roles],
      );
      const found = new Set(result.rows.map((row) => row.role));
      const missing = roles.filter((role) => !found.has(role));
      if (missing.length > 0) throw unknownRole(resource, missing[0]!, config);
      const out = new Map<string, Assignment>();
      for (const row of result.rows) {
        // The connection role itself (a member when it holds ADMIN OPTION) is machinery, not a person.
        if (row.member === null || row.member === row.current) continue;
        for (const [level, role] of config.roles) {
          if (role !== row.role) continue;
          out.set(`${row.member}\0${level}`, { identity: row.member, access: level });
        }
      }
      return [...out.values()].sort((a, b) => cmp(a.identity, b.identity) || cmp(a.access, b.access));
    });
  }

  private prepare(resource: Resource): { config: PostgresConfig; resource: Resource } {
    if (resource.provider !== 'postgres') {
      throw new ProviderError(
        `resource ${resource.id} uses provider ${resource.provider}, not postgres`,
        false,
        POSTGRES_ERROR_CODES.config,
      );
    }
    return { config: parsePostgresConfig(resource), resource };
  }

  private connectionUrl(config: PostgresConfig, resource: Resource): string {
    const env = this.opts.env ?? process.env;
    const url = env[config.connectionEnv];
    if (url === undefined || url.trim() === '') {
      throw new ProviderError(
        `resource ${resource.id}: environment variable ${config.connectionEnv} (the PostgreSQL connection URL) is not set`,
        false,
        POSTGRES_ERROR_CODES.config,
      );
    }
    let protocol = '';
    try {
      protocol = new URL(url).protocol;
    } catch {
      /* reported below, without the value */
    }
    if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
      throw new ProviderError(
        `resource ${resource.id}: environment variable ${config.connectionEnv} is not a postgres:// or postgresql:// URL`,
        false,
        POSTGRES_ERROR_CODES.config,
      );
    }
    return url;
  }

  private async withClient<T>(
    config: PostgresConfig,
    resource: Resource,
    body: (db: pg.Client) => Promise<T>,
  ): Promise<T> {
    const url = this.connectionUrl(config, resource);
    const client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: this.opts.connectTimeoutMs,
      statement_timeout: this.opts.statementTimeoutMs,
      lock_timeout: this.opts.lockTimeoutMs,
      query_timeout: this.opts.statementTimeoutMs + 5000,
      application_name: 'gitgrant',
    });
    // A connection lost while idle is emitted as an event; without a listener it would crash.
    client.on('error', () => {});
    const redact = redactor(url);
    try {
      try {
        await client.connect();
      } catch (err) {
        throw toProviderError(err, resource, config, redact, 'cannot connect to PostgreSQL');
      }
      try {
        return await body(client);
      } catch (err) {
        if (err instanceof ProviderError) throw err;
        throw toProviderError(err, resource, config, redact, 'PostgreSQL error');
      }
    } finally {
      await client.end().catch(() => {});
    }
  }
}

export function createPostgresProvider(options: PostgresProviderOptions = {}): PostgresProvider {
  return new PostgresProvider(options);
}

// ---------------------------------------------------------------------------------------------

function checkIdentity(identity: string, login: string): string {
  const problem = identifierProblem(identity);
  if (problem !== null) {
    throw new ProviderError(
      `PostgreSQL identity ${describeIdent(identity)} of ${login} ${problem}`,
      false,
      POSTGRES_ERROR_CODES.unknownIdentity,
    );
  }
  return identity;
}

function roleFor(config: PostgresConfig, level: string, resource: Resource): string {
  const role = config.roles.get(level);
  if (role === undefined) {
    throw new ProviderError(
      `resource ${resource.id}: access level ${JSON.stringify(level)} has no PostgreSQL role ` +
        `(roles maps ${[...config.roles.keys()].join(', ')})`,
      false,
      POSTGRES_ERROR_CODES.unknownLevel,
    );
  }
  return role;
}

function unknownRole(resource: Resource, role: string, config: PostgresConfig): ProviderError {
  const levels = [...config.roles].filter(([, r]) => r === role).map(([l]) => l);
  return new ProviderError(
    `resource ${resource.id}: database role ${describeIdent(role)} (access ${levels.join(', ')}) does not exist`,
    false,
    POSTGRES_ERROR_CODES.unknownRole,
  );
}

/** Look up the oids of the mapped roles and the identity; a missing one is a non-retryable error. */
async function resolveRoles(
  db: pg.Client,
  resource: Resource,
  config: PostgresConfig,
  roles: readonly string[],
  identity: string,
  login: string,
): Promise<Map<string, string>> {
  const result = await db.query<{ rolname: string; oid: string }>(
    'SELECT rolname, oid::int8::text AS oid FROM pg_catalog.pg_roles WHERE rolname = ANY($1::text[])',
    [unique([...roles, identity])],
  );
  const oids = new Map(result.rows.map((row) => [row.rolname, row.oid]));
  for (const role of roles) {
    if (!oids.has(role)) throw unknownRole(resource, role, config);
  }
  if (!oids.has(identity)) {
    throw new ProviderError(
      `resource ${resource.id}: PostgreSQL role ${describeIdent(identity)} (the identity of ${login}) does not exist; ` +
        'create the login role or fix people.*.identities.postgres',
      false,
      POSTGRES_ERROR_CODES.unknownIdentity,
    );
  }
  return oids;
}

async function isMember(db: pg.Client, roleOid: string, memberOid: string): Promise<boolean> {
  return (await membershipGrantors(db, roleOid, memberOid)) !== null;
}

/** The grantors of a direct membership, or null when there is none. */
async function membershipGrantors(db: pg.Client, roleOid: string, memberOid: string): Promise<string | null> {
  const result = await db.query<{ grantor: string | null }>(
    `SELECT g.rolname AS grantor
       FROM pg_catalog.pg_auth_members am
       LEFT JOIN pg_catalog.pg_roles g ON g.oid = am.grantor
      WHERE am.roleid = $1::oid AND am.member = $2::oid`,
    [roleOid, memberOid],
  );
  if (result.rows.length === 0) return null;
  return unique(result.rows.map((row) => row.grantor ?? '(unknown)')).join(', ');
}

/**
 * A GRANT or REVOKE that raced the same change by another session (two overlapping runs):
 * "tuple concurrently deleted/updated" (XX000) or a duplicate membership row (23505). Not an
 * error of ours: the catalog, read back by the caller, says what holds now.
 */
function isConcurrentCatalogChange(err: unknown): boolean {
  const code = sqlState(err);
  return (
    code === '23505' || (code === 'XX000' && /\bconcurrently (deleted|updated)\b/.test(errorMessage(err)))
  );
}

/** Runs a GRANT or REVOKE; true when it raced another session's same change (see above). */
async function run(db: pg.Client, resource: Resource, sql: string, display: string): Promise<boolean> {
  try {
    await db.query(sql);
    return false;
  } catch (err) {
    if (isConcurrentCatalogChange(err)) return true;
    const code = sqlState(err);
    if (code === '42501' || code === '0LP01') {
      // insufficient_privilege / invalid_grant_operation: the connection role may not do this.
      throw new ProviderError(
        `resource ${resource.id}: ${display} was refused: ${errorMessage(err)} [SQLSTATE ${code}] ` +
          '(the connection role needs ADMIN OPTION on the role, CREATEROLE or superuser)',
        false,
        POSTGRES_ERROR_CODES.failed,
      );
    }
    throw err;
  }
}

// ---- errors ---------------------------------------------------------------------------------

/** Node/libpq-level failures where a rerun may succeed. */
const RETRYABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

/** SQLSTATEs where a rerun may succeed. */
function retryableSqlState(code: string): boolean {
  return (
    code.startsWith('08') || // connection exception
    code.startsWith('53') || // insufficient resources (too many connections, out of memory, disk full)
    code === '57P01' || // admin_shutdown
    code === '57P02' || // crash_shutdown
    code === '57P03' || // cannot_connect_now (starting up)
    code === '57014' || // query_canceled (statement_timeout)
    code === '55P03' || // lock_not_available (lock_timeout)
    code === '40001' || // serialization_failure
    code === '40P01' // deadlock_detected
  );
}

function sqlState(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** Duck-typed (errors may come from another realm, e.g. under jest's VM modules). */
function errorMessage(err: unknown): string {
  const e = err as { message?: unknown; name?: unknown; errors?: unknown } | null;
  if (e !== null && typeof e === 'object') {
    if (Array.isArray(e.errors) && e.errors.length > 0 && !e.message) {
      return e.errors.map((inner) => errorMessage(inner)).join('; ');
    }
    if (typeof e.message === 'string' && e.message !== '') return e.message;
    if (typeof e.name === 'string') return e.name;
  }
  return String(err);
}

function isRetryable(err: unknown): boolean {
  const state = sqlState(err);
  if (state !== undefined) return retryableSqlState(state);
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && RETRYABLE_NODE_CODES.has(code)) return true;
  const inner = (err as { errors?: unknown } | null)?.errors;
  if (Array.isArray(inner) && inner.some((e) => isRetryable(e))) return true;
  const msg = errorMessage(err);
  return /timeout|timed out|terminated|Connection terminated|ECONNREFUSED|ECONNRESET|socket hang up/i.test(
    msg,
  );
}

function toProviderError(
  err: unknown,
  resource: Resource,
  config: PostgresConfig,
  redact: (s: string) => string,
  what: string,
): ProviderError {
  const retryable = isRetryable(err);
  const state = sqlState(err);
  const detail = redact(errorMessage(err)) + (state !== undefined ? ` [SQLSTATE ${state}]` : '');
  const code =
    what === 'cannot connect to PostgreSQL' && retryable
      ? POSTGRES_ERROR_CODES.unreachable
      : POSTGRES_ERROR_CODES.failed;
  return new ProviderError(
    `resource ${resource.id}: ${what} (URL from $${config.connectionEnv}): ${detail}`,
    retryable,
    code,
  );
}

/** Remove the URL and its password from any text before it reaches a message. */
function redactor(url: string): (s: string) => string {
  const secrets = new Set<string>([url]);
  try {
    const parsed = new URL(url);
    if (parsed.password) {
      secrets.add(parsed.password);
      try {
        secrets.add(decodeURIComponent(parsed.password));
      } catch {
        /* keep the encoded form only */
      }
    }
  } catch {
    /* not a URL: the whole string is the secret */
  }
  const list = [...secrets].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  return (s: string) => list.reduce((acc, secret) => acc.split(secret).join('***'), s);
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
