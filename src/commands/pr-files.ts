/**
 * Reading a pull request's configuration (at its base) and requests (at its head) through the
 * API, as data.
 */
import { parseCodeowners } from '../core/codeowners.js';
import { ConfigError } from '../core/errors.js';
import { prepare } from '../core/prepared.js';
import type { GitHubClient } from '../github/client.js';
import { codeownersAt, policyFilesAt, readEntries } from '../github/config-at.js';
import { listTree, type RepoRef } from '../github/repo-files.js';
import { loadGrants } from '../load/grant-file.js';
import { buildSnapshot } from '../load/snapshot.js';
import { withIdClashes, type Config, type LoadedGrant } from './config.js';
import { withDiscovery } from './discovered.js';

export interface PrContext {
  gh: GitHubClient;
  /** Client for team membership reads (the app token when given). */
  teamsGh: GitHubClient;
  ref: RepoRef;
  /**
   * A local clone of the default branch with its history (the workflow's checkout with
   * fetch-depth: 0), for `extends` and hours caps (docs/extension.md); trusted: never the head.
   */
  repoDir?: string;
}

export async function configAt(ctx: PrContext, commit: string): Promise<Config> {
  const built = buildSnapshot(await policyFilesAt(ctx.gh, ctx.ref, commit));
  if (!built.ok) {
    throw new ConfigError(
      `policies/ at the base commit ${commit.slice(0, 7)} is invalid: no request can be decided until it is fixed`,
      built.diagnostics,
    );
  }
  const owners = await codeownersAt(ctx.gh, ctx.ref, commit);
  // Discovered resources are read with the App token when there is one (custom properties).
  return withDiscovery(
    {
      prepared: prepare(built.snapshot),
      codeowners: owners ? parseCodeowners(owners.text, owners.path) : null,
      origin: `base commit ${commit.slice(0, 7)}`,
    },
    ctx.teamsGh,
  );
}

/** Grant files at the head commit, only the given paths, read as data. */
export async function grantsAt(
  ctx: PrContext,
  commit: string,
  paths: readonly string[],
): Promise<LoadedGrant[]> {
  if (paths.length === 0) return [];
  const wanted = new Set(paths);
  const all = await listTree(ctx.gh, ctx.ref, commit, 'grants');
  const entries = all.filter((e) => wanted.has(e.path));
  // An added file may not reuse the id of any other grant file (existing or added).
  const idOf = (p: string) => /([^/]+)\.yaml$/.exec(p)?.[1];
  const clashes = new Map<string, string>();
  for (const p of paths) {
    const other = all.find((e) => e.path !== p && idOf(e.path) !== undefined && idOf(e.path) === idOf(p));
    if (other) clashes.set(p, other.path);
  }
  const found = new Set(entries.map((e) => e.path));
  const missing: LoadedGrant[] = paths
    .filter((p) => !found.has(p))
    .map((p) => ({
      file: p,
      diagnostics: [
        {
          code: 'not-a-file',
          message: `${p} is not a regular file at the head commit`,
          file: p,
          line: 1,
          column: 1,
        },
      ],
    }));
  const loaded = loadGrants(await readEntries(ctx.gh, ctx.ref, entries)).map(({ path, result }) =>
    result.ok
      ? { file: path, grant: result.grant, diagnostics: [] }
      : { file: path, diagnostics: result.diagnostics },
  );
  return withIdClashes([...loaded, ...missing], clashes);
}
