export const id = 896;
export const ids = [896];
export const modules = {

/***/ 2764:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ deletedGrant)
/* harmony export */ });
/* harmony import */ var _core_resolve_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2183);
/* harmony import */ var _git_landing_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(591);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6202);
/**
 * What a grant file deleted from the default branch may have given, for its revocation: the
 * request as it was just before the deletion, and every resource it resolved to then or when it
 * landed (the inventory may have changed in between; revoking where it never gave access is a
 * no-op). Used by `apply` (the push that deletes it) and by `reconcile` (the backstop that
 * revokes deletions whose revocation by `apply` failed or never ran: docs/reference.md).
 */



async function deletedGrant(repoDir, file, commit) {
    const parent = `${commit}^1`;
    const [loaded] = await (0,_config_js__WEBPACK_IMPORTED_MODULE_2__/* .loadGrantFiles */ .GE)(repoDir, [file], parent);
    if (!loaded?.grant)
        return { valid: false };
    const grant = loaded.grant;
    const resources = new Map();
    const atDeletion = await (0,_config_js__WEBPACK_IMPORTED_MODULE_2__/* .loadConfig */ .Z9)(repoDir, parent);
    for (const r of (0,_core_resolve_js__WEBPACK_IMPORTED_MODULE_0__/* .resolveResources */ .k)(grant, atDeletion.prepared.inventory).resources)
        resources.set(r.id, r);
    const landed = (await (0,_git_landing_js__WEBPACK_IMPORTED_MODULE_1__/* .landingTimes */ .EO)(repoDir, parent)).get(file);
    if (landed) {
        const atLanding = await (0,_config_js__WEBPACK_IMPORTED_MODULE_2__/* .loadConfig */ .Z9)(repoDir, `${landed.commit}^1`).catch(() => null);
        for (const r of atLanding ? (0,_core_resolve_js__WEBPACK_IMPORTED_MODULE_0__/* .resolveResources */ .k)(grant, atLanding.prepared.inventory).resources : [])
            if (!resources.has(r.id))
                resources.set(r.id, r);
    }
    return {
        valid: true,
        grant,
        resources: [...resources.values()],
        ...(landed ? { landedAt: landed.time } : {}),
    };
}


/***/ }),

/***/ 1915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E: () => (/* binding */ mergeChecker)
});

// EXTERNAL MODULE: ./src/core/changes.ts
var core_changes = __webpack_require__(1490);
// EXTERNAL MODULE: ./src/core/decide.ts
var decide = __webpack_require__(8019);
// EXTERNAL MODULE: ./src/core/teams-needed.ts
var teams_needed = __webpack_require__(1407);
;// CONCATENATED MODULE: ./src/github/merged-pr.ts
async function mergedPullRequestOf(gh, ref, commit, sameLanding = new Set([commit])) {
    const prs = await gh.paginate(gh.rest.repos.listPullRequestsAssociatedWithCommit, {
        ...ref,
        commit_sha: commit,
        per_page: 100,
    });
    const merged = prs.find((p) => p.merged_at &&
        p.merge_commit_sha &&
        (p.merge_commit_sha === commit || sameLanding.has(p.merge_commit_sha)));
    return merged ? merged.number : null;
}

// EXTERNAL MODULE: ./src/github/pr-facts.ts
var pr_facts = __webpack_require__(6035);
// EXTERNAL MODULE: ./src/github/sticky-read.ts
var sticky_read = __webpack_require__(33);
// EXTERNAL MODULE: ./src/github/teams.ts
var github_teams = __webpack_require__(4769);
// EXTERNAL MODULE: ./src/render/markdown/comment.ts
var comment = __webpack_require__(3821);
// EXTERNAL MODULE: ./src/render/markdown/record.ts
var markdown_record = __webpack_require__(5699);
// EXTERNAL MODULE: ./src/git/run.ts
var run = __webpack_require__(3073);
// EXTERNAL MODULE: ./src/commands/discovered.ts + 1 modules
var discovered = __webpack_require__(8750);
// EXTERNAL MODULE: ./src/commands/config.ts + 2 modules
var config = __webpack_require__(6202);
// EXTERNAL MODULE: ./src/commands/digest.ts
var digest = __webpack_require__(2876);
// EXTERNAL MODULE: ./src/commands/history.ts + 2 modules
var commands_history = __webpack_require__(6124);
;// CONCATENATED MODULE: ./src/commands/merge-check.ts
/**
 * The approval-at-merge check that apply and reconcile share (DESIGN.md §4): a grant file on the
 * default branch gives access only when
 *   1. it arrived through a merged pull request (not a direct push, bypass or revert commit),
 *   2. that PR added exactly this file,
 *   3. it is valid and approved when re-evaluated with the policies, people, groups and
 *      CODEOWNERS of the landing commit's FIRST PARENT and the reviews on the PR's merged head,
 *   4. its resolved resource set equals the one shown to reviewers (`resolution-changed`).
 * Anything else — including any doubt reading the facts — is `not-approved-at-merge`.
 */














