// Comparing municipalities over HTTP (docs/product.md#comparing-municipalities,
// docs/product.md#open-data): the admin's settings, the comparison for the own
// municipality, and the open data of a publishing municipality in JSON and CSV with
// its licence; 404 for one that does not publish, 400 for bad input.
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import { readCsv } from '../../kernel/csv.js';
import type { Actor } from '../../platform/auth/index.js';
import { buildCase, buildMunicipality, buildUser, ctxFor, type TestMunicipality } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';
import { agreePlan } from '../plans/index.js';
import { computeBenchmarkFigures } from './index.js';

const clock = fixedClock('2026-03-02T09:00:00+01:00');
const t = withTestApp({ clock });
let pub: TestMunicipality;
let quiet: TestMunicipality;
let admin: Record<string, string>;
let coordinator: Record<string, string>;
let council: Record<string, string>;
let director: Record<string, string>;
let quietAdmin: Record<string, string>;
const period = 'from=2026-03&to=2026-04';

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });

beforeAll(async () => {
  pub = await buildMunicipality(t.db);
  quiet = await buildMunicipality(t.db);
  const dir = await buildUser(t.db, pub, { role: 'director' });
  const c = await buildCase({
    municipality: pub,
    deps: t.deps,
    director: dir,
    plan: { goal: 'Terras', actions: [{ description: 'Aanvraag', ownerKind: 'initiator', dueOn: '2026-09-01' }] },
  });
  clock.set('2026-03-12T12:00:00+01:00');
  await agreePlan(ctxFor(t.deps, dir), { caseId: c.id, version: 1 });
  await agreePlan(ctxFor(t.deps, c.initiator), { caseId: c.id, version: 1 });
  // Sessions live by the clock: log in at the time of the requests.
  clock.set('2026-05-04T09:00:00+02:00');
  admin = await t.login((await buildUser(t.db, pub, { role: 'admin' })) as Actor);
  coordinator = await t.login((await buildUser(t.db, pub, { role: 'coordinator' })) as Actor);
  council = await t.login((await buildUser(t.db, pub, { role: 'council' })) as Actor);
  director = await t.login(dir);
  quietAdmin = await t.login((await buildUser(t.db, quiet, { role: 'admin' })) as Actor);
}, 120_000);

describe('the settings', () => {
  it('start off: not taking part, not publishing, CC0', async () => {
    const res = await get('/benchmark/settings', admin);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ inhabitants: null, sizeClass: null, benchmarkOptIn: false, publishFigures: false, openDataLicence: 'CC0-1.0' });
  });

  it('the admin takes part and publishes; the size class follows the inhabitants', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/benchmark/settings',
      headers: admin,
      payload: { inhabitants: 10_000, benchmarkOptIn: true, publishFigures: true, openDataLicence: 'CC-BY-4.0' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ inhabitants: 10_000, sizeClass: '10k-20k', benchmarkOptIn: true, publishFigures: true, openDataLicence: 'CC-BY-4.0' });
    await computeBenchmarkFigures(t.deps);
  });

  it('refuses bad input with 400 and other roles with 403', async () => {
    for (const payload of [{ inhabitants: -1 }, { openDataLicence: 'MIT' }, { benchmarkOptIn: 'ja' }, {}]) {
      const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/benchmark/settings', headers: admin, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await get('/benchmark/settings', coordinator)).statusCode).toBe(403);
  });
});

