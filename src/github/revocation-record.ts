/**
 * The record of one reconcile run's revocations: ONE commit on the default branch (mode
 * `commit`: needs a token allowed to push there) or ONE pull request from a fixed branch
 * (mode `pull-request`), updated in place, never duplicated. Access was already revoked at the
 * providers: this is the audit record, not the revocation.
 *
 * Converges under races: files already gone from the default branch (a revocation PR merged by
 * hand, an overlapping run) are dropped; a commit whose ref update loses a race is rebuilt on
 * the new head; nothing left to remove means no commit, and a stale revocation PR is closed.
 */
import type { GitHubClient } from './client.js';
import { listTree, type RepoRef } from './repo-files.js';

export const REVOCATION_BRANCH = 'gitgrant/revocations';

export interface RemovalEntry {
  file: string;
  grant: string;
  person: string;
  access: string;
  resources: string[];
  start?: string;
  end?: string;
  /** Who approved the grant at merge: recorded so `gitgrant audit` can read it from git alone. */
  approvers?: string[];
  /** Why access ended before the window's end (a break-glass grant without its retro-review). */
  why?: string;
}

export interface RecordResult {
  kind: 'commit' | 'pull-request' | 'none';
  sha?: string;
  pr?: number;
  files: string[];
}

export function revocationMessage(entries: readonly RemovalEntry[]): string {
  const title =
    entries.length === 1
      ? `gitgrant: revoke expired grant ${entries[0]!.grant}`
      : `gitgrant: revoke ${entries.length} expired grants`;
  const lines = entries.map(
    (e) =>
      `- ${e.grant}: ${e.person} ${e.access} on ${e.resources.join(', ') || '(no resources)'}, ${e.start ?? '?'} → ${e.end ?? '?'}${e.approvers?.length ? `, approved by ${e.approvers.join(', ')}` : ''} (${e.file})${e.why ? `; ${e.why}` : ''}`,
  );
  return `${title}\n\n${RECORD_SENTENCE}\n\n${lines.join('\n')}\n`;
}

const RECORD_SENTENCE =
  'Access was revoked at the providers and confirmed by reading back; this commit records it.';

/**
 * The grant files a commit message records as revoked, when it is a revocation record as
 * `revocationMessage` writes it (one `- GRANT: … (FILE)` line each); empty for any other message.
 */
export function recordedFiles(message: string): Set<string> {
  const out = new Set<string>();
  if (!message.includes(RECORD_SENTENCE)) return out;
  for (const line of message.split('\n')) {
    const m = /^- [^:]+: .* \((grants\/[^()]+)\)(?:;|$)/.exec(line);
    if (m) out.add(m[1]!);
  }
  return out;
}

async function removalCommit(
  gh: GitHubClient,
  ref: RepoRef,
  branch: string,
  entries: readonly RemovalEntry[],
) {
  const { data: r } = await gh.rest.git.getRef({ ...ref, ref: `heads/${branch}` });
  const head = r.object.sha;
  const present = new Set((await listTree(gh, ref, head, 'grants')).map((e) => e.path));
  const still = entries.filter((e) => present.has(e.file));
  if (still.length === 0) return { head, still, commit: null };
  const { data: c } = await gh.rest.git.getCommit({ ...ref, commit_sha: head });
  const { data: tree } = await gh.rest.git.createTree({
    ...ref,
    base_tree: c.tree.sha,
    tree: still.map((e) => ({ path: e.file, mode: '100644' as const, type: 'blob' as const, sha: null })),
  });
  const { data: commit } = await gh.rest.git.createCommit({
    ...ref,
    message: revocationMessage(still),
    tree: tree.sha,
    parents: [head],
  });
  return { head, still, commit: commit.sha };
}

export async function recordRemovals(
  gh: GitHubClient,
  ref: RepoRef,
  defaultBranch: string,
  mode: 'commit' | 'pull-request',
  entries: readonly RemovalEntry[],
): Promise<RecordResult> {
  if (mode === 'commit') {
    for (let attempt = 0; attempt < 3; attempt++) {
      const { still, commit } = await removalCommit(gh, ref, defaultBranch, entries);
      if (!commit) return { kind: 'none', files: [] };
      try {
        await gh.rest.git.updateRef({ ...ref, ref: `heads/${defaultBranch}`, sha: commit, force: false });
        return { kind: 'commit', sha: commit, files: still.map((e) => e.file) };
      } catch (e) {
        if ((e as { status?: number }).status !== 422) throw e; // lost a race: rebuild on the new head
      }
    }
    throw new Error(
      `the default branch ${defaultBranch} kept moving: the revocation commit will be made by the next run`,
    );
  }

  const open = await gh.paginate(gh.rest.pulls.list, {
    ...ref,
    state: 'open',
    head: `${ref.owner}:${REVOCATION_BRANCH}`,
    base: defaultBranch,
    per_page: 100,
  });
  const { still, commit } = await removalCommit(gh, ref, defaultBranch, entries);
  if (!commit) {
    for (const pr of open) {
      await gh.rest.pulls.update({ ...ref, pull_number: pr.number, state: 'closed' });
    }
    return { kind: 'none', files: [] };
  }
  const exists = await gh.rest.git
    .getRef({ ...ref, ref: `heads/${REVOCATION_BRANCH}` })
    .then(() => true)
    .catch((e: { status?: number }) => {
      if (e.status === 404) return false;
      throw e;
    });
  const forcePush = () =>
    gh.rest.git.updateRef({ ...ref, ref: `heads/${REVOCATION_BRANCH}`, sha: commit, force: true });
  if (exists) await forcePush();
  else
    await gh.rest.git
      .createRef({ ...ref, ref: `refs/heads/${REVOCATION_BRANCH}`, sha: commit })
      .catch(async (e: { status?: number }) => {
        // An overlapping run created the branch between our read and our write: take it over.
        if (e.status !== 422) throw e;
        await forcePush();
      });
  const message = revocationMessage(still);
  const [title, ...rest] = message.split('\n');
  const body = `${rest.join('\n').trim()}\n\nMerge this pull request to record the revocations in git history. gitgrant updates it in place on every run.`;
  const files = still.map((e) => e.file);
  const update = async (n: number) => {
    await gh.rest.pulls.update({ ...ref, pull_number: n, title: title!, body });
    return { kind: 'pull-request' as const, pr: n, sha: commit, files };
  };
  const existing = open[0];
  if (existing) return update(existing.number);
  try {
    const { data: pr } = await gh.rest.pulls.create({
      ...ref,
      head: REVOCATION_BRANCH,
      base: defaultBranch,
      title: title!,
      body,
    });
    return { kind: 'pull-request', pr: pr.number, sha: commit, files };
  } catch (e) {
    // 422 "A pull request already exists": an overlapping run opened it first. Anything else
    // (including a 5xx after which the PR may exist after all) is thrown: the next run finds it.
    if ((e as { status?: number }).status !== 422) throw e;
    const again = await gh.paginate(gh.rest.pulls.list, {
      ...ref,
      state: 'open',
      head: `${ref.owner}:${REVOCATION_BRANCH}`,
      base: defaultBranch,
      per_page: 100,
    });
    if (!again[0]) throw e;
    return update(again[0].number);
  }
}