const reason = (file, code, message) => ({
    code,
    message,
    file,
    line: 1,
    column: 1,
});
/** Caches per run: configurations per commit and facts per PR are read once. */
function mergeChecker(deps) {
    const configs = new Map();
    const facts = new Map();
    const teams = (0,github_teams/* teamReader */.p)(deps.teamsGh);
    // Also per run: what every file of one landing shares — the merged PR of a landing commit and
    // gitgrant's sticky comments on a PR — is read once, not once per file (without this a cold
    // reconcile made 2 requests per grant: bench/reconcile-requests.ts). A failed read is dropped
    // from the cache, so the next file asks again (as before).
    const mergedPrs = new Map();
    const stickies = new Map();
    const once = (cache, key, read) => {
        let p = cache.get(key);
        if (!p) {
            const q = read();
            cache.set(key, q);
            q.catch(() => {
                if (cache.get(key) === q)
                    cache.delete(key);
            });
            p = q;
        }
        return p;
    };
    const histories = (0,commands_history/* historyReader */.k)(deps.repoDir);
    const configAt = (commit) => {
        let c = configs.get(commit);
        if (!c)
            configs.set(commit, (c = (0,config/* loadConfig */.Z9)(deps.repoDir, commit).then((cfg) => (0,discovered/* withDiscovery */.F)(cfg, deps.teamsGh))));
        return c;
    };
    const prFacts = (n) => {
        let f = facts.get(n);
        if (!f) {
            f = (0,pr_facts/* readPullRequest */.DQ)(deps.gh, deps.ref, n).then(async (pr) => {
                const read = await (0,pr_facts/* readPrFacts */.gs)(deps.gh, deps.ref, pr);
                return {
                    facts: read.facts,
                    unmapped: read.unmappedCommits,
                    truncated: read.commitsTruncated,
                    headSha: pr.headSha,
                };
            });
            facts.set(n, f);
        }
        return f;
    };
    /** Blob id of FILE on the PR's head: from the local clone when it has the commit, else the API. */
    const reviewedBlob = async (headSha, file) => {
        const local = await blobAt(deps.repoDir, headSha, file);
        if (local)
            return local;
        try {
            const { data } = await deps.gh.rest.repos.getContent({ ...deps.ref, path: file, ref: headSha });
            return !Array.isArray(data) && data.type === 'file' ? data.sha : null;
        }
        catch (e) {
            if (e.status === 404)
                return null;
            throw e;
        }
    };
    return async function check(file, commit, sameLanding) {
        const out = { file, commit, approved: false, pr: null, reasons: [], approvers: [] };
        const fail = (code, message) => {
            out.reasons.push(reason(file, code, message));
            return out;
        };
        const [loaded] = await (0,config/* loadGrantFiles */.GE)(deps.repoDir, [file], commit);
        if (!loaded?.grant)
            return fail('not-approved-at-merge', `${file} at ${commit.slice(0, 7)} is not a valid grant file`);
        out.grant = loaded.grant;
        const pr = await once(mergedPrs, `${commit}\0${[...(sameLanding ?? [])].sort().join(',')}`, () => mergedPullRequestOf(deps.gh, deps.ref, commit, sameLanding));
        if (pr === null) {
            return fail('not-approved-at-merge', `${file} reached the default branch in ${commit.slice(0, 7)} without a merged pull request (direct push, bypass or revert)`);
        }
        out.pr = pr;
        const { facts: partial, unmapped, truncated, headSha } = await prFacts(pr);
        if (!partial.changed_files.some((f) => f.path === file && f.status === 'added')) {
            return fail('not-approved-at-merge', `pull request #${pr} did not add ${file}`);
        }
        // What validate refuses on the PR is refused here too (a merge that bypassed the check).
        const changes = (0,core_changes/* classifyChanges */.Wu)(partial.changed_files);
        if (changes.diagnostics.length) {
            const why = changes.diagnostics.map((d) => `${d.code}: ${d.message}`).join('; ');
            return fail('not-approved-at-merge', `pull request #${pr} cannot grant anything: ${why}`);
        }
        if (unmapped.length)
            return fail('not-approved-at-merge', `pull request #${pr} has commits GitHub cannot map to an account`);
        if (truncated)
            return fail('not-approved-at-merge', `pull request #${pr} has more commits than GitHub lists (250): who made them is unknown`);
        // The file that landed must be the file reviewers approved (a merge may not change it).
        const landed = await blobAt(deps.repoDir, commit, file);
        const reviewed = await reviewedBlob(headSha, file);
        if (!landed || landed !== reviewed) {
            return fail('not-approved-at-merge', `${file} at ${commit.slice(0, 7)} is not the file reviewed on the head ${headSha.slice(0, 7)} of pull request #${pr}`);
        }
        const parent = (await (0,run/* git */.$)(deps.repoDir, ['rev-parse', '--verify', `${commit}^1`])).trim();
        const base = await configAt(parent);
        const factsWithTeams = {
            ...partial,
            teams: await teams.members((0,teams_needed/* teamsNeededFor */.l)(base.prepared, base.codeowners, [loaded.grant])),
        };
        // Extensions and hours caps: decided at the landing, on the history just before it.
        const landedAt = Number((await (0,run/* git */.$)(deps.repoDir, ['show', '-s', '--format=%ct', commit])).trim()) * 1000;
        const history = await histories.factsFor(parent, loaded.grant, base.prepared, landedAt);
        const decision = (0,decide/* decideGrant */.d)(loaded.grant, base.prepared, {
            facts: factsWithTeams,
            codeowners: base.codeowners,
            ...(history ? { history } : {}),
        });
        out.decision = decision;
        out.approvers = [...new Set((decision.approvals?.rules ?? []).flatMap((r) => r.approved_by))];
        if (!decision.approved) {
            const why = decision.diagnostics.map((d) => `${d.code}: ${d.message}`).join('; ') || 'not approved';
            return fail('not-approved-at-merge', `${file} was not approved when pull request #${pr} merged (policies of ${parent.slice(0, 7)}, reviews on ${headSha.slice(0, 7)}): ${why}`);
        }
        // What reviewers saw: the record gitgrant wrote into its sticky comment on the merged head.
        const comments = await once(stickies, pr, () => (0,sticky_read/* findOurComments */.Q)(deps.gh, deps.ref, pr, comment/* COMMENT_MARKER */.JO, deps.login));
        const record = comments.map((c) => (0,markdown_record/* parseResolutionRecord */.b)(c.body)).find((r) => r !== null) ?? null;
        const shown = record && record.head === headSha ? record.files[file] : undefined;
        if (!shown) {
            return fail('resolution-changed', `no record of the resources shown to reviewers of ${file} on the merged head ${headSha.slice(0, 7)} (was the gitgrant check run on it?)`);
        }
        const now = (0,digest/* resolutionDigest */.z)(decision.policy.resources.map((r) => r.id));
        if (now !== shown) {
            return fail('resolution-changed', `${file} resolves to ${decision.policy.resources.map((r) => r.id).join(', ')} at merge, not to what reviewers were shown (${shown.slice(0, 19)}…)`);
        }
        out.approved = true;
        return out;
    };
}
/** The blob id of PATH at COMMIT in the local clone, or null (no such commit or path). */
async function blobAt(repoDir, commit, path) {
    try {
        return (await (0,run/* git */.$)(repoDir, ['rev-parse', '--verify', '--quiet', `${commit}:${path}`])).trim() || null;
    }
    catch {
        return null;
    }
}


/***/ }),

/***/ 3221:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ retroReviewStatus)
/* harmony export */ });
/* unused harmony export describeReviewers */
/* harmony import */ var _approvals_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9414);
/**
 * Break-glass retro-review (docs/break-glass.md). Pure: the merged pull request's facts and the
 * clock are arguments.
 *
 * A break-glass grant is granted on merge without approvals. It keeps its access only when an
 * eligible reviewer APPROVES the merged pull request — a review on its merged head, submitted at
 * or after the landing — before `landing + review_within`. Eligible: matches the policy's
 * `reviewers`; never the requester, the PR author, anyone who authored or committed a commit of
 * the PR, or a bot (the same exclusions as approvals, src/core/approvals.ts).
 */

function retroOutcome(input, untilMs) {
    const reviews = input.facts.reviews.filter((r) => {
        // Post-merge reviews only (a review submitted before the merge reviewed a request, not what
        // was done), and none after `untilMs`.
        if (r.state === 'PENDING' || !r.submitted_at)
            return false;
        const at = Date.parse(r.submitted_at);
        return Number.isFinite(at) && at >= input.landedAtMs && at < untilMs;
    });
    return (0,_approvals_js__WEBPACK_IMPORTED_MODULE_0__/* .evaluateApprovals */ .EQ)({
        rules: input.breakGlass.rules,
        requester: input.requester,
        facts: { ...input.facts, reviews },
        dir: input.dir,
        codeowners: null,
    });
}
function retroReviewStatus(input) {
    const deadlineMs = input.landedAtMs + input.breakGlass.reviewWithinMs;
    const inTime = retroOutcome(input, Math.min(deadlineMs, input.nowMs + 1));
    const approvedBy = (o) => [...new Set(o.rules.flatMap((r) => r.approved_by))];
    const candidates = [...new Set(inTime.rules.flatMap((r) => r.candidates))].sort();
    if (inTime.approved)
        return {
            state: 'reviewed',
            deadlineMs,
            reviewedBy: approvedBy(inTime),
            reviewedAtAll: true,
            candidates,
            outcome: inTime,
        };
    const ever = retroOutcome(input, Infinity);
    return {
        state: input.nowMs >= deadlineMs ? 'overdue' : 'waiting',
        deadlineMs,
        reviewedBy: ever.approved ? approvedBy(ever) : [],
        reviewedAtAll: ever.approved,
        candidates,
        outcome: inTime,
    };
}
/** The reviewers of a break-glass decision, for messages (`group:security`, `@acme/sec`…). */
function describeReviewers(breakGlass, describe) {
    return breakGlass.rules.map((r) => describe(r.from)).join(' and ');
}


