// Keeping the initiator informed (docs/product.md#keeping-the-initiator-informed) and
// the personal links in those mails (docs/product.md#links-in-mail), on a real database
// and over HTTP: what each mail says, in the initiator's language, and that its link
// signs them in on the case page, once, for MAIL_LINK_DAYS.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import type { Actor } from '../../platform/auth/index.js';
import { buildCase, buildMunicipality, buildUser, ctxFor, type TestMunicipality } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';
import { assignDirector, changeStatus, resumeClock, suspendClock } from './service.js';

const clock = fixedClock('2026-03-02T09:00:00+01:00');
const t = withTestApp({ clock });

interface World {
  m: TestMunicipality;
  coordinator: Actor;
  director: Actor;
}

async function world(): Promise<World> {
  const m = await buildMunicipality(t.db);
  const coordinator = await buildUser(t.db, m, { role: 'coordinator' });
  const director = await buildUser(t.db, m, { role: 'director', name: 'Anna Centrum' });
  return { m, coordinator, director };
}

const as = (a: Actor) => ctxFor(t.deps, a);
const mailsTo = (to: string) => t.db.unsafeAdmin.selectFrom('outbox').select(['subject', 'body_text']).where('to_address', '=', to).orderBy('id').execute();
const lastMailTo = async (to: string) => (await mailsTo(to)).at(-1) ?? { subject: '', body_text: '' };
const tokenIn = (text: string) => /inloggen\/link#(\S+)/.exec(text)?.[1] ?? '';
const redeem = (token: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login-links/redeem', payload: { token } });

/** A case in planning with the world's director; the initiator's mail so far read. */
async function planningCase(w: World, locale: 'nl' | 'en' = 'nl') {
  const c = await buildCase({
    municipality: w.m,
    deps: t.deps,
    status: 'planning',
    coordinator: w.coordinator,
    director: w.director,
    initiator: { name: 'Henk van Dijk', email: `henk-${Math.random().toString(36).slice(2)}@example.nl`, locale },
  });
  return c;
}

describe('mail to the initiator about the plan clock', () => {
  it('tells of a suspension with its reason, and of the resumption with the new due date', async () => {
    const w = await world();
    const c = await planningCase(w);
    await suspendClock(as(w.director), { caseId: c.id, reason: 'Wij wachten op de bouwtekening van de aanbouw.' });
    const suspended = await lastMailTo(c.initiator.email);
    expect(suspended.subject).toBe(`${c.reference}: de termijn voor het plan staat stil`);
    expect(suspended.body_text).toContain('Reden: Wij wachten op de bouwtekening van de aanbouw.');
    expect(suspended.body_text).toMatch(/Met vriendelijke groet,\n\S/);

    clock.advanceDays(3);
    try {
      const resumed = await resumeClock(as(w.director), { caseId: c.id });
      const mail = await lastMailTo(c.initiator.email);
      expect(mail.subject).toBe(`${c.reference}: de termijn voor het plan loopt weer`);
      expect(mail.body_text).toContain('Wij wachten op de bouwtekening van de aanbouw.');
      // 42 days from 2 March, three days later: 16 April 2026.
      expect(resumed.plan_due_on).toBe('2026-04-16');
      expect(mail.body_text).toContain('16 april 2026');
    } finally {
      clock.advanceDays(-3);
    }
  });

  it('writes in English to an initiator whose language is English', async () => {
    const w = await world();
    const c = await planningCase(w, 'en');
    await suspendClock(as(w.director), { caseId: c.id, reason: 'Waiting for the drawing.' });
    const mail = await lastMailTo(c.initiator.email);
    expect(mail.subject).toBe(`${c.reference}: the plan term is paused`);
    expect(mail.body_text).toContain('Reason: Waiting for the drawing.');
  });
});

describe('mail to the initiator about withdrawal and the director', () => {
  it('says a withdrawn case is withdrawn ("ingetrokken"), not closed', async () => {
    const w = await world();
    const c = await planningCase(w);
    await changeStatus(as(w.director), { caseId: c.id, to: 'withdrawn', reason: 'De initiatiefnemer verkoopt het pand.' });
    const mail = await lastMailTo(c.initiator.email);
    expect(mail.subject).toBe(`${c.reference} is ingetrokken`);
    expect(`${mail.subject} ${mail.body_text}`).not.toContain('afgesloten');
    expect(mail.body_text).toContain('De initiatiefnemer verkoopt het pand.');
  });

  it('gives the director’s name, e-mail address and the phone number they set on "Mijn account"', async () => {
    const w = await world();
    const headers = await t.login(w.director);
    const set = await t.app.inject({ method: 'PATCH', url: '/api/v1/me/account', headers, payload: { phone: '010 123 45 67' } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ phone: '010 123 45 67', email: w.director.email });
    const c = await buildCase({ municipality: w.m, deps: t.deps, status: 'submitted' });
    await assignDirector(as(w.coordinator), { caseId: c.id, directorId: w.director.userId });
    const mail = await lastMailTo(c.initiator.email);
    expect(mail.subject).toBe(`${c.reference}: uw case-regisseur is Anna Centrum`);
    expect(mail.body_text).toContain(w.director.email);
    expect(mail.body_text).toContain('010 123 45 67');
  });
});

describe('a fresh one-time link in every mail to the initiator', () => {
  it('gives each mail a link of its own that opens the case page, still valid after a week, once', async () => {
    const w = await world();
    const c = await planningCase(w);
    await suspendClock(as(w.director), { caseId: c.id, reason: 'Wacht op stukken.' });
    await resumeClock(as(w.director), { caseId: c.id });
    const [suspended, resumed] = (await mailsTo(c.initiator.email)).slice(-2);
    const first = tokenIn(suspended?.body_text ?? '');
    const second = tokenIn(resumed?.body_text ?? '');
    expect(first.length).toBeGreaterThan(20);
    expect(second.length).toBeGreaterThan(20);
    expect(first).not.toBe(second);

    clock.advanceDays(8);
    try {
      const res = await redeem(first);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ caseId: c.id, user: { role: 'initiator', email: c.initiator.email } });
      expect((await redeem(first)).statusCode).toBe(401);
    } finally {
      clock.advanceDays(-8);
    }
  });

  it('the mails of a public intake (received, confirm) carry links that still work after a week', async () => {
    const w = await world();
    const email = `week-${Math.random().toString(36).slice(2)}@example.nl`;
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        municipality: w.m.slug,
        initiator: { name: 'Bea Bewoner', email },
        title: 'Bankje bij de bushalte',
        description: 'Graag een bankje.',
        location: 'Dorpsstraat 1',
      },
    });
    expect(filed.statusCode).toBe(201);
    const confirm = tokenIn((await lastMailTo(email)).body_text);
    expect(confirm.length).toBeGreaterThan(20);
    clock.advanceDays(8);
    try {
      const res = await redeem(confirm);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ caseId: filed.json().id });
    } finally {
      clock.advanceDays(-8);
    }
  });

  it('lets a link expire after its days, and then offers a new one to the same address only', async () => {
    const w = await world();
    const c = await planningCase(w);
    await suspendClock(as(w.director), { caseId: c.id, reason: 'Wacht op stukken.' });
    const old = tokenIn((await lastMailTo(c.initiator.email)).body_text);
    const before = (await mailsTo(c.initiator.email)).length;
    clock.advanceDays(15);
    try {
      expect((await redeem(old)).statusCode).toBe(401);
      const resend = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login-links/resend', payload: { token: old } });
      expect(resend.statusCode, resend.body).toBe(202);
      const mails = await mailsTo(c.initiator.email);
      expect(mails).toHaveLength(before + 1);
      const fresh = tokenIn(mails.at(-1)?.body_text ?? '');
      expect(fresh).not.toBe(old);
      const res = await redeem(fresh);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().caseId).toBe(c.id);
    } finally {
      clock.advanceDays(-15);
    }
  });

  it('offers a new confirmation link for a public intake whose link expired, to the intake’s address', async () => {
    const w = await world();
    const email = `publiek-${Math.random().toString(36).slice(2)}@example.nl`;
    const intake = {
      municipality: w.m.slug,
      initiator: { name: 'Iemand Publiek', email },
      title: 'Bankje in het park',
      description: 'Graag een bankje bij de vijver.',
      location: 'Stadspark',
    };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', payload: intake });
    expect(res.statusCode, res.body).toBe(201);
    const old = tokenIn((await lastMailTo(email)).body_text);
    clock.advanceDays(15); // past the 14 days of a link in mail
    try {
      expect((await redeem(old)).statusCode).toBe(401);
      const resend = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login-links/resend', payload: { token: old } });
      expect(resend.statusCode).toBe(202);
      const mails = await mailsTo(email);
      expect(mails).toHaveLength(2);
      expect(mails[1]?.subject).toBe(mails[0]?.subject);
      const confirmed = await redeem(tokenIn(mails[1]?.body_text ?? ''));
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      expect(confirmed.json()).toMatchObject({ caseId: res.json().id, user: { email } });
    } finally {
      clock.advanceDays(-15);
    }
  });

  it('answers a made-up link the same and mails nobody', async () => {
    const total = async () =>
      Number(
        (
          await t.db.unsafeAdmin
            .selectFrom('outbox')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await total();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login-links/resend', payload: { token: 'x'.repeat(43) } });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'sent-if-known' });
    expect(await total()).toBe(before);
  });
});
