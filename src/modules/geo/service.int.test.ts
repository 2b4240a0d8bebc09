// Places on a real database: the areas' boundaries, the area of a case's point (and
// the director proposal it feeds), and address suggestions through a local fake of
// PDOK's Locatieserver that answers in its documented format.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/index.js';
import { withTestDb } from '../../testing/db.js';
import { buildMunicipality, buildUser, ctxFor, type TestMunicipality } from '../../testing/factories.js';
import { FAKE_ADDRESSES, type FakeLocatieserver, startFakeLocatieserver } from '../../testing/locatieserver.js';
import { submitCase } from '../cases/index.js';
import { square } from './authorization.rows.js';
import { areaForPoint, listAreaBoundaries, removeAreaBoundary, setAreaBoundary } from './index.js';
import { lookupAddress, suggestAddresses } from './service.js';

const t = withTestDb();
let m: TestMunicipality;
let admin: Actor;
let coordinator: Actor;
let fake: FakeLocatieserver;
// Centrum: a square around Amersfoort's centre; Noord: a square north of it.
const CENTRE = { lon: 5.3872, lat: 52.1552 };
const NORTH = { lon: 5.3872, lat: 52.1852 };

beforeAll(async () => {
  m = await buildMunicipality(t.db);
  admin = await buildUser(t.db, m, { role: 'admin' });
  coordinator = await buildUser(t.db, m, { role: 'coordinator' });
  await setAreaBoundary(ctxFor(t.deps, admin), { areaId: m.areaIds[0] as string, geometry: square(CENTRE.lon, CENTRE.lat) });
  await setAreaBoundary(ctxFor(t.deps, admin), { areaId: m.areaIds[1] as string, geometry: square(NORTH.lon, NORTH.lat) });
  fake = await startFakeLocatieserver();
});
afterAll(() => fake.close());

const intake = (place: { addressId?: string | null; lon: number; lat: number } | null, areaId?: string) =>
  submitCase(t.deps, {
    municipalityId: m.id,
    initiator: { name: 'Ayla Yılmaz', email: `ayla-${Math.random().toString(36).slice(2)}@example.nl` },
    title: 'Bankje bij het stadhuis',
    description: 'Graag een bankje bij de ingang van het stadhuis.',
    location: 'Stadhuisplein 1, Amersfoort',
    areaId,
    channel: 'web',
    place,
  });
const caseRow = (id: string) => t.db.unsafeAdmin.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('area boundaries', () => {
  it('are listed for staff, by area name', async () => {
    const list = await listAreaBoundaries(ctxFor(t.deps, coordinator));
    expect(list.map((b) => b.areaId)).toEqual(m.areaIds);
    expect(list[0]?.geometry).toEqual(square(CENTRE.lon, CENTRE.lat));
  });

  it('refuses an invalid boundary with every problem, and stores nothing', async () => {
    const bad = {
      type: 'Polygon',
      coordinates: [
        [
          [52.1, 5.3],
          [52.2, 5.3],
          [52.2, 5.4],
        ],
      ],
    };
    const err = await setAreaBoundary(ctxFor(t.deps, admin), { areaId: m.areaIds[0] as string, geometry: bad as never }).catch((e) => e);
    expect(err.status).toBe(400);
    expect(err.fields.map((f: { key: string }) => f.key)).toEqual(['error.boundaryRingTooShort', 'error.boundaryOutsideNetherlands']);
    expect((await listAreaBoundaries(ctxFor(t.deps, coordinator)))[0]?.geometry).toEqual(square(CENTRE.lon, CENTRE.lat));
  });

  it('is set by the admin only, for an area of their own municipality', async () => {
    await expect(setAreaBoundary(ctxFor(t.deps, coordinator), { areaId: m.areaIds[0] as string, geometry: square() })).rejects.toMatchObject({ status: 403 });
    const other = await buildMunicipality(t.db);
    await expect(setAreaBoundary(ctxFor(t.deps, admin), { areaId: other.areaIds[0] as string, geometry: square() })).rejects.toMatchObject({ status: 404 });
  });

  it('once removed, no longer assigns its area', async () => {
    const other = await buildMunicipality(t.db);
    const otherAdmin = await buildUser(t.db, other, { role: 'admin' });
    const areaId = other.areaIds[0] as string;
    await setAreaBoundary(ctxFor(t.deps, otherAdmin), { areaId, geometry: square() });
    expect(await t.db.tenant(other.id, (trx) => areaForPoint(trx, other.id, CENTRE))).toBe(areaId);
    await removeAreaBoundary(ctxFor(t.deps, otherAdmin), areaId);
    expect(await t.db.tenant(other.id, (trx) => areaForPoint(trx, other.id, CENTRE))).toBeNull();
    await expect(removeAreaBoundary(ctxFor(t.deps, otherAdmin), areaId)).rejects.toMatchObject({ status: 404 });
  });
});

