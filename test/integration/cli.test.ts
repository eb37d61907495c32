/**
 * The CLI through the bundle (dist/cli), as a child process, on the repository's own examples
 * and on temporary repositories: exit codes, text and JSON output, --pr facts, --policies-ref.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitgrant, ROOT } from '../helpers/cli.js';
import { TempRepo } from '../helpers/git-repo.js';

const ALICE = 'grants/production/billing/alice-billing-db-read.yaml';

function exampleRepo(): TempRepo {
  const repo = new TempRepo();
  for (const dir of ['policies', 'grants', '.github'])
    cpSync(join(ROOT, dir), join(repo.dir, dir), { recursive: true });
  return repo;
}

function facts(overrides: Record<string, unknown> = {}) {
  return {
    number: 7,
    author: { login: 'alice', id: 101 },
    head_sha: 'c0ffee',
    changed_files: [{ path: ALICE, status: 'added' }],
    commit_authors: [{ login: 'alice', id: 101 }],
    reviews: [],
    teams: {},
    ...overrides,
  };
}

describe('gitgrant validate', () => {
  test('the repository examples are valid (exit 0) and approvals are reported as needed', () => {
    const r = gitgrant(['validate']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      '✓ valid · needs 1 approval  grants/production/billing/alice-billing-db-read.yaml',
    );
    expect(r.stdout).toContain('auto-approved  grants/staging/ivan-data-science-staging.yaml');
    expect(r.stdout).toMatch(/3 files: 3 ok, 0 not ok/);
  });

  test('--format json follows DESIGN.md §5', () => {
    const r = gitgrant(['validate', '--format', 'json', ALICE]);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toEqual({
      ok: true,
      results: [
        {
          file: ALICE,
          ok: true,
          approved: false,
          resources: ['billing-db-prod'],
          max_duration: '8h',
          approvals: [{ from: 'group:sre', count: 1, approved_by: [], missing: 1 }],
          errors: [],
        },
      ],
    });
  });

  describe('on a temporary repository', () => {
    let repo: TempRepo;
    beforeEach(() => (repo = exampleRepo()));
    afterEach(() => repo.cleanup());

    test('an invalid request exits 1 with code, file, line and column', () => {
      repo.write(
        'grants/bad.yaml',
        'requester: alice\nreason: "INC-1: look"\naccess: read\nduration: 12h\nresources: [billing-db-prod]\nticket: INC-1\n',
      );
      const r = gitgrant(['validate', '--repo', repo.dir, '--format', 'json', 'grants/bad.yaml']);
      expect(r.status).toBe(1);
      const [result] = JSON.parse(r.stdout).results;
      expect(result.errors).toEqual([
        expect.objectContaining({
          code: 'duration-exceeds-max',
          file: 'grants/bad.yaml',
          line: 4,
          column: 11,
        }),
      ]);
    });

    test('text output names position and code, no stack trace', () => {
      repo.write(
        'grants/bad.yaml',
        'requester: alice\nreason: x\naccess: read\nduration: 4h\nresources: [nope]\nextra: 1\n',
      );
      const r = gitgrant(['validate', '--repo', repo.dir, 'grants/bad.yaml']);
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('grants/bad.yaml:6:1  schema');
      expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    });

    test('a broken policies/ is a configuration error: exit 2, positions, no stack', () => {
      repo.write('policies/broken.yaml', 'policies:\n  - name: x\n    effect: maybe\n');
      const r = gitgrant(['validate', '--repo', repo.dir]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/configuration error/);
      expect(r.stderr).toMatch(/policies\/broken\.yaml:3:13/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });

    test('--pr checks approvals: waiting, then approved by an SRE on the head commit', () => {
      const factsFile = join(repo.dir, 'facts.json');
      writeFileSync(factsFile, JSON.stringify(facts()));
      let r = gitgrant(['validate', '--repo', repo.dir, '--pr', factsFile, '--format', 'json']);
      expect(r.status).toBe(1);
      expect(JSON.parse(r.stdout).results[0]).toMatchObject({
        ok: false,
        approved: false,
        approvals: [{ from: 'group:sre', missing: 1 }],
      });

      writeFileSync(
        factsFile,
        JSON.stringify(
          facts({
            reviews: [
              {
                user: { login: 'bob', id: 102, type: 'User' },
                state: 'APPROVED',
                commit_id: 'c0ffee',
                submitted_at: '2026-11-29T10:00:00Z',
              },
            ],
          }),
        ),
      );
      r = gitgrant(['validate', '--repo', repo.dir, '--pr', factsFile, '--format', 'json']);
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout).results[0]).toMatchObject({
        ok: true,
        approved: true,
        approvals: [{ approved_by: ['bob'], missing: 0 }],
      });
    });

    test('--pr: requester is not the author; mixed change', () => {
      const factsFile = join(repo.dir, 'facts.json');
      writeFileSync(
        factsFile,
        JSON.stringify(
          facts({
            author: { login: 'mallory', id: 999 },
            changed_files: [
              { path: ALICE, status: 'added' },
              { path: 'policies/access.yaml', status: 'modified' },
            ],
          }),
        ),
      );
      const r = gitgrant(['validate', '--repo', repo.dir, '--pr', factsFile, '--format', 'json']);
      expect(r.status).toBe(1);
      const codes = JSON.parse(r.stdout).results[0].errors.map((e: { code: string }) => e.code);
      expect(codes).toEqual(expect.arrayContaining(['requester-not-author', 'mixed-change']));
    });

    test('--policies-ref reads policies from git, not the working tree', () => {
      repo.commit('initial', '2026-11-01T00:00:00Z');
      // Tighten the working tree: the committed policies still allow 4h.
      repo.write('policies/access.yaml', '');
      const atHead = gitgrant(['validate', '--repo', repo.dir, '--policies-ref', 'HEAD', ALICE]);
      expect(atHead.status).toBe(0);
      const inTree = gitgrant(['validate', '--repo', repo.dir, ALICE]);
      expect(inTree.status).not.toBe(0);
    });

    test('a .yml and an upper-case file under grants/ are errors, not skipped', () => {
      repo.write('grants/a.yml', 'x: 1\n').write('grants/Upper.yaml', 'x: 1\n');
      const r = gitgrant(['validate', '--repo', repo.dir, '--format', 'json']);
      expect(r.status).toBe(1);
      const bad = JSON.parse(r.stdout).results.filter((x: { ok: boolean }) => !x.ok);
      expect(
        bad.map((x: { file: string; errors: { code: string }[] }) => [x.file, x.errors[0]!.code]),
      ).toEqual([
        ['grants/Upper.yaml', 'invalid-filename'],
        ['grants/a.yml', 'invalid-filename'],
      ]);
    });
  });

  test.each([
    [['validate', '--format', 'xml']],
    [['validate', '--bogus']],
    [['nope']],
    [['validate', '--now', 'yesterday']],
    [['validate', '--pr', '/does/not/exist.json']],
  ])('usage errors exit 2: %j', (args) => {
    const r = gitgrant(args);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('bad --pr facts are a usage error naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gitgrant-facts-'));
    try {
      writeFileSync(join(dir, 'f.json'), JSON.stringify({ number: 1 }));
      const r = gitgrant(['validate', '--pr', join(dir, 'f.json')]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/not pull-request facts/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('gitgrant explain', () => {
  test('names matching policies, requirements and who can approve', () => {
    const r = gitgrant(['explain', ALICE]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('allow production-data');
    expect(r.stdout).toContain('deny  no-contractors-on-pii');
    expect(r.stdout).toMatch(/1 × group:sre[\s\S]*can approve: bob, carol/);
  });

  test('--format json', () => {
    const json = JSON.parse(gitgrant(['explain', ALICE, '--format', 'json']).stdout);
    expect(json).toMatchObject({
      ok: true,
      requester: 'alice',
      max_duration: '8h',
      max_duration_policy: 'production-data',
    });
    expect(json.approvals).toEqual([
      { from: 'group:sre', count: 1, policies: ['production-data'], can_approve: ['bob', 'carol'] },
    ]);
  });
});

describe('gitgrant plan', () => {
  let repo: TempRepo;
  beforeEach(() => (repo = exampleRepo()));
  afterEach(() => repo.cleanup());

  test('windows from first-parent landing times; end is exclusive', () => {
    repo
      .remove('grants/production/frontend/dave-frontend-write.yaml')
      .remove('grants/staging/ivan-data-science-staging.yaml');
    repo.commit('land alice', '2026-11-29T10:00:00Z');
    const at = (now: string) =>
      JSON.parse(gitgrant(['plan', '--repo', repo.dir, '--now', now, '--format', 'json']).stdout);
    expect(at('2026-11-29T13:59:59Z').grants[0]).toMatchObject({
      state: 'active',
      start: '2026-11-29T10:00:00.000Z',
      end: '2026-11-29T14:00:00.000Z',
      action: 'keep',
    });
    expect(at('2026-11-29T14:00:00Z').grants[0]).toMatchObject({ state: 'expired', action: 'revoke' });
    repo.write(
      'grants/staging/new.yaml',
      'requester: ivan\nreason: "look at staging"\naccess: read\nduration: 1h\nresources: [ds-notebooks]\n',
    );
    expect(
      at('2026-11-29T12:00:00Z').grants.find((g: { file: string }) => g.file === 'grants/staging/new.yaml'),
    ).toMatchObject({
      state: 'pending',
      action: 'apply on merge',
    });
  });
});

describe('grant ids', () => {
  test('the same file name in two folders is an error (ids are unique across grants/)', () => {
    const repo = exampleRepo();
    try {
      repo.write(
        'grants/other/alice-billing-db-read.yaml',
        'requester: alice\nreason: "look at staging"\naccess: read\nduration: 1h\nresources: [ds-notebooks]\n',
      );
      const r = gitgrant(['validate', '--repo', repo.dir, '--format', 'json']);
      expect(r.status).toBe(1);
      const bad = JSON.parse(r.stdout).results.filter((x: { ok: boolean }) => !x.ok);
      expect(bad).toEqual([
        expect.objectContaining({ file: 'grants/production/billing/alice-billing-db-read.yaml' }),
      ]);
      expect(bad[0].errors[0]).toMatchObject({
        code: 'invalid-filename',
        message: expect.stringMatching(/already used by grants\/other/),
      });
    } finally {
      repo.cleanup();
    }
  });

  test('plan with an unknown revision is an error, not an empty plan', () => {
    const r = gitgrant(['plan', '--rev', 'no-such-branch']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no-such-branch/);
  });
});
