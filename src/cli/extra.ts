/**
 * Commands registered from their own files (one file per command under src/cli/): each exports a
 * `register(program)` function, listed here.
 */
import type { Command } from 'commander';
import { register as registerDoctor } from './doctor.js';
import { register as registerReport } from './report.js';
import { register as registerRequest } from './request.js';
import { register as registerEligible } from './eligible.js';
import { register as registerWhoCan } from './who-can.js';

export function registerExtraCommands(program: Command): void {
  registerReport(program);
  registerRequest(program);
  registerEligible(program);
  registerWhoCan(program);
  registerDoctor(program);
}