/***/ }),

/***/ 960:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $k: () => (/* binding */ alertMarker),
/* harmony export */   We: () => (/* binding */ ALERT_LABEL),
/* harmony export */   gN: () => (/* binding */ upsertAlert)
/* harmony export */ });
/* harmony import */ var _sticky_read_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33);

const ALERT_LABEL = 'gitgrant-alert';
function alertMarker(key) {
    return `<!-- gitgrant:alert ${key.replace(/[^A-Za-z0-9._/:@-]/g, '_')} -->`;
}
async function upsertAlert(gh, ref, login, alert) {
    const marker = alertMarker(alert.key);
    const body = `${marker}\n${alert.body}`;
    const open = await gh.paginate(gh.rest.issues.listForRepo, {
        ...ref,
        state: 'open',
        labels: ALERT_LABEL,
        per_page: 100,
    });
    const existing = open.find((i) => !i.pull_request && (0,_sticky_read_js__WEBPACK_IMPORTED_MODULE_0__/* .isOurs */ .M)(i, marker, login));
    if (existing) {
        if (existing.body !== body || existing.title !== alert.title) {
            await gh.rest.issues.update({ ...ref, issue_number: existing.number, title: alert.title, body });
        }
        return { number: existing.number, created: false };
    }
    const { data } = await gh.rest.issues.create({ ...ref, title: alert.title, body, labels: [ALERT_LABEL] });
    return { number: data.number, created: true };
}


/***/ }),

/***/ 1920:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cz: () => (/* binding */ commentRetroReview),
/* harmony export */   Yr: () => (/* binding */ openRetroReviews),
/* harmony export */   cs: () => (/* binding */ upsertRetroReview)
/* harmony export */ });
/* unused harmony exports RETRO_REVIEW_LABEL, retroReviewMarker */
/* harmony import */ var _sticky_read_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33);

const RETRO_REVIEW_LABEL = 'gitgrant-retro-review';
const SAFE = /[^A-Za-z0-9._/:@-]/g;
function retroReviewMarker(file, commit) {
    return `<!-- gitgrant:retro-review ${file.replace(SAFE, '_')}@${commit.replace(SAFE, '_')} -->`;
}
const MARKER_RE = /<!-- gitgrant:retro-review ([A-Za-z0-9._/:@-]+)@([0-9a-f]{7,64}) -->/;
async function openIssues(gh, ref) {
    return gh.paginate(gh.rest.issues.listForRepo, {
        ...ref,
        state: 'open',
        labels: RETRO_REVIEW_LABEL,
        per_page: 100,
    });
}
/** Our open retro-review issues, with the grant file and landing commit each is about. */
async function openRetroReviews(gh, ref, login) {
    const out = [];
    for (const i of await openIssues(gh, ref)) {
        if (i.pull_request)
            continue;
        const m = MARKER_RE.exec(i.body ?? '');
        if (!m || !(0,_sticky_read_js__WEBPACK_IMPORTED_MODULE_0__/* .isOurs */ .M)(i, m[0], login))
            continue;
        out.push({ number: i.number, file: m[1], commit: m[2] });
    }
    return out;
}
async function upsertRetroReview(gh, ref, login, issue) {
    const marker = retroReviewMarker(issue.file, issue.commit);
    const body = `${marker}\n${issue.body}`;
    const existing = (await openIssues(gh, ref)).find((i) => !i.pull_request && (0,_sticky_read_js__WEBPACK_IMPORTED_MODULE_0__/* .isOurs */ .M)(i, marker, login));
    if (existing) {
        if (existing.body !== body || existing.title !== issue.title)
            await gh.rest.issues.update({ ...ref, issue_number: existing.number, title: issue.title, body });
        return { number: existing.number, created: false };
    }
    const { data } = await gh.rest.issues.create({
        ...ref,
        title: issue.title,
        body,
        labels: [RETRO_REVIEW_LABEL],
    });
    return { number: data.number, created: true };
}
/** Say something on a retro-review issue, and close it when `close`. */
async function commentRetroReview(gh, ref, number, body, close) {
    await gh.rest.issues.createComment({ ...ref, issue_number: number, body });
    if (close)
        await gh.rest.issues.update({ ...ref, issue_number: number, state: 'closed' });
}


/***/ }),

/***/ 1605:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ notifyApply),
/* harmony export */   _: () => (/* binding */ notifyReconcile)
/* harmony export */ });
/* harmony import */ var _send_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7373);

/** Remembered notifications are forgotten after this long (their grants are long gone). */
const FORGET_AFTER_MS = 90 * 24 * 3_600_000;
function safe(log, fn) {
    return fn().catch((e) => log(`warning: gitgrant notifications: ${e instanceof Error ? e.message : String(e)}`));
}
/** Group change entries by grant file: one notification per grant. */
function byFile(entries) {
    const m = new Map();
    for (const e of entries)
        m.set(e.file, [...(m.get(e.file) ?? []), e]);
    return m;
}
function factsOf(entries) {
    const first = entries[0];
    return {
        grant: first.grant,
        file: first.file,
        person: first.person,
        access: first.access,
        resources: [...new Set(entries.map((e) => e.resource))],
        ...(first.end ? { end: first.end } : {}),
    };
}
/** apply: one `grant` notification per granted file that changed access. */
async function notifyApply(settings, granted, opts, notifier = (0,_send_js__WEBPACK_IMPORTED_MODULE_0__/* .notifierFor */ .IC)(settings, opts)) {
    if (!notifier.wants('grant'))
        return;
    await safe(opts.log, async () => {
        for (const entries of byFile(granted).values()) {
            if (!entries.some((e) => e.changed))
                continue; // a rerun that changed nothing says nothing
            await notifier.send({ kind: 'grant', pr: entries[0].pr ?? null, grant: factsOf(entries) });
        }
    });
}
/** reconcile: `expiry-warning` once per active grant ending soon; `revocation` once per revoked grant. */
async function notifyReconcile(settings, nowMs, known, revoked, revokedEarly, state, opts, notifier = (0,_send_js__WEBPACK_IMPORTED_MODULE_0__/* .notifierFor */ .IC)(settings, opts)) {
    const n = settings.notifications;
    if (!n)
        return;
    await safe(opts.log, async () => {
        const notified = (state.notified ??= {});
        for (const [key, at] of Object.entries(notified))
            if (nowMs - Date.parse(at) > FORGET_AFTER_MS)
                delete notified[key];
        const now = new Date(nowMs).toISOString();
        if (notifier.wants('expiry-warning'))
            for (const k of known) {
                const w = k.window;
                if (w.state !== 'active' || !k.approval.approved || k.early || !w.end)
                    continue;
                const left = Date.parse(w.end) - nowMs;
                if (left <= 0 || left > n.expiryWarningMs)
                    continue;
                const key = `expiry-warning:${k.file}@${w.start ?? ''}`;
                if (notified[key])
                    continue;
                const sent = await notifier.send({
                    kind: 'expiry-warning',
                    grant: {
                        grant: k.grant.id,
                        file: k.file,
                        person: k.grant.requester,
                        access: k.grant.access,
                        resources: k.resources.map((r) => r.id),
                        end: w.end,
                    },
                });
                if (sent)
                    notified[key] = now;
            }
        if (notifier.wants('revocation'))
            for (const [file, entries] of byFile(revoked)) {
                const key = `revocation:${file}@${entries[0].start ?? ''}`;
                if (notified[key])
                    continue;
                const why = revokedEarly.find((r) => r.file === file)?.why;
                const sent = await notifier.send({
                    kind: 'revocation',
                    grant: factsOf(entries),
                    ...(why ? { why } : {}),
                });
                if (sent)
                    notified[key] = now;
            }
    });
}


