/**
 * CODEOWNERS matching (issue "Hardening", item 3): the matcher (`parseCodeowners` + `ownersOf`)
 * agrees with a reference oracle written here from GitHub's documented rules ("About code
 * owners", which defers to gitignore), for a restricted pattern family expanded into random paths.
 *
 * The oracle works on path SEGMENTS (no regular expressions):
 *   - a pattern with a slash at the start or in the middle is anchored to the root; otherwise
 *     (no slash, or only a trailing one) it matches at any depth, as if it began with `**`/;
 *   - a trailing slash: the pattern names directories only, so it matches what is below them;
 *   - in a segment, `*` is any run of characters and `?` one character, never a slash; every
 *     other character is literal; matching is case-sensitive;
 *   - `**` as a whole segment: leading or inner, zero or more directories; trailing (`dir/**`),
 *     everything inside (one or more segments);
 *   - a pattern matches a path when it matches the path itself, or one of the directories
 *     above it (gitignore: everything below a matched directory);
 *     EXCEPT a pattern whose last segment is a lone `*` after a directory (`docs/*`) only
 *     matches the entries directly in that directory (GitHub: "`docs/*` will match
 *     `docs/getting-started.md` but not further nested files like
 *     `docs/build-app/troubleshooting.md`"); and a directory-only pattern matches only what is
 *     below a directory it names (never the path itself);
 *   - in a file, the LAST matching line wins; a matching line without owners means no owners.
 */
import fc from 'fast-check';
import { ownersOf, parseCodeowners } from '../../src/core/codeowners.js';

const SEED = 20261204;

/* ------------------------------------------------------------------ the oracle */

function segmentGlob(pattern: string, name: string): boolean {
  const p = Array.from(pattern);
  const s = Array.from(name);
  const go = (i: number, j: number): boolean => {
    if (i === p.length) return j === s.length;
    if (p[i] === '*') return go(i + 1, j) || (j < s.length && go(i, j + 1));
    return j < s.length && (p[i] === '?' || p[i] === s[j]) && go(i + 1, j + 1);
  };
  return go(0, 0);
}

/** Do pattern segments match exactly the path segments `path`? */
function segmentsMatch(pat: readonly string[], path: readonly string[]): boolean {
  if (pat.length === 0) return path.length === 0;
  const [head, ...rest] = pat;
  if (head === '**') {
    // trailing `**`: one or more segments; leading or inner: zero or more
    const min = rest.length === 0 ? 1 : 0;
    for (let k = min; k <= path.length; k++) if (segmentsMatch(rest, path.slice(k))) return true;
    return false;
  }
  return path.length > 0 && segmentGlob(head!, path[0]!) && segmentsMatch(rest, path.slice(1));
}

function oracleMatches(pattern: string, path: string): boolean {
  const dirOnly = pattern.endsWith('/');
  const body = pattern.replace(/^\//, '').replace(/\/$/, '');
  const anchored = pattern.startsWith('/') || body.includes('/');
  let pat = body.split('/');
  if (!anchored && pat[0] !== '**') pat = ['**', ...pat];
  const segs = path.split('/');
  const last = pat[pat.length - 1]!;
  const loneStar = last === '*';
  // The path itself (a file or directory of that name), or a directory above it.
  const ends = dirOnly
    ? Array.from({ length: segs.length - 1 }, (_, i) => i + 1)
    : loneStar
      ? [segs.length]
      : Array.from({ length: segs.length }, (_, i) => i + 1);
  return ends.some((k) => segmentsMatch(pat, segs.slice(0, k)));
}

interface Line {
  pattern: string;
  owners: string[];
}

function oracleOwners(
  lines: readonly (Line | string)[],
  path: string,
): { owners: string[]; line: number } | null {
  let found: { owners: string[]; line: number } | null = null;
  lines.forEach((l, i) => {
    if (typeof l !== 'string' && oracleMatches(l.pattern, path)) found = { owners: l.owners, line: i + 1 };
  });
  return found;
}

/* ------------------------------------------------------------------ the pattern family */

const NAMES = ['docs', 'Docs', 'apps', 'logs', 'a', 'b', 'x.md', 'y.js', 'a+b', 'c(1)', 'a#b', 'grants'];
const GLOBS = ['*', '*.md', '*.js', 'a*', '?', 'x.??', '*s', 'D*'];
const segArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...GLOBS) },
);
const segsArb = (min: number, max: number) => fc.array(segArb, { minLength: min, maxLength: max });
const slash = fc.boolean().map((b) => (b ? '/' : ''));

