/**
 * Fuzzing the loader (issue "Hardening", item 2): random and mutated YAML for grant files and
 * policy files. Starting points are this repository's own valid files (grants/**, policies/*.yaml);
 * mutations delete, duplicate and swap lines, insert random bytes (invalid UTF-8 included), YAML
 * features the design forbids (anchors, aliases, tags, merge keys, directives, several documents),
 * deep nesting, huge scalars, random unicode, prototype-pollution keys, and truncate.
 *
 * Properties, for every input:
 *   - `loadGrant` and `buildSnapshot` never throw;
 *   - a failure carries at least one diagnostic, and every diagnostic has a code from
 *     ERROR_CODES, integer line ≥ 1 and column ≥ 1 inside the file (line ≤ its line count) and
 *     names the file it is about;
 *   - Object.prototype (and Array.prototype) are untouched afterwards.
 *
 * Seeded and bounded: the same cases run every time, in a few seconds.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { ERROR_CODES, type Diagnostic } from '../../src/core/errors.js';
import { loadGrant } from '../../src/load/grant-file.js';
import { buildSnapshot } from '../../src/load/snapshot.js';

const SEED = 20261201;
const CODES: ReadonlySet<string> = new Set(ERROR_CODES);
const enc = new TextEncoder();
/** Outcome counts (first code, or `ok`), to check that the mutations reach every stage. */
const STATS = new Map<string, number>();
const count = (key: string) => STATS.set(key, (STATS.get(key) ?? 0) + 1);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : name.endsWith('.yaml') ? [full] : [];
  });
}

// Jest runs from the repository root (as the other loader tests assume).
const GRANT_SEEDS = filesUnder('grants').map((p) => ({
  path: relative('.', p),
  text: readFileSync(p, 'utf8'),
}));
const POLICY_SEEDS = filesUnder('policies').map((p) => ({
  path: relative('.', p),
  text: readFileSync(p, 'utf8'),
}));

/* ------------------------------------------------------------------ mutations */

/** Snippets a hostile or careless author might type. */
const SNIPPETS = [
  '&a ',
  '*a',
  '&anchor [1, 2]',
  'x: *anchor',
  '!!str ',
  '!!binary ',
  '!custom ',
  '!<tag:yaml.org,2002:str> ',
  '<<: ',
  '<<: { requester: mallory }',
  '%YAML 1.2\n',
  '%YAML 1.1\n---\n',
  '%TAG ! tag:example.com,2000:\n',
  '---\n',
  '...\n',
  '--- \n',
  '? ',
  '? [a, b]\n: c\n',
  '- ',
  ': ',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '|\n  ',
  '>-\n  ',
  '\t',
  '#',
  ' # comment',
  '\n',
  '\r\n',
  '\r',
  '__proto__: { polluted: yes }\n',
  '__proto__:\n  polluted: yes\n',
  'constructor: { prototype: { polluted: yes } }\n',
  'prototype: x\n',
  '"__proto__": [1]\n',
  'toString: 1\n',
  'requester: alice\n',
  'access: admin\n',
  'duration: 4\n',
  'duration: 0h\n',
  'resources: []\n',
  '  - match: { }\n',
  '  - match: { env: [] }\n',
  '1: 2\n',
  'null: x\n',
  '~: x\n',
  '? \n',
  'true: yes\n',
  '0x1F',
  '.inf',
  '-.nan',
  '2001-12-14t21:59:43.10-05:00',
  '\u00a0',
  '\u2028',
  '\u202e',
  '\ufeff',
  '\u0000',
  '\u0085',
  '\ud83d\ude00',
];

