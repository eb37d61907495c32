/**
 * ValidateOutcome values for renderer tests: through `decideGrant` with model builders (the
 * JSON shape mirrors src/commands/validate.ts), or by hand for error-only results.
 */
import { fileResultJson, type FileResultJson, type ValidateOutcome } from '../../../src/commands/validate.js';
import { decideGrant, type GrantDecision } from '../../../src/core/decide.js';
import type { Diagnostic, ErrorCode } from '../../../src/core/errors.js';
import type { GrantRequest } from '../../../src/core/model.js';
import type { PrFacts, Review } from '../../../src/core/pr-facts.js';
import { prepare, type Prepared } from '../../../src/core/prepared.js';
import { access, allow, deny, person, resource, snapshot } from '../../helpers/model.js';

export const HEAD = 'c0ffee1234567890c0ffee1234567890c0ffee12';
export const OLD = 'dec0de1234567890dec0de1234567890dec0de12';

export const prepared: Prepared = prepare(
  snapshot({
    resources: [
      resource('billing-db-prod', { env: 'production', team: 'billing', sensitive: 'pii', kind: 'database' }),
      resource('billing-db-staging', { env: 'staging', team: 'billing', kind: 'database' }),
      resource(
        'ds-notebooks',
        { env: 'staging', team: 'data-science', kind: 'notebook' },
        { provider: 'webhook' },
      ),
    ],
    policies: [
      allow(
        'production-data',
        {
          match: { env: 'production' },
          expressions: [{ key: 'kind', operator: 'In', values: ['database'] }],
        },
        ['group:engineering'],
        {
          read: access('8h', [{ from: ['group:sre'], count: 1 }]),
          write: access('2h', [
            { from: ['group:dba'], count: 1 },
            { from: ['group:sre'], count: 1 },
          ]),
        },
        { require: { ticket: '^INC-[0-9]+$' } },
      ),
      allow('pii-extra', { match: { sensitive: 'pii' } }, ['group:engineering'], {
        read: access('4h', [{ from: ['group:sre'], count: 2 }]),
        write: access('2h', []),
      }),
      allow('own-team-staging', { match: { env: 'staging' } }, [{ same_tags: ['team'] }], {
        read: access('1d', []),
      }),
      deny('no-contractors-on-pii', { match: { sensitive: 'pii' } }, [{ tags: { role: 'contractor' } }]),
    ],
    people: [
      person('alice', { team: ['billing', 'data-science'] }, 101),
      person('bob', {}, 102),
      person('carol', {}, 103),
      person('dave', {}, 104),
      person('erin', {}, 105),
    ],
    groups: { engineering: ['alice', 'bob', 'carol'], sre: ['bob', 'carol', 'erin'], dba: ['carol', 'dave'] },
  }),
);

let clock = 0;
export function review(login: string, state: Review['state'], commit = HEAD): Review {
  clock++;
  const ids: Record<string, number> = { alice: 101, bob: 102, carol: 103, dave: 104, erin: 105 };
  return {
    user: { login, type: 'User', ...(ids[login] !== undefined && { id: ids[login] }) },
    state,
    commit_id: commit,
    submitted_at: new Date(Date.UTC(2026, 10, 29, 10, clock)).toISOString(),
  };
}

export function facts(reviews: Review[], extra: Partial<PrFacts> = {}): PrFacts {
  return {
    number: 7,
    author: { login: 'alice', id: 101 },
    head_sha: HEAD,
    changed_files: [],
    commit_authors: [{ login: 'alice', id: 101 }],
    reviews,
    teams: {},
    ...extra,
  };
}

/** Decide each grant (with `pr` facts when given) and assemble the outcome `runValidate` would return. */
export function outcomeOf(grants: GrantRequest[], pr?: PrFacts, deleted: string[] = []): ValidateOutcome {
  const decisions = new Map<string, GrantDecision>();
  const results: FileResultJson[] = [];
  for (const g of grants) {
    const decision = decideGrant(g, prepared, { facts: pr, codeowners: null });
    decisions.set(g.file, decision);
    results.push(fileResultJson(g.file, decision, [], !!pr));
  }
  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return {
    json: { ok: results.every((r) => r.ok), results },
    decisions,
    config: { prepared, codeowners: null, origin: 'test' },
    deleted,
    checkedApprovals: !!pr,
  };
}

/** A diagnostic by hand. */
export function err(
  file: string,
  code: ErrorCode,
  line = 1,
  column = 1,
  message = `${code} here`,
): Diagnostic {
  return { code, message, file, line, column };
}

/** An outcome of files that failed before any decision (load errors): json only. */
export function errorsOutcome(byFile: Record<string, Diagnostic[]>, deleted: string[] = []): ValidateOutcome {
  const results: FileResultJson[] = Object.entries(byFile).map(([file, errors]) => ({
    file,
    ok: errors.length === 0,
    approved: errors.length === 0,
    resources: [],
    max_duration: null,
    approvals: [],
    errors,
  }));
  return {
    json: { ok: results.every((r) => r.ok), results },
    decisions: new Map(),
    config: { prepared, codeowners: null, origin: 'test' },
    deleted,
    checkedApprovals: true,
  };
}
