import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { UsageError } from '../../../src/core/errors.js';
import { loadGrants } from '../../../src/load/grant-file.js';
import { listGrantFilesFs, readCodeownersFs, readPolicyFilesFs } from '../../../src/load/repo-fs.js';
import { listGrantFilesGit, readTreeGit, resolveCommit } from '../../../src/load/repo-git.js';
import { buildSnapshot } from '../../../src/load/snapshot.js';
import { at } from './helpers.js';

const GRANT = 'requester: alice\nreason: r\naccess: read\nduration: 4h\nresources: [db]\n';
const POLICY = 'resources:\n  - { id: db, provider: github, config: { team: acme/x } }\n';
const BIG = `a: "${'x'.repeat(70 * 1024)}"\n`;

let repo: string;

function write(rel: string, text: string) {
  mkdirSync(dirname(join(repo, rel)), { recursive: true });
  writeFileSync(join(repo, rel), text);
}
const git = (...args: string[]) =>
  execFileSync('git', args, {
    cwd: repo,
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  }).toString();

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'gitgrant-load-'));
  git('init', '-q', '-b', 'main');
  write('policies/main.yaml', POLICY);
  write('policies/README.md', '# policies');
  write('policies/big.yaml', BIG);
  write('grants/alice.yaml', GRANT);
  write('grants/production/bob-db.yaml', GRANT.replace('alice', 'bob'));
  write('grants/README.md', '# how to ask');
  write('grants/Bad.yml', GRANT);
  write('docs/CODEOWNERS', '* @acme/docs\n');
  write('CODEOWNERS', '* @acme/root\n');
  symlinkSync('../policies/main.yaml', join(repo, 'grants/link.yaml'));
  symlinkSync('/etc/passwd', join(repo, 'policies/passwd.yaml'));
  git('add', '-A');
  // A submodule entry without a real submodule: a gitlink in the index.
  git('update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},grants/vendor`);
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'one');
  git('tag', 'v1');
  write('.github/CODEOWNERS', '* @acme/github\n');
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'two');
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

const summary = (entries: { path: string; kind: string; bytes?: Uint8Array }[]) =>
  entries.map((e) => `${e.path} ${e.kind}${e.bytes ? ` ${e.bytes.length}` : ''}`);