/** Byte sequences that are not UTF-8, or are suspicious UTF-8 (overlongs, surrogates, BOMs). */
const BAD_BYTES: number[][] = [
  [0xff],
  [0xfe],
  [0xc0, 0xaf], // overlong '/'
  [0xe0, 0x80, 0xaf], // overlong
  [0xed, 0xa0, 0x80], // surrogate D800
  [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
  [0x80], // lone continuation
  [0xc3], // truncated sequence
  [0xe2, 0x82], // truncated sequence
  [0xef, 0xbb, 0xbf], // BOM (fine only at the start)
  [0x00],
  [0x1b, 0x5b, 0x33, 0x31, 0x6d], // ANSI escape
];

type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'swap'; a: number; b: number }
  | { op: 'indent'; at: number; by: number }
  | { op: 'snippet'; at: number; text: string }
  | { op: 'unicode'; at: number; text: string }
  | { op: 'bytes'; at: number; bytes: number[] }
  | { op: 'nest'; at: number; depth: number; kind: 'flow-seq' | 'flow-map' | 'block-seq' | 'block-map' }
  | { op: 'huge'; at: number; size: number }
  | { op: 'truncate'; at: number }
  | { op: 'replace-value'; at: number; text: string };

/** Positions are fractions in [0, 1) so a mutation fits any text (and shrinks well). */
const frac = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: frac }),
  fc.record({ op: fc.constant('duplicate' as const), at: frac }),
  fc.record({ op: fc.constant('swap' as const), a: frac, b: frac }),
  fc.record({ op: fc.constant('indent' as const), at: frac, by: fc.integer({ min: -4, max: 4 }) }),
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('snippet' as const),
      at: frac,
      text: fc.constantFrom(...SNIPPETS),
    }),
  },
  fc.record({
    op: fc.constant('unicode' as const),
    at: frac,
    text: fc.string({
      unit: fc.oneof(fc.constant('grapheme' as const), fc.constant('binary' as const)) as never,
      maxLength: 8,
    }),
  }),
  fc.record({
    op: fc.constant('bytes' as const),
    at: frac,
    bytes: fc.oneof(
      fc.constantFrom(...BAD_BYTES),
      fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 6 }),
    ),
  }),
  fc.record({
    op: fc.constant('nest' as const),
    at: frac,
    depth: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constantFrom(31, 32, 33, 200, 5000)),
    kind: fc.constantFrom(
      'flow-seq' as const,
      'flow-map' as const,
      'block-seq' as const,
      'block-map' as const,
    ),
  }),
  fc.record({
    op: fc.constant('huge' as const),
    at: frac,
    size: fc.constantFrom(1000, 30_000, 65_000, 65_536, 70_000),
  }),
  fc.record({ op: fc.constant('truncate' as const), at: frac }),
  fc.record({
    op: fc.constant('replace-value' as const),
    at: frac,
    text: fc.constantFrom(
      '',
      '~',
      'null',
      '[]',
      '{}',
      '4',
      '-1',
      'yes',
      '"4h"',
      "'x'",
      '[read, write]',
      '{ a: b }',
      '*a',
      '!!int 3',
      'P1D',
      'PT0M',
    ),
  }),
);

