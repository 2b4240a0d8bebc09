// A local ZGW Notificaties API for the contract tests of the `zgw-notificaties`
// webhooks (docs/integrations.md#zgw-notificaties-api), built from the official
// OpenAPI document (test/standards/zgw/notificaties-1.0.0.yaml). Every request is
// checked: the path and method exist, the bearer token is a valid ZGW JWT (HS256,
// `iss` and `client_id` the configured client, `iat` present), the body is JSON and
// validates against the operation's schema (`Message`). A violation is recorded (the
// tests require none) and answered with 400 and a `ValidatieFout`. Every answer the
// fake gives validates against the specification too: 200 with the `Message`, or one
// of the document's problem answers (`Fout`, `ValidatieFout`).
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { jwtVerify } from 'jose';
import { type Json, loadOpenApi, type Operation, schemaRef } from './openapi-validator.js';

const SPEC_FILE = fileURLToPath(new URL('../../test/standards/zgw/notificaties-1.0.0.yaml', import.meta.url));
/** The API's base path (the document's `servers`). */
export const BASE_PATH = '/api/v1';

const spec = () => loadOpenApi(SPEC_FILE);

export interface FakeNotificatiesOptions {
  clientId: string;
  secret: string;
}

export interface FakeNotificaties {
  /** the base URL to configure as the subscription's URL */
  url: string;
  /** the notificaties accepted, in order */
  notificaties: Json[];
  /** every request: method, path, headers and body */
  requests: { method: string; path: string; headers: IncomingHttpHeaders; body: unknown }[];
  /** every way a request or an answer broke the specification; the tests require none */
  violations: string[];
  /** the next `n` requests find no server: the connection is cut before any answer */
  cutNext(n: number): void;
  /**
   * The next `n` valid requests are answered with this status and the specification's
   * problem body (400: `ValidatieFout`, else `Fout`) instead of being accepted.
   */
  refuseNext(n: number, status: 400 | 401 | 403 | 429 | 500, detail?: string): void;
  close(): Promise<void>;
}

export async function startFakeNotificaties(opts: FakeNotificatiesOptions): Promise<FakeNotificaties> {
  spec();
  const notificaties: Json[] = [];
  const requests: FakeNotificaties['requests'] = [];
  const violations: string[] = [];
  let cut = 0;
  let refuse: { n: number; status: number; detail: string } = { n: 0, status: 500, detail: '' };
  let origin = '';

  const answer = (res: ServerResponse, op: Operation | undefined, where: string, status: number, body: Json) => {
    const declared = op ? spec().responseOf(op, status) : undefined;
    // The operation declares only its 200; its errors are the document's shared problem answers.
    const shared = spec().responseOf({ responses: { [status]: { $ref: `#/components/responses/${status}` } } }, status);
    const response = declared ?? shared;
    if (!response) violations.push(`${where}: answer ${status} is not in the specification`);
    const ref = schemaRef(response?.content?.['application/json']?.schema ?? response?.content?.['application/problem+json']?.schema);
    if (ref) {
      const v = spec().response(ref);
      if (!v(body)) violations.push(`${where}: own answer ${status} does not validate: ${JSON.stringify(v.errors?.slice(0, 3))}`);
    }
    const type = status >= 400 ? 'application/problem+json' : 'application/json';
    res.writeHead(status, { 'content-type': type, 'api-version': '1.0.0' }).end(JSON.stringify(body));
  };
  const problem = (status: number, detail: string): Json => {
    const base = {
      type: 'about:blank',
      code: status === 400 ? 'invalid' : 'error',
      title: status === 400 ? 'Ongeldige aanvraag' : 'Fout',
      status,
      detail,
      instance: `urn:uuid:${randomUUID()}`,
    };
    return status === 400 ? { ...base, invalidParams: [{ name: 'nonFieldErrors', code: 'invalid', reason: detail }] } : base;
  };
  const reject = (res: ServerResponse, op: Operation | undefined, where: string, why: string) => {
    violations.push(`${where}: ${why}`);
    answer(res, op, where, 400, problem(400, why.slice(0, 500)));
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
    requests.push({ method: method.toUpperCase(), path: `${url.pathname}${url.search}`, headers: req.headers, body });
    if (!url.pathname.startsWith(BASE_PATH)) return reject(res, undefined, where, 'not under the API base path');
    const m = spec().match(url.pathname.slice(BASE_PATH.length) || '/');
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

    // no query parameters are declared for publishing
    for (const name of url.searchParams.keys()) {
      if (!(op.parameters ?? []).some((p) => p.in === 'query' && p.name === name)) return reject(res, op, where, `query ${name} is not in the specification`);
    }

    // the body
    if (op.requestBody) {
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return reject(res, op, where, 'the body is not application/json');
      const ref = schemaRef(op.requestBody.content['application/json']?.schema);
      if (ref) {
        const v = spec().request(ref);
        if (!v(body)) return reject(res, op, where, `the body does not validate: ${JSON.stringify(v.errors?.slice(0, 3))}`);
      }
    } else if (body !== undefined) return reject(res, op, where, 'this operation takes no body');

    if (`${method} ${m.template}` !== 'post /notificaties') return reject(res, op, where, 'the fake does not serve this operation');
    if (refuse.n > 0) {
      refuse.n--;
      return answer(res, op, where, refuse.status, problem(refuse.status, refuse.detail));
    }
    notificaties.push(body as Json);
    return answer(res, op, where, 200, body as Json);
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
    url: `${origin}${BASE_PATH}`,
    notificaties,
    requests,
    violations,
    cutNext: (n) => {
      cut = n;
    },
    refuseNext: (n, status, detail = 'De notificatie is geweigerd.') => {
      refuse = { n, status, detail };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
