/**
 * Reading policies/, grants/ and CODEOWNERS at a git ref (`--policies-ref REF`), without a
 * checkout: `git ls-tree` for the entries and modes, `git cat-file --batch` for the blobs.
 * git runs without a shell; the ref is resolved to a commit id once and only that id is used
 * afterwards. Tree modes decide kinds: 120000 symlink, 160000 submodule (never followed).
 */
import { execFile, spawn } from 'node:child_process';
import { UsageError } from '../core/errors.js';
import { MAX_CODEOWNERS_BYTES, MAX_FILE_BYTES } from './limits.js';
import { CODEOWNERS_PATHS, decodeCodeowners, isSafeGrantPath, normalisePath } from './repo-fs.js';
import type { CodeownersFile, EntryKind, RepoEntry } from './repo-types.js';

interface TreeEntry {
  mode: string;
  oid: string;
  path: string;
}

function git(repoDir: string, args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      {
        cwd: repoDir,
        encoding: 'buffer',
        maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
      },
      (err, stdout, stderr) => {
        if (err) reject(Object.assign(err, { stderr: stderr.toString('utf8').trim() }));
        else resolve(stdout);
      },
    );
  });
}

/** The commit id REF names, or a UsageError ("unknown git ref …"). */
export async function resolveCommit(repoDir: string, ref: string): Promise<string> {
  if (ref === '' || /[\0\r\n]/.test(ref)) throw new UsageError(`unknown git ref ${JSON.stringify(ref)}`);
  try {
    const out = await git(repoDir, [
      'rev-parse',
      '--verify',
      '--quiet',
      '--end-of-options',
      `${ref}^{commit}`,
    ]);
    const sha = out.toString('utf8').trim();
    if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(sha)) throw new Error(`unexpected output ${sha}`);
    return sha;
  } catch (e) {
    const why = (e as { stderr?: string }).stderr || '';
    throw new UsageError(
      `unknown git ref ${JSON.stringify(ref)} in ${repoDir}${why ? `: ${why}` : ' (not a commit, or not a git repository)'}`,
    );
  }
}

function kindOfMode(mode: string): EntryKind {
  if (mode === '100644' || mode === '100755') return 'file';
  if (mode === '120000') return 'symlink';
  if (mode === '160000') return 'submodule';
  return 'other';
}

async function lsTree(repoDir: string, commit: string): Promise<TreeEntry[]> {
  let out: Buffer;
  try {
    out = await git(repoDir, [
      'ls-tree',
      '-r',
      '-z',
      '--full-tree',
      commit,
      '--',
      'policies',
      'grants',
      '.github',
      'CODEOWNERS',
      'docs',
    ]);
  } catch (e) {
    throw new UsageError(`cannot list files at ${commit}: ${(e as { stderr?: string }).stderr || String(e)}`);
  }
  const entries: TreeEntry[] = [];
  // `<mode> SP <type> SP <oid> TAB <path> NUL`; with -z paths are not quoted.
  for (const record of out.toString('utf8').split('\0')) {
    if (!record) continue;
    const tab = record.indexOf('\t');
    const [mode, , oid] = record.slice(0, tab).split(' ');
    if (mode && oid) entries.push({ mode, oid, path: record.slice(tab + 1) });
  }
  return entries;
}

/**
 * Blob contents by object id through one `git cat-file --batch`, keeping at most `cap` bytes of
 * each (the rest is read and discarded), so a huge blob cannot exhaust memory.
 */
