/**
 * doctor: the default branch's merge gate, from classic branch protection and rulesets together
 * (GitHub enforces both layers: a requirement holds when either layer sets it). Pure: facts in,
 * checks out.
 */
import { STATUS_CONTEXT } from '../github/report.js';
import {
  permissionFix,
  unreadable,
  worst,
  type CheckStatus,
  type DoctorCheck,
  type Read,
} from './doctor-model.js';

/** One layer that applies to the branch: classic protection, or one ruleset. */
export interface RuleSource {
  label: string;
  statusCheck?: { strict: boolean };
  pullRequest?: { approvals: number; dismissStale: boolean; codeOwners: boolean; lastPush: boolean };
  /** Who may bypass this layer (empty: nobody); null when it could not be read. */
  bypass: string[] | null;
  /** Why `bypass` is null. */
  bypassUnknown?: string;
}

/** GET /repos/{o}/{r}/branches/{b}/protection (the fields doctor reads). */
export interface ClassicProtection {
  required_status_checks?: {
    strict?: boolean;
    contexts?: string[];
    checks?: Array<{ context: string }>;
  } | null;
  required_pull_request_reviews?: {
    dismiss_stale_reviews?: boolean;
    require_code_owner_reviews?: boolean;
    required_approving_review_count?: number;
    require_last_push_approval?: boolean;
    bypass_pull_request_allowances?: {
      users?: Array<{ login: string }>;
      teams?: Array<{ slug: string }>;
      apps?: Array<{ slug?: string; name?: string }>;
    };
  } | null;
  enforce_admins?: { enabled: boolean } | null;
}

/** An item of GET /repos/{o}/{r}/rules/branches/{b}. */
export interface BranchRule {
  type: string;
  parameters?: Record<string, unknown>;
  ruleset_id?: number;
  ruleset_source_type?: string;
  ruleset_source?: string;
}

/** GET /repos/{o}/{r}/rulesets/{id} (the fields doctor reads). */
export interface RulesetInfo {
  id: number;
  name: string;
  source_type?: string;
  bypass_actors?: Array<{ actor_id?: number | null; actor_type: string; bypass_mode?: string }>;
}

export function classicSource(p: ClassicProtection): RuleSource {
  const checks = p.required_status_checks;
  const contexts = [...(checks?.contexts ?? []), ...(checks?.checks ?? []).map((c) => c.context)];
  const reviews = p.required_pull_request_reviews;
  const bypass: string[] = [];
  if (!p.enforce_admins?.enabled)
    bypass.push('repository administrators (enforce for administrators is off)');
  const allow = reviews?.bypass_pull_request_allowances;
  const allowed = [
    ...(allow?.users ?? []).map((u) => `@${u.login}`),
    ...(allow?.teams ?? []).map((t) => `team ${t.slug}`),
    ...(allow?.apps ?? []).map((a) => `app ${a.slug ?? a.name ?? '?'}`),
  ];
  if (allowed.length) bypass.push(`allowed to bypass required pull requests: ${allowed.join(', ')}`);
  return {
    label: 'branch protection',
    ...(checks && contexts.includes(STATUS_CONTEXT) ? { statusCheck: { strict: !!checks.strict } } : {}),
    ...(reviews
      ? {
          pullRequest: {
            approvals: reviews.required_approving_review_count ?? 0,
            dismissStale: !!reviews.dismiss_stale_reviews,
            codeOwners: !!reviews.require_code_owner_reviews,
            lastPush: !!reviews.require_last_push_approval,
          },
        }
      : {}),
    bypass,
  };
}

// GitHub's built-in repository role ids as rulesets name them (custom roles show as #id).
const ROLE_NAMES: Record<number, string> = { 2: 'maintain', 4: 'write', 5: 'admin' };