/***/ }),

/***/ 8975:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  e: () => (/* binding */ providersFor)
});

// UNUSED EXPORTS: PROVIDER_NAMES

// EXTERNAL MODULE: ./src/providers/github.ts
var github = __webpack_require__(5183);
// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(3849);
;// CONCATENATED MODULE: ./src/providers/sql-ident.ts
/**
 * Safe quoting of PostgreSQL identifiers (role names) for statements that cannot take bind
 * parameters (`GRANT "role" TO "member"`). Values always go through `pg` bind parameters; only
 * identifiers are quoted here, the same way as the server's `quote_ident`/`format('%I')` in its
 * always-quote form.
 */
/** PostgreSQL's NAMEDATALEN - 1: longer identifiers are silently truncated by the server. */
const MAX_IDENTIFIER_BYTES = 63;
class IdentifierError extends Error {
    constructor(message) {
        super(message);
        this.name = 'IdentifierError';
    }
}
/**
 * Why `name` cannot be used as a PostgreSQL identifier, or null when it can.
 * Rejects: non-strings, the empty string, NUL (the protocol cannot carry it) and names longer than
 * 63 bytes (the server would truncate them and could then address a *different* role).
 */
function identifierProblem(name) {
    if (typeof name !== 'string')
        return 'is not a string';
    if (name.length === 0)
        return 'is empty';
    if (name.includes('\0'))
        return 'contains a NUL character';
    if (Buffer.byteLength(name, 'utf8') > MAX_IDENTIFIER_BYTES) {
        return `is longer than ${MAX_IDENTIFIER_BYTES} bytes (PostgreSQL would truncate it)`;
    }
    return null;
}
/**
 * Quote `name` as a PostgreSQL identifier: wrap it in double quotes and double every double
 * quote inside, so the result is always exactly one identifier whatever `name` contains
 * (`billing"; DROP TABLE x; --` → `"billing""; DROP TABLE x; --"`). The name is taken
 * literally (case preserved, no keyword interpretation). Throws IdentifierError on names that
 * cannot be represented (see identifierProblem).
 */
function quoteIdent(name) {
    const problem = identifierProblem(name);
    if (problem !== null)
        throw new IdentifierError(`identifier ${describeIdent(name)} ${problem}`);
    return `"${name.replace(/"/g, '""')}"`;
}
/** A printable, bounded rendering of a (possibly hostile) identifier for messages. */
function describeIdent(name) {
    if (typeof name !== 'string')
        return String(typeof name);
    const shown = name.length > 80 ? `${name.slice(0, 80)}…` : name;
    return JSON.stringify(shown);
}

// EXTERNAL MODULE: ./src/providers/types.ts
var types = __webpack_require__(2695);
// EXTERNAL MODULE: ./src/providers/config.ts
var config = __webpack_require__(9706);
;// CONCATENATED MODULE: ./src/providers/postgres.ts
/**
 * The PostgreSQL provider: an access level is membership of a database role.
 *
 * Resource config (DESIGN.md §2): `{ connection_env: NAME, roles: { LEVEL: ROLE, ... } }`.
 * - `connection_env` names an environment variable holding a `postgres://` / `postgresql://` URL.
 *   It is read at call time, never from git; the URL (and its password) never appears in a message.
 * - `roles` maps each access level to a database role; the person's identity
 *   (`people.*.identities.postgres`, default their login) is the member role.
 *
 * grant:  `GRANT "<role>" TO "<identity>"` for the roles of `level` and of every level in `held`,
 *         each only when `pg_auth_members` says the identity is not yet a direct member, so
 *         `changed` is honest.
 * revoke: `REVOKE "<role>" FROM "<identity>"` for the role of `level` unless a level in `held`
 *         maps to the same role; then reads `pg_auth_members` back and throws if still a member.
 * list:   the direct members of every mapped role (except the connection role itself), one
 *         assignment per level mapped to the role.
 *
 * The connection role needs the right to grant the mapped roles: superuser, `CREATEROLE`
 * (PostgreSQL ≤ 15), or `ADMIN OPTION` on each mapped role (`GRANT billing_read TO gitgrant
 * WITH ADMIN OPTION`, the least privilege and required on PostgreSQL ≥ 16), plus `CONNECT` on the
 * database in the URL. Identifiers are always quoted with `quoteIdent`; values always travel as
 * bind parameters.
 */




