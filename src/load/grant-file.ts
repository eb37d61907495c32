/**
 * One grant request file → a GrantRequest, or every problem found in it. Order: path rules,
 * safe YAML, JSON Schema, then the duration grammar (the schema only says "a string").
 */
import { diag, type Diagnostic } from '../core/errors.js';
import { parseDuration } from '../core/duration.js';
import type { GrantRequest, MatchValue, ResourceRef } from '../core/model.js';
import { classifyGrantPath } from './grant-path.js';
import type { EntryKind, RepoEntry } from './repo-types.js';
import { parseYaml, sortDiagnostics } from './safe-yaml.js';
import { checkSchemaFindings } from './schema-check.js';

export type GrantResult = { ok: true; grant: GrantRequest } | { ok: false; diagnostics: Diagnostic[] };

interface RawGrant {
  requester: string;
  reason: string;
  access: string;
  duration: string;
  resources: (string | { match: Record<string, MatchValue> })[];
  ticket?: string;
  extends?: string;
}

function copyMatch(match: Record<string, MatchValue>): Record<string, MatchValue> {
  const out = Object.create(null) as Record<string, MatchValue>;
  for (const [k, v] of Object.entries(match)) out[k] = typeof v === 'string' ? v : [...v];
  return out;
}

export function loadGrant(path: string, bytes: Uint8Array, kind: EntryKind = 'file'): GrantResult {
  const where = classifyGrantPath({ path, kind });
  if (where.kind === 'invalid') return { ok: false, diagnostics: [where.diagnostic] };
  if (where.kind === 'ignored') {
    return {
      ok: false,
      diagnostics: [
        {
          code: 'invalid-filename',
          message: `\`${path}\` is not a grant file`,
          file: path,
          line: 1,
          column: 1,
        },
      ],
    };
  }
  const parsed = parseYaml(bytes, path);
  if (!parsed.ok) return parsed;
  const { value, source } = parsed;

  const diagnostics: Diagnostic[] = [];
  for (const f of checkSchemaFindings('grant', value, source)) {
    // A non-string duration (`duration: 4`) is a duration problem: parseDuration says why.
    if (f.keyword === 'type' && f.path.length === 1 && f.path[0] === 'duration') continue;
    diagnostics.push(f.diagnostic);
  }
  const raw = value as Record<string, unknown>;
  if (raw !== null && typeof raw === 'object' && Object.hasOwn(raw, 'duration')) {
    const d = parseDuration(raw.duration);
    if (!d.ok) diagnostics.push(diag('duration-invalid', `duration: ${d.reason}`, source, ['duration']));
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics: sortDiagnostics(diagnostics) };

  const g = raw as unknown as RawGrant;
  const resources: ResourceRef[] = g.resources.map((r) =>
    typeof r === 'string' ? r : { match: copyMatch(r.match) },
  );
  const grant: GrantRequest = {
    id: where.id,
    file: path,
    requester: g.requester,
    reason: g.reason,
    access: g.access,
    duration: g.duration,
    resources,
    source,
  };
  if (g.ticket !== undefined) grant.ticket = g.ticket;
  if (g.extends !== undefined) grant.extends = g.extends;
  return { ok: true, grant };
}

export interface GrantFileResult {
  path: string;
  result: GrantResult;
}

/**
 * Every entry a reader listed under grants/: tolerated files (`.gitkeep`, `README.md`) are
 * skipped, everything else is loaded or reported.
 */
export function loadGrants(entries: readonly RepoEntry[]): GrantFileResult[] {
  const out: GrantFileResult[] = [];
  for (const e of [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const where = classifyGrantPath(e);
    if (where.kind === 'ignored') continue;
    if (where.kind === 'invalid') {
      out.push({ path: e.path, result: { ok: false, diagnostics: [where.diagnostic] } });
      continue;
    }
    out.push({ path: e.path, result: loadGrant(e.path, e.bytes ?? new Uint8Array(), e.kind) });
  }
  return out;
}
