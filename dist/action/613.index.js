export const id = 613;
export const ids = [613];
export const modules = {

/***/ 9613:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  actionApply: () => (/* binding */ actionApply),
  pushOf: () => (/* binding */ pushOf)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/git/landing.ts
var landing = __webpack_require__(591);
// EXTERNAL MODULE: ./src/git/run.ts
var run = __webpack_require__(3073);
// EXTERNAL MODULE: ./src/github/alerts.ts
var alerts = __webpack_require__(960);
// EXTERNAL MODULE: ./src/providers/types.ts
var types = __webpack_require__(2695);
// EXTERNAL MODULE: ./src/commands/config.ts + 2 modules
var config = __webpack_require__(6202);
// EXTERNAL MODULE: ./src/commands/deleted-grant.ts
var deleted_grant = __webpack_require__(2764);
// EXTERNAL MODULE: ./src/notify/hooks.ts
var hooks = __webpack_require__(1605);
// EXTERNAL MODULE: ./src/core/model.ts
var model = __webpack_require__(4146);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
;// CONCATENATED MODULE: ./src/commands/holdings.ts
/**
 * What a person should still hold on a resource (DESIGN.md §4: revoking one grant never removes
 * access that another active grant or the baseline still gives): the baseline levels plus the
 * access of every OTHER grant file on the default branch that is active now, passed the
 * approval-at-merge check, and resolved to this resource.
 */


function baselineLevels(resource, login) {
    return resource.baseline.filter((b) => (0,model/* loginKey */.H$)(b.person) === (0,model/* loginKey */.H$)(login)).map((b) => b.access);
}
function holdings(input) {
    return async function held(resource, login, exceptFile) {
        const levels = new Set(baselineLevels(resource, login));
        for (const g of input.grants) {
            if (!g.grant || g.file === exceptFile || (0,model/* loginKey */.H$)(g.grant.requester) !== (0,model/* loginKey */.H$)(login))
                continue;
            const landing = input.landings.get(g.file);
            const d = (0,duration/* parseDuration */.E9)(g.grant.duration);
            if (!landing || !d.ok)
                continue;
            const w = g.grant.extends !== undefined && input.windowOf
                ? await input.windowOf(g.grant, landing)
                : { startMs: landing.time, endMs: landing.time + d.ms };
            if (input.nowMs < w.startMs || input.nowMs >= w.endMs)
                continue;
            const c = await input.check(g.file, landing.commit);
            if (c.approved && c.decision?.policy.resources.some((r) => r.id === resource.id))
                levels.add(g.grant.access);
        }
        return [...levels];
    };
}

// EXTERNAL MODULE: ./src/commands/history.ts + 2 modules
var commands_history = __webpack_require__(6124);
// EXTERNAL MODULE: ./src/core/break-glass.ts
var break_glass = __webpack_require__(3221);
// EXTERNAL MODULE: ./src/github/retro-review.ts
var retro_review = __webpack_require__(1920);
// EXTERNAL MODULE: ./src/render/retro-review-markdown.ts
var retro_review_markdown = __webpack_require__(7383);
// EXTERNAL MODULE: ./src/commands/merge-check.ts + 1 modules
var merge_check = __webpack_require__(1915);
;// CONCATENATED MODULE: ./src/commands/apply.ts













const ZERO_SHA = /^0+$/;
function failure(file, resource, e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
        file,
        ...(resource ? { resource } : {}),
        message,
        retryable: e instanceof types/* ProviderError */.m ? e.retryable : true,
    };
}
async function runApply(deps, before, after) {
    const result = {
        granted: [],
        revoked: [],
        refused: [],
        skipped: [],
        failures: [],
        alerts: [],
        retroReviews: [],
        ok: true,
    };
    const range = ZERO_SHA.test(before) ? after : `${before}..${after}`;
    const events = await (0,landing/* grantEvents */.ik)(deps.repoDir, range);
    const pushCommits = new Set((await (0,run/* git */.$)(deps.repoDir, ['rev-list', '--first-parent', range, '--'])).split('\n').filter(Boolean));
    // The net effect of the push per file: added (and still there), or deleted.
    const net = new Map();
    // A grant file modified on the default branch (validate refuses that on a PR, so it came by a
    // bypass): never re-granted from its new content; raised as an alert.
    const modified = new Map();
    for (const e of events) {
        if (e.status === 'M') {
            modified.set(e.path, e.commit);
            continue;
        }
        if (e.status === 'D')
            modified.delete(e.path);
        const prev = net.get(e.path);
        if (e.status === 'D' && prev?.status === 'A')
            net.delete(e.path);
        else
            net.set(e.path, { status: e.status, commit: e.commit });
    }
    const check = (0,merge_check/* mergeChecker */.E)(deps);
    const current = await (0,config/* loadGrantFiles */.GE)(deps.repoDir, undefined, after);
    const landings = await (0,landing/* landingTimes */.EO)(deps.repoDir, after);
    const history = (0,commands_history/* historyReader */.k)(deps.repoDir);
    const held = holdings({
        grants: current,
        landings,
        nowMs: deps.nowMs,
        check,
        windowOf: (g, l) => history.windowOf(g, l),
    });
    const configAfter = await (0,config/* loadConfig */.Z9)(deps.repoDir, after);
    const people = configAfter.prepared.snapshot.people;
    for (const [file, { status, commit }] of [...net].sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (status === 'A')
            await applyAdded(file, commit);
        else
            await revokeDeleted(file, commit);
    }
    for (const [file, commit] of [...modified].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const c = {
            file,
            commit,
            approved: false,
            pr: null,
            approvers: [],
            reasons: [
                {
                    code: 'grant-modified',
                    message: `${file} was changed on the default branch in ${commit.slice(0, 7)}: an existing grant cannot be changed, so nothing was granted from its new content (delete it and request again)`,
                    file,
                    line: 1,
                    column: 1,
                },
            ],
        };
        result.refused.push(c);
        await raiseAlert(c);
    }
    await (0,hooks/* notifyApply */.C)(configAfter.prepared.snapshot.settings, result.granted, { log: deps.log }); // docs/notifications.md
    result.ok = result.failures.length === 0 && result.refused.length === 0;
    return result;
    async function applyAdded(file, commit) {
        let c;
        try {
            c = await check(file, commit, pushCommits);
        }
        catch (e) {
            // Doubt reading the facts: grant nothing, fail the run; a rerun decides again.
            result.failures.push(failure(file, undefined, e));
            return;
        }
        if (!c.approved) {
            result.refused.push(c);
            await raiseAlert(c);
            return;
        }
        const grant = c.grant;
        const landing = landings.get(file) ?? {
            commit,
            time: Number((await (0,run/* git */.$)(deps.repoDir, ['show', '-s', '--format=%ct', commit])).trim()) * 1000,
        };
        // An extension's window starts where the grant it extends ends (docs/extension.md); the
        // access is already held through that grant, so the providers report `changed: false`.
        const w = await history.windowOf(grant, landing);
        const end = w.endMs;
        if (deps.nowMs >= end) {
            result.skipped.push({
                file,
                why: `window already ended at ${new Date(end).toISOString()}: reconcile records its removal`,
            });
            return;
        }
        const window = { start: new Date(w.startMs).toISOString(), end: new Date(end).toISOString() };
        for (const resource of c.decision.policy.resources) {
            try {
                const others = await held(resource, grant.requester, file);
                const r = await deps.providers(resource.provider).grant({
                    resource,
                    subject: (0,types/* subjectFor */.q)(resource, grant.requester, people),
                    level: grant.access,
                    held: [...new Set([...others, grant.access])],
                    event: { kind: 'grant', grantId: grant.id, ...window },
                });
                result.granted.push(entry(grant, file, resource, r.changed, r.detail, window, c.pr));
            }
            catch (e) {
                result.failures.push(failure(file, resource.id, e));
            }
        }
        if (c.decision.policy.breakGlass)
            await openRetroReview(c, landing.time, window);
    }
    /** Break-glass: one retro-review issue naming the merged PR and who must review it by when. */
    async function openRetroReview(c, landedAt, window) {
        const bg = c.decision.policy.breakGlass;
        const grant = c.grant;
        const status = (0,break_glass/* retroReviewStatus */.d)({
            breakGlass: bg,
            requester: grant.requester,
            facts: {
                number: c.pr ?? 0,
                author: { login: grant.requester },
                head_sha: '',
                changed_files: [],
                commit_authors: [],
                reviews: [],
                teams: {},
            },
            dir: configAfter.prepared.directory,
            landedAtMs: landedAt,
            nowMs: deps.nowMs,
        });
        const facts = {
            file: c.file,
            grant: grant.id,
            requester: grant.requester,
            access: grant.access,
            resources: c.decision.policy.resources.map((r) => r.id),
            pr: c.pr ?? 0,
            ...window,
            deadline: new Date(status.deadlineMs).toISOString(),
            breakGlass: bg,
            candidates: status.candidates,
        };
        try {
            const issue = await (0,retro_review/* upsertRetroReview */.cs)(deps.gh, deps.ref, deps.login, {
                file: c.file,
                commit: c.commit,
                title: (0,retro_review_markdown/* retroReviewTitle */.rc)(facts),
                body: (0,retro_review_markdown/* retroReviewBody */.h5)(facts),
            });
            result.retroReviews.push({ file: c.file, issue: issue.number, deadline: facts.deadline, pr: c.pr });
        }
        catch (e) {
            result.failures.push(failure(c.file, undefined, e));
        }
    }
    async function revokeDeleted(file, commit) {
        try {
            const deleted = await (0,deleted_grant/* deletedGrant */.Q)(deps.repoDir, file, commit);
            if (!deleted.valid) {
                result.skipped.push({
                    file,
                    why: 'the deleted file was not a valid grant: nothing was granted through it',
                });
                return;
            }
            const { grant, resources } = deleted;
            for (const resource of resources) {
                try {
                    const others = await held(resource, grant.requester, file);
                    const r = await deps.providers(resource.provider).revoke({
                        resource,
                        subject: (0,types/* subjectFor */.q)(resource, grant.requester, people),
                        level: grant.access,
                        held: others,
                        event: { kind: 'revoke', grantId: grant.id },
                    });
                    result.revoked.push(entry(grant, file, resource, r.changed, r.detail, {}, null));
                }
                catch (e) {
                    result.failures.push(failure(file, resource.id, e));
                }
            }
        }
        catch (e) {
            result.failures.push(failure(file, undefined, e));
        }
    }
    async function raiseAlert(c) {
        const why = c.reasons.map((r) => `- \`${r.code}\`: ${r.message}`).join('\n');
        try {
            const a = await (0,alerts/* upsertAlert */.gN)(deps.gh, deps.ref, deps.login, {
                key: `not-approved:${c.file}:${c.commit}`,
                title: `gitgrant: ${c.file} is on the default branch without approval — nothing was granted`,
                body: [
                    `**File:** \`${c.file}\``,
                    `**Commit:** ${c.commit}`,
                    `**Pull request:** ${c.pr ? `#${c.pr}` : 'none (direct push, bypass or revert)'}`,
                    '',
                    '**Why nothing was granted**',
                    why,
                    '',
                    'gitgrant granted nothing for this file. Delete it in a pull request (or open a proper request), then close this issue.',
                ].join('\n'),
            });
            result.alerts.push(a.number);
        }
        catch (e) {
            result.failures.push(failure(c.file, undefined, e));
        }
    }
}
function entry(grant, file, resource, changed, detail, window, pr) {
    return {
        grant: grant.id,
        file,
        person: grant.requester,
        resource: resource.id,
        provider: resource.provider,
        access: grant.access,
        changed,
        detail,
        ...window,
        pr,
    };
}

// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(6584);
// EXTERNAL MODULE: ./src/github/report.ts
var report = __webpack_require__(2745);
// EXTERNAL MODULE: ./src/providers/registry.ts + 3 modules
var registry = __webpack_require__(8975);
// EXTERNAL MODULE: ./src/render/markdown/escape.ts
var markdown_escape = __webpack_require__(4013);
;// CONCATENATED MODULE: ./src/render/apply-markdown.ts


const APPLY_MARKER = '<!-- gitgrant:apply -->';
function until(end, nowMs) {
    if (!end)
        return '';
    const left = Date.parse(end) - nowMs;
    return `${(0,markdown_escape/* text */.Qq)(end)} (${left > 0 ? `in ${(0,duration/* formatDuration */.a3)(left)}` : `${(0,duration/* formatDuration */.a3)(-left)} ago`})`;
}
function table(rows, nowMs, withUntil) {
    const out = [
        withUntil
            ? '| person | resource | provider | access | until | what happened |'
            : '| person | resource | provider | access | what happened |',
    ];
    out.push(withUntil ? '| --- | --- | --- | --- | --- | --- |' : '| --- | --- | --- | --- | --- |');
    for (const r of rows) {
        const cells = [
            (0,markdown_escape/* text */.Qq)(r.person),
            (0,markdown_escape/* code */.aY)(r.resource, { inTable: true }),
            r.provider,
            (0,markdown_escape/* code */.aY)(r.access, { inTable: true }),
        ];
        if (withUntil)
            cells.push(until(r.end, nowMs));
        cells.push((0,markdown_escape/* text */.Qq)(r.detail, 300).replace(/\|/g, '\\|'));
        out.push(`| ${cells.join(' | ')} |`);
    }
    return out;
}
function renderApplyMarkdown(result, nowMs, filter) {
    const keep = (xs) => (filter ? xs.filter((x) => filter(x.file)) : xs);
    const granted = keep(result.granted);
    const revoked = keep(result.revoked);
    const refused = keep(result.refused);
    const failures = keep(result.failures);
    const skipped = keep(result.skipped);
    const out = [APPLY_MARKER, '### gitgrant · apply', ''];
    if (!granted.length && !revoked.length && !refused.length && !failures.length && !skipped.length)
        out.push('Nothing to apply in this push.');
    if (granted.length)
        out.push('**Granted**', '', ...table(granted, nowMs, true), '');
    if (revoked.length)
        out.push('**Revoked**', '', ...table(revoked, nowMs, false), '');
    // Break-glass: granted without approval; the retro-review is due (docs/break-glass.md).
    for (const r of keep(result.retroReviews ?? []))
        out.push(`> ⚠️ ${(0,markdown_escape/* code */.aY)(r.file)} is **break-glass**: granted without approval. A retro-review is due by ${(0,markdown_escape/* text */.Qq)(r.deadline, 40)} (issue #${r.issue}), or reconcile revokes the access early.`, '');
    if (refused.length) {
        out.push('**Not granted: not approved at merge**', '');
        for (const c of refused)
            out.push(`- ${(0,markdown_escape/* code */.aY)(c.file)} (${c.commit.slice(0, 7)}): ${c.reasons.map((r) => `${(0,markdown_escape/* code */.aY)(r.code)} ${(0,markdown_escape/* text */.Qq)(r.message, 500)}`).join('; ')}`);
        out.push('');
    }
    if (failures.length) {
        out.push('**Failed** (the run is red; a rerun completes what is missing, without duplicates)', '');
        for (const f of failures)
            out.push(`- ${(0,markdown_escape/* code */.aY)(f.file)}${f.resource ? ` on ${(0,markdown_escape/* code */.aY)(f.resource)}` : ''}: ${(0,markdown_escape/* text */.Qq)(f.message, 500)}${f.retryable ? ' (retryable)' : ''}`);
        out.push('');
    }
    for (const s of skipped)
        out.push(`- ${(0,markdown_escape/* code */.aY)(s.file)}: ${(0,markdown_escape/* text */.Qq)(s.why)}`);
    return out.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/action/apply.ts
/**
 * The Action's `apply` on a push to the default branch. History and file contents come from
 * the local clone of the default branch (checked out with full history: trusted after merge);
 * pull requests and reviews from the API; access through the providers.
 */








function pushOf(env) {
    const p = env.payload;
    if (!p.after || !p.before || !p.ref)
        throw new errors/* UsageError */.eb('the push event has no ref/before/after');
    return {
        before: p.before,
        after: p.after,
        branch: p.ref.replace(/^refs\/heads\//, ''),
        defaultBranch: p.repository?.default_branch ?? 'main',
    };
}
async function actionApply(env) {
    const push = pushOf(env);
    if (push.branch !== push.defaultBranch) {
        core/* info */.pq(`push to ${push.branch}, not the default branch ${push.defaultBranch}: nothing to apply`);
        return;
    }
    const repoDir = process.env.GITHUB_WORKSPACE ?? process.cwd();
    try {
        await (0,run/* git */.$)(repoDir, ['cat-file', '-e', `${push.after}^{commit}`]);
        if (!/^0+$/.test(push.before))
            await (0,run/* git */.$)(repoDir, ['cat-file', '-e', `${push.before}^{commit}`]);
    }
    catch {
        throw new errors/* UsageError */.eb(`the workspace ${repoDir} does not hold the pushed commits: check out the default branch with actions/checkout and fetch-depth: 0`);
    }
    const log = (m) => core/* info */.pq(m);
    const gh = (0,client/* createClient */.UU)(env.token, { log });
    const appGh = env.appToken ? (0,client/* createClient */.UU)(env.appToken, { log }) : gh;
    const login = await (0,report/* tokenLogin */.nu)(gh);
    const nowMs = Date.now();
    const result = await runApply({
        gh,
        teamsGh: appGh,
        ref: { owner: env.owner, repo: env.repo },
        repoDir,
        login,
        // Only the App token manages collaborators and teams: without one the github provider
        // fails with a clear message instead of trying the workflow token.
        providers: (0,registry/* providersFor */.e)(env.appToken ? { githubClient: appGh } : {}),
        nowMs,
        log,
    }, push.before, push.after);
    await apply_report(env, gh, login, result, nowMs);
    if (!result.ok) {
        const parts = [
            result.refused.length
                ? `${result.refused.length} file(s) not approved at merge (nothing granted; alert opened)`
                : '',
            result.failures.length ? `${result.failures.length} provider or API failure(s)` : '',
        ].filter(Boolean);
        core/* setFailed */.C1(`gitgrant apply: ${parts.join('; ')}`);
    }
}
async function apply_report(env, gh, login, result, nowMs) {
    core/* setOutput */.uH('granted', JSON.stringify(result.granted));
    core/* setOutput */.uH('revoked', JSON.stringify(result.revoked));
    core/* setOutput */.uH('result', JSON.stringify({
        ok: result.ok,
        refused: result.refused.map((c) => ({ file: c.file, commit: c.commit, pr: c.pr, reasons: c.reasons })),
        failures: result.failures,
        alerts: result.alerts,
        retro_reviews: result.retroReviews,
    }));
    await core/* summary */.z.addRaw(renderApplyMarkdown(result, nowMs)).write();
    const prs = new Map();
    for (const g of result.granted)
        if (g.pr)
            prs.set(g.pr, (prs.get(g.pr) ?? new Set()).add(g.file));
    for (const c of result.refused)
        if (c.pr)
            prs.set(c.pr, (prs.get(c.pr) ?? new Set()).add(c.file));
    for (const [pr, files] of prs) {
        const body = renderApplyMarkdown(result, nowMs, (f) => files.has(f));
        await (0,report/* upsertStickyComment */.qD)(gh, { owner: env.owner, repo: env.repo }, pr, APPLY_MARKER, body, login);
    }
}


/***/ })

};
