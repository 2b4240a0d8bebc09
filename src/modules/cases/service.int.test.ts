// Cases, plans and the timeline as use-cases on a real database (PGlite and
// PostgreSQL): the whole path from intake to closing, and its refusals.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import type { Actor } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/context.js';
import { withTestDb } from '../../testing/db.js';
import { buildMunicipality, buildUser, ctxFor, initiatorOf as initiatorOfCase, refusal, type TestMunicipality, testDeps } from '../../testing/factories.js';
import { updateSettings } from '../organisation/index.js';
import { agreePlan, getPlan, savePlan, setActionStatus } from '../plans/index.js';
import { getCase, listCases, teamBoard } from './queries.js';
import { assignDirector, changeStatus, proposeDirectorFor, resumeClock, submitCase, suspendClock, unsafeConfirmIntake } from './service.js';
import { addNote, caseTimeline, sendMessage } from './timeline.js';

const { db } = withTestDb();

interface World {
  deps: Deps & { clock: ReturnType<typeof fixedClock> };
  m: TestMunicipality;
  coordinator: Actor;
  director: Actor;
  other: Actor;
}

async function world(opts: Parameters<typeof buildMunicipality>[1] = {}, now = '2026-03-02T09:00:00+01:00'): Promise<World> {
  const deps = { ...testDeps(db), clock: fixedClock(now) };
  const m = await buildMunicipality(db, opts);
  const coordinator = await buildUser(db, m, { role: 'coordinator' });
  const director = await buildUser(db, m, { role: 'director', name: 'Anna Centrum', areaIds: [m.areaIds[0] as string], themeIds: [m.themeIds[0] as string] });
  const other = await buildUser(db, m, { role: 'director', name: 'Bert Noord', areaIds: [m.areaIds[1] as string] });
  return { deps, m, coordinator, director, other };
}

const submitted = (w: World, overrides: Partial<Parameters<typeof submitCase>[1]> = {}) =>
  submitCase(w.deps, {
    municipalityId: w.m.id,
    initiator: {
      name: 'Henk van Dijk',
      email: `henk-${Math.random().toString(36).slice(2)}@example.nl`,
      company: 'Autospuiterij Van Dijk B.V.',
      kvkNumber: '12345678',
    },
    title: 'Stoppen met spuiten, pand verhuren',
    description: 'Ik wil stoppen met autospuiten en de rest van het pand verhuren aan winkels.',
    location: 'Marktstraat 12',
    areaId: w.m.areaIds[0],
    themeIds: [w.m.themeIds[0] as string],
    channel: 'web',
    ...overrides,
  });

/** A public intake that its initiator confirmed with the mailed link. */
async function intake(w: World, overrides: Partial<Parameters<typeof submitCase>[1]> = {}) {
  const c = await submitted(w, overrides);
  await db.unsafeTransaction((trx) => unsafeConfirmIntake(trx, w.deps, { municipalityId: w.m.id, caseId: c.id }));
  return c;
}

/** The initiator as their mailed login link signs them in. */
const initiatorOf = (_w: World, caseId: string) => initiatorOfCase(db, caseId, 'session');

const outboxTo = (to: string) => db.unsafeAdmin.selectFrom('outbox').select(['subject', 'body_text']).where('to_address', '=', to).orderBy('id').execute();

