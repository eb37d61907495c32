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
import type { Config, LoadedGrant } from './config.js';

export interface PrContext {
  gh: GitHubClient;
  /** Client for team membership reads (the app token when given). */
  teamsGh: GitHubClient;
  ref: RepoRef;
}

export async function configAt(ctx: PrContext, commit: string): Promise<Config> {
  const built = buildSnapshot(await policyFilesAt(ctx.gh, ctx.ref, commit));
  if (!built.ok) {
    throw new ConfigError(`policies/ at the base commit ${commit.slice(0, 7)} is invalid: no request can be decided until it is fixed`, built.diagnostics);
  }
  const owners = await codeownersAt(ctx.gh, ctx.ref, commit);
  return {
    prepared: prepare(built.snapshot),
    codeowners: owners ? parseCodeowners(owners.text, owners.path) : null,
    origin: `base commit ${commit.slice(0, 7)}`,
  };
}

/** Grant files at the head commit, only the given paths, read as data. */
export async function grantsAt(ctx: PrContext, commit: string, paths: readonly string[]): Promise<LoadedGrant[]> {
  if (paths.length === 0) return [];
  const wanted = new Set(paths);
  const entries = (await listTree(ctx.gh, ctx.ref, commit, 'grants')).filter((e) => wanted.has(e.path));
  const found = new Set(entries.map((e) => e.path));
  const missing: LoadedGrant[] = paths
    .filter((p) => !found.has(p))
    .map((p) => ({ file: p, diagnostics: [{ code: 'not-a-file', message: `${p} is not a regular file at the head commit`, file: p, line: 1, column: 1 }] }));
  const loaded = loadGrants(await readEntries(ctx.gh, ctx.ref, entries)).map(({ path, result }) =>
    result.ok ? { file: path, grant: result.grant, diagnostics: [] } : { file: path, diagnostics: result.diagnostics },
  );
  return [...loaded, ...missing];
}
