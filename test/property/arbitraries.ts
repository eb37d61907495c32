/**
 * fast-check arbitraries for the property tests: small random "worlds" (resources, people,
 * groups, team memberships, policies) over a small vocabulary, so that selectors, requesters
 * and policies collide often. Shared by policy.test.ts and cedar.test.ts.
 */
import fc from 'fast-check';
import type {
  AccessRule,
  ApprovalRule,
  ExpressionOperator,
  GrantRequest,
  MatchValue,
  Person,
  Policy,
  PrincipalSelector,
  Resource,
  TagExpression,
  TagSelector,
} from '../../src/core/model.js';
import type { Directory } from '../../src/core/principals.js';
import { access, allow, deny, grant, person, resource, snapshot } from '../helpers/model.js';

export const TAG_KEYS = ['env', 'team', 'kind', 'sensitive'] as const;
/** Keys a selector may name that no resource has (inherited names included). */
export const SELECTOR_ONLY_KEYS = ['region', 'constructor', 'toString'] as const;
export const TAG_VALUES = [
  'production',
  'staging',
  'prod-eu',
  'billing',
  'platform',
  'db',
  'pii',
  'a.b',
] as const;
export const LOGINS = ['alice', 'bob', 'carol', 'dave', 'erin'] as const;
/** Requesters that are not in `people:` at all. */
export const STRANGERS = ['mallory'] as const;
export const LEVELS = ['read', 'write', 'admin'] as const;
export const GROUPS = ['sre', 'dba', 'everyone'] as const;
export const TEAMS = ['acme/oncall'] as const;

/** How much glob syntax selectors may use: all of it, only `*` (Cedar has `like` for `*`), or none. */
export type GlobMode = 'full' | 'star' | 'none';

/** A login in a random letter case (logins compare case-insensitively). */
export const anyCase = (login: string): fc.Arbitrary<string> =>
  fc.constantFrom(login, login.toUpperCase(), login[0]!.toUpperCase() + login.slice(1));

export const tagsArb: fc.Arbitrary<Record<string, string>> = fc.dictionary(
  fc.constantFrom(...TAG_KEYS),
  fc.constantFrom(...TAG_VALUES),
  { maxKeys: 4 },
);

export function patternArb(globs: GlobMode): fc.Arbitrary<string> {
  const literal = fc.constantFrom(...TAG_VALUES);
  if (globs === 'none') return literal;
  const star = fc.constantFrom('prod*', '*', '*-eu', 'p*o*', '*a*', 'a.*', 'bil*ing');
  if (globs === 'star') return fc.oneof(literal, star);
  return fc.oneof(literal, star, fc.constantFrom('st?ging', '?b', 'a?b', 'd?'));
}

export function matchValueArb(globs: GlobMode): fc.Arbitrary<MatchValue> {
  return fc.oneof(patternArb(globs), fc.array(patternArb(globs), { minLength: 1, maxLength: 3 }));
}

export const expressionArb: fc.Arbitrary<TagExpression> = fc.oneof(
  fc.record({
    key: fc.constantFrom(...TAG_KEYS, ...SELECTOR_ONLY_KEYS),
    operator: fc.constantFrom<ExpressionOperator>('In', 'NotIn'),
    values: fc.array(fc.constantFrom(...TAG_VALUES), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    key: fc.constantFrom(...TAG_KEYS, ...SELECTOR_ONLY_KEYS),
    operator: fc.constantFrom<ExpressionOperator>('Exists', 'DoesNotExist'),
  }),
);

export function selectorArb(globs: GlobMode): fc.Arbitrary<TagSelector> {
  return fc.record(
    {
      match: fc.dictionary(fc.constantFrom(...TAG_KEYS, ...SELECTOR_ONLY_KEYS), matchValueArb(globs), {
        maxKeys: 3,
      }),
      expressions: fc.array(expressionArb, { maxLength: 3 }),
    },
    { requiredKeys: [] },
  );
}

/** Requester / approver selectors. `globs` applies to `{ tags }` values. */
export function principalArb(globs: GlobMode): fc.Arbitrary<PrincipalSelector> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...LOGINS, ...STRANGERS).chain(anyCase) },
    { weight: 3, arbitrary: fc.constantFrom(...GROUPS, 'everyone', 'nobody').map((g) => `group:${g}`) },
    fc.constantFrom('@acme/oncall', '@ACME/OnCall', '@acme/unknown'),
    {
      weight: 2,
      arbitrary: fc
        .dictionary(fc.constantFrom(...TAG_KEYS, 'role'), matchValueArb(globs), { maxKeys: 2 })
        .map((tags) => ({ tags })),
    },
    {
      weight: 2,
      arbitrary: fc
        .uniqueArray(fc.constantFrom(...TAG_KEYS), { maxLength: 2 })
        .map((keys) => ({ same_tags: keys })),
    },
  );
}

