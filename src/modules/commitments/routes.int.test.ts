// Commitments and the mandate register over HTTP (in-process): status codes and
// problem+json in Dutch, ETag/If-Match, the workspaces, the CSV register with its
// quoting and formula guard, and who is refused.
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../kernel/csv.js';
import type { Actor } from '../../platform/auth/index.js';
import { buildCase, buildMunicipality, buildUser, type TestMunicipality } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';

let m: TestMunicipality;
let admin: Actor;
let director: Actor;
let coordinator: Actor;
let executive: Actor;
let council: Actor;
let caseId: string;
let reference: string;
let otherDirector: Actor;
const t = withTestApp();
beforeAll(async () => {
  m = await buildMunicipality(t.db);
  admin = await buildUser(t.db, m, { role: 'admin' });
  director = await buildUser(t.db, m, { role: 'director' });
  coordinator = await buildUser(t.db, m, { role: 'coordinator' });
  executive = await buildUser(t.db, m, { role: 'executive', name: 'Wethouder Jansen' });
  council = await buildUser(t.db, m, { role: 'council' });
  otherDirector = await buildUser(t.db, await buildMunicipality(t.db), { role: 'director' });
  const c = await buildCase({
    municipality: m,
    deps: t.deps,
    coordinator,
    director,
    status: 'intake',
    initiator: { name: 'Ilse', email: `ilse-${m.slug}@example.nl` },
    title: 'Verfspuiterij',
    description: 'Een kleine verfspuiterij.',
    location: 'Havenstraat 3',
  });
  caseId = c.id;
  reference = c.reference;
});

const body = (over: Record<string, unknown> = {}) => ({
  madeBy: { userId: executive.userId },
  what: 'De gemeente betaalt de helft van de geluidsisolatie.',
  dueOn: '2026-04-01',
  madeVia: 'meeting',
  madeOn: '2026-03-02',
  decision: { kind: 'commitMoney', amountCents: 250_000 },
  ...over,
});

