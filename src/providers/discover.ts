/**
 * Resources found at run time (DESIGN.md §2 `discover:`):
 *
 *   discover:
 *     - { provider: github, org: acme, tags_from: custom_properties }
 *
 * Each repository of the organization becomes a resource
 *   { id: "github:ORG/NAME", provider: github, config: { repository: "ORG/NAME" },
 *     tags: <its custom properties>, baseline: [], prune: false }
 * where ORG/NAME is GitHub's own spelling (`full_name`).
 *
 * Reads `GET /orgs/{org}/repos` and `GET /orgs/{org}/properties/values`, both paginated (the
 * token needs `metadata: read` and the organization permission `custom properties: read`).
 *
 * Decisions (docs/providers.md):
 * - Archived repositories are skipped (nobody can be given meaningful access to them).
 * - Property names are lower-cased and must then match the tag-key pattern
 *   `^[a-z][a-z0-9_.-]{0,62}$`; a property whose name does not is skipped with a warning (no
 *   policy can select on such a key, so dropping it cannot widen access).
 * - Values: a string becomes the tag value; `null`, `""` and an empty list mean "not set" (no tag).
 *   A multi-select with exactly one value is that value. A multi-select with several values, a
 *   value longer than 256 characters, or two property names that collide once lower-cased with
 *   different values cannot be represented as a single-valued tag. Dropping the tag could make the
 *   repository escape a deny policy or a stricter allow policy (fail open), so the WHOLE
 *   repository is skipped with a warning: it cannot be requested until its properties are fixed
 *   or it is declared in policies/ (fail closed).
 * - Resources declared in policies/ win. A discovered resource is dropped, and the conflict
 *   reported, when a declared resource has the same id (case-insensitive) or manages the same
 *   repository (`config.repository`, case-insensitive): otherwise one repository would be
 *   reachable through two ids with different tags, and the looser one would decide.
 * - Several rules for the same organization are read once. Any API failure throws a
 *   ProviderError (retryable for 5xx/network): callers must fail closed, never run with a
 *   partial inventory.
 */
import { syntheticSource } from '../core/errors.js';
import type { DiscoverRule, Resource, ResourceTags } from '../core/model.js';
import type { GitHubClient } from '../github/client.js';
import { githubFailure } from './github.js';

export const TAG_KEY = /^[a-z][a-z0-9_.-]{0,62}$/;
export const MAX_TAG_VALUE = 256;

export interface DiscoverWarning {
  org: string;
  /** `ORG/NAME` when the warning is about one repository. */
  repository?: string;
  message: string;
}

export interface DiscoverConflict {
  /** The discovered id that was dropped. */
  id: string;
  repository: string;
  /** The id of the declared resource that won. */
  declared: string;
  message: string;
}

export interface DiscoveryResult {
  /** Discovered resources that no declared resource shadows; add them to the declared ones. */
  resources: Resource[];
  warnings: DiscoverWarning[];
  conflicts: DiscoverConflict[];
}

export interface DiscoverOptions {
  /** `per_page` of the list calls. Default 100 (GitHub's maximum). */
  perPage?: number;
  /** Timeout of one paginated listing, ms. Default 60000. */
  timeoutMs?: number;
}

/** What discovery needs of one repository (from `GET /orgs/{org}/repos`). */
export interface RepositoryListing {
  name: string;
  full_name: string;
  archived?: boolean;
}

/** One item of `GET /orgs/{org}/properties/values`. */
export interface PropertyValues {
  repository_name: string;
  repository_full_name?: string;
  properties: readonly { property_name: string; value: string | readonly string[] | null }[];
}

/** Discover the resources of every rule, then drop those shadowed by `declared`. */
export async function discoverResources(
  client: GitHubClient,
  rules: readonly DiscoverRule[],
  declared: readonly Resource[] = [],
  options: DiscoverOptions = {},
): Promise<DiscoveryResult> {
  const perPage = options.perPage ?? 100;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const warnings: DiscoverWarning[] = [];
  const found: Resource[] = [];
  const seen = new Set<string>();
  for (const [index, rule] of rules.entries()) {
    if (rule.provider !== 'github' || rule.tags_from !== 'custom_properties') {
      warnings.push({ org: rule.org, message: `discover rule ${index} is not supported and was ignored` });
      continue;
    }
    const org = rule.org;
    if (seen.has(org.toLowerCase())) continue;
    seen.add(org.toLowerCase());
    const fail = (err: unknown, action: string, need: string): never => {
      throw githubFailure(err, {
        prefix: `discover (rule ${index}): cannot ${action} of organization ${org}`,
        need,
        notFound: `organization ${org} not found (or the token cannot see it)`,
      });
    };
    const repos = await client
      .paginate(client.rest.repos.listForOrg, {
        org,
        type: 'all',
        per_page: perPage,
        request: { signal: AbortSignal.timeout(timeoutMs) },
      })
      .catch((err: unknown) =>
        fail(err, 'list the repositories', 'metadata: read (repository permission of a GitHub App)'),
      );
    const values = await client
      .paginate(client.rest.orgs.customPropertiesForReposGetOrganizationValues, {
        org,
        per_page: perPage,
        request: { signal: AbortSignal.timeout(timeoutMs) },
      })
      .catch((err: unknown) =>
        fail(
          err,
          'read the custom property values',
          'custom properties: read (organization permission of a GitHub App)',
        ),
      );
    const built = buildDiscovered(
      rule,
      index,
      repos.map((r) => ({ name: r.name, full_name: r.full_name, archived: r.archived === true })),
      values as PropertyValues[],
    );
    found.push(...built.resources);
    warnings.push(...built.warnings);
  }
  const merged = shadowDeclared(declared, found);
  return { resources: merged.resources, warnings, conflicts: merged.conflicts };
}

