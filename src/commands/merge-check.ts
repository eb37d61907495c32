/**
 * The approval-at-merge check that apply and reconcile share (DESIGN.md §4): a grant file on the
 * default branch gives access only when
 *   1. it arrived through a merged pull request (not a direct push, bypass or revert commit),
 *   2. that PR added exactly this file,
 *   3. it is valid and approved when re-evaluated with the policies, people, groups and
 *      CODEOWNERS of the landing commit's FIRST PARENT and the reviews on the PR's merged head,
 *   4. its resolved resource set equals the one shown to reviewers (`resolution-changed`).
 * Anything else — including any doubt reading the facts — is `not-approved-at-merge`.
 */
import { classifyChanges } from '../core/changes.js';
import { decideGrant, type GrantDecision } from '../core/decide.js';
import type { Diagnostic } from '../core/errors.js';
import type { GrantRequest } from '../core/model.js';
import type { PrFacts } from '../core/pr-facts.js';
import { teamsNeededFor } from '../core/teams-needed.js';
import type { GitHubClient } from '../github/client.js';
import { mergedPullRequestOf } from '../github/merged-pr.js';
import { readPrFacts, readPullRequest } from '../github/pr-facts.js';
import type { RepoRef } from '../github/repo-files.js';
import { findOurComments, type CommentRef } from '../github/sticky-read.js';
import { teamReader } from '../github/teams.js';
import { COMMENT_MARKER } from '../render/markdown/comment.js';
import { parseResolutionRecord } from '../render/markdown/record.js';
import { git } from '../git/run.js';
import { withDiscovery } from './discovered.js';
import { loadConfig, loadGrantFiles, type Config } from './config.js';
import { resolutionDigest } from './digest.js';
import { historyReader } from './history.js';

export interface MergeCheckDeps {
  gh: GitHubClient;
  teamsGh: GitHubClient;
  ref: RepoRef;
  /** Local clone of the default branch (trusted after merge). */
  repoDir: string;
  /** The token's login (null: an installation token, comments by github-actions[bot]). */
  login: string | null;
}

export interface MergeCheck {
  file: string;
  commit: string;
  approved: boolean;
  pr: number | null;
  grant?: GrantRequest;
  decision?: GrantDecision;
  /** Why not, with codes `not-approved-at-merge` or `resolution-changed`. */
  reasons: Diagnostic[];
  /** Logins that filled the approval slots (for the audit trail). */
  approvers: string[];
}

const reason = (file: string, code: Diagnostic['code'], message: string): Diagnostic => ({
  code,
  message,
  file,
  line: 1,
  column: 1,
});

