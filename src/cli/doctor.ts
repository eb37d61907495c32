/**
 * `gitgrant doctor --github OWNER/NAME [--interval 15m] [--now ISO] [--format text|json]`:
 * checks a repository's set-up through the API (token GITHUB_TOKEN, API base GITHUB_API_URL).
 * Exit 0 when every check passes (warnings allowed), 1 when one fails, 2 on a usage error.
 */
import type { Command } from 'commander';
import { parseDuration } from '../core/duration.js';
import { UsageError } from '../core/errors.js';
import { runDoctor } from '../commands/doctor.js';
import { createGitHubClient } from '../providers/github.js';
import { renderDoctorText } from '../render/doctor-text.js';
import { styler } from '../render/style.js';
import { formatOption, parseNow, printAs } from './common.js';

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const NAME = /^[A-Za-z0-9._-]{1,100}$/;

export function register(program: Command): void {
  program
    .command('doctor')
    .description(
      "check a repository's set-up (merge gate, CODEOWNERS, workflows, token permissions, schedule) and say what to fix",
    )
    .requiredOption('--github <owner/name>', 'the access repository on GitHub')
    .option(
      '--interval <duration>',
      'the reconcile schedule interval; a last run or success older than twice this is a warning',
      '15m',
    )
    .option('--now <iso>', 'the clock, as an ISO-8601 instant')
    .addOption(formatOption())
    .action(async (opts: { github: string; interval: string; now?: string; format: string }) => {
      const [owner, repo, extra] = opts.github.split('/');
      if (
        !owner ||
        !repo ||
        extra !== undefined ||
        !OWNER.test(owner) ||
        !NAME.test(repo) ||
        repo === '.' ||
        repo === '..'
      )
        throw new UsageError(`--github must be OWNER/NAME (got "${opts.github}")`);
      const interval = parseDuration(opts.interval);
      if (!interval.ok) throw new UsageError(`--interval: ${interval.reason}`);
      const nowMs = parseNow(opts.now);
      const token = process.env.GITHUB_TOKEN;
      if (!token) throw new UsageError('GITHUB_TOKEN is not set (e.g. GITHUB_TOKEN=$(gh auth token))');
      const gh = createGitHubClient(token, {
        apiUrl: process.env.GITHUB_API_URL ?? '',
        log: (m) => process.stderr.write(`${m}\n`),
      });
      const report = await runDoctor({
        gh,
        ref: { owner, repo },
        nowMs,
        intervalMs: interval.ms,
        interval: opts.interval,
      });
      printAs(opts.format, report, () => renderDoctorText(report, styler(process.stdout)));
      process.exitCode = report.ok ? 0 : 1;
    });
}
