/**
 * The resource inventory with a tag index, so resolving a selector does not scan every resource.
 *
 * Index: tag key → tag value → resource positions. A selector is answered from its most selective
 * narrowing condition (exact `match` values, `In`, `Exists`; globs scan the distinct *values* of
 * their key, not the resources): only that condition's candidates are confirmed with the reference
 * matcher `selectorMatches`, so the work follows the smallest candidate list, not the inventory. Only a selector made solely of
 * `NotIn`/`DoesNotExist` conditions has no narrowing condition and visits every resource.
 */
import type { Resource, TagSelector } from './model.js';
import { isEmptySelector, isGlob, selectorMatches, valueMatches } from './selector.js';

export class Inventory {
  readonly resources: readonly Resource[];
  private readonly byId = new Map<string, Resource>();
  private readonly index = new Map<string, Map<string, number[]>>();
  private readonly withKey = new Map<string, number[]>();

  constructor(resources: readonly Resource[]) {
    this.resources = resources;
    resources.forEach((r, i) => {
      this.byId.set(r.id, r);
      for (const [key, value] of Object.entries(r.tags)) {
        let values = this.index.get(key);
        if (!values) this.index.set(key, (values = new Map()));
        let list = values.get(value);
        if (!list) values.set(value, (list = []));
        list.push(i);
        let all = this.withKey.get(key);
        if (!all) this.withKey.set(key, (all = []));
        all.push(i);
      }
    });
  }

  get(id: string): Resource | undefined {
    return this.byId.get(id);
  }

  /**
   * The position lists (one per tag value) of resources whose `key` tag matches one of
   * `patterns`; globs expand over the key's distinct values. Lists of different values are
   * disjoint, so their total length is the candidate count, computed without copying.
   */
  private bucketsFor(key: string, patterns: readonly string[]): number[][] {
    const values = this.index.get(key);
    if (!values) return [];
    const found = new Set<number[]>();
    for (const pattern of patterns) {
      if (isGlob(pattern)) {
        for (const [value, list] of values) if (valueMatches(pattern, value)) found.add(list);
      } else {
        const list = values.get(pattern);
        if (list) found.add(list);
      }
    }
    return [...found];
  }

  /** Resources matching `sel`, in inventory order. An empty selector matches nothing. */
  select(sel: TagSelector): Resource[] {
    if (isEmptySelector(sel)) return [];
    // Pick the narrowing condition with the fewest candidates; the reference matcher then
    // checks every condition on just those candidates.
    let best: number[][] | undefined;
    let bestSize = Infinity;
    const consider = (lists: number[][]) => {
      const size = lists.reduce((n, l) => n + l.length, 0);
      if (size < bestSize) {
        best = lists;
        bestSize = size;
      }
    };
    for (const [key, want] of Object.entries(sel.match ?? {}))
      consider(this.bucketsFor(key, typeof want === 'string' ? [want] : want));
    for (const expr of sel.expressions ?? []) {
      if (expr.operator === 'In') consider(this.bucketsFor(expr.key, expr.values ?? []));
      else if (expr.operator === 'Exists') consider([this.withKey.get(expr.key) ?? []]);
    }
    let candidates: Iterable<number>;
    if (!best) candidates = this.resources.keys();
    else if (best.length === 1) candidates = best[0]!;
    else candidates = best.flat().sort((a, b) => a - b);
    const out: Resource[] = [];
    for (const i of candidates) {
      const r = this.resources[i]!;
      if (selectorMatches(sel, r.tags)) out.push(r);
    }
    return out;
  }
}
