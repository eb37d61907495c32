/**
 * doctor: CODEOWNERS — which file GitHub uses, the errors GitHub reports in it (with their line),
 * and whether it routes `policies/` and `.github/` (and, as a warning, `dist/` and `action.yml`)
 * to owners. Pure: facts in, checks out.
 */
import { CODEOWNERS_LOCATIONS, ownersOf, parseCodeowners } from '../core/codeowners.js';
import { permissionFix, unreadable, type DoctorCheck, type Read } from './doctor-model.js';

/** An item of GET /repos/{o}/{r}/codeowners/errors. */
export interface CodeownersApiError {
  line: number;
  column?: number;
  kind?: string;
  message?: string;
  suggestion?: string | null;
  source?: string;
  path?: string;
}

export interface CodeownersFacts {
  branch: string;
  /** Every path of the default branch's tree (null when the tree could not be read). */
  paths: Read<string[]>;
  /** The CODEOWNERS file GitHub uses (the first of .github/, root, docs/), with its text. */
  file: { path: string; text: string } | null;
  /** GET codeowners/errors (a 404 means GitHub found no CODEOWNERS file). */
  errors: Read<{ errors: CodeownersApiError[] }>;
}

const MUST_ROUTE: Array<{ dir: string; probe: string }> = [
  { dir: 'policies/', probe: 'policies/policies.yaml' },
  { dir: '.github/', probe: '.github/workflows/gitgrant-validate.yml' },
];
const SHOULD_ROUTE = ['dist/', 'action.yml'];

const EXAMPLE = '`/policies/ @your-org/security` and `/.github/ @your-org/security`';

export function codeownersChecks(f: CodeownersFacts): DoctorCheck[] {
  const group = 'codeowners' as const;
  const checks: DoctorCheck[] = [];
  if (!f.paths.ok && !f.paths.missing) {
    return [
      {
        id: 'codeowners-file',
        group,
        status: 'fail',
        title: 'CODEOWNERS present',
        message: `not verified: ${unreadable(`the files of ${f.branch}`, f.paths)}`,
        fix: permissionFix(f.paths, 'rerun doctor'),
      },
    ];
  }
  const paths = f.paths.ok ? f.paths.value : [];
  if (!f.file) {
    return [
      {
        id: 'codeowners-file',
        group,
        status: 'fail',
        title: 'CODEOWNERS present',
        message: `no CODEOWNERS file on ${f.branch} (looked for ${CODEOWNERS_LOCATIONS.join(', ')}): "Require review from Code Owners" has nobody to ask, and \`from: codeowners\` approvals cannot be filled`,
        fix: `add .github/CODEOWNERS that ends with ${EXAMPLE} (the last matching line wins)`,
      },
    ];
  }
  const shadowed = CODEOWNERS_LOCATIONS.filter((p) => p !== f.file!.path && paths.includes(p));
  checks.push({
    id: 'codeowners-file',
    group,
    status: shadowed.length ? 'warn' : 'pass',
    title: 'CODEOWNERS present',
    message: `${f.file.path} on ${f.branch}${shadowed.length ? `; GitHub ignores ${shadowed.join(', ')} (only the first found is used)` : ''}`,
    ...(shadowed.length
      ? {
          fix: `merge ${shadowed.join(', ')} into ${f.file.path} and delete ${shadowed.length === 1 ? 'it' : 'them'}`,
        }
      : {}),
  });

  // GitHub's own verdict on the file.
  if (f.errors.ok) {
    const errs = f.errors.value.errors;
    checks.push({
      id: 'codeowners-errors',
      group,
      status: errs.length ? 'fail' : 'pass',
      title: 'CODEOWNERS has no errors (as GitHub reads it)',
      message: errs.length
        ? `GitHub reports ${errs.length} error${errs.length === 1 ? '' : 's'} in ${errs[0]?.path ?? f.file.path}; GitHub skips an erroneous line or owner, so its paths may have no owners`
        : 'GitHub reports no errors',
      ...(errs.length
        ? {
            fix: 'fix each line listed (an unknown owner must be a user or team with write access to the repository)',
            details: errs.map(describeError),
          }
        : {}),
    });
  } else if (!f.errors.missing) {
    checks.push({
      id: 'codeowners-errors',
      group,
      status: 'fail',
      title: 'CODEOWNERS has no errors (as GitHub reads it)',
      message: `not verified: ${unreadable('the CODEOWNERS errors', f.errors)}`,
      fix: permissionFix(f.errors, 'rerun doctor'),
    });
  }

  // Routing of the paths that decide who gets access.
  const parsed = parseCodeowners(f.file.text, f.file.path);
  const unowned = (path: string) => {
    const o = ownersOf(parsed, path);
    return !o || o.owners.length === 0;
  };
  const missing: string[] = [];
  for (const { dir, probe } of MUST_ROUTE) {
    const under = paths.filter((p) => p.startsWith(dir));
    const sample = under.length ? under : [probe];
    const bad = sample.filter(unowned);
    if (bad.length)
      missing.push(
        ...bad.slice(0, 5),
        ...(bad.length > 5 ? [`… and ${bad.length - 5} more under ${dir}`] : []),
      );
  }
  const should = SHOULD_ROUTE.flatMap((p) => {
    const present = p.endsWith('/') ? paths.filter((x) => x.startsWith(p)) : paths.filter((x) => x === p);
    return present.length && present.some(unowned) ? [p] : [];
  });
  if (missing.length) {
    checks.push({
      id: 'codeowners-routes',
      group,
      status: 'fail',
      title: 'CODEOWNERS routes policies/ and .github/',
      message: `no owners for ${missing.length === 1 ? 'this path' : 'these paths'}: a policy or workflow change would need no owner's approval`,
      fix: `add ${EXAMPLE} at the end of ${f.file.path} (the last matching line wins)`,
      details: missing,
    });
  } else {
    checks.push({
      id: 'codeowners-routes',
      group,
      status: should.length ? 'warn' : 'pass',
      title: 'CODEOWNERS routes policies/ and .github/',
      message: `policies/ and .github/ have owners${should.length ? `; ${should.join(' and ')} ${should.length === 1 ? 'has' : 'have'} none` : ''}`,
      ...(should.length
        ? {
            fix: `route ${should.map((p) => `/${p}`).join(' and ')} to your security team too (they are the code the workflows run)`,
          }
        : {}),
    });
  }
  return checks;
}

function describeError(e: CodeownersApiError): string {
  const at = `line ${e.line}${e.column ? `, column ${e.column}` : ''}`;
  const what = e.kind ?? e.message ?? 'error';
  const source = e.source ? `: ${e.source.replace(/\s+$/, '')}` : '';
  const hint = e.suggestion ? ` (${e.suggestion})` : '';
  return `${at}: ${what}${hint}${source}`;
}
