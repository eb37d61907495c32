/**
 * Resources found at run time (`discover:` in policies/): organisation repositories whose custom
 * properties become their tags. The Action's commands (validate, apply, reconcile) add them to
 * the inventory before deciding; a discovery failure fails closed (nothing is decided on part of
 * the inventory). The offline CLI (validate, explain, plan, audit) sees declared resources only.
 */
import type { Snapshot } from '../core/model.js';
import { prepare } from '../core/prepared.js';
import type { GitHubClient } from '../github/client.js';
import { discoverResources } from '../providers/discover.js';
import type { Config } from './config.js';

export async function withDiscovery(
  config: Config,
  gh: GitHubClient,
  log: (m: string) => void = () => undefined,
): Promise<Config> {
  const snapshot = config.prepared.snapshot;
  if (snapshot.discover.length === 0) return config;
  const found = await discoverResources(gh, snapshot.discover, snapshot.resources);
  for (const w of found.warnings) log(`discover: ${JSON.stringify(w)}`);
  for (const c of found.conflicts) log(`discover: ${JSON.stringify(c)}`);
  if (found.resources.length === 0) return config;
  const merged: Snapshot = { ...snapshot, resources: [...snapshot.resources, ...found.resources] };
  return { ...config, prepared: prepare(merged) };
}
