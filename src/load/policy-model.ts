/**
 * Schema-valid policies/ data → model objects (src/core/model.ts) for ONE file, with the checks
 * JSON Schema cannot express: duration grammar and ticket regular expressions. Cross-file rules
 * (duplicates, one settings block) live in snapshot.ts.
 */
import { diag, type Diagnostic, type DocPath } from '../core/errors.js';
import { parseDuration } from '../core/duration.js';
import {
  BREAK_GLASS_MAX_DURATION_MS,
  type AccessRule,
  type ApprovalRule,
  type DiscoverRule,
  type MatchValue,
  type Person,
  type Policy,
  type PrincipalSelector,
  type Resource,
  type Settings,
  type TagSelector,
} from '../core/model.js';
import type { YamlSource } from './yaml-source.js';
import { notificationSettings } from '../notify/settings.js';
import { escalationRule, type RawEscalation } from '../notify/escalation-model.js';

/* The shapes the JSON Schema guarantees (after a successful check). */
type Obj = Record<string, unknown>;
type RawApproval = { from: 'codeowners' | PrincipalSelector[]; count: number };
type RawPolicy = {
  name: string;
  description?: string;
  effect?: 'allow' | 'deny';
  resources: {
    match?: Record<string, MatchValue>;
    expressions?: { key: string; operator: string; values?: string[] }[];
  };
  requesters: PrincipalSelector[];
  access?: Record<
    string,
    {
      max_duration: string;
      approvals: RawApproval[];
      max_extensions?: number;
      max_hours_per_30d?: { hours: number; by: string[] };
      break_glass?: { review_within: string; reviewers: PrincipalSelector[] };
    }
  >;
  require?: { reason?: boolean; ticket?: string };
};

/** A fresh null-prototype record: user-chosen keys can never meet Object.prototype. */
function record<T>(entries: Iterable<[string, T]>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [k, v] of entries) out[k] = v;
  return out;
}

/** Deep copy of plain data (JSON-like), keeping null prototypes. Depth is bounded by the parser. */
export function copyData(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copyData);
  if (v !== null && typeof v === 'object') return record(Object.entries(v).map(([k, x]) => [k, copyData(x)]));
  return v;
}

const copyMatch = (m: Record<string, MatchValue>) =>
  record(Object.entries(m).map(([k, v]): [string, MatchValue] => [k, typeof v === 'string' ? v : [...v]]));

function principal(sel: PrincipalSelector): PrincipalSelector {
  if (typeof sel === 'string') return sel;
  if ('tags' in sel) return { tags: copyMatch(sel.tags as Record<string, MatchValue>) };
  return { same_tags: [...sel.same_tags] };
}

export function approvalRule(raw: RawApproval): ApprovalRule {
  return { from: raw.from === 'codeowners' ? 'codeowners' : raw.from.map(principal), count: raw.count };
}

export interface FileModel {
  resources: Resource[];
  people: { person: Person; path: DocPath }[];
  groups: { name: string; members: string[]; path: DocPath }[];
  policies: Policy[];
  discover: DiscoverRule[];
  settings?: Settings;
  diagnostics: Diagnostic[];
}