function nestText(depth: number, kind: 'flow-seq' | 'flow-map' | 'block-seq' | 'block-map'): string {
  switch (kind) {
    case 'flow-seq':
      return '['.repeat(depth) + 'x' + ']'.repeat(depth);
    case 'flow-map':
      return '{a: '.repeat(depth) + 'x' + '}'.repeat(depth);
    case 'block-seq':
      return (
        Array.from({ length: Math.min(depth, 300) }, (_, i) => `${' '.repeat(i * 2)}-`).join('\n') + ' x'
      );
    case 'block-map':
      return (
        Array.from({ length: Math.min(depth, 300) }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n') + ' x'
      );
  }
}

const idx = (f: number, n: number) => Math.min(n - 1, Math.floor(f * n));

/** Applies mutations to bytes (lines are split on LF; byte edits go straight into the bytes). */
function mutate(text: string, mutations: readonly Mutation[]): Uint8Array {
  let bytes = enc.encode(text);
  const asText = () => new TextDecoder().decode(bytes); // lossy on purpose once bytes are invalid
  for (const m of mutations) {
    const lines = asText().split('\n');
    const setLines = (ls: string[]) => (bytes = enc.encode(ls.join('\n')));
    const at = (f: number) => Math.floor(f * (bytes.length + 1));
    const insert = (pos: number, ins: Uint8Array) => {
      const out = new Uint8Array(bytes.length + ins.length);
      out.set(bytes.subarray(0, pos), 0);
      out.set(ins, pos);
      out.set(bytes.subarray(pos), pos + ins.length);
      bytes = out;
    };
    switch (m.op) {
      case 'delete':
        lines.splice(idx(m.at, lines.length), 1);
        setLines(lines);
        break;
      case 'duplicate': {
        const i = idx(m.at, lines.length);
        lines.splice(i, 0, lines[i]!);
        setLines(lines);
        break;
      }
      case 'swap': {
        const a = idx(m.a, lines.length);
        const b = idx(m.b, lines.length);
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
        setLines(lines);
        break;
      }
      case 'indent': {
        const i = idx(m.at, lines.length);
        lines[i] = m.by >= 0 ? ' '.repeat(m.by) + lines[i] : lines[i]!.slice(-m.by);
        setLines(lines);
        break;
      }
      case 'snippet':
      case 'unicode':
        insert(at(m.at), enc.encode(m.text));
        break;
      case 'bytes':
        insert(at(m.at), Uint8Array.from(m.bytes));
        break;
      case 'nest':
        insert(at(m.at), enc.encode(nestText(m.depth, m.kind)));
        break;
      case 'huge':
        insert(at(m.at), enc.encode('x'.repeat(m.size)));
        break;
      case 'truncate':
        bytes = bytes.slice(0, at(m.at));
        break;
      case 'replace-value': {
        const i = idx(m.at, lines.length);
        const line = lines[i]!;
        const colon = line.indexOf(': ');
        lines[i] = colon >= 0 ? `${line.slice(0, colon + 2)}${m.text}` : `${line}${m.text}`;
        setLines(lines);
        break;
      }
    }
  }
  return bytes;
}

/* ------------------------------------------------------------------ random documents */

/** Random documents over the real key vocabulary, serialised by the yaml library. */
const GRANT_KEYS = [
  'requester',
  'reason',
  'access',
  'duration',
  'resources',
  'ticket',
  'match',
  'extra',
  '__proto__',
];
const POLICY_KEYS = [
  'resources',
  'people',
  'groups',
  'policies',
  'settings',
  'discover',
  'id',
  'provider',
  'tags',
  'config',
  'name',
  'effect',
  'requesters',
  'access',
  'max_duration',
  'approvals',
  'from',
  'count',
  'match',
  'expressions',
  'key',
  'operator',
  'values',
  'require',
  'ticket',
  'admins',
  'revocation',
  'mode',
  '__proto__',
];
const scalarArb = fc.oneof(
  fc.constantFrom(
    'alice',
    'read',
    'write',
    '4h',
    'PT4H',
    'production',
    'group:sre',
    'deny',
    'In',
    'postgres',
    'codeowners',
    '^INC-[0-9]+$',
  ),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.double(),
);
function docArb(keys: readonly string[]): fc.Arbitrary<unknown> {
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalarArb,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 6 })), tie('value'), {
        maxKeys: 5,
      }),
    ),
  }));
  return value;
}
const randomYaml = (keys: readonly string[]) =>
  docArb(keys).map((v) => {
    try {
      return stringify(v);
    } catch {
      return String(v);
    }
  });

/* ------------------------------------------------------------------ checks */

const lineCounts = new WeakMap<Uint8Array, number>();
function lineCount(bytes: Uint8Array): number {
  let n = lineCounts.get(bytes);
  if (n === undefined) {
    // A position may point just past the last line break (the end of the file).
    n = new TextDecoder().decode(bytes).split(/\r\n|\r|\n/).length;
    lineCounts.set(bytes, n);
  }
  return n;
}