/** Stable codes carried by ProviderError.code (docs/providers.md). */
const POSTGRES_ERROR_CODES = {
    config: 'provider-config',
    unknownLevel: 'unknown-access-level',
    unknownIdentity: 'unknown-identity',
    unknownRole: 'unknown-role',
    unreachable: 'provider-unreachable',
    failed: 'provider-failed',
    notConfirmed: 'revoke-not-confirmed',
};
/** Validate a postgres resource's config (fail closed: anything unexpected is an error). */
function parsePostgresConfig(resource) {
    const { cfg, bad } = (0,config/* readConfig */.X)(resource, 'postgres', POSTGRES_ERROR_CODES.config, [
        'connection_env',
        'roles',
    ]);
    const connectionEnv = cfg['connection_env'];
    if (typeof connectionEnv !== 'string' || !config/* ENV_NAME */.G.test(connectionEnv)) {
        bad('connection_env must be the name of an environment variable ([A-Za-z_][A-Za-z0-9_]*)');
    }
    const rolesRaw = cfg['roles'];
    if (rolesRaw === null || typeof rolesRaw !== 'object' || Array.isArray(rolesRaw)) {
        bad('roles must be a mapping of access level to database role');
    }
    const roles = new Map();
    for (const [level, role] of Object.entries(rolesRaw)) {
        if (typeof role !== 'string')
            bad(`roles.${level} must be a role name`);
        const problem = identifierProblem(role);
        if (problem !== null)
            bad(`roles.${level}: role name ${describeIdent(role)} ${problem}`);
        roles.set(level, role);
    }
    if (roles.size === 0)
        bad('roles must map at least one access level');
    return { connectionEnv: connectionEnv, roles };
}
class PostgresProvider {
    name = 'postgres';
    opts;
    constructor(options = {}) {
        this.opts = {
            env: options.env,
            connectTimeoutMs: options.connectTimeoutMs ?? 5000,
            statementTimeoutMs: options.statementTimeoutMs ?? 15000,
            lockTimeoutMs: options.lockTimeoutMs ?? 5000,
        };
    }
    async grant(change) {
        const { config, resource } = this.prepare(change.resource);
        const identity = checkIdentity(change.subject.identity, change.subject.login);
        // Every level the person must hold after the grant: the granted one and those in `held`.
        // Unknown levels are configuration errors: fail closed before touching the database.
        const levels = unique([change.level, ...change.held]);
        const roles = unique(levels.map((level) => roleFor(config, level, resource)));
        return this.withClient(config, resource, async (db) => {
            const oids = await resolveRoles(db, resource, config, roles, identity, change.subject.login);
            const memberOid = oids.get(identity);
            const done = [];
            const already = [];
            for (const role of roles) {
                if (await isMember(db, oids.get(role), memberOid)) {
                    already.push(role);
                    continue;
                }
                const raced = await run(db, resource, `GRANT ${quoteIdent(role)} TO ${quoteIdent(identity)}`, `GRANT ${role} TO ${identity}`);
                if (!(await isMember(db, oids.get(role), memberOid))) {
                    throw new types/* ProviderError */.m(`resource ${resource.id}: GRANT ${role} TO ${identity} did not take effect (pg_auth_members has no membership)`, false, POSTGRES_ERROR_CODES.failed);
                }
                (raced ? already : done).push(role);
            }
            const parts = [
                ...done.map((role) => `GRANT ${role} TO ${identity}`),
                ...already.map((role) => `${identity} already a member of ${role}`),
            ];
            return { changed: done.length > 0, detail: parts.join('; ') };
        });
    }
    async revoke(change) {
        const { config, resource } = this.prepare(change.resource);
        const identity = checkIdentity(change.subject.identity, change.subject.login);
        const role = roleFor(config, change.level, resource);
        // Levels in `held` that map to the same role keep it. Unknown levels in `held` cannot keep
        // any role, so they are ignored here: they must never block a revocation.
        const keptBy = change.held.filter((level) => config.roles.get(level) === role);
        return this.withClient(config, resource, async (db) => {
            const oids = await resolveRoles(db, resource, config, [role], identity, change.subject.login);
            const roleOid = oids.get(role);
            const memberOid = oids.get(identity);
            if (keptBy.length > 0) {
                return {
                    changed: false,
                    detail: `kept ${role} for ${identity}: still held through ${keptBy.join(', ')}`,
                };
            }
            if (!(await isMember(db, roleOid, memberOid))) {
                return { changed: false, detail: `${identity} is not a member of ${role}` };
            }
            const raced = await run(db, resource, `REVOKE ${quoteIdent(role)} FROM ${quoteIdent(identity)}`, `REVOKE ${role} FROM ${identity}`);
            // Read back: REVOKE only removes grants made by the current role (PostgreSQL 16+ keeps one
            // membership per grantor) and only warns otherwise, so the catalog is the only proof.
            const grantors = await membershipGrantors(db, roleOid, memberOid);
            if (grantors !== null) {
                throw new types/* ProviderError */.m(`resource ${resource.id}: REVOKE ${role} FROM ${identity} did not remove the membership ` +
                    `(still granted by ${grantors}; the connection role can only revoke its own grants): ` +
                    'revoke it by hand (REVOKE ... GRANTED BY ...)', false, POSTGRES_ERROR_CODES.notConfirmed);
            }
            return raced
                ? { changed: false, detail: `${identity} is no longer a member of ${role} (revoked concurrently)` }
                : { changed: true, detail: `REVOKE ${role} FROM ${identity}` };
        });
    }
    async list(resourceIn) {
        const { config, resource } = this.prepare(resourceIn);
        const roles = unique([...config.roles.values()]);
        return this.withClient(config, resource, async (db) => {
            const result = await db.query(`SELECT r.rolname AS role, m.rolname AS member, current_user::text AS current
           FROM pg_catalog.pg_roles r
           LEFT JOIN pg_catalog.pg_auth_members am ON am.roleid = r.oid
           LEFT JOIN pg_catalog.pg_roles m ON m.oid = am.member
          WHERE r.rolname = ANY($1::text[])`, [roles]);
            const found = new Set(result.rows.map((row) => row.role));
            const missing = roles.filter((role) => !found.has(role));
            if (missing.length > 0)
                throw unknownRole(resource, missing[0], config);
            const out = new Map();
            for (const row of result.rows) {
                // The connection role itself (a member when it holds ADMIN OPTION) is machinery, not a person.
                if (row.member === null || row.member === row.current)
                    continue;
                for (const [level, role] of config.roles) {
                    if (role !== row.role)
                        continue;
                    out.set(`${row.member}\0${level}`, { identity: row.member, access: level });
                }
            }
            return [...out.values()].sort((a, b) => cmp(a.identity, b.identity) || cmp(a.access, b.access));
        });
    }
    prepare(resource) {
        if (resource.provider !== 'postgres') {
            throw new types/* ProviderError */.m(`resource ${resource.id} uses provider ${resource.provider}, not postgres`, false, POSTGRES_ERROR_CODES.config);
        }
        return { config: parsePostgresConfig(resource), resource };
    }
    connectionUrl(config, resource) {
        const env = this.opts.env ?? process.env;
        const url = env[config.connectionEnv];
        if (url === undefined || url.trim() === '') {
            throw new types/* ProviderError */.m(`resource ${resource.id}: environment variable ${config.connectionEnv} (the PostgreSQL connection URL) is not set`, false, POSTGRES_ERROR_CODES.config);
        }
        let protocol = '';
        try {
            protocol = new URL(url).protocol;
        }
        catch {
            /* reported below, without the value */
        }
        if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
            throw new types/* ProviderError */.m(`resource ${resource.id}: environment variable ${config.connectionEnv} is not a postgres:// or postgresql:// URL`, false, POSTGRES_ERROR_CODES.config);
        }
        return url;
    }
    async withClient(config, resource, body) {
        const url = this.connectionUrl(config, resource);
        const client = new esm/* default.Client */.Ay.Client({
            connectionString: url,
            connectionTimeoutMillis: this.opts.connectTimeoutMs,
            statement_timeout: this.opts.statementTimeoutMs,
            lock_timeout: this.opts.lockTimeoutMs,
            query_timeout: this.opts.statementTimeoutMs + 5000,
            application_name: 'gitgrant',
        });
        // A connection lost while idle is emitted as an event; without a listener it would crash.
        client.on('error', () => { });
        const redact = redactor(url);
        try {
            try {
                await client.connect();
            }
            catch (err) {
                throw toProviderError(err, resource, config, redact, 'cannot connect to PostgreSQL');
            }
            try {
                return await body(client);
            }
            catch (err) {
                if (err instanceof types/* ProviderError */.m)
                    throw err;
                throw toProviderError(err, resource, config, redact, 'PostgreSQL error');
            }
        }
        finally {
            await client.end().catch(() => { });
        }
    }
}
function createPostgresProvider(options = {}) {
    return new PostgresProvider(options);
}
// ---------------------------------------------------------------------------------------------
function checkIdentity(identity, login) {
    const problem = identifierProblem(identity);
    if (problem !== null) {
        throw new types/* ProviderError */.m(`PostgreSQL identity ${describeIdent(identity)} of ${login} ${problem}`, false, POSTGRES_ERROR_CODES.unknownIdentity);
    }
    return identity;
}
function roleFor(config, level, resource) {
    const role = config.roles.get(level);
    if (role === undefined) {
        throw new types/* ProviderError */.m(`resource ${resource.id}: access level ${JSON.stringify(level)} has no PostgreSQL role ` +
            `(roles maps ${[...config.roles.keys()].join(', ')})`, false, POSTGRES_ERROR_CODES.unknownLevel);
    }
    return role;
}
function unknownRole(resource, role, config) {
    const levels = [...config.roles].filter(([, r]) => r === role).map(([l]) => l);
    return new types/* ProviderError */.m(`resource ${resource.id}: database role ${describeIdent(role)} (access ${levels.join(', ')}) does not exist`, false, POSTGRES_ERROR_CODES.unknownRole);
}
/** Look up the oids of the mapped roles and the identity; a missing one is a non-retryable error. */
async function resolveRoles(db, resource, config, roles, identity, login) {
    const result = await db.query('SELECT rolname, oid::int8::text AS oid FROM pg_catalog.pg_roles WHERE rolname = ANY($1::text[])', [unique([...roles, identity])]);
    const oids = new Map(result.rows.map((row) => [row.rolname, row.oid]));
    for (const role of roles) {
        if (!oids.has(role))
            throw unknownRole(resource, role, config);
    }
    if (!oids.has(identity)) {
        throw new types/* ProviderError */.m(`resource ${resource.id}: PostgreSQL role ${describeIdent(identity)} (the identity of ${login}) does not exist; ` +
            'create the login role or fix people.*.identities.postgres', false, POSTGRES_ERROR_CODES.unknownIdentity);
    }
    return oids;
}
async function isMember(db, roleOid, memberOid) {
    return (await membershipGrantors(db, roleOid, memberOid)) !== null;
}
/** The grantors of a direct membership, or null when there is none. */
async function membershipGrantors(db, roleOid, memberOid) {
    const result = await db.query(`SELECT g.rolname AS grantor
       FROM pg_catalog.pg_auth_members am
       LEFT JOIN pg_catalog.pg_roles g ON g.oid = am.grantor
      WHERE am.roleid = $1::oid AND am.member = $2::oid`, [roleOid, memberOid]);
    if (result.rows.length === 0)
        return null;
    return unique(result.rows.map((row) => row.grantor ?? '(unknown)')).join(', ');
}
/**
 * A GRANT or REVOKE that raced the same change by another session (two overlapping runs):
 * "tuple concurrently deleted/updated" (XX000) or a duplicate membership row (23505). Not an
 * error of ours: the catalog, read back by the caller, says what holds now.
 */
