/** `gitgrant request`: flags or prompts → a valid grant file (and, with --open-pr, its pull request). */
import { createInterface } from 'node:readline/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { openPrForRequest } from '../commands/request-github.js';
import { runRequest, type Prompter } from '../commands/request.js';
import type { OpenPrResult } from '../github/open-pr.js';
import { renderRequestText } from '../render/request-text.js';
import { styler } from '../render/style.js';
import { formatOption, parseNow, print } from './common.js';

const collect = (value: string, previous: string[]) => [...previous, value];

/** Prompts on the terminal (stderr, so stdout stays the result); null without one. */
function terminalPrompter(): (Prompter & { close(): void }) | null {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return null;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const closing = new AbortController();
  rl.on('close', () => closing.abort());
  // Ctrl-C: without a listener readline only pauses (and the question would wait forever).
  rl.on('SIGINT', () => rl.close());
  return {
    async ask(question) {
      if (closing.signal.aborted) throw new UsageError('cancelled: nothing was written');
      try {
        return await rl.question(question, { signal: closing.signal });
      } catch {
        throw new UsageError('cancelled: nothing was written');
      }
    },
    say(text) {
      process.stderr.write(`${text}\n`);
    },
    close: () => rl.close(),
  };
}

interface RequestFlags {
  resource: string[];
  match: string[];
  access?: string;
  duration?: string;
  reason?: string;
  ticket?: string;
  as?: string;
  repo: string;
  id?: string;
  dir?: string;
  openPr?: boolean;
  github?: string;
  yes?: boolean;
  now?: string;
  format: string;
}

export function register(program: Command): void {
  program
    .command('request')
    .description(
      'write a valid grant file from flags or, on a terminal, from prompts; --open-pr opens its pull request',
    )
    .option('--resource <id>', 'a resource id (repeatable)', collect, [])
    .option(
      '--match <key=value>',
      'a tag condition; all --match flags form one selector (repeatable)',
      collect,
      [],
    )
    .option('--access <level>', 'access level, offered by every policy that matches')
    .option('--duration <duration>', 'how long: 90m, 4h, 1d, PT4H (at most the policies’ maximum)')
    .option('--reason <text>', 'why you need this access')
    .option('--ticket <ticket>', 'ticket reference, when a policy requires one')
    .option('--as <login>', 'the requester (default: git config github.user, else GITHUB_ACTOR)')
    .option('--repo <dir>', 'repository root', '.')
    .option(
      '--id <id>',
      'grant id = file name (default: REQUESTER-RESOURCES-ACCESS-YYYYMMDD, unique under grants/)',
    )
    .option('--dir <folder>', 'folder under grants/ (default: grants/<env of the first resource>/)')
    .option('--open-pr', 'push a branch gitgrant/request-<id> and open the pull request through the API')
    .option('--github <owner/name>', 'the repository on GitHub for --open-pr (default: the origin remote)')
    .option('--yes', 'do not ask for confirmation before writing')
    .option('--now <iso>', 'the clock (for the default id), as an ISO-8601 instant')
    .addOption(formatOption())
    .action(async (flags: RequestFlags) => {
      const nowMs = parseNow(flags.now);
      const repo = resolve(flags.repo);
      const prompter = terminalPrompter();
      let outcome;
      try {
        outcome = await runRequest(
          {
            repo,
            resource: flags.resource,
            match: flags.match,
            access: flags.access,
            duration: flags.duration,
            reason: flags.reason,
            ticket: flags.ticket,
            as: flags.as,
            id: flags.id,
            dir: flags.dir,
            yes: flags.yes,
            nowMs,
          },
          prompter,
        );
      } finally {
        prompter?.close();
      }
      let pr: OpenPrResult | undefined;
      let prError: string | undefined;
      let prExit = 1;
      if (flags.openPr && outcome.status !== 'not-written') {
        try {
          pr = await openPrForRequest(outcome, { repoDir: repo, github: flags.github });
        } catch (e) {
          // The file is written either way: show it, then the error (2 for usage, 1 for a failure).
          if (e instanceof UsageError) prExit = 2;
          prError = e instanceof Error ? e.message : String(e);
        }
      }
      const s = styler(process.stdout);
      if (flags.format === 'json') {
        print(
          JSON.stringify(
            {
              ok: outcome.ok && !prError,
              file: outcome.file,
              id: outcome.id,
              status: outcome.status,
              content: outcome.content,
              errors: outcome.errors,
              explain: outcome.explain ?? null,
              pull_request: pr ?? null,
              ...(prError ? { pull_request_error: prError } : {}),
            },
            null,
            2,
          ) + '\n',
        );
      } else {
        print(renderRequestText(outcome, s, pr));
        if (prError) {
          const e = styler(process.stderr);
          process.stderr.write(
            `${e('red', 'error')}: ${prError}\n  ${outcome.file} is written; rerun the same command to retry (it finds what was already done)\n`,
          );
        }
      }
      process.exitCode = prError ? prExit : outcome.ok ? 0 : 1;
    });
}
