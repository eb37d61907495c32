/** `gitgrant who-can RESOURCE`: who may request it, per access level, and who may approve. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { runWhoCan } from '../commands/who-can.js';
import { renderWhoCanText } from '../render/who-can-text.js';
import { styler } from '../render/style.js';
import { formatOption, printAs } from './common.js';

export function register(program: Command): void {
  program
    .command('who-can')
    .description('who may request a resource (per access level) and who may approve each slot')
    .argument('<resource>', 'a resource id')
    .option('--repo <dir>', 'repository root', '.')
    .option('--policies-ref <ref>', 'read policies/ and CODEOWNERS from this git ref')
    .addOption(formatOption())
    .action(async (resource: string, opts: { repo: string; policiesRef?: string; format: string }) => {
      const result = await runWhoCan(resolve(opts.repo), resource, opts.policiesRef);
      printAs(opts.format, result, () => renderWhoCanText(result, styler(process.stdout)));
    });
}
