/**
 * Discovery of repositories and their custom properties against the loopback GitHub fake.
 */
import { syntheticSource } from '../../src/core/errors.js';
import type { DiscoverRule, Resource } from '../../src/core/model.js';
import { buildDiscovered, discoverResources, shadowDeclared, tagsOf } from '../../src/providers/discover.js';
import { createGitHubClient } from '../../src/providers/github.js';
import { ProviderError } from '../../src/providers/types.js';
import { startFakeGitHub, type FakeGitHub } from '../fake-github/server.js';

const RULE: DiscoverRule = { provider: 'github', org: 'acme', tags_from: 'custom_properties' };

let gh: FakeGitHub;

function client(token = 'tok') {
  return createGitHubClient(token, { retryBaseMs: 1, retries: 0, apiUrl: gh.url });
}

function declared(
  id: string,
  config: Record<string, unknown>,
  provider: Resource['provider'] = 'github',
): Resource {
  return {
    id,
    provider,
    tags: { env: 'production' },
    config,
    baseline: [],
    prune: false,
    source: syntheticSource('policies/resources.yaml'),
    path: ['resources', 0],
  };
}

beforeEach(async () => {
  gh = await startFakeGitHub({ pageSize: 30 });
  gh.state.createOrg('acme');
});

afterEach(async () => {
  expect(gh.unexpectedRequests()).toEqual([]);
  await gh.close();
});

describe('discoverResources', () => {
  it('turns every repository into github:ORG/NAME with tags from custom properties, across pages', async () => {
    gh.state.createRepo('acme/web', { customProperties: { Env: 'production', team: 'frontend' } });
    gh.state.createRepo('acme/billing', {
      customProperties: {
        env: 'production',
        team: 'billing',
        'Bad Name': 'x',
        '9lives': 'y',
        owner_ok: null,
      },
    });
    gh.state.createRepo('acme/notebooks', { customProperties: { env: 'staging', kind: ['notebook'] } });
    gh.state.createRepo('acme/multi', {
      customProperties: { env: 'staging', sensitive: ['pii', 'finance'] },
    });
    gh.state.createRepo('acme/plain');
    gh.state.createRepo('other/elsewhere', { customProperties: { env: 'production' } });

    const result = await discoverResources(client(), [RULE], [], { perPage: 2 });

    expect(result.resources.map((r) => [r.id, r.tags])).toEqual([
      ['github:acme/billing', { env: 'production', team: 'billing' }],
      ['github:acme/notebooks', { env: 'staging', kind: 'notebook' }],
      ['github:acme/plain', {}],
      ['github:acme/web', { env: 'production', team: 'frontend' }],
    ]);
    const web = result.resources.find((r) => r.id === 'github:acme/web')!;
    expect(web).toMatchObject({
      provider: 'github',
      config: { repository: 'acme/web' },
      baseline: [],
      prune: false,
      path: ['discover', 0],
    });
    expect(web.source.file).toBe('discover:github:acme');

    expect(result.warnings).toEqual([
      {
        org: 'acme',
        repository: 'acme/billing',
        message: expect.stringMatching(/custom property "Bad Name" skipped: its name is not a tag key/),
      },
      {
        org: 'acme',
        repository: 'acme/billing',
        message: expect.stringMatching(/custom property "9lives" skipped/),
      },
      {
        org: 'acme',
        repository: 'acme/multi',
        message: expect.stringMatching(/repository skipped: custom property "sensitive" has several values/),
      },
    ]);
    expect(result.conflicts).toEqual([]);

    // Pagination: several pages of both listings (per_page=2).
    const repoPages = gh.requests.filter((r) => r.route === 'GET /orgs/{org}/repos');
    const valuePages = gh.requests.filter((r) => r.route === 'GET /orgs/{org}/properties/values');
    expect(repoPages.length).toBe(3);
    expect(valuePages.length).toBe(3);
    expect(repoPages[0]?.query).toMatchObject({ per_page: '2' });
  });

  it('skips archived repositories', async () => {
    gh.state.createRepo('acme/live', { customProperties: { env: 'production' } });
    gh.state.createRepo('acme/old', { customProperties: { env: 'production' } });
    // The fake always reports archived: false; answer the listing as GitHub would for an archived repo.
    gh.injectFault({
      method: 'GET',
      path: '/orgs/acme/repos',
      status: 200,
      body: [
        { id: 1, name: 'live', full_name: 'acme/live', archived: false },
        { id: 2, name: 'old', full_name: 'acme/old', archived: true },
      ],
    });
    const result = await discoverResources(client(), [RULE]);
    expect(result.resources.map((r) => r.id)).toEqual(['github:acme/live']);
  });

  it('declared resources win: same repository or same id, reported as conflicts', async () => {
    gh.state.createRepo('acme/web', { customProperties: { env: 'staging' } });
    gh.state.createRepo('acme/api', { customProperties: { env: 'staging' } });
    gh.state.createRepo('acme/docs', { customProperties: { env: 'staging' } });
    const result = await discoverResources(
      client(),
      [RULE, { ...RULE, org: 'ACME' }],
      [
        declared('frontend-web', { repository: 'Acme/Web' }),
        declared('github:acme/api', { repository: 'acme/api-v2' }),
        declared('db', { connection_env: 'X', roles: {} }, 'postgres'),
      ],
    );
    expect(result.resources.map((r) => r.id)).toEqual(['github:acme/docs']);
    expect(result.conflicts).toEqual([
      {
        id: 'github:acme/api',
        repository: 'acme/api',
        declared: 'github:acme/api',
        message: expect.stringMatching(/same id is declared in policies\/resources.yaml/),
      },
      {
        id: 'github:acme/web',
        repository: 'acme/web',
        declared: 'frontend-web',
        message: expect.stringMatching(/resource frontend-web .* already manages repository acme\/web/),
      },
    ]);
    // The second rule names the same organization (other case): read once.
    expect(gh.requests.filter((r) => r.route === 'GET /orgs/{org}/repos')).toHaveLength(1);
  });

  it('fails closed: 403 names the permission, 5xx is retryable, unknown org is not', async () => {
    gh.state.createRepo('acme/web');
    gh.state.tokens['limited'] = { login: 'gitgrant[bot]', type: 'Bot', permissions: { metadata: 'read' } };
    const denied = discoverResources(client('limited'), [RULE]);
    await expect(denied).rejects.toBeInstanceOf(ProviderError);
    await expect(denied).rejects.toMatchObject({ retryable: false, code: 'provider-permission' });
    await expect(denied).rejects.toThrow(/organization acme.*custom properties: read/);

    gh.injectFault({ path: '/orgs/acme/properties/values', status: 503 });
    await expect(discoverResources(client(), [RULE])).rejects.toMatchObject({ retryable: true });

    await expect(discoverResources(client(), [{ ...RULE, org: 'nobody' }])).rejects.toMatchObject({
      retryable: false,
      code: 'provider-not-found',
      message: expect.stringMatching(/organization nobody not found/),
    });
  });
});

