// Staff set or clear a case's address and point after intake
// (docs/product.md#address-and-point-of-a-case, docs/product.md#area-from-the-point):
// the case's director or a coordinator, with If-Match; the area follows the point
// unless it was chosen explicitly; every change is an event on the timeline.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/index.js';
import { buildCase, buildMunicipality, buildUser, ctxFor, type TestMunicipality } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';
import { setAreaBoundary } from '../geo/index.js';

const t = withTestApp();
let m: TestMunicipality;
let coordinator: Actor;
let director: Actor;
let otherDirector: Actor;
// Centrum: a square around Amersfoort's centre; Noord: a square north of it.
const CENTRE = { lon: 5.3872, lat: 52.1552 };
const NORTH = { lon: 5.3872, lat: 52.1852 };
const ADDRESS = '0307200000012345';
/** A square boundary of 0.02 degrees around a point. */
const square = (lon: number, lat: number, d = 0.01) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lon - d, lat - d],
      [lon + d, lat - d],
      [lon + d, lat + d],
      [lon - d, lat + d],
      [lon - d, lat - d],
    ] as [number, number][],
  ],
});

beforeAll(async () => {
  m = await buildMunicipality(t.db);
  const admin = await buildUser(t.db, m, { role: 'admin' });
  coordinator = await buildUser(t.db, m, { role: 'coordinator' });
  director = await buildUser(t.db, m, { role: 'director' });
  otherDirector = await buildUser(t.db, m, { role: 'director' });
  await setAreaBoundary(ctxFor(t.deps, admin), { areaId: m.areaIds[0] as string, geometry: square(CENTRE.lon, CENTRE.lat) });
  await setAreaBoundary(ctxFor(t.deps, admin), { areaId: m.areaIds[1] as string, geometry: square(NORTH.lon, NORTH.lat) });
});

const caseOf = (areaId?: string) => buildCase({ municipality: m, deps: t.deps, status: 'planning', coordinator, director, areaId });
const read = async (id: string, h: Record<string, string>) => t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: h });
const put = (id: string, h: Record<string, string>, etag: string | undefined, place: unknown) =>
  t.app.inject({ method: 'PUT', url: `/api/v1/cases/${id}/place`, headers: etag ? { ...h, 'if-match': etag } : h, payload: { place } });
const eventsOf = (caseId: string) =>
  t.db.unsafeAdmin
    .selectFrom('events')
    .select(['payload', 'visibility'])
    .where('case_id', '=', caseId)
    .where('type', '=', 'case.placeChanged')
    .orderBy('id')
    .execute();

describe('setting the point of a case after intake', () => {
  it('sets an address and its point: the area follows the point, the event says what changed', async () => {
    const c = await caseOf();
    const h = await t.login(director);
    const before = await read(c.id, h);
    expect(before.json().place).toBeNull();
    const res = await put(c.id, h, before.headers.etag as string, { addressId: ADDRESS, ...CENTRE });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).not.toBe(before.headers.etag);
    const body = res.json();
    expect(body.place).toMatchObject({ addressId: ADDRESS, lon: CENTRE.lon, lat: CENTRE.lat });
    expect(body.place.rdX).toBeGreaterThan(150_000);
    expect(body.area?.id).toBe(m.areaIds[0]);
    expect(body.areaFromPoint).toBe(true);
    const events = await eventsOf(c.id);
    expect(events).toHaveLength(1);
    expect(events[0]?.payload).toEqual({
      place: { addressId: ADDRESS, ...CENTRE },
      previousPlace: null,
      areaId: m.areaIds[0],
      previousAreaId: null,
      areaFromPoint: true,
    });

    // a point picked on the map elsewhere: the area from the point moves with it
    const moved = await put(c.id, h, res.headers.etag as string, { ...NORTH });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ place: { addressId: null, ...NORTH }, area: { id: m.areaIds[1] }, areaFromPoint: true });

    // cleared: no point, and no area from the point
    const cleared = await put(c.id, h, moved.headers.etag as string, null);
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ place: null, area: null, areaFromPoint: false });
    expect(await eventsOf(c.id)).toHaveLength(3);
  });

  it('keeps an area chosen explicitly, whatever the point says', async () => {
    const c = await caseOf(m.areaIds[1]);
    const h = await t.login(coordinator);
    const res = await put(c.id, h, (await read(c.id, h)).headers.etag as string, { ...CENTRE });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ place: { ...CENTRE }, area: { id: m.areaIds[1] }, areaFromPoint: false });
  });

  it('answers 412 on a stale ETag and 400 for a point outside the Netherlands, changing nothing', async () => {
    const c = await caseOf();
    const h = await t.login(director);
    const etag = (await read(c.id, h)).headers.etag as string;
    const outside = await put(c.id, h, etag, { lon: 2.35, lat: 48.85 });
    expect(outside.statusCode).toBe(400);
    expect(outside.headers['content-type']).toContain('application/problem+json');
    expect((await put(c.id, h, etag, { ...CENTRE })).statusCode).toBe(200);
    expect((await put(c.id, h, etag, { ...NORTH })).statusCode).toBe(412);
    expect((await read(c.id, h)).json().place).toMatchObject({ ...CENTRE });
    expect(await eventsOf(c.id)).toHaveLength(1);
  });

  it('is for the case’s director and the coordinators only', async () => {
    const c = await caseOf();
    const other = await t.login(otherDirector);
    expect((await put(c.id, other, undefined, { ...CENTRE })).statusCode).toBe(403);
    const abilities = async (a: Actor) => (await read(c.id, await t.login(a))).json().abilities.changePlace;
    expect(await abilities(director)).toBe(true);
    expect(await abilities(coordinator)).toBe(true);
    expect(await abilities(otherDirector)).toBe(false);
    expect(await eventsOf(c.id)).toHaveLength(0);
  });
});
