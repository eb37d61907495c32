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
import { parseDuration } from '../core/duration.js';
import { loginKey, type GrantRequest, type Resource } from '../core/model.js';
import { resolveResources } from '../core/resolve.js';
import { windowOf, type Window } from '../core/windows.js';
import { landingTimes } from '../git/landing.js';
import { git } from '../git/run.js';
import { ALERT_LABEL, alertMarker, upsertAlert } from '../github/alerts.js';
import { isOurs } from '../github/sticky-read.js';
import { recordRemovals, type RecordResult, type RemovalEntry } from '../github/revocation-record.js';
import { ProviderError, subjectFor, type Assignment, type Provider } from '../providers/types.js';
import { withDiscovery } from './discovered.js';
import { loadGrantFiles, type Config } from './config.js';
import { configForRevocation, describeConfigError } from './last-valid-config.js';
import { mergeChecker, type MergeCheckDeps } from './merge-check.js';
import { historyReader } from './history.js';
import { retroStatusOf, syncRetroIssues, type RetroTracked } from './break-glass.js';
import type { RetroReview } from '../core/break-glass.js';
import { reviewersText } from '../render/retro-review-markdown.js';
import { approvalKey, parseState, type ApprovalRecord, type StateStore } from './state.js';
import type { ChangeEntry, Failure } from './apply.js';
import { afterReconcile } from '../notify/reconcile.js';
import { deletedGrant } from './deleted-grant.js';
import { deletionsToConfirm } from './deletions.js';

export interface ReconcileDeps extends MergeCheckDeps {
  providers: (name: string) => Provider;
  state: StateStore;
  nowMs: number;
  /** The schedule interval; a previous success older than twice this fails the run. */
  intervalMs: number;
  defaultBranch: string;
  /** Record removals through the API (false: report only, e.g. a dry run). */
  record: boolean;
  /**
   * Set when the token's own login could not be read: gitgrant cannot tell its own issues and
   * comments from others', so this run writes none (no alert, retro-review or escalation: they
   * would be duplicated) and is red; revocation and re-application go on.
   */
  unknownLogin?: string;
  log: (message: string) => void;
}

export interface DriftEntry {
  resource: string;
  identity: string;
  access: string;
  pruned: boolean;
  detail: string;
}

/** An active grant file on the default branch that did not pass approval-at-merge: nothing is granted. */
export interface NotApprovedEntry {
  file: string;
  grant: string;
  person: string;
  pr: number | null;
  reasons: string[];
  start?: string;
  end?: string;
}

export interface ReconcileResult {
  now: string;
  revoked: ChangeEntry[];
  reapplied: ChangeEntry[];
  drift: DriftEntry[];
  /** Active grant files that failed approval-at-merge (never granted; revoked when they expire). */
  notApproved: NotApprovedEntry[];
  /** Break-glass grants revoked before their end: no retro-review in time (docs/break-glass.md). */
  revokedEarly: { file: string; grant: string; why: string }[];
  /** Grant files deleted from the default branch, revoked again as a backstop to `apply`. */
  deleted: ChangeEntry[];
  failures: Failure[];
  alerts: number[];
  record: RecordResult | null;
  /** Files whose revocation failed this run (kept in git, retried next run). */
  kept: string[];
  previousSuccess: string | null;
  /** The last successful run after this one: `now` when this run had no failures. */
  lastSuccess: string | null;
  stale: boolean;
  ok: boolean;
}

interface Known {
  grant: GrantRequest;
  file: string;
  window: Window;
  approval: ApprovalRecord;
  resources: Resource[];
  /**
   * What the file says now, when it was changed on the default branch after it landed (a direct
   * push: never applied). Its access and resources are revoked too when the window ends.
   */
  changedTo?: { grant: GrantRequest; resources: Resource[] };
  /** Why it ends before its window's end (break-glass without its retro-review). */
  early?: string;
}

const failureOf = (file: string, resource: string | undefined, e: unknown): Failure => ({
  file,
  ...(resource ? { resource } : {}),
  message: e instanceof Error ? e.message : String(e),
  retryable: e instanceof ProviderError ? e.retryable : true,
});

