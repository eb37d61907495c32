import {
  directoryWithTeams,
  evaluateApprovals,
  type ApprovalInput,
  type ApprovalRuleInput,
} from '../../src/core/approvals.js';
import type { Person } from '../../src/core/model.js';
import type { GitHubUser, PrFacts, Review } from '../../src/core/pr-facts.js';
import type { Directory } from '../../src/core/principals.js';

const HEAD = 'c0ffee';
const OLD = 'dec0de';

const person = (login: string, id: number, tags: Record<string, string[]> = {}): Person => ({
  login,
  id,
  tags,
  identities: {},
});
const people = [
  person('alice', 101),
  person('bob', 102),
  person('carol', 103, { role: ['dba'] }),
  person('dave', 104),
  person('erin', 105),
  person('frank', 106),
];
const base: Directory = {
  people: new Map(people.map((p) => [p.login, p])),
  groups: new Map([
    ['sre', ['bob', 'carol']],
    ['dba', ['carol', 'dave']],
    ['security', ['erin', 'frank']],
  ]),
  teams: new Map(),
};
const ID: Record<string, number> = Object.fromEntries(people.map((p) => [p.login, p.id!]));

const user = (login: string, extra: Partial<GitHubUser> = {}): GitHubUser => ({
  login,
  ...(ID[login.toLowerCase()] !== undefined && { id: ID[login.toLowerCase()] }),
  type: 'User',
  ...extra,
});

let clock = 0;
function rv(login: string, state: Review['state'], commit = HEAD, extra: Partial<GitHubUser> = {}): Review {
  clock++;
  return {
    user: user(login, extra),
    state,
    commit_id: commit,
    submitted_at: new Date(Date.UTC(2026, 0, 1, 0, clock)).toISOString(),
  };
}

const SRE: ApprovalRuleInput = { from: ['group:sre'], count: 1, policies: ['production-data'] };
const DBA: ApprovalRuleInput = { from: ['group:dba'], count: 1, policies: ['production-data'] };
const CODEOWNERS: ApprovalRuleInput = { from: 'codeowners', count: 1, policies: ['production-data'] };

interface Row {
  name: string;
  rules?: ApprovalRuleInput[];
  reviews: Review[];
  author?: string;
  commitAuthors?: string[];
  teams?: Record<string, string[]>;
  codeowners?: string[] | null;
  approved: boolean;
  /** approved_by per rule */
  filled?: string[][];
  codes?: string[];
  ignored?: Record<string, RegExp>;
}

function run(row: Row) {
  const facts: PrFacts = {
    number: 7,
    author: user(row.author ?? 'alice'),
    head_sha: HEAD,
    changed_files: [{ path: 'grants/alice-billing.yaml', status: 'added' }],
    commit_authors: (row.commitAuthors ?? [row.author ?? 'alice']).map((l) => user(l)),
    reviews: row.reviews,
    teams: row.teams ?? { 'acme/sre': ['bob'], 'acme/dba': ['dave'] },
  };
  const input: ApprovalInput = {
    rules: row.rules ?? [SRE],
    requester: 'alice',
    facts,
    dir: directoryWithTeams(base, facts.teams),
    codeowners:
      row.codeowners === undefined ? null : row.codeowners === null ? null : { owners: row.codeowners },
  };
  return evaluateApprovals(input);
}

