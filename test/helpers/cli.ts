/** Run the bundled CLI (dist/cli) as a child process, as a user would. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'gitgrant.js');

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function gitgrant(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string> } = {},
): CliResult {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'index.js')))
    throw new Error('dist/cli/index.js is missing: run `npm run build`');
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