export async function runReconcile(deps: ReconcileDeps): Promise<ReconcileResult> {
  // Revocation never depends on the state: an unreadable state is an empty one (and a red run).
  let stateError: unknown = null;
  const state = await deps.state.read().catch((e: unknown) => {
    stateError = e;
    return parseState(null);
  });
  const previousSuccess = state.lastSuccess ?? null;
  const stale = previousSuccess !== null && deps.nowMs - Date.parse(previousSuccess) > 2 * deps.intervalMs;
  const result: ReconcileResult = {
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
  if (stateError) result.failures.push(failureOf(`(state ${deps.state.describe})`, undefined, stateError));
  if (deps.unknownLogin) result.failures.push(failureOf('(token identity)', undefined, deps.unknownLogin));

  // Invalid policies on the default branch: revoke on the last valid ones, grant nothing.
  const loadedConfig = await configForRevocation(deps.repoDir, 'HEAD');
  const revokeOnly = loadedConfig.invalid;
  if (revokeOnly)
    result.failures.push({
      file: 'policies/',
      message: `${describeConfigError(revokeOnly.error)}; this run revokes on the last valid policies (${revokeOnly.from.slice(0, 7)}) and grants nothing`,
      retryable: false,
    });
  const config = await withDiscovery(loadedConfig.config, deps.teamsGh, deps.log);
  const people = config.prepared.snapshot.people;
  const loaded = await loadGrantFiles(deps.repoDir, undefined, 'HEAD');
  const landings = await landingTimes(deps.repoDir, 'HEAD');
  const check = mergeChecker(deps);
  const history = historyReader(deps.repoDir);

  // 1. Windows and approval-at-merge (cached in state: immutable once merged).
  const known: Known[] = [];
  for (const l of loaded) {
    if (!l.grant) continue;
    const landing = landings.get(l.file);
    const d = parseDuration(l.grant.duration);
    if (!landing || !d.ok) continue;
    // Changed on the default branch after it landed? Only a direct push can do that (a PR may
    // not modify a grant file), so the change is never applied: the reviewed content is the one
    // that landed (its access, resources and approval), the window ends at the EARLIER of both
    // versions' ends, and when it ends the access of both versions is revoked.
    const [headBlob, landedBlob] = (
      await git(deps.repoDir, ['rev-parse', `HEAD:${l.file}`, `${landing.commit}:${l.file}`]).catch(() => '')
    )
      .trim()
      .split('\n');
    const modified = !headBlob || headBlob !== landedBlob;
    let grant = l.grant;
    let durationMs = d.ms;
    let changedTo: GrantRequest | undefined;
    let landedOk = true;
    if (modified) {
      const [at] = await loadGrantFiles(deps.repoDir, [l.file], landing.commit).catch(() => []);
      const ld = at?.grant ? parseDuration(at.grant.duration) : null;
      if (at?.grant && ld?.ok) {
        changedTo = l.grant;
        grant = at.grant;
        durationMs = Math.min(durationMs, ld.ms);
      } else landedOk = false;
    }
    // An extension continues the grant it names without a gap (docs/extension.md): its window
    // starts at that grant's end, so the old grant's revocation keeps the access (`held`).
    const ext =
      grant.extends !== undefined ? await history.windowOf(grant, landing).catch(() => undefined) : undefined;
    const window = windowOf(
      {
        id: grant.id,
        file: l.file,
        durationMs,
        landedAt: landing.time,
        landingCommit: landing.commit,
        ...(ext?.extended ? { startsAt: ext.startMs, extends: ext.extended.id } : {}),
      },
      deps.nowMs,
    );
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
    } else if (!approval) {
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
        if (approval.approved) state.approvals[key] = approval;
      } catch (e) {
        // Doubt: treat as not approved for granting, but still revoke if expired.
        result.failures.push(failureOf(l.file, undefined, e));
        approval = { approved: false, pr: null, approvers: [], resources: [], reasons: ['could not check'] };
      }
    }
    const k: Known = {
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
  for (const key of Object.keys(state.approvals)) if (!current.has(key)) delete state.approvals[key];
  const confirmed = (state.revoked ??= {});
  for (const key of Object.keys(confirmed)) if (!current.has(key)) delete confirmed[key];
  const files = new Set(known.map((k) => k.file));
  for (const f of Object.keys(state.revokeFailures)) if (!files.has(f)) delete state.revokeFailures[f];

  // Break-glass (docs/break-glass.md): a grant whose retro-review is not there within
  // `review_within` of its landing ends now — revoked and recorded like an expiry.
  const bgDeps = { gh: deps.gh, teamsGh: deps.teamsGh, ref: deps.ref, login: deps.login, nowMs: deps.nowMs };
  const retroTracked: RetroTracked[] = [];
  for (const k of known) {
    const bg = k.approval.breakGlass;
    const pr = k.approval.pr;
    const landedAtMs = k.window.landedAt;
    if (
      !bg ||
      !k.approval.approved ||
      pr === null ||
      landedAtMs === undefined ||
      k.window.state === 'pending'
    )
      continue;
    const deadline = new Date(landedAtMs + bg.reviewWithinMs).toISOString();
    let status: RetroReview | null = null;
    try {
      status = await retroStatusOf(bgDeps, config.prepared, {
        pr,
        breakGlass: bg,
        requester: k.grant.requester,
        landedAtMs,
      });
    } catch (e) {
      // Doubt reading the reviews: after the deadline that means no review (fail closed).
      result.failures.push(failureOf(k.file, undefined, e));
    }
    const overdue = deps.nowMs >= landedAtMs + bg.reviewWithinMs && status?.state !== 'reviewed';
    if (overdue && k.window.state === 'active') {
      k.window = { ...k.window, state: 'expired' };
      k.early = `revoked early at ${result.now}: no break-glass retro-review (an approval of pull request #${pr} by ${reviewersText(bg)}) by ${deadline}`;
      result.revokedEarly.push({ file: k.file, grant: k.grant.id, why: k.early });
    }
    retroTracked.push({
      file: k.file,
      commit: k.window.landingCommit!,
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
  const expected = new Map<string, Map<string, Set<string>>>(); // resource → login → levels
  const expect = (resource: string, login: string, level: string) => {
    let m = expected.get(resource);
    if (!m) expected.set(resource, (m = new Map()));
    let s = m.get(loginKey(login));
    if (!s) m.set(loginKey(login), (s = new Set()));
    s.add(level);
  };
  for (const r of config.prepared.snapshot.resources)
    for (const b of r.baseline) expect(r.id, b.person, b.access);
  for (const k of known)
    if (k.window.state === 'active' && k.approval.approved)
      for (const r of k.resources) expect(r.id, k.grant.requester, k.grant.access);
  const heldBy = (resource: string, login: string) => [
    ...(expected.get(resource)?.get(loginKey(login)) ?? []),
  ];

  // 2. Expired: revoke, confirm, then record.
  const removals: RemovalEntry[] = [];
  for (const k of known.filter((x) => x.window.state === 'expired')) {
    let allOk = true;
    // What the file gives now, and what it gave as it landed (when changed since): both go.
    const pairs = new Map<string, { resource: Resource; access: string; requester: string }>();
    for (const v of [{ grant: k.grant, resources: k.resources }, ...(k.changedTo ? [k.changedTo] : [])])
      for (const resource of v.resources)
        pairs.set(`${resource.id}\0${v.grant.access}\0${loginKey(v.grant.requester)}`, {
          resource,
          access: v.grant.access,
          requester: v.grant.requester,
        });
    // Revocations confirmed by an earlier run (the file waits for its revocation pull request to
    // be merged) are not sent again: access given back by hand since is drift, not an expiry.
    const key = approvalKey(k.file, k.window.landingCommit ?? '');
    const done = new Set(confirmed[key] ?? []);
    for (const [pair, { resource, access, requester }] of pairs) {
      if (done.has(pair)) continue;
      try {
        const r = await deps.providers(resource.provider).revoke({
          resource,
          subject: subjectFor(resource, requester, people),
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
      } catch (e) {
        allOk = false;
        result.failures.push(failureOf(k.file, resource.id, e));
      }
    }
    if (done.size > 0) confirmed[key] = [...done].sort();
    if (allOk) {
      if ((state.revokeFailures[k.file] ?? 0) >= 3) await closeAlert(k.file);
      delete state.revokeFailures[k.file];
      removals.push({
        ...grantFacts(k),
        ...(k.window.start ? { start: k.window.start } : {}),
        ...(k.window.end ? { end: k.window.end } : {}),
        ...(k.approval.approvers.length ? { approvers: k.approval.approvers } : {}),
        ...(k.early ? { why: k.early } : {}),
      });
    } else {
      result.kept.push(k.file);
      const n = (state.revokeFailures[k.file] ?? 0) + 1;
      state.revokeFailures[k.file] = n;
      if (n >= 3) await alertRevocation(grantFacts(k), k.window.end ?? '?', n);
    }
  }

  // 2b. Deleted grant files: the backstop to apply's revocation (src/commands/deletions.ts).
  await revokeDeletions();

  // 3 and 4. Every declared resource: list once; re-grant what is missing; report (and prune)
  // drift. Every resource, not only those with grants: access nobody asked for is drift wherever
  // it appears, and a resource reconcile cannot read is one it could not revoke on either. Not on
  // a fallback configuration (invalid policies/ on the default branch): nothing is granted then.
  for (const resource of revokeOnly ? [] : config.prepared.snapshot.resources) {
    let assignments: Assignment[] | null;
    try {
      assignments = await deps.providers(resource.provider).list(resource);
    } catch (e) {
      result.failures.push(failureOf(`(resource ${resource.id})`, resource.id, e));
      continue;
    }
    if (assignments === null) continue; // the target cannot say (webhook): nothing to compare
    const has = new Set(assignments.map((a) => `${a.identity.toLowerCase()}\0${a.access}`));
    for (const k of known) {
      if (
        k.window.state !== 'active' ||
        !k.approval.approved ||
        !k.resources.some((r) => r.id === resource.id)
      )
        continue;
      const subject = subjectFor(resource, k.grant.requester, people);
      if (has.has(`${subject.identity.toLowerCase()}\0${k.grant.access}`)) continue;
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
      } catch (e) {
        result.failures.push(failureOf(k.file, resource.id, e));
      }
    }
    const explained = new Map<string, Set<string>>(); // identity → levels
    for (const [login, levels] of expected.get(resource.id) ?? [])
      explained.set(subjectFor(resource, login, people).identity.toLowerCase(), levels);
    for (const a of assignments) {
      if (explained.get(a.identity.toLowerCase())?.has(a.access)) continue;
      const entry: DriftEntry = {
        resource: resource.id,
        identity: a.identity,
        access: a.access,
        pruned: false,
        detail: 'no active grant or baseline explains this access',
      };
      if (resource.prune) {
        try {
          const login =
            [...people.values()].find(
              (p) => (p.identities[resource.provider] ?? p.login).toLowerCase() === a.identity.toLowerCase(),
            )?.login ?? a.identity;
          const r = await deps.providers(resource.provider).revoke({
            resource,
            subject: { login, identity: a.identity },
            level: a.access,
            held: [...(explained.get(a.identity.toLowerCase()) ?? [])],
            event: { kind: 'revoke', grantId: `drift:${resource.id}` },
          });
          entry.pruned = true;
          entry.detail = `pruned: ${r.detail}`;
        } catch (e) {
          result.failures.push(failureOf(`(drift on ${resource.id})`, resource.id, e));
        }
      }
      result.drift.push(entry);
    }
  }

  // Record the confirmed removals (one commit or one PR for the whole run).
  if (deps.record) {
    try {
      result.record = await recordRemovals(
        deps.gh,
        deps.ref,
        deps.defaultBranch,
        config.prepared.snapshot.settings.revocation.mode,
        removals,
      );
    } catch (e) {
      result.failures.push(failureOf('(revocation record)', undefined, e));
    }
  }

  // Retro-review issues: opened or updated while waiting, marked when revoked early, closed
  // when the review is there (also for break-glass grants already removed from git).
  const anyBreakGlass = config.prepared.snapshot.policies.some((p) =>
    Object.values(p.access).some((a) => a.breakGlass),
  );
  if (deps.record && !deps.unknownLogin && (retroTracked.length > 0 || anyBreakGlass)) {
    try {
      await syncRetroIssues(
        bgDeps,
        retroTracked,
        async (file, commit) => {
          const c = await check(file, commit);
          const bg = c.decision?.policy.breakGlass;
          if (!c.approved || !bg || c.pr === null) return null;
          const at = Number((await git(deps.repoDir, ['show', '-s', '--format=%ct', commit])).trim()) * 1000;
          return retroStatusOf(bgDeps, config.prepared, {
            pr: c.pr,
            breakGlass: bg,
            requester: c.grant!.requester,
            landedAtMs: at,
          });
        },
        deps.log,
      );
    } catch (e) {
      result.failures.push(failureOf('(retro-review issues)', undefined, e));
    }
  }

  // Escalation (docs/escalation.md) and notifications (docs/notifications.md): never a failure.
  await afterReconcile(
    { ...deps, record: deps.record && !deps.unknownLogin && !revokeOnly },
    config.prepared,
    known,
    result,
    state,
  );
  // A run without failures is a success even when it comes late (stale): it converged, and the
  // next run on schedule is green again. The stale run itself is red, so the gap is seen.
  state.lastRun = result.now;
  if (result.failures.length === 0) state.lastSuccess = result.now;
  // A state that could not be read is NOT written back: this run worked from an empty one, and
  // writing it would erase the stored last success (the stalled-schedule alarm), the cached
  // approvals and the failed-revocation counts (the alert after 3 runs). The run is red anyway.
  // (Found by the fault-injection suite: test/fault/cases.ts, row R03.)
  if (!stateError) {
    try {
      await deps.state.write(state);
      result.lastSuccess = state.lastSuccess ?? null;
    } catch (e) {
      result.failures.push(failureOf(`(state ${deps.state.describe})`, undefined, e));
    }
  }
  result.ok = result.failures.length === 0 && !stale;
  return result;

  async function revokeDeletions(): Promise<void> {
    let found: Awaited<ReturnType<typeof deletionsToConfirm>>;
    try {
      found = await deletionsToConfirm(deps.repoDir, state.deletions, deps.nowMs);
    } catch (e) {
      // The watermark stays where it was: the same deletions are taken next run.
      result.failures.push(failureOf('(deleted grant files)', undefined, e));
      return;
    }
    found.log.forEach((m) => deps.log(m));
    const pending: Record<string, number> = {};
    for (const d of found.deletions) {
      let ok = true;
      let facts: GrantFacts = { file: d.file, grant: d.file, person: '?', access: '?', resources: [] };
      try {
        const g = await deletedGrant(deps.repoDir, d.file, d.commit);
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
                subject: subjectFor(resource, grant.requester, people),
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
            } catch (e) {
              ok = false;
              result.failures.push(failureOf(d.file, resource.id, e));
            }
          }
        }
      } catch (e) {
        ok = false;
        result.failures.push(failureOf(d.file, undefined, e));
      }
      if (ok) {
        if (d.failedRuns >= 3) await closeAlert(d.file);
        continue;
      }
      const n = (pending[d.key] = d.failedRuns + 1);
      if (n >= 3) await alertRevocation(facts, `deleted in ${d.commit.slice(0, 7)}`, n);
    }
    state.deletions = { through: found.head, pending };
  }

  async function closeAlert(file: string): Promise<void> {
    if (!deps.record || deps.unknownLogin) return;
    try {
      const marker = alertMarker(`revoke-failed:${file}`);
      const open = await deps.gh.paginate(deps.gh.rest.issues.listForRepo, {
        ...deps.ref,
        state: 'open',
        labels: ALERT_LABEL,
        per_page: 100,
      });
      for (const i of open.filter((x) => !x.pull_request && isOurs(x, marker, deps.login))) {
        await deps.gh.rest.issues.createComment({
          ...deps.ref,
          issue_number: i.number,
          body: `The revocation of \`${file}\` was confirmed at ${result.now}: closing.`,
        });
        await deps.gh.rest.issues.update({ ...deps.ref, issue_number: i.number, state: 'closed' });
      }
    } catch (e) {
      deps.log(`could not close the alert of ${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async function alertRevocation(k: GrantFacts, ended: string, runs: number): Promise<void> {
    if (deps.unknownLogin) {
      deps.log(`not raising the alert for ${k.file} this run: ${deps.unknownLogin}`);
      return;
    }
    try {
      const a = await upsertAlert(deps.gh, deps.ref, deps.login, {
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
    } catch (e) {
      result.failures.push(failureOf(k.file, undefined, e));
    }
  }
}

/** What the revocation record and the alert of a failing revocation say of a grant. */
interface GrantFacts {
  file: string;
  grant: string;
  person: string;
  access: string;
  resources: string[];
}

function grantFacts(k: Known): GrantFacts {
  return {
    file: k.file,
    grant: k.grant.id,
    person: k.grant.requester,
    access: k.grant.access,
    resources: k.resources.map((r) => r.id),
  };
}

function resourcesOf(grant: GrantRequest, approval: ApprovalRecord, config: Config): Resource[] {
  // The resources approved at merge; for grants that never passed, their current resolution
  // (so an expired, never-applied grant is still revoked wherever it might have given access).
  const byId = new Map(config.prepared.snapshot.resources.map((r) => [r.id, r]));
  const out = new Map<string, Resource>();
  for (const id of approval.resources) {
    const r = byId.get(id);
    if (r) out.set(id, r);
  }
  for (const r of resolveResources(grant, config.prepared.inventory).resources)
    if (!out.has(r.id)) out.set(r.id, r);
  return [...out.values()];
}

function change(k: Known, resource: Resource, changed: boolean, detail: string): ChangeEntry {
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
