/**
 * Git object model with real object ids: blob/tree/commit are serialized exactly as git does and
 * hashed with SHA-1 (`<type> <size>\0<body>`), so shas look and behave like real ones.
 */
import { createHash } from 'node:crypto';

export type TreeMode = '100644' | '100755' | '120000' | '160000' | '040000';
export type TreeEntryType = 'blob' | 'tree' | 'commit';

export interface TreeEntry {
  name: string;
  mode: TreeMode;
  type: TreeEntryType;
  sha: string;
}

export interface GitIdentity {
  name: string;
  email: string;
  /** ISO-8601 timestamp */
  date: string;
  /**
   * Time-zone offset written into the git object (`+HHMM` / `-HHMM`); default `+0000`. Only the
   * serialized object (and so the sha) uses it — `date` stays the UTC instant shown by the API.
   */
  tz?: string;
}

export interface BlobObject {
  type: 'blob';
  sha: string;
  content: Buffer;
}
export interface TreeObject {
  type: 'tree';
  sha: string;
  entries: TreeEntry[];
}
export interface CommitObject {
  type: 'commit';
  sha: string;
  tree: string;
  parents: string[];
  author: GitIdentity;
  committer: GitIdentity;
  message: string;
}
export type GitObject = BlobObject | TreeObject | CommitObject;

/** A leaf of a flattened tree: a file, symlink or submodule at a full path. */
export interface FlatEntry {
  mode: TreeMode;
  type: TreeEntryType;
  sha: string;
}

export const EMPTY_TREE_SHA = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

export function hashObject(type: 'blob' | 'tree' | 'commit', body: Buffer): string {
  const header = Buffer.from(`${type} ${body.length}\0`, 'utf8');
  return createHash('sha1').update(header).update(body).digest('hex');
}

/** git sorts tree entries by name, comparing directory names as if they ended with '/'. */
export function compareTreeEntries(a: TreeEntry, b: TreeEntry): number {
  const ka = Buffer.from(a.type === 'tree' ? `${a.name}/` : a.name, 'utf8');
  const kb = Buffer.from(b.type === 'tree' ? `${b.name}/` : b.name, 'utf8');
  return Buffer.compare(ka, kb);
}

export function serializeTree(entries: TreeEntry[]): Buffer {
  const sorted = [...entries].sort(compareTreeEntries);
  const parts: Buffer[] = [];
  for (const e of sorted) {
    const mode = e.mode === '040000' ? '40000' : e.mode;
    parts.push(Buffer.from(`${mode} ${e.name}\0`, 'utf8'), Buffer.from(e.sha, 'hex'));
  }
  return Buffer.concat(parts);
}

function gitDate(iso: string, tz = '+0000'): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`invalid date: ${iso}`);
  if (!/^[+-]\d{4}$/.test(tz)) throw new Error(`invalid time-zone offset: ${tz}`);
  return `${Math.floor(ms / 1000)} ${tz}`;
}

export function serializeCommit(c: Omit<CommitObject, 'type' | 'sha'>): Buffer {
  const lines = [`tree ${c.tree}`];
  for (const p of c.parents) lines.push(`parent ${p}`);
  lines.push(`author ${c.author.name} <${c.author.email}> ${gitDate(c.author.date, c.author.tz)}`);
  lines.push(
    `committer ${c.committer.name} <${c.committer.email}> ${gitDate(c.committer.date, c.committer.tz)}`,
  );
  return Buffer.from(`${lines.join('\n')}\n\n${c.message}`, 'utf8');
}

