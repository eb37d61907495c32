/**
 * Load the trusted configuration (policies/, CODEOWNERS) from the working tree or a git ref,
 * and the grant files to check. Orchestration only: reading is in src/load, deciding in src/core.
 */
import { ConfigError, type Diagnostic } from '../core/errors.js';
import { parseCodeowners, type ParsedCodeowners } from '../core/codeowners.js';
import { prepare, type Prepared } from '../core/prepared.js';
import { buildSnapshot } from '../load/snapshot.js';
import { readPolicyFilesFs, readCodeownersFs, listGrantFilesFs } from '../load/repo-fs.js';
import { readPolicyFilesGit, readCodeownersGit, listGrantFilesGit } from '../load/repo-git.js';
import { loadGrants } from '../load/grant-file.js';
import { idClashes } from '../load/grant-path.js';
import type { GrantRequest } from '../core/model.js';

export interface Config {
  prepared: Prepared;
  codeowners: ParsedCodeowners | null;
  /** Where the configuration came from, for reports. */
  origin: string;
}

export async function loadConfig(repoDir: string, ref?: string): Promise<Config> {
  const files = ref ? await readPolicyFilesGit(repoDir, ref) : await readPolicyFilesFs(repoDir);
  const built = buildSnapshot(files);
  if (!built.ok) {
    throw new ConfigError(
      `policies/${ref ? ` at ${ref}` : ''} is invalid: nothing can be decided until it is fixed`,
      built.diagnostics,
    );
  }
  const owners = ref ? await readCodeownersGit(repoDir, ref) : await readCodeownersFs(repoDir);
  return {
    prepared: prepare(built.snapshot),
    codeowners: owners ? parseCodeowners(owners.text, owners.path) : null,
    origin: ref ? `git ref ${ref}` : 'working tree',
  };
}

export interface LoadedGrant {
  file: string;
  grant?: GrantRequest;
  diagnostics: Diagnostic[];
}

/** Grant files from the working tree: the given paths, or every file under grants/. */
export async function loadGrantFiles(
  repoDir: string,
  paths?: readonly string[],
  ref?: string,
): Promise<LoadedGrant[]> {
  let entries = ref ? await listGrantFilesGit(repoDir, ref) : await listGrantFilesFs(repoDir);
  const clashes = idClashes(entries.map((e) => e.path));
  const missing: LoadedGrant[] = [];
  if (paths) {
    const wanted = new Set(paths);
    entries = entries.filter((e) => wanted.has(e.path));
    const found = new Set(entries.map((e) => e.path));
    for (const p of wanted) {
      if (found.has(p)) continue;
      const message = p.startsWith('grants/')
        ? `${p} does not exist${ref ? ` at ${ref}` : ''}`
        : `${p} is not under grants/: request files live in grants/ (sub-folders allowed)`;
      missing.push({
        file: p,
        diagnostics: [
          {
            code: p.startsWith('grants/') ? 'not-a-file' : 'invalid-filename',
            message,
            file: p,
            line: 1,
            column: 1,
          },
        ],
      });
    }
  }
  const loaded: LoadedGrant[] = loadGrants(entries).map(({ path, result }) =>
    result.ok
      ? { file: path, grant: result.grant, diagnostics: [] }
      : { file: path, diagnostics: result.diagnostics },
  );
  return withIdClashes([...loaded, ...missing], clashes);
}

/** Mark files whose grant id another file already uses (the id must name one grant). */
export function withIdClashes(loaded: LoadedGrant[], clashes: ReadonlyMap<string, string>): LoadedGrant[] {
  return loaded.map((l) => {
    const holder = clashes.get(l.file);
    if (!holder) return l;
    const d: Diagnostic = {
      code: 'invalid-filename',
      message: `the grant id of ${l.file} is already used by ${holder}: grant ids (file names) must be unique across grants/`,
      file: l.file,
      line: 1,
      column: 1,
    };
    return { file: l.file, diagnostics: [...l.diagnostics, d] };
  });
}
