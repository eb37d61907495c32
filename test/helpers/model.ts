/** Builders for core model objects in unit tests (no files, no loader). */
import { syntheticSource } from '../../src/core/errors.js';
import { parseDuration } from '../../src/core/duration.js';
import type {
  AccessRule,
  ApprovalRule,
  GrantRequest,
  Person,
  Policy,
  PrincipalSelector,
  Resource,
  ResourceRef,
  Snapshot,
  TagSelector,
} from '../../src/core/model.js';
import { DEFAULT_SETTINGS } from '../../src/core/model.js';

export function resource(id: string, tags: Record<string, string>, extra: Partial<Resource> = {}): Resource {
  return {
    id,
    provider: 'postgres',
    tags,
    config: {},
    baseline: [],
    prune: false,
    source: syntheticSource('policies/resources.yaml'),
    path: ['resources', 0],
    ...extra,
  };
}

export function access(maxDuration: string, approvals: ApprovalRule[] = []): AccessRule {
  const parsed = parseDuration(maxDuration);
  if (!parsed.ok) throw new Error(parsed.reason);
  return { maxDuration, maxDurationMs: parsed.ms, approvals };
}

export function allow(
  name: string,
  resources: TagSelector,
  requesters: PrincipalSelector[],
  levels: Record<string, AccessRule>,
  extra: Partial<Policy> = {},
): Policy {
  return {
    name,
    effect: 'allow',
    resources,
    requesters,
    access: levels,
    source: syntheticSource('policies/access.yaml'),
    path: ['policies', 0],
    ...extra,
  };
}

export function deny(name: string, resources: TagSelector, requesters: PrincipalSelector[]): Policy {
  return { ...allow(name, resources, requesters, {}), effect: 'deny' };
}

export function person(login: string, tags: Record<string, string[]> = {}, id?: number): Person {
  return { login, tags, identities: {}, ...(id === undefined ? {} : { id }) };
}

export function snapshot(parts: {
  resources?: Resource[];
  policies?: Policy[];
  people?: Person[];
  groups?: Record<string, string[]>;
}): Snapshot {
  return {
    resources: parts.resources ?? [],
    policies: parts.policies ?? [],
    people: new Map((parts.people ?? []).map((p) => [p.login.toLowerCase(), p])),
    groups: new Map(Object.entries(parts.groups ?? {})),
    settings: DEFAULT_SETTINGS,
    discover: [],
  };
}

export function grant(fields: Partial<GrantRequest> & { resources: ResourceRef[] }): GrantRequest {
  const file = fields.file ?? 'grants/test.yaml';
  return {
    id: 'test',
    file,
    requester: 'alice',
    reason: 'INC-1: investigate a production incident',
    access: 'read',
    duration: '1h',
    source: syntheticSource(file),
    ...fields,
  };
}
