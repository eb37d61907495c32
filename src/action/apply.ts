/**
 * The Action's `apply` on a push to the default branch. History and file contents come from
 * the local clone of the default branch (checked out with full history: trusted after merge);
 * pull requests and reviews from the API; access through the providers.
 */
import * as core from '@actions/core';
import { UsageError } from '../core/errors.js';
import { runApply, type ApplyResult } from '../commands/apply.js';
import { git } from '../git/run.js';
import { createClient } from '../github/client.js';
import { tokenLogin, upsertStickyComment } from '../github/report.js';
import { providersFor } from '../providers/registry.js';
import { APPLY_MARKER, renderApplyMarkdown } from '../render/apply-markdown.js';
import type { ActionEnv } from './env.js';

export function pushOf(env: ActionEnv): {
  before: string;
  after: string;
  branch: string;
  defaultBranch: string;
} {
  const p = env.payload as {
    ref?: string;
    before?: string;
    after?: string;
    repository?: { default_branch?: string };
  };
  if (!p.after || !p.before || !p.ref) throw new UsageError('the push event has no ref/before/after');
  return {
    before: p.before,
    after: p.after,
    branch: p.ref.replace(/^refs\/heads\//, ''),
    defaultBranch: p.repository?.default_branch ?? 'main',
  };
}

export async function actionApply(env: ActionEnv): Promise<void> {
  const push = pushOf(env);
  if (push.branch !== push.defaultBranch) {
    core.info(`push to ${push.branch}, not the default branch ${push.defaultBranch}: nothing to apply`);
    return;
  }
  const repoDir = process.env.GITHUB_WORKSPACE ?? process.cwd();
  try {
    await git(repoDir, ['cat-file', '-e', `${push.after}^{commit}`]);
    if (!/^0+$/.test(push.before)) await git(repoDir, ['cat-file', '-e', `${push.before}^{commit}`]);
  } catch {
    throw new UsageError(
      `the workspace ${repoDir} does not hold the pushed commits: check out the default branch with actions/checkout and fetch-depth: 0`,
    );
  }
  const log = (m: string) => core.info(m);
  const gh = createClient(env.token, { log });
  const appGh = env.appToken ? createClient(env.appToken, { log }) : gh;
  const login = await tokenLogin(gh);
  const nowMs = Date.now();
  const result = await runApply(
    {
      gh,
      teamsGh: appGh,
      ref: { owner: env.owner, repo: env.repo },
      repoDir,
      login,
      // Only the App token manages collaborators and teams: without one the github provider
      // fails with a clear message instead of trying the workflow token.
      providers: providersFor(env.appToken ? { githubClient: appGh } : {}),
      nowMs,
      log,
    },
    push.before,
    push.after,
  );
  await report(env, gh, login, result, nowMs);
  if (!result.ok) {
    const parts = [
      result.refused.length
        ? `${result.refused.length} file(s) not approved at merge (nothing granted; alert opened)`
        : '',
      result.failures.length ? `${result.failures.length} provider or API failure(s)` : '',
    ].filter(Boolean);
    core.setFailed(`gitgrant apply: ${parts.join('; ')}`);
  }
}

async function report(
  env: ActionEnv,
  gh: ReturnType<typeof createClient>,
  login: string | null,
  result: ApplyResult,
  nowMs: number,
): Promise<void> {
  core.setOutput('granted', JSON.stringify(result.granted));
  core.setOutput('revoked', JSON.stringify(result.revoked));
  core.setOutput(
    'result',
    JSON.stringify({
      ok: result.ok,
      refused: result.refused.map((c) => ({ file: c.file, commit: c.commit, pr: c.pr, reasons: c.reasons })),
      failures: result.failures,
      alerts: result.alerts,
      retro_reviews: result.retroReviews,
    }),
  );
  await core.summary.addRaw(renderApplyMarkdown(result, nowMs)).write();
  const prs = new Map<number, Set<string>>();
  for (const g of result.granted) if (g.pr) prs.set(g.pr, (prs.get(g.pr) ?? new Set()).add(g.file));
  for (const c of result.refused) if (c.pr) prs.set(c.pr, (prs.get(c.pr) ?? new Set()).add(c.file));
  for (const [pr, files] of prs) {
    const body = renderApplyMarkdown(result, nowMs, (f) => files.has(f));
    await upsertStickyComment(gh, { owner: env.owner, repo: env.repo }, pr, APPLY_MARKER, body, login);
  }
}
