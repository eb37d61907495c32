/**
 * Approval evaluation (DESIGN.md §3): do the pull request's reviews satisfy the required rules?
 *
 *   1. Each reviewer's effective review (reviews.ts); only APPROVED on the current head counts.
 *   2. Never counting: the requester, the PR author, every commit author or committer, bots,
 *      and a reviewer whose account id differs from the id `people:` binds to that login.
 *   3. An effective CHANGES_REQUESTED (on any commit) from someone able to approve blocks.
 *   4. Rule i needs `count` distinct approvers; one approver fills at most one slot across all
 *      rules, assigned by maximum bipartite matching (matching.ts).
 *
 * Fail closed throughout: unknown team membership, unmappable CODEOWNERS entries (emails) and
 * `same_tags` selectors (rules are merged across resources, so there is no one resource to
 * compare with) match nobody.
 */
import type { ErrorCode } from './errors.js';
import { loginKey, type PrincipalSelector } from './model.js';
import { isBot, type GitHubUser, type PrFacts, type Review } from './pr-facts.js';
import {
  describePrincipal,
  expandPrincipal,
  principalMatches,
  teamKey,
  type Directory,
} from './principals.js';
import { effectiveReviews } from './reviews.js';
import { maximumMatching, type Slot } from './matching.js';
import { ownerKind } from './codeowners.js';

export interface ApprovalRuleInput {
  from: readonly PrincipalSelector[] | 'codeowners';
  count: number;
  policies: readonly string[];
}

export interface ApprovalInput {
  /** Already merged by the policy engine (rules.ts). Empty = auto-approved. */
  rules: readonly ApprovalRuleInput[];
  requester: string;
  facts: PrFacts;
  /** With `teams` from the facts (see `directoryWithTeams`); `people` binds logins to account ids. */
  dir: Directory;
  /** Owners of the grant file's path in the base CODEOWNERS; null = no file or no owner for the path. */
  codeowners: { owners: readonly string[] } | null;
}

export interface RuleOutcome {
  /** Display form: `group:sre`, `@acme/dba`, `group:sre, @acme/dba`, `codeowners`. */
  from: string;
  count: number;
  /** Logins assigned to this rule's slots, in slot order. */
  approved_by: string[];
  missing: number;
  /** Who could still fill a missing slot: eligible, not excluded, not already used. Sorted. */
  candidates: string[];
  policies: string[];
}

export interface ApprovalOutcome {
  approved: boolean;
  rules: RuleOutcome[];
  errors: { code: ErrorCode; message: string }[];
  /** Reviews that were seen but do not count, with why (for the PR comment). */
  ignored: { login: string; reason: string }[];
  /** Things that narrowed who can approve without being any one reviewer's fault. */
  notes: string[];
}

/** A directory whose teams are exactly the PR facts' teams (active members only). */
export function directoryWithTeams(
  base: Directory,
  teams: Readonly<Record<string, readonly string[]>>,
): Directory {
  const map = new Map<string, string[]>();
  for (const [team, members] of Object.entries(teams)) {
    const key = teamKey(team);
    map.set(key, [...(map.get(key) ?? []), ...members]);
  }
  return { people: base.people, groups: base.groups, teams: map };
}

