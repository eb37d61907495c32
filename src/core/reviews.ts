/**
 * Effective reviews (DESIGN.md §3): per reviewer, the latest review that is not COMMENTED
 * (and not PENDING, which is an unsubmitted draft). A DISMISSED review resets the reviewer:
 * GitHub turns a dismissed review's state into DISMISSED, so the reviewer has no standing
 * verdict until they review again.
 */
import { loginKey } from './model.js';
import type { Review } from './pr-facts.js';

function time(review: Review): number | undefined {
  if (review.submitted_at === undefined) return undefined;
  const ms = Date.parse(review.submitted_at);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Reviews in chronological order. GitHub already lists them oldest first; sorting guards
 * against adapters or hand-written facts that do not. Sort key: submitted_at, then id, then
 * input position. A review missing a timestamp (or id) inherits the previous review's value,
 * so it stays where GitHub put it and the order is total (a comparator that skipped missing
 * values could be inconsistent and sort differently across engines).
 */
export function chronological(reviews: readonly Review[]): Review[] {
  let lastTime = Number.NEGATIVE_INFINITY;
  let lastId = Number.NEGATIVE_INFINITY;
  const keyed = reviews.map((review, index) => {
    lastTime = time(review) ?? lastTime;
    lastId = typeof review.id === 'number' && Number.isFinite(review.id) ? review.id : lastId;
    return { review, t: lastTime, id: lastId, index };
  });
  keyed.sort((a, b) => a.t - b.t || a.id - b.id || a.index - b.index);
  return keyed.map((k) => k.review);
}

/** Lower-case login → that reviewer's effective review. Deleted accounts (`user: null`) are ignored. */
export function effectiveReviews(reviews: readonly Review[]): Map<string, Review> {
  const effective = new Map<string, Review>();
  for (const review of chronological(reviews)) {
    if (!review.user) continue;
    const key = loginKey(review.user.login);
    switch (review.state) {
      case 'COMMENTED':
      case 'PENDING':
        break;
      case 'DISMISSED':
        effective.delete(key);
        break;
      default:
        effective.set(key, review);
    }
  }
  return effective;
}
