// Collaborations over HTTP (docs/product.md#collaborations): starting one, its page
// with the health check, the overview with its filters and cursor, ETag/If-Match,
// bad input as 400 problem+json, and another municipality refused.
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import type { Actor } from '../../platform/auth/index.js';
import { buildMunicipality, buildUser, type TestMunicipality } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';
import { pdfText } from '../../testing/pdf.js';

const clock = fixedClock('2026-03-02T09:00:00+01:00');
const t = withTestApp({ clock });
let m: TestMunicipality;
let director: Actor;
let owner: Record<string, string>;
let council: Record<string, string>;
let otherAdmin: Record<string, string>;

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Record<string, string>, payload?: unknown, extra: Record<string, string> = {}) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { ...headers, ...extra }, payload: payload as never });

beforeAll(async () => {
  m = await buildMunicipality(t.db);
  const o = await buildMunicipality(t.db);
  director = await buildUser(t.db, m, { role: 'director', name: 'Ria Regisseur' });
  owner = await t.login(director);
  council = await t.login(await buildUser(t.db, m, { role: 'council' }));
  otherAdmin = await t.login(await buildUser(t.db, o, { role: 'admin' }));
}, 120_000);

const start = (name: string, extra: Record<string, unknown> = {}) =>
  call('POST', '/collaborations', owner, { name, ownerUserId: director.userId, startOn: '2026-01-01', endOn: '2026-12-31', ...extra });

