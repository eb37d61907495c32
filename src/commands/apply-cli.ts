/**
 * `gitgrant apply` outside Actions: the same command, with tokens from the environment
 * (GITHUB_TOKEN for pull requests and reviews; GITGRANT_APP_TOKEN, when set, for team reads and
 * the github provider) and the API base from GITHUB_API_URL.
 */
import { UsageError } from '../core/errors.js';
import { createClient } from '../github/client.js';
import { tokenLogin } from '../github/report.js';
import { providersFor } from '../providers/registry.js';
import { renderApplyMarkdown } from '../render/apply-markdown.js';
import { runApply, type ApplyResult } from './apply.js';

export async function runApplyCli(opts: {
  before: string;
  after: string;
  github: string;
  repo: string;
  nowMs: number;
}): Promise<{ result: ApplyResult; markdown: string }> {
  const [owner, repo] = opts.github.split('/');
  if (!owner || !repo) throw new UsageError(`--github must be owner/name (got "${opts.github}")`);
  const token = process.env.GITHUB_TOKEN;
  if (!token)
    throw new UsageError('GITHUB_TOKEN is not set: apply reads pull requests and reviews from GitHub');
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const gh = createClient(token, { log });
  const appGh = process.env.GITGRANT_APP_TOKEN ? createClient(process.env.GITGRANT_APP_TOKEN, { log }) : gh;
  const login = await tokenLogin(gh);
  const result = await runApply(
    {
      gh,
      teamsGh: appGh,
      ref: { owner, repo },
      repoDir: opts.repo,
      login,
      providers: providersFor(process.env.GITGRANT_APP_TOKEN ? { githubClient: appGh } : {}),
      nowMs: opts.nowMs,
      log,
    },
    opts.before,
    opts.after,
  );
  return { result, markdown: renderApplyMarkdown(result, opts.nowMs) };
}
