/**
 * The one sticky pull-request comment of `validate` (DESIGN.md §4): per grant file its status,
 * who asks for what and for how long (and which policy sets the maximum), the resolved
 * resources with the policies that apply to each, every approval slot filled (by whom) or open
 * (who can fill it), errors at file:line:column, and ignored reviews with why; then the grant
 * files the PR deletes (early revocations) and a footer with the head commit, time and run.
 *
 * The first line is `COMMENT_MARKER`, by which the adapter finds the comment to update in place.
 * Every value that comes from the pull request is escaped (escape.ts). The comment always fits
 * GitHub's 65,536-character limit: when the details do not, files are listed compactly from the
 * first one that does not fit, with a note saying so. Pure.
 */
import type { FileResultJson, ValidateOutcome } from '../../commands/validate.js';
import type { GrantDecision } from '../../core/decide.js';
import type { Diagnostic } from '../../core/errors.js';
import { unique, verdictOf, type FileState } from './classify.js';
import type { MarkdownContext } from './context.js';
import { code, plural, safeUrl, shortSha, text } from './escape.js';
import { statusFor } from './status.js';
import { breakGlassNotice } from '../retro-review-markdown.js';

export type { MarkdownContext } from './context.js';

/** Hidden first line of the sticky comment; the adapter looks for it to update in place. */
export const COMMENT_MARKER = '<!-- gitgrant:validate -->';
/** GitHub rejects comment bodies longer than this. */
export const COMMENT_MAX_LENGTH = 65_536;
/** What the renderer aims for: the limit less a margin. */
const COMMENT_BUDGET = COMMENT_MAX_LENGTH - 536;

/** Caps on one file's detail, so that one huge grant cannot crowd out the others. */
const MAX_RESOURCES = 50;
const MAX_TAGS = 12;
const MAX_CANDIDATES = 20;
const MAX_ERRORS = 30;
const MAX_IGNORED = 30;
const MAX_DELETED = 50;
const NAME_MAX = 200;

function more(n: number, what: string): string {
  return `…and ${plural(n, what)} more`;
}

function logins(list: readonly string[], max = MAX_CANDIDATES): string {
  const shown = list.slice(0, max).map((l) => text(l, 100));
  if (list.length > max) shown.push(`and ${list.length - max} more`);
  return shown.join(', ');
}

function policyList(names: readonly string[]): string {
  return names.map((n) => code(n, { max: NAME_MAX })).join(', ');
}

export function renderDiagnosticLine(d: Diagnostic): string {
  return `- ${code(d.code)} at ${code(`${d.file}:${d.line}:${d.column}`, { max: NAME_MAX + 20 })}: ${text(d.message)}`;
}

const ICON: Record<FileState, string> = {
  approved: '✅',
  valid: '✅',
  waiting: '⏳',
  'changes-requested': '⛔',
  invalid: '❌',
};

function fileHeading(r: FileResultJson, outcome: ValidateOutcome): string {
  return `### ${verdictOf(r, outcome).label} · ${code(r.file, { max: NAME_MAX })}`;
}

function requestLines(d: GrantDecision): string[] {
  const g = d.grant;
  const p = d.policy;
  const max =
    p.maxDuration !== undefined
      ? ` (maximum ${code(p.maxDuration)}${p.maxDurationPolicy ? `, set by policy ${code(p.maxDurationPolicy, { max: NAME_MAX })}` : ''})`
      : '';
  const lines = [
    `- **Requester:** ${text(g.requester, 100)}`,
    `- **Access:** ${code(g.access, { max: 100 })} for ${code(g.duration, { max: 100 })}${max}`,
    `- **Reason:** ${g.reason.trim() ? text(g.reason) : '_none given_'}`,
  ];
  if (g.ticket !== undefined) lines.push(`- **Ticket:** ${text(g.ticket, 200)}`);
  return lines;
}

function resourceTable(d: GrantDecision, digest: string | undefined): string[] {
  const verdicts = d.policy.verdicts;
  const digestText = digest ? `, resolution digest ${code(digest, { max: 200 })}` : '';
  if (verdicts.length === 0) return [`**Resources:** none resolved${digestText}`];
  const head = `**Resources** (${plural(verdicts.length, 'resource')}${digestText})`;
  const rows = verdicts.slice(0, MAX_RESOURCES).map((v) => {
    const tags = Object.entries(v.resource.tags);
    const tagCells = tags
      .slice(0, MAX_TAGS)
      .map(([k, val]) => code(`${k}=${val}`, { inTable: true, max: 200 }));
    if (tags.length > MAX_TAGS) tagCells.push(`+${tags.length - MAX_TAGS} more`);
    const policies: string[] = [];
    if (v.allow.length)
      policies.push(`allow ${v.allow.map((n) => code(n, { inTable: true, max: NAME_MAX })).join(', ')}`);
    if (v.deny.length)
      policies.push(`deny ${v.deny.map((n) => code(n, { inTable: true, max: NAME_MAX })).join(', ')}`);
    return `| ${code(v.resource.id, { inTable: true, max: NAME_MAX })} | ${text(v.resource.provider, 50)} | ${tagCells.join(' ') || '_no tags_'} | ${policies.join('; ') || '_none_'} |`;
  });
  const out = [head, '', '| resource | provider | tags | policies |', '| --- | --- | --- | --- |', ...rows];
  if (verdicts.length > MAX_RESOURCES) out.push('', more(verdicts.length - MAX_RESOURCES, 'resource'));
  return out;
}

