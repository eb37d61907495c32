/**
 * The GitHub Action entry point: event → command. Thin: it reads the runner's environment,
 * runs a command and reports; decisions live in src/core.
 */
import * as core from '@actions/core';
import { commandForEvent } from './action/event.js';
import { readActionEnv } from './action/env.js';
import { actionValidate } from './action/validate.js';

async function main(): Promise<void> {
  const env = readActionEnv();
  const command = core.getInput('command') || commandForEvent(env.eventName);
  switch (command) {
    case 'validate':
      return actionValidate(env);
    case 'apply':
    case 'reconcile':
      // Fail closed and say so plainly until these commands ship.
      core.setFailed(`gitgrant: the \`${command}\` command is not implemented in this version of the Action yet`);
      return;
    default:
      core.setFailed(`gitgrant: no command for event "${env.eventName}"; set the \`command\` input (validate, apply or reconcile)`);
  }
}

main().catch((err: unknown) => {
  core.setOutput('approved', 'false');
  core.setFailed(`gitgrant: ${err instanceof Error ? err.message : String(err)}`);
  if (process.env.GITGRANT_DEBUG && err instanceof Error) core.debug(err.stack ?? '');
});
