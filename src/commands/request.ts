/**
 * `gitgrant request`: write a VALID grant file from flags or, on a terminal, from prompts.
 *
 * Flow: requester → resources → access level → duration → reason → ticket. On a terminal every
 * missing answer is asked for, offering only what the requester may ask for (the same
 * evaluation as `eligible`); without one, missing flags are a usage error naming them. The file
 * is then checked with the same loader and core as `validate` (path, safe YAML, schema, policies)
 * and written only when valid; otherwise nothing is written and the errors are returned.
 *
 * Idempotent: when the file the command would write already exists with exactly this content,
 * it is reused (not renamed to `-2`), so a rerun (e.g. of `--open-pr`) converges on the same id,
 * branch and pull request.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { decideGrant } from '../core/decide.js';
import { parseDuration } from '../core/duration.js';
import { UsageError, type Diagnostic } from '../core/errors.js';
import { REQUIRED_REASON_MIN } from '../core/evaluate.js';
import type { MatchValue, ResourceRef } from '../core/model.js';
import { describeSelector } from '../core/selector.js';
import { loadGrant } from '../load/grant-file.js';
import { idClashes } from '../load/grant-path.js';
import { listGrantFilesFs } from '../load/repo-fs.js';
import { loadConfig, type Config } from './config.js';
import {
  approvalNeed,
  defaultFolder,
  eligibleFor,
  levelOptions,
  type ApprovalNeed,
  type LevelOption,
} from './eligible.js';
import { runExplain, type ExplainJson } from './explain.js';
import { defaultLogin } from './request-identity.js';

/** Asks one question on the terminal and returns the answer line (without the newline). */
export interface Prompter {
  ask(question: string): Promise<string>;
  say(text: string): void;
}

export interface RequestOptions {
  repo: string;
  resource: string[];
  match: string[];
  access?: string;
  duration?: string;
  reason?: string;
  ticket?: string;
  as?: string;
  id?: string;
  dir?: string;
  yes?: boolean;
  nowMs: number;
}

export interface RequestOutcome {
  ok: boolean;
  /** Repository-relative path of the grant file. */
  file: string;
  id: string;
  content: string;
  /** `written` (new file), `unchanged` (the same file was already there), `not-written`. */
  status: 'written' | 'unchanged' | 'not-written';
  errors: Diagnostic[];
  requester: string;
  /** What the file says (flags and answers). */
  fields: GrantFields;
  /** Who can fill each approval slot (the requester excluded), for review requests. */
  approvals: ApprovalNeed[];
  /** The `explain` result of the written file (absent when nothing was written). */
  explain?: ExplainJson;
}

export const GRANT_ID = /^[a-z0-9][a-z0-9._-]{0,99}$/;
const YAML_RESERVED = /^(?:true|false|null|~|y|n|yes|no|on|off)$/i;

/** A scalar as YAML: plain when that is unambiguous, else a JSON (= YAML double-quoted) string. */
export function yamlScalar(value: string): string {
  return /^[A-Za-z][A-Za-z0-9._-]*$/.test(value) && !YAML_RESERVED.test(value)
    ? value
    : JSON.stringify(value);
}

/** A resource id in a block sequence (ids may hold `:` and `/`, as in `github:acme/web`). */
function yamlResourceId(id: string): string {
  return /^[A-Za-z][A-Za-z0-9._/-]*(?::[A-Za-z0-9._/-]+)*$/.test(id) && !YAML_RESERVED.test(id)
    ? id
    : JSON.stringify(id);
}

export interface GrantFields {
  requester: string;
  reason: string;
  access: string;
  duration: string;
  resources: readonly ResourceRef[];
  ticket?: string;
}

