// Places over HTTP (in-process): address suggestions through a local fake of PDOK's
// Locatieserver (an outage is a 503 problem+json, the intake still takes free text),
// the map's settings, boundaries as problem+json on bad input, and a public intake
// with a point whose area feeds the director proposal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/index.js';
import { buildMunicipality, buildUser, type TestMunicipality } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';
import { FAKE_ADDRESSES, type FakeLocatieserver, startFakeLocatieserver } from '../../testing/locatieserver.js';
import { square } from './authorization.rows.js';

const t = withTestApp();
let m: TestMunicipality;
let admin: Actor;
let coordinator: Actor;
let northDirector: Actor;
let fake: FakeLocatieserver;
const NORTH = { lon: 5.3872, lat: 52.1852 };

beforeAll(async () => {
  m = await buildMunicipality(t.db);
  admin = await buildUser(t.db, m, { role: 'admin' });
  coordinator = await buildUser(t.db, m, { role: 'coordinator' });
  // Two directors: one covers Centrum, the other Noord (the area the point will be in).
  await buildUser(t.db, m, { role: 'director', name: 'Aafke Centrum', areaIds: [m.areaIds[0] as string] });
  northDirector = await buildUser(t.db, m, { role: 'director', name: 'Bram Noord', areaIds: [m.areaIds[1] as string] });
  fake = await startFakeLocatieserver();
  t.deps.config.addressSearchUrl = fake.url;
});
afterAll(async () => {
  t.deps.config.addressSearchUrl = null;
  await fake.close();
});

const get = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}` });

describe('address suggestions', () => {
  it('answers the suggestions, then the lookup of one, without login', async () => {
    const s = await get('/addresses/suggest?q=Stadhuisplein');
    expect(s.statusCode).toBe(200);
    expect(s.json().items.map((i: { type: string }) => i.type)).toEqual(['adres', 'adres', 'weg']);
    const l = await get(`/addresses/lookup?id=${s.json().items[0].id}`);
    expect(l.statusCode).toBe(200);
    expect(l.json()).toMatchObject({ addressId: '0307200000493821', lon: 5.38720621, lat: 52.1551744, rdX: 155000, rdY: 463000 });
  });

  it('answers an empty list for no match and a 400 for a too short query', async () => {
    expect((await get('/addresses/suggest?q=Nergensstraat')).json()).toEqual({ items: [] });
    const short = await get('/addresses/suggest?q=a');
    expect(short.statusCode).toBe(400);
    expect(short.headers['content-type']).toContain('application/problem+json');
  });

  it('answers 503 problem+json while PDOK fails, and the intake still takes free text', async () => {
    fake.failWith = 502;
    try {
      const res = await get('/addresses/suggest?q=Stadhuisplein');
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().title).toBe('De adressuggesties zijn nu niet bereikbaar. Typ de locatie zelf in.');
      expect((await get(`/addresses/lookup?id=${FAKE_ADDRESSES[0]?.id}`)).statusCode).toBe(503);
      const intake = await t.app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        payload: {
          municipality: m.slug,
          initiator: { name: 'Sem de Boer', email: 'sem@example.nl' },
          title: 'Lantaarnpaal kapot',
          description: 'De lantaarnpaal achter het speelveld doet het niet.',
          location: 'Achter het speelveld aan de Beek',
        },
      });
      expect(intake.statusCode).toBe(201);
    } finally {
      fake.failWith = null;
    }
  });

  it('tells the web app whether suggestions are on, and which tiles to show', async () => {
    const res = await get('/map');
    expect(res.json()).toEqual({ tileUrl: '', attribution: t.deps.config.mapAttribution, addressSuggestions: true });
  });
});

describe('area boundaries over HTTP', () => {
  it('refuses a boundary that is not a valid GeoJSON polygon in the Netherlands with problem+json', async () => {
    const h = await t.login(admin);
    const put = (geometry: unknown) => t.app.inject({ method: 'PUT', url: `/api/v1/areas/${m.areaIds[1]}/boundary`, headers: h, payload: { geometry } });
    const notClosed = await put({
      type: 'Polygon',
      coordinates: [
        [
          [5.3, 52.1],
          [5.4, 52.1],
          [5.4, 52.2],
          [5.3, 52.2],
        ],
      ],
    });
    expect(notClosed.statusCode).toBe(400);
    expect(notClosed.headers['content-type']).toContain('application/problem+json');
    expect(notClosed.json().invalidParams).toEqual([{ name: 'geometry.coordinates.0', reason: expect.stringContaining('gesloten') }]);
    expect((await put({ type: 'Point', coordinates: [5.3, 52.1] })).statusCode).toBe(400);
    expect((await put({ type: 'Polygon', coordinates: [[['a', 52.1]]] })).statusCode).toBe(400);
    const ok = await put(square(NORTH.lon, NORTH.lat));
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/area-boundaries', headers: await t.login(coordinator) })).json().items).toHaveLength(1);
  });

  it('assigns the area from the point of a public intake, which the director proposal then uses', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        municipality: m.slug,
        initiator: { name: 'Noor Jansen', email: 'noor@example.nl' },
        title: 'Speeltuin opknappen',
        description: 'De speeltuin in Noord is aan een opknapbeurt toe.',
        location: 'Speeltuin Noord',
        place: { lon: NORTH.lon, lat: NORTH.lat },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const h = await t.login(coordinator);
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${res.json().id}`, headers: h })).json();
    expect(detail.area).toEqual({ id: m.areaIds[1], name: 'Noord' });
    expect(detail.areaFromPoint).toBe(true);
    expect(detail.place).toMatchObject({ addressId: null, lon: NORTH.lon, lat: NORTH.lat });
    const proposal = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${res.json().id}/director-proposal`, headers: h })).json();
    expect(proposal.proposal).toMatchObject({ id: northDirector.userId, reason: { coversArea: true } });
    const list = (await t.app.inject({ method: 'GET', url: `/api/v1/cases?area=${m.areaIds[1]}`, headers: h })).json();
    expect(list.items.map((i: { point: unknown }) => i.point)).toEqual([{ lon: NORTH.lon, lat: NORTH.lat }]);
  });

  it('refuses a point outside the Netherlands at intake', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        municipality: m.slug,
        initiator: { name: 'Noor Jansen', email: 'noor@example.nl' },
        title: 'Speeltuin opknappen',
        description: 'De speeltuin in Noord is aan een opknapbeurt toe.',
        location: 'Parijs',
        place: { lon: 2.35, lat: 48.85 },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().invalidParams).toEqual([{ name: 'place', reason: 'Dit punt ligt niet in Nederland.' }]);
  });
});
