/**
 * exportToGit / importFromGit: a local git repository and the fake GitHub hold the same objects
 * (same SHA-1 ids) and the same branch tips, in both directions.
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Octokit } from '@octokit/rest';
import { serializeCommit } from './fake-github/git-objects.js';
import { exportToGit, importFromGit } from './fake-github/git-sync.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github/server.js';
import type { Repo } from './fake-github/state.js';
import { TempRepo } from './helpers/git-repo.js';

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const SUBMODULE = '8f6b5a0b2a0b6e1f4c0e3d2c1b0a998877665544';

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function firstParentChain(repo: Repo, sha: string): string[] {
  const out: string[] = [];
  for (let c = repo.getCommit(sha); c; c = c.parents[0] ? repo.getCommit(c.parents[0]) : undefined)
    out.push(c.sha);
  return out;
}

/** main: init → policy → (merge of grant/alice, which branched at init) → delete → tz commit on side. */
function buildHistory(repo: Repo): { init: string; head: string; merge: string; last: string } {
  const init = repo.commit('main', {
    files: {
      'README.md': '# access\n',
      'policies/base.yaml': 'policies: []\n',
      'docs/link.md': { symlink: '../README.md' },
      'scripts/run.sh': { content: '#!/bin/sh\necho hi\n', executable: true },
      'vendor/lib': { submodule: SUBMODULE },
      'old/notes.txt': 'to be deleted\n',
      'bin.dat': Buffer.from([0, 1, 2, 0xff, 0x0d, 0x0a]),
    },
    message: 'Initial policies\n\nWith a body.\n',
    author: { login: 'dave', date: '2024-05-01T10:00:00Z' },
  });
  const head = repo.commit('grant/alice', {
    files: { 'grants/alice.yaml': 'requester: alice\n' },
    message: 'Request access',
    author: { login: 'alice', date: '2024-05-02T09:00:00Z' },
  });
  const pr = repo.createPullRequest({ base: 'main', head: 'grant/alice', author: { login: 'alice' } });
  repo.commit('main', {
    files: { 'policies/base.yaml': 'policies: [x]\n' },
    message: 'Tighten policy',
    author: { login: 'dave', date: '2024-05-02T12:00:00Z' },
  });
  const merge = repo.mergePullRequest(pr, { method: 'merge', by: 'bob', date: '2024-05-03T10:00:00Z' });
  const last = repo.commit('main', {
    files: { 'old/notes.txt': null },
    message: 'Remove notes',
    author: { name: 'Erin', email: 'erin@example.com', date: '2024-05-04T10:00:00Z' },
  });
  return { init, head, merge, last };
}

