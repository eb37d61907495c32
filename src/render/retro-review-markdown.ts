/**
 * Texts of the break-glass retro-review issue and its comments (docs/break-glass.md). Pure.
 */
import { describeFrom } from '../core/approvals.js';
import type { BreakGlassDecision } from '../core/evaluate.js';
import { code, text } from './markdown/escape.js';

export interface RetroIssueFacts {
  file: string;
  grant: string;
  requester: string;
  access: string;
  resources: readonly string[];
  pr: number;
  start: string;
  end: string;
  deadline: string;
  breakGlass: BreakGlassDecision;
  /** Known people who can give the review (not the requester). */
  candidates: readonly string[];
}

export function reviewersText(bg: BreakGlassDecision): string {
  return bg.rules.map((r) => describeFrom(r.from)).join(' and ');
}

/** The one line validate's comment and apply's report say about a break-glass request. */
export function breakGlassNotice(bg: BreakGlassDecision): string {
  return `break-glass: no approval before merge; a retro-review by ${reviewersText(bg)} is required within ${bg.reviewWithin} or access is revoked`;
}

export function retroReviewTitle(f: RetroIssueFacts): string {
  return `gitgrant: retro-review break-glass grant ${f.grant} (${f.requester}, ${f.access}) by ${f.deadline}`;
}

export function retroReviewBody(f: RetroIssueFacts): string {
  const who = f.candidates.length
    ? ` — can be given by ${f.candidates.map((c) => text(c, 100)).join(', ')}`
    : '';
  return [
    `**Break-glass grant:** ${code(f.file, { max: 200 })}: ${text(f.requester, 100)} got ${code(f.access)} on ${f.resources.map((r) => code(r, { max: 200 })).join(', ')} **without approval**.`,
    `**Pull request:** #${f.pr}`,
    `**Window:** ${f.start} → ${f.end}`,
    `**Retro-review due by:** ${f.deadline} (${f.breakGlass.reviewWithin} after the merge; policy ${f.breakGlass.policies.map((p) => code(p)).join(', ')})`,
    `**Who must review:** ${reviewersText(f.breakGlass)}${who}`,
    '',
    `To review: read what was done, then **approve pull request #${f.pr}** (a review on its merged head, submitted after the merge). The requester, the pull request's author, anyone who authored or committed one of its commits, and bots do not count.`,
    '',
    `If no eligible approval arrives by ${f.deadline}, the scheduled reconcile **revokes the access early** and records it. This issue is closed when the review is there.`,
  ].join('\n');
}

export function retroReviewedComment(by: readonly string[], at: string): string {
  return `Retro-reviewed: pull request approved by ${by.map((b) => text(b, 100)).join(', ')} (seen ${at}). Closing.`;
}

/** Stable text (no clock): the issue body is updated once, not on every run. */
export function retroOverdueStatus(deadline: string): string {
  return `no eligible retro-review by ${deadline}: the access was **revoked early** by reconcile and the revocation is recorded like an expiry. The review is still needed: approve the pull request, and this issue closes.`;
}
