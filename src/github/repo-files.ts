/**
 * Files at a commit, read through the git trees and blobs API as data: nothing from a pull
 * request's head is checked out or executed. Symlinks (mode 120000) and submodules (160000)
 * are reported as such, never followed.
 */
import type { GitHubClient } from './client.js';

import type { EntryKind } from '../load/repo-types.js';

/** A tree entry: where it is, how it is stored, and its blob id. */
export interface TreeEntry {
  path: string;
  kind: EntryKind;
  sha: string;
  size?: number;
}

export interface RepoRef {
  owner: string;
  repo: string;
}

function kindOf(mode: string, type: string): EntryKind {
  if (mode === '120000') return 'symlink';
  if (mode === '160000' || type === 'commit') return 'submodule';
  if (type === 'blob' && (mode === '100644' || mode === '100755')) return 'file';
  return 'other';
}

/** Every entry below `dir` at `commit` (recursive unless told otherwise). Empty when the folder does not exist. */
export async function listTree(
  gh: GitHubClient,
  ref: RepoRef,
  commit: string,
  dir: string,
  recursive = true,
): Promise<TreeEntry[]> {
  // Walk from the root tree to `dir` one level at a time, then read that subtree recursively,
  // so a large repository's unrelated files are never listed (and never truncate the answer).
  let treeSha = commit;
  const parts = dir.split('/').filter(Boolean);
  for (const part of parts) {
    const { data } = await gh.rest.git.getTree({ ...ref, tree_sha: treeSha });
    const next = data.tree.find((e) => e.path === part);
    if (!next || next.type !== 'tree' || !next.sha) return [];
    treeSha = next.sha;
  }
  const { data } = await gh.rest.git.getTree({
    ...ref,
    tree_sha: treeSha,
    ...(recursive ? { recursive: 'true' } : {}),
  });
  if (data.truncated) {
    throw new Error(
      `the tree of ${dir || '/'} at ${commit} is too large for one API answer (truncated): refusing to decide on part of it`,
    );
  }
  const prefix = parts.length ? `${parts.join('/')}/` : '';
  return data.tree
    .filter((e) => e.type !== 'tree' && e.path && e.sha)
    .map((e) => ({
      path: prefix + e.path!,
      kind: kindOf(e.mode ?? '', e.type ?? ''),
      sha: e.sha!,
      ...(e.size === undefined ? {} : { size: e.size }),
    }));
}

export async function readBlob(gh: GitHubClient, ref: RepoRef, sha: string): Promise<Uint8Array> {
  const { data } = await gh.rest.git.getBlob({ ...ref, file_sha: sha });
  if (data.encoding !== 'base64') throw new Error(`blob ${sha} came back as ${data.encoding}, not base64`);
  return new Uint8Array(Buffer.from(data.content, 'base64'));
}
