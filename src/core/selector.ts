/**
 * Tag selectors: `match` (equals, `*`/`?` globs, any-of lists) and `expressions`
 * (In, NotIn, Exists, DoesNotExist). All conditions must hold. An empty selector matches nothing.
 */
import type { MatchValue, TagExpression, TagSelector } from './model.js';

const globCache = new Map<string, RegExp>();

export function isGlob(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/** `*` matches any run of characters, `?` exactly one; everything else is literal; case-sensitive. */
export function globToRegExp(pattern: string): RegExp {
  let re = globCache.get(pattern);
  if (!re) {
    const body = Array.from(pattern)
      .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
      .join('');
    re = new RegExp(`^${body}$`, 's');
    globCache.set(pattern, re);
  }
  return re;
}

export function valueMatches(pattern: string, value: string): boolean {
  return isGlob(pattern) ? globToRegExp(pattern).test(value) : pattern === value;
}

/** Does one `match` value accept any of the given tag values? */
export function matchValueAccepts(want: MatchValue, have: readonly string[]): boolean {
  const patterns = typeof want === 'string' ? [want] : want;
  return patterns.some((p) => have.some((v) => valueMatches(p, v)));
}

export function expressionHolds(expr: TagExpression, value: string | undefined): boolean {
  switch (expr.operator) {
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'In':
      return value !== undefined && (expr.values ?? []).includes(value);
    case 'NotIn':
      // Kubernetes semantics: a missing key satisfies NotIn.
      return value === undefined || !(expr.values ?? []).includes(value);
  }
}

export function isEmptySelector(sel: TagSelector): boolean {
  return Object.keys(sel.match ?? {}).length === 0 && (sel.expressions ?? []).length === 0;
}

/** Reference matcher over one tag set (the index in inventory.ts must agree with it). */
export function selectorMatches(sel: TagSelector, tags: Readonly<Record<string, string>>): boolean {
  if (isEmptySelector(sel)) return false;
  for (const [key, want] of Object.entries(sel.match ?? {})) {
    const have = Object.hasOwn(tags, key) ? tags[key] : undefined;
    if (have === undefined || !matchValueAccepts(want, [have])) return false;
  }
  for (const expr of sel.expressions ?? []) {
    const have = Object.hasOwn(tags, expr.key) ? tags[expr.key] : undefined;
    if (!expressionHolds(expr, have)) return false;
  }
  return true;
}

export function describeSelector(sel: TagSelector): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(sel.match ?? {})) {
    parts.push(typeof v === 'string' ? `${k}=${v}` : `${k} in [${v.join(', ')}]`);
  }
  for (const e of sel.expressions ?? []) {
    parts.push(
      e.operator === 'Exists' || e.operator === 'DoesNotExist'
        ? `${e.key} ${e.operator}`
        : `${e.key} ${e.operator} [${(e.values ?? []).join(', ')}]`,
    );
  }
  return parts.length ? parts.join(', ') : '(empty: matches nothing)';
}
