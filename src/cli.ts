/** The `gitgrant` CLI entry point (bundled to dist/cli by ncc). */
import { main } from './cli-program.js';

process.exitCode = await main(process.argv.slice(2));
