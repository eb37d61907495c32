/**
 * A machine-readable record in the sticky comment of what reviewers were shown: for each grant
 * file, the digest of its resolved resource set, and the head commit it was computed on. apply
 * reads it back at merge (`resolution-changed` when the set differs). Hidden from readers.
 */
const PREFIX = '<!-- gitgrant:resolved ';
const SUFFIX = ' -->';

export interface ResolutionRecord {
  head: string;
  files: Record<string, string>;
}

export function renderResolutionRecord(record: ResolutionRecord): string {
  // JSON.stringify escapes nothing that could close the comment, so escape `>` ourselves.
  return `${PREFIX}${JSON.stringify(record).replace(/>/g, '\\u003e')}${SUFFIX}`;
}

export function parseResolutionRecord(body: string): ResolutionRecord | null {
  const start = body.lastIndexOf(PREFIX);
  if (start < 0) return null;
  const end = body.indexOf(SUFFIX, start + PREFIX.length);
  if (end < 0) return null;
  try {
    const value = JSON.parse(body.slice(start + PREFIX.length, end)) as unknown;
    if (!value || typeof value !== 'object') return null;
    const { head, files } = value as { head?: unknown; files?: unknown };
    if (typeof head !== 'string' || !files || typeof files !== 'object') return null;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(files)) if (typeof v === 'string') out[k] = v;
    return { head, files: out };
  } catch {
    return null;
  }
}