/** Normalizes an ISO date to GitHub's second precision `YYYY-MM-DDTHH:MM:SSZ`. */
export function isoSeconds(d: string | number | Date): string {
  return new Date(d).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export class ObjectStore {
  private readonly objects = new Map<string, GitObject>();

  constructor() {
    this.objects.set(EMPTY_TREE_SHA, { type: 'tree', sha: EMPTY_TREE_SHA, entries: [] });
  }

  get(sha: string): GitObject | undefined {
    return this.objects.get(sha.toLowerCase());
  }
  has(sha: string): boolean {
    return this.objects.has(sha.toLowerCase());
  }
  getBlob(sha: string): BlobObject | undefined {
    const o = this.get(sha);
    return o?.type === 'blob' ? o : undefined;
  }
  getTree(sha: string): TreeObject | undefined {
    const o = this.get(sha);
    return o?.type === 'tree' ? o : undefined;
  }
  getCommit(sha: string): CommitObject | undefined {
    const o = this.get(sha);
    return o?.type === 'commit' ? o : undefined;
  }
  /** Resolves an abbreviated sha (>= 4 hex chars) when unambiguous. */
  resolvePrefix(prefix: string): string | undefined {
    const p = prefix.toLowerCase();
    if (!/^[0-9a-f]{4,40}$/.test(p)) return undefined;
    if (this.objects.has(p)) return p;
    const hits = [...this.objects.keys()].filter((k) => k.startsWith(p));
    return hits.length === 1 ? hits[0] : undefined;
  }

  putBlob(content: Buffer | string): string {
    const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const sha = hashObject('blob', buf);
    if (!this.objects.has(sha)) this.objects.set(sha, { type: 'blob', sha, content: buf });
    return sha;
  }

  putTree(entries: TreeEntry[]): string {
    const names = new Set<string>();
    for (const e of entries) {
      if (!e.name || e.name.includes('/') || e.name === '.' || e.name === '..')
        throw new Error(`invalid tree entry name: ${e.name}`);
      if (names.has(e.name)) throw new Error(`duplicate tree entry: ${e.name}`);
      names.add(e.name);
    }
    const sorted = [...entries].sort(compareTreeEntries);
    const sha = hashObject('tree', serializeTree(sorted));
    if (!this.objects.has(sha)) this.objects.set(sha, { type: 'tree', sha, entries: sorted });
    return sha;
  }

  putCommit(c: Omit<CommitObject, 'type' | 'sha'>): string {
    const norm = {
      ...c,
      author: { ...c.author, date: isoSeconds(c.author.date) },
      committer: { ...c.committer, date: isoSeconds(c.committer.date) },
    };
    const sha = hashObject('commit', serializeCommit(norm));
    if (!this.objects.has(sha)) this.objects.set(sha, { type: 'commit', sha, ...norm });
    return sha;
  }

  /** Flattens a tree into its leaves (blobs, symlinks, submodules) keyed by full path. */
  flatten(treeSha: string, prefix = '', out = new Map<string, FlatEntry>()): Map<string, FlatEntry> {
    const tree = this.getTree(treeSha);
    if (!tree) throw new Error(`no such tree ${treeSha}`);
    for (const e of tree.entries) {
      const path = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.type === 'tree') this.flatten(e.sha, path, out);
      else out.set(path, { mode: e.mode, type: e.type, sha: e.sha });
    }
    return out;
  }

  /** All entries (trees included) in git's recursive listing order (pre-order, sorted). */
  walk(
    treeSha: string,
    prefix = '',
    out: Array<TreeEntry & { path: string }> = [],
  ): Array<TreeEntry & { path: string }> {
    const tree = this.getTree(treeSha);
    if (!tree) throw new Error(`no such tree ${treeSha}`);
    for (const e of tree.entries) {
      const path = prefix ? `${prefix}/${e.name}` : e.name;
      out.push({ ...e, path });
      if (e.type === 'tree') this.walk(e.sha, path, out);
    }
    return out;
  }

  /** Builds nested tree objects from a flat path map and returns the root tree sha. */
  buildTree(flat: Map<string, FlatEntry>): string {
    interface Dir {
      files: Map<string, FlatEntry>;
      dirs: Map<string, Dir>;
    }
    const root: Dir = { files: new Map(), dirs: new Map() };
    for (const [path, entry] of flat) {
      const parts = path.split('/');
      if (parts.some((p) => p === '' || p === '.' || p === '..')) throw new Error(`invalid path: ${path}`);
      let dir = root;
      for (const part of parts.slice(0, -1)) {
        if (dir.files.has(part)) throw new Error(`path conflict at ${path}`);
        let next = dir.dirs.get(part);
        if (!next) {
          next = { files: new Map(), dirs: new Map() };
          dir.dirs.set(part, next);
        }
        dir = next;
      }
      const name = parts[parts.length - 1]!;
      if (dir.dirs.has(name)) throw new Error(`path conflict at ${path}`);
      dir.files.set(name, entry);
    }
    const write = (dir: Dir): string => {
      const entries: TreeEntry[] = [];
      for (const [name, f] of dir.files) entries.push({ name, mode: f.mode, type: f.type, sha: f.sha });
      for (const [name, d] of dir.dirs) entries.push({ name, mode: '040000', type: 'tree', sha: write(d) });
      return this.putTree(entries);
    };
    return write(root);
  }

  /** Finds the entry at `path` inside a tree (file, symlink, submodule or sub-tree). */
  lookup(treeSha: string, path: string): TreeEntry | undefined {
    const parts = path.split('/').filter((p) => p !== '');
    if (parts.length === 0) return { name: '', mode: '040000', type: 'tree', sha: treeSha };
    let current = this.getTree(treeSha);
    let found: TreeEntry | undefined;
    for (let i = 0; i < parts.length; i++) {
      if (!current) return undefined;
      found = current.entries.find((e) => e.name === parts[i]);
      if (!found) return undefined;
      if (i < parts.length - 1) {
        if (found.type !== 'tree') return undefined;
        current = this.getTree(found.sha);
      }
    }
    return found;
  }

  /**
   * Commits reachable from `sha` (inclusive) in `git log --date-order`: newest committer date first,
   * but never a parent before one of its children.
   */
  ancestors(sha: string): CommitObject[] {
    const reach = new Map<string, CommitObject>();
    const stack = [sha];
    while (stack.length) {
      const s = stack.pop()!;
      if (reach.has(s)) continue;
      const c = this.getCommit(s);
      if (!c) continue;
      reach.set(s, c);
      stack.push(...c.parents);
    }
    const children = new Map<string, number>();
    for (const c of reach.values())
      for (const p of new Set(c.parents)) if (reach.has(p)) children.set(p, (children.get(p) ?? 0) + 1);
    const ready: CommitObject[] = reach.has(sha) ? [reach.get(sha)!] : [];
    const out: CommitObject[] = [];
    const seen = new Set<string>();
    while (ready.length) {
      let best = 0;
      for (let i = 1; i < ready.length; i++)
        if (Date.parse(ready[i]!.committer.date) > Date.parse(ready[best]!.committer.date)) best = i;
      const c = ready.splice(best, 1)[0]!;
      if (seen.has(c.sha)) continue;
      seen.add(c.sha);
      out.push(c);
      for (const p of new Set(c.parents)) {
        const left = (children.get(p) ?? 0) - 1;
        children.set(p, left);
        if (left === 0 && reach.has(p)) ready.push(reach.get(p)!);
      }
    }
    return out;
  }

  isAncestor(ancestor: string, descendant: string): boolean {
    return this.ancestors(descendant).some((c) => c.sha === ancestor);
  }

  /** Best common ancestor (the newest commit reachable from both), or undefined. */
  mergeBase(a: string, b: string): string | undefined {
    const fromA = new Set(this.ancestors(a).map((c) => c.sha));
    return this.ancestors(b).find((c) => fromA.has(c.sha))?.sha;
  }
}

