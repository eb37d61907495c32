export const id = 682;
export const ids = [682];
export const modules = {

/***/ 1682:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  actionValidate: () => (/* binding */ actionValidate)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(6584);
// EXTERNAL MODULE: ./src/github/pr-facts.ts
var pr_facts = __webpack_require__(6035);
// EXTERNAL MODULE: ./src/github/report.ts
var github_report = __webpack_require__(2745);
// EXTERNAL MODULE: ./src/core/changes.ts
var core_changes = __webpack_require__(1490);
// EXTERNAL MODULE: ./src/core/teams-needed.ts
var teams_needed = __webpack_require__(1407);
// EXTERNAL MODULE: ./src/core/principals.ts
var principals = __webpack_require__(1496);
// EXTERNAL MODULE: ./src/github/teams.ts
var github_teams = __webpack_require__(4769);
// EXTERNAL MODULE: ./src/commands/pr-files.ts
var pr_files = __webpack_require__(9968);
// EXTERNAL MODULE: ./src/core/decide.ts
var decide = __webpack_require__(8019);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
// EXTERNAL MODULE: ./src/core/approvals.ts + 3 modules
var core_approvals = __webpack_require__(9414);
// EXTERNAL MODULE: ./src/commands/config.ts + 2 modules
var config = __webpack_require__(6202);
// EXTERNAL MODULE: ./src/commands/history.ts + 2 modules
var commands_history = __webpack_require__(6124);
;// CONCATENATED MODULE: ./src/commands/validate.ts
/**
 * `gitgrant validate`: check grant files against policies and, with pull-request facts,
 * their approvals. Returns the documented JSON shape (DESIGN.md §5) plus the decisions for
 * text rendering.
 */






/** One file's entry of `validate --format json` (DESIGN.md §5). */
function fileResultJson(file, decision, errors, withApprovals) {
    if (!decision) {
        return { file, ok: false, approved: false, resources: [], max_duration: null, approvals: [], errors };
    }
    const { policy, approvals } = decision;
    const slots = approvals
        ? approvals.rules.map((r) => ({
            from: r.from,
            count: r.count,
            approved_by: r.approved_by,
            missing: r.missing,
        }))
        : policy.rules.map((r) => ({
            from: (0,core_approvals/* describeFrom */.eo)(r.from),
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
        max_duration: policy.maxDurationMs === undefined ? null : (0,duration/* formatDuration */.a3)(policy.maxDurationMs),
        approvals: slots,
        errors: allErrors,
        ...(policy.breakGlass
            ? {
                break_glass: {
                    review_within: policy.breakGlass.reviewWithin,
                    reviewers: policy.breakGlass.rules.map((r) => (0,core_approvals/* describeFrom */.eo)(r.from)),
                    policies: policy.breakGlass.policies,
                },
            }
            : {}),
    };
}
async function runValidate(opts) {
    const config = await loadConfig(opts.repo, opts.policiesRef);
    let paths = opts.files && opts.files.length ? opts.files : undefined;
    if (opts.facts)
        paths = classifyChanges(opts.facts.changed_files).added;
    const loaded = paths && paths.length === 0 ? [] : await loadGrantFiles(opts.repo, paths);
    // Extensions and hours caps are decided on the history of REF (or HEAD) in the repository.
    const history = await historyForFiles(opts.repo, opts.policiesRef ?? 'HEAD', loaded, config.prepared, opts.nowMs ?? Date.now());
    return evaluateRequests(config, loaded, opts.facts, history);
}
/**
 * Decide every loaded grant file. With PR facts, the changed files also decide `mixed-change`
 * and `grant-modified`, and approvals are checked.
 */
function evaluateRequests(config, loaded, facts, history) {
    const opts = { facts };
    const extraErrors = new Map();
    let deleted = [];
    if (facts) {
        const changes = (0,core_changes/* classifyChanges */.Wu)(facts.changed_files);
        deleted = changes.deleted;
        for (const d of changes.diagnostics)
            extraErrors.set(d.file, [...(extraErrors.get(d.file) ?? []), d]);
    }
    const decisions = new Map();
    const results = [];
    for (const item of loaded) {
        const extra = extraErrors.get(item.file) ?? [];
        extraErrors.delete(item.file);
        if (!item.grant) {
            results.push(fileResultJson(item.file, undefined, [...item.diagnostics, ...extra], !!opts.facts));
            continue;
        }
        const decision = (0,decide/* decideGrant */.d)(item.grant, config.prepared, {
            facts: opts.facts,
            codeowners: config.codeowners,
            ...(history?.has(item.file) ? { history: history.get(item.file) } : {}),
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

// EXTERNAL MODULE: ./src/core/codeowners.ts
var codeowners = __webpack_require__(774);
// EXTERNAL MODULE: ./src/core/prepared.ts + 1 modules
var prepared = __webpack_require__(372);
;// CONCATENATED MODULE: ./src/core/impact.ts
const slots = (d) => d.policy.rules.reduce((n, r) => n + r.count, 0);
function policyImpact(grants, before, after) {
    const out = [];
    for (const g of grants) {
        const b = before(g);
        const a = after(g);
        const entry = (kind, detail) => out.push({ file: g.file, requester: g.requester, kind, detail });
        if (b.valid && !a.valid) {
            entry('invalidate', a.diagnostics.map((d) => `${d.code}: ${d.message}`).join('; '));
            continue;
        }
        if (!b.valid && a.valid) {
            entry('widen', `becomes valid (was: ${b.diagnostics.map((d) => d.code).join(', ')})`);
            continue;
        }
        if (!a.valid)
            continue;
        const bMax = b.policy.maxDurationMs ?? 0;
        const aMax = a.policy.maxDurationMs ?? 0;
        if (aMax > bMax)
            entry('widen', `max duration ${b.policy.maxDuration} → ${a.policy.maxDuration}`);
        if (aMax < bMax)
            entry('narrow', `max duration ${b.policy.maxDuration} → ${a.policy.maxDuration}`);
        const bs = slots(b);
        const as = slots(a);
        if (as < bs)
            entry('widen', `approvals needed ${bs} → ${as}`);
        if (as > bs)
            entry('narrow', `approvals needed ${bs} → ${as}`);
        const bIds = b.policy.resources.map((r) => r.id).join(',');
        const aIds = a.policy.resources.map((r) => r.id).join(',');
        if (aIds !== bIds)
            entry(a.policy.resources.length > b.policy.resources.length ? 'widen' : 'narrow', `resources ${bIds || '∅'} → ${aIds || '∅'}`);
    }
    return out;
}

// EXTERNAL MODULE: ./src/github/config-at.ts
var config_at = __webpack_require__(31);
// EXTERNAL MODULE: ./src/load/snapshot.ts + 5 modules
var snapshot = __webpack_require__(3435);
// EXTERNAL MODULE: ./src/github/repo-files.ts
var repo_files = __webpack_require__(5645);
;// CONCATENATED MODULE: ./src/commands/policy-change.ts
/**
 * A pull request that changes policies/ or CODEOWNERS (DESIGN.md §3): its new files must be
 * valid (nothing broken may land), it needs the `admins` approvals of the BASE settings (a
 * change cannot lower the bar for itself), and its report lists the grants on the base branch
 * that the change would widen, narrow or invalidate.
 */









/** Open pull requests (other than `self`) that add grant files, with those files read at their heads. */
async function openRequests(ctx, self) {
    const prs = await ctx.gh.paginate(ctx.gh.rest.pulls.list, { ...ctx.ref, state: 'open', per_page: 100 });
    const out = [];
    for (const p of prs) {
        if (p.number === self)
            continue;
        const files = await ctx.gh.paginate(ctx.gh.rest.pulls.listFiles, {
            ...ctx.ref,
            pull_number: p.number,
            per_page: 100,
        });
        const added = files
            .filter((f) => f.status === 'added' && f.filename.startsWith('grants/'))
            .map((f) => f.filename);
        if (added.length === 0)
            continue;
        const loaded = await (0,pr_files/* grantsAt */.f)(ctx, p.head.sha, added);
        out.push({ number: p.number, grants: loaded.flatMap((l) => (l.grant ? [l.grant] : [])) });
    }
    return out;
}
async function evaluatePolicyChange(ctx, pr, facts, base) {
    const errors = [];
    const built = (0,snapshot/* buildSnapshot */.t)(await (0,config_at/* policyFilesAt */.Nd)(ctx.gh, ctx.ref, pr.headSha));
    if (!built.ok)
        errors.push(...built.diagnostics);
    const owners = await (0,config_at/* codeownersAt */.v3)(ctx.gh, ctx.ref, pr.headSha);
    const newOwners = owners ? (0,codeowners/* parseCodeowners */.BW)(owners.text, owners.path) : null;
    for (const e of newOwners?.errors ?? []) {
        errors.push({
            code: 'schema',
            message: `CODEOWNERS: ${e.message}`,
            file: owners.path,
            line: e.line,
            column: e.column,
        });
    }
    const admins = base.prepared.snapshot.settings.admins;
    const approvals = (0,core_approvals/* evaluateApprovals */.EQ)({
        rules: [{ from: admins.from, count: admins.count, policies: ['settings.admins'] }],
        requester: pr.author.login,
        facts,
        dir: (0,core_approvals/* directoryWithTeams */.Kj)(base.prepared.directory, facts.teams),
        codeowners: null,
    });
    let impact = [];
    if (built.ok) {
        const current = (await (0,repo_files/* listTree */.n)(ctx.gh, ctx.ref, pr.baseSha, 'grants')).map((e) => e.path);
        const loaded = await (0,pr_files/* grantsAt */.f)(ctx, pr.baseSha, current);
        const after = (0,prepared/* prepare */.i)(built.snapshot);
        const compare = (grants) => policyImpact(grants, (g) => (0,decide/* decideGrant */.d)(g, base.prepared, { codeowners: base.codeowners }), (g) => (0,decide/* decideGrant */.d)(g, after, { codeowners: newOwners }));
        impact = compare(loaded.flatMap((l) => (l.grant ? [l.grant] : [])));
        // Pending requests: grant files added by other open pull requests, read at their heads.
        for (const other of await openRequests(ctx, pr.number)) {
            for (const e of compare(other.grants))
                impact.push({ ...e, pending: other.number });
        }
    }
    return { ok: errors.length === 0 && approvals.approved, errors, approvals, impact };
}

;// CONCATENATED MODULE: ./src/commands/validate-pr.ts
/**
 * `validate` on a pull request (the Action): read the PR as data through the API, decide, and
 * say what to report. Trust comes from the base: policies, people, groups, settings and
 * CODEOWNERS are read at the PR's base commit; grant files are read as blobs at the head
 * commit and never checked out or executed.
 */









/**
 * Decide a pull request. Pass the `PullRequestInfo` already read when the caller reports on its
 * head commit: the decision is then about exactly that head (a push in between is detected and
 * refused, never mixed in).
 */
async function validatePullRequest(ctx, prOrNumber) {
    const pr = typeof prOrNumber === 'number' ? await (0,pr_facts/* readPullRequest */.DQ)(ctx.gh, ctx.ref, prOrNumber) : prOrNumber;
    const { facts: partial, unmappedCommits, commitsTruncated } = await (0,pr_facts/* readPrFacts */.gs)(ctx.gh, ctx.ref, pr);
    const doubt = identityDoubt(unmappedCommits, commitsTruncated);
    const changes = (0,core_changes/* classifyChanges */.Wu)(partial.changed_files);
    const base = await (0,pr_files/* configAt */.E)(ctx, pr.baseSha);
    if (changes.kind === 'policy') {
        // A policy change needs only the admins' teams.
        const admins = base.prepared.snapshot.settings.admins.from;
        const teams = await (0,github_teams/* teamReader */.p)(ctx.teamsGh).members(admins === 'codeowners' ? [] : (0,principals/* teamsNamed */.aV)(admins));
        const policy = await evaluatePolicyChange(ctx, pr, { ...partial, teams }, base);
        if (doubt) {
            policy.approvals.approved = false;
            policy.approvals.errors.push({ code: 'approval-missing', message: doubt });
            policy.ok = false;
        }
        return { kind: 'policy', pr, policy };
    }
    if (changes.kind === 'other')
        return { kind: 'none', pr };
    const loaded = await (0,pr_files/* grantsAt */.f)(ctx, pr.headSha, changes.added);
    const grants = loaded.flatMap((l) => (l.grant ? [l.grant] : []));
    const teams = await (0,github_teams/* teamReader */.p)(ctx.teamsGh).members((0,teams_needed/* teamsNeededFor */.l)(base.prepared, base.codeowners, grants));
    const facts = { ...partial, teams };
    // Extensions and hours caps: the base's history, from the local clone of the default branch.
    const history = new Map();
    const reader = (0,commands_history/* historyReader */.k)(ctx.repoDir ?? '.');
    const nowMs = Date.now();
    for (const g of grants) {
        const h = await reader.factsFor(ctx.repoDir ? pr.baseSha : null, g, base.prepared, nowMs);
        if (h)
            history.set(g.file, h);
    }
    const outcome = evaluateRequests(base, loaded, facts, history);
    if (doubt)
        failClosed(outcome, doubt);
    return { kind: 'grants', pr, outcome };
}
/**
 * A commit GitHub cannot map to an account, or a commit beyond the 250 GitHub lists, was made by
 * someone nobody can exclude from approving: fail closed rather than risk counting that person's
 * own approval.
 */
function identityDoubt(unmapped, truncated) {
    if (unmapped.length) {
        return `commit ${unmapped.map((s) => s.slice(0, 7)).join(', ')} has an author or committer GitHub cannot map to an account, so approvals cannot exclude them: re-author the commit with an e-mail linked to a GitHub account`;
    }
    if (truncated) {
        return 'this pull request has more commits than GitHub lists (250), so the people who made the rest cannot be excluded from approving: squash the commits';
    }
    return null;
}
function failClosed(outcome, message) {
    for (const r of outcome.json.results) {
        const d = { code: 'approval-missing', message, file: r.file, line: 1, column: 1 };
        r.errors.push(d);
        r.ok = false;
        r.approved = false;
    }
    outcome.json.ok = false;
}

// EXTERNAL MODULE: ./src/commands/digest.ts
var digest = __webpack_require__(2876);
// EXTERNAL MODULE: ./src/render/markdown/comment.ts
var comment = __webpack_require__(3821);
// EXTERNAL MODULE: ./src/render/markdown/record.ts
var markdown_record = __webpack_require__(5699);
// EXTERNAL MODULE: ./src/render/markdown/classify.ts
var classify = __webpack_require__(3676);
// EXTERNAL MODULE: ./src/render/markdown/escape.ts
var markdown_escape = __webpack_require__(4013);
// EXTERNAL MODULE: ./src/render/markdown/status.ts
var markdown_status = __webpack_require__(5540);
;// CONCATENATED MODULE: ./src/render/markdown/summary.ts




/** GitHub's limit is 1 MiB per step; keep a margin for whatever else the step writes. */
const SUMMARY_MAX_BYTES = 1_000_000;
const MAX_RESOURCE_IDS = 5;
const NAME_MAX = 200;
function resourcesCell(r) {
    if (r.resources.length === 0)
        return '—';
    const ids = r.resources.slice(0, MAX_RESOURCE_IDS).map((id) => (0,markdown_escape/* code */.aY)(id, { inTable: true, max: NAME_MAX }));
    if (r.resources.length > MAX_RESOURCE_IDS)
        ids.push(`+${r.resources.length - MAX_RESOURCE_IDS} more`);
    return ids.join(', ');
}
function slotsCell(r, outcome) {
    if (r.approvals.length === 0) {
        const d = outcome.decisions.get(r.file);
        return d && d.policy.ok ? 'none needed' : '—';
    }
    return r.approvals
        .map((a) => {
        const from = (0,markdown_escape/* code */.aY)(a.from, { inTable: true, max: 300 });
        if (!outcome.checkedApprovals)
            return `${from} needs ${a.count}`;
        const filled = a.count - Math.max(0, a.missing);
        const by = a.approved_by.length ? ` (${a.approved_by.map((l) => (0,markdown_escape/* text */.Qq)(l, 100)).join(', ')})` : '';
        return `${from} ${filled}/${a.count}${by}`;
    })
        .join('<br>');
}
function footer(ctx) {
    const url = (0,markdown_escape/* safeUrl */.Pl)(ctx.runUrl);
    const bits = [`head ${(0,markdown_escape/* code */.aY)((0,markdown_escape/* shortSha */.Fu)(ctx.headSha))}`, `checked ${(0,markdown_escape/* text */.Qq)(ctx.now, 40)}`];
    if (url)
        bits.push(`[workflow run](${url})`);
    return `<sub>gitgrant · ${bits.join(' · ')}</sub>`;
}
function renderJobSummary(outcome, ctx) {
    const status = (0,markdown_status/* statusFor */.SR)(outcome);
    const results = outcome.json.results;
    const budget = SUMMARY_MAX_BYTES - 2_000;
    const out = [
        `## ${status.state === 'success' ? '✅' : '❌'} gitgrant validate: ${(0,markdown_escape/* text */.Qq)(status.description, 200)}`,
        '',
    ];
    let used = (0,markdown_escape/* utf8Length */.wI)(out.join('\n')) + (0,markdown_escape/* utf8Length */.wI)(footer(ctx)) + 200;
    const add = (line) => {
        const size = (0,markdown_escape/* utf8Length */.wI)(line) + 1;
        if (used + size > budget)
            return false;
        out.push(line);
        used += size;
        return true;
    };
    let cut = false;
    if (results.length) {
        add('| grant file | status | resources | approvals |');
        add('| --- | --- | --- | --- |');
        for (const [i, r] of results.entries()) {
            const row = `| ${(0,markdown_escape/* code */.aY)(r.file, { inTable: true, max: NAME_MAX })} | ${(0,classify/* verdictOf */.Vj)(r, outcome).label} | ${resourcesCell(r)} | ${slotsCell(r, outcome)} |`;
            if (!add(row)) {
                out.push('', `⚠️ …and ${(0,markdown_escape/* plural */.LS)(results.length - i, 'more grant file')}: the summary is limited to 1 MiB.`);
                cut = true;
                break;
            }
        }
    }
    else {
        add('No grant request in this pull request.');
    }
    if (!cut && outcome.deleted.length) {
        add('');
        add(`### 🗑️ Early revocations (${outcome.deleted.length})`);
        add('');
        for (const [i, file] of outcome.deleted.entries()) {
            if (!add(`- ${(0,markdown_escape/* code */.aY)(file, { max: NAME_MAX })}: revoked when this pull request merges`)) {
                out.push(`- …and ${(0,markdown_escape/* plural */.LS)(outcome.deleted.length - i, 'more file')}`);
                cut = true;
                break;
            }
        }
    }
    const errors = results.flatMap((r) => r.errors);
    if (!cut && errors.length) {
        add('');
        add(`### Errors (${errors.length})`);
        add('');
        for (const [i, e] of errors.entries()) {
            if (!add((0,comment/* renderDiagnosticLine */.Ki)(e))) {
                out.push(`- …and ${(0,markdown_escape/* plural */.LS)(errors.length - i, 'more error')}: the summary is limited to 1 MiB.`);
                break;
            }
        }
    }
    out.push('', footer(ctx));
    return out.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/render/markdown/annotations.ts


const ANNOTATION_LIMIT = 10;
const MESSAGE_MAX = 2000;
const positive = (n) => (Number.isInteger(n) && n >= 1 ? n : 1);
function annotationsFor(outcome) {
    const all = [];
    for (const r of outcome.json.results) {
        for (const e of r.errors) {
            all.push({
                file: e.file || r.file,
                line: positive(e.line),
                column: positive(e.column),
                title: `gitgrant: ${e.code}`,
                message: (0,markdown_escape/* plain */.pj)(e.message, MESSAGE_MAX),
                level: (0,classify/* isReviewCode */.QL)(e.code) ? 'warning' : 'error',
            });
        }
    }
    // Stable: errors first, each group in file order.
    const ordered = [...all.filter((a) => a.level === 'error'), ...all.filter((a) => a.level === 'warning')];
    if (ordered.length <= ANNOTATION_LIMIT)
        return ordered;
    const shown = ordered.slice(0, ANNOTATION_LIMIT - 1);
    const rest = ordered.slice(ANNOTATION_LIMIT - 1);
    const errors = rest.filter((a) => a.level === 'error').length;
    const warnings = rest.length - errors;
    const what = errors && warnings
        ? `${(0,markdown_escape/* plural */.LS)(errors, 'error')} and ${(0,markdown_escape/* plural */.LS)(warnings, 'warning')}`
        : errors
            ? `${errors} more ${errors === 1 ? 'error' : 'errors'}`
            : `${warnings} more ${warnings === 1 ? 'warning' : 'warnings'}`;
    const files = new Set(rest.map((a) => a.file)).size;
    const first = rest[0];
    const lead = errors && warnings ? `and ${rest.length} more: ${what}` : `and ${what}`;
    shown.push({
        file: first.file,
        line: first.line,
        column: first.column,
        title: `gitgrant: ${rest.length} more`,
        message: `${lead} in ${(0,markdown_escape/* plural */.LS)(files, 'file')}: see the job summary`,
        level: errors ? 'error' : 'warning',
    });
    return shown;
}

;// CONCATENATED MODULE: ./src/render/policy-change-markdown.ts


function policy_change_markdown_footer(ctx) {
    const url = (0,markdown_escape/* safeUrl */.Pl)(ctx.runUrl);
    return `<sub>gitgrant · head ${(0,markdown_escape/* code */.aY)((0,markdown_escape/* shortSha */.Fu)(ctx.headSha))} · ${(0,markdown_escape/* text */.Qq)(ctx.now)}${url ? ` · [run](${url})` : ''}</sub>`;
}
function policyChangeStatus(o) {
    if (o.errors.length)
        return {
            state: 'failure',
            description: (0,markdown_escape/* plain */.pj)(`policy change is invalid: ${o.errors.length} error(s), first ${o.errors[0].code} in ${o.errors[0].file}`, 140),
        };
    if (!o.approvals.approved) {
        const missing = o.approvals.rules.reduce((n, r) => n + r.missing, 0);
        const why = o.approvals.errors.some((e) => e.code === 'changes-requested')
            ? 'changes requested by an admin'
            : `waiting for ${(0,markdown_escape/* plural */.LS)(missing, 'admin approval')}`;
        return { state: 'failure', description: (0,markdown_escape/* plain */.pj)(`policy change: ${why}`, 140) };
    }
    return {
        state: 'success',
        description: (0,markdown_escape/* plain */.pj)(`policy change approved by ${o.approvals.rules.flatMap((r) => r.approved_by).join(', ')}`, 140),
    };
}
function renderPolicyChangeComment(o, ctx) {
    const out = [comment/* COMMENT_MARKER */.JO, '### gitgrant · policy change', ''];
    out.push(o.ok
        ? '✅ valid and approved by the admins'
        : o.errors.length
            ? '❌ the new policies are invalid: nothing broken may land'
            : '⏳ valid; waiting for the admins');
    if (o.errors.length) {
        out.push('', '| code | where | message |', '| --- | --- | --- |');
        for (const e of o.errors)
            out.push(`| ${(0,markdown_escape/* code */.aY)(e.code, { inTable: true })} | ${(0,markdown_escape/* code */.aY)(`${e.file}:${e.line}:${e.column}`, { inTable: true })} | ${(0,markdown_escape/* text */.Qq)(e.message)} |`);
    }
    out.push('', '**Admin approvals** (settings.admins of the base branch)', '');
    for (const r of o.approvals.rules) {
        const filled = r.approved_by.map((l) => `✅ ${(0,markdown_escape/* text */.Qq)(l)}`).join(', ');
        const open = r.missing > 0
            ? `⏳ ${r.missing} open${r.candidates.length ? ` (can approve: ${r.candidates.map((c) => (0,markdown_escape/* text */.Qq)(c)).join(', ')})` : ''}`
            : '';
        out.push(`- ${(0,markdown_escape/* text */.Qq)(r.from)} × ${r.count}: ${[filled, open].filter(Boolean).join(' · ')}`);
    }
    for (const e of o.approvals.errors)
        out.push(`- ${(0,markdown_escape/* code */.aY)(e.code)} ${(0,markdown_escape/* text */.Qq)(e.message)}`);
    out.push('', '**Effect on active grants (base branch) and pending requests (open pull requests)**', '');
    if (o.impact.length === 0)
        out.push('No active grant or pending request is widened, narrowed or invalidated.');
    else {
        out.push('| grant | state | requester | effect | detail |', '| --- | --- | --- | --- | --- |');
        for (const i of o.impact)
            out.push(`| ${(0,markdown_escape/* code */.aY)(i.file, { inTable: true })} | ${i.pending ? `pending (#${i.pending})` : 'on the base branch'} | ${(0,markdown_escape/* text */.Qq)(i.requester)} | ${i.kind} | ${(0,markdown_escape/* text */.Qq)(i.detail, 300)} |`);
    }
    out.push('', policy_change_markdown_footer(ctx));
    return out.join('\n') + '\n';
}
/**
 * The `result` output of a policy-change pull request: the shape of `validate --format json`
 * (`ok`, `results` — empty: no grant file is requested) with the policy change's own verdict.
 */
function policyChangeResult(o) {
    return {
        ok: o.ok,
        results: [],
        policy_change: {
            ok: o.ok,
            approved: o.approvals.approved,
            errors: o.errors,
            approvals: o.approvals.rules.map((r) => ({
                from: r.from,
                count: r.count,
                approved_by: r.approved_by,
                missing: r.missing,
            })),
            impact: o.impact,
        },
    };
}
/** The sticky comment once a pull request no longer adds or deletes grants, nor changes policies. */
function renderNoRequestsComment(ctx) {
    return ([
        comment/* COMMENT_MARKER */.JO,
        '### gitgrant',
        '',
        '✅ this pull request no longer adds or deletes grant files, nor changes policies/ or CODEOWNERS: nothing to approve.',
        '',
        policy_change_markdown_footer(ctx),
    ].join('\n') + '\n');
}
/** The sticky comment when no decision could be made (an API error, a missing permission). */
function renderErrorComment(message, ctx) {
    return ([
        comment/* COMMENT_MARKER */.JO,
        '### gitgrant',
        '',
        `❌ could not decide, so nothing is approved: ${(0,markdown_escape/* text */.Qq)(message)}`,
        '',
        'Fix the cause and re-run the workflow.',
        '',
        policy_change_markdown_footer(ctx),
    ].join('\n') + '\n');
}
function renderConfigErrorComment(e, ctx) {
    const out = [comment/* COMMENT_MARKER */.JO, '### gitgrant', '', `❌ ${(0,markdown_escape/* text */.Qq)(e.message)}`, ''];
    out.push('| code | where | message |', '| --- | --- | --- |');
    for (const d of e.diagnostics)
        out.push(`| ${(0,markdown_escape/* code */.aY)(d.code, { inTable: true })} | ${(0,markdown_escape/* code */.aY)(`${d.file}:${d.line}:${d.column}`, { inTable: true })} | ${(0,markdown_escape/* text */.Qq)(d.message)} |`);
    out.push('', policy_change_markdown_footer(ctx));
    return out.join('\n') + '\n';
}

// EXTERNAL MODULE: ./src/notify/send.ts + 1 modules
var send = __webpack_require__(7373);
;// CONCATENATED MODULE: ./src/notify/validate.ts
/**
 * validate's notifications (docs/notifications.md): `request` when gitgrant's sticky comment is
 * created on a pull request (its first report), `approval` when `gitgrant/approval` becomes
 * success on a head where it was not success before. Never throws.
 */



/**
 * Was `gitgrant/approval` success on this commit before this run? Read before the run sets its
 * pending status. null when unknown (then no approval notification: never a duplicate).
 */
async function previousApproval(gh, ref, sha) {
    try {
        const { data } = await gh.rest.repos.getCombinedStatusForRef({ ...ref, ref: sha, per_page: 100 });
        return data.statuses.some((s) => s.context === github_report/* STATUS_CONTEXT */.j && s.state === 'success');
    }
    catch {
        return null;
    }
}
function grantsOf(outcome) {
    return outcome.json.results.map((r) => {
        const g = outcome.decisions.get(r.file)?.grant;
        return {
            grant: g?.id ?? r.file,
            file: r.file,
            person: g?.requester ?? '',
            access: g?.access ?? '',
            resources: r.resources,
            ...(g ? { duration: g.duration, reason: g.reason } : {}),
        };
    });
}
async function notifyValidate(outcome, pr, ref, commentCreated, wasApproved, state, opts = { log: (m) => core/* warning */.$e(m) }) {
    const facts = { commentCreated, wasApproved, approvedNow: state === 'success' };
    try {
        const notifier = (0,send/* notifierFor */.IC)(outcome.config.prepared.snapshot.settings, opts);
        const server = (opts.env ?? process.env).GITHUB_SERVER_URL;
        const url = server ? `${server}/${ref.owner}/${ref.repo}/pull/${pr.number}` : undefined;
        const base = { pr: pr.number, ...(url ? { url } : {}), author: pr.author.login };
        if (facts.commentCreated && notifier.wants('request'))
            await notifier.send({ kind: 'request', ...base, grants: grantsOf(outcome) });
        if (facts.approvedNow && facts.wasApproved === false && notifier.wants('approval')) {
            const approvers = [
                ...new Set(outcome.json.results.flatMap((r) => r.approvals.flatMap((a) => a.approved_by))),
            ];
            await notifier.send({ kind: 'approval', ...base, approvers, grants: grantsOf(outcome) });
        }
    }
    catch (e) {
        opts.log(`warning: gitgrant notifications: ${e instanceof Error ? e.message : String(e)}`);
    }
}

// EXTERNAL MODULE: ./src/action/env.ts + 1 modules
var action_env = __webpack_require__(5556);
;// CONCATENATED MODULE: ./src/action/validate.ts
/**
 * The Action's `validate`: the commit status goes to `pending` first (a crash leaves it pending,
 * never green), then to success or failure with one line of reason; one sticky comment; annotations
 * at file and line; a job summary; outputs `approved` and `result`.
 *
 * Fail closed: whatever goes wrong after the pending status (an API error, a missing permission,
 * invalid base policies), the status becomes `failure` with the reason when GitHub lets us set
 * it, and stays `pending` otherwise; `approved` is `false`.
 */















/** Marks an error whose failure status has already been set. */
class Reported extends Error {
    cause;
    constructor(cause) {
        super(cause instanceof Error ? cause.message : String(cause));
        this.cause = cause;
        this.name = 'Reported';
    }
}
async function actionValidate(env) {
    const log = (m) => core/* info */.pq(m);
    const gh = (0,client/* createClient */.UU)(env.token, { log });
    const teamsGh = env.appToken ? (0,client/* createClient */.UU)(env.appToken, { log }) : gh;
    const ref = { owner: env.owner, repo: env.repo };
    const target = (0,action_env/* pullRequestOf */._)(env);
    const pr = await (0,pr_facts/* readPullRequest */.DQ)(gh, ref, target.number);
    const statusSha = target.statusSha ?? pr.headSha;
    const wasApproved = await previousApproval(gh, ref, statusSha); // docs/notifications.md
    await (0,github_report/* setStatus */.Lx)(gh, ref, statusSha, 'pending', 'gitgrant is checking this pull request', env.runUrl);
    const now = new Date().toISOString();
    const footer = { headSha: pr.headSha, now, ...(env.runUrl ? { runUrl: env.runUrl } : {}) };
    let login = null;
    let finalStatusSet = false;
    const finish = async (state, description) => {
        await (0,github_report/* setStatus */.Lx)(gh, ref, statusSha, state, description, env.runUrl);
        finalStatusSet = true;
    };
    try {
        login = await (0,github_report/* tokenLogin */.nu)(gh);
        let result;
        try {
            // The workflow's checkout of the default branch (trusted), for extensions' history.
            const repoDir = process.env.GITHUB_WORKSPACE;
            result = await validatePullRequest({ gh, teamsGh, ref, ...(repoDir ? { repoDir } : {}) }, pr);
        }
        catch (e) {
            await reportUndecided(e);
            throw new Reported(e);
        }
        await report(result);
    }
    catch (e) {
        const cause = e instanceof Reported ? e.cause : e;
        if (!finalStatusSet) {
            core/* setOutput */.uH('approved', 'false');
            core/* setOutput */.uH('result', JSON.stringify({ ok: false, results: [], error: messageOf(cause) }));
            await bestEffort(() => finish('failure', `could not decide: ${messageOf(cause)}`));
        }
        throw cause;
    }
    /** No decision (an error): say why on the pull request, then fail. */
    async function reportUndecided(e) {
        const message = messageOf(e);
        core/* setOutput */.uH('approved', 'false');
        core/* setOutput */.uH('result', JSON.stringify({ ok: false, results: [], error: message }));
        if (e instanceof errors/* ConfigError */.xL) {
            for (const d of e.diagnostics)
                core/* error */.z3(`${d.code}: ${d.message}`, {
                    file: d.file,
                    startLine: d.line,
                    startColumn: d.column,
                    title: d.code,
                });
        }
        // A newer run owns the comment when the head moved; never overwrite its report.
        if (!(e instanceof pr_facts/* HeadMovedError */.c7)) {
            const body = e instanceof errors/* ConfigError */.xL ? renderConfigErrorComment(e, footer) : renderErrorComment(message, footer);
            await bestEffort(() => (0,github_report/* upsertStickyComment */.qD)(gh, ref, pr.number, comment/* COMMENT_MARKER */.JO, body, login));
            await bestEffort(() => core/* summary */.z.addRaw(body).write());
        }
        await bestEffort(() => finish('failure', `could not decide: ${message}`));
    }
    async function report(result) {
        if (result.kind === 'none') {
            // An earlier report (from when the PR still held requests) must not linger: update it if there is one.
            await (0,github_report/* upsertStickyComment */.qD)(gh, ref, pr.number, comment/* COMMENT_MARKER */.JO, renderNoRequestsComment(footer), login, {
                create: false,
            });
            core/* setOutput */.uH('result', JSON.stringify({ ok: true, results: [] }));
            await core/* summary */.z
                .addRaw('### gitgrant\n\nNo access requests or policy changes in this pull request: nothing to approve.\n')
                .write();
            await finish('success', 'no access requests or policy changes in this pull request');
            core/* setOutput */.uH('approved', 'true');
            return;
        }
        if (result.kind === 'policy') {
            const status = policyChangeStatus(result.policy);
            const body = renderPolicyChangeComment(result.policy, footer);
            await (0,github_report/* upsertStickyComment */.qD)(gh, ref, pr.number, comment/* COMMENT_MARKER */.JO, body, login);
            for (const d of result.policy.errors)
                core/* error */.z3(`${d.code}: ${d.message}`, {
                    file: d.file,
                    startLine: d.line,
                    startColumn: d.column,
                    title: d.code,
                });
            await core/* summary */.z.addRaw(body).write();
            core/* setOutput */.uH('result', JSON.stringify(policyChangeResult(result.policy)));
            await finish(status.state, status.description);
            core/* setOutput */.uH('approved', String(status.state === 'success'));
            if (status.state !== 'success')
                core/* setFailed */.C1(`gitgrant: ${status.description}`);
            return;
        }
        const { outcome } = result;
        const digests = Object.fromEntries(outcome.json.results
            .filter((r) => r.resources.length)
            .map((r) => [r.file, (0,digest/* resolutionDigest */.z)(r.resources)]));
        const ctx = { ...footer, digests };
        // The hidden record of what reviewers were shown: apply compares it at merge.
        const record = (0,markdown_record/* renderResolutionRecord */.o)({ head: pr.headSha, files: digests });
        const sticky = await (0,github_report/* upsertStickyComment */.qD)(gh, ref, pr.number, comment/* COMMENT_MARKER */.JO, `${(0,comment/* renderPrComment */.Q1)(outcome, ctx)}\n${record}\n`, login);
        for (const a of annotationsFor(outcome)) {
            const props = { file: a.file, startLine: a.line, startColumn: a.column, title: a.title };
            if (a.level === 'error')
                core/* error */.z3(a.message, props);
            else
                core/* warning */.$e(a.message, props);
        }
        await core/* summary */.z.addRaw(renderJobSummary(outcome, ctx)).write();
        const status = (0,markdown_status/* statusFor */.SR)(outcome);
        core/* setOutput */.uH('result', JSON.stringify(outcome.json));
        await finish(status.state, status.description);
        await notifyValidate(outcome, pr, ref, sticky?.created === true, wasApproved, status.state);
        core/* setOutput */.uH('approved', String(status.state === 'success'));
        if (status.state !== 'success')
            core/* setFailed */.C1(`gitgrant: ${status.description}`);
    }
}
function messageOf(e) {
    return e instanceof Error ? e.message : String(e);
}
/** Reporting that must not hide the original error: log and go on. */
async function bestEffort(fn) {
    try {
        await fn();
    }
    catch (e) {
        core/* warning */.$e(`gitgrant: could not report on the pull request: ${messageOf(e)}`);
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
