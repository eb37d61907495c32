/**
 * The access report as one static, self-contained HTML page: inline CSS (allowed by its hash in
 * a strict Content-Security-Policy), inline SVG for the timeline, no script, no external
 * resource. Pure: the same data gives the same bytes (the clock is in the data).
 *
 * Every value that comes from a repository (logins, grant ids, file names, reasons, tickets,
 * resource ids, messages of a reconcile result) goes through `esc()`: HTML-escaped, one line,
 * without control or bidirectional-override characters, and cut to a bounded length.
 */
import { createHash } from 'node:crypto';
import type {
  ActiveGrant,
  PendingRequest,
  ReconcileSummary,
  ReportData,
  TimelineRow,
  TimelineWindow,
} from '../commands/report.js';
import { formatDuration } from '../core/duration.js';
import { oneLine, truncate } from './markdown/escape.js';
import { REPORT_CSS } from './report-html-style.js';

const VERSION = '0.1.0';
const MAX = 300;
const DAY_MS = 24 * 3600_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** HTML text or a double-quoted attribute value that reads exactly as `input`, and does nothing else. */
export function esc(input: string, max = MAX): string {
  return truncate(oneLine(input), max).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** `2026-11-29 12:23 UTC`. */
export function utc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** An escaped path that wraps only after a `/`. */
function path(p: string): string {
  return esc(p)
    .split(/(?<=\/)/)
    .map((seg) => `<span class="nowrap">${seg}</span>`)
    .join('<wbr>');
}

function time(iso: string): string {
  return `<time datetime="${esc(iso)}">${esc(utc(iso))}</time>`;
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;
const pct = (x: number) => `${(Math.round(x * 1000) / 1000).toFixed(3).replace(/\.?0+$/, '')}%`;

function prLink(pr: number | null, data: ReportData): string {
  if (pr === null) return '<span class="muted">—</span>';
  if (!data.repository) return `#${pr}`;
  return `<a href="${esc(`${data.repository.url}/pull/${pr}`)}" rel="noopener noreferrer">#${pr}</a>`;
}

const LOGO = `<svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="8" cy="12" r="4.2" fill="none" stroke="#fff" stroke-width="2.2"/><path d="M12 12h9M18 12v3.5M21 12v2.5" fill="none" stroke="#fff" stroke-width="2.2" stroke-linecap="round"/></svg>`;
const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24'%3E%3Crect width='24' height='24' rx='5' fill='%230969da'/%3E%3Ccircle cx='8' cy='12' r='4.2' fill='none' stroke='white' stroke-width='2.2'/%3E%3Cpath d='M12 12h9M18 12v3.5' stroke='white' stroke-width='2.2' stroke-linecap='round'/%3E%3C/svg%3E";

export function renderReportHtml(data: ReportData): string {
  const styleHash = createHash('sha256').update(REPORT_CSS, 'utf8').digest('base64');
  const csp = [
    "default-src 'none'",
    `style-src 'sha256-${styleHash}'`,
    'img-src data:',
    "script-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const people = new Set(data.active.map((a) => a.person.toLowerCase())).size;
  const windows = data.timeline.reduce((n, r) => n + r.windows.length, 0);
  const drift = data.reconcile ? data.reconcile.drift.length : null;
  const title = data.repository ? `Access report · ${data.repository.name}` : 'Access report';

  const meta = [
    data.repository
      ? `<span><a href="${esc(data.repository.url)}" rel="noopener noreferrer">${esc(data.repository.name)}</a></span>`
      : '',
    `<span><code>${esc(data.rev, 80)}</code>${data.commit ? ` at <code>${esc(data.commit.slice(0, 12))}</code>` : ''}</span>`,
    `<span>as of ${time(data.now)}</span>`,
  ].join('');

  const cards = [
    card(data.active.length, 'active grants', 'active-count'),
    card(people, people === 1 ? 'person with access' : 'people with access', 'people-count'),
    card(data.pending.length, 'pending requests', 'pending-count'),
    card(windows, `windows in ${plural(data.days, 'day')}`, 'window-count'),
    drift === null
      ? `<div class="card" data-stat="drift-count"><span class="n muted">—</span><span class="l">drift (no reconcile result)</span></div>`
      : card(drift, 'drift findings', 'drift-count', drift > 0),
  ].join('\n');

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="gitgrant ${VERSION}">
<title>${esc(title)}</title>
<link rel="icon" href="${FAVICON}">
<style>${REPORT_CSS}</style>
</head>
<body>
<header class="page-head">
<div class="logo">${LOGO}</div>
<div>
<h1>${esc(title)}</h1>
<p class="meta">${meta}</p>
</div>
</header>
<main>
<section class="cards" aria-label="Summary">
${cards}
</section>
${renderProblems(data)}${renderActive(data)}
${renderTimeline(data)}
${renderPending(data)}
${renderDrift(data.reconcile)}
${renderBaseline(data)}
</main>
<footer>
<p>Times are UTC. A window starts when its grant file lands on the default branch (the committer time of the first-parent commit that added it) and ends at start + duration, or earlier when the file is deleted. Everything here is computed from git history and the working tree; nothing is stored.</p>
<p>Generated by gitgrant ${VERSION} <code>report</code> for ${esc(utc(data.now))}.</p>
</footer>
</body>
</html>
`;
}

function card(n: number, label: string, stat: string, warn = false): string {
  return `<div class="card${warn ? ' warn' : ''}" data-stat="${stat}"><span class="n">${n}</span><span class="l">${esc(label)}</span></div>`;
}

function renderProblems(data: ReportData): string {
  if (data.problems.length === 0) return '';
  const items = data.problems
    .map(
      (d) =>
        `<li><code>${esc(d.file)}:${d.line}:${d.column}</code> <span class="mono">${esc(d.code)}</span> ${esc(d.message)}</li>`,
    )
    .join('');
  return `<div class="note bad" role="alert"><strong>Grant files on the default branch that do not load.</strong> They grant nothing; fix or remove them.<ul class="errors">${items}</ul></div>\n`;
}

function renderActive(data: ReportData): string {
  const nowMs = Date.parse(data.now);
  const rows = data.active.map((a: ActiveGrant) => {
    const left = formatDuration(Math.max(0, Date.parse(a.end) - nowMs));
    const state = a.notApproved
      ? ' <span class="badge bad" title="reconcile found it was not approved at merge: nothing is granted">not approved</span>'
      : '';
    return `<tr data-grant="${esc(a.grant)}">
<td><span class="person">${esc(a.person)}</span>${state}</td>
<td><div class="chips">${a.resources.map((r) => `<span class="chip mono">${esc(r)}</span>`).join('')}</div>${
      a.reason ? `<div class="reason">${esc(a.reason)}</div>` : ''
    }</td>
<td><span class="badge access">${esc(a.access)}</span></td>
<td class="nowrap">${time(a.end)}<div class="small muted">${esc(left)} left</div></td>
<td class="nowrap">${time(a.start)}</td>
<td class="nowrap">${prLink(a.pr, data)}${a.ticket ? `<div class="small muted">${esc(a.ticket)}</div>` : ''}</td>
<td><code title="${esc(a.file)}">${esc(a.grant)}</code></td>
</tr>`;
  });
  const body = rows.length
    ? `<div class="table-wrap"><table id="active-grants">
<caption class="sr-only">Active grants, soonest to end first</caption>
<thead><tr><th scope="col">Person</th><th scope="col">Resources</th><th scope="col">Access</th><th scope="col">Until</th><th scope="col">Since</th><th scope="col">PR</th><th scope="col">Grant</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`
    : '<p class="empty" id="active-empty">Nobody holds access through a grant right now.</p>';
  return `<section class="panel" id="active" aria-labelledby="active-h">
<h2 id="active-h">Active grants</h2>
<p class="sub">Access given by a grant whose window is open now, soonest to end first. Revoked by the first reconcile run after its end.</p>
${body}
</section>`;
}

/** Midnight-UTC ticks inside [from, to], labelled every `step` days (never too close to "now"). */
function ticks(
  fromMs: number,
  toMs: number,
  nowMs: number,
  days: number,
): { x: number; label: string | null; major: boolean }[] {
  const step = days <= 10 ? 1 : days <= 21 ? 3 : days <= 45 ? 5 : days <= 120 ? 14 : 30;
  const out: { x: number; label: string | null; major: boolean }[] = [];
  const first = Math.ceil(fromMs / DAY_MS) * DAY_MS;
  const span = toMs - fromMs;
  for (let t = first; t <= toMs; t += DAY_MS) {
    const d = new Date(t);
    const major = Math.round(t / DAY_MS) % step === 0;
    const clear = Math.abs(t - nowMs) > span * 0.045 && toMs - t > span * 0.03 && t - fromMs > span * 0.03;
    out.push({
      x: ((t - fromMs) / span) * 100,
      label: major && clear ? `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}` : null,
      major,
    });
  }
  return out;
}

const LANE = 18;
const PAD = 3;

/** The timeline runs from `days` ago to a little after now, so active windows show their end. */
export function timelineAxis(data: ReportData): { fromMs: number; nowMs: number; toMs: number } {
  const fromMs = Date.parse(data.rangeStart);
  const nowMs = Date.parse(data.now);
  const aheadDays = Math.max(1, Math.round(data.days / 10));
  return { fromMs, nowMs, toMs: nowMs + aheadDays * DAY_MS };
}

function renderTimeline(data: ReportData): string {
  const axisRange = timelineAxis(data);
  const { fromMs, nowMs, toMs } = axisRange;
  const span = Math.max(1, toMs - fromMs);
  const nowX = pct(((nowMs - fromMs) / span) * 100);
  const futureW = pct(((toMs - nowMs) / span) * 100);
  const grid = ticks(fromMs, toMs, nowMs, data.days);
  const axis = `<div class="tl-axis" aria-hidden="true"><div class="tl-axis-label">Resource</div><svg height="22">${grid
    .filter((t) => t.label)
    .map((t) => `<text x="${pct(t.x)}" y="14" text-anchor="middle">${esc(t.label!)}</text>`)
    .join('')}<text class="now-label" x="${nowX}" y="14" text-anchor="middle">now</text></svg></div>`;

  const rows = data.timeline.map((row: TimelineRow) => {
    const height = row.lanes * LANE + PAD * 2;
    const lines = grid
      .map(
        (t) =>
          `<line class="gridline${t.major ? ' major' : ''}" x1="${pct(t.x)}" x2="${pct(t.x)}" y1="0" y2="${height}"/>`,
      )
      .join('');
    const bars = row.windows.map((w) => bar(w, axisRange, span)).join('');
    const label = `${row.resource}: ${plural(row.windows.length, 'window')} in the last ${plural(data.days, 'day')}`;
    return `<div class="tl-row" role="group" aria-label="${esc(label)}" data-resource="${esc(row.resource)}">
<div class="tl-label"><code>${esc(row.resource)}</code><span class="count">${esc(plural(row.windows.length, 'window'))}</span></div>
<div class="tl-track"><svg height="${height}" role="list" aria-label="${esc(`windows on ${row.resource}`)}"><rect class="future" x="${nowX}" y="0" width="${futureW}" height="${height}"/>${lines}${bars}<line class="nowline" x1="${nowX}" x2="${nowX}" y1="0" y2="${height}"/></svg></div>
</div>`;
  });

  const body = rows.length
    ? `<div class="timeline" id="timeline-rows">
${axis}
${rows.join('\n')}
</div>`
    : `<p class="empty" id="timeline-empty">No grant windows in the last ${esc(plural(data.days, 'day'))}.</p>`;
  return `<section class="panel" id="timeline" aria-labelledby="timeline-h">
<h2 id="timeline-h">Windows in the last ${esc(plural(data.days, 'day'))}</h2>
<p class="sub">One row per resource that had access granted between ${time(data.rangeStart)} and ${time(data.now)}; the shaded part after <em>now</em> shows when active windows end. Hover a bar for the person, access and times.</p>
<div class="legend" aria-hidden="true"><span><span class="key active"></span>active</span><span><span class="key expired"></span>expired</span><span><span class="key revoked-early"></span>revoked early</span><span><span class="key never-applied"></span>never applied (landed without a pull request)</span></div>
${body}
</section>`;
}

const OUTCOME_TEXT: Record<TimelineWindow['outcome'], string> = {
  active: 'active',
  expired: 'expired',
  'revoked-early': 'revoked early',
  'never-applied': 'never applied (landed without a pull request)',
};

function bar(
  w: TimelineWindow,
  { fromMs, nowMs, toMs }: { fromMs: number; nowMs: number; toMs: number },
  span: number,
): string {
  const s = Math.max(Date.parse(w.start), fromMs);
  const e = Math.min(Date.parse(w.end), w.outcome === 'active' ? toMs : nowMs);
  const x = ((s - fromMs) / span) * 100;
  const width = Math.min(100 - x, Math.max(0.35, ((e - s) / span) * 100));
  const y = PAD + w.lane * LANE + 2;
  const when =
    w.outcome === 'active'
      ? `${utc(w.start)} → ${utc(w.end)} (ends in ${formatDuration(Math.max(0, Date.parse(w.end) - nowMs))})`
      : `${utc(w.start)} → ${utc(w.end)}`;
  const text = `${w.person} · ${w.access} · ${when} · ${OUTCOME_TEXT[w.outcome]}${
    w.pr !== null ? ` · PR #${w.pr}` : ''
  } · grant ${w.grant}`;
  return `<rect class="bar ${w.outcome}" role="listitem" aria-label="${esc(text, 600)}" data-grant="${esc(w.grant)}" x="${pct(x)}" y="${y}" width="${pct(width)}" height="${LANE - 4}" rx="3"><title>${esc(text, 600)}</title></rect>`;
}

function renderPending(data: ReportData): string {
  const rows = data.pending.map((p: PendingRequest) => {
    const status = p.ok
      ? p.slots.some((s) => s.missing > 0)
        ? '<span class="badge pending">valid · needs approval</span>'
        : '<span class="badge ok">valid · auto-approved</span>'
      : data.pendingNote
        ? '<span class="badge warn">not checked</span>'
        : '<span class="badge bad">invalid</span>';
    const ask =
      p.requester !== null
        ? `<span class="person">${esc(p.requester)}</span>`
        : '<span class="muted">—</span>';
    const slots = p.slots.filter((s) => s.missing > 0);
    const open = slots.length
      ? `<ul class="slots">${slots
          .map(
            (s) =>
              `<li class="slot-open" data-from="${esc(s.from)}">needs ${s.missing} from <strong>${esc(s.from)}</strong>${
                s.canApprove.length
                  ? ` <span class="small muted">(${esc(s.canApprove.join(', '))})</span>`
                  : ''
              }</li>`,
          )
          .join('')}</ul>`
      : p.ok
        ? '<span class="muted">none: applied when merged</span>'
        : '';
    const errors = p.errors.length
      ? `<ul class="errors">${p.errors
          .map(
            (d) =>
              `<li><span class="mono">${esc(d.code)}</span> ${esc(d.message)} <span class="small">(line ${d.line}, column ${d.column})</span></li>`,
          )
          .join('')}</ul>`
      : '';
    const duration = p.duration
      ? `${esc(p.duration)}${p.maxDuration ? ` <span class="small muted">(max ${esc(p.maxDuration)})</span>` : ''}`
      : '<span class="muted">—</span>';
    return `<tr data-file="${esc(p.file)}">
<td><code>${path(p.file)}</code><div>${status}</div></td>
<td>${ask}${p.reason ? `<div class="reason">${esc(p.reason)}</div>` : ''}${
      p.ticket ? `<div class="small muted">${esc(p.ticket)}</div>` : ''
    }</td>
<td>${p.access ? `<span class="badge access">${esc(p.access)}</span>` : '<span class="muted">—</span>'}</td>
<td><div class="chips">${p.resources.map((r) => `<span class="chip mono">${esc(r)}</span>`).join('')}</div></td>
<td class="nowrap">${duration}</td>
<td>${open}${errors}</td>
</tr>`;
  });
  const note = data.pendingNote
    ? `<p class="note bad">Pending requests could not be checked: ${esc(data.pendingNote)}</p>`
    : '';
  const body = rows.length
    ? `${note}<div class="table-wrap"><table id="pending-requests">
<caption class="sr-only">Pending requests and their open approval slots</caption>
<thead><tr><th scope="col">Request</th><th scope="col">Requester</th><th scope="col">Access</th><th scope="col">Resources</th><th scope="col">Duration</th><th scope="col">Open slots</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`
    : '<p class="empty" id="pending-empty">No pending requests in this working tree.</p>';
  return `<section class="panel" id="pending" aria-labelledby="pending-h">
<h2 id="pending-h">Pending requests</h2>
<p class="sub">Grant files in the working tree that have not landed on <code>${esc(data.rev, 80)}</code>, checked against its policies. Reviews live on the pull request and are not read here, so every required approval is shown as open.</p>
${body}
</section>`;
}

function renderDrift(r: ReconcileSummary | null): string {
  const head = `<section class="panel" id="drift" aria-labelledby="drift-h">
<h2 id="drift-h">Drift</h2>`;
  if (!r)
    return `${head}
<p class="note" id="drift-note">Drift comes from the last reconcile run: access a provider lists that no active grant and no baseline explains. Pass <code>--reconcile-result FILE</code> (the reconcile step's <code>result</code> output, saved to a file) to show it here.</p>
</section>`;
  const status =
    r.ok === null
      ? '<span class="badge warn">unknown</span>'
      : r.ok
        ? '<span class="badge ok">succeeded</span>'
        : '<span class="badge bad">failed</span>';
  const facts = [
    `Last reconcile ${status}`,
    r.at ? `at ${time(r.at)}` : '',
    r.lastSuccess ? `· last success ${time(r.lastSuccess)}` : '',
    r.stale
      ? '· <span class="badge bad">schedule stalled: the previous success is older than twice the interval</span>'
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  const drift = r.drift.length
    ? `<div class="table-wrap"><table id="drift-table">
<thead><tr><th scope="col">Resource</th><th scope="col">Identity</th><th scope="col">Access</th><th scope="col">Detail</th><th scope="col">Outcome</th></tr></thead>
<tbody>
${r.drift
  .map(
    (d) =>
      `<tr><td><code>${esc(d.resource)}</code></td><td class="person">${esc(d.identity)}</td><td><span class="badge access">${esc(d.access)}</span></td><td class="small">${esc(d.detail)}</td><td>${d.pruned ? '<span class="badge ok">removed</span>' : '<span class="badge warn">reported</span>'}</td></tr>`,
  )
  .join('\n')}
</tbody>
</table></div>`
    : '<p class="empty" id="drift-empty">No drift: every access the providers list is explained by an active grant or a baseline.</p>';
  const failures = r.failures.length
    ? `<h3 class="small">Failures</h3><ul class="errors">${r.failures
        .map(
          (f) =>
            `<li><code>${esc(f.file)}</code>${f.resource ? ` on <code>${esc(f.resource)}</code>` : ''}: ${esc(f.message)}</li>`,
        )
        .join('')}</ul>`
    : '';
  const notApproved = r.notApproved.length
    ? `<h3 class="small">On the default branch but not approved at merge (nothing granted)</h3><ul class="errors">${r.notApproved
        .map(
          (n) =>
            `<li><code>${esc(n.file)}</code>${n.person ? ` (${esc(n.person)})` : ''}${
              n.reasons.length ? `: ${esc(n.reasons.join('; '))}` : ''
            }</li>`,
        )
        .join('')}</ul>`
    : '';
  const kept = r.kept.length
    ? `<h3 class="small">Revocations to retry (files kept in git)</h3><ul class="errors">${r.kept
        .map((k) => `<li><code>${esc(k)}</code></li>`)
        .join('')}</ul>`
    : '';
  return `${head}
<p class="sub">${facts}</p>
${drift}${failures}${notApproved}${kept}
</section>`;
}

function renderBaseline(data: ReportData): string {
  const body = data.baseline.length
    ? `<div class="table-wrap"><table id="baseline-table">
<thead><tr><th scope="col">Person</th><th scope="col">Resource</th><th scope="col">Access</th></tr></thead>
<tbody>
${data.baseline
  .map(
    (b) =>
      `<tr><td class="person">${esc(b.person)}</td><td><code>${esc(b.resource)}</code></td><td><span class="badge access">${esc(b.access)}</span></td></tr>`,
  )
  .join('\n')}
</tbody>
</table></div>`
    : '<p class="empty">No standing access is declared.</p>';
  return `<section class="panel" id="baseline" aria-labelledby="baseline-h">
<h2 id="baseline-h">Standing access</h2>
<p class="sub">Baselines declared in <code>policies/</code>: access that revocation never goes below.</p>
${body}
</section>`;
}
