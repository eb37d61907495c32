/**
 * validate's notifications (docs/notifications.md): `request` when gitgrant's sticky comment is
 * created on a pull request (its first report), `approval` when `gitgrant/approval` becomes
 * success on a head where it was not success before. Never throws.
 */
import * as core from '@actions/core';
import type { GitHubClient } from '../github/client.js';
import { STATUS_CONTEXT } from '../github/report.js';
import type { PullRequestInfo } from '../github/pr-facts.js';
import type { ValidateOutcome } from '../commands/validate.js';
import type { NotifyGrantFacts } from '../render/notify-slack.js';
import { notifierFor, type NotifierOptions } from './send.js';

type RepoRef = { owner: string; repo: string };

/**
 * Was `gitgrant/approval` success on this commit before this run? Read before the run sets its
 * pending status. null when unknown (then no approval notification: never a duplicate).
 */
export async function previousApproval(gh: GitHubClient, ref: RepoRef, sha: string): Promise<boolean | null> {
  try {
    const { data } = await gh.rest.repos.getCombinedStatusForRef({ ...ref, ref: sha, per_page: 100 });
    return data.statuses.some((s) => s.context === STATUS_CONTEXT && s.state === 'success');
  } catch {
    return null;
  }
}

function grantsOf(outcome: ValidateOutcome): NotifyGrantFacts[] {
  return outcome.json.results.map((r) => {
    const g = outcome.decisions.get(r.file)?.grant;
    return {
      grant: g?.id ?? r.file,
      file: r.file,
      person: g?.requester ?? '',
      access: g?.access ?? '',
      resources: r.resources,
      ...(g ? { duration: g.duration, reason: g.reason } : {}),
    };
  });
}

export async function notifyValidate(
  outcome: ValidateOutcome,
  pr: PullRequestInfo,
  ref: RepoRef,
  commentCreated: boolean,
  wasApproved: boolean | null,
  state: 'success' | 'failure' | 'pending' | 'error',
  opts: NotifierOptions = { log: (m) => core.warning(m) },
): Promise<void> {
  const facts = { commentCreated, wasApproved, approvedNow: state === 'success' };
  try {
    const notifier = notifierFor(outcome.config.prepared.snapshot.settings, opts);
    const server = (opts.env ?? process.env).GITHUB_SERVER_URL;
    const url = server ? `${server}/${ref.owner}/${ref.repo}/pull/${pr.number}` : undefined;
    const base = { pr: pr.number, ...(url ? { url } : {}), author: pr.author.login };
    if (facts.commentCreated && notifier.wants('request'))
      await notifier.send({ kind: 'request', ...base, grants: grantsOf(outcome) });
    if (facts.approvedNow && facts.wasApproved === false && notifier.wants('approval')) {
      const approvers = [
        ...new Set(outcome.json.results.flatMap((r) => r.approvals.flatMap((a) => a.approved_by))),
      ];
      await notifier.send({ kind: 'approval', ...base, approvers, grants: grantsOf(outcome) });
    }
  } catch (e) {
    opts.log(`warning: gitgrant notifications: ${e instanceof Error ? e.message : String(e)}`);
  }
}
