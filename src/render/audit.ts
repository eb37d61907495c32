/** `gitgrant audit` output: JSON Lines, CSV (RFC 4180) or Markdown. */
import type { AuditWindow } from '../core/audit.js';
import { code, text } from './markdown/escape.js';

export const AUDIT_COLUMNS = [
  'grant',
  'file',
  'person',
  'access',
  'duration',
  'resources',
  'pr',
  'landing_commit',
  'approvers',
  'start',
  'end',
  'ended_at',
  'removal_commit',
  'outcome',
] as const;

export function auditJsonLines(rows: readonly AuditWindow[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '');
}

function csvCell(v: unknown): string {
  const s = Array.isArray(v) ? v.join(';') : v === null || v === undefined ? '' : String(v);
  // Quote always-safe; neutralise spreadsheet formulas (a cell starting with = + - @).
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function auditCsv(rows: readonly AuditWindow[]): string {
  const lines = [AUDIT_COLUMNS.join(',')];
  for (const r of rows) lines.push(AUDIT_COLUMNS.map((c) => csvCell(r[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}

export function auditMarkdown(rows: readonly AuditWindow[]): string {
  const out = [
    '| grant | person | access | resources | PR | approvers | start | end | outcome |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    out.push(
      `| ${code(r.grant, { inTable: true })} | ${text(r.person)} | ${code(r.access, { inTable: true })} | ${r.resources.map((x) => code(x, { inTable: true })).join(', ')} | ${r.pr ? `#${r.pr}` : '—'} | ${r.approvers.map((a) => text(a)).join(', ') || '—'} | ${r.start} | ${r.ended_at ?? r.end} | ${r.outcome} |`,
    );
  }
  return out.join('\n') + '\n';
}
