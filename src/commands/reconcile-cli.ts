/**
 * `gitgrant reconcile` from any scheduler (a Kubernetes CronJob, cron on a bastion): the same
 * command as the Action. Tokens from the environment (GITHUB_TOKEN; GITGRANT_APP_TOKEN when set),
 * the API base from GITHUB_API_URL, state in --state FILE (or the gitgrant-state branch).
 */
import { UsageError } from '../core/errors.js';
import { parseDuration } from '../core/duration.js';
import { createClient } from '../github/client.js';
import { tokenLoginForReconcile } from '../github/report.js';
import { branchStateStore } from '../github/state-branch.js';
import { providersFor } from '../providers/registry.js';
import { renderReconcileMarkdown } from '../render/reconcile-markdown.js';
import { runReconcile, type ReconcileResult } from './reconcile.js';
import { fileStateStore } from './state.js';

export async function runReconcileCli(opts: {
  github: string;
  repo: string;
  nowMs: number;
  interval: string;
  state?: string;
  record: boolean;
  defaultBranch?: string;
}): Promise<{ result: ReconcileResult; markdown: string }> {
  const [owner, repo] = opts.github.split('/');
  if (!owner || !repo) throw new UsageError(`--github must be owner/name (got "${opts.github}")`);
  const token = process.env.GITGRANT_APP_TOKEN || process.env.GITHUB_TOKEN;
  if (!token) throw new UsageError('GITHUB_TOKEN (or GITGRANT_APP_TOKEN) is not set');
  const interval = parseDuration(opts.interval);
  if (!interval.ok) throw new UsageError(`--interval: ${interval.reason}`);
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const gh = createClient(token, { log });
  const ref = { owner, repo };
  // --default-branch: no API read needed before revoking (docs/operations.md).
  const defaultBranch = opts.defaultBranch ?? (await gh.rest.repos.get(ref)).data.default_branch;
  const { login, unknownLogin } = await tokenLoginForReconcile(gh);
  const result = await runReconcile({
    gh,
    teamsGh: gh,
    ref,
    repoDir: opts.repo,
    login,
    ...(unknownLogin ? { unknownLogin } : {}),
    // Only the App token manages collaborators and teams (as in apply).
    providers: providersFor(process.env.GITGRANT_APP_TOKEN ? { githubClient: gh } : {}),
    state: opts.state ? fileStateStore(opts.state) : branchStateStore(gh, ref),
    nowMs: opts.nowMs,
    intervalMs: interval.ms,
    defaultBranch,
    record: opts.record,
    log,
  });
  return { result, markdown: renderReconcileMarkdown(result) };
}
