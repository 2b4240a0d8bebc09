// Logging in through OpenID Connect against a real provider (oidc-provider) on a free
// port of this machine (docs/product.md#logging-in-through-openid-connect): staff single
// sign-on, DigiD-like and eHerkenning-like logins through a broker, and the refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../kernel/clock.js';
import { buildCase, buildMunicipality, buildUser, type TestMunicipality } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';
import { browseToReturn, startTestIssuer, TEST_CLIENT_SECRET, type TestIssuer } from '../../testing/oidc-issuer.js';
import { pdfText } from '../../testing/pdf.js';

// Regie's clock follows the real one here, shifted when a test says so.
let shift = 0;
const clock: Clock = { now: () => new Date(Date.now() + shift) };
const t = withTestApp({ clock });
const PUBLIC = 'http://regie.test';

const BSN = '111222333';
const OTHER_BSN = '123456782';
const DIGID_MIDDEN = 'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract';
const DIGID_BASIS = 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport';
const LOA3 = 'urn:etoegang:core:assurance-class:loa3';

let m: TestMunicipality;
let other: TestMunicipality;
let expiredM: TestMunicipality;
let staffIssuer: TestIssuer;
let broker: TestIssuer;
let lateIssuer: TestIssuer;
let adminHeaders: Record<string, string>;
let director: Awaited<ReturnType<typeof buildUser>>;
let switcher: Awaited<ReturnType<typeof buildUser>>;
let elsewhere: Awaited<ReturnType<typeof buildUser>>;

const cookieOf = (res: { cookies: { name: string; value: string }[] }, name: string) => res.cookies.find((c) => c.name === name && c.value)?.value;

async function configure(headers: Record<string, string>, kind: string, body: Record<string, unknown>) {
  const res = await t.app.inject({ method: 'PUT', url: `/api/v1/login-settings/${kind}`, headers, payload: body });
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

/** Start at Regie, log in at the issuer as `account`, and hand the answer back; `spoil` changes the answer first. */
async function login(slug: string, kind: string, account: string, spoil: (p: Record<string, string>) => void = () => {}) {
  const start = await t.app.inject({ method: 'POST', url: '/api/v1/auth/oidc/start', payload: { municipality: slug, kind } });
  expect(start.statusCode, start.body).toBe(200);
  const binding = cookieOf(start, 'regie_oidc') as string;
  const params = await browseToReturn(start.json().url, PUBLIC, account);
  spoil(params);
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/oidc/callback', payload: params, cookies: { regie_oidc: binding } });
  const session = cookieOf(res, 'regie_session');
  return { res, session, start };
}

async function asSession(session: string) {
  const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { regie_session: session } });
  expect(me.statusCode, me.body).toBe(200);
  return { cookie: `regie_session=${session}`, 'x-csrf-token': me.json().csrfToken as string, me: me.json() };
}

