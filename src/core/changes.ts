/**
 * What a pull request changes, classified (DESIGN.md §3 "Trust comes from the base" and
 * "Only additions are requests"):
 * - grant files may be added (requests) or deleted (early revocation), never modified or renamed;
 * - a PR that touches grants/ must not also touch policies/, CODEOWNERS (any of GitHub's three
 *   locations), .github/ — or anything else that is not documentation (`mixed-change`):
 *   otherwise a request could ship the rule, or the code (dist/, action.yml), that approves it;
 * - a PR that touches policies/, CODEOWNERS, .github/ or any other non-documentation file (and no
 *   grants) is a policy change: in an access repository that uses its own Action, the code that
 *   applies grants is as sensitive as the policies, so it needs the `admins` approvals too;
 * - a PR that only touches documentation (`*.md` outside .github/, not CODEOWNERS) needs nothing.
 */
import type { Diagnostic } from './errors.js';

export interface ChangedFile {
  path: string;
  status: string;
  previous_filename?: string;
}

export type ChangeKind = 'grants' | 'policy' | 'mixed' | 'other';

export interface ChangeSummary {
  kind: ChangeKind;
  added: string[];
  deleted: string[];
  diagnostics: Diagnostic[];
}

const CODEOWNERS_PATHS = new Set(['CODEOWNERS', '.github/CODEOWNERS', 'docs/CODEOWNERS']);

export const isGrantPath = (p: string) => p.startsWith('grants/');
export const isPolicyPath = (p: string) => p.startsWith('policies/') || CODEOWNERS_PATHS.has(p);
/** Documentation: cannot change a decision or run. */
export const isDocPath = (p: string) =>
  p.endsWith('.md') && !p.startsWith('.github/') && !isGrantPath(p) && !isPolicyPath(p);
const isControlPath = (p: string) => !isGrantPath(p) && !isDocPath(p);

function at(file: string, code: Diagnostic['code'], message: string): Diagnostic {
  return { code, message, file, line: 1, column: 1 };
}

export function classifyChanges(files: readonly ChangedFile[]): ChangeSummary {
  const paths = files.flatMap((f) => (f.previous_filename ? [f.path, f.previous_filename] : [f.path]));
  const touchesGrants = paths.some(isGrantPath);
  const control = paths.filter(isControlPath);
  const diagnostics: Diagnostic[] = [];
  const added: string[] = [];
  const deleted: string[] = [];

  for (const f of files) {
    const grantSide =
      isGrantPath(f.path) || (f.previous_filename !== undefined && isGrantPath(f.previous_filename));
    if (!grantSide) continue;
    if (f.status === 'added' && isGrantPath(f.path)) added.push(f.path);
    else if (f.status === 'removed') deleted.push(f.path);
    else
      diagnostics.push(
        at(
          f.path,
          'grant-modified',
          f.status === 'renamed'
            ? `${f.previous_filename} was renamed to ${f.path}: an existing grant cannot be changed; delete it and add a new request`
            : `${f.path} already exists on the base branch and cannot be changed: add a new request file instead (deleting a grant revokes it early)`,
        ),
      );
  }
  if (touchesGrants && control.length > 0) {
    for (const p of added.length ? added : paths.filter(isGrantPath)) {
      diagnostics.push(
        at(
          p,
          'mixed-change',
          `this pull request changes grants and also ${control.slice(0, 3).join(', ')}${control.length > 3 ? ', …' : ''}: requests and policy changes must be separate pull requests`,
        ),
      );
    }
  }
  const kind: ChangeKind =
    touchesGrants && control.length > 0
      ? 'mixed'
      : touchesGrants
        ? 'grants'
        : control.length > 0
          ? 'policy'
          : 'other';
  return { kind, added, deleted, diagnostics };
}