function approvalLines(r: FileResultJson, d: GrantDecision | undefined, outcome: ValidateOutcome): string[] {
  if (!d) return [];
  const checked = d.approvals;
  if (d.policy.breakGlass && d.policy.rules.length === 0 && d.policy.ok) {
    // Break-glass (docs/break-glass.md): say plainly what merging means.
    return [`**Approvals:** ⚠️ ${text(breakGlassNotice(d.policy.breakGlass))}.`];
  }
  if (d.policy.rules.length === 0 && (!checked || checked.rules.length === 0)) {
    if (!d.policy.ok) return [];
    const offering = unique(d.policy.verdicts.flatMap((v) => v.allow));
    const who =
      offering.length === 1
        ? `policy ${policyList(offering)} offers`
        : `policies ${policyList(offering)} offer`;
    return [
      `**Approvals:** no approval needed: ${who} ${code(d.grant.access, { max: 100 })} without approval.`,
    ];
  }
  const out = ['**Approvals**', ''];
  if (checked) {
    for (const rule of checked.rules) {
      const by = rule.policies.length ? ` (policy ${policyList(rule.policies)})` : '';
      out.push(`- ${code(rule.from, { max: 300 })} needs ${rule.count}${by}:`);
      for (const login of rule.approved_by) out.push(`  - ✅ approved by **${text(login, 100)}**`);
      if (rule.missing > 0) {
        const slots = rule.missing === 1 ? 'open' : `open ×${rule.missing}`;
        const fill = rule.candidates.length
          ? `can be filled by ${logins(rule.candidates)}`
          : 'no one else can fill it';
        out.push(`  - ⬜ ${slots}: ${fill}`);
      }
    }
  } else {
    // Not checked against reviews (no pull-request facts): say what is needed.
    r.approvals.forEach((a, i) => {
      const policies = d.policy.rules[i]?.policies ?? [];
      const by = policies.length ? ` (policy ${policyList(policies)})` : '';
      out.push(`- ${code(a.from, { max: 300 })} needs ${a.count}${by}`);
    });
  }
  if (checked?.notes.length) {
    out.push('');
    for (const note of checked.notes) out.push(`> ℹ️ ${text(note)}`);
  }
  if (!d.policy.ok && outcome.checkedApprovals) {
    out.push('', '_Approvals count only once the errors below are fixed._');
  }
  return out;
}

function errorLines(r: FileResultJson): string[] {
  if (r.errors.length === 0) return [];
  const out = [`**${plural(r.errors.length, 'error')}**`, ''];
  for (const e of r.errors.slice(0, MAX_ERRORS)) out.push(renderDiagnosticLine(e));
  if (r.errors.length > MAX_ERRORS)
    out.push(`- ${more(r.errors.length - MAX_ERRORS, 'error')}: see the job summary`);
  return out;
}

function ignoredLines(d: GrantDecision | undefined): string[] {
  // With nothing to approve, every review is "ignored": listing them would only be noise.
  if (!d?.approvals || d.approvals.rules.length === 0) return [];
  const ignored = d.approvals.ignored;
  if (ignored.length === 0) return [];
  const out = [
    `<details><summary>${plural(ignored.length, 'review')} not counted</summary>`,
    '',
    ...ignored.slice(0, MAX_IGNORED).map((i) => `- **${text(i.login, 100)}** ${text(i.reason)}`),
  ];
  if (ignored.length > MAX_IGNORED) out.push(`- ${more(ignored.length - MAX_IGNORED, 'review')}`);
  out.push('', '</details>');
  return out;
}

/** Everything about one grant file. */
export function renderFileDetail(r: FileResultJson, outcome: ValidateOutcome, ctx: MarkdownContext): string {
  const d = outcome.decisions.get(r.file);
  const parts: string[][] = [[fileHeading(r, outcome)]];
  if (d) {
    parts.push(requestLines(d));
    parts.push(resourceTable(d, ctx.digests?.[r.file]));
  }
  const approvals = approvalLines(r, d, outcome);
  if (approvals.length) parts.push(approvals);
  const errors = errorLines(r);
  if (errors.length) parts.push(errors);
  const ignored = ignoredLines(d);
  if (ignored.length) parts.push(ignored);
  return parts.map((p) => p.join('\n')).join('\n\n');
}

/** One line about one grant file, for when details do not fit. */
export function renderFileCompact(r: FileResultJson, outcome: ValidateOutcome): string {
  const v = verdictOf(r, outcome);
  const codes = unique(r.errors.map((e) => e.code));
  const errs = codes.length
    ? ` · ${plural(r.errors.length, 'error')}: ${codes
        .slice(0, 5)
        .map((c) => code(c))
        .join(', ')}${codes.length > 5 ? ', …' : ''}`
    : '';
  return `- ${v.label} · ${code(r.file, { max: NAME_MAX })}${errs}`;
}