beforeAll(async () => {
  m = await buildMunicipality(t.db);
  other = await buildMunicipality(t.db);
  expiredM = await buildMunicipality(t.db);
  const admin = await buildUser(t.db, m, { role: 'admin' });
  director = await buildUser(t.db, m, { role: 'director', email: 'dir@gemeente.test' });
  elsewhere = await buildUser(t.db, other, { role: 'director', email: 'elders@gemeente.test' });
  switcher = await buildUser(t.db, m, { role: 'executive', email: 'wissel@gemeente.test' });
  adminHeaders = await t.login(admin);
  staffIssuer = await startTestIssuer({
    publicUrl: PUBLIC,
    accounts: {
      dir: { claims: { email: 'DIR@gemeente.test', groups: ['medewerkers', 'regie-coordinatoren'] } },
      stranger: { claims: { email: 'niemand@gemeente.test' } },
      // One person whose groups change between logins (docs/product.md#an-accounts-history).
      groupA: { claims: { email: 'wissel@gemeente.test', groups: ['regie-coordinatoren'] } },
      groupB: { claims: { email: 'wissel@gemeente.test', groups: ['medewerkers'] } },
      elsewhere: { claims: { email: 'elders@gemeente.test' } },
    },
  });
  broker = await startTestIssuer({
    publicUrl: PUBLIC,
    accounts: {
      resident: { claims: { bsn: BSN }, acr: DIGID_MIDDEN },
      neighbour: { claims: { bsn: OTHER_BSN }, acr: DIGID_MIDDEN },
      weak: { claims: { bsn: OTHER_BSN }, acr: DIGID_BASIS },
      companyA: { claims: { kvk: '12345678', vestigingsnummer: '000012345678', name: 'Anna de Vries' }, acr: LOA3 },
      companyA2: { claims: { kvk: '12345678', name: 'Piet Bakker' }, acr: LOA3 },
      companyB: { claims: { kvk: '87654321', name: 'Bert Jansen' }, acr: LOA3 },
      // Company A's other branch, and the acting person's pseudonym (docs/product.md#eherkenning-branches-and-acting-persons).
      companyABranch2: { claims: { kvk: '12345678', vestigingsnummer: '000087654321', name: 'Karel Smit', acting_subject_id: 'ehk-pseudo-karel' }, acr: LOA3 },
    },
  });
  // This provider's clock runs two hours behind Regie's: its one-hour tokens arrive expired.
  lateIssuer = await startTestIssuer({ publicUrl: PUBLIC, clockOffsetMs: -2 * 3_600_000, accounts: { dir: { claims: { email: 'late@gemeente.test' } } } });
  const common = { clientId: 'regie', clientSecret: TEST_CLIENT_SECRET };
  await configure(adminHeaders, 'staff', {
    issuer: staffIssuer.issuer,
    ...common,
    groupClaim: 'groups',
    groupRoles: [
      { group: 'regie-coordinatoren', role: 'coordinator' },
      { group: 'medewerkers', role: 'director' },
    ],
  });
  await configure(adminHeaders, 'digid', { issuer: broker.issuer, ...common, minLevel: DIGID_MIDDEN });
  await configure(adminHeaders, 'eherkenning', { issuer: broker.issuer, ...common, minLevel: 'urn:etoegang:core:assurance-class:loa2' });
  const lateAdmin = await buildUser(t.db, expiredM, { role: 'admin' });
  await buildUser(t.db, expiredM, { role: 'director', email: 'late@gemeente.test' });
  await configure(await t.login(lateAdmin), 'staff', { issuer: lateIssuer.issuer, ...common });
}, 120_000);

afterAll(async () => {
  await Promise.all([staffIssuer?.close(), broker?.close(), lateIssuer?.close()]);
});