const approvalArb: fc.Arbitrary<ApprovalRule> = fc.oneof(
  fc.record({
    from: fc.array(
      fc.oneof(
        fc.constantFrom(...GROUPS).map((g) => `group:${g}`),
        fc.constantFrom(...LOGINS),
      ),
      { minLength: 1, maxLength: 2 },
    ),
    count: fc.integer({ min: 1, max: 2 }),
  }),
  fc.record({ from: fc.constant('codeowners' as const), count: fc.integer({ min: 1, max: 2 }) }),
);

export const accessRuleArb: fc.Arbitrary<AccessRule> = fc
  .tuple(fc.constantFrom('1h', '4h', '8h', '1d'), fc.array(approvalArb, { maxLength: 2 }))
  .map(([max, approvals]) => access(max, approvals));

/** A selector built to match `r`: some of its tags (exact, glob, any-of) and expressions that hold. */
export function selectorFor(r: Resource, globs: GlobMode = 'full'): fc.Arbitrary<TagSelector> {
  const tags = Object.entries(r.tags);
  const missing = [...TAG_KEYS, 'region'].filter((k) => !Object.hasOwn(r.tags, k));
  const cond = fc.oneof(
    ...(tags.length
      ? [
          fc
            .constantFrom(...tags)
            .chain(([k, v]) =>
              fc.constantFrom<TagSelector>(
                { match: { [k]: v } },
                { match: { [k]: ['nope', v] } },
                { expressions: [{ key: k, operator: 'In', values: ['nope', v] }] },
                { expressions: [{ key: k, operator: 'Exists' }] },
                { expressions: [{ key: k, operator: 'NotIn', values: TAG_VALUES.filter((x) => x !== v) }] },
                ...(globs === 'none' ? [] : [{ match: { [k]: `${v.slice(0, 2)}*` } }]),
                ...(globs === 'full' ? [{ match: { [k]: v.length > 1 ? `?${v.slice(1)}` : '?' } }] : []),
              ),
            ),
        ]
      : []),
    ...(missing.length
      ? [
          fc
            .constantFrom(...missing)
            .chain((k) =>
              fc.constantFrom<TagSelector>(
                { expressions: [{ key: k, operator: 'DoesNotExist' }] },
                { expressions: [{ key: k, operator: 'NotIn', values: ['production'] }] },
              ),
            ),
        ]
      : []),
  );
  return fc.array(cond, { minLength: 1, maxLength: 3 }).map((parts) => ({
    match: Object.assign({}, ...parts.map((p) => p.match ?? {})),
    expressions: parts.flatMap((p) => p.expressions ?? []),
  }));
}

export interface PolicyOptions {
  globs: GlobMode;
  /** Generate `require` blocks (ticket pattern, reason). */
  requires: boolean;
  /** Glob syntax in `{ tags }` requester values (default: as `globs`). */
  principalGlobs?: GlobMode;
}

export interface WorldOptions extends PolicyOptions {
  maxResources?: number;
  maxPolicies?: number;
  /** Aim about half of the policies at one of the world's resources (so policies overlap). */
  aimed?: boolean;
}

export function policyArb(name: string, opts: PolicyOptions): fc.Arbitrary<Policy> {
  const allowArb = fc
    .record(
      {
        resources: selectorArb(opts.globs),
        requesters: fc.array(principalArb(opts.principalGlobs ?? opts.globs), { minLength: 1, maxLength: 3 }),
        levels: fc.dictionary(fc.constantFrom(...LEVELS), accessRuleArb, { minKeys: 1, maxKeys: 3 }),
        require: opts.requires
          ? fc.option(
              fc.record({ ticket: fc.constant('^INC-[0-9]+$'), reason: fc.boolean() }, { requiredKeys: [] }),
              { nil: undefined },
            )
          : fc.constant(undefined),
      },
      { requiredKeys: ['resources', 'requesters', 'levels'] },
    )
    .map(({ resources, requesters, levels, require }) =>
      allow(name, resources, requesters, levels, require ? { require } : {}),
    );
  const denyArb = fc
    .tuple(
      selectorArb(opts.globs),
      fc.array(principalArb(opts.principalGlobs ?? opts.globs), { minLength: 1, maxLength: 3 }),
    )
    .map(([resources, requesters]) => deny(name, resources, requesters));
  return fc.oneof({ weight: 3, arbitrary: allowArb }, { weight: 1, arbitrary: denyArb });
}

