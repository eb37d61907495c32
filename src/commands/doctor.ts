/**
 * `gitgrant doctor --github OWNER/NAME`: checks a repository's set-up through the API and says
 * what to fix — the merge gate (branch protection and rulesets), CODEOWNERS, the workflows, the
 * token's permissions and the schedule's last run. Read-only: every call is a GET.
 *
 * Each read becomes a `Read` (value, 404, or refusal); a 403 "Resource not accessible" is a
 * PermissionError (src/github/errors.ts) naming the permission, and the checks that depended on
 * it say so instead of guessing. The checks themselves are pure (doctor-*.ts).
 */
import { CODEOWNERS_LOCATIONS } from '../core/codeowners.js';
import { PermissionError } from '../github/errors.js';
import type { GitHubClient } from '../github/client.js';
import { readBlob, type RepoRef } from '../github/repo-files.js';
import { STATE_BRANCH } from '../github/state-branch.js';
import { codeownersChecks, type CodeownersApiError } from './doctor-codeowners.js';
import { makeReport, type DoctorCheck, type DoctorReport, type Read } from './doctor-model.js';
import {
  protectionChecks,
  type BranchRule,
  type ClassicProtection,
  type RulesetInfo,
} from './doctor-protection.js';
import { scheduleChecks, tokenCheck, type LatestRun, type Refusal } from './doctor-schedule.js';
import { workflowChecks, type WorkflowFile } from './doctor-workflows.js';
import { parseState } from './state.js';

export interface DoctorOptions {
  gh: GitHubClient;
  ref: RepoRef;
  nowMs: number;
  intervalMs: number;
  /** The interval as the user wrote it (`15m`), for the report. */
  interval: string;
}

/** Turns API calls into `Read`s and remembers every refusal for the token check. */
class Reader {
  calls = 0;
  readonly refusals: Refusal[] = [];

  async read<T>(call: string, fn: () => Promise<T>): Promise<Read<T>> {
    this.calls++;
    try {
      return { ok: true, value: await fn() };
    } catch (e) {
      const status = (e as { status?: number }).status;
      if (status === 404) return { ok: false, missing: true };
      const message = e instanceof Error ? e.message : String(e);
      if (e instanceof PermissionError) {
        this.refusals.push({ call, permission: e.permission, message });
        return { ok: false, missing: false, call, message, permission: e.permission };
      }
      // A classic token without admin rights: 403 "Must have admin rights to Repository."
      if (status === 403 && /admin rights/i.test(message)) {
        const permission = 'repository admin rights (classic token) or administration: read';
        this.refusals.push({ call, permission, message });
        return { ok: false, missing: false, call, message, permission };
      }
      if (status === 403 || status === 401) this.refusals.push({ call, message });
      return { ok: false, missing: false, call, message };
    }
  }
}

const text = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

interface TreeItem {
  path: string;
  type: string;
  sha: string;
}

