/**
 * The `gitgrant` CLI program: argv → command → rendered output and exit status.
 * Exit status (DESIGN.md §5): 0 all valid (and approved with --pr); 1 some file invalid or not
 * approved; 2 usage or configuration error. Never a stack trace at a user (GITGRANT_DEBUG=1 shows one).
 */
import { Command, CommanderError, Option } from 'commander';
import { resolve } from 'node:path';
import { ConfigError, UsageError } from './core/errors.js';
import { runValidate } from './commands/validate.js';
import { runExplain } from './commands/explain.js';
import { runPlan } from './commands/plan.js';
import { runApplyCli } from './commands/apply-cli.js';
import { runReconcileCli } from './commands/reconcile-cli.js';
import { runAudit } from './commands/audit.js';
import { runStatus, renderStatusText } from './commands/status.js';
import { auditCsv, auditJsonLines, auditMarkdown } from './render/audit.js';
import { readPrFacts } from './load/pr-facts-file.js';
import { renderValidateText, renderDiagnostic } from './render/validate-text.js';
import { renderExplainText } from './render/explain-text.js';
import { renderPlanText } from './render/plan-text.js';
import { styler } from './render/style.js';
import { formatOption, parseNow, print, printAs, printOutcome } from './cli/common.js';
import { registerExtraCommands } from './cli/extra.js';

const VERSION = '0.1.0';