export type DiffStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'changed';

export interface DiffEntry {
  filename: string;
  previous_filename?: string;
  status: DiffStatus;
  sha: string | null;
  mode: TreeMode | null;
  previousSha: string | null;
}

/**
 * Compares two flattened trees. Exact renames (same blob sha, one removed path and one added path)
 * are reported as `renamed` when `detectRenames` is set. Mode-only changes are `changed`.
 */
export function diffTrees(
  before: Map<string, FlatEntry>,
  after: Map<string, FlatEntry>,
  detectRenames = true,
): DiffEntry[] {
  const out: DiffEntry[] = [];
  const removed: string[] = [];
  const added: string[] = [];
  for (const [path, b] of before) {
    const a = after.get(path);
    if (!a) removed.push(path);
    else if (a.sha !== b.sha)
      out.push({ filename: path, status: 'modified', sha: a.sha, mode: a.mode, previousSha: b.sha });
    else if (a.mode !== b.mode)
      out.push({ filename: path, status: 'changed', sha: a.sha, mode: a.mode, previousSha: b.sha });
  }
  for (const path of after.keys()) if (!before.has(path)) added.push(path);
  const usedRemoved = new Set<string>();
  for (const path of added) {
    const a = after.get(path)!;
    const from = detectRenames
      ? removed.find((r) => !usedRemoved.has(r) && before.get(r)!.sha === a.sha)
      : undefined;
    if (from) {
      usedRemoved.add(from);
      out.push({
        filename: path,
        previous_filename: from,
        status: 'renamed',
        sha: a.sha,
        mode: a.mode,
        previousSha: a.sha,
      });
    } else out.push({ filename: path, status: 'added', sha: a.sha, mode: a.mode, previousSha: null });
  }
  for (const path of removed) {
    if (usedRemoved.has(path)) continue;
    const b = before.get(path)!;
    out.push({ filename: path, status: 'removed', sha: b.sha, mode: null, previousSha: b.sha });
  }
  return out.sort((x, y) => (x.filename < y.filename ? -1 : x.filename > y.filename ? 1 : 0));
}

/** Counts of added/deleted lines between two texts (a simple LCS-free approximation by line multiset). */
export function lineStats(before: string, after: string): { additions: number; deletions: number } {
  const a = before === '' ? [] : before.split('\n');
  const b = after === '' ? [] : after.split('\n');
  const counts = new Map<string, number>();
  for (const l of a) counts.set(l, (counts.get(l) ?? 0) + 1);
  let common = 0;
  for (const l of b) {
    const n = counts.get(l) ?? 0;
    if (n > 0) {
      counts.set(l, n - 1);
      common++;
    }
  }
  return { additions: b.length - common, deletions: a.length - common };
}
