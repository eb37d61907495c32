import { classifyChanges } from '../../src/core/changes.js';

const f = (path: string, status = 'added', previous_filename?: string) => ({
  path,
  status,
  ...(previous_filename ? { previous_filename } : {}),
});

describe('classifyChanges', () => {
  test('added and deleted grants are a request PR', () => {
    const s = classifyChanges([f('grants/a.yaml'), f('grants/old.yaml', 'removed')]);
    expect(s).toMatchObject({
      kind: 'grants',
      added: ['grants/a.yaml'],
      deleted: ['grants/old.yaml'],
      diagnostics: [],
    });
  });
  test.each([
    ['policies/access.yaml'],
    ['.github/CODEOWNERS'],
    ['CODEOWNERS'],
    ['docs/CODEOWNERS'],
    ['.github/workflows/gitgrant.yml'],
    ['dist/action/index.js'],
    ['action.yml'],
  ])('grant plus %s is mixed-change', (other) => {
    const s = classifyChanges([f('grants/a.yaml'), f(other, 'modified')]);
    expect(s.kind).toBe('mixed');
    expect(s.diagnostics.map((d) => [d.code, d.file])).toEqual([['mixed-change', 'grants/a.yaml']]);
  });
  test('a modified grant is grant-modified', () => {
    expect(classifyChanges([f('grants/a.yaml', 'modified')]).diagnostics.map((d) => d.code)).toEqual([
      'grant-modified',
    ]);
  });
  test('a renamed grant (into or out of grants/) is grant-modified', () => {
    expect(classifyChanges([f('grants/b.yaml', 'renamed', 'grants/a.yaml')]).diagnostics[0]!.message).toMatch(
      /renamed/,
    );
    expect(
      classifyChanges([f('other/b.yaml', 'renamed', 'grants/a.yaml')]).diagnostics.map((d) => d.code),
    ).toEqual(['grant-modified', 'mixed-change']);
  });
  test('policy-only change', () => {
    expect(classifyChanges([f('policies/access.yaml', 'modified')]).kind).toBe('policy');
    expect(classifyChanges([f('README.md', 'modified')]).kind).toBe('other');
    expect(classifyChanges([f('docs/reference.md', 'modified')]).kind).toBe('other');
  });
  test('code and workflow changes need the admins like policies do', () => {
    expect(classifyChanges([f('dist/action/index.js', 'modified')]).kind).toBe('policy');
    expect(classifyChanges([f('.github/README.md', 'modified')]).kind).toBe('policy');
  });
  test('documentation alongside a request is fine', () => {
    expect(classifyChanges([f('grants/a.yaml'), f('README.md', 'modified')]).kind).toBe('grants');
  });
});
