/**
 * Approval rules required by a grant: the union over all matching policies and resources,
 * where rules with the same approver set merge into one rule with the largest count
 * (DESIGN.md §3). Two rules are "the same set" when their `from` lists name the same
 * selectors, whatever the order or login case.
 */
import type { PrincipalSelector } from './model.js';

export interface RequiredRule {
  from: readonly PrincipalSelector[] | 'codeowners';
  count: number;
  /** Policies that asked for this rule. */
  policies: string[];
}

function selectorKey(sel: PrincipalSelector): string {
  if (typeof sel === 'string') return `s:${sel.toLowerCase()}`;
  if ('tags' in sel) {
    const entries = Object.entries(sel.tags)
      .map(([k, v]) => [k, typeof v === 'string' ? [v] : [...v].sort()] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `t:${JSON.stringify(entries)}`;
  }
  return `st:${JSON.stringify([...sel.same_tags].sort())}`;
}

const keys = new WeakMap<readonly PrincipalSelector[], string>();

export function approverSetKey(from: RequiredRule['from']): string {
  if (from === 'codeowners') return 'codeowners';
  // Rules come from policies (the same arrays for every request): compute each key once.
  let key = keys.get(from);
  if (key === undefined) keys.set(from, (key = [...new Set(from.map(selectorKey))].sort().join('|')));
  return key;
}

export function mergeRules(rules: readonly RequiredRule[]): RequiredRule[] {
  const merged = new Map<string, RequiredRule>();
  for (const rule of rules) {
    const key = approverSetKey(rule.from);
    const existing = merged.get(key);
    if (!existing) {
      merged.set(key, { from: rule.from, count: rule.count, policies: [...rule.policies] });
      continue;
    }
    existing.count = Math.max(existing.count, rule.count);
    for (const p of rule.policies) if (!existing.policies.includes(p)) existing.policies.push(p);
  }
  return [...merged.values()];
}
