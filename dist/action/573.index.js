export const id = 573;
export const ids = [573];
export const modules = {

/***/ 573:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  actionReconcile: () => (/* binding */ actionReconcile),
  defaultBranchOf: () => (/* binding */ defaultBranchOf)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
// EXTERNAL MODULE: ./src/core/model.ts
var model = __webpack_require__(4146);
// EXTERNAL MODULE: ./src/core/resolve.ts
var resolve = __webpack_require__(2183);
;// CONCATENATED MODULE: ./src/core/windows.ts
function windowOf(input, nowMs) {
    if (input.landedAt === undefined)
        return { ...input, state: 'pending' };
    const startMs = input.startsAt ?? input.landedAt;
    const endMs = startMs + input.durationMs;
    return {
        ...input,
        state: nowMs < startMs ? 'pending' : nowMs < endMs ? 'active' : 'expired',
        start: new Date(startMs).toISOString(),
        end: new Date(endMs).toISOString(),
        remainingMs: endMs - nowMs,
    };
}
function planWindows(inputs, nowMs) {
    return inputs
        .map((i) => windowOf(i, nowMs))
        .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

// EXTERNAL MODULE: ./src/git/landing.ts
var landing = __webpack_require__(591);
// EXTERNAL MODULE: ./src/git/run.ts
var run = __webpack_require__(3073);
// EXTERNAL MODULE: ./src/github/alerts.ts
var alerts = __webpack_require__(960);
// EXTERNAL MODULE: ./src/github/sticky-read.ts
var sticky_read = __webpack_require__(33);
// EXTERNAL MODULE: ./src/github/repo-files.ts
var repo_files = __webpack_require__(5645);
;// CONCATENATED MODULE: ./src/github/revocation-record.ts

const REVOCATION_BRANCH = 'gitgrant/revocations';
function revocationMessage(entries) {
    const title = entries.length === 1
        ? `gitgrant: revoke expired grant ${entries[0].grant}`
        : `gitgrant: revoke ${entries.length} expired grants`;
    const lines = entries.map((e) => `- ${e.grant}: ${e.person} ${e.access} on ${e.resources.join(', ') || '(no resources)'}, ${e.start ?? '?'} → ${e.end ?? '?'}${e.approvers?.length ? `, approved by ${e.approvers.join(', ')}` : ''} (${e.file})${e.why ? `; ${e.why}` : ''}`);
    return `${title}\n\n${RECORD_SENTENCE}\n\n${lines.join('\n')}\n`;
}
const RECORD_SENTENCE = 'Access was revoked at the providers and confirmed by reading back; this commit records it.';
/**
 * The grant files a commit message records as revoked, when it is a revocation record as
 * `revocationMessage` writes it (one `- GRANT: … (FILE)` line each); empty for any other message.
 */
function recordedFiles(message) {
    const out = new Set();
    if (!message.includes(RECORD_SENTENCE))
        return out;
    for (const line of message.split('\n')) {
        const m = /^- [^:]+: .* \((grants\/[^()]+)\)(?:;|$)/.exec(line);
        if (m)
            out.add(m[1]);
    }
    return out;
}
async function removalCommit(gh, ref, branch, entries) {
    const { data: r } = await gh.rest.git.getRef({ ...ref, ref: `heads/${branch}` });
    const head = r.object.sha;
    const present = new Set((await (0,repo_files/* listTree */.n)(gh, ref, head, 'grants')).map((e) => e.path));
    const still = entries.filter((e) => present.has(e.file));
    if (still.length === 0)
        return { head, still, commit: null };
    const { data: c } = await gh.rest.git.getCommit({ ...ref, commit_sha: head });
    const { data: tree } = await gh.rest.git.createTree({
        ...ref,
        base_tree: c.tree.sha,
        tree: still.map((e) => ({ path: e.file, mode: '100644', type: 'blob', sha: null })),
    });
    const { data: commit } = await gh.rest.git.createCommit({
        ...ref,
        message: revocationMessage(still),
        tree: tree.sha,
        parents: [head],
    });
    return { head, still, commit: commit.sha };
}
async function recordRemovals(gh, ref, defaultBranch, mode, entries) {
    if (mode === 'commit') {
        for (let attempt = 0; attempt < 3; attempt++) {
            const { still, commit } = await removalCommit(gh, ref, defaultBranch, entries);
            if (!commit)
                return { kind: 'none', files: [] };
            try {
                await gh.rest.git.updateRef({ ...ref, ref: `heads/${defaultBranch}`, sha: commit, force: false });
                return { kind: 'commit', sha: commit, files: still.map((e) => e.file) };
            }
            catch (e) {
                if (e.status !== 422)
                    throw e; // lost a race: rebuild on the new head
            }
        }
        throw new Error(`the default branch ${defaultBranch} kept moving: the revocation commit will be made by the next run`);
    }
    const open = await gh.paginate(gh.rest.pulls.list, {
        ...ref,
        state: 'open',
        head: `${ref.owner}:${REVOCATION_BRANCH}`,
        base: defaultBranch,
        per_page: 100,
    });
    const { still, commit } = await removalCommit(gh, ref, defaultBranch, entries);
    if (!commit) {
        for (const pr of open) {
            await gh.rest.pulls.update({ ...ref, pull_number: pr.number, state: 'closed' });
        }
        return { kind: 'none', files: [] };
    }
    const exists = await gh.rest.git
        .getRef({ ...ref, ref: `heads/${REVOCATION_BRANCH}` })
        .then(() => true)
        .catch((e) => {
        if (e.status === 404)
            return false;
        throw e;
    });
    const forcePush = () => gh.rest.git.updateRef({ ...ref, ref: `heads/${REVOCATION_BRANCH}`, sha: commit, force: true });
    if (exists)
        await forcePush();
    else
        await gh.rest.git
            .createRef({ ...ref, ref: `refs/heads/${REVOCATION_BRANCH}`, sha: commit })
            .catch(async (e) => {
            // An overlapping run created the branch between our read and our write: take it over.
            if (e.status !== 422)
                throw e;
            await forcePush();
        });
    const message = revocationMessage(still);
    const [title, ...rest] = message.split('\n');
    const body = `${rest.join('\n').trim()}\n\nMerge this pull request to record the revocations in git history. gitgrant updates it in place on every run.`;
    const files = still.map((e) => e.file);
    const update = async (n) => {
        await gh.rest.pulls.update({ ...ref, pull_number: n, title: title, body });
        return { kind: 'pull-request', pr: n, sha: commit, files };
    };
    const existing = open[0];
    if (existing)
        return update(existing.number);
    try {
        const { data: pr } = await gh.rest.pulls.create({
            ...ref,
            head: REVOCATION_BRANCH,
            base: defaultBranch,
            title: title,
            body,
        });
        return { kind: 'pull-request', pr: pr.number, sha: commit, files };
    }
    catch (e) {
        // 422 "A pull request already exists": an overlapping run opened it first. Anything else
        // (including a 5xx after which the PR may exist after all) is thrown: the next run finds it.
        if (e.status !== 422)
            throw e;
        const again = await gh.paginate(gh.rest.pulls.list, {
            ...ref,
            state: 'open',
            head: `${ref.owner}:${REVOCATION_BRANCH}`,
            base: defaultBranch,
            per_page: 100,
        });
        if (!again[0])
            throw e;
        return update(again[0].number);
    }
}

// EXTERNAL MODULE: ./src/providers/types.ts
var types = __webpack_require__(2695);
// EXTERNAL MODULE: ./src/commands/discovered.ts + 1 modules
var discovered = __webpack_require__(8750);
// EXTERNAL MODULE: ./src/commands/config.ts + 2 modules
var commands_config = __webpack_require__(6202);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/commands/last-valid-config.ts
/**
 * Revocation must not wait for someone to fix policies/. When the configuration on the default
 * branch is invalid (a bypass merged a broken policy file), reconcile works from the last valid
 * one on its first-parent history — for revoking only: nothing is granted or pruned on it, and
 * the run is red until policies/ is fixed (docs/operations.md).
 */



/** How many earlier versions of policies/ are tried. */
const MAX_TRIES = 20;
async function configForRevocation(repoDir, rev = 'HEAD') {
    try {
        return { config: await (0,commands_config/* loadConfig */.Z9)(repoDir, rev) };
    }
    catch (error) {
        if (!(error instanceof errors/* ConfigError */.xL))
            throw error;
        // The commits that changed policies/, newest first: the version before each is a candidate.
        const changes = (await (0,run/* git */.$)(repoDir, ['rev-list', '--first-parent', `--max-count=${MAX_TRIES}`, rev, '--', 'policies/']))
            .split('\n')
            .filter(Boolean);
        for (const c of changes) {
            const before = await (0,run/* git */.$)(repoDir, ['rev-parse', '--verify', '--quiet', `${c}^1`]).catch(() => '');
            if (!before.trim())
                break;
            try {
                return { config: await (0,commands_config/* loadConfig */.Z9)(repoDir, before.trim()), invalid: { error, from: before.trim() } };
            }
            catch (e) {
                if (!(e instanceof errors/* ConfigError */.xL))
                    throw e;
            }
        }
        throw error;
    }
}
/** The error and its first diagnostics, with positions, in one line. */
function describeConfigError(e, max = 3) {
    const ds = e.diagnostics
        .slice(0, max)
        .map((d) => `${d.file}:${d.line}:${d.column} ${d.code}: ${d.message}`);
    const more = e.diagnostics.length > max ? `; and ${e.diagnostics.length - max} more` : '';
    return `${e.message}${ds.length ? ` — ${ds.join('; ')}${more}` : ''}`;
}

// EXTERNAL MODULE: ./src/commands/merge-check.ts + 1 modules
var merge_check = __webpack_require__(1915);
// EXTERNAL MODULE: ./src/commands/history.ts + 2 modules
var commands_history = __webpack_require__(6124);
// EXTERNAL MODULE: ./src/core/approvals.ts + 3 modules
var approvals = __webpack_require__(9414);
// EXTERNAL MODULE: ./src/core/break-glass.ts
var break_glass = __webpack_require__(3221);
// EXTERNAL MODULE: ./src/core/principals.ts
var principals = __webpack_require__(1496);
// EXTERNAL MODULE: ./src/github/pr-facts.ts
var pr_facts = __webpack_require__(6035);
// EXTERNAL MODULE: ./src/github/retro-review.ts
var retro_review = __webpack_require__(1920);
// EXTERNAL MODULE: ./src/github/teams.ts
var github_teams = __webpack_require__(4769);
// EXTERNAL MODULE: ./src/render/retro-review-markdown.ts
var retro_review_markdown = __webpack_require__(7383);
;// CONCATENATED MODULE: ./src/commands/break-glass.ts
/**
 * Break-glass in reconcile (docs/break-glass.md): is the retro-review of each break-glass grant
 * there (an eligible approval of the merged pull request, after the merge, within
 * `review_within`)? Overdue grants are revoked early by reconcile itself (as expired); this
 * module reads the reviews and keeps the one retro-review issue per grant up to date.
 */







/** The retro-review status of one break-glass grant, from the merged pull request's reviews. */
async function retroStatusOf(deps, prepared, g) {
    const info = await (0,pr_facts/* readPullRequest */.DQ)(deps.gh, deps.ref, g.pr);
    const read = await (0,pr_facts/* readPrFacts */.gs)(deps.gh, deps.ref, info);
    const selectors = g.breakGlass.rules.flatMap((r) => (r.from === 'codeowners' ? [] : [...r.from]));
    const teams = await (0,github_teams/* teamReader */.p)(deps.teamsGh).members((0,principals/* teamsNamed */.aV)(selectors));
    // Commits GitHub cannot map (or more than it lists): whoever made them cannot be excluded
    // from reviewing, so no review counts (fail closed, as for approvals).
    const doubt = read.unmappedCommits.length > 0 || read.commitsTruncated;
    const facts = { ...read.facts, teams, ...(doubt ? { reviews: [] } : {}) };
    return (0,break_glass/* retroReviewStatus */.d)({
        breakGlass: g.breakGlass,
        requester: g.requester,
        facts,
        dir: (0,approvals/* directoryWithTeams */.Kj)(prepared.directory, teams),
        landedAtMs: g.landedAtMs,
        nowMs: deps.nowMs,
    });
}
/**
 * Keep the issues in step: open (or update) one per break-glass grant still waiting, mark an
 * overdue one as revoked (never re-opening it), and close every open one whose review is there —
 * also for grants already removed from the default branch (`lookup` decides those).
 */
async function syncRetroIssues(deps, tracked, lookup, log) {
    const touched = [];
    const byKey = new Map(tracked.map((t) => [`${t.file}@${t.commit}`, t]));
    for (const t of tracked) {
        if (!t.status || t.status.reviewedAtAll)
            continue;
        const body = t.revokedEarly
            ? `${(0,retro_review_markdown/* retroReviewBody */.h5)(t.facts)}\n\n**Status:** ${(0,retro_review_markdown/* retroOverdueStatus */.jg)(t.facts.deadline)}`
            : (0,retro_review_markdown/* retroReviewBody */.h5)(t.facts);
        if (t.revokedEarly) {
            // Never open a new issue for an overdue grant: update the one apply opened.
            const open = (await (0,retro_review/* openRetroReviews */.Yr)(deps.gh, deps.ref, deps.login)).find((i) => i.file === t.file && i.commit === t.commit);
            if (!open)
                continue;
        }
        const r = await (0,retro_review/* upsertRetroReview */.cs)(deps.gh, deps.ref, deps.login, {
            file: t.file,
            commit: t.commit,
            title: (0,retro_review_markdown/* retroReviewTitle */.rc)(t.facts),
            body,
        });
        touched.push(r.number);
    }
    for (const issue of await (0,retro_review/* openRetroReviews */.Yr)(deps.gh, deps.ref, deps.login)) {
        let status;
        try {
            status = byKey.get(`${issue.file}@${issue.commit}`)?.status ?? (await lookup(issue.file, issue.commit));
        }
        catch (e) {
            log(`retro-review #${issue.number}: ${e instanceof Error ? e.message : String(e)}`);
            continue;
        }
        if (!status?.reviewedAtAll)
            continue;
        await (0,retro_review/* commentRetroReview */.Cz)(deps.gh, deps.ref, issue.number, (0,retro_review_markdown/* retroReviewedComment */.H4)(status.reviewedBy, new Date(deps.nowMs).toISOString()), true);
        touched.push(issue.number);
    }
    return touched;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/commands/state.ts
/**
 * What reconcile remembers between runs (never access decisions — those come from git):
 *   - the time of the last successful run (to fail loudly when the schedule stalls);
 *   - approval-at-merge results per (file, landing commit): immutable once merged, so each grant
 *     is checked against the API once, not on every run;
 *   - per grant file, how many runs in a row failed to revoke it (an alert after 3);
 *   - per expired grant file still on the default branch (its revocation pull request not yet
 *     merged), the revocations already confirmed: not sent again on every run;
 *   - which deletions of grant files are confirmed revoked (a watermark) and which still fail.
 * Stored as JSON in a file (CLI: --state FILE) or on a branch (the Action: `gitgrant-state`).
 * A missing or unreadable state is an empty state: it costs API requests, never correctness.
 */


function emptyState() {
    return { version: 1, approvals: {}, revokeFailures: {} };
}
function parseState(text) {
    if (!text)
        return emptyState();
    try {
        const v = JSON.parse(text);
        if (v.version !== 1 || typeof v.approvals !== 'object' || typeof v.revokeFailures !== 'object')
            return emptyState();
        return {
            version: 1,
            approvals: v.approvals ?? {},
            revokeFailures: v.revokeFailures ?? {},
            ...(v.lastSuccess ? { lastSuccess: v.lastSuccess } : {}),
            ...(v.lastRun ? { lastRun: v.lastRun } : {}),
            ...(v.notified && typeof v.notified === 'object' ? { notified: v.notified } : {}),
            ...(validDeletions(v.deletions) ? { deletions: v.deletions } : {}),
            ...(validRevoked(v.revoked) ? { revoked: v.revoked } : {}),
        };
    }
    catch {
        return emptyState();
    }
}
function validRevoked(r) {
    return (!!r &&
        typeof r === 'object' &&
        Object.values(r).every((v) => Array.isArray(v) && v.every((x) => typeof x === 'string')));
}
function validDeletions(d) {
    if (!d || typeof d !== 'object')
        return false;
    const { through, pending } = d;
    return (typeof through === 'string' &&
        !!pending &&
        typeof pending === 'object' &&
        Object.values(pending).every((n) => typeof n === 'number'));
}
function fileStateStore(path) {
    return {
        describe: path,
        async read() {
            return parseState(await readFile(path, 'utf8').catch(() => null));
        },
        async write(state) {
            await mkdir(dirname(path), { recursive: true });
            const tmp = `${path}.tmp-${process.pid}`;
            await writeFile(tmp, JSON.stringify(state, null, 2) + '\n');
            await rename(tmp, path);
        },
    };
}
const approvalKey = (file, commit) => `${file}@${commit}`;

// EXTERNAL MODULE: ./src/github/report.ts
var report = __webpack_require__(2745);
// EXTERNAL MODULE: ./src/commands/pr-files.ts
var pr_files = __webpack_require__(9968);
;// CONCATENATED MODULE: ./src/commands/escalate.ts



const ESCALATED_MARKER = '<!-- gitgrant:escalated -->';
const EXPIRED_MARKER = '<!-- gitgrant:expired -->';
const hasKeys = (e) => !!e && (e.escalateAfterMs !== undefined || e.expireAfterMs !== undefined);
/** Does any policy configure escalation? (Otherwise reconcile makes no API request for it.) */
function escalationConfigured(snapshot) {
    return snapshot.policies.some((p) => p.effect === 'allow' &&
        (hasKeys(p.escalation) || Object.values(p.access).some((r) => hasKeys(r.escalation))));
}
/** Smallest thresholds over the matching allow policies of each resource (pure). */
function thresholdsFor(prepared, grants) {
    const out = { escalateTo: [] };
    for (const g of grants)
        for (const id of g.resourceIds)
            for (const policy of prepared.matchingPolicies(id).allow) {
                const level = policy.access[g.access]?.escalation;
                const merged = { ...(policy.escalation ?? {}), ...(level ?? {}) };
                if (merged.escalateAfterMs !== undefined) {
                    if (out.escalateAfterMs === undefined || merged.escalateAfterMs < out.escalateAfterMs) {
                        out.escalateAfterMs = merged.escalateAfterMs;
                        out.escalateAfter = merged.escalateAfter;
                        out.escalateTo = [...(merged.escalateTo ?? [])];
                    }
                    else if (merged.escalateAfterMs === out.escalateAfterMs) {
                        out.escalateTo = [...new Set([...out.escalateTo, ...(merged.escalateTo ?? [])])];
                    }
                }
                if (merged.expireAfterMs !== undefined &&
                    (out.expireAfterMs === undefined || merged.expireAfterMs < out.expireAfterMs)) {
                    out.expireAfterMs = merged.expireAfterMs;
                    out.expireAfter = merged.expireAfter;
                }
            }
    return out;
}
/** `escalate_to` → the reviewers GitHub takes: logins and team slugs of the repository's org. */
function reviewersOf(snapshot, to, owner, exclude) {
    const reviewers = new Set();
    const teams = new Set();
    for (const p of to) {
        if (p.startsWith('group:'))
            for (const m of snapshot.groups.get(p.slice(6)) ?? [])
                reviewers.add(m);
        else if (p.startsWith('@')) {
            const [org, slug] = p.slice(1).split('/');
            if (org && slug && org.toLowerCase() === owner.toLowerCase())
                teams.add(slug);
        }
        else
            reviewers.add(p);
    }
    return {
        reviewers: [...reviewers].filter((r) => r.toLowerCase() !== exclude.toLowerCase()),
        team_reviewers: [...teams],
    };
}
async function runEscalation(deps) {
    const result = { escalated: [], expired: [], warnings: [] };
    const snapshot = deps.prepared.snapshot;
    if (!escalationConfigured(snapshot))
        return result;
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
                .filter((f) => f.status === 'added' && f.filename.startsWith('grants/') && f.filename.endsWith('.yaml'))
                .map((f) => f.filename);
            if (added.length === 0)
                continue;
            const loaded = await (0,pr_files/* grantsAt */.f)({ gh, teamsGh: deps.teamsGh, ref }, pr.head.sha, added);
            const grants = loaded.flatMap((l) => l.grant
                ? [
                    {
                        access: l.grant.access,
                        resourceIds: (0,resolve/* resolveResources */.k)(l.grant, deps.prepared.inventory).resources.map((r) => r.id),
                    },
                ]
                : []);
            const t = thresholdsFor(deps.prepared, grants);
            const age = deps.nowMs - Date.parse(pr.created_at);
            const expire = t.expireAfterMs !== undefined && age > t.expireAfterMs;
            const escalate = !expire && t.escalateAfterMs !== undefined && age > t.escalateAfterMs;
            if (!expire && !escalate)
                continue;
            const comments = await gh.paginate(gh.rest.issues.listComments, {
                ...ref,
                issue_number: pr.number,
                per_page: 100,
            });
            const ours = (marker) => comments.some((c) => (c.body ?? '').includes(marker) &&
                (deps.login
                    ? c.user?.login.toLowerCase() === deps.login.toLowerCase()
                    : c.user?.type === 'Bot' && c.user.login === 'github-actions[bot]'));
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
            if (ours(ESCALATED_MARKER))
                continue;
            const { data: status } = await gh.rest.repos.getCombinedStatusForRef({
                ...ref,
                ref: pr.head.sha,
                per_page: 100,
            });
            if (status.statuses.some((s) => s.context === report/* STATUS_CONTEXT */.j && s.state === 'success'))
                continue;
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
        }
        catch (e) {
            const w = `escalation of pull request #${pr.number}: ${e instanceof Error ? e.message : String(e)}`;
            result.warnings.push(w);
            deps.log(`warning: ${w}`);
        }
    }
    return result;
}

// EXTERNAL MODULE: ./src/notify/hooks.ts
var hooks = __webpack_require__(1605);
;// CONCATENATED MODULE: ./src/notify/reconcile.ts


async function afterReconcile(deps, prepared, known, result, state) {
    const warn = (e) => deps.log(`warning: escalation: ${e instanceof Error ? e.message : String(e)}`);
    if (deps.record)
        await runEscalation({ ...deps, prepared }).catch(warn);
    const { settings } = prepared.snapshot;
    await (0,hooks/* notifyReconcile */._)(settings, deps.nowMs, known, result.revoked, result.revokedEarly, state, {
        log: deps.log,
    });
}

// EXTERNAL MODULE: ./src/commands/deleted-grant.ts
var deleted_grant = __webpack_require__(2764);
// EXTERNAL MODULE: ./src/git/history.ts
var git_history = __webpack_require__(528);
;// CONCATENATED MODULE: ./src/commands/deletions.ts
/**
 * Which grant-file deletions reconcile still has to confirm revoked (docs/reference.md, "Deleted
 * grants"). `apply` revokes a deleted grant on the push that deletes it; when that fails, or the
 * apply run never ran, the access would stay and reconcile — which works from the files still on
 * the default branch — would see it at best as drift. So reconcile also revokes, once, every
 * grant file deleted on the default branch since its previous run, and keeps retrying the ones
 * that fail until they are confirmed.
 *
 * Bounded work: the state keeps a watermark (the default branch's head at the last run) and the
 * deletions still pending; only deletions after the watermark are new. Without a watermark (the
 * first run, a lost state, a rewritten history) the deletions of the last 30 days are taken.
 * Removals recorded by reconcile itself (its revocation commit or pull request: access already
 * revoked and read back) are skipped.
 */




const DELETION_LOOKBACK_MS = 30 * duration/* DAY_MS */.sO;
const deletionKey = (file, commit) => `${file}@${commit}`;
async function isAncestor(repoDir, commit, of) {
    return (0,run/* git */.$)(repoDir, ['merge-base', '--is-ancestor', commit, of]).then(() => true, () => false);
}
async function deletionsToConfirm(repoDir, saved, nowMs) {
    const head = (await (0,run/* git */.$)(repoDir, ['rev-parse', 'HEAD'])).trim();
    const log = [];
    const watermark = saved && /^[0-9a-f]{40}$/.test(saved.through) && (await isAncestor(repoDir, saved.through, head))
        ? saved.through
        : null;
    if (saved && !watermark)
        log.push(`the deletion watermark ${saved.through.slice(0, 7)} is not in the history: taking the last 30 days`);
    const events = (await (0,git_history/* pathEvents */.jW)(repoDir, watermark ? `${watermark}..${head}` : head, ['grants/'])).filter((e) => e.status === 'D' &&
        /\.ya?ml$/.test(e.path) &&
        (watermark !== null || e.time >= nowMs - DELETION_LOOKBACK_MS));
    const messages = await (0,git_history/* commitMessages */.u2)(repoDir, [...new Set(events.map((e) => e.commit))]);
    const out = new Map();
    for (const [key, failedRuns] of Object.entries(saved?.pending ?? {})) {
        const at = key.lastIndexOf('@');
        const file = key.slice(0, at);
        const commit = key.slice(at + 1);
        if (!/^[0-9a-f]{40}$/.test(commit) || !(await isAncestor(repoDir, commit, head))) {
            log.push(`dropping the pending revocation of ${key}: that commit is no longer in the history`);
            continue;
        }
        out.set(key, { file, commit, key, failedRuns });
    }
    for (const e of events) {
        const key = deletionKey(e.path, e.commit);
        if (out.has(key))
            continue;
        if (recordedFiles(messages.get(e.commit) ?? '').has(e.path))
            continue;
        out.set(key, { file: e.path, commit: e.commit, key, failedRuns: 0 });
    }
    return { head, deletions: [...out.values()], log };
}

;// CONCATENATED MODULE: ./src/commands/reconcile.ts
/**
 * `reconcile` (DESIGN.md §4, third row): converge the whole state on every run, so delayed or
 * dropped scheduled runs cost time, never correctness.
 *   1. windows of every grant file on the default branch (from git);
 *   2. expired → revoke at every provider (read back to confirm); confirmed removals are recorded
 *      in one revocation commit or PR; a failed one keeps its file (its own retry), keeps the run
 *      red, and after 3 failed runs in a row raises one alert issue;
 *   2b. grant files deleted from the default branch since the last run: revoked once more, and
 *      retried until confirmed (src/commands/deletions.ts), so a failed `apply` loses nothing;
 *   3. active and approved at merge → grant again where the provider says the access is missing;
 *   4. drift: access a provider lists that no active grant and no baseline explains; removed when
 *      the resource says `prune: true`;
 *   5. the time of the last successful run, failing loudly when the previous one is too old.
 */





















const failureOf = (file, resource, e) => ({
    file,
    ...(resource ? { resource } : {}),
    message: e instanceof Error ? e.message : String(e),
    retryable: e instanceof types/* ProviderError */.m ? e.retryable : true,
});
async function runReconcile(deps) {
    // Revocation never depends on the state: an unreadable state is an empty one (and a red run).
    let stateError = null;
    const state = await deps.state.read().catch((e) => {
        stateError = e;
        return parseState(null);
    });
    const previousSuccess = state.lastSuccess ?? null;
    const stale = previousSuccess !== null && deps.nowMs - Date.parse(previousSuccess) > 2 * deps.intervalMs;
    const result = {
        now: new Date(deps.nowMs).toISOString(),
        revoked: [],
        reapplied: [],
        drift: [],
        notApproved: [],
        revokedEarly: [],
        deleted: [],
        failures: [],
        alerts: [],
        record: null,
        kept: [],
        previousSuccess,
        lastSuccess: previousSuccess,
        stale,
        ok: true,
    };
    if (stateError)
        result.failures.push(failureOf(`(state ${deps.state.describe})`, undefined, stateError));
    if (deps.unknownLogin)
        result.failures.push(failureOf('(token identity)', undefined, deps.unknownLogin));
    // Invalid policies on the default branch: revoke on the last valid ones, grant nothing.
    const loadedConfig = await configForRevocation(deps.repoDir, 'HEAD');
    const revokeOnly = loadedConfig.invalid;
    if (revokeOnly)
        result.failures.push({
            file: 'policies/',
            message: `${describeConfigError(revokeOnly.error)}; this run revokes on the last valid policies (${revokeOnly.from.slice(0, 7)}) and grants nothing`,
            retryable: false,
        });
    const config = await (0,discovered/* withDiscovery */.F)(loadedConfig.config, deps.teamsGh, deps.log);
    const people = config.prepared.snapshot.people;
    const loaded = await (0,commands_config/* loadGrantFiles */.GE)(deps.repoDir, undefined, 'HEAD');
    const landings = await (0,landing/* landingTimes */.EO)(deps.repoDir, 'HEAD');
    const check = (0,merge_check/* mergeChecker */.E)(deps);
    const history = (0,commands_history/* historyReader */.k)(deps.repoDir);
    // 1. Windows and approval-at-merge (cached in state: immutable once merged).
    const known = [];
    for (const l of loaded) {
        if (!l.grant)
            continue;
        const landing = landings.get(l.file);
        const d = (0,duration/* parseDuration */.E9)(l.grant.duration);
        if (!landing || !d.ok)
            continue;
        // Changed on the default branch after it landed? Only a direct push can do that (a PR may
        // not modify a grant file), so the change is never applied: the reviewed content is the one
        // that landed (its access, resources and approval), the window ends at the EARLIER of both
        // versions' ends, and when it ends the access of both versions is revoked.
        const [headBlob, landedBlob] = (await (0,run/* git */.$)(deps.repoDir, ['rev-parse', `HEAD:${l.file}`, `${landing.commit}:${l.file}`]).catch(() => ''))
            .trim()
            .split('\n');
        const modified = !headBlob || headBlob !== landedBlob;
        let grant = l.grant;
        let durationMs = d.ms;
        let changedTo;
        let landedOk = true;
        if (modified) {
            const [at] = await (0,commands_config/* loadGrantFiles */.GE)(deps.repoDir, [l.file], landing.commit).catch(() => []);
            const ld = at?.grant ? (0,duration/* parseDuration */.E9)(at.grant.duration) : null;
            if (at?.grant && ld?.ok) {
                changedTo = l.grant;
                grant = at.grant;
                durationMs = Math.min(durationMs, ld.ms);
            }
            else
                landedOk = false;
        }
        // An extension continues the grant it names without a gap (docs/extension.md): its window
        // starts at that grant's end, so the old grant's revocation keeps the access (`held`).
        const ext = grant.extends !== undefined ? await history.windowOf(grant, landing).catch(() => undefined) : undefined;
        const window = windowOf({
            id: grant.id,
            file: l.file,
            durationMs,
            landedAt: landing.time,
            landingCommit: landing.commit,
            ...(ext?.extended ? { startsAt: ext.startMs, extends: ext.extended.id } : {}),
        }, deps.nowMs);
        const key = approvalKey(l.file, landing.commit);
        let approval = state.approvals[key];
        if (!landedOk) {
            approval = {
                approved: false,
                pr: null,
                approvers: [],
                resources: [],
                reasons: [
                    `not-approved-at-merge: ${l.file} as it landed in ${landing.commit.slice(0, 7)} cannot be read`,
                ],
            };
        }
        else if (!approval) {
            try {
                const c = await check(l.file, landing.commit);
                approval = {
                    approved: c.approved,
                    pr: c.pr,
                    approvers: c.approvers,
                    resources: c.decision?.policy.resources.map((r) => r.id) ?? [],
                    reasons: c.reasons.map((r) => `${r.code}: ${r.message}`),
                    ...(c.approved && c.decision?.policy.breakGlass
                        ? { breakGlass: c.decision.policy.breakGlass }
                        : {}),
                };
                // Only approvals are kept: a refusal is checked again next run (fail closed either way,
                // and a merged PR GitHub did not yet associate with its commit gets a second look).
                if (approval.approved)
                    state.approvals[key] = approval;
            }
            catch (e) {
                // Doubt: treat as not approved for granting, but still revoke if expired.
                result.failures.push(failureOf(l.file, undefined, e));
                approval = { approved: false, pr: null, approvers: [], resources: [], reasons: ['could not check'] };
            }
        }
        const k = {
            grant,
            file: l.file,
            window,
            approval,
            resources: resourcesOf(grant, approval, config),
            ...(changedTo
                ? { changedTo: { grant: changedTo, resources: resourcesOf(changedTo, approval, config) } }
                : {}),
        };
        known.push(k);
        if (modified && window.state === 'active')
            result.notApproved.push({
                file: l.file,
                grant: grant.id,
                person: changedTo?.requester ?? grant.requester,
                pr: approval.pr,
                reasons: [
                    `grant-modified: ${l.file} was changed on the default branch after it landed in ${landing.commit.slice(0, 7)}, without a reviewed pull request: the change is not applied` +
                        (approval.approved ? ' (the reviewed version stays in force until its window ends)' : ''),
                    ...(approval.approved ? [] : approval.reasons),
                ],
                ...(window.start ? { start: window.start } : {}),
                ...(window.end ? { end: window.end } : {}),
            });
    }
    for (const k of known)
        if (k.window.state === 'active' && !k.approval.approved && !k.changedTo)
            result.notApproved.push({
                file: k.file,
                grant: k.grant.id,
                person: k.grant.requester,
                pr: k.approval.pr,
                reasons: k.approval.reasons,
                ...(k.window.start ? { start: k.window.start } : {}),
                ...(k.window.end ? { end: k.window.end } : {}),
            });
    // State only for files still on the default branch (a removed file's history is in git).
    const current = new Set(known.map((k) => approvalKey(k.file, k.window.landingCommit ?? '')));
    for (const key of Object.keys(state.approvals))
        if (!current.has(key))
            delete state.approvals[key];
    const confirmed = (state.revoked ??= {});
    for (const key of Object.keys(confirmed))
        if (!current.has(key))
            delete confirmed[key];
    const files = new Set(known.map((k) => k.file));
    for (const f of Object.keys(state.revokeFailures))
        if (!files.has(f))
            delete state.revokeFailures[f];
    // Break-glass (docs/break-glass.md): a grant whose retro-review is not there within
    // `review_within` of its landing ends now — revoked and recorded like an expiry.
    const bgDeps = { gh: deps.gh, teamsGh: deps.teamsGh, ref: deps.ref, login: deps.login, nowMs: deps.nowMs };
    const retroTracked = [];
    for (const k of known) {
        const bg = k.approval.breakGlass;
        const pr = k.approval.pr;
        const landedAtMs = k.window.landedAt;
        if (!bg ||
            !k.approval.approved ||
            pr === null ||
            landedAtMs === undefined ||
            k.window.state === 'pending')
            continue;
        const deadline = new Date(landedAtMs + bg.reviewWithinMs).toISOString();
        let status = null;
        try {
            status = await retroStatusOf(bgDeps, config.prepared, {
                pr,
                breakGlass: bg,
                requester: k.grant.requester,
                landedAtMs,
            });
        }
        catch (e) {
            // Doubt reading the reviews: after the deadline that means no review (fail closed).
            result.failures.push(failureOf(k.file, undefined, e));
        }
        const overdue = deps.nowMs >= landedAtMs + bg.reviewWithinMs && status?.state !== 'reviewed';
        if (overdue && k.window.state === 'active') {
            k.window = { ...k.window, state: 'expired' };
            k.early = `revoked early at ${result.now}: no break-glass retro-review (an approval of pull request #${pr} by ${(0,retro_review_markdown/* reviewersText */.qU)(bg)}) by ${deadline}`;
            result.revokedEarly.push({ file: k.file, grant: k.grant.id, why: k.early });
        }
        retroTracked.push({
            file: k.file,
            commit: k.window.landingCommit,
            status,
            revokedEarly: overdue,
            facts: {
                file: k.file,
                grant: k.grant.id,
                requester: k.grant.requester,
                access: k.grant.access,
                resources: k.resources.map((r) => r.id),
                pr,
                start: k.window.start ?? '',
                end: k.window.end ?? '',
                deadline,
                breakGlass: bg,
                candidates: status?.candidates ?? [],
            },
        });
    }
    // What each person should hold on each resource: baseline + active, approved grants.
    const expected = new Map(); // resource → login → levels
    const expect = (resource, login, level) => {
        let m = expected.get(resource);
        if (!m)
            expected.set(resource, (m = new Map()));
        let s = m.get((0,model/* loginKey */.H$)(login));
        if (!s)
            m.set((0,model/* loginKey */.H$)(login), (s = new Set()));
        s.add(level);
    };
    for (const r of config.prepared.snapshot.resources)
        for (const b of r.baseline)
            expect(r.id, b.person, b.access);
    for (const k of known)
        if (k.window.state === 'active' && k.approval.approved)
            for (const r of k.resources)
                expect(r.id, k.grant.requester, k.grant.access);
    const heldBy = (resource, login) => [
        ...(expected.get(resource)?.get((0,model/* loginKey */.H$)(login)) ?? []),
    ];
    // 2. Expired: revoke, confirm, then record.
    const removals = [];
    for (const k of known.filter((x) => x.window.state === 'expired')) {
        let allOk = true;
        // What the file gives now, and what it gave as it landed (when changed since): both go.
        const pairs = new Map();
        for (const v of [{ grant: k.grant, resources: k.resources }, ...(k.changedTo ? [k.changedTo] : [])])
            for (const resource of v.resources)
                pairs.set(`${resource.id}\0${v.grant.access}\0${(0,model/* loginKey */.H$)(v.grant.requester)}`, {
                    resource,
                    access: v.grant.access,
                    requester: v.grant.requester,
                });
        // Revocations confirmed by an earlier run (the file waits for its revocation pull request to
        // be merged) are not sent again: access given back by hand since is drift, not an expiry.
        const key = approvalKey(k.file, k.window.landingCommit ?? '');
        const done = new Set(confirmed[key] ?? []);
        for (const [pair, { resource, access, requester }] of pairs) {
            if (done.has(pair))
                continue;
            try {
                const r = await deps.providers(resource.provider).revoke({
                    resource,
                    subject: (0,types/* subjectFor */.q)(resource, requester, people),
                    level: access,
                    held: heldBy(resource.id, requester),
                    event: {
                        kind: 'revoke',
                        grantId: k.grant.id,
                        ...(k.window.start ? { start: k.window.start } : {}),
                        ...(k.window.end ? { end: k.window.end } : {}),
                    },
                });
                result.revoked.push({ ...change(k, resource, r.changed, r.detail), person: requester, access });
                done.add(pair);
            }
            catch (e) {
                allOk = false;
                result.failures.push(failureOf(k.file, resource.id, e));
            }
        }
        if (done.size > 0)
            confirmed[key] = [...done].sort();
        if (allOk) {
            if ((state.revokeFailures[k.file] ?? 0) >= 3)
                await closeAlert(k.file);
            delete state.revokeFailures[k.file];
            removals.push({
                ...grantFacts(k),
                ...(k.window.start ? { start: k.window.start } : {}),
                ...(k.window.end ? { end: k.window.end } : {}),
                ...(k.approval.approvers.length ? { approvers: k.approval.approvers } : {}),
                ...(k.early ? { why: k.early } : {}),
            });
        }
        else {
            result.kept.push(k.file);
            const n = (state.revokeFailures[k.file] ?? 0) + 1;
            state.revokeFailures[k.file] = n;
            if (n >= 3)
                await alertRevocation(grantFacts(k), k.window.end ?? '?', n);
        }
    }
    // 2b. Deleted grant files: the backstop to apply's revocation (src/commands/deletions.ts).
    await revokeDeletions();
    // 3 and 4. Every declared resource: list once; re-grant what is missing; report (and prune)
    // drift. Every resource, not only those with grants: access nobody asked for is drift wherever
    // it appears, and a resource reconcile cannot read is one it could not revoke on either. Not on
    // a fallback configuration (invalid policies/ on the default branch): nothing is granted then.
    for (const resource of revokeOnly ? [] : config.prepared.snapshot.resources) {
        let assignments;
        try {
            assignments = await deps.providers(resource.provider).list(resource);
        }
        catch (e) {
            result.failures.push(failureOf(`(resource ${resource.id})`, resource.id, e));
            continue;
        }
        if (assignments === null)
            continue; // the target cannot say (webhook): nothing to compare
        const has = new Set(assignments.map((a) => `${a.identity.toLowerCase()}\0${a.access}`));
        for (const k of known) {
            if (k.window.state !== 'active' ||
                !k.approval.approved ||
                !k.resources.some((r) => r.id === resource.id))
                continue;
            const subject = (0,types/* subjectFor */.q)(resource, k.grant.requester, people);
            if (has.has(`${subject.identity.toLowerCase()}\0${k.grant.access}`))
                continue;
            try {
                const r = await deps.providers(resource.provider).grant({
                    resource,
                    subject,
                    level: k.grant.access,
                    held: heldBy(resource.id, k.grant.requester),
                    event: {
                        kind: 'grant',
                        grantId: k.grant.id,
                        ...(k.window.start ? { start: k.window.start } : {}),
                        ...(k.window.end ? { end: k.window.end } : {}),
                    },
                });
                result.reapplied.push(change(k, resource, r.changed, r.detail));
            }
            catch (e) {
                result.failures.push(failureOf(k.file, resource.id, e));
            }
        }
        const explained = new Map(); // identity → levels
        for (const [login, levels] of expected.get(resource.id) ?? [])
            explained.set((0,types/* subjectFor */.q)(resource, login, people).identity.toLowerCase(), levels);
        for (const a of assignments) {
            if (explained.get(a.identity.toLowerCase())?.has(a.access))
                continue;
            const entry = {
                resource: resource.id,
                identity: a.identity,
                access: a.access,
                pruned: false,
                detail: 'no active grant or baseline explains this access',
            };
            if (resource.prune) {
                try {
                    const login = [...people.values()].find((p) => (p.identities[resource.provider] ?? p.login).toLowerCase() === a.identity.toLowerCase())?.login ?? a.identity;
                    const r = await deps.providers(resource.provider).revoke({
                        resource,
                        subject: { login, identity: a.identity },
                        level: a.access,
                        held: [...(explained.get(a.identity.toLowerCase()) ?? [])],
                        event: { kind: 'revoke', grantId: `drift:${resource.id}` },
                    });
                    entry.pruned = true;
                    entry.detail = `pruned: ${r.detail}`;
                }
                catch (e) {
                    result.failures.push(failureOf(`(drift on ${resource.id})`, resource.id, e));
                }
            }
            result.drift.push(entry);
        }
    }
    // Record the confirmed removals (one commit or one PR for the whole run).
    if (deps.record) {
        try {
            result.record = await recordRemovals(deps.gh, deps.ref, deps.defaultBranch, config.prepared.snapshot.settings.revocation.mode, removals);
        }
        catch (e) {
            result.failures.push(failureOf('(revocation record)', undefined, e));
        }
    }
    // Retro-review issues: opened or updated while waiting, marked when revoked early, closed
    // when the review is there (also for break-glass grants already removed from git).
    const anyBreakGlass = config.prepared.snapshot.policies.some((p) => Object.values(p.access).some((a) => a.breakGlass));
    if (deps.record && !deps.unknownLogin && (retroTracked.length > 0 || anyBreakGlass)) {
        try {
            await syncRetroIssues(bgDeps, retroTracked, async (file, commit) => {
                const c = await check(file, commit);
                const bg = c.decision?.policy.breakGlass;
                if (!c.approved || !bg || c.pr === null)
                    return null;
                const at = Number((await (0,run/* git */.$)(deps.repoDir, ['show', '-s', '--format=%ct', commit])).trim()) * 1000;
                return retroStatusOf(bgDeps, config.prepared, {
                    pr: c.pr,
                    breakGlass: bg,
                    requester: c.grant.requester,
                    landedAtMs: at,
                });
            }, deps.log);
        }
        catch (e) {
            result.failures.push(failureOf('(retro-review issues)', undefined, e));
        }
    }
    // Escalation (docs/escalation.md) and notifications (docs/notifications.md): never a failure.
    await afterReconcile({ ...deps, record: deps.record && !deps.unknownLogin && !revokeOnly }, config.prepared, known, result, state);
    // A run without failures is a success even when it comes late (stale): it converged, and the
    // next run on schedule is green again. The stale run itself is red, so the gap is seen.
    state.lastRun = result.now;
    if (result.failures.length === 0)
        state.lastSuccess = result.now;
    // A state that could not be read is NOT written back: this run worked from an empty one, and
    // writing it would erase the stored last success (the stalled-schedule alarm), the cached
    // approvals and the failed-revocation counts (the alert after 3 runs). The run is red anyway.
    // (Found by the fault-injection suite: test/fault/cases.ts, row R03.)
    if (!stateError) {
        try {
            await deps.state.write(state);
            result.lastSuccess = state.lastSuccess ?? null;
        }
        catch (e) {
            result.failures.push(failureOf(`(state ${deps.state.describe})`, undefined, e));
        }
    }
    result.ok = result.failures.length === 0 && !stale;
    return result;
    async function revokeDeletions() {
        let found;
        try {
            found = await deletionsToConfirm(deps.repoDir, state.deletions, deps.nowMs);
        }
        catch (e) {
            // The watermark stays where it was: the same deletions are taken next run.
            result.failures.push(failureOf('(deleted grant files)', undefined, e));
            return;
        }
        found.log.forEach((m) => deps.log(m));
        const pending = {};
        for (const d of found.deletions) {
            let ok = true;
            let facts = { file: d.file, grant: d.file, person: '?', access: '?', resources: [] };
            try {
                const g = await (0,deleted_grant/* deletedGrant */.Q)(deps.repoDir, d.file, d.commit);
                if (g.valid) {
                    const { grant } = g;
                    facts = {
                        file: d.file,
                        grant: grant.id,
                        person: grant.requester,
                        access: grant.access,
                        resources: g.resources.map((r) => r.id),
                    };
                    for (const resource of g.resources) {
                        try {
                            const r = await deps.providers(resource.provider).revoke({
                                resource,
                                subject: (0,types/* subjectFor */.q)(resource, grant.requester, people),
                                level: grant.access,
                                held: heldBy(resource.id, grant.requester),
                                event: { kind: 'revoke', grantId: grant.id },
                            });
                            result.deleted.push({
                                grant: grant.id,
                                file: d.file,
                                person: grant.requester,
                                resource: resource.id,
                                provider: resource.provider,
                                access: grant.access,
                                changed: r.changed,
                                detail: r.detail,
                            });
                        }
                        catch (e) {
                            ok = false;
                            result.failures.push(failureOf(d.file, resource.id, e));
                        }
                    }
                }
            }
            catch (e) {
                ok = false;
                result.failures.push(failureOf(d.file, undefined, e));
            }
            if (ok) {
                if (d.failedRuns >= 3)
                    await closeAlert(d.file);
                continue;
            }
            const n = (pending[d.key] = d.failedRuns + 1);
            if (n >= 3)
                await alertRevocation(facts, `deleted in ${d.commit.slice(0, 7)}`, n);
        }
        state.deletions = { through: found.head, pending };
    }
    async function closeAlert(file) {
        if (!deps.record || deps.unknownLogin)
            return;
        try {
            const marker = (0,alerts/* alertMarker */.$k)(`revoke-failed:${file}`);
            const open = await deps.gh.paginate(deps.gh.rest.issues.listForRepo, {
                ...deps.ref,
                state: 'open',
                labels: alerts/* ALERT_LABEL */.We,
                per_page: 100,
            });
            for (const i of open.filter((x) => !x.pull_request && (0,sticky_read/* isOurs */.M)(x, marker, deps.login))) {
                await deps.gh.rest.issues.createComment({
                    ...deps.ref,
                    issue_number: i.number,
                    body: `The revocation of \`${file}\` was confirmed at ${result.now}: closing.`,
                });
                await deps.gh.rest.issues.update({ ...deps.ref, issue_number: i.number, state: 'closed' });
            }
        }
        catch (e) {
            deps.log(`could not close the alert of ${file}: ${e instanceof Error ? e.message : String(e)}`);
        }
    }
    async function alertRevocation(k, ended, runs) {
        if (deps.unknownLogin) {
            deps.log(`not raising the alert for ${k.file} this run: ${deps.unknownLogin}`);
            return;
        }
        try {
            const a = await (0,alerts/* upsertAlert */.gN)(deps.gh, deps.ref, deps.login, {
                key: `revoke-failed:${k.file}`,
                title: `gitgrant: revocation of ${k.grant} has failed ${runs} runs in a row`,
                body: [
                    `**Grant:** \`${k.file}\` (${k.person}, ${k.access} on ${k.resources.join(', ')})`,
                    `**Window ended:** ${ended}`,
                    `**Failed runs in a row:** ${runs}`,
                    '',
                    '**Last errors**',
                    ...result.failures
                        .filter((f) => f.file === k.file)
                        .map((f) => `- ${f.resource ?? ''}: ${f.message}`),
                    '',
                    `${ended.startsWith('deleted') ? 'Every' : 'The grant file stays on the default branch and every'} reconcile run retries the revocation. Fix the cause (provider credentials, permissions, connectivity); this issue is updated until the revocation is confirmed.`,
                ].join('\n'),
            });
            result.alerts.push(a.number);
        }
        catch (e) {
            result.failures.push(failureOf(k.file, undefined, e));
        }
    }
}
function grantFacts(k) {
    return {
        file: k.file,
        grant: k.grant.id,
        person: k.grant.requester,
        access: k.grant.access,
        resources: k.resources.map((r) => r.id),
    };
}
function resourcesOf(grant, approval, config) {
    // The resources approved at merge; for grants that never passed, their current resolution
    // (so an expired, never-applied grant is still revoked wherever it might have given access).
    const byId = new Map(config.prepared.snapshot.resources.map((r) => [r.id, r]));
    const out = new Map();
    for (const id of approval.resources) {
        const r = byId.get(id);
        if (r)
            out.set(id, r);
    }
    for (const r of (0,resolve/* resolveResources */.k)(grant, config.prepared.inventory).resources)
        if (!out.has(r.id))
            out.set(r.id, r);
    return [...out.values()];
}
function change(k, resource, changed, detail) {
    return {
        grant: k.grant.id,
        file: k.file,
        person: k.grant.requester,
        resource: resource.id,
        provider: resource.provider,
        access: k.grant.access,
        changed,
        detail,
        ...(k.window.start ? { start: k.window.start } : {}),
        ...(k.window.end ? { end: k.window.end } : {}),
        pr: k.approval.pr,
    };
}

// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(6584);
;// CONCATENATED MODULE: ./src/github/state-branch.ts

const STATE_BRANCH = 'gitgrant-state';
function branchStateStore(gh, ref, branch = STATE_BRANCH) {
    let head = null;
    return {
        describe: `branch ${branch}`,
        async read() {
            try {
                const { data: r } = await gh.rest.git.getRef({ ...ref, ref: `heads/${branch}` });
                head = r.object.sha;
                const { data: c } = await gh.rest.git.getCommit({ ...ref, commit_sha: head });
                const { data: t } = await gh.rest.git.getTree({ ...ref, tree_sha: c.tree.sha });
                const entry = t.tree.find((e) => e.path === 'state.json');
                if (!entry?.sha)
                    return parseState(null);
                const { data: b } = await gh.rest.git.getBlob({ ...ref, file_sha: entry.sha });
                return parseState(Buffer.from(b.content, 'base64').toString('utf8'));
            }
            catch (e) {
                if (e.status === 404)
                    return parseState(null);
                throw e;
            }
        },
        async write(state) {
            const { data: tree } = await gh.rest.git.createTree({
                ...ref,
                tree: [
                    {
                        path: 'state.json',
                        mode: '100644',
                        type: 'blob',
                        content: JSON.stringify(state, null, 2) + '\n',
                    },
                ],
            });
            const { data: commit } = await gh.rest.git.createCommit({
                ...ref,
                message: `gitgrant: reconcile state at ${state.lastRun ?? new Date().toISOString()}`,
                tree: tree.sha,
                parents: head ? [head] : [],
            });
            const forcePush = () => gh.rest.git.updateRef({ ...ref, ref: `heads/${branch}`, sha: commit.sha, force: true });
            if (head)
                await forcePush();
            else
                await gh.rest.git
                    .createRef({ ...ref, ref: `refs/heads/${branch}`, sha: commit.sha })
                    .catch(async (e) => {
                    // An overlapping run created the branch first (422 "Reference already exists"):
                    // the newest state wins, as with every later write.
                    if (e.status !== 422)
                        throw e;
                    await forcePush();
                });
            head = commit.sha;
        },
    };
}

// EXTERNAL MODULE: ./src/providers/registry.ts + 3 modules
var registry = __webpack_require__(8975);
// EXTERNAL MODULE: ./src/render/markdown/escape.ts
var markdown_escape = __webpack_require__(4013);
;// CONCATENATED MODULE: ./src/render/reconcile-markdown.ts

function renderReconcileMarkdown(r) {
    const out = [
        '### gitgrant · reconcile',
        '',
        `Run at ${(0,markdown_escape/* text */.Qq)(r.now)}; previous success: ${r.previousSuccess ? (0,markdown_escape/* text */.Qq)(r.previousSuccess) : 'none recorded'}.`,
        '',
    ];
    if (r.stale)
        out.push('> [!WARNING]', '> The previous successful run is older than twice the schedule interval: runs were missed or failing. Expired access may have outlived its window; this run revoked everything overdue.', '');
    const rows = (title, xs) => {
        if (!xs.length)
            return;
        out.push(`**${title}**`, '', '| grant | person | resource | access | window | result |', '| --- | --- | --- | --- | --- | --- |');
        for (const x of xs)
            out.push(`| ${(0,markdown_escape/* code */.aY)(x.grant, { inTable: true })} | ${(0,markdown_escape/* text */.Qq)(x.person)} | ${(0,markdown_escape/* code */.aY)(x.resource, { inTable: true })} | ${(0,markdown_escape/* code */.aY)(x.access, { inTable: true })} | ${(0,markdown_escape/* text */.Qq)(`${x.start ?? '?'} → ${x.end ?? '?'}`)} | ${(0,markdown_escape/* text */.Qq)(x.detail, 200)} |`);
        out.push('');
    };
    rows('Revoked (window ended)', r.revoked);
    rows('Re-applied (access was missing)', r.reapplied);
    rows('Revoked again (grant file deleted from the default branch: the backstop to apply)', r.deleted);
    if (r.drift.length) {
        out.push('**Drift** (access no active grant or baseline explains)', '');
        for (const d of r.drift)
            out.push(`- ${(0,markdown_escape/* code */.aY)(d.resource)}: ${(0,markdown_escape/* text */.Qq)(d.identity)} has ${(0,markdown_escape/* code */.aY)(d.access)}${d.pruned ? ' — pruned' : ''}: ${(0,markdown_escape/* text */.Qq)(d.detail, 200)}`);
        out.push('');
    }
    if (r.notApproved.length) {
        out.push('**Not granted** (on the default branch, but not approved at merge: gitgrant gives no access for these; they are revoked and recorded when their window ends)', '');
        for (const n of r.notApproved)
            out.push(`- ${(0,markdown_escape/* code */.aY)(n.file)} (${(0,markdown_escape/* text */.Qq)(n.person)}, ${(0,markdown_escape/* text */.Qq)(`${n.start ?? '?'} → ${n.end ?? '?'}`)}): ${(0,markdown_escape/* text */.Qq)(n.reasons.join('; ') || 'not approved', 500)}`);
        out.push('');
    }
    if (r.record && r.record.kind !== 'none') {
        out.push(r.record.kind === 'commit'
            ? `Recorded in commit ${(0,markdown_escape/* code */.aY)(r.record.sha ?? '')}.`
            : `Recorded in pull request #${r.record.pr}.`, '');
    }
    if (r.kept.length)
        out.push(`Kept in git until their revocation is confirmed: ${r.kept.map((f) => (0,markdown_escape/* code */.aY)(f)).join(', ')}`, '');
    if (r.failures.length) {
        out.push('**Failed** (the run is red; the next run retries)', '');
        for (const f of r.failures)
            out.push(`- ${(0,markdown_escape/* code */.aY)(f.file)}${f.resource ? ` on ${(0,markdown_escape/* code */.aY)(f.resource)}` : ''}: ${(0,markdown_escape/* text */.Qq)(f.message, 500)}`);
        out.push('');
    }
    if (!r.revoked.length &&
        !r.reapplied.length &&
        !r.deleted.length &&
        !r.drift.length &&
        !r.failures.length &&
        !r.notApproved.length)
        out.push('Nothing to do: every grant is where it should be.');
    return out.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/action/reconcile.ts
/**
 * The Action's `reconcile` (schedule, workflow_dispatch): the whole state converges on every run.
 * Outputs: `revoked`, `granted` (re-applied), `result`, and `last-success`.
 */









async function actionReconcile(env) {
    const repoDir = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const log = (m) => core/* info */.pq(m);
    const gh = (0,client/* createClient */.UU)(env.token, { log });
    const appGh = env.appToken ? (0,client/* createClient */.UU)(env.appToken, { log }) : gh;
    const ref = { owner: env.owner, repo: env.repo };
    const interval = core/* getInput */.V4('interval') || '15m';
    const parsed = (0,duration/* parseDuration */.E9)(interval);
    if (!parsed.ok)
        throw new errors/* UsageError */.eb(`interval: ${parsed.reason}`);
    // Neither the default branch nor the token's login may stop revocations (docs/security.md):
    // both fall back, and the run says so.
    const defaultBranch = await defaultBranchOf(env, () => gh.rest.repos.get(ref), (m) => core/* warning */.$e(m));
    const { login, unknownLogin } = await (0,report/* tokenLoginForReconcile */.OJ)(appGh);
    const result = await runReconcile({
        gh: appGh,
        teamsGh: appGh,
        ref,
        repoDir,
        login,
        ...(unknownLogin ? { unknownLogin } : {}),
        // Only the App token manages collaborators and teams (as in apply): without one the github
        // provider fails with a clear message instead of trying the workflow token.
        providers: (0,registry/* providersFor */.e)(env.appToken ? { githubClient: appGh } : {}),
        state: branchStateStore(appGh, ref),
        nowMs: Date.now(),
        intervalMs: parsed.ms || 15 * duration/* MINUTE_MS */.kg,
        defaultBranch,
        record: true,
        log,
    });
    core/* setOutput */.uH('revoked', JSON.stringify(result.revoked));
    core/* setOutput */.uH('granted', JSON.stringify(result.reapplied));
    core/* setOutput */.uH('last-success', result.lastSuccess ?? '');
    core/* setOutput */.uH('result', JSON.stringify({
        ok: result.ok,
        drift: result.drift,
        failures: result.failures,
        not_approved: result.notApproved,
        revoked_early: result.revokedEarly,
        deleted: result.deleted,
        kept: result.kept,
        record: result.record,
        stale: result.stale,
    }));
    await core/* summary */.z.addRaw(renderReconcileMarkdown(result)).write();
    for (const n of result.notApproved)
        core/* warning */.$e(`${n.file} is on the default branch but was not approved at merge: nothing is granted (${n.reasons.join('; ') || 'not approved'})`, { file: n.file });
    for (const f of result.failures)
        core/* error */.z3(`${f.resource ? `${f.resource}: ` : ''}${f.message}`, f.file.startsWith('grants/') ? { file: f.file } : {});
    if (result.stale)
        core/* error */.z3(`the previous successful reconcile (${result.previousSuccess}) is older than twice the schedule interval (${interval}): runs were missed or failing`);
    if (!result.ok)
        core/* setFailed */.C1(`gitgrant reconcile: ${result.failures.length} failure(s)${result.stale ? '; schedule stalled' : ''}`);
}
/**
 * The default branch (where revocations are recorded): the API's answer; when the API fails,
 * the event's `repository.default_branch`, then — a scheduled run always runs on the default
 * branch — `GITHUB_REF_NAME`. Only when all three are missing does the run stop.
 */
async function defaultBranchOf(env, get, log) {
    try {
        return (await get()).data.default_branch;
    }
    catch (e) {
        const fromPayload = env.payload.repository
            ?.default_branch;
        const fromRef = env.eventName === 'schedule' ? process.env.GITHUB_REF_NAME : undefined;
        const fallback = typeof fromPayload === 'string' && fromPayload ? fromPayload : fromRef;
        if (!fallback)
            throw e;
        log(`cannot read the repository (${e instanceof Error ? e.message : String(e)}): using ${fallback} as the default branch`);
        return fallback;
    }
}


/***/ }),

