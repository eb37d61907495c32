import {
  compilePattern,
  ownersOf,
  ownerKind,
  parseCodeowners,
  pickCodeowners,
} from '../../src/core/codeowners.js';

/** Does a single-line CODEOWNERS with `pattern` own `path`? */
function owns(pattern: string, path: string): boolean {
  const parsed = parseCodeowners(`${pattern} @o`, 'CODEOWNERS');
  expect(parsed.errors).toEqual([]);
  return ownersOf(parsed, path) !== null;
}

describe('patterns (GitHub example file and gitignore rules)', () => {
  test.each([
    // `*` owns everything
    ['*', 'README.md', true],
    ['*', 'a/b/c.txt', true],
    // an extension pattern matches at any depth
    ['*.js', 'app.js', true],
    ['*.js', 'src/deep/app.js', true],
    ['*.js', 'app.jsx', false],
    ['*.go', 'cmd/main.go', true],
    ['*.txt', 'notes/a.txt', true],
    // `**` then a trailing slash: directories below only, never a file directly in the directory
    ['grants/production/**/', 'grants/production/eu/x.yaml', true],
    ['grants/production/**/', 'grants/production/x.yaml', false],
    ['**/', 'docs/a.md', true],
    ['**/', 'README.md', false],
    // leading slash + trailing slash: that root directory, any depth below
    ['/build/logs/', 'build/logs/a.log', true],
    ['/build/logs/', 'build/logs/2024/a.log', true],
    ['/build/logs/', 'src/build/logs/a.log', false],
    ['/build/logs/', 'build/logs', false],
    // an inner slash anchors too (gitignore), with or without the leading one
    ['build/logs/', 'build/logs/a.log', true],
    ['build/logs/', 'src/build/logs/a.log', false],
    // `docs/*`: files directly in docs only
    ['docs/*', 'docs/getting-started.md', true],
    ['docs/*', 'docs/build-app/troubleshooting.md', false],
    ['docs/*', 'other/docs/x.md', false],
    // `apps/`: any apps directory, at any depth
    ['apps/', 'apps/a.ts', true],
    ['apps/', 'web/apps/a.ts', true],
    ['apps/', 'web/apps/deep/a.ts', true],
    ['apps/', 'apps', false],
    ['apps/', 'myapps/a.ts', false],
    // `/docs/`: root docs, any depth
    ['/docs/', 'docs/a.md', true],
    ['/docs/', 'docs/x/y/a.md', true],
    ['/docs/', 'src/docs/a.md', false],
    ['/scripts/', 'scripts/deploy.sh', true],
    ['/scripts/', 'tools/scripts/deploy.sh', false],
    ['/scripts/', 'scripts-old/deploy.sh', false],
    // `**/logs`: any logs directory
    ['**/logs', 'logs/a', true],
    ['**/logs', 'build/logs/a', true],
    ['**/logs', 'deeply/nested/logs/a', true],
    ['**/logs', 'build/logsx/a', false],
    // a name without slashes: a file or directory of that name anywhere
    ['/apps/github', 'apps/github', true],
    ['/apps/github', 'apps/github/x.ts', true],
    ['/apps/github', 'apps/githubber', false],
    ['logs', 'a/logs/x', true],
    // case-sensitive
    ['docs/*', 'Docs/x', false],
    ['*.JS', 'a.js', false],
    // `*` and `?` stay within one segment; `**` crosses
    ['/*', 'top.txt', true],
    ['/*', 'dir/nested.txt', false],
    ['grants/*.yaml', 'grants/a.yaml', true],
    ['grants/*.yaml', 'grants/prod/a.yaml', false],
    ['grants/**', 'grants/prod/a.yaml', true],
    ['grants/**', 'grants', false],
    ['grants/**/a.yaml', 'grants/a.yaml', true],
    ['grants/**/a.yaml', 'grants/x/y/a.yaml', true],
    ['f?o', 'foo', true],
    ['f?o', 'f/o', false],
    ['/*/', 'a/b', true],
    ['/*/', 'a', false],
    // everything else is literal
    ['a.b', 'axb', false],
    ['a+b', 'a+b', true],
    ['f\\*o', 'f*o', true],
    ['f\\*o', 'foo', false],
  ])('%s owns %s: %s', (pattern, path, want) => {
    expect(owns(pattern, path)).toBe(want);
  });

  test('compiled patterns are anchored regular expressions', () => {
    expect(compilePattern('/docs/').source).toBe('^docs\\/.+$');
  });
});