function catBlobs(repoDir: string, oids: readonly string[], cap: number): Promise<Map<string, Uint8Array>> {
  const result = new Map<string, Uint8Array>();
  if (oids.length === 0) return Promise.resolve(result);
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: repoDir, stdio: ['pipe', 'pipe', 'pipe'] });
    let header = Buffer.alloc(0);
    // The blob being read: `size` content bytes, then one LF that is not part of it.
    let body: { oid: string; size: number; seen: number; kept: Buffer[]; keptBytes: number } | undefined;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => {
      let data = chunk;
      while (data.length > 0) {
        if (!body) {
          const nl = data.indexOf(10);
          if (nl < 0) {
            header = Buffer.concat([header, data]);
            return;
          }
          const line = Buffer.concat([header, data.subarray(0, nl)]).toString('utf8');
          header = Buffer.alloc(0);
          data = data.subarray(nl + 1);
          const [oid, type, size] = line.split(' ');
          if (type !== 'blob' || !oid || size === undefined) {
            child.kill();
            reject(new UsageError(`cannot read object ${oid ?? line}: ${line}`));
            return;
          }
          body = { oid, size: Number(size), seen: 0, kept: [], keptBytes: 0 };
        }
        if (body.seen < body.size) {
          const take = Math.min(body.size - body.seen, data.length);
          const keep = Math.min(take, cap - body.keptBytes);
          if (keep > 0) {
            body.kept.push(Buffer.from(data.subarray(0, keep)));
            body.keptBytes += keep;
          }
          body.seen += take;
          data = data.subarray(take);
        }
        if (body.seen === body.size && data.length > 0) {
          data = data.subarray(1); // the LF after the content
          result.set(body.oid, new Uint8Array(Buffer.concat(body.kept)));
          body = undefined;
        }
      }
    });
    child.on('error', (e) => reject(new UsageError(`cannot run git: ${e.message}`)));
    child.on('close', (code) => {
      if (code !== 0 && result.size < oids.length)
        reject(new UsageError(`git cat-file failed: ${stderr.trim()}`));
      else resolve(result);
    });
    child.stdin.end(`${[...new Set(oids)].join('\n')}\n`);
  });
}

/** Everything the load layer needs at one commit, read with a single ls-tree. */
export interface GitTree {
  commit: string;
  policies: RepoEntry[];
  grants: RepoEntry[];
  codeowners: CodeownersFile | null;
}

export async function readTreeGit(repoDir: string, ref: string): Promise<GitTree> {
  const commit = await resolveCommit(repoDir, ref);
  const entries = await lsTree(repoDir, commit);
  const under = (dir: string) => entries.filter((e) => e.path === dir || e.path.startsWith(`${dir}/`));
  const toRead = [...under('policies'), ...under('grants')].filter((e) => kindOfMode(e.mode) === 'file');
  const blobs = await catBlobs(
    repoDir,
    toRead.map((e) => e.oid),
    MAX_FILE_BYTES + 1,
  );
  const entry = (e: TreeEntry): RepoEntry => {
    const kind = kindOfMode(e.mode);
    return kind === 'file'
      ? { path: e.path, kind, bytes: blobs.get(e.oid) ?? new Uint8Array() }
      : { path: e.path, kind };
  };

  let codeowners: CodeownersFile | null = null;
  const owners = CODEOWNERS_PATHS.map((p) => entries.find((e) => e.path === p)).find((e) => e !== undefined);
  if (owners && kindOfMode(owners.mode) === 'file') {
    const bytes = (await catBlobs(repoDir, [owners.oid], MAX_CODEOWNERS_BYTES + 1)).get(owners.oid);
    codeowners = bytes ? decodeCodeowners(owners.path, bytes) : null;
  }
  const byPath = (a: RepoEntry, b: RepoEntry) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return {
    commit,
    policies: under('policies').map(entry).sort(byPath),
    grants: under('grants').map(entry).sort(byPath),
    codeowners,
  };
}

export async function readPolicyFilesGit(repoDir: string, ref: string): Promise<RepoEntry[]> {
  return (await readTreeGit(repoDir, ref)).policies;
}

/** Every entry under grants/ at REF, or only `paths` (see listGrantFilesFs for the rules). */
export async function listGrantFilesGit(
  repoDir: string,
  ref: string,
  paths?: readonly string[],
): Promise<RepoEntry[]> {
  const grants = (await readTreeGit(repoDir, ref)).grants;
  if (!paths) return grants;
  return paths.map((raw) => {
    const path = normalisePath(raw);
    if (!isSafeGrantPath(path)) return { path, kind: 'file' };
    const found = grants.find((e) => e.path === path);
    if (!found) throw new UsageError(`${path}: no such file at ${ref}`);
    return found;
  });
}

export async function readCodeownersGit(repoDir: string, ref: string): Promise<CodeownersFile | null> {
  return (await readTreeGit(repoDir, ref)).codeowners;
}
