// The report mark on a real database (docs/product.md#the-report-mark): who gets the
// one survey when, answering and changing it within 14 days, a low mark told to the
// coordinators, their follow-up, and the figures counted over many answers.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import type { Actor } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/context.js';
import { withTestDb } from '../../testing/db.js';
import { actorOf, buildMunicipality, ctxFor, refusal, type TestMunicipality, testDeps } from '../../testing/factories.js';
import { applyRetention } from '../audit/index.js';
import { changeStatus } from '../cases/index.js';
import { onCaseClosed, satisfactionFigures, unsafeMonthlyMarks } from './index.js';
import { followUpList } from './queries.js';
import { answerSurvey, readSurvey, recordFollowUp, updateSatisfactionSettings } from './service.js';
import { closeCase, closedCaseWithSurvey, executingCase, surveyIdOf, surveyTokensMailedTo } from './testing.js';

const { db } = withTestDb();

interface World {
  deps: Deps & { clock: ReturnType<typeof fixedClock> };
  m: TestMunicipality;
  admin: Actor;
  coordinator: Actor;
  director: Actor;
}

async function world(at = '2026-03-02T09:00:00+01:00'): Promise<World> {
  const deps = testDeps(db, fixedClock(at)) as World['deps'];
  const m = await buildMunicipality(db);
  return {
    deps,
    m,
    admin: await actorOf('admin', { municipality: m }),
    coordinator: await actorOf('coordinator', { municipality: m }),
    director: await actorOf('director', { municipality: m }),
  };
}

const answer = (mark: number, more: Partial<{ directorClear: number; planConcrete: number; promisesKept: number; speed: number; comment: string }> = {}) => ({
  mark,
  directorClear: more.directorClear ?? null,
  planConcrete: more.planConcrete ?? null,
  promisesKept: more.promisesKept ?? null,
  speed: more.speed ?? null,
  comment: more.comment ?? null,
});

const mailsTo = (to: string) => db.unsafeAdmin.selectFrom('outbox').select(['subject', 'body_text']).where('to_address', '=', to).orderBy('id').execute();
const surveysOf = (caseId: string) => db.unsafeAdmin.selectFrom('surveys').selectAll().where('case_id', '=', caseId).orderBy('moment').execute();
const eventsOf = (caseId: string) =>
  db.unsafeAdmin
    .selectFrom('events')
    .select(['type', 'payload', 'visibility'])
    .where('case_id', '=', caseId)
    .where('type', 'like', 'satisfaction.%')
    .orderBy('id')
    .execute();

