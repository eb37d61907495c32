/**
 * GitHub API errors turned into messages a person can act on. Nothing here retries: the
 * client's plugins did that already.
 */

interface RequestErrorLike {
  status?: number;
  message?: string;
  cause?: unknown;
  request?: { method?: string; url?: string };
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

/** GitHub App permission names, as written in a workflow's `permissions:` block. */
const WORKFLOW_NAMES: Record<string, string> = {
  pull_requests: 'pull-requests',
  statuses: 'statuses',
  contents: 'contents',
  issues: 'issues',
  members: 'members',
  administration: 'administration',
  checks: 'checks',
  metadata: 'metadata',
};

/** `METHOD /path` of a failed request: no host, no query (short enough for a status line). */
function where(e: RequestErrorLike): string {
  const url = e.request?.url ?? '';
  let path = url;
  try {
    // Decoded, so a person reads `git/refs/heads/main`, not `git/refs/heads%2Fmain` (a ref is
    // one URL parameter). Found by the fault-injection suite (test/fault/cases.ts, row R34).
    path = decodeURIComponent(new URL(url, 'http://api.invalid').pathname);
  } catch {
    // keep the url as it is
  }
  return `${e.request?.method ?? ''} ${path}`.trim();
}

export class PermissionError extends Error {
  constructor(
    message: string,
    readonly permission: string,
    readonly status = 403,
  ) {
    super(message);
    this.name = 'PermissionError';
  }

  static from(error: unknown): PermissionError | null {
    const e = error as RequestErrorLike;
    if (
      e?.status !== 403 ||
      !/Resource not accessible by (integration|personal access token)/i.test(e.message ?? '')
    )
      return null;
    const header = String(e.response?.headers?.['x-accepted-github-permissions'] ?? '');
    // e.g. "pull_requests=write; contents=read"  or  "issues=write,pull_requests=write"
    const wanted = header
      .split(/[;,]/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => {
        const [name, level] = s.split('=');
        const note =
          name === 'members'
            ? ' (an organization permission: needs a GitHub App token, not GITHUB_TOKEN)'
            : '';
        return `${WORKFLOW_NAMES[name ?? ''] ?? name}: ${level ?? 'read'}${note}`;
      });
    const permission = wanted.length ? wanted.join(' or ') : 'unknown (GitHub did not say)';
    return new PermissionError(
      `the token lacks the permission ${permission} (for ${where(e)}): add it to the workflow's \`permissions:\` or to the GitHub App`,
      permission,
    );
  }
}

export class GitHubApiError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
  ) {
    super(message);
    this.name = 'GitHubApiError';
  }
}

/**
 * The timeout of an attempt (client.ts `RequestTimeoutError`, the cause octokit keeps when it
 * wraps a failed fetch in a RequestError), duck-typed: jest's VM modules may load another copy.
 */
function timeoutOf(e: RequestErrorLike | null | undefined): number | undefined {
  const cause = e?.cause as { name?: unknown; timeoutMs?: unknown } | null | undefined;
  return cause?.name === 'RequestTimeoutError' && typeof cause.timeoutMs === 'number'
    ? cause.timeoutMs
    : undefined;
}

export function describeRequestError(error: unknown): Error {
  if (error instanceof PermissionError) return error;
  const e = error as RequestErrorLike;
  const timeoutMs = timeoutOf(e);
  // Not "failed with 500": octokit gives a failed fetch that status, GitHub never answered.
  if (timeoutMs !== undefined)
    return new GitHubApiError(
      `GitHub API ${where(e)} timed out: no answer within ${timeoutMs} ms`,
      undefined,
    );
  if (typeof e?.status !== 'number') return error instanceof Error ? error : new Error(String(error));
  return new GitHubApiError(
    `GitHub API ${where(e)} failed with ${e.status}: ${e.message ?? ''}`.trim(),
    e.status,
  );
}