describe('staff single sign-on', () => {
  it('logs staff in by their e-mail claim, in their own municipality, with the role of their first mapped group', async () => {
    const { res, session } = await login(m.slug, 'staff', 'dir');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ kind: 'staff', next: '/' });
    const { me } = await asSession(session as string);
    expect(me.id).toBe(director.userId);
    expect(me.role).toBe('coordinator');
  });

  it('refuses a claim that matches no staff account here, and creates nothing', async () => {
    const before = await t.db.unsafeAdmin
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    for (const account of ['stranger', 'elsewhere']) {
      const { res, session } = await login(m.slug, 'staff', account);
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().type).toContain('sso-no-account');
      expect(session).toBeUndefined();
    }
    const after = await t.db.unsafeAdmin
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(elsewhere.municipalityId).toBe(other.id);
  });

  it('refuses a tampered state, a missing binding cookie, a wrong issuer and an expired token', async () => {
    const tampered = await login(m.slug, 'staff', 'dir', (p) => {
      p.state = `${p.state}x`;
    });
    expect(tampered.res.statusCode).toBe(401);
    expect(tampered.res.json().type).toContain('oidc-state-mismatch');
    expect(tampered.session).toBeUndefined();

    const start = await t.app.inject({ method: 'POST', url: '/api/v1/auth/oidc/start', payload: { municipality: m.slug, kind: 'staff' } });
    const params = await browseToReturn(start.json().url, PUBLIC, 'dir');
    const unbound = await t.app.inject({ method: 'POST', url: '/api/v1/auth/oidc/callback', payload: params });
    expect(unbound.statusCode).toBe(401);
    expect(unbound.json().type).toContain('oidc-no-login-started');
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/oidc/callback',
      payload: params,
      cookies: { regie_oidc: 'v1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    });
    expect(forged.statusCode).toBe(401);

    const wrongIssuer = await login(m.slug, 'staff', 'dir', (p) => {
      p.iss = broker.issuer;
    });
    expect(wrongIssuer.res.statusCode).toBe(401);
    expect(wrongIssuer.res.json().type).toContain('oidc-invalid-answer');
    expect(wrongIssuer.session).toBeUndefined();

    const expired = await login(expiredM.slug, 'staff', 'dir');
    expect(expired.res.statusCode).toBe(401);
    expect(expired.res.json().type).toContain('oidc-invalid-answer');
    expect(expired.session).toBeUndefined();
  });

  it('a state binding expires after ten minutes', async () => {
    const start = await t.app.inject({ method: 'POST', url: '/api/v1/auth/oidc/start', payload: { municipality: m.slug, kind: 'staff' } });
    const params = await browseToReturn(start.json().url, PUBLIC, 'dir');
    shift = 11 * 60_000;
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/oidc/callback',
        payload: params,
        cookies: { regie_oidc: cookieOf(start, 'regie_oidc') as string },
      });
      expect(res.statusCode).toBe(401);
    } finally {
      shift = 0;
    }
  });

  it('logs out of Regie and hands the issuer’s end-session URL', async () => {
    const { session } = await login(m.slug, 'staff', 'dir');
    const h = await asSession(session as string);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/oidc/logout', headers: { cookie: h.cookie, 'x-csrf-token': h['x-csrf-token'] } });
    expect(out.statusCode, out.body).toBe(200);
    const url = new URL(out.json().endSessionUrl);
    expect(url.href.startsWith(staffIssuer.issuer)).toBe(true);
    expect(url.searchParams.get('id_token_hint')).toBeTruthy();
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${PUBLIC}/`);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: h.cookie } });
    expect(me.statusCode).toBe(401);
    // The issuer knows the URL: following it answers without an error.
    const end = await fetch(url, { redirect: 'manual' });
    expect(end.status).toBeLessThan(400);
  });

  it('refuses a password login when the municipality has switched it off, with a clear problem', async () => {
    const before = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: director.email, password: 'correct horse battery staple' },
    });
    expect(before.statusCode).toBe(200);
    const s = await t.app.inject({ method: 'GET', url: '/api/v1/login-settings', headers: adminHeaders });
    const staff = s.json().items.find((i: { kind: string }) => i.kind === 'staff');
    await configure(adminHeaders, 'staff', {
      issuer: staff.issuer,
      clientId: staff.clientId,
      groupClaim: 'groups',
      groupRoles: staff.groupRoles,
      passwordLogin: false,
    });
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: director.email, password: 'correct horse battery staple' },
      });
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().type).toContain('password-login-off');
      expect(cookieOf(res, 'regie_session')).toBeUndefined();
      const options = await t.app.inject({ method: 'GET', url: `/api/v1/auth/login-options?municipality=${m.slug}` });
      expect(options.json()).toEqual({ staff: true, digid: true, eherkenning: true, passwordLogin: false });
      // Staff elsewhere keep their password login.
      const there = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: elsewhere.email, password: 'correct horse battery staple' },
      });
      expect(there.statusCode).toBe(200);
      // ...and single sign-on still works, with the secret kept.
      const sso = await login(m.slug, 'staff', 'dir');
      expect(sso.res.statusCode, sso.res.body).toBe(200);
    } finally {
      await configure(adminHeaders, 'staff', {
        issuer: staff.issuer,
        clientId: staff.clientId,
        groupClaim: 'groups',
        groupRoles: staff.groupRoles,
        passwordLogin: true,
      });
    }
  });

  it('never answers the client secret', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/login-settings', headers: adminHeaders });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(TEST_CLIENT_SECRET);
    expect(res.json().items.map((i: { kind: string; clientSecretSet: boolean }) => [i.kind, i.clientSecretSet])).toEqual([
      ['digid', true],
      ['eherkenning', true],
      ['staff', true],
    ]);
    const stored = await t.db.unsafeAdmin.selectFrom('login_providers').select('client_secret_sealed').where('municipality_id', '=', m.id).execute();
    for (const r of stored) expect(r.client_secret_sealed).not.toContain(TEST_CLIENT_SECRET);
  });
});

describe('residents through DigiD and entrepreneurs through eHerkenning', () => {
  const intake = (h: Record<string, string>, email: string, title: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: h,
      payload: {
        municipality: m.slug,
        initiator: { name: 'Iemand', email },
        title,
        description: 'Een vraag over de buurt en het plein.',
        location: 'Het plein',
      },
    });
  const myCases = async (h: Record<string, string>) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: h });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { title: string }[]).map((c) => c.title).sort();
  };

  it('a BSN logs in at the first time, files on its account, and finds its cases at the next login', async () => {
    const first = await login(m.slug, 'digid', 'resident');
    expect(first.res.statusCode, first.res.body).toBe(200);
    expect(first.res.json()).toEqual({ kind: 'digid', next: '/mijn-zaken' });
    const h = await asSession(first.session as string);
    expect(h.me.role).toBe('initiator');
    const filed = await intake({ cookie: h.cookie, 'x-csrf-token': h['x-csrf-token'] }, 'inwoner@example.nl', 'Bankje op het plein');
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json().confirmed).toBe(true);
    const second = await intake({ cookie: h.cookie, 'x-csrf-token': h['x-csrf-token'] }, 'ander-adres@example.nl', 'Lantaarnpaal stuk');
    expect(second.json().confirmed).toBe(true);
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/oidc/logout', headers: { cookie: h.cookie, 'x-csrf-token': h['x-csrf-token'] } });

    const again = await login(m.slug, 'digid', 'resident');
    const h2 = await asSession(again.session as string);
    expect(h2.me.id).toBe(h.me.id);
    expect(h2.me.email).toBe('inwoner@example.nl');
    expect(await myCases({ cookie: h2.cookie })).toEqual(['Bankje op het plein', 'Lantaarnpaal stuk']);

    // Another BSN sees none of them.
    const n = await login(m.slug, 'digid', 'neighbour');
    expect(await myCases({ cookie: `regie_session=${n.session}` })).toEqual([]);
  });

  it('keeps the BSN only as a keyed hash and sealed', async () => {
    const rows = await t.db.unsafeAdmin.selectFrom('initiator_identities').selectAll().where('municipality_id', '=', m.id).where('kind', '=', 'bsn').execute();
    expect(rows.length).toBe(2);
    expect(JSON.stringify(rows)).not.toContain(BSN);
    const users = await t.db.unsafeAdmin.selectFrom('users').selectAll().where('municipality_id', '=', m.id).execute();
    expect(JSON.stringify(users)).not.toContain(BSN);
  });

  it('refuses an assurance level below the minimum, and makes no account', async () => {
    const before = await t.db.unsafeAdmin.selectFrom('initiator_identities').select('id').execute();
    const { res, session } = await login(m.slug, 'digid', 'weak');
    expect(res.statusCode).toBe(403);
    expect(res.json().type).toContain('assurance-too-low');
    expect(session).toBeUndefined();
    expect((await t.db.unsafeAdmin.selectFrom('initiator_identities').select('id').execute()).length).toBe(before.length);
  });

  it('an eHerkenning login sees its company’s cases and not another company’s', async () => {
    const a = await login(m.slug, 'eherkenning', 'companyA');
    expect(a.res.statusCode, a.res.body).toBe(200);
    const ha = await asSession(a.session as string);
    await intake({ cookie: ha.cookie, 'x-csrf-token': ha['x-csrf-token'] }, 'info@bedrijf-a.nl', 'Terras uitbreiden');
    const b = await login(m.slug, 'eherkenning', 'companyB');
    const hb = await asSession(b.session as string);
    await intake({ cookie: hb.cookie, 'x-csrf-token': hb['x-csrf-token'] }, 'info@bedrijf-b.nl', 'Laadplaats');
    // Another person acting for company A sees A's case.
    const a2 = await login(m.slug, 'eherkenning', 'companyA2');
    expect(await myCases({ cookie: `regie_session=${a2.session}` })).toEqual(['Terras uitbreiden']);
    expect(await myCases({ cookie: hb.cookie })).toEqual(['Laadplaats']);
  });

  it('a case built for a known identity’s account is among its cases (an existing initiator’s cases)', async () => {
    const first = await login(m.slug, 'digid', 'neighbour');
    const h = await asSession(first.session as string);
    const before = await myCases({ cookie: h.cookie });
    // Staff register a case for the resident's own address at the desk: it lands on the same account.
    const mail = h.me.email as string;
    expect(mail.endsWith('.invalid')).toBe(true);
    const filed = await intake({ cookie: h.cookie, 'x-csrf-token': h['x-csrf-token'] }, 'buur@example.nl', 'Stoep verzakt');
    expect(filed.statusCode).toBe(201);
    const c = await buildCase({ municipality: m, deps: t.deps, initiator: { name: 'Buur', email: 'buur@example.nl' }, title: 'Eerder ingediend' });
    expect(c.initiator.userId).toBe(h.me.id);
    const again = await login(m.slug, 'digid', 'neighbour');
    expect(await myCases({ cookie: `regie_session=${again.session}` })).toEqual([...before, 'Eerder ingediend', 'Stoep verzakt'].sort());
  });
});

describe('the branch and the acting person of an eHerkenning login', () => {
  const file = (h: { cookie: string; 'x-csrf-token': string }, title: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: h,
      payload: {
        municipality: m.slug,
        initiator: { name: 'Iemand', email: 'info@bedrijf-a.nl' },
        title,
        description: 'Een vraag van het bedrijf.',
        location: 'Het plein',
      },
    });
  const titles = async (cookie: string) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { title: string }[]).map((c) => c.title);
  };

  it('records the branch and the person on each case; every branch of the KvK number sees the company’s cases, another KvK number none', async () => {
    const one = await asSession((await login(m.slug, 'eherkenning', 'companyA')).session as string);
    expect(one.me.onBehalf).toEqual({ company: null, kvkNumber: '12345678', branchNumber: '000012345678', actingPerson: 'Anna de Vries' });
    const two = await asSession((await login(m.slug, 'eherkenning', 'companyABranch2')).session as string);
    expect(two.me.id).toBe(one.me.id);
    expect(two.me.onBehalf).toEqual({ company: null, kvkNumber: '12345678', branchNumber: '000087654321', actingPerson: 'Karel Smit' });
    const fromOne = await file(one, 'Gevelreclame vestiging een');
    const fromTwo = await file(two, 'Laadperron vestiging twee');
    expect(fromOne.statusCode, fromOne.body).toBe(201);
    expect(fromTwo.statusCode, fromTwo.body).toBe(201);

    // The company sees all its cases, from whichever branch (docs/product.md#eherkenning-branches-and-acting-persons).
    for (const h of [one, two]) expect(await titles(h.cookie)).toEqual(expect.arrayContaining(['Gevelreclame vestiging een', 'Laadperron vestiging twee']));
    const b = await login(m.slug, 'eherkenning', 'companyB');
    const seenByB = await titles(`regie_session=${b.session}`);
    expect(seenByB).not.toContain('Gevelreclame vestiging een');
    expect(seenByB).not.toContain('Laadperron vestiging twee');
    const bCase = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${fromTwo.json().id}`, headers: { cookie: `regie_session=${b.session}` } });
    expect(bCase.statusCode).toBe(404);

    // Each case names its own branch and person, for the company and for staff.
    const staff = await t.login(director);
    for (const [res, branch, person] of [
      [fromOne, '000012345678', 'Anna de Vries'],
      [fromTwo, '000087654321', 'Karel Smit'],
    ] as const) {
      for (const headers of [{ cookie: two.cookie }, staff]) {
        const c = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${res.json().id}`, headers });
        expect(c.statusCode, c.body).toBe(200);
        expect(c.json().initiator.kvkNumber).toBe('12345678');
        expect(c.json().initiator.onBehalf).toEqual({ branchNumber: branch, actingPerson: person });
      }
    }
    const stored = await t.db.unsafeAdmin
      .selectFrom('case_intakes')
      .select(['acting_pseudonym'])
      .where('case_id', '=', fromTwo.json().id)
      .executeTakeFirstOrThrow();
    expect(stored.acting_pseudonym).toBe('ehk-pseudo-karel');

    // A DigiD login acts for nobody.
    const resident = await asSession((await login(m.slug, 'digid', 'resident')).session as string);
    expect(resident.me.onBehalf).toBeNull();
  });
});

describe('role changes by the group mapping', () => {
  const history = async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/users/${switcher.userId}/history`, headers: adminHeaders });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as { type: string; from: string; to: string; source: string; group: string | null; by: unknown }[];
  };

  it('records each change of the role as an event on the account’s history, and nothing when the role stays', async () => {
    expect(await history()).toEqual([]);
    const a = await login(m.slug, 'staff', 'groupA');
    expect(a.res.statusCode, a.res.body).toBe(200);
    expect((await asSession(a.session as string)).me.role).toBe('coordinator');
    expect(await history()).toMatchObject([
      { type: 'account.roleChanged', from: 'executive', to: 'coordinator', source: 'groupMapping', group: 'regie-coordinatoren', by: null },
    ]);

    // The same groups again: no change, no event.
    await login(m.slug, 'staff', 'groupA');
    expect((await history()).length).toBe(1);

    const b = await login(m.slug, 'staff', 'groupB');
    expect((await asSession(b.session as string)).me.role).toBe('director');
    const events = await history();
    expect(events.length).toBe(2);
    expect(events[1]).toMatchObject({ type: 'account.roleChanged', from: 'coordinator', to: 'director', source: 'groupMapping', group: 'medewerkers' });

    // An administrator's change is on the same history, naming the administrator.
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${switcher.userId}`, headers: adminHeaders, payload: { role: 'council' } });
    expect(patch.statusCode, patch.body).toBe(200);
    const after = await history();
    expect(after.length).toBe(3);
    expect(after[2]).toMatchObject({ from: 'director', to: 'council', source: 'admin', group: null, by: { name: expect.any(String) } });
    const rename = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${switcher.userId}`, headers: adminHeaders, payload: { name: 'Wissel' } });
    expect(rename.statusCode).toBe(200);
    expect((await history()).length).toBe(3);

    // Another municipality's administrator sees no history here.
    const otherAdmin = await t.login(await buildUser(t.db, other, { role: 'admin' }));
    const there = await t.app.inject({ method: 'GET', url: `/api/v1/users/${switcher.userId}/history`, headers: otherAdmin });
    expect(there.statusCode).toBe(404);
  });
});

