/**
 * Which entries under policies/ are policy files: regular `*.yaml` files in any folder.
 * `README.md` and `.gitkeep` are tolerated and skipped; anything else (`.yml`, `.json`, hidden
 * files) is `invalid-filename`, so configuration is never silently left out of the snapshot.
 */
import type { Diagnostic } from '../core/errors.js';
import { TOLERATED_NAMES } from './grant-path.js';
import type { EntryKind } from './repo-types.js';

export const POLICIES_DIR = 'policies';

export type PolicyPathResult =
  { kind: 'policy' } | { kind: 'ignored' } | { kind: 'invalid'; diagnostic: Diagnostic };

export function isUnderPolicies(path: string): boolean {
  return path === POLICIES_DIR || path.startsWith(`${POLICIES_DIR}/`);
}

export function classifyPolicyPath(entry: { path: string; kind: EntryKind }): PolicyPathResult {
  const { path, kind } = entry;
  const bad = (code: 'invalid-filename' | 'not-a-file', message: string): PolicyPathResult => ({
    kind: 'invalid',
    diagnostic: { code, message, file: path, line: 1, column: 1 },
  });
  if (kind !== 'file') {
    return bad(
      'not-a-file',
      `\`${path}\` is ${kind === 'other' ? 'not a regular file' : `a ${kind}`}: policy files must be regular files`,
    );
  }
  const parts = path.split('/');
  const name = parts[parts.length - 1]!;
  if (parts.some((p) => p === '' || p.startsWith('.')) && !TOLERATED_NAMES.has(name)) {
    return bad('invalid-filename', `\`${path}\`: hidden files and folders are not allowed under policies/`);
  }
  if (TOLERATED_NAMES.has(name)) return { kind: 'ignored' };
  if (/\.yml$/i.test(name))
    return bad('invalid-filename', `\`${name}\`: policy files end in .yaml, not .yml`);
  if (!name.endsWith('.yaml'))
    return bad('invalid-filename', `\`${name}\`: only policy files (*.yaml) are allowed under policies/`);
  return { kind: 'policy' };
}
