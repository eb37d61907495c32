/**
 * The GitHub teams a decision may need the members of: teams named as requesters or approvers
 * in the policies that apply, as admins in settings, and as code owners of the given paths. The
 * adapter reads exactly these (once each), so API cost follows the policies, not the number of
 * reviews — and a team no request touches is never read (an unreadable team blocks only the
 * requests that depend on it).
 */
import { ownersOf, type ParsedCodeowners } from './codeowners.js';
import type { GrantRequest, Policy, Snapshot } from './model.js';
import type { Prepared } from './prepared.js';
import { teamKey, teamsNamed } from './principals.js';
import { resolveResources } from './resolve.js';

function teamsOfPolicies(policies: Iterable<Policy>, into: Set<string>): void {
  for (const p of policies) {
    teamsNamed(p.requesters).forEach((t) => into.add(t));
    for (const rule of Object.values(p.access)) {
      for (const a of rule.approvals)
        if (a.from !== 'codeowners') teamsNamed(a.from).forEach((t) => into.add(t));
    }
  }
}

function teamsOfOwners(
  codeowners: ParsedCodeowners | null,
  paths: readonly string[],
  into: Set<string>,
): void {
  if (!codeowners) return;
  for (const path of paths) {
    for (const owner of ownersOf(codeowners, path)?.owners ?? [])
      if (owner.startsWith('@') && owner.includes('/')) into.add(teamKey(owner));
  }
}

/** Teams for a policy change: the admins rule (and every team any policy names). */
export function teamsNeeded(
  snapshot: Snapshot,
  codeowners: ParsedCodeowners | null,
  paths: readonly string[],
): string[] {
  const teams = new Set<string>();
  teamsOfPolicies(snapshot.policies, teams);
  if (snapshot.settings.admins.from !== 'codeowners')
    teamsNamed(snapshot.settings.admins.from).forEach((t) => teams.add(t));
  teamsOfOwners(codeowners, paths, teams);
  return [...teams].sort();
}

/** Teams for deciding these requests: only the policies that match their resources. */
export function teamsNeededFor(
  prepared: Prepared,
  codeowners: ParsedCodeowners | null,
  grants: readonly GrantRequest[],
): string[] {
  const teams = new Set<string>();
  const policies = new Set<Policy>();
  for (const g of grants)
    for (const r of resolveResources(g, prepared.inventory).resources)
      prepared.policiesFor(r.id).forEach((p) => policies.add(p));
  teamsOfPolicies(policies, teams);
  teamsOfOwners(
    codeowners,
    grants.map((g) => g.file),
    teams,
  );
  return [...teams].sort();
}