export function describeFrom(from: ApprovalRuleInput['from']): string {
  return from === 'codeowners' ? 'codeowners' : from.map(describePrincipal).join(', ');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The same GitHub account: same login (any case), or the same numeric id where both are known. */
function sameAccount(user: GitHubUser, other: GitHubUser): boolean {
  if (loginKey(user.login) === loginKey(other.login)) return true;
  return typeof user.id === 'number' && typeof other.id === 'number' && user.id === other.id;
}

/** Why `user` may never approve this PR, or null. */
function exclusion(user: GitHubUser, input: ApprovalInput): string | null {
  const { facts, dir } = input;
  if (isBot(user)) return 'is a bot';
  // The requester's bound id (if any) catches a reviewer who is the requester under a new login.
  const requester: GitHubUser = { login: input.requester, id: dir.people.get(loginKey(input.requester))?.id };
  if (sameAccount(user, requester)) return 'is the requester';
  if (sameAccount(user, facts.author)) return 'is the pull request author';
  if (facts.commit_authors.some((a) => sameAccount(user, a))) return 'authored a commit in this PR';
  const person = dir.people.get(loginKey(user.login));
  if (person && typeof person.id === 'number' && typeof user.id === 'number' && person.id !== user.id) {
    // The login was renamed and reused by another account: it is not the person policies/ names.
    return `id ${user.id} does not match people.${person.login}.id ${person.id}`;
  }
  return null;
}

interface RuleView {
  eligible(login: string): boolean;
  /** Everyone known to be eligible (for "who can approve" listings). */
  known(): string[];
}

function selectorRule(from: readonly PrincipalSelector[], dir: Directory, notes: Set<string>): RuleView {
  for (const sel of from) {
    if (typeof sel === 'string' && sel.startsWith('@') && !dir.teams.has(teamKey(sel))) {
      notes.add(
        `membership of ${sel} is unknown (not in the pull request facts): its members cannot approve`,
      );
    }
    if (typeof sel !== 'string' && 'same_tags' in sel) {
      notes.add(
        `${describePrincipal(sel)} cannot select approvers (rules span resources): it matches nobody`,
      );
    }
  }
  return {
    eligible: (login) => from.some((sel) => principalMatches(sel, login, dir)),
    known: () => from.flatMap((sel) => expandPrincipal(sel, dir)),
  };
}

function codeownersRule(owners: readonly string[], dir: Directory, notes: Set<string>): RuleView {
  const users: string[] = [];
  const teams: string[] = [];
  for (const owner of owners) {
    const kind = ownerKind(owner);
    if (kind === 'user') users.push(owner.slice(1));
    else if (kind === 'team') {
      if (dir.teams.has(teamKey(owner))) teams.push(teamKey(owner));
      else
        notes.add(
          `membership of code owner ${owner} is unknown (not in the pull request facts): its members cannot approve`,
        );
    } else
      notes.add(`code owner ${owner} is an email address, which cannot be mapped to an account: ignored`);
  }
  const known = () => [...users, ...teams.flatMap((t) => dir.teams.get(t) ?? [])];
  const keys = () => new Set(known().map(loginKey));
  return { eligible: (login) => keys().has(loginKey(login)), known };
}

function uniqueSorted(logins: Iterable<string>): string[] {
  const byKey = new Map<string, string>();
  for (const login of logins) if (!byKey.has(loginKey(login))) byKey.set(loginKey(login), login);
  return [...byKey.values()].sort((a, b) =>
    loginKey(a) < loginKey(b) ? -1 : loginKey(a) > loginKey(b) ? 1 : 0,
  );
}

function error(code: ErrorCode, message: string) {
  return { code, message };
}

export function evaluateApprovals(input: ApprovalInput): ApprovalOutcome {
  const { rules, facts } = input;
  const errors: ApprovalOutcome['errors'] = [];
  const ignored: ApprovalOutcome['ignored'] = [];
  const notes = new Set<string>();
  const head = facts.head_sha.toLowerCase();

  const views = rules.map((rule): RuleView => {
    if (rule.from !== 'codeowners') return selectorRule(rule.from, input.dir, notes);
    if (!input.codeowners || input.codeowners.owners.length === 0) {
      errors.push(
        error(
          'no-codeowners',
          'a rule requires code owner approval, but CODEOWNERS names no owner for this grant file',
        ),
      );
      return { eligible: () => false, known: () => [] };
    }
    return codeownersRule(input.codeowners.owners, input.dir, notes);
  });
  for (const [i, rule] of rules.entries()) {
    if (!Number.isInteger(rule.count) || rule.count < 0) {
      errors.push(
        error(
          'config-invalid',
          `approval rule ${describeFrom(rule.from)} has an invalid count ${rule.count}`,
        ),
      );
      views[i] = { eligible: () => false, known: () => [] };
    }
  }
  const eligibleForAny = (login: string) => views.some((v) => v.eligible(login));

  // Reviewers whose approval counts, and who blocks.
  const approvers: Review[] = [];
  const blockers: string[] = [];
  for (const review of effectiveReviews(facts.reviews).values()) {
    const user = review.user!;
    const excluded = exclusion(user, input);
    if (review.state === 'CHANGES_REQUESTED') {
      if (!excluded && eligibleForAny(user.login)) blockers.push(user.login);
      else
        ignored.push({
          login: user.login,
          reason: `requested changes but ${excluded ?? 'cannot approve this grant'}`,
        });
      continue;
    }
    if (excluded) ignored.push({ login: user.login, reason: excluded });
    else if (review.commit_id.toLowerCase() !== head) {
      ignored.push({
        login: user.login,
        reason: `approved an older commit (${review.commit_id.slice(0, 7)})`,
      });
    } else if (!eligibleForAny(user.login)) {
      ignored.push({ login: user.login, reason: 'is not an approver for any required rule' });
    } else approvers.push(review);
  }
  if (blockers.length > 0) {
    errors.push(error('changes-requested', `changes requested by ${uniqueSorted(blockers).join(', ')}`));
  }

  // One slot per required approval; approvers matched to slots, each used at most once.
  const slots: Slot[] = [];
  rules.forEach((rule, i) => {
    const candidates = new Set(
      approvers.filter((r) => views[i]!.eligible(r.user!.login)).map((r) => r.user!.login),
    );
    const count = Number.isInteger(rule.count) && rule.count > 0 ? rule.count : 0;
    for (let n = 0; n < count; n++) slots.push({ rule: i, candidates });
  });
  const assignment = maximumMatching(slots);
  const used = new Set(assignment.filter((a): a is string => a !== null).map(loginKey));

  const outcomes = rules.map((rule, i): RuleOutcome => {
    const approvedBy = slots.flatMap((s, k) => (s.rule === i && assignment[k] ? [assignment[k]!] : []));
    const count = Number.isInteger(rule.count) && rule.count > 0 ? rule.count : 0;
    const missing = count - approvedBy.length;
    const candidates = uniqueSorted(
      views[i]!.known().filter((login) => !used.has(loginKey(login)) && exclusion({ login }, input) === null),
    );
    if (missing > 0) {
      const from = describeFrom(rule.from);
      const have = approvedBy.length ? ` (${approvedBy.join(', ')})` : '';
      const who = candidates.length ? `can be given by ${candidates.join(', ')}` : 'no one else can give it';
      errors.push(
        error(
          'approval-missing',
          `${from} needs ${plural(count, 'approval')}, has ${approvedBy.length}${have}; ${who}`,
        ),
      );
    }
    return {
      from: describeFrom(rule.from),
      count: rule.count,
      approved_by: approvedBy,
      missing,
      candidates,
      policies: [...rule.policies],
    };
  });

  return { approved: errors.length === 0, rules: outcomes, errors, ignored, notes: [...notes] };
}