const rows: Row[] = [
  { name: 'valid approval', reviews: [rv('bob', 'APPROVED')], approved: true, filled: [['bob']] },
  {
    name: 'stale approval on an old head',
    reviews: [rv('bob', 'APPROVED', OLD)],
    approved: false,
    filled: [[]],
    codes: ['approval-missing'],
    ignored: { bob: /older commit \(dec0de\)/ },
  },
  {
    name: 'DISMISSED after APPROVED',
    reviews: [rv('bob', 'APPROVED'), rv('bob', 'DISMISSED')],
    approved: false,
    codes: ['approval-missing'],
  },
  {
    name: 'COMMENTED after APPROVED still approved',
    reviews: [rv('bob', 'APPROVED'), rv('bob', 'COMMENTED')],
    approved: true,
    filled: [['bob']],
  },
  {
    name: 'APPROVED, CHANGES_REQUESTED, APPROVED',
    reviews: [rv('bob', 'APPROVED'), rv('bob', 'CHANGES_REQUESTED'), rv('bob', 'APPROVED')],
    approved: true,
    filled: [['bob']],
  },
  {
    name: 'self-approval by the requester',
    rules: [{ from: ['alice', 'group:sre'], count: 1, policies: ['p'] }],
    reviews: [rv('alice', 'APPROVED')],
    approved: false,
    codes: ['approval-missing'],
    ignored: { alice: /is the requester/ },
  },
  {
    name: 'approval by the PR author when it differs from the requester',
    author: 'bob',
    commitAuthors: [],
    reviews: [rv('bob', 'APPROVED')],
    approved: false,
    codes: ['approval-missing'],
    ignored: { bob: /pull request author/ },
  },
  {
    name: 'approval by a commit author',
    commitAuthors: ['alice', 'carol'],
    reviews: [rv('carol', 'APPROVED')],
    approved: false,
    codes: ['approval-missing'],
    ignored: { carol: /authored a commit/ },
  },
  {
    name: 'commit author matched by id after a rename',
    commitAuthors: ['alice'],
    reviews: [{ ...rv('carol', 'APPROVED'), user: { login: 'carol', id: 101 } }],
    approved: false,
    codes: ['approval-missing'],
    ignored: { carol: /requester|id 101/ },
  },
  {
    name: 'bot approval (type Bot)',
    rules: [{ from: ['ci-app', 'group:sre'], count: 1, policies: ['p'] }],
    reviews: [rv('ci-app', 'APPROVED', HEAD, { type: 'Bot' })],
    approved: false,
    codes: ['approval-missing'],
    ignored: { 'ci-app': /bot/ },
  },
  {
    name: 'bot approval ([bot] login)',
    rules: [{ from: ['helper[bot]'], count: 1, policies: ['p'] }],
    reviews: [rv('helper[bot]', 'APPROVED')],
    approved: false,
    codes: ['approval-missing'],
    ignored: { 'helper[bot]': /bot/ },
  },
  {
    name: 'one person in SRE and DBA fills only one of two slots',
    rules: [SRE, DBA],
    reviews: [rv('carol', 'APPROVED')],
    approved: false,
    codes: ['approval-missing'],
  },
  {
    name: 'a second person fills the other slot',
    rules: [SRE, DBA],
    reviews: [rv('carol', 'APPROVED'), rv('bob', 'APPROVED')],
    approved: true,
    filled: [['bob'], ['carol']],
  },
  {
    name: 'matching moves carol to DBA so bob can fill SRE, whatever the review order',
    rules: [SRE, DBA],
    reviews: [rv('bob', 'APPROVED'), rv('carol', 'APPROVED')],
    approved: true,
    filled: [['bob'], ['carol']],
  },
  {
    name: 'count 2 with one approval',
    rules: [{ from: ['group:security'], count: 2, policies: ['admins'] }],
    reviews: [rv('erin', 'APPROVED')],
    approved: false,
    filled: [['erin']],
    codes: ['approval-missing'],
  },
  {
    name: 'count 2 with two approvals',
    rules: [{ from: ['group:security'], count: 2, policies: ['admins'] }],
    reviews: [rv('erin', 'APPROVED'), rv('frank', 'APPROVED')],
    approved: true,
    filled: [['erin', 'frank']],
  },
  {
    name: 'CHANGES_REQUESTED from an approver blocks',
    rules: [SRE, DBA],
    reviews: [rv('bob', 'APPROVED'), rv('carol', 'APPROVED'), rv('dave', 'CHANGES_REQUESTED', OLD)],
    approved: false,
    codes: ['changes-requested'],
  },
  {
    name: 'CHANGES_REQUESTED from someone who cannot approve does not block',
    reviews: [rv('bob', 'APPROVED'), rv('erin', 'CHANGES_REQUESTED')],
    approved: true,
    ignored: { erin: /requested changes but cannot approve/ },
  },
  {
    name: 'CHANGES_REQUESTED from an excluded commit author does not block',
    commitAuthors: ['alice', 'carol'],
    reviews: [rv('bob', 'APPROVED'), rv('carol', 'CHANGES_REQUESTED')],
    approved: true,
  },
  {
    name: 'team membership absent from facts (inactive/pending) does not count',
    rules: [{ from: ['@acme/sre'], count: 1, policies: ['p'] }],
    teams: { 'acme/sre': ['bob'] },
    reviews: [rv('carol', 'APPROVED')],
    approved: false,
    codes: ['approval-missing'],
    ignored: { carol: /not an approver/ },
  },
  {
    name: 'active team member counts',
    rules: [{ from: ['@Acme/SRE'], count: 1, policies: ['p'] }],
    teams: { 'acme/sre': ['Bob'] },
    reviews: [rv('bob', 'APPROVED')],
    approved: true,
    filled: [['bob']],
  },
  {
    name: 'login case differences',
    rules: [{ from: ['BOB'], count: 1, policies: ['p'] }],
    reviews: [rv('Bob', 'APPROVED')],
    approved: true,
    filled: [['Bob']],
  },
  {
    name: 'id mismatch: a reused login is not the person',
    reviews: [rv('bob', 'APPROVED', HEAD, { id: 999 })],
    approved: false,
    codes: ['approval-missing'],
    ignored: { bob: /id 999 does not match people\.bob\.id 102/ },
  },
  {
    name: 'codeowners with a team owner',
    rules: [CODEOWNERS],
    codeowners: ['@acme/dba', 'owners@example.com'],
    reviews: [rv('dave', 'APPROVED')],
    approved: true,
    filled: [['dave']],
  },
  {
    name: 'codeowners with a user owner; non-owners do not count',
    rules: [CODEOWNERS],
    codeowners: ['@Erin'],
    reviews: [rv('bob', 'APPROVED')],
    approved: false,
    codes: ['approval-missing'],
  },
  {
    name: 'no-codeowners (no file or no owner for the path)',
    rules: [CODEOWNERS],
    codeowners: null,
    reviews: [rv('bob', 'APPROVED')],
    approved: false,
    codes: ['no-codeowners', 'approval-missing'],
  },
  {
    name: 'no-codeowners (a matching line without owners)',
    rules: [CODEOWNERS],
    codeowners: [],
    reviews: [],
    approved: false,
    codes: ['no-codeowners', 'approval-missing'],
  },
  { name: 'empty rules: auto-approved', rules: [], reviews: [], approved: true, filled: [] },
];