describe('repo-git', () => {
  test('lists entries with kinds from tree modes and reads blobs (capped)', async () => {
    const t = await readTreeGit(repo, 'v1');
    expect(summary(t.policies)).toEqual([
      'policies/README.md file 10',
      'policies/big.yaml file 65537',
      'policies/main.yaml file 70',
      'policies/passwd.yaml symlink',
    ]);
    expect(summary(t.grants)).toEqual([
      'grants/Bad.yml file 69',
      'grants/README.md file 12',
      'grants/alice.yaml file 69',
      'grants/link.yaml symlink',
      'grants/production/bob-db.yaml file 67',
      'grants/vendor submodule',
    ]);
    expect(new TextDecoder().decode(t.policies[2]!.bytes)).toBe(POLICY);
    expect(t.codeowners).toEqual({ path: 'CODEOWNERS', text: '* @acme/root\n' });
    expect(t.commit).toBe(git('rev-parse', 'v1^{commit}').trim());
  });

  test('CODEOWNERS: .github/ first, then root, then docs/', async () => {
    expect((await readTreeGit(repo, 'main')).codeowners).toEqual({
      path: '.github/CODEOWNERS',
      text: '* @acme/github\n',
    });
  });

  test('what the loaders make of it', async () => {
    const t = await readTreeGit(repo, 'v1');
    const snap = buildSnapshot(t.policies);
    expect(snap.ok ? [] : snap.diagnostics.map((d) => `${d.file} ${at(d)}`)).toEqual([
      'policies/big.yaml file-too-large@1:1',
      'policies/passwd.yaml not-a-file@1:1',
    ]);
    expect(
      loadGrants(t.grants).map(
        (g) => `${g.path} ${g.result.ok ? 'ok' : g.result.diagnostics.map(at).join()}`,
      ),
    ).toEqual([
      'grants/Bad.yml invalid-filename@1:1',
      'grants/alice.yaml ok',
      'grants/link.yaml not-a-file@1:1',
      'grants/production/bob-db.yaml ok',
      'grants/vendor not-a-file@1:1',
    ]);
  });

  test.each(['no-such-ref', '--output=/tmp/x', 'v1:policies/main.yaml', '', 'HEAD\nmain'])(
    'unknown ref %j → UsageError',
    async (ref) => {
      await expect(resolveCommit(repo, ref)).rejects.toThrow(UsageError);
      await expect(resolveCommit(repo, ref)).rejects.toThrow(/unknown git ref/);
    },
  );

  test('not a repository → UsageError', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'gitgrant-empty-'));
    try {
      await expect(readTreeGit(empty, 'HEAD')).rejects.toThrow(UsageError);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('only the given grant paths', () => {
  const paths = [
    './grants/alice.yaml',
    'grants/link.yaml',
    'grants/../policies/main.yaml',
    '/etc/passwd',
    'policies/main.yaml',
  ];
  const want = [
    'grants/alice.yaml file 69',
    'grants/link.yaml symlink',
    'grants/../policies/main.yaml file',
    '/etc/passwd file',
    'policies/main.yaml file',
  ];

  test('fs and git agree; unsafe paths are not read and are rejected by name', async () => {
    const fsEntries = await listGrantFilesFs(repo, paths);
    expect(summary(fsEntries)).toEqual(want);
    expect(summary(await listGrantFilesGit(repo, 'v1', paths))).toEqual(want);
    expect(
      loadGrants(fsEntries).map(
        (g) => `${g.path} ${g.result.ok ? 'ok' : g.result.diagnostics.map(at).join()}`,
      ),
    ).toEqual([
      '/etc/passwd invalid-filename@1:1',
      'grants/../policies/main.yaml invalid-filename@1:1',
      'grants/alice.yaml ok',
      'grants/link.yaml not-a-file@1:1',
      'policies/main.yaml invalid-filename@1:1',
    ]);
  });

  test('a path through a symlinked folder is a symlink', async () => {
    symlinkSync('production', join(repo, 'grants/prod'));
    try {
      expect(summary(await listGrantFilesFs(repo, ['grants/prod/bob-db.yaml']))).toEqual([
        'grants/prod/bob-db.yaml symlink',
      ]);
    } finally {
      rmSync(join(repo, 'grants/prod'));
    }
  });

  test('a missing path is a UsageError', async () => {
    await expect(listGrantFilesFs(repo, ['grants/nope.yaml'])).rejects.toThrow(UsageError);
    await expect(listGrantFilesGit(repo, 'v1', ['grants/nope.yaml'])).rejects.toThrow(UsageError);
  });
});

describe('repo-fs', () => {
  test('same shapes from the working tree; symlinks reported, never followed', async () => {
    const t = await readTreeGit(repo, 'main');
    const fsPolicies = await readPolicyFilesFs(repo);
    expect(summary(fsPolicies)).toEqual(summary(t.policies));
    // The working tree has no real submodule checkout: `grants/vendor` does not exist there.
    expect(summary(await listGrantFilesFs(repo))).toEqual(
      summary(t.grants).filter((s) => !s.startsWith('grants/vendor')),
    );
    expect(await readCodeownersFs(repo)).toEqual(t.codeowners);
  });

  test('a directory with a .git entry is a submodule; a missing folder is empty', async () => {
    write('grants/sub/.git', 'gitdir: ../../.git/modules/sub\n');
    try {
      expect(summary(await listGrantFilesFs(repo))).toContain('grants/sub submodule');
    } finally {
      rmSync(join(repo, 'grants/sub'), { recursive: true });
    }
    const empty = mkdtempSync(join(tmpdir(), 'gitgrant-empty-'));
    try {
      expect(await readPolicyFilesFs(empty)).toEqual([]);
      expect(await readCodeownersFs(empty)).toBeNull();
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
