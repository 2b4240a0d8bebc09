// Commitments on record as use-cases on a real database (PGlite and PostgreSQL):
// binding within the maker's mandate, confirmation by the mandate holder only, how a
// commitment ends, amendments with history, reminders once per version, overdue,
// what the initiator sees, and the walls between municipalities.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import type { Actor } from '../../platform/auth/index.js';
import type { Ctx } from '../../platform/context.js';
import { withTestDb } from '../../testing/db.js';
import { buildCase, buildMunicipality, buildUser, ctxFor, refusal, testDeps } from '../../testing/factories.js';
import { createMandate } from '../mandates/index.js';
import { createRule } from '../rules/index.js';
import { remindCommitments, startCommitmentReminders } from './jobs.js';
import type { RecordFields } from './model.js';
import { listCommitments } from './queries.js';
import { amendCommitment, decideConfirmation, getCommitment, listCaseCommitments, recordCommitment, recordOutcome } from './service.js';

const { db } = withTestDb();

/** A municipality with a mandate register, staff, and a case in intake (Monday 2 March 2026). */
async function world() {
  const clock = fixedClock('2026-03-02T09:00:00+01:00');
  const deps = testDeps(db, clock);
  const m = await buildMunicipality(db);
  const as = (a: Actor) => ctxFor(deps, a);
  const admin = as(await buildUser(db, m, { role: 'admin' }));
  const coordinator = as(await buildUser(db, m, { role: 'coordinator', name: 'Coby Coördinator' }));
  const director = as(await buildUser(db, m, { role: 'director', name: 'Dirk Regisseur' }));
  const otherDirector = as(await buildUser(db, m, { role: 'director' }));
  const alderman = as(await buildUser(db, m, { role: 'executive', name: 'Wethouder Pieters' }));
  const executive = as(await buildUser(db, m, { role: 'executive', name: 'Wethouder Jansen' }));
  const specialist = as(await buildUser(db, m, { role: 'specialist' }));
  const council = as(await buildUser(db, m, { role: 'council' }));
  await createRule(admin, {
    code: 'OP-4.12',
    title: 'Bedrijfsbestemming',
    legalSource: 'Omgevingsplan artikel 4.12',
    domain: 'physical',
    strict: false,
    validFrom: '2024-01-01',
    validUntil: null,
  });
  const execMoney = await createMandate(admin, {
    holder: { kind: 'role', role: 'executive' },
    scope: { kind: 'commitMoney', upToCents: 5_000_000 },
    delegatedBy: 'het college',
    validFrom: '2026-01-01',
    validUntil: null,
  });
  const aldermanMoney = await createMandate(admin, {
    holder: { kind: 'person', userId: alderman.actor.userId },
    scope: { kind: 'commitMoney', upToCents: 25_000_000 },
    delegatedBy: 'het college',
    validFrom: '2026-01-01',
    validUntil: '2026-06-30',
  });
  const c = await buildCase({
    municipality: m,
    deps,
    coordinator: coordinator.actor,
    director: director.actor,
    status: 'intake',
    initiator: { name: 'Ilse Spuiterij', email: `ilse-${m.slug}@example.nl` },
    title: 'Verfspuiterij in de oude garage',
    description: 'Een kleine verfspuiterij.',
    location: 'Havenstraat 3',
  });
  const initiator = as(c.initiator);
  return {
    clock,
    deps,
    m,
    caseId: c.id,
    reference: c.reference,
    admin,
    coordinator,
    director,
    otherDirector,
    alderman,
    executive,
    specialist,
    council,
    initiator,
    execMoney,
    aldermanMoney,
  };
}
type World = Awaited<ReturnType<typeof world>>;

const money = (w: World, amountCents: number, over: Partial<RecordFields> = {}): RecordFields & { caseId: string } => ({
  caseId: w.caseId,
  madeBy: { userId: w.executive.actor.userId },
  what: 'De gemeente betaalt de helft van de geluidsisolatie.',
  dueOn: '2026-04-01',
  madeVia: 'meeting',
  madeOn: '2026-03-02',
  decision: { kind: 'commitMoney', amountCents },
  ...over,
});
/** Record, one minute after the previous change: lists order by the moment recorded. */
const record = (ctx: Ctx, input: Parameters<typeof recordCommitment>[1]) => {
  const clock = ctx.clock as ReturnType<typeof fixedClock>;
  clock.set(new Date(clock.now().getTime() + 60_000));
  return recordCommitment(ctx, input);
};
const outboxTo = (to: string) => db.unsafeAdmin.selectFrom('outbox').select(['subject', 'body_text']).where('to_address', '=', to).orderBy('id').execute();
const eventsOf = (caseId: string, prefix = 'commitment.') =>
  db.unsafeAdmin
    .selectFrom('events')
    .select(['type', 'visibility', 'payload'])
    .where('case_id', '=', caseId)
    .where('type', 'like', `${prefix}%`)
    .orderBy('id')
    .execute();