/** The documented forms: unanchored names and directories, anchored paths, `dir/*`, `**`. */
const patternArb: fc.Arbitrary<string> = fc.oneof(
  segArb, // `*.md`, `logs`: any depth
  segArb.map((s) => `${s}/`), // `apps/`: a directory at any depth
  fc.tuple(segsArb(1, 3), slash).map(([s, t]) => `/${s.join('/')}${t}`), // `/build/logs/`
  fc.tuple(segsArb(2, 3), slash).map(([s, t]) => `${s.join('/')}${t}`), // `docs/*`, `a/b`: anchored by the inner slash
  fc.tuple(segsArb(1, 2), slash).map(([s, t]) => `**/${s.join('/')}${t}`), // `**/logs`
  // `docs/**` (`docs/**/`, with a trailing slash, has its own test below: see BUG 1)
  fc.tuple(fc.constantFrom('', '/'), segsArb(1, 2)).map(([l, s]) => `${l}${s.join('/')}/**`),
  fc.tuple(segArb, segArb).map(([a, b]) => `${a}/**/${b}`), // `a/**/b`
  fc.constantFrom('*', '/*', '**', '/**', '*/', '/*/'),
);

/** Random paths, and paths made from a pattern by filling in its wildcards (so matches are common). */
const PATH_NAMES = [...NAMES, 'README.md', 'xs', 'Ds', 'x.mdx', 'q'];
const randomPathArb = fc
  .array(fc.constantFrom(...PATH_NAMES), { minLength: 1, maxLength: 4 })
  .map((s) => s.join('/'));

function pathFrom(pattern: string): fc.Arbitrary<string> {
  const segs = pattern.replace(/^\//, '').replace(/\/$/, '').split('/');
  const fill = (seg: string): fc.Arbitrary<string[]> => {
    if (seg === '**') return fc.array(fc.constantFrom(...PATH_NAMES), { maxLength: 2 });
    const parts = Array.from(seg).map((ch) =>
      ch === '*'
        ? fc.constantFrom('', 'x', 'ocs', 'D', '.md')
        : ch === '?'
          ? fc.constantFrom('m', 'd', 'Q', '.')
          : fc.constant(ch),
    );
    return fc.tuple(...parts).map((p) => {
      const name = p.join('');
      return [name === '' ? 'x' : name];
    });
  };
  return fc
    .tuple(
      fc.array(fc.constantFrom(...PATH_NAMES), { maxLength: 2 }), // leading dirs (unanchored patterns)
      fc.tuple(...segs.map(fill)),
      fc.array(fc.constantFrom(...PATH_NAMES), { maxLength: 2 }), // below
      fc.boolean(),
    )
    .map(([pre, mid, post, usePre]) => [...(usePre ? pre : []), ...mid.flat(), ...post].join('/') || 'x');
}

const casePathArb = fc
  .tuple(patternArb, fc.boolean())
  .chain(([pattern, derived]) =>
    fc.record({ pattern: fc.constant(pattern), path: derived ? pathFrom(pattern) : randomPathArb }),
  );

/* ------------------------------------------------------------------ properties */

describe('CODEOWNERS patterns agree with the oracle', () => {
  test("the oracle reproduces GitHub's documented examples", () => {
    const table: [string, string, boolean][] = [
      ['*', 'a/b/c.txt', true],
      ['*.js', 'src/deep/app.js', true],
      ['/build/logs/', 'build/logs/2024/a.log', true],
      ['/build/logs/', 'src/build/logs/a.log', false],
      ['docs/*', 'docs/getting-started.md', true],
      ['docs/*', 'docs/build-app/troubleshooting.md', false],
      ['apps/', 'web/apps/deep/a.ts', true],
      ['/docs/', 'src/docs/a.md', false],
      ['**/logs', 'deeply/nested/logs/a', true],
      ['/apps/github', 'apps/github/x.ts', true],
      ['*.JS', 'a.js', false],
      ['grants/**', 'grants', false],
      ['grants/**/a.yaml', 'grants/a.yaml', true],
    ];
    for (const [pattern, path, want] of table)
      expect([pattern, path, oracleMatches(pattern, path)]).toEqual([pattern, path, want]);
  });

  test('one pattern, many paths: the matcher = the oracle', () => {
    let matched = 0;
    fc.assert(
      fc.property(casePathArb, ({ pattern, path }) => {
        const parsed = parseCodeowners(`${pattern} @owner`, 'CODEOWNERS');
        expect(parsed.errors).toEqual([]);
        const want = oracleMatches(pattern, path);
        if (want) matched++;
        expect({ pattern, path, owned: ownersOf(parsed, path) !== null }).toEqual({
          pattern,
          path,
          owned: want,
        });
      }),
      { seed: SEED, numRuns: 2000 },
    );
    expect(matched).toBeGreaterThan(400);
  });

  const lineArb: fc.Arbitrary<Line | string> = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        pattern: patternArb,
        owners: fc.subarray(['@o1', '@org/t2', 'me@example.com', '@O3']),
      }),
    },
    { weight: 1, arbitrary: fc.constantFrom('', '# a comment', '   # indented comment', '\t') },
  );

  test('a whole file: the last matching line wins (owners and line number)', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { minLength: 1, maxLength: 8 }),
        fc.array(fc.oneof(randomPathArb, patternArb.chain(pathFrom)), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
        (lines, paths, eol) => {
          const text = lines
            .map((l) => (typeof l === 'string' ? l : [l.pattern, ...l.owners].join(' ')))
            .join(eol);
          const parsed = parseCodeowners(text, '.github/CODEOWNERS');
          expect(parsed.errors).toEqual([]);
          for (const path of paths)
            expect({ path, got: ownersOf(parsed, path) }).toEqual({ path, got: oracleOwners(lines, path) });
        },
      ),
      { seed: SEED + 1, numRuns: 400 },
    );
  });
});

