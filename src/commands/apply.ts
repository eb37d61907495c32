/**
 * `apply` (DESIGN.md §4, second row): for a push to the default branch, diff it first-parent;
 * grant every added request that passes the approval-at-merge check, through each resource's
 * provider; grant NOTHING for one that does not (and raise an alert); revoke deleted requests now.
 * Idempotent: rerun after any failure, it converges (providers are idempotent; alerts are upserted).
 */
import { type GrantRequest, type Resource } from '../core/model.js';
import { landingTimes, grantEvents } from '../git/landing.js';
import { git } from '../git/run.js';
import { upsertAlert } from '../github/alerts.js';
import { ProviderError, subjectFor, type Provider } from '../providers/types.js';
import { loadConfig, loadGrantFiles } from './config.js';
import { deletedGrant } from './deleted-grant.js';
import { notifyApply } from '../notify/hooks.js';
import { holdings } from './holdings.js';
import { historyReader } from './history.js';
import { retroReviewStatus } from '../core/break-glass.js';
import { upsertRetroReview } from '../github/retro-review.js';
import { retroReviewBody, retroReviewTitle } from '../render/retro-review-markdown.js';
import { mergeChecker, type MergeCheck, type MergeCheckDeps } from './merge-check.js';

export const ZERO_SHA = /^0+$/;

export interface ApplyDeps extends MergeCheckDeps {
  providers: (name: string) => Provider;
  nowMs: number;
  log: (message: string) => void;
}

export interface ChangeEntry {
  grant: string;
  file: string;
  person: string;
  resource: string;
  provider: string;
  access: string;
  changed: boolean;
  detail: string;
  start?: string;
  end?: string;
  pr?: number | null;
}

export interface Failure {
  file: string;
  resource?: string;
  message: string;
  retryable: boolean;
}

export interface ApplyResult {
  granted: ChangeEntry[];
  revoked: ChangeEntry[];
  refused: MergeCheck[];
  skipped: { file: string; why: string }[];
  failures: Failure[];
  alerts: number[];
  /** Break-glass grants: the retro-review issue opened (or updated) for each (docs/break-glass.md). */
  retroReviews: { file: string; issue: number; deadline: string; pr: number | null }[];
  ok: boolean;
}

function failure(file: string, resource: string | undefined, e: unknown): Failure {
  const message = e instanceof Error ? e.message : String(e);
  return {
    file,
    ...(resource ? { resource } : {}),
    message,
    retryable: e instanceof ProviderError ? e.retryable : true,
  };
}