/***/ 9968:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ configAt),
/* harmony export */   f: () => (/* binding */ grantsAt)
/* harmony export */ });
/* harmony import */ var _core_codeowners_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(774);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_prepared_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(372);
/* harmony import */ var _github_config_at_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(31);
/* harmony import */ var _github_repo_files_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5645);
/* harmony import */ var _load_grant_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7753);
/* harmony import */ var _load_snapshot_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3435);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6202);
/* harmony import */ var _discovered_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8750);
/**
 * Reading a pull request's configuration (at its base) and requests (at its head) through the
 * API, as data.
 */









async function configAt(ctx, commit) {
    const built = (0,_load_snapshot_js__WEBPACK_IMPORTED_MODULE_3__/* .buildSnapshot */ .t)(await (0,_github_config_at_js__WEBPACK_IMPORTED_MODULE_6__/* .policyFilesAt */ .Nd)(ctx.gh, ctx.ref, commit));
    if (!built.ok) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`policies/ at the base commit ${commit.slice(0, 7)} is invalid: no request can be decided until it is fixed`, built.diagnostics);
    }
    const owners = await (0,_github_config_at_js__WEBPACK_IMPORTED_MODULE_6__/* .codeownersAt */ .v3)(ctx.gh, ctx.ref, commit);
    // Discovered resources are read with the App token when there is one (custom properties).
    return (0,_discovered_js__WEBPACK_IMPORTED_MODULE_5__/* .withDiscovery */ .F)({
        prepared: (0,_core_prepared_js__WEBPACK_IMPORTED_MODULE_1__/* .prepare */ .i)(built.snapshot),
        codeowners: owners ? (0,_core_codeowners_js__WEBPACK_IMPORTED_MODULE_7__/* .parseCodeowners */ .BW)(owners.text, owners.path) : null,
        origin: `base commit ${commit.slice(0, 7)}`,
    }, ctx.teamsGh);
}
/** Grant files at the head commit, only the given paths, read as data. */
async function grantsAt(ctx, commit, paths) {
    if (paths.length === 0)
        return [];
    const wanted = new Set(paths);
    const all = await (0,_github_repo_files_js__WEBPACK_IMPORTED_MODULE_8__/* .listTree */ .n)(ctx.gh, ctx.ref, commit, 'grants');
    const entries = all.filter((e) => wanted.has(e.path));
    // An added file may not reuse the id of any other grant file (existing or added).
    const idOf = (p) => /([^/]+)\.yaml$/.exec(p)?.[1];
    const clashes = new Map();
    for (const p of paths) {
        const other = all.find((e) => e.path !== p && idOf(e.path) !== undefined && idOf(e.path) === idOf(p));
        if (other)
            clashes.set(p, other.path);
    }
    const found = new Set(entries.map((e) => e.path));
    const missing = paths
        .filter((p) => !found.has(p))
        .map((p) => ({
        file: p,
        diagnostics: [
            {
                code: 'not-a-file',
                message: `${p} is not a regular file at the head commit`,
                file: p,
                line: 1,
                column: 1,
            },
        ],
    }));
    const loaded = (0,_load_grant_file_js__WEBPACK_IMPORTED_MODULE_2__/* .loadGrants */ .Y)(await (0,_github_config_at_js__WEBPACK_IMPORTED_MODULE_6__/* .readEntries */ .$2)(ctx.gh, ctx.ref, entries)).map(({ path, result }) => result.ok
        ? { file: path, grant: result.grant, diagnostics: [] }
        : { file: path, diagnostics: result.diagnostics });
    return (0,_config_js__WEBPACK_IMPORTED_MODULE_4__/* .withIdClashes */ .bN)([...loaded, ...missing], clashes);
}