describe('recording: binding within the maker’s mandate, else needs confirmation', () => {
  it('binds a commitment at the limit of the maker’s role mandate, records the mandate, and shares it with the initiator', async () => {
    const w = await world();
    const k = await record(w.specialist, money(w, 5_000_000));
    expect(k).toMatchObject({
      status: 'binding',
      mandateIds: [w.execMoney.id],
      madeBy: { userId: w.executive.actor.userId, name: 'Wethouder Jansen', role: 'executive' },
      madeTo: { userId: w.initiator.actor.userId, name: 'Ilse Spuiterij' },
      caseReference: w.reference,
      version: 1,
      overdue: false,
    });
    expect(await eventsOf(w.caseId)).toEqual([
      {
        type: 'commitment.recorded',
        visibility: 'shared',
        payload: expect.objectContaining({ commitmentId: k.id, status: 'binding', mandateIds: [w.execMoney.id] }),
      },
    ]);
    expect((await getCommitment(w.director, k.id)).history).toEqual([
      expect.objectContaining({ version: 1, change: expect.objectContaining({ type: 'recorded' }) }),
    ]);
  });

  it('one cent over the limit needs confirmation: the holder is mailed and confirms, a non-holder is refused', async () => {
    const w = await world();
    const k = await record(w.director, money(w, 5_000_001));
    expect(k).toMatchObject({ status: 'needsConfirmation', mandateIds: [] });
    // The named alderman's mandate covers it; the other executive's role mandate does not.
    expect((await outboxTo(w.alderman.actor.email)).map((x) => x.subject)).toEqual([`${w.reference}: een toezegging wacht op uw bevestiging`]);
    expect(await outboxTo(w.executive.actor.email)).toEqual([]);
    expect(k.abilities.confirm).toBe(false);

    for (const who of [w.executive, w.coordinator, w.director])
      expect(await refusal(decideConfirmation(who, { id: k.id, decision: 'confirm' }))).toMatchObject({ status: 403, key: 'error.notAMandateHolder' });
    expect((await refusal(decideConfirmation(w.initiator, { id: k.id, decision: 'confirm' }))).status).toBe(403);

    const holderView = (await getCommitment(w.alderman, k.id)).commitment;
    expect(holderView.abilities.confirm).toBe(true);
    const confirmed = await decideConfirmation(w.alderman, { id: k.id, decision: 'confirm' });
    expect(confirmed).toMatchObject({
      status: 'binding',
      mandateIds: [w.aldermanMoney.id],
      confirmedBy: { userId: w.alderman.actor.userId, name: 'Wethouder Pieters' },
    });
    expect(await refusal(decideConfirmation(w.alderman, { id: k.id, decision: 'decline', reason: 'toch niet' }))).toMatchObject({ status: 409 });
    expect((await eventsOf(w.caseId)).map((e) => e.type)).toEqual(['commitment.recorded', 'commitment.confirmed']);
  });

  it('an outside person’s word needs confirmation; declining needs a reason and is final', async () => {
    const w = await world();
    const k = await record(w.director, {
      ...money(w, 0),
      madeBy: { name: 'P. de Vries', role: 'wethouder Economie' },
      madeVia: 'phone',
      decision: { kind: 'other' },
    });
    expect(k).toMatchObject({ status: 'needsConfirmation', madeBy: { userId: null, name: 'P. de Vries', role: 'wethouder Economie' } });
    // 'other' has no mandate to check against: the coordinator is asked.
    expect((await outboxTo(w.coordinator.actor.email)).map((x) => x.subject)).toEqual([`${w.reference}: een toezegging wacht op uw bevestiging`]);
    expect(await refusal(decideConfirmation(w.coordinator, { id: k.id, decision: 'decline', reason: ' ' }))).toMatchObject({ status: 400, fields: ['reason'] });
    const declined = await decideConfirmation(w.coordinator, { id: k.id, decision: 'decline', reason: 'Valt buiten het beleid.' });
    expect(declined).toMatchObject({ status: 'declined', statusReason: 'Valt buiten het beleid.' });
    expect(await refusal(recordOutcome(w.director, { id: k.id, status: 'kept' }))).toMatchObject({ status: 409, key: 'error.commitmentNotOpen' });
  });

  it('binds an "other" commitment by a staff member without any mandate', async () => {
    const w = await world();
    const k = await record(w.director, {
      ...money(w, 0),
      madeBy: { userId: w.director.actor.userId },
      decision: { kind: 'other' },
      what: 'Ik bel u vrijdag terug.',
    });
    expect(k).toMatchObject({ status: 'binding', mandateIds: [] });
  });

  it('refuses what is incomplete or not on the case, with the field named, and writes nothing', async () => {
    const w = await world();
    const bad = await refusal(
      recordCommitment(w.director, {
        ...money(w, 100),
        madeBy: { userId: w.initiator.actor.userId },
        madeOn: '2026-03-03',
        dueOn: '2026-03-01',
        decision: { kind: 'grantExemption', ruleCode: 'APV-9.99' },
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.fields.sort()).toEqual(['decision.ruleCode', 'dueOn', 'madeBy.userId', 'madeOn']);
    expect((await refusal(recordCommitment(w.council, money(w, 100)))).status).toBe(404); // council members do not read case files
    expect((await refusal(recordCommitment(w.otherDirector, money(w, 100)))).status).toBe(403); // reads the case, is not on it
    expect((await refusal(recordCommitment(w.initiator, money(w, 100)))).status).toBe(403);
    const other = await world();
    expect((await refusal(recordCommitment(other.director, money(w, 100)))).status).toBe(404);
    expect(await db.unsafeAdmin.selectFrom('commitments').select('id').where('case_id', '=', w.caseId).execute()).toEqual([]);
  });
});

describe('how a commitment ends, and amendments with history', () => {
  it('kept needs no reason; broken and withdrawn do; the person it was made to is told of a withdrawal', async () => {
    const w = await world();
    const a = await record(w.director, money(w, 100));
    const b = await record(w.director, money(w, 200));
    const c = await record(w.director, money(w, 300, { madeTo: { name: 'Buurman Bakker', email: 'bakker@example.nl' } }));
    const d = await record(w.director, money(w, 400));
    expect(await recordOutcome(w.director, { id: a.id, status: 'kept' })).toMatchObject({ status: 'kept', statusReason: null });
    expect(await refusal(recordOutcome(w.director, { id: b.id, status: 'broken' }))).toMatchObject({ status: 400, fields: ['reason'] });
    expect(await recordOutcome(w.coordinator, { id: b.id, status: 'broken', reason: 'Subsidie afgewezen.' })).toMatchObject({ status: 'broken' });
    expect(await refusal(recordOutcome(w.director, { id: c.id, status: 'withdrawn', reason: '' }))).toMatchObject({ status: 400, fields: ['reason'] });

    await recordOutcome(w.director, { id: c.id, status: 'withdrawn', reason: 'De regeling is vervallen.' });
    const toNeighbour = await outboxTo('bakker@example.nl');
    expect(toNeighbour).toHaveLength(1);
    expect(toNeighbour[0]?.subject).toBe(`${w.reference}: een toezegging aan u is ingetrokken`);
    expect(toNeighbour[0]?.body_text).toContain('De regeling is vervallen.');

    await recordOutcome(w.director, { id: d.id, status: 'withdrawn', reason: 'Plan gewijzigd.' });
    expect((await outboxTo(w.initiator.actor.email)).at(-1)?.body_text).toContain('Plan gewijzigd.');

    // Final: nothing reopens it, nobody but those on it ends it.
    expect(await refusal(recordOutcome(w.director, { id: a.id, status: 'broken', reason: 'x' }))).toMatchObject({ status: 409 });
    const e = await record(w.director, money(w, 500));
    expect((await refusal(recordOutcome(w.otherDirector, { id: e.id, status: 'kept' }))).status).toBe(403);
    expect((await refusal(recordOutcome(w.initiator, { id: e.id, status: 'kept' }))).status).toBe(403);
    const ends = (await eventsOf(w.caseId)).filter((x) => x.type === 'commitment.ended');
    expect(ends.map((x) => [(x.payload as { status: string }).status, x.visibility])).toEqual([
      ['kept', 'shared'],
      ['broken', 'shared'],
      ['withdrawn', 'internal'], // made to the neighbour, not the initiator
      ['withdrawn', 'shared'],
    ]);
  });

  it('an amendment is a new version with a reason; the old text stays in the history', async () => {
    const w = await world();
    const k = await record(w.director, money(w, 100));
    expect(await refusal(amendCommitment(w.director, { id: k.id, dueOn: '2026-05-01', reason: '' }))).toMatchObject({ status: 400, fields: ['reason'] });
    expect((await refusal(amendCommitment(w.director, { id: k.id, ifMatch: 2, dueOn: '2026-05-01', reason: 'Later' }))).status).toBe(412);
    expect((await refusal(amendCommitment(w.initiator, { id: k.id, dueOn: '2026-05-01', reason: 'Later' }))).status).toBe(403);
    const amended = await amendCommitment(w.executive, {
      id: k.id,
      ifMatch: 1,
      what: 'De gemeente betaalt de geluidsisolatie volledig.',
      dueOn: '2026-05-01',
      reason: 'Besproken in het college.',
    });
    expect(amended).toMatchObject({ version: 2, what: 'De gemeente betaalt de geluidsisolatie volledig.', dueOn: '2026-05-01', status: 'binding' });
    const { history } = await getCommitment(w.director, k.id);
    expect(history.map((h) => [h.version, (h.change as { type: string }).type])).toEqual([
      [1, 'recorded'],
      [2, 'amended'],
    ]);
    expect(history[1]?.change).toEqual({
      type: 'amended',
      reason: 'Besproken in het college.',
      changes: {
        what: { from: 'De gemeente betaalt de helft van de geluidsisolatie.', to: 'De gemeente betaalt de geluidsisolatie volledig.' },
        dueOn: { from: '2026-04-01', to: '2026-05-01' },
      },
    });
    expect(await db.unsafeAdmin.selectFrom('commitment_versions').select('id').where('commitment_id', '=', k.id).execute()).toHaveLength(2);
  });
});

describe('reminders and overdue', () => {
  const remindersTo = async (to: string) => (await outboxTo(to)).filter((x) => x.subject.includes('toezegging uiterlijk'));

  it('reminds the maker and the director five working days before, once per version', async () => {
    const w = await world();
    const k = await record(w.specialist, money(w, 100, { dueOn: '2026-03-13' })); // Friday
    w.clock.set('2026-03-05T08:00:00+01:00'); // six working days before
    expect(await remindCommitments(w.deps)).toBe(0);
    w.clock.set('2026-03-06T08:00:00+01:00'); // five working days before
    expect(await remindCommitments(w.deps)).toBe(1);
    expect(await remindCommitments(w.deps)).toBe(0);
    w.clock.set('2026-03-09T08:00:00+01:00');
    expect(await remindCommitments(w.deps)).toBe(0);
    expect((await remindersTo(w.executive.actor.email)).map((x) => x.subject)).toEqual([`${w.reference}: toezegging uiterlijk 13 maart 2026`]);
    expect(await remindersTo(w.director.actor.email)).toHaveLength(1);
    expect(await remindersTo(w.specialist.actor.email)).toEqual([]);

    // A new version (new due date) is reminded again, once.
    await amendCommitment(w.director, { id: k.id, dueOn: '2026-03-20', reason: 'Offerte komt later.' });
    expect(await remindCommitments(w.deps)).toBe(0); // 2026-03-09: nine working days before
    w.clock.set('2026-03-13T08:00:00+01:00');
    expect(await remindCommitments(w.deps)).toBe(1);
    expect(await remindCommitments(w.deps)).toBe(0);
    expect(await remindersTo(w.executive.actor.email)).toHaveLength(2);
    const reminded = (await eventsOf(w.caseId)).filter((e) => e.type === 'commitment.reminded');
    expect(reminded.map((e) => [(e.payload as { version: number }).version, e.visibility])).toEqual([
      [1, 'internal'],
      [2, 'internal'],
    ]);
  });

  it('a job that ran late still reminds before the due date, and never after it', async () => {
    const w = await world();
    await record(w.director, money(w, 100, { dueOn: '2026-03-04' }));
    await record(w.director, money(w, 100, { dueOn: '2026-03-03' }));
    w.clock.set('2026-03-04T10:00:00+01:00');
    expect(await remindCommitments(w.deps)).toBe(1); // the one due today; the other is overdue, not reminded
  });

  it('runs as a worker that can be run on demand and stopped', async () => {
    const w = await world();
    const k = await record(w.director, money(w, 100, { dueOn: '2026-03-03' }));
    const worker = startCommitmentReminders(w.deps, 3_600_000);
    await worker.runNow();
    await worker.stop();
    const sent = await db.unsafeAdmin.selectFrom('commitment_reminders').select('version').where('commitment_id', '=', k.id).execute();
    expect(sent).toEqual([{ version: 1 }]);
    expect(await worker.runNow()).toBe(0); // stopped: does nothing
  });

  it('flags overdue commitments and lists them for the director, the coordinator and the maker', async () => {
    const w = await world();
    const late = await record(w.specialist, money(w, 100, { dueOn: '2026-03-03' }));
    const kept = await record(w.specialist, money(w, 100, { dueOn: '2026-03-03' }));
    await record(w.specialist, money(w, 100, { dueOn: '2026-03-04' }));
    await recordOutcome(w.director, { id: kept.id, status: 'kept' });
    w.clock.set('2026-03-04T09:00:00+01:00');
    for (const who of [w.director, w.coordinator, w.executive]) {
      const page = await listCommitments(who, { scope: 'overdue', limit: 25 });
      expect(page.items.map((x) => [x.id, x.overdue])).toEqual([[late.id, true]]);
    }
    expect((await listCommitments(w.otherDirector, { scope: 'overdue', limit: 25 })).items).toEqual([]);
    expect((await listCaseCommitments(w.director, w.caseId)).map((x) => x.overdue)).toEqual([true, false, false]);
  });
});

describe('lists and what the initiator sees', () => {
  it('pages the register with a cursor, and shows each workspace its own', async () => {
    const w = await world();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      w.clock.set(`2026-03-02T1${i}:00:00+01:00`);
      ids.push((await record(w.director, money(w, 100 + i))).id);
    }
    const big = await record(w.director, money(w, 20_000_000, { madeBy: { userId: w.alderman.actor.userId }, madeOn: '2026-03-02' }));
    const bigger = await record(w.director, money(w, 90_000_000));
    expect(big.status).toBe('binding');
    expect(bigger.status).toBe('needsConfirmation');

    const first = await listCommitments(w.coordinator, { scope: 'all', limit: 4 });
    const second = await listCommitments(w.coordinator, { scope: 'all', limit: 4, cursor: first.nextCursor ?? undefined });
    expect([...first.items, ...second.items].map((x) => x.id)).toEqual([bigger.id, big.id, ...ids.reverse()]);
    expect(second.nextCursor).toBeNull();
    expect((await refusal(listCommitments(w.coordinator, { scope: 'all', limit: 4, cursor: 'nonsense' }))).fields).toEqual(['cursor']);

    expect((await listCommitments(w.executive, { scope: 'mine', limit: 25 })).items).toHaveLength(6);
    expect((await listCommitments(w.alderman, { scope: 'mine', limit: 25 })).items.map((x) => x.id)).toEqual([big.id]);
    // Nobody holds a mandate up to € 900.000: only the coordinator sees it waiting.
    expect((await listCommitments(w.coordinator, { scope: 'awaitingConfirmation', limit: 25 })).items.map((x) => x.id)).toEqual([bigger.id]);
    expect((await listCommitments(w.alderman, { scope: 'awaitingConfirmation', limit: 25 })).items).toEqual([]);
    expect((await refusal(listCommitments(w.council, { scope: 'all', limit: 25 }))).status).toBe(403);
    expect((await refusal(listCommitments(w.initiator, { scope: 'all', limit: 25 }))).status).toBe(403);
    expect((await listCommitments((await world()).coordinator, { scope: 'all', limit: 25 })).items).toEqual([]);
  });

  it('a mandate holder sees what they can confirm', async () => {
    const w = await world();
    const k = await record(w.director, money(w, 10_000_000));
    expect((await listCommitments(w.alderman, { scope: 'awaitingConfirmation', limit: 25 })).items.map((x) => x.id)).toEqual([k.id]);
    expect((await listCommitments(w.executive, { scope: 'awaitingConfirmation', limit: 25 })).items).toEqual([]);
  });

  it('the initiator sees every commitment made to them on their case, and no other', async () => {
    const w = await world();
    const toThem = await record(w.director, money(w, 100));
    const toNeighbour = await record(w.director, money(w, 100, { madeTo: { name: 'Buurman Bakker' } }));
    expect((await listCaseCommitments(w.initiator, w.caseId)).map((x) => x.id)).toEqual([toThem.id]);
    expect((await listCaseCommitments(w.director, w.caseId)).map((x) => x.id)).toEqual([toThem.id, toNeighbour.id]);
    expect((await getCommitment(w.initiator, toThem.id)).commitment.abilities).toEqual({ amend: false, confirm: false, confirmByBody: false, end: false });
    expect((await refusal(getCommitment(w.initiator, toNeighbour.id))).status).toBe(404);
    const other = await world();
    expect((await refusal(listCaseCommitments(other.initiator, w.caseId))).status).toBe(404);
    expect((await refusal(getCommitment(other.director, toThem.id))).status).toBe(404);
  });
});
