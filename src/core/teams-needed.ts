/**
 * The GitHub teams a decision may need the members of: teams named as requesters or approvers
 * in policies, as admins in settings, and as code owners of the given paths. The adapter reads
 * exactly these (once each), so API cost follows the policies, not the number of reviews.
 */
import { ownersOf, type ParsedCodeowners } from './codeowners.js';
import type { Snapshot } from './model.js';
import { teamKey, teamsNamed } from './principals.js';

export function teamsNeeded(
  snapshot: Snapshot,
  codeowners: ParsedCodeowners | null,
  paths: readonly string[],
): string[] {
  const teams = new Set<string>();
  const add = (list: string[]) => list.forEach((t) => teams.add(t));
  for (const p of snapshot.policies) {
    add(teamsNamed(p.requesters));
    for (const rule of Object.values(p.access))
      for (const a of rule.approvals) if (a.from !== 'codeowners') add(teamsNamed(a.from));
  }
  if (snapshot.settings.admins.from !== 'codeowners') add(teamsNamed(snapshot.settings.admins.from));
  if (codeowners) {
    for (const path of paths) {
      for (const owner of ownersOf(codeowners, path)?.owners ?? [])
        if (owner.startsWith('@') && owner.includes('/')) teams.add(teamKey(owner));
    }
  }
  return [...teams].sort();
}
