// Local ZGW APIs for the contract tests (docs/zgw.md#contract-tests): the Zaken,
// Catalogi and Documenten APIs on one server, each under its own base path and built
// from its official OpenAPI document (test/standards/zgw/). Every request
// is checked against the specification: the path and method exist, the required
// parameters are there and no undeclared query parameter is, the body validates
// against the operation's schema (readOnly fields may be left out), and the bearer
// token is a valid ZGW JWT for the configured client. Every answer the fake gives is
// validated against the operation's response schema too. A violation is recorded
// (the tests require none) and answered with 400, which the spec allows.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { jwtVerify } from 'jose';
import { type Json, loadOpenApi, type OpenApi, type Operation, type Parameter, schemaRef } from './openapi-validator.js';

const specFile = (name: string) => fileURLToPath(new URL(`../../test/standards/zgw/${name}`, import.meta.url));

/** The APIs the fake serves, each under its own base path and from its own specification. */
export const APIS = {
  zaken: { basePath: '/zaken/api/v1', file: 'zaken-1.5.1.yaml' },
  catalogi: { basePath: '/catalogi/api/v1', file: 'catalogi-1.3.1.yaml' },
  documenten: { basePath: '/documenten/api/v1', file: 'documenten-1.5.0.yaml' },
} as const;
export type ApiName = keyof typeof APIS;
export const BASE_PATH = APIS.zaken.basePath;

/** The specification of one of the APIs, loaded and compiled once per process. */
const spec = (api: ApiName): OpenApi => loadOpenApi(specFile(APIS[api].file));
const matchPath = (api: ApiName, path: string) => spec(api).match(path);

export interface FakeZgwOptions {
  clientId: string;
  secret: string;
  /** how many results a page of a Catalogi list holds (default 100) */
  pageSize?: number;
  /** do not keep the test process alive for this server (one shared by a whole suite) */
  unref?: boolean;
}

export interface SeedZaaktype {
  identificatie: string;
  omschrijving: string;
  /** the status types' omschrijvingen, in the order of their volgnummer */
  statustypen: string[];
  concept?: boolean;
}

export interface FakeZgw {
  /** the Zaken API base URL to configure */
  zakenUrl: string;
  /** the Catalogi API base URL to configure */
  catalogiUrl: string;
  /** the Documenten API base URL to configure */
  documentenUrl: string;
  zaken: Json[];
  statussen: Json[];
  zaaktypen: Json[];
  statustypen: Json[];
  informatieobjecttypen: Json[];
  /** the enkelvoudige informatieobjecten, each with the decoded content as `bytes` beside it */
  documenten: { eio: Json; bytes: Buffer }[];
  zaakinformatieobjecten: Json[];
  /** every request: method, path (with query) and body */
  requests: { method: string; path: string; body: unknown }[];
  /** every way a request or an answer broke the specification; the tests require none */
  violations: string[];
  /** a zaaktype in the catalogue, with its status types; returns its URL and theirs */
  addZaaktype(z: SeedZaaktype): { url: string; statustypen: string[] };
  /** an informatieobjecttype in the catalogue; returns its URL */
  addInformatieobjecttype(omschrijving: string): string;
  /** the next `n` requests find no server: the connection is cut before any answer */
  cutNext(n: number): void;
  /** the next `n` requests whose method and path (without query) match are cut before any answer */
  cutNextMatching(method: string, path: RegExp, n?: number): void;
  /** the next POST /zaken is carried out but its answer is lost (the connection is cut) */
  loseNextCreateAnswer(): void;
  close(): Promise<void>;
}

