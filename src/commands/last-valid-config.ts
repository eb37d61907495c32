/**
 * Revocation must not wait for someone to fix policies/. When the configuration on the default
 * branch is invalid (a bypass merged a broken policy file), reconcile works from the last valid
 * one on its first-parent history — for revoking only: nothing is granted or pruned on it, and
 * the run is red until policies/ is fixed (docs/operations.md).
 */
import { ConfigError } from '../core/errors.js';
import { git } from '../git/run.js';
import { loadConfig, type Config } from './config.js';

/** How many earlier versions of policies/ are tried. */
const MAX_TRIES = 20;

export interface ConfigForRevocation {
  config: Config;
  /** Set when the configuration at `rev` is invalid and `config` is an earlier one. */
  invalid?: { error: ConfigError; from: string };
}

export async function configForRevocation(repoDir: string, rev = 'HEAD'): Promise<ConfigForRevocation> {
  try {
    return { config: await loadConfig(repoDir, rev) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // The commits that changed policies/, newest first: the version before each is a candidate.
    const changes = (
      await git(repoDir, ['rev-list', '--first-parent', `--max-count=${MAX_TRIES}`, rev, '--', 'policies/'])
    )
      .split('\n')
      .filter(Boolean);
    for (const c of changes) {
      const before = await git(repoDir, ['rev-parse', '--verify', '--quiet', `${c}^1`]).catch(() => '');
      if (!before.trim()) break;
      try {
        return { config: await loadConfig(repoDir, before.trim()), invalid: { error, from: before.trim() } };
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
      }
    }
    throw error;
  }
}

/** The error and its first diagnostics, with positions, in one line. */
export function describeConfigError(e: ConfigError, max = 3): string {
  const ds = e.diagnostics
    .slice(0, max)
    .map((d) => `${d.file}:${d.line}:${d.column} ${d.code}: ${d.message}`);
  const more = e.diagnostics.length > max ? `; and ${e.diagnostics.length - max} more` : '';
  return `${e.message}${ds.length ? ` — ${ds.join('; ')}${more}` : ''}`;
}