function isConcurrentCatalogChange(err) {
    const code = sqlState(err);
    return (code === '23505' || (code === 'XX000' && /\bconcurrently (deleted|updated)\b/.test(errorMessage(err))));
}
/** Runs a GRANT or REVOKE; true when it raced another session's same change (see above). */
async function run(db, resource, sql, display) {
    try {
        await db.query(sql);
        return false;
    }
    catch (err) {
        if (isConcurrentCatalogChange(err))
            return true;
        const code = sqlState(err);
        if (code === '42501' || code === '0LP01') {
            // insufficient_privilege / invalid_grant_operation: the connection role may not do this.
            throw new types/* ProviderError */.m(`resource ${resource.id}: ${display} was refused: ${errorMessage(err)} [SQLSTATE ${code}] ` +
                '(the connection role needs ADMIN OPTION on the role, CREATEROLE or superuser)', false, POSTGRES_ERROR_CODES.failed);
        }
        throw err;
    }
}
// ---- errors ---------------------------------------------------------------------------------
/** Node/libpq-level failures where a rerun may succeed. */
const RETRYABLE_NODE_CODES = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'ECONNABORTED',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'EHOSTDOWN',
    'ENETUNREACH',
    'ENETDOWN',
    'EPIPE',
    'EAI_AGAIN',
    'ENOTFOUND',
]);
/** SQLSTATEs where a rerun may succeed. */
function retryableSqlState(code) {
    return (code.startsWith('08') || // connection exception
        code.startsWith('53') || // insufficient resources (too many connections, out of memory, disk full)
        code === '57P01' || // admin_shutdown
        code === '57P02' || // crash_shutdown
        code === '57P03' || // cannot_connect_now (starting up)
        code === '57014' || // query_canceled (statement_timeout)
        code === '55P03' || // lock_not_available (lock_timeout)
        code === '40001' || // serialization_failure
        code === '40P01' // deadlock_detected
    );
}
function sqlState(err) {
    const code = err?.code;
    return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}
