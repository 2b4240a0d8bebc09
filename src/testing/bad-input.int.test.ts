// Bad input never gives a 5xx. For every operation in the OpenAPI document this test
// takes the valid request of the negative suite (authorization.rows.ts), sent as a
// caller who may make it so that validation is reached, and spoils it one way at a
// time: wrong types, missing fields, huge strings, a NUL byte, a lone surrogate, dates
// that do not exist or are out of range, bad ids, forged cursors, unknown enum values,
// an empty PATCH and a body that is not a JSON object. Each answer must be a 4xx
// problem+json (a missing optional field or an unknown value where free text is
// allowed may also be accepted). A huge string is always refused: every request
// string has a maxLength (api-limits.test.ts).
// A new endpoint is covered as soon as it has its row in the negative suite.
import { createHmac } from 'node:crypto';
import { connect } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../modules/identity/index.js';
import type { Actor } from '../platform/auth/index.js';
import { freshCaseIn } from './authorization.js';
import { type ActorKey, type Req, rows, type World } from './authorization.rows.js';
import { actorOf, buildCase, buildMunicipality, ctxFor, type TestMunicipality } from './factories.js';
import { withTestApp } from './http.js';

const t = withTestApp();
const people: Record<'A' | 'B', Partial<Record<ActorKey, { actor: Actor; token: string }>>> = { A: {}, B: {} };
const munis: Partial<Record<'A' | 'B', TestMunicipality>> = {};

async function person(key: ActorKey, actor: Actor) {
  const { token } = await createApiToken(ctxFor(t.deps, actor), { name: 'bad-input' });
  people.A[key] = { actor, token };
}

beforeAll(async () => {
  const m = await buildMunicipality(t.db);
  munis.A = m;
  munis.B = m;
  for (const role of ['admin', 'coordinator', 'specialist', 'executive', 'council'] as const) await person(role, await actorOf(role, { municipality: m }));
  await person('director', await actorOf('director', { municipality: m }));
  await person('otherDirector', await actorOf('director', { municipality: m }));
  for (const key of ['initiator', 'otherInitiator'] as const) {
    const c = await buildCase({ municipality: m, deps: t.deps, initiator: { name: key, email: `${key}-${m.slug}@example.nl` }, title: 'Een casus' });
    await person(key, c.initiator);
  }
}, 120_000);

/** Every request here is made in municipality A. */
const fresh = () => freshCaseIn(t.deps, munis.A as TestMunicipality, people.A);

const world = (): World => ({ fresh, people, munis: munis as Record<'A' | 'B', TestMunicipality>, deps: t.deps });

const HUGE = 'x'.repeat(100_000);
const BAD_DATES = ['0000-01-01', '2026-02-30', '99999-01-01', '-0001-01-01'];
const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const GOOD_POSITION = { s: '2026-01-01T00:00:00.000Z', i: '00000000-0000-4000-8000-000000000000' };
/** A cursor signed like the server's, with the given secret and list. */
const signedCursor = (contents: unknown, secret: string, list: string) => {
  const payload = b64(contents);
  return `${payload}.${createHmac('sha256', secret).update(`${list}\n${payload}`).digest('base64url')}`;
};
const FORGED_CURSORS = () => [
  // well-formed contents, but not signed by this server for this list
  b64(GOOD_POSITION),
  `${b64(GOOD_POSITION)}.${'A'.repeat(43)}`,
  signedCursor(GOOD_POSITION, 'a-secret-that-is-not-the-servers-secret!', 'cases'),
  signedCursor(GOOD_POSITION, t.deps.config.secret as string, 'another-list'),
  'not a cursor',
  b64('[]'),
  b64('null'),
  b64({ s: '0000-01-01T00:00:00Z', i: '00000000-0000-0000-0000-000000000000' }),
  b64({ s: '+275760-09-13T00:00:00Z', i: '00000000-0000-0000-0000-000000000000' }),
  b64({ s: '2026-01-01T00:00:00Z', i: 'not-a-uuid' }),
  b64({ s: '2026-01-01T00:00:00Z', i: 'a\u0000b' }),
  b64({ s: 1, i: 2 }),
  'x'.repeat(5_000),
];

