// An OpenAPI 3.0 document as validators, for the fakes of the contract tests that are
// built from an official specification (e.g. src/testing/fake-notificaties.ts): the
// operations by path template, and an ajv validator per component schema, once for
// requests (readOnly properties are not required) and once for answers. OpenAPI's
// `nullable` becomes a JSON Schema `null` alternative.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

// ajv-formats is CommonJS: its function is the module's default under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule.default }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

export type Json = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: 'query' | 'header' | 'path';
  required?: boolean;
  schema?: Json;
}

export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Json }> };
  responses: Record<string, { content?: Record<string, { schema: Json }>; $ref?: string }>;
  security?: Record<string, string[]>[];
}

export interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  /** the validator of a schema (`#/components/schemas/…`) for a request body */
  request(ref: string): ValidateFunction;
  /** the same schema for an answer */
  response(ref: string): ValidateFunction;
  /** the validator of an inline schema (no `$ref`) of an answer */
  inline(schema: Json): ValidateFunction;
  /** the operation's path template and parameters of a path (below the server's base path) */
  match(path: string): { template: string; params: Record<string, string> } | null;
  /** a response object, following a `$ref` to `#/components/responses/…` */
  responseOf(op: Operation, status: number): { content?: Record<string, { schema: Json }> } | undefined;
}

/** OpenAPI 3.0 `nullable` as JSON Schema; for requests, readOnly properties are not required. */
function transform(node: unknown, forRequest: boolean): unknown {
  if (Array.isArray(node)) return node.map((n) => transform(n, forRequest));
  if (!node || typeof node !== 'object') return node;
  const original = node as Json;
  const out: Json = {};
  for (const [k, v] of Object.entries(original)) out[k] = transform(v, forRequest);
  if (forRequest && Array.isArray(original.required) && original.properties && typeof original.properties === 'object') {
    const props = original.properties as Record<string, Json>;
    out.required = (original.required as string[]).filter((name) => !props[name]?.readOnly);
  }
  if (out.nullable === true) {
    delete out.nullable;
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

const loaded = new Map<string, OpenApi>();

/** The document at `file` (YAML or JSON), loaded and compiled once per process. */
export function loadOpenApi(file: string): OpenApi {
  const known = loaded.get(file);
  if (known) return known;
  const doc = parse(readFileSync(file, 'utf8')) as { paths: OpenApi['paths']; components: Json };
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ components: transform(doc.components, true) }, 'request.json');
  ajv.addSchema({ components: transform(doc.components, false) }, 'response.json');
  const cache = new Map<string, ValidateFunction>();
  const get = (id: string, ref: string) => {
    const key = `${id}${ref}`;
    let v = cache.get(key);
    if (!v) {
      v = ajv.compile({ $ref: `${id}${ref}` });
      cache.set(key, v);
    }
    return v;
  };
  const templates = Object.keys(doc.paths).map((template) => {
    const names: string[] = [];
    const re = new RegExp(
      `^${template.replace(/\{([^}]+)\}/g, (_, n: string) => {
        names.push(n);
        return '([^/]+)';
      })}$`,
    );
    return { template, names, re };
  });
  const inline = new Map<Json, ValidateFunction>();
  const responses = (doc.components.responses ?? {}) as Record<string, { content?: Record<string, { schema: Json }> }>;
  const api: OpenApi = {
    paths: doc.paths,
    request: (ref) => get('request.json', ref),
    response: (ref) => get('response.json', ref),
    inline: (schema) => {
      let v = inline.get(schema);
      if (!v) {
        // inline schemas refer to the components as `#/components/...`: resolve them in the response document
        v = ajv.compile(JSON.parse(JSON.stringify(transform(schema, false)).replaceAll('"#/components/', '"response.json#/components/')));
        inline.set(schema, v);
      }
      return v;
    },
    match(path) {
      for (const t of templates) {
        const m = t.re.exec(path);
        if (m) return { template: t.template, params: Object.fromEntries(t.names.map((n, i) => [n, m[i + 1] as string])) };
      }
      return null;
    },
    responseOf(op, status) {
      const r = op.responses[String(status)];
      if (r?.$ref) return responses[r.$ref.replace('#/components/responses/', '')];
      return r;
    },
  };
  loaded.set(file, api);
  return api;
}

/** The `$ref` of a schema, if it is one. */
export const schemaRef = (schema: Json | undefined) => (typeof schema?.$ref === 'string' ? schema.$ref : null);