/***/ }),

/***/ 31:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $2: () => (/* binding */ readEntries),
/* harmony export */   Nd: () => (/* binding */ policyFilesAt),
/* harmony export */   v3: () => (/* binding */ codeownersAt)
/* harmony export */ });
/* harmony import */ var _core_codeowners_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(774);
/* harmony import */ var _repo_files_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5645);
/**
 * The trusted configuration at a commit (the pull request's base), read through the API:
 * every file under policies/ and the CODEOWNERS file GitHub would use.
 */


/** Read the regular files among `entries`; symlinks and submodules are listed, never read. */
async function readEntries(gh, ref, entries) {
    return Promise.all(entries.map(async (e) => e.kind === 'file'
        ? { path: e.path, kind: e.kind, bytes: await (0,_repo_files_js__WEBPACK_IMPORTED_MODULE_0__/* .readBlob */ .g)(gh, ref, e.sha) }
        : { path: e.path, kind: e.kind }));
}
async function policyFilesAt(gh, ref, commit) {
    return readEntries(gh, ref, await (0,_repo_files_js__WEBPACK_IMPORTED_MODULE_0__/* .listTree */ .n)(gh, ref, commit, 'policies'));
}
async function codeownersAt(gh, ref, commit) {
    const [github, root, docs] = await Promise.all([
        (0,_repo_files_js__WEBPACK_IMPORTED_MODULE_0__/* .listTree */ .n)(gh, ref, commit, '.github', false).then((es) => es.filter((e) => e.path === '.github/CODEOWNERS')),
        (0,_repo_files_js__WEBPACK_IMPORTED_MODULE_0__/* .listTree */ .n)(gh, ref, commit, '', false).then((es) => es.filter((e) => e.path === 'CODEOWNERS')),
        (0,_repo_files_js__WEBPACK_IMPORTED_MODULE_0__/* .listTree */ .n)(gh, ref, commit, 'docs', false).then((es) => es.filter((e) => e.path === 'docs/CODEOWNERS')),
    ]);
    const found = [...github, ...root, ...docs].filter((e) => e.kind === 'file');
    const candidates = await Promise.all(found.map(async (e) => ({
        path: e.path,
        text: Buffer.from(await (0,_repo_files_js__WEBPACK_IMPORTED_MODULE_0__/* .readBlob */ .g)(gh, ref, e.sha)).toString('utf8'),
    })));
    // GitHub's search order: .github/, then the root, then docs/; the first found is used.
    candidates.sort((a, b) => _core_codeowners_js__WEBPACK_IMPORTED_MODULE_1__/* .CODEOWNERS_LOCATIONS */ .B$.indexOf(a.path) - _core_codeowners_js__WEBPACK_IMPORTED_MODULE_1__/* .CODEOWNERS_LOCATIONS */ .B$.indexOf(b.path));
    return (0,_core_codeowners_js__WEBPACK_IMPORTED_MODULE_1__/* .pickCodeowners */ .X5)(candidates);
}