/**
 * BUG 1 (found by this file, fixed in src/core/codeowners.ts). A pattern ending in `**` followed
 * by a slash — `grants/production/**\/`, `**\/` — matched FILES directly in the directory.
 * gitignore, whose rules CODEOWNERS follows: "If there is a separator at the end of the pattern
 * then the pattern will only match directories", so `dir/**\/` names the directories below `dir`
 * and owns what is inside THEM, not `dir/file`. compilePattern returned early for a trailing `**`
 * segment and never applied the trailing slash, so the last matching line differed from GitHub's
 * and `from: codeowners` asked different people (below: @bob instead of @alice). Seeded
 * counterexample: pattern `a#b/**\/`, path `a#b/docs` (seed 20261204).
 */
describe('BUG 1 (fixed): a trailing `**/` no longer matches files directly in the directory', () => {
  test('grants/production/**/ does not own grants/production/x.yaml (it owns files in its subdirectories)', () => {
    const parsed = parseCodeowners('grants/** @alice\ngrants/production/**/ @bob', '.github/CODEOWNERS');
    expect(ownersOf(parsed, 'grants/production/eu/x.yaml')).toEqual({ owners: ['@bob'], line: 2 });
    expect(ownersOf(parsed, 'grants/production/x.yaml')).toEqual({ owners: ['@alice'], line: 1 });
  });

  test('`dir/**/` and `**/` patterns agree with the oracle', () => {
    const trailing = fc.oneof(
      fc.tuple(fc.constantFrom('', '/'), segsArb(1, 2)).map(([l, s]) => `${l}${s.join('/')}/**/`),
      fc.constant('**/'),
    );
    fc.assert(
      fc.property(
        trailing.chain((pattern) =>
          fc.record({ pattern: fc.constant(pattern), path: fc.oneof(pathFrom(pattern), randomPathArb) }),
        ),
        ({ pattern, path }) => {
          const parsed = parseCodeowners(`${pattern} @owner`, 'CODEOWNERS');
          expect({ pattern, path, owned: ownersOf(parsed, path) !== null }).toEqual({
            pattern,
            path,
            owned: oracleMatches(pattern, path),
          });
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});
