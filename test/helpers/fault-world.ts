/**
 * Worlds and checks of the fault-injection suite (test/fault/): one world per command, shared by
 * every case of that command (the GitHub fake, a real PostgreSQL database, a signed webhook
 * receiver), plus what every case asserts:
 *   (1) nobody holds access without a merged, approved, active grant — except what the faulted
 *       run itself reports as failed (a revocation that failed is kept and named, never silent);
 *   (2) once the fault is gone, the rerun revokes every expired or deleted grant;
 *   (3) no duplicate comment, alert issue, revocation PR or revocation commit;
 *   (4) the faulted run's exit code and `result` name what failed.
 */
import type { FaultSpec } from '../fake-github/faults.js';
import type { FakeGitHub, RecordedRequest } from '../fake-github/server.js';
import type { Repo } from '../fake-github/state.js';
import { E2E_API_TIMEOUT_MS, type ActionRun } from './action.js';
import type { FaultReceiver, ReceiverFault } from './fault-servers.js';
import type { FaultCase } from '../fault/cases.js';

export const TOKEN = 'tok';

const HOOK_TIMEOUT_MS = 2000;

/** The `timeout` of the webhook resources of the fault worlds (their receiver is a FaultReceiver). */
export const HOOK_TIMEOUT = `${HOOK_TIMEOUT_MS / 1000}s`;

/**
 * A `timeout` fault holds the answer this long, then serves it normally: well past both the
 * GitHub client's timeout (E2E_API_TIMEOUT_MS) and the webhook resources' HOOK_TIMEOUT, so the
 * client has given up, while the server still carries out the write, as a hung server can.
 */
export const TIMEOUT_FAULT_DELAY_MS = Math.max(E2E_API_TIMEOUT_MS, HOOK_TIMEOUT_MS) + 3000;

/** The GitHub fault of a table row, ready for `gh.injectFault`. */
export function githubFault(c: FaultCase): FaultSpec {
  const [method] = c.target.split(' ');
  const base: FaultSpec = { method: method!, path: c.path!, times: c.times };
  switch (c.fault) {
    case '429':
      return { ...base, status: 429, headers: { 'retry-after': '1' } };
    case '403 secondary':
      return { ...base, secondaryRateLimit: true };
    case 'reset':
      return { ...base, reset: true };
    case 'timeout':
      return { ...base, delayMs: TIMEOUT_FAULT_DELAY_MS };
    default:
      return { ...base, status: Number(c.fault) };
  }
}

/** The webhook fault of a table row (`webhook: POST`), ready for `FaultReceiver.injectFault`. */
export function receiverFault(c: FaultCase): ReceiverFault {
  switch (c.fault) {
    case 'reset':
      return { reset: true, times: c.times };
    case 'timeout':
      return { delayMs: TIMEOUT_FAULT_DELAY_MS, times: c.times };
    default:
      return { status: Number(c.fault), times: c.times };
  }
}

/**
 * After a run with a `timeout` fault: waits until every request the fault held was served (its
 * write landed), so the checks see it and it cannot land in the next case. `from` / `seenFrom`:
 * `gh.requests.length` / `hooks.seen.length` before the run.
 */