export async function runDoctor(o: DoctorOptions): Promise<DoctorReport> {
  const { gh, ref } = o;
  const full = `${ref.owner}/${ref.repo}`;
  const api = `GET /repos/${full}`;
  const r = new Reader();
  const checks: DoctorCheck[] = [];

  // The repository itself.
  const repo = await r.read(api, async () => (await gh.rest.repos.get({ ...ref })).data);
  if (!repo.ok) {
    checks.push({
      id: 'repository',
      group: 'repository',
      status: 'fail',
      title: 'repository readable',
      message: repo.missing
        ? `${full} does not exist, or the token cannot see it`
        : `could not read ${full}: ${repo.message}`,
      fix: repo.missing
        ? 'check --github OWNER/NAME, and that GITHUB_TOKEN belongs to someone (or an App installed on the repository) who can read it'
        : /\b401\b|Bad credentials/i.test(repo.message)
          ? 'GitHub rejected GITHUB_TOKEN: set it to a valid token (e.g. GITHUB_TOKEN=$(gh auth token))'
          : 'rerun doctor when GitHub answers',
    });
    return makeReport(full, null, o.interval, o.nowMs, checks);
  }
  const branch = repo.value.default_branch;
  checks.push({
    id: 'repository',
    group: 'repository',
    status: 'pass',
    title: 'repository readable',
    message: `${repo.value.full_name}, default branch ${branch}`,
  });
  const b = encodeURIComponent(branch);

  // Merge gate: classic protection (404 = none) and rulesets.
  const classic = await r.read<ClassicProtection>(
    `${api}/branches/${b}/protection`,
    async () => (await gh.rest.repos.getBranchProtection({ ...ref, branch })).data as ClassicProtection,
  );
  const rules = await r.read<BranchRule[]>(
    `${api}/rules/branches/${b}`,
    async () =>
      (await gh.paginate(gh.rest.repos.getBranchRules, { ...ref, branch, per_page: 100 })) as BranchRule[],
  );
  const rulesets = new Map<number, Read<RulesetInfo>>();
  if (rules.ok) {
    for (const id of new Set(
      rules.value.map((x) => x.ruleset_id).filter((x): x is number => typeof x === 'number'),
    )) {
      rulesets.set(
        id,
        await r.read<RulesetInfo>(
          `${api}/rulesets/${id}`,
          async () =>
            (await gh.rest.repos.getRepoRuleset({ ...ref, ruleset_id: id, includes_parents: true }))
              .data as RulesetInfo,
        ),
      );
    }
  }
  checks.push(...protectionChecks({ branch, classic, rules, rulesets }));

  // Files of the default branch: CODEOWNERS, workflows, action.yml.
  const tree = await r.read<TreeItem[]>(`${api}/git/trees/${b}?recursive=1`, async () => {
    const { data } = await gh.rest.git.getTree({ ...ref, tree_sha: branch, recursive: '1' });
    return data.tree
      .filter((e) => e.type === 'blob' && e.path && e.sha && e.mode !== '120000')
      .map((e) => ({ path: e.path!, type: e.type!, sha: e.sha! }));
  });
  const blobText = (item: TreeItem) =>
    r.read(`${api}/git/blobs/${item.sha}`, async () => text(await readBlob(gh, ref, item.sha)));
  const paths: Read<string[]> = tree.ok ? { ok: true, value: tree.value.map((e) => e.path) } : tree;
  const byPath = new Map(tree.ok ? tree.value.map((e) => [e.path, e]) : []);

  let codeowners: { path: string; text: string } | null = null;
  let codeownersRead: Read<string> | null = null;
  const location = CODEOWNERS_LOCATIONS.find((p) => byPath.has(p));
  if (location) {
    codeownersRead = await blobText(byPath.get(location)!);
    if (codeownersRead.ok) codeowners = { path: location, text: codeownersRead.value };
  }
  const errors = await r.read<{ errors: CodeownersApiError[] }>(
    `${api}/codeowners/errors`,
    async () =>
      (await gh.rest.repos.codeownersErrors({ ...ref, ref: branch })).data as {
        errors: CodeownersApiError[];
      },
  );
  checks.push(
    ...codeownersChecks({
      branch,
      paths: codeownersRead && !codeownersRead.ok ? codeownersRead : paths,
      file: codeowners,
      errors,
    }),
  );

  // Workflows.
  let localAction = false;
  const actionYml = byPath.get('action.yml');
  if (actionYml) {
    const t = await blobText(actionYml);
    localAction = t.ok && /^name:\s*['"]?gitgrant['"]?\s*(#.*)?$/m.test(t.value);
  }
  let files: Read<WorkflowFile[]> = tree.ok ? { ok: true, value: [] } : tree;
  if (tree.ok) {
    const list: WorkflowFile[] = [];
    for (const item of tree.value.filter((e) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(e.path))) {
      const t = await blobText(item);
      if (!t.ok && t.missing) continue;
      if (!t.ok) {
        files = t;
        break;
      }
      list.push({ path: item.path, text: t.value });
    }
    if (files.ok) files = { ok: true, value: list };
  }
  const states = await r.read<Map<string, string>>(`${api}/actions/workflows`, async () => {
    const all = await gh.paginate(gh.rest.actions.listRepoWorkflows, { ...ref, per_page: 100 });
    return new Map(all.map((w) => [w.path, w.state]));
  });
  const wf = workflowChecks({ branch, files, localAction, states, intervalMs: o.intervalMs });
  checks.push(...wf.checks);

  // Schedule: the reconcile workflow's latest run, and the state branch's lastSuccess.
  const workflowFile = wf.reconcileWorkflow?.file ?? null;
  const latestRun: Read<LatestRun | null> = workflowFile
    ? await r.read(`${api}/actions/workflows/${workflowFile}/runs?per_page=1`, async () => {
        const { data } = await gh.rest.actions.listWorkflowRuns({
          ...ref,
          workflow_id: workflowFile,
          per_page: 1,
        });
        const run = data.workflow_runs[0];
        return run
          ? {
              run_number: run.run_number,
              event: run.event,
              status: run.status,
              conclusion: run.conclusion,
              created_at: run.created_at,
              ...(run.run_started_at ? { run_started_at: run.run_started_at } : {}),
              html_url: run.html_url,
            }
          : null;
      })
    : { ok: true, value: null };
  const state = await readState(r, gh, ref, api);
  checks.push(
    ...scheduleChecks({ nowMs: o.nowMs, intervalMs: o.intervalMs, workflowFile, latestRun, state }),
  );

  checks.push(tokenCheck(r.calls, r.refusals));
  return makeReport(full, branch, o.interval, o.nowMs, checks);
}

/** `lastSuccess` from state.json on the state branch (missing: no branch). */
async function readState(
  r: Reader,
  gh: GitHubClient,
  ref: RepoRef,
  api: string,
): Promise<Read<{ lastSuccess: string | null }>> {
  const head = await r.read(
    `${api}/git/ref/heads/${STATE_BRANCH}`,
    async () => (await gh.rest.git.getRef({ ...ref, ref: `heads/${STATE_BRANCH}` })).data.object.sha,
  );
  if (!head.ok) return head;
  return r.read(`${api}/git/trees/${STATE_BRANCH}`, async () => {
    const { data: c } = await gh.rest.git.getCommit({ ...ref, commit_sha: head.value });
    const { data: t } = await gh.rest.git.getTree({ ...ref, tree_sha: c.tree.sha });
    const entry = t.tree.find((e) => e.path === 'state.json');
    if (!entry?.sha) return { lastSuccess: null };
    const state = parseState(text(await readBlob(gh, ref, entry.sha)));
    return { lastSuccess: state.lastSuccess ?? null };
  });
}
