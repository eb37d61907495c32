/** Run the bundled CLI (dist/cli) as a child process, as a user would. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

let bin: string | undefined;
/**
 * A private copy of bin/ and dist/cli, made once per test file, so a rebuild of dist/ running at
 * the same time cannot break a run half-way. Fails clearly when dist/ has not been built.
 */
function privateBin(): string {
  if (bin) return bin;
  const src = join(ROOT, 'dist', 'cli', 'index.js');
  if (!existsSync(src)) throw new Error('dist/cli/index.js is missing: run `npm run build`');
  const dir = mkdtempSync(join(tmpdir(), 'gitgrant-cli-bundle-'));
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'dist', 'cli'), { recursive: true });
  copyFileSync(join(ROOT, 'bin', 'gitgrant.js'), join(dir, 'bin', 'gitgrant.js'));
  copyFileSync(src, join(dir, 'dist', 'cli', 'index.js'));
  copyFileSync(join(ROOT, 'dist', 'cli', 'package.json'), join(dir, 'dist', 'cli', 'package.json'));
  return (bin = join(dir, 'bin', 'gitgrant.js'));
}

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function gitgrant(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string> } = {},
): CliResult {
  const r = spawnSync(process.execPath, [privateBin(), ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
