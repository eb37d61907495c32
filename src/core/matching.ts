/**
 * Maximum bipartite matching between approval slots and approvers (Kuhn's augmenting paths).
 * Each approver fills at most one slot across all rules, and as many slots as possible are
 * filled: a greedy assignment could let one person who is in two groups use up the only slot
 * another person could have filled. Sizes are tiny (a handful of slots and reviewers), so the
 * O(slots × edges) algorithm is plenty.
 *
 * Deterministic: slots are tried in order and candidates in sorted order, so the same input
 * always yields the same assignment and the PR comment does not churn between runs.
 */

export interface Slot {
  /** Index of the rule the slot belongs to (carried through for the caller). */
  rule: number;
  candidates: ReadonlySet<string>;
}

/** For each slot (same index as the input), the approver assigned to it, or null. */
export function maximumMatching(slots: readonly Slot[]): (string | null)[] {
  const sorted = slots.map((s) => [...s.candidates].sort());
  const slotOf = new Map<string, number>(); // approver → slot index
  const assignment: (string | null)[] = slots.map(() => null);

  // Try to give slot `i` an approver, moving already-placed approvers along an augmenting path.
  const augment = (i: number, visited: Set<string>): boolean => {
    const candidates = sorted[i] ?? [];
    // A free approver first: placements only move when they must, so reports read naturally
    // (the first approvals stay where they were).
    const free = candidates.find((who) => !visited.has(who) && !slotOf.has(who));
    if (free !== undefined) {
      slotOf.set(free, i);
      assignment[i] = free;
      return true;
    }
    for (const who of candidates) {
      if (visited.has(who)) continue;
      visited.add(who);
      const held = slotOf.get(who);
      if (held === undefined || augment(held, visited)) {
        slotOf.set(who, i);
        assignment[i] = who;
        return true;
      }
    }
    return false;
  };

  for (let i = 0; i < slots.length; i++) augment(i, new Set());
  return assignment;
}