describe('the comparison', () => {
  it('answers the coordinator and the council member with the own figures and suppressed aggregates', async () => {
    for (const who of [coordinator, council]) {
      const res = await get(`/benchmark/comparison?${period}`, who);
      expect(res.statusCode, res.body).toBe(200);
      const c = res.json();
      expect(c).toMatchObject({ participating: true, sizeClass: '10k-20k', period: { from: '2026-03', to: '2026-04' } });
      expect(c.figures.find((f: { key: string }) => f.key === 'leadTime')).toEqual({
        key: 'leadTime',
        own: { suppressed: false, value: 10, basis: 1 },
        all: { suppressed: true, municipalities: 1 },
        sizeClass: { suppressed: true, municipalities: 1 },
      });
      // no satisfaction survey wired in: no average mark
      expect(c.figures.map((f: { key: string }) => f.key)).toEqual(['plansOnTime', 'leadTime', 'commitmentsKept']);
      expect(c.months.map((m: { month: string }) => m.month)).toEqual(['2026-03', '2026-04']);
    }
  });

  it('refuses the director, and bad months with 400', async () => {
    expect((await get(`/benchmark/comparison?${period}`, director)).statusCode).toBe(403);
    for (const q of ['from=2026-13', 'to=26-01', 'from=2026-04&to=2026-03', 'from=2020-01&to=2026-01', 'from=x'.repeat(20)]) {
      const res = await get(`/benchmark/comparison?${q}`, coordinator);
      expect(res.statusCode, q).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('tells a municipality that does not take part so, without figures', async () => {
    const res = await get(`/benchmark/comparison?${period}`, quietAdmin);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ participating: false, figures: [], months: [] });
  });
});

describe('the open data', () => {
  it('lists the publishing municipalities, without login', async () => {
    const res = await get('/public/municipalities');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      { slug: pub.slug, name: expect.any(String), licence: { id: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } },
    ]);
  });

  it('gives the figures as JSON with the licence, the period, and per figure the value and its basis', async () => {
    const res = await get(`/public/municipalities/${pub.slug}/figures?${period}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers.link).toBe('<https://creativecommons.org/licenses/by/4.0/>; rel="license"');
    const f = res.json();
    expect(f.licence).toEqual({ id: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
    expect(f.period).toEqual({ from: '2026-03', to: '2026-04' });
    expect(f.figures).toEqual([
      { key: 'plansOnTime', value: 100, basis: 1, suppressed: false },
      { key: 'leadTime', value: 10, basis: 1, suppressed: false },
      { key: 'commitmentsKept', value: null, basis: 0, suppressed: false },
    ]);
    // nothing personal, no case reference
    const ref = (await t.db.unsafeAdmin.selectFrom('cases').select('reference').where('municipality_id', '=', pub.id).executeTakeFirstOrThrow()).reference;
    expect(res.body).not.toContain(ref);
    expect(res.body).not.toContain('Fatima');
    expect(res.body).not.toContain('Terras');
  });

  it('gives the same figures as CSV, by Accept or by .csv, Excel-friendly', async () => {
    const byAccept = await get(`/public/municipalities/${pub.slug}/figures?${period}`, { accept: 'text/csv' });
    const byName = await get(`/public/municipalities/${pub.slug}/figures.csv?${period}`);
    for (const res of [byAccept, byName]) {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers.link).toContain('rel="license"');
      expect(res.body.charCodeAt(0)).toBe(0xfeff);
      const read = readCsv(res.body, ';');
      if (!read.ok) throw new Error('not CSV');
      const rows = read.records.map((r) => r.cells);
      expect(rows[0]).toEqual(['periode', 'kengetal', 'waarde', 'aantal', 'te weinig gegevens']);
      expect(rows).toContainEqual(['2026-03/2026-04', 'leadTime', '10', '1', '0']);
      expect(rows).toContainEqual(['2026-03', 'leadTime', '10', '1', '0']);
      expect(rows).toContainEqual(['2026-04', 'leadTime', '', '0', '0']);
    }
    expect(byAccept.body).toBe(byName.body);
  });

  it('answers 404 for a municipality that does not publish, or does not exist', async () => {
    for (const url of [
      `/public/municipalities/${quiet.slug}/figures`,
      `/public/municipalities/${quiet.slug}/figures.csv`,
      '/public/municipalities/bestaat-niet/figures',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('refuses bad input with 400', async () => {
    for (const url of [
      `/public/municipalities/${pub.slug}/figures?from=2026-00`,
      `/public/municipalities/${pub.slug}/figures?from=2026-05&to=2026-01`,
      `/public/municipalities/${pub.slug}/figures.csv?separator=x`,
      '/public/municipalities/Geen%20Slug/figures',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});
