// A local fake of PDOK's Locatieserver (v3_1) that answers `suggest` and `lookup`
// exactly in the documented format (a Solr response: response.numFound, start,
// maxScore, docs[] with id, weergavenaam, type, score; lookup with centroide_ll and
// centroide_rd as WKT points and the BAG ids), so tests never reach the internet.
// `failWith` makes it answer every request with that status instead (an outage).
import { createServer, type Server } from 'node:http';

export interface FakeAddress {
  id: string;
  weergavenaam: string;
  type: 'adres' | 'weg';
  /** [lon, lat] */
  ll: [number, number];
  /** [x, y] in RD New */
  rd: [number, number];
  nummeraanduiding_id?: string;
  adresseerbaarobject_id?: string;
}

/** Two addresses and a street in Amersfoort, with their real RD New and WGS84 points. */
export const FAKE_ADDRESSES: FakeAddress[] = [
  {
    id: 'adr-0a1b2c3d4e5f60718293a4b5c6d7e8f9',
    weergavenaam: 'Stadhuisplein 1, 3811LM Amersfoort',
    type: 'adres',
    ll: [5.38720621, 52.1551744],
    rd: [155000, 463000],
    nummeraanduiding_id: '0307200000493821',
    adresseerbaarobject_id: '0307010000493820',
  },
  {
    id: 'adr-1b2c3d4e5f60718293a4b5c6d7e8f90a',
    weergavenaam: 'Stadhuisplein 3, 3811LM Amersfoort',
    type: 'adres',
    ll: [5.38735, 52.15525],
    rd: [155009.9, 463008.5],
    nummeraanduiding_id: '0307200000493822',
    adresseerbaarobject_id: '0307010000493821',
  },
  { id: 'weg-2c3d4e5f60718293a4b5c6d7e8f90a1b', weergavenaam: 'Stadhuisplein, Amersfoort', type: 'weg', ll: [5.3873, 52.1552], rd: [155005, 463005] },
];

export interface FakeLocatieserver {
  url: string;
  /** every request's path and query, in order */
  requests: { path: string; params: URLSearchParams }[];
  failWith: number | null;
  /** never answer (PDOK hanging: Regie's timeout must end the wait) */
  hang: boolean;
  close(): Promise<void>;
}

const solr = (docs: object[]) => ({
  response: { numFound: docs.length, start: 0, maxScore: docs.length ? 10.5 : 0, numFoundExact: true, docs },
  highlighting: {},
  spellcheck: { suggestions: [], collations: [] },
});

export async function startFakeLocatieserver(addresses: FakeAddress[] = FAKE_ADDRESSES): Promise<FakeLocatieserver> {
  const fake: FakeLocatieserver = { url: '', requests: [], failWith: null, hang: false, close: async () => {} };
  const server: Server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://localhost');
    const path = u.pathname.replace(/^\/bzk\/locatieserver\/search\/v3_1/, '');
    fake.requests.push({ path, params: u.searchParams });
    if (fake.hang) return;
    if (fake.failWith) {
      res.writeHead(fake.failWith, { 'content-type': 'text/html' }).end('<html><body>Service Unavailable</body></html>');
      return;
    }
    let body: object;
    if (path === '/suggest') {
      const words = (u.searchParams.get('q') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const rows = Number(u.searchParams.get('rows') ?? 10);
      // every typed word starts a word of the name, as PDOK's suggest matches
      const wordsOf = (a: FakeAddress) => a.weergavenaam.toLowerCase().split(/[\s,]+/);
      const found = addresses.filter((a) => words.length && words.every((w) => wordsOf(a).some((n) => n.startsWith(w)))).slice(0, rows);
      body = solr(found.map((a, i) => ({ type: a.type, weergavenaam: a.weergavenaam, id: a.id, score: 10.5 - i })));
    } else if (path === '/lookup') {
      const a = addresses.find((x) => x.id === u.searchParams.get('id'));
      body = solr(
        a
          ? [
              {
                id: a.id,
                type: a.type,
                weergavenaam: a.weergavenaam,
                centroide_ll: `POINT(${a.ll[0]} ${a.ll[1]})`,
                centroide_rd: `POINT(${a.rd[0]} ${a.rd[1]})`,
                ...(a.nummeraanduiding_id ? { nummeraanduiding_id: a.nummeraanduiding_id, adresseerbaarobject_id: a.adresseerbaarobject_id } : {}),
              },
            ]
          : [],
      );
    } else {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"not found"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const port = (server.address() as { port: number }).port;
  fake.url = `http://127.0.0.1:${port}/bzk/locatieserver/search/v3_1`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return fake;
}

let shared: Promise<FakeLocatieserver> | null = null;
/** One fake for a whole test file (the negative suites): started on first use, never holding the process open. */
export const sharedFakeLocatieserver = () => {
  shared ??= startFakeLocatieserver();
  return shared;
};
