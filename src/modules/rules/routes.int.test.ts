// The rules register API over HTTP (in-process): problem+json answers, ETags and
// If-Match, CSV and JSON downloads, the import error report, and who is refused.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/index.js';
import { buildMunicipality, buildUser, type TestMunicipality } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';

let m: TestMunicipality;
let admin: Actor;
let director: Actor;
let otherAdmin: Actor;
const t = withTestApp();
beforeAll(async () => {
  m = await buildMunicipality(t.db);
  admin = await buildUser(t.db, m, { role: 'admin' });
  director = await buildUser(t.db, m, { role: 'director' });
  otherAdmin = await buildUser(t.db, await buildMunicipality(t.db), { role: 'admin' });
});

let seq = 0;
const ruleBody = (over: Record<string, unknown> = {}) => ({
  code: `OP-4.${++seq}`,
  title: 'Bedrijfsbestemming in het centrum',
  legalSource: 'Omgevingsplan artikel 4.12',
  domain: 'physical',
  strict: false,
  validFrom: '2024-01-01',
  ...over,
});
const header = 'code,title,legalSource,domain,strict,validFrom,validUntil';

describe('keeping the register over HTTP', () => {
  it('creates, reads, updates with If-Match and ends a rule', async () => {
    const h = await t.login(admin);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/rules', headers: h, payload: ruleBody() });
    expect(created.statusCode).toBe(201);
    const rule = created.json();
    expect(created.headers.location).toBe(`/api/v1/rules/${rule.id}`);
    expect(created.headers.etag).toBe('"1"');
    expect(rule).toMatchObject({ domain: 'physical', strict: false, validUntil: null, citableToday: true, version: 1 });

    const got = await t.app.inject({ method: 'GET', url: `/api/v1/rules/${rule.id}`, headers: h });
    expect(got.json()).toMatchObject({ abilities: { update: true, endValidity: true }, history: [{ actorId: admin.userId, change: { type: 'created' } }] });

    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/rules/${rule.id}`, headers: { ...h, 'if-match': '"1"' }, payload: { strict: true } });
    expect(patched.statusCode).toBe(200);
    expect(patched.headers.etag).toBe('"2"');
    expect(patched.json().strict).toBe(true);
    const stale = await t.app.inject({ method: 'PATCH', url: `/api/v1/rules/${rule.id}`, headers: { ...h, 'if-match': '"1"' }, payload: { strict: false } });
    expect(stale.statusCode).toBe(412);
    expect(stale.headers['content-type']).toContain('application/problem+json');

    const ended = await t.app.inject({
      method: 'POST',
      url: `/api/v1/rules/${rule.id}/expiry`,
      headers: { ...h, 'if-match': '"2"' },
      payload: { validUntil: '2099-12-31' },
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ validUntil: '2099-12-31', version: 3 });

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/rules?strict=true&validOn=2026-03-02', headers: h });
    expect(list.json().items.map((r: { id: string }) => r.id)).toContain(rule.id);
  });

  it('answers problem+json naming the bad field, in Dutch by default', async () => {
    const h = await t.login(admin);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/rules', headers: h, payload: ruleBody({ domain: 'sport', validFrom: '1-1-2024' }) });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(
      res
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
    ).toEqual(['domain', 'validFrom']);
    const overlap = ruleBody();
    await t.app.inject({ method: 'POST', url: '/api/v1/rules', headers: h, payload: overlap });
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/rules', headers: h, payload: { ...overlap, validFrom: '2025-01-01' } });
    expect(again.statusCode).toBe(400);
    expect(again.json().invalidParams).toEqual([{ name: 'validFrom', reason: expect.stringContaining(`regel ${overlap.code}`) }]);
  });

  it('refuses a retroactive end with 400 on validUntil', async () => {
    const h = await t.login(admin);
    const rule = (await t.app.inject({ method: 'POST', url: '/api/v1/rules', headers: h, payload: ruleBody() })).json();
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/rules/${rule.id}/expiry`, headers: h, payload: { validUntil: '2025-01-01' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().invalidParams[0].name).toBe('validUntil');
  });
});

