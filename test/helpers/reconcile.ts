/**
 * End-to-end helpers for `reconcile`: grants merged through approved pull requests in the GitHub
 * fake (with the resolution record validate would have written), a fresh local checkout of the
 * default branch per run (as `actions/checkout` with `fetch-depth: 0` gives a scheduled run),
 * the bundled Action on `schedule` / `workflow_dispatch`, the bundled CLI with `--now`, and a
 * throw-away PostgreSQL database with login roles whose SELECT really succeeds or fails.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { resolutionDigest } from '../../src/commands/digest.js';
import { COMMENT_MARKER } from '../../src/render/markdown/comment.js';
import { renderResolutionRecord } from '../../src/render/markdown/record.js';
import { exportToGit } from '../fake-github/git-sync.js';
import { REPO_ROOT, runAction, type ActionRun } from './action.js';
import { grantYaml, openPullRequest, review, type AcmeWorld, type GrantSpec } from './acme.js';
import { adminUrl, connectAdmin, execFormatted, uniqueSuffix, urlFor } from './postgres.js';

export const iso = (ms: number) => new Date(ms).toISOString();
export const HOUR = 3_600_000;
export const MINUTE = 60_000;

let branchCounter = 0;

export interface MergedGrant {
  path: string;
  id: string;
  pr: number;
  mergeSha: string;
  mergedAt: string;
}

/**
 * A grant file that went the whole way: PR by the requester, approved by `approver` on its head,
 * gitgrant's sticky comment with the resolution record on that head (what validate writes), and
 * merged with a merge commit at `mergedAt` — the start of its window.
 */
export function mergeApprovedGrant(
  world: AcmeWorld,
  spec: {
    path: string;
    grant: GrantSpec;
    /** The resolved resource ids reviewers were shown. */
    resources: string[];
    approver: string;
    mergedAt: number;
  },
): MergedGrant {
  // Commit times have whole seconds.
  const mergedAt = Math.floor(spec.mergedAt / 1000) * 1000;
  const opened = openPullRequest(world, {
    author: spec.grant.requester,
    branch: `grant/${spec.grant.requester}-${++branchCounter}`,
    files: { [spec.path]: grantYaml(spec.grant) },
  });
  review(world, opened.pr, spec.approver, 'APPROVED');
  world.repo.addComment(opened.pr.number, {
    user: { login: 'github-actions[bot]', type: 'Bot' },
    body: `${COMMENT_MARKER}\n### gitgrant\n\n${renderResolutionRecord({
      head: opened.headSha,
      files: { [spec.path]: resolutionDigest(spec.resources) },
    })}\n`,
  });
  const mergeSha = world.repo.mergePullRequest(opened.pr, {
    method: 'merge',
    by: spec.approver,
    date: iso(mergedAt),
  });
  return {
    path: spec.path,
    id: spec.path
      .split('/')
      .pop()!
      .replace(/\.yaml$/, ''),
    pr: opened.pr.number,
    mergeSha,
    mergedAt: iso(mergedAt),
  };
}

/** A fresh clone of the fake's branches (same commit ids), default branch checked out. */
export async function checkout(world: AcmeWorld): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'gitgrant-workspace-'));
  await exportToGit(world.repo, dir);
  return dir;
}

export interface ReconcileRun extends ActionRun {
  result: {
    ok: boolean;
    drift: Array<{ resource: string; identity: string; access: string; pruned: boolean; detail: string }>;
    failures: Array<{ file: string; resource?: string; message: string; retryable: boolean }>;
    not_approved: Array<{ file: string; grant: string; person: string; reasons: string[] }>;
    kept: string[];
    record: { kind: string; sha?: string; pr?: number; files: string[] } | null;
    stale: boolean;
    /** Grant files deleted from main, revoked again by reconcile (the backstop to apply). */
    deleted?: Array<{ grant: string; file: string; person: string; resource: string; changed: boolean }>;
  };
  revoked: Array<{
    grant: string;
    file: string;
    person: string;
    resource: string;
    changed: boolean;
    detail: string;
  }>;
  granted: Array<{
    grant: string;
    file: string;
    person: string;
    resource: string;
    changed: boolean;
    detail: string;
  }>;
}

