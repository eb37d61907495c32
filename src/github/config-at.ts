/**
 * The trusted configuration at a commit (the pull request's base), read through the API:
 * every file under policies/ and the CODEOWNERS file GitHub would use.
 */
import { CODEOWNERS_LOCATIONS, pickCodeowners } from '../core/codeowners.js';
import type { GitHubClient } from './client.js';
import type { RepoEntry } from '../load/repo-types.js';
import { listTree, readBlob, type TreeEntry, type RepoRef } from './repo-files.js';

/** Read the regular files among `entries`; symlinks and submodules are listed, never read. */
export async function readEntries(
  gh: GitHubClient,
  ref: RepoRef,
  entries: readonly TreeEntry[],
): Promise<RepoEntry[]> {
  return Promise.all(
    entries.map(async (e) =>
      e.kind === 'file'
        ? { path: e.path, kind: e.kind, bytes: await readBlob(gh, ref, e.sha) }
        : { path: e.path, kind: e.kind },
    ),
  );
}

export async function policyFilesAt(gh: GitHubClient, ref: RepoRef, commit: string): Promise<RepoEntry[]> {
  return readEntries(gh, ref, await listTree(gh, ref, commit, 'policies'));
}

export async function codeownersAt(
  gh: GitHubClient,
  ref: RepoRef,
  commit: string,
): Promise<{ path: string; text: string } | null> {
  const [github, root, docs] = await Promise.all([
    listTree(gh, ref, commit, '.github', false).then((es) =>
      es.filter((e) => e.path === '.github/CODEOWNERS'),
    ),
    listTree(gh, ref, commit, '', false).then((es) => es.filter((e) => e.path === 'CODEOWNERS')),
    listTree(gh, ref, commit, 'docs', false).then((es) => es.filter((e) => e.path === 'docs/CODEOWNERS')),
  ]);
  const found = [...github, ...root, ...docs].filter((e) => e.kind === 'file');
  const candidates = await Promise.all(
    found.map(async (e) => ({
      path: e.path,
      text: Buffer.from(await readBlob(gh, ref, e.sha)).toString('utf8'),
    })),
  );
  // GitHub's search order: .github/, then the root, then docs/; the first found is used.
  candidates.sort(
    (a, b) => CODEOWNERS_LOCATIONS.indexOf(a.path as never) - CODEOWNERS_LOCATIONS.indexOf(b.path as never),
  );
  return pickCodeowners(candidates);
}
