/**
 * gitgrant policies → Cedar (https://www.cedarpolicy.com), for the differential test
 * (test/property/cedar.test.ts) and the benchmark (bench/cedar.ts). Pure: text and entity
 * JSON only; callers load `@cedar-policy/cedar-wasm` themselves.
 *
 * Only the ELIGIBILITY part of a policy is translated: its resource selector, its requesters and
 * the access levels it offers (not durations, approvals or `require`). The decision it encodes,
 * for a (person, resource, access) request, is gitgrant's (DESIGN.md §3):
 *
 *   allowed  ⇔  no matching deny policy names the person
 *            ∧  at least one allow policy matches the resource
 *            ∧  EVERY matching allow policy names the person and offers the access level
 *
 * Cedar permits when ANY permit applies and no forbid does, so each allow policy P becomes
 *   permit (principal, action, resource) when { P matches ∧ P names principal ∧ P offers action };
 *   forbid (principal, action, resource) when { P matches ∧ ¬(P names principal ∧ P offers action) };
 * and each deny policy D becomes
 *   forbid (principal, action, resource) when { D matches ∧ D names principal };
 *
 * Entities: `User::"<login, lower case>"` with `tags` (a record of sets) and parents
 * `Group::"<name>"` / `Team::"<org/slug>"`; `Resource::"<id>"` with `tags` (a record of strings);
 * `Action::"<level>"`. Every attribute read is guarded by `has`, so no policy can error (an
 * erroring forbid would be skipped by Cedar and fail open).
 *
 * Not translatable (the caller must not generate them): `?` globs (Cedar's `like` has only `*`)
 * and globs in `{ tags }` requester values (Cedar cannot `like` the elements of a set).
 */
import {
  loginKey,
  type MatchValue,
  type Person,
  type Policy,
  type PrincipalSelector,
  type Resource,
  type TagSelector,
} from '../../src/core/model.js';
import { isGlob } from '../../src/core/selector.js';

export interface CedarUid {
  type: string;
  id: string;
}

export interface CedarEntity {
  uid: CedarUid;
  attrs: Record<string, unknown>;
  parents: CedarUid[];
}

export class CedarUnsupported extends Error {}

/** A Cedar string literal. Cedar escapes: \\ \" \n \r \t \0 and \u{…}. */
export function cedarString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\\' || ch === '"') out += `\\${ch}`;
    else if (cp < 0x20 || cp === 0x7f) out += `\\u{${cp.toString(16)}}`;
    else out += ch;
  }
  return `${out}"`;
}

/** A `like` pattern: `*` is Cedar's wildcard too; a literal `*` would be `\*` (globs have none). */
function cedarLike(glob: string): string {
  if (glob.includes('?'))
    throw new CedarUnsupported(`\`?\` glob ${JSON.stringify(glob)} has no Cedar equivalent`);
  return cedarString(glob);
}

const uid = (type: string, id: string) => `${type}::${cedarString(id)}`;

function tagTest(subject: 'resource', key: string, want: MatchValue): string {
  const patterns = typeof want === 'string' ? [want] : [...want];
  if (patterns.length === 0) return 'false';
  const ref = `${subject}.tags[${cedarString(key)}]`;
  const alts = patterns.map((p) =>
    isGlob(p) ? `${ref} like ${cedarLike(p)}` : `${ref} == ${cedarString(p)}`,
  );
  return `(${subject}.tags has ${cedarString(key)} && (${alts.join(' || ')}))`;
}

/** A tag selector as a Cedar condition on `resource`. An empty selector matches nothing. */
export function selectorCondition(sel: TagSelector): string {
  const parts: string[] = [];
  for (const [key, want] of Object.entries(sel.match ?? {})) parts.push(tagTest('resource', key, want));
  for (const e of sel.expressions ?? []) {
    const has = `resource.tags has ${cedarString(e.key)}`;
    const set = `[${(e.values ?? []).map(cedarString).join(', ')}]`;
    const ref = `resource.tags[${cedarString(e.key)}]`;
    switch (e.operator) {
      case 'Exists':
        parts.push(`(${has})`);
        break;
      case 'DoesNotExist':
        parts.push(`!(${has})`);
        break;
      case 'In':
        parts.push(`(${has} && ${set}.contains(${ref}))`);
        break;
      case 'NotIn':
        parts.push(`(!(${has}) || !(${set}.contains(${ref})))`);
        break;
    }
  }
  return parts.length ? parts.join(' && ') : 'false';
}