describe('the area of a case from its point', () => {
  it('is assigned at intake from the point, with the point stored in WGS84 and RD New', async () => {
    const c = await intake({ addressId: '0307200000493821', lon: 5.38720621, lat: 52.1551744 });
    const row = await caseRow(c.id);
    expect(row).toMatchObject({ area_id: m.areaIds[0], area_from_point: true, address_id: '0307200000493821', lon: 5.38720621, lat: 52.1551744 });
    expect(Math.abs((row.rd_x as number) - 155000)).toBeLessThan(2);
    expect(Math.abs((row.rd_y as number) - 463000)).toBeLessThan(2);
    const north = await intake({ lon: NORTH.lon, lat: NORTH.lat });
    expect(await caseRow(north.id)).toMatchObject({ area_id: m.areaIds[1], area_from_point: true, address_id: null });
  });

  it('stays empty for a point outside every boundary, and for free text without a point', async () => {
    const far = await intake({ lon: 6.5665, lat: 53.2194 });
    expect(await caseRow(far.id)).toMatchObject({ area_id: null, area_from_point: false, lon: 6.5665 });
    const text = await intake(null);
    expect(await caseRow(text.id)).toMatchObject({ area_id: null, lon: null, rd_x: null, address_id: null });
  });

  it('gives way to an area chosen explicitly', async () => {
    const c = await intake({ lon: CENTRE.lon, lat: CENTRE.lat }, m.areaIds[1]);
    expect(await caseRow(c.id)).toMatchObject({ area_id: m.areaIds[1], area_from_point: false, lon: CENTRE.lon });
  });

  it('refuses a point outside the Netherlands', async () => {
    await expect(intake({ lon: 2.35, lat: 48.85 })).rejects.toMatchObject({ status: 400, fields: [{ field: 'place', key: 'error.pointOutsideNetherlands' }] });
  });
});

describe('address suggestions through the Locatieserver', () => {
  const withUrl = <T>(url: string | null, fn: () => Promise<T>) => {
    const before = t.deps.config.addressSearchUrl;
    t.deps.config.addressSearchUrl = url;
    return fn().finally(() => {
      t.deps.config.addressSearchUrl = before;
    });
  };

  it('passes on the suggestions and asks for addresses and streets', async () => {
    const items = await withUrl(fake.url, () => suggestAddresses(t.deps, 'stadhuisplein 1'));
    expect(items).toEqual([{ id: FAKE_ADDRESSES[0]?.id, label: 'Stadhuisplein 1, 3811LM Amersfoort', type: 'adres' }]);
    const req = fake.requests.at(-1);
    expect(req?.path).toBe('/suggest');
    expect(req?.params.get('q')).toBe('stadhuisplein 1');
    expect(req?.params.get('fq')).toBe('type:(adres OR weg)');
  });

  it('answers an empty list when nothing matches', async () => {
    expect(await withUrl(fake.url, () => suggestAddresses(t.deps, 'Nergensstraat'))).toEqual([]);
  });

  it('looks up a suggestion: its BAG id and its point in WGS84 and RD New', async () => {
    const a = await withUrl(fake.url, () => lookupAddress(t.deps, FAKE_ADDRESSES[0]?.id as string));
    expect(a).toEqual({
      id: FAKE_ADDRESSES[0]?.id,
      label: 'Stadhuisplein 1, 3811LM Amersfoort',
      type: 'adres',
      addressId: '0307200000493821',
      lon: 5.38720621,
      lat: 52.1551744,
      rdX: 155000,
      rdY: 463000,
    });
    const street = await withUrl(fake.url, () => lookupAddress(t.deps, FAKE_ADDRESSES[2]?.id as string));
    expect(street).toMatchObject({ type: 'weg', addressId: null, lon: 5.3873 });
    await expect(withUrl(fake.url, () => lookupAddress(t.deps, 'adr-ffffffffffffffffffffffffffffffff'))).rejects.toMatchObject({ status: 404 });
  });

  it('answers 503 when PDOK answers 5xx or cannot be reached, and the intake goes on with free text', async () => {
    fake.failWith = 503;
    try {
      await expect(withUrl(fake.url, () => suggestAddresses(t.deps, 'stadhuisplein'))).rejects.toMatchObject({
        status: 503,
        type: 'address-service-unavailable',
      });
      await expect(withUrl(fake.url, () => lookupAddress(t.deps, FAKE_ADDRESSES[0]?.id as string))).rejects.toMatchObject({ status: 503 });
    } finally {
      fake.failWith = null;
    }
    await expect(withUrl('http://127.0.0.1:9/v3_1', () => suggestAddresses(t.deps, 'stadhuisplein'))).rejects.toMatchObject({ status: 503 });
    const c = await intake(null);
    expect(await caseRow(c.id)).toMatchObject({ location: 'Stadhuisplein 1, Amersfoort', lon: null });
  });

  it('stops waiting for a PDOK that does not answer after the configured timeout: 503', async () => {
    const timeout = t.deps.config.addressSearchTimeoutMs;
    t.deps.config.addressSearchTimeoutMs = 200;
    fake.hang = true;
    const started = Date.now();
    try {
      await expect(withUrl(fake.url, () => suggestAddresses(t.deps, 'stadhuisplein'))).rejects.toMatchObject({ status: 503 });
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      fake.hang = false;
      t.deps.config.addressSearchTimeoutMs = timeout;
    }
  });

  it('answers 404 when suggestions are switched off', async () => {
    await expect(withUrl(null, () => suggestAddresses(t.deps, 'stadhuisplein'))).rejects.toMatchObject({ status: 404, type: 'address-service-off' });
  });
});
