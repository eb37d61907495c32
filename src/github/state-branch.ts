/**
 * Reconcile's state kept on a branch of the access repository (`gitgrant-state`, one file
 * `state.json`), written through the git data API, so it survives between scheduled runs without
 * any other storage. The branch holds no access decisions: deleting it only costs API requests.
 */
import type { ReconcileState, StateStore } from '../commands/state.js';
import { parseState } from '../commands/state.js';
import type { GitHubClient } from './client.js';
import type { RepoRef } from './repo-files.js';

export const STATE_BRANCH = 'gitgrant-state';

export function branchStateStore(gh: GitHubClient, ref: RepoRef, branch = STATE_BRANCH): StateStore {
  let head: string | null = null;
  return {
    describe: `branch ${branch}`,
    async read(): Promise<ReconcileState> {
      try {
        const { data: r } = await gh.rest.git.getRef({ ...ref, ref: `heads/${branch}` });
        head = r.object.sha;
        const { data: c } = await gh.rest.git.getCommit({ ...ref, commit_sha: head });
        const { data: t } = await gh.rest.git.getTree({ ...ref, tree_sha: c.tree.sha });
        const entry = t.tree.find((e) => e.path === 'state.json');
        if (!entry?.sha) return parseState(null);
        const { data: b } = await gh.rest.git.getBlob({ ...ref, file_sha: entry.sha });
        return parseState(Buffer.from(b.content, 'base64').toString('utf8'));
      } catch (e) {
        if ((e as { status?: number }).status === 404) return parseState(null);
        throw e;
      }
    },
    async write(state: ReconcileState): Promise<void> {
      const { data: tree } = await gh.rest.git.createTree({
        ...ref,
        tree: [
          {
            path: 'state.json',
            mode: '100644',
            type: 'blob',
            content: JSON.stringify(state, null, 2) + '\n',
          },
        ],
      });
      const { data: commit } = await gh.rest.git.createCommit({
        ...ref,
        message: `gitgrant: reconcile state at ${state.lastRun ?? new Date().toISOString()}`,
        tree: tree.sha,
        parents: head ? [head] : [],
      });
      const forcePush = () =>
        gh.rest.git.updateRef({ ...ref, ref: `heads/${branch}`, sha: commit.sha, force: true });
      if (head) await forcePush();
      else
        await gh.rest.git
          .createRef({ ...ref, ref: `refs/heads/${branch}`, sha: commit.sha })
          .catch(async (e: { status?: number }) => {
            // An overlapping run created the branch first (422 "Reference already exists"):
            // the newest state wins, as with every later write.
            if (e.status !== 422) throw e;
            await forcePush();
          });
      head = commit.sha;
    },
  };
}
