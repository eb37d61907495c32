import { renderJobSummary } from '../../../src/render/markdown/summary.js';
import { utf8Length } from '../../../src/render/markdown/escape.js';
import { grant } from '../../helpers/model.js';
import { err, errorsOutcome, facts, HEAD, outcomeOf, review } from './outcome.js';

const ctx = {
  headSha: HEAD,
  now: '2026-11-29T10:05:00Z',
  runUrl: 'https://github.com/acme/access/actions/runs/42',
};

describe('renderJobSummary', () => {
  test('a table of files × status × resources × slots, then revocations and errors', () => {
    const outcome = outcomeOf(
      [
        grant({ file: 'grants/a.yaml', ticket: 'INC-7', resources: ['billing-db-prod'] }),
        grant({ file: 'grants/b.yaml', resources: ['billing-db-staging', 'ds-notebooks'], duration: '4h' }),
        grant({ file: 'grants/c.yaml', resources: ['nope'] }),
      ],
      facts([review('bob', 'APPROVED')]),
      ['grants/old.yaml'],
    );
    const md = renderJobSummary(outcome, ctx);
    expect(md).toContain('## ❌ gitgrant validate: invalid: unknown\\-resource in c\\.yaml');
    expect(md).toContain('| grant file | status | resources | approvals |');
    expect(md).toContain(
      '| `grants/a.yaml` | ⏳ waiting for 1 approval | `billing-db-prod` | `group:sre` 1/2 (bob) |',
    );
    expect(md).toContain(
      '| `grants/b.yaml` | ✅ approved | `billing-db-staging`, `ds-notebooks` | none needed |',
    );
    expect(md).toContain('| `grants/c.yaml` | ❌ invalid | — | — |');
    expect(md).toContain('- `grants/old.yaml`: revoked when this pull request merges');
    expect(md).toContain('### Errors (2)');
    expect(md).toContain('- `unknown-resource` at `grants/c.yaml:1:1`: unknown resource "nope"');
    expect(md).toContain('head `c0ffee1`');
    expect(md.indexOf('| grant file')).toBeLessThan(md.indexOf('### Errors'));
  });

  test('approvals not checked: slots say what they need', () => {
    const md = renderJobSummary(
      outcomeOf([grant({ file: 'grants/a.yaml', ticket: 'INC-7', resources: ['billing-db-prod'] })]),
      ctx,
    );
    expect(md).toContain(
      '| `grants/a.yaml` | ☑️ valid · needs 2 approvals | `billing-db-prod` | `group:sre` needs 2 |',
    );
  });

  test('user text is escaped in the table and the errors', () => {
    const file = 'grants/a|b`<img>.yaml';
    const md = renderJobSummary(
      errorsOutcome({ [file]: [err(file, 'invalid-filename', 1, 1, '@acme/all <script> [x](y)')] }),
      ctx,
    );
    expect(md).toContain('| ``grants/a\\|b`<img>.yaml`` | ❌ invalid |');
    expect(md).not.toContain('<script>');
    expect(md).not.toMatch(/@acme/);
    expect(md).not.toContain('[x](y)');
  });

  test('stays under 1 MiB with a note when cut', () => {
    const byFile: Record<string, ReturnType<typeof err>[]> = {};
    for (let i = 0; i < 3000; i++) {
      const file = `grants/f${i}.yaml`;
      byFile[file] = Array.from({ length: 5 }, () => err(file, 'schema', 1, 1, 'é'.repeat(900)));
    }
    const md = renderJobSummary(errorsOutcome(byFile), ctx);
    expect(utf8Length(md)).toBeLessThan(1024 * 1024);
    expect(md).toMatch(/…and \d+ more errors: the summary is limited to 1 MiB\./);
    expect(md).toContain('head `c0ffee1`');
  });
});