function expectWellFormed(diagnostics: readonly Diagnostic[], files: ReadonlyMap<string, Uint8Array>): void {
  expect(diagnostics.length).toBeGreaterThan(0);
  for (const d of diagnostics) {
    const bytes = files.get(d.file);
    const shown = JSON.stringify(d);
    if (!CODES.has(d.code)) throw new Error(`unknown code: ${shown}`);
    if (bytes === undefined) throw new Error(`diagnostic names a file that was not given: ${shown}`);
    if (!Number.isInteger(d.line) || d.line < 1) throw new Error(`bad line: ${shown}`);
    if (!Number.isInteger(d.column) || d.column < 1) throw new Error(`bad column: ${shown}`);
    if (d.line > lineCount(bytes))
      throw new Error(`line past the end of the file (${lineCount(bytes)} lines): ${shown}`);
    if (typeof d.message !== 'string' || d.message === '') throw new Error(`no message: ${shown}`);
  }
}

type Shape = Record<string, PropertyDescriptor>;
const shapeOf = (o: object): Shape => Object.getOwnPropertyDescriptors(o);
const PROTOS: readonly [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
];
const before = PROTOS.map(([name, proto]) => [name, shapeOf(proto)] as const);

function expectPrototypesUntouched(): void {
  PROTOS.forEach(([name, proto], i) => {
    const now = shapeOf(proto);
    const then = before[i]![1];
    expect({ name, keys: Reflect.ownKeys(now).map(String).sort() }).toEqual({
      name,
      keys: Reflect.ownKeys(then).map(String).sort(),
    });
    for (const key of Reflect.ownKeys(then)) {
      const a = then[key as string]!;
      const b = now[key as string]!;
      if (a.value !== b.value || a.get !== b.get || a.set !== b.set) {
        throw new Error(`${name}.${String(key)} was changed`);
      }
    }
  });
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
}

/* ------------------------------------------------------------------ properties */

const grantPathArb = fc.constantFrom(
  ...GRANT_SEEDS.map((s) => s.path),
  'grants/x.yaml',
  'grants/a/b/c/deep-1.yaml',
);

function checkGrant(path: string, bytes: Uint8Array): void {
  let result: ReturnType<typeof loadGrant>;
  try {
    result = loadGrant(path, bytes);
  } catch (e) {
    throw new Error(
      `loadGrant threw on ${JSON.stringify(new TextDecoder().decode(bytes).slice(0, 300))}: ${String(e)}`,
      {
        cause: e,
      },
    );
  }
  count(result.ok ? 'grant:ok' : `grant:${result.diagnostics[0]!.code}`);
  if (result.ok) {
    expect(result.grant.file).toBe(path);
    expect(typeof result.grant.requester).toBe('string');
    expect(Array.isArray(result.grant.resources)).toBe(true);
  } else {
    expectWellFormed(result.diagnostics, new Map([[path, bytes]]));
  }
}

function checkSnapshot(files: readonly { path: string; bytes: Uint8Array }[]): void {
  let result: ReturnType<typeof buildSnapshot>;
  try {
    result = buildSnapshot(files);
  } catch (e) {
    throw new Error(`buildSnapshot threw: ${String(e)}`, { cause: e });
  }
  count(result.ok ? 'snapshot:ok' : `snapshot:${result.diagnostics[0]!.code}`);
  if (!result.ok) expectWellFormed(result.diagnostics, new Map(files.map((f) => [f.path, f.bytes])));
  else {
    // Nothing inherited leaks into the model: every key read from YAML is an own property.
    for (const r of result.snapshot.resources) expect(typeof r.id).toBe('string');
  }
}

