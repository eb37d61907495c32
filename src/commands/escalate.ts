/**
 * Escalation and stale requests (docs/escalation.md), run by reconcile. For each open pull
 * request that adds grant files, evaluated offline against the default branch's policies:
 *   - older than `escalate_after` and `gitgrant/approval` not success on its head → a review
 *     request to `escalate_to` (once: a hidden marker comment by gitgrant remembers it);
 *   - older than `expire_after` → closed with a comment saying why (once).
 * The smallest `escalate_after` / `expire_after` over every matching allow policy wins (an access
 * level's keys override its policy's). Nothing here decides access: a failure is a warning.
 */
import type { Snapshot } from '../core/model.js';
import type { Prepared } from '../core/prepared.js';
import { resolveResources } from '../core/resolve.js';
import type { GitHubClient } from '../github/client.js';
import type { RepoRef } from '../github/repo-files.js';
import { STATUS_CONTEXT } from '../github/report.js';
import type { EscalationRule } from '../notify/escalation-model.js';
import { grantsAt } from './pr-files.js';

export const ESCALATED_MARKER = '<!-- gitgrant:escalated -->';
export const EXPIRED_MARKER = '<!-- gitgrant:expired -->';

export interface EscalateDeps {
  gh: GitHubClient;
  teamsGh: GitHubClient;
  ref: RepoRef;
  prepared: Prepared;
  login: string | null;
  nowMs: number;
  log: (message: string) => void;
}

export interface Thresholds {
  escalateAfterMs?: number;
  escalateAfter?: string;
  escalateTo: string[];
  expireAfterMs?: number;
  expireAfter?: string;
}

export interface EscalationResult {
  escalated: { pr: number; to: string[] }[];
  expired: { pr: number; why: string }[];
  warnings: string[];
}

const hasKeys = (e: EscalationRule | undefined) =>
  !!e && (e.escalateAfterMs !== undefined || e.expireAfterMs !== undefined);

/** Does any policy configure escalation? (Otherwise reconcile makes no API request for it.) */
export function escalationConfigured(snapshot: Snapshot): boolean {
  return snapshot.policies.some(
    (p) =>
      p.effect === 'allow' &&
      (hasKeys(p.escalation) || Object.values(p.access).some((r) => hasKeys(r.escalation))),
  );
}

/** Smallest thresholds over the matching allow policies of each resource (pure). */
export function thresholdsFor(
  prepared: Prepared,
  grants: readonly { access: string; resourceIds: readonly string[] }[],
): Thresholds {
  const out: Thresholds = { escalateTo: [] };
  for (const g of grants)
    for (const id of g.resourceIds)
      for (const policy of prepared.matchingPolicies(id).allow) {
        const level = policy.access[g.access]?.escalation;
        const merged: EscalationRule = { ...(policy.escalation ?? {}), ...(level ?? {}) };
        if (merged.escalateAfterMs !== undefined) {
          if (out.escalateAfterMs === undefined || merged.escalateAfterMs < out.escalateAfterMs) {
            out.escalateAfterMs = merged.escalateAfterMs;
            out.escalateAfter = merged.escalateAfter!;
            out.escalateTo = [...(merged.escalateTo ?? [])];
          } else if (merged.escalateAfterMs === out.escalateAfterMs) {
            out.escalateTo = [...new Set([...out.escalateTo, ...(merged.escalateTo ?? [])])];
          }
        }
        if (
          merged.expireAfterMs !== undefined &&
          (out.expireAfterMs === undefined || merged.expireAfterMs < out.expireAfterMs)
        ) {
          out.expireAfterMs = merged.expireAfterMs;
          out.expireAfter = merged.expireAfter!;
        }
      }
  return out;
}

/** `escalate_to` → the reviewers GitHub takes: logins and team slugs of the repository's org. */
export function reviewersOf(
  snapshot: Snapshot,
  to: readonly string[],
  owner: string,
  exclude: string,
): { reviewers: string[]; team_reviewers: string[] } {
  const reviewers = new Set<string>();
  const teams = new Set<string>();
  for (const p of to) {
    if (p.startsWith('group:')) for (const m of snapshot.groups.get(p.slice(6)) ?? []) reviewers.add(m);
    else if (p.startsWith('@')) {
      const [org, slug] = p.slice(1).split('/');
      if (org && slug && org.toLowerCase() === owner.toLowerCase()) teams.add(slug);
    } else reviewers.add(p);
  }
  return {
    reviewers: [...reviewers].filter((r) => r.toLowerCase() !== exclude.toLowerCase()),
    team_reviewers: [...teams],
  };
}

