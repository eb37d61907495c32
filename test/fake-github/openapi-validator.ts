/**
 * Validates fake responses against GitHub's published OpenAPI description (`@octokit/openapi`,
 * api.github.com). Loads the description once, converts OpenAPI 3.0 `nullable` to JSON Schema,
 * resolves `$ref`s through one ajv document and compiles only the response schemas asked for.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

type Schema = Record<string, unknown>;

interface Operation {
  operationId: string;
  responses: Record<string, Schema>;
}

interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, Record<string, Schema>>;
}

let cached: { spec: Spec; ajv: Ajv } | undefined;

function specPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@octokit/openapi/package.json')), 'generated', 'api.github.com.json');
}

/** OpenAPI 3.0 → JSON Schema: `nullable: true` becomes a `null` alternative; `$ref`s point into the `gh` document. */
function convert(node: unknown, isMap = false): unknown {
  if (Array.isArray(node)) return node.map((n) => convert(n));
  if (!node || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [k, v] of Object.entries(node as Schema)) {
    if (isMap) out[k] = convert(v);
    else if (k === '$ref' && typeof v === 'string' && v.startsWith('#/')) out[k] = `gh${v}`;
    else if (k === 'example' || k === 'examples' || k === 'description') continue;
    else out[k] = convert(v, k === 'properties' || k === 'patternProperties');
  }
  if (isMap) return out;
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string' && out.$ref === undefined) {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...(out.enum as unknown[]), null];
      return out;
    }
    return { anyOf: [out, { type: 'null' }] };
  }
  delete out.nullable;
  return out;
}

function load(): { spec: Spec; ajv: Ajv } {
  if (cached) return cached;
  const spec = JSON.parse(readFileSync(specPath(), 'utf8')) as Spec;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, discriminator: false });
  const uri = (s: string): boolean => {
    try {
      new URL(s);
      return true;
    } catch {
      return false;
    }
  };
  ajv.addFormat('date-time', (s: string) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s),
  );
  ajv.addFormat('date', (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s));
  ajv.addFormat('uri', uri);
  ajv.addFormat('email', (s: string) => /^[^@\s]+@[^@\s]+$/.test(s));
  for (const f of [
    'uri-template',
    'int32',
    'int64',
    'double',
    'float',
    'timestamp',
    'binary',
    'byte',
    'hostname',
    'ipv4',
    'ipv6',
    'uuid',
    'password',
    'repo.nwo',
    'uri-reference',
  ])
    ajv.addFormat(f, true);
  ajv.addSchema({ $id: 'gh', components: { schemas: convert(spec.components.schemas, true) } } as Schema);
  cached = { spec, ajv };
  return cached;
}

function deref(spec: Spec, node: Schema): Schema {
  let n = node;
  while (typeof n.$ref === 'string') {
    const parts = n.$ref.replace(/^#\//, '').split('/');
    let o: unknown = spec;
    for (const p of parts) o = (o as Schema)[p.replace(/~1/g, '/').replace(/~0/g, '~')];
    n = o as Schema;
  }
  return n;
}

export interface OperationRef {
  template: string;
  method: string;
}

/** Maps a fake route template (`{ref+}`, `{path*}`) to the description's path template. */
export function specTemplate(route: string): string {
  const t = route.replace(/\{(\w+)[+*]\}/g, '{$1}');
  if (t === '/repos/{owner}/{repo}/contents') return '/repos/{owner}/{repo}/contents/{path}';
  return t;
}

export function operationFor(method: string, routeTemplate: string): Operation | undefined {
  const { spec } = load();
  return spec.paths[specTemplate(routeTemplate)]?.[method.toLowerCase()];
}

const compiled = new Map<string, ValidateFunction | null | undefined>();

/** The compiled validator for an operation's response (`null`: documented without a JSON body; undefined: status not documented). */
export function responseValidator(
  method: string,
  routeTemplate: string,
  status: number,
): ValidateFunction | null | undefined {
  const key = `${method} ${routeTemplate} ${status}`;
  if (compiled.has(key)) return compiled.get(key);
  const { spec, ajv } = load();
  const op = operationFor(method, routeTemplate);
  if (!op)
    throw new Error(`no operation ${method} ${specTemplate(routeTemplate)} in the OpenAPI description`);
  const resp = op.responses[String(status)];
  if (!resp) {
    compiled.set(key, undefined);
    return undefined;
  }
  const r = deref(spec, resp);
  const content = r.content as Record<string, { schema?: Schema }> | undefined;
  const schema = content?.['application/json']?.schema ?? content?.['application/scim+json']?.schema;
  const fn = schema ? ajv.compile(convert(schema) as Schema) : null;
  compiled.set(key, fn);
  return fn;
}

/** The basic-error validator, for error statuses an operation does not document (401, 403…). */
export function basicErrorValidator(): ValidateFunction {
  const key = 'basic-error';
  const hit = compiled.get(key);
  if (hit) return hit;
  const { ajv } = load();
  const fn = ajv.compile({ $ref: 'gh#/components/schemas/basic-error' });
  compiled.set(key, fn);
  return fn;
}

export function formatErrors(errors: ErrorObject[] | null | undefined, limit = 15): string {
  return (errors ?? [])
    .slice(0, limit)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
    .join('\n');
}

/** All operation ids in the description for the given templates, for coverage reports. */
export function operationId(method: string, routeTemplate: string): string {
  return operationFor(method, routeTemplate)?.operationId ?? '?';
}
