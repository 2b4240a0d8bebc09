// Response periods on a real database (PGlite and PostgreSQL): open and close, respond →
// confirm → counts, someone typing another person's address, hiding, the answers mailed
// once at plan agreement in the respondent's language, the dossier's section and the
// figures for insights (docs/product.md#response-periods and the rules after it).
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/index.js';
import { withTestDb } from '../../testing/db.js';
import { actorOf, buildCase, buildMunicipality, ctxFor, refusal, type TestMunicipality } from '../../testing/factories.js';
import { collectDossier } from '../dossier/index.js';
import { agreePlan } from '../plans/index.js';
import { participationFigures, unsafeConfirmResponse, unsafeDeleteExpiredResponses } from './index.js';
import { unsafePublicPeriod, unsafeSubmitResponse } from './public.js';
import { answerTopic, closePeriod, getInventory, hideResponse, listCasePeriods, openPeriod } from './service.js';
import { buildPeriod, confirmationTokenFor, respond, respondConfirmed } from './testing.js';

const { db, deps } = withTestDb(); // Monday 2 March 2026

interface World {
  m: TestMunicipality;
  director: Actor;
  coordinator: Actor;
  caseId: string;
  initiator: Actor;
}

async function world(): Promise<World> {
  const m = await buildMunicipality(db);
  const director = await actorOf('director', { municipality: m });
  const coordinator = await actorOf('coordinator', { municipality: m });
  const c = await buildCase({
    municipality: m,
    deps,
    director,
    coordinator,
    themeIds: [m.themeIds[0] as string],
    plan: { goal: 'Terras open voor de zomer', actions: [{ description: 'Aanvraag', ownerKind: 'initiator', dueOn: '2026-05-01' }] },
  });
  return { m, director, coordinator, caseId: c.id, initiator: c.initiator };
}

const outboxTo = (email: string) =>
  db.unsafeAdmin.selectFrom('outbox').select(['subject', 'body_text']).where('to_address', '=', email).orderBy('id').execute();
const eventsOf = (caseId: string) =>
  db.unsafeAdmin
    .selectFrom('events')
    .select(['type', 'payload', 'visibility'])
    .where('case_id', '=', caseId)
    .where('type', 'like', 'participation.%')
    .orderBy('id')
    .execute();

describe('opening and closing a response period', () => {
  it('the director opens one: end date in working days, "Anders" added, an event on the timeline', async () => {
    const w = await world();
    const p = await openPeriod(ctxFor(deps, w.director), {
      caseId: w.caseId,
      summary: 'Een terras aan de haven.',
      location: 'Havenkade 1',
      workingDays: 10,
      topics: ['Verkeer', 'Geluid'],
      questions: ['Hoe vaak komt u langs?'],
    });
    expect(p.endsOn).toBe('2026-03-16'); // ten working days after Monday 2 March
    expect(p.open).toBe(true);
    expect(p.topics.map((t) => t.name)).toEqual(['Verkeer', 'Geluid', 'Anders']);
    expect(p.reference).toMatch(/-2026-/);
    expect(p.themes).toHaveLength(1);
    const events = await eventsOf(w.caseId);
    expect(events.map((e) => e.type)).toEqual(['participation.periodOpened']);
    expect(events[0]?.payload).toMatchObject({ periodId: p.id, endsOn: '2026-03-16', workingDays: 10 });
  });

  it('one open period per case; the coordinator may open one too', async () => {
    const w = await world();
    await buildPeriod(deps, w.coordinator, w.caseId);
    expect(await refusal(buildPeriod(deps, w.director, w.caseId))).toMatchObject({ status: 409, key: 'error.periodAlreadyOpen' });
  });

  it('refuses a case without a location with a clear problem', async () => {
    const w = await world();
    await db.unsafeAdmin.updateTable('cases').set({ location: '' }).where('id', '=', w.caseId).execute();
    expect(await refusal(buildPeriod(deps, w.director, w.caseId))).toMatchObject({ status: 409, key: 'error.caseWithoutLocation' });
  });

  it('refuses another director and the specialist (403), and another municipality (404)', async () => {
    const w = await world();
    const other = await actorOf('director', { municipality: w.m });
    expect((await refusal(buildPeriod(deps, other, w.caseId))).status).toBe(403);
    expect((await refusal(buildPeriod(deps, await actorOf('specialist', { municipality: w.m }), w.caseId))).status).toBe(403);
    const elsewhere = await actorOf('coordinator', { municipality: await buildMunicipality(db) });
    expect((await refusal(buildPeriod(deps, elsewhere, w.caseId))).status).toBe(404);
  });

  it('closing early takes a reason; then responding is refused and a new period may open', async () => {
    const w = await world();
    const p = await buildPeriod(deps, w.director, w.caseId);
    await closePeriod(ctxFor(deps, w.director), { periodId: p.id, reason: 'Het plan is gewijzigd' });
    const after = await unsafePublicPeriod(deps, w.m.slug, p.id);
    expect(after).toMatchObject({ open: false, closedEarly: true });
    expect(await refusal(respond(deps, w.m.slug, p, { email: 'laat@example.nl' }))).toMatchObject({ status: 409, key: 'error.periodClosed' });
    expect((await refusal(closePeriod(ctxFor(deps, w.director), { periodId: p.id, reason: 'Nog eens' }))).status).toBe(409);
    await buildPeriod(deps, w.director, w.caseId);
    const types = (await eventsOf(w.caseId)).map((e) => e.type);
    expect(types).toEqual(['participation.periodOpened', 'participation.periodClosed', 'participation.periodOpened']);
  });

  it('after the end date the page says closed and responses are refused', async () => {
    const w = await world();
    const p = await buildPeriod(deps, w.director, w.caseId, { workingDays: 1 }); // ends Tuesday 3 March
    const clock = { now: () => new Date('2026-03-04T09:00:00+01:00') };
    const later = { ...deps, clock };
    expect((await unsafePublicPeriod(later, w.m.slug, p.id)).open).toBe(false);
    expect(await refusal(respond(later, w.m.slug, p, { email: 'te-laat@example.nl' }))).toMatchObject({ status: 409 });
    const list = await listCasePeriods(ctxFor(later, w.director), w.caseId);
    expect(list.abilities.open).toBe(true);
  });
});

