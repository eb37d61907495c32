#!/usr/bin/env node
// Bundle the Action and the CLI with ncc into OUT (default dist/). Used by `npm run build`
// and by scripts/check-dist.mjs, which builds into a temporary folder and compares.
// First it compiles the JSON Schemas into src/load/validators.generated.js (Ajv standalone code,
// scripts/gen-validators.mjs), unless --no-generate (check-dist checks that file instead).
// Each bundle is built into a temporary folder first and moved into place only when the build
// succeeds, so a failed build never leaves dist/ half-written.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, cpSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';

const args = process.argv.slice(2);
const out = resolve(args.find((a) => !a.startsWith('--')) ?? 'dist');
if (!args.includes('--no-generate'))
  execFileSync(process.execPath, ['scripts/gen-validators.mjs'], { stdio: 'inherit' });
const entries = { action: 'src/action.ts', cli: 'src/cli.ts' };
mkdirSync(out, { recursive: true });
const staging = mkdtempSync(join(dirname(out), '.build-'));
try {
  for (const [name, entry] of Object.entries(entries)) {
    execFileSync(
      process.execPath,
      [
        'node_modules/@vercel/ncc/dist/ncc/cli.js',
        'build',
        entry,
        '-o',
        join(staging, name),
        '--target',
        'es2022',
        '--license',
        'licenses.txt',
        '--quiet',
      ],
      { stdio: 'inherit' },
    );
  }
  for (const name of Object.keys(entries)) {
    rmSync(join(out, name), { recursive: true, force: true });
    try {
      renameSync(join(staging, name), join(out, name));
    } catch {
      cpSync(join(staging, name), join(out, name), { recursive: true });
    }
  }
} finally {
  rmSync(staging, { recursive: true, force: true });
}
