/**
 * Break-glass in reconcile (docs/break-glass.md): is the retro-review of each break-glass grant
 * there (an eligible approval of the merged pull request, after the merge, within
 * `review_within`)? Overdue grants are revoked early by reconcile itself (as expired); this
 * module reads the reviews and keeps the one retro-review issue per grant up to date.
 */
import { directoryWithTeams } from '../core/approvals.js';
import { retroReviewStatus, type RetroReview } from '../core/break-glass.js';
import type { BreakGlassDecision } from '../core/evaluate.js';
import type { PrFacts } from '../core/pr-facts.js';
import type { Prepared } from '../core/prepared.js';
import { teamsNamed } from '../core/principals.js';
import type { GitHubClient } from '../github/client.js';
import { readPrFacts, readPullRequest } from '../github/pr-facts.js';
import type { RepoRef } from '../github/repo-files.js';
import { commentRetroReview, openRetroReviews, upsertRetroReview } from '../github/retro-review.js';
import { teamReader } from '../github/teams.js';
import {
  retroOverdueStatus,
  retroReviewBody,
  retroReviewedComment,
  retroReviewTitle,
  type RetroIssueFacts,
} from '../render/retro-review-markdown.js';

export interface BreakGlassDeps {
  gh: GitHubClient;
  teamsGh: GitHubClient;
  ref: RepoRef;
  login: string | null;
  nowMs: number;
}

/** The retro-review status of one break-glass grant, from the merged pull request's reviews. */
export async function retroStatusOf(
  deps: BreakGlassDeps,
  prepared: Prepared,
  g: { pr: number; breakGlass: BreakGlassDecision; requester: string; landedAtMs: number },
): Promise<RetroReview> {
  const info = await readPullRequest(deps.gh, deps.ref, g.pr);
  const read = await readPrFacts(deps.gh, deps.ref, info);
  const selectors = g.breakGlass.rules.flatMap((r) => (r.from === 'codeowners' ? [] : [...r.from]));
  const teams = await teamReader(deps.teamsGh).members(teamsNamed(selectors));
  // Commits GitHub cannot map (or more than it lists): whoever made them cannot be excluded
  // from reviewing, so no review counts (fail closed, as for approvals).
  const doubt = read.unmappedCommits.length > 0 || read.commitsTruncated;
  const facts: PrFacts = { ...read.facts, teams, ...(doubt ? { reviews: [] } : {}) };
  return retroReviewStatus({
    breakGlass: g.breakGlass,
    requester: g.requester,
    facts,
    dir: directoryWithTeams(prepared.directory, teams),
    landedAtMs: g.landedAtMs,
    nowMs: deps.nowMs,
  });
}

export interface RetroTracked {
  file: string;
  commit: string;
  facts: RetroIssueFacts;
  status: RetroReview | null;
  /** Revoked early this run (or being revoked: the revocation is retried until confirmed). */
  revokedEarly: boolean;
}

/**
 * Keep the issues in step: open (or update) one per break-glass grant still waiting, mark an
 * overdue one as revoked (never re-opening it), and close every open one whose review is there —
 * also for grants already removed from the default branch (`lookup` decides those).
 */
export async function syncRetroIssues(
  deps: BreakGlassDeps,
  tracked: readonly RetroTracked[],
  lookup: (file: string, commit: string) => Promise<RetroReview | null>,
  log: (m: string) => void,
): Promise<number[]> {
  const touched: number[] = [];
  const byKey = new Map(tracked.map((t) => [`${t.file}@${t.commit}`, t]));
  for (const t of tracked) {
    if (!t.status || t.status.reviewedAtAll) continue;
    const body = t.revokedEarly
      ? `${retroReviewBody(t.facts)}\n\n**Status:** ${retroOverdueStatus(t.facts.deadline)}`
      : retroReviewBody(t.facts);
    if (t.revokedEarly) {
      // Never open a new issue for an overdue grant: update the one apply opened.
      const open = (await openRetroReviews(deps.gh, deps.ref, deps.login)).find(
        (i) => i.file === t.file && i.commit === t.commit,
      );
      if (!open) continue;
    }
    const r = await upsertRetroReview(deps.gh, deps.ref, deps.login, {
      file: t.file,
      commit: t.commit,
      title: retroReviewTitle(t.facts),
      body,
    });
    touched.push(r.number);
  }
  for (const issue of await openRetroReviews(deps.gh, deps.ref, deps.login)) {
    let status: RetroReview | null;
    try {
      status = byKey.get(`${issue.file}@${issue.commit}`)?.status ?? (await lookup(issue.file, issue.commit));
    } catch (e) {
      log(`retro-review #${issue.number}: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    if (!status?.reviewedAtAll) continue;
    await commentRetroReview(
      deps.gh,
      deps.ref,
      issue.number,
      retroReviewedComment(status.reviewedBy, new Date(deps.nowMs).toISOString()),
      true,
    );
    touched.push(issue.number);
  }
  return touched;
}