describe('respond → confirm → counts', () => {
  it('an unconfirmed response does not count; the mailed link confirms it, once', async () => {
    const w = await world();
    const p = await buildPeriod(deps, w.director, w.caseId);
    await respond(deps, w.m.slug, p, { email: 'els@example.nl', position: 'objection', topicIds: [p.topics[0]?.id as string, p.topics[1]?.id as string] });
    expect((await getInventory(ctxFor(deps, w.director), p.id)).period.respondents).toBe(0);
    const mail = await outboxTo('els@example.nl');
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toContain('Bevestig uw reactie');
    const token = await confirmationTokenFor(deps, 'els@example.nl');
    await unsafeConfirmResponse(deps, token);
    await unsafeConfirmResponse(deps, token); // again: nothing changes
    const inv = await getInventory(ctxFor(deps, w.director), p.id);
    expect(inv.period.respondents).toBe(1);
    expect(inv.totals).toEqual({ support: 0, concern: 0, objection: 1 });
    expect(inv.topics.map((t) => t.total)).toEqual([1, 1, 0, 0]);
    expect(JSON.stringify(inv.responses)).not.toContain('els@example.nl');
    expect((await eventsOf(w.caseId)).filter((e) => e.type === 'participation.responseConfirmed')).toHaveLength(1);
  });

  it('the later confirmed response of the same address replaces the earlier one', async () => {
    const w = await world();
    const p = await buildPeriod(deps, w.director, w.caseId);
    await respondConfirmed(deps, w.m.slug, p, { email: 'Jan@Example.nl', position: 'support' });
    await respondConfirmed(deps, w.m.slug, p, { email: 'jan@example.nl', position: 'objection' });
    const inv = await getInventory(ctxFor(deps, w.director), p.id);
    expect(inv.period.respondents).toBe(1);
    expect(inv.totals).toEqual({ support: 0, concern: 0, objection: 1 });
    const confirmed = (await eventsOf(w.caseId)).filter((e) => e.type === 'participation.responseConfirmed');
    expect(confirmed.map((e) => (e.payload as { replaced: boolean }).replaced)).toEqual([false, true]);
  });

  it('someone typing another person’s address can neither replace nor read that response, and learns nothing', async () => {
    const w = await world();
    const p = await buildPeriod(deps, w.director, w.caseId);
    await respondConfirmed(deps, w.m.slug, p, { email: 'owner@example.nl', position: 'support', interest: 'Ik steun het terras.' });
    // The other person gets the same answer as anyone (no error, nothing returned)…
    await expect(respond(deps, w.m.slug, p, { email: 'owner@example.nl', position: 'objection', interest: 'Vervalst' })).resolves.toBeUndefined();
    // …and without the link in the owner's mailbox the owner's response stands.
    const inv = await getInventory(ctxFor(deps, w.director), p.id);
    expect(inv.totals).toEqual({ support: 1, concern: 0, objection: 0 });
    expect(inv.responses.map((r) => r.interest)).toEqual(['Ik steun het terras.']);
    // The public page shows no respondent, no address, no text of any response.
    const page = JSON.stringify(await unsafePublicPeriod(deps, w.m.slug, p.id));
    expect(page).not.toContain('owner@example.nl');
    expect(page).not.toContain('Ik steun');
  });

  it('an expired link does not confirm, and unconfirmed responses are deleted after the link’s lifetime', async () => {
    const w = await world();
    const p = await buildPeriod(deps, w.director, w.caseId);
    await respond(deps, w.m.slug, p, { email: 'traag@example.nl' });
    const token = await confirmationTokenFor(deps, 'traag@example.nl');
    const later = { ...deps, clock: { now: () => new Date('2026-03-05T10:00:00+01:00') } }; // 73 hours later
    expect(await refusal(unsafeConfirmResponse(later, token))).toMatchObject({ status: 404, key: 'error.responseLinkInvalid' });
    await respond(later, w.m.slug, p, { email: 'vlot@example.nl' }); // deletes the expired one in passing
    const left = await db.unsafeAdmin.selectFrom('responses').select('email').where('period_id', '=', p.id).execute();
    expect(left.map((r) => r.email)).toEqual(['vlot@example.nl']);
    // The hourly job deletes them too, in every municipality, and leaves confirmed ones alone.
    await respondConfirmed(deps, w.m.slug, p, { email: 'bevestigd@example.nl' });
    const muchLater = { ...deps, clock: { now: () => new Date('2026-03-20T10:00:00+01:00') } };
    expect(await unsafeDeleteExpiredResponses(muchLater)).toBeGreaterThanOrEqual(1);
    const kept = await db.unsafeAdmin.selectFrom('responses').select('email').where('period_id', '=', p.id).execute();
    expect(kept.map((r) => r.email)).toEqual(['bevestigd@example.nl']);
  });

  it('refuses topics of another period and more answers than questions, all at once', async () => {
    const w = await world();
    const p = await buildPeriod(deps, w.director, w.caseId, { questions: [] });
    const r = await refusal(respond(deps, w.m.slug, p, { email: 'x@example.nl', topicIds: ['00000000-0000-4000-8000-000000000000'], answers: ['ja'] }));
    expect(r).toMatchObject({ status: 400, fields: ['topicIds', 'answers'] });
  });

  it('the honeypot: answered like a real response, nothing stored or mailed', async () => {
    const w = await world();
    const p = await buildPeriod(deps, w.director, w.caseId);
    await unsafeSubmitResponse(
      deps,
      {
        slug: w.m.slug,
        periodId: p.id,
        name: 'Robot',
        showName: false,
        email: 'robot@example.nl',
        relation: 'other',
        position: 'support',
        topicIds: [p.topics[0]?.id as string],
        interest: 'x',
        wouldHelp: '',
        answers: [],
        locale: 'nl',
      },
      'https://spam.example',
    );
    expect(await db.unsafeAdmin.selectFrom('responses').select('id').where('period_id', '=', p.id).execute()).toHaveLength(0);
    expect(await outboxTo('robot@example.nl')).toHaveLength(0);
  });
});

