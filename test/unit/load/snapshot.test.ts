import { readFileSync } from 'node:fs';
import { HOUR_MS } from '../../../src/core/duration.js';
import { DEFAULT_SETTINGS } from '../../../src/core/model.js';
import { buildSnapshot } from '../../../src/load/snapshot.js';
import { at, enc } from './helpers.js';

const MAIN = readFileSync('test/fixtures/load/policies/main.yaml');
const file = (path: string, text: string) => ({ path, bytes: enc(text) });

describe('buildSnapshot', () => {
  test('the DESIGN.md example round-trips into the model', () => {
    const r = buildSnapshot([
      { path: 'policies/main.yaml', bytes: MAIN },
      file('policies/README.md', '# docs'),
    ]);
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const s = r.snapshot;
    expect(s.resources.map((x) => [x.id, x.provider, x.prune, x.baseline])).toEqual([
      ['billing-db-prod', 'postgres', false, [{ person: 'erin', access: 'write' }]],
      ['frontend-web', 'github', true, []],
      ['ds-notebooks', 'webhook', false, []],
    ]);
    expect(s.resources[0]!.config).toEqual({
      connection_env: 'BILLING_DB_URL',
      roles: { read: 'billing_read', write: 'billing_write' },
    });
    expect(s.resources[1]!.tags).toEqual({ env: 'production', team: 'frontend', kind: 'repository' });
    expect(s.resources[2]!.source.at(s.resources[2]!.path)).toEqual({ line: 12, column: 5 });
    expect([...s.people.keys()]).toEqual(['alice', 'bob']);
    expect(s.people.get('alice')).toEqual({
      login: 'alice',
      id: 101,
      tags: { team: ['billing', 'data_science'], role: ['engineer'] },
      identities: { postgres: 'alice' },
    });
    expect(s.people.get('bob')).toEqual({ login: 'Bob', id: 102, tags: {}, identities: {} });
    expect(s.groups.get('sre')).toEqual(['bob', 'carol']);
    expect(s.discover).toEqual([{ provider: 'github', org: 'acme', tags_from: 'custom_properties' }]);
    const [allow, deny] = s.policies;
    expect(allow!.effect).toBe('allow');
    expect(allow!.resources).toEqual({
      match: { env: 'production' },
      expressions: [{ key: 'kind', operator: 'In', values: ['database', 'bucket'] }],
    });
    expect(allow!.requesters).toEqual([
      'group:engineering',
      '@acme/oncall',
      { tags: { team: 'billing' } },
      { same_tags: ['team'] },
    ]);
    expect(allow!.access.read).toEqual({
      maxDurationMs: 8 * HOUR_MS,
      maxDuration: '8h',
      approvals: [{ from: ['group:sre'], count: 1 }],
    });
    expect(allow!.access.write!.approvals).toEqual([
      { from: ['group:dba'], count: 1 },
      { from: 'codeowners', count: 1 },
    ]);
    expect(allow!.require).toEqual({ ticket: '^INC-[0-9]+$' });
    expect(allow!.source.at(allow!.path)).toEqual({ line: 26, column: 5 });
    expect(deny!.effect).toBe('deny');
    expect(deny!.access).toEqual({});
    expect(s.settings).toEqual({
      admins: { from: ['group:security'], count: 2 },
      revocation: { mode: 'pull-request' },
    });
  });

  test('no settings → DEFAULT_SETTINGS; a partial settings block keeps the other defaults', () => {
    const none = buildSnapshot([file('policies/a.yaml', 'groups: { sre: [bob] }\n')]);
    expect(none.ok && none.snapshot.settings).toEqual(DEFAULT_SETTINGS);
    const partial = buildSnapshot([file('policies/a.yaml', 'settings: { revocation: { mode: commit } }\n')]);
    expect(partial.ok && partial.snapshot.settings).toEqual({
      admins: DEFAULT_SETTINGS.admins,
      revocation: { mode: 'commit' },
    });
    expect(buildSnapshot([]).ok).toBe(true);
  });

  const RES = (id: string) => `resources:\n  - { id: ${id}, provider: github, config: { team: acme/x } }\n`;
  const POL = (name: string) =>
    `policies:\n  - name: ${name}\n    resources: { match: { a: b } }\n    requesters: [bob]\n    access: { read: { max_duration: 1h, approvals: [] } }\n`;

  test.each([
    [
      'duplicate resource across files',
      [file('policies/a.yaml', RES('db')), file('policies/b.yaml', RES('db'))],
      ['policies/b.yaml config-invalid@2:7 resource `db` is already defined at policies/a.yaml:2'],
    ],
    [
      'duplicate resource in one file',
      [file('policies/a.yaml', `${RES('db')}  - { id: db, provider: github, config: { team: acme/y } }\n`)],
      ['policies/a.yaml config-invalid@3:7 resource `db` is already defined at policies/a.yaml:2'],
    ],
    [
      'duplicate policy',
      [file('policies/a.yaml', POL('p')), file('policies/z/b.yaml', POL('p'))],
      ['policies/z/b.yaml config-invalid@2:5 policy `p` is already defined at policies/a.yaml:2'],
    ],
    [
      'duplicate person (case-insensitive)',
      [file('policies/a.yaml', 'people: { alice: {} }\n'), file('policies/b.yaml', 'people:\n  Alice: {}\n')],
      ['policies/b.yaml config-invalid@2:3 person `Alice` is already defined at policies/a.yaml:1'],
    ],
    [
      'duplicate group',
      [file('policies/a.yaml', 'groups: { sre: [] }\n'), file('policies/b.yaml', 'groups:\n  sre: [bob]\n')],
      ['policies/b.yaml config-invalid@2:3 group `sre` is already defined at policies/a.yaml:1'],
    ],
    [
      'settings twice',
      [file('policies/a.yaml', 'settings: {}\n'), file('policies/b.yaml', '\nsettings: {}\n')],
      [
        'policies/b.yaml config-invalid@2:1 settings are already defined at policies/a.yaml:1: keep them in one file',
      ],
    ],
    [
      'bad max_duration',
      [file('policies/a.yaml', POL('p').replace('1h', '0h'))],
      ['policies/a.yaml duration-invalid@5:37 max_duration: "0h" is zero: a duration must be longer than 0'],
    ],
    [
      'numeric max_duration',
      [file('policies/a.yaml', POL('p').replace('1h', '8'))],
      [
        'policies/a.yaml duration-invalid@5:37 max_duration: a duration is a string such as 4h, 90m, 2d or PT4H (a bare number has no unit)',
      ],
    ],
    [
      'bad ticket regex',
      [file('policies/a.yaml', `${POL('p')}    require: { ticket: "^INC-[0-9+$" }\n`)],
      [
        'policies/a.yaml config-invalid@6:24 require.ticket is not a valid regular expression: Invalid regular expression: /^INC-[0-9+$/: Unterminated character class',
      ],
    ],
    [
      '.yml under policies',
      [file('policies/a.yml', RES('db'))],
      ['policies/a.yml invalid-filename@1:1 `a.yml`: policy files end in .yaml, not .yml'],
    ],
    [
      'symlink under policies',
      [{ path: 'policies/a.yaml', kind: 'symlink' as const }],
      ['policies/a.yaml not-a-file@1:1 `policies/a.yaml` is a symlink: policy files must be regular files'],
    ],
    [
      'schema and YAML errors in several files',
      [file('policies/a.yaml', 'resources: 5\n'), file('policies/b.yaml', 'a: *x\n')],
      [
        'policies/a.yaml schema@1:12 `resources` must be a list (found the number 5)',
        'policies/b.yaml yaml-forbidden@1:4 aliases (`*name`) are not allowed: write the value out in full',
      ],
    ],
  ])('%s', (_name, files, want) => {
    const r = buildSnapshot(files);
    expect(r.ok ? [] : r.diagnostics.map((d) => `${d.file} ${at(d)} ${d.message}`)).toEqual(want);
  });

  test('settings.admins from codeowners is refused at its position: a policy change has no grant file to own', () => {
    const r = buildSnapshot([
      file('policies/a.yaml', 'settings:\n  admins: { from: codeowners, count: 1 }\n'),
    ]);
    expect(r.ok ? [] : r.diagnostics).toEqual([
      expect.objectContaining({ code: 'config-invalid', file: 'policies/a.yaml', line: 2, column: 19 }),
    ]);
    expect(r.ok || r.diagnostics[0]!.message).toMatch(/admins cannot be `codeowners`/);
    // A list of selectors is fine, and so is codeowners in an access rule.
    expect(
      buildSnapshot([file('policies/a.yaml', 'settings:\n  admins: { from: [alice, bob], count: 1 }\n')]).ok,
    ).toBe(true);
  });

  test('files outside policies/ are ignored; null-prototype maps keep inherited names out', () => {
    const r = buildSnapshot([
      file('grants/x.yaml', 'junk'),
      file(
        'policies/a.yaml',
        'people: { constructor: { tags: { team: a } } }\nresources:\n  - { id: r, provider: github, config: { team: a/b }, tags: { env: x } }\n',
      ),
    ]);
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    expect(r.snapshot.people.get('constructor')!.tags).toEqual({ team: ['a'] });
    expect((r.snapshot.resources[0]!.tags as Record<string, unknown>).toString).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('team');
  });
});