describe('which municipalities offer which login', () => {
  it('lists only municipalities with a login set up, with the logins each has', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/login-municipalities' });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { slug: string; staff: boolean; digid: boolean; eherkenning: boolean }[];
    expect(items.find((i) => i.slug === m.slug)).toMatchObject({ staff: true, digid: true, eherkenning: true });
    expect(items.find((i) => i.slug === expiredM.slug)).toMatchObject({ staff: true, digid: false, eherkenning: false });
    expect(items.some((i) => i.slug === other.slug)).toBe(false);

    // Switching the last login off takes the municipality off the list.
    const lateAdmin = await t.login(await buildUser(t.db, expiredM, { role: 'admin' }));
    const s = await t.app.inject({ method: 'GET', url: '/api/v1/login-settings', headers: lateAdmin });
    const staff = s.json().items[0];
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/login-settings/staff', headers: lateAdmin })).statusCode).toBe(204);
    try {
      const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/login-municipalities' });
      expect((after.json().items as { slug: string }[]).some((i) => i.slug === expiredM.slug)).toBe(false);
    } finally {
      await configure(lateAdmin, 'staff', { issuer: staff.issuer, clientId: staff.clientId, clientSecret: TEST_CLIENT_SECRET });
    }
  });
});

describe('revealing a BSN for the audit', () => {
  it('reveals the BSN to the admin with a reason, logs who, when and why, and refuses everyone else', async () => {
    const r = await asSession((await login(m.slug, 'digid', 'resident')).session as string);
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { cookie: r.cookie, 'x-csrf-token': r['x-csrf-token'] },
      payload: {
        municipality: m.slug,
        initiator: { name: 'Ria', email: 'ria@example.nl' },
        title: 'Boom snoeien',
        description: 'De boom hangt over.',
        location: 'Dorpsstraat 1',
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const caseId = filed.json().id as string;
    const url = `/api/v1/cases/${caseId}/initiator/identity-number`;
    const reason = 'Verzoek om inzage van de betrokkene, nummer te controleren';
    const admin = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: adminHeaders });

    const ok = await t.app.inject({ method: 'POST', url, headers: adminHeaders, payload: { reason } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ kind: 'bsn', value: BSN });
    const rows = await t.db.unsafeAdmin.selectFrom('access_log').selectAll().where('case_id', '=', caseId).where('kind', '=', 'identityNumber').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_id: admin.json().id, actor_role: 'admin', reason, municipality_id: m.id });
    expect(rows[0]?.created_at).toBeInstanceOf(Date);
    const log = await t.app.inject({ method: 'GET', url: `/api/v1/access-log-entries?case=${caseId}&kind=identityNumber`, headers: adminHeaders });
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json().items).toMatchObject([{ kind: 'identityNumber', reason, actor: { id: admin.json().id } }]);
    expect(log.body).not.toContain(BSN);
    expect(JSON.stringify(rows)).not.toContain(BSN);

    // Without a reason: 400, and nothing logged.
    for (const payload of [{}, { reason: '' }, { reason: '   ' }]) {
      const res = await t.app.inject({ method: 'POST', url, headers: adminHeaders, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.body).not.toContain(BSN);
    }
    // Other roles: 403; another municipality's admin: 404; an initiator without a BSN: 404.
    for (const role of ['director', 'coordinator', 'executive', 'council'] as const) {
      const h = await t.login(await buildUser(t.db, m, { role }));
      const res = await t.app.inject({ method: 'POST', url, headers: h, payload: { reason } });
      expect(res.statusCode, role).toBe(403);
      expect(res.body).not.toContain(BSN);
    }
    const own = await t.app.inject({ method: 'POST', url, headers: { cookie: r.cookie, 'x-csrf-token': r['x-csrf-token'] }, payload: { reason } });
    expect([403, 404]).toContain(own.statusCode);
    const otherAdmin = await t.login(await buildUser(t.db, other, { role: 'admin' }));
    const elsewhereRes = await t.app.inject({ method: 'POST', url, headers: otherAdmin, payload: { reason } });
    expect(elsewhereRes.statusCode).toBe(404);
    const plain = await buildCase({ municipality: m, deps: t.deps, initiator: { name: 'Zonder DigiD', email: 'zonder@example.nl' }, title: 'Zonder BSN' });
    const none = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${plain.id}/initiator/identity-number`, headers: adminHeaders, payload: { reason } });
    expect(none.statusCode).toBe(404);
    const logged = await t.db.unsafeAdmin.selectFrom('access_log').select('id').where('kind', '=', 'identityNumber').execute();
    expect(logged).toHaveLength(1);

    // The BSN is in no other answer: the case, the list, the timeline, the dossier, the initiator's own view.
    const staffH = await t.login(director);
    const reads = [
      { url: `/api/v1/cases/${caseId}`, headers: adminHeaders },
      { url: `/api/v1/cases/${caseId}`, headers: staffH },
      { url: `/api/v1/cases/${caseId}/events`, headers: adminHeaders },
      { url: '/api/v1/cases', headers: adminHeaders },
      { url: `/api/v1/cases/${caseId}`, headers: { cookie: r.cookie } },
      { url: '/api/v1/me', headers: { cookie: r.cookie } },
      { url: '/api/v1/me/account', headers: { cookie: r.cookie } },
    ];
    for (const q of reads) {
      const res = await t.app.inject({ method: 'GET', ...q });
      expect(res.statusCode, `${q.url}: ${res.body}`).toBe(200);
      expect(res.body, q.url).not.toContain(BSN);
    }
    const dossier = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/dossier`, headers: adminHeaders });
    expect(dossier.statusCode).toBe(200);
    expect(await pdfText(dossier.rawPayload)).not.toContain(BSN);
  });
});