describe('intake', () => {
  it('gives a reference per municipality and year, mails the address a confirmation link, and the confirmation makes the initiator', async () => {
    const w = await world();
    const email = `eerste-${Math.random().toString(36).slice(2)}@example.nl`;
    const first = await submitted(w, { initiator: { name: 'Henk van Dijk', email } });
    const second = await intake(w);
    expect(first.reference).toBe(`${w.m.prefix}-2026-000001`);
    expect(second.reference).toBe(`${w.m.prefix}-2026-000002`);
    const mail = await outboxTo(email);
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toContain(first.reference);
    expect(mail[0]?.body_text).toMatch(/http:\/\/regie\.test\/inloggen\/link#\S{20,}/);
    await db.unsafeTransaction((trx) => unsafeConfirmIntake(trx, w.deps, { municipalityId: w.m.id, caseId: first.id }));
    expect((await initiatorOf(w, first.id)).email).toBe(email);
    const events = await caseTimeline(ctxFor(w.deps, w.coordinator), { caseId: first.id, limit: 50 });
    expect(events.rows.map((e) => e.type)).toEqual(['case.submitted', 'case.confirmed']);
  });

  it('refuses an area of another municipality and writes nothing', async () => {
    const w = await world();
    const elsewhere = await buildMunicipality(db);
    const before = await db.unsafeAdmin
      .selectFrom('cases')
      .select(db.unsafeAdmin.fn.countAll<number>().as('n'))
      .where('municipality_id', '=', w.m.id)
      .executeTakeFirstOrThrow();
    const r = await refusal(intake(w, { areaId: elsewhere.areaIds[0] }));
    expect(r).toMatchObject({ status: 400, fields: ['areaId'] });
    const after = await db.unsafeAdmin
      .selectFrom('cases')
      .select(db.unsafeAdmin.fn.countAll<number>().as('n'))
      .where('municipality_id', '=', w.m.id)
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    const users = await db.unsafeAdmin.selectFrom('users').select('id').where('municipality_id', '=', w.m.id).where('role', '=', 'initiator').execute();
    expect(users).toHaveLength(0);
  });

  it('lets staff register on someone’s behalf, but not a specialist', async () => {
    const w = await world();
    const specialist = await buildUser(db, w.m, { role: 'specialist' });
    const ok = await submitCase(
      w.deps,
      {
        municipalityId: w.m.id,
        initiator: { name: 'Mw. Jansen', email: 'jansen@example.nl' },
        title: 'Moestuin',
        description: 'Een moestuin in de wijk voor iedereen.',
        location: 'Noord',
        channel: 'phone',
      },
      w.coordinator,
    );
    const c = await getCase(ctxFor(w.deps, w.coordinator), ok.id);
    expect(c.case.channel).toBe('phone');
    const r = await refusal(
      submitCase(
        w.deps,
        {
          municipalityId: w.m.id,
          initiator: { name: 'X', email: 'x@example.nl' },
          title: 'Iets',
          description: 'Iets anders nog.',
          location: 'Zuid',
          channel: 'desk',
        },
        specialist,
      ),
    );
    expect(r.status).toBe(403);
  });
});

describe('assignment', () => {
  it('proposes the director who covers area and theme, records assignment and mails both sides', async () => {
    const w = await world();
    const c = await intake(w);
    const p = await proposeDirectorFor(ctxFor(w.deps, w.coordinator), c.id);
    expect(p.proposal?.director.id).toBe(w.director.userId);
    await assignDirector(ctxFor(w.deps, w.coordinator), { caseId: c.id, directorId: w.director.userId });
    const detail = await getCase(ctxFor(w.deps, w.coordinator), c.id);
    expect(detail.director?.id).toBe(w.director.userId);
    expect((await outboxTo(w.director.email)).map((m) => m.subject)).toEqual([expect.stringContaining(c.reference)]);
    const initiator = await initiatorOf(w, c.id);
    expect((await outboxTo(initiator.email)).at(-1)?.subject).toContain('Anna Centrum');
  });

  it('needs a reason to reassign, and only a coordinator may assign', async () => {
    const w = await world();
    const c = await intake(w);
    await assignDirector(ctxFor(w.deps, w.coordinator), { caseId: c.id, directorId: w.director.userId });
    expect(await refusal(assignDirector(ctxFor(w.deps, w.coordinator), { caseId: c.id, directorId: w.other.userId }))).toMatchObject({
      status: 400,
      fields: ['reason'],
    });
    expect((await refusal(assignDirector(ctxFor(w.deps, w.director), { caseId: c.id, directorId: w.other.userId, reason: 'ik wil niet' }))).status).toBe(403);
    await assignDirector(ctxFor(w.deps, w.coordinator), { caseId: c.id, directorId: w.other.userId, reason: 'Werkverdeling' });
    const events = await caseTimeline(ctxFor(w.deps, w.coordinator), { caseId: c.id, limit: 50 });
    const reassigned = events.rows.filter((e) => e.type === 'case.assigned').at(-1);
    expect(reassigned?.payload).toMatchObject({ directorId: w.other.userId, previousDirectorId: w.director.userId, reason: 'Werkverdeling' });
  });

  it('answers 412 on a stale If-Match version', async () => {
    const w = await world();
    const c = await intake(w);
    const v = (await getCase(ctxFor(w.deps, w.coordinator), c.id)).case.version;
    await assignDirector(ctxFor(w.deps, w.coordinator), { caseId: c.id, directorId: w.director.userId, ifMatch: v });
    expect((await refusal(changeStatus(ctxFor(w.deps, w.director), { caseId: c.id, to: 'intake', ifMatch: v }))).status).toBe(412);
  });
});

describe('lifecycle, clock and plan', () => {
  it('runs intake → planning → agreed plan → executing → closed, with the clock and mails', async () => {
    const w = await world();
    const c = await intake(w);
    const dir = ctxFor(w.deps, w.director);
    expect((await refusal(changeStatus(dir, { caseId: c.id, to: 'intake' }))).status).toBe(403); // visible, but not yet their case
    await assignDirector(ctxFor(w.deps, w.coordinator), { caseId: c.id, directorId: w.director.userId });
    await changeStatus(dir, { caseId: c.id, to: 'intake' });
    w.deps.clock.advanceDays(7); // intake conversation a week later: 2026-03-09
    const planning = await changeStatus(dir, { caseId: c.id, to: 'planning' });
    expect(planning.clock_started_on).toBe('2026-03-09');
    expect(planning.plan_due_on).toBe('2026-04-20'); // six weeks

    // Waiting on the initiator for five days moves the due date by five days.
    w.deps.clock.advanceDays(3);
    await suspendClock(dir, { caseId: c.id, reason: 'Wacht op tekeningen van de eigenaar' });
    w.deps.clock.advanceDays(5);
    const resumed = await resumeClock(dir, { caseId: c.id });
    // 20 April + 5 = Saturday 25 April; Monday 27 April is Koningsdag: due Tuesday 28 April.
    expect(resumed.plan_due_on).toBe('2026-04-28');
    expect(resumed.suspended_days).toBe(5);

    // Executing only through agreement of both.
    expect(await refusal(changeStatus(dir, { caseId: c.id, to: 'closed' }))).toMatchObject({ status: 409 });
    const saved = await savePlan(dir, {
      caseId: c.id,
      goal: 'Spuiterij stopt; pand wordt winkel en wonen',
      actions: [
        { description: 'Aanvraag wijziging omgevingsplan', ownerKind: 'initiator', dueOn: '2026-05-01' },
        { description: 'Toets bestemming', ownerKind: 'department', ownerDepartmentId: w.m.departmentIds[0], dueOn: '2026-05-15' },
        { description: 'Bodemonderzoek', ownerKind: 'external', ownerName: 'Omgevingsdienst Regio', dueOn: '2026-06-01' },
      ],
      ifMatch: 0,
    });
    expect(saved.version).toBe(1);
    const initiator = await initiatorOf(w, c.id);
    const ini = ctxFor(w.deps, initiator);
    await agreePlan(dir, { caseId: c.id, version: 1 });
    expect((await outboxTo(initiator.email)).at(-1)?.subject).toContain('versie 1');
    const done = await agreePlan(ini, { caseId: c.id, version: 1 });
    expect(done.complete).toBe(true);
    expect((await getCase(dir, c.id)).case.status).toBe('executing');

    // Changing the agreed plan makes version 2; version 1 stays readable and agreed.
    await savePlan(dir, { caseId: c.id, goal: 'Spuiterij stopt; pand wordt winkel, wonen en atelier', actions: [], ifMatch: 1 });
    const plan = await getPlan(ini, c.id);
    expect(plan.versions.map((v) => [v.version, v.agreed])).toEqual([
      [2, false],
      [1, true],
    ]);
    expect(plan.agreedVersion).toBe(1);
    expect(plan.versions[1]?.actions).toHaveLength(3);

    const action = plan.versions[1]?.actions[0];
    await setActionStatus(dir, { caseId: c.id, actionId: action?.id as string, status: 'done' });

    await changeStatus(dir, { caseId: c.id, to: 'closed', reason: 'Plan uitgevoerd' });
    // The closing mail, then the survey for a report mark (docs/product.md#the-report-mark).
    const mails = await outboxTo(initiator.email);
    expect(mails.at(-2)?.subject).toContain('afgesloten');
    expect(mails.at(-1)?.subject).toContain('Hoe hebben wij het gedaan?');
    const types = (await caseTimeline(dir, { caseId: c.id, limit: 100 })).rows.map((e) => e.type);
    expect(types).toEqual([
      'case.submitted',
      'case.confirmed',
      'case.assigned',
      'case.statusChanged',
      'case.statusChanged',
      'clock.suspended',
      'clock.resumed',
      'plan.versionSaved',
      'plan.agreed',
      'plan.agreed',
      'case.statusChanged',
      'plan.versionSaved',
      'plan.actionStatusChanged',
      'case.statusChanged',
      'satisfaction.surveySent',
    ]);
  });

  it('lets the initiator withdraw with a reason, and shows them only shared timeline entries', async () => {
    const w = await world();
    const c = await intake(w);
    await assignDirector(ctxFor(w.deps, w.coordinator), { caseId: c.id, directorId: w.director.userId });
    const dir = ctxFor(w.deps, w.director);
    await addNote(dir, { caseId: c.id, text: 'Intern: eigenaar lijkt haast te hebben', visibility: 'internal' });
    await addNote(dir, { caseId: c.id, text: 'Gesprek gepland op 10 maart', visibility: 'shared' });
    const initiator = await initiatorOf(w, c.id);
    const ini = ctxFor(w.deps, initiator);
    await sendMessage(ini, { caseId: c.id, text: 'Kan het gesprek ook om 14 uur?' });
    expect((await outboxTo(w.director.email)).at(-1)?.body_text).toContain('Kan het gesprek ook om 14 uur?');
    const seen = (await caseTimeline(ini, { caseId: c.id, limit: 100 })).rows;
    expect(seen.some((e) => JSON.stringify(e.payload).includes('Intern'))).toBe(false);
    expect(seen.some((e) => JSON.stringify(e.payload).includes('10 maart'))).toBe(true);
    expect(await refusal(changeStatus(ini, { caseId: c.id, to: 'withdrawn' }))).toMatchObject({ status: 400, fields: ['reason'] });
    await changeStatus(ini, { caseId: c.id, to: 'withdrawn', reason: 'Ik verkoop het pand' });
    expect((await getCase(dir, c.id)).case).toMatchObject({ status: 'withdrawn', withdrawn_reason: 'Ik verkoop het pand' });
  });
});

describe('lists, board and isolation', () => {
  it('filters by status, director, theme and Dutch free text, with cursor pages', async () => {
    const w = await world();
    const a = await intake(w, {
      title: 'Fietsenstalling bij het station',
      description: 'Wij willen overdekte stallingen bij het station.',
      themeIds: [w.m.themeIds[1] as string],
    });
    const b = await intake(w, { title: 'Terras op het plein', description: 'Een terras voor ons café op het plein.' });
    w.deps.clock.advanceDays(1);
    const c = await intake(w, { title: 'Moestuin', description: 'Een gezamenlijke moestuin in Noord.', areaId: w.m.areaIds[1] });
    await assignDirector(ctxFor(w.deps, w.coordinator), { caseId: b.id, directorId: w.director.userId });
    const co = ctxFor(w.deps, w.coordinator);
    const ids = async (f: Partial<Parameters<typeof listCases>[1]>) => (await listCases(co, { limit: 10, ...f })).items.map((i) => i.id);
    // Dutch stemming: "stations" finds "station", "pleinen" finds "plein".
    expect(await ids({ q: 'stations' })).toEqual([a.id]);
    expect(await ids({ q: 'pleinen' })).toEqual([b.id]);
    expect(await ids({ themeId: w.m.themeIds[1] })).toEqual([a.id]);
    expect(await ids({ directorId: w.director.userId })).toEqual([b.id]);
    expect(await ids({ directorId: 'none' })).toEqual([c.id, a.id]);
    expect(await ids({ areaId: w.m.areaIds[1] })).toEqual([c.id]);
    expect(await ids({ status: ['intake'] })).toEqual([]);
    // Newest first, one per page, every case exactly once.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listCases(co, { limit: 1, cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([c.id, expect.any(String), expect.any(String)]);
    expect(new Set(seen)).toEqual(new Set([a.id, b.id, c.id]));
  });

  // docs/product.md#the-case-list: every order pages through each case exactly once, in
  // the order the server promises, with the total of the filter on every page.
  it('sorts by received date, due date, status and reference, with cursor pages and a total', async () => {
    const w = await world();
    const co = ctxFor(w.deps, w.coordinator);
    const dir = ctxFor(w.deps, w.director);
    const made = [];
    for (const title of ['Eerste', 'Tweede', 'Derde', 'Vierde', 'Vijfde']) {
      made.push(await intake(w, { title }));
      w.deps.clock.advanceDays(1);
    }
    const [first, second, third, fourth] = made as [(typeof made)[0], (typeof made)[0], (typeof made)[0], (typeof made)[0]];
    for (const c of [first, second, third, fourth]) {
      await assignDirector(co, { caseId: c.id, directorId: w.director.userId });
      await changeStatus(dir, { caseId: c.id, to: 'intake' });
    }
    // Planning gives a due date: the later a case enters planning, the later it is due.
    // Three days apart, so that moving a due date off a weekend never makes the two equal
    // (Saturday 18 April becomes Monday 20 April; the other is due Tuesday 21 April).
    for (const c of [third, first]) {
      await changeStatus(dir, { caseId: c.id, to: 'planning' });
      w.deps.clock.advanceDays(3);
    }
    const all = (await listCases(co, { limit: 100 })).items;
    expect(all).toHaveLength(5);
    const byKey = {
      received: [...all].sort((a, b) => b.submitted_at.getTime() - a.submitted_at.getTime() || (a.id < b.id ? 1 : -1)),
      due: [...all].sort((a, b) => (a.plan_due_on ?? '9999').localeCompare(b.plan_due_on ?? '9999') || (a.id < b.id ? -1 : 1)),
      status: [...all].sort((a, b) => (a.status < b.status ? -1 : a.status > b.status ? 1 : b.submitted_at.getTime() - a.submitted_at.getTime())),
      reference: [...all].sort((a, b) => a.reference.localeCompare(b.reference)),
    } as const;
    expect(byKey.due.slice(0, 2).map((c) => c.id)).toEqual([third.id, first.id]);
    for (const sort of ['received', 'due', 'status', 'reference'] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listCases(co, { sort, limit: 2, cursor });
        expect(page.total).toBe(5);
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen, sort).toEqual(byKey[sort].map((c) => c.id));
    }
    // The total follows the filter, not the page.
    const planning = await listCases(co, { status: ['planning'], sort: 'due', limit: 1 });
    expect(planning).toMatchObject({ total: 2, moreThanTotal: false, items: [{ id: third.id }] });
    // Counted up to the cap, then "more than": exactly at the cap is still exact.
    expect(await listCases(co, { limit: 2 }, { countCap: 4 })).toMatchObject({ total: 4, moreThanTotal: true });
    expect(await listCases(co, { limit: 2 }, { countCap: 5 })).toMatchObject({ total: 5, moreThanTotal: false });
    expect(await listCases(co, { status: ['planning'], limit: 2 }, { countCap: 1 })).toMatchObject({ total: 1, moreThanTotal: true });
    // A cursor belongs to its order.
    const dueCursor = (await listCases(co, { sort: 'due', limit: 1 })).nextCursor as string;
    expect(await refusal(listCases(co, { sort: 'reference', limit: 1, cursor: dueCursor }))).toMatchObject({ status: 400 });
  });

  it('shows due soon and overdue plans on the team board', async () => {
    const w = await world();
    const soon = await intake(w, { title: 'Bijna verlopen' });
    const late = await intake(w, { title: 'Te laat' });
    const co = ctxFor(w.deps, w.coordinator);
    const dir = ctxFor(w.deps, w.director);
    for (const c of [soon, late]) {
      await assignDirector(co, { caseId: c.id, directorId: w.director.userId });
      await changeStatus(dir, { caseId: c.id, to: 'intake' });
    }
    await changeStatus(dir, { caseId: late.id, to: 'planning' }); // due 2026-04-13
    w.deps.clock.advanceDays(2);
    await changeStatus(dir, { caseId: soon.id, to: 'planning' }); // due 2026-04-15
    w.deps.clock.set('2026-04-14T10:00:00+02:00');
    const board = await teamBoard(co);
    expect(board.overdue.map((c) => c.id)).toEqual([late.id]);
    expect(board.dueSoon.map((c) => c.id)).toEqual([soon.id]);
    expect(board.perDirector.find((d) => d.id === w.director.userId)?.open_cases).toBe(2);
  });

  // docs/product.md#proposing-a-director: the board carries each proposal, with a reason
  // in the same open-case counts as its per-director table.
  it('proposes a director for each unassigned case on the board, in the board’s own figures', async () => {
    const w = await world();
    const busy = await intake(w, { title: 'Al toegewezen' });
    const co = ctxFor(w.deps, w.coordinator);
    await assignDirector(co, { caseId: busy.id, directorId: w.director.userId });
    const waiting = await intake(w, { title: 'Wacht op een regisseur' });
    const elsewhere = await intake(w, { title: 'In het noorden', areaId: w.m.areaIds[1], themeIds: [] });
    const board = await teamBoard(co);
    const row = (id: string) => board.unassigned.find((c) => c.id === id);
    const open = (id: string) => board.perDirector.find((d) => d.id === id)?.open_cases;
    expect(row(waiting.id)?.canAssign).toBe(true);
    expect(row(waiting.id)?.proposal?.director.id).toBe(w.director.userId);
    expect(row(waiting.id)?.proposal?.reason).toMatchObject({ coversArea: true, themesCovered: 1, themesTotal: 1, openCases: open(w.director.userId) });
    expect(open(w.director.userId)).toBe(1);
    expect(row(elsewhere.id)?.proposal?.director.id).toBe(w.other.userId);
    expect(row(elsewhere.id)?.proposal?.reason).toMatchObject({ coversArea: true, themesTotal: 0, openCases: open(w.other.userId) });
    // A director sees the board but may not assign: no proposal is worked out for them.
    const asDirector = await teamBoard(ctxFor(w.deps, w.director));
    expect(asDirector.unassigned.find((c) => c.id === waiting.id)).toMatchObject({ canAssign: false, proposal: null });
  });

  it('finds singular and plural, a reference, and (staff only) the initiator, as the API documents (docs/product.md#finding-a-case)', async () => {
    const w = await world();
    const person = (name: string, company: string | null, kvkNumber: string | null) => ({
      name,
      email: `i-${Math.random().toString(36).slice(2)}@example.nl`,
      company,
      kvkNumber,
    });
    const fiets = await intake(w, {
      title: 'Een fiets voor elk kind',
      description: 'Deelproject.',
      initiator: person('Henk van Dijk', 'Autospuiterij Van Dijk B.V.', '12345678'),
    });
    const fietsen = await intake(w, {
      title: 'Overdekt stallen',
      description: 'Plek voor honderd fietsen.',
      initiator: person('Fatima el Amrani', null, null),
    });
    const woning = await intake(w, {
      title: 'Een woning splitsen',
      description: 'Boven en beneden apart.',
      initiator: person('Piet Jansen', 'Jansen Bouw', '87654321'),
    });
    const other = await intake(w, { title: 'Terras op het plein', description: 'Een terras voor ons café.', initiator: person('Kees de Boer', null, null) });
    // A neighbour with cases of the same words, which no search here finds or counts.
    const neighbour = await world();
    for (const title of ['Een fiets voor elk kind', 'Een woning splitsen', 'Honderd fietsen stallen']) {
      await intake(neighbour, { title, description: 'Ook hier.', initiator: person('Piet Jansen van Dijk', 'Autospuiterij', '12345678') });
    }
    const co = ctxFor(w.deps, w.coordinator);
    const found = async (ctx: typeof co, q: string) => {
      const page = await listCases(ctx, { limit: 100, q });
      // The count, read through the words indexed per municipality, counts the cases the list finds.
      expect({ total: page.total, moreThanTotal: page.moreThanTotal }, q).toEqual({ total: page.items.length, moreThanTotal: false });
      return new Set(page.items.map((i) => i.id));
    };
    // "fietsen" vindt "fiets" en "fiets" vindt "fietsen"
    expect(await found(co, 'fietsen')).toEqual(new Set([fiets.id, fietsen.id]));
    expect(await found(co, 'fiets')).toEqual(new Set([fiets.id, fietsen.id]));
    // the search counts towards the total and pages in any order
    const bySort = await listCases(co, { limit: 1, q: 'fiets', sort: 'reference' });
    expect(bySort.total).toBe(2);
    expect(bySort.items.map((i) => i.id)).toEqual([[fiets, fietsen].sort((a, b) => a.reference.localeCompare(b.reference))[0]?.id]);
    expect((await listCases(co, { limit: 1, q: 'fiets', sort: 'reference', cursor: bySort.nextCursor ?? undefined })).items).toHaveLength(1);
    // "woningen" vindt "woning"
    expect(await found(co, 'woningen')).toEqual(new Set([woning.id]));
    // every word must match
    expect(await found(co, 'fiets kind')).toEqual(new Set([fiets.id]));
    // a reference finds the case
    expect(await found(co, woning.reference)).toEqual(new Set([woning.id]));
    // the initiator's name, company and KvK number, for staff
    expect(await found(co, 'Van Dijk')).toEqual(new Set([fiets.id]));
    expect(await found(co, 'Autospuiterij')).toEqual(new Set([fiets.id]));
    expect(await found(co, '12345678')).toEqual(new Set([fiets.id]));
    expect(await found(co, 'Jansen')).toEqual(new Set([woning.id]));
    expect(await found(co, 'Amrani')).toEqual(new Set([fietsen.id]));
    expect(await found(co, 'Kees')).toEqual(new Set([other.id]));
    // nothing searchable, or nothing that matches
    expect(await found(co, 'de het')).toEqual(new Set());
    expect(await found(co, 'zwembad')).toEqual(new Set());
    // A word nearly as long as full text keeps (2,047 bytes) is taken in, found and counted,
    // also by its start as long as a search may be (200 characters, as the API allows).
    const long = await intake(w, { title: 'Zonnewand', description: `Een wand van ${'x'.repeat(2_040)}zon en glas.` });
    expect(await found(co, 'zonnewand')).toEqual(new Set([long.id]));
    expect(await found(co, 'x'.repeat(200))).toEqual(new Set([long.id]));
    // query syntax is searched for, never interpreted
    expect(await found(co, "fiets' | !kind \\ :* &")).toEqual(new Set([fiets.id]));
    // A resident searches only their own cases, and not by anyone's personal details.
    const henk = ctxFor(w.deps, await initiatorOf(w, fiets.id));
    expect(await found(henk, 'fietsen')).toEqual(new Set([fiets.id]));
    expect(await found(henk, 'Jansen')).toEqual(new Set());
    expect(await found(henk, '87654321')).toEqual(new Set());
    expect(await found(henk, 'Amrani')).toEqual(new Set());
  });

  /** A case of `w` in planning, its clock started today. */
  async function planningCase(w: World) {
    const c = await intake(w);
    await assignDirector(ctxFor(w.deps, w.coordinator), { caseId: c.id, directorId: w.director.userId });
    const dir = ctxFor(w.deps, w.director);
    await changeStatus(dir, { caseId: c.id, to: 'intake' });
    return { c, dir, planning: await changeStatus(dir, { caseId: c.id, to: 'planning' }) };
  }

  it('keeps the term the clock started with when the setting changes (docs/product.md#the-plan-clock)', async () => {
    const w = await world({}, '2026-12-03T09:00:00+01:00');
    const { c, dir, planning } = await planningCase(w);
    expect(planning.plan_term_days).toBe(42);
    expect(planning.plan_due_on).toBe('2027-01-14'); // Thursday
    await updateSettings(ctxFor(w.deps, await buildUser(db, w.m, { role: 'admin' })), { planTermDays: 44 });
    await suspendClock(dir, { caseId: c.id, reason: 'Wacht op de initiatiefnemer' });
    const resumed = await resumeClock(dir, { caseId: c.id }); // the same day: nothing stopped
    expect(resumed.plan_due_on).toBe('2027-01-14');
    expect(resumed.plan_term_days).toBe(42);
    // A case that starts its clock now gets the new term.
    const { planning: later } = await planningCase(w);
    expect(later.plan_term_days).toBe(44);
    expect(later.plan_due_on).toBe('2027-01-18'); // Saturday 16 January → Monday 18 January
  });

  it('moves a due date on Christmas Day to the next working day, at start and on resume', async () => {
    const w = await world({}, '2026-11-13T09:00:00+01:00'); // Friday; + 42 days = Friday 25 December
    const { c, dir, planning } = await planningCase(w);
    expect(planning.plan_due_on).toBe('2026-12-28'); // 25, 26 (Saturday), 27 (Sunday) closed
    await suspendClock(dir, { caseId: c.id, reason: 'Wacht op tekeningen' });
    w.deps.clock.advanceDays(2); // two days: 27 December, a Sunday → Monday 28 December
    expect((await resumeClock(dir, { caseId: c.id })).plan_due_on).toBe('2026-12-28');
    await suspendClock(dir, { caseId: c.id, reason: 'Wacht op tekeningen' });
    w.deps.clock.advanceDays(1); // three days: 28 December, a working day
    expect((await resumeClock(dir, { caseId: c.id })).plan_due_on).toBe('2026-12-28');
  });

  it('moves a due date on a Sunday to Monday', async () => {
    const w = await world({}, '2026-03-08T09:00:00+01:00'); // Sunday; + 42 days = Sunday 19 April
    expect((await planningCase(w)).planning.plan_due_on).toBe('2026-04-20');
  });

  it("moves a due date past the municipality's own closing days", async () => {
    // + 42 days = Monday 13 April 2026, a closing day of this municipality, as is the 14th.
    const w = await world({ extraHolidays: ['2026-04-13', '2026-04-14'] });
    const { c, dir, planning } = await planningCase(w);
    expect(planning.plan_due_on).toBe('2026-04-15');
    await suspendClock(dir, { caseId: c.id, reason: 'Wacht op de initiatiefnemer' });
    w.deps.clock.advanceDays(1); // one day: Tuesday 14 April, closed → Wednesday 15 April
    expect((await resumeClock(dir, { caseId: c.id })).plan_due_on).toBe('2026-04-15');
  });

  it('never shows another municipality’s case: 404, and absent from lists', async () => {
    const w = await world();
    const c = await intake(w);
    const elsewhere = await buildMunicipality(db);
    const foreign = await buildUser(db, elsewhere, { role: 'coordinator' });
    const fx = ctxFor(w.deps, foreign);
    expect((await refusal(getCase(fx, c.id))).status).toBe(404);
    expect((await refusal(assignDirector(fx, { caseId: c.id, directorId: w.director.userId }))).status).toBe(404);
    expect((await refusal(addNote(fx, { caseId: c.id, text: 'x', visibility: 'internal' }))).status).toBe(404);
    expect((await listCases(fx, { limit: 100 })).items).toEqual([]);
    // Row-level security as the second wall: even an unscoped query sees nothing.
    const rows = await db.tenant(elsewhere.id, (trx) => trx.selectFrom('cases').select('id').execute());
    expect(rows).toEqual([]);
  });
});