interface Spoilt {
  what: string;
  method: Req['method'];
  url: string;
  payload?: unknown;
  /** a missing optional field or free text may also be accepted */
  mayPass?: boolean;
  /** headers of a body that is not JSON (a multipart upload) */
  headers?: Record<string, string>;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Every way to spoil one value, with a label. */
function spoilValue(v: Json): { what: string; value: unknown; mayPass?: boolean }[] {
  if (typeof v === 'string') {
    const out: { what: string; value: unknown; mayPass?: boolean }[] = [
      { what: 'NUL', value: `a\u0000b` },
      { what: 'lone surrogate', value: 'a\ud800b' },
      { what: 'wrong type', value: 12 },
      { what: 'huge', value: HUGE },
    ];
    if (isDate(v)) for (const d of BAD_DATES) out.push({ what: `date ${d}`, value: d });
    else out.push({ what: 'unknown enum value or bad format', value: 'zzz-not-a-value', mayPass: true });
    return out;
  }
  if (typeof v === 'number')
    return [
      { what: 'wrong type', value: 'x' },
      { what: 'huge number', value: 1e308, mayPass: true },
    ];
  if (typeof v === 'boolean') return [{ what: 'wrong type', value: 'x' }];
  if (Array.isArray(v)) return [{ what: 'wrong type', value: 'x' }];
  if (v && typeof v === 'object') return [{ what: 'wrong type', value: 'x' }];
  return [];
}

/** Every spoilt copy of a body: each leaf spoilt in turn, each key left out in turn. */
function spoilBodyOf(body: Json): { what: string; body: unknown; mayPass?: boolean }[] {
  const out: { what: string; body: unknown; mayPass?: boolean }[] = [];
  const walk = (node: Json, path: (string | number)[]) => {
    const replace = (value: unknown, remove = false): unknown => {
      if (!path.length) return value;
      const copy = structuredClone(body) as Record<string | number, unknown>;
      let n = copy;
      for (const k of path.slice(0, -1)) n = n[k] as Record<string | number, unknown>;
      const last = path.at(-1) as string | number;
      if (remove) {
        if (Array.isArray(n)) n.splice(Number(last), 1);
        else delete n[last];
      } else n[last] = value;
      return copy;
    };
    const name = path.join('.') || '(body)';
    if (path.length) {
      for (const s of spoilValue(node)) out.push({ what: `${name}: ${s.what}`, body: replace(s.value), mayPass: s.mayPass });
      out.push({ what: `${name}: missing`, body: replace(undefined, true), mayPass: true });
    }
    if (Array.isArray(node)) for (const [i, c] of node.entries()) walk(c, [...path, i]);
    else if (node && typeof node === 'object') for (const [k, c] of Object.entries(node)) walk(c, [...path, k]);
  };
  walk(body, []);
  return out;
}

interface Operation {
  parameters?: { in: string; name: string; schema?: { enum?: unknown[]; format?: string; type?: string } }[];
  requestBody?: unknown;
}

function spoil(req: Req, op: Operation | undefined): Spoilt[] {
  const out: Spoilt[] = [];
  const url = `/api/v1${req.url}`;
  const [pathPart, queryPart = ''] = url.split('?');
  const push = (s: Spoilt) => out.push(s);
  // bad ids in the path
  for (const id of new Set((pathPart as string).match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [])) {
    for (const [what, bad] of [
      ['not a uuid', 'not-a-uuid'],
      ['5,000 characters', 'a'.repeat(5_000)],
      ['NUL', 'a%00b'],
      ['malformed escape', '%E0%A4%A'],
    ] as const) {
      push({ what: `path id: ${what}`, method: req.method, url: url.replace(id, bad), payload: req.body });
    }
  }
  // query parameters, as documented
  const query = new URLSearchParams(queryPart);
  for (const p of op?.parameters?.filter((x) => x.in === 'query') ?? []) {
    const withParam = (v: string) => {
      const q = new URLSearchParams(query);
      q.set(p.name, v);
      return `${pathPart}?${q.toString()}`;
    };
    const bads: [string, string, boolean?][] = [
      ['NUL', 'a\u0000b'],
      ['huge', HUGE.slice(0, 20_000)],
    ];
    if (p.schema?.enum) bads.push(['unknown enum value', 'zzz-not-a-value']);
    if (p.schema?.format === 'date') for (const d of BAD_DATES) bads.push([`date ${d}`, d]);
    if (p.name === 'cursor') for (const c of FORGED_CURSORS()) bads.push([`forged cursor ${c.slice(0, 20)}`, c]);
    if (p.schema?.type === 'integer' || p.schema?.type === 'number') {
      for (const [what, v] of [
        ['wrong type', 'x'],
        ['beyond any number', '1e309'],
        ['negative', '-1'],
        ['a fraction', '1.5'],
        ['beyond 2^63', '9223372036854775808'],
      ] as const)
        bads.push([what, v]);
    }
    if (!p.schema?.enum) {
      // the same parameter twice is a list, not the text or number the route takes
      push({ what: `query ${p.name}: given twice`, method: req.method, url: `${withParam('1')}&${encodeURIComponent(p.name)}=2`, payload: req.body });
    }
    for (const [what, v, mayPass] of bads) push({ what: `query ${p.name}: ${what}`, method: req.method, url: withParam(v), payload: req.body, mayPass });
  }
  if (op?.parameters?.some((x) => x.in === 'query'))
    push({ what: 'raw %00 in query', method: req.method, url: `${pathPart}?q=%00&${queryPart}`, payload: req.body, mayPass: true });
  // the body
  if (req.body !== undefined || op?.requestBody) {
    const body = (req.body ?? {}) as Json;
    for (const s of spoilBodyOf(body)) push({ what: `body ${s.what}`, method: req.method, url, payload: s.body, mayPass: s.mayPass });
    for (const [what, bad] of [
      ['array', []],
      ['string', 'x'],
      ['number', 1],
      ['null', null],
    ] as const) {
      push({ what: `body is ${what}`, method: req.method, url, payload: JSON.stringify(bad) });
    }
    if (req.method === 'PATCH') push({ what: 'empty PATCH body', method: req.method, url, payload: {} });
    push({ what: 'body nested 100,000 deep', method: req.method, url, payload: `${'['.repeat(100_000)}${']'.repeat(100_000)}` });
    push({ what: 'body with a NUL in a key', method: req.method, url, payload: JSON.stringify({ ...(body as object), 'a\u0000b': 1 }) });
    push({ what: 'body that is not JSON', method: req.method, url, payload: '{"a":' });
  }
  // a multipart upload: broken off, under another boundary, without a file, with an empty one
  if (req.payload && req.headers) {
    const type = req.headers['content-type'] as string;
    const boundary = type.split('boundary=')[1] as string;
    const multipart = (what: string, payload: Buffer, contentType = type) =>
      push({ what: `multipart ${what}`, method: req.method, url, payload, headers: { 'content-type': contentType } });
    multipart('cut short', req.payload.subarray(0, Math.floor(req.payload.length / 2)));
    multipart('under another boundary', req.payload, 'multipart/form-data; boundary=another-boundary');
    multipart('without a boundary', req.payload, 'multipart/form-data');
    multipart('without a file', Buffer.from(`--${boundary}--\r\n`));
    multipart(
      'with an empty file',
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="leeg.pdf"\r\nContent-Type: application/pdf\r\n\r\n\r\n--${boundary}--\r\n`,
      ),
    );
    multipart('with a huge field', Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="website"\r\n\r\n${HUGE}\r\n--${boundary}--\r\n`));
  }
  return out;
}

