/**
 * The published JSON Schemas (schemas/*.json), compiled once per process. They are imported as
 * JSON modules so the bundler (ncc) inlines them: no file lookups at run time.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import grantSchema from '../../schemas/grant.schema.json' with { type: 'json' };
import policiesSchema from '../../schemas/policies.schema.json' with { type: 'json' };

export type SchemaKind = 'grant' | 'policies';

/**
 * strict: schema mistakes are build errors; coerceTypes/useDefaults/removeAdditional off: the
 * data is validated as written and never changed; verbose: errors carry their schema, which
 * the messages use (allowed keys, enums).
 */
const ajv = new Ajv({
  allErrors: true,
  strict: true,
  coerceTypes: false,
  useDefaults: false,
  removeAdditional: false,
  verbose: true,
});

export const SCHEMAS: Record<SchemaKind, object> = { grant: grantSchema, policies: policiesSchema };

export const validators: Record<SchemaKind, ValidateFunction> = {
  grant: ajv.compile(grantSchema),
  policies: ajv.compile(policiesSchema),
};
