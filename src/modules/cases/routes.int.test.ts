// The case API over HTTP (in-process): intake, problem+json answers, ETags and
// If-Match, CSRF, bearer tokens, and the initiator's login link.
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../kernel/csv.js';
import type { Actor } from '../../platform/auth/index.js';
import { buildCase, buildMunicipality, buildUser, type TestMunicipality } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';

let m: TestMunicipality;
let coordinator: Actor;
let director: Actor;
const t = withTestApp();
beforeAll(async () => {
  m = await buildMunicipality(t.db);
  coordinator = await buildUser(t.db, m, { role: 'coordinator' });
  director = await buildUser(t.db, m, { role: 'director', areaIds: [m.areaIds[0] as string] });
});

const intakeBody = (email = `p${Math.random().toString(36).slice(2)}@example.nl`) => ({
  municipality: m.slug,
  initiator: { name: 'Fatima el Amrani', email, phone: '06-12345678' },
  title: 'Buurtmoestuin op braakliggend terrein',
  description: 'Wij willen met de buurt een moestuin beginnen op het terrein naast de school.',
  location: 'Schoolstraat 4',
  areaId: m.areaIds[0],
  themeIds: [m.themeIds[0]],
});

describe('public intake', () => {
  it('answers 201 with the reference and a Location header, without login', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', payload: intakeBody() });
    expect(res.statusCode).toBe(201);
    expect(res.json().reference).toMatch(new RegExp(`^${m.prefix}-\\d{4}-\\d{6}$`));
    expect(res.headers.location).toBe(`/api/v1/cases/${res.json().id}`);
    expect(res.headers['api-version']).toBe('1.0.0');
  });

  it('answers problem+json naming each bad field, in Dutch by default and English on request', async () => {
    const bad = { ...intakeBody('not-an-email'), title: '' };
    const nl = await t.app.inject({ method: 'POST', url: '/api/v1/cases', payload: bad });
    expect(nl.statusCode).toBe(400);
    expect(nl.headers['content-type']).toContain('application/problem+json');
    const names = nl.json().invalidParams.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['initiator.email', 'title']));
    expect(nl.json().title).toBe('De invoer is niet geldig.');
    const en = await t.app.inject({ method: 'POST', url: '/api/v1/cases', payload: bad, headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(en.json().title).toBe('The input is not valid.');
    // The reasons are in our own words, not the validator's.
    const reason = (res: typeof nl, name: string) => res.json().invalidParams.find((p: { name: string }) => p.name === name)?.reason;
    expect(reason(nl, 'initiator.email')).toBe('Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.');
    expect(reason(en, 'initiator.email')).toBe('Enter a valid e-mail address, such as name@example.com.');
    const { title: _missing, ...withoutTitle } = intakeBody();
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/cases', payload: withoutTitle });
    expect(reason(missing, 'title')).toBe('Dit veld is verplicht.');
  });

  it('answers 404 for an unknown municipality and writes nothing', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', payload: { ...intakeBody(), municipality: 'bestaat-niet' } });
    expect(res.statusCode).toBe(404);
  });

  it('lets the initiator redeem the mailed link once and see only their own case', async () => {
    const email = 'linkvolger@example.nl';
    const created = (await t.app.inject({ method: 'POST', url: '/api/v1/cases', payload: intakeBody(email) })).json();
    await t.app.inject({ method: 'POST', url: '/api/v1/cases', payload: intakeBody() }); // someone else's case
    const mail = await t.db.unsafeAdmin.selectFrom('outbox').select('body_text').where('to_address', '=', email).executeTakeFirstOrThrow();
    const token = /inloggen\/link#(\S+)/.exec(mail.body_text)?.[1] as string;
    const redeem = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login-links/redeem', payload: { token } });
    expect(redeem.statusCode).toBe(200);
    expect(redeem.json().caseId).toBe(created.id);
    const cookie = `regie_session=${redeem.cookies.find((c) => c.name === 'regie_session')?.value}`;
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: { cookie } });
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([created.id]);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login-links/redeem', payload: { token } });
    expect(again.statusCode).toBe(401);
  });
});

