/**
 * The start every provider's config parser shares (fail closed): `bad` throws the provider's
 * non-retryable config error, "resource ID: PROVIDER config MSG"; the config must be a mapping
 * whose keys are all known; `ENV_NAME` is what a `*_env` key must look like.
 */
import type { Resource } from '../core/model.js';
import { ProviderError } from './types.js';

export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function readConfig(
  resource: Resource,
  provider: string,
  code: string,
  keys: readonly string[],
  /** How the unknown-key message lists the keys. Default: `a, b, c`. */
  expected = keys.join(', '),
): { cfg: Record<string, unknown>; bad: (msg: string) => never } {
  const bad = (msg: string): never => {
    throw new ProviderError(`resource ${resource.id}: ${provider} config ${msg}`, false, code);
  };
  const config = resource.config as unknown;
  if (config === null || typeof config !== 'object' || Array.isArray(config)) bad('must be a mapping');
  const cfg = config as Record<string, unknown>;
  for (const key of Object.keys(cfg))
    if (!keys.includes(key)) bad(`has an unknown key ${JSON.stringify(key)} (expected ${expected})`);
  return { cfg, bad };
}
