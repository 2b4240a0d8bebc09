// Staff accounts that work (docs/product.md#staff-accounts), over HTTP: the invitation
// with its set-password link, "Wachtwoord vergeten" without an oracle, changing one's
// own password, and deactivation instead of deletion.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import type { Actor } from '../../platform/auth/index.js';
import { buildMunicipality, buildUser, TEST_PASSWORD } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';
import { unsafeRequestPasswordReset } from './passwords.js';

const clock = fixedClock('2026-03-02T09:00:00+01:00');
const t = withTestApp({ clock });

const uniq = () => Math.random().toString(36).slice(2, 10);
const mailsTo = (to: string) => t.db.unsafeAdmin.selectFrom('outbox').select(['subject', 'body_text']).where('to_address', '=', to).orderBy('id').execute();
const totalMails = async () =>
  Number(
    (
      await t.db.unsafeAdmin
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const tokenIn = (text: string) => /wachtwoord\/instellen#(\S+)/.exec(text)?.[1] ?? '';
const login = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
const setPassword = (token: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/password-resets/redeem', payload: { token, password } });
const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers });
const sessionOf = (res: { cookies: { name: string; value: string }[] }) => ({
  cookie: `regie_session=${res.cookies.find((c) => c.name === 'regie_session')?.value}`,
});

async function adminOf() {
  const m = await buildMunicipality(t.db);
  const admin = await buildUser(t.db, m, { role: 'admin' });
  return { m, admin, headers: await t.login(admin) };
}

describe('an invitation for every new staff account', () => {
  it('mails a set-password link; until it is used the account has no password, then it logs in', async () => {
    const { headers } = await adminOf();
    const email = `nieuw-${uniq()}@example.nl`;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers, payload: { email, name: 'Nina Nieuw', role: 'director' } });
    expect(res.statusCode, res.body).toBe(201);
    const [invite] = await mailsTo(email);
    expect(invite?.subject).toMatch(/nodigt u uit voor Regie/);
    expect(invite?.body_text).toContain('Beste Nina Nieuw');
    const token = tokenIn(invite?.body_text ?? '');
    expect(token.length).toBeGreaterThan(20);

    expect((await login(email, 'een-wachtwoord-dat-niet-bestaat')).statusCode).toBe(401);
    expect((await setPassword(token, 'kort')).statusCode).toBe(400);
    const set = await setPassword(token, 'mijn eigen lange wachtwoord');
    expect(set.statusCode, set.body).toBe(200);
    expect((await me(sessionOf(set))).json()).toMatchObject({ email, role: 'director' });
    expect((await login(email, 'mijn eigen lange wachtwoord')).statusCode).toBe(200);
    // Once only.
    expect((await setPassword(token, 'nog een ander wachtwoord')).statusCode).toBe(401);
  });

  it('invites in English when the account is English, and every new account is invited, password given or not', async () => {
    const { headers } = await adminOf();
    const email = `new-${uniq()}@example.nl`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers,
      payload: { email, name: 'Nora New', role: 'coordinator', locale: 'en', password: 'a-long-enough-password' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toMatch(/invites you to Regie/);
  });

  it('lets an invitation expire', async () => {
    const { headers } = await adminOf();
    const email = `laat-${uniq()}@example.nl`;
    await t.app.inject({ method: 'POST', url: '/api/v1/users', headers, payload: { email, name: 'Laat', role: 'director' } });
    const token = tokenIn((await mailsTo(email))[0]?.body_text ?? '');
    clock.advanceDays(4);
    try {
      expect((await setPassword(token, 'mijn eigen lange wachtwoord')).statusCode).toBe(401);
    } finally {
      clock.advanceDays(-4);
    }
  });

  it('creates no account that can never log in: no e-mail address, no account', async () => {
    const { headers } = await adminOf();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers, payload: { name: 'Zonder adres', role: 'director' } });
    expect(res.statusCode).toBe(400);
  });
});

