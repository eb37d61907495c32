/**
 * `gitgrant request` through the bundled CLI, without a terminal (flags only): the file it
 * writes is valid and carries the editor's schema line; an invalid request is refused (exit 1,
 * nothing written); missing flags are a usage error naming them (exit 2); reruns converge.
 */
import { cpSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gitgrant, ROOT } from '../helpers/cli.js';
import { TempRepo } from '../helpers/git-repo.js';

const NOW = '2026-11-29T10:00:00Z';
/** No `git config github.user` and no GITHUB_ACTOR from the machine running the tests. */
const ISOLATED = { GITHUB_ACTOR: '', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

function exampleRepo(): TempRepo {
  const repo = new TempRepo();
  for (const dir of ['policies', 'grants', '.github', 'schemas'])
    cpSync(join(ROOT, dir), join(repo.dir, dir), { recursive: true });
  return repo;
}

let repo: TempRepo;
beforeEach(() => (repo = exampleRepo()));
afterEach(() => repo.cleanup());

const run = (args: string[], env: Record<string, string> = {}) =>
  gitgrant(['request', '--repo', repo.dir, '--now', NOW, ...args], { env: { ...ISOLATED, ...env } });

const ALICE_READ = [
  '--as',
  'alice',
  '--resource',
  'billing-db-prod',
  '--access',
  'read',
  '--duration',
  '4h',
  '--reason',
  'INC-1234: investigate failed billing exports',
  '--ticket',
  'INC-1234',
];

describe('gitgrant request (flags)', () => {
  test('writes a valid grant file with the schema line, under grants/<env>/, and explains it', () => {
    const r = run(ALICE_READ);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const file = 'grants/production/alice-billing-db-prod-read-20261129.yaml';
    expect(readFileSync(join(repo.dir, file), 'utf8')).toBe(
      [
        '# yaml-language-server: $schema=../../schemas/grant.schema.json',
        'requester: alice',
        'reason: "INC-1234: investigate failed billing exports"',
        'access: read',
        'duration: 4h',
        'resources:',
        '  - billing-db-prod',
        'ticket: INC-1234',
        '',
      ].join('\n'),
    );
    expect(r.stdout).toContain(`✓ wrote ${file}`);
    expect(r.stdout).toContain('alice asks for read for 4h (max 8h, set by production-data)');
    expect(r.stdout).toMatch(/1 × group:sre {2}\(from production-data\)\n\s+can approve: bob, carol/);
    // The same core as validate agrees.
    const v = gitgrant(['validate', '--repo', repo.dir, '--format', 'json', file]);
    expect(v.status).toBe(0);
    expect(JSON.parse(v.stdout).results[0]).toMatchObject({ ok: true, resources: ['billing-db-prod'] });
  });

  test('the schema path is relative to the file, in any folder', () => {
    const r = run([...ALICE_READ, '--dir', 'production/billing', '--id', 'alice-exports']);
    expect(r.status).toBe(0);
    const text = readFileSync(join(repo.dir, 'grants/production/billing/alice-exports.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../../schemas/grant.schema.json');
    expect(
      existsSync(join(repo.dir, 'grants/production/billing', '../../../schemas/grant.schema.json')),
    ).toBe(true);
  });

  test('a selector (--match) and the default id; a rerun reuses the same file, a new request gets a new id', () => {
    const args = [
      '--as',
      'ivan',
      '--match',
      'env=staging',
      '--match',
      'team=data-science',
      '--access',
      'read',
      '--duration',
      '1d',
      '--reason',
      'Reproduce the churn-model drift',
      '--format',
      'json',
    ];
    const first = run(args);
    expect(first.status).toBe(0);
    const out = JSON.parse(first.stdout);
    expect(out).toMatchObject({
      ok: true,
      status: 'written',
      file: 'grants/staging/ivan-staging-data-science-read-20261129.yaml',
      explain: { ok: true, approvals: [] },
    });
    expect(out.content).toContain('  - match: { env: staging, team: data-science }\n');
    expect(out.explain.resources.map((x: { id: string }) => x.id)).toEqual([
      'analytics-db-staging',
      'ds-notebooks',
    ]);

    const again = JSON.parse(run(args).stdout);
    expect(again).toMatchObject({ status: 'unchanged', file: out.file });

    const other = JSON.parse(run(args.map((a) => (a === '1d' ? '8h' : a))).stdout);
    expect(other).toMatchObject({
      status: 'written',
      file: 'grants/staging/ivan-staging-data-science-read-20261129-2.yaml',
    });
  });

  test('an invalid request is refused: exit 1, the errors, nothing written', () => {
    const before = readdirSync(join(repo.dir, 'grants/production'));
    const r = run([
      '--as',
      'alice',
      '--resource',
      'billing-db-prod',
      '--access',
      'read',
      '--duration',
      '12h',
      '--reason',
      'look',
      '--ticket',
      'INC1234',
    ]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('✗ not written');
    expect(r.stdout).toMatch(/:5:11 {2}duration-exceeds-max {2}duration 12h exceeds the maximum of 8h/);
    expect(r.stdout).toContain('ticket-invalid');
    expect(readdirSync(join(repo.dir, 'grants/production'))).toEqual(before);
  });

  test('frank (contractor) is refused billing-db-prod: denied', () => {
    const r = run([
      '--as',
      'frank',
      '--resource',
      'billing-db-prod',
      '--access',
      'read',
      '--duration',
      '1h',
      '--reason',
      'INC-9: look at it',
      '--ticket',
      'INC-9',
      '--format',
      'json',
    ]);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.status).toBe('not-written');
    expect(out.errors.map((e: { code: string }) => e.code)).toEqual(['denied']);
    expect(existsSync(join(repo.dir, out.file))).toBe(false);
  });

  test('an unknown resource and a bad level are refused with their codes', () => {
    const r = run([
      '--as',
      'alice',
      '--resource',
      'nope',
      '--access',
      'read',
      '--duration',
      '1h',
      '--reason',
      'just looking',
      '--format',
      'json',
    ]);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).errors.map((e: { code: string }) => e.code)).toContain('unknown-resource');
    const admin = run([
      '--as',
      'dave',
      '--resource',
      'frontend-web',
      '--access',
      'admin',
      '--duration',
      '1h',
      '--reason',
      'just looking',
      '--format',
      'json',
    ]);
    expect(admin.status).toBe(1);
    expect(JSON.parse(admin.stdout).errors.map((e: { code: string }) => e.code)).toEqual([
      'access-not-offered',
    ]);
  });

  test('without a terminal, missing flags are a usage error naming them (exit 2), nothing written', () => {
    const r = run(['--resource', 'billing-db-prod', '--access', 'read']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('missing --as LOGIN');
    expect(r.stderr).toContain('--duration DURATION');
    expect(r.stderr).toContain('--reason TEXT');
    expect(r.stderr).not.toContain('--access');
    expect(r.stdout).toBe('');

    // A required ticket is named too, with the pattern.
    const t = run(ALICE_READ.slice(0, -2));
    expect(t.status).toBe(2);
    expect(t.stderr).toContain(
      'missing --ticket: policy production-data requires a ticket matching ^INC-[0-9]+$',
    );
  });

  test('the requester comes from git config github.user, else GITHUB_ACTOR', () => {
    repo.git('config', 'github.user', 'erin');
    const args = [
      '--resource',
      'billing-db-staging',
      '--access',
      'read',
      '--duration',
      '2h',
      '--reason',
      'Check a migration',
      '--format',
      'json',
    ];
    const r = run(args);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).content).toContain('requester: erin\n');
    repo.git('config', '--unset', 'github.user');
    const a = run(args, { GITHUB_ACTOR: 'carol' });
    expect(a.status).toBe(0);
    expect(JSON.parse(a.stdout).content).toContain('requester: carol\n');
  });

  test('bad --id, --dir and --match are usage errors', () => {
    expect(run([...ALICE_READ, '--id', 'Alice']).status).toBe(2);
    expect(run([...ALICE_READ, '--dir', '../elsewhere']).status).toBe(2);
    const m = run([...ALICE_READ, '--match', 'env']);
    expect(m.status).toBe(2);
    expect(m.stderr).toContain('--match takes KEY=VALUE');
  });

  test('an --id already used elsewhere under grants/ is refused', () => {
    const r = run([...ALICE_READ, '--id', 'alice-billing-db-read', '--format', 'json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).errors[0]).toMatchObject({ code: 'invalid-filename' });
    expect(JSON.parse(r.stdout).errors[0].message).toContain(
      'grants/production/billing/alice-billing-db-read.yaml',
    );
  });
});