describe('who gets a survey when', () => {
  it('closing a case mails its initiator exactly one survey, in their language; closing again mails none', async () => {
    const w = await world();
    const c = await executingCase(w.deps, w.m, { director: w.director, initiatorLocale: 'en' });
    expect(await surveyTokensMailedTo(db, w.m.id, c.initiator.email)).toEqual([]); // the setting is off by default
    await closeCase(w.deps, w.director, c.caseId);
    const tokens = await surveyTokensMailedTo(db, w.m.id, c.initiator.email);
    expect(tokens).toHaveLength(1);
    const mail = (await mailsTo(c.initiator.email)).find((x) => x.body_text.includes('/tevredenheid/'));
    expect(mail?.subject).toBe(`How did we do? ${c.reference}`);
    // Closed is final: closing again is refused, and mails nothing.
    expect([403, 409]).toContain((await refusal(closeCase(w.deps, w.director, c.caseId))).status);
    // A case closed a second time (were it reopened) is not asked again.
    const row = await db.unsafeAdmin.selectFrom('cases').selectAll().where('id', '=', c.caseId).executeTakeFirstOrThrow();
    await db.tenant(w.m.id, (trx) => onCaseClosed(trx, ctxFor(w.deps, w.director), row));
    expect(await surveyTokensMailedTo(db, w.m.id, c.initiator.email)).toHaveLength(1);
    expect((await surveysOf(c.caseId)).map((s) => s.moment)).toEqual(['closed']);
    // The timeline says a survey went out, internally and without a mark.
    expect(await eventsOf(c.caseId)).toEqual([{ type: 'satisfaction.surveySent', payload: { moment: 'closed' }, visibility: 'internal' }]);
  });

  it('a withdrawn case gets no survey', async () => {
    const w = await world();
    const c = await executingCase(w.deps, w.m, { director: w.director });
    await changeStatus(ctxFor(w.deps, w.director), { caseId: c.caseId, to: 'withdrawn', reason: 'Initiatief gaat niet door' });
    expect(await surveyTokensMailedTo(db, w.m.id, c.initiator.email)).toEqual([]);
    expect(await surveysOf(c.caseId)).toEqual([]);
  });

  it('at plan agreement only when the municipality switched it on; then once more at closing', async () => {
    const w = await world();
    const off = await executingCase(w.deps, w.m, { director: w.director });
    expect(await surveysOf(off.caseId)).toEqual([]);
    await updateSatisfactionSettings(ctxFor(w.deps, w.admin), { askAtPlanAgreement: true });
    const on = await executingCase(w.deps, w.m, { director: w.director });
    expect((await surveysOf(on.caseId)).map((s) => s.moment)).toEqual(['planAgreed']);
    const mails = await mailsTo(on.initiator.email);
    expect(mails.filter((x) => x.body_text.includes('/tevredenheid/')).map((x) => x.subject)).toEqual([`Hoe hebben wij het gedaan? ${on.reference}`]);
    await closeCase(w.deps, w.director, on.caseId);
    expect((await surveysOf(on.caseId)).map((s) => s.moment)).toEqual(['closed', 'planAgreed']);
    expect(await surveyTokensMailedTo(db, w.m.id, on.initiator.email)).toHaveLength(2);
  });

  it('an initiator whose personal data was removed gets none', async () => {
    const w = await world();
    const c = await executingCase(w.deps, w.m, { director: w.director });
    await db.unsafeAdmin.updateTable('users').set({ pseudonymised_at: new Date() }).where('id', '=', c.initiator.userId).execute();
    await closeCase(w.deps, w.director, c.caseId);
    expect(await surveysOf(c.caseId)).toEqual([]);
    expect(await surveyTokensMailedTo(db, w.m.id, c.initiator.email)).toEqual([]);
  });
});

describe('answering through the link', () => {
  it('answers, shows the answer prefilled, changes it within 14 days and refuses after (409)', async () => {
    const w = await world();
    const c = await closedCaseWithSurvey(w.deps, w.m, { director: w.director });
    expect(await readSurvey(w.deps, c.token)).toMatchObject({ caseReference: c.reference, may: 'answer', answer: null });
    await answerSurvey(w.deps, c.token, answer(8, { speed: 4, comment: '  Snel en duidelijk  ' }));
    w.deps.clock.advanceDays(13);
    const v = await readSurvey(w.deps, c.token);
    expect(v.may).toBe('change');
    expect(v.answer).toEqual({ mark: 8, directorClear: null, planConcrete: null, promisesKept: null, speed: 4, comment: 'Snel en duidelijk' });
    await answerSurvey(w.deps, c.token, answer(9, { planConcrete: 5 }));
    expect((await readSurvey(w.deps, c.token)).answer).toMatchObject({ mark: 9, planConcrete: 5, speed: null, comment: null });
    w.deps.clock.advanceDays(1); // 14 days after the first answer
    const late = await refusal(answerSurvey(w.deps, c.token, answer(2)));
    expect(late).toMatchObject({ status: 409, key: 'error.surveyClosed' });
    expect((await readSurvey(w.deps, c.token)).may).toBe('none');
    const [s] = await surveysOf(c.caseId);
    expect(s?.mark).toBe(9);
    expect((await eventsOf(c.caseId)).map((e) => e.payload)).toEqual([
      { moment: 'closed' },
      { moment: 'closed', change: false },
      { moment: 'closed', change: true },
    ]);
  });

  it('an unanswered link expires with the other mail links (410); an unknown token is 404', async () => {
    const w = await world();
    const c = await closedCaseWithSurvey(w.deps, w.m, { director: w.director });
    w.deps.clock.advanceDays(14);
    expect(await refusal(readSurvey(w.deps, c.token))).toMatchObject({ status: 410, key: 'error.surveyLinkExpired' });
    expect(await refusal(answerSurvey(w.deps, c.token, answer(7)))).toMatchObject({ status: 410 });
    expect((await refusal(readSurvey(w.deps, `${w.m.id}.nietbestaand`))).status).toBe(404);
    expect((await refusal(readSurvey(w.deps, 'geen-token'))).status).toBe(404);
  });

  it('refuses a bad answer with every problem at once and writes nothing', async () => {
    const w = await world();
    const c = await closedCaseWithSurvey(w.deps, w.m, { director: w.director });
    const r = await refusal(answerSurvey(w.deps, c.token, { ...answer(0), speed: 6 }));
    expect(r).toMatchObject({ status: 400, fields: ['mark', 'speed'] });
    expect((await surveysOf(c.caseId))[0]?.mark).toBeNull();
  });
});