/** Duck-typed (errors may come from another realm, e.g. under jest's VM modules). */
function errorMessage(err) {
    const e = err;
    if (e !== null && typeof e === 'object') {
        if (Array.isArray(e.errors) && e.errors.length > 0 && !e.message) {
            return e.errors.map((inner) => errorMessage(inner)).join('; ');
        }
        if (typeof e.message === 'string' && e.message !== '')
            return e.message;
        if (typeof e.name === 'string')
            return e.name;
    }
    return String(err);
}
function isRetryable(err) {
    const state = sqlState(err);
    if (state !== undefined)
        return retryableSqlState(state);
    const code = err?.code;
    if (typeof code === 'string' && RETRYABLE_NODE_CODES.has(code))
        return true;
    const inner = err?.errors;
    if (Array.isArray(inner) && inner.some((e) => isRetryable(e)))
        return true;
    const msg = errorMessage(err);
    return /timeout|timed out|terminated|Connection terminated|ECONNREFUSED|ECONNRESET|socket hang up/i.test(msg);
}
function toProviderError(err, resource, config, redact, what) {
    const retryable = isRetryable(err);
    const state = sqlState(err);
    const detail = redact(errorMessage(err)) + (state !== undefined ? ` [SQLSTATE ${state}]` : '');
    const code = what === 'cannot connect to PostgreSQL' && retryable
        ? POSTGRES_ERROR_CODES.unreachable
        : POSTGRES_ERROR_CODES.failed;
    return new types/* ProviderError */.m(`resource ${resource.id}: ${what} (URL from $${config.connectionEnv}): ${detail}`, retryable, code);
}
/** Remove the URL and its password from any text before it reaches a message. */
function redactor(url) {
    const secrets = new Set([url]);
    try {
        const parsed = new URL(url);
        if (parsed.password) {
            secrets.add(parsed.password);
            try {
                secrets.add(decodeURIComponent(parsed.password));
            }
            catch {
                /* keep the encoded form only */
            }
        }
    }
    catch {
        /* not a URL: the whole string is the secret */
    }
    const list = [...secrets].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
    return (s) => list.reduce((acc, secret) => acc.split(secret).join('***'), s);
}
function unique(items) {
    return [...new Set(items)];
}
function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/p-retry/index.js + 1 modules
var p_retry = __webpack_require__(4995);
;// CONCATENATED MODULE: ./src/providers/webhook.ts
/**
 * The webhook provider: grants and revocations are signed JSON events POSTed to a receiver that
 * does the real work (a notebook platform, an internal tool, a ticket system...).
 *
 * Resource config (DESIGN.md §2): `{ url: "https://…", secret_env: NAME, timeout?: 30s }`.
 * - `url` must be `https://`; plain `http://` only for loopback receivers (127.0.0.1, localhost,
 *   [::1]). A URL with user:password is refused (secrets never live in git). Redirects are not
 *   followed (a redirect could carry a signed event elsewhere).
 * - `secret_env` names an environment variable holding the HMAC secret, read at call time.
 * - `timeout` (optional): the timeout of one attempt, `Ns` from `1s` to `60s` (default: the
 *   provider's `timeoutMs`, 10 s). Anything else is `provider-config`.
 *
 * The request (docs/providers.md):
 *   POST <url>
 *   Content-Type: application/json
 *   User-Agent: gitgrant
 *   X-Gitgrant-Event: grant | revoke
 *   X-Gitgrant-Idempotency-Key: hex sha256 of "type\0grant_id\0resource\0person\0access"
 *                               (person = lower-cased login) — the same for every retry and rerun
 *   X-Gitgrant-Signature-256: sha256=<hex HMAC-SHA256(secret, exact body bytes)>
 *   { "type", "grant_id", "person", "identity", "resource", "access", "held",
 *     "window": { "start", "end" }, "sent_at" }
 * The body is serialised once per call, so retries within one call send the same bytes.
 *
 * The answer:
 * - 2xx → success, `changed: true`; except a 200 whose JSON body has `"changed": false`
 *   (the receiver saw nothing to do, e.g. a duplicate idempotency key) → `changed: false`.
 * - 408, 429, 5xx, network errors and timeouts (`timeout` per attempt, default 10 s) → retried with
 *   exponential backoff (p-retry, default 3 retries), then a retryable ProviderError.
 * - 3xx and other 4xx (400, 401, 403, 404, 422…) → non-retryable ProviderError, no retry.
 * `revoke` always sends its event (with `held`: the receiver must keep those levels); a 2xx
 * answer is the confirmation. `list` returns null: a webhook cannot say who has access.
 */




