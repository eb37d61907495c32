/**
 * Reading policies/, grants/ and CODEOWNERS from a working tree. lstat only: symlinks are
 * reported (kind 'symlink') and never followed, so a link cannot pull in files from outside
 * the repository; a folder with a `.git` entry is a submodule and is not descended into.
 */
import { lstat, open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../core/errors.js';
import { MAX_CODEOWNERS_BYTES, MAX_FILE_BYTES } from './limits.js';
import type { CodeownersFile, EntryKind, RepoEntry } from './repo-types.js';

/** GitHub's search order: the first one found wins. */
export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

/** Reads at most `limit` bytes (a file that is larger yields `limit` bytes: enough to reject it). */
async function readCapped(file: string, limit: number): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buf = new Uint8Array(limit);
    let total = 0;
    while (total < limit) {
      const { bytesRead } = await handle.read(buf, total, limit - total, total);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    return buf.subarray(0, total);
  } finally {
    await handle.close();
  }
}

async function kindOf(abs: string): Promise<EntryKind | 'dir' | 'missing'> {
  let st;
  try {
    st = await lstat(abs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw e;
  }
  if (st.isSymbolicLink()) return 'symlink';
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return (await kindOf(join(abs, '.git'))) === 'missing' ? 'dir' : 'submodule';
  return 'other';
}

/** Every entry below `top` (repo-relative), files with their bytes (capped). */
async function walk(repoDir: string, top: string): Promise<RepoEntry[]> {
  const out: RepoEntry[] = [];
  const pending = [top];
  while (pending.length > 0) {
    const rel = pending.pop()!;
    const kind = await kindOf(join(repoDir, rel));
    if (kind === 'missing') continue;
    if (kind === 'dir') {
      for (const name of await readdir(join(repoDir, rel))) pending.push(`${rel}/${name}`);
    } else if (kind === 'file') {
      out.push({ path: rel, kind, bytes: await readCapped(join(repoDir, rel), MAX_FILE_BYTES + 1) });
    } else {
      out.push({ path: rel, kind });
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function readPolicyFilesFs(repoDir: string): Promise<RepoEntry[]> {
  return walk(repoDir, 'policies');
}

/**
 * Every entry under grants/, or only `paths` (repo-relative, e.g. the CLI's FILES or a PR's
 * added files). A path that climbs out (`..`), is absolute or lies outside grants/ is returned
 * without bytes: the grant loader rejects it by name and nothing outside the repository is
 * read. A symlinked folder on the way makes the entry a symlink. A missing path is a UsageError.
 */
export async function listGrantFilesFs(repoDir: string, paths?: readonly string[]): Promise<RepoEntry[]> {
  if (!paths) return walk(repoDir, 'grants');
  const out: RepoEntry[] = [];
  for (const raw of paths) {
    const path = normalisePath(raw);
    if (!isSafeGrantPath(path)) {
      out.push({ path, kind: 'file' });
      continue;
    }
    const parts = path.split('/');
    let kind: EntryKind | 'dir' | 'missing' = 'dir';
    for (let i = 1; i <= parts.length && kind === 'dir'; i++)
      kind = await kindOf(join(repoDir, ...parts.slice(0, i)));
    if (kind === 'missing') throw new UsageError(`${path}: no such file`);
    if (kind === 'dir') throw new UsageError(`${path}: is a directory, not a grant file`);
    out.push(
      kind === 'file'
        ? { path, kind, bytes: await readCapped(join(repoDir, path), MAX_FILE_BYTES + 1) }
        : { path, kind },
    );
  }
  return out;
}

/** `./grants/a.yaml` and `grants\\a.yaml` → `grants/a.yaml`. */
export function normalisePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
}

/** Under grants/, relative, no `.`/`..`/empty segments: safe to join to the repository path. */
export function isSafeGrantPath(path: string): boolean {
  const parts = path.split('/');
  return parts[0] === 'grants' && parts.length > 1 && parts.every((p) => p !== '' && p !== '.' && p !== '..');
}

/**
 * The first CODEOWNERS in GitHub's order. If that entry is not a regular file, is over
 * GitHub's 3 MB limit or is not UTF-8, the result is null (no owners: `from: codeowners`
 * cannot be satisfied) rather than falling through to a file GitHub would not use.
 */
export async function readCodeownersFs(repoDir: string): Promise<CodeownersFile | null> {
  for (const path of CODEOWNERS_PATHS) {
    const kind = await kindOf(join(repoDir, path));
    if (kind === 'missing') continue;
    if (kind !== 'file') return null;
    return decodeCodeowners(path, await readCapped(join(repoDir, path), MAX_CODEOWNERS_BYTES + 1));
  }
  return null;
}

export function decodeCodeowners(path: string, bytes: Uint8Array): CodeownersFile | null {
  if (bytes.length > MAX_CODEOWNERS_BYTES) return null;
  try {
    return { path, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return null;
  }
}
