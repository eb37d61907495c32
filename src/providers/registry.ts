/**
 * The provider registry: one lookup from a resource's `provider` name to its adapter.
 *
 * Every provider is constructed lazily, on first lookup, and kept for the run. The github
 * provider without a token still resolves (so a run that touches only PostgreSQL or webhook
 * resources never needs one), but every call on it fails with a clear non-retryable
 * ProviderError (`provider-config`) naming the token it needs.
 */
import type { ProviderName } from '../core/model.js';
import type { ClientOptions, GitHubClient } from '../github/client.js';
import { GitHubProvider } from './github.js';
import { PostgresProvider } from './postgres.js';
import { ProviderError, type Provider } from './types.js';
import { WebhookProvider } from './webhook.js';

export interface ProviderEnv {
  /** Token for the github provider: a GitHub App installation token (see docs/providers.md). */
  githubToken?: string;
  /** GitHub API base URL (default: GITHUB_API_URL, else https://api.github.com). */
  apiUrl?: string;
  /** Where `connection_env` / `secret_env` are looked up, at call time. Default: process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Options for the GitHub client (retries, backoff, log). */
  clientOptions?: ClientOptions;
  /** A ready GitHub client (tests, or a caller that already made one); wins over githubToken. */
  githubClient?: GitHubClient;
}

export type ProviderLookup = (name: string) => Provider;

export const PROVIDER_NAMES: readonly ProviderName[] = ['github', 'postgres', 'webhook'];

export function providersFor(env: ProviderEnv = {}): ProviderLookup {
  const made = new Map<string, Provider>();
  const make = (name: ProviderName): Provider => {
    switch (name) {
      case 'github':
        return new GitHubProvider(
          env.githubClient !== undefined
            ? { client: env.githubClient }
            : {
                ...(env.githubToken !== undefined ? { token: env.githubToken } : {}),
                clientOptions: {
                  ...env.clientOptions,
                  ...(env.apiUrl !== undefined ? { apiUrl: env.apiUrl } : {}),
                },
              },
        );
      case 'postgres':
        return new PostgresProvider(env.env !== undefined ? { env: env.env } : {});
      case 'webhook':
        return new WebhookProvider(env.env !== undefined ? { env: env.env } : {});
    }
  };
  return (name) => {
    if (!(PROVIDER_NAMES as readonly string[]).includes(name)) {
      throw new ProviderError(
        `unknown provider ${JSON.stringify(name)} (expected ${PROVIDER_NAMES.join(', ')})`,
        false,
        'provider-config',
      );
    }
    let provider = made.get(name);
    if (provider === undefined) {
      provider = make(name as ProviderName);
      made.set(name, provider);
    }
    return provider;
  };
}
