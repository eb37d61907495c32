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

type Tags = Readonly<Record<string, string>>;
type Matcher = (tags: Tags) => boolean;

const compiled = new WeakMap<TagSelector, Matcher>();

/**
 * A tag's value. Tag values are strings, and nothing a plain object inherits (`constructor`,
 * `toString`, `__proto__`) is a string, so a type check alone keeps inherited keys out.
 */
function tagValue(tags: Tags, key: string): string | undefined {
  const v = tags[key];
  return typeof v === 'string' ? v : undefined;
}

/**
 * A selector compiled once into a list of per-key tests (selectors come from policies and grant
 * files and are matched against many resources, so their entries are not re-read every time).
 */
function compile(sel: TagSelector): Matcher {
  if (isEmptySelector(sel)) return () => false;
  const tests: Matcher[] = [];
  for (const [key, want] of Object.entries(sel.match ?? {})) {
    const patterns = typeof want === 'string' ? [want] : [...want];
    if (patterns.some(isGlob)) {
      const res = patterns.map((p) => (isGlob(p) ? globToRegExp(p) : null));
      tests.push((tags) => {
        const have = tagValue(tags, key);
        return have !== undefined && patterns.some((p, i) => (res[i] ? res[i]!.test(have) : p === have));
      });
    } else if (patterns.length === 1) {
      const only = patterns[0];
      tests.push((tags) => tagValue(tags, key) === only);
    } else {
      tests.push((tags) => {
        const have = tagValue(tags, key);
        return have !== undefined && patterns.includes(have);
      });
    }
  }
  for (const expr of sel.expressions ?? [])
    tests.push((tags) => expressionHolds(expr, tagValue(tags, expr.key)));
  return (tags) => {
    for (const t of tests) if (!t(tags)) return false;
    return true;
  };
}

/** Reference matcher over one tag set (the index in inventory.ts must agree with it). */
export function selectorMatches(sel: TagSelector, tags: Tags): boolean {
  let m = compiled.get(sel);
  if (!m) compiled.set(sel, (m = compile(sel)));
  return m(tags);
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
