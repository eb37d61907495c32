/**
 * Break-glass retro-review (docs/break-glass.md). Pure: the merged pull request's facts and the
 * clock are arguments.
 *
 * A break-glass grant is granted on merge without approvals. It keeps its access only when an
 * eligible reviewer APPROVES the merged pull request — a review on its merged head, submitted at
 * or after the landing — before `landing + review_within`. Eligible: matches the policy's
 * `reviewers`; never the requester, the PR author, anyone who authored or committed a commit of
 * the PR, or a bot (the same exclusions as approvals, src/core/approvals.ts).
 */
import { evaluateApprovals, type ApprovalOutcome } from './approvals.js';
import type { BreakGlassDecision } from './evaluate.js';
import type { PrFacts } from './pr-facts.js';
import type { Directory } from './principals.js';

export interface RetroReviewInput {
  breakGlass: BreakGlassDecision;
  requester: string;
  /** The merged pull request: author, commits, reviews; `head_sha` is its merged head. */
  facts: PrFacts;
  dir: Directory;
  /** When the grant landed on the default branch (its window start). */
  landedAtMs: number;
  nowMs: number;
}

export type RetroReviewState =
  /** Approved by an eligible reviewer before the deadline: the grant runs to its normal end. */
  | 'reviewed'
  /** No eligible approval yet, deadline ahead. */
  | 'waiting'
  /** The deadline passed without an eligible approval in time: revoke now. */
  | 'overdue';

export interface RetroReview {
  state: RetroReviewState;
  deadlineMs: number;
  /** Who approved (in time, or — for `overdue` — too late). */
  reviewedBy: string[];
  /** True when an eligible approval exists at all (in time or not): the issue can be closed. */
  reviewedAtAll: boolean;
  /** Who can still give the review. */
  candidates: string[];
  outcome: ApprovalOutcome;
}

function retroOutcome(input: RetroReviewInput, untilMs: number): ApprovalOutcome {
  const reviews = input.facts.reviews.filter((r) => {
    // Post-merge reviews only (a review submitted before the merge reviewed a request, not what
    // was done), and none after `untilMs`.
    if (r.state === 'PENDING' || !r.submitted_at) return false;
    const at = Date.parse(r.submitted_at);
    return Number.isFinite(at) && at >= input.landedAtMs && at < untilMs;
  });
  return evaluateApprovals({
    rules: input.breakGlass.rules,
    requester: input.requester,
    facts: { ...input.facts, reviews },
    dir: input.dir,
    codeowners: null,
  });
}

export function retroReviewStatus(input: RetroReviewInput): RetroReview {
  const deadlineMs = input.landedAtMs + input.breakGlass.reviewWithinMs;
  const inTime = retroOutcome(input, Math.min(deadlineMs, input.nowMs + 1));
  const approvedBy = (o: ApprovalOutcome) => [...new Set(o.rules.flatMap((r) => r.approved_by))];
  const candidates = [...new Set(inTime.rules.flatMap((r) => r.candidates))].sort();
  if (inTime.approved)
    return {
      state: 'reviewed',
      deadlineMs,
      reviewedBy: approvedBy(inTime),
      reviewedAtAll: true,
      candidates,
      outcome: inTime,
    };
  const ever = retroOutcome(input, Infinity);
  return {
    state: input.nowMs >= deadlineMs ? 'overdue' : 'waiting',
    deadlineMs,
    reviewedBy: ever.approved ? approvedBy(ever) : [],
    reviewedAtAll: ever.approved,
    candidates,
    outcome: inTime,
  };
}

/** The reviewers of a break-glass decision, for messages (`group:security`, `@acme/sec`…). */
export function describeReviewers(
  breakGlass: BreakGlassDecision,
  describe: (from: BreakGlassDecision['rules'][number]['from']) => string,
): string {
  return breakGlass.rules.map((r) => describe(r.from)).join(' and ');
}
