/**
 * Audit over a generated 2-year history (5,100 grants): gitgrant audit's run time, and the time
 * of `git log` over the same history alone (the floor: audit reads the history once).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAudit } from '../src/commands/audit.js';
import { generateHistory } from '../test/helpers/history-generator.js';

export async function benchAudit(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gitgrant-bench-audit-'));
  try {
    const repo = join(dir, 'repo');
    const h = generateHistory(repo, { grants: 5100, seed: 11 });
    const time = async (fn: () => Promise<unknown> | unknown) => {
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const t0 = process.hrtime.bigint();
        await fn();
        best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
      }
      return best;
    };
    let windows = 0;
    const auditMs = await time(async () => (windows = (await runAudit(repo, 'HEAD', h.now)).length));
    const logMs = await time(() =>
      execFileSync(
        'git',
        [
          '-C',
          repo,
          'log',
          '--first-parent',
          '--name-status',
          '--format=%H %ct %B',
          '--',
          'grants/',
          'policies/',
        ],
        { maxBuffer: 1 << 30 },
      ),
    );
    console.log(`audit: generated history of 2 years, ${h.grants} grants, ${h.commits} commits`);
    console.log(`  gitgrant audit:                 ${auditMs.toFixed(1)} ms  (${windows} windows)`);
    console.log(`  git log over the same history:  ${logMs.toFixed(1)} ms`);
    console.log(`  ratio audit / git log:          ${(auditMs / logMs).toFixed(2)}×`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
