#!/usr/bin/env node
// `npm run bench`: bundle bench/ with ncc (TypeScript, same code as dist/) and run it with GC exposed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = mkdtempSync(join(tmpdir(), 'gitgrant-bench-'));
try {
  execFileSync(
    process.execPath,
    [
      'node_modules/@vercel/ncc/dist/ncc/cli.js',
      'build',
      'bench/index.ts',
      '-o',
      out,
      '--target',
      'es2022',
      '--quiet',
    ],
    { stdio: 'inherit' },
  );
  execFileSync(process.execPath, ['--expose-gc', join(out, 'index.js'), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, GITGRANT_REPO_ROOT: process.cwd() },
  });
} finally {
  rmSync(out, { recursive: true, force: true });
}
