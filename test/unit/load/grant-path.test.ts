import { classifyGrantPath } from '../../../src/load/grant-path.js';
import type { EntryKind } from '../../../src/load/repo-types.js';

describe('classifyGrantPath', () => {
  test.each([
    ['grants/alice-billing.yaml', 'file', 'grant:alice-billing'],
    ['grants/production/db/alice.2026-01-01_x.yaml', 'file', 'grant:alice.2026-01-01_x'],
    ['grants/0.yaml', 'file', 'grant:0'],
    ['grants/README.md', 'file', 'ignored'],
    ['grants/production/.gitkeep', 'file', 'ignored'],
    ['grants/alice.yml', 'file', 'invalid-filename'],
    ['grants/Alice.yaml', 'file', 'invalid-filename'],
    ['grants/alice.YAML', 'file', 'invalid-filename'],
    ['grants/alice billing.yaml', 'file', 'invalid-filename'],
    ['grants/.alice.yaml', 'file', 'invalid-filename'],
    ['grants/-alice.yaml', 'file', 'invalid-filename'],
    ['grants/.yaml', 'file', 'invalid-filename'],
    ['grants/notes.txt', 'file', 'invalid-filename'],
    ['grants/Production/alice.yaml', 'file', 'invalid-filename'],
    ['grants/../policies/x.yaml', 'file', 'invalid-filename'],
    ['grants//alice.yaml', 'file', 'invalid-filename'],
    [`grants/${'a'.repeat(101)}.yaml`, 'file', 'invalid-filename'],
    ['other/alice.yaml', 'file', 'invalid-filename'],
    ['grants/alice.yaml', 'symlink', 'not-a-file'],
    ['grants/README.md', 'symlink', 'not-a-file'],
    ['grants/vendor', 'submodule', 'not-a-file'],
    ['grants/fifo.yaml', 'other', 'not-a-file'],
    ['grants', 'symlink', 'not-a-file'],
  ])('%s (%s) → %s', (path, kind, want) => {
    const r = classifyGrantPath({ path, kind: kind as EntryKind });
    const got = r.kind === 'grant' ? `grant:${r.id}` : r.kind === 'ignored' ? 'ignored' : r.diagnostic.code;
    expect(got).toBe(want);
    if (r.kind === 'invalid')
      expect([r.diagnostic.file, r.diagnostic.line, r.diagnostic.column]).toEqual([path, 1, 1]);
  });

  test('messages say what to do', () => {
    const r = classifyGrantPath({ path: 'grants/alice.yml', kind: 'file' });
    expect(r.kind === 'invalid' && r.diagnostic.message).toBe(
      '`alice.yml`: grant files end in .yaml, not .yml',
    );
  });
});
