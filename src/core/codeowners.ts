/**
 * CODEOWNERS: our own parser and matcher, written to GitHub's documented rules ("About code
 * owners"). We do not use an npm parser because they disagree with GitHub where it matters for
 * approvals: several match case-insensitively, and several treat `dir/*` as gitignore does
 * (everything below `dir`), while GitHub matches only the files directly in `dir`.
 *
 * Rules, in short:
 *   - location: `.github/CODEOWNERS`, then `CODEOWNERS`, then `docs/CODEOWNERS`; the first found wins
 *   - `#` starts a comment at the start of a line or after whitespace; blank lines are ignored
 *   - a line is `PATTERN OWNER...`; the LAST matching line wins; a matching line without owners
 *     means the path has no owners
 *   - patterns follow gitignore except: `!` negation, `[ ]` ranges and a `\#` escape of a leading
 *     `#` do not work (GitHub documents all three as unsupported: we report the line and skip it,
 *     as GitHub skips invalid lines)
 *   - no slash, or only a trailing one: matches at any depth; a leading or inner slash anchors
 *     to the root; `*` and `?` stay within one path segment, `**` crosses segments; a trailing
 *     slash matches everything below that directory; a final lone `*` (`docs/*`) matches only
 *     the files directly in that directory; any other pattern also matches everything below a
 *     directory it names
 *   - matching is case-sensitive (GitHub's file system is)
 *   - owners: `@user`, `@org/team`, or an email address; any other token makes the line invalid
 */

/** GitHub searches these in order and uses the first that exists. */
export const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

/** GitHub does not load a CODEOWNERS file of 3 MB or more. */
export const CODEOWNERS_MAX_BYTES = 3 * 1024 * 1024;

export interface CodeownersRule {
  /** As written (escapes kept). */
  pattern: string;
  /** As written: `@user`, `@org/team`, `user@example.com`. Empty = the path has no owners. */
  owners: string[];
  /** 1-based line number in the file. */
  line: number;
  regex: RegExp;
}

export interface CodeownersError {
  line: number;
  column: number;
  message: string;
}

export interface ParsedCodeowners {
  file: string;
  rules: CodeownersRule[];
  errors: CodeownersError[];
}

export function pickCodeowners<T extends { path: string; text: string }>(candidates: readonly T[]): T | null {
  for (const location of CODEOWNERS_LOCATIONS) {
    const found = candidates.find((c) => c.path === location);
    if (found) return found;
  }
  return null;
}

const USER = /^@[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?$/;
const TEAM = /^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9_.-]+$/;
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;

export type OwnerKind = 'user' | 'team' | 'email';

export function ownerKind(owner: string): OwnerKind | null {
  if (USER.test(owner)) return 'user';
  if (TEAM.test(owner)) return 'team';
  if (EMAIL.test(owner)) return 'email';
  return null;
}

interface Token {
  text: string;
  /** 0-based index in the line. */
  start: number;
}

const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t';

/**
 * Splits a line into whitespace-separated tokens, stopping at a `#` that starts a token.
 * A backslash keeps the next character in the current token (so `a\ b` is one token and
 * `\#` does not start a comment); the backslash itself is kept for the pattern compiler.
 */
function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    while (isSpace(line[i])) i++;
    if (i >= line.length || line[i] === '#') break;
    const start = i;
    while (i < line.length && !isSpace(line[i])) i += line[i] === '\\' && i + 1 < line.length ? 2 : 1;
    tokens.push({ text: line.slice(start, i), start });
  }
  return tokens;
}

const escapeRe = (ch: string) => ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

type Part = { kind: 'lit'; ch: string } | { kind: 'star' } | { kind: 'one' };

/** Splits a pattern on unescaped `/` into segments of literal and wildcard parts. */
function segmentsOf(pattern: string): Part[][] {
  const segments: Part[][] = [[]];
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const current = segments[segments.length - 1]!;
    if (ch === '\\') current.push({ kind: 'lit', ch: chars[++i]! });
    else if (ch === '/') segments.push([]);
    else if (ch === '*') current.push({ kind: 'star' });
    else if (ch === '?') current.push({ kind: 'one' });
    else current.push({ kind: 'lit', ch });
  }
  return segments;
}

const isDoubleStar = (seg: Part[]) => seg.length === 2 && seg.every((p) => p.kind === 'star');
const isLoneStar = (seg: Part[]) =>
  seg.length > 0 && seg.every((p) => p.kind === 'star') && !isDoubleStar(seg);

function segmentRe(seg: Part[]): string {
  if (isLoneStar(seg)) return '[^/]+'; // a whole segment is never empty
  return seg.map((p) => (p.kind === 'star' ? '[^/]*' : p.kind === 'one' ? '[^/]' : escapeRe(p.ch))).join('');
}