/** Pure: the resources of one rule from what GitHub answered. */
export function buildDiscovered(
  rule: DiscoverRule,
  ruleIndex: number,
  repos: readonly RepositoryListing[],
  values: readonly PropertyValues[],
): { resources: Resource[]; warnings: DiscoverWarning[] } {
  const warnings: DiscoverWarning[] = [];
  const byName = new Map<string, PropertyValues>();
  for (const v of values) byName.set(v.repository_name.toLowerCase(), v);
  const source = syntheticSource(`discover:github:${rule.org}`);
  const resources: Resource[] = [];
  const sorted = [...repos].sort((a, b) =>
    a.full_name < b.full_name ? -1 : a.full_name > b.full_name ? 1 : 0,
  );
  for (const repo of sorted) {
    if (repo.archived === true) continue;
    const warn = (message: string): void => {
      warnings.push({ org: rule.org, repository: repo.full_name, message });
    };
    const tags = tagsOf(byName.get(repo.name.toLowerCase())?.properties ?? [], warn);
    if (tags === null) continue;
    resources.push({
      id: `github:${repo.full_name}`,
      provider: 'github',
      tags,
      config: { repository: repo.full_name },
      baseline: [],
      prune: false,
      source,
      path: ['discover', ruleIndex],
    });
  }
  return { resources, warnings };
}

/**
 * Tags from custom property values (see the decisions above). Returns null when the repository
 * must be skipped; `warn` receives the reason and every skipped property.
 */
export function tagsOf(
  properties: PropertyValues['properties'],
  warn: (message: string) => void,
): ResourceTags | null {
  const tags: Record<string, string> = {};
  const from: Record<string, string> = {};
  let skip = false;
  for (const { property_name: name, value } of properties) {
    const key = name.toLowerCase();
    if (!TAG_KEY.test(key)) {
      warn(`custom property ${JSON.stringify(name)} skipped: its name is not a tag key (${TAG_KEY.source})`);
      continue;
    }
    let text: string | null;
    if (value === null) text = null;
    else if (typeof value === 'string') text = value;
    else if (Array.isArray(value)) {
      const items = (value as readonly unknown[]).filter(
        (v): v is string => typeof v === 'string' && v !== '',
      );
      if (items.length > 1) {
        warn(
          `repository skipped: custom property ${JSON.stringify(name)} has several values ` +
            `(${items.map((v) => JSON.stringify(v)).join(', ')}); a tag has one value`,
        );
        skip = true;
        continue;
      }
      text = items[0] ?? null;
    } else {
      warn(`repository skipped: custom property ${JSON.stringify(name)} has a value that is not text`);
      skip = true;
      continue;
    }
    if (text === null || text === '') continue;
    if (text.length > MAX_TAG_VALUE) {
      warn(
        `repository skipped: custom property ${JSON.stringify(name)} is longer than ${MAX_TAG_VALUE} characters`,
      );
      skip = true;
      continue;
    }
    const earlier = tags[key];
    if (earlier !== undefined && earlier !== text) {
      warn(
        `repository skipped: custom properties ${JSON.stringify(from[key])} and ${JSON.stringify(name)} ` +
          `are both tag ${key} with different values`,
      );
      skip = true;
      continue;
    }
    tags[key] = text;
    from[key] = name;
  }
  return skip ? null : tags;
}

/** Drop discovered resources that a declared resource shadows (same id or same repository). */
export function shadowDeclared(
  declared: readonly Resource[],
  discovered: readonly Resource[],
): { resources: Resource[]; conflicts: DiscoverConflict[] } {
  const byId = new Map<string, Resource>();
  const byRepo = new Map<string, Resource>();
  for (const r of declared) {
    byId.set(r.id.toLowerCase(), r);
    const repo = r.provider === 'github' ? r.config['repository'] : undefined;
    if (typeof repo === 'string' && !byRepo.has(repo.toLowerCase())) byRepo.set(repo.toLowerCase(), r);
  }
  const resources: Resource[] = [];
  const conflicts: DiscoverConflict[] = [];
  const kept = new Set<string>();
  for (const r of discovered) {
    const repository = String(r.config['repository']);
    const sameId = byId.get(r.id.toLowerCase());
    const sameRepo = byRepo.get(repository.toLowerCase());
    const winner = sameId ?? sameRepo;
    if (winner !== undefined) {
      conflicts.push({
        id: r.id,
        repository,
        declared: winner.id,
        message:
          sameId !== undefined
            ? `discovered resource ${r.id} ignored: a resource with the same id is declared in ${winner.source.file}`
            : `discovered resource ${r.id} ignored: resource ${winner.id} (${winner.source.file}) already manages repository ${repository}`,
      });
      continue;
    }
    if (kept.has(r.id.toLowerCase())) continue;
    kept.add(r.id.toLowerCase());
    resources.push(r);
  }
  return { resources, conflicts };
}
