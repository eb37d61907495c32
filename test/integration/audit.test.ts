/**
 * `gitgrant audit` reproduces a generated 2-year history (≥ 5,000 grants) exactly, from git
 * alone; filters and formats work. Runs the bundled CLI.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditWindow } from '../../src/core/audit.js';
import { gitgrant } from '../helpers/cli.js';
import { generateHistory, type GeneratedHistory } from '../helpers/history-generator.js';

describe('gitgrant audit on a generated 2-year history', () => {
  let dir: string;
  let history: GeneratedHistory;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gitgrant-audit-'));
    history = generateHistory(join(dir, 'repo'), { grants: 5100, seed: 11 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const audit = (...args: string[]) => {
    const r = gitgrant([
      'audit',
      '--repo',
      join(dir, 'repo'),
      '--now',
      new Date(history.now).toISOString(),
      ...args,
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return r.stdout;
  };
  const rows = (out: string): AuditWindow[] =>
    out
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));

  test('reproduces the ground truth exactly', () => {
    const got = rows(audit());
    expect(got.length).toBe(history.truth.length);
    expect(got.length).toBeGreaterThanOrEqual(5000);
    const outcomes = new Set(got.map((w) => w.outcome));
    expect([...outcomes].sort()).toEqual(['active', 'expired', 'never-applied', 'revoked-early']);
    expect(got).toEqual(history.truth);
  });

  test('filters: --person, --resource, --tag, --since/--until', () => {
    const byPerson = rows(audit('--person', 'alice'));
    expect(byPerson.length).toBe(history.truth.filter((w) => w.person === 'alice').length);
    const byResource = rows(audit('--resource', 'billing-production'));
    expect(byResource).toEqual(history.truth.filter((w) => w.resources.includes('billing-production')));
    const byTag = rows(audit('--tag', 'team=billing'));
    expect(byTag).toEqual(history.truth.filter((w) => w.resources.some((r) => r.startsWith('billing-'))));
    const since = '2025-06-01T00:00:00Z';
    const until = '2025-07-01T00:00:00Z';
    const inJune = rows(audit('--since', since, '--until', until));
    expect(inJune).toEqual(
      history.truth.filter(
        (w) =>
          Date.parse(w.ended_at ?? w.end) >= Date.parse(since) && Date.parse(w.start) < Date.parse(until),
      ),
    );
    expect(inJune.length).toBeGreaterThan(0);
  });

  test('CSV and Markdown carry the same rows', () => {
    const csv = audit('--person', 'bob', '--format', 'csv').trim().split('\r\n');
    const n = history.truth.filter((w) => w.person === 'bob').length;
    expect(csv[0]).toBe(
      'grant,file,person,access,duration,resources,pr,landing_commit,approvers,start,end,ended_at,removal_commit,outcome',
    );
    expect(csv.length).toBe(n + 1);
    const md = audit('--person', 'bob', '--format', 'markdown').trim().split('\n');
    expect(md.length).toBe(n + 2);
  });
});
