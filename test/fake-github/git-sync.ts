/**
 * Keeps a local git repository and a fake GitHub repository in step, object for object: the same
 * blobs, trees and commits with the same SHA-1 ids, and the same branch tips.
 *
 * - `exportToGit(repo, dir)` writes the fake's objects into a local repository (as a workflow's
 *   checkout of the default branch would have them), sets `refs/heads/*` and checks out a branch.
 * - `importFromGit(dir, repo, branch)` does the reverse (like `git push`): a test builds history with
 *   plain git commands and the fake then serves the same objects and refs through the REST API.
 *
 * Every object is hashed by git itself (`git hash-object`) or by the fake's `ObjectStore`, and the
 * ids are compared: a mismatch throws instead of producing two diverging histories.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  serializeCommit,
  serializeTree,
  type CommitObject,
  type GitIdentity,
  type TreeEntry,
  type TreeMode,
} from './git-objects.js';
import type { Repo } from './state.js';

export interface ExportOptions {
  /** Branches to export (default: every `refs/heads/*` of the fake repository). */
  branches?: string[];
  /**
   * Branch to check out afterwards with `git checkout -q -f` (discarding local changes). Default: the
   * fake's default branch when it is exported, else the first exported branch; `false`: no checkout.
   */
  checkout?: string | false;
  /** Also write `refs/remotes/<remote>/<branch>` for every exported branch (e.g. `'origin'`). */
  remote?: string;
  /** Delete local branches (`refs/heads/*`) that were not exported (never the checked-out one). */
  prune?: boolean;
  /** `user.name` / `user.email` configured in the repository. */
  identity?: { name: string; email: string };
}

export interface ExportResult {
  /** Exported branch → commit sha. */
  refs: Record<string, string>;
  /** Objects written in this run (0 when the local repository already had everything). */
  written: { blob: number; tree: number; commit: number };
  /** The branch checked out, or null. */
  checkedOut: string | null;
}

type RawType = 'blob' | 'tree' | 'commit';

// ------------------------------------------------------------------------------------ git runner

/** Environment variables that would redirect git away from `dir` (e.g. when run from a git hook). */
const GIT_REDIRECTS = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR',
  'GIT_NAMESPACE',
  'GIT_PREFIX',
];

export function cleanGitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of GIT_REDIRECTS) delete env[k];
  return { ...env, ...extra };
}

/** Runs `git -C dir args…` without a shell; resolves stdout as a Buffer, rejects with stderr. */
export function runGit(
  dir: string,
  args: readonly string[],
  opts: { input?: string | Buffer; env?: Record<string, string> } = {},
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-C', dir, ...args], {
      env: cleanGitEnv(opts.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else
        reject(
          new Error(
            `git ${args.join(' ')} failed (${code}) in ${dir}: ${Buffer.concat(err).toString().trim()}`,
          ),
        );
    });
    child.stdin.on('error', () => {}); // git may exit before reading everything; 'close' reports it
    child.stdin.end(opts.input ?? '');
  });
}

async function gitText(dir: string, args: readonly string[], input?: string): Promise<string> {
  return (await runGit(dir, args, input === undefined ? {} : { input })).toString('utf8');
}

/** Shas (of the given list) that the local object database lacks. */
async function missingObjects(dir: string, shas: readonly string[]): Promise<Set<string>> {
  const missing = new Set<string>();
  if (shas.length === 0) return missing;
  const out = await gitText(dir, ['cat-file', '--batch-check'], shas.join('\n') + '\n');
  for (const line of out.split('\n')) {
    const m = /^([0-9a-f]{40}) missing$/.exec(line.trim());
    if (m) missing.add(m[1]!);
  }
  return missing;
}

// ------------------------------------------------------------------------------------ export

function fakeBranches(repo: Repo): string[] {
  return [...repo.refs.keys()]
    .filter((k) => k.startsWith('refs/heads/'))
    .map((k) => k.slice('refs/heads/'.length))
    .sort();
}

/** Commits reachable from `tips`, parents before children. */
function commitsParentsFirst(repo: Repo, tips: readonly string[]): CommitObject[] {
  const out: CommitObject[] = [];
  const state = new Map<string, 'open' | 'done'>();
  for (const tip of tips) {
    const stack: Array<{ sha: string; expanded: boolean }> = [{ sha: tip, expanded: false }];
    while (stack.length) {
      const top = stack.pop()!;
      const c = repo.objects.getCommit(top.sha);
      if (!c) throw new Error(`fake ${repo.fullName} lacks commit ${top.sha}`);
      if (top.expanded) {
        if (state.get(c.sha) !== 'done') {
          state.set(c.sha, 'done');
          out.push(c);
        }
        continue;
      }
      if (state.has(c.sha)) continue;
      state.set(c.sha, 'open');
      stack.push({ sha: c.sha, expanded: true });
      for (const p of [...c.parents].reverse()) if (!state.has(p)) stack.push({ sha: p, expanded: false });
    }
  }
  return out;
}