export function buildProgram(): Command {
  const program = new Command('gitgrant')
    .description('Just-in-time access with tag-based policies, run as a GitOps pull-request pipeline')
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (str) => process.stderr.write(str) });

  program
    .command('validate')
    .description('check grant files against policies (and approvals, with --pr)')
    .argument('[files...]', 'grant files (default: every file under grants/)')
    .option('--repo <dir>', 'repository root', '.')
    .option(
      '--policies-ref <ref>',
      'read policies/ and CODEOWNERS from this git ref instead of the working tree',
    )
    .option(
      '--pr <facts.json>',
      'pull-request facts (author, changed files, reviews, teams): check approvals too',
    )
    .option('--now <iso>', 'the clock, as an ISO-8601 instant')
    .addOption(formatOption())
    .action(
      async (
        files: string[],
        opts: { repo: string; policiesRef?: string; pr?: string; now?: string; format: string },
      ) => {
        parseNow(opts.now);
        const facts = opts.pr ? await readPrFacts(opts.pr) : undefined;
        const repo = resolve(opts.repo);
        const outcome = await runValidate({
          repo,
          files: files.map((f) => relativeToRepo(repo, f)),
          policiesRef: opts.policiesRef,
          facts,
        });
        printAs(opts.format, outcome.json, () => renderValidateText(outcome, styler(process.stdout)));
        process.exitCode = outcome.json.ok ? 0 : 1;
      },
    );

  program
    .command('explain')
    .description('why a request is decided as it is: matching policies, requirements, who can approve')
    .argument('<file>', 'a grant file')
    .option('--repo <dir>', 'repository root', '.')
    .option('--policies-ref <ref>', 'read policies/ and CODEOWNERS from this git ref')
    .addOption(formatOption())
    .action(async (file: string, opts: { repo: string; policiesRef?: string; format: string }) => {
      const repo = resolve(opts.repo);
      const result = await runExplain(repo, relativeToRepo(repo, file), opts.policiesRef);
      printAs(opts.format, result, () => renderExplainText(result, styler(process.stdout)));
      process.exitCode = result.ok ? 0 : 1;
    });

  program
    .command('plan')
    .description('windows of every grant (pending, active, expired) and what apply and reconcile would do')
    .option('--repo <dir>', 'repository root', '.')
    .option('--rev <rev>', 'the default branch (landing times come from its first-parent history)', 'HEAD')
    .option('--now <iso>', 'the clock, as an ISO-8601 instant')
    .addOption(formatOption())
    .action(async (opts: { repo: string; rev: string; now?: string; format: string }) => {
      const plan = await runPlan(resolve(opts.repo), parseNow(opts.now), opts.rev);
      printAs(opts.format, plan, () => renderPlanText(plan, styler(process.stdout)));
      process.exitCode = plan.errors.length ? 1 : 0;
    });

  program
    .command('apply')
    .description('apply a push to the default branch: grant approved added requests, revoke deleted ones')
    .requiredOption('--before <sha>', 'the commit before the push')
    .requiredOption('--after <sha>', 'the commit after the push')
    .requiredOption(
      '--github <owner/name>',
      'the repository on GitHub (pull requests and reviews are read there)',
    )
    .option('--repo <dir>', 'local clone of the default branch with full history', '.')
    .option('--now <iso>', 'the clock, as an ISO-8601 instant')
    .addOption(formatOption())
    .action(
      (opts: { before: string; after: string; github: string; repo: string; now?: string; format: string }) =>
        printOutcome(
          opts.format,
          runApplyCli({ ...opts, repo: resolve(opts.repo), nowMs: parseNow(opts.now) }),
        ),
    );

  program
    .command('reconcile')
    .description(
      'revoke expired grants, re-apply missing ones, report drift, record removals (run on a schedule)',
    )
    .requiredOption('--github <owner/name>', 'the repository on GitHub')
    .option('--repo <dir>', 'local clone of the default branch with full history, up to date', '.')
    .option(
      '--interval <duration>',
      'your schedule interval; a previous success older than twice this fails the run',
      '15m',
    )
    .option('--state <file>', 'keep reconcile state in this file (default: the gitgrant-state branch)')
    .option('--no-record', 'revoke and report, but do not write the revocation commit or pull request')
    .option(
      '--default-branch <name>',
      'the default branch (where removals are recorded); default: read from the API',
    )
    .option('--now <iso>', 'the clock, as an ISO-8601 instant')
    .addOption(formatOption())
    .action(
      async (opts: {
        github: string;
        repo: string;
        interval: string;
        state?: string;
        record: boolean;
        defaultBranch?: string;
        now?: string;
        format: string;
      }) =>
        printOutcome(
          opts.format,
          runReconcileCli({ ...opts, repo: resolve(opts.repo), nowMs: parseNow(opts.now) }),
        ),
    );

  program
    .command('audit')
    .description('every access window ever, reconstructed from git history alone')
    .option('--repo <dir>', 'repository root', '.')
    .option('--rev <rev>', 'the default branch', 'HEAD')
    .option('--person <login>', 'only this person')
    .option('--resource <id>', 'only windows on this resource')
    .option('--tag <key=value>', 'only windows on resources with this tag (as of the landing)')
    .option('--since <iso>', 'only windows that end at or after this instant')
    .option('--until <iso>', 'only windows that start before this instant')
    .option('--now <iso>', 'the clock, as an ISO-8601 instant')
    .addOption(
      new Option('--format <format>', 'output format').choices(['jsonl', 'csv', 'markdown']).default('jsonl'),
    )
    .action(
      async (opts: {
        repo: string;
        rev: string;
        person?: string;
        resource?: string;
        tag?: string;
        since?: string;
        until?: string;
        now?: string;
        format: string;
      }) => {
        const rows = await runAudit(resolve(opts.repo), opts.rev, parseNow(opts.now), {
          ...(opts.person ? { person: opts.person } : {}),
          ...(opts.resource ? { resource: opts.resource } : {}),
          ...(opts.tag ? { tag: opts.tag } : {}),
          ...(opts.since ? { since: parseNow(opts.since) } : {}),
          ...(opts.until ? { until: parseNow(opts.until) } : {}),
        });
        print(
          opts.format === 'csv'
            ? auditCsv(rows)
            : opts.format === 'markdown'
              ? auditMarkdown(rows)
              : auditJsonLines(rows),
        );
      },
    );

  program
    .command('status')
    .description('who has what right now, and until when (active grants and baselines)')
    .option('--repo <dir>', 'repository root', '.')
    .option('--rev <rev>', 'the default branch', 'HEAD')
    .option('--now <iso>', 'the clock, as an ISO-8601 instant')
    .addOption(formatOption())
    .action(async (opts: { repo: string; rev: string; now?: string; format: string }) => {
      const rows = await runStatus(resolve(opts.repo), opts.rev, parseNow(opts.now));
      printAs(opts.format, rows, () => renderStatusText(rows, styler(process.stdout)));
    });

  registerExtraCommands(program);
  return program;
}

/** Accept paths relative to the current directory or to the repository; store repo-relative. */
function relativeToRepo(repo: string, file: string): string {
  const abs = resolve(file);
  const rel = abs.startsWith(repo + '/') ? abs.slice(repo.length + 1) : file;
  return rel.split('\\').join('/');
}

export async function main(argv: string[]): Promise<number> {
  const err = styler(process.stderr);
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0; every parse error is a usage error.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof ConfigError) {
      process.stderr.write(`${err('red', 'configuration error')}: ${e.message}\n`);
      for (const d of e.diagnostics) process.stderr.write(`  ${renderDiagnostic(d, err)}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`${err('red', 'error')}: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`${err('red', 'internal error')}: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.GITGRANT_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    return 2;
  }
}
