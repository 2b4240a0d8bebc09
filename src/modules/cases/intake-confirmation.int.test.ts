// The public intake probed as an outsider would (docs/product.md#confirming-a-public-intake):
// someone types another person's address. Nothing about that person's account may
// change, the case waits unconfirmed until the mailed link is used, and the answer
// never tells whose address it was.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/index.js';
import { buildCase, buildMunicipality, buildUser, type TestMunicipality } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';
import { issueLoginLink } from '../identity/index.js';

let m: TestMunicipality;
let other: TestMunicipality;
let coordinator: Actor;
let director: Actor;
const t = withTestApp();
beforeAll(async () => {
  m = await buildMunicipality(t.db);
  other = await buildMunicipality(t.db);
  coordinator = await buildUser(t.db, m, { role: 'coordinator' });
  director = await buildUser(t.db, m, { role: 'director' });
});

const unique = () => Math.random().toString(36).slice(2);
const intakeBody = (email: string, person: { name?: string; phone?: string; company?: string } = {}) => ({
  municipality: m.slug,
  initiator: { name: person.name ?? 'Iemand Anders', email, phone: person.phone ?? '06-99999999', company: person.company ?? 'Kaping B.V.' },
  title: 'Bankje in het park',
  description: 'Graag een bankje bij de vijver in het park.',
  location: 'Stadspark',
});
const submit = (body: ReturnType<typeof intakeBody>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/cases', payload: body, headers });

/** The token in the newest mail to an address, and the mail itself. */
async function lastMailTo(address: string) {
  const mail = await t.db.unsafeAdmin
    .selectFrom('outbox')
    .select(['subject', 'body_text'])
    .where('to_address', '=', address)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return { ...mail, token: /inloggen\/link#(\S+)/.exec(mail.body_text)?.[1] as string };
}

const redeem = (token: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login-links/redeem', payload: { token } });
const sessionOf = (res: Awaited<ReturnType<typeof redeem>>) => ({ cookie: `regie_session=${res.cookies.find((c) => c.name === 'regie_session')?.value}` });
const userByEmail = (municipalityId: string, email: string, kind: 'initiator' | 'staff') =>
  t.db.unsafeAdmin
    .selectFrom('users')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('email', '=', email)
    .where('role', kind === 'initiator' ? '=' : '<>', 'initiator')
    .execute();

/** A resident with an account and a confirmed case of their own; their session from the mailed link. */
async function resident() {
  const email = `bewoner-${unique()}@example.nl`;
  const own = await buildCase({ municipality: m, deps: t.deps, initiator: { name: 'Bea Bewoner', email, phone: '010-1234567', company: 'Bea BV' } });
  const link = await t.db.unsafeTransaction((trx) => issueLoginLink(trx, t.deps, { municipalityId: m.id, userId: own.initiator.userId, caseId: null }));
  const session = sessionOf(await redeem(link.split('#')[1] as string));
  return { email, own, session, userId: own.initiator.userId };
}

const myCaseIds = async (session: Record<string, string>) =>
  (await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: session })).json().items.map((i: { id: string }) => i.id);

describe('a public intake with someone else’s address', () => {
  it('leaves the resident’s name, phone and company as they were, and the case off their list until they use the mailed link', async () => {
    const r = await resident();
    const res = await submit(intakeBody(r.email.toUpperCase(), { name: 'Kwaadwillende', phone: '06-66666666', company: 'Overname BV' }));
    expect(res.statusCode).toBe(201);
    expect(res.json().confirmed).toBe(false);
    const caseId = res.json().id as string;

    const [account] = await userByEmail(m.id, r.email, 'initiator');
    expect(account).toMatchObject({ id: r.userId, name: 'Bea Bewoner', phone: '010-1234567', company: 'Bea BV' });
    expect(await myCaseIds(r.session)).toEqual([r.own.id]);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: r.session })).statusCode).toBe(404);

    // Staff see it, marked unconfirmed, with the details the intake gave.
    const h = await t.login(coordinator);
    const seen = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: h })).json();
    expect(seen).toMatchObject({ confirmed: false, initiator: { id: null, name: 'Kwaadwillende', phone: '06-66666666', company: 'Overname BV' } });
    const listed = (await t.app.inject({ method: 'GET', url: '/api/v1/cases?limit=100', headers: h })).json().items;
    expect(listed.find((i: { id: string }) => i.id === caseId)?.confirmed).toBe(false);

    // The owner of the address uses the link: now it is theirs, and their details are still their own.
    const mail = await lastMailTo(r.email.toUpperCase().toLowerCase());
    expect(mail.subject).toContain(res.json().reference);
    const used = await redeem(mail.token);
    expect(used.statusCode).toBe(200);
    expect(used.json()).toMatchObject({ caseId, user: { id: r.userId } });
    expect((await myCaseIds(r.session)).sort()).toEqual([r.own.id, caseId].sort());
    const [after] = await userByEmail(m.id, r.email, 'initiator');
    expect(after).toMatchObject({ name: 'Bea Bewoner', phone: '010-1234567', company: 'Bea BV' });
    const confirmed = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: h })).json();
    expect(confirmed).toMatchObject({ confirmed: true, initiator: { id: r.userId, name: 'Bea Bewoner' } });
    expect((await redeem(mail.token)).statusCode).toBe(401);
  });

  it('cannot take an unconfirmed case into intake (the clock cannot start), but can withdraw it', async () => {
    const res = await submit(intakeBody(`onbekend-${unique()}@example.nl`));
    const caseId = res.json().id as string;
    const h = await t.login(coordinator);
    const assigned = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/cases/${caseId}/director`,
      headers: { ...h, 'if-match': '"1"' },
      payload: { directorId: director.userId },
    });
    expect(assigned.statusCode).toBe(200);
    const dh = await t.login(director);
    const toIntake = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/status`,
      headers: { ...dh, 'if-match': `"${assigned.json().version}"` },
      payload: { status: 'intake' },
    });
    expect(toIntake.statusCode).toBe(409);
    expect(toIntake.json().type).toContain('unconfirmed');
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: dh })).json();
    expect(detail).toMatchObject({ status: 'submitted', clockStartedOn: null, planDueOn: null });
    const withdrawn = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/status`,
      headers: { ...h, 'if-match': `"${detail.version}"` },
      payload: { status: 'withdrawn', reason: 'Nooit bevestigd' },
    });
    expect(withdrawn.statusCode).toBe(200);
  });

  it('one case’s link confirms that case and no other', async () => {
    const email = `twee-${unique()}@example.nl`;
    const first = (await submit(intakeBody(email))).json();
    const firstMail = await lastMailTo(email);
    const second = (await submit(intakeBody(email))).json();
    const used = await redeem(firstMail.token);
    expect(used.json().caseId).toBe(first.id);
    const h = await t.login(coordinator);
    const get = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: h })).json();
    expect((await get(first.id)).confirmed).toBe(true);
    expect((await get(second.id)).confirmed).toBe(false);
    expect(await myCaseIds(sessionOf(used))).toEqual([first.id]);
  });

  it('a new address gets an account only when it confirms, made from what the intake said', async () => {
    const email = `nieuw-${unique()}@example.nl`;
    const res = await submit(intakeBody(email, { name: 'Nina Nieuw', phone: '06-11111111', company: 'Nina BV' }));
    expect(await userByEmail(m.id, email, 'initiator')).toHaveLength(0);
    const used = await redeem((await lastMailTo(email)).token);
    expect(used.statusCode).toBe(200);
    expect(await userByEmail(m.id, email, 'initiator')).toEqual([expect.objectContaining({ name: 'Nina Nieuw', phone: '06-11111111', company: 'Nina BV' })]);
    expect(await myCaseIds(sessionOf(used))).toEqual([res.json().id]);
  });
});

describe('no oracle for whose address it is', () => {
  it('answers the same for a new address, a resident, staff here and staff of another municipality', async () => {
    const r = await resident();
    const staffHere = await buildUser(t.db, m, { role: 'director' });
    const staffThere = await buildUser(t.db, other, { role: 'admin' });
    const addresses = [`niemand-${unique()}@example.nl`, r.email, staffHere.email, staffThere.email];
    const answers: Awaited<ReturnType<typeof submit>>[] = [];
    for (const email of addresses) answers.push(await submit(intakeBody(email)));
    const shape = (res: (typeof answers)[number]) => ({
      status: res.statusCode,
      keys: Object.keys(res.json()).sort(),
      confirmed: res.json().confirmed,
      contentType: res.headers['content-type'],
      location: typeof res.headers.location,
    });
    for (const a of answers) expect(shape(a)).toEqual(shape(answers[0] as (typeof answers)[number]));
    for (const a of answers) expect(a.body).not.toMatch(/medewerker|staff|bestaat|exists|bekend|known/i);
    // Every address gets the same kind of mail: a link to confirm.
    for (const email of addresses) expect((await lastMailTo(email)).subject).toMatch(/^Bevestig uw aanvraag/);
  });

  it('does not attach a case to a staff account; its owner confirms it as a resident, apart from their staff account', async () => {
    const staff = await buildUser(t.db, m, { role: 'director', name: 'Dirk Directeur' });
    const res = await submit(intakeBody(staff.email, { name: 'Valse Naam' }));
    const caseId = res.json().id as string;
    const row = await t.db.unsafeAdmin.selectFrom('cases').select('initiator_id').where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(row.initiator_id).toBeNull();
    const used = await redeem((await lastMailTo(staff.email)).token);
    expect(used.statusCode).toBe(200);
    expect(used.json().user).toMatchObject({ role: 'initiator', email: staff.email });
    expect(used.json().user.id).not.toBe(staff.userId);
    const [staffRow] = await userByEmail(m.id, staff.email, 'staff');
    expect(staffRow).toMatchObject({ id: staff.userId, name: 'Dirk Directeur', role: 'director' });
  });

  it('answers a login-link request the same for unknown, resident and staff addresses', async () => {
    const r = await resident();
    const staffHere = await buildUser(t.db, m, { role: 'coordinator' });
    const staffThere = await buildUser(t.db, other, { role: 'coordinator' });
    const answers: Awaited<ReturnType<typeof submit>>[] = [];
    for (const email of [`niemand-${unique()}@example.nl`, r.email, staffHere.email, staffThere.email])
      answers.push(await t.app.inject({ method: 'POST', url: '/api/v1/auth/login-links', payload: { municipality: m.slug, email } }));
    for (const a of answers) expect({ status: a.statusCode, body: a.json() }).toEqual({ status: 202, body: { status: 'sent-if-known' } });
  });

  it('confirms at once when a logged-in resident submits with their own address, and changes nothing on their account', async () => {
    const r = await resident();
    const session = { ...r.session };
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: session })).json();
    const res = await submit(intakeBody(r.email, { name: 'Andere Naam' }), { ...session, 'x-csrf-token': me.csrfToken });
    expect(res.statusCode).toBe(201);
    expect(res.json().confirmed).toBe(true);
    expect(await myCaseIds(r.session)).toContain(res.json().id);
    const [account] = await userByEmail(m.id, r.email, 'initiator');
    expect(account?.name).toBe('Bea Bewoner');
  });
});