/** Caches per run: configurations per commit and facts per PR are read once. */
export function mergeChecker(deps: MergeCheckDeps) {
  const configs = new Map<string, Promise<Config>>();
  const facts = new Map<
    number,
    Promise<{ facts: Omit<PrFacts, 'teams'>; unmapped: string[]; truncated: boolean; headSha: string }>
  >();
  const teams = teamReader(deps.teamsGh);
  // Also per run: what every file of one landing shares — the merged PR of a landing commit and
  // gitgrant's sticky comments on a PR — is read once, not once per file (without this a cold
  // reconcile made 2 requests per grant: bench/reconcile-requests.ts). A failed read is dropped
  // from the cache, so the next file asks again (as before).
  const mergedPrs = new Map<string, Promise<number | null>>();
  const stickies = new Map<number, Promise<CommentRef[]>>();
  const once = <K, V>(cache: Map<K, Promise<V>>, key: K, read: () => Promise<V>): Promise<V> => {
    let p = cache.get(key);
    if (!p) {
      const q = read();
      cache.set(key, q);
      q.catch(() => {
        if (cache.get(key) === q) cache.delete(key);
      });
      p = q;
    }
    return p;
  };
  const histories = historyReader(deps.repoDir);

  const configAt = (commit: string) => {
    let c = configs.get(commit);
    if (!c)
      configs.set(
        commit,
        (c = loadConfig(deps.repoDir, commit).then((cfg) => withDiscovery(cfg, deps.teamsGh))),
      );
    return c;
  };
  const prFacts = (n: number) => {
    let f = facts.get(n);
    if (!f) {
      f = readPullRequest(deps.gh, deps.ref, n).then(async (pr) => {
        const read = await readPrFacts(deps.gh, deps.ref, pr);
        return {
          facts: read.facts,
          unmapped: read.unmappedCommits,
          truncated: read.commitsTruncated,
          headSha: pr.headSha,
        };
      });
      facts.set(n, f);
    }
    return f;
  };

  /** Blob id of FILE on the PR's head: from the local clone when it has the commit, else the API. */
  const reviewedBlob = async (headSha: string, file: string): Promise<string | null> => {
    const local = await blobAt(deps.repoDir, headSha, file);
    if (local) return local;
    try {
      const { data } = await deps.gh.rest.repos.getContent({ ...deps.ref, path: file, ref: headSha });
      return !Array.isArray(data) && data.type === 'file' ? data.sha : null;
    } catch (e) {
      if ((e as { status?: number }).status === 404) return null;
      throw e;
    }
  };

  return async function check(
    file: string,
    commit: string,
    sameLanding?: ReadonlySet<string>,
  ): Promise<MergeCheck> {
    const out: MergeCheck = { file, commit, approved: false, pr: null, reasons: [], approvers: [] };
    const fail = (code: Diagnostic['code'], message: string) => {
      out.reasons.push(reason(file, code, message));
      return out;
    };
    const [loaded] = await loadGrantFiles(deps.repoDir, [file], commit);
    if (!loaded?.grant)
      return fail('not-approved-at-merge', `${file} at ${commit.slice(0, 7)} is not a valid grant file`);
    out.grant = loaded.grant;

    const pr = await once(mergedPrs, `${commit}\0${[...(sameLanding ?? [])].sort().join(',')}`, () =>
      mergedPullRequestOf(deps.gh, deps.ref, commit, sameLanding),
    );
    if (pr === null) {
      return fail(
        'not-approved-at-merge',
        `${file} reached the default branch in ${commit.slice(0, 7)} without a merged pull request (direct push, bypass or revert)`,
      );
    }
    out.pr = pr;
    const { facts: partial, unmapped, truncated, headSha } = await prFacts(pr);
    if (!partial.changed_files.some((f) => f.path === file && f.status === 'added')) {
      return fail('not-approved-at-merge', `pull request #${pr} did not add ${file}`);
    }
    // What validate refuses on the PR is refused here too (a merge that bypassed the check).
    const changes = classifyChanges(partial.changed_files);
    if (changes.diagnostics.length) {
      const why = changes.diagnostics.map((d) => `${d.code}: ${d.message}`).join('; ');
      return fail('not-approved-at-merge', `pull request #${pr} cannot grant anything: ${why}`);
    }
    if (unmapped.length)
      return fail('not-approved-at-merge', `pull request #${pr} has commits GitHub cannot map to an account`);
    if (truncated)
      return fail(
        'not-approved-at-merge',
        `pull request #${pr} has more commits than GitHub lists (250): who made them is unknown`,
      );
    // The file that landed must be the file reviewers approved (a merge may not change it).
    const landed = await blobAt(deps.repoDir, commit, file);
    const reviewed = await reviewedBlob(headSha, file);
    if (!landed || landed !== reviewed) {
      return fail(
        'not-approved-at-merge',
        `${file} at ${commit.slice(0, 7)} is not the file reviewed on the head ${headSha.slice(0, 7)} of pull request #${pr}`,
      );
    }

    const parent = (await git(deps.repoDir, ['rev-parse', '--verify', `${commit}^1`])).trim();
    const base = await configAt(parent);
    const factsWithTeams: PrFacts = {
      ...partial,
      teams: await teams.members(teamsNeededFor(base.prepared, base.codeowners, [loaded.grant])),
    };
    // Extensions and hours caps: decided at the landing, on the history just before it.
    const landedAt = Number((await git(deps.repoDir, ['show', '-s', '--format=%ct', commit])).trim()) * 1000;
    const history = await histories.factsFor(parent, loaded.grant, base.prepared, landedAt);
    const decision = decideGrant(loaded.grant, base.prepared, {
      facts: factsWithTeams,
      codeowners: base.codeowners,
      ...(history ? { history } : {}),
    });
    out.decision = decision;
    out.approvers = [...new Set((decision.approvals?.rules ?? []).flatMap((r) => r.approved_by))];
    if (!decision.approved) {
      const why = decision.diagnostics.map((d) => `${d.code}: ${d.message}`).join('; ') || 'not approved';
      return fail(
        'not-approved-at-merge',
        `${file} was not approved when pull request #${pr} merged (policies of ${parent.slice(0, 7)}, reviews on ${headSha.slice(0, 7)}): ${why}`,
      );
    }

    // What reviewers saw: the record gitgrant wrote into its sticky comment on the merged head.
    const comments = await once(stickies, pr, () =>
      findOurComments(deps.gh, deps.ref, pr, COMMENT_MARKER, deps.login),
    );
    const record = comments.map((c) => parseResolutionRecord(c.body)).find((r) => r !== null) ?? null;
    const shown = record && record.head === headSha ? record.files[file] : undefined;
    if (!shown) {
      return fail(
        'resolution-changed',
        `no record of the resources shown to reviewers of ${file} on the merged head ${headSha.slice(0, 7)} (was the gitgrant check run on it?)`,
      );
    }
    const now = resolutionDigest(decision.policy.resources.map((r) => r.id));
    if (now !== shown) {
      return fail(
        'resolution-changed',
        `${file} resolves to ${decision.policy.resources.map((r) => r.id).join(', ')} at merge, not to what reviewers were shown (${shown.slice(0, 19)}…)`,
      );
    }
    out.approved = true;
    return out;
  };
}

/** The blob id of PATH at COMMIT in the local clone, or null (no such commit or path). */
async function blobAt(repoDir: string, commit: string, path: string): Promise<string | null> {
  try {
    return (await git(repoDir, ['rev-parse', '--verify', '--quiet', `${commit}:${path}`])).trim() || null;
  } catch {
    return null;
  }
}