describe('a low mark is followed up', () => {
  it('tells every coordinator, not the director; 7 → 4 tells again, 4 → 3 does not', async () => {
    const w = await world();
    const second = await actorOf('coordinator', { municipality: w.m });
    const c = await closedCaseWithSurvey(w.deps, w.m, { director: w.director });
    const lowMails = async (to: string) => (await mailsTo(to)).filter((x) => x.subject.startsWith('Laag rapportcijfer'));
    await answerSurvey(w.deps, c.token, answer(7));
    expect(await lowMails(w.coordinator.email)).toEqual([]);
    await answerSurvey(w.deps, c.token, answer(4, { comment: 'Niemand belde terug' }));
    expect((await lowMails(w.coordinator.email)).map((x) => x.subject)).toEqual([`Laag rapportcijfer (4) voor ${c.reference}: graag opvolgen`]);
    expect(await lowMails(second.email)).toHaveLength(1);
    expect(await lowMails(w.director.email)).toEqual([]);
    expect((await mailsTo(w.director.email)).filter((x) => x.body_text.includes('rapportcijfer'))).toEqual([]);
    await answerSurvey(w.deps, c.token, answer(3));
    expect(await lowMails(w.coordinator.email)).toHaveLength(1);
    const [item] = await followUpList(ctxFor(w.deps, w.coordinator), { status: 'todo' });
    expect(item).toMatchObject({ caseId: c.caseId, caseReference: c.reference, mark: 3, needsFollowUp: true, comment: null, followUps: [] });
  });

  it('records follow-ups; done or a mark changed to 6 or higher takes it off the to-do list, the record stays', async () => {
    const w = await world();
    const ctx = ctxFor(w.deps, w.coordinator);
    const a = await closedCaseWithSurvey(w.deps, w.m, { director: w.director });
    const b = await closedCaseWithSurvey(w.deps, w.m, { director: w.director });
    await answerSurvey(w.deps, a.token, answer(2, { comment: 'Slecht bereikbaar' }));
    await answerSurvey(w.deps, b.token, answer(5));
    const aId = await surveyIdOf(db, a.caseId);
    const bId = await surveyIdOf(db, b.caseId);
    await recordFollowUp(ctx, { surveyId: aId, note: 'Gebeld, excuses aangeboden', status: 'open' });
    expect((await followUpList(ctx, { status: 'todo' })).map((i) => i.surveyId).sort()).toEqual([aId, bId].sort());
    await recordFollowUp(ctx, { surveyId: aId, note: 'Afspraak gemaakt en nagekomen', status: 'done' });
    await recordFollowUp(ctx, { surveyId: bId, note: 'Gebeld', status: 'open' });
    await answerSurvey(w.deps, b.token, answer(7)); // within 14 days: off the list
    expect(await followUpList(ctx, { status: 'todo' })).toEqual([]);
    const all = await followUpList(ctx, { status: 'all' });
    const itemA = all.find((i) => i.surveyId === aId);
    expect(itemA?.followUps.map((f) => [f.note, f.status, f.byId])).toEqual([
      ['Gebeld, excuses aangeboden', 'open', w.coordinator.userId],
      ['Afspraak gemaakt en nagekomen', 'done', w.coordinator.userId],
    ]);
    expect(all.find((i) => i.surveyId === bId)).toMatchObject({ mark: 7, needsFollowUp: false, followUps: [{ note: 'Gebeld', status: 'open' }] });
    // An event per follow-up on the case, without the mark.
    expect((await eventsOf(a.caseId)).filter((e) => e.type === 'satisfaction.followedUp').map((e) => e.payload)).toEqual([
      { status: 'open' },
      { status: 'done' },
    ]);
    for (const e of await eventsOf(a.caseId)) expect(JSON.stringify(e.payload)).not.toMatch(/mark|"2"|Slecht/);
  });

  it('the director cannot follow up, nor a mark that was never low', async () => {
    const w = await world();
    const c = await closedCaseWithSurvey(w.deps, w.m, { director: w.director });
    await answerSurvey(w.deps, c.token, answer(8));
    const id = await surveyIdOf(db, c.caseId);
    expect((await refusal(followUpList(ctxFor(w.deps, w.director), { status: 'all' }))).status).toBe(403);
    expect((await refusal(recordFollowUp(ctxFor(w.deps, w.director), { surveyId: id, note: 'x', status: 'done' }))).status).toBe(403);
    expect(await refusal(recordFollowUp(ctxFor(w.deps, w.coordinator), { surveyId: id, note: 'x', status: 'done' }))).toMatchObject({
      status: 409,
      key: 'error.surveyNotLow',
    });
  });
});

