/**
 * Git history for the audit trail, read in a few git processes whatever its length:
 *   - one `git log` of first-parent changes under grants/ and policies/ (with committer times);
 *   - one `git log --no-walk --stdin` for the messages of the commits that matter;
 *   - one `git cat-file --batch` for the grant files' contents at their landing commits.
 */
import { spawn } from 'node:child_process';
import { git } from './run.js';

export interface PathEvent {
  commit: string;
  time: number;
  status: 'A' | 'D' | 'M';
  path: string;
}

const RECORD = '\u001e';
const FIELD = '\u001f';

/** First-parent add/delete/modify events under `paths`, oldest first. */
export async function pathEvents(
  repoDir: string,
  rev: string,
  paths: readonly string[],
): Promise<PathEvent[]> {
  const out = await git(repoDir, [
    'log',
    '--first-parent',
    '--diff-merges=first-parent',
    '--reverse',
    '--no-renames',
    `--format=${RECORD}%H %ct`,
    '--name-status',
    '-z',
    rev,
    '--',
    ...paths,
  ]);
  const events: PathEvent[] = [];
  for (const chunk of out.split(RECORD)) {
    if (!chunk.trim()) continue;
    const [header, ...rest] = chunk.split('\0');
    const [commit, seconds] = header!.trim().split(' ');
    for (let i = 0; i + 1 < rest.length; i += 2) {
      const status = rest[i]!.trim().charAt(0);
      if (status === 'A' || status === 'D' || status === 'M')
        events.push({ commit: commit!, time: Number(seconds) * 1000, status, path: rest[i + 1]! });
    }
  }
  return events;
}

async function messagesWithParents(repoDir: string, commits: readonly string[]) {
  const out = new Map<string, { parents: string[]; message: string }>();
  if (commits.length === 0) return out;
  const text = await run(
    repoDir,
    ['log', '--no-walk=unsorted', '--stdin', `--format=%H${FIELD}%P${FIELD}%B${RECORD}`],
    commits.join('\n') + '\n',
  );
  for (const rec of text.toString('utf8').split(RECORD)) {
    const [sha, parents, message] = rec.split(FIELD);
    if (message === undefined) continue;
    out.set(sha!.trim(), { parents: parents!.trim().split(' ').filter(Boolean), message });
  }
  return out;
}

/**
 * Full messages of the given commits. For a merge commit, the message of the merged branch's
 * tip follows its own: a revocation pull request merged with a merge commit keeps its record
 * (the list of grants and approvers) in the branch commit, not in GitHub's merge message.
 */
export async function commitMessages(
  repoDir: string,
  commits: readonly string[],
): Promise<Map<string, string>> {
  const own = await messagesWithParents(repoDir, commits);
  const merged = await messagesWithParents(repoDir, [
    ...new Set([...own.values()].flatMap((c) => (c.parents.length > 1 ? [c.parents[1]!] : []))),
  ]);
  const out = new Map<string, string>();
  for (const [sha, c] of own) {
    const branch = c.parents.length > 1 ? merged.get(c.parents[1]!)?.message : undefined;
    out.set(sha, branch ? `${c.message}\n${branch}` : c.message);
  }
  return out;
}

/** Contents of `commit:path` objects, in one `git cat-file --batch`; missing objects are absent. */
export async function blobsAt(repoDir: string, specs: readonly string[]): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  if (specs.length === 0) return out;
  const buf = await run(repoDir, ['cat-file', '--batch'], specs.join('\n') + '\n');
  let pos = 0;
  for (const spec of specs) {
    const nl = buf.indexOf(0x0a, pos);
    if (nl < 0) break;
    const header = buf.subarray(pos, nl).toString('utf8');
    pos = nl + 1;
    if (header.endsWith(' missing') || header.endsWith(' ambiguous')) continue;
    const size = Number(header.split(' ')[2]);
    out.set(spec, new Uint8Array(buf.subarray(pos, pos + size)));
    pos += size + 1;
  }
  return out;
}

function run(repoDir: string, args: string[], input: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-C', repoDir, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    const errs: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => errs.push(c));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(Buffer.concat(chunks))
        : reject(new Error(`git ${args[0]} failed: ${Buffer.concat(errs).toString('utf8').trim()}`)),
    );
    child.stdin.end(input);
  });
}
