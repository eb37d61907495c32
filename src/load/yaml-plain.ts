/**
 * yaml nodes → plain JS values that are safe to hand to ajv and the model.
 *
 * Mappings become null-prototype objects filled with `Object.defineProperty`, so keys such as
 * `__proto__`, `constructor` or `prototype` are ordinary own data properties: they can never
 * reach or change a prototype. (The JSON Schemas then reject them as keys.) Only scalar string
 * keys are accepted; two keys that differ in YAML but name the same string (`1` and `"1"`) are
 * duplicates. Recursion is safe: the CST guard has already bounded the depth.
 */
import { isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { ErrorCode } from '../core/errors.js';
import { keyString } from './yaml-source.js';

export interface PlainFinding {
  code: ErrorCode;
  message: string;
  offset: number;
}

export function toPlain(node: unknown, findings: PlainFinding[]): unknown {
  if (node === null || node === undefined) return null;
  const at = (n: unknown) => (n as Node | null)?.range?.[0] ?? 0;
  if (isScalar(node)) return node.value;
  if (isSeq(node)) return node.items.map((item) => toPlain(item, findings));
  if (isMap(node)) {
    const obj = Object.create(null) as Record<string, unknown>;
    const seen = new Map<string, unknown>();
    for (const pair of node.items) {
      const key = keyString(pair.key);
      if (key === undefined) {
        findings.push({
          code: 'yaml-forbidden',
          message: 'keys must be plain strings (no empty, mapping, list or null keys)',
          offset: pair.key ? at(pair.key) : at(pair.value),
        });
        continue;
      }
      if (key === '<<') {
        findings.push({
          code: 'yaml-forbidden',
          message: 'merge keys (`<<`) are not allowed: write the keys out in full',
          offset: at(pair.key),
        });
        continue;
      }
      if (seen.has(key)) {
        findings.push({ code: 'duplicate-key', message: `duplicate key \`${key}\``, offset: at(pair.key) });
        continue;
      }
      seen.set(key, pair.key);
      Object.defineProperty(obj, key, {
        value: toPlain(pair.value, findings),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return obj;
  }
  if (isAlias(node)) {
    findings.push({ code: 'yaml-forbidden', message: 'aliases (`*name`) are not allowed', offset: at(node) });
    return null;
  }
  findings.push({ code: 'yaml-forbidden', message: 'unsupported YAML node', offset: at(node) });
  return null;
}
