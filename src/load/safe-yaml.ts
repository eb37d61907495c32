/**
 * Safe YAML: untrusted bytes → one plain JS value plus a `Source` for positions, or
 * diagnostics with stable codes. Order matters: size before decoding, encoding before
 * parsing, CST checks (depth, anchors, tags, directives, documents) before composing.
 */
import { Composer, LineCounter, Parser, isScalar, type CST, type Document } from 'yaml';
import type { Diagnostic, ErrorCode } from '../core/errors.js';
import { MAX_FILE_BYTES } from './limits.js';
import { decodeConfigText } from './text.js';
import { guardCst } from './yaml-guard.js';
import { toPlain } from './yaml-plain.js';
import { yamlSource, type YamlSource } from './yaml-source.js';

export type ParseResult =
  { ok: true; value: unknown; source: YamlSource } | { ok: false; diagnostics: Diagnostic[] };

/** The YAML options of DESIGN.md §2, for the Composer. */
export const YAML_OPTIONS = {
  version: '1.2',
  schema: 'core',
  uniqueKeys: true,
  merge: false,
  strict: true,
} as const;

/** Sort by position, drop exact repeats (the same problem found by two checks). */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics
    .filter((d) => {
      const k = `${d.file}\0${d.line}\0${d.column}\0${d.code}\0${d.message}`;
      return seen.has(k) ? false : (seen.add(k), true);
    })
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}

export function parseYaml(bytes: Uint8Array, file: string): ParseResult {
  const fail = (code: ErrorCode, message: string, line = 1, column = 1): ParseResult => ({
    ok: false,
    diagnostics: [{ code, message, file, line, column }],
  });

  if (bytes.length > MAX_FILE_BYTES) {
    return fail(
      'file-too-large',
      `file is larger than ${MAX_FILE_BYTES / 1024} KiB (${MAX_FILE_BYTES} bytes)`,
    );
  }
  const decoded = decodeConfigText(bytes);
  if (!decoded.ok) return fail('encoding', decoded.message, decoded.position.line, decoded.position.column);
  return parseYamlText(decoded.text, file);
}

/**
 * The YAML stage alone, for text that already passed the size and encoding checks (exported
 * so tests can feed inputs larger than the size limit to the depth guard).
 */
export function parseYamlText(text: string, file: string): ParseResult {
  const fail = (code: ErrorCode, message: string): ParseResult => ({
    ok: false,
    diagnostics: [{ code, message, file, line: 1, column: 1 }],
  });
  const lines = new LineCounter();
  const tokens: CST.Token[] = [...new Parser(lines.addNewLine).parse(text)];
  const located = (f: { code: ErrorCode; message: string; offset: number }): Diagnostic => {
    const { line, col } = lines.linePos(f.offset);
    return { code: f.code, message: f.message, file, line, column: col };
  };

  const guard = guardCst(tokens);
  if (guard.length > 0) return { ok: false, diagnostics: sortDiagnostics(guard.map(located)) };

  const docs: Document[] = [...new Composer(YAML_OPTIONS).compose(tokens)];
  const doc = docs[0];
  const problems = docs.flatMap((d) => [...d.errors, ...d.warnings]);
  if (problems.length > 0) {
    return {
      ok: false,
      diagnostics: sortDiagnostics(
        problems.map((e) => {
          const duplicate = e.code === 'DUPLICATE_KEY';
          // The error's range may cover only the key's first character: read the whole key
          // (up to the colon or the end of the line) for the message.
          const key =
            (/^[^:\n]*/.exec(text.slice(e.pos[0], e.pos[0] + 200))?.[0] ?? '').trim() ||
            text.slice(e.pos[0], e.pos[1]);
          return located({
            code: duplicate ? 'duplicate-key' : 'yaml-syntax',
            message: duplicate ? `duplicate key \`${key}\`` : e.message.split('\n')[0]!,
            offset: e.pos[0],
          });
        }),
      ),
    };
  }

  const contents = doc?.contents;
  if (
    !doc ||
    contents === null ||
    contents === undefined ||
    (isScalar(contents) && contents.value === null && !contents.source)
  ) {
    return fail('schema', 'file is empty');
  }

  const findings: { code: ErrorCode; message: string; offset: number }[] = [];
  const value = toPlain(contents, findings);
  if (findings.length > 0) return { ok: false, diagnostics: sortDiagnostics(findings.map(located)) };
  return { ok: true, value, source: yamlSource(file, doc, lines) };
}