/***/ }),

/***/ 5645:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ readBlob),
/* harmony export */   n: () => (/* binding */ listTree)
/* harmony export */ });
function kindOf(mode, type) {
    if (mode === '120000')
        return 'symlink';
    if (mode === '160000' || type === 'commit')
        return 'submodule';
    if (type === 'blob' && (mode === '100644' || mode === '100755'))
        return 'file';
    return 'other';
}
/** Every entry below `dir` at `commit` (recursive unless told otherwise). Empty when the folder does not exist. */
async function listTree(gh, ref, commit, dir, recursive = true) {
    // Walk from the root tree to `dir` one level at a time, then read that subtree recursively,
    // so a large repository's unrelated files are never listed (and never truncate the answer).
    let treeSha = commit;
    const parts = dir.split('/').filter(Boolean);
    for (const part of parts) {
        const { data } = await gh.rest.git.getTree({ ...ref, tree_sha: treeSha });
        const next = data.tree.find((e) => e.path === part);
        if (!next || next.type !== 'tree' || !next.sha)
            return [];
        treeSha = next.sha;
    }
    const { data } = await gh.rest.git.getTree({
        ...ref,
        tree_sha: treeSha,
        ...(recursive ? { recursive: 'true' } : {}),
    });
    if (data.truncated) {
        throw new Error(`the tree of ${dir || '/'} at ${commit} is too large for one API answer (truncated): refusing to decide on part of it`);
    }
    const prefix = parts.length ? `${parts.join('/')}/` : '';
    return data.tree
        .filter((e) => e.type !== 'tree' && e.path && e.sha)
        .map((e) => ({
        path: prefix + e.path,
        kind: kindOf(e.mode ?? '', e.type ?? ''),
        sha: e.sha,
        ...(e.size === undefined ? {} : { size: e.size }),
    }));
}
async function readBlob(gh, ref, sha) {
    const { data } = await gh.rest.git.getBlob({ ...ref, file_sha: sha });
    if (data.encoding !== 'base64')
        throw new Error(`blob ${sha} came back as ${data.encoding}, not base64`);
    return new Uint8Array(Buffer.from(data.content, 'base64'));
}


/***/ })

};