export interface World {
  resources: Resource[];
  people: Person[];
  groups: Record<string, string[]>;
  /** `org/slug` → active members (as PR facts would give them). */
  teams: Record<string, string[]>;
  policies: Policy[];
}

const membersArb = fc
  .subarray([...LOGINS, ...STRANGERS])
  .chain((logins) => (logins.length ? fc.tuple(...logins.map(anyCase)) : fc.constant([] as string[])));

export function worldArb(opts: WorldOptions): fc.Arbitrary<World> {
  return fc
    .record({
      resourceTags: fc.array(tagsArb, { minLength: 1, maxLength: opts.maxResources ?? 10 }),
      people: fc.uniqueArray(
        fc.record({
          login: fc.constantFrom(...LOGINS),
          tags: fc.dictionary(
            fc.constantFrom(...TAG_KEYS, 'role'),
            fc.uniqueArray(fc.constantFrom(...TAG_VALUES, 'contractor'), { minLength: 1, maxLength: 3 }),
            { maxKeys: 3 },
          ),
        }),
        { selector: (p) => p.login, maxLength: LOGINS.length },
      ),
      sre: membersArb,
      dba: membersArb,
      oncall: membersArb,
      policyCount: fc.integer({ min: 0, max: opts.maxPolicies ?? 6 }),
    })
    .chain((w) => {
      const resources = w.resourceTags.map((t, i) => resource(`r${i}`, t));
      const one = (name: string) =>
        opts.aimed
          ? fc.oneof(
              policyArb(name, opts),
              fc
                .tuple(
                  policyArb(name, opts),
                  fc.constantFrom(...resources).chain((r) => selectorFor(r, opts.globs)),
                )
                .map(([p, sel]) => ({ ...p, resources: sel })),
            )
          : policyArb(name, opts);
      return fc.tuple(...Array.from({ length: w.policyCount }, (_, i) => one(`p${i}`))).map((policies) => ({
        resources,
        people: w.people.map((p) => person(p.login, p.tags)),
        groups: { sre: w.sre, dba: w.dba, everyone: [...LOGINS, ...STRANGERS] },
        teams: { 'acme/oncall': w.oncall },
        policies,
      }));
    });
}

export function directoryOf(world: World, policies: readonly Policy[] = world.policies): Directory {
  const snap = snapshot({ ...world, policies: [...policies] });
  return {
    people: snap.people,
    groups: snap.groups,
    teams: new Map(Object.entries(world.teams).map(([k, v]) => [k.toLowerCase(), v])),
  };
}

/**
 * Every single-resource request with benign fields (short duration, good reason and ticket):
 * person × resource × level, so the valid requests of a world are all visited.
 */
export function allSimpleRequests(world: World): GrantRequest[] {
  return [...LOGINS, ...STRANGERS].flatMap((requester) =>
    world.resources.flatMap((r) =>
      LEVELS.map((level) =>
        grant({ requester, resources: [r.id], access: level, duration: '30m', ticket: 'INC-42' }),
      ),
    ),
  );
}

/** A request against a world: ids (some unknown), selectors, any level, any duration. */
export function requestArb(world: World, globs: GlobMode = 'full'): fc.Arbitrary<GrantRequest> {
  const ids = world.resources.map((r) => r.id);
  const ref = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: fc.constant('no-such-resource') },
    {
      weight: 2,
      arbitrary: fc
        .dictionary(fc.constantFrom(...TAG_KEYS), matchValueArb(globs), { minKeys: 1, maxKeys: 2 })
        .map((match) => ({ match })),
    },
  );
  return fc
    .record({
      requester: fc.constantFrom(...LOGINS, ...STRANGERS).chain(anyCase),
      resources: fc.array(ref, { minLength: 1, maxLength: 3 }),
      access: fc.constantFrom(...LEVELS, 'none'),
      duration: fc.constantFrom('30m', '1h', '4h', '1d', '2d', 'PT8H'),
      reason: fc.constantFrom('INC-7: investigate a failed export', 'short', ''),
      ticket: fc.option(fc.constantFrom('INC-42', 'nope'), { nil: undefined }),
    })
    .map(({ ticket, ...fields }) => grant({ ...fields, ...(ticket === undefined ? {} : { ticket }) }));
}