/** Trees (children first) and blobs under the given root trees; gitlinks (submodules) are skipped. */
function treeClosure(
  repo: Repo,
  roots: readonly string[],
): { trees: Array<{ sha: string; entries: TreeEntry[] }>; blobs: string[] } {
  const trees: Array<{ sha: string; entries: TreeEntry[] }> = [];
  const blobs = new Set<string>();
  const seen = new Set<string>();
  const visit = (sha: string): void => {
    if (seen.has(sha)) return;
    seen.add(sha);
    const t = repo.objects.getTree(sha);
    if (!t) throw new Error(`fake ${repo.fullName} lacks tree ${sha}`);
    for (const e of t.entries) {
      if (e.type === 'tree') visit(e.sha);
      else if (e.type === 'blob') {
        if (!repo.objects.getBlob(e.sha)) throw new Error(`fake ${repo.fullName} lacks blob ${e.sha}`);
        blobs.add(e.sha);
      }
      // 'commit' entries are submodule gitlinks: the object lives in another repository.
    }
    trees.push(t);
  };
  for (const r of roots) visit(r);
  return { trees, blobs: [...blobs] };
}

/** Writes raw objects with `git hash-object -w --stdin-paths` (one process per type) and checks ids. */
async function writeObjects(dir: string, type: RawType, objects: Array<{ sha: string; body: Buffer }>) {
  if (objects.length === 0) return;
  const tmp = mkdtempSync(join(tmpdir(), 'gitgrant-objects-'));
  try {
    const paths = objects.map((o) => {
      const p = join(tmp, o.sha);
      writeFileSync(p, o.body);
      return p;
    });
    // No --literally: git checks the tree/commit format. --no-filters: blobs are stored byte for byte.
    const out = await gitText(
      dir,
      ['hash-object', '-w', '-t', type, '--no-filters', '--stdin-paths'],
      paths.join('\n') + '\n',
    );
    const ids = out.split('\n').filter((l) => l !== '');
    if (ids.length !== objects.length)
      throw new Error(`git hash-object wrote ${ids.length} of ${objects.length} ${type}s`);
    objects.forEach((o, i) => {
      if (ids[i] !== o.sha) throw new Error(`${type} ${o.sha} of the fake has id ${ids[i]} in git`);
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Creates (or updates) a local git repository in `dir` holding every object reachable from the
 * fake's branches with identical ids, points `refs/heads/<branch>` at the fake's shas and checks out
 * the default branch. Re-running only writes objects the local repository lacks.
 */
export async function exportToGit(repo: Repo, dir: string, opts: ExportOptions = {}): Promise<ExportResult> {
  const branches = opts.branches ?? fakeBranches(repo);
  const refs: Record<string, string> = {};
  for (const b of branches) {
    const sha = repo.branchSha(b);
    if (!sha) throw new Error(`fake ${repo.fullName} has no branch ${b}`);
    refs[b] = sha;
  }

  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, '.git')))
    await runGit(dir, ['init', '-q', `--initial-branch=${repo.defaultBranch}`]);
  const id = opts.identity ?? { name: 'gitgrant test', email: 'test@example.com' };
  for (const [k, v] of [
    ['user.name', id.name],
    ['user.email', id.email],
    ['commit.gpgsign', 'false'],
    ['core.autocrlf', 'false'],
  ] as const)
    await runGit(dir, ['config', k, v]);

  // Commits first: a commit already present locally was written after its trees, blobs and parents.
  const commits = commitsParentsFirst(repo, Object.values(refs));
  const missingCommits = await missingObjects(
    dir,
    commits.map((c) => c.sha),
  );
  const toWrite = commits.filter((c) => missingCommits.has(c.sha));
  const closure = treeClosure(
    repo,
    toWrite.map((c) => c.tree),
  );
  const missing = await missingObjects(dir, [...closure.blobs, ...closure.trees.map((t) => t.sha)]);

  const blobs = closure.blobs
    .filter((s) => missing.has(s))
    .map((sha) => ({ sha, body: repo.objects.getBlob(sha)!.content }));
  const trees = closure.trees
    .filter((t) => missing.has(t.sha))
    .map((t) => ({ sha: t.sha, body: serializeTree(t.entries) }));
  const commitBodies = toWrite.map((c) => ({ sha: c.sha, body: serializeCommit(c) }));
  await writeObjects(dir, 'blob', blobs);
  await writeObjects(dir, 'tree', trees);
  await writeObjects(dir, 'commit', commitBodies);

  const updates: string[] = [];
  for (const [b, sha] of Object.entries(refs)) {
    updates.push(`update refs/heads/${b} ${sha}`);
    if (opts.remote) updates.push(`update refs/remotes/${opts.remote}/${b} ${sha}`);
  }
  if (updates.length) await runGit(dir, ['update-ref', '--stdin'], { input: updates.join('\n') + '\n' });

  const checkout =
    opts.checkout === false
      ? null
      : (opts.checkout ?? (repo.defaultBranch in refs ? repo.defaultBranch : (branches[0] ?? null)));
  if (checkout !== null) await runGit(dir, ['checkout', '-q', '-f', checkout]);

  if (opts.prune) {
    const head = (await gitText(dir, ['symbolic-ref', '-q', 'HEAD']).catch(() => '')).trim();
    const local = (await gitText(dir, ['for-each-ref', '--format=%(refname)', 'refs/heads/']))
      .split('\n')
      .filter((r) => r !== '');
    const stale = local.filter((r) => r !== head && !(r.slice('refs/heads/'.length) in refs));
    if (stale.length)
      await runGit(dir, ['update-ref', '--stdin'], {
        input: stale.map((r) => `delete ${r}`).join('\n') + '\n',
      });
  }

  return {
    refs,
    written: { blob: blobs.length, tree: trees.length, commit: commitBodies.length },
    checkedOut: checkout,
  };
}

// ------------------------------------------------------------------------------------ import

export interface ImportResult {
  /** Fake branch → commit sha. */
  refs: Record<string, string>;
  /** Objects added to the fake's store in this run. */
  added: { blob: number; tree: number; commit: number };
}

const TREE_MODES: Record<string, TreeMode> = {
  '100644': '100644',
  '100755': '100755',
  '120000': '120000',
  '160000': '160000',
  '40000': '040000',
  '040000': '040000',
};

function parseTree(body: Buffer, sha: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let i = 0;
  while (i < body.length) {
    const sp = body.indexOf(0x20, i);
    const nul = body.indexOf(0, sp);
    if (sp < 0 || nul < 0 || nul + 21 > body.length) throw new Error(`malformed tree ${sha}`);
    const rawMode = body.subarray(i, sp).toString('latin1');
    const mode = TREE_MODES[rawMode];
    if (!mode) throw new Error(`tree ${sha}: mode ${rawMode} is not supported by the fake`);
    const name = body.subarray(sp + 1, nul).toString('utf8');
    const entrySha = body.subarray(nul + 1, nul + 21).toString('hex');
    entries.push({
      name,
      mode,
      type: mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : 'blob',
      sha: entrySha,
    });
    i = nul + 21;
  }
  return entries;
}

function parseIdentity(line: string, what: string, sha: string): GitIdentity {
  const m = /^(.*) <([^<>]*)> (\d+) ([+-]\d{4})$/.exec(line);
  if (!m) throw new Error(`commit ${sha}: cannot parse ${what} "${line}"`);
  const date = new Date(Number(m[3]) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { name: m[1]!, email: m[2]!, date, ...(m[4] === '+0000' ? {} : { tz: m[4]! }) };
}

function parseCommit(body: Buffer, sha: string): Omit<CommitObject, 'type' | 'sha'> {
  const text = body.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(body)) throw new Error(`commit ${sha} is not valid UTF-8`);
  const split = text.indexOf('\n\n');
  const headerText = split < 0 ? text.replace(/\n$/, '') : text.slice(0, split);
  const message = split < 0 ? '' : text.slice(split + 2);
  let tree: string | undefined;
  const parents: string[] = [];
  let author: GitIdentity | undefined;
  let committer: GitIdentity | undefined;
  for (const line of headerText.split('\n')) {
    const sp = line.indexOf(' ');
    const key = line.slice(0, sp);
    const value = line.slice(sp + 1);
    if (key === 'tree' && !tree && parents.length === 0) tree = value;
    else if (key === 'parent' && tree && !author) parents.push(value);
    else if (key === 'author' && tree && !author) author = parseIdentity(value, 'author', sha);
    else if (key === 'committer' && author && !committer) committer = parseIdentity(value, 'committer', sha);
    else
      throw new Error(
        `commit ${sha}: header "${key || line}" is not supported by the fake (signed commits, encodings and mergetags cannot be represented)`,
      );
  }
  if (!tree || !author || !committer) throw new Error(`commit ${sha}: missing tree/author/committer`);
  return { tree, parents, author, committer, message };
}

/** Reads objects with `git cat-file --batch`. */
async function readObjects(
  dir: string,
  shas: readonly string[],
): Promise<Map<string, { type: string; body: Buffer }>> {
  const out = new Map<string, { type: string; body: Buffer }>();
  if (shas.length === 0) return out;
  const buf = await runGit(dir, ['cat-file', '--batch'], { input: shas.join('\n') + '\n' });
  let i = 0;
  while (i < buf.length) {
    const nl = buf.indexOf(0x0a, i);
    const header = buf.subarray(i, nl).toString('latin1');
    const m = /^([0-9a-f]{40}) (\w+) (\d+)$/.exec(header);
    if (!m) throw new Error(`git cat-file: ${header}`);
    const size = Number(m[3]);
    out.set(m[1]!, { type: m[2]!, body: buf.subarray(nl + 1, nl + 1 + size) });
    i = nl + 1 + size + 1; // trailing LF
  }
  return out;
}

/**
 * Copies the history of local branches into the fake (like `git push --force`) and moves the fake's
 * branches to the same shas. `branch` is a name or `local:remote` (local branch → fake branch), or a
 * list of them. Ref updates go through `repo.setRef`, so open pull requests follow their head branches
 * and are marked merged when their head lands on the base, as on GitHub.
 */
export async function importFromGit(
  dir: string,
  repo: Repo,
  branch: string | string[],
): Promise<ImportResult> {
  const specs = (Array.isArray(branch) ? branch : [branch]).map((s) => {
    const [local, remote] = s.includes(':') ? (s.split(':', 2) as [string, string]) : [s, s];
    return { local, remote };
  });
  const tips: Record<string, string> = {};
  for (const { local, remote } of specs) {
    const ref = local.startsWith('refs/') || local === 'HEAD' ? local : `refs/heads/${local}`;
    tips[remote] = (
      await gitText(dir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).catch(() => {
        throw new Error(`no local branch ${local} in ${dir}`);
      })
    ).trim();
  }

  // Everything reachable, minus what the fake already has (its commits imply their closure).
  const have = [...new Set(Object.values(tips))];
  const known = [...repo.refs.values()].filter((s) => repo.objects.getCommit(s));
  const listing = await gitText(
    dir,
    ['rev-list', '--objects', '--stdin'],
    [...have, ...known.map((s) => `^${s}`)].join('\n') + '\n',
  ).catch(async () =>
    // A fake sha unknown to the local repository cannot be excluded: list everything instead.
    gitText(dir, ['rev-list', '--objects', '--stdin'], have.join('\n') + '\n'),
  );
  const shas = listing
    .split('\n')
    .map((l) => l.slice(0, 40))
    .filter((s) => /^[0-9a-f]{40}$/.test(s) && !repo.objects.has(s));
  const objects = await readObjects(dir, shas);

  const added = { blob: 0, tree: 0, commit: 0 };
  const check = (type: string, expected: string, got: string): void => {
    if (expected !== got) throw new Error(`${type} ${expected} of ${dir} has id ${got} in the fake`);
  };
  for (const [sha, o] of objects)
    if (o.type === 'blob') {
      check('blob', sha, repo.objects.putBlob(Buffer.from(o.body)));
      added.blob++;
    }
  for (const [sha, o] of objects)
    if (o.type === 'tree') {
      check('tree', sha, repo.objects.putTree(parseTree(o.body, sha)));
      added.tree++;
    }
  // Commits in any order: ids depend on parent ids, not on the parents being stored.
  for (const [sha, o] of objects)
    if (o.type === 'commit') {
      check('commit', sha, repo.objects.putCommit(parseCommit(o.body, sha)));
      added.commit++;
    }
  for (const [sha, o] of objects)
    if (o.type !== 'blob' && o.type !== 'tree' && o.type !== 'commit')
      throw new Error(`${o.type} ${sha}: annotated tags are not supported by the fake`);

  for (const [remote, sha] of Object.entries(tips)) repo.setRef(remote, sha);
  return { refs: tips, added };
}
