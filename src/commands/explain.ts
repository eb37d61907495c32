/**
 * `gitgrant explain FILE`: why a request is decided as it is — per resource the policies that
 * match it (and through which tags), the effective requirements, and who can fill each slot.
 */
import { describeFrom } from '../core/approvals.js';
import { ownersOf } from '../core/codeowners.js';
import { decideGrant, type GrantDecision } from '../core/decide.js';
import { formatDuration } from '../core/duration.js';
import type { Diagnostic } from '../core/errors.js';
import { expandPrincipal } from '../core/principals.js';
import { describeSelector } from '../core/selector.js';
import { loadConfig, loadGrantFiles } from './config.js';

export interface ExplainJson {
  file: string;
  ok: boolean;
  requester?: string;
  access?: string;
  duration?: string;
  max_duration: string | null;
  max_duration_policy: string | null;
  resources: {
    id: string;
    provider: string;
    tags: Record<string, string>;
    policies: { name: string; effect: 'allow' | 'deny'; selects: string; description?: string }[];
  }[];
  approvals: { from: string; count: number; policies: string[]; can_approve: string[] }[];
  errors: Diagnostic[];
}

export async function runExplain(repo: string, file: string, policiesRef?: string): Promise<ExplainJson> {
  const config = await loadConfig(repo, policiesRef);
  const [loaded] = await loadGrantFiles(repo, [file]);
  if (!loaded?.grant) {
    return {
      file,
      ok: false,
      max_duration: null,
      max_duration_policy: null,
      resources: [],
      approvals: [],
      errors: loaded?.diagnostics ?? [],
    };
  }
  const decision: GrantDecision = decideGrant(loaded.grant, config.prepared, {
    codeowners: config.codeowners,
  });
  const { policy, grant } = decision;
  const dir = config.prepared.directory;
  const owners = config.codeowners ? ownersOf(config.codeowners, grant.file) : null;
  const byName = new Map(config.prepared.snapshot.policies.map((p) => [p.name, p]));
  return {
    file: grant.file,
    ok: decision.valid,
    requester: grant.requester,
    access: grant.access,
    duration: grant.duration,
    max_duration: policy.maxDurationMs === undefined ? null : formatDuration(policy.maxDurationMs),
    max_duration_policy: policy.maxDurationPolicy ?? null,
    resources: policy.verdicts.map((v) => ({
      id: v.resource.id,
      provider: v.resource.provider,
      tags: { ...v.resource.tags },
      policies: [...v.deny, ...v.allow].map((name) => {
        const p = byName.get(name)!;
        return {
          name,
          effect: p.effect,
          selects: describeSelector(p.resources),
          ...(p.description ? { description: p.description } : {}),
        };
      }),
    })),
    approvals: policy.rules.map((r) => ({
      from: describeFrom(r.from),
      count: r.count,
      policies: r.policies,
      can_approve:
        r.from === 'codeowners'
          ? (owners?.owners ?? []).filter(
              (o) => o.replace(/^@/, '').toLowerCase() !== grant.requester.toLowerCase(),
            )
          : [
              ...new Set(
                r.from.flatMap((sel) =>
                  typeof sel === 'object' && 'same_tags' in sel ? [] : expandPrincipal(sel, dir),
                ),
              ),
            ].filter((login) => login.toLowerCase() !== grant.requester.toLowerCase()),
    })),
    errors: decision.diagnostics,
  };
}
