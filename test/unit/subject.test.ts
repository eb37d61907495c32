/**
 * subjectFor (src/providers/types.ts): the one place apply and reconcile turn a grant's login into
 * the subject a provider acts on. DESIGN.md §7 invariant 2 (the person bound by numeric id): the
 * id from `people:` must travel with every change, whatever the case of the login in the grant.
 */
import type { Person, Resource } from '../../src/core/model.js';
import { subjectFor } from '../../src/providers/types.js';

const resource = (provider: Resource['provider']): Resource =>
  ({ id: 'r', provider, tags: {}, config: {}, baseline: [], prune: false }) as unknown as Resource;

const people = new Map<string, Person>([
  ['alice', { login: 'alice', id: 101, tags: {}, identities: { postgres: 'alice_pg' } }],
  ['bob', { login: 'bob', tags: {}, identities: {} }],
]);

describe('subjectFor', () => {
  test.each([
    [
      'alice on postgres: id and the postgres identity',
      'alice',
      'postgres',
      { login: 'alice', id: 101, identity: 'alice_pg' },
    ],
    [
      'alice on github: id, identity defaults to the login',
      'alice',
      'github',
      { login: 'alice', id: 101, identity: 'alice' },
    ],
    [
      'ALICE (logins compare case-insensitively): the same id',
      'ALICE',
      'github',
      { login: 'ALICE', id: 101, identity: 'ALICE' },
    ],
    ['bob has no bound id: none is invented', 'bob', 'github', { login: 'bob', identity: 'bob' }],
    ['a login not in people: no id', 'mallory', 'webhook', { login: 'mallory', identity: 'mallory' }],
  ] as const)('%s', (_name, login, provider, want) => {
    expect(subjectFor(resource(provider), login, people)).toEqual(want);
  });
});