describe('moderation and answers', () => {
  it('a hidden response is excluded from the counts and the public count, shown to staff with its reason', async () => {
    const w = await world();
    const p = await buildPeriod(deps, w.director, w.caseId);
    await respondConfirmed(deps, w.m.slug, p, { email: 'a@example.nl', position: 'objection' });
    await respondConfirmed(deps, w.m.slug, p, { email: 'b@example.nl', position: 'support' });
    const before = await getInventory(ctxFor(deps, w.director), p.id);
    const target = before.responses.find((r) => r.position === 'objection');
    await hideResponse(ctxFor(deps, w.coordinator), { responseId: target?.id as string, reason: 'Beledigend taalgebruik' });
    const inv = await getInventory(ctxFor(deps, w.director), p.id);
    expect(inv.totals).toEqual({ support: 1, concern: 0, objection: 0 });
    expect(inv.topics[0]).toMatchObject({ total: 1, hidden: 1 });
    expect(inv.responses.find((r) => r.id === target?.id)).toMatchObject({ hiddenReason: 'Beledigend taalgebruik', hiddenByName: w.coordinator.name });
    expect((await unsafePublicPeriod(deps, w.m.slug, p.id)).respondents).toBe(1);
    const hidden = (await eventsOf(w.caseId)).filter((e) => e.type === 'participation.responseHidden');
    expect(hidden[0]).toMatchObject({ visibility: 'internal', payload: { reason: 'Beledigend taalgebruik' } });
    expect((await refusal(hideResponse(ctxFor(deps, w.director), { responseId: target?.id as string, reason: 'nog eens' }))).status).toBe(409);
    const specialist = await actorOf('specialist', { municipality: w.m });
    expect((await getInventory(ctxFor(deps, specialist), p.id)).abilities.moderate).toBe(false);
    expect((await refusal(hideResponse(ctxFor(deps, specialist), { responseId: target?.id as string, reason: 'x' }))).status).toBe(403);
  });

  it('the initiator does not see the inventory (404)', async () => {
    const w = await world();
    const p = await buildPeriod(deps, w.director, w.caseId);
    expect((await refusal(getInventory(ctxFor(deps, w.initiator), p.id))).status).toBe(404);
  });
});

