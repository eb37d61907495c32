/**
 * The whole decision for one grant file: policy evaluation, identity (requester = PR author),
 * and, when pull-request facts are given, approvals. Pure.
 */
import { evaluateApprovals, directoryWithTeams, type ApprovalOutcome } from './approvals.js';
import { ownersOf, type ParsedCodeowners } from './codeowners.js';
import { diag, type Diagnostic } from './errors.js';
import { evaluatePolicies, type PolicyDecision } from './evaluate.js';
import { checkHistory, type HistoryFacts } from './extension.js';
import { loginKey, type GrantRequest } from './model.js';
import type { PrFacts } from './pr-facts.js';
import type { Prepared } from './prepared.js';

export interface DecideContext {
  /** Pull-request facts; without them approvals are not checked (reported as needed). */
  facts?: PrFacts;
  /** The base branch's CODEOWNERS, parsed; null when there is none. */
  codeowners: ParsedCodeowners | null;
  /**
   * Git history for `extends` and `max_hours_per_30d` (docs/extension.md); without it those are
   * not checked (as approvals without facts). Apply, reconcile and the Action always pass it.
   */
  history?: HistoryFacts;
}

export interface GrantDecision {
  grant: GrantRequest;
  policy: PolicyDecision;
  /** null when approvals were not checked (no PR facts). */
  approvals: ApprovalOutcome | null;
  /** Every error: policy, identity and approval. */
  diagnostics: Diagnostic[];
  /** Valid: nothing but approvals stands in the way. */
  valid: boolean;
  /** Valid and approved (auto-approved when no rules). False when approvals were not checked. */
  approved: boolean;
}

/** The requester must be the PR author: same login (any case) and, where `people:` binds an id, the same id. */
export function requesterIsAuthor(
  grant: GrantRequest,
  facts: PrFacts,
  prepared: Prepared,
): Diagnostic | null {
  const author = facts.author;
  const bound = prepared.snapshot.people.get(loginKey(grant.requester));
  if (loginKey(author.login) !== loginKey(grant.requester)) {
    return diag(
      'requester-not-author',
      `requester ${grant.requester} is not the pull request's author (${author.login}): people request access for themselves`,
      grant.source,
      ['requester'],
    );
  }
  if (bound?.id !== undefined && author.id !== undefined && bound.id !== author.id) {
    return diag(
      'requester-not-author',
      `the author's account id ${author.id} is not the id ${bound.id} that policies/ binds to ${grant.requester}`,
      grant.source,
      ['requester'],
    );
  }
  return null;
}

export function decideGrant(grant: GrantRequest, prepared: Prepared, ctx: DecideContext): GrantDecision {
  const dir = ctx.facts ? directoryWithTeams(prepared.directory, ctx.facts.teams) : prepared.directory;
  const policy = evaluatePolicies(grant, prepared, dir);
  const diagnostics = [...policy.diagnostics];
  const historyErrors = ctx.history ? checkHistory(policy, ctx.history) : [];
  diagnostics.push(...historyErrors);
  let approvals: ApprovalOutcome | null = null;
  if (ctx.facts) {
    const identity = requesterIsAuthor(grant, ctx.facts, prepared);
    if (identity) diagnostics.push(identity);
    const owned = ctx.codeowners ? ownersOf(ctx.codeowners, grant.file) : null;
    approvals = evaluateApprovals({
      rules: policy.rules,
      requester: grant.requester,
      facts: ctx.facts,
      dir,
      codeowners: owned,
    });
    for (const e of approvals.errors) diagnostics.push(diag(e.code, e.message, grant.source, []));
  }
  const valid =
    policy.ok && historyErrors.length === 0 && !diagnostics.some((d) => d.code === 'requester-not-author');
  return {
    grant,
    policy,
    approvals,
    diagnostics,
    valid,
    approved: valid && approvals !== null && approvals.approved && diagnostics.length === 0,
  };
}
