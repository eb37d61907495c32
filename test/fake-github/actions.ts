/**
 * Seed helpers for GitHub Actions workflows and workflow runs, and for repository rulesets (with
 * their bypass actors), kept beside a `Repo` (not inside it) so the rest of the fake is unchanged.
 *
 *   setWorkflowState(repo, '.github/workflows/gitgrant-reconcile.yml', 'disabled_inactivity');
 *   addWorkflowRun(repo, '.github/workflows/gitgrant-reconcile.yml', { event: 'schedule', conclusion: 'success', created_at });
 *   addRuleset(repo, { name: 'protect main', bypass_actors: [], rules: [{ type: 'pull_request', parameters: {...} }] });
 *
 * Served by routes/actions.ts: `GET /repos/{owner}/{repo}/actions/workflows` (every
 * `.github/workflows/*.yml|yaml` file of the default branch, plus any workflow seeded here),
 * `GET …/actions/workflows/{workflow_id}/runs` (`workflow_id` is the id or the file name; newest
 * first; filters `status`, `event`, `branch`) and `GET /repos/{owner}/{repo}/rulesets/{ruleset_id}`.
 */
import type { Repo } from './state.js';

export type WorkflowState =
  'active' | 'deleted' | 'disabled_fork' | 'disabled_inactivity' | 'disabled_manually';

export interface Workflow {
  id: number;
  /** `.github/workflows/NAME.yml` */
  path: string;
  name: string;
  state: WorkflowState;
  created_at: string;
  updated_at: string;
}

export interface WorkflowRunSpec {
  event?: string;
  /** `queued`, `in_progress`, `completed`… (default `completed`). */
  status?: string;
  /** `success`, `failure`, `cancelled`, `timed_out`… or null while running (default `success`). */
  conclusion?: string | null;
  created_at?: string;
  updated_at?: string;
  run_started_at?: string;
  head_branch?: string;
  head_sha?: string;
}

export interface WorkflowRun {
  id: number;
  run_number: number;
  workflow: Workflow;
  event: string;
  status: string;
  conclusion: string | null;
  created_at: string;
  updated_at: string;
  run_started_at: string;
  head_branch: string;
  head_sha: string;
}

export interface RulesetBypassActor {
  actor_id?: number | null;
  actor_type: 'Integration' | 'OrganizationAdmin' | 'RepositoryRole' | 'Team' | 'DeployKey' | 'User';
  bypass_mode?: 'always' | 'pull_request' | 'exempt';
}

export interface RulesetSpec {
  id?: number;
  name: string;
  enforcement?: 'active' | 'evaluate' | 'disabled';
  bypass_actors?: RulesetBypassActor[];
  /** Branches the ruleset applies to (default: the default branch). */
  branches?: string[];
  /** Items `{ type, parameters? }` as in `GET /rules/branches/{branch}`. */
  rules: Array<Record<string, unknown>>;
}

export interface Ruleset extends Required<Omit<RulesetSpec, 'branches'>> {
  id: number;
  branches: string[];
  created_at: string;
  updated_at: string;
}

interface ActionsState {
  workflows: Map<string, Workflow>;
  runs: WorkflowRun[];
  rulesets: Map<number, Ruleset>;
}

const STATES = new WeakMap<Repo, ActionsState>();
let nextWorkflowId = 161_000_000;
let nextRunId = 9_100_000_000;
let nextRulesetId = 4_200_000;

export function actionsOf(repo: Repo): ActionsState {
  let s = STATES.get(repo);
  if (!s) STATES.set(repo, (s = { workflows: new Map(), runs: [], rulesets: new Map() }));
  return s;
}

const WORKFLOW_FILE = /^\.github\/workflows\/[^/]+\.ya?ml$/;

