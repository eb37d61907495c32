import { parseYaml, parseYamlText } from '../../../src/load/safe-yaml.js';
import { at, enc } from './helpers.js';

describe('parseYaml rejects unsafe or malformed YAML with a code and position', () => {
  test.each([
    ['malformed flow sequence', 'a: [1, 2\nb: 3\n', 'yaml-syntax@2:1'],
    ['mapping inside a compact value', 'a: 1\n  b: 2\n', 'yaml-syntax@1:4'],
    ['unterminated string', 'a: "x\n', 'yaml-syntax@2:1'],
    ['block seq then map', '- a\nb: 1\n', 'yaml-syntax@2:2'],
    ['anchor', 'a: &x 1\n', 'yaml-forbidden@1:4'],
    ['alias', 'a: 1\nb: *x\n', 'yaml-forbidden@2:4'],
    ['merge key', 'base: {a: 1}\nx:\n  <<: {a: 2}\n', 'yaml-forbidden@3:3'],
    ['quoted merge key', '"<<": 1\n', 'yaml-forbidden@1:1'],
    ['!!binary', 'a: !!binary aGVsbG8=\n', 'yaml-forbidden@1:4'],
    ['!!str', 'a: !!str 1\n', 'yaml-forbidden@1:4'],
    ['custom tag', 'a:\n  b: !custom x\n', 'yaml-forbidden@2:6'],
    ['non-specific tag', 'a: ! x\n', 'yaml-forbidden@1:4'],
    ['%YAML 1.1 directive', '%YAML 1.1\n---\na: 1\n', 'yaml-forbidden@1:1'],
    ['%TAG directive', '%TAG !e! tag:example.com,2000:\n---\na: 1\n', 'yaml-forbidden@1:1'],
    ['two documents', 'a: 1\n---\nb: 2\n', 'yaml-forbidden@2:1'],
    ['document end then another', 'a: 1\n...\nb: 2\n', 'yaml-forbidden@3:1'],
    ['duplicate keys', 'a: 1\nb: 2\na: 3\n', 'duplicate-key@3:1'],
    ['duplicate nested keys', 'x:\n  k: 1\n  k: 2\n', 'duplicate-key@3:3'],
    ['duplicate flow keys', '{a: 1, a: 2}\n', 'duplicate-key@1:8'],
    ['int and string key', '1: a\n"1": b\n', 'duplicate-key@2:1'],
    ['mapping key', '? {a: 1}\n: x\n', 'yaml-forbidden@1:3'],
    ['sequence key', '[a, b]: x\n', 'yaml-forbidden@1:1'],
    ['empty key', ': x\n', 'yaml-forbidden@1:1'],
    ['empty file', '', 'schema@1:1'],
    ['comments only', '# nothing\n', 'schema@1:1'],
    ['document marker only', '---\n', 'schema@1:1'],
    ['NUL byte', 'a: 1\nb: x\u0000\n', 'encoding@2:5'],
    ['escape character', 'a: \u001b[31m\n', 'encoding@1:4'],
    ['bidi override', 'reason: "ok \u202e"\n', 'encoding@1:13'],
    ['BOM in the middle', 'a: 1\n\ufeffb: 2\n', 'encoding@2:1'],
    ['33 levels of flow nesting', `${'['.repeat(33)}${']'.repeat(33)}\n`, 'yaml-forbidden@1:33'],
    ['33 levels of block nesting', `${'- '.repeat(33)}x\n`, 'yaml-forbidden@1:65'],
  ])('%s', (_name, text, want) => {
    const r = parseYaml(enc(text), 'f.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics.map(at)[0]).toBe(want);
  });

  test('a file over 64 KiB is rejected before decoding', () => {
    const big = new Uint8Array(70 * 1024).fill(0xff); // not even UTF-8: size wins
    const r = parseYaml(big, 'big.yaml');
    expect(r.ok ? [] : r.diagnostics.map(at)).toEqual(['file-too-large@1:1']);
    expect(parseYaml(enc(`a: "${'x'.repeat(65536 - 7)}"\n`), 'f.yaml').ok).toBe(true); // exactly 64 KiB
  });

  test.each([
    ['lone continuation byte', [0x61, 0x3a, 0x20, 0x80, 0x0a], 'encoding@1:4'],
    ['Latin-1 é on line 2', [...enc('a: 1\nb: caf'), 0xe9, 0x0a], 'encoding@2:7'],
    ['overlong slash', [0xc0, 0xaf], 'encoding@1:1'],
    ['UTF-16 surrogate', [0x61, 0xed, 0xa0, 0x80], 'encoding@1:2'],
    ['truncated sequence', [0x61, 0x62, 0xe2, 0x82], 'encoding@1:3'],
  ])('non-UTF-8 bytes: %s', (_name, bytes, want) => {
    const r = parseYaml(Uint8Array.from(bytes), 'f.yaml');
    expect(r.ok ? [] : r.diagnostics.map(at)).toEqual([want]);
  });

  test('a leading BOM is stripped', () => {
    const r = parseYaml(Uint8Array.from([0xef, 0xbb, 0xbf, ...enc('a: 1\n')]), 'f.yaml');
    expect(r.ok && r.value).toEqual({ a: 1 });
  });

  test.each([
    ['[[[…', '['.repeat(100_000)],
    ['{a: {a: …', '{a: '.repeat(100_000)],
    ['- - - …', '- '.repeat(100_000) + 'x'],
  ])('100,000 levels of %s do not overflow the stack', (_name, text) => {
    const r = parseYamlText(text, 'deep.yaml');
    expect(r.ok ? [] : r.diagnostics.filter((d) => d.message.includes('deeper'))).toHaveLength(1);
    // Within the size limit too, through the public entry point.
    const r2 = parseYaml(enc(text.slice(0, 60_000)), 'deep.yaml');
    expect(
      r2.ok ? [] : r2.diagnostics.filter((d) => d.message === 'nested deeper than 32 levels'),
    ).toHaveLength(1);
  });

  test('32 levels are fine', () => {
    const r = parseYaml(enc(`${'['.repeat(32)}1${']'.repeat(32)}\n`), 'f.yaml');
    expect(r.ok).toBe(true);
  });
});

describe('parseYaml values', () => {
  test('core schema scalars; YAML 1.1 booleans and octals stay strings/1.2 numbers', () => {
    const r = parseYaml(
      enc('a: yes\nb: true\nc: 010\nd: 0o10\ne: ~\nf: 1.5\ng: "4"\n12345: login\n'),
      'f.yaml',
    );
    expect(r.ok && r.value).toEqual({
      a: 'yes',
      b: true,
      c: 10,
      d: 8,
      e: null,
      f: 1.5,
      g: '4',
      '12345': 'login',
    });
  });

  test('__proto__, constructor and prototype keys are plain data and pollute nothing', () => {
    const r = parseYaml(
      enc(
        '__proto__: {polluted: 1}\nconstructor: {prototype: {polluted: 2}}\nprototype: 3\nx: {__proto__: {isAdmin: true}}\n',
      ),
      'f.yaml',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = r.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBeNull();
    expect(Object.keys(v)).toEqual(['__proto__', 'constructor', 'prototype', 'x']);
    expect(Object.getOwnPropertyDescriptor(v, '__proto__')?.value).toEqual({ polluted: 1 });
    const x = v.x as Record<string, unknown>;
    expect(Object.getPrototypeOf(x)).toBeNull();
    expect((x as { isAdmin?: unknown }).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('source positions', () => {
  const text = 'requester: alice\nresources:\n  - billing\n  - match: { env: prod }\nempty:\n';
  const r = parseYaml(enc(text), 'g.yaml');
  if (!r.ok) throw new Error('fixture must parse');
  test.each([
    [[], 1, 1],
    [['requester'], 1, 12],
    [['resources', 1, 'match', 'env'], 4, 19],
    [['resources', '0'], 3, 5],
    [['resources', 7], 3, 3], // missing: nearest ancestor (the list)
    [['nope', 'deeper'], 1, 1],
    [['empty'], 5, 7], // no value: where it would be
  ])('at(%j) = %i:%i', (path, line, column) => {
    expect(r.source.at(path)).toEqual({ line, column });
  });
  test.each([
    [['requester'], 1, 1],
    [['resources', 1, 'match', 'env'], 4, 14],
    [['resources', 1, 'match', 'team'], 4, 12], // missing key: its parent object
  ])('atKey(%j) = %i:%i', (path, line, column) => {
    expect(r.source.atKey(path)).toEqual({ line, column });
  });
});

describe('duplicate-key messages', () => {
  test('name the whole key', () => {
    const r = parseYaml(new TextEncoder().encode('access: read\nduration: 4h\naccess: write\n'), 'g.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.diagnostics[0]).toMatchObject({
        code: 'duplicate-key',
        line: 3,
        column: 1,
        message: 'duplicate key `access`',
      });
  });
});