describe('bad input answers 4xx problem+json, never 5xx', () => {
  let doc: { paths: Record<string, Record<string, Operation>> };
  beforeAll(async () => {
    doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  });

  it('answers malformed URLs, over-long parameters and huge headers as problem+json', async () => {
    for (const [url, status, title] of [
      ['/api/v1/cases/%E0%A4%A', 400, 'Het adres van het verzoek is ongeldig.'],
      [`/api/v1/cases/${'a'.repeat(5_000)}`, 414, 'Het adres van het verzoek is te lang.'],
      [`/api/v1/cases/${'a'.repeat(201)}`, 414, 'Het adres van het verzoek is te lang.'],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${people.A.admin?.token}` } });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(status);
      expect(res.headers['content-type'], url).toContain('application/problem+json');
      expect(res.json().title, url).toBe(title);
    }
  });

  it('answers headers that are too large as problem+json, before any route', async () => {
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = new URL(address);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(`GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'x'.repeat(100_000)}\r\n\r\n`);
      });
      let data = '';
      socket.on('data', (d) => {
        data += d.toString();
      });
      socket.on('end', () => resolve(data));
      socket.on('error', (e) => (data ? resolve(data) : reject(e)));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toContain('Content-Type: application/problem+json');
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 431, title: 'De kopregels van het verzoek zijn te groot.' });
  });

  it('reads a query that does not decode as text, without a 5xx', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/cases?q=%E0%A4%A', headers: { authorization: `Bearer ${people.A.admin?.token}` } });
    expect(res.statusCode, res.body).toBeLessThan(500);
  });

  it('pages on with the cursor it handed out, and refuses it changed, cut short or on another list', async () => {
    const headers = { authorization: `Bearer ${people.A.coordinator?.token}` };
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers });
    const cursor = (await get('/api/v1/cases?limit=1')).json().nextCursor as string;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect((await get(`/api/v1/cases?limit=1&cursor=${cursor}`)).statusCode).toBe(200);
    const [payload, mac] = cursor.split('.') as [string, string];
    const moved = b64({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), s: '2200-01-01T00:00:00.000Z' });
    for (const url of [
      `/api/v1/commitments?scope=all&cursor=${cursor}`,
      `/api/v1/cases?cursor=${cursor.slice(0, -3)}`,
      `/api/v1/cases?cursor=${payload}`,
      `/api/v1/cases?cursor=${moved}.${mac}`,
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type'], url).toContain('application/problem+json');
      expect(res.json().invalidParams, url).toEqual([{ name: 'cursor', reason: 'De paginacursor is ongeldig.' }]);
    }
  });

  it('names a body that is not a JSON object, and an empty change', async () => {
    const headers = { authorization: `Bearer ${people.A.admin?.token}`, 'content-type': 'application/json' };
    const notObject = await t.app.inject({ method: 'PATCH', url: '/api/v1/settings', payload: '[]', headers });
    expect(notObject.statusCode).toBe(400);
    expect(notObject.json().invalidParams).toEqual([{ name: 'body', reason: 'De inhoud van het verzoek moet een JSON-object zijn.' }]);
    const empty = await t.app.inject({ method: 'PATCH', url: '/api/v1/settings', payload: '{}', headers: { ...headers, 'accept-language': 'en' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.headers['content-type']).toContain('application/problem+json');
    expect(empty.json().invalidParams).toEqual([{ name: 'body', reason: 'There is nothing to change: send at least one field.' }]);
  });

  it('names what is wrong with a body that Fastify refuses before any schema, in our words', async () => {
    const headers = { authorization: `Bearer ${people.A.admin?.token}`, 'content-type': 'application/json' };
    for (const [what, payload, extra, status, reason] of [
      ['not JSON', '{"name":', {}, 400, 'De inhoud van het verzoek is geen geldige JSON.'],
      ['empty', '', {}, 400, 'De inhoud van het verzoek is leeg.'],
      ['over 1 MiB', JSON.stringify({ name: 'x'.repeat(1_100_000) }), {}, 413, 'De inhoud van het verzoek is te groot.'],
      [
        'of another content type',
        '{"name":"x"}',
        { 'content-type': 'application/x-unknown' },
        415,
        'Dit soort inhoud (Content-Type) wordt hier niet aangenomen; stuur application/json.',
      ],
      [
        'a junk content type',
        '{"name":"x"}',
        { 'content-type': '\u0001;;' },
        415,
        'Dit soort inhoud (Content-Type) wordt hier niet aangenomen; stuur application/json.',
      ],
      ['nested 100,000 deep', `{"name":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, {}, 400, 'De inhoud van het verzoek is te diep genest.'],
    ] as const) {
      const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/settings', payload, headers: { ...headers, ...extra } });
      expect(res.statusCode, what).toBe(status);
      expect(res.headers['content-type'], what).toContain('application/problem+json');
      expect(res.json().invalidParams, what).toEqual([{ name: 'body', reason }]);
    }
  });

  it('tells a value of the wrong type from a missing one', async () => {
    const headers = { authorization: `Bearer ${people.A.coordinator?.token}` };
    for (const [query, name, reason] of [
      ['limit=1e309', 'querystring.limit', 'Hier hoort een getal.'],
      ['limit=1.5', 'querystring.limit', 'Hier hoort een geheel getal.'],
      ['limit=1&limit=2', 'querystring.limit', 'Hier hoort een getal.'],
      ['q=a&q=b', 'querystring.q', 'Hier hoort één tekst.'],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/cases?${query}`, headers });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().invalidParams, query).toEqual([{ name, reason }]);
    }
    const admin = { authorization: `Bearer ${people.A.admin?.token}`, 'accept-language': 'en' };
    const wrong = await t.app.inject({ method: 'PATCH', url: '/api/v1/settings', payload: { planTermDays: 'x' }, headers: admin });
    const fraction = await t.app.inject({ method: 'PATCH', url: '/api/v1/settings', payload: { planTermDays: 1.5 }, headers: admin });
    expect(fraction.json().invalidParams).toEqual([{ name: 'planTermDays', reason: 'This must be a whole number.' }]);
    expect(wrong.json().invalidParams).toEqual([{ name: 'planTermDays', reason: 'This must be a number.' }]);
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/rules/import', payload: { format: 'csv' }, headers: admin });
    expect(missing.json().invalidParams).toEqual([{ name: 'content', reason: expect.stringMatching(/required/i) }]);
  });

  it('refuses a control character or lone surrogate in any string of a request, keys and plain strings too', async () => {
    const headers = { authorization: `Bearer ${people.A.admin?.token}` };
    for (const [what, payload, name] of [
      // a key the schema does not know
      ['a NUL in a key', { planTermDays: 20, 'x\u0000': 1 }, 'x\u0000'],
      // a string the schema does not take (multi-line fields have no check of their own either)
      ['a lone surrogate in a plain string', { name: 'Gemeente \udc00' }, 'name'],
    ] as const) {
      const res = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/settings',
        payload: JSON.stringify(payload),
        headers: { ...headers, 'content-type': 'application/json' },
      });
      expect(res.statusCode, what).toBe(400);
      expect(res.json().invalidParams?.[0]?.name, what).toBe(name);
    }
    const query = await t.app.inject({ method: 'GET', url: '/api/v1/cases?q=%00', headers });
    expect(query.statusCode).toBe(400);
    expect(query.json().invalidParams).toEqual([{ name: 'querystring.q', reason: expect.any(String) }]);
  });

  it('names the field that holds a NUL, and refuses a line break in a single-line field', async () => {
    const intake = (title: string) => ({
      municipality: (munis.A as TestMunicipality).slug,
      initiator: { name: 'Iemand', email: 'iemand@example.nl' },
      title,
      description: 'Een beschrijving\nover twee regels.',
      location: 'Centrum',
    });
    const nul = await t.app.inject({ method: 'POST', url: '/api/v1/cases', payload: intake('Terras\u0000') });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().invalidParams[0].name).toBe('title');
    const crlf = await t.app.inject({ method: 'POST', url: '/api/v1/cases', payload: intake('Terras\r\nBcc: iemand@example.org') });
    expect(crlf.statusCode).toBe(400);
    expect(crlf.json().invalidParams[0].name).toBe('title');
  });

  for (const row of rows) {
    it(row.operation, async () => {
      const [method, path] = row.operation.split(' ') as [string, string];
      const op = doc.paths[path]?.[method.toLowerCase()];
      const req = await row.request(world(), 'A');
      const who = row.allowed === 'public' ? undefined : people.A[row.allowed[0] as ActorKey]?.token;
      const headers = { ...req.headers, ...(who ? { authorization: `Bearer ${who}` } : {}) };
      const failures: string[] = [];
      for (const s of spoil(req, op)) {
        const res = await t.app.inject({
          method: s.method,
          url: s.url,
          payload: s.payload as string,
          headers: s.headers ? { ...headers, ...s.headers } : typeof s.payload === 'string' ? { ...headers, 'content-type': 'application/json' } : headers,
        });
        const ok = res.statusCode >= 400 && res.statusCode < 500 && String(res.headers['content-type']).includes('application/problem+json');
        const passed = s.mayPass && res.statusCode < 400;
        if (!ok && !passed) failures.push(`${s.what} → ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
      if (process.env.BAD_INPUT_LOG) for (const f of failures) console.log(`FAIL ${row.operation} :: ${f}`);
      expect(failures).toEqual([]);
    }, 120_000);
  }
});
