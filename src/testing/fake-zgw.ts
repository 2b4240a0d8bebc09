// A local Zaken API for the contract tests (docs/zgw.md#contract-tests), built from
// the official OpenAPI document (test/standards/zgw/zaken-1.5.1.yaml). Every request
// is checked against the specification: the path and method exist, the required
// parameters are there and no undeclared query parameter is, the body validates
// against the operation's schema (readOnly fields may be left out), and the bearer
// token is a valid ZGW JWT for the configured client. Every answer the fake gives is
// validated against the operation's response schema too. A violation is recorded
// (the tests require none) and answered with 400, which the spec allows.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { jwtVerify } from 'jose';
import { parse } from 'yaml';

// ajv-formats is CommonJS: its function is the module's default under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule.default }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

const SPEC_FILE = fileURLToPath(new URL('../../test/standards/zgw/zaken-1.5.1.yaml', import.meta.url));
export const BASE_PATH = '/zaken/api/v1';

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: 'query' | 'header' | 'path';
  required?: boolean;
  schema?: Json;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Json }> };
  responses: Record<string, { content?: Record<string, { schema: Json }> }>;
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

interface Spec {
  paths: Record<string, Record<string, Operation>>;
  request: (ref: string) => ValidateFunction;
  response: (ref: string) => ValidateFunction;
}

let loaded: Spec | undefined;
function spec(): Spec {
  if (loaded) return loaded;
  const doc = parse(readFileSync(SPEC_FILE, 'utf8')) as { paths: Spec['paths']; components: Json };
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
  loaded = { paths: doc.paths, request: (ref) => get('request.json', ref), response: (ref) => get('response.json', ref) };
  return loaded;
}

function matchPath(path: string): { template: string; params: Record<string, string> } | null {
  for (const template of Object.keys(spec().paths)) {
    const names: string[] = [];
    const re = new RegExp(
      `^${template.replace(/\{([^}]+)\}/g, (_, n: string) => {
        names.push(n);
        return '([^/]+)';
      })}$`,
    );
    const m = re.exec(path);
    if (m) return { template, params: Object.fromEntries(names.map((n, i) => [n, m[i + 1] as string])) };
  }
  return null;
}

const schemaRef = (schema: Json | undefined) => (typeof schema?.$ref === 'string' ? schema.$ref : null);

export interface FakeZgwOptions {
  clientId: string;
  secret: string;
}

export interface FakeZgw {
  /** the Zaken API base URL to configure */
  zakenUrl: string;
  zaken: Json[];
  statussen: Json[];
  /** every request: method, path (with query) and body */
  requests: { method: string; path: string; body: unknown }[];
  /** every way a request or an answer broke the specification; the tests require none */
  violations: string[];
  /** the next `n` requests find no server: the connection is cut before any answer */
  cutNext(n: number): void;
  /** the next POST /zaken is carried out but its answer is lost (the connection is cut) */
  loseNextCreateAnswer(): void;
  close(): Promise<void>;
}