describe('pure parts', () => {
  it('tagsOf: single-valued multi-select, empty values, colliding names', () => {
    const warnings: string[] = [];
    const warn = (m: string) => warnings.push(m);
    expect(
      tagsOf(
        [
          { property_name: 'Team', value: ['billing'] },
          { property_name: 'empty', value: [] },
          { property_name: 'blank', value: '' },
          { property_name: 'env', value: 'prod' },
          { property_name: 'ENV', value: 'prod' },
        ],
        warn,
      ),
    ).toEqual({ team: 'billing', env: 'prod' });
    expect(warnings).toEqual([]);

    expect(
      tagsOf(
        [
          { property_name: 'env', value: 'prod' },
          { property_name: 'Env', value: 'staging' },
        ],
        warn,
      ),
    ).toBeNull();
    expect(warnings[0]).toMatch(/"env" and "Env" are both tag env with different values/);

    expect(tagsOf([{ property_name: 'note', value: 'x'.repeat(257) }], warn)).toBeNull();
    expect(tagsOf([{ property_name: 'a'.repeat(64), value: 'x' }], warn)).toEqual({});
  });

  it('buildDiscovered is deterministic (sorted) and shadowDeclared de-duplicates ids', () => {
    const built = buildDiscovered(
      RULE,
      2,
      [
        { name: 'b', full_name: 'acme/b' },
        { name: 'a', full_name: 'acme/a' },
      ],
      [],
    );
    expect(built.resources.map((r) => [r.id, r.path])).toEqual([
      ['github:acme/a', ['discover', 2]],
      ['github:acme/b', ['discover', 2]],
    ]);
    const twice = shadowDeclared([], [...built.resources, ...built.resources]);
    expect(twice.resources).toHaveLength(2);
  });
});