export function fileModel(value: unknown, source: YamlSource, defaults: Settings): FileModel {
  const v = value as Obj;
  const out: FileModel = {
    resources: [],
    people: [],
    groups: [],
    policies: [],
    discover: [],
    diagnostics: [],
  };

  ((v.resources ?? []) as Obj[]).forEach((r, i) => {
    out.resources.push({
      id: r.id as string,
      provider: r.provider as Resource['provider'],
      tags: record(Object.entries((r.tags ?? {}) as Record<string, string>)),
      config: copyData(r.config) as Record<string, unknown>,
      baseline: ((r.baseline ?? []) as { person: string; access: string }[]).map((b) => ({
        person: b.person,
        access: b.access,
      })),
      prune: r.prune === true,
      source,
      path: ['resources', i],
    });
  });

  for (const [login, raw] of Object.entries((v.people ?? {}) as Record<string, Obj>)) {
    const tags = record(
      Object.entries((raw.tags ?? {}) as Record<string, string | string[]>).map(
        ([k, t]): [string, string[]] => [k, typeof t === 'string' ? [t] : [...t]],
      ),
    );
    const person: Person = {
      login,
      tags,
      identities: record(Object.entries((raw.identities ?? {}) as Record<string, string>)),
    };
    if (typeof raw.id === 'number') person.id = raw.id;
    out.people.push({ person, path: ['people', login] });
  }

  for (const [name, members] of Object.entries((v.groups ?? {}) as Record<string, string[]>)) {
    out.groups.push({ name, members: [...members], path: ['groups', name] });
  }

  ((v.discover ?? []) as Obj[]).forEach((d) => {
    out.discover.push({ provider: 'github', org: d.org as string, tags_from: 'custom_properties' });
  });

  ((v.policies ?? []) as RawPolicy[]).forEach((p, i) => {
    const path: DocPath = ['policies', i];
    const access: Record<string, AccessRule> = record([]);
    for (const [level, rule] of Object.entries(p.access ?? {})) {
      const d = parseDuration(rule.max_duration);
      if (!d.ok) {
        out.diagnostics.push(
          diag('duration-invalid', `max_duration: ${d.reason}`, source, [
            ...path,
            'access',
            level,
            'max_duration',
          ]),
        );
        continue;
      }
      const at = [...path, 'access', level];
      const accessRule: AccessRule = {
        maxDurationMs: d.ms,
        maxDuration: rule.max_duration,
        approvals: rule.approvals.map(approvalRule),
      };
      if (rule.max_extensions !== undefined) accessRule.maxExtensions = rule.max_extensions;
      if (rule.max_hours_per_30d !== undefined)
        accessRule.maxHoursPer30d = {
          hours: rule.max_hours_per_30d.hours,
          by: [...rule.max_hours_per_30d.by],
        };
      if (rule.break_glass !== undefined) {
        // Break-glass is for emergencies: short by construction (docs/break-glass.md).
        const within = parseDuration(rule.break_glass.review_within);
        if (!within.ok) {
          out.diagnostics.push(
            diag('duration-invalid', `break_glass.review_within: ${within.reason}`, source, [
              ...at,
              'break_glass',
              'review_within',
            ]),
          );
          continue;
        }
        if (d.ms > BREAK_GLASS_MAX_DURATION_MS) {
          out.diagnostics.push(
            diag(
              'config-invalid',
              `a break-glass access level may last at most 4h: max_duration ${rule.max_duration} is longer`,
              source,
              [...at, 'max_duration'],
            ),
          );
          continue;
        }
        accessRule.breakGlass = {
          reviewWithinMs: within.ms,
          reviewWithin: rule.break_glass.review_within,
          reviewers: rule.break_glass.reviewers.map(principal),
        };
      }
      const escalation = escalationRule(rule as RawEscalation, source, at, out.diagnostics);
      if (escalation) accessRule.escalation = escalation;
      access[level] = accessRule;
    }
    const resources: TagSelector = {};
    if (p.resources.match) resources.match = copyMatch(p.resources.match);
    if (p.resources.expressions) {
      resources.expressions = p.resources.expressions.map((e) => ({
        key: e.key,
        operator: e.operator as 'In',
        ...(e.values ? { values: [...e.values] } : {}),
      }));
    }
    const policy: Policy = {
      name: p.name,
      effect: p.effect ?? 'allow',
      resources,
      requesters: p.requesters.map(principal),
      access,
      source,
      path,
    };
    if (p.description !== undefined) policy.description = p.description;
    const policyEscalation = escalationRule(p as RawEscalation, source, path, out.diagnostics);
    if (policyEscalation) policy.escalation = policyEscalation;
    if (p.require) {
      policy.require = {};
      if (p.require.reason !== undefined) policy.require.reason = p.require.reason;
      if (p.require.ticket !== undefined) {
        try {
          new RegExp(p.require.ticket);
          policy.require.ticket = p.require.ticket;
        } catch (e) {
          const why = e instanceof Error ? e.message : String(e);
          out.diagnostics.push(
            diag('config-invalid', `require.ticket is not a valid regular expression: ${why}`, source, [
              ...path,
              'require',
              'ticket',
            ]),
          );
        }
      }
    }
    out.policies.push(policy);
  });

  if (v.settings !== undefined) {
    const s = v.settings as { admins?: RawApproval; revocation?: { mode: Settings['revocation']['mode'] } };
    // Keys left out keep their defaults: a file that only sets `revocation` keeps the default admins.
    out.settings = {
      admins: s.admins ? approvalRule(s.admins) : defaults.admins,
      revocation: s.revocation ? { mode: s.revocation.mode } : defaults.revocation,
    };
    const notifications = notificationSettings(v.settings, source, out.diagnostics);
    if (notifications) out.settings.notifications = notifications;
  }
  return out;
}
