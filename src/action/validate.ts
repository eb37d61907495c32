/**
 * The Action's `validate`: the commit status goes to `pending` first (a crash leaves it pending,
 * never green), then to success or failure with one line of reason; one sticky comment; annotations
 * at file and line; a job summary; outputs `approved` and `result`.
 *
 * Fail closed: whatever goes wrong after the pending status (an API error, a missing permission,
 * invalid base policies), the status becomes `failure` with the reason when GitHub lets us set
 * it, and stays `pending` otherwise; `approved` is `false`.
 */
import * as core from '@actions/core';
import { ConfigError } from '../core/errors.js';
import { createClient } from '../github/client.js';
import { HeadMovedError, readPullRequest } from '../github/pr-facts.js';
import { setStatus, tokenLogin, upsertStickyComment } from '../github/report.js';
import { validatePullRequest, type PrValidation } from '../commands/validate-pr.js';
import { resolutionDigest } from '../commands/digest.js';
import { COMMENT_MARKER, renderPrComment } from '../render/markdown/comment.js';
import { renderResolutionRecord } from '../render/markdown/record.js';
import { renderJobSummary } from '../render/markdown/summary.js';
import { statusFor } from '../render/markdown/status.js';
import { annotationsFor } from '../render/markdown/annotations.js';
import {
  renderConfigErrorComment,
  renderErrorComment,
  renderNoRequestsComment,
  renderPolicyChangeComment,
  policyChangeStatus,
  policyChangeResult,
} from '../render/policy-change-markdown.js';

import { notifyValidate, previousApproval } from '../notify/validate.js';
import { pullRequestOf, type ActionEnv } from './env.js';

/** Marks an error whose failure status has already been set. */
class Reported extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'Reported';
  }
}

export async function actionValidate(env: ActionEnv): Promise<void> {
  const log = (m: string) => core.info(m);
  const gh = createClient(env.token, { log });
  const teamsGh = env.appToken ? createClient(env.appToken, { log }) : gh;
  const ref = { owner: env.owner, repo: env.repo };
  const target = pullRequestOf(env);
  const pr = await readPullRequest(gh, ref, target.number);
  const statusSha = target.statusSha ?? pr.headSha;
  const wasApproved = await previousApproval(gh, ref, statusSha); // docs/notifications.md
  await setStatus(gh, ref, statusSha, 'pending', 'gitgrant is checking this pull request', env.runUrl);

  const now = new Date().toISOString();
  const footer = { headSha: pr.headSha, now, ...(env.runUrl ? { runUrl: env.runUrl } : {}) };
  let login: string | null = null;
  let finalStatusSet = false;
  const finish = async (state: 'success' | 'failure', description: string) => {
    await setStatus(gh, ref, statusSha, state, description, env.runUrl);
    finalStatusSet = true;
  };

  try {
    login = await tokenLogin(gh);
    let result: PrValidation;
    try {
      // The workflow's checkout of the default branch (trusted), for extensions' history.
      const repoDir = process.env.GITHUB_WORKSPACE;
      result = await validatePullRequest({ gh, teamsGh, ref, ...(repoDir ? { repoDir } : {}) }, pr);
    } catch (e) {
      await reportUndecided(e);
      throw new Reported(e);
    }
    await report(result);
  } catch (e) {
    const cause = e instanceof Reported ? e.cause : e;
    if (!finalStatusSet) {
      core.setOutput('approved', 'false');
      core.setOutput('result', JSON.stringify({ ok: false, results: [], error: messageOf(cause) }));
      await bestEffort(() => finish('failure', `could not decide: ${messageOf(cause)}`));
    }
    throw cause;
  }

  /** No decision (an error): say why on the pull request, then fail. */
  async function reportUndecided(e: unknown): Promise<void> {
    const message = messageOf(e);
    core.setOutput('approved', 'false');
    core.setOutput('result', JSON.stringify({ ok: false, results: [], error: message }));
    if (e instanceof ConfigError) {
      for (const d of e.diagnostics)
        core.error(`${d.code}: ${d.message}`, {
          file: d.file,
          startLine: d.line,
          startColumn: d.column,
          title: d.code,
        });
    }
    // A newer run owns the comment when the head moved; never overwrite its report.
    if (!(e instanceof HeadMovedError)) {
      const body =
        e instanceof ConfigError ? renderConfigErrorComment(e, footer) : renderErrorComment(message, footer);
      await bestEffort(() => upsertStickyComment(gh, ref, pr.number, COMMENT_MARKER, body, login));
      await bestEffort(() => core.summary.addRaw(body).write());
    }
    await bestEffort(() => finish('failure', `could not decide: ${message}`));
  }

  async function report(result: PrValidation): Promise<void> {
    if (result.kind === 'none') {
      // An earlier report (from when the PR still held requests) must not linger: update it if there is one.
      await upsertStickyComment(gh, ref, pr.number, COMMENT_MARKER, renderNoRequestsComment(footer), login, {
        create: false,
      });
      core.setOutput('result', JSON.stringify({ ok: true, results: [] }));
      await core.summary
        .addRaw(
          '### gitgrant\n\nNo access requests or policy changes in this pull request: nothing to approve.\n',
        )
        .write();
      await finish('success', 'no access requests or policy changes in this pull request');
      core.setOutput('approved', 'true');
      return;
    }
    if (result.kind === 'policy') {
      const status = policyChangeStatus(result.policy);
      const body = renderPolicyChangeComment(result.policy, footer);
      await upsertStickyComment(gh, ref, pr.number, COMMENT_MARKER, body, login);
      for (const d of result.policy.errors)
        core.error(`${d.code}: ${d.message}`, {
          file: d.file,
          startLine: d.line,
          startColumn: d.column,
          title: d.code,
        });
      await core.summary.addRaw(body).write();
      core.setOutput('result', JSON.stringify(policyChangeResult(result.policy)));
      await finish(status.state, status.description);
      core.setOutput('approved', String(status.state === 'success'));
      if (status.state !== 'success') core.setFailed(`gitgrant: ${status.description}`);
      return;
    }

    const { outcome } = result;
    const digests = Object.fromEntries(
      outcome.json.results
        .filter((r) => r.resources.length)
        .map((r) => [r.file, resolutionDigest(r.resources)]),
    );
    const ctx = { ...footer, digests };
    // The hidden record of what reviewers were shown: apply compares it at merge.
    const record = renderResolutionRecord({ head: pr.headSha, files: digests });
    const sticky = await upsertStickyComment(
      gh,
      ref,
      pr.number,
      COMMENT_MARKER,
      `${renderPrComment(outcome, ctx)}\n${record}\n`,
      login,
    );
    for (const a of annotationsFor(outcome)) {
      const props = { file: a.file, startLine: a.line, startColumn: a.column, title: a.title };
      if (a.level === 'error') core.error(a.message, props);
      else core.warning(a.message, props);
    }
    await core.summary.addRaw(renderJobSummary(outcome, ctx)).write();
    const status = statusFor(outcome);
    core.setOutput('result', JSON.stringify(outcome.json));
    await finish(status.state, status.description);
    await notifyValidate(outcome, pr, ref, sticky?.created === true, wasApproved, status.state);
    core.setOutput('approved', String(status.state === 'success'));
    if (status.state !== 'success') core.setFailed(`gitgrant: ${status.description}`);
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Reporting that must not hide the original error: log and go on. */
async function bestEffort(fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    core.warning(`gitgrant: could not report on the pull request: ${messageOf(e)}`);
  }
}