describe('import and export over HTTP', () => {
  it('downloads CSV as text/csv and JSON as a list, and imports them back', async () => {
    const h = await t.login(admin);
    await t.app.inject({ method: 'POST', url: '/api/v1/rules', headers: h, payload: ruleBody({ title: 'Terrassen, "sluitingstijden"' }) });
    const csv = await t.app.inject({ method: 'GET', url: '/api/v1/rules/export?format=csv', headers: h });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('regelregister.csv');
    expect(csv.body.startsWith(`${header}\r\n`)).toBe(true);
    expect(csv.body).toContain('"Terrassen, ""sluitingstijden"""');
    const json = await t.app.inject({ method: 'GET', url: '/api/v1/rules/export?format=json', headers: h });
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Array.isArray(json.json())).toBe(true);
    expect(json.json()[0]).toHaveProperty('legalSource');

    const other = await t.login(otherAdmin);
    const imported = await t.app.inject({ method: 'POST', url: '/api/v1/rules/import', headers: other, payload: { format: 'csv', content: csv.body } });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toEqual({ created: json.json().length, updated: 0, unchanged: 0 });
    const back = await t.app.inject({ method: 'POST', url: '/api/v1/rules/import', headers: other, payload: { format: 'json', content: json.body } });
    expect(back.json()).toEqual({ created: 0, updated: 0, unchanged: json.json().length });
  });

  it('answers a bad file with 400 listing "line N, field", and writes nothing', async () => {
    const h = await t.login(admin);
    const before = (await t.app.inject({ method: 'GET', url: '/api/v1/rules', headers: h })).json().items.length;
    const content = [header, 'NEW-1,Nieuw,APV artikel 1:1,economy,false,2024-01-01,', 'NEW-2,Nieuw,APV artikel 1:2,economy,misschien,2024-01-01,'].join('\n');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/rules/import', headers: h, payload: { format: 'csv', content } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().title).toBe('Het bestand bevat fouten; er is niets geïmporteerd.');
    expect(res.json().invalidParams).toEqual([{ name: 'line 3, strict', reason: 'Vul true of false in (of ja of nee).' }]);
    // A user who chose English gets the report in English.
    const english = await t.login(await buildUser(t.db, m, { role: 'admin', locale: 'en' }));
    const en = await t.app.inject({ method: 'POST', url: '/api/v1/rules/import', headers: english, payload: { format: 'csv', content } });
    expect(en.json().title).toBe('The file has errors; nothing was imported.');
    expect(en.json().invalidParams[0].reason).toBe('Enter true or false (or ja or nee).');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/rules', headers: h })).json().items.length).toBe(before);
  });
});

describe('a CSV import with a line break, a control character, a long text or a far date in a row', () => {
  it('reports each bad row and field in Dutch, and stores none of the file', async () => {
    const h = await t.login(admin);
    const before = (await t.app.inject({ method: 'GET', url: '/api/v1/rules', headers: h })).json().items.length;
    const content = [
      header,
      'BRK-1,Goed,APV artikel 1:1,economy,false,2024-01-01,',
      'BRK-2,"Terras\nBcc: iemand@example.org",APV artikel 1:2,economy,false,2024-01-01,',
      'BRK-3,Stuur\tteken,APV artikel 1:3,economy,false,2024-01-01,',
      `BRK-4,${'t'.repeat(301)},APV artikel 1:4,economy,false,2024-01-01,`,
      'BRK-5,Oud,APV artikel 1:5,economy,false,1850-01-01,',
    ].join('\r\n');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/rules/import', headers: h, payload: { format: 'csv', content } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().title).toBe('Het bestand bevat fouten; er is niets geïmporteerd.');
    expect(res.json().invalidParams).toEqual([
      { name: 'line 3, title', reason: 'Dit veld moet op één regel staan: een regeleinde is hier niet toegestaan.' },
      { name: 'line 5, title', reason: 'Deze tekst bevat een teken dat niet is toegestaan (een stuurteken of, in een regel, een regeleinde).' },
      { name: 'line 6, title', reason: 'Hoogstens 300 tekens.' },
      { name: 'line 7, validFrom', reason: 'Vul een datum in tussen 1900 en 2200.' },
    ]);
    const after = (await t.app.inject({ method: 'GET', url: '/api/v1/rules', headers: h })).json().items as { code: string }[];
    expect(after.length).toBe(before);
    expect(after.map((r) => r.code).filter((c) => c.startsWith('BRK-'))).toEqual([]);
  });
});

describe('who is refused', () => {
  it('answers 401 without credentials', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/rules'],
      ['POST', '/api/v1/rules'],
      ['GET', '/api/v1/rules/export'],
    ] as const) {
      const res = await t.app.inject({ method, url, payload: method === 'POST' ? ruleBody() : undefined });
      expect(res.statusCode, url).toBe(401);
    }
  });

  it('lets a director read but answers 403 when a director writes', async () => {
    const a = await t.login(admin);
    const rule = (await t.app.inject({ method: 'POST', url: '/api/v1/rules', headers: a, payload: ruleBody() })).json();
    const h = await t.login(director);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/rules/${rule.id}`, headers: h })).json().abilities).toEqual({
      update: false,
      endValidity: false,
    });
    const writes = [
      { method: 'POST', url: '/api/v1/rules', payload: ruleBody() },
      { method: 'PATCH', url: `/api/v1/rules/${rule.id}`, payload: { title: 'Anders' } },
      { method: 'POST', url: `/api/v1/rules/${rule.id}/expiry`, payload: { validUntil: '2099-01-01' } },
      { method: 'POST', url: '/api/v1/rules/import', payload: { format: 'csv', content: header } },
    ] as const;
    for (const w of writes) {
      const res = await t.app.inject({ ...w, headers: h });
      expect(res.statusCode, w.url).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('answers 404 for another municipality’s rule', async () => {
    const a = await t.login(admin);
    const rule = (await t.app.inject({ method: 'POST', url: '/api/v1/rules', headers: a, payload: ruleBody() })).json();
    const h = await t.login(otherAdmin);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/rules/${rule.id}`, headers: h })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/rules/${rule.id}`, headers: h, payload: { title: 'Overgenomen' } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/rules/${rule.id}/expiry`, headers: h, payload: { validUntil: '2099-01-01' } })).statusCode).toBe(
      404,
    );
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/rules?q=${rule.code}`, headers: h });
    expect(list.json().items).toEqual([]);
  });
});
