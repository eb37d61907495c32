/**
 * The audit trail, reconstructed from git history alone (pure: events, messages and parsed
 * grants in; windows out). Every time a grant file lands on the default branch a window opens:
 *
 *   start     committer time of the landing commit (first-parent)
 *   end       start + duration (exclusive)
 *   outcome   never-applied  the landing commit names no merged pull request (a direct push,
 *                            bypass or revert: apply grants nothing for it)
 *             revoked-early  the file was deleted before its end
 *             expired        the end has passed (ended_at = end; the removal commit follows)
 *             active         now is inside the window
 *
 * The pull request comes from the landing commit's message (GitHub's merge and squash formats);
 * approvers from the revocation record reconcile writes (`- ID: … approved by a, b`).
 */
export type AuditOutcome = 'active' | 'expired' | 'revoked-early' | 'never-applied';

export interface AuditWindow {
  grant: string;
  file: string;
  person: string;
  access: string;
  duration: string;
  resources: string[];
  pr: number | null;
  landing_commit: string;
  approvers: string[];
  start: string;
  end: string;
  ended_at: string | null;
  removal_commit: string | null;
  outcome: AuditOutcome;
}

export interface AuditEvent {
  commit: string;
  time: number;
  status: 'A' | 'D' | 'M';
  path: string;
}

export interface ParsedGrantAt {
  person: string;
  access: string;
  duration: string;
  durationMs: number | null;
  resources: string[];
}

/** `Merge pull request #12 from …` or a squash title ending in `(#12)`. */
export function pullRequestOfMessage(message: string): number | null {
  const first = message.split('\n', 1)[0] ?? '';
  const m = /^Merge pull request #(\d+) /.exec(first) ?? /\(#(\d+)\)\s*$/.exec(first);
  return m ? Number(m[1]) : null;
}

/** Approvers reconcile recorded for a grant in a revocation commit message. */
export function approversInRecord(message: string, grantId: string): string[] {
  for (const line of message.split('\n')) {
    if (!line.startsWith(`- ${grantId}: `)) continue;
    const m = /approved by ([^()]+?)(?: \(|$)/.exec(line);
    if (m)
      return m[1]!
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
  }
  return [];
}

export function auditWindows(
  events: readonly AuditEvent[],
  messages: ReadonlyMap<string, string>,
  grantAt: (commit: string, path: string) => ParsedGrantAt | null,
  nowMs: number,
): AuditWindow[] {
  const open = new Map<string, AuditWindow & { endMs: number }>();
  const out: (AuditWindow & { endMs: number })[] = [];
  const iso = (ms: number) => new Date(ms).toISOString();
  for (const e of events) {
    if (e.status === 'A') {
      const g = grantAt(e.commit, e.path);
      const id = /([^/]+)\.yaml$/.exec(e.path)?.[1] ?? e.path;
      const pr = pullRequestOfMessage(messages.get(e.commit) ?? '');
      const endMs = g?.durationMs != null ? e.time + g.durationMs : e.time;
      const w = {
        grant: id,
        file: e.path,
        person: g?.person ?? '',
        access: g?.access ?? '',
        duration: g?.duration ?? '',
        resources: g?.resources ?? [],
        pr,
        landing_commit: e.commit,
        approvers: [],
        start: iso(e.time),
        end: iso(endMs),
        ended_at: null,
        removal_commit: null,
        outcome: pr === null || !g ? ('never-applied' as const) : ('active' as const),
        endMs,
      };
      open.set(e.path, w);
      out.push(w);
    } else if (e.status === 'D') {
      const w = open.get(e.path);
      if (!w) continue;
      open.delete(e.path);
      w.removal_commit = e.commit;
      w.approvers = approversInRecord(messages.get(e.commit) ?? '', w.grant);
      if (w.outcome === 'never-applied') w.ended_at = iso(Math.min(e.time, w.endMs));
      else if (e.time < w.endMs) {
        w.outcome = 'revoked-early';
        w.ended_at = iso(e.time);
      } else {
        w.outcome = 'expired';
        w.ended_at = w.end;
      }
    }
  }
  for (const w of open.values()) {
    if (w.outcome === 'never-applied') continue;
    if (nowMs >= w.endMs) {
      w.outcome = 'expired';
      w.ended_at = w.end;
    }
  }
  return out.map(({ endMs: _e, ...w }) => w);
}