describe('staff API', () => {
  it('assigns with If-Match, answers 412 on a stale ETag, and requires the CSRF header', async () => {
    const created = (await t.app.inject({ method: 'POST', url: '/api/v1/cases', payload: intakeBody() })).json();
    const h = await t.login(coordinator);
    const got = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${created.id}`, headers: h });
    expect(got.statusCode).toBe(200);
    const etag = got.headers.etag as string;
    const proposal = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${created.id}/director-proposal`, headers: h });
    expect(proposal.json().proposal.id).toBe(director.userId);

    const noCsrf = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/cases/${created.id}/director`,
      headers: { cookie: h.cookie as string },
      payload: { directorId: director.userId },
    });
    expect(noCsrf.statusCode).toBe(403);
    const ok = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/cases/${created.id}/director`,
      headers: { ...h, 'if-match': etag },
      payload: { directorId: director.userId },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().director.id).toBe(director.userId);
    expect(ok.headers.etag).not.toBe(etag);
    const stale = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/cases/${created.id}/director`,
      headers: { ...h, 'if-match': etag },
      payload: { directorId: director.userId, reason: 'x' },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.headers['content-type']).toContain('application/problem+json');
  });

  it('follows RFC 9110 for If-Match: strong comparison, a star, a list, 400 when malformed', async () => {
    // A confirmed intake (docs/product.md#confirming-a-public-intake), so that it can go to intake.
    const created = await buildCase({ municipality: m, deps: t.deps });
    const co = await t.login(coordinator);
    const url = `/api/v1/cases/${created.id}`;
    const assign = (ifMatch: string) =>
      t.app.inject({ method: 'PUT', url: `${url}/director`, headers: { ...co, 'if-match': ifMatch }, payload: { directorId: director.userId } });
    const etag = (await t.app.inject({ method: 'GET', url, headers: co })).headers.etag as string;
    const v = Number(/^"(\d+)"$/.exec(etag)?.[1]);
    expect(v).toBeGreaterThan(0);

    const weak = await assign(`W/"${v}"`); // a weak tag never matches for If-Match
    expect(weak.statusCode).toBe(412);
    for (const bad of [`${v}`, `"${v}`, `*, "${v}"`, `"${v}" "${v + 1}"`]) {
      const res = await assign(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const listed = await assign(`"${v - 1}", "${v}"`); // any entry of the list may match
    expect(listed.statusCode).toBe(200);
    expect(listed.headers.etag).toBe(`"${v + 1}"`);

    const dir = await t.login(director);
    const status = (ifMatch: string, to: string) =>
      t.app.inject({
        method: 'POST',
        url: `${url}/status`,
        headers: { ...dir, 'if-match': ifMatch },
        payload: { status: to, reason: 'Op verzoek van de initiatiefnemer' },
      });
    const star = await status('*', 'intake'); // a star matches any current version
    expect(star.statusCode).toBe(200);
    expect(star.headers.etag).toBe(`"${v + 2}"`);
    const stale = await status(`"${v}", "${v + 1}", W/"${v + 2}"`, 'withdrawn');
    expect(stale.statusCode).toBe(412);
    expect(stale.headers['content-type']).toContain('application/problem+json');
  });

  it('authenticates a personal API token as Bearer, without CSRF', async () => {
    const h = await t.login(director);
    const made = await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: h, payload: { name: 'script' } });
    expect(made.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${made.json().token}` };
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer });
    expect(me.json().id).toBe(director.userId);
    const note = await t.app.inject({ method: 'GET', url: '/api/v1/cases?status=planning', headers: bearer });
    expect(note.statusCode).toBe(200);
    await t.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${made.json().id}`, headers: h });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode).toBe(401);
  });

  it('refuses a bad cursor and an unknown status filter with problem+json', async () => {
    const h = await t.login(coordinator);
    const cur = await t.app.inject({ method: 'GET', url: '/api/v1/cases?cursor=rubbish', headers: h });
    expect(cur.statusCode).toBe(400);
    expect(cur.json().invalidParams[0].name).toBe('cursor');
    const st = await t.app.inject({ method: 'GET', url: '/api/v1/cases?status=lost', headers: h });
    expect(st.statusCode).toBe(400);
    expect(st.json().invalidParams[0].name).toMatch(/^querystring\.status/);
  });

  it('rate-limits password guessing per address, without locking out other users', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) {
      codes.push((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'guess@example.nl', password: `wrong${i}` } })).statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes[10]).toBe(429);
    const other = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: coordinator.email, password: 'wrong' } });
    expect(other.statusCode).toBe(401);
  });
});

// docs/product.md#the-case-list: the filtered list as a spreadsheet, in the list's words.
describe('the case list export', () => {
  it('gives the filtered list for Dutch Excel: BOM, semicolons, the interface’s words, names, dd-mm-jjjj, no ids, formulas neutralised', async () => {
    const own = await buildMunicipality(t.db);
    const co = await buildUser(t.db, own, { role: 'coordinator' });
    const dir = await buildUser(t.db, own, { role: 'director', name: 'Daan Regisseur' });
    const mine = await buildCase({ municipality: own, deps: t.deps, coordinator: co, director: dir, status: 'intake', title: '=SOM(1;2) een formule' });
    await buildCase({ municipality: own, deps: t.deps, title: 'Nog niet in behandeling' });
    const h = await t.login(co);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/cases?status=intake&limit=1', headers: h });
    expect(list.json().total).toBe(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/cases?limit=1', headers: h })).json().total).toBe(2);

    const res = await t.app.inject({ method: 'GET', url: '/api/v1/cases/export?status=intake&sort=reference', headers: h });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('zaken.csv');
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const read = readCsv(res.body, ';');
    if (!read.ok) throw new Error('unreadable CSV');
    const [header, ...rows] = read.records.map((r) => r.cells);
    // The headers are the list's own column words (web/src/i18n/nl.ts).
    const web = (await import(['..', '..', '..', 'web', 'src', 'i18n', 'nl.js'].join('/'))).nl as Record<string, string>;
    expect(header).toEqual(
      ['case.reference', 'case.title', 'case.status', 'case.clock', 'case.director', 'case.area', 'case.location', 'case.submittedAt', 'case.planDueOn'].map(
        (k) => web[k],
      ),
    );
    expect(rows).toHaveLength(1);
    const row = rows[0] as string[];
    expect(row[0]).toBe(mine.reference);
    expect(row[1]).toBe('=SOM(1;2) een formule'); // read back: the guard is the writer's
    expect(res.body).toContain(`;"'=SOM(1;2) een formule";`);
    expect(row[2]).toBe(web['status.intake']);
    expect(row[4]).toBe('Daan Regisseur');
    expect(row[7]).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$/);
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
    expect(rows.flat().filter((c) => uuid.test(c))).toEqual([]);

    const en = await t.app.inject({ method: 'GET', url: '/api/v1/cases/export?separator=,', headers: { ...h, 'accept-language': 'en' } });
    const enRead = readCsv(en.body, ',');
    if (!enRead.ok) throw new Error('unreadable CSV');
    expect(enRead.records[0]?.cells.slice(0, 3)).toEqual(['Case number', 'Title', 'Status']);
    expect(enRead.records).toHaveLength(3);
  });
});