/** The `name:` of a workflow file (a plain top-level line), else its path, as GitHub shows it. */
function workflowName(repo: Repo, path: string): string {
  const sha = repo.branchSha(repo.defaultBranch);
  const entry = sha ? repo.objects.lookup(repo.getCommit(sha)!.tree, path) : undefined;
  const blob = entry ? repo.objects.getBlob(entry.sha) : undefined;
  const m = blob ? /^name:\s*['"]?([^'"\n#]+?)['"]?\s*(?:#.*)?$/m.exec(blob.content.toString('utf8')) : null;
  return m?.[1] ?? path;
}

function workflowAt(repo: Repo, path: string): Workflow {
  const s = actionsOf(repo);
  let w = s.workflows.get(path);
  if (!w) {
    const now = repo.state.now();
    w = {
      id: nextWorkflowId++,
      path,
      name: workflowName(repo, path),
      state: 'active',
      created_at: now,
      updated_at: now,
    };
    s.workflows.set(path, w);
  }
  return w;
}

/** Every workflow: the files of the default branch's `.github/workflows/`, then any seeded one. */
export function listWorkflows(repo: Repo): Workflow[] {
  const sha = repo.branchSha(repo.defaultBranch);
  const paths = sha
    ? [...repo.objects.flatten(repo.getCommit(sha)!.tree).entries()]
        .filter(([p, e]) => e.type === 'blob' && WORKFLOW_FILE.test(p))
        .map(([p]) => p)
        .sort()
    : [];
  for (const p of paths) workflowAt(repo, p);
  return [...actionsOf(repo).workflows.values()].sort((a, b) => a.id - b.id);
}

/** A workflow by numeric id or file name (`gitgrant-reconcile.yml`), as the API accepts either. */
export function findWorkflow(repo: Repo, idOrFile: string): Workflow | undefined {
  const all = listWorkflows(repo);
  return /^\d+$/.test(idOrFile)
    ? all.find((w) => w.id === Number(idOrFile))
    : all.find((w) => w.path.split('/').pop() === idOrFile);
}

export function setWorkflowState(repo: Repo, path: string, state: WorkflowState): Workflow {
  const w = workflowAt(repo, path);
  w.state = state;
  w.updated_at = repo.state.now();
  return w;
}

export function addWorkflowRun(repo: Repo, path: string, spec: WorkflowRunSpec = {}): WorkflowRun {
  const workflow = workflowAt(repo, path);
  const s = actionsOf(repo);
  const created = spec.created_at ?? repo.state.now();
  const status = spec.status ?? 'completed';
  const run: WorkflowRun = {
    id: nextRunId++,
    run_number: s.runs.filter((r) => r.workflow === workflow).length + 1,
    workflow,
    event: spec.event ?? 'schedule',
    status,
    conclusion: spec.conclusion !== undefined ? spec.conclusion : status === 'completed' ? 'success' : null,
    created_at: created,
    updated_at: spec.updated_at ?? created,
    run_started_at: spec.run_started_at ?? created,
    head_branch: spec.head_branch ?? repo.defaultBranch,
    head_sha: spec.head_sha ?? repo.branchSha(repo.defaultBranch) ?? '0'.repeat(40),
  };
  s.runs.push(run);
  return run;
}

/** Runs of a workflow, newest first (by `created_at`, then id). */
export function runsOf(repo: Repo, workflow: Workflow): WorkflowRun[] {
  return actionsOf(repo)
    .runs.filter((r) => r.workflow === workflow)
    .sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : b.id - a.id));
}

/**
 * Adds a ruleset and its rules to each branch it targets (the items of `GET /rules/branches/{b}`
 * name it by `ruleset_id`), as an active repository ruleset does on GitHub.
 */
export function addRuleset(repo: Repo, spec: RulesetSpec): Ruleset {
  const now = repo.state.now();
  const ruleset: Ruleset = {
    id: spec.id ?? nextRulesetId++,
    name: spec.name,
    enforcement: spec.enforcement ?? 'active',
    bypass_actors: spec.bypass_actors ?? [],
    branches: spec.branches ?? [repo.defaultBranch],
    rules: spec.rules,
    created_at: now,
    updated_at: now,
  };
  actionsOf(repo).rulesets.set(ruleset.id, ruleset);
  if (ruleset.enforcement === 'active') {
    for (const branch of ruleset.branches) {
      const current = repo.branchRules.get(branch) ?? [];
      repo.setBranchRules(branch, [
        ...current,
        ...ruleset.rules.map((r) => ({
          ...r,
          ruleset_source_type: 'Repository',
          ruleset_source: repo.fullName,
          ruleset_id: ruleset.id,
        })),
      ]);
    }
  }
  return ruleset;
}