describe('a collaboration over HTTP', () => {
  it('starts one, shows its page with the health check, and changes it with If-Match', async () => {
    const res = await start('Jeugdoverlast Centrum', { phase: 'policy', areaIds: [m.areaIds[0]] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    const c = res.json();
    expect(res.headers.location).toBe(`/api/v1/collaborations/${c.id}`);
    expect(c).toMatchObject({ name: 'Jeugdoverlast Centrum', phase: 'policy', ownerName: 'Ria Regisseur', abilities: { edit: true } });
    expect(c.health.issues.map((i: { code: string }) => i.code)).toEqual(['goalWithoutTarget', 'powerNotSettled']);

    const party = await call('POST', `/collaborations/${c.id}/parties`, owner, {
      kind: 'organisation',
      name: 'Sportclub',
      orgType: 'nonprofit',
      finalSay: ['Gebruik van de velden'],
      contributions: [{ kind: 'hours', amount: 40, description: 'Trainers' }],
    });
    expect(party.statusCode, party.body).toBe(201);
    expect(party.json().health.issues).toContainEqual(
      expect.objectContaining({ code: 'partyWithoutYield', party: 'Sportclub', text: expect.stringContaining('Voor Sportclub staat niet vast') }),
    );

    const page = await call('GET', `/collaborations/${c.id}`, council);
    expect(page.statusCode).toBe(200);
    expect(page.json().abilities).toEqual({ edit: false });
    const etag = page.headers.etag as string;
    // The council reads, it does not change.
    expect((await call('POST', `/collaborations/${c.id}/phase`, council, { phase: 'implementation' })).statusCode).toBe(403);

    const stale = await call('PATCH', `/collaborations/${c.id}`, owner, { goal: 'Minder overlast' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    const ok = await call('PATCH', `/collaborations/${c.id}`, owner, { goal: 'Minder overlast' }, { 'if-match': etag });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().goal).toBe('Minder overlast');

    // The sheet for a council meeting, as a PDF.
    const sheet = await call('GET', `/collaborations/${c.id}/sheet.pdf`, council);
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['content-type']).toBe('application/pdf');
    expect(sheet.headers['content-disposition']).toBe('attachment; filename="samenwerking-Jeugdoverlast-Centrum.pdf"');
    const text = (await pdfText(sheet.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('Samenwerking: Jeugdoverlast Centrum');
    expect(text).toContain('Minder overlast');
    expect(text).toContain('Uren, 40 uur: Trainers');
    expect(text).toContain('Heeft het laatste woord over: Gebruik van de velden');
    expect(text).toContain('Opbrengst: niet vastgelegd');
    expect(text).toContain('Voor Sportclub staat niet vast wat het oplevert.');
    expect((await call('GET', `/collaborations/${c.id}/sheet.pdf`, otherAdmin)).statusCode).toBe(404);

    // Another municipality's admin does not find it.
    expect((await call('GET', `/collaborations/${c.id}`, otherAdmin)).statusCode).toBe(404);
    expect((await call('PATCH', `/collaborations/${c.id}`, otherAdmin, { goal: 'x' })).statusCode).toBe(404);
  });

  it('changes a target with If-Match, and shows a mandate scoped to it in the register and on its page', async () => {
    const c = (await start('Buurtpreventie')).json();
    const added = await call(
      'POST',
      `/collaborations/${c.id}/targets`,
      owner,
      { indicator: 'Inbraken', baseline: 30, targetValue: 18, unit: 'per jaar', targetOn: '2026-12-31' },
      { 'if-match': '"1"' },
    );
    expect(added.statusCode, added.body).toBe(201);
    const targetId = added.json().targets[0].id;
    const path = `/collaborations/${c.id}/targets/${targetId}`;
    expect((await call('PATCH', path, owner, { targetValue: 15 }, { 'if-match': '"1"' })).statusCode).toBe(412);
    expect((await call('PATCH', path, owner, {}, { 'if-match': '"2"' })).statusCode).toBe(400);
    const changed = await call('PATCH', path, owner, { targetValue: 15 }, { 'if-match': added.headers.etag as string });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().targets[0]).toMatchObject({ targetValue: 15, baseline: 30 });
    expect(changed.headers.etag).toBe('"3"');
    expect((await call('PATCH', path, otherAdmin, { targetValue: 14 })).statusCode).toBe(404);

    const admin = await t.login(await buildUser(t.db, m, { role: 'admin' }));
    const body = {
      holder: { kind: 'person', userId: director.userId },
      scope: { kind: 'commitMoney', upToCents: 100_000 },
      delegatedBy: 'het college',
      validFrom: '2026-01-01',
    };
    const granted = await call('POST', '/mandates', admin, { ...body, collaborationId: c.id });
    expect(granted.statusCode, granted.body).toBe(201);
    expect(granted.json().collaboration).toEqual({ id: c.id, name: 'Buurtpreventie' });
    const list = await call('GET', `/mandates?collaborationId=${c.id}`, council);
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([granted.json().id]);
    const page = await call('GET', `/collaborations/${c.id}`, council);
    expect(page.json().mandates).toEqual([
      expect.objectContaining({ id: granted.json().id, holderName: 'Ria Regisseur', upToCents: 100_000, inForceToday: true }),
    ]);
    const refused = await call('POST', '/mandates', admin, { ...body, holder: { kind: 'role', role: 'director' }, collaborationId: c.id });
    expect(refused.statusCode).toBe(400);
  });

  it('answers bad input with 400 problem+json naming the fields', async () => {
    const res = await start('Fout', { endOn: '2025-12-31', ownerUserId: '00000000-0000-4000-8000-000000000000' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(
      res
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
    ).toEqual(['endOn', 'ownerUserId']);
    const c = (await start('Goed')).json();
    const kvk = await call('POST', `/collaborations/${c.id}/parties`, owner, {
      kind: 'organisation',
      name: 'Bakker',
      orgType: 'private',
      kvkNumber: '1234567',
    });
    expect(kvk.statusCode).toBe(400);
    expect(kvk.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['kvkNumber']);
    const phase = await call('POST', `/collaborations/${c.id}/phase`, owner, { phase: 'afgerond' });
    expect(phase.statusCode).toBe(400);
  });
});

describe('the overview', () => {
  it('filters by phase, area, party and health, and pages with a cursor', async () => {
    const mm = await buildMunicipality(t.db);
    const dir = await buildUser(t.db, mm, { role: 'coordinator', name: 'Co Ordinator' });
    const h = await t.login(dir);
    const mk = async (name: string, at: string, extra: Record<string, unknown> = {}) => {
      clock.set(at);
      const r = await call('POST', '/collaborations', h, { name, ownerUserId: dir.userId, startOn: '2026-01-01', endOn: '2026-12-31', ...extra });
      expect(r.statusCode, r.body).toBe(201);
      return r.json();
    };
    const a = await mk('A', '2026-03-02T09:00:00+01:00', { phase: 'agenda', areaIds: [mm.areaIds[0]] });
    const b = await mk('B', '2026-03-02T09:01:00+01:00', { phase: 'implementation', themeIds: [mm.themeIds[0]] });
    const c = await mk('C', '2026-03-02T09:02:00+01:00', { phase: 'implementation' });
    // C gets everything that makes it healthy: a target, a recent reading, a party with contribution, yield and the final say.
    let v = (
      await call('POST', `/collaborations/${c.id}/targets`, h, { indicator: 'Meldingen', baseline: 10, targetValue: 5, unit: 'st', targetOn: '2026-12-31' })
    ).json();
    await call('POST', `/collaborations/${c.id}/targets/${v.targets[0].id}/readings`, h, { readOn: '2026-03-01', value: 8 });
    v = await call('POST', `/collaborations/${c.id}/parties`, h, {
      kind: 'organisation',
      name: 'Politie Midden',
      orgType: 'public',
      finalSay: ['Surveillance'],
      yield: 'Minder meldingen',
      contributions: [{ kind: 'hours', amount: 80, description: '' }],
    });
    expect(v.statusCode, v.body).toBe(201);

    const names = async (q: string) => {
      const r = await call('GET', `/collaborations${q}`, h);
      expect(r.statusCode, r.body).toBe(200);
      return r.json().items.map((i: { name: string }) => i.name);
    };
    expect(await names('')).toEqual(['C', 'B', 'A']);
    expect(await names('?phase=implementation')).toEqual(['C', 'B']);
    expect(await names(`?areaId=${mm.areaIds[0]}`)).toEqual(['A']);
    expect(await names(`?themeId=${mm.themeIds[0]}`)).toEqual(['B']);
    expect(await names('?party=politie')).toEqual(['C']);
    expect(await names('?health=without')).toEqual(['C']);
    expect(await names('?health=with')).toEqual(['B', 'A']);

    const first = (await call('GET', '/collaborations?limit=2', h)).json();
    expect(first.items.map((i: { id: string }) => i.id)).toEqual([c.id, b.id]);
    expect(first.items[1].health.length).toBeGreaterThan(0);
    const second = (await call('GET', `/collaborations?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`, h)).json();
    expect(second).toEqual({ items: [expect.objectContaining({ id: a.id })], nextCursor: null });
    expect((await call('GET', '/collaborations?cursor=forged', h)).statusCode).toBe(400);

    // Another municipality's overview holds none of these.
    const other = (await call('GET', '/collaborations', otherAdmin)).json();
    expect(other.items.map((i: { id: string }) => i.id)).not.toContain(a.id);
  });
});
