/**
 * A pull request that changes policies/ or CODEOWNERS (DESIGN.md §3): its new files must be
 * valid (nothing broken may land), it needs the `admins` approvals of the BASE settings (a
 * change cannot lower the bar for itself), and its report lists the grants on the base branch
 * that the change would widen, narrow or invalidate.
 */
import { evaluateApprovals, directoryWithTeams, type ApprovalOutcome } from '../core/approvals.js';
import { parseCodeowners } from '../core/codeowners.js';
import { decideGrant } from '../core/decide.js';
import type { Diagnostic } from '../core/errors.js';
import type { PrFacts } from '../core/pr-facts.js';
import { prepare, type Prepared } from '../core/prepared.js';
import { policyImpact, type ImpactEntry } from '../core/impact.js';
import type { GrantRequest } from '../core/model.js';
import { codeownersAt, policyFilesAt } from '../github/config-at.js';
import type { PullRequestInfo } from '../github/pr-facts.js';
import { buildSnapshot } from '../load/snapshot.js';
import type { Config } from './config.js';
import { grantsAt, type PrContext } from './pr-files.js';
import { listTree } from '../github/repo-files.js';

export interface PolicyChangeOutcome {
  ok: boolean;
  errors: Diagnostic[];
  approvals: ApprovalOutcome;
  impact: ImpactEntry[];
}

/** Open pull requests (other than `self`) that add grant files, with those files read at their heads. */
async function openRequests(
  ctx: PrContext,
  self: number,
): Promise<{ number: number; grants: GrantRequest[] }[]> {
  const prs = await ctx.gh.paginate(ctx.gh.rest.pulls.list, { ...ctx.ref, state: 'open', per_page: 100 });
  const out: { number: number; grants: GrantRequest[] }[] = [];
  for (const p of prs) {
    if (p.number === self) continue;
    const files = await ctx.gh.paginate(ctx.gh.rest.pulls.listFiles, {
      ...ctx.ref,
      pull_number: p.number,
      per_page: 100,
    });
    const added = files
      .filter((f) => f.status === 'added' && f.filename.startsWith('grants/'))
      .map((f) => f.filename);
    if (added.length === 0) continue;
    const loaded = await grantsAt(ctx, p.head.sha, added);
    out.push({ number: p.number, grants: loaded.flatMap((l) => (l.grant ? [l.grant] : [])) });
  }
  return out;
}

export async function evaluatePolicyChange(
  ctx: PrContext,
  pr: PullRequestInfo,
  facts: PrFacts,
  base: Config,
): Promise<PolicyChangeOutcome> {
  const errors: Diagnostic[] = [];
  const built = buildSnapshot(await policyFilesAt(ctx.gh, ctx.ref, pr.headSha));
  if (!built.ok) errors.push(...built.diagnostics);
  const owners = await codeownersAt(ctx.gh, ctx.ref, pr.headSha);
  const newOwners = owners ? parseCodeowners(owners.text, owners.path) : null;
  for (const e of newOwners?.errors ?? []) {
    errors.push({
      code: 'schema',
      message: `CODEOWNERS: ${e.message}`,
      file: owners!.path,
      line: e.line,
      column: e.column,
    });
  }

  const admins = base.prepared.snapshot.settings.admins;
  const approvals = evaluateApprovals({
    rules: [{ from: admins.from, count: admins.count, policies: ['settings.admins'] }],
    requester: pr.author.login,
    facts,
    dir: directoryWithTeams(base.prepared.directory, facts.teams),
    codeowners: null,
  });

  let impact: ImpactEntry[] = [];
  if (built.ok) {
    const current = (await listTree(ctx.gh, ctx.ref, pr.baseSha, 'grants')).map((e) => e.path);
    const loaded = await grantsAt(ctx, pr.baseSha, current);
    const after: Prepared = prepare(built.snapshot);
    const compare = (grants: GrantRequest[]) =>
      policyImpact(
        grants,
        (g) => decideGrant(g, base.prepared, { codeowners: base.codeowners }),
        (g) => decideGrant(g, after, { codeowners: newOwners }),
      );
    impact = compare(loaded.flatMap((l) => (l.grant ? [l.grant] : [])));
    // Pending requests: grant files added by other open pull requests, read at their heads.
    for (const other of await openRequests(ctx, pr.number)) {
      for (const e of compare(other.grants)) impact.push({ ...e, pending: other.number });
    }
  }
  return { ok: errors.length === 0 && approvals.approved, errors, approvals, impact };
}