export async function runApply(deps: ApplyDeps, before: string, after: string): Promise<ApplyResult> {
  const result: ApplyResult = {
    granted: [],
    revoked: [],
    refused: [],
    skipped: [],
    failures: [],
    alerts: [],
    retroReviews: [],
    ok: true,
  };
  const range = ZERO_SHA.test(before) ? after : `${before}..${after}`;
  const events = await grantEvents(deps.repoDir, range);
  const pushCommits = new Set(
    (await git(deps.repoDir, ['rev-list', '--first-parent', range, '--'])).split('\n').filter(Boolean),
  );

  // The net effect of the push per file: added (and still there), or deleted.
  const net = new Map<string, { status: 'A' | 'D'; commit: string }>();
  // A grant file modified on the default branch (validate refuses that on a PR, so it came by a
  // bypass): never re-granted from its new content; raised as an alert.
  const modified = new Map<string, string>();
  for (const e of events) {
    if (e.status === 'M') {
      modified.set(e.path, e.commit);
      continue;
    }
    if (e.status === 'D') modified.delete(e.path);
    const prev = net.get(e.path);
    if (e.status === 'D' && prev?.status === 'A') net.delete(e.path);
    else net.set(e.path, { status: e.status, commit: e.commit });
  }

  const check = mergeChecker(deps);
  const current = await loadGrantFiles(deps.repoDir, undefined, after);
  const landings = await landingTimes(deps.repoDir, after);
  const history = historyReader(deps.repoDir);
  const held = holdings({
    grants: current,
    landings,
    nowMs: deps.nowMs,
    check,
    windowOf: (g, l) => history.windowOf(g, l),
  });
  const configAfter = await loadConfig(deps.repoDir, after);
  const people = configAfter.prepared.snapshot.people;

  for (const [file, { status, commit }] of [...net].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (status === 'A') await applyAdded(file, commit);
    else await revokeDeleted(file, commit);
  }
  for (const [file, commit] of [...modified].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const c: MergeCheck = {
      file,
      commit,
      approved: false,
      pr: null,
      approvers: [],
      reasons: [
        {
          code: 'grant-modified',
          message: `${file} was changed on the default branch in ${commit.slice(0, 7)}: an existing grant cannot be changed, so nothing was granted from its new content (delete it and request again)`,
          file,
          line: 1,
          column: 1,
        },
      ],
    };
    result.refused.push(c);
    await raiseAlert(c);
  }
  await notifyApply(configAfter.prepared.snapshot.settings, result.granted, { log: deps.log }); // docs/notifications.md
  result.ok = result.failures.length === 0 && result.refused.length === 0;
  return result;

  async function applyAdded(file: string, commit: string): Promise<void> {
    let c: MergeCheck;
    try {
      c = await check(file, commit, pushCommits);
    } catch (e) {
      // Doubt reading the facts: grant nothing, fail the run; a rerun decides again.
      result.failures.push(failure(file, undefined, e));
      return;
    }
    if (!c.approved) {
      result.refused.push(c);
      await raiseAlert(c);
      return;
    }
    const grant = c.grant!;
    const landing = landings.get(file) ?? {
      commit,
      time: Number((await git(deps.repoDir, ['show', '-s', '--format=%ct', commit])).trim()) * 1000,
    };
    // An extension's window starts where the grant it extends ends (docs/extension.md); the
    // access is already held through that grant, so the providers report `changed: false`.
    const w = await history.windowOf(grant, landing);
    const end = w.endMs;
    if (deps.nowMs >= end) {
      result.skipped.push({
        file,
        why: `window already ended at ${new Date(end).toISOString()}: reconcile records its removal`,
      });
      return;
    }
    const window = { start: new Date(w.startMs).toISOString(), end: new Date(end).toISOString() };
    for (const resource of c.decision!.policy.resources) {
      try {
        const others = await held(resource, grant.requester, file);
        const r = await deps.providers(resource.provider).grant({
          resource,
          subject: subjectFor(resource, grant.requester, people),
          level: grant.access,
          held: [...new Set([...others, grant.access])],
          event: { kind: 'grant', grantId: grant.id, ...window },
        });
        result.granted.push(entry(grant, file, resource, r.changed, r.detail, window, c.pr));
      } catch (e) {
        result.failures.push(failure(file, resource.id, e));
      }
    }
    if (c.decision!.policy.breakGlass) await openRetroReview(c, landing.time, window);
  }

  /** Break-glass: one retro-review issue naming the merged PR and who must review it by when. */
  async function openRetroReview(c: MergeCheck, landedAt: number, window: { start: string; end: string }) {
    const bg = c.decision!.policy.breakGlass!;
    const grant = c.grant!;
    const status = retroReviewStatus({
      breakGlass: bg,
      requester: grant.requester,
      facts: {
        number: c.pr ?? 0,
        author: { login: grant.requester },
        head_sha: '',
        changed_files: [],
        commit_authors: [],
        reviews: [],
        teams: {},
      },
      dir: configAfter.prepared.directory,
      landedAtMs: landedAt,
      nowMs: deps.nowMs,
    });
    const facts = {
      file: c.file,
      grant: grant.id,
      requester: grant.requester,
      access: grant.access,
      resources: c.decision!.policy.resources.map((r) => r.id),
      pr: c.pr ?? 0,
      ...window,
      deadline: new Date(status.deadlineMs).toISOString(),
      breakGlass: bg,
      candidates: status.candidates,
    };
    try {
      const issue = await upsertRetroReview(deps.gh, deps.ref, deps.login, {
        file: c.file,
        commit: c.commit,
        title: retroReviewTitle(facts),
        body: retroReviewBody(facts),
      });
      result.retroReviews.push({ file: c.file, issue: issue.number, deadline: facts.deadline, pr: c.pr });
    } catch (e) {
      result.failures.push(failure(c.file, undefined, e));
    }
  }

  async function revokeDeleted(file: string, commit: string): Promise<void> {
    try {
      const deleted = await deletedGrant(deps.repoDir, file, commit);
      if (!deleted.valid) {
        result.skipped.push({
          file,
          why: 'the deleted file was not a valid grant: nothing was granted through it',
        });
        return;
      }
      const { grant, resources } = deleted;
      for (const resource of resources) {
        try {
          const others = await held(resource, grant.requester, file);
          const r = await deps.providers(resource.provider).revoke({
            resource,
            subject: subjectFor(resource, grant.requester, people),
            level: grant.access,
            held: others,
            event: { kind: 'revoke', grantId: grant.id },
          });
          result.revoked.push(entry(grant, file, resource, r.changed, r.detail, {}, null));
        } catch (e) {
          result.failures.push(failure(file, resource.id, e));
        }
      }
    } catch (e) {
      result.failures.push(failure(file, undefined, e));
    }
  }

  async function raiseAlert(c: MergeCheck): Promise<void> {
    const why = c.reasons.map((r) => `- \`${r.code}\`: ${r.message}`).join('\n');
    try {
      const a = await upsertAlert(deps.gh, deps.ref, deps.login, {
        key: `not-approved:${c.file}:${c.commit}`,
        title: `gitgrant: ${c.file} is on the default branch without approval — nothing was granted`,
        body: [
          `**File:** \`${c.file}\``,
          `**Commit:** ${c.commit}`,
          `**Pull request:** ${c.pr ? `#${c.pr}` : 'none (direct push, bypass or revert)'}`,
          '',
          '**Why nothing was granted**',
          why,
          '',
          'gitgrant granted nothing for this file. Delete it in a pull request (or open a proper request), then close this issue.',
        ].join('\n'),
      });
      result.alerts.push(a.number);
    } catch (e) {
      result.failures.push(failure(c.file, undefined, e));
    }
  }
}

function entry(
  grant: GrantRequest,
  file: string,
  resource: Resource,
  changed: boolean,
  detail: string,
  window: { start?: string; end?: string },
  pr: number | null,
): ChangeEntry {
  return {
    grant: grant.id,
    file,
    person: grant.requester,
    resource: resource.id,
    provider: resource.provider,
    access: grant.access,
    changed,
    detail,
    ...window,
    pr,
  };
}