/** The bundled Action as a scheduled (or dispatched) run sees it: a fresh checkout per run. */
export async function runReconcileAction(
  world: AcmeWorld,
  opts: { env?: Record<string, string | undefined>; event?: string; interval?: string } = {},
): Promise<ReconcileRun> {
  const workspace = await checkout(world);
  try {
    const event = opts.event ?? 'schedule';
    const run = await runAction({
      gh: world.gh,
      event,
      payload:
        event === 'schedule'
          ? { schedule: '7,22,37,52 * * * *' }
          : { inputs: {}, ref: 'refs/heads/main', repository: { full_name: 'acme/access' } },
      env: {
        GITHUB_WORKSPACE: workspace,
        // The App token (the github provider needs one); the fake accepts `tok`.
        'INPUT_APP-TOKEN': 'tok',
        GITHUB_WORKFLOW: 'gitgrant reconcile',
        // A scheduled run always runs on the default branch (as on a runner).
        GITHUB_REF: 'refs/heads/main',
        GITHUB_REF_NAME: 'main',
        INPUT_INTERVAL: opts.interval ?? '15m',
        ...(opts.env ?? {}),
      },
    });
    const parse = <T>(s: string | undefined, fallback: T): T => (s ? (JSON.parse(s) as T) : fallback);
    return {
      ...run,
      result: parse(run.outputs.result, {
        ok: false,
        drift: [],
        failures: [],
        not_approved: [],
        kept: [],
        record: null,
        stale: false,
      }),
      revoked: parse(run.outputs.revoked, []),
      granted: parse(run.outputs.granted, []),
    };
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

let cliCopy: string | undefined;

/** A private copy of the bundled CLI (a rebuild running meanwhile cannot pull it away). */
export function cliBundle(): string {
  if (cliCopy && existsSync(cliCopy)) return cliCopy;
  const src = join(process.env.GITGRANT_E2E_DIST ?? join(REPO_ROOT, 'dist'), 'cli');
  if (!existsSync(join(src, 'index.js')))
    throw new Error(`${src}/index.js is missing: run \`npm run build\` before the end-to-end tests`);
  const dir = mkdtempSync(join(tmpdir(), 'gitgrant-cli-bundle-'));
  copyFileSync(join(src, 'index.js'), join(dir, 'index.js'));
  copyFileSync(join(src, 'package.json'), join(dir, 'package.json'));
  cliCopy = join(dir, 'index.js');
  return cliCopy;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `gitgrant ARGS…` (the bundle) against the fake, asynchronously (the fake answers in-process). */
export async function runCli(
  world: Pick<AcmeWorld, 'gh'>,
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<CliRun> {
  const base: Record<string, string> = {};
  for (const k of ['PATH', 'HOME', 'LANG', 'TZ']) if (process.env[k] !== undefined) base[k] = process.env[k]!;
  Object.assign(base, {
    NO_COLOR: '1',
    GITHUB_API_URL: world.gh.url,
    GITHUB_TOKEN: 'tok',
    GITGRANT_APP_TOKEN: 'tok',
    GITGRANT_RETRY_BASE_MS: '10',
    GITGRANT_THROTTLE_MIN_TIME_MS: '0',
  });
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete base[k];
    else base[k] = v;
  }
  const child = spawn(process.execPath, [cliBundle(), ...args], {
    env: base,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await new Promise<number | null>((res, rej) => {
    child.on('error', rej);
    child.on('close', (c) => res(c));
  }).finally(() => clearTimeout(timer));
  return { code, stdout, stderr };
}

// ------------------------------------------------------------------------------------ PostgreSQL

export interface PgWorld {
  suffix: string;
  database: string;
  /** Superuser URL of the test database (the provider's connection, `BILLING_DB_URL`). */
  url: string;
  /** Role names in this world: `role('billing_read')` → `billing_read_<suffix>`. */
  role: (name: string) => string;
  /** Can `person` (a login of people.yaml) SELECT from the billing table? */
  canRead: (person: string) => Promise<boolean>;
  /** Is `person` a direct member of `role`? */
  isMember: (person: string, role: string) => Promise<boolean>;
  admin: pg.Client;
  close: () => Promise<void>;
}

const PASSWORD = 'reconcile-test-pw';

/**
 * A database with table `invoices`, roles `billing_read_S` (SELECT) and `billing_write_S`, and
 * login roles `LOGIN_S` for every person given (their `identities.postgres` in the test world).
 */
export async function createPgWorld(people: readonly string[]): Promise<PgWorld> {
  const suffix = uniqueSuffix();
  const role = (name: string) => `${name}_${suffix}`;
  const database = `gitgrant_reconcile_${suffix}`;
  const admin = await connectAdmin();
  await execFormatted(admin, 'CREATE DATABASE %I', database);
  for (const r of ['billing_read', 'billing_write'])
    await execFormatted(admin, 'CREATE ROLE %I NOLOGIN', role(r));
  for (const p of people) await admin.query(`CREATE ROLE "${role(p)}" LOGIN PASSWORD '${PASSWORD}'`);
  const db = await connectAdmin(database);
  await db.query('CREATE TABLE invoices (id int PRIMARY KEY, amount numeric)');
  await db.query('INSERT INTO invoices VALUES (1, 42)');
  await execFormatted(db, 'GRANT SELECT ON invoices TO %I', role('billing_read'));
  await execFormatted(db, 'GRANT SELECT, INSERT, UPDATE ON invoices TO %I', role('billing_write'));
  await db.end();
  const u = new URL(adminUrl());
  u.pathname = `/${database}`;
  const url = u.toString();
  return {
    suffix,
    database,
    url,
    role,
    admin,
    async canRead(person) {
      const c = new pg.Client({
        connectionString: urlFor(adminUrl(), role(person), PASSWORD, database),
        connectionTimeoutMillis: 5000,
      });
      c.on('error', () => {});
      await c.connect();
      try {
        await c.query('SELECT amount FROM invoices');
        return true;
      } catch (e) {
        if ((e as { code?: string }).code === '42501') return false;
        throw e;
      } finally {
        await c.end().catch(() => {});
      }
    },
    async isMember(person, r) {
      const res = await admin.query(
        `SELECT 1 FROM pg_auth_members am JOIN pg_roles g ON g.oid = am.roleid JOIN pg_roles m ON m.oid = am.member
          WHERE g.rolname = $1 AND m.rolname = $2`,
        [role(r), role(person)],
      );
      return res.rowCount! > 0;
    },
    async close() {
      await execFormatted(admin, 'DROP DATABASE IF EXISTS %I WITH (FORCE)', database);
      for (const p of people) await execFormatted(admin, 'DROP ROLE IF EXISTS %I', role(p));
      for (const r of ['billing_read', 'billing_write'])
        await execFormatted(admin, 'DROP ROLE IF EXISTS %I', role(r));
      await admin.end();
    },
  };
}
