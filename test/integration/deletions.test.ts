/**
 * Which deleted grant files reconcile still revokes (src/commands/deletions.ts): the watermark,
 * the 30-day look-back without one, pending failures, and reconcile's own records skipped.
 */
import { deletionKey, deletionsToConfirm } from '../../src/commands/deletions.js';
import { recordedFiles, revocationMessage } from '../../src/github/revocation-record.js';
import { TempRepo } from '../helpers/git-repo.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-29T12:00:00Z');
const at = (daysAgo: number) => new Date(NOW - daysAgo * DAY).toISOString();
const files = (r: Awaited<ReturnType<typeof deletionsToConfirm>>) => r.deletions.map((d) => d.file).sort();

describe('deleted grant files reconcile must confirm revoked', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = new TempRepo();
    repo.write('README.md', 'x').commit('init', at(60));
  });
  afterEach(() => repo.cleanup());

  test('without a watermark: deletions of the last 30 days, grant YAML only', async () => {
    repo.write('grants/old.yaml', 'a').write('grants/new.yaml', 'b').write('grants/README.md', 'r');
    repo.commit('add', at(50));
    repo.remove('grants/old.yaml').commit('delete old', at(40));
    const del = repo.remove('grants/new.yaml').remove('grants/README.md').commit('delete new', at(2));
    const r = await deletionsToConfirm(repo.dir, undefined, NOW);
    expect(r.deletions).toEqual([
      { file: 'grants/new.yaml', commit: del, key: deletionKey('grants/new.yaml', del), failedRuns: 0 },
    ]);
    expect(r.head).toBe(del);
  });

  test('with a watermark: only deletions after it, whatever their age; pending ones are kept', async () => {
    repo.write('grants/a.yaml', 'a').write('grants/b.yaml', 'b').write('grants/c.yaml', 'c');
    repo.commit('add', at(59));
    const delA = repo.remove('grants/a.yaml').commit('delete a', at(58));
    const mark = repo.write('x.txt', '1').commit('unrelated', at(57));
    const delB = repo.remove('grants/b.yaml').commit('delete b', at(56));
    const r = await deletionsToConfirm(
      repo.dir,
      { through: mark, pending: { [deletionKey('grants/a.yaml', delA)]: 2 } },
      NOW,
    );
    expect(r.deletions.map((d) => [d.file, d.commit, d.failedRuns])).toEqual([
      ['grants/a.yaml', delA, 2],
      ['grants/b.yaml', delB, 0],
    ]);
    // Nothing new after the head: nothing but the pending one.
    const again = await deletionsToConfirm(repo.dir, { through: r.head, pending: {} }, NOW);
    expect(again.deletions).toEqual([]);
  });

  test('a watermark or pending commit not in the history (rewritten): look back 30 days, drop what is gone', async () => {
    repo.write('grants/a.yaml', 'a').commit('add', at(10));
    repo.remove('grants/a.yaml').commit('delete a', at(5));
    const gone = 'f'.repeat(40);
    const r = await deletionsToConfirm(
      repo.dir,
      { through: gone, pending: { [deletionKey('grants/z.yaml', gone)]: 1 } },
      NOW,
    );
    expect(files(r)).toEqual(['grants/a.yaml']);
    expect(r.log.join('\n')).toMatch(/not in the history[\s\S]*no longer in the history/);
  });

  test("reconcile's own revocation record is skipped; a deletion with any other message is not", async () => {
    repo.write('grants/expired.yaml', 'a').write('grants/early.yaml', 'b').commit('add', at(3));
    repo.remove('grants/expired.yaml');
    repo.commit(
      revocationMessage([
        { file: 'grants/expired.yaml', grant: 'expired', person: 'alice', access: 'read', resources: ['db'] },
      ]),
      at(2),
    );
    // A message that merely mentions the record's wording does not name this file.
    repo.remove('grants/early.yaml');
    repo.commit(
      revocationMessage([
        { file: 'grants/other.yaml', grant: 'other', person: 'bob', access: 'read', resources: ['db'] },
      ]),
      at(1),
    );
    expect(files(await deletionsToConfirm(repo.dir, undefined, NOW))).toEqual(['grants/early.yaml']);
  });

  test('recordedFiles reads back exactly the files revocationMessage wrote, approvers and reasons included', () => {
    const message = revocationMessage([
      {
        file: 'grants/a.yaml',
        grant: 'a',
        person: 'alice',
        access: 'read',
        resources: ['db'],
        approvers: ['bob'],
      },
      {
        file: 'grants/x/b.yaml',
        grant: 'b',
        person: 'carol',
        access: 'write',
        resources: [],
        why: 'revoked early: no break-glass retro-review (an approval of pull request #3 by group:security)',
      },
    ]);
    expect([...recordedFiles(message)].sort()).toEqual(['grants/a.yaml', 'grants/x/b.yaml']);
    expect(recordedFiles('Revoke early\n\n- a: alice read on db (grants/a.yaml)\n').size).toBe(0);
  });

  test('a revocation pull request merged with a merge commit is recognised by its branch commit', async () => {
    repo.write('grants/expired.yaml', 'a').commit('add', at(3));
    repo.git('checkout', '-q', '-b', 'gitgrant/revocations');
    repo.remove('grants/expired.yaml');
    repo.commit(
      revocationMessage([
        { file: 'grants/expired.yaml', grant: 'expired', person: 'alice', access: 'read', resources: ['db'] },
      ]),
      at(2),
    );
    repo.git('checkout', '-q', 'main');
    repo.merge('gitgrant/revocations', at(1));
    expect(files(await deletionsToConfirm(repo.dir, undefined, NOW))).toEqual([]);
  });
});
