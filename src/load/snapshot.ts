/**
 * policies/**.yaml → one Snapshot (the trusted configuration). Files are read in path order so
 * "the first definition" is well defined; every problem in every file is reported, and any
 * problem means no snapshot (fail closed: nothing is decided on partial configuration).
 */
import type { Diagnostic, DocPath } from '../core/errors.js';
import {
  DEFAULT_SETTINGS,
  loginKey,
  type DiscoverRule,
  type Person,
  type Policy,
  type Resource,
  type Settings,
  type Snapshot,
} from '../core/model.js';
import { parseDuration } from '../core/duration.js';
import { classifyPolicyPath, isUnderPolicies } from './policy-path.js';
import { fileModel } from './policy-model.js';
import type { EntryKind } from './repo-types.js';
import { parseYaml, sortDiagnostics } from './safe-yaml.js';
import { checkSchemaFindings } from './schema-check.js';
import type { YamlSource } from './yaml-source.js';

const DURATION_NOT_STRING = (parseDuration(0) as { reason: string }).reason;

export type SnapshotResult = { ok: true; snapshot: Snapshot } | { ok: false; diagnostics: Diagnostic[] };

export interface SnapshotInput {
  path: string;
  bytes?: Uint8Array;
  /** Defaults to 'file' (callers that read blobs themselves). */
  kind?: EntryKind;
}

/** Remembers where each name was first defined, to report the second one. */
class FirstSeen {
  private readonly seen = new Map<string, string>();
  constructor(private readonly what: string) {}
  /** Undefined when new; otherwise the message for the duplicate. */
  check(key: string, shown: string, source: YamlSource, path: DocPath): string | undefined {
    const first = this.seen.get(key);
    if (first !== undefined) return `${this.what} \`${shown}\` is already defined at ${first}`;
    this.seen.set(key, `${source.file}:${source.atKey(path).line}`);
    return undefined;
  }
}

export function buildSnapshot(files: readonly SnapshotInput[]): SnapshotResult {
  const diagnostics: Diagnostic[] = [];
  const resources: Resource[] = [];
  const people = new Map<string, Person>();
  const groups = new Map<string, readonly string[]>();
  const policies: Policy[] = [];
  const discover: DiscoverRule[] = [];
  let settings: Settings | undefined;
  let settingsAt: string | undefined;

  const seenResource = new FirstSeen('resource');
  const seenPolicy = new FirstSeen('policy');
  const seenPerson = new FirstSeen('person');
  const seenGroup = new FirstSeen('group');
  const dup = (msg: string | undefined, source: YamlSource, path: DocPath) => {
    if (msg === undefined) return false;
    const { line, column } = source.atKey(path);
    diagnostics.push({ code: 'config-invalid', message: msg, file: source.file, line, column });
    return true;
  };

  const inputs = files
    .filter((f) => isUnderPolicies(f.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of inputs) {
    const where = classifyPolicyPath({ path: file.path, kind: file.kind ?? 'file' });
    if (where.kind === 'ignored') continue;
    if (where.kind === 'invalid') {
      diagnostics.push(where.diagnostic);
      continue;
    }
    const parsed = parseYaml(file.bytes ?? new Uint8Array(), file.path);
    if (!parsed.ok) {
      diagnostics.push(...parsed.diagnostics);
      continue;
    }
    const { value, source } = parsed;
    // A non-string max_duration (`max_duration: 8`) is a duration problem: parseDuration (in
    // fileModel) says why. Only when the file has other schema errors is it reported here.
    const findings = checkSchemaFindings('policies', value, source);
    const isDurationType = (f: (typeof findings)[number]) =>
      f.keyword === 'type' && f.path[f.path.length - 1] === 'max_duration';
    if (findings.some((f) => !isDurationType(f))) {
      for (const f of findings) {
        diagnostics.push(
          isDurationType(f)
            ? { ...f.diagnostic, code: 'duration-invalid', message: `max_duration: ${DURATION_NOT_STRING}` }
            : f.diagnostic,
        );
      }
      continue;
    }
    const model = fileModel(value, source, DEFAULT_SETTINGS);
    diagnostics.push(...model.diagnostics);
    const adminsFrom = (value as { settings?: { admins?: { from?: unknown } } } | null)?.settings?.admins
      ?.from;
    if (adminsFrom === 'codeowners') {
      const { line, column } = source.at(['settings', 'admins', 'from']);
      diagnostics.push({
        code: 'config-invalid',
        message:
          'settings.admins cannot be `codeowners`: a policy change has no grant file whose owners could approve it; name groups, @ORG/TEAM teams or logins',
        file: source.file,
        line,
        column,
      });
    }

    for (const r of model.resources) {
      if (!dup(seenResource.check(r.id, r.id, source, [...r.path, 'id']), source, [...r.path, 'id']))
        resources.push(r);
    }
    for (const p of model.policies) {
      if (!dup(seenPolicy.check(p.name, p.name, source, [...p.path, 'name']), source, [...p.path, 'name']))
        policies.push(p);
    }
    for (const { person, path } of model.people) {
      // Logins are case-insensitive: `Alice` and `alice` are the same person.
      const key = loginKey(person.login);
      if (!dup(seenPerson.check(key, person.login, source, path), source, path)) people.set(key, person);
    }
    for (const g of model.groups) {
      if (!dup(seenGroup.check(g.name, g.name, source, g.path), source, g.path))
        groups.set(g.name, g.members);
    }
    discover.push(...model.discover);
    if (model.settings) {
      if (settingsAt !== undefined) {
        const { line, column } = source.atKey(['settings']);
        diagnostics.push({
          code: 'config-invalid',
          message: `settings are already defined at ${settingsAt}: keep them in one file`,
          file: source.file,
          line,
          column,
        });
      } else {
        settings = model.settings;
        settingsAt = `${source.file}:${source.atKey(['settings']).line}`;
      }
    }
  }

  if (diagnostics.length > 0) return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  return {
    ok: true,
    snapshot: { resources, people, groups, policies, settings: settings ?? DEFAULT_SETTINGS, discover },
  };
}
