/**
 * `gitgrant request` on a terminal: the prompts, driven through a pseudo-terminal
 * (test/helpers/pty.ts) as a person would answer them, including answers that are re-asked.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';
import { TempRepo } from '../helpers/git-repo.js';
import { cliBin, spawnPty } from '../helpers/pty.js';

const NOW = '2026-11-29T10:00:00Z';
const ENV = { GITHUB_ACTOR: '', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

let repo: TempRepo;
beforeAll(() => cliBin());
beforeEach(() => {
  repo = new TempRepo();
  for (const dir of ['policies', 'grants', '.github', 'schemas'])
    cpSync(join(ROOT, dir), join(repo.dir, dir), { recursive: true });
});
afterEach(() => repo.cleanup());

test('alice picks billing-db-prod, read, a duration within the max, a reason and a matching ticket', async () => {
  repo.git('config', 'github.user', 'alice');
  const t = spawnPty(process.execPath, [cliBin(), 'request', '--repo', repo.dir, '--now', NOW], { env: ENV });
  try {
    await t.expect('Resources alice may request:');
    // Only what alice may ask for is offered: not the SRE-only secrets.
    await t.expect('Resources (numbers or ids, comma-separated):');
    expect(t.output()).toContain('billing-db-prod  (read ≤ 8h, write ≤ 2h)');
    expect(t.output()).not.toContain('vault-prod');
    t.type('99\r');
    await t.expect('choose from 1-');
    await t.expect('Resources (numbers or ids, comma-separated):');
    t.type('billing-db-prod\r');
    await t.expect('Access levels:');
    await t.expect('Access level: ');
    expect(t.output()).toContain('read  (max 8h; 1 × group:sre)');
    t.type('read\r');
    await t.expect('Duration (at most 8h) [8h]: ');
    t.type('12h\r');
    await t.expect('12h is longer than the maximum of 8h (set by policy production-data)');
    await t.expect('Duration (at most 8h) [8h]: ');
    t.type('4h\r');
    await t.expect('Reason (why you need this access): ');
    t.type('INC-77: investigate the failed November exports\r');
    await t.expect('Ticket (must match ^INC-[0-9]+$): ');
    t.type('INC77\r');
    await t.expect('"INC77" does not match ^INC-[0-9]+$ (policy production-data)');
    await t.expect('Ticket (must match ^INC-[0-9]+$): ');
    t.type('INC-77\r');
    await t.expect('Write grants/production/alice-billing-db-prod-read-20261129.yaml? [Y/n] ');
    t.type('y\r');
    const { status, output } = await t.done;
    expect(output).toContain('✓ wrote grants/production/alice-billing-db-prod-read-20261129.yaml');
    expect(output).toContain('can approve: bob, carol');
    expect(status).toBe(0);
  } finally {
    t.kill();
  }
  expect(
    readFileSync(join(repo.dir, 'grants/production/alice-billing-db-prod-read-20261129.yaml'), 'utf8'),
  ).toBe(
    [
      '# yaml-language-server: $schema=../../schemas/grant.schema.json',
      'requester: alice',
      'reason: "INC-77: investigate the failed November exports"',
      'access: read',
      'duration: 4h',
      'resources:',
      '  - billing-db-prod',
      'ticket: INC-77',
      '',
    ].join('\n'),
  );
});

test('flags and prompts mix; Enter takes the default (the maximum); no ticket asked when none is required', async () => {
  const t = spawnPty(
    process.execPath,
    [cliBin(), 'request', '--repo', repo.dir, '--now', NOW, '--as', 'ivan', '--access', 'read', '--yes'],
    { env: ENV },
  );
  try {
    await t.expect('Resources (numbers or ids, comma-separated): ');
    t.type('ds-notebooks\r');
    await t.expect('Duration (at most 1d) [1d]: ');
    t.type('\r');
    await t.expect('Reason (why you need this access): ');
    t.type('   \r');
    await t.expect('a reason is required');
    await t.expect('Reason (why you need this access): ');
    t.type('Reproduce the churn-model drift\r');
    const { status, output } = await t.done;
    expect(output).not.toContain('Ticket');
    expect(output).toContain('none: auto-approved once valid');
    expect(status).toBe(0);
  } finally {
    t.kill();
  }
  expect(
    readFileSync(join(repo.dir, 'grants/staging/ivan-ds-notebooks-read-20261129.yaml'), 'utf8'),
  ).toContain('duration: 1d\nresources:\n  - ds-notebooks\n');
});

test('answering n writes nothing (exit 1)', async () => {
  const t = spawnPty(
    process.execPath,
    [
      cliBin(),
      'request',
      '--repo',
      repo.dir,
      '--now',
      NOW,
      '--as',
      'ivan',
      '--resource',
      'ds-notebooks',
      '--access',
      'read',
      '--duration',
      '2h',
      '--reason',
      'Look at a notebook',
    ],
    { env: ENV },
  );
  try {
    await t.expect('? [Y/n] ');
    t.type('n\r');
    const { status, output } = await t.done;
    expect(output).toContain('nothing written');
    expect(status).toBe(1);
  } finally {
    t.kill();
  }
});

test('Ctrl-C at a prompt cancels: nothing written (exit 2)', async () => {
  const t = spawnPty(
    process.execPath,
    [cliBin(), 'request', '--repo', repo.dir, '--now', NOW, '--as', 'ivan'],
    {
      env: ENV,
    },
  );
  try {
    await t.expect('Resources (numbers or ids, comma-separated): ');
    t.type('\u0003');
    const { status, output } = await t.done;
    expect(output).toContain('cancelled: nothing was written');
    expect(status).toBe(2);
  } finally {
    t.kill();
  }
});