export async function startFakeZgw(opts: FakeZgwOptions): Promise<FakeZgw> {
  for (const api of Object.keys(APIS) as ApiName[]) spec(api);
  const pageSize = opts.pageSize ?? 100;
  const zaken: Json[] = [];
  const statussen: Json[] = [];
  const zaaktypen: Json[] = [];
  const statustypen: Json[] = [];
  const informatieobjecttypen: Json[] = [];
  const documenten: FakeZgw['documenten'] = [];
  const zaakinformatieobjecten: Json[] = [];
  const requests: FakeZgw['requests'] = [];
  const violations: string[] = [];
  let cut = 0;
  let cutMatching: { method: string; path: RegExp; n: number } | null = null;
  let loseCreate = false;
  let origin = '';
  const base = (api: ApiName) => `${origin}${APIS[api].basePath}`;

  const answer = (
    res: ServerResponse,
    api: ApiName | undefined,
    op: Operation | undefined,
    where: string,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    const declared = op?.responses[String(status)];
    if (op && !declared) violations.push(`${where}: answer ${status} is not in the specification`);
    const schema = declared?.content?.['application/json']?.schema ?? declared?.content?.['application/problem+json']?.schema;
    if (api && op && schema) {
      const ref = schemaRef(schema);
      const v = ref ? spec(api).response(ref) : spec(api).inline(schema);
      if (!v(body)) violations.push(`${where}: own answer ${status} does not validate: ${JSON.stringify(v.errors?.slice(0, 3))}`);
    }
    const type = status >= 400 ? 'application/problem+json' : 'application/json';
    res.writeHead(status, { 'content-type': type, ...headers }).end(JSON.stringify(body));
  };
  const reject = (res: ServerResponse, api: ApiName | undefined, op: Operation | undefined, where: string, problem: string) => {
    violations.push(`${where}: ${problem}`);
    answer(res, api, op, where, 400, {
      type: 'about:blank',
      code: 'invalid',
      title: 'Ongeldige aanvraag',
      status: 400,
      detail: problem.slice(0, 500),
      instance: `urn:uuid:${randomUUID()}`,
      invalidParams: [{ name: 'nonFieldErrors', code: 'invalid', reason: problem.slice(0, 500) }],
    });
  };

  /** A page of a list: `page` (1 on) of `pageSize`, with `next` and `previous` as the APIs give them. */
  const paged = (url: URL, all: Json[], size = pageSize) => {
    const n = Math.max(1, Number(url.searchParams.get('page') ?? '1') || 1);
    const link = (p: number) => {
      const u = new URL(url.href);
      u.searchParams.set('page', String(p));
      return u.href;
    };
    return {
      count: all.length,
      next: n * size < all.length ? link(n + 1) : null,
      previous: n > 1 ? link(n - 1) : null,
      results: all.slice((n - 1) * size, n * size),
    };
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
        return reject(res, undefined, undefined, where, 'the body is not JSON');
      }
    }
    requests.push({ method: method.toUpperCase(), path: `${url.pathname}${url.search}`, body });
    const api = (Object.keys(APIS) as ApiName[]).find((a) => url.pathname.startsWith(`${APIS[a].basePath}/`));
    if (!api) return reject(res, undefined, undefined, where, 'not under an API base path');
    const m = matchPath(api, url.pathname.slice(APIS[api].basePath.length) || '/');
    const op = m ? spec(api).paths[m.template]?.[method] : undefined;
    if (!m || !op) return reject(res, api, undefined, where, 'no such operation in the specification');

    // the ZGW JWT
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ')) return reject(res, api, op, where, 'no bearer token');
    try {
      const { payload, protectedHeader } = await jwtVerify(auth.slice(7), new TextEncoder().encode(opts.secret), { algorithms: ['HS256'] });
      if (protectedHeader.alg !== 'HS256') throw new Error('alg');
      if (payload.iss !== opts.clientId || payload.client_id !== opts.clientId) throw new Error('wrong client');
      if (typeof payload.iat !== 'number') throw new Error('no iat');
    } catch (err) {
      return reject(res, api, op, where, `the JWT is not valid: ${(err as Error).message}`);
    }

    // parameters
    const params = (op.parameters ?? []) as Parameter[];
    for (const p of params) {
      if (p.in === 'header' && p.required && !(p.name.toLowerCase() in req.headers)) return reject(res, api, op, where, `header ${p.name} is required`);
      if (p.in === 'header' && p.required && p.schema?.enum && !(p.schema.enum as string[]).includes(String(req.headers[p.name.toLowerCase()])))
        return reject(res, api, op, where, `header ${p.name} has a value the specification does not allow`);
      if (p.in === 'query' && p.required && !url.searchParams.has(p.name)) return reject(res, api, op, where, `query ${p.name} is required`);
    }
    for (const name of url.searchParams.keys()) {
      if (!params.some((p) => p.in === 'query' && p.name === name)) return reject(res, api, op, where, `query ${name} is not in the specification`);
    }

    // the body
    if (op.requestBody) {
      const ref = schemaRef(op.requestBody.content['application/json']?.schema);
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return reject(res, api, op, where, 'the body is not application/json');
      if (ref) {
        const v = spec(api).request(ref);
        if (!v(body)) return reject(res, api, op, where, `the body does not validate: ${JSON.stringify(v.errors?.slice(0, 3))}`);
      }
    } else if (body !== undefined) return reject(res, api, op, where, 'this operation takes no body');

    const crs = { 'content-crs': 'EPSG:4326' };
    const page = (results: Json[]) => ({ count: results.length, next: null, previous: null, results });
    const q = url.searchParams;
    const b = body as Json;
    const ok = (status: number, out: unknown, headers: Record<string, string> = {}) => answer(res, api, op, where, status, out, headers);
    switch (`${api} ${method} ${m.template}`) {
      case 'zaken get /zaken': {
        const found = zaken.filter(
          (z) =>
            (!q.has('identificatie') || z.identificatie === q.get('identificatie')) &&
            (!q.has('bronorganisatie') || z.bronorganisatie === q.get('bronorganisatie')),
        );
        return ok(200, page(found), crs);
      }
      case 'zaken post /zaken': {
        if (zaken.some((z) => z.identificatie === b.identificatie && z.bronorganisatie === b.bronorganisatie))
          return reject(res, api, op, where, 'a zaak with this identificatie exists already in this bronorganisatie');
        const uuid = randomUUID();
        const zaak: Json = {
          ...b,
          url: `${base('zaken')}/zaken/${uuid}`,
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
        return ok(201, zaak, { ...crs, location: zaak.url as string });
      }
      case 'zaken get /statussen': {
        const found = statussen.filter((s) => (!q.has('zaak') || s.zaak === q.get('zaak')) && (!q.has('statustype') || s.statustype === q.get('statustype')));
        return ok(200, page(found));
      }
      case 'zaken post /statussen': {
        const zaak = zaken.find((z) => z.url === b.zaak);
        if (!zaak) return reject(res, api, op, where, 'the zaak does not exist');
        const uuid = randomUUID();
        const status: Json = { ...b, url: `${base('zaken')}/statussen/${uuid}`, uuid, indicatieLaatstGezetteStatus: true, zaakinformatieobjecten: [] };
        for (const s of statussen) if (s.zaak === b.zaak) s.indicatieLaatstGezetteStatus = false;
        statussen.push(status);
        zaak.status = status.url;
        return ok(201, status, { location: status.url as string });
      }
      case 'zaken get /zaakinformatieobjecten': {
        const found = zaakinformatieobjecten.filter(
          (z) => (!q.has('zaak') || z.zaak === q.get('zaak')) && (!q.has('informatieobject') || z.informatieobject === q.get('informatieobject')),
        );
        return ok(200, found);
      }
      case 'zaken post /zaakinformatieobjecten': {
        const zaak = zaken.find((z) => z.url === b.zaak);
        if (!zaak) return reject(res, api, op, where, 'the zaak does not exist');
        if (!documenten.some((d) => d.eio.url === b.informatieobject)) return reject(res, api, op, where, 'the informatieobject does not exist');
        if (zaakinformatieobjecten.some((z) => z.zaak === b.zaak && z.informatieobject === b.informatieobject))
          return reject(res, api, op, where, 'the informatieobject is linked to this zaak already');
        const uuid = randomUUID();
        const zio: Json = {
          ...b,
          url: `${base('zaken')}/zaakinformatieobjecten/${uuid}`,
          uuid,
          aardRelatieWeergave: 'Hoort bij, omgekeerd: kent',
          registratiedatum: new Date().toISOString(),
        };
        zaakinformatieobjecten.push(zio);
        (zaak.zaakinformatieobjecten as string[]).push(zio.url as string);
        return ok(201, zio, { location: zio.url as string });
      }
      case 'catalogi get /zaaktypen': {
        const status = q.get('status') ?? 'definitief';
        const found = zaaktypen.filter((z) => status === 'alles' || (status === 'concept') === z.concept);
        return ok(200, paged(url, found));
      }
      case 'catalogi get /statustypen': {
        const found = statustypen.filter((s) => !q.has('zaaktype') || s.zaaktype === q.get('zaaktype'));
        return ok(200, paged(url, found));
      }
      case 'catalogi get /informatieobjecttypen':
        return ok(200, paged(url, informatieobjecttypen));
      case 'documenten get /enkelvoudiginformatieobjecten': {
        const found = documenten
          .map((d) => d.eio)
          .filter(
            (d) =>
              (!q.has('identificatie') || d.identificatie === q.get('identificatie')) &&
              (!q.has('bronorganisatie') || d.bronorganisatie === q.get('bronorganisatie')),
          );
        return ok(200, page(found));
      }
      case 'documenten post /enkelvoudiginformatieobjecten': {
        if (b.identificatie && documenten.some((d) => d.eio.identificatie === b.identificatie && d.eio.bronorganisatie === b.bronorganisatie))
          return reject(res, api, op, where, 'an informatieobject with this identificatie exists already in this bronorganisatie');
        if (!informatieobjecttypen.some((t) => t.url === b.informatieobjecttype)) return reject(res, api, op, where, 'no such informatieobjecttype');
        const bytes = Buffer.from(String(b.inhoud ?? ''), 'base64');
        const uuid = randomUUID();
        const eio: Json = {
          ...b,
          identificatie: b.identificatie || uuid,
          url: `${base('documenten')}/enkelvoudiginformatieobjecten/${uuid}`,
          inhoud: `${base('documenten')}/enkelvoudiginformatieobjecten/${uuid}/download`,
          bestandsomvang: bytes.length,
          versie: 1,
          beginRegistratie: new Date().toISOString(),
          locked: false,
          bestandsdelen: [],
        };
        documenten.push({ eio, bytes });
        return ok(201, eio, { location: eio.url as string });
      }
      default:
        return reject(res, api, op, where, 'the fake does not serve this operation');
    }
  }

  const server: Server = createServer((req, res) => {
    if (cut > 0) {
      cut--;
      req.socket.destroy();
      return;
    }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (cutMatching && cutMatching.n > 0 && cutMatching.method === req.method && cutMatching.path.test(path)) {
      cutMatching.n--;
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
  if (opts.unref) server.unref();
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const catalogus = `${base('catalogi')}/catalogussen/${randomUUID()}`;
  return {
    zakenUrl: base('zaken'),
    catalogiUrl: base('catalogi'),
    documentenUrl: base('documenten'),
    zaken,
    statussen,
    zaaktypen,
    statustypen,
    informatieobjecttypen,
    documenten,
    zaakinformatieobjecten,
    requests,
    violations,
    addZaaktype: (z) => {
      const url = `${base('catalogi')}/zaaktypen/${randomUUID()}`;
      zaaktypen.push({ url, identificatie: z.identificatie, omschrijving: z.omschrijving, catalogus, concept: z.concept ?? false, statustypen: [] });
      const urls = z.statustypen.map((omschrijving, i) => {
        const st = {
          url: `${base('catalogi')}/statustypen/${randomUUID()}`,
          omschrijving,
          zaaktype: url,
          catalogus,
          zaaktypeIdentificatie: z.identificatie,
          volgnummer: i + 1,
          isEindstatus: i === z.statustypen.length - 1,
          zaakobjecttype: `${base('catalogi')}/zaakobjecttypen/${randomUUID()}`,
        };
        // stored out of order: the client must order them by volgnummer itself
        statustypen.unshift(st);
        return st.url;
      });
      (zaaktypen[zaaktypen.length - 1] as Json).statustypen = urls;
      return { url, statustypen: urls };
    },
    addInformatieobjecttype: (omschrijving) => {
      const url = `${base('catalogi')}/informatieobjecttypen/${randomUUID()}`;
      informatieobjecttypen.push({ url, omschrijving, catalogus, vertrouwelijkheidaanduiding: 'zaakvertrouwelijk', concept: false });
      return url;
    },
    cutNext: (n) => {
      cut = n;
    },
    cutNextMatching: (method, path, n = 1) => {
      cutMatching = { method, path, n };
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