function describeActor(a: NonNullable<RulesetInfo['bypass_actors']>[number]): string {
  const mode = a.bypass_mode && a.bypass_mode !== 'always' ? ` (${a.bypass_mode})` : ' (always)';
  switch (a.actor_type) {
    case 'OrganizationAdmin':
      return `organization admins${mode}`;
    case 'RepositoryRole':
      return `repository role ${ROLE_NAMES[a.actor_id ?? -1] ?? `#${a.actor_id ?? '?'}`}${mode}`;
    case 'Team':
      return `team #${a.actor_id ?? '?'}${mode}`;
    case 'Integration':
      return `GitHub App #${a.actor_id ?? '?'}${mode}`;
    case 'DeployKey':
      return `deploy keys${mode}`;
    default:
      return `${a.actor_type} #${a.actor_id ?? '?'}${mode}`;
  }
}

/**
 * The rules of one ruleset (items of GET rules/branches sharing a `ruleset_id`) as a layer, with
 * its bypass list from GET rulesets/{id} (GitHub shows that list only to tokens that can edit the
 * ruleset).
 */
export function rulesetSource(rules: BranchRule[], info: Read<RulesetInfo>): RuleSource {
  const id = rules[0]?.ruleset_id;
  const org = rules[0]?.ruleset_source_type === 'Organization';
  const name = info.ok ? `"${info.value.name}" ` : '';
  const label = `${org ? 'organization ' : ''}ruleset ${name}(#${id ?? '?'})`;
  let statusCheck: RuleSource['statusCheck'];
  let pullRequest: RuleSource['pullRequest'];
  for (const rule of rules) {
    const p = rule.parameters ?? {};
    if (rule.type === 'required_status_checks') {
      const list = Array.isArray(p.required_status_checks)
        ? (p.required_status_checks as Array<{ context?: unknown }>)
        : [];
      if (list.some((c) => c.context === STATUS_CONTEXT))
        statusCheck = { strict: p.strict_required_status_checks_policy === true };
    } else if (rule.type === 'pull_request') {
      pullRequest = {
        approvals:
          typeof p.required_approving_review_count === 'number' ? p.required_approving_review_count : 0,
        dismissStale: p.dismiss_stale_reviews_on_push === true,
        codeOwners: p.require_code_owner_review === true,
        lastPush: p.require_last_push_approval === true,
      };
    }
  }
  let bypass: string[] | null = null;
  let bypassUnknown: string | undefined;
  if (info.ok) {
    if (info.value.bypass_actors) bypass = info.value.bypass_actors.map(describeActor);
    else
      bypassUnknown = `GitHub shows the bypass list of ${label} only to tokens that can edit it (administration: write)`;
  } else if (info.missing) {
    bypassUnknown = `${label} could not be read (404)`;
  } else {
    bypassUnknown = unreadable(`${label}`, info);
  }
  return {
    label,
    ...(statusCheck ? { statusCheck } : {}),
    ...(pullRequest ? { pullRequest } : {}),
    bypass,
    ...(bypassUnknown ? { bypassUnknown } : {}),
  };
}

export interface ProtectionFacts {
  branch: string;
  /** Classic protection: a 404 ("Branch not protected") is `missing`. */
  classic: Read<ClassicProtection>;
  /** GET rules/branches/{b}. */
  rules: Read<BranchRule[]>;
  /** GET rulesets/{id}, for each ruleset id the rules name. */
  rulesets: Map<number, Read<RulesetInfo>>;
}

export function protectionSources(f: ProtectionFacts): RuleSource[] {
  const sources: RuleSource[] = [];
  if (f.classic.ok) sources.push(classicSource(f.classic.value));
  if (f.rules.ok) {
    const byId = new Map<number, BranchRule[]>();
    for (const r of f.rules.value) {
      const id = r.ruleset_id ?? 0;
      byId.set(id, [...(byId.get(id) ?? []), r]);
    }
    for (const [id, rules] of byId)
      sources.push(rulesetSource(rules, f.rulesets.get(id) ?? { ok: false, missing: true }));
  }
  return sources;
}

