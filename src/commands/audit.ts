/**
 * `gitgrant audit`: every window ever, from git history alone, with filters. Resources are
 * resolved with the policies in force just before each landing (the same first-parent rule apply
 * uses); configurations are loaded once per version of policies/, not once per grant.
 */
import { auditWindows, type AuditWindow, type ParsedGrantAt } from '../core/audit.js';
import { parseDuration } from '../core/duration.js';
import { UsageError } from '../core/errors.js';
import type { Resource } from '../core/model.js';
import { resolveResources } from '../core/resolve.js';
import { blobsAt, commitMessages, pathEvents } from '../git/history.js';
import { loadGrant } from '../load/grant-file.js';
import { loadConfig, type Config } from './config.js';

export interface AuditFilters {
  person?: string;
  resource?: string;
  /** `key=value` on any of the window's resources (tags as of its landing). */
  tag?: string;
  since?: number;
  until?: number;
}

export async function runAudit(
  repoDir: string,
  rev: string,
  nowMs: number,
  filters: AuditFilters = {},
): Promise<AuditWindow[]> {
  const events = await pathEvents(repoDir, rev, ['grants/', 'policies/']);
  const grantEvents = events.filter((e) => e.path.startsWith('grants/') && e.path.endsWith('.yaml'));
  const policyCommits = [
    ...new Set(events.filter((e) => e.path.startsWith('policies/')).map((e) => e.commit)),
  ];

  // The configuration in force for a landing = policies/ as of the last change strictly before it.
  const order = new Map<string, number>();
  events.forEach((e, i) => order.has(e.commit) || order.set(e.commit, i));
  const configs = new Map<string, Promise<Config | null>>();
  const configFor = (commit: string): Promise<Config | null> => {
    const at = order.get(commit) ?? Infinity;
    let version: string | null = null;
    for (const c of policyCommits) if ((order.get(c) ?? Infinity) < at) version = c;
    if (!version) return Promise.resolve(null);
    let p = configs.get(version);
    if (!p) configs.set(version, (p = loadConfig(repoDir, version).catch(() => null)));
    return p;
  };

  const landings = grantEvents.filter((e) => e.status === 'A');
  const [messages, blobs] = await Promise.all([
    commitMessages(repoDir, [...new Set(grantEvents.filter((e) => e.status !== 'M').map((e) => e.commit))]),
    blobsAt(
      repoDir,
      landings.map((e) => `${e.commit}:${e.path}`),
    ),
  ]);
  const parsed = new Map<string, ParsedGrantAt & { tags: Record<string, string>[] }>();
  for (const e of landings) {
    const bytes = blobs.get(`${e.commit}:${e.path}`);
    const r = bytes ? loadGrant(e.path, bytes) : null;
    if (!r?.ok) continue;
    const config = await configFor(e.commit);
    const resources: Resource[] = config
      ? resolveResources(r.grant, config.prepared.inventory).resources
      : [];
    const d = parseDuration(r.grant.duration);
    parsed.set(`${e.commit}:${e.path}`, {
      person: r.grant.requester,
      access: r.grant.access,
      duration: r.grant.duration,
      durationMs: d.ok ? d.ms : null,
      resources: resources.length
        ? resources.map((x) => x.id)
        : r.grant.resources.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))),
      tags: resources.map((x) => ({ ...x.tags })),
    });
  }
  const windows = auditWindows(grantEvents, messages, (c, p) => parsed.get(`${c}:${p}`) ?? null, nowMs);
  const tagsOf = (w: AuditWindow) => parsed.get(`${w.landing_commit}:${w.file}`)?.tags ?? [];

  let tagKey: string | undefined;
  let tagValue: string | undefined;
  if (filters.tag !== undefined) {
    const i = filters.tag.indexOf('=');
    if (i <= 0) throw new UsageError(`--tag must be key=value (got "${filters.tag}")`);
    tagKey = filters.tag.slice(0, i);
    tagValue = filters.tag.slice(i + 1);
  }
  return windows.filter((w) => {
    if (filters.person && w.person.toLowerCase() !== filters.person.toLowerCase()) return false;
    if (filters.resource && !w.resources.includes(filters.resource)) return false;
    if (tagKey !== undefined && !tagsOf(w).some((t) => t[tagKey!] === tagValue)) return false;
    const start = Date.parse(w.start);
    const end = Date.parse(w.ended_at ?? w.end);
    if (filters.since !== undefined && end < filters.since) return false;
    if (filters.until !== undefined && start >= filters.until) return false;
    return true;
  });
}
