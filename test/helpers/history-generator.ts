/**
 * A generated access-repository history with its ground truth, for the audit test and bench:
 * grants merged through pull requests (merge commits and squash merges), some pushed directly
 * (never applied), some revoked early by deletion, the rest removed by periodic reconcile
 * revocation commits that record their approvers. Built with `git fast-import` (one process).
 */
import { execFileSync } from 'node:child_process';
import type { AuditWindow } from '../../src/core/audit.js';
import { rng } from '../../bench/generate.js';

const PEOPLE = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy'];
const TEAMS = ['billing', 'platform', 'frontend', 'data-science'];
const HOUR = 3600_000;

const POLICIES = `resources:
${TEAMS.flatMap((t) => ['production', 'staging'].map((e) => `  - id: ${t}-${e}\n    provider: webhook\n    tags: { env: ${e}, team: ${t} }\n    config: { url: "https://hooks.example.com/${t}", secret_env: HOOK }`)).join('\n')}
policies:
  - name: everyone
    resources: { match: { env: [production, staging] } }
    requesters: [${PEOPLE.join(', ')}]
    access:
      read: { max_duration: 3d, approvals: [] }
      write: { max_duration: 1d, approvals: [] }
`;

export interface GeneratedHistory {
  truth: AuditWindow[];
  grants: number;
  commits: number;
  now: number;
}

