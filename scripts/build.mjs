#!/usr/bin/env node
// Bundle the Action and the CLI with ncc into OUT (default dist/). Used by `npm run build`
// and by scripts/check-dist.mjs, which builds into a temporary folder and compares.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2] ?? 'dist';
const entries = { action: 'src/action.ts', cli: 'src/cli.ts' };
rmSync(out, { recursive: true, force: true });
for (const [name, entry] of Object.entries(entries)) {
  execFileSync(
    process.execPath,
    [
      'node_modules/@vercel/ncc/dist/ncc/cli.js',
      'build',
      entry,
      '-o',
      join(out, name),
      '--target',
      'es2022',
      '--license',
      'licenses.txt',
      '--quiet',
    ],
    { stdio: 'inherit' },
  );
}