describe('git sync between the fake and a local repository', () => {
  let gh: FakeGitHub;
  let tmp: string;

  beforeEach(async () => {
    gh = await startFakeGitHub();
    tmp = mkdtempSync(join(tmpdir(), 'gitgrant-sync-'));
  });
  afterEach(async () => {
    await gh.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  test('exportToGit reproduces commits, trees and blobs with the same ids', async () => {
    const repo = gh.state.createRepo('acme/access', { defaultBranch: 'main' });
    const { init, head, merge, last } = buildHistory(repo);
    // A commit with a non-UTC offset (only reachable through the object store).
    const tzCommit = repo.objects.putCommit({
      tree: repo.getCommit(init)!.tree,
      parents: [init],
      author: { name: 'Zed', email: 'z@example.com', date: '2024-05-05T08:00:00Z', tz: '+0200' },
      committer: { name: 'Zed', email: 'z@example.com', date: '2024-05-05T08:00:00Z', tz: '-0530' },
      message: 'tz',
    });
    repo.setRef('side', tzCommit);

    const dir = join(tmp, 'clone');
    const res = await exportToGit(repo, dir);
    expect(res.checkedOut).toBe('main');
    expect(res.refs).toEqual({ 'grant/alice': head, main: last, side: tzCommit });

    expect(git(dir, 'rev-parse', 'main').trim()).toBe(repo.branchSha('main'));
    expect(git(dir, 'rev-parse', 'HEAD').trim()).toBe(last);
    expect(git(dir, 'symbolic-ref', 'HEAD').trim()).toBe('refs/heads/main');
    expect(git(dir, 'rev-parse', 'grant/alice').trim()).toBe(head);
    expect(git(dir, 'rev-parse', 'side').trim()).toBe(tzCommit);
    expect(git(dir, 'log', '--first-parent', '--format=%H', 'main').trim().split('\n')).toEqual(
      firstParentChain(repo, last),
    );
    expect(git(dir, 'log', '--format=%H', 'main').trim().split('\n').sort()).toEqual(
      repo.objects
        .ancestors(last)
        .map((c) => c.sha)
        .sort(),
    );
    expect(git(dir, 'rev-parse', `${merge}^1`, `${merge}^2`).trim().split('\n')).toEqual(
      repo.getCommit(merge)!.parents,
    );
    expect(git(dir, 'log', '-1', '--format=%an|%ae|%cn|%ce|%cI', merge).trim()).toBe(
      `bob|${repo.getCommit(merge)!.author.email}|GitHub|noreply@github.com|2024-05-03T10:00:00+00:00`,
    );
    expect(git(dir, 'log', '-1', '--format=%aI|%cI', tzCommit).trim()).toBe(
      '2024-05-05T10:00:00+02:00|2024-05-05T02:30:00-05:30',
    );
    expect(git(dir, 'cat-file', 'commit', merge)).toBe(serializeCommit(repo.getCommit(merge)!).toString());

    // Contents, modes, symlink, submodule gitlink, deleted file.
    expect(git(dir, 'show', 'main:policies/base.yaml')).toBe('policies: [x]\n');
    expect(git(dir, 'show', 'main:grants/alice.yaml')).toBe('requester: alice\n');
    expect(execFileSync('git', ['-C', dir, 'show', 'main:bin.dat'])).toEqual(
      Buffer.from([0, 1, 2, 0xff, 0x0d, 0x0a]),
    );
    expect(git(dir, 'ls-tree', 'main', 'docs/link.md', 'scripts/run.sh', 'vendor/lib')).toBe(
      [
        `120000 blob ${repo.objects.lookup(repo.getCommit(last)!.tree, 'docs/link.md')!.sha}\tdocs/link.md`,
        `100755 blob ${repo.objects.lookup(repo.getCommit(last)!.tree, 'scripts/run.sh')!.sha}\tscripts/run.sh`,
        `160000 commit ${SUBMODULE}\tvendor/lib`,
        '',
      ].join('\n'),
    );
    expect(git(dir, 'ls-tree', 'main', 'old')).toBe('');
    expect(git(dir, 'rev-parse', 'main^{tree}').trim()).toBe(repo.getCommit(last)!.tree);

    // Working tree of the checkout.
    expect(readlinkSync(join(dir, 'docs/link.md'))).toBe('../README.md');
    expect(statSync(join(dir, 'scripts/run.sh')).mode & 0o111).not.toBe(0);
    expect(readFileSync(join(dir, 'grants/alice.yaml'), 'utf8')).toBe('requester: alice\n');
    expect(existsSync(join(dir, 'old/notes.txt'))).toBe(false);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    git(dir, 'fsck', '--full', '--strict', '--no-dangling');

    // Nothing new: nothing written.
    const again = await exportToGit(repo, dir);
    expect(again.written).toEqual({ blob: 0, tree: 0, commit: 0 });
  });

  test('re-export after new commits writes only the missing objects and moves the checkout', async () => {
    const repo = gh.state.createRepo('acme/access', { defaultBranch: 'main' });
    const { last } = buildHistory(repo);
    const dir = join(tmp, 'clone');
    const first = await exportToGit(repo, dir);
    expect(first.written.commit).toBe(5);

    const next = repo.commit('main', {
      files: { 'grants/bob.yaml': 'requester: bob\n', 'README.md': null },
      message: 'More',
      author: { login: 'bob', date: '2024-05-06T10:00:00Z' },
    });
    const topic = repo.commit('topic', {
      files: { 'x.txt': 'x\n' },
      author: { login: 'bob', date: '2024-05-06T11:00:00Z' },
    });
    const res = await exportToGit(repo, dir);
    // One new blob each; root + grants trees for `next`, root tree for `topic`.
    expect(res.written).toEqual({ blob: 2, tree: 3, commit: 2 });
    expect(git(dir, 'rev-parse', 'main', 'topic').trim().split('\n')).toEqual([next, topic]);
    expect(git(dir, 'rev-parse', 'main~1').trim()).toBe(last);
    expect(readFileSync(join(dir, 'grants/bob.yaml'), 'utf8')).toBe('requester: bob\n');
    expect(existsSync(join(dir, 'README.md'))).toBe(false);
    // The symlink's target is gone; the link itself stays.
    expect(readlinkSync(join(dir, 'docs/link.md'))).toBe('../README.md');
    expect(git(dir, 'status', '--porcelain')).toBe('');
    git(dir, 'fsck', '--full', '--strict', '--no-dangling');

    // A force-push in the fake (main moved back) is followed; local edits are discarded by the checkout.
    repo.setRef('main', last);
    mkdirSync(join(dir, 'grants'), { recursive: true });
    execFileSync('sh', ['-c', 'echo dirty >> policies/base.yaml'], { cwd: dir });
    await exportToGit(repo, dir);
    expect(git(dir, 'rev-parse', 'HEAD').trim()).toBe(last);
    expect(existsSync(join(dir, 'grants/bob.yaml'))).toBe(false);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  test('branches, checkout, remote and prune options', async () => {
    const repo = gh.state.createRepo('acme/access', { defaultBranch: 'main' });
    const { head, last } = buildHistory(repo);
    const dir = join(tmp, 'only-main');
    const res = await exportToGit(repo, dir, { branches: ['main'], remote: 'origin' });
    expect(res.refs).toEqual({ main: last });
    expect(git(dir, 'for-each-ref', '--format=%(refname) %(objectname)').trim().split('\n')).toEqual([
      `refs/heads/main ${last}`,
      `refs/remotes/origin/main ${last}`,
    ]);
    // The merged PR's commit is still there (reachable from main), not its branch.
    expect(git(dir, 'cat-file', '-t', head).trim()).toBe('commit');

    const dir2 = join(tmp, 'alice');
    await exportToGit(repo, dir2, { branches: ['grant/alice'] });
    expect(git(dir2, 'symbolic-ref', 'HEAD').trim()).toBe('refs/heads/grant/alice');
    expect(git(dir2, 'rev-parse', 'HEAD').trim()).toBe(head);

    const dir3 = join(tmp, 'nocheckout');
    await exportToGit(repo, dir3, { checkout: false });
    expect(git(dir3, 'rev-parse', 'main').trim()).toBe(last);
    expect(existsSync(join(dir3, 'README.md'))).toBe(false);

    // prune: branches deleted in the fake disappear locally.
    git(dir, 'branch', 'stale', 'main');
    repo.deleteRef('grant/alice');
    await exportToGit(repo, dir, { prune: true });
    expect(git(dir, 'for-each-ref', '--format=%(refname)', 'refs/heads/').trim()).toBe('refs/heads/main');

    await expect(exportToGit(repo, join(tmp, 'x'), { branches: ['nope'] })).rejects.toThrow(/no branch nope/);
  });

  test('exportToGit throws when git computes a different id', async () => {
    const repo = gh.state.createRepo('acme/access');
    const sha = repo.commit('main', { files: { 'a.txt': 'a\n' }, author: { date: '2024-05-01T10:00:00Z' } });
    const blob = repo.objects.lookup(repo.getCommit(sha)!.tree, 'a.txt')!.sha;
    repo.objects.getBlob(blob)!.content = Buffer.from('tampered\n');
    await expect(exportToGit(repo, join(tmp, 'bad'))).rejects.toThrow(`blob ${blob} of the fake has id`);
  });

  test('importFromGit: history made with git is served by the fake with the same shas', async () => {
    const local = new TempRepo();
    try {
      const L = local.dir;
      local
        .write('README.md', '# access\n')
        .write('policies/base.yaml', 'policies: []\n')
        .write('old/notes.txt', 'bye\n')
        .write('scripts/run.sh', '#!/bin/sh\n')
        .symlink('docs/link.md', '../README.md');
      chmodSync(join(L, 'scripts/run.sh'), 0o755);
      mkdirSync(join(L, 'vendor/lib'), { recursive: true });
      local.git('update-index', '--add', '--cacheinfo', `160000,${SUBMODULE},vendor/lib`);
      const c1 = local.commit('init', '2024-05-01T10:00:00Z');
      local.git('checkout', '-q', '-b', 'grant/alice');
      local.write('grants/alice.yaml', 'requester: alice\n');
      const c2 = local.commit('Request access', '2024-05-02T09:00:00+02:00');
      local.git('checkout', '-q', 'main');
      local.write('policies/base.yaml', 'policies: [x]\n');
      local.commit('Tighten', '2024-05-02T12:00:00Z');

      const repo = gh.state.createRepo('acme/access', { defaultBranch: 'main' });
      const first = await importFromGit(L, repo, ['main', 'grant/alice']);
      expect(first.refs['grant/alice']).toBe(c2);
      const pr = repo.createPullRequest({ base: 'main', head: 'grant/alice', author: { login: 'alice' } });

      const merge = local.merge('grant/alice', '2024-05-03T10:00:00Z');
      local.remove('old/notes.txt');
      const last = local.commit('Remove notes', '2024-05-04T10:00:00Z');
      const second = await importFromGit(L, repo, 'main');
      expect(second.added.commit).toBe(2); // the merge and the delete; the rest was known
      expect(repo.branchSha('main')).toBe(last);
      expect(repo.pull(pr.number).merged_at).not.toBeNull(); // pushing the merge merged the PR

      const octokit = new Octokit({ baseUrl: gh.url, auth: 'tok', log: quiet });
      const o = { owner: 'acme', repo: 'access' };

      const { data: mergeCommit } = await octokit.rest.git.getCommit({ ...o, commit_sha: merge });
      expect(mergeCommit.tree.sha).toBe(local.git('rev-parse', `${merge}^{tree}`).trim());
      expect(mergeCommit.parents.map((p) => p.sha)).toEqual(
        local.git('log', '-1', '--format=%P', merge).trim().split(' '),
      );
      const { data: aliceCommit } = await octokit.rest.git.getCommit({ ...o, commit_sha: c2 });
      expect(aliceCommit.committer.date).toBe('2024-05-02T07:00:00Z');

      const { data: tree } = await octokit.rest.git.getTree({ ...o, tree_sha: 'main', recursive: 'true' });
      const lsTree = local
        .git('ls-tree', '-r', '-t', 'main')
        .trim()
        .split('\n')
        .map((l) => {
          const [meta, path] = l.split('\t');
          const [mode, type, sha] = meta!.split(' ');
          return [path, mode === '040000' ? '040000' : mode, type, sha];
        });
      expect(tree.tree.map((e) => [e.path, e.mode, e.type, e.sha])).toEqual(lsTree);
      expect(tree.sha).toBe(local.git('rev-parse', 'main^{tree}').trim());

      const { data: file } = await octokit.rest.repos.getContent({
        ...o,
        path: 'grants/alice.yaml',
        ref: 'main',
        mediaType: { format: 'raw' },
      });
      expect(String(file)).toBe('requester: alice\n');

      const { data: cmp } = await octokit.rest.repos.compareCommitsWithBasehead({
        ...o,
        basehead: `${c1}...main`,
      });
      expect(cmp.merge_base_commit.sha).toBe(c1);
      expect(cmp.commits.map((c) => c.sha).sort()).toEqual(
        local.git('rev-list', `${c1}..main`).trim().split('\n').sort(),
      );
      expect(cmp.files?.map((f) => [f.filename, f.status])).toEqual([
        ['grants/alice.yaml', 'added'],
        ['old/notes.txt', 'removed'],
        ['policies/base.yaml', 'modified'],
      ]);

      const { data: log } = await octokit.rest.repos.listCommits({ ...o, sha: 'main', per_page: 100 });
      expect(log.map((c) => c.sha)).toEqual(
        local.git('log', '--date-order', '--format=%H', 'main').trim().split('\n'),
      );

      // Round trip: exporting the imported history gives the very same repository.
      const dir = join(tmp, 'roundtrip');
      await exportToGit(repo, dir);
      expect(git(dir, 'rev-parse', 'main', 'grant/alice').trim()).toBe(`${last}\n${c2}`);
      git(dir, 'fsck', '--full', '--strict', '--no-dangling');
      expect(gh.unexpectedRequests()).toEqual([]);
    } finally {
      local.cleanup();
    }
  });

  test('importFromGit: local:remote names, and unsupported commits are refused', async () => {
    const local = new TempRepo();
    try {
      local.write('a.txt', 'a\n');
      const c1 = local.commit('a', '2024-05-01T10:00:00Z');
      const repo = gh.state.createRepo('acme/access');
      const res = await importFromGit(local.dir, repo, 'main:grant/x');
      expect(res.refs).toEqual({ 'grant/x': c1 });
      expect(repo.branchSha('grant/x')).toBe(c1);
      expect(repo.branchSha('main')).toBeUndefined();

      // An `encoding` header cannot be represented by the fake.
      local.write('a.txt', 'b\n');
      local.git('add', '-A');
      execFileSync(
        'git',
        ['-C', local.dir, '-c', 'i18n.commitEncoding=ISO-8859-1', 'commit', '-q', '-m', 'enc'],
        {
          env: {
            ...process.env,
            GIT_COMMITTER_DATE: '2024-05-02T10:00:00Z',
            GIT_AUTHOR_DATE: '2024-05-02T10:00:00Z',
          },
        },
      );
      await expect(importFromGit(local.dir, repo, 'main')).rejects.toThrow(
        /header "encoding" is not supported/,
      );
      await expect(importFromGit(local.dir, repo, 'nope')).rejects.toThrow(/no local branch nope/);
    } finally {
      local.cleanup();
    }
  });
});
