/** reconcile's configuration when policies/ on the default branch is invalid (src/commands/last-valid-config.ts). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../src/core/errors.js';
import { configForRevocation, describeConfigError } from '../../src/commands/last-valid-config.js';
import { REPO_ROOT } from '../helpers/action.js';
import { TempRepo } from '../helpers/git-repo.js';

const BROKEN = 'policies:\n  - name: [unterminated\n';

describe('configuration for revocation', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = new TempRepo();
    for (const f of readdirSync(join(REPO_ROOT, 'policies')))
      repo.write(`policies/${f}`, readFileSync(join(REPO_ROOT, 'policies', f)));
  });
  afterEach(() => repo.cleanup());

  test('valid at HEAD: that configuration, no fallback', async () => {
    repo.commit('policies', '2026-11-01T00:00:00Z');
    const r = await configForRevocation(repo.dir);
    expect(r.invalid).toBeUndefined();
    expect(r.config.prepared.snapshot.resources.length).toBeGreaterThan(0);
  });

  test('broken twice in a row: the version before both, with the error and its position', async () => {
    const good = repo.commit('policies', '2026-11-01T00:00:00Z');
    repo.write('README.md', 'x').commit('unrelated', '2026-11-02T00:00:00Z');
    const beforeSecond = repo.write('policies/access.yaml', BROKEN).commit('break', '2026-11-03T00:00:00Z');
    repo.write('policies/access.yaml', `${BROKEN}# still\n`).commit('break again', '2026-11-04T00:00:00Z');
    const r = await configForRevocation(repo.dir);
    expect(r.invalid?.from).toBe(repo.git('rev-parse', `${beforeSecond}^1`).trim());
    expect(r.invalid?.from).not.toBe(good); // the unrelated commit after it: same policies
    expect(describeConfigError(r.invalid!.error)).toMatch(
      /^policies\/ at HEAD is invalid.* — policies\/access\.yaml:\d+:\d+ /,
    );
  });

  test('never valid: the error itself', async () => {
    repo.write('policies/access.yaml', BROKEN).commit('broken from the start', '2026-11-01T00:00:00Z');
    await expect(configForRevocation(repo.dir)).rejects.toBeInstanceOf(ConfigError);
  });
});
