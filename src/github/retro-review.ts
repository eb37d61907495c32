/**
 * Break-glass retro-review issues (docs/break-glass.md): ONE open issue per break-glass grant
 * (label `gitgrant-retro-review`), found again by a hidden marker naming the grant file and its
 * landing commit and by being ours, updated in place, never duplicated — the pattern of alerts.ts.
 */
import type { GitHubClient } from './client.js';
import type { RepoRef } from './repo-files.js';
import { isOurs } from './sticky-read.js';

export const RETRO_REVIEW_LABEL = 'gitgrant-retro-review';

const SAFE = /[^A-Za-z0-9._/:@-]/g;

export function retroReviewMarker(file: string, commit: string): string {
  return `<!-- gitgrant:retro-review ${file.replace(SAFE, '_')}@${commit.replace(SAFE, '_')} -->`;
}

const MARKER_RE = /<!-- gitgrant:retro-review ([A-Za-z0-9._/:@-]+)@([0-9a-f]{7,64}) -->/;

export interface RetroIssue {
  number: number;
  file: string;
  commit: string;
}

async function openIssues(gh: GitHubClient, ref: RepoRef) {
  return gh.paginate(gh.rest.issues.listForRepo, {
    ...ref,
    state: 'open',
    labels: RETRO_REVIEW_LABEL,
    per_page: 100,
  });
}

/** Our open retro-review issues, with the grant file and landing commit each is about. */
export async function openRetroReviews(
  gh: GitHubClient,
  ref: RepoRef,
  login: string | null,
): Promise<RetroIssue[]> {
  const out: RetroIssue[] = [];
  for (const i of await openIssues(gh, ref)) {
    if (i.pull_request) continue;
    const m = MARKER_RE.exec(i.body ?? '');
    if (!m || !isOurs(i, m[0], login)) continue;
    out.push({ number: i.number, file: m[1]!, commit: m[2]! });
  }
  return out;
}

export async function upsertRetroReview(
  gh: GitHubClient,
  ref: RepoRef,
  login: string | null,
  issue: { file: string; commit: string; title: string; body: string },
): Promise<{ number: number; created: boolean }> {
  const marker = retroReviewMarker(issue.file, issue.commit);
  const body = `${marker}\n${issue.body}`;
  const existing = (await openIssues(gh, ref)).find((i) => !i.pull_request && isOurs(i, marker, login));
  if (existing) {
    if (existing.body !== body || existing.title !== issue.title)
      await gh.rest.issues.update({ ...ref, issue_number: existing.number, title: issue.title, body });
    return { number: existing.number, created: false };
  }
  const { data } = await gh.rest.issues.create({
    ...ref,
    title: issue.title,
    body,
    labels: [RETRO_REVIEW_LABEL],
  });
  return { number: data.number, created: true };
}

/** Say something on a retro-review issue, and close it when `close`. */
export async function commentRetroReview(
  gh: GitHubClient,
  ref: RepoRef,
  number: number,
  body: string,
  close: boolean,
): Promise<void> {
  await gh.rest.issues.createComment({ ...ref, issue_number: number, body });
  if (close) await gh.rest.issues.update({ ...ref, issue_number: number, state: 'closed' });
}