type Requirement = {
  id: string;
  title: string;
  fix: string;
  holds: (s: RuleSource) => boolean;
  detail: (s: RuleSource) => string;
};

const REQUIREMENTS: Requirement[] = [
  {
    id: 'status-check',
    title: `required status check ${STATUS_CONTEXT}`,
    fix: `enable "Require status checks to pass" and add the check "${STATUS_CONTEXT}" (GitHub offers it once the validate workflow has run on a pull request)`,
    holds: (s) => !!s.statusCheck,
    detail: (s) => (s.statusCheck?.strict ? 'strict: the branch must be up to date' : 'not strict'),
  },
  {
    id: 'pull-request',
    title: 'pull request required before merging',
    fix: 'enable "Require a pull request before merging" (with at least 1 required approval)',
    holds: (s) => !!s.pullRequest,
    detail: (s) => `${s.pullRequest?.approvals ?? 0} approval(s) required`,
  },
  {
    id: 'dismiss-stale',
    title: 'stale approvals dismissed on push',
    fix: 'enable "Dismiss stale pull request approvals when new commits are pushed"',
    holds: (s) => !!s.pullRequest?.dismissStale,
    detail: () => 'on',
  },
  {
    id: 'code-owner-review',
    title: 'review from Code Owners required',
    fix: 'enable "Require review from Code Owners" (so changes to policies/ and .github/ reach their owners)',
    holds: (s) => !!s.pullRequest?.codeOwners,
    detail: () => 'on',
  },
  {
    id: 'last-push-approval',
    title: 'approval of the most recent push required',
    fix: 'enable "Require approval of the most recent reviewable push"',
    holds: (s) => !!s.pullRequest?.lastPush,
    detail: () => 'on',
  },
];

const WHERE = (branch: string) =>
  `in a branch ruleset targeting ${branch} (Settings → Rules → Rulesets) or its branch protection rule (Settings → Branches)`;

export function protectionChecks(f: ProtectionFacts): DoctorCheck[] {
  const sources = protectionSources(f);
  const classicUnread = !f.classic.ok && !f.classic.missing ? f.classic : null;
  const rulesUnread = !f.rules.ok && !f.rules.missing ? f.rules : null;
  const unread = [
    ...(classicUnread ? [{ what: `the branch protection of ${f.branch}`, r: classicUnread }] : []),
    ...(rulesUnread ? [{ what: `the rules of ${f.branch}`, r: rulesUnread }] : []),
  ];
  const checks: DoctorCheck[] = [];
  const group = 'protection' as const;

  // The layers found.
  if (sources.length) {
    checks.push({
      id: 'protection',
      group,
      status: unread.length ? 'warn' : 'pass',
      title: `${f.branch} is protected`,
      message: `${sources.map((s) => s.label).join(' and ')} appl${sources.length === 1 ? 'ies' : 'y'} to ${f.branch}${
        unread.length
          ? `; ${unread.map((u) => unreadable(u.what, u.r.ok ? { message: '' } : u.r)).join('; ')}`
          : ''
      }`,
      ...(unread.length ? { fix: permissionFix(unread[0]!.r, 'rerun doctor') } : {}),
    });
  } else if (unread.length) {
    checks.push({
      id: 'protection',
      group,
      status: 'fail',
      title: `${f.branch} is protected`,
      message: `not verified: ${unread.map((u) => unreadable(u.what, u.r)).join('; ')}; no ruleset applies`,
      fix: permissionFix(unread[0]!.r, `if ${f.branch} is unprotected, add a ruleset ${WHERE(f.branch)}`),
    });
  } else {
    checks.push({
      id: 'protection',
      group,
      status: 'fail',
      title: `${f.branch} is protected`,
      message: `${f.branch} has no branch protection and no ruleset: anyone with write access can merge or push`,
      fix: `add a branch ruleset targeting the default branch (Settings → Rules → Rulesets → New branch ruleset) or a branch protection rule (Settings → Branches) with the settings below`,
    });
  }

  for (const req of REQUIREMENTS) {
    const by = sources.filter(req.holds);
    if (by.length) {
      checks.push({
        id: req.id,
        group,
        status: 'pass',
        title: req.title,
        message: by.map((s) => `${s.label}: ${req.detail(s)}`).join('; '),
      });
    } else if (unread.length && classicUnread) {
      checks.push({
        id: req.id,
        group,
        status: 'fail',
        title: req.title,
        message: `not verified: ${unreadable(`the branch protection of ${f.branch}`, classicUnread)}, and no ruleset sets it`,
        fix: permissionFix(classicUnread, `if it is off, ${req.fix} ${WHERE(f.branch)}`),
      });
    } else {
      checks.push({
        id: req.id,
        group,
        status: 'fail',
        title: req.title,
        message: sources.length ? `not set by ${sources.map((s) => s.label).join(' or ')}` : 'not set',
        fix: `${req.fix} ${WHERE(f.branch)}`,
      });
    }
  }

  checks.push(bypassCheck(f.branch, sources, classicUnread));
  return checks;
}