describe('evaluateApprovals', () => {
  test.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    const out = run(row);
    expect(out.approved).toBe(row.approved);
    expect(out.errors.map((e) => e.code)).toEqual(row.codes ?? []);
    if (row.filled) expect(out.rules.map((r) => r.approved_by)).toEqual(row.filled);
    for (const [login, reason] of Object.entries(row.ignored ?? {})) {
      expect(out.ignored).toContainEqual({ login, reason: expect.stringMatching(reason) });
    }
  });

  test('the output shape per rule', () => {
    const out = run({ name: '', rules: [SRE, DBA], reviews: [rv('carol', 'APPROVED')], approved: false });
    expect(out.rules).toEqual([
      {
        from: 'group:sre',
        count: 1,
        approved_by: ['carol'],
        missing: 0,
        candidates: ['bob'],
        policies: ['production-data'],
      },
      {
        from: 'group:dba',
        count: 1,
        approved_by: [],
        missing: 1,
        candidates: ['dave'],
        policies: ['production-data'],
      },
    ]);
    expect(out.errors[0]!.message).toMatch(/group:dba needs 1 approval, has 0; can be given by dave/);
  });

  test('candidates exclude the requester, the author and commit authors', () => {
    const out = run({
      name: '',
      rules: [{ from: ['alice', 'group:sre', 'dave'], count: 1, policies: ['p'] }],
      commitAuthors: ['alice', 'dave'],
      reviews: [],
      approved: false,
    });
    expect(out.rules[0]!.candidates).toEqual(['bob', 'carol']);
  });

  test('changes-requested names the blockers', () => {
    const out = run({
      name: '',
      reviews: [rv('carol', 'CHANGES_REQUESTED'), rv('bob', 'CHANGES_REQUESTED')],
      approved: false,
    });
    expect(out.errors.find((e) => e.code === 'changes-requested')!.message).toBe(
      'changes requested by bob, carol',
    );
  });

  test('codeowners email owners and unknown teams are explained in notes', () => {
    const out = run({
      name: '',
      rules: [CODEOWNERS],
      codeowners: ['owners@example.com', '@acme/unknown'],
      reviews: [],
      approved: false,
    });
    expect(out.notes).toEqual([
      expect.stringMatching(/email address/),
      expect.stringMatching(/@acme\/unknown is unknown/),
    ]);
  });

  test('same_tags cannot select approvers (fail closed)', () => {
    const out = run({
      name: '',
      rules: [{ from: [{ same_tags: ['team'] }], count: 1, policies: ['p'] }],
      reviews: [rv('bob', 'APPROVED')],
      approved: false,
    });
    expect(out.approved).toBe(false);
    expect(out.notes[0]).toMatch(/matches nobody/);
  });

  test('tag selectors select approvers from people:', () => {
    const out = run({
      name: '',
      rules: [{ from: [{ tags: { role: 'dba' } }], count: 1, policies: ['p'] }],
      reviews: [rv('carol', 'APPROVED')],
      approved: true,
    });
    expect(out.rules[0]!.approved_by).toEqual(['carol']);
  });

  test('an invalid count fails closed', () => {
    const out = run({
      name: '',
      rules: [{ ...SRE, count: Number.NaN }],
      reviews: [rv('bob', 'APPROVED')],
      approved: false,
    });
    expect(out.approved).toBe(false);
    expect(out.errors.map((e) => e.code)).toContain('config-invalid');
  });

  test('directoryWithTeams keys teams case-insensitively and replaces the base teams', () => {
    const dir = directoryWithTeams(
      { ...base, teams: new Map([['acme/old', ['zed']]]) },
      { 'Acme/SRE': ['bob'], 'acme/sre': ['carol'] },
    );
    expect([...dir.teams]).toEqual([['acme/sre', ['bob', 'carol']]]);
  });
});
