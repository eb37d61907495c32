/**
 * The digest of a grant's resolved resource set: what reviewers saw on the pull request. apply
 * recomputes it at merge and refuses with `resolution-changed` when it differs (a tag edited or
 * a resource added between review and merge must not widen an approved request).
 */
import { createHash } from 'node:crypto';

export function resolutionDigest(resourceIds: readonly string[]): string {
  const canonical = [...new Set(resourceIds)].sort().join('\n');
  return `sha256:${createHash('sha256').update(canonical, 'utf8').digest('hex')}`;
}
