/**
 * Positions for diagnostics: a `Source` over a parsed yaml Document, so later layers (schema,
 * snapshot, policy evaluation) can point at file:line:column by document path alone.
 */
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { DocPath, Position, Source } from '../core/errors.js';

/** A Source that can also point at a mapping key (for unknown or duplicate keys). */
export interface YamlSource extends Source {
  /**
   * Position of the KEY named by the last element of `path` (a mapping key), or of the nearest
   * existing ancestor node when that key does not exist.
   */
  atKey(path: DocPath): Position;
}

/**
 * The string a mapping key stands for. Plain keys are taken as written, so `12345:` (a numeric
 * GitHub login) and `true:` are the strings "12345" and "true" rather than a number or a
 * boolean; quoted keys are their value. Anything else is not a usable key (undefined).
 */
export function keyString(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  if (key.type === 'PLAIN')
    return typeof key.source === 'string' && key.source !== '' ? key.source : undefined;
  return typeof key.value === 'string' ? key.value : undefined;
}

const START: Position = { line: 1, column: 1 };

export function yamlSource(file: string, doc: Document | undefined, lines: LineCounter): YamlSource {
  const pos = (node: Node | null | undefined): Position | undefined => {
    const offset = node?.range?.[0];
    if (offset === undefined) return undefined;
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };

  /** Walks `path`; returns the deepest node reached and, when the last step was a map key, that key. */
  const walk = (path: DocPath) => {
    let node = (doc?.contents ?? null) as Node | null;
    let best = pos(node) ?? START;
    let key: Node | null = null;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      key = null;
      let next: Node | null | undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => keyString(p.key) === String(seg));
        if (!pair) return { best, key: null, complete: false };
        key = pair.key as Node;
        // `a:` with no value: point at the key, the value has no text of its own.
        next = (pair.value as Node | null) ?? null;
        const p = pos(next) ?? pos(key);
        if (p) best = p;
      } else if (isSeq(node) && /^[0-9]+$/.test(String(seg))) {
        next = node.items[Number(seg)] as Node | undefined;
        if (!next) return { best, key: null, complete: false };
        best = pos(next) ?? best;
      } else {
        return { best, key: null, complete: false };
      }
      node = next ?? null;
    }
    return { best, key, complete: true };
  };

  return {
    file,
    at: (path) => walk(path).best,
    atKey: (path) => {
      if (path.length === 0) return walk(path).best;
      const r = walk(path);
      if (r.complete && r.key) return pos(r.key) ?? r.best;
      // The key does not exist: point at its parent object.
      return walk(path.slice(0, -1)).best;
    },
  };
}
