/**
 * Who is asking, when `--as` / `--person` is not given: `git config github.user` in the
 * repository (the convention `hub` and `gh` users set), else `GITHUB_ACTOR` (set on runners and
 * in Codespaces). An empty value counts as unset.
 */
import { execFile } from 'node:child_process';

function run(cmd: string, args: string[], timeoutMs = 10_000): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(cmd, args, { encoding: 'utf8', timeout: timeoutMs }, (err, stdout) =>
      resolve(err ? undefined : stdout.trim() || undefined),
    );
  });
}

export async function defaultLogin(repoDir: string, env = process.env): Promise<string | undefined> {
  const configured = await run('git', ['-C', repoDir, 'config', '--get', 'github.user']);
  if (configured) return configured;
  const actor = env.GITHUB_ACTOR?.trim();
  return actor ? actor : undefined;
}

/** `git remote get-url origin` of the repository, or undefined. */
export function originUrl(repoDir: string): Promise<string | undefined> {
  return run('git', ['-C', repoDir, 'remote', 'get-url', 'origin']);
}

/** The output of `gh auth token`, when the GitHub CLI is installed and logged in. */
export function ghAuthToken(): Promise<string | undefined> {
  return run('gh', ['auth', 'token']);
}

/**
 * `owner/name` from a remote URL: https://host/owner/name(.git), git@host:owner/name(.git),
 * ssh://git@host[:port]/owner/name(.git). Undefined when it does not look like one.
 */
export function repoFromRemote(url: string): string | undefined {
  const m =
    /^[a-z][a-z0-9+.-]*:\/\/[^/]+\/(?:.*\/)?([^/]+)\/([^/]+?)(?:\.git)?\/?$/i.exec(url) ??
    /^[^@/\s]+@[^:/\s]+:(?:.*\/)?([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url);
  return m ? `${m[1]}/${m[2]}` : undefined;
}