describe('when the plan is agreed', () => {
  it('every confirmed, not hidden respondent gets one mail with the answers to their topics, in their language; never twice', async () => {
    const w = await world();
    const p = await buildPeriod(deps, w.director, w.caseId);
    const [verkeer, geluid, groen] = p.topics;
    await respondConfirmed(deps, w.m.slug, p, { email: 'nl@example.nl', topicIds: [verkeer?.id as string, geluid?.id as string], locale: 'nl' });
    await respondConfirmed(deps, w.m.slug, p, { email: 'en@example.nl', topicIds: [groen?.id as string], locale: 'en' });
    await respondConfirmed(deps, w.m.slug, p, { email: 'weg@example.nl', topicIds: [verkeer?.id as string] });
    await respond(deps, w.m.slug, p, { email: 'onbevestigd@example.nl' });
    const inv = await getInventory(ctxFor(deps, w.director), p.id);
    const hide = inv.responses.find((r) => r.topicIds.length === 1 && r.topicIds[0] === verkeer?.id);
    await hideResponse(ctxFor(deps, w.director), { responseId: hide?.id as string, reason: 'Geen reactie op deze zaak' });
    const director = ctxFor(deps, w.director);
    await answerTopic(director, { periodId: p.id, topicId: verkeer?.id as string, answer: 'Er komt een laad- en losplek.' });
    await answerTopic(director, { periodId: p.id, topicId: geluid?.id as string, answer: 'Het terras sluit om 22.00 uur.' });
    await answerTopic(director, { periodId: p.id, topicId: groen?.id as string, answer: 'De bomen blijven staan.' });

    await agreePlan(director, { caseId: w.caseId, version: 1 });
    expect((await outboxTo('nl@example.nl')).filter((m) => m.subject.startsWith('Wat we'))).toHaveLength(0); // not yet: only the director agreed
    await agreePlan(ctxFor(deps, w.initiator), { caseId: w.caseId, version: 1 });

    const nl = (await outboxTo('nl@example.nl')).filter((m) => m.subject.startsWith('Wat we'));
    expect(nl).toHaveLength(1);
    expect(nl[0]?.body_text).toContain('Er komt een laad- en losplek.');
    expect(nl[0]?.body_text).toContain('Het terras sluit om 22.00 uur.');
    expect(nl[0]?.body_text).not.toContain('De bomen blijven staan.');
    const en = (await outboxTo('en@example.nl')).filter((m) => m.subject.startsWith('What we do'));
    expect(en).toHaveLength(1);
    expect(en[0]?.body_text).toContain('De bomen blijven staan.');
    expect(en[0]?.body_text).toContain('Dear');
    expect((await outboxTo('weg@example.nl')).filter((m) => /^(Wat we|What we)/.test(m.subject))).toHaveLength(0);
    expect((await outboxTo('onbevestigd@example.nl')).filter((m) => /^(Wat we|What we)/.test(m.subject))).toHaveLength(0);

    // The answers are fixed now.
    expect(await refusal(answerTopic(director, { periodId: p.id, topicId: verkeer?.id as string, answer: 'Anders' }))).toMatchObject({
      status: 409,
      key: 'error.answersLocked',
    });
    // A later agreement of a new version mails nobody twice.
    const { savePlan } = await import('../plans/index.js');
    await savePlan(director, {
      caseId: w.caseId,
      goal: 'Terras open, ook in de herfst',
      actions: [{ description: 'Aanvraag', ownerKind: 'initiator', dueOn: '2026-05-01' }],
    });
    await agreePlan(director, { caseId: w.caseId, version: 2 });
    await agreePlan(ctxFor(deps, w.initiator), { caseId: w.caseId, version: 2 });
    expect((await outboxTo('nl@example.nl')).filter((m) => m.subject.startsWith('Wat we'))).toHaveLength(1);
    expect((await outboxTo('en@example.nl')).filter((m) => m.subject.startsWith('What we do'))).toHaveLength(1);
  });
});