describe('the retention term', () => {
  it('removes the open answer with the rest of the personal data; the mark stays for the figures', async () => {
    const w = await world();
    const c = await closedCaseWithSurvey(w.deps, w.m, { director: w.director });
    await answerSurvey(w.deps, c.token, answer(6, { comment: 'Mijn buurman Piet van Dam belde ook' }));
    const longAgo = new Date(w.deps.clock.now().getTime() - 800 * 86_400_000);
    await db.unsafeAdmin.updateTable('cases').set({ closed_at: longAgo }).where('id', '=', c.caseId).execute();
    await applyRetention(w.deps);
    const [s] = await surveysOf(c.caseId);
    expect([s?.mark, s?.comment]).toEqual([6, null]);
  });
});

describe('figures', () => {
  it('count each survey once with its latest mark: sent, answers, response rate, distribution, months and directors', async () => {
    const w = await world('2026-03-02T09:00:00+01:00');
    const other = await actorOf('director', { municipality: w.m, name: 'Bram Oost' });
    const [area0, area1] = w.m.areaIds as [string, string];
    const [theme0] = w.m.themeIds as [string];
    // March: three surveys by the first director in area 0, one by the other in area 1.
    const a = await closedCaseWithSurvey(w.deps, w.m, { director: w.director, areaId: area0, themeIds: [theme0] });
    const b = await closedCaseWithSurvey(w.deps, w.m, { director: w.director, areaId: area0 });
    const c = await closedCaseWithSurvey(w.deps, w.m, { director: w.director, areaId: area0 });
    const d = await closedCaseWithSurvey(w.deps, w.m, { director: other, areaId: area1 });
    await answerSurvey(w.deps, a.token, answer(8));
    await answerSurvey(w.deps, b.token, answer(4));
    await answerSurvey(w.deps, d.token, answer(6));
    w.deps.clock.advanceDays(5);
    await answerSurvey(w.deps, b.token, answer(7)); // a change: counted once, as 7
    // April: one more survey, answered 10.
    w.deps.clock.set('2026-04-10T10:00:00+02:00');
    const e = await closedCaseWithSurvey(w.deps, w.m, { director: other, areaId: area1 });
    await answerSurvey(w.deps, e.token, answer(10));
    void c; // sent, never answered

    const f = await db.tenant(w.m.id, (trx) => satisfactionFigures(trx, { municipalityId: w.m.id, from: '2026-03-01', to: '2026-04-30' }));
    expect(f.sent).toBe(5);
    expect(f.answers).toBe(4);
    expect(f.responseRate).toBe(0.8);
    expect(f.averageMark).toBe(7.8); // (8 + 7 + 6 + 10) / 4 = 7.75
    expect(f.distribution.filter((x) => x.count)).toEqual([
      { mark: 6, count: 1 },
      { mark: 7, count: 1 },
      { mark: 8, count: 1 },
      { mark: 10, count: 1 },
    ]);
    expect(f.distribution).toHaveLength(10);
    expect(f.byMonth).toEqual([
      { month: '2026-03', answers: 3, averageMark: 7 },
      { month: '2026-04', answers: 1, averageMark: 10 },
    ]);
    expect(f.perDirector.map((p) => [p.directorId, p.answers, p.averageMark]).sort()).toEqual(
      [
        [w.director.userId, 2, 7.5],
        [other.userId, 2, 8],
      ].sort(),
    );

    const march = await db.tenant(w.m.id, (trx) => satisfactionFigures(trx, { municipalityId: w.m.id, from: '2026-03-01', to: '2026-03-31' }));
    expect([march.sent, march.answers, march.responseRate, march.averageMark]).toEqual([4, 3, 0.75, 7]);
    const byDirector = await db.tenant(w.m.id, (trx) =>
      satisfactionFigures(trx, { municipalityId: w.m.id, from: '2026-03-01', to: '2026-04-30', directorId: w.director.userId }),
    );
    expect([byDirector.sent, byDirector.answers, byDirector.averageMark]).toEqual([3, 2, 7.5]);
    const byArea = await db.tenant(w.m.id, (trx) => satisfactionFigures(trx, { municipalityId: w.m.id, from: '2026-03-01', to: '2026-04-30', areaId: area1 }));
    expect([byArea.sent, byArea.answers, byArea.averageMark]).toEqual([2, 2, 8]);
    const byTheme = await db.tenant(w.m.id, (trx) =>
      satisfactionFigures(trx, { municipalityId: w.m.id, from: '2026-03-01', to: '2026-04-30', themeId: theme0 }),
    );
    expect([byTheme.sent, byTheme.answers, byTheme.averageMark]).toEqual([1, 1, 8]);
    const empty = await db.tenant(w.m.id, (trx) => satisfactionFigures(trx, { municipalityId: w.m.id, from: '2025-01-01', to: '2025-01-31' }));
    expect([empty.sent, empty.answers, empty.responseRate, empty.averageMark]).toEqual([0, 0, null, null]);
  });

  it('monthly marks span every municipality', async () => {
    const w1 = await world('2026-05-04T09:00:00+02:00');
    const w2 = await world('2026-05-04T09:00:00+02:00');
    const a = await closedCaseWithSurvey(w1.deps, w1.m, { director: w1.director });
    const b = await closedCaseWithSurvey(w2.deps, w2.m, { director: w2.director });
    const c = await closedCaseWithSurvey(w2.deps, w2.m, { director: w2.director });
    await answerSurvey(w1.deps, a.token, answer(9));
    await answerSurvey(w2.deps, b.token, answer(3));
    await answerSurvey(w2.deps, c.token, answer(8));
    const rows = await db.unsafeTransaction((trx) => unsafeMonthlyMarks(trx, { fromMonth: '2026-05', toMonth: '2026-05' }));
    const mine = rows.filter((r) => r.municipalityId === w1.m.id || r.municipalityId === w2.m.id);
    expect(mine.sort((x, y) => x.answers - y.answers)).toEqual([
      { municipalityId: w1.m.id, month: '2026-05', answers: 1, markSum: 9 },
      { municipalityId: w2.m.id, month: '2026-05', answers: 2, markSum: 11 },
    ]);
    expect(await db.unsafeTransaction((trx) => unsafeMonthlyMarks(trx, { fromMonth: '2026-06', toMonth: '2026-12' }))).toEqual([]);
  });
});
