/**
 * Checks on the yaml CST (concrete syntax tree), before any node or JS value is built.
 *
 * Why on the CST: yaml's Composer recurses once per nesting level, so `[[[[…` 100,000 deep
 * would overflow the stack there; the Lexer and Parser are iterative, and this walk uses an
 * explicit stack. Checking anchors, aliases, tags and directives on tokens also does not
 * depend on how the Composer resolves them.
 */
import type { CST } from 'yaml';
import type { ErrorCode } from '../core/errors.js';
import { MAX_DEPTH } from './limits.js';

export interface GuardFinding {
  code: ErrorCode;
  message: string;
  /** UTF-16 offset into the parsed text. */
  offset: number;
}

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

const FORBIDDEN_TOKENS: Record<string, string> = {
  anchor: 'anchors (`&name`) are not allowed: write the value out in full',
  alias: 'aliases (`*name`) are not allowed: write the value out in full',
  tag: 'explicit tags (`!!binary`, `!!str`, `!custom`, …) are not allowed',
  directive: 'directives (`%YAML`, `%TAG`) are not allowed: files are always YAML 1.2',
};

type Walkable = { token: unknown; depth: number };

/** Pushes the sub-tokens of a CST token or collection item (they are all objects or arrays). */
function pushChildren(stack: Walkable[], holder: Record<string, unknown>, depth: number): void {
  for (const field of ['end', 'value', 'sep', 'key', 'items', 'props', 'start']) {
    const child = holder[field];
    if (Array.isArray(child)) {
      for (let i = child.length - 1; i >= 0; i--) stack.push({ token: child[i], depth });
    } else if (child && typeof child === 'object') {
      stack.push({ token: child, depth });
    }
  }
}

export function guardCst(tokens: readonly CST.Token[]): GuardFinding[] {
  const findings: GuardFinding[] = [];
  let documents = 0;
  let tooDeep = false;
  const stack: Walkable[] = [];
  for (let i = tokens.length - 1; i >= 0; i--) stack.push({ token: tokens[i], depth: 0 });

  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    const t = token as Record<string, unknown> & { type?: string; offset?: number };
    const offset = typeof t.offset === 'number' ? t.offset : 0;
    let childDepth = depth;
    switch (t.type) {
      case 'document':
        documents++;
        if (documents === 2) {
          findings.push({
            code: 'yaml-forbidden',
            message: 'only one YAML document per file (found a second `---` or `...`)',
            offset,
          });
        }
        break;
      case 'error':
        findings.push({ code: 'yaml-syntax', message: String(t.message ?? 'syntax error'), offset });
        break;
      case undefined:
        break; // a collection item: not a token, its fields are
      default:
        if (t.type in FORBIDDEN_TOKENS) {
          findings.push({ code: 'yaml-forbidden', message: FORBIDDEN_TOKENS[t.type]!, offset });
        } else if (COLLECTIONS.has(t.type)) {
          childDepth = depth + 1;
          if (childDepth > MAX_DEPTH) {
            // Report once and do not descend: the rest of the tree is what we refuse to walk.
            if (!tooDeep) {
              findings.push({
                code: 'yaml-forbidden',
                message: `nested deeper than ${MAX_DEPTH} levels`,
                offset,
              });
              tooDeep = true;
            }
            continue;
          }
        }
    }
    pushChildren(stack, t, childDepth);
  }
  return findings;
}