describe('the dossier and the figures', () => {
  it('the dossier has the inventory: topics, counts, answers, shown names only, no e-mail', async () => {
    const w = await world();
    const p = await buildPeriod(deps, w.director, w.caseId);
    await respondConfirmed(deps, w.m.slug, p, { email: 'zichtbaar@example.nl', name: 'Karin Zichtbaar', showName: true, position: 'support' });
    await respondConfirmed(deps, w.m.slug, p, { email: 'anoniem@example.nl', name: 'Piet Verborgen', showName: false, position: 'objection' });
    await answerTopic(ctxFor(deps, w.director), { periodId: p.id, topicId: p.topics[0]?.id as string, answer: 'We leggen een drempel aan.' });
    const data = await collectDossier(ctxFor(deps, w.director), w.caseId);
    expect(data.participation).toHaveLength(1);
    expect(data.participation?.[0]).toMatchObject({
      respondents: 2,
      totals: { support: 1, concern: 0, objection: 1 },
      shownNames: ['Karin Zichtbaar'],
    });
    expect(data.participation?.[0]?.topics[0]).toEqual({
      name: 'Verkeer',
      counts: { support: 1, concern: 0, objection: 1 },
      answer: 'We leggen een drempel aan.',
    });
    const section = JSON.stringify(data.participation);
    expect(section).not.toContain('Piet Verborgen');
    expect(section).not.toContain('@example.nl');
  });

  it('participationFigures counts periods, respondents and answered interests, filtered by the case', async () => {
    const w = await world();
    const p = await buildPeriod(deps, w.director, w.caseId);
    await respondConfirmed(deps, w.m.slug, p, { email: 'f1@example.nl', topicIds: [p.topics[0]?.id as string] });
    await respondConfirmed(deps, w.m.slug, p, { email: 'f2@example.nl', topicIds: [p.topics[0]?.id as string, p.topics[1]?.id as string] });
    await respond(deps, w.m.slug, p, { email: 'f3@example.nl', topicIds: [p.topics[2]?.id as string] }); // unconfirmed: no interest
    await answerTopic(ctxFor(deps, w.director), { periodId: p.id, topicId: p.topics[0]?.id as string, answer: 'Ja.' });
    const f = (extra = {}) => db.tenant(w.m.id, (trx) => participationFigures(trx, { municipalityId: w.m.id, from: '2026-03-01', to: '2026-03-31', ...extra }));
    expect(await f()).toEqual({
      periods: 1,
      respondents: 2,
      interests: 2,
      answeredInterests: 1,
      answeredShare: 0.5,
      byMonth: [{ month: '2026-03', periods: 1, respondents: 2 }],
    });
    expect((await f({ directorId: w.coordinator.userId })).periods).toBe(0);
    expect((await f({ directorId: w.director.userId })).periods).toBe(1);
    expect((await f({ themeId: w.m.themeIds[0] })).periods).toBe(1);
    expect((await f({ from: '2026-04-01', to: '2026-04-30' })).answeredShare).toBeNull();
    // A hidden response no longer counts: f2 was the only one interested in the second topic.
    const f2 = (await getInventory(ctxFor(deps, w.director), p.id)).responses.find((r) => r.topicIds?.includes(p.topics[1]?.id as string));
    await hideResponse(ctxFor(deps, w.coordinator), { responseId: f2?.id as string, reason: 'Beledigend taalgebruik' });
    expect(await f()).toEqual({
      periods: 1,
      respondents: 1,
      interests: 1,
      answeredInterests: 1,
      answeredShare: 1,
      byMonth: [{ month: '2026-03', periods: 1, respondents: 1 }],
    });
  });
});