export async function delayedServed(
  c: FaultCase,
  gh: FakeGitHub,
  from: number,
  hooks?: FaultReceiver,
  seenFrom = 0,
): Promise<void> {
  if (c.fault !== 'timeout') return;
  if (c.target === 'webhook: POST' && !Number.isFinite(c.times)) {
    // The receiver records a request only once its delay is over: every held one started
    // before the run ended, so each is served within the delay.
    await new Promise((r) => setTimeout(r, TIMEOUT_FAULT_DELAY_MS + 500));
    return;
  }
  const served =
    c.target === 'webhook: POST'
      ? () => hooks!.seen.slice(seenFrom).filter((s) => s.faulted).length >= c.times
      : () => gh.requests.slice(from).every((r) => !r.faulted || r.status !== 0);
  const deadline = Date.now() + TIMEOUT_FAULT_DELAY_MS + 10_000;
  while (!served()) {
    if (Date.now() > deadline) throw new Error(`${c.id}: the held requests were not served in time`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The lost answer: a creating request the fake answered with an error is sent again, unfaulted,
 * as if the first one had been carried out and only its answer had been lost (the reason a
 * client must never retry such a request blindly).
 */
export async function replayFaulted(gh: FakeGitHub, from: number, c: FaultCase): Promise<number> {
  const [method] = c.target.split(' ');
  let n = 0;
  for (const r of gh.requests.slice(from)) {
    if (!r.faulted || r.method !== method || !matchesPath(r, c.path!)) continue;
    const q = new URLSearchParams(r.query).toString();
    const res = await fetch(`${gh.url}${r.rawPath}${q ? `?${q}` : ''}`, {
      method: r.method,
      headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
      ...(r.body === undefined ? {} : { body: JSON.stringify(r.body) }),
    });
    if (!res.ok) throw new Error(`replay of ${r.method} ${r.path} answered ${res.status}`);
    n++;
  }
  return n;
}

function matchesPath(r: RecordedRequest, p: string | RegExp): boolean {
  if (typeof p === 'string') return r.path === p || r.rawPath === p || r.route?.endsWith(` ${p}`) === true;
  p.lastIndex = 0;
  return p.test(r.path);
}

/** Every GitHub route (`METHOD /template`) requested in `gh.requests[from..]`. */
export function routesSince(gh: FakeGitHub, from: number): string[] {
  return [...new Set(gh.requests.slice(from).map((r) => r.route ?? `UNKNOWN ${r.method} ${r.path}`))].sort();
}

export interface RunOutcome {
  code: number | null;
  /** The `result` output (absent when the run stopped before it). */
  result: {
    ok?: boolean;
    failures?: { file: string; resource?: string; message: string; retryable: boolean }[];
  } & Record<string, unknown>;
  /** Everything a person sees about the failure: failures, error annotations. */
  said: string;
}

export function outcomeOf(run: ActionRun): RunOutcome {
  const result = run.outputs.result ? (JSON.parse(run.outputs.result) as RunOutcome['result']) : {};
  const said = [
    JSON.stringify(result.failures ?? []),
    ...run.annotations.filter((a) => a.level === 'error').map((a) => a.message),
  ].join('\n');
  return { code: run.code, result, said };
}

/** Resources a run names as failed (their revocation may legitimately still be held). */
export function failedResources(o: RunOutcome): Set<string> {
  return new Set((o.result.failures ?? []).map((f) => f.resource ?? '').filter(Boolean));
}

// ------------------------------------------------------------------------------ counting in the fake

export const ALERT_MARKER = /<!-- gitgrant:alert [^>]* -->/;

/** Open-or-closed alert issues, grouped by their hidden marker: every group must have ONE issue. */
export function alertGroups(repo: Repo): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const i of repo.issues.values()) {
    if (i.pull || !i.labels.some((l) => l.name === 'gitgrant-alert')) continue;
    const m = ALERT_MARKER.exec(i.body ?? '')?.[0] ?? `(no marker #${i.number})`;
    out.set(m, [...(out.get(m) ?? []), i.number]);
  }
  return out;
}

/** Comments carrying `marker` per issue / PR number. */
export function markedComments(repo: Repo, marker: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const c of repo.comments.values())
    if (c.body.includes(marker)) out.set(c.issueNumber, (out.get(c.issueNumber) ?? 0) + 1);
  return out;
}

/** Direct collaborators and pending invitations of a repository: login → role (invitations as `invited:role`). */
export function repoAccess(repo: Repo): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of repo.collaborators.values()) out.set(c.user.login.toLowerCase(), c.role);
  for (const i of repo.invitations.values()) out.set(i.invitee.login.toLowerCase(), `invited:${i.role}`);
  return out;
}

/** Files under grants/ on a commit of the fake. */
export function grantFilesAt(repo: Repo, sha: string): string[] {
  return [...repo.objects.flatten(repo.getCommit(sha)!.tree).keys()].filter((p) => p.startsWith('grants/'));
}

/** Commits on `branch`'s first-parent chain whose message starts with `gitgrant: revoke`, with the grant files each removed. */
export function revocationCommits(repo: Repo, branch = 'main'): { sha: string; removed: string[] }[] {
  const out: { sha: string; removed: string[] }[] = [];
  let sha: string | undefined = repo.branchSha(branch);
  while (sha) {
    const c = repo.getCommit(sha)!;
    if (c.message.startsWith('gitgrant: revoke') && c.parents[0]) {
      const now = new Set(grantFilesAt(repo, sha));
      out.push({ sha, removed: grantFilesAt(repo, c.parents[0]).filter((f) => !now.has(f)) });
    }
    sha = c.parents[0];
  }
  return out;
}

/**
 * The policies of the fault worlds (the example's, trimmed to what the cases use), kept here so
 * the suite does not move when the example policies of the repository grow.
 */
export function faultAccessYaml(mode: 'pull-request' | 'commit' = 'pull-request'): string {
  return `policies:
  - name: production-data
    resources:
      match: { env: production }
      expressions:
        - { key: kind, operator: In, values: [database, bucket] }
    requesters: [group:engineering]
    access:
      read: { max_duration: 8h, approvals: [{ from: [group:sre], count: 1 }] }
      write: { max_duration: 2h, approvals: [{ from: [group:dba], count: 1 }, { from: codeowners, count: 1 }] }
    require: { ticket: "^INC-[0-9]+$" }
  - name: production-repositories
    resources:
      match: { env: production, kind: [repository, github-team] }
    requesters: [group:engineering]
    access:
      write: { max_duration: 1d, approvals: [{ from: codeowners, count: 1 }] }
  - name: own-team-non-production
    resources:
      match: { env: [staging, development] }
    requesters: [{ same_tags: [team] }]
    access:
      read: { max_duration: 1d, approvals: [] }
  - name: sandbox-repositories
    resources: { match: { env: sandbox } }
    requesters: [group:engineering]
    access:
      admin: { max_duration: 4h, approvals: [{ from: [group:sre], count: 1 }] }
  - name: no-contractors-on-pii
    effect: deny
    resources: { match: { sensitive: pii } }
    requesters: [{ tags: { role: contractor } }]
settings:
  admins: { from: [group:security], count: 2 }
  revocation: { mode: ${mode} }
`;
}
