/**
 * What a grant file deleted from the default branch may have given, for its revocation: the
 * request as it was just before the deletion, and every resource it resolved to then or when it
 * landed (the inventory may have changed in between; revoking where it never gave access is a
 * no-op). Used by `apply` (the push that deletes it) and by `reconcile` (the backstop that
 * revokes deletions whose revocation by `apply` failed or never ran: docs/reference.md).
 */
import { resolveResources } from '../core/resolve.js';
import type { GrantRequest, Resource } from '../core/model.js';
import { landingTimes } from '../git/landing.js';
import { loadConfig, loadGrantFiles } from './config.js';

export type DeletedGrant =
  { valid: true; grant: GrantRequest; resources: Resource[]; landedAt?: number } | { valid: false };

export async function deletedGrant(repoDir: string, file: string, commit: string): Promise<DeletedGrant> {
  const parent = `${commit}^1`;
  const [loaded] = await loadGrantFiles(repoDir, [file], parent);
  if (!loaded?.grant) return { valid: false };
  const grant = loaded.grant;
  const resources = new Map<string, Resource>();
  const atDeletion = await loadConfig(repoDir, parent);
  for (const r of resolveResources(grant, atDeletion.prepared.inventory).resources) resources.set(r.id, r);
  const landed = (await landingTimes(repoDir, parent)).get(file);
  if (landed) {
    const atLanding = await loadConfig(repoDir, `${landed.commit}^1`).catch(() => null);
    for (const r of atLanding ? resolveResources(grant, atLanding.prepared.inventory).resources : [])
      if (!resources.has(r.id)) resources.set(r.id, r);
  }
  return {
    valid: true,
    grant,
    resources: [...resources.values()],
    ...(landed ? { landedAt: landed.time } : {}),
  };
}