export async function startFakeZgw(opts: FakeZgwOptions): Promise<FakeZgw> {
  spec();
  const zaken: Json[] = [];
  const statussen: Json[] = [];
  const requests: FakeZgw['requests'] = [];
  const violations: string[] = [];
  let cut = 0;
  let loseCreate = false;
  let origin = '';

  const answer = (res: ServerResponse, op: Operation | undefined, where: string, status: number, body: Json, headers: Record<string, string> = {}) => {
    const declared = op?.responses[String(status)];
    if (op && !declared) violations.push(`${where}: answer ${status} is not in the specification`);
    const ref = schemaRef(declared?.content?.['application/json']?.schema ?? declared?.content?.['application/problem+json']?.schema);
    if (op && ref) {
      const v = spec().response(ref);
      if (!v(body)) violations.push(`${where}: own answer ${status} does not validate: ${JSON.stringify(v.errors?.slice(0, 3))}`);
    }
    const type = status >= 400 ? 'application/problem+json' : 'application/json';
    res.writeHead(status, { 'content-type': type, ...headers }).end(JSON.stringify(body));
  };
  const reject = (res: ServerResponse, op: Operation | undefined, where: string, problem: string) => {
    violations.push(`${where}: ${problem}`);
    answer(res, op, where, 400, {
      type: 'about:blank',
      code: 'invalid',
      title: 'Ongeldige aanvraag',
      status: 400,
      detail: problem.slice(0, 500),
      instance: `urn:uuid:${randomUUID()}`,
      invalidParams: [{ name: 'nonFieldErrors', code: 'invalid', reason: problem.slice(0, 500) }],
    });
  };

  async function handle(req: IncomingMessage, res: ServerResponse, raw: string) {
    const url = new URL(req.url ?? '/', origin);
    const method = (req.method ?? 'GET').toLowerCase();
    const where = `${method.toUpperCase()} ${url.pathname}`;
    let body: unknown;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        return reject(res, undefined, where, 'the body is not JSON');
      }
    }
    requests.push({ method: method.toUpperCase(), path: `${url.pathname}${url.search}`, body });
    if (!url.pathname.startsWith(BASE_PATH)) return reject(res, undefined, where, 'not under the API base path');
    const m = matchPath(url.pathname.slice(BASE_PATH.length) || '/');
    const op = m ? spec().paths[m.template]?.[method] : undefined;
    if (!m || !op) return reject(res, undefined, where, 'no such operation in the specification');

    // the ZGW JWT
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ')) return reject(res, op, where, 'no bearer token');
    try {
      const { payload, protectedHeader } = await jwtVerify(auth.slice(7), new TextEncoder().encode(opts.secret), { algorithms: ['HS256'] });
      if (protectedHeader.alg !== 'HS256') throw new Error('alg');
      if (payload.iss !== opts.clientId || payload.client_id !== opts.clientId) throw new Error('wrong client');
      if (typeof payload.iat !== 'number') throw new Error('no iat');
    } catch (err) {
      return reject(res, op, where, `the JWT is not valid: ${(err as Error).message}`);
    }

    // parameters
    const params = (op.parameters ?? []) as Parameter[];
    for (const p of params) {
      if (p.in === 'header' && p.required && !(p.name.toLowerCase() in req.headers)) return reject(res, op, where, `header ${p.name} is required`);
      if (p.in === 'header' && p.required && p.schema?.enum && !(p.schema.enum as string[]).includes(String(req.headers[p.name.toLowerCase()])))
        return reject(res, op, where, `header ${p.name} has a value the specification does not allow`);
      if (p.in === 'query' && p.required && !url.searchParams.has(p.name)) return reject(res, op, where, `query ${p.name} is required`);
    }
    for (const name of url.searchParams.keys()) {
      if (!params.some((p) => p.in === 'query' && p.name === name)) return reject(res, op, where, `query ${name} is not in the specification`);
    }

    // the body
    if (op.requestBody) {
      const ref = schemaRef(op.requestBody.content['application/json']?.schema);
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return reject(res, op, where, 'the body is not application/json');
      if (ref) {
        const v = spec().request(ref);
        if (!v(body)) return reject(res, op, where, `the body does not validate: ${JSON.stringify(v.errors?.slice(0, 3))}`);
      }
    } else if (body !== undefined) return reject(res, op, where, 'this operation takes no body');

    const crs = { 'content-crs': 'EPSG:4326' };
    const page = (results: Json[]) => ({ count: results.length, next: null, previous: null, results });
    const b = body as Json;
    switch (`${method} ${m.template}`) {
      case 'get /zaken': {
        const q = url.searchParams;
        const found = zaken.filter(
          (z) =>
            (!q.has('identificatie') || z.identificatie === q.get('identificatie')) &&
            (!q.has('bronorganisatie') || z.bronorganisatie === q.get('bronorganisatie')),
        );
        return answer(res, op, where, 200, page(found), crs);
      }
      case 'post /zaken': {
        if (zaken.some((z) => z.identificatie === b.identificatie && z.bronorganisatie === b.bronorganisatie))
          return reject(res, op, where, 'a zaak with this identificatie exists already in this bronorganisatie');
        const uuid = randomUUID();
        const zaak: Json = {
          ...b,
          url: `${origin}${BASE_PATH}/zaken/${uuid}`,
          uuid,
          betalingsindicatieWeergave: '',
          deelzaken: [],
          eigenschappen: [],
          einddatum: null,
          resultaat: null,
          rollen: [],
          status: null,
          zaakinformatieobjecten: [],
          zaakobjecten: [],
          registratiedatum: new Date().toISOString().slice(0, 10),
        };
        zaken.push(zaak);
        if (loseCreate) {
          loseCreate = false;
          req.socket.destroy();
          return;
        }
        return answer(res, op, where, 201, zaak, { ...crs, location: zaak.url as string });
      }
      case 'get /statussen': {
        const q = url.searchParams;
        const found = statussen.filter((s) => (!q.has('zaak') || s.zaak === q.get('zaak')) && (!q.has('statustype') || s.statustype === q.get('statustype')));
        return answer(res, op, where, 200, page(found));
      }
      case 'post /statussen': {
        const zaak = zaken.find((z) => z.url === b.zaak);
        if (!zaak) return reject(res, op, where, 'the zaak does not exist');
        const uuid = randomUUID();
        const status: Json = { ...b, url: `${origin}${BASE_PATH}/statussen/${uuid}`, uuid, indicatieLaatstGezetteStatus: true, zaakinformatieobjecten: [] };
        for (const s of statussen) if (s.zaak === b.zaak) s.indicatieLaatstGezetteStatus = false;
        statussen.push(status);
        zaak.status = status.url;
        return answer(res, op, where, 201, status, { location: status.url as string });
      }
      default:
        return reject(res, op, where, 'the fake does not serve this operation');
    }
  }

  const server: Server = createServer((req, res) => {
    if (cut > 0) {
      cut--;
      req.socket.destroy();
      return;
    }
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      raw += c;
    });
    req.on('end', () => {
      handle(req, res, raw).catch((err) => {
        violations.push(`fake failed: ${(err as Error).message}`);
        res.destroy();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    zakenUrl: `${origin}${BASE_PATH}`,
    zaken,
    statussen,
    requests,
    violations,
    cutNext: (n) => {
      cut = n;
    },
    loseNextCreateAnswer: () => {
      loseCreate = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
