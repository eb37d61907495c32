/**
 * Editor support: every example file under grants/ and policies/ names its JSON Schema with a
 * `# yaml-language-server: $schema=…` first line, by a relative path that exists, so editors
 * complete and check it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ROOT } from '../helpers/cli.js';

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (name.endsWith('.yaml')) out.push(p);
  }
  return out;
}

const cases = [
  ...yamlFiles(join(ROOT, 'grants')).map((f) => [relative(ROOT, f), 'grant.schema.json'] as const),
  ...yamlFiles(join(ROOT, 'policies')).map((f) => [relative(ROOT, f), 'policies.schema.json'] as const),
];

test('there are example files to check', () => {
  expect(cases.filter(([f]) => f.startsWith('grants/')).length).toBeGreaterThan(0);
  expect(cases.filter(([f]) => f.startsWith('policies/')).length).toBeGreaterThan(0);
});

test.each(cases)('%s names schemas/%s', (file, schema) => {
  const first = readFileSync(join(ROOT, file), 'utf8').split('\n')[0]!;
  const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
  expect(m).not.toBeNull();
  const target = join(dirname(join(ROOT, file)), m![1]!);
  expect(relative(ROOT, target)).toBe(`schemas/${schema}`);
  expect(existsSync(target)).toBe(true);
});