const WEBHOOK_ERROR_CODES = {
    config: 'provider-config',
    rejected: 'webhook-rejected',
    unreachable: 'provider-unreachable',
    failed: 'provider-failed',
};
/** The `timeout` key: whole seconds (durations elsewhere have no seconds unit: see core/duration.ts). */
const TIMEOUT = /^(0|[1-9][0-9]{0,5})s$/;
const MIN_TIMEOUT_MS = 1000;
const MAX_TIMEOUT_MS = 60_000;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const MAX_ANSWER_BYTES = 64 * 1024;
/** Validate a webhook resource's config (fail closed). */
function parseWebhookConfig(resource) {
    const { cfg, bad } = (0,config/* readConfig */.X)(resource, 'webhook', WEBHOOK_ERROR_CODES.config, [
        'url',
        'secret_env',
        'timeout',
    ]);
    const secretEnv = cfg['secret_env'];
    if (typeof secretEnv !== 'string' || !config/* ENV_NAME */.G.test(secretEnv)) {
        bad('secret_env must be the name of an environment variable ([A-Za-z_][A-Za-z0-9_]*)');
    }
    const rawUrl = cfg['url'];
    if (typeof rawUrl !== 'string')
        return bad('url must be a string');
    let url;
    try {
        url = new URL(rawUrl);
    }
    catch {
        return bad('url is not a valid URL');
    }
    if (url.username !== '' || url.password !== '')
        bad('url must not contain credentials (use secret_env)');
    if (url.protocol === 'http:') {
        if (!LOOPBACK_HOSTS.has(url.hostname)) {
            bad(`url must use https:// (plain http:// is allowed only for 127.0.0.1, localhost and [::1]), got ${safeUrl(url)}`);
        }
    }
    else if (url.protocol !== 'https:') {
        bad(`url must use https://, got ${url.protocol}`);
    }
    const parsed = { url, secretEnv: secretEnv };
    if (cfg['timeout'] !== undefined)
        parsed.timeoutMs = parseTimeout(cfg['timeout'], bad);
    return parsed;
}
/** `timeout`: `Ns`, 1 s to 60 s inclusive. */
function parseTimeout(value, bad) {
    const m = typeof value === 'string' ? TIMEOUT.exec(value) : null;
    const got = JSON.stringify(value) ?? String(value);
    if (!m)
        return bad(`timeout must be a number of seconds such as 5s or 30s (1s to 60s), got ${got}`);
    const ms = Number(m[1]) * 1000;
    if (ms < MIN_TIMEOUT_MS || ms > MAX_TIMEOUT_MS)
        bad(`timeout must be between 1s and 60s, got ${got}`);
    return ms;
}
/** The stable idempotency key of a change: retries and reruns of the same change share it. */
function idempotencyKey(type, grantId, resourceId, login, level) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update([type, grantId, resourceId, login.toLowerCase(), level].join('\0'), 'utf8')
        .digest('hex');
}
/** `sha256=<hex>` of HMAC-SHA256 over the exact body bytes. */
function signBody(secret, body) {
    return `sha256=${(0,external_node_crypto_.createHmac)('sha256', secret).update(body).digest('hex')}`;
}
class WebhookProvider {
    name = 'webhook';
    env;
    timeoutMs;
    retry;
    now;
    constructor(options = {}) {
        this.env = options.env;
        this.timeoutMs = options.timeoutMs ?? 10_000;
        this.retry = {
            retries: options.retry?.retries ?? 3,
            minDelayMs: options.retry?.minDelayMs ?? 1000,
            maxDelayMs: options.retry?.maxDelayMs ?? 10_000,
            factor: options.retry?.factor ?? 2,
            randomize: options.retry?.randomize ?? true,
        };
        this.now = options.now ?? (() => new Date());
    }
    grant(change) {
        return this.send('grant', change);
    }
    revoke(change) {
        return this.send('revoke', change);
    }
    async list(resource) {
        parseWebhookConfig(resource);
        return null;
    }
    async send(type, change) {
        const { resource } = change;
        if (resource.provider !== 'webhook') {
            throw new types/* ProviderError */.m(`resource ${resource.id} uses provider ${resource.provider}, not webhook`, false, WEBHOOK_ERROR_CODES.config);
        }
        const config = parseWebhookConfig(resource);
        const secret = (this.env ?? process.env)[config.secretEnv];
        if (secret === undefined || secret === '') {
            throw new types/* ProviderError */.m(`resource ${resource.id}: environment variable ${config.secretEnv} (the webhook signing secret) is not set`, false, WEBHOOK_ERROR_CODES.config);
        }
        const event = {
            type,
            grant_id: change.event.grantId,
            person: change.subject.login,
            identity: change.subject.identity,
            resource: resource.id,
            access: change.level,
            held: [...change.held],
            window: { start: change.event.start ?? null, end: change.event.end ?? null },
            sent_at: this.now().toISOString(),
        };
        const body = Buffer.from(JSON.stringify(event), 'utf8');
        const headers = {
            'Content-Type': 'application/json',
            'User-Agent': 'gitgrant',
            'X-Gitgrant-Event': type,
            'X-Gitgrant-Idempotency-Key': idempotencyKey(type, event.grant_id, resource.id, event.person, event.access),
            'X-Gitgrant-Signature-256': signBody(secret, body),
        };
        const target = `POST ${safeUrl(config.url)}`;
        const timeoutMs = config.timeoutMs ?? this.timeoutMs;
        const what = `${type} ${event.access} for ${event.person} on ${resource.id}`;
        let attempts = 0;
        const attempt = async () => {
            attempts++;
            let res;
            let answer;
            try {
                res = await fetch(config.url, {
                    method: 'POST',
                    headers,
                    body,
                    redirect: 'manual',
                    signal: AbortSignal.timeout(timeoutMs),
                });
                answer = await readLimited(res, MAX_ANSWER_BYTES);
            }
            catch (err) {
                const name = err?.name;
                const timedOut = name === 'TimeoutError' || name === 'AbortError';
                throw new types/* ProviderError */.m(timedOut ? `no answer within ${timeoutMs} ms` : `request failed: ${networkMessage(err)}`, true, WEBHOOK_ERROR_CODES.unreachable);
            }
            const status = res.status;
            if (status >= 200 && status < 300) {
                const changed = !(status === 200 && saysUnchanged(res, answer));
                return {
                    changed,
                    detail: `${type} event sent to ${safeUrl(config.url)} (HTTP ${status}${changed ? '' : ', receiver: unchanged'})`,
                };
            }
            const summary = `HTTP ${status}${snippet(answer)}`;
            if (status === 408 || status === 429 || status >= 500) {
                throw new types/* ProviderError */.m(summary, true, WEBHOOK_ERROR_CODES.failed);
            }
            if (status >= 300 && status < 400) {
                throw new types/* ProviderError */.m(`${summary} (redirects are not followed; configure the final URL)`, false, WEBHOOK_ERROR_CODES.rejected);
            }
            throw new types/* ProviderError */.m(summary, false, WEBHOOK_ERROR_CODES.rejected);
        };
        try {
            return await (0,p_retry/* default */.Ay)(attempt, {
                retries: this.retry.retries,
                minTimeout: this.retry.minDelayMs,
                maxTimeout: this.retry.maxDelayMs,
                factor: this.retry.factor,
                randomize: this.retry.randomize,
                shouldRetry: ({ error }) => error instanceof types/* ProviderError */.m && error.retryable,
            });
        }
        catch (err) {
            const pe = err instanceof types/* ProviderError */.m
                ? err
                : new types/* ProviderError */.m(networkMessage(err), false, WEBHOOK_ERROR_CODES.failed);
            const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
            throw new types/* ProviderError */.m(`resource ${resource.id}: webhook ${what}: ${target} ${pe.retryable ? 'failed' : 'was rejected'} after ${tries}: ${pe.message}`, pe.retryable, pe.code);
        }
    }
}
function createWebhookProvider(options = {}) {
    return new WebhookProvider(options);
}
// ---------------------------------------------------------------------------------------------
/** Origin and path only: never the query string or fragment (they may carry tokens). */
function safeUrl(url) {
    return `${url.protocol}//${url.host}${url.pathname}`;
}
function saysUnchanged(res, answer) {
    const type = res.headers.get('content-type') ?? '';
    if (!/\bjson\b/i.test(type) && !answer.trimStart().startsWith('{'))
        return false;
    try {
        const parsed = JSON.parse(answer);
        return (parsed !== null && typeof parsed === 'object' && parsed.changed === false);
    }
    catch {
        return false;
    }
}
/** Read at most `limit` bytes of the answer (a hostile receiver cannot exhaust memory). */
async function readLimited(res, limit) {
    if (res.body === null)
        return '';
    const reader = res.body.getReader();
    const chunks = [];
    let size = 0;
    try {
        for (;;) {
            const { done, value } = await reader.read();
            if (done)
                break;
            chunks.push(value);
            size += value.byteLength;
            if (size >= limit) {
                await reader.cancel().catch(() => { });
                break;
            }
        }
    }
    finally {
        reader.releaseLock();
    }
    return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}
/** A short one-line excerpt of the answer for messages. */
function snippet(answer) {
    const line = answer.replace(/\s+/g, ' ').trim();
    if (line === '')
        return '';
    return `: ${line.length > 200 ? `${line.slice(0, 200)}…` : line}`;
}
function networkMessage(err) {
    const e = err;
    const cause = e?.cause;
    if (cause && typeof cause.code === 'string')
        return `${String(e?.message ?? 'error')} (${cause.code})`;
    if (cause && typeof cause.message === 'string')
        return `${String(e?.message ?? 'error')} (${cause.message})`;
    return typeof e?.message === 'string' ? e.message : String(err);
}

;// CONCATENATED MODULE: ./src/providers/registry.ts




const PROVIDER_NAMES = ['github', 'postgres', 'webhook'];
function providersFor(env = {}) {
    const made = new Map();
    const make = (name) => {
        switch (name) {
            case 'github':
                return new github/* GitHubProvider */.tx(env.githubClient !== undefined
                    ? { client: env.githubClient }
                    : {
                        ...(env.githubToken !== undefined ? { token: env.githubToken } : {}),
                        clientOptions: {
                            ...env.clientOptions,
                            ...(env.apiUrl !== undefined ? { apiUrl: env.apiUrl } : {}),
                        },
                    });
            case 'postgres':
                return new PostgresProvider(env.env !== undefined ? { env: env.env } : {});
            case 'webhook':
                return new WebhookProvider(env.env !== undefined ? { env: env.env } : {});
        }
    };
    return (name) => {
        if (!PROVIDER_NAMES.includes(name)) {
            throw new types/* ProviderError */.m(`unknown provider ${JSON.stringify(name)} (expected ${PROVIDER_NAMES.join(', ')})`, false, 'provider-config');
        }
        let provider = made.get(name);
        if (provider === undefined) {
            provider = make(name);
            made.set(name, provider);
        }
        return provider;
    };
}


/***/ })

};
