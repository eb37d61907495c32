/**
 * The GitHub Action entry point: event → command. Thin: it reads the runner's environment,
 * runs a command and reports; decisions live in src/core. Each command's code is loaded only
 * when that command runs (dynamic imports: separate chunks in dist/action), so a validate run
 * never loads the providers (pg, webhooks) and an unknown event exits at once.
 */
import * as core from '@actions/core';
import { commandForEvent } from './action/event.js';
import { readActionEnv } from './action/env.js';

async function main(): Promise<void> {
  const env = readActionEnv();
  const command = core.getInput('command') || commandForEvent(env.eventName);
  switch (command) {
    case 'validate':
      return (await import('./action/validate.js')).actionValidate(env);
    case 'apply':
      return (await import('./action/apply.js')).actionApply(env);
    case 'reconcile':
      return (await import('./action/reconcile.js')).actionReconcile(env);
    default:
      core.setFailed(
        `gitgrant: no command for event "${env.eventName}"; set the \`command\` input (validate, apply or reconcile)`,
      );
  }
}

main().catch((err: unknown) => {
  core.setOutput('approved', 'false');
  core.setFailed(`gitgrant: ${err instanceof Error ? err.message : String(err)}`);
  if (process.env.GITGRANT_DEBUG && err instanceof Error) core.debug(err.stack ?? '');
});
