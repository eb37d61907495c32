/**
 * Human messages for ajv errors. They name the place (`policies[0].access.read`) and say what
 * is expected in the file's own terms (a list, a mapping, a GitHub login) rather than ajv's.
 */
import type { ErrorObject } from 'ajv';
import type { DocPath } from '../core/errors.js';

/** `policies[0].access.read` — the path as a person would write it. */
export function humanPath(path: DocPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z0-9_@:/-]+$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

const LOGIN = '[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}';

/** What each pattern in schemas/*.json means, for messages (fallback: the pattern itself). */
const PATTERNS: Record<string, string> = {
  [`^${LOGIN}$`]: 'a GitHub login (letters, digits and single hyphens, at most 39 characters)',
  '^[a-z][a-z0-9_.-]{0,62}$':
    'a tag key (a lower case letter, then lower case letters, digits, _ . -; at most 63 characters)',
  '^[a-z][a-z0-9_-]{0,31}$':
    'a valid name (a lower case letter, then lower case letters, digits, _ -; at most 32 characters)',
  '^[a-z0-9][a-z0-9_.-]{0,63}$': 'a group name (lower case letters, digits, _ . -; at most 64 characters)',
  '^[a-z0-9][a-z0-9._-]{0,99}$': 'a valid name (lower case letters, digits, . _ -; at most 100 characters)',
  '^[A-Za-z_][A-Za-z0-9_]{0,127}$': 'an environment variable name (letters, digits, _)',
  '^(?:[1-9]|[1-5][0-9]|60)s$': 'a timeout in whole seconds from 1s to 60s (e.g. 30s)',
  '^[^\\u0000]{1,63}$': 'a PostgreSQL role name (no NUL character; at most 63 characters)',
  '^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$': 'a resource id',
  '\\S': 'blank',
  '^codeowners$': '`codeowners` (or write a list of approvers)',
  [`^(?:${LOGIN}|group:[a-z0-9][a-z0-9_.-]{0,63}|@${LOGIN}/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})$`]:
    'a principal: a GitHub login, group:NAME or @ORG/TEAM',
  [`^${LOGIN}/(?!\\.\\.?$)[A-Za-z0-9._-]{1,100}$`]: 'a repository OWNER/NAME',
  [`^${LOGIN}/[a-z0-9][a-z0-9_-]{0,99}$`]: 'a team ORG/SLUG (the slug in lower case)',
  '^https?://[^\\s/?#]+(?:[/?#]\\S*)?$': 'an http(s) URL',
  '^\\S{1,256}$': 'an account name (no spaces)',
};

function expected(type: string): string {
  switch (type) {
    case 'object':
      return 'a mapping (key: value)';
    case 'array':
      return 'a list';
    case 'integer':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'null':
      return 'empty';
    default:
      return `a ${type}`;
  }
}

export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'nothing (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'number') return Number.isInteger(v) ? `the number ${v}` : `the number ${v}`;
  if (typeof v === 'boolean') return `${v}`;
  return `"${String(v)}"`;
}

function or(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** The message for one (collapsed) ajv error at `where` (a human path, '' for the top). */
export function describeKeyword(e: ErrorObject, where: string, _root: unknown): string {
  const label = where ? `\`${where}\`` : 'the file';
  const inWhere = where ? ` in \`${where}\`` : '';
  const p = e.params as Record<string, unknown>;
  const parent = (typeof e.parentSchema === 'object' && e.parentSchema) || {};
  const propertyName = (e as ErrorObject & { propertyName?: string }).propertyName;
  if (propertyName !== undefined) {
    const what =
      e.keyword === 'pattern'
        ? (PATTERNS[String(p.pattern)] ?? `a key matching ${String(p.pattern)}`)
        : 'a valid key';
    return `invalid key \`${propertyName}\`${inWhere}: must be ${what}`;
  }
  switch (e.keyword) {
    case 'additionalProperties': {
      const allowed = Object.keys((parent as { properties?: object }).properties ?? {});
      return `unknown key \`${String(p.additionalProperty)}\`${inWhere} (allowed: ${allowed.join(', ')})`;
    }
    case 'required':
      return `missing required key \`${String(p.missingProperty)}\`${inWhere}`;
    case 'type': {
      const types = [p.type as string | string[]].flat().map(expected);
      return `${label} must be ${or(types)} (found ${describeValue(e.data)})`;
    }
    case 'enum':
      return `${label} must be one of: ${(p.allowedValues as unknown[]).join(', ')} (found ${describeValue(e.data)})`;
    case 'const':
      return `${label} must be \`${String(p.allowedValue)}\` (found ${describeValue(e.data)})`;
    case 'pattern': {
      const human = PATTERNS[String(p.pattern)];
      if (human === 'blank') return `${label} must not be blank`;
      return `${label} ${describeValue(e.data)} is not ${human ?? `valid (must match ${String(p.pattern)})`}`;
    }
    case 'minLength':
      return p.limit === 1
        ? `${label} must not be empty`
        : `${label} must be at least ${String(p.limit)} characters`;
    case 'maxLength':
      return `${label} must be at most ${String(p.limit)} characters`;
    case 'minItems':
      return `${label} must have at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}`;
    case 'maxItems':
      return `${label} must have at most ${String(p.limit)} items`;
    case 'minProperties':
    case 'maxProperties': {
      const s = parent as { minProperties?: number; maxProperties?: number; properties?: object };
      if (s.minProperties === 1 && s.maxProperties === 1) {
        return `${label} must have exactly one of: ${Object.keys(s.properties ?? {}).join(', ')}`;
      }
      return e.keyword === 'minProperties' && p.limit === 1
        ? `${label} must not be empty`
        : `${label} must have ${e.keyword === 'minProperties' ? 'at least' : 'at most'} ${String(p.limit)} keys`;
    }
    case 'minimum':
      return `${label} must be at least ${String(p.limit)} (found ${describeValue(e.data)})`;
    case 'maximum':
      return `${label} must be at most ${String(p.limit)} (found ${describeValue(e.data)})`;
    case 'false schema':
      return falseSchemaMessage(where);
    case 'oneOf':
    case 'anyOf':
      return `${label} matches none or several of the accepted forms`;
    default:
      return `${label} ${e.message ?? 'is invalid'}`;
  }
}

/** Keys that are forbidden only in some forms (a `false` schema in an if/then/else). */
function falseSchemaMessage(where: string): string {
  const key = where.split('.').pop() ?? where;
  if (key === 'values') return `\`${where}\` is not allowed: only In and NotIn take values`;
  if (key === 'access' || key === 'require') {
    return `\`${where}\` is not allowed in a deny policy (a deny forbids every access level)`;
  }
  return `\`${where}\` is not allowed here`;
}