/** Checks a pattern for the syntax GitHub rejects; returns a message and 0-based offset, or null. */
function patternProblem(pattern: string): { message: string; at: number } | null {
  if (pattern.startsWith('\\#')) {
    return { message: 'escaping a leading "#" with "\\" is not supported in CODEOWNERS', at: 0 };
  }
  if (pattern.startsWith('!')) return { message: 'negation ("!") is not supported in CODEOWNERS', at: 0 };
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      if (i + 1 >= pattern.length) return { message: 'pattern ends with an escape character', at: i };
      i++;
    } else if (ch === '[' || ch === ']') {
      return { message: 'character ranges ("[ ]") are not supported in CODEOWNERS', at: i };
    }
  }
  const segments = segmentsOf(pattern);
  if (segments.every((s) => s.length === 0)) {
    return { message: `the pattern "${pattern}" never matches anything; "*" matches every file`, at: 0 };
  }
  // Empty segments other than a leading or trailing slash (`a//b`): git paths never contain them.
  if (segments.slice(1, -1).some((s) => s.length === 0))
    return { message: 'empty path segment ("//")', at: 0 };
  return null;
}

/** Compiles a (valid) pattern to an anchored, case-sensitive regular expression over repo paths. */
export function compilePattern(pattern: string): RegExp {
  const segments = segmentsOf(pattern);
  const leadingSlash = segments[0]!.length === 0;
  if (leadingSlash) segments.shift();
  const trailingSlash = segments.length > 1 && segments[segments.length - 1]!.length === 0;
  if (trailingSlash) segments.pop();
  // gitignore: a slash at the start or in the middle anchors the pattern to the root.
  if (!leadingSlash && segments.length === 1 && !isDoubleStar(segments[0]!))
    segments.unshift([{ kind: 'star' }, { kind: 'star' }]);

  let re = '';
  let needSlash = false;
  segments.forEach((seg, i) => {
    const first = i === 0;
    const last = i === segments.length - 1;
    if (isDoubleStar(seg)) {
      // everything (below); with a trailing slash (`dir/**/`, `**/`) only what is inside the
      // directories below, never a file directly in `dir` (gitignore: a trailing slash matches
      // directories only).
      if (last) re += (first ? '' : '/') + (trailingSlash ? '.+/.+' : '.+');
      else if (first)
        re += '(?:.+/)?'; // any leading directories, or none
      else re += '(?:/.+)?'; // any directories in between, or none
      needSlash = !first && !last;
      return;
    }
    re += (needSlash ? '/' : '') + segmentRe(seg);
    needSlash = true;
    if (!last) return;
    if (trailingSlash)
      re += '/.+'; // a directory: everything inside it, at any depth
    else if (!isLoneStar(seg)) re += '(?:/.+)?'; // the file itself, or everything below a directory of that name
    // a final lone `*`: only the entries directly in the parent (GitHub's `docs/*` rule)
  });
  return new RegExp(`^${re}$`, 'su');
}

function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

export function parseCodeowners(text: string, file: string): ParsedCodeowners {
  const rules: CodeownersRule[] = [];
  const errors: CodeownersError[] = [];
  if (utf8Length(text) >= CODEOWNERS_MAX_BYTES) {
    errors.push({ line: 1, column: 1, message: 'CODEOWNERS is 3 MB or larger; GitHub does not load it' });
    return { file, rules, errors };
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const tokens = tokenize(raw);
    const [head, ...rest] = tokens;
    if (!head) return; // blank or comment
    const problem = patternProblem(head.text);
    if (problem) {
      errors.push({ line, column: head.start + problem.at + 1, message: problem.message });
      return;
    }
    const bad = rest.find((t) => ownerKind(t.text) === null);
    if (bad) {
      errors.push({
        line,
        column: bad.start + 1,
        message: `invalid owner "${bad.text}": use @user, @org/team or an email`,
      });
      return;
    }
    rules.push({
      pattern: head.text,
      owners: rest.map((t) => t.text),
      line,
      regex: compilePattern(head.text),
    });
  });
  return { file, rules, errors };
}

/**
 * Owners of a repository path (no leading slash), from the last matching line; null when no
 * line matches. `owners` is empty when the matching line names nobody.
 */
export function ownersOf(
  parsed: Pick<ParsedCodeowners, 'rules'>,
  path: string,
): { owners: string[]; line: number } | null {
  const normalized = path.replace(/^\/+/, '');
  for (let i = parsed.rules.length - 1; i >= 0; i--) {
    const rule = parsed.rules[i]!;
    if (rule.regex.test(normalized)) return { owners: [...rule.owners], line: rule.line };
  }
  return null;
}
