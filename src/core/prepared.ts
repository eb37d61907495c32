/**
 * A snapshot prepared for many decisions: the tag-indexed inventory and, per resource, the
 * policies whose selectors match it (computed once per policy through the index).
 */
import { Inventory } from './inventory.js';
import type { Policy, Snapshot } from './model.js';
import type { Directory } from './principals.js';

export interface Prepared {
  snapshot: Snapshot;
  inventory: Inventory;
  /** Resource id → matching policies, in policy file order. */
  policiesFor(resourceId: string): readonly Policy[];
  /** The base directory (people, groups; no team memberships). */
  directory: Directory;
}

export function prepare(snapshot: Snapshot): Prepared {
  const inventory = new Inventory(snapshot.resources);
  const matches = new Map<string, Policy[]>();
  for (const policy of snapshot.policies) {
    for (const r of inventory.select(policy.resources)) {
      let list = matches.get(r.id);
      if (!list) matches.set(r.id, (list = []));
      list.push(policy);
    }
  }
  return {
    snapshot,
    inventory,
    policiesFor: (id) => matches.get(id) ?? [],
    directory: { people: snapshot.people, groups: snapshot.groups, teams: new Map() },
  };
}
