/**
 * Resolution of a grant's `resources` list: each id must exist, each selector must match at
 * least one resource; the resolved set is the union, ordered by id (what reviewers see).
 */
import { diag, type Diagnostic } from './errors.js';
import type { GrantRequest, Resource } from './model.js';
import type { Inventory } from './inventory.js';
import { describeSelector } from './selector.js';

export interface Resolution {
  resources: Resource[];
  /** Resource id → index of the first `resources` entry that named or selected it. */
  origin: Map<string, number>;
  diagnostics: Diagnostic[];
}

export function resolveResources(grant: GrantRequest, inventory: Inventory): Resolution {
  const found = new Map<string, Resource>();
  const origin = new Map<string, number>();
  const add = (r: Resource, i: number) => {
    found.set(r.id, r);
    if (!origin.has(r.id)) origin.set(r.id, i);
  };
  const diagnostics: Diagnostic[] = [];
  grant.resources.forEach((ref, i) => {
    if (typeof ref === 'string') {
      const r = inventory.get(ref);
      if (r) add(r, i);
      else
        diagnostics.push(
          diag(
            'unknown-resource',
            `unknown resource "${ref}": no resource with this id in policies/`,
            grant.source,
            ['resources', i],
          ),
        );
      return;
    }
    const matched = inventory.select(ref);
    if (matched.length === 0) {
      diagnostics.push(
        diag(
          'selector-matches-nothing',
          `selector {${describeSelector(ref)}} matches no resource`,
          grant.source,
          ['resources', i, 'match'],
        ),
      );
    }
    for (const r of matched) add(r, i);
  });
  const resources = [...found.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { resources, origin, diagnostics };
}
