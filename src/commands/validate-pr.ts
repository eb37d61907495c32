/**
 * `validate` on a pull request (the Action): read the PR as data through the API, decide, and
 * say what to report. Trust comes from the base: policies, people, groups, settings and
 * CODEOWNERS are read at the PR's base commit; grant files are read as blobs at the head
 * commit and never checked out or executed.
 */
import { classifyChanges } from '../core/changes.js';
import type { Diagnostic } from '../core/errors.js';
import type { PrFacts } from '../core/pr-facts.js';
import { teamsNeededFor } from '../core/teams-needed.js';
import { teamsNamed } from '../core/principals.js';
import { readPrFacts, readPullRequest, type PullRequestInfo } from '../github/pr-facts.js';
import { teamReader } from '../github/teams.js';
import { configAt, grantsAt, type PrContext } from './pr-files.js';
import { evaluateRequests, type ValidateOutcome } from './validate.js';
import type { HistoryFacts } from '../core/extension.js';
import { historyReader } from './history.js';
import { evaluatePolicyChange, type PolicyChangeOutcome } from './policy-change.js';

export type PrValidation =
  | { kind: 'grants'; pr: PullRequestInfo; outcome: ValidateOutcome }
  | { kind: 'policy'; pr: PullRequestInfo; policy: PolicyChangeOutcome }
  | { kind: 'none'; pr: PullRequestInfo };

/**
 * Decide a pull request. Pass the `PullRequestInfo` already read when the caller reports on its
 * head commit: the decision is then about exactly that head (a push in between is detected and
 * refused, never mixed in).
 */
export async function validatePullRequest(
  ctx: PrContext,
  prOrNumber: number | PullRequestInfo,
): Promise<PrValidation> {
  const pr = typeof prOrNumber === 'number' ? await readPullRequest(ctx.gh, ctx.ref, prOrNumber) : prOrNumber;
  const { facts: partial, unmappedCommits, commitsTruncated } = await readPrFacts(ctx.gh, ctx.ref, pr);
  const doubt = identityDoubt(unmappedCommits, commitsTruncated);
  const changes = classifyChanges(partial.changed_files);
  const base = await configAt(ctx, pr.baseSha);

  if (changes.kind === 'policy') {
    // A policy change needs only the admins' teams.
    const admins = base.prepared.snapshot.settings.admins.from;
    const teams = await teamReader(ctx.teamsGh).members(admins === 'codeowners' ? [] : teamsNamed(admins));
    const policy = await evaluatePolicyChange(ctx, pr, { ...partial, teams }, base);
    if (doubt) {
      policy.approvals.approved = false;
      policy.approvals.errors.push({ code: 'approval-missing', message: doubt });
      policy.ok = false;
    }
    return { kind: 'policy', pr, policy };
  }
  if (changes.kind === 'other') return { kind: 'none', pr };

  const loaded = await grantsAt(ctx, pr.headSha, changes.added);
  const grants = loaded.flatMap((l) => (l.grant ? [l.grant] : []));
  const teams = await teamReader(ctx.teamsGh).members(teamsNeededFor(base.prepared, base.codeowners, grants));
  const facts: PrFacts = { ...partial, teams };
  // Extensions and hours caps: the base's history, from the local clone of the default branch.
  const history = new Map<string, HistoryFacts>();
  const reader = historyReader(ctx.repoDir ?? '.');
  const nowMs = Date.now();
  for (const g of grants) {
    const h = await reader.factsFor(ctx.repoDir ? pr.baseSha : null, g, base.prepared, nowMs);
    if (h) history.set(g.file, h);
  }
  const outcome = evaluateRequests(base, loaded, facts, history);
  if (doubt) failClosed(outcome, doubt);
  return { kind: 'grants', pr, outcome };
}

/**
 * A commit GitHub cannot map to an account, or a commit beyond the 250 GitHub lists, was made by
 * someone nobody can exclude from approving: fail closed rather than risk counting that person's
 * own approval.
 */
function identityDoubt(unmapped: string[], truncated: boolean): string | null {
  if (unmapped.length) {
    return `commit ${unmapped.map((s) => s.slice(0, 7)).join(', ')} has an author or committer GitHub cannot map to an account, so approvals cannot exclude them: re-author the commit with an e-mail linked to a GitHub account`;
  }
  if (truncated) {
    return 'this pull request has more commits than GitHub lists (250), so the people who made the rest cannot be excluded from approving: squash the commits';
  }
  return null;
}

function failClosed(outcome: ValidateOutcome, message: string): void {
  for (const r of outcome.json.results) {
    const d: Diagnostic = { code: 'approval-missing', message, file: r.file, line: 1, column: 1 };
    r.errors.push(d);
    r.ok = false;
    r.approved = false;
  }
  outcome.json.ok = false;
}
