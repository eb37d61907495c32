/**
 * JSON Schema validation with diagnostics a person can act on: ajv's errors are mapped back to
 * YAML positions (the offending key for unknown keys, the parent object for missing keys, the
 * value otherwise) and the noise of anyOf/if is collapsed to the most specific error.
 */
import type { ErrorObject } from 'ajv';
import type { Diagnostic, DocPath, Position } from '../core/errors.js';
import { describeKeyword, humanPath } from './schema-messages.js';
import { validators, type SchemaKind } from './schemas.js';
import { sortDiagnostics } from './safe-yaml.js';
import type { YamlSource } from './yaml-source.js';

/** A schema error with the document path and keyword it came from (for callers that refine it). */
export interface SchemaFinding {
  diagnostic: Diagnostic;
  path: DocPath;
  keyword: string;
}

/** JSON pointer → document path; array indices become numbers (by looking at the data). */
export function pointerToPath(pointer: string, data: unknown): (string | number)[] {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let node = data;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key = Array.isArray(node) && /^[0-9]+$/.test(seg) ? Number(seg) : seg;
    path.push(key);
    node =
      node !== null && typeof node === 'object' && Object.hasOwn(node, key)
        ? (node as Record<string | number, unknown>)[key]
        : undefined;
  }
  return path;
}

const within = (e: ErrorObject, p: string) => e.instancePath === p || e.instancePath.startsWith(`${p}/`);

/**
 * Every anyOf in our schemas chooses its branch by JSON type (string | object | array), so a
 * branch whose type does not fit the data reports only a `type` error. Drop those and the
 * anyOf summary; when no branch fits, keep one error naming all the accepted types.
 * `if` errors only say "must match then": the `then` errors themselves are kept.
 */
export function collapseErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const composites = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const drop = new Set<ErrorObject>([
    ...composites,
    ...errors.filter((e) => e.keyword === 'if' || e.keyword === 'propertyNames'),
  ]);
  const added: ErrorObject[] = [];
  for (const c of composites) {
    const typeErrors = errors.filter((e) => e.keyword === 'type' && e.instancePath === c.instancePath);
    const specific = errors.filter((e) => !drop.has(e) && e.keyword !== 'type' && within(e, c.instancePath));
    const deeperTypes = errors.filter(
      (e) => e.keyword === 'type' && e.instancePath.startsWith(`${c.instancePath}/`),
    );
    typeErrors.forEach((e) => drop.add(e));
    if (specific.length === 0 && deeperTypes.length === 0 && typeErrors.length > 0) {
      const types = [...new Set(typeErrors.flatMap((e) => [e.params.type as string | string[]].flat()))];
      if (!added.some((a) => a.instancePath === c.instancePath)) {
        added.push({ ...typeErrors[0]!, params: { type: types } });
      }
    } else if (specific.length === 0 && deeperTypes.length === 0) {
      added.push(c); // oneOf matched several branches: nothing more specific to say
    }
  }
  return [...errors.filter((e) => !drop.has(e)), ...added];
}

export function checkSchemaFindings(kind: SchemaKind, value: unknown, source: YamlSource): SchemaFinding[] {
  const validate = validators[kind];
  if (validate(value)) return [];
  const findings: SchemaFinding[] = [];
  for (const e of collapseErrors(validate.errors ?? [])) {
    const parent = pointerToPath(e.instancePath, value);
    let path: DocPath = parent;
    let position: Position;
    const propertyName = (e as ErrorObject & { propertyName?: string }).propertyName;
    if (e.keyword === 'additionalProperties') {
      path = [...parent, String(e.params.additionalProperty)];
      position = source.atKey(path);
    } else if (propertyName !== undefined) {
      path = [...parent, propertyName];
      position = source.atKey(path);
    } else if (e.keyword === 'false schema') {
      position = source.atKey(parent);
    } else {
      position = source.at(parent);
    }
    const message = describeKeyword(e, humanPath(parent), value);
    findings.push({
      diagnostic: { code: 'schema', message, file: source.file, ...position },
      path,
      keyword: e.keyword,
    });
  }
  return findings;
}

/** Validates `value` against the grant or policies schema; `schema` diagnostics in file order. */
export function checkSchema(kind: SchemaKind, value: unknown, source: YamlSource): Diagnostic[] {
  return sortDiagnostics(checkSchemaFindings(kind, value, source).map((f) => f.diagnostic));
}