/** The grant file's text, with the editor's schema line pointing at schemas/grant.schema.json. */
export function grantFileText(path: string, g: GrantFields): string {
  const schema = posix.relative(posix.dirname(path), 'schemas/grant.schema.json');
  const lines = [
    `# yaml-language-server: $schema=${schema}`,
    `requester: ${yamlScalar(g.requester)}`,
    `reason: ${JSON.stringify(g.reason)}`,
    `access: ${yamlScalar(g.access)}`,
    `duration: ${parseDuration(g.duration).ok ? g.duration : JSON.stringify(g.duration)}`,
    'resources:',
  ];
  for (const r of g.resources) {
    if (typeof r === 'string') lines.push(`  - ${yamlResourceId(r)}`);
    else {
      const parts = Object.entries(r.match).map(
        ([k, v]) =>
          `${yamlScalar(k)}: ${typeof v === 'string' ? yamlScalar(v) : `[${v.map(yamlScalar).join(', ')}]`}`,
      );
      lines.push(`  - match: { ${parts.join(', ')} }`);
    }
  }
  if (g.ticket !== undefined) lines.push(`ticket: ${yamlScalar(g.ticket)}`);
  return lines.join('\n') + '\n';
}

/** `--match key=value` flags → one selector (or undefined when none). */
export function parseMatch(flags: readonly string[]): { match: Record<string, MatchValue> } | undefined {
  if (flags.length === 0) return undefined;
  const match: Record<string, MatchValue> = {};
  for (const f of flags) {
    const i = f.indexOf('=');
    const key = i > 0 ? f.slice(0, i).trim() : '';
    const value = i > 0 ? f.slice(i + 1).trim() : '';
    if (!key || !value)
      throw new UsageError(`--match takes KEY=VALUE, e.g. --match env=staging (got "${f}")`);
    if (Object.hasOwn(match, key)) throw new UsageError(`--match ${key}=… is given twice`);
    match[key] = value;
  }
  return { match };
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/[-._]+$/, '');
}

/** `alice-billing-db-prod-read-20261129`: requester, resources, level, UTC date. */
export function defaultId(
  requester: string,
  refs: readonly ResourceRef[],
  access: string,
  nowMs: number,
): string {
  const names = refs.map((r) => (typeof r === 'string' ? r : Object.values(r.match).flat().join('-')));
  const what = names.length > 2 ? [...names.slice(0, 2), `and-${names.length - 2}-more`] : names;
  const date = new Date(nowMs).toISOString().slice(0, 10).replace(/-/g, '');
  const head = slug([requester, ...what, access].join('-'))
    .slice(0, 90)
    .replace(/[-._]+$/, '');
  return `${head || 'request'}-${date}`;
}

/** `--dir`: a folder under grants/ (`production/billing`, `grants/production/billing/`). */
export function grantFolder(dir: string): string {
  const clean = dir.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  if (clean === '' || clean === 'grants') return 'grants';
  if (clean.startsWith('/') || clean.split('/').some((part) => part === '..' || part === '.' || part === ''))
    throw new UsageError(`--dir must be a folder under grants/, like production/billing (got "${dir}")`);
  return clean.startsWith('grants/') ? clean : `grants/${clean}`;
}

function numbered<T>(items: readonly T[], label: (t: T) => string): string {
  const width = String(items.length).length;
  return items.map((t, i) => `  ${String(i + 1).padStart(width)}) ${label(t)}`).join('\n');
}

