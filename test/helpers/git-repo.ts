/** Temporary git repositories with controlled commit times, for adapter and CLI tests. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export class TempRepo {
  readonly dir: string;
  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'gitgrant-repo-'));
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.name', 'Test');
    this.git('config', 'user.email', 'test@example.com');
    this.git('config', 'commit.gpgsign', 'false');
  }

  git(...args: string[]): string {
    return execFileSync('git', ['-C', this.dir, ...args], { encoding: 'utf8' });
  }

  write(path: string, content: string | Buffer): this {
    const abs = join(this.dir, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
    return this;
  }

  symlink(path: string, target: string): this {
    const abs = join(this.dir, path);
    mkdirSync(dirname(abs), { recursive: true });
    symlinkSync(target, abs);
    return this;
  }

  remove(path: string): this {
    rmSync(join(this.dir, path), { force: true });
    return this;
  }

  /** Commit everything with the given committer time (ISO). Returns the commit sha. */
  commit(message: string, isoTime: string): string {
    this.git('add', '-A');
    execFileSync('git', ['-C', this.dir, 'commit', '-q', '--allow-empty', '-m', message], {
      env: { ...process.env, GIT_COMMITTER_DATE: isoTime, GIT_AUTHOR_DATE: isoTime },
    });
    return this.git('rev-parse', 'HEAD').trim();
  }

  /** Merge `branch` into the current branch with a merge commit at the given time. */
  merge(branch: string, isoTime: string): string {
    execFileSync('git', ['-C', this.dir, 'merge', '-q', '--no-ff', '-m', `Merge ${branch}`, branch], {
      env: { ...process.env, GIT_COMMITTER_DATE: isoTime, GIT_AUTHOR_DATE: isoTime },
    });
    return this.git('rev-parse', 'HEAD').trim();
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
