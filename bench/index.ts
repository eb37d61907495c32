/**
 * `npm run bench`: figures measured in one run, printed as ratios (never asserted by tests).
 *   1. validate 10,000 grant files against 5,000 resources and 300 policies, vs only parsing
 *      the same YAML with the yaml library (target: ≤ 1.5×);
 *   2. resolution of one selector over 1,000 and 100,000 resources (target: growth < 10×);
 *   3. peak memory.
 */
import { parseDocument } from 'yaml';
import { decideGrant } from '../src/core/decide.js';
import { Inventory } from '../src/core/inventory.js';
import { prepare } from '../src/core/prepared.js';
import { loadGrant } from '../src/load/grant-file.js';
import { buildSnapshot } from '../src/load/snapshot.js';
import { generateOrg, rng } from './generate.js';
import { resource } from './resource.js';

const enc = new TextEncoder();

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

/** Best of n runs: the least disturbed measurement of the same work. */
function best(n: number, fn: () => unknown): number {
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    min = Math.min(min, time(fn).ms);
  }
  return min;
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

function benchValidate(): void {
  const org = generateOrg({ resources: 5000, policies: 300, grants: 10_000 });
  const built = buildSnapshot(org.policyFiles.map((f) => ({ path: f.path, bytes: enc.encode(f.text) })));
  if (!built.ok)
    throw new Error(`generated policies are invalid: ${JSON.stringify(built.diagnostics.slice(0, 3))}`);
  const prepared = prepare(built.snapshot);
  const files = org.grants.map((g) => ({ path: g.path, bytes: enc.encode(g.text) }));
  let decided = 0;
  let valid = 0;
  const validateMs = best(3, () => {
    decided = 0;
    valid = 0;
    for (const f of files) {
      const r = loadGrant(f.path, f.bytes);
      if (r.ok) {
        if (decideGrant(r.grant, prepared, { codeowners: null }).valid) valid++;
        decided++;
      }
    }
  });
  const loadMs = best(3, () => {
    for (const f of files) loadGrant(f.path, f.bytes);
  });
  const loaded = files.flatMap((f) => {
    const r = loadGrant(f.path, f.bytes);
    return r.ok ? [r.grant] : [];
  });
  const decideMs = best(3, () => {
    for (const g of loaded) decideGrant(g, prepared, { codeowners: null });
  });
  const parseMs = best(3, () => {
    for (const f of files) parseDocument(new TextDecoder().decode(f.bytes));
  });
  console.log('validate: 10,000 grant files, 5,000 resources, 300 policies');
  console.log(
    `  validate (load + schema + decide): ${fmt(validateMs)}  (${decided} decided, ${valid} valid)`,
  );
  console.log(`    load + schema alone:             ${fmt(loadMs)}`);
  console.log(`    decide alone:                    ${fmt(decideMs)}`);
  console.log(`  parse only (yaml.parseDocument):   ${fmt(parseMs)}`);
  console.log(`  ratio validate / parse:            ${ratio(validateMs, parseMs)}  (target ≤ 1.50×)`);
}

function benchSelector(): void {
  const selector = {
    match: { env: 'production', team: 'team-3' },
    expressions: [{ key: 'kind', operator: 'In' as const, values: ['database', 'bucket'] }],
  };
  // Teams grow with the inventory (about 25 resources each), as in a real organisation: one
  // team's selector then matches about as many resources at either size.
  const inventoryOf = (n: number) => {
    const r = rng(7);
    return new Inventory(
      Array.from({ length: n }, (_, i) =>
        resource(`r-${i}`, {
          env: ['production', 'staging', 'development'][Math.floor(r() * 3)]!,
          team: `team-${Math.floor(r() * (n / 25))}`,
          kind: ['database', 'bucket', 'repository', 'queue'][Math.floor(r() * 4)]!,
        }),
      ),
    );
  };
  const small = inventoryOf(1000);
  const large = inventoryOf(100_000);
  const reps = 2000;
  const smallMs = best(5, () => {
    for (let i = 0; i < reps; i++) small.select(selector);
  });
  const largeMs = best(5, () => {
    for (let i = 0; i < reps; i++) large.select(selector);
  });
  console.log('selector resolution ({env: production, team: team-3, kind In [database, bucket]})');
  console.log(
    `  over 1,000 resources:   ${((smallMs / reps) * 1000).toFixed(2)} µs per resolution (${small.select(selector).length} matches)`,
  );
  console.log(
    `  over 100,000 resources: ${((largeMs / reps) * 1000).toFixed(2)} µs per resolution (${large.select(selector).length} matches)`,
  );
  console.log(`  growth 1,000 → 100,000: ${ratio(largeMs, smallMs)}  (target < 10×; matches grow 100×)`);
}

benchValidate();
benchSelector();
console.log(`peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);

// gitgrant vs Cedar on the same eligibility decisions (bench/cedar.ts).
import { benchCedar } from './cedar.js';
benchCedar();

// GitHub API requests per validation and per applied grant (bench/api-requests.ts), and the
// audit over a generated 2-year history against git log alone (bench/audit.ts).
import { benchApiRequests } from './api-requests.js';
import { benchAudit } from './audit.js';
await benchApiRequests();
await benchAudit();

// GitHub API requests per reconcile run, cold and warm, for 1,000 active grants over 50
// resources (bench/reconcile-requests.ts).
import { benchReconcileRequests } from './reconcile-requests.js';
await benchReconcileRequests();