/** Resolve an answer made of numbers and/or names against a list; undefined when invalid. */
function pick(answer: string, names: readonly string[]): string[] | undefined {
  const parts = answer
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 0) return undefined;
  const out: string[] = [];
  for (const p of parts) {
    const n = /^\d+$/.test(p) ? Number(p) : NaN;
    const name = Number.isInteger(n) ? names[n - 1] : names.find((x) => x === p);
    if (name === undefined) return undefined;
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

export function ticketProblem(ticket: string, option: LevelOption | undefined): string | undefined {
  if (ticket.trim() === '') return 'the ticket must not be blank';
  for (const t of option?.require.ticket ?? []) {
    if (!new RegExp(t.pattern).test(ticket))
      return `"${ticket}" does not match ${t.pattern} (policy ${t.policy})`;
  }
  return undefined;
}

export function reasonProblem(reason: string, option: LevelOption | undefined): string | undefined {
  if (reason.trim() === '') return 'a reason is required: say why you need this access';
  if (option?.require.reason.length && reason.replace(/\s+/g, '').length < REQUIRED_REASON_MIN)
    return `policy ${option.require.reason[0]} requires a reason of at least ${REQUIRED_REASON_MIN} characters`;
  return undefined;
}

async function askUntil(
  p: Prompter,
  question: string,
  check: (answer: string) => string | undefined,
  fallback?: string,
): Promise<string> {
  for (;;) {
    const raw = (await p.ask(question)).trim();
    const answer = raw === '' && fallback !== undefined ? fallback : raw;
    const problem = check(answer);
    if (problem === undefined) return answer;
    p.say(`  ${problem}`);
  }
}

/** The folder and a grant id that is free (or holds exactly this content already). */
async function placeFile(
  repo: string,
  folder: string,
  id: string | undefined,
  base: string,
  render: (path: string) => string,
): Promise<{ id: string; path: string; content: string }> {
  const entries = await listGrantFilesFs(repo);
  const taken = new Map<string, string>(); // id → path
  for (const e of entries) {
    const m = /^grants\/(?:.*\/)?([^/]+)\.yaml$/.exec(e.path);
    if (m && !taken.has(m[1]!)) taken.set(m[1]!, e.path);
  }
  const sameFile = async (path: string, content: string) => {
    try {
      return (await readFile(join(repo, path), 'utf8')) === content;
    } catch {
      return false;
    }
  };
  const tryId = async (candidate: string) => {
    const path = `${folder}/${candidate}.yaml`;
    const content = render(path);
    const holder = taken.get(candidate);
    return {
      path,
      content,
      free: holder === undefined || (holder === path && (await sameFile(path, content))),
    };
  };
  if (id !== undefined) {
    const t = await tryId(id);
    return { id, path: t.path, content: t.content };
  }
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base.slice(0, 96)}-${n}`;
    const t = await tryId(candidate);
    if (t.free) return { id: candidate, path: t.path, content: t.content };
  }
}

/** Check the text exactly as it would be written: the loader, the core, unique ids. */
export async function checkGrantText(
  config: Config,
  repo: string,
  path: string,
  content: string,
): Promise<{ errors: Diagnostic[]; approvals: ApprovalNeed[] }> {
  const loaded = loadGrant(path, new TextEncoder().encode(content));
  const errors: Diagnostic[] = [];
  let approvals: ApprovalNeed[] = [];
  if (!loaded.ok) errors.push(...loaded.diagnostics);
  else {
    const decision = decideGrant(loaded.grant, config.prepared, { codeowners: config.codeowners });
    errors.push(...decision.diagnostics);
    approvals = decision.policy.rules.map((r) =>
      approvalNeed(r, config.prepared.directory, config.codeowners, path, loaded.grant.requester),
    );
  }
  const existing = (await listGrantFilesFs(repo)).map((e) => e.path).filter((p) => p !== path);
  const clash = idClashes([...existing, path]);
  const holder = clash.get(path) ?? [...clash.entries()].find(([, h]) => h === path)?.[0];
  if (holder)
    errors.push({
      code: 'invalid-filename',
      message: `the grant id of ${path} is already used by ${holder}: grant ids (file names) must be unique across grants/ (choose another --id)`,
      file: path,
      line: 1,
      column: 1,
    });
  return { errors, approvals };
}

export async function runRequest(opts: RequestOptions, prompter: Prompter | null): Promise<RequestOutcome> {
  const repo = opts.repo;
  const config = await loadConfig(repo);
  const p = prompter;
  const missing: string[] = [];

  // Check the flags that can be checked alone before asking anything.
  if (opts.id !== undefined && !GRANT_ID.test(opts.id))
    throw new UsageError(`--id must match ${GRANT_ID.source} (lower case; got "${opts.id}")`);
  const folderFlag = opts.dir !== undefined ? grantFolder(opts.dir) : undefined;
  const selector = parseMatch(opts.match);

  let requester = opts.as ?? (await defaultLogin(repo));
  if (!requester) {
    if (p)
      requester = await askUntil(p, 'Your GitHub login: ', (a) => (a ? undefined : 'a login is required'));
    else missing.push('--as LOGIN (or `git config github.user LOGIN`)');
  }
  let refs: ResourceRef[] = [...opts.resource, ...(selector ? [selector] : [])];
  if (refs.length === 0 && !p) missing.push('--resource ID or --match KEY=VALUE');
  if (opts.access === undefined && !p) missing.push('--access LEVEL');
  if (opts.duration === undefined && !p) missing.push('--duration DURATION');
  if (opts.reason === undefined && !p) missing.push('--reason TEXT');
  if (missing.length)
    throw new UsageError(
      `missing ${missing.join(', ')}: without a terminal to ask on, give them as flags (see gitgrant request --help)`,
    );
  const who = requester!;

  // Resources: on a terminal, from those the requester may ask for.
  let options: LevelOption[];
  for (;;) {
    if (refs.length === 0 && p) {
      const offered = eligibleFor(config, who).resources.filter(
        (r) => opts.access === undefined || r.access.some((a) => a.level === opts.access),
      );
      if (offered.length === 0)
        throw new UsageError(
          `${who} may not request ${opts.access ? `${opts.access} on ` : ''}any resource (see gitgrant eligible --person ${who})`,
        );
      p.say(`Resources ${who} may request:`);
      p.say(
        numbered(offered, (r) => {
          const tags = Object.entries(r.tags)
            .map(([k, v]) => `${k}=${v}`)
            .join(' ');
          return `${r.id}  (${r.access.map((a) => `${a.level} ≤ ${a.max_duration}`).join(', ')})  ${tags}`;
        }),
      );
      const names = offered.map((r) => r.id);
      const chosen = await askUntil(p, 'Resources (numbers or ids, comma-separated): ', (a) =>
        pick(a, names) ? undefined : `choose from 1-${names.length} (e.g. 1 or 1,3)`,
      );
      refs = pick(chosen, names)!;
    }
    const found = levelOptions(config, who, refs, folderFlag ? `${folderFlag}/x.yaml` : undefined);
    options = found.options;
    if (options.length > 0 || !p || opts.resource.length + opts.match.length > 0) break;
    p.say(
      `  no access level is offered to ${who} on ${refs.map(describeRef).join(', ')} together` +
        (found.refusals[0] ? `: ${found.refusals[0].message}` : ''),
    );
    refs = [];
  }

  // Access level: offered by every matching policy (and the requester may ask for it).
  let access = opts.access;
  if (access === undefined) {
    if (options.length === 0) {
      const found = levelOptions(config, who, refs);
      throw new UsageError(
        `${who} may not request any access level on ${refs.map(describeRef).join(', ')}` +
          (found.refusals[0] ? `: ${found.refusals[0].message}` : ''),
      );
    }
    const levels = options.map((o) => o.level);
    p!.say('Access levels:');
    p!.say(
      numbered(options, (o) => {
        const approvals = o.approvals.length
          ? o.approvals.map((a) => `${a.count} × ${a.from}`).join(' + ')
          : 'no approval';
        return `${o.level}  (max ${o.max_duration}; ${approvals})`;
      }),
    );
    const def = levels.length === 1 ? levels[0] : undefined;
    const answer = await askUntil(
      p!,
      `Access level${def ? ` [${def}]` : ''}: `,
      (a) => (pick(a, levels)?.length === 1 ? undefined : `choose one of ${levels.join(', ')}`),
      def,
    );
    access = pick(answer, levels)![0]!;
  }
  const option = options.find((o) => o.level === access);

  let duration = opts.duration;
  if (duration === undefined) {
    const max = option?.max_duration;
    duration = await askUntil(
      p!,
      max ? `Duration (at most ${max}) [${max}]: ` : 'Duration (e.g. 4h, 90m, 1d): ',
      (a) => {
        const d = parseDuration(a);
        if (!d.ok) return `${d.reason} (examples: 90m, 4h, 1d, PT4H)`;
        if (option && d.ms > option.max_duration_ms)
          return `${a} is longer than the maximum of ${option.max_duration} (set by policy ${option.max_duration_policy})`;
        return undefined;
      },
      max,
    );
  }

  let reason = opts.reason;
  if (reason === undefined) {
    reason = await askUntil(p!, 'Reason (why you need this access): ', (a) => reasonProblem(a, option));
  }

  let ticket = opts.ticket;
  const patterns = option?.require.ticket ?? [];
  if (ticket === undefined && patterns.length > 0) {
    const want = patterns.map((t) => t.pattern).join(' and ');
    if (!p)
      throw new UsageError(
        `missing --ticket: policy ${patterns.map((t) => t.policy).join(', ')} requires a ticket matching ${want}`,
      );
    ticket = await askUntil(p, `Ticket (must match ${want}): `, (a) => ticketProblem(a, option));
  }

  // Where: --dir, else grants/<env of the first resource>/; id: --id, else a free default one.
  const resolved = levelOptions(config, who, refs).resources;
  const firstRef = refs[0];
  const first =
    typeof firstRef === 'string'
      ? resolved.filter((r) => r.id === firstRef)
      : firstRef
        ? config.prepared.inventory.select(firstRef)
        : [];
  const folder = folderFlag ?? defaultFolder(first.length ? first : resolved);
  const fields: GrantFields = {
    requester: who,
    reason,
    access: access!,
    duration,
    resources: refs,
    ...(ticket !== undefined ? { ticket } : {}),
  };
  const placed = await placeFile(repo, folder, opts.id, defaultId(who, refs, access!, opts.nowMs), (path) =>
    grantFileText(path, fields),
  );
  const { errors, approvals } = await checkGrantText(config, repo, placed.path, placed.content);
  const base = {
    file: placed.path,
    id: placed.id,
    content: placed.content,
    requester: who,
    fields,
    approvals,
  };
  if (errors.length) return { ok: false, ...base, status: 'not-written', errors };

  let existing: string | undefined;
  try {
    existing = await readFile(join(repo, placed.path), 'utf8');
  } catch {
    existing = undefined;
  }
  if (existing !== undefined && existing !== placed.content) {
    return {
      ok: false,
      ...base,
      status: 'not-written',
      errors: [
        {
          code: 'invalid-filename',
          message: `${placed.path} already exists with other content: it is not overwritten (choose another --id)`,
          file: placed.path,
          line: 1,
          column: 1,
        },
      ],
    };
  }
  if (p && !opts.yes && existing === undefined) {
    p.say('');
    p.say(`${placed.path}:`);
    p.say(placed.content.replace(/^/gm, '  ').trimEnd());
    const yes = await askUntil(
      p,
      `Write ${placed.path}? [Y/n] `,
      (a) => (/^(y|yes|n|no)$/i.test(a) ? undefined : 'answer y or n'),
      'y',
    );
    if (/^n/i.test(yes)) return { ok: false, ...base, status: 'not-written', errors: [] };
  }
  if (existing === undefined) {
    await mkdir(dirname(join(repo, placed.path)), { recursive: true });
    await writeFile(join(repo, placed.path), placed.content, { flag: 'wx' });
  }
  const explain = await runExplain(repo, placed.path);
  return {
    ok: explain.ok,
    ...base,
    status: existing === undefined ? 'written' : 'unchanged',
    errors: explain.errors,
    explain,
  };
}

function describeRef(r: ResourceRef): string {
  return typeof r === 'string' ? r : `{${describeSelector(r)}}`;
}
