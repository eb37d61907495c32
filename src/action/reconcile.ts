/**
 * The Action's `reconcile` (schedule, workflow_dispatch): the whole state converges on every run.
 * Outputs: `revoked`, `granted` (re-applied), `result`, and `last-success`.
 */
import * as core from '@actions/core';
import { runReconcile } from '../commands/reconcile.js';
import { createClient } from '../github/client.js';
import { tokenLoginForReconcile } from '../github/report.js';
import { branchStateStore } from '../github/state-branch.js';
import { providersFor } from '../providers/registry.js';
import { renderReconcileMarkdown } from '../render/reconcile-markdown.js';
import { MINUTE_MS, parseDuration } from '../core/duration.js';
import { UsageError } from '../core/errors.js';
import type { ActionEnv } from './env.js';

export async function actionReconcile(env: ActionEnv): Promise<void> {
  const repoDir = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const log = (m: string) => core.info(m);
  const gh = createClient(env.token, { log });
  const appGh = env.appToken ? createClient(env.appToken, { log }) : gh;
  const ref = { owner: env.owner, repo: env.repo };
  const interval = core.getInput('interval') || '15m';
  const parsed = parseDuration(interval);
  if (!parsed.ok) throw new UsageError(`interval: ${parsed.reason}`);
  // Neither the default branch nor the token's login may stop revocations (docs/security.md):
  // both fall back, and the run says so.
  const defaultBranch = await defaultBranchOf(
    env,
    () => gh.rest.repos.get(ref),
    (m) => core.warning(m),
  );
  const { login, unknownLogin } = await tokenLoginForReconcile(appGh);
  const result = await runReconcile({
    gh: appGh,
    teamsGh: appGh,
    ref,
    repoDir,
    login,
    ...(unknownLogin ? { unknownLogin } : {}),
    // Only the App token manages collaborators and teams (as in apply): without one the github
    // provider fails with a clear message instead of trying the workflow token.
    providers: providersFor(env.appToken ? { githubClient: appGh } : {}),
    state: branchStateStore(appGh, ref),
    nowMs: Date.now(),
    intervalMs: parsed.ms || 15 * MINUTE_MS,
    defaultBranch,
    record: true,
    log,
  });
  core.setOutput('revoked', JSON.stringify(result.revoked));
  core.setOutput('granted', JSON.stringify(result.reapplied));
  core.setOutput('last-success', result.lastSuccess ?? '');
  core.setOutput(
    'result',
    JSON.stringify({
      ok: result.ok,
      drift: result.drift,
      failures: result.failures,
      not_approved: result.notApproved,
      revoked_early: result.revokedEarly,
      deleted: result.deleted,
      kept: result.kept,
      record: result.record,
      stale: result.stale,
    }),
  );
  await core.summary.addRaw(renderReconcileMarkdown(result)).write();
  for (const n of result.notApproved)
    core.warning(
      `${n.file} is on the default branch but was not approved at merge: nothing is granted (${n.reasons.join('; ') || 'not approved'})`,
      { file: n.file },
    );
  for (const f of result.failures)
    core.error(
      `${f.resource ? `${f.resource}: ` : ''}${f.message}`,
      f.file.startsWith('grants/') ? { file: f.file } : {},
    );
  if (result.stale)
    core.error(
      `the previous successful reconcile (${result.previousSuccess}) is older than twice the schedule interval (${interval}): runs were missed or failing`,
    );
  if (!result.ok)
    core.setFailed(
      `gitgrant reconcile: ${result.failures.length} failure(s)${result.stale ? '; schedule stalled' : ''}`,
    );
}

/**
 * The default branch (where revocations are recorded): the API's answer; when the API fails,
 * the event's `repository.default_branch`, then — a scheduled run always runs on the default
 * branch — `GITHUB_REF_NAME`. Only when all three are missing does the run stop.
 */
export async function defaultBranchOf(
  env: ActionEnv,
  get: () => Promise<{ data: { default_branch: string } }>,
  log: (m: string) => void,
): Promise<string> {
  try {
    return (await get()).data.default_branch;
  } catch (e) {
    const fromPayload = (env.payload as { repository?: { default_branch?: unknown } }).repository
      ?.default_branch;
    const fromRef = env.eventName === 'schedule' ? process.env.GITHUB_REF_NAME : undefined;
    const fallback = typeof fromPayload === 'string' && fromPayload ? fromPayload : fromRef;
    if (!fallback) throw e;
    log(
      `cannot read the repository (${e instanceof Error ? e.message : String(e)}): using ${fallback} as the default branch`,
    );
    return fallback;
  }
}
