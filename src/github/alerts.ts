/**
 * Alert issues: one open issue per problem key (labelled `gitgrant-alert`, found by a hidden
 * marker and by being ours), updated in place on every recurrence, never duplicated. Creating an
 * issue is not retried blindly by the client; a rerun finds the issue if it was made after all.
 */
import type { GitHubClient } from './client.js';
import type { RepoRef } from './repo-files.js';
import { isOurs } from './sticky-read.js';

export const ALERT_LABEL = 'gitgrant-alert';

export function alertMarker(key: string): string {
  return `<!-- gitgrant:alert ${key.replace(/[^A-Za-z0-9._/:@-]/g, '_')} -->`;
}

export async function upsertAlert(
  gh: GitHubClient,
  ref: RepoRef,
  login: string | null,
  alert: { key: string; title: string; body: string },
): Promise<{ number: number; created: boolean }> {
  const marker = alertMarker(alert.key);
  const body = `${marker}\n${alert.body}`;
  const open = await gh.paginate(gh.rest.issues.listForRepo, {
    ...ref,
    state: 'open',
    labels: ALERT_LABEL,
    per_page: 100,
  });
  const existing = open.find((i) => !i.pull_request && isOurs(i, marker, login));
  if (existing) {
    if (existing.body !== body || existing.title !== alert.title) {
      await gh.rest.issues.update({ ...ref, issue_number: existing.number, title: alert.title, body });
    }
    return { number: existing.number, created: false };
  }
  const { data } = await gh.rest.issues.create({ ...ref, title: alert.title, body, labels: [ALERT_LABEL] });
  return { number: data.number, created: true };
}
