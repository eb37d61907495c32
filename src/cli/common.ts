/** Helpers shared by the CLI's commands: the clock option, the format option, printing. */
import { Option } from 'commander';
import { UsageError } from '../core/errors.js';

export function parseNow(text: string | undefined): number {
  if (text === undefined) return Date.now();
  // ISO-8601 with a date and time and an explicit zone: anything else is ambiguous.
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) ||
    Number.isNaN(Date.parse(text))
  ) {
    throw new UsageError(
      `--now must be an ISO-8601 instant with a time zone, e.g. 2026-11-29T10:00:00Z (got "${text}")`,
    );
  }
  return Date.parse(text);
}

export const formatOption = () =>
  new Option('--format <format>', 'output format').choices(['text', 'json']).default('text');

export function print(text: string): void {
  process.stdout.write(text);
}

/** `--format json`: the value as indented JSON; otherwise the text (rendered only then). */
export function printAs(format: string, json: unknown, text: () => string): void {
  print(format === 'json' ? JSON.stringify(json, null, 2) + '\n' : text());
}

/**
 * The end of a command that acts through the API (apply, reconcile): its result as JSON or its
 * report as Markdown, and exit status 1 when the result is not ok.
 */
export async function printOutcome(
  format: string,
  outcome: Promise<{ result: { ok: boolean }; markdown: string }>,
): Promise<void> {
  const { result, markdown } = await outcome;
  printAs(format, result, () => markdown);
  process.exitCode = result.ok ? 0 : 1;
}
