/**
 * The published JSON Schemas (schemas/*.json) as validators. They are compiled by Ajv at build
 * time (scripts/gen-validators.mjs → validators.generated.js, standalone code), not at every
 * start: compiling cost ~180 ms of each process start. Options: strict (schema mistakes are
 * build errors); coerceTypes/useDefaults/removeAdditional off (the data is validated as written
 * and never changed); verbose (errors carry their schema, which the messages use: allowed keys,
 * enums). `npm run build` regenerates the file and `npm run check-dist` fails when it is stale.
 */
import type { ValidateFunction } from 'ajv';
import { grant, policies, prFacts } from './validators.generated.js';

export type SchemaKind = 'grant' | 'policies';

export const validators: Record<SchemaKind | 'prFacts', ValidateFunction> = { grant, policies, prFacts };