export function generateHistory(
  dir: string,
  opts: { grants: number; seed?: number; start?: number; years?: number },
): GeneratedHistory {
  const r = rng(opts.seed ?? 7);
  const t0 = opts.start ?? Date.parse('2024-11-01T00:00:00Z');
  const span = (opts.years ?? 2) * 365 * 24 * HOUR;
  const step = span / opts.grants;
  const lines: string[] = [];
  let mark = 0;
  let mainTip: number;
  let commits = 0;
  let pr = 0;
  const enc = (s: string) => Buffer.byteLength(s, 'utf8');
  const data = (s: string) => `data ${enc(s)}\n${s}\n`;
  const commit = (
    ref: string,
    ms: number,
    message: string,
    changes: string[],
    from?: number,
    merge?: number,
  ) => {
    const m = ++mark;
    commits++;
    lines.push(
      `commit ${ref}`,
      `mark :${m}`,
      `committer Gen <gen@example.com> ${Math.floor(ms / 1000)} +0000`,
      data(message).trimEnd(),
    );
    if (from) lines.push(`from :${from}`);
    if (merge) lines.push(`merge :${merge}`);
    lines.push(...changes, '');
    return m;
  };
  const add = (path: string, content: string) => `M 100644 inline ${path}\n${data(content).trimEnd()}`;

  mainTip = commit('refs/heads/main', t0, 'Initial policies', [add('policies/acme.yaml', POLICIES)]);

  type Live = AuditWindow & { endMs: number; startMs: number; applied: boolean; earlyAt?: number };
  const truth: Live[] = [];
  const present = new Map<string, Live>();
  const events: { at: number; kind: 'land' | 'early' | 'reconcile'; i?: number }[] = [];
  const sec = (ms: number) => Math.floor(ms / 1000) * 1000;
  for (let i = 0; i < opts.grants; i++)
    events.push({ at: sec(t0 + HOUR + Math.floor(i * step + r() * step * 0.5)), kind: 'land', i });
  for (let t = t0 + 6 * HOUR; t < t0 + span + 7 * 24 * HOUR; t += 6 * HOUR)
    events.push({ at: t + 17 * 60_000, kind: 'reconcile' });
  const now = t0 + span - 12 * HOUR + 5 * 60_000;
  const queue = () =>
    events.filter((e) => e.at <= now).sort((a, b) => a.at - b.at || (a.kind < b.kind ? -1 : 1));

  let sorted = queue();
  for (let k = 0; k < sorted.length; k++) {
    const e = sorted[k]!;
    if (e.kind === 'land') {
      const i = e.i!;
      const person = PEOPLE[Math.floor(r() * PEOPLE.length)]!;
      const team = TEAMS[Math.floor(r() * TEAMS.length)]!;
      const env = r() < 0.5 ? 'production' : 'staging';
      const access = r() < 0.7 ? 'read' : 'write';
      const hours = 1 + Math.floor(r() * (access === 'read' ? 72 : 24));
      const id = `g${i}-${person}`;
      const file = `grants/${env}/${id}.yaml`;
      const content = `requester: ${person}\nreason: "generated request number ${i}"\naccess: ${access}\nduration: ${hours}h\nresources:\n  - ${team}-${env}\n`;
      const how = r();
      let prNumber: number | null = null;
      if (how < 0.75) {
        prNumber = ++pr;
        const side = commit(
          `refs/heads/req-${i}`,
          e.at - 30 * 60_000,
          `Request ${id}`,
          [add(file, content)],
          mainTip,
        );
        mainTip = commit(
          'refs/heads/main',
          e.at,
          `Merge pull request #${prNumber} from acme/req-${i}\n\nRequest ${id}`,
          [add(file, content)],
          mainTip,
          side,
        );
      } else if (how < 0.93) {
        prNumber = ++pr;
        mainTip = commit(
          'refs/heads/main',
          e.at,
          `Request ${id} (#${prNumber})`,
          [add(file, content)],
          mainTip,
        );
      } else {
        mainTip = commit('refs/heads/main', e.at, `Add ${id}`, [add(file, content)], mainTip);
      }
      const endMs = e.at + hours * HOUR;
      const w: Live = {
        grant: id,
        file,
        person,
        access,
        duration: `${hours}h`,
        resources: [`${team}-${env}`],
        pr: prNumber,
        landing_commit: '',
        approvers: [],
        start: new Date(e.at).toISOString(),
        end: new Date(endMs).toISOString(),
        ended_at: null,
        removal_commit: null,
        outcome: prNumber === null ? 'never-applied' : 'active',
        endMs,
        startMs: e.at,
        applied: prNumber !== null,
        markIndex: mark,
      } as Live & { markIndex: number };
      truth.push(w);
      present.set(file, w);
      if (r() < 0.15) {
        const earlyAt = sec(e.at + Math.floor(r() * (endMs - e.at - 60_000)) + 1000);
        events.push({ at: earlyAt, kind: 'early', i: truth.length - 1 });
        sorted = queue();
      }
    } else if (e.kind === 'early') {
      const w = truth[e.i!]!;
      if (!present.has(w.file)) continue;
      present.delete(w.file);
      const m = commit(
        'refs/heads/main',
        e.at,
        `Revoke ${w.grant} early (#${++pr})`,
        [`D ${w.file}`],
        mainTip,
      );
      mainTip = m;
      (w as Live & { removalMark?: number }).removalMark = m;
      if (w.outcome === 'never-applied') w.ended_at = new Date(Math.min(e.at, w.endMs)).toISOString();
      else {
        w.outcome = 'revoked-early';
        w.ended_at = new Date(e.at).toISOString();
      }
    } else {
      const due = [...present.values()].filter((w) => w.endMs <= e.at);
      if (due.length === 0) continue;
      const approvers = (w: Live) =>
        w.applied ? [PEOPLE[(PEOPLE.indexOf(w.person) + 1) % PEOPLE.length]!] : [];
      const message = [
        `gitgrant: revoke ${due.length} expired grants`,
        '',
        ...due.map(
          (w) =>
            `- ${w.grant}: ${w.person} ${w.access} on ${w.resources.join(', ')}, ${w.start} → ${w.end}${approvers(w).length ? `, approved by ${approvers(w).join(', ')}` : ''} (${w.file})`,
        ),
      ].join('\n');
      const m = commit(
        'refs/heads/main',
        e.at,
        message,
        due.map((w) => `D ${w.file}`),
        mainTip,
      );
      mainTip = m;
      for (const w of due) {
        present.delete(w.file);
        (w as Live & { removalMark?: number }).removalMark = m;
        w.approvers = approvers(w);
        if (w.outcome === 'never-applied') w.ended_at = new Date(Math.min(e.at, w.endMs)).toISOString();
        else {
          w.outcome = 'expired';
          w.ended_at = w.end;
        }
      }
    }
  }
  for (const w of present.values()) {
    if (w.outcome === 'never-applied') continue;
    if (now >= w.endMs) {
      w.outcome = 'expired';
      w.ended_at = w.end;
    }
  }

  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  execFileSync('git', ['-C', dir, 'fast-import', '--quiet', '--export-marks=marks'], {
    input: lines.join('\n') + '\n',
    maxBuffer: 1 << 30,
  });
  const marks = new Map(
    execFileSync('cat', [`${dir}/marks`], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((l) => l.split(' ') as [string, string])
      .map(([m, sha]) => [Number(m.slice(1)), sha] as const),
  );
  execFileSync('git', ['-C', dir, 'checkout', '-q', '-f', 'main']);
  const out: AuditWindow[] = truth.map((w) => {
    const x = w as Live & { markIndex: number; removalMark?: number };
    const {
      endMs: _e,
      startMs: _s,
      applied: _a,
      markIndex,
      removalMark,
      earlyAt: _ea,
      ...rest
    } = x as Live & { markIndex: number; removalMark?: number };
    return {
      ...rest,
      landing_commit: marks.get(markIndex)!,
      removal_commit: removalMark ? marks.get(removalMark)! : null,
    };
  });
  return { truth: out, grants: opts.grants, commits, now };
}