function deletionLines(deleted: readonly string[]): string {
  const out = ['### 🗑️ Early revocations', ''];
  for (const file of deleted.slice(0, MAX_DELETED)) {
    out.push(
      `- ${code(file, { max: NAME_MAX })} is deleted: the access it granted is revoked when this pull request merges`,
    );
  }
  if (deleted.length > MAX_DELETED) out.push(`- ${more(deleted.length - MAX_DELETED, 'file')}`);
  return out.join('\n');
}

function overview(outcome: ValidateOutcome): string {
  const counts = new Map<FileState, number>();
  let missing = 0;
  for (const r of outcome.json.results) {
    const v = verdictOf(r, outcome);
    counts.set(v.state, (counts.get(v.state) ?? 0) + 1);
    if (v.state === 'waiting') missing += v.missing;
  }
  const n = (s: FileState) => counts.get(s) ?? 0;
  const parts: string[] = [];
  if (n('approved')) parts.push(`${n('approved')} approved`);
  if (n('valid')) parts.push(`${n('valid')} valid (approvals not checked)`);
  if (n('waiting')) parts.push(`${n('waiting')} waiting for ${plural(missing, 'approval')}`);
  if (n('changes-requested')) parts.push(`${n('changes-requested')} with changes requested`);
  if (n('invalid')) parts.push(`${n('invalid')} invalid`);
  const total = outcome.json.results.length;
  const files = total
    ? `${plural(total, 'grant request')}: ${parts.join(', ')}`
    : 'No grant request in this pull request';
  const deleted = outcome.deleted.length ? ` · ${plural(outcome.deleted.length, 'early revocation')}` : '';
  return `${files}${deleted}.`;
}

function title(outcome: ValidateOutcome): string {
  const status = statusFor(outcome);
  const states = new Set(outcome.json.results.map((r) => verdictOf(r, outcome).state));
  const icon =
    status.state === 'success'
      ? '✅'
      : states.has('invalid')
        ? ICON.invalid
        : states.has('changes-requested')
          ? ICON['changes-requested']
          : states.has('waiting')
            ? ICON.waiting
            : '❌';
  return `## ${icon} gitgrant: ${text(status.description, 200)}`;
}

function footer(ctx: MarkdownContext): string {
  const url = safeUrl(ctx.runUrl);
  const bits = [`head ${code(shortSha(ctx.headSha))}`, `checked ${text(ctx.now, 40)}`];
  if (url) bits.push(`[workflow run](${url})`);
  return `---\n<sub>gitgrant · ${bits.join(' · ')} · this comment is updated in place</sub>`;
}

function joinedLength(blocks: readonly string[]): number {
  return blocks.reduce((n, b) => n + b.length + 2, 0);
}

export function renderPrComment(outcome: ValidateOutcome, ctx: MarkdownContext): string {
  const head = [COMMENT_MARKER, title(outcome), overview(outcome)].join('\n');
  const pre: string[] = [head];
  if (!outcome.checkedApprovals) {
    pre.push('> ℹ️ Approvals were not checked against pull-request reviews: they are listed as needed.');
  }
  const post: string[] = [];
  if (outcome.deleted.length) post.push(deletionLines(outcome.deleted));
  post.push(footer(ctx));

  const results = outcome.json.results;
  const noteReserve = 400;
  const budget = COMMENT_BUDGET - joinedLength(pre) - joinedLength(post) - noteReserve;
  const compact = results.map((r) => renderFileCompact(r, outcome));
  // suffix[i] = room the compact lines of files i.. take.
  const suffix = new Array<number>(results.length + 1).fill(0);
  for (let i = results.length - 1; i >= 0; i--) suffix[i] = suffix[i + 1]! + compact[i]!.length + 1;

  const body: string[] = [];
  let used = 0;
  let i = 0;
  for (; i < results.length; i++) {
    const full = renderFileDetail(results[i]!, outcome, ctx);
    const rest = suffix[i + 1]! + (i + 1 < results.length ? 2 : 0);
    if (used + full.length + 2 + rest > budget) break;
    body.push(full);
    used += full.length + 2;
  }
  if (i < results.length) {
    const detailed = i;
    const lines: string[] = [];
    let listed = i;
    for (; listed < results.length; listed++) {
      const line = compact[listed]!;
      if (used + line.length + 1 > budget) break;
      lines.push(line);
      used += line.length + 1;
    }
    if (listed < results.length) lines.push(`- …and ${plural(results.length - listed, 'more grant file')}`);
    const shortened = results.length - detailed;
    body.push(
      `> ⚠️ This comment is shortened to fit GitHub's ${COMMENT_MAX_LENGTH.toLocaleString('en-US')}-character limit: ` +
        `${plural(shortened, 'grant file')} of ${results.length} ${shortened === 1 ? 'is' : 'are'} listed without details. ` +
        'The job summary of the workflow run lists every file and error.',
    );
    body.push(lines.join('\n'));
  }
  return [...pre, ...body, ...post].join('\n\n') + '\n';
}
