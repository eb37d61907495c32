/** Run git without a shell; arguments are passed as an array, never interpolated. */
import { execFile } from 'node:child_process';
import { UsageError } from '../core/errors.js';

export function git(
  repoDir: string,
  args: readonly string[],
  maxBuffer = 512 * 1024 * 1024,
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', ['-C', repoDir, ...args], { maxBuffer, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err)
        reject(new UsageError(`git ${args[0]} failed in ${repoDir}: ${(stderr || err.message).trim()}`));
      else resolve(stdout);
    });
  });
}