describe('Wachtwoord vergeten', () => {
  it('answers the same for an unknown address and mails nothing', async () => {
    const before = await totalMails();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-resets', payload: { email: `niemand-${uniq()}@example.nl` } });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'sent-if-known' });
    expect(await totalMails()).toBe(before);
  });

  it('mails a reset link; setting a password through it ends the account’s sessions', async () => {
    const { m } = await adminOf();
    const director = await buildUser(t.db, m, { role: 'director' });
    const old = await t.login(director);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-resets', payload: { email: director.email.toUpperCase() } });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'sent-if-known' });
    const mail = (await mailsTo(director.email)).at(-1);
    expect(mail?.subject).toBe('Een nieuw wachtwoord voor Regie');
    const set = await setPassword(tokenIn(mail?.body_text ?? ''), 'een heel nieuw wachtwoord');
    expect(set.statusCode, set.body).toBe(200);
    expect((await me(old)).statusCode).toBe(401);
    expect((await login(director.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(director.email, 'een heel nieuw wachtwoord')).statusCode).toBe(200);
  });

  it('mails a link per account when the address is staff of two municipalities, each setting only its own password', async () => {
    const email = `twee-${uniq()}@example.nl`;
    const { m: first } = await adminOf();
    const { m: second } = await adminOf();
    const a = await buildUser(t.db, first, { role: 'director', email });
    const b = await buildUser(t.db, second, { role: 'coordinator', email });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-resets', payload: { email } });
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(2);
    const [one, two] = mails.map((x) => tokenIn(x.body_text));
    expect(one).not.toBe(two);
    const set = await setPassword(one ?? '', 'alleen voor de eerste gemeente');
    expect(set.statusCode, set.body).toBe(200);
    const who = (await me(sessionOf(set))).json();
    const mine = who.id === a.userId ? first : second;
    expect([a.userId, b.userId]).toContain(who.id);
    expect(who.municipalitySlug).toBe(mine.slug);
    // The other account keeps its password, and its link still works.
    expect((await login(email, TEST_PASSWORD)).statusCode).toBe(200);
    expect((await setPassword(two ?? '', 'alleen voor de tweede gemeente')).statusCode).toBe(200);
  });

  it('sends an initiator no reset link', async () => {
    const { m } = await adminOf();
    const initiator = await buildUser(t.db, m, { role: 'initiator' });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-resets', payload: { email: initiator.email } });
    expect(await mailsTo(initiator.email)).toHaveLength(0);
  });
});

describe('a municipality that logs in by single sign-on only', () => {
  // docs/product.md#logging-in-through-openid-connect: with password login off, no
  // set-password link is issued and one issued before the switch is refused.
  const passwordLogin = async (headers: Record<string, string>, on: boolean) => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/login-settings/staff',
      headers,
      payload: { issuer: 'https://login.example.nl/realms/gemeente', clientId: 'regie', passwordLogin: on },
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const linksOf = (userId: string) => t.db.unsafeAdmin.selectFrom('password_links').select('purpose').where('user_id', '=', userId).execute();

  it('invites without a set-password link: the mail points to the organisation account', async () => {
    const { headers } = await adminOf();
    await passwordLogin(headers, false);
    const email = `sso-${uniq()}@example.nl`;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers, payload: { email, name: 'Olga Organisatie', role: 'director' } });
    expect(res.statusCode, res.body).toBe(201);
    const [invite] = await mailsTo(email);
    expect(invite?.subject).toMatch(/nodigt u uit voor Regie/);
    expect(invite?.body_text).toContain('organisatieaccount');
    expect(invite?.body_text).toContain('/inloggen');
    expect(invite?.body_text).not.toContain('wachtwoord/instellen');
    expect(await linksOf(res.json().id)).toHaveLength(0);
  });

  it('issues no reset link and answers the same as for an unknown address', async () => {
    const { m, headers } = await adminOf();
    await passwordLogin(headers, false);
    const director = await buildUser(t.db, m, { role: 'director' });
    // The route answers 202 "sent-if-known" whatever the use-case did; the use-case is
    // called directly so the route's rate limit, spent by the tests above, plays no part.
    await unsafeRequestPasswordReset(t.deps, { email: director.email });
    expect(await mailsTo(director.email)).toHaveLength(0);
    expect(await linksOf(director.userId)).toHaveLength(0);
  });

  it('refuses a link issued before the switch with a clear problem: no password set, no session', async () => {
    const { m, headers } = await adminOf();
    const director = await buildUser(t.db, m, { role: 'director' });
    await unsafeRequestPasswordReset(t.deps, { email: director.email });
    const token = tokenIn((await mailsTo(director.email)).at(-1)?.body_text ?? '');
    expect(token.length).toBeGreaterThan(20);
    await passwordLogin(headers, false);
    const set = await setPassword(token, 'een wachtwoord dat niet mag');
    expect(set.statusCode, set.body).toBe(403);
    expect(set.headers['content-type']).toContain('application/problem+json');
    expect(set.json().type).toContain('password-login-off');
    expect(set.cookies.find((c) => c.name === 'regie_session')).toBeUndefined();
    const row = await t.db.unsafeAdmin.selectFrom('users').select('password_hash').where('id', '=', director.userId).executeTakeFirstOrThrow();
    expect(row.password_hash).not.toBeNull();
    // Switched back on, the old password still works and the new one was never set.
    await passwordLogin(headers, true);
    expect((await login(director.email, TEST_PASSWORD)).statusCode).toBe(200);
    expect((await login(director.email, 'een wachtwoord dat niet mag')).statusCode).toBe(401);
  });
});

