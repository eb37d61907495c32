/**
 * The fault table in the header of test/fault/cases.ts is the one docs link to: it must say
 * exactly what the rows run, and the suite must keep its promise of at least 40 executed cases
 * covering every kind of fault on both commands.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASES, renderTable } from './cases.js';

const header = () => {
  const text = readFileSync(join(import.meta.dirname, 'cases.ts'), 'utf8');
  const [, table] = /<!-- table:start -->\n([\s\S]*?)\n \* <!-- table:end -->/.exec(text) ?? [];
  return (table ?? '')
    .split('\n')
    .map((l) => l.replace(/^ \* /, ''))
    .join('\n');
};

test('the header table is rendered from CASES (regenerate it with renderTable() after adding a row)', () => {
  expect(header()).toBe(renderTable());
});

test('ids are unique; at least 40 executed cases; every fault kind on both commands', () => {
  expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
  const run = CASES.filter((c) => c.expect !== 'skipped');
  expect(run.length).toBeGreaterThanOrEqual(40);
  for (const command of ['apply', 'reconcile'] as const) {
    const faults = new Set(run.filter((c) => c.command === command).map((c) => c.fault));
    for (const f of ['500', '502', '429', '403 secondary', 'reset', 'refused'] as const)
      expect({ command, f, has: faults.has(f) }).toEqual({ command, f, has: true });
    expect(run.some((c) => c.command === command && c.lostAnswer)).toBe(true);
    expect(run.some((c) => c.command === command && c.expect === 'absorbed')).toBe(true);
    expect(run.some((c) => c.command === command && c.expect === 'fails')).toBe(true);
  }
  for (const c of run) {
    if (c.expect === 'fails')
      expect({ id: c.id, names: typeof c.names }).toEqual({ id: c.id, names: 'string' });
    if (c.target.includes(' /'))
      expect({ id: c.id, path: c.path !== undefined }).toEqual({ id: c.id, path: true });
  }
  for (const c of CASES.filter((x) => x.expect === 'skipped')) expect(c.skip).toMatch(/\w/);
});
