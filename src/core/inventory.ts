/**
 * The resource inventory with a tag index, so resolving a selector does not scan every resource.
 *
 * Index: tag key → tag value → resource positions. A selector is answered by intersecting the
 * candidate sets of its narrowing conditions (exact `match` values, `In`, `Exists`; globs scan the
 * distinct *values* of their key, not the resources), smallest first, then confirming each
 * candidate with the reference matcher `selectorMatches`. Only a selector made solely of
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

  /** Positions of resources whose `key` tag equals one of `values` (globs expand over known values). */
  private positionsFor(key: string, patterns: readonly string[]): Set<number> {
    const out = new Set<number>();
    const values = this.index.get(key);
    if (!values) return out;
    for (const pattern of patterns) {
      if (isGlob(pattern)) {
        for (const [value, list] of values) if (valueMatches(pattern, value)) list.forEach((i) => out.add(i));
      } else {
        values.get(pattern)?.forEach((i) => out.add(i));
      }
    }
    return out;
  }

  /** Resources matching `sel`, in inventory order. An empty selector matches nothing. */
  select(sel: TagSelector): Resource[] {
    if (isEmptySelector(sel)) return [];
    const candidateSets: Set<number>[] = [];
    for (const [key, want] of Object.entries(sel.match ?? {})) {
      candidateSets.push(this.positionsFor(key, typeof want === 'string' ? [want] : want));
    }
    for (const expr of sel.expressions ?? []) {
      if (expr.operator === 'In') candidateSets.push(this.positionsFor(expr.key, expr.values ?? []));
      else if (expr.operator === 'Exists') candidateSets.push(new Set(this.withKey.get(expr.key) ?? []));
    }
    let candidates: Iterable<number>;
    if (candidateSets.length === 0) {
      candidates = this.resources.keys();
    } else {
      candidateSets.sort((a, b) => a.size - b.size);
      const [smallest, ...rest] = candidateSets as [Set<number>, ...Set<number>[]];
      candidates = [...smallest].filter((i) => rest.every((s) => s.has(i))).sort((a, b) => a - b);
    }
    const out: Resource[] = [];
    for (const i of candidates) {
      const r = this.resources[i]!;
      if (selectorMatches(sel, r.tags)) out.push(r);
    }
    return out;
  }
}