describe('changing one’s own password on "Mijn account"', () => {
  it('needs the current password, and ends the other sessions but not this one', async () => {
    const { m } = await adminOf();
    const director = await buildUser(t.db, m, { role: 'director' });
    const here = await t.login(director);
    const elsewhere = await t.login(director);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: here,
      payload: { current: 'niet mijn wachtwoord', password: 'een nieuw lang wachtwoord' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors?.[0]?.field ?? wrong.body).toContain('current');
    const weak = await t.app.inject({ method: 'POST', url: '/api/v1/me/password', headers: here, payload: { current: TEST_PASSWORD, password: 'kort' } });
    expect(weak.statusCode).toBe(400);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: here,
      payload: { current: TEST_PASSWORD, password: 'een nieuw lang wachtwoord' },
    });
    expect(ok.statusCode, ok.body).toBe(204);
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(401);
    expect((await login(director.email, 'een nieuw lang wachtwoord')).statusCode).toBe(200);
  });
});

describe('deactivating a staff member instead of deleting them', () => {
  it('ends their sessions, revokes their tokens, refuses their login and reset, keeps their name; reactivation lets them in again', async () => {
    const { m, headers } = await adminOf();
    const director: Actor = await buildUser(t.db, m, { role: 'director', name: 'Vera Vertrek' });
    const session = await t.login(director);
    const token = await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: session, payload: { name: 'script' } });
    const bearer = { authorization: `Bearer ${token.json().token}` };
    expect((await me(bearer)).statusCode).toBe(200);

    const off = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${director.userId}`, headers, payload: { active: false } });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ active: false, name: 'Vera Vertrek' });
    expect((await me(session)).statusCode).toBe(401);
    expect((await me(bearer)).statusCode).toBe(401);
    expect((await login(director.email, TEST_PASSWORD)).statusCode).toBe(401);
    const before = (await mailsTo(director.email)).length;
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-resets', payload: { email: director.email } });
    expect(await mailsTo(director.email)).toHaveLength(before);

    const on = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${director.userId}`, headers, payload: { active: true } });
    expect(on.statusCode).toBe(200);
    expect((await login(director.email, TEST_PASSWORD)).statusCode).toBe(200);
    // A revoked token stays revoked.
    expect((await me(bearer)).statusCode).toBe(401);
  });
});