describe('the mandate register over HTTP', () => {
  it('creates a mandate, reads it with ETag, and answers 412 on a stale If-Match', async () => {
    const h = await t.login(admin);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/mandates',
      headers: h,
      payload: {
        holder: { kind: 'role', role: 'executive' },
        scope: { kind: 'commitMoney', upToCents: 5_000_000 },
        delegatedBy: 'het college',
        validFrom: '2026-01-01',
      },
    });
    expect(created.statusCode).toBe(201);
    const mandate = created.json();
    expect(created.headers.location).toBe(`/api/v1/mandates/${mandate.id}`);
    expect(mandate).toMatchObject({
      holder: { kind: 'role', role: 'executive' },
      scope: { kind: 'commitMoney', upToCents: 5_000_000 },
      validUntil: null,
      inForceToday: true,
      version: 1,
    });
    const got = await t.app.inject({ method: 'GET', url: `/api/v1/mandates/${mandate.id}`, headers: await t.login(director) });
    expect(got.headers.etag).toBe('"1"');
    expect(got.json()).toMatchObject({ abilities: { update: false, endValidity: false }, history: [{ change: { type: 'created' } }] });
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/mandates/${mandate.id}`,
      headers: { ...h, 'if-match': '"3"' },
      payload: { delegatedBy: 'de burgemeester' },
    });
    expect(stale.statusCode).toBe(412);
    const person = await t.app.inject({
      method: 'POST',
      url: '/api/v1/mandates',
      headers: h,
      payload: {
        holder: { kind: 'person', userId: executive.userId },
        scope: { kind: 'agreePlan' },
        delegatedBy: 'de burgemeester',
        validFrom: '2026-01-01',
        validUntil: '2026-12-31',
      },
    });
    expect(person.json().holder).toEqual({ kind: 'person', userId: executive.userId, name: 'Wethouder Jansen' });
  });

  it('says in Dutch what is wrong, naming the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/mandates',
      headers: await t.login(admin),
      payload: {
        holder: { kind: 'role', role: 'executive' },
        scope: { kind: 'agreePlan' },
        delegatedBy: 'het college',
        validFrom: '2026-03-01',
        validUntil: '2026-02-01',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().invalidParams).toEqual([{ name: 'validUntil', reason: 'De einddatum ligt vóór de begindatum.' }]);
  });
});

describe('commitments over HTTP', () => {
  it('records, amends with If-Match, ends, and lists a commitment', async () => {
    const h = await t.login(director);
    const created = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/commitments`, headers: h, payload: body() });
    expect(created.statusCode, created.body).toBe(201);
    const k = created.json();
    expect(created.headers.location).toBe(`/api/v1/commitments/${k.id}`);
    expect(k).toMatchObject({
      caseReference: reference,
      status: 'binding',
      madeTo: { name: 'Ilse' },
      overdue: false,
      version: 1,
      abilities: { amend: true, end: true },
    });

    const stale = await t.app.inject({
      method: 'POST',
      url: `/api/v1/commitments/${k.id}/amendments`,
      headers: { ...h, 'if-match': '"2"' },
      payload: { dueOn: '2026-05-01', reason: 'Later' },
    });
    expect(stale.statusCode).toBe(412);
    const amended = await t.app.inject({
      method: 'POST',
      url: `/api/v1/commitments/${k.id}/amendments`,
      headers: { ...h, 'if-match': '"1"' },
      payload: { dueOn: '2026-05-01', reason: 'Later' },
    });
    expect(amended.statusCode).toBe(200);
    expect(amended.headers.etag).toBe('"2"');
    expect(amended.json().history.map((x: { version: number; change: { type: string } }) => [x.version, x.change.type])).toEqual([
      [1, 'recorded'],
      [2, 'amended'],
    ]);

    const noReason = await t.app.inject({ method: 'POST', url: `/api/v1/commitments/${k.id}/outcome`, headers: h, payload: { status: 'withdrawn' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().invalidParams).toEqual([{ name: 'reason', reason: 'Geef een reden op.' }]);
    const ended = await t.app.inject({
      method: 'POST',
      url: `/api/v1/commitments/${k.id}/outcome`,
      headers: h,
      payload: { status: 'withdrawn', reason: 'Plan gewijzigd' },
    });
    expect(ended.json()).toMatchObject({ status: 'withdrawn', statusReason: 'Plan gewijzigd' });
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/commitments/${k.id}/outcome`, headers: h, payload: { status: 'kept' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().title).toBe('Deze toezegging is al afgerond (ingetrokken); zij blijft vastgelegd zoals zij is.');

    const mine = await t.app.inject({ method: 'GET', url: '/api/v1/commitments?scope=mine', headers: await t.login(executive) });
    expect(mine.json().items.map((x: { id: string }) => x.id)).toContain(k.id);
    const onCase = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/commitments`, headers: h });
    expect(onCase.json().items.map((x: { id: string }) => x.id)).toContain(k.id);
    expect(onCase.json().abilities).toEqual({ record: true });
    const colleague = await buildUser(t.db, m, { role: 'director' }); // a director, but not of this case
    const byColleague = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/commitments`, headers: await t.login(colleague) });
    expect(byColleague.json().abilities).toEqual({ record: false });
  });

  it('refuses a non-holder’s confirmation with 403 and says why', async () => {
    const h = await t.login(director);
    const k = (
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${caseId}/commitments`,
        headers: h,
        payload: body({ decision: { kind: 'commitMoney', amountCents: 900_000_000 } }),
      })
    ).json();
    expect(k.status).toBe('needsConfirmation');
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/commitments/${k.id}/confirmation`, headers: h, payload: { decision: 'confirm' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().title).toContain('mandaathouder');
    // No mandate reaches € 9.000.000: the coordinator records the college's decision, naming it.
    const byBody = await t.app.inject({
      method: 'POST',
      url: `/api/v1/commitments/${k.id}/confirmation`,
      headers: await t.login(coordinator),
      payload: { decision: 'confirm', reason: 'Collegebesluit 1 december 2026' },
    });
    expect(byBody.statusCode, byBody.body).toBe(200);
    expect(byBody.json()).toMatchObject({
      status: 'binding',
      decidedByBody: true,
      history: [{}, { change: { type: 'confirmed', by: 'body', via: 'coordinator' } }],
    });
  });

  it('exports the register for Dutch Excel: BOM, semicolons, the interface’s words, euros, dd-mm-jjjj, names, a guard against formulas', async () => {
    const h = await t.login(director);
    const evil = '=HYPERLINK("http://evil.example","klik"), en "meer"';
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/commitments`,
      headers: h,
      payload: body({ what: evil, madeBy: { name: '@Piet', role: '+wethouder' } }),
    });
    await t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/commitments`, headers: h, payload: body({ what: '-1 tegel' }) });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/commitments/export', headers: await t.login(coordinator) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('toezeggingenregister.csv');
    // The bytes: a UTF-8 byte-order mark first, CRLF line ends, `;` between cells.
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.body.endsWith('\r\n')).toBe(true);
    const lines = res.body.slice(1).split('\r\n');
    expect(lines[0]?.split(';')).toEqual([
      'Zaaknummer',
      'Zaak',
      'Gedaan door',
      'Rol',
      'Gedaan aan',
      'Wat is toegezegd',
      'Uiterlijk',
      'Gedaan via',
      'Gedaan op',
      'Soort besluit',
      'Bedrag (euro)',
      'Regelcode',
      'Status',
      'Reden',
      'Mandaten',
      'Bevestigd door',
      'Afgewezen door',
      'Te laat',
      'Versie',
      'Vastgelegd op',
    ]);
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil.example"",""klik""), en ""meer"""`);
    expect(res.body).toContain(";'@Piet;'+wethouder;");
    expect(res.body).toContain(";'-1 tegel;");
    const read = readCsv(res.body, ';');
    if (!read.ok) throw new Error('unreadable CSV');
    const [header, ...rows] = read.records.map((r) => r.cells);
    expect(rows.every((r) => r.length === header?.length)).toBe(true);
    const col = (name: string) => header?.indexOf(name) ?? -1;
    const row = rows.find((r) => r[col('Wat is toegezegd')] === evil);
    expect(row?.slice(0, 5)).toEqual([reference, 'Verfspuiterij', '@Piet', '+wethouder', 'Ilse']);
    expect(row?.[col('Uiterlijk')]).toBe('01-04-2026');
    expect(row?.[col('Gedaan op')]).toBe('02-03-2026');
    expect(row?.[col('Gedaan via')]).toBe('Gesprek');
    expect(row?.[col('Soort besluit')]).toBe('Geld toezeggen');
    expect(row?.[col('Bedrag (euro)')]).toBe('2500,00'); // decimal comma, no thousands separator: a number in Dutch Excel
    expect(row?.[col('Status')]).toBe('Bevestiging nodig'); // an outside person's word
    expect(row?.[col('Vastgelegd op')]).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$/);
    const staffRow = rows.find((r) => r[col('Wat is toegezegd')] === '-1 tegel');
    expect(staffRow?.[col('Gedaan door')]).toBe('Wethouder Jansen');
    expect(staffRow?.[col('Rol')]).toBe('Bestuurder');
    // Names, never ids.
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
    expect(rows.flat().filter((cell) => uuid.test(cell))).toEqual([]);
  });

  it('exports in English for an English user, and with commas on request', async () => {
    const h = { ...(await t.login(coordinator)), 'accept-language': 'en' };
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/commitments/export?separator=,', headers: h });
    expect(res.statusCode).toBe(200);
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    const read = readCsv(res.body, ',');
    if (!read.ok) throw new Error('unreadable CSV');
    expect(read.records[0]?.cells.slice(0, 7)).toEqual(['Case number', 'Case', 'Made by', 'Role', 'Made to', 'What was committed', 'Due by']);
    expect(read.records.slice(1).map((r) => r.cells[12])).toContain('Needs confirmation');
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/commitments/export?separator=x', headers: h });
    expect(bad.statusCode).toBe(400);
  });
});

describe('who is refused', () => {
  it('answers 401 without credentials, 403 to the council, 404 to another municipality', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/commitments' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/mandates' })).statusCode).toBe(401);
    const councilH = await t.login(council);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/commitments/export', headers: councilH })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/commitments`, headers: councilH, payload: body() })).statusCode).toBe(404);
    const other = await t.login(otherDirector);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/commitments`, headers: other })).statusCode).toBe(404);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/commitments?scope=all', headers: other });
    expect(list.json().items).toEqual([]);
    const csv = await t.app.inject({ method: 'GET', url: '/api/v1/commitments/export', headers: other });
    expect(csv.body).not.toContain(reference);
  });
});
