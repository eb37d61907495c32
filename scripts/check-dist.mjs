#!/usr/bin/env node
// Fails when dist/ differs from a fresh build of the sources, or when the validators generated
// from schemas/ (src/load/validators.generated.js) are stale: both are built, never written.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

function files(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else out.push(p);
  }
  return out;
}

try {
  execFileSync(process.execPath, ['scripts/gen-validators.mjs', '--check'], { stdio: 'inherit' });
} catch {
  process.exit(1);
}
const fresh = mkdtempSync(join(tmpdir(), 'gitgrant-dist-'));
try {
  execFileSync(process.execPath, ['scripts/build.mjs', fresh, '--no-generate'], { stdio: 'inherit' });
  const want = new Map(files(fresh).map((p) => [relative(fresh, p), readFileSync(p)]));
  const have = new Map(files('dist').map((p) => [relative('dist', p), readFileSync(p)]));
  const problems = [];
  for (const [name, bytes] of want) {
    if (!have.has(name)) problems.push(`missing: dist/${name}`);
    else if (!have.get(name).equals(bytes)) problems.push(`stale: dist/${name}`);
  }
  for (const name of have.keys()) if (!want.has(name)) problems.push(`extra: dist/${name}`);
  if (problems.length) {
    console.error(
      `dist/ does not match a fresh build (run \`npm run build\` and commit dist/):\n  ${problems.join('\n  ')}`,
    );
    process.exit(1);
  }
  console.log('dist/ matches a fresh build');
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
