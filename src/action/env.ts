/** The runner's environment for the Action: repository, event and inputs, checked. */
import { readFileSync } from 'node:fs';
import * as core from '@actions/core';
import { UsageError } from '../core/errors.js';

export interface ActionEnv {
  owner: string;
  repo: string;
  eventName: string;
  payload: Record<string, unknown>;
  token: string;
  appToken?: string;
  runUrl?: string;
}

export function readActionEnv(): ActionEnv {
  const full = process.env.GITHUB_REPOSITORY ?? '';
  const [owner, repo] = full.split('/');
  if (!owner || !repo) throw new UsageError('GITHUB_REPOSITORY is not set (owner/name)');
  const eventPath = process.env.GITHUB_EVENT_PATH;
  if (!eventPath) throw new UsageError('GITHUB_EVENT_PATH is not set');
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(readFileSync(eventPath, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new UsageError(`cannot read the event payload ${eventPath}: ${(e as Error).message}`);
  }
  const token = core.getInput('token') || process.env.GITHUB_TOKEN || '';
  if (!token) throw new UsageError('no token: set the `token` input (default: github.token)');
  const appToken = core.getInput('app-token') || undefined;
  if (appToken) core.setSecret(appToken);
  core.setSecret(token);
  const server = process.env.GITHUB_SERVER_URL ?? 'https://github.com';
  const runUrl = process.env.GITHUB_RUN_ID
    ? `${server}/${full}/actions/runs/${process.env.GITHUB_RUN_ID}`
    : undefined;
  return {
    owner,
    repo,
    eventName: process.env.GITHUB_EVENT_NAME ?? '',
    payload,
    token,
    ...(appToken ? { appToken } : {}),
    ...(runUrl ? { runUrl } : {}),
  };
}

/** The pull request an event is about, and the commit its status belongs on (merge queue: the group's head). */
export function pullRequestOf(env: ActionEnv): { number: number; statusSha?: string } {
  const p = env.payload as {
    pull_request?: { number?: number };
    merge_group?: { head_sha?: string; head_ref?: string };
  };
  if (env.eventName === 'merge_group') {
    const ref = p.merge_group?.head_ref ?? '';
    const m = /\/pr-(\d+)-[0-9a-f]+$/.exec(ref);
    if (!m || !p.merge_group?.head_sha)
      throw new UsageError(`cannot tell the pull request of merge group ${ref || '(no head_ref)'}`);
    return { number: Number(m[1]), statusSha: p.merge_group.head_sha };
  }
  const n = p.pull_request?.number;
  if (typeof n !== 'number') throw new UsageError(`the ${env.eventName} event has no pull_request.number`);
  return { number: n };
}
