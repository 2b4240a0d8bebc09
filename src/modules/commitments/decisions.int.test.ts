// Commitments that no mandate covers, and the words Regie uses about them, on a real
// database (PGlite and PostgreSQL): the delegating body's decision recorded by the
// coordinator (docs/product.md#the-delegating-body-decides), a commitment on an ended case, the Dutch status in a
// refusal, the field an unchanged amendment names, and the CSV register's columns.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import { readCsv } from '../../kernel/csv.js';
import { AppError } from '../../kernel/errors.js';
import type { Actor } from '../../platform/auth/index.js';
import { withTestDb } from '../../testing/db.js';
import { buildCase, buildMunicipality, buildUser, ctxFor, refusal, testDeps } from '../../testing/factories.js';
import { changeStatus } from '../cases/index.js';
import { createMandate } from '../mandates/index.js';
import { createRule } from '../rules/index.js';
import type { RecordFields } from './model.js';
import { EXPORT_COLUMNS, exportCommitments, listCommitments } from './queries.js';
import { amendCommitment, decideConfirmation, getCommitment, recordCommitment, recordOutcome } from './service.js';

const { db } = withTestDb();

/** A municipality whose highest money mandate is € 20.000 (executives, by role), with a case in intake. */
async function world() {
  const deps = testDeps(db, fixedClock('2026-03-02T09:00:00+01:00'));
  const m = await buildMunicipality(db);
  const as = (a: Actor) => ctxFor(deps, a);
  const admin = as(await buildUser(db, m, { role: 'admin' }));
  const coordinator = as(await buildUser(db, m, { role: 'coordinator', name: 'Coby Coördinator' }));
  const director = as(await buildUser(db, m, { role: 'director', name: 'Dirk Regisseur' }));
  const executive = as(await buildUser(db, m, { role: 'executive', name: 'Wethouder Meijer' }));
  await createMandate(admin, {
    holder: { kind: 'role', role: 'executive' },
    scope: { kind: 'commitMoney', upToCents: 2_000_000 },
    delegatedBy: 'het college',
    validFrom: '2026-01-01',
    validUntil: null,
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
  return { m, admin, coordinator, director, executive, caseId: c.id, reference: c.reference };
}
type World = Awaited<ReturnType<typeof world>>;

const money = (w: World, amountCents: number, over: Partial<RecordFields> = {}): RecordFields & { caseId: string } => ({
  caseId: w.caseId,
  madeBy: { userId: w.executive.actor.userId },
  what: 'Verhuispremie voor de spuiterij.',
  dueOn: '2026-06-01',
  madeVia: 'meeting',
  madeOn: '2026-03-02',
  decision: { kind: 'commitMoney', amountCents },
  ...over,
});
const outboxTo = (to: string) => db.unsafeAdmin.selectFrom('outbox').select(['subject', 'body_text']).where('to_address', '=', to).orderBy('id').execute();

describe('a commitment outside every mandate: the delegating body decides', () => {
  it('tells the coordinators, lets a coordinator record the body’s decision with a reason naming it, and says so in the history', async () => {
    const w = await world();
    const k = await recordCommitment(w.director, money(w, 2_500_000)); // € 25.000 > € 20.000
    expect(k.status).toBe('needsConfirmation');
    const mailed = await outboxTo(w.coordinator.actor.email);
    expect(mailed.map((x) => x.subject)).toEqual([`${w.reference}: toezegging buiten elk mandaat vraagt een besluit van college of burgemeester`]);
    expect(mailed[0]?.body_text).toContain('Uiterlijk op 1 juni 2026');

    expect((await getCommitment(w.coordinator, k.id)).commitment.abilities).toMatchObject({ confirm: true, confirmByBody: true });
    expect((await listCommitments(w.coordinator, { scope: 'awaitingConfirmation', limit: 25 })).items[0]?.abilities.confirm).toBe(true);
    // Nobody else may: the executive's mandate does not reach € 25.000.
    expect(await refusal(decideConfirmation(w.executive, { id: k.id, decision: 'confirm' }))).toMatchObject({ status: 403, key: 'error.notAMandateHolder' });
    // The reason names the decision, for a confirmation too.
    expect(await refusal(decideConfirmation(w.coordinator, { id: k.id, decision: 'confirm', reason: ' ' }))).toMatchObject({ status: 400, fields: ['reason'] });

    const confirmed = await decideConfirmation(w.coordinator, { id: k.id, decision: 'confirm', reason: 'Collegebesluit 1 december 2026' });
    expect(confirmed).toMatchObject({
      status: 'binding',
      statusReason: 'Collegebesluit 1 december 2026',
      mandateIds: [],
      decidedByBody: true,
      confirmedBy: { userId: w.coordinator.actor.userId, name: 'Coby Coördinator' },
    });
    const { history } = await getCommitment(w.director, k.id);
    expect(history.at(-1)).toMatchObject({
      actor_id: w.coordinator.actor.userId,
      change: { type: 'confirmed', by: 'body', via: 'coordinator', reason: 'Collegebesluit 1 december 2026', mandateIds: [] },
    });
  });

  it('the body may decline, with a reason; the CSV names who decided in the right column', async () => {
    const w = await world();
    const k = await recordCommitment(w.director, money(w, 2_500_000));
    const declined = await decideConfirmation(w.coordinator, { id: k.id, decision: 'decline', reason: 'Collegebesluit 1 december 2026: afgewezen' });
    expect(declined).toMatchObject({ status: 'declined', decidedByBody: true });
    const read = readCsv(await exportCommitments(w.director), ';');
    if (!read.ok) throw new Error('unreadable CSV');
    const col = (name: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(name);
    const row = read.records.find((r) => r.cells[col('csv.case.status')] === 'Afgewezen')?.cells;
    expect(row?.[col('csv.export.confirmedBy')]).toBe('');
    expect(row?.[col('csv.export.declinedBy')]).toBe('bestuursorgaan (vastgelegd door Coby Coördinator)');
  });

  it('keeps the holder path: within a mandate someone holds, the coordinator is not asked and may not confirm', async () => {
    const w = await world();
    const k = await recordCommitment(w.director, money(w, 1_500_000, { madeBy: { userId: w.director.actor.userId } })); // the director holds none
    expect(k.status).toBe('needsConfirmation');
    expect((await outboxTo(w.coordinator.actor.email)).filter((x) => x.subject.includes('buiten elk mandaat'))).toEqual([]);
    // The holder's mail names the maker's role in Dutch words, not its key.
    const asked = (await outboxTo(w.executive.actor.email)).at(-1);
    expect(asked?.body_text).toContain('(case-regisseur)');
    expect(asked?.body_text).not.toContain('(director)');
    expect((await getCommitment(w.coordinator, k.id)).commitment.abilities).toMatchObject({ confirm: false, confirmByBody: false });
    expect(await refusal(decideConfirmation(w.coordinator, { id: k.id, decision: 'confirm', reason: 'x' }))).toMatchObject({ status: 403 });
    const confirmed = await decideConfirmation(w.executive, { id: k.id, decision: 'confirm' });
    expect(confirmed).toMatchObject({ status: 'binding', decidedByBody: false, confirmedBy: { name: 'Wethouder Meijer' } });
  });
});

describe('what Regie says about a commitment', () => {
  it('on a closed or withdrawn case: 409 with the reason, not a bare 403', async () => {
    const w = await world();
    await changeStatus(w.director, { caseId: w.caseId, to: 'withdrawn', reason: 'Initiatiefnemer ziet af van het plan' });
    for (const who of [w.director, w.coordinator]) {
      expect(await refusal(recordCommitment(who, money(w, 100)))).toMatchObject({ status: 409, key: 'error.commitmentCaseStatus' });
    }
  });

  it('an ended commitment is refused naming its status in Dutch; an unchanged due date is reported on the due date', async () => {
    const w = await world();
    const k = await recordCommitment(w.director, money(w, 100));
    await recordOutcome(w.director, { id: k.id, status: 'kept' });
    try {
      await amendCommitment(w.director, { id: k.id, dueOn: '2026-07-01', reason: 'Later' });
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect([(e as AppError).status, (e as AppError).key, (e as AppError).params.statusNl]).toEqual([409, 'error.commitmentNotOpen', 'nagekomen']);
    }
    const open = await recordCommitment(w.director, money(w, 200));
    expect(await refusal(amendCommitment(w.director, { id: open.id, dueOn: '2026-06-01', reason: 'Geen' }))).toMatchObject({ status: 400, fields: ['dueOn'] });
  });

  it('the CSV register gives a staff maker’s role in Dutch and an outside person’s role as typed', async () => {
    const w = await world();
    await recordCommitment(w.director, money(w, 100));
    await recordCommitment(w.director, money(w, 100, { madeBy: { name: 'P. de Vries', role: 'wethouder Economie' }, what: 'Van buiten' }));
    const read = readCsv(await exportCommitments(w.director), ';');
    if (!read.ok) throw new Error('unreadable CSV');
    const rol = EXPORT_COLUMNS.indexOf('csv.export.role');
    expect(read.records.slice(1).map((r) => [r.cells[EXPORT_COLUMNS.indexOf('csv.commitment.madeBy')], r.cells[rol]])).toEqual(
      expect.arrayContaining([
        ['Wethouder Meijer', 'Bestuurder'],
        ['P. de Vries', 'wethouder Economie'],
      ]),
    );
  });
});

// docs/product.md#commitments-on-record: an exemption is from a rule of this municipality's
// register that is in force on the day it was made; the answer names who is asked.
describe('recording an exemption', () => {
  const exemption = (w: World, ruleCode: string, over: Partial<RecordFields> = {}) =>
    money(w, 0, { decision: { kind: 'grantExemption', ruleCode }, what: 'Ontheffing voor de afzuiging.', ...over });

  it('takes a rule of the register in force on the day, and names the mandate holders asked', async () => {
    const w = await world();
    const rule = { title: 'Afzuiging van spuitcabines', legalSource: 'APV art. 4:12', domain: 'physical' as const, strict: false };
    await createRule(w.admin, { ...rule, code: 'APV-4.12', validFrom: '2025-01-01', validUntil: null });
    await createRule(w.admin, { ...rule, code: 'APV-OUD', validFrom: '2020-01-01', validUntil: '2025-12-31' });
    await createMandate(w.admin, {
      holder: { kind: 'person', userId: w.executive.actor.userId },
      scope: { kind: 'grantExemption', ruleCode: 'APV-4.12' },
      delegatedBy: 'het college',
      validFrom: '2026-01-01',
      validUntil: null,
    });
    // Made by the director, who holds no mandate for it: the holder is asked, by name.
    const k = await recordCommitment(w.director, exemption(w, 'APV-4.12', { madeBy: { userId: w.director.actor.userId } }));
    expect(k).toMatchObject({ status: 'needsConfirmation', askedToConfirm: { names: ['Wethouder Meijer'], byBody: false } });
    // Outside every mandate: the coordinators are asked to put it to the body, by name.
    const old = await recordCommitment(
      w.director,
      exemption(w, 'APV-OUD', { madeBy: { userId: w.director.actor.userId }, madeOn: '2025-12-01', dueOn: '2026-06-01' }),
    );
    expect(old.askedToConfirm).toEqual({ names: ['Coby Coördinator'], byBody: true });
    // Binding at once: nobody is asked.
    expect((await recordCommitment(w.director, exemption(w, 'APV-4.12'))).askedToConfirm).toBeNull();
  });

  it('refuses a rule not in the register, or not in force on the day the commitment was made', async () => {
    const w = await world();
    await createRule(w.admin, {
      code: 'APV-OUD',
      title: 'Oude regel',
      legalSource: 'APV',
      domain: 'physical',
      strict: false,
      validFrom: '2020-01-01',
      validUntil: '2025-12-31',
    });
    const other = await world();
    await createRule(other.admin, {
      code: 'ELDERS-1',
      title: 'Regel elders',
      legalSource: 'APV',
      domain: 'physical',
      strict: false,
      validFrom: '2020-01-01',
      validUntil: null,
    });
    expect(await refusal(recordCommitment(w.director, exemption(w, 'APV-OUD')))).toMatchObject({ status: 400, fields: ['decision.ruleCode'] });
    const e = await recordCommitment(w.director, exemption(w, 'APV-OUD')).catch((x: unknown) => x);
    expect(e instanceof AppError && e.fields[0]).toMatchObject({ key: 'error.exemptionRuleNotInForce', params: { code: 'APV-OUD', date: '2 maart 2026' } });
    const elsewhere = await recordCommitment(w.director, exemption(w, 'ELDERS-1')).catch((x: unknown) => x);
    expect(elsewhere instanceof AppError && elsewhere.fields[0]).toMatchObject({ key: 'error.exemptionRuleUnknown' });
    // On a day it was in force, the same rule is accepted.
    expect(await recordCommitment(w.director, exemption(w, 'APV-OUD', { madeOn: '2025-12-31', dueOn: '2026-06-01' }))).toMatchObject({
      id: expect.any(String),
    });
  });
});
