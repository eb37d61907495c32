/** Read and check a `--pr FACTS.json` file (schemas/pr-facts.schema.json). */
import { readFile } from 'node:fs/promises';
import { UsageError } from '../core/errors.js';
import type { PrFacts } from '../core/pr-facts.js';
import { validators } from './schemas.js';

const validate = validators.prFacts;

export function parsePrFacts(text: string, file: string): PrFacts {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file}: not valid JSON: ${(e as Error).message}`);
  }
  if (!validate(value)) {
    const first = validate.errors?.[0];
    throw new UsageError(
      `${file}: not pull-request facts: ${first?.instancePath || '/'} ${first?.message ?? ''}`.trim(),
    );
  }
  const facts = value as unknown as PrFacts;
  return { ...facts, teams: facts.teams ?? {} };
}

export async function readPrFacts(file: string): Promise<PrFacts> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parsePrFacts(text, file);
}
