/**
 * What the repository readers (working tree: repo-fs.ts, git ref: repo-git.ts) return, so
 * callers do not care where files came from.
 */

/** How an entry is stored. Only `file` is ever read: symlinks and submodules are never followed. */
export type EntryKind = 'file' | 'symlink' | 'submodule' | 'other';

export interface RepoEntry {
  /** Repository-relative, forward slashes (`grants/production/alice.yaml`). */
  path: string;
  kind: EntryKind;
  /**
   * Contents of a regular file. Readers return at most MAX_FILE_BYTES + 1 bytes (enough for
   * the size check to fail) so a huge file never gets loaded into memory.
   */
  bytes?: Uint8Array;
}

export interface CodeownersFile {
  path: string;
  text: string;
}