describe('parseCodeowners', () => {
  const example = [
    '# This is a comment.',
    '',
    '*       @global-owner1 @global-owner2',
    '*.js    @js-owner #This is an inline comment.',
    '*.go docs@example.com',
    '*.txt @octo-org/octocats',
    '/build/logs/ @doctocat',
    'docs/*  docs@example.com',
    'apps/ @octocat',
    '/docs/ @doctocat',
    '/scripts/ @doctocat @octocat',
    '**/logs @octocat',
    '/apps/ @octocat',
    '/apps/github',
  ].join('\n');
  const parsed = parseCodeowners(example, '.github/CODEOWNERS');

  test('the example parses without errors; comments and blank lines are skipped', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.rules.map((r) => r.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(parsed.rules[1]).toMatchObject({ pattern: '*.js', owners: ['@js-owner'] });
  });

  test.each([
    ['README.md', ['@global-owner1', '@global-owner2'], 3],
    ['src/app.js', ['@js-owner'], 4], // last match wins over `*`
    ['main.go', ['docs@example.com'], 5],
    ['x/y.txt', ['@octo-org/octocats'], 6],
    ['build/logs/a.txt', ['@octocat'], 12], // **/logs is later than /build/logs/ and .txt
    ['docs/getting-started.md', ['@doctocat'], 10], // /docs/ comes after docs/*
    ['scripts/run.sh', ['@doctocat', '@octocat'], 11],
    ['apps/web/index.html', ['@octocat'], 13],
    ['apps/github/index.html', [], 14], // a line without owners removes ownership
  ])('%s is owned by %j (line %d)', (path, owners, line) => {
    expect(ownersOf(parsed, path)).toEqual({ owners, line });
  });

  test('last matching line wins, whatever its specificity', () => {
    const p = parseCodeowners('/apps/github @doctocat\n/apps/ @octocat', 'CODEOWNERS');
    expect(ownersOf(p, 'apps/github/x')).toEqual({ owners: ['@octocat'], line: 2 });
    const q = parseCodeowners('/apps/ @octocat\n/apps/github @doctocat', 'CODEOWNERS');
    expect(ownersOf(q, 'apps/github/x')).toEqual({ owners: ['@doctocat'], line: 2 });
  });

  test('no matching line: null', () => {
    const p = parseCodeowners('/docs/ @a', 'CODEOWNERS');
    expect(ownersOf(p, 'grants/x.yaml')).toBeNull();
  });

  test('a `#` inside a token is not a comment; CRLF and a BOM are tolerated', () => {
    const p = parseCodeowners('\uFEFFa#b @x\r\n  # indented comment\r\n', 'CODEOWNERS');
    expect(p.errors).toEqual([]);
    expect(p.rules).toHaveLength(1);
    expect(ownersOf(p, 'a#b')).toEqual({ owners: ['@x'], line: 1 });
  });

  test('escaped whitespace stays in the pattern', () => {
    const p = parseCodeowners('my\\ dir/ @x', 'CODEOWNERS');
    expect(p.errors).toEqual([]);
    expect(ownersOf(p, 'my dir/a')).toEqual({ owners: ['@x'], line: 1 });
  });

  test.each([
    ['\\#file @x', 1, /leading "#"/],
    ['!docs/ @x', 1, /negation/],
    ['docs/[ab].md @x', 6, /character ranges/],
    ['Python/ceval*.[ch] @x', 15, /character ranges/],
    ['/ @x', 1, /never matches/],
    ['a//b @x', 1, /empty path segment/],
    ['docs/ @', 7, /invalid owner/],
    ['docs/ user', 7, /invalid owner/],
    ['docs/ @a @org/', 10, /invalid owner/],
    ['docs/ @a b@c', 10, /invalid owner/],
  ])('%j is an error at column %d and the line is skipped', (line, column, message) => {
    const p = parseCodeowners(`* @fallback\n${line}`, 'CODEOWNERS');
    expect(p.errors).toEqual([{ line: 2, column, message: expect.stringMatching(message) }]);
    expect(p.rules).toHaveLength(1);
  });

  test('an unsupported `\\#` escape does not own `#file` (GitHub ignores the escape)', () => {
    const p = parseCodeowners('* @fallback\n\\#file @x', 'CODEOWNERS');
    expect(ownersOf(p, '#file')).toEqual({ owners: ['@fallback'], line: 1 });
  });

  test('a line starting with # is a comment, even if it looks like a rule', () => {
    const p = parseCodeowners('#file @x', 'CODEOWNERS');
    expect(p.rules).toEqual([]);
    expect(p.errors).toEqual([]);
  });

  test('a file of 3 MB or more is not loaded', () => {
    const p = parseCodeowners(`* @a\n${'#'.repeat(3 * 1024 * 1024)}`, 'CODEOWNERS');
    expect(p.rules).toEqual([]);
    expect(p.errors).toHaveLength(1);
  });
});

describe('owners', () => {
  test.each([
    ['@octocat', 'user'],
    ['@octo-cat_emu', 'user'],
    ['@octo-org/octocats', 'team'],
    ['@acme/dba.team', 'team'],
    ['docs@example.com', 'email'],
    ['@-bad', null],
    ['octocat', null],
    ['@a/b/c', null],
  ])('%s is %s', (owner, kind) => {
    expect(ownerKind(owner)).toBe(kind);
  });
});

describe('pickCodeowners', () => {
  const f = (path: string) => ({ path, text: path });
  test('GitHub search order: .github/, root, docs/', () => {
    expect(pickCodeowners([f('docs/CODEOWNERS'), f('CODEOWNERS'), f('.github/CODEOWNERS')])?.path).toBe(
      '.github/CODEOWNERS',
    );
    expect(pickCodeowners([f('docs/CODEOWNERS'), f('CODEOWNERS')])?.path).toBe('CODEOWNERS');
    expect(pickCodeowners([f('docs/CODEOWNERS')])?.path).toBe('docs/CODEOWNERS');
    expect(pickCodeowners([f('src/CODEOWNERS'), f('.github/codeowners')])).toBeNull();
  });
});
