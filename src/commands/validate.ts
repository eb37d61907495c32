/**
 * `gitgrant validate`: check grant files against policies and, with pull-request facts,
 * their approvals. Returns the documented JSON shape (DESIGN.md §5) plus the decisions for
 * text rendering.
 */
import { classifyChanges } from '../core/changes.js';
import { decideGrant, type GrantDecision } from '../core/decide.js';
import { formatDuration } from '../core/duration.js';
import type { Diagnostic } from '../core/errors.js';
import type { PrFacts } from '../core/pr-facts.js';
import { describeFrom } from '../core/approvals.js';
import type { HistoryFacts } from '../core/extension.js';
import { loadConfig, loadGrantFiles, type Config, type LoadedGrant } from './config.js';
import { historyForFiles } from './history.js';

export interface ValidateOptions {
  repo: string;
  files?: string[];
  policiesRef?: string;
  facts?: PrFacts;
  /** The instant new requests are decided at (extensions, hours caps); default now. */
  nowMs?: number;
}

export interface ApprovalSlotJson {
  from: string;
  count: number;
  approved_by: string[];
  missing: number;
}

export interface FileResultJson {
  file: string;
  ok: boolean;
  approved: boolean;
  resources: string[];
  max_duration: string | null;
  approvals: ApprovalSlotJson[];
  errors: Diagnostic[];
  /** Present for a break-glass request: no approval before merge, a retro-review after it. */
  break_glass?: { review_within: string; reviewers: string[]; policies: string[] };
}

export interface ValidateJson {
  ok: boolean;
  results: FileResultJson[];
}

export interface ValidateOutcome {
  json: ValidateJson;
  decisions: Map<string, GrantDecision>;
  config: Config;
  /** Grant files the PR deletes (early revocations), for reports. */
  deleted: string[];
  checkedApprovals: boolean;
}

/** One file's entry of `validate --format json` (DESIGN.md §5). */
export function fileResultJson(
  file: string,
  decision: GrantDecision | undefined,
  errors: Diagnostic[],
  withApprovals: boolean,
): FileResultJson {
  if (!decision) {
    return { file, ok: false, approved: false, resources: [], max_duration: null, approvals: [], errors };
  }
  const { policy, approvals } = decision;
  const slots: ApprovalSlotJson[] = approvals
    ? approvals.rules.map((r) => ({
        from: r.from,
        count: r.count,
        approved_by: r.approved_by,
        missing: r.missing,
      }))
    : policy.rules.map((r) => ({
        from: describeFrom(r.from),
        count: r.count,
        approved_by: [],
        missing: r.count,
      }));
  const allErrors = [...decision.diagnostics, ...errors];
  const approved = withApprovals ? decision.approved && errors.length === 0 : false;
  return {
    file,
    ok: allErrors.length === 0 && (withApprovals ? approved : true),
    approved,
    resources: policy.resources.map((r) => r.id),
    max_duration: policy.maxDurationMs === undefined ? null : formatDuration(policy.maxDurationMs),
    approvals: slots,
    errors: allErrors,
    ...(policy.breakGlass
      ? {
          break_glass: {
            review_within: policy.breakGlass.reviewWithin,
            reviewers: policy.breakGlass.rules.map((r) => describeFrom(r.from)),
            policies: policy.breakGlass.policies,
          },
        }
      : {}),
  };
}

export async function runValidate(opts: ValidateOptions): Promise<ValidateOutcome> {
  const config = await loadConfig(opts.repo, opts.policiesRef);
  let paths = opts.files && opts.files.length ? opts.files : undefined;
  if (opts.facts) paths = classifyChanges(opts.facts.changed_files).added;
  const loaded = paths && paths.length === 0 ? [] : await loadGrantFiles(opts.repo, paths);
  // Extensions and hours caps are decided on the history of REF (or HEAD) in the repository.
  const history = await historyForFiles(
    opts.repo,
    opts.policiesRef ?? 'HEAD',
    loaded,
    config.prepared,
    opts.nowMs ?? Date.now(),
  );
  return evaluateRequests(config, loaded, opts.facts, history);
}

/**
 * Decide every loaded grant file. With PR facts, the changed files also decide `mixed-change`
 * and `grant-modified`, and approvals are checked.
 */
export function evaluateRequests(
  config: Config,
  loaded: readonly LoadedGrant[],
  facts?: PrFacts,
  history?: ReadonlyMap<string, HistoryFacts>,
): ValidateOutcome {
  const opts = { facts };
  const extraErrors = new Map<string, Diagnostic[]>();
  let deleted: string[] = [];
  if (facts) {
    const changes = classifyChanges(facts.changed_files);
    deleted = changes.deleted;
    for (const d of changes.diagnostics) extraErrors.set(d.file, [...(extraErrors.get(d.file) ?? []), d]);
  }
  const decisions = new Map<string, GrantDecision>();
  const results: FileResultJson[] = [];
  for (const item of loaded) {
    const extra = extraErrors.get(item.file) ?? [];
    extraErrors.delete(item.file);
    if (!item.grant) {
      results.push(fileResultJson(item.file, undefined, [...item.diagnostics, ...extra], !!opts.facts));
      continue;
    }
    const decision = decideGrant(item.grant, config.prepared, {
      facts: opts.facts,
      codeowners: config.codeowners,
      ...(history?.has(item.file) ? { history: history.get(item.file)! } : {}),
    });
    decisions.set(item.file, decision);
    results.push(fileResultJson(item.file, decision, extra, !!opts.facts));
  }
  // Errors about files that are not added requests (modified grants, mixed changes).
  for (const [file, errors] of extraErrors)
    results.push(fileResultJson(file, undefined, errors, !!opts.facts));
  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return {
    json: { ok: results.every((r) => r.ok), results },
    decisions,
    config,
    deleted,
    checkedApprovals: !!opts.facts,
  };
}
