import { readFileSync } from 'node:fs';
import { loadGrant, loadGrants } from '../../../src/load/grant-file.js';
import { at, enc } from './helpers.js';

const GRANT = 'requester: alice\nreason: r\naccess: read\nduration: 4h\nresources: [db]\n';

describe('loadGrant', () => {
  test('a valid grant round-trips into the model', () => {
    const r = loadGrant(
      'grants/production/alice-billing.yaml',
      readFileSync('test/fixtures/load/grant-valid.yaml'),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { source, ...grant } = r.grant;
    expect(grant).toEqual({
      id: 'alice-billing',
      file: 'grants/production/alice-billing.yaml',
      requester: 'alice',
      reason: 'INC-1234: investigate failed billing exports',
      access: 'read',
      duration: '4h',
      resources: ['billing-db-prod', { match: { env: 'staging', team: 'billing' } }],
      ticket: 'INC-1234',
    });
    expect(source.file).toBe('grants/production/alice-billing.yaml');
    expect(source.at(['resources', 1, 'match', 'team'])).toEqual({ line: 7, column: 34 });
  });

  test.each([
    ['0h', 'duration: "0h" is zero: a duration must be longer than 0'],
    ['-1h', 'duration: "-1h" is not a duration: use Nm, Nh or Nd (e.g. 90m, 4h, 2d) or ISO-8601 (PT4H, P1D)'],
    ['4', 'duration: a duration is a string such as 4h, 90m, 2d or PT4H (a bare number has no unit)'],
    [
      '1.5h',
      'duration: "1.5h" is not a duration: use Nm, Nh or Nd (e.g. 90m, 4h, 2d) or ISO-8601 (PT4H, P1D)',
    ],
    ['4 h', 'duration: "4 h" is not a duration: use Nm, Nh or Nd (e.g. 90m, 4h, 2d) or ISO-8601 (PT4H, P1D)'],
    ['PT', 'duration: "PT" is not a duration: use Nm, Nh or Nd (e.g. 90m, 4h, 2d) or ISO-8601 (PT4H, P1D)'],
    ['P', 'duration: "P" is not a duration: use Nm, Nh or Nd (e.g. 90m, 4h, 2d) or ISO-8601 (PT4H, P1D)'],
    [
      '9999999d',
      'duration: "9999999d" is not a duration: use Nm, Nh or Nd (e.g. 90m, 4h, 2d) or ISO-8601 (PT4H, P1D)',
    ],
    ['999999d', 'duration: "999999d" is longer than the 366-day limit'],
    ['true', 'duration: a duration is a string such as 4h, 90m, 2d or PT4H (a bare number has no unit)'],
  ])('duration %s → duration-invalid at the value', (duration, message) => {
    const r = loadGrant('grants/a.yaml', enc(GRANT.replace('duration: 4h', `duration: ${duration}`)));
    expect(r.ok ? [] : r.diagnostics.map(at)).toEqual(['duration-invalid@4:11']);
    expect(r.ok ? '' : r.diagnostics[0]!.message).toBe(message);
  });

  test.each([
    ['grants/a.yml', 'file', GRANT, ['invalid-filename@1:1']],
    ['grants/A.yaml', 'file', GRANT, ['invalid-filename@1:1']],
    ['grants/a b.yaml', 'file', GRANT, ['invalid-filename@1:1']],
    ['grants/.a.yaml', 'file', GRANT, ['invalid-filename@1:1']],
    ['grants/README.md', 'file', GRANT, ['invalid-filename@1:1']],
    ['grants/a.yaml', 'symlink', GRANT, ['not-a-file@1:1']],
    ['grants/a.yaml', 'file', `${GRANT}x: &a 1\n`, ['yaml-forbidden@6:4']],
    [
      'grants/a.yaml',
      'file',
      GRANT.replace('reason: r\n', '').replace('4h', '0h'),
      ['schema@1:1', 'duration-invalid@3:11'],
    ],
  ] as const)('%s (%s)', (path, kind, text, want) => {
    const r = loadGrant(path, enc(text), kind);
    expect(r.ok ? [] : r.diagnostics.map(at)).toEqual(want);
  });

  test('loadGrants skips README.md and .gitkeep and reports the rest', () => {
    const results = loadGrants([
      { path: 'grants/README.md', kind: 'file', bytes: enc('# how to') },
      { path: 'grants/.gitkeep', kind: 'file', bytes: enc('') },
      { path: 'grants/b.yaml', kind: 'file', bytes: enc(GRANT) },
      { path: 'grants/a.yml', kind: 'file', bytes: enc(GRANT) },
      { path: 'grants/link.yaml', kind: 'symlink' },
    ]);
    expect(results.map((r) => [r.path, r.result.ok ? 'ok' : r.result.diagnostics.map(at).join()])).toEqual([
      ['grants/a.yml', 'invalid-filename@1:1'],
      ['grants/b.yaml', 'ok'],
      ['grants/link.yaml', 'not-a-file@1:1'],
    ]);
  });
});