/** One principal selector as a Cedar condition on `principal` (and `resource` for same_tags). */
export function principalCondition(sel: PrincipalSelector): string {
  if (typeof sel === 'string') {
    if (sel.startsWith('group:')) return `principal in ${uid('Group', sel.slice('group:'.length))}`;
    if (sel.startsWith('@')) return `principal in ${uid('Team', sel.slice(1).toLowerCase())}`;
    return `principal == ${uid('User', loginKey(sel))}`;
  }
  if ('tags' in sel) {
    const entries = Object.entries(sel.tags);
    if (entries.length === 0) return 'false';
    return entries
      .map(([key, want]) => {
        const patterns = typeof want === 'string' ? [want] : [...want];
        if (patterns.some(isGlob))
          throw new CedarUnsupported('globs in `{ tags }` requesters have no Cedar equivalent');
        if (patterns.length === 0) return 'false';
        const ref = `principal.tags[${cedarString(key)}]`;
        return `(principal.tags has ${cedarString(key)} && (${patterns.map((p) => `${ref}.contains(${cedarString(p)})`).join(' || ')}))`;
      })
      .join(' && ');
  }
  if (sel.same_tags.length === 0) return 'false';
  return sel.same_tags
    .map((key) => {
      const k = cedarString(key);
      return `(resource.tags has ${k} && principal.tags has ${k} && principal.tags[${k}].contains(resource.tags[${k}]))`;
    })
    .join(' && ');
}

export function requestersCondition(selectors: readonly PrincipalSelector[]): string {
  return selectors.length ? selectors.map((s) => `(${principalCondition(s)})`).join(' || ') : 'false';
}

/** The policy set, as Cedar text (two Cedar policies per allow policy, one per deny policy). */
export function translatePolicies(policies: readonly Policy[]): string {
  const out: string[] = [];
  for (const p of policies) {
    const matches = selectorCondition(p.resources);
    const names = requestersCondition(p.requesters);
    const id = (suffix: string) => `@id(${cedarString(`${p.name}${suffix}`)})`;
    if (p.effect === 'deny') {
      out.push(`${id(':deny')}\nforbid (principal, action, resource)\nwhen { (${matches}) && (${names}) };`);
      continue;
    }
    const levels = Object.keys(p.access);
    const offers = levels.length ? `action in [${levels.map((l) => uid('Action', l)).join(', ')}]` : 'false';
    out.push(
      `${id(':permit')}\npermit (principal, action, resource)\nwhen { (${matches}) && (${names}) && (${offers}) };`,
      `${id(':every-allow-must-allow')}\nforbid (principal, action, resource)\nwhen { (${matches}) && !((${names}) && (${offers})) };`,
    );
  }
  return out.join('\n\n');
}

export interface CedarDirectory {
  /** Keyed by lower-case login. */
  people: ReadonlyMap<string, Person>;
  groups: ReadonlyMap<string, readonly string[]>;
  /** `org/slug` (lower case) → active members. */
  teams: ReadonlyMap<string, readonly string[]>;
  resources: readonly Resource[];
}

export interface CedarEntities {
  user(login: string): CedarEntity;
  resource(id: string): CedarEntity;
  /** The entities one request needs: the principal (with its parents) and the resource. */
  forRequest(login: string, resourceId: string): CedarEntity[];
  /** Everything (for whole-store use). */
  all(): CedarEntity[];
}

export function translateEntities(dir: CedarDirectory): CedarEntities {
  const parents = new Map<string, CedarUid[]>();
  const addParent = (login: string, p: CedarUid) => {
    const k = loginKey(login);
    const list = parents.get(k) ?? [];
    if (!list.some((x) => x.type === p.type && x.id === p.id)) list.push(p);
    parents.set(k, list);
  };
  for (const [name, members] of dir.groups)
    for (const m of members) addParent(m, { type: 'Group', id: name });
  for (const [team, members] of dir.teams)
    for (const m of members) addParent(m, { type: 'Team', id: team.toLowerCase() });

  const users = new Map<string, CedarEntity>();
  const user = (login: string): CedarEntity => {
    const k = loginKey(login);
    let e = users.get(k);
    if (!e) {
      const person = dir.people.get(k);
      const tags: Record<string, string[]> = {};
      for (const [key, values] of Object.entries(person?.tags ?? {})) tags[key] = [...values];
      e = { uid: { type: 'User', id: k }, attrs: { tags }, parents: parents.get(k) ?? [] };
      users.set(k, e);
    }
    return e;
  };
  const resources = new Map<string, CedarEntity>(
    dir.resources.map((r) => [
      r.id,
      { uid: { type: 'Resource', id: r.id }, attrs: { tags: { ...r.tags } }, parents: [] },
    ]),
  );
  const resource = (id: string): CedarEntity => {
    const e = resources.get(id);
    if (!e) throw new Error(`unknown resource ${id}`);
    return e;
  };
  return {
    user,
    resource,
    forRequest: (login, id) => [user(login), resource(id)],
    all: () => {
      const everyone = new Set([...dir.people.keys(), ...parents.keys()]);
      return [...[...everyone].map(user), ...resources.values()];
    },
  };
}

/** The Cedar request for (person, resource, access). */
export function cedarRequest(login: string, resourceId: string, level: string) {
  return {
    principal: { type: 'User', id: loginKey(login) },
    action: { type: 'Action', id: level },
    resource: { type: 'Resource', id: resourceId },
    context: {},
  };
}
