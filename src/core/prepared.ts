/**
 * A snapshot prepared for many decisions: the tag-indexed inventory and, per resource, the
 * policies whose selectors match it (computed once per policy through the index).
 */
import { Inventory } from './inventory.js';
import type { Policy, Snapshot } from './model.js';
import type { Directory } from './principals.js';

/** The policies that match one resource, split by effect (computed once per snapshot). */
export interface MatchingPolicies {
  all: readonly Policy[];
  allow: readonly Policy[];
  deny: readonly Policy[];
  allowNames: readonly string[];
  denyNames: readonly string[];
}

const NONE: MatchingPolicies = { all: [], allow: [], deny: [], allowNames: [], denyNames: [] };

export interface Prepared {
  snapshot: Snapshot;
  inventory: Inventory;
  /** Resource id → matching policies, in policy file order. */
  policiesFor(resourceId: string): readonly Policy[];
  /** The same, split into allow and deny. */
  matchingPolicies(resourceId: string): MatchingPolicies;
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
  const split = new Map<string, MatchingPolicies>();
  for (const [id, all] of matches) {
    const allow = all.filter((p) => p.effect === 'allow');
    const deny = all.filter((p) => p.effect === 'deny');
    split.set(id, {
      all,
      allow,
      deny,
      allowNames: allow.map((p) => p.name),
      denyNames: deny.map((p) => p.name),
    });
  }
  return {
    snapshot,
    inventory,
    policiesFor: (id) => matches.get(id) ?? [],
    matchingPolicies: (id) => split.get(id) ?? NONE,
    directory: { people: snapshot.people, groups: snapshot.groups, teams: new Map() },
  };
}
