/**
 * Runs the bundled GitHub Action (`dist/action/index.js`) as a child process, as a runner would:
 * the event payload in a file (`GITHUB_EVENT_PATH`), inputs as `INPUT_<NAME>` variables, and
 * `GITHUB_OUTPUT` / `GITHUB_STEP_SUMMARY` files read back after the run. The API base is the
 * loopback fake (`GITHUB_API_URL`).
 *
 * The suite uses the committed `dist/` as it is (CI checks that it is fresh): build it with
 * `npm run build` after changing src/. The bundle is copied once per test process into a
 * temporary folder, so a rebuild running at the same time cannot pull it away mid-suite.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FakeGitHub } from '../fake-github/server.js';

/** The repository root (GITGRANT_REPO_ROOT when this file is bundled elsewhere, e.g. by the bench). */
export const REPO_ROOT =
  process.env.GITGRANT_REPO_ROOT ?? resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// GITGRANT_E2E_DIST: another build output folder (e.g. `node scripts/build.mjs /tmp/dist` to try
// a change, or an older build, without touching dist/).
const DIST = join(process.env.GITGRANT_E2E_DIST ?? join(REPO_ROOT, 'dist'), 'action');

/**
 * The GitHub client's timeout of one attempt in these runs (GITGRANT_API_TIMEOUT_MS; 30 s on a
 * runner): short, so a fault that holds an answer (test/fault, `timeout`) costs seconds, yet far
 * above what the loopback fake takes even on a busy machine.
 */
export const E2E_API_TIMEOUT_MS = 2000;

let bundleCopy: string | undefined;

/** The path of a private copy of `dist/action/index.js`; fails with a clear message when missing. */
export function actionBundle(): string {
  if (bundleCopy && existsSync(bundleCopy)) return bundleCopy;
  const src = join(DIST, 'index.js');
  if (!existsSync(src)) {
    throw new Error(
      `${src} is missing: run \`npm run build\` before the end-to-end tests (they run the bundled Action, never the sources)`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'gitgrant-action-bundle-'));
  // The whole folder: each command's code is a chunk of its own beside index.js.
  cpSync(DIST, dir, { recursive: true });
  bundleCopy = join(dir, 'index.js');
  return bundleCopy;
}

export interface ActionInputs {
  command?: string;
  token?: string;
  'app-token'?: string;
}

export interface RunActionOptions {
  gh: FakeGitHub;
  /** `GITHUB_EVENT_NAME`, e.g. `pull_request_target`. */
  event: string;
  payload: unknown;
  inputs?: ActionInputs;
  /** `GITHUB_REPOSITORY` (default `acme/access`). */
  repository?: string;
  /** Extra environment (wins over the defaults; `undefined` removes a variable). */
  env?: Record<string, string | undefined>;
  /** Kill the child after this long (default 60 s). */
  timeoutMs?: number;
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  properties: Record<string, string>;
  message: string;
}

export interface ActionRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** `GITHUB_OUTPUT`, parsed. */
  outputs: Record<string, string>;
  /** The job summary written to `GITHUB_STEP_SUMMARY`. */
  summary: string;
  /** `::error …::` / `::warning …::` workflow commands printed on stdout. */
  annotations: Annotation[];
  durationMs: number;
}

/** Parses the `name<<DELIMITER\nvalue\nDELIMITER` (and `name=value`) lines of a `GITHUB_OUTPUT` file. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
      out[name!] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

// The toolkit escapes workflow-command data (%, CR, LF) and properties (also : and ,).
const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));

export function parseAnnotations(stdout: string): Annotation[] {
  const out: Annotation[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const part of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = part.indexOf('=');
      properties[part.slice(0, eq)] = unescapeProperty(part.slice(eq + 1));
    }
    out.push({ level: m[1] as Annotation['level'], properties, message: unescapeData(m[3]!) });
  }
  return out;
}

/** Runs the bundled Action once and collects what a runner would see. */
export async function runAction(opts: RunActionOptions): Promise<ActionRun> {
  const bundle = actionBundle();
  const dir = mkdtempSync(join(tmpdir(), 'gitgrant-action-run-'));
  try {
    const eventPath = join(dir, 'event.json');
    const outputPath = join(dir, 'output');
    const summaryPath = join(dir, 'summary.md');
    writeFileSync(eventPath, JSON.stringify(opts.payload, null, 2));
    writeFileSync(outputPath, '');
    writeFileSync(summaryPath, '');
    mkdirSync(join(dir, 'tmp'));
    const inputs = { command: '', token: 'tok', 'app-token': '', ...(opts.inputs ?? {}) };

    const env: Record<string, string> = {};
    // Only what a runner provides (and what node needs): no GITHUB_* leaks from the outer environment.
    for (const k of ['PATH', 'HOME', 'LANG', 'TZ', 'SystemRoot'])
      if (process.env[k] !== undefined) env[k] = process.env[k]!;
    Object.assign(env, {
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: opts.event,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: opts.repository ?? 'acme/access',
      GITHUB_API_URL: opts.gh.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_GRAPHQL_URL: `${opts.gh.url}/graphql`,
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_WORKFLOW: 'gitgrant validate',
      GITHUB_WORKSPACE: dir,
      RUNNER_TEMP: join(dir, 'tmp'),
      GITGRANT_RETRY_BASE_MS: '10',
      GITGRANT_THROTTLE_MIN_TIME_MS: '0',
      GITGRANT_API_TIMEOUT_MS: String(E2E_API_TIMEOUT_MS),
      // @actions/core reads INPUT_<name upper-cased, spaces → _>; a dash stays a dash.
      INPUT_COMMAND: inputs.command,
      INPUT_TOKEN: inputs.token,
      'INPUT_APP-TOKEN': inputs['app-token'],
    });
    for (const [k, v] of Object.entries(opts.env ?? {})) {
      if (v === undefined) delete env[k];
      else env[k] = v;
    }

    const started = Date.now();
    const child = spawn(process.execPath, [bundle], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((res, rej) => {
      child.on('error', rej);
      child.on('close', (c, s) => res([c, s]));
    }).finally(() => clearTimeout(timer));
    return {
      code,
      signal,
      stdout,
      stderr,
      outputs: parseOutputFile(readFileSync(outputPath, 'utf8')),
      summary: readFileSync(summaryPath, 'utf8'),
      annotations: parseAnnotations(stdout),
      durationMs: Date.now() - started,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A compact description of a run for failing assertions. */
export function describeRun(run: ActionRun): string {
  return `exit ${run.code}${run.signal ? ` (${run.signal})` : ''} in ${run.durationMs} ms\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
}
