/** `gitgrant report --html OUT_DIR`: the static access report (docs/report.md). */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { parseDays, runReport, writeReport } from '../commands/report.js';
import { UsageError } from '../core/errors.js';
import { renderReportHtml } from '../render/report-html.js';
import { parseNow, print } from './common.js';

export function register(program: Command): void {
  program
    .command('report')
    .description('a static HTML access report: active grants, a timeline of windows, pending requests, drift')
    .option('--html <dir>', 'write the page to DIR/index.html (self-contained: no script, no network)')
    .option('--repo <dir>', 'repository root (a clone of the default branch with full history)', '.')
    .option('--rev <rev>', 'the default branch (landing times come from its first-parent history)', 'HEAD')
    .option('--now <iso>', 'the clock, as an ISO-8601 instant')
    .option('--days <n>', 'how many days the timeline covers', '30')
    .option(
      '--reconcile-result <file>',
      "a saved reconcile result (the Action's `result` output, or `gitgrant reconcile --format json`), for drift",
    )
    .option('--github <owner/name>', 'the repository on GitHub, to link pull requests')
    .option('--server-url <url>', 'the GitHub web address, for links', 'https://github.com')
    .action(
      async (opts: {
        html?: string;
        repo: string;
        rev: string;
        now?: string;
        days: string;
        reconcileResult?: string;
        github?: string;
        serverUrl: string;
      }) => {
        if (!opts.html) throw new UsageError('report needs --html OUT_DIR (the only format so far)');
        const data = await runReport({
          repo: resolve(opts.repo),
          rev: opts.rev,
          nowMs: parseNow(opts.now),
          days: parseDays(opts.days),
          ...(opts.reconcileResult ? { reconcileResult: resolve(opts.reconcileResult) } : {}),
          ...(opts.github ? { github: opts.github } : {}),
          serverUrl: opts.serverUrl,
        });
        const path = await writeReport(resolve(opts.html), renderReportHtml(data));
        print(
          `wrote ${path}: ${data.active.length} active, ${data.pending.length} pending, ` +
            `${data.timeline.length} resources on the timeline\n`,
        );
      },
    );
}
