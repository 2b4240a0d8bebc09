// Every string a request can carry has a length limit in the API contract: each string
// property of a request body and each string parameter (path, query, header) has a
// maxLength, or is a uuid, a date or one of a list of values, which are bounded by
// their form. A new field without a limit fails here, before a caller can store a
// megabyte in a title. Lists have a maxItems in the same way. The committed document
// is the live one (api-contract.test.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_FILE } from '../scripts/api-contract.js';

type Schema = Record<string, any>;
const doc = JSON.parse(readFileSync(DOCUMENT_FILE, 'utf8')) as Schema;
/** The longest text a request may hold: a description, a reason, a note. */
const LONGEST = 20_000;
const BOUNDED_FORMATS = new Set(['uuid', 'date']);
/** A whole file sent as text (the rules import, the municipality's logo in base64) is longer; the request's body limit (1 MiB) bounds it too. */
const FILES = new Set([
  'POST /rules/import body (application/json).content',
  'PATCH /settings body (application/json).logo|0',
  // an uploaded file (multipart, binary): bounded by the municipality's largest file, at most 100 MB (docs/product.md#attachments)
  'POST /cases/{id}/attachments body (multipart/form-data).file',
  'POST /public/municipalities/{slug}/cases/{id}/attachments body (multipart/form-data).file',
]);

function resolve(s: Schema | undefined): Schema | undefined {
  let out = s;
  for (let depth = 0; out?.$ref && depth < 20; depth++) {
    out = (out.$ref as string)
      .replace(/^#\//, '')
      .split('/')
      .reduce((o: Schema, k) => o?.[k], doc);
  }
  return out;
}

interface RequestString {
  where: string;
  schema: Schema;
}

/** Every string schema under `s`, with where it is; `open` collects schemas that accept anything. */
function stringsIn(s0: Schema | undefined, where: string, out: RequestString[], open: string[], seen = new Set<Schema>()) {
  const s = resolve(s0);
  if (!s || seen.has(s)) return;
  const inner = new Set(seen).add(s);
  const composed = ['anyOf', 'oneOf', 'allOf'].filter((k) => Array.isArray(s[k]));
  for (const k of composed) for (const [i, x] of (s[k] as Schema[]).entries()) stringsIn(x, `${where}|${i}`, out, open, inner);
  const types: unknown[] = Array.isArray(s.type) ? s.type : s.type === undefined ? [] : [s.type];
  if (!types.length && !composed.length && s.const === undefined && !s.enum && !s.not) open.push(where);
  if (types.includes('string') || types.includes('array')) out.push({ where, schema: s });
  for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, Schema>)) stringsIn(v, `${where}.${k}`, out, open, inner);
  for (const [k, v] of Object.entries((s.patternProperties ?? {}) as Record<string, Schema>)) stringsIn(v, `${where}[${k}]`, out, open, inner);
  if (s.items) stringsIn(s.items, `${where}[]`, out, open, inner);
  if (s.prefixItems) for (const [i, x] of (s.prefixItems as Schema[]).entries()) stringsIn(x, `${where}[${i}]`, out, open, inner);
  if (s.additionalProperties && typeof s.additionalProperties === 'object') stringsIn(s.additionalProperties, `${where}{}`, out, open, inner);
}

function requestStrings() {
  const out: RequestString[] = [];
  const open: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, Schema>>)) {
    for (const [method, op] of Object.entries(ops)) {
      if (typeof op !== 'object' || !op || !('responses' in op)) continue;
      const name = `${method.toUpperCase()} ${path}`;
      for (const p of [...((ops.parameters ?? []) as Schema[]), ...((op.parameters ?? []) as Schema[])].map((x) => resolve(x) as Schema)) {
        stringsIn(p.schema, `${name} ${p.in} ${p.name}`, out, open);
      }
      const body = resolve(op.requestBody);
      for (const [type, media] of Object.entries((body?.content ?? {}) as Record<string, Schema>)) stringsIn(media.schema, `${name} body (${type})`, out, open);
    }
  }
  return { strings: out, open };
}

const bounded = (s: Schema) => s.enum !== undefined || s.const !== undefined || BOUNDED_FORMATS.has(s.format);

describe('every string of a request has a length limit', () => {
  const { strings: all, open } = requestStrings();
  const isString = (s: Schema) => s.type === 'string' || (Array.isArray(s.type) && s.type.includes('string'));
  const strings = all.filter((s) => isString(s.schema));
  const lists = all.filter((s) => !isString(s.schema));

  it('walks the whole contract (bodies, paths and queries)', () => {
    const where = strings.map((s) => s.where);
    expect(where.length).toBeGreaterThan(100);
    for (const known of [
      'POST /cases body (application/json).title',
      'GET /cases query q',
      'GET /cases/{id} path id',
      'POST /rules/import body (application/json).content',
    ]) {
      expect(where).toContain(known);
    }
  });

  it('has a maxLength on each string that is not a uuid, a date or a listed value', () => {
    expect(strings.filter((s) => !bounded(s.schema) && typeof s.schema.maxLength !== 'number').map((s) => s.where)).toEqual([]);
  });

  it(`has no limit above ${LONGEST.toLocaleString('en')} characters`, () => {
    expect(strings.filter((s) => s.schema.maxLength > LONGEST && !FILES.has(s.where)).map((s) => `${s.where}: ${s.schema.maxLength}`)).toEqual([]);
  });

  it('has a maxItems on each list, so a body cannot hold a hundred thousand of them', () => {
    expect(lists.length).toBeGreaterThan(5);
    expect(lists.filter((s) => typeof s.schema.maxItems !== 'number').map((s) => s.where)).toEqual([]);
  });

  it('has no request value that accepts anything, and so any string', () => {
    expect(open).toEqual([]);
  });

  it('has sane limits for the fields people fill in most', () => {
    // a nullable field is a choice between a string and null (`|0`)
    const limit = (where: string) => strings.find((s) => s.where.replace(/\|\d+/g, '') === where)?.schema.maxLength;
    expect(limit('POST /cases body (application/json).title')).toBe(200);
    expect(limit('POST /cases body (application/json).initiator.email')).toBe(254);
    expect(limit('POST /cases body (application/json).initiator.phone')).toBe(40);
    expect(limit('GET /cases query q')).toBe(200);
  });
});
