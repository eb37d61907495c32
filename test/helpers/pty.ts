/**
 * Run a command inside a pseudo-terminal (so `process.stdin.isTTY` is true in it) and drive it
 * like a person: wait for a prompt to appear, type an answer. Uses Python's `pty` module (python3
 * is on every CI image we use): a tiny relay forks the command on a new pty, copies the pty's
 * output to its stdout and its stdin to the pty, and exits with the command's exit status.
 *
 *   const t = spawnPty(process.execPath, [bin, 'request'], { cwd });
 *   await t.expect('Resources');
 *   t.type('1\r');
 *   const { status, output } = await t.done;
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './cli.js';

const RELAY = String.raw`
import os, sys, pty, select, fcntl, termios, struct
argv = sys.argv[1:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(argv[0], argv)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 40, 200, 0, 0))
stdin_open = True
while True:
    fds = [fd] + ([0] if stdin_open else [])
    r, _, _ = select.select(fds, [], [], 0.05)
    if fd in r:
        try:
            data = os.read(fd, 65536)
        except OSError:
            data = b''
        if not data:
            break
        os.write(1, data)
    if 0 in r:
        data = os.read(0, 65536)
        if not data:
            stdin_open = False
        else:
            os.write(fd, data)
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
`;

export interface PtySession {
  /** Everything the command wrote to the terminal so far (ANSI escapes stripped). */
  output(): string;
  /** Resolves when `text` (or a match of the RegExp) appears after the last expect; rejects after timeoutMs. */
  expect(text: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Type on the terminal (use `\r` for Enter). */
  type(text: string): void;
  done: Promise<{ status: number; output: string }>;
  kill(): void;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b[()][A-Za-z0-9]|\r/g;

export function spawnPty(
  command: string,
  args: string[],
  opts: { cwd?: string; env?: Record<string, string | undefined> } = {},
): PtySession {
  const child = spawn('python3', ['-c', RELAY, command, ...args], {
    cwd: opts.cwd,
    env: { ...process.env, NO_COLOR: '1', TERM: 'xterm', ...opts.env } as NodeJS.ProcessEnv,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let raw = '';
  let seen = 0;
  const waiters: (() => void)[] = [];
  const clean = () => raw.replace(ANSI, '');
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => {
    raw += d;
    for (const w of [...waiters]) w();
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    raw += d;
  });
  let exited = false;
  const done = new Promise<{ status: number; output: string }>((resolve) =>
    child.on('close', (code) => {
      exited = true;
      for (const w of [...waiters]) w();
      resolve({ status: code ?? -1, output: clean() });
    }),
  );
  return {
    output: clean,
    expect(text, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const out = clean();
          const rest = out.slice(seen);
          const m = typeof text === 'string' ? null : text.exec(rest);
          const at = typeof text === 'string' ? rest.indexOf(text) : (m?.index ?? -1);
          const len = typeof text === 'string' ? text.length : (m?.[0].length ?? 0);
          if (at >= 0) {
            seen += at + len;
            finish();
            resolve();
          } else if (exited) {
            finish();
            reject(new Error(`the command exited before ${String(text)} appeared; output:\n${out}`));
          }
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`timed out waiting for ${String(text)}; output so far:\n${clean()}`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          const i = waiters.indexOf(check);
          if (i >= 0) waiters.splice(i, 1);
        };
        waiters.push(check);
        check();
      });
    },
    type(text) {
      child.stdin.write(text);
    },
    done,
    kill() {
      child.kill('SIGKILL');
    },
  };
}

let bin: string | undefined;
/**
 * A private copy of bin/gitgrant.js and dist/cli (as test/helpers/cli.ts makes), for tests that
 * run the CLI asynchronously (in a pty, or next to an in-process fake GitHub).
 */
export function cliBin(): string {
  if (bin) return bin;
  const src = join(ROOT, 'dist', 'cli', 'index.js');
  if (!existsSync(src)) throw new Error('dist/cli/index.js is missing: run `npm run build`');
  const dir = mkdtempSync(join(tmpdir(), 'gitgrant-cli-bundle-'));
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'dist', 'cli'), { recursive: true });
  copyFileSync(join(ROOT, 'bin', 'gitgrant.js'), join(dir, 'bin', 'gitgrant.js'));
  copyFileSync(src, join(dir, 'dist', 'cli', 'index.js'));
  copyFileSync(join(ROOT, 'dist', 'cli', 'package.json'), join(dir, 'dist', 'cli', 'package.json'));
  return (bin = join(dir, 'bin', 'gitgrant.js'));
}

/** Run the CLI as a child process without blocking the event loop (an in-process fake can answer). */
export function gitgrantAsync(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBin(), ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', ...opts.env } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code ?? -1, stdout, stderr }));
  });
}
