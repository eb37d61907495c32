/**
 * The GitHub Action entry point: event → command. Thin: it reads the runner's environment,
 * runs a command and reports; decisions live in src/core.
 */
import * as core from '@actions/core';
import { commandForEvent } from './action/event.js';
import { readActionEnv } from './action/env.js';
import { actionValidate } from './action/validate.js';
import { actionApply } from './action/apply.js';
import { actionReconcile } from './action/reconcile.js';

async function main(): Promise<void> {
  const env = readActionEnv();
  const command = core.getInput('command') || commandForEvent(env.eventName);
  switch (command) {
    case 'validate':
      return actionValidate(env);
    case 'apply':
      return actionApply(env);
    case 'reconcile':
      return actionReconcile(env);
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