export async function runEscalation(deps: EscalateDeps): Promise<EscalationResult> {
  const result: EscalationResult = { escalated: [], expired: [], warnings: [] };
  const snapshot = deps.prepared.snapshot;
  if (!escalationConfigured(snapshot)) return result;
  const { gh, ref } = deps;
  const prs = await gh.paginate(gh.rest.pulls.list, { ...ref, state: 'open', per_page: 100 });
  for (const pr of prs) {
    try {
      const files = await gh.paginate(gh.rest.pulls.listFiles, {
        ...ref,
        pull_number: pr.number,
        per_page: 100,
      });
      const added = files
        .filter(
          (f) => f.status === 'added' && f.filename.startsWith('grants/') && f.filename.endsWith('.yaml'),
        )
        .map((f) => f.filename);
      if (added.length === 0) continue;
      const loaded = await grantsAt({ gh, teamsGh: deps.teamsGh, ref }, pr.head.sha, added);
      const grants = loaded.flatMap((l) =>
        l.grant
          ? [
              {
                access: l.grant.access,
                resourceIds: resolveResources(l.grant, deps.prepared.inventory).resources.map((r) => r.id),
              },
            ]
          : [],
      );
      const t = thresholdsFor(deps.prepared, grants);
      const age = deps.nowMs - Date.parse(pr.created_at);
      const expire = t.expireAfterMs !== undefined && age > t.expireAfterMs;
      const escalate = !expire && t.escalateAfterMs !== undefined && age > t.escalateAfterMs;
      if (!expire && !escalate) continue;

      const comments = await gh.paginate(gh.rest.issues.listComments, {
        ...ref,
        issue_number: pr.number,
        per_page: 100,
      });
      const ours = (marker: string) =>
        comments.some(
          (c) =>
            (c.body ?? '').includes(marker) &&
            (deps.login
              ? c.user?.login.toLowerCase() === deps.login.toLowerCase()
              : c.user?.type === 'Bot' && c.user.login === 'github-actions[bot]'),
        );

      if (expire) {
        const why = `this access request has been open longer than expire_after (${t.expireAfter}) without being merged, so gitgrant closed it. Open a new pull request if the access is still needed.`;
        if (!ours(EXPIRED_MARKER))
          await gh.rest.issues.createComment({
            ...ref,
            issue_number: pr.number,
            body: `${EXPIRED_MARKER}\n### gitgrant: request expired\n\n${why}\n`,
          });
        await gh.rest.pulls.update({ ...ref, pull_number: pr.number, state: 'closed' });
        result.expired.push({ pr: pr.number, why });
        deps.log(`pull request #${pr.number}: closed (older than expire_after ${t.expireAfter})`);
        continue;
      }

      if (ours(ESCALATED_MARKER)) continue;
      const { data: status } = await gh.rest.repos.getCombinedStatusForRef({
        ...ref,
        ref: pr.head.sha,
        per_page: 100,
      });
      if (status.statuses.some((s) => s.context === STATUS_CONTEXT && s.state === 'success')) continue;
      const who = reviewersOf(snapshot, t.escalateTo, ref.owner, pr.user?.login ?? '');
      if (who.reviewers.length || who.team_reviewers.length)
        await gh.rest.pulls.requestReviewers({ ...ref, pull_number: pr.number, ...who });
      await gh.rest.issues.createComment({
        ...ref,
        issue_number: pr.number,
        body: `${ESCALATED_MARKER}\n### gitgrant: request escalated\n\nThis access request has waited longer than escalate_after (${t.escalateAfter}) without approval: review requested from ${t.escalateTo.map((x) => `\`${x}\``).join(', ')}.\n`,
      });
      result.escalated.push({ pr: pr.number, to: [...t.escalateTo] });
      deps.log(`pull request #${pr.number}: escalated to ${t.escalateTo.join(', ')}`);
    } catch (e) {
      const w = `escalation of pull request #${pr.number}: ${e instanceof Error ? e.message : String(e)}`;
      result.warnings.push(w);
      deps.log(`warning: ${w}`);
    }
  }
  return result;
}
