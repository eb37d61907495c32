/**
 * Principal selectors: who a rule is about. Used for requesters (policy eligibility) and for
 * approvers (approval slots).
 *
 *   alice            a login (case-insensitive)
 *   group:sre        a group defined in policies/ (`groups:`)
 *   @acme/sre        a GitHub team; members come from the facts (active memberships only)
 *   { tags: {...} }  people (policies/ `people:`) whose tags match
 *   { same_tags: [team] }  requester only: the person's KEY values include the resource's KEY value
 */
import { loginKey } from './model.js';
import type { Person, PrincipalSelector, ResourceTags } from './model.js';
import { matchValueAccepts } from './selector.js';

export interface Directory {
  /** Keyed by lower-case login. */
  people: ReadonlyMap<string, Person>;
  groups: ReadonlyMap<string, readonly string[]>;
  /** `org/slug` (lower case) → logins of *active* members. Absent team = membership unknown. */
  teams: ReadonlyMap<string, readonly string[]>;
}

export function emptyDirectory(): Directory {
  return { people: new Map(), groups: new Map(), teams: new Map() };
}

export function teamKey(selector: string): string {
  return selector.replace(/^@/, '').toLowerCase();
}

export function describePrincipal(sel: PrincipalSelector): string {
  if (typeof sel === 'string') return sel;
  if ('tags' in sel) {
    return `people with ${Object.entries(sel.tags)
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : v.join('|')}`)
      .join(', ')}`;
  }
  return `same ${sel.same_tags.join(', ')} as the resource`;
}

function personTagsMatch(
  person: Person | undefined,
  want: Readonly<Record<string, string | readonly string[]>>,
) {
  if (!person) return false;
  const entries = Object.entries(want);
  if (entries.length === 0) return false; // an empty selector matches nobody
  return entries.every(([key, value]) => {
    const have = Object.hasOwn(person.tags, key) ? person.tags[key] : undefined;
    return have !== undefined && matchValueAccepts(value, have);
  });
}

function sameTags(person: Person | undefined, keys: readonly string[], resourceTags?: ResourceTags) {
  if (!person || !resourceTags || keys.length === 0) return false;
  return keys.every((key) => {
    const want = Object.hasOwn(resourceTags, key) ? resourceTags[key] : undefined;
    const have = Object.hasOwn(person.tags, key) ? person.tags[key] : undefined;
    return want !== undefined && have !== undefined && have.includes(want);
  });
}

/**
 * Does `login` satisfy `sel`? `resourceTags` is needed for `same_tags` only; without it
 * `same_tags` matches nobody (fail closed).
 */
export function principalMatches(
  sel: PrincipalSelector,
  login: string,
  dir: Directory,
  resourceTags?: ResourceTags,
): boolean {
  const key = loginKey(login);
  if (typeof sel === 'string') {
    if (sel.startsWith('group:')) {
      const members = dir.groups.get(sel.slice('group:'.length));
      return !!members && members.some((m) => loginKey(m) === key);
    }
    if (sel.startsWith('@')) {
      const members = dir.teams.get(teamKey(sel));
      return !!members && members.some((m) => loginKey(m) === key);
    }
    return loginKey(sel) === key;
  }
  const person = dir.people.get(key);
  if ('tags' in sel) return personTagsMatch(person, sel.tags);
  return sameTags(person, sel.same_tags, resourceTags);
}

/**
 * Everyone known to match `sel` (for "who can approve" listings). Team members come from
 * the directory; tag selectors range over `people:`.
 */
export function expandPrincipal(
  sel: PrincipalSelector,
  dir: Directory,
  resourceTags?: ResourceTags,
): string[] {
  if (typeof sel === 'string') {
    if (sel.startsWith('group:')) return [...(dir.groups.get(sel.slice('group:'.length)) ?? [])];
    if (sel.startsWith('@')) return [...(dir.teams.get(teamKey(sel)) ?? [])];
    return [sel];
  }
  return [...dir.people.values()]
    .filter((p) => principalMatches(sel, p.login, dir, resourceTags))
    .map((p) => p.login);
}

/** Team selectors named anywhere in a list (so adapters can fetch exactly those memberships). */
export function teamsNamed(selectors: readonly PrincipalSelector[]): string[] {
  return selectors.filter((s): s is string => typeof s === 'string' && s.startsWith('@')).map(teamKey);
}
