import { COMMENT_MARKER, COMMENT_MAX_LENGTH, renderPrComment } from '../../../src/render/markdown/comment.js';
import { grant } from '../../helpers/model.js';
import { err, errorsOutcome, facts, HEAD, OLD, outcomeOf, review } from './outcome.js';

const ctx = {
  headSha: HEAD,
  now: '2026-11-29T10:05:00Z',
  runUrl: 'https://github.com/acme/access/actions/runs/42',
};
const FILE = 'grants/production/alice-db.yaml';
const prodRead = (extra: Parameters<typeof grant>[0] = { resources: ['billing-db-prod'] }) =>
  grant({ file: FILE, ticket: 'INC-7', duration: '3h', ...extra });

describe('renderPrComment', () => {
  test('starts with the hidden marker, and says who approved which slot', () => {
    const outcome = outcomeOf([prodRead()], facts([review('bob', 'APPROVED'), review('carol', 'APPROVED')]));
    const md = renderPrComment(outcome, ctx);
    expect(md.startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
    expect(md).toContain('✅ approved');
    expect(md).toContain('gitgrant: 1 request approved');
    expect(md).toContain('**Requester:** alice');
    // effective max and the policy that sets it
    expect(md).toContain('`read` for `3h` (maximum `4h`, set by policy `pii-extra`)');
    expect(md).toContain('**Ticket:** INC\\-7');
    // resources table with tags as code spans and the policies per resource
    expect(md).toContain('| resource | provider | tags | policies |');
    expect(md).toMatch(
      /\| `billing-db-prod` \| postgres \| `env=production` `team=billing` `sensitive=pii` `kind=database` \| allow `production-data`, `pii-extra`; deny `no-contractors-on-pii` \|/,
    );
    // the merged rule and its two filled slots
    expect(md).toContain('- `group:sre` needs 2 (policy `production-data`, `pii-extra`):');
    expect(md).toContain('  - ✅ approved by **bob**');
    expect(md).toContain('  - ✅ approved by **carol**');
    expect(md).not.toContain('⬜');
  });

  test('an open slot names who can fill it; the header counts what is missing', () => {
    const outcome = outcomeOf([prodRead()], facts([review('bob', 'APPROVED')]));
    const md = renderPrComment(outcome, ctx);
    expect(md).toContain(`### ⏳ waiting for 1 approval · \`${FILE}\``);
    expect(md).toContain('  - ✅ approved by **bob**');
    expect(md).toContain('  - ⬜ open: can be filled by carol, erin');
    expect(md).toContain('1 grant request: 1 waiting for 1 approval.');
    expect(md).toContain('## ⏳ gitgrant: waiting for 1 approval \\(group:sre\\) on alice\\-db\\.yaml');
    // the approval-missing error, with its position
    expect(md).toContain(`- \`approval-missing\` at \`${FILE}:1:1\`: group:sre needs 2 approvals`);
  });

  test('two rules: the approver fills one slot, the other is open with its candidates', () => {
    const outcome = outcomeOf(
      [prodRead({ resources: ['billing-db-prod'], access: 'write', duration: '1h' })],
      facts([review('carol', 'APPROVED')]),
    );
    const md = renderPrComment(outcome, ctx);
    expect(md).toContain('- `group:dba` needs 1 (policy `production-data`):\n  - ✅ approved by **carol**');
    expect(md).toContain(
      '- `group:sre` needs 1 (policy `production-data`):\n  - ⬜ open: can be filled by bob, erin',
    );
  });

  test('an open slot no one can fill says so', () => {
    const pushers = [
      { login: 'alice', id: 101 },
      { login: 'bob', id: 102 },
      { login: 'erin', id: 105 },
      { login: 'dave', id: 104 },
    ];
    const outcome = outcomeOf(
      [prodRead({ resources: ['billing-db-prod'], access: 'write', duration: '1h' })],
      facts([review('carol', 'APPROVED')], { commit_authors: pushers }),
    );
    const md = renderPrComment(outcome, ctx);
    expect(md).toContain('⬜ open: no one else can fill it');
  });

  test('auto-approval is stated as such', () => {
    const outcome = outcomeOf(
      [grant({ file: 'grants/alice-staging.yaml', resources: ['billing-db-staging'], duration: '4h' })],
      facts([]),
    );
    const md = renderPrComment(outcome, ctx);
    expect(md).toContain('### ✅ approved · `grants/alice-staging.yaml`');
    expect(md).toContain('no approval needed: policy `own-team-staging` offers `read` without approval.');
  });

  test('approvals not checked (no PR facts): each rule says what it needs', () => {
    const outcome = outcomeOf([prodRead()]);
    const md = renderPrComment(outcome, ctx);
    expect(md).toContain('- `group:sre` needs 2 (policy `production-data`, `pii-extra`)');
    expect(md).toContain('☑️ valid · needs 2 approvals');
    expect(md).toContain('Approvals were not checked');
  });

  test('errors carry code, file:line:column and message; invalid status in the heading', () => {
    const outcome = outcomeOf([prodRead({ resources: ['billing-db-prod'], duration: '12h' })], facts([]));
    const md = renderPrComment(outcome, ctx);
    expect(md).toContain(`### ❌ invalid · \`${FILE}\``);
    expect(md).toMatch(
      /- `duration-exceeds-max` at `grants\/production\/alice-db\.yaml:1:1`: duration 12h exceeds the maximum of 4h set by policy "pii\\-extra"/,
    );
    expect(md).toContain('## ❌ gitgrant: invalid: duration\\-exceeds\\-max');
  });

  test('load errors without a decision still list every error', () => {
    const outcome = errorsOutcome({
      'grants/bad.yaml': [err('grants/bad.yaml', 'yaml-syntax', 3, 7, 'unexpected end')],
    });
    const md = renderPrComment(outcome, ctx);
    expect(md).toContain('### ❌ invalid · `grants/bad.yaml`');
    expect(md).toContain('- `yaml-syntax` at `grants/bad.yaml:3:7`: unexpected end');
  });

  test('ignored reviews are listed with why, in a collapsed details block', () => {
    const outcome = outcomeOf(
      [prodRead()],
      facts([review('alice', 'APPROVED'), review('bob', 'APPROVED', OLD), review('dave', 'APPROVED')]),
    );
    const md = renderPrComment(outcome, ctx);
    expect(md).toContain('<details><summary>3 reviews not counted</summary>');
    expect(md).toContain('- **alice** is the requester');
    expect(md).toContain('- **bob** approved an older commit \\(dec0de1\\)');
    expect(md).toContain('- **dave** is not an approver for any required rule');
    expect(md).toMatch(/<\/details>/);
    // bob's old approval frees his slot: he is a candidate again
    expect(md).toContain('⬜ open ×2: can be filled by bob, carol, erin');
  });

  test('deleted grant files are early revocations', () => {
    const outcome = outcomeOf([], facts([]), ['grants/old-access.yaml']);
    const md = renderPrComment(outcome, ctx);
    expect(md).toContain('### 🗑️ Early revocations');
    expect(md).toContain(
      '- `grants/old-access.yaml` is deleted: the access it granted is revoked when this pull request merges',
    );
    expect(md).toContain('## ✅ gitgrant: 1 early revocation');
  });

  test('digests are shown when the caller passes them', () => {
    const outcome = outcomeOf([prodRead()], facts([]));
    const md = renderPrComment(outcome, { ...ctx, digests: { [FILE]: 'sha256:abc123' } });
    expect(md).toContain('**Resources** (1 resource, resolution digest `sha256:abc123`)');
    expect(renderPrComment(outcome, ctx)).not.toContain('digest');
  });

  test('footer: short head sha, time and a link to the run; unsafe run URLs are not linked', () => {
    const outcome = outcomeOf([prodRead()], facts([]));
    const md = renderPrComment(outcome, ctx);
    expect(md).toContain(
      'head `c0ffee1` · checked 2026\\-11\\-29T10:05:00Z · [workflow run](https://github.com/acme/access/actions/runs/42)',
    );
    const evil = renderPrComment(outcome, { ...ctx, runUrl: 'javascript:alert(1)' });
    expect(evil).not.toContain('javascript');
    const noUrl = renderPrComment(outcome, { headSha: HEAD, now: ctx.now });
    expect(noUrl).not.toContain('workflow run');
  });

  describe('escaping', () => {
    const hostile =
      '@acme/everyone <img src=x> [click](http://evil) `code` | pipe ![i](x) &#64;all\n# Heading\n<!-- gitgrant:validate --> $\\huge{x}$ www.evil.com #123';
    const outcome = outcomeOf(
      [prodRead({ resources: ['billing-db-prod'], reason: hostile, ticket: '@acme/ops <b>' })],
      facts([review('bob', 'APPROVED')]),
    );
    const md = renderPrComment(outcome, ctx);
    const reasonLine = md.split('\n').find((l) => l.startsWith('- **Reason:**'))!;

    test('no HTML gets through', () => {
      expect(md).not.toContain('<img');
      expect(md).not.toContain('<b>');
      expect(reasonLine).toContain('&lt;img src=x&gt;');
      expect(md.split(COMMENT_MARKER)).toHaveLength(2); // the real marker only
    });

    test('no links, images or autolinks', () => {
      expect(md).not.toContain('[click](');
      expect(md).not.toContain('![i](');
      expect(md).not.toContain('http://evil');
      expect(md).not.toMatch(/www\.evil/);
      expect(reasonLine).toContain('\\[click\\]\\(http:\u200B//evil\\)');
    });

    test('no mentions, entity tricks, issue references or math', () => {
      expect(md).not.toMatch(/@acme/);
      expect(reasonLine).toContain('@\u200Dacme/everyone');
      expect(md).not.toContain('&#64;');
      expect(reasonLine).toContain('&amp;\\#\u200D64;all');
      expect(reasonLine).toContain('\\#\u200D123');
      expect(reasonLine).toContain('\\$\\\\huge\\{x\\}\\$');
    });

    test('one line: no heading, code or table breakage', () => {
      expect(md).not.toMatch(/^# Heading/m);
      expect(reasonLine).toContain('\\`code\\` \\| pipe');
      expect(reasonLine).toContain('all \\# Heading');
    });

    test('logins are never mentions', () => {
      expect(md).not.toMatch(/@bob|@carol|@erin/);
    });
  });

  describe('size', () => {
    const many = (n: number) =>
      outcomeOf(
        Array.from({ length: n }, (_, i) =>
          grant({
            file: `grants/team-${String(i).padStart(4, '0')}/alice-request-${i}.yaml`,
            resources: ['billing-db-prod', 'billing-db-staging', 'ds-notebooks'],
            ticket: 'bad',
            duration: '12h',
            reason: 'x'.repeat(900),
          }),
        ),
        facts([review('bob', 'APPROVED'), review('alice', 'APPROVED')]),
        ['grants/old.yaml'],
      );

    test('200 files: under the limit, the shortening said, every file still named, footer kept', () => {
      const md = renderPrComment(many(200), ctx);
      expect(md.length).toBeLessThanOrEqual(COMMENT_MAX_LENGTH);
      expect(md.startsWith(COMMENT_MARKER)).toBe(true);
      expect(md).toMatch(
        /This comment is shortened to fit GitHub's 65,536-character limit: \d+ grant files of 200 are listed without details/,
      );
      for (let i = 0; i < 200; i++) expect(md).toContain(`alice-request-${i}.yaml`);
      // the first files keep their details; the rest are one line each
      expect(md).toContain('### ❌ invalid · `grants/team-0000/alice-request-0.yaml`');
      expect(md).toContain('- ❌ invalid · `grants/team-0199/alice-request-199.yaml` · ');
      expect(md).toContain('### 🗑️ Early revocations');
      expect(md).toContain('head `c0ffee1`');
    });

    test('thousands of files: the list itself is cut with a count', () => {
      const md = renderPrComment(many(2000), ctx);
      expect(md.length).toBeLessThanOrEqual(COMMENT_MAX_LENGTH);
      expect(md).toMatch(/- …and \d+ more grant files/);
      expect(md).toContain('head `c0ffee1`');
    });

    test('a few files are not shortened', () => {
      const md = renderPrComment(many(3), ctx);
      expect(md).not.toContain('shortened');
    });
  });
});
