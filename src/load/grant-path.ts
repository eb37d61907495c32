/**
 * Which paths under grants/ are grant files. Pure: the caller says what kind of entry it is
 * (regular file, symlink, submodule) from lstat or the git tree mode.
 *
 * Decision: every entry under grants/ must be a grant file, except `.gitkeep` and `README.md`
 * (in any folder), which are tolerated and skipped. Anything else (`.yml`, upper case, spaces,
 * hidden files, stray notes) is `invalid-filename`: a request that is silently not read would
 * look approved-but-ignored to its author, and a lookalike name must not slip past review.
 */
import type { Diagnostic, ErrorCode } from '../core/errors.js';
import type { EntryKind } from './repo-types.js';

export const GRANTS_DIR = 'grants';
const GRANT_NAME = /^[a-z0-9][a-z0-9._-]{0,99}\.yaml$/;
const FOLDER_NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/;
export const TOLERATED_NAMES: ReadonlySet<string> = new Set(['.gitkeep', 'README.md']);

export type GrantPathResult =
  { kind: 'grant'; id: string } | { kind: 'ignored' } | { kind: 'invalid'; diagnostic: Diagnostic };

function invalid(path: string, code: ErrorCode, message: string): GrantPathResult {
  return { kind: 'invalid', diagnostic: { code, message, file: path, line: 1, column: 1 } };
}

function whyBadName(name: string): string {
  if (/\.yml$/i.test(name)) return `\`${name}\`: grant files end in .yaml, not .yml`;
  if (name.startsWith('.')) return `\`${name}\`: hidden files are not allowed under grants/`;
  if (/[A-Z]/.test(name)) return `\`${name}\`: grant file names are lower case`;
  if (/\s/.test(name)) return `\`${name}\`: grant file names contain no spaces`;
  if (!name.endsWith('.yaml')) return `\`${name}\`: only grant files (*.yaml) are allowed under grants/`;
  return `\`${name}\`: a grant file name is 1-100 of a-z 0-9 . _ - (starting with a letter or digit) followed by .yaml`;
}

export function classifyGrantPath(entry: { path: string; kind: EntryKind }): GrantPathResult {
  const { path } = entry;
  const parts = path.split('/');
  if (parts[0] !== GRANTS_DIR) {
    return invalid(path, 'invalid-filename', `\`${path}\`: grant files live under ${GRANTS_DIR}/`);
  }
  // Fail closed before looking at the name: a symlink could point anywhere (even outside the
  // repository) and a submodule is another repository's content.
  if (entry.kind !== 'file') {
    const what = entry.kind === 'other' ? 'not a regular file' : `a ${entry.kind}`;
    return invalid(path, 'not-a-file', `\`${path}\` is ${what}: grant files must be regular files`);
  }
  const name = parts[parts.length - 1]!;
  if (parts.length < 2 || name === '')
    return invalid(path, 'invalid-filename', `\`${path}\` is not a grant file path`);
  for (const folder of parts.slice(1, -1)) {
    if (!FOLDER_NAME.test(folder)) {
      return invalid(
        path,
        'invalid-filename',
        `folder \`${folder}\`: folder names under grants/ are lower case a-z 0-9 . _ - (no leading dot)`,
      );
    }
  }
  if (TOLERATED_NAMES.has(name)) return { kind: 'ignored' };
  if (!GRANT_NAME.test(name)) return invalid(path, 'invalid-filename', whyBadName(name));
  return { kind: 'grant', id: name.slice(0, -'.yaml'.length) };
}

/**
 * Grant ids (file names without `.yaml`) must be unique across all of grants/: the id names the
 * grant in windows, webhook events, idempotency keys and the audit trail. For each path whose id
 * is already used by an earlier path (in path order), the path that holds it.
 */
export function idClashes(paths: readonly string[]): Map<string, string> {
  const first = new Map<string, string>();
  const clashes = new Map<string, string>();
  for (const p of [...paths].sort()) {
    const m = /^grants\/(?:.*\/)?([^/]+)\.yaml$/.exec(p);
    if (!m) continue;
    const holder = first.get(m[1]!);
    if (holder) clashes.set(p, holder);
    else first.set(m[1]!, p);
  }
  return clashes;
}
