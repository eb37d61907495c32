import { landingTimes } from '../../src/git/landing.js';
import { TempRepo } from '../helpers/git-repo.js';

describe('landing times from first-parent history', () => {
  let repo: TempRepo;
  beforeEach(() => (repo = new TempRepo()));
  afterEach(() => repo.cleanup());

  test('a file merged through a PR lands at the merge commit, not at its own commit', async () => {
    repo.write('README.md', 'x').commit('init', '2026-11-01T00:00:00Z');
    repo.git('checkout', '-q', '-b', 'request');
    repo.write('grants/a.yaml', 'a').commit('request a', '2026-11-02T00:00:00Z');
    repo.git('checkout', '-q', 'main');
    repo.write('other.txt', 'y').commit('unrelated', '2026-11-02T12:00:00Z');
    const merge = repo.merge('request', '2026-11-03T09:30:00Z');
    const landed = await landingTimes(repo.dir);
    expect(landed.get('grants/a.yaml')).toEqual({ commit: merge, time: Date.parse('2026-11-03T09:30:00Z') });
  });

  test('a deleted file has no landing; re-adding it lands again at the re-add', async () => {
    repo.write('grants/a.yaml', 'a').commit('add', '2026-11-01T00:00:00Z');
    repo.remove('grants/a.yaml').commit('revoke', '2026-11-02T00:00:00Z');
    expect((await landingTimes(repo.dir)).has('grants/a.yaml')).toBe(false);
    const readd = repo.write('grants/a.yaml', 'a').commit('revert', '2026-11-05T00:00:00Z');
    expect((await landingTimes(repo.dir)).get('grants/a.yaml')).toEqual({
      commit: readd,
      time: Date.parse('2026-11-05T00:00:00Z'),
    });
  });

  test('file names with spaces and unicode survive (-z parsing)', async () => {
    repo.write('grants/sub dir/ünï.yaml', 'a').commit('add', '2026-11-01T00:00:00Z');
    expect([...(await landingTimes(repo.dir)).keys()]).toEqual(['grants/sub dir/ünï.yaml']);
  });

  test('an empty repository has no landings', async () => {
    expect((await landingTimes(repo.dir)).size).toBe(0);
  });
});