/**
 * Nobody may bypass the gate: for each of the two requirements that make it a gate (the status
 * check and the pull request), some layer that sets it has an empty bypass list.
 */
function bypassCheck(
  branch: string,
  sources: RuleSource[],
  classicUnread: { message: string; permission?: string } | null,
): DoctorCheck {
  const title = 'nobody can bypass the rules (administrators included)';
  const base = { id: 'no-bypass', group: 'protection' as const, title };
  const gate = REQUIREMENTS.filter((r) => r.id === 'status-check' || r.id === 'pull-request');
  const results: Array<{ status: CheckStatus; line: string; fixes: string[] }> = [];
  for (const req of gate) {
    const by = sources.filter(req.holds);
    if (!by.length) continue;
    if (by.some((s) => s.bypass !== null && s.bypass.length === 0)) {
      const s = by.find((x) => x.bypass !== null && x.bypass.length === 0)!;
      results.push({ status: 'pass', line: `${req.title}: enforced for everyone by ${s.label}`, fixes: [] });
    } else if (by.some((s) => s.bypass === null)) {
      results.push({
        status: 'warn',
        line: `${req.title}: not verified: ${by
          .filter((s) => s.bypass === null)
          .map((s) => s.bypassUnknown ?? s.label)
          .join('; ')}`,
        fixes: [
          'check the bypass list of the ruleset in Settings → Rules → Rulesets, or run doctor with a token that can edit rulesets',
        ],
      });
    } else {
      results.push({
        status: 'fail',
        line: `${req.title}: ${by.map((s) => `${s.label} can be bypassed by ${s.bypass!.join(', ')}`).join('; ')}`,
        fixes: by.map((s) =>
          s.label === 'branch protection'
            ? 'in the branch protection rule enable "Do not allow bypassing the above settings" and clear "Allow specified actors to bypass required pull requests"'
            : `empty the bypass list of ${s.label}`,
        ),
      });
    }
  }
  if (!results.length) {
    return {
      ...base,
      status: 'fail',
      message: classicUnread
        ? `not verified: ${unreadable(`the branch protection of ${branch}`, classicUnread)}`
        : 'nothing enforces the status check or a pull request yet',
      fix: classicUnread
        ? permissionFix(classicUnread, 'rerun doctor')
        : `turn the rules above on with no bypass list (rulesets) or with "Do not allow bypassing the above settings" (branch protection)`,
    };
  }
  const status = worst(results.map((r) => r.status));
  const fixes = [...new Set(results.flatMap((r) => r.fixes))];
  return {
    ...base,
    status,
    message:
      status === 'pass'
        ? results.map((r) => r.line).join('; ')
        : status === 'fail'
          ? 'someone can merge without the gate (a bypassed merge grants nothing, but raises an alert)'
          : 'who may bypass could not be read',
    ...(status !== 'pass' ? { fix: fixes.join('; '), details: results.map((r) => r.line) } : {}),
  };
}
