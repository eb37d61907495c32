import { readFileSync } from 'node:fs';
import { parseYaml } from '../../../src/load/safe-yaml.js';
import { checkSchema, pointerToPath } from '../../../src/load/schema-check.js';
import { execFileSync } from 'node:child_process';
import grantSchema from '../../../schemas/grant.schema.json' with { type: 'json' };
import policiesSchema from '../../../schemas/policies.schema.json' with { type: 'json' };

const SCHEMAS = { grant: grantSchema, policies: policiesSchema };
import { at, enc } from './helpers.js';

function check(kind: 'grant' | 'policies', text: string) {
  const r = parseYaml(enc(text), 'f.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return checkSchema(kind, r.value, r.source);
}

const GRANT = 'requester: alice\nreason: r\naccess: read\nduration: 4h\nresources: [db]\n';

describe('grant schema errors point at the right place', () => {
  test.each([
    [
      'unknown key (at the key)',
      `${GRANT}foo: 1\n`,
      'schema@6:1',
      'unknown key `foo` (allowed: requester, reason, access, duration, resources, ticket, extends)',
    ],
    [
      'unknown nested key',
      GRANT.replace('[db]', '[{match: {env: x}, extra: 1}]'),
      'schema@5:31',
      'unknown key `extra` in `resources[0]` (allowed: match)',
    ],
    [
      'missing required key (at the parent)',
      GRANT.replace('reason: r\n', ''),
      'schema@1:1',
      'missing required key `reason`',
    ],
    [
      'wrong type',
      GRANT.replace('requester: alice', 'requester: 5'),
      'schema@1:12',
      '`requester` must be a string (found the number 5)',
    ],
    [
      'list instead of string',
      GRANT.replace('access: read', 'access: [read]'),
      'schema@3:9',
      '`access` must be a string (found a list)',
    ],
    [
      'bad login',
      GRANT.replace('requester: alice', 'requester: al_ice'),
      'schema@1:12',
      '`requester` "al_ice" is not a GitHub login (letters, digits and single hyphens, at most 39 characters)',
    ],
    ['empty resources', GRANT.replace('[db]', '[]'), 'schema@5:12', '`resources` must have at least 1 item'],
    [
      'resource neither id nor selector',
      GRANT.replace('[db]', '[7]'),
      'schema@5:13',
      '`resources[0]` must be a string or a mapping (key: value) (found the number 7)',
    ],
    [
      'bad match value',
      GRANT.replace('[db]', '[{match: {env: 5}}]'),
      'schema@5:27',
      '`resources[0].match.env` must be a string or a list (found the number 5)',
    ],
    ['blank reason', GRANT.replace('reason: r', 'reason: "  "'), 'schema@2:9', '`reason` must not be blank'],
    ['whole file a list', '- a\n', 'schema@1:1', 'the file must be a mapping (key: value) (found a list)'],
    [
      '__proto__ key',
      `${GRANT}__proto__: {}\n`,
      'schema@6:1',
      'unknown key `__proto__` (allowed: requester, reason, access, duration, resources, ticket, extends)',
    ],
    [
      '__proto__ tag key',
      GRANT.replace('[db]', '[{match: {__proto__: x}}]'),
      'schema@5:22',
      'invalid key `__proto__` in `resources[0].match`: must be a tag key (a lower case letter, then lower case letters, digits, _ . -; at most 63 characters)',
    ],
  ])('%s', (_name, text, where, message) => {
    const ds = check('grant', text);
    expect(ds.map(at)).toEqual([where]);
    expect(ds[0]!.message).toBe(message);
  });
});

const POLICY = `policies:
  - name: p
    resources: { match: { env: production } }
    requesters: [alice]
    access:
      read: { max_duration: 8h, approvals: [] }
`;

describe('policies schema', () => {
  test('the DESIGN.md example is valid', () => {
    expect(check('policies', readFileSync('test/fixtures/load/policies/main.yaml', 'utf8'))).toEqual([]);
  });

  test.each([
    [
      'deny with access',
      POLICY.replace('    requesters', '    effect: deny\n    requesters'),
      'schema@6:5',
      '`policies[0].access` is not allowed in a deny policy (a deny forbids every access level)',
    ],
    [
      'allow without access',
      POLICY.split('    access:')[0]!,
      'schema@2:5',
      'missing required key `access` in `policies[0]`',
    ],
    [
      'bad effect',
      POLICY.replace('    requesters', '    effect: permit\n    requesters'),
      'schema@4:13',
      '`policies[0].effect` must be one of: allow, deny (found "permit")',
    ],
    [
      'empty selector',
      POLICY.replace('{ match: { env: production } }', '{}'),
      'schema@3:16',
      '`policies[0].resources` must not be empty',
    ],
    [
      'Exists with values',
      POLICY.replace(
        '{ match: { env: production } }',
        '{ expressions: [{ key: a, operator: Exists, values: [x] }] }',
      ),
      'schema@3:60',
      '`policies[0].resources.expressions[0].values` is not allowed: only In and NotIn take values',
    ],
    [
      'In without values',
      POLICY.replace('{ match: { env: production } }', '{ expressions: [{ key: a, operator: In }] }'),
      'schema@3:32',
      'missing required key `values` in `policies[0].resources.expressions[0]`',
    ],
    [
      'In with empty values',
      POLICY.replace(
        '{ match: { env: production } }',
        '{ expressions: [{ key: a, operator: In, values: [] }] }',
      ),
      'schema@3:64',
      '`policies[0].resources.expressions[0].values` must have at least 1 item',
    ],
    [
      'from typo',
      POLICY.replace('approvals: []', 'approvals: [{ from: codeowner, count: 1 }]'),
      'schema@6:53',
      '`policies[0].access.read.approvals[0].from` "codeowner" is not `codeowners` (or write a list of approvers)',
    ],
    [
      'from a number',
      POLICY.replace('approvals: []', 'approvals: [{ from: 5, count: 1 }]'),
      'schema@6:53',
      '`policies[0].access.read.approvals[0].from` must be a string or a list (found the number 5)',
    ],
    [
      'count 0',
      POLICY.replace('approvals: []', 'approvals: [{ from: [bob], count: 0 }]'),
      'schema@6:67',
      '`policies[0].access.read.approvals[0].count` must be at least 1 (found the number 0)',
    ],
    [
      'same_tags as approver',
      POLICY.replace('approvals: []', 'approvals: [{ from: [{ same_tags: [team] }], count: 1 }]'),
      ['schema@6:54', 'schema@6:56'],
      [
        'missing required key `tags` in `policies[0].access.read.approvals[0].from[0]`',
        'unknown key `same_tags` in `policies[0].access.read.approvals[0].from[0]` (allowed: tags)',
      ],
    ],
    [
      'requester selector typo',
      POLICY.replace('[alice]', '[{ tag: { team: x } }]'),
      'schema@4:20',
      'unknown key `tag` in `policies[0].requesters[0]` (allowed: tags, same_tags)',
    ],
    [
      'bad principal',
      POLICY.replace('[alice]', '["group:Bad Name"]'),
      'schema@4:18',
      '`policies[0].requesters[0]` "group:Bad Name" is not a principal: a GitHub login, group:NAME or @ORG/TEAM',
    ],
    [
      'access level key',
      POLICY.replace('read:', 'Read:'),
      'schema@6:7',
      'invalid key `Read` in `policies[0].access`: must be a valid name (a lower case letter, then lower case letters, digits, _ -; at most 32 characters)',
    ],
    [
      'github config with both',
      'resources:\n  - { id: a, provider: github, config: { repository: a/b, team: a/c } }\n',
      'schema@2:40',
      '`resources[0].config` must have exactly one of: repository, team',
    ],
    [
      'postgres config key for webhook',
      'resources:\n  - { id: a, provider: webhook, config: { url: "https://x", secret_env: S, roles: {} } }\n',
      'schema@2:76',
      'unknown key `roles` in `resources[0].config` (allowed: url, secret_env, timeout)',
    ],
    [
      'secret in git',
      'resources:\n  - { id: a, provider: webhook, config: { url: "https://x", secret: hunter2 } }\n',
      ['schema@2:41', 'schema@2:61'],
      [
        'missing required key `secret_env` in `resources[0].config`',
        'unknown key `secret` in `resources[0].config` (allowed: url, secret_env, timeout)',
      ],
    ],
    [
      'unknown provider',
      'resources:\n  - { id: a, provider: ldap, config: {} }\n',
      'schema@2:24',
      '`resources[0].provider` must be one of: github, postgres, webhook (found "ldap")',
    ],
    [
      'prune not boolean',
      'resources:\n  - { id: a, provider: github, config: { team: a/b }, prune: "yes" }\n',
      'schema@2:62',
      '`resources[0].prune` must be true or false (found "yes")',
    ],
    [
      'baseline person',
      'resources:\n  - { id: a, provider: github, config: { team: a/b }, baseline: [{ person: "-x", access: read }] }\n',
      'schema@2:76',
      '`resources[0].baseline[0].person` "-x" is not a GitHub login (letters, digits and single hyphens, at most 39 characters)',
    ],
    [
      'group member',
      'groups:\n  sre: [bob, "not a login"]\n',
      'schema@2:14',
      '`groups.sre[1]` "not a login" is not a GitHub login (letters, digits and single hyphens, at most 39 characters)',
    ],
    [
      '__proto__ as login',
      'people:\n  __proto__: {}\n',
      'schema@2:3',
      'invalid key `__proto__` in `people`: must be a GitHub login (letters, digits and single hyphens, at most 39 characters)',
    ],
    [
      '__proto__ as group',
      'groups:\n  __proto__: []\n',
      'schema@2:3',
      'invalid key `__proto__` in `groups`: must be a group name (lower case letters, digits, _ . -; at most 64 characters)',
    ],
    [
      'revocation mode',
      'settings:\n  revocation: { mode: squash }\n',
      'schema@2:23',
      '`settings.revocation.mode` must be one of: pull-request, commit (found "squash")',
    ],
    [
      'unknown settings key',
      'settings:\n  admin: { from: codeowners, count: 1 }\n',
      'schema@2:3',
      'unknown key `admin` in `settings` (allowed: admins, revocation, notifications)',
    ],
    [
      'unknown top-level key',
      'policy: []\n',
      'schema@1:1',
      'unknown key `policy` (allowed: resources, discover, people, groups, policies, settings)',
    ],
  ])('%s', (_name, text, where, message) => {
    const ds = check('policies', text);
    expect(ds.map(at)).toEqual([where].flat());
    expect(ds.map((d) => d.message)).toEqual([message].flat());
  });

  test('diagnostics are ordered by position and not repeated', () => {
    const ds = check(
      'policies',
      'settings: { revocation: { mode: x } }\nresources: [{ id: A, provider: x }]\n',
    );
    expect(ds.map(at)).toEqual(['schema@1:33', 'schema@2:13', 'schema@2:19', 'schema@2:32']);
  });
});

describe('schemas/*.json', () => {
  function* walk(node: unknown, path: string): Generator<[string, Record<string, unknown>]> {
    if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${path}/${i}`));
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    yield [path, o];
    for (const [k, v] of Object.entries(o)) yield* walk(v, `${path}/${k}`);
  }
  test.each(Object.entries(SCHEMAS))(
    '%s: $id, title, description, and a description on every property',
    (_kind, schema) => {
      const s = schema as Record<string, unknown>;
      expect([typeof s.$id, typeof s.title, typeof s.description]).toEqual(['string', 'string', 'string']);
      const missing: string[] = [];
      for (const [path, o] of walk(schema, '#')) {
        if (o.properties && typeof o.properties === 'object') {
          for (const [k, p] of Object.entries(o.properties as Record<string, unknown>)) {
            if (
              typeof p === 'object' &&
              p &&
              !(p as { description?: string }).description &&
              path !== '#/allOf' &&
              !path.includes('/if') &&
              !path.includes('/then') &&
              !path.includes('/else')
            )
              missing.push(`${path}/properties/${k}`);
          }
        }
      }
      expect(missing).toEqual([]);
    },
  );

  test('the validators compiled at build time (src/load/validators.generated.js) are those of schemas/', () => {
    // Exits 1, naming the file, when a schema changed without `npm run build`.
    expect(() =>
      execFileSync(process.execPath, ['scripts/gen-validators.mjs', '--check'], { stdio: 'pipe' }),
    ).not.toThrow();
  });

  test('pointerToPath unescapes ~0 and ~1 and finds array indices', () => {
    expect(pointerToPath('/a~1b/0/c~0d', { 'a/b': [{}] })).toEqual(['a/b', 0, 'c~d']);
  });
});
