/**
 * The access report's stylesheet, inlined into the page (its SHA-256 goes into the page's CSP).
 * System fonts only, light and dark from `prefers-color-scheme`, no external resource.
 */
export const REPORT_CSS = `
:root {
  color-scheme: light dark;
  --bg: #f6f8fa; --surface: #ffffff; --surface-2: #f6f8fa; --text: #1f2328; --muted: #59636e;
  --border: #d1d9e0; --grid: #e4e8ec; --accent: #0969da;
  --active: #1a7f37; --active-bg: #dafbe1; --expired: #8c959f; --revoked: #bf8700; --revoked-bg: #fff8c5;
  --never: #cf222e; --never-bg: #ffebe9; --pending: #8250df; --pending-bg: #fbefff;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --surface: #151b23; --surface-2: #1b222c; --text: #e6edf3; --muted: #9198a1;
    --border: #3d444d; --grid: #262c36; --accent: #4493f8;
    --active: #3fb950; --active-bg: #12361d; --expired: #6e7681; --revoked: #d29922; --revoked-bg: #3a2e0b;
    --never: #f85149; --never-bg: #4b1a1a; --pending: #ab7df8; --pending-bg: #2c2046;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--text); }
body {
  margin: 0; padding: 2rem clamp(1rem, 4vw, 3rem) 3rem;
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif;
  max-width: 1280px; margin-inline: auto;
}
code, .mono { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 12.5px; }
a { color: var(--accent); text-decoration: none; }
a:hover, a:focus-visible { text-decoration: underline; }
h1 { font-size: 1.6rem; margin: 0; letter-spacing: -0.01em; }
h2 { font-size: 1.1rem; margin: 0 0 0.25rem; }
.page-head { display: flex; align-items: center; gap: 0.9rem; margin-bottom: 1.5rem; }
.logo { width: 40px; height: 40px; flex: none; border-radius: 10px; background: var(--accent); display: grid; place-items: center; }
.logo svg { width: 24px; height: 24px; }
.meta { color: var(--muted); margin: 0.15rem 0 0; }
.meta span + span::before { content: "·"; margin: 0 0.45em; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 0.75rem; margin-bottom: 1.5rem; }
.card { background: var(--surface); border: 1px solid var(--border); border-radius: 10px; padding: 0.8rem 1rem; }
.card .n { display: block; font-size: 1.6rem; font-weight: 650; line-height: 1.2; font-variant-numeric: tabular-nums; }
.card .l { color: var(--muted); font-size: 0.85rem; }
.card.warn .n { color: var(--never); }
section.panel { background: var(--surface); border: 1px solid var(--border); border-radius: 10px; padding: 1.1rem 1.25rem 1.25rem; margin-bottom: 1.25rem; }
.panel > .sub { color: var(--muted); margin: 0 0 0.9rem; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.5rem 0.75rem; border-bottom: 1px solid var(--border); }
th { font-size: 0.78rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); font-weight: 600; background: var(--surface-2); white-space: nowrap; }
th:first-child { border-top-left-radius: 6px; } th:last-child { border-top-right-radius: 6px; }
tbody tr:last-child td { border-bottom: 0; }
tbody tr:hover td { background: var(--surface-2); }
td.nowrap, .nowrap { white-space: nowrap; }
.muted { color: var(--muted); }
.small { font-size: 0.85rem; }
.person { font-weight: 600; }
.reason { color: var(--muted); font-size: 0.85rem; margin-top: 0.15rem; max-width: 44ch; overflow-wrap: anywhere; }
.chips { display: flex; flex-wrap: wrap; gap: 0.3rem; }
.chip { display: inline-block; padding: 0.05rem 0.5rem; border-radius: 999px; border: 1px solid var(--border); background: var(--surface-2); font-size: 12.5px; white-space: nowrap; }
.badge { display: inline-block; padding: 0.05rem 0.5rem; border-radius: 999px; font-size: 0.78rem; font-weight: 600; white-space: nowrap; }
.badge.access { background: var(--surface-2); border: 1px solid var(--border); }
.badge.ok { color: var(--active); background: var(--active-bg); }
.badge.warn { color: var(--revoked); background: var(--revoked-bg); }
.badge.bad { color: var(--never); background: var(--never-bg); }
.badge.pending { color: var(--pending); background: var(--pending-bg); }
.empty { color: var(--muted); padding: 0.75rem 0; margin: 0; }
.note { border-left: 3px solid var(--accent); background: var(--surface-2); padding: 0.6rem 0.9rem; border-radius: 0 6px 6px 0; margin: 0 0 0.9rem; }
.note.bad { border-left-color: var(--never); }
.slots { list-style: none; margin: 0; padding: 0; }
.slots li { margin: 0 0 0.2rem; }
.slot-open::before { content: ""; display: inline-block; width: 8px; height: 8px; border-radius: 50%; border: 2px solid var(--pending); margin-right: 0.45rem; vertical-align: 0; }
.errors { margin: 0; padding-left: 1.1rem; color: var(--never); }
.legend { display: flex; flex-wrap: wrap; gap: 1rem; margin: 0 0 0.75rem; color: var(--muted); font-size: 0.85rem; }
.legend .key { display: inline-block; width: 14px; height: 10px; border-radius: 3px; margin-right: 0.35rem; vertical-align: -1px; }
.key.active { background: var(--active); } .key.expired { background: var(--expired); }
.key.revoked-early { background: var(--revoked); } .key.never-applied { border: 1.5px dashed var(--never); }
.tl-row, .tl-axis { display: grid; grid-template-columns: 13rem minmax(0, 1fr); column-gap: 1rem; }
@media (max-width: 640px) { .tl-row, .tl-axis { grid-template-columns: 7rem minmax(0, 1fr); } }
.tl-row { border-top: 1px solid var(--grid); }
.tl-label { padding: 0.35rem 0; overflow-wrap: anywhere; }
.tl-label .count { display: block; color: var(--muted); font-size: 0.78rem; }
.tl-track { padding: 0.3rem 0; align-self: center; }
.tl-track svg, .tl-axis svg { display: block; width: 100%; overflow: visible; }
.tl-axis-label { color: var(--muted); font-size: 0.78rem; align-self: end; }
.tl-axis text { fill: var(--muted); font-size: 11px; }
.tl-axis .now-label { fill: var(--text); font-weight: 600; }
.gridline { stroke: var(--grid); stroke-width: 1; }
.gridline.major { stroke: var(--border); }
.future { fill: var(--surface-2); }
.nowline { stroke: var(--accent); stroke-width: 1.5; stroke-dasharray: 3 3; }
.lane-bg { fill: var(--surface-2); }
.bar { stroke-width: 1.5; }
.bar.active { fill: var(--active); }
.bar.expired { fill: var(--expired); }
.bar.revoked-early { fill: var(--revoked); }
.bar.never-applied { fill: var(--never-bg); stroke: var(--never); stroke-dasharray: 3 2; }
.bar:hover { opacity: 0.8; }
.idle { color: var(--muted); font-size: 0.85rem; margin: 0.6rem 0 0; }
footer { color: var(--muted); font-size: 0.82rem; margin-top: 2rem; border-top: 1px solid var(--border); padding-top: 1rem; }
footer p { margin: 0 0 0.35rem; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media print { body { padding: 0; } section.panel { break-inside: avoid; } }
`;
