/** `gitgrant eligible`: what a person may request, for how long, with whose approval. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { runEligible } from '../commands/eligible.js';
import { defaultLogin } from '../commands/request-identity.js';
import { renderEligibleText } from '../render/eligible-text.js';
import { styler } from '../render/style.js';
import { formatOption, printAs } from './common.js';

export function register(program: Command): void {
  program
    .command('eligible')
    .description(
      'per resource and access level: what a person may request, the maximum duration and the approvals',
    )
    .option('--person <login>', 'whose eligibility (default: git config github.user, else GITHUB_ACTOR)')
    .option('--repo <dir>', 'repository root', '.')
    .option('--policies-ref <ref>', 'read policies/ and CODEOWNERS from this git ref')
    .addOption(formatOption())
    .action(async (opts: { person?: string; repo: string; policiesRef?: string; format: string }) => {
      const repo = resolve(opts.repo);
      const person = opts.person ?? (await defaultLogin(repo));
      if (!person)
        throw new UsageError('whose eligibility? pass --person LOGIN (or set git config github.user)');
      const result = await runEligible(repo, person, opts.policiesRef);
      printAs(opts.format, result, () => renderEligibleText(result, styler(process.stdout)));
    });
}
