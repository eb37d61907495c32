/**
 * The world of the `apply` end-to-end tests: the acme access repository in the fake GitHub (the
 * real example policies and CODEOWNERS, with test resources on real targets), a local clone with
 * the same commit ids (`GITHUB_WORKSPACE`), a real PostgreSQL database with roles, and a real
 * signed webhook receiver.
 *
 * PostgreSQL fixture (unique suffix S): database gg_e2e_S; NOLOGIN roles billing_read_S
 * (SELECT on invoices), billing_write_S, stg_read_S (SELECT on stg), stg_write_S and the hostile
 * `billing"read_S` (SELECT on quoted); login role alice_S with a password (alice's
 * `identities.postgres`). gitgrant connects as the admin role of `.ci/postgres.sh`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { exportToGit } from '../fake-github/git-sync.js';
import { startFakeGitHub, type FakeGitHub } from '../fake-github/server.js';
import { describeRun, runAction, type ActionRun } from './action.js';
import {
  exampleFile,
  openPullRequest,
  pullRequestPayload,
  review,
  seedAcme,
  type AcmeWorld,
  type OpenedPr,
} from './acme.js';
import { adminUrl, connectAdmin, execFormatted, uniqueSuffix, urlFor } from './postgres.js';
import { WebhookReceiver } from './webhook-receiver.js';

export const HOOK_SECRET = 'e2e-hook-secret-0123456789abcdef';
export const APP_TOKEN = 'app-tok';

export class PgFixture {
  readonly s = uniqueSuffix();
  readonly db = `gg_e2e_${this.s}`;
  readonly envName = `GG_E2E_PG_URL_${this.s.toUpperCase()}`;
  readonly roles = {
    read: `billing_read_${this.s}`,
    write: `billing_write_${this.s}`,
    stgRead: `stg_read_${this.s}`,
    stgWrite: `stg_write_${this.s}`,
    quoted: `billing"read_${this.s}`,
  };
  readonly alice = `alice_${this.s}`;
  readonly alicePw = `alice-pw-${this.s}`;

  /** The connection URL gitgrant gets (the test superuser, on the fixture database). */
  get url(): string {
    const u = new URL(adminUrl());
    u.pathname = `/${this.db}`;
    return u.toString();
  }

  /** The same URL on a port where nothing listens. */
  get deadUrl(): string {
    const u = new URL(this.url);
    u.port = '1';
    return u.toString();
  }

  async setUp(): Promise<void> {
    const admin = await connectAdmin();
    try {
      await execFormatted(admin, 'CREATE DATABASE %I', this.db);
      for (const r of Object.values(this.roles)) await execFormatted(admin, 'CREATE ROLE %I NOLOGIN', r);
      await execFormatted(admin, 'CREATE ROLE %I LOGIN', this.alice);
      await admin.query(`ALTER ROLE ${pgIdent(this.alice)} PASSWORD '${this.alicePw}'`);
    } finally {
      await admin.end();
    }
    const db = await connectAdmin(this.db);
    try {
      await db.query('CREATE TABLE invoices (id int); INSERT INTO invoices VALUES (1)');
      await db.query('CREATE TABLE stg (id int); INSERT INTO stg VALUES (1)');
      await db.query('CREATE TABLE quoted (id int); INSERT INTO quoted VALUES (1)');
      await db.query('CREATE TABLE canary (id int)');
      await execFormatted(db, 'GRANT SELECT ON invoices TO %I', this.roles.read);
      await execFormatted(db, 'GRANT SELECT ON stg TO %I', this.roles.stgRead);
      await execFormatted(db, 'GRANT SELECT ON quoted TO %I', this.roles.quoted);
    } finally {
      await db.end();
    }
  }

  async tearDown(): Promise<void> {
    const admin = await connectAdmin();
    try {
      await execFormatted(admin, 'DROP DATABASE IF EXISTS %I WITH (FORCE)', this.db);
      for (const r of [...Object.values(this.roles), this.alice])
        await execFormatted(admin, 'DROP ROLE IF EXISTS %I', r);
    } finally {
      await admin.end();
    }
  }

  /** Between tests: alice holds none of the fixture's roles. */
  async resetAlice(): Promise<void> {
    const admin = await connectAdmin();
    try {
      for (const r of Object.values(this.roles))
        await execFormatted(admin, 'REVOKE %I FROM %I', r, this.alice);
    } finally {
      await admin.end();
    }
  }

  /** Connect AS alice and read a table: the real effect of the grant. */
  async aliceSelect(table: 'invoices' | 'stg' | 'quoted'): Promise<'ok' | 'denied'> {
    const c = new pg.Client({
      connectionString: urlFor(adminUrl(), this.alice, this.alicePw, this.db),
      connectionTimeoutMillis: 5000,
    });
    c.on('error', () => {});
    await c.connect();
    try {
      await c.query(`SELECT count(*) FROM ${table}`);
      return 'ok';
    } catch (e) {
      if ((e as { code?: string }).code === '42501') return 'denied';
      throw e;
    } finally {
      await c.end();
    }
  }

  /** The roles alice is a direct member of (of the fixture's roles). */
  async aliceRoles(): Promise<string[]> {
    const admin = await connectAdmin();
    try {
      const r = await admin.query<{ rolname: string }>(
        `SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
         JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = $1 ORDER BY 1`,
        [this.alice],
      );
      return r.rows.map((x) => x.rolname);
    } finally {
      await admin.end();
    }
  }

  async tablesIntact(): Promise<boolean> {
    const db = await connectAdmin(this.db);
    try {
      const r = await db.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_tables WHERE tablename IN ('invoices','stg','quoted','canary')`,
      );
      return r.rows[0]!.n === '4';
    } finally {
      await db.end();
    }
  }
}

function pgIdent(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** The test resources (replacing policies/resources.yaml), on the fixture's real targets. */
export function resourcesYaml(pgf: PgFixture, hooks: WebhookReceiver): string {
  const env = pgf.envName;
  const q = JSON.stringify;
  return `resources:
  - id: billing-db-prod
    provider: postgres
    tags: { env: production, team: billing, sensitive: pii, kind: database }
    config: { connection_env: ${env}, roles: { read: ${q(pgf.roles.read)}, write: ${q(pgf.roles.write)} } }
  - id: billing-db-staging
    provider: postgres
    tags: { env: staging, team: billing, kind: database }
    config: { connection_env: ${env}, roles: { read: ${q(pgf.roles.stgRead)}, write: ${q(pgf.roles.stgWrite)} } }
  - id: ds-quoted-db
    provider: postgres
    tags: { env: staging, team: data-science, kind: database }
    config: { connection_env: ${env}, roles: { read: ${q(pgf.roles.quoted)} } }
  - id: billing-repo-staging
    provider: github
    tags: { env: staging, team: billing, kind: repository }
    config: { repository: acme/billing-staging }
  - id: sandbox
    provider: github
    tags: { env: sandbox, team: billing, kind: repository }
    config: { repository: acme/sandbox }
    baseline: [{ person: alice, access: write }]
  - id: billing-notebooks
    provider: webhook
    tags: { env: staging, team: billing, kind: notebook }
    config: { url: ${q(hooks.url('/hooks/billing-notebooks'))}, secret_env: GG_HOOK_SECRET }
  - id: ds-notebooks
    provider: webhook
    tags: { env: staging, team: data-science, kind: notebook }
    config: { url: ${q(hooks.url('/hooks/ds-notebooks'))}, secret_env: GG_HOOK_SECRET }
`;
}

/** An extra policy: admin on sandbox repositories, one SRE approves. */
export const SANDBOX_POLICY = `policies:
  - name: sandbox-repositories
    description: Sandbox repositories; admin needs an SRE.
    resources: { match: { env: sandbox } }
    requesters: [group:engineering]
    access:
      admin: { max_duration: 4h, approvals: [{ from: [group:sre], count: 1 }] }
`;

export interface ApplyWorld extends AcmeWorld {
  /** Local clone of main (GITHUB_WORKSPACE), same commit ids as the fake. */
  clone: string;
  pgf: PgFixture;
  hooks: WebhookReceiver;
}

export function seedApplyWorld(gh: FakeGitHub, pgf: PgFixture, hooks: WebhookReceiver): ApplyWorld {
  gh.state.tokens[APP_TOKEN] = {
    login: 'gitgrant-app[bot]',
    type: 'Bot',
    permissions: { administration: 'write', members: 'read', metadata: 'read' },
  };
  const people = exampleFile('policies/people.yaml').replace(
    'identities: { postgres: alice }',
    `identities: { postgres: ${JSON.stringify(pgf.alice)} }`,
  );
  const w = seedAcme(gh, {
    files: {
      'policies/resources.yaml': resourcesYaml(pgf, hooks),
      'policies/people.yaml': people,
      'policies/sandbox.yaml': SANDBOX_POLICY,
      // No example requests: every grant of a test is its own.
      'grants/production/billing/alice-billing-db-read.yaml': null,
      'grants/production/frontend/dave-frontend-write.yaml': null,
      'grants/staging/ivan-data-science-staging.yaml': null,
    },
  });
  gh.state.createRepo('acme/billing-staging', { defaultBranch: 'main' });
  const sandbox = gh.state.createRepo('acme/sandbox', { defaultBranch: 'main' });
  sandbox.addCollaborator('alice', 'write');
  const clone = mkdtempSync(join(tmpdir(), 'gitgrant-apply-clone-'));
  return { ...w, clone, pgf, hooks };
}

export function removeClone(w: ApplyWorld | undefined): void {
  if (w) rmSync(w.clone, { recursive: true, force: true });
}

/** YAML of a grant (selectors written as proper YAML flow mappings). */
export function grantFile(g: {
  requester: string;
  access: string;
  duration: string;
  resources: Array<string | Record<string, string>>;
  ticket?: string;
  reason?: string;
}): string {
  const lines = [
    `requester: ${g.requester}`,
    `reason: ${JSON.stringify(g.reason ?? 'INC-4711: look into the failed exports')}`,
    `access: ${g.access}`,
    `duration: ${g.duration}`,
    'resources:',
    ...g.resources.map((r) =>
      typeof r === 'string'
        ? `  - ${r}`
        : `  - match: { ${Object.entries(r)
            .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
            .join(', ')} }`,
    ),
  ];
  if (g.ticket) lines.push(`ticket: ${g.ticket}`);
  return `${lines.join('\n')}\n`;
}

export function pushPayload(before: string, after: string, ref = 'refs/heads/main'): Record<string, unknown> {
  return {
    ref,
    before,
    after,
    repository: { full_name: 'acme/access', name: 'access', default_branch: 'main' },
  };
}

const debug = (run: ActionRun, what: string) => {
  if (process.env.GITGRANT_E2E_DEBUG) console.log(what, describeRun(run), run.summary);
};

/** Runs validate on the PR's head (as `pull_request_target` would), so the resolution record exists. */
export async function validatePr(w: ApplyWorld, opened: OpenedPr): Promise<ActionRun> {
  const run = await runAction({
    gh: w.gh,
    event: 'pull_request_target',
    payload: pullRequestPayload(w, opened.pr, 'synchronize'),
    inputs: { command: 'validate' },
  });
  debug(run, 'validate');
  return run;
}

export interface ApplyRunOptions {
  env?: Record<string, string | undefined>;
  ref?: string;
  inputs?: { 'app-token'?: string; command?: string };
}

/** Exports main to the clone (the workflow's checkout) and runs the Action on the push event. */
export async function applyPush(
  w: ApplyWorld,
  before: string,
  after: string,
  opts: ApplyRunOptions = {},
): Promise<ActionRun> {
  await exportToGit(w.repo, w.clone, { branches: ['main'] });
  const run = await runAction({
    gh: w.gh,
    event: 'push',
    payload: pushPayload(before, after, opts.ref),
    inputs: { command: '', 'app-token': APP_TOKEN, ...(opts.inputs ?? {}) },
    env: {
      GITHUB_WORKSPACE: w.clone,
      GITHUB_WORKFLOW: 'gitgrant apply',
      [w.pgf.envName]: w.pgf.url,
      GG_HOOK_SECRET: HOOK_SECRET,
      ...(opts.env ?? {}),
    },
  });
  debug(run, 'apply');
  return run;
}

export interface Requested {
  opened: OpenedPr;
  validation: ActionRun;
  before: string;
  after: string;
}

let branchCounter = 0;

/**
 * A grant pull request from `author` adding `files`, approved by `approvers`, validated on its head,
 * then merged (merge commit). Returns main before and after the merge.
 */
export async function requestAndMerge(
  w: ApplyWorld,
  spec: {
    author: string;
    files: Record<string, string | null>;
    approvers?: string[];
    validate?: boolean;
    /** Between validation and merge (e.g. a policy change on main). */
    beforeMerge?: (opened: OpenedPr) => void | Promise<void>;
    method?: 'merge' | 'squash';
  },
): Promise<Requested> {
  const opened = openPullRequest(w, {
    author: spec.author,
    branch: `request/${spec.author}-${++branchCounter}`,
    files: spec.files,
  });
  for (const a of spec.approvers ?? []) review(w, opened.pr, a, 'APPROVED');
  const validation =
    spec.validate === false ? (undefined as unknown as ActionRun) : await validatePr(w, opened);
  await spec.beforeMerge?.(opened);
  const before = w.repo.branchSha('main')!;
  const after = w.repo.mergePullRequest(opened.pr, { method: spec.method ?? 'merge', by: 'grace' });
  return { opened, validation, before, after };
}

/** A commit straight on main (a direct push, as an admin bypassing protection would). */
export function pushToMain(
  w: ApplyWorld,
  files: Record<string, string | null>,
  message = 'direct push',
  author = 'grace',
): { before: string; after: string } {
  const before = w.repo.branchSha('main')!;
  const after = w.repo.commit('main', { files, message, author: { login: author } });
  return { before, after };
}

export function parseList<T = Record<string, unknown>>(text: string | undefined): T[] {
  return text ? (JSON.parse(text) as T[]) : [];
}

/**
 * The lifecycle of apply worlds in one test file (call it at module level): one webhook receiver
 * for the file; `world()` seeds a fresh fake GitHub and clone for a test, closed after it (with no
 * unexpected request). Inside a describe block, `usePostgres()` sets the
 * PostgreSQL fixture up once and resets alice after each test.
 */
export function useApplyWorlds() {
  const pgf = new PgFixture();
  const hooks = new WebhookReceiver(HOOK_SECRET);
  let gh: FakeGitHub | undefined;
  let w: ApplyWorld | undefined;
  beforeAll(() => hooks.start());
  afterAll(() => hooks.stop());
  afterEach(async () => {
    hooks.reset();
    removeClone(w);
    w = undefined;
    if (gh) {
      expect(gh.unexpectedRequests()).toEqual([]);
      await gh.close();
      gh = undefined;
    }
  });
  return {
    pgf,
    hooks,
    async world(): Promise<ApplyWorld> {
      gh = await startFakeGitHub();
      w = seedApplyWorld(gh, pgf, hooks);
      return w;
    },
    usePostgres(): void {
      beforeAll(() => pgf.setUp());
      afterAll(() => pgf.tearDown());
      afterEach(() => pgf.resetAlice());
    },
  };
}
