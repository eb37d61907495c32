/**
 * Commands registered from their own files (one file per command under src/cli/): each exports a
 * `register(program)` function, listed here.
 */
import type { Command } from 'commander';

export function registerExtraCommands(program: Command): void {
  void program;
}
