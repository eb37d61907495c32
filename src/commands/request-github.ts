/**
 * `gitgrant request --open-pr`: the pull request for a written request file, through the API.
 * Token: GITHUB_TOKEN, else `gh auth token`. API base: GITHUB_API_URL. Repository: `--github
 * OWNER/NAME`, else the `origin` remote. The token's account must be the requester: the request
 * is checked against its pull request's author (`requester-not-author`), so a pull request
 * opened with someone else's token could never be approved.
 */
import { UsageError } from '../core/errors.js';
import { ownerKind } from '../core/codeowners.js';
import { loginKey } from '../core/model.js';
import { openRequestPullRequest, type OpenPrResult } from '../github/open-pr.js';
import { createGitHubClient } from '../providers/github.js';
import { renderRequestBody } from '../render/request-markdown.js';
import type { ApprovalNeed } from './eligible.js';
import type { RequestOutcome } from './request.js';
import { ghAuthToken, originUrl, repoFromRemote } from './request-identity.js';

/** Logins and team slugs (of `owner`'s organisation) who can fill the slots; never the requester. */
export function reviewersFor(
  approvals: readonly ApprovalNeed[],
  owner: string,
  requester: string,
): { reviewers: string[]; teams: string[]; skipped: string[] } {
  const reviewers: string[] = [];
  const teams: string[] = [];
  const skipped: string[] = [];
  for (const a of approvals) {
    for (const raw of [...a.can_approve, ...a.teams]) {
      const who = raw.startsWith('@') ? raw : `@${raw}`;
      const kind = ownerKind(who);
      if (kind === 'team') {
        const [org, slug] = who.slice(1).split('/') as [string, string];
        if (loginKey(org) === loginKey(owner)) teams.push(slug.toLowerCase());
        else skipped.push(`${who} (a team of another organisation cannot review here)`);
      } else if (kind === 'user') {
        const login = who.slice(1);
        if (loginKey(login) !== loginKey(requester)) reviewers.push(login);
      }
    }
  }
  const dedupe = (l: string[]) => [...new Map(l.map((x) => [x.toLowerCase(), x])).values()];
  return { reviewers: dedupe(reviewers), teams: dedupe(teams), skipped };
}

export async function resolveToken(env = process.env): Promise<string> {
  const token = env.GITHUB_TOKEN?.trim() || (await ghAuthToken());
  if (!token)
    throw new UsageError(
      '--open-pr needs a GitHub token: set GITHUB_TOKEN, or log in with the GitHub CLI (`gh auth login`)',
    );
  return token;
}

export async function resolveRepository(
  repoDir: string,
  github?: string,
): Promise<{ owner: string; repo: string }> {
  const full = github ?? repoFromRemote((await originUrl(repoDir)) ?? '');
  const [owner, repo, extra] = (full ?? '').split('/');
  if (!owner || !repo || extra !== undefined)
    throw new UsageError(
      github
        ? `--github must be OWNER/NAME (got "${github}")`
        : 'cannot tell the repository on GitHub: pass --github OWNER/NAME (the origin remote is missing or not a GitHub URL)',
    );
  return { owner, repo };
}

export async function openPrForRequest(
  outcome: RequestOutcome,
  opts: { repoDir: string; github?: string },
): Promise<OpenPrResult> {
  const { owner, repo } = await resolveRepository(opts.repoDir, opts.github);
  const token = await resolveToken();
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const gh = createGitHubClient(token, { apiUrl: process.env.GITHUB_API_URL, log });
  let login: string | undefined;
  try {
    login = (await gh.rest.users.getAuthenticated()).data.login;
  } catch {
    login = undefined;
  }
  if (!login || loginKey(login) !== loginKey(outcome.requester))
    throw new UsageError(
      `the token belongs to ${login ?? 'an app or bot, not a person'}, but the requester is ${outcome.requester}: ` +
        'the requester must open the pull request with their own token (the check refuses requester-not-author)',
    );
  const { reviewers, teams, skipped } = reviewersFor(outcome.approvals, owner, outcome.requester);
  const result = await openRequestPullRequest({
    gh,
    owner,
    repo,
    path: outcome.file,
    content: outcome.content,
    branch: `gitgrant/request-${outcome.id}`,
    title: `Access request: ${outcome.id}`,
    body: renderRequestBody({
      file: outcome.file,
      reason: outcome.fields.reason,
      ...(outcome.fields.ticket !== undefined ? { ticket: outcome.fields.ticket } : {}),
      explain: outcome.explain!,
      approvals: outcome.approvals,
    }),
    reviewers,
    teamReviewers: teams,
    requester: outcome.requester,
    log,
  });
  return {
    ...result,
    warnings: [...skipped.map((s) => `no review requested from ${s}`), ...result.warnings],
  };
}