describe('loader fuzzing (seeded)', () => {
  afterAll(() => expectPrototypesUntouched());

  test('the seeds are valid to start with', () => {
    expect(GRANT_SEEDS.length).toBeGreaterThan(0);
    expect(POLICY_SEEDS.length).toBeGreaterThan(0);
    for (const s of GRANT_SEEDS) expect(loadGrant(s.path, enc.encode(s.text)).ok).toBe(true);
    const snap = buildSnapshot(POLICY_SEEDS.map((s) => ({ path: s.path, bytes: enc.encode(s.text) })));
    expect(snap.ok).toBe(true);
  });

  test('mutated grant files: loadGrant never throws, every failure is a well-formed diagnostic', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...GRANT_SEEDS),
        grantPathArb,
        fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
        (seed, path, mutations) => checkGrant(path, mutate(seed.text, mutations)),
      ),
      { seed: SEED, numRuns: 1200 },
    );
    expectPrototypesUntouched();
    // The mutations reach every stage: some files stay valid, and each loading stage fails some.
    for (const stage of [
      'ok',
      'encoding',
      'file-too-large',
      'yaml-syntax',
      'yaml-forbidden',
      'duplicate-key',
      'schema',
    ])
      expect(STATS.get(`grant:${stage}`) ?? 0).toBeGreaterThan(0);
  });

  test('random grant documents: loadGrant never throws, every failure is a well-formed diagnostic', () => {
    fc.assert(
      fc.property(
        grantPathArb,
        randomYaml(GRANT_KEYS),
        fc.array(mutationArb, { maxLength: 2 }),
        (path, text, mutations) => checkGrant(path, mutate(text, mutations)),
      ),
      { seed: SEED + 1, numRuns: 600 },
    );
    expectPrototypesUntouched();
  });

  test('mutated policy files: buildSnapshot never throws, every failure is a well-formed diagnostic', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.array(mutationArb, { minLength: 1, maxLength: 3 })), {
          minLength: POLICY_SEEDS.length,
          maxLength: POLICY_SEEDS.length,
        }),
        (perFile) => {
          const files = POLICY_SEEDS.map((s, i) => {
            const [touch, mutations] = perFile[i]!;
            return { path: s.path, bytes: touch ? mutate(s.text, mutations) : enc.encode(s.text) };
          });
          checkSnapshot(files);
        },
      ),
      { seed: SEED + 2, numRuns: 150 },
    );
    expectPrototypesUntouched();
    expect(STATS.get('snapshot:ok') ?? 0).toBeGreaterThan(0);
    expect(STATS.get('snapshot:schema') ?? 0).toBeGreaterThan(0);
  });

  test('random policy documents: buildSnapshot never throws, every failure is a well-formed diagnostic', () => {
    fc.assert(
      fc.property(randomYaml(POLICY_KEYS), fc.array(mutationArb, { maxLength: 2 }), (text, mutations) =>
        checkSnapshot([
          { path: 'policies/random.yaml', bytes: mutate(text, mutations) },
          ...POLICY_SEEDS.slice(0, 1).map((s) => ({ path: s.path, bytes: enc.encode(s.text) })),
        ]),
      ),
      { seed: SEED + 3, numRuns: 250 },
    );
    expectPrototypesUntouched();
  });

  test('prototype-pollution keys are plain data everywhere', () => {
    const hostile = [
      'requester: alice\nreason: x\naccess: read\nduration: 1h\nresources: [a]\n__proto__: { polluted: yes }\n',
      'requester: alice\nreason: x\naccess: read\nduration: 1h\nresources:\n  - match: { __proto__: { polluted: yes }, constructor: x }\n',
      '__proto__:\n  polluted: yes\n',
      '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}\n',
    ];
    for (const text of hostile) checkGrant('grants/x.yaml', enc.encode(text));
    checkSnapshot([
      {
        path: 'policies/x.yaml',
        bytes: enc.encode(
          'resources:\n  - id: r\n    provider: webhook\n    tags: { __proto__: x, constructor: y }\n    config: { url: "https://e.example", secret_env: S, __proto__: { polluted: yes } }\npeople:\n  __proto__: { tags: { polluted: [yes] } }\ngroups:\n  __proto__: [polluted]\n',
        ),
      },
    ]);
    expectPrototypesUntouched();
  });
});
