// The integrated assessment as use-cases on a real database (PGlite and PostgreSQL):
// rounds, answers and amendments, the silence job, late and serial objections,
// overrules within mandate and the outside party's one-time link.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/index.js';
import { withTestDb } from '../../testing/db.js';
import { ctxFor, refusal } from '../../testing/factories.js';
import { changeStatus } from '../cases/index.js';
import { sha256 } from '../identity/index.js';
import { decideLateObjection, listLateObjections, overruleObjection } from './decisions.js';
import { closeDueRounds, startAssessmentWorker } from './jobs.js';
import type { Answer } from './model.js';
import { assessmentRequests, caseAssessmentForDossier, getCaseAssessment } from './queries.js';
import { answerAsDepartment, answerViaLink, openAssessmentRound, readAssessmentLink } from './service.js';
import { type AssessmentWorld, assessmentWorld, grantOverrule, linkTokenMailedTo } from './testing.js';

const { db } = withTestDb();
let w: AssessmentWorld;
beforeAll(async () => {
  w = await assessmentWorld(db);
});

const as = (a: Actor) => ctxFor(w.deps, a);
const objection = (ruleIds: string[], over: Partial<Answer> = {}): Answer => ({
  kind: 'objection',
  ruleIds,
  whyApplies: 'De loods ligt in een gebied voor lichte bedrijvigheid; een spuiterij is categorie 3.',
  howItCouldBeDone: 'Een werkplaats zonder spuitcabine past wel, of een locatie op het bedrijventerrein.',
  ...over,
});
const events = async (caseId: string, type: string) =>
  db.unsafeAdmin
    .selectFrom('events')
    .select(['payload', 'visibility', 'created_at'])
    .where('case_id', '=', caseId)
    .where('type', '=', type)
    .orderBy('id')
    .execute();
const partiesOf = async (roundId: string) =>
  db.unsafeAdmin.selectFrom('assessment_parties').selectAll().where('round_id', '=', roundId).orderBy('kind').orderBy('name').execute();
const at = (iso: string) => w.deps.clock.set(iso);

async function round(
  opts: { departments?: number[]; outside?: { name: string; email: string }[]; days?: number; sameProposalAs?: string; caseId?: string } = {},
) {
  const caseId = opts.caseId ?? (await w.newCase());
  const r = await openAssessmentRound(as(w.director), {
    caseId,
    proposal: 'Autospuiterij in de loods aan de Havenweg 12',
    departmentIds: (opts.departments ?? [0]).map((i) => w.m.departmentIds[i] as string),
    outsideParties: opts.outside ?? [],
    termWorkingDays: opts.days,
    sameProposalAs: opts.sameProposalAs ?? null,
  });
  const parties = await partiesOf(r.id);
  const dept = (i: number) => parties.find((p) => p.department_id === w.m.departmentIds[i])?.id as string;
  return { caseId, round: r, parties, dept };
}

describe('opening a round', () => {
  it('computes the term in working days, asks the parties, tells them by mail and records the event', async () => {
    at('2026-03-02T09:00:00+01:00');
    const { caseId, round: r, parties } = await round({ departments: [0], outside: [{ name: 'Buurtvereniging Haven', email: 'Buren@Example.nl' }] });
    expect(r).toMatchObject({ number: 1, opened_on: '2026-03-02', term_ends_on: '2026-03-16', term_working_days: 10, closed_at: null });
    expect(parties.map((p) => [p.kind, p.name])).toEqual([
      ['department', 'Ruimtelijke ordening'],
      ['outside', 'Buurtvereniging Haven'],
    ]);
    const mails = await db.unsafeAdmin.selectFrom('outbox').select(['to_address', 'subject', 'body_text']).where('municipality_id', '=', w.m.id).execute();
    // The term's last day is included: "uiterlijk", written as a Dutch date.
    const toSpecialist = mails.find((m) => m.to_address === w.specialist.email);
    expect(toSpecialist?.subject).toMatch(/: toets gevraagd, uiterlijk 16 maart 2026$/);
    expect(toSpecialist?.body_text).toContain('uiterlijk op 16 maart 2026');
    expect(mails.find((m) => m.to_address === 'Buren@Example.nl')?.subject).toMatch(/uiterlijk 16 maart 2026$/);
    // The specialist of a department that was not asked gets nothing about this round.
    expect(mails.some((m) => m.to_address === w.safetySpecialist.email)).toBe(false);
    const token = await linkTokenMailedTo(db, w.m.id, 'Buren@Example.nl');
    const outside = parties.find((p) => p.kind === 'outside');
    // Only the token's hash is stored.
    expect(outside?.link_token_hash).toBe(sha256(token));
    expect(JSON.stringify(outside)).not.toContain(token.split('.')[1]);
    const [opened] = await events(caseId, 'assessment.roundOpened');
    expect(opened?.payload).toMatchObject({ number: 1, termEndsOn: '2026-03-16' });
  });

  it('refuses a round without parties, with an unknown department, on a closed case, and by the wrong people', async () => {
    const caseId = await w.newCase();
    const base = { caseId, proposal: 'Iets', departmentIds: [] as string[], outsideParties: [] };
    expect(await refusal(openAssessmentRound(as(w.director), base))).toMatchObject({ status: 400, fields: ['departmentIds'] });
    expect(await refusal(openAssessmentRound(as(w.director), { ...base, departmentIds: ['00000000-0000-4000-8000-000000000000'] }))).toMatchObject({
      status: 400,
      fields: ['departmentIds'],
    });
    expect(await refusal(openAssessmentRound(as(w.otherDirector), { ...base, departmentIds: [w.m.departmentIds[0] as string] }))).toMatchObject({
      status: 403,
    });
    expect(await refusal(openAssessmentRound(as(w.specialist), { ...base, departmentIds: [w.m.departmentIds[0] as string] }))).toMatchObject({ status: 403 });
    await changeStatus(as(w.director), { caseId, to: 'withdrawn', reason: 'Initiatiefnemer ziet af van het plan' });
    expect(await refusal(openAssessmentRound(as(w.coordinator), { ...base, departmentIds: [w.m.departmentIds[0] as string] }))).toMatchObject({
      status: 409,
      key: 'error.roundCaseStatus',
    });
  });
});

describe('answering', () => {
  it('keeps every version of an amended answer and cites rules with a snapshot', async () => {
    at('2026-03-02T09:00:00+01:00');
    const { caseId, dept } = await round({ departments: [0, 1] });
    await answerAsDepartment(as(w.specialist), { partyId: dept(0), answer: { kind: 'yes' } });
    at('2026-03-04T09:00:00+01:00');
    await answerAsDepartment(as(w.specialist), { partyId: dept(0), answer: objection([w.rules.zoning]) });
    const versions = await db.unsafeAdmin.selectFrom('assessment_answers').selectAll().where('party_id', '=', dept(0)).orderBy('seq').execute();
    expect(versions.map((v) => [v.seq, v.kind])).toEqual([
      [1, 'yes'],
      [2, 'objection'],
    ]);
    expect(versions[1]?.rules).toEqual([
      { id: w.rules.zoning, code: 'OP-4.12', title: 'Regel OP-4.12', legalSource: 'Bron OP-4.12', domain: 'physical', strict: false },
    ]);
    const a = await getCaseAssessment(as(w.director), caseId);
    const party = a.rounds[0]?.parties.find((p) => p.id === dept(0));
    expect(party?.answer).toMatchObject({ kind: 'objection', amendments: 1, late: false });
    expect(a.rounds[0]?.status).toBe('open'); // the safety department has not answered
    expect((await getCaseAssessment(as(w.initiator), caseId)).rounds).toEqual([]); // the initiator sees closed rounds only
    expect(a.outcome.objections.map((o) => o.partyName)).toEqual(['Ruimtelijke ordening']);
  });

  it('validates an answer against the register, naming every field', async () => {
    const { dept } = await round();
    const ctx = as(w.specialist);
    expect(await refusal(answerAsDepartment(ctx, { partyId: dept(0), answer: objection([]) }))).toMatchObject({ status: 400, fields: ['ruleIds'] });
    expect(await refusal(answerAsDepartment(ctx, { partyId: dept(0), answer: objection([w.rules.expired]) }))).toMatchObject({ fields: ['ruleIds.0'] });
    expect(await refusal(answerAsDepartment(ctx, { partyId: dept(0), answer: objection([w.rules.zoning], { howItCouldBeDone: ' ' }) }))).toMatchObject({
      fields: ['howItCouldBeDone'],
    });
    // strict rule: "hoe wel" may be left out
    await answerAsDepartment(ctx, { partyId: dept(0), answer: objection([w.rules.bibob], { howItCouldBeDone: null }) });
    expect(await refusal(answerAsDepartment(ctx, { partyId: dept(0), answer: { kind: 'yesWithConditions' } }))).toMatchObject({ fields: ['conditions'] });
  });

  it('lets only a specialist of the asked department answer for it', async () => {
    const { dept } = await round({ departments: [0] });
    expect(await refusal(answerAsDepartment(as(w.safetySpecialist), { partyId: dept(0), answer: { kind: 'yes' } }))).toMatchObject({
      status: 403,
      key: 'error.notYourDepartment',
    });
    expect(await refusal(answerAsDepartment(as(w.director), { partyId: dept(0), answer: { kind: 'yes' } }))).toMatchObject({ status: 403 });
  });

  it('closes the round when everyone answered; after that only a late objection, which the director and coordinator hear of', async () => {
    const { caseId, round: r, dept } = await round({ departments: [0] });
    await answerAsDepartment(as(w.specialist), { partyId: dept(0), answer: { kind: 'yesWithConditions', conditions: 'Spuitcabine met filter' } });
    const closed = await db.unsafeAdmin.selectFrom('assessment_rounds').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(closed.closed_reason).toBe('allAnswered');
    expect((await events(caseId, 'assessment.roundClosed')).map((e) => e.payload)).toEqual([{ roundId: r.id, number: 1, reason: 'allAnswered' }]);
    expect(await refusal(answerAsDepartment(as(w.specialist), { partyId: dept(0), answer: { kind: 'yes' } }))).toMatchObject({
      status: 409,
      key: 'error.roundClosed',
    });
    const out = await answerAsDepartment(as(w.specialist), { partyId: dept(0), answer: objection([w.rules.zoning]) });
    expect(out).toMatchObject({ outcome: 'late', cause: 'afterClose' });
    // The party's answer stands until the coordinator admits the objection.
    const a = await getCaseAssessment(as(w.coordinator), caseId);
    expect(a.rounds[0]?.parties[0]?.answer?.kind).toBe('yesWithConditions');
    expect(a.late.map((l) => [l.status, l.cause])).toEqual([['pending', 'afterClose']]);
    const told = await db.unsafeAdmin
      .selectFrom('outbox')
      .select('to_address')
      .where('subject', 'like', '%laat bezwaar%')
      .where('municipality_id', '=', w.m.id)
      .execute();
    expect(told.map((t) => t.to_address)).toEqual(expect.arrayContaining([w.director.email, w.coordinator.email]));
    // One pending late objection per party at a time.
    expect(await refusal(answerAsDepartment(as(w.specialist), { partyId: dept(0), answer: objection([w.rules.terraces]) }))).toMatchObject({ status: 409 });
  });
});

describe('the silence job', () => {
  it('records yes by silence as of the term end for every party that did not answer, once, and shows it on the timeline', async () => {
    at('2026-03-02T09:00:00+01:00');
    const { caseId, round: r, dept } = await round({ departments: [0, 1] });
    await answerAsDepartment(as(w.specialist), { partyId: dept(0), answer: { kind: 'yes' } });
    at('2026-03-16T23:30:00+01:00'); // the last day of the term: nothing is due
    await closeDueRounds(w.deps);
    expect((await partiesOf(r.id)).find((p) => p.id === dept(1))?.current_answer_id).toBeNull();
    at('2026-03-17T00:10:00+01:00');
    const [a, b] = await Promise.all([closeDueRounds(w.deps), closeDueRounds(w.deps)]); // two servers at once
    expect(a + b).toBeGreaterThanOrEqual(1);
    expect(await closeDueRounds(w.deps)).toBe(0);
    const silence = await db.unsafeAdmin.selectFrom('assessment_answers').selectAll().where('round_id', '=', r.id).where('kind', '=', 'silence').execute();
    expect(silence.map((s) => [s.party_id, s.as_of])).toEqual([[dept(1), '2026-03-16']]);
    expect((await events(caseId, 'assessment.silence')).map((e) => [e.payload, e.visibility])).toEqual([
      [{ roundId: r.id, number: 1, asOf: '2026-03-16', parties: [{ id: dept(1), name: 'Openbare orde en veiligheid' }] }, 'shared'],
    ]);
    expect((await events(caseId, 'assessment.roundClosed')).map((e) => e.payload)).toEqual([{ roundId: r.id, number: 1, reason: 'termEnded' }]);
  });

  it('is exact to the working day around Ascension Day, even when it runs days late', async () => {
    at('2026-04-30T10:00:00+02:00'); // ten working days on: past Liberation Day and Ascension Day
    const { round: r } = await round({ departments: [1] });
    expect(r.term_ends_on).toBe('2026-05-18');
    at('2026-05-18T20:00:00+02:00');
    await closeDueRounds(w.deps);
    expect((await db.unsafeAdmin.selectFrom('assessment_rounds').select('closed_at').where('id', '=', r.id).executeTakeFirstOrThrow()).closed_at).toBeNull();
    at('2026-05-25T08:00:00+02:00'); // Regie was down for a week (and it is Whit Monday)
    await closeDueRounds(w.deps);
    const [s] = await db.unsafeAdmin.selectFrom('assessment_answers').selectAll().where('round_id', '=', r.id).execute();
    expect([s?.kind, s?.as_of]).toEqual(['silence', '2026-05-18']);
  });

  it('runs as a worker: once at start, and on demand', async () => {
    at('2026-03-02T09:00:00+01:00');
    const { round: r } = await round({ departments: [1] });
    at('2026-03-17T09:00:00+01:00');
    const worker = startAssessmentWorker(w.deps, 3_600_000);
    await worker.runOnce();
    await worker.stop();
    const closed = await db.unsafeAdmin.selectFrom('assessment_rounds').select('closed_reason').where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(closed.closed_reason).toBe('termEnded');
  });

  it('an answer after the term closes the round by silence first: the answer is late', async () => {
    at('2026-03-02T09:00:00+01:00');
    const { round: r, dept } = await round({ departments: [0] });
    at('2026-03-18T09:00:00+01:00'); // the job has not run
    expect(await refusal(answerAsDepartment(as(w.specialist), { partyId: dept(0), answer: { kind: 'yes' } }))).toMatchObject({ status: 409 });
    const silence = await db.unsafeAdmin.selectFrom('assessment_answers').selectAll().where('round_id', '=', r.id).execute();
    // The refusal rolled back; the job later records the same silence as of the term end.
    expect(silence).toEqual([]);
    await closeDueRounds(w.deps);
    expect((await db.unsafeAdmin.selectFrom('assessment_answers').select('as_of').where('round_id', '=', r.id).executeTakeFirstOrThrow()).as_of).toBe(
      '2026-03-16',
    );
  });
});

describe('late objections', () => {
  async function lateOne() {
    at('2026-03-02T09:00:00+01:00');
    const ctx = await round({ departments: [0] });
    at('2026-03-17T09:00:00+01:00');
    await closeDueRounds(w.deps);
    const out = await answerAsDepartment(as(w.specialist), { partyId: ctx.dept(0), answer: objection([w.rules.zoning]) });
    if (out.outcome !== 'late') throw new Error('expected a late objection');
    return { ...ctx, lateId: out.lateObjectionId };
  }

  it('admitted: the objection becomes the answer and the round reopens for that party for five working days', async () => {
    const { caseId, dept, lateId } = await lateOne();
    expect(await refusal(decideLateObjection(as(w.director), { id: lateId, decision: 'admit', reason: 'x' }))).toMatchObject({ status: 403 });
    expect(await refusal(decideLateObjection(as(w.coordinator), { id: lateId, decision: 'admit', reason: ' ' }))).toMatchObject({
      status: 400,
      fields: ['reason'],
    });
    const d = await decideLateObjection(as(w.coordinator), { id: lateId, decision: 'admit', reason: 'Nieuw feit: de loods grenst aan een school' });
    expect(d).toMatchObject({ status: 'admitted', reopened_until: '2026-03-24' });
    const a = await getCaseAssessment(as(w.director), caseId);
    expect(a.rounds[0]?.parties[0]?.answer).toMatchObject({ kind: 'objection', late: true });
    expect(a.outcome.objections).toHaveLength(1);
    // Reopened: the party may amend until the new end, not after.
    await answerAsDepartment(as(w.specialist), { partyId: dept(0), answer: { kind: 'yesWithConditions', conditions: 'Alleen met spuitcabine' } });
    at('2026-03-25T09:00:00+01:00');
    expect(await refusal(answerAsDepartment(as(w.specialist), { partyId: dept(0), answer: { kind: 'yes' } }))).toMatchObject({ status: 409 });
    expect(await refusal(decideLateObjection(as(w.coordinator), { id: lateId, decision: 'setAside', reason: 'Toch niet' }))).toMatchObject({
      status: 409,
      key: 'error.alreadyDecided',
    });
  });

  it('set aside: the answer stays what it was, with the reason on record', async () => {
    const { caseId, lateId } = await lateOne();
    await decideLateObjection(as(w.coordinator), { id: lateId, decision: 'setAside', reason: 'Had in de ronde gekund' });
    const a = await getCaseAssessment(as(w.director), caseId);
    expect(a.rounds[0]?.parties[0]?.answer?.kind).toBe('silence');
    const listed = (await listLateObjections(as(w.coordinator), { status: 'setAside' })).find((l) => l.id === lateId);
    expect(listed).toMatchObject({ decision_reason: 'Had in de ronde gekund', decided_by_name: w.coordinator.name });
    expect((await events(caseId, 'assessment.lateObjectionDecided')).map((e) => e.payload)).toMatchObject([{ decision: 'setAside' }]);
  });

  it('no serial objections: a rule that could have been raised in the earlier round on the same proposal goes the late path', async () => {
    at('2026-03-02T09:00:00+01:00');
    const first = await round({ departments: [0] });
    await answerAsDepartment(as(w.specialist), { partyId: first.dept(0), answer: { kind: 'yes' } });
    at('2026-04-01T09:00:00+02:00');
    const second = await round({ caseId: first.caseId, departments: [0], sameProposalAs: first.round.id });
    const out = await answerAsDepartment(as(w.specialist), { partyId: second.dept(0), answer: objection([w.rules.zoning]) });
    expect(out).toMatchObject({ outcome: 'late', cause: 'serial' });
    const [late] = (await getCaseAssessment(as(w.coordinator), first.caseId)).late;
    expect(late).toMatchObject({ cause: 'serial', serial_of_round_number: 1, status: 'pending' });
    // A rule that entered into force after the first round is an ordinary objection.
    const fresh = await import('../rules/index.js').then((s) =>
      s.createRule(as(w.admin), {
        code: `NIEUW-${Date.now()}`,
        title: 'Nieuwe geluidsregel',
        legalSource: 'Omgevingsplan artikel 5.1',
        domain: 'physical',
        strict: false,
        validFrom: '2026-03-20',
        validUntil: null,
      }),
    );
    await decideLateObjection(as(w.coordinator), { id: late?.id as string, decision: 'setAside', reason: 'Serieel bezwaar' });
    expect(await answerAsDepartment(as(w.specialist), { partyId: second.dept(0), answer: objection([fresh.id]) })).toMatchObject({ outcome: 'answered' });
  });
});

describe('overruling within mandate', () => {
  it('needs a mandate in the domain, records the mandate used, and never overrules a strict objection', async () => {
    at('2026-03-02T09:00:00+01:00');
    const { caseId, dept } = await round({ departments: [0, 1] });
    await answerAsDepartment(as(w.specialist), { partyId: dept(0), answer: objection([w.rules.zoning]) });
    await answerAsDepartment(as(w.safetySpecialist), { partyId: dept(1), answer: objection([w.rules.bibob], { howItCouldBeDone: null }) });
    const reason = 'Maatschappelijk belang weegt zwaarder; geluidsmaatregelen als voorwaarde';
    expect(await refusal(overruleObjection(as(w.executive), { partyId: dept(0), reason }))).toMatchObject({ status: 403, key: 'error.noOverruleMandate' });
    const mandateId = await grantOverrule(db, w.m.id, { userId: w.executive.userId }, 'physical');
    const before = await getCaseAssessment(as(w.executive), caseId);
    expect(before.rounds[0]?.parties.find((p) => p.id === dept(0))?.abilities.overrule).toBe(true);
    expect(await overruleObjection(as(w.executive), { partyId: dept(0), reason })).toEqual({ overruleId: expect.any(String), mandateIds: [mandateId] });
    expect(await refusal(overruleObjection(as(w.executive), { partyId: dept(0), reason }))).toMatchObject({ status: 409, key: 'error.alreadyOverruled' });
    await grantOverrule(db, w.m.id, { userId: w.executive.userId }, 'safety');
    expect(await refusal(overruleObjection(as(w.executive), { partyId: dept(1), reason }))).toMatchObject({ status: 409, key: 'error.strictObjection' });
    // Both answered, so the round closed: the initiator sees its outcome with the overrule, not the procedure.
    const seen = await getCaseAssessment(as(w.initiator), caseId);
    expect(seen.rounds.map((x) => x.status)).toEqual(['closed']);
    expect(seen.outcome.objections.find((o) => o.partyId === dept(0))?.answer.overrule?.reason).toBe(reason);
    expect(seen.late).toEqual([]);
    expect(seen.rounds[0]?.parties.every((p) => !p.abilities.answer && !p.abilities.overrule)).toBe(true);
    const staff = await getCaseAssessment(as(w.director), caseId);
    expect(staff.outcome.objections.find((o) => o.partyId === dept(0))?.answer.overrule).toMatchObject({
      reason,
      mandateIds: [mandateId],
      by: { name: w.executive.name },
    });
    expect((await events(caseId, 'assessment.overruled')).map((e) => e.visibility)).toEqual(['shared']);
    // The dossier reads the same inside its own transaction.
    const dossier = await db.tenant(w.m.id, (trx) => caseAssessmentForDossier(trx, w.m.id, caseId));
    expect(dossier.rounds[0]?.parties.find((p) => p.id === dept(0))?.answer?.overrule).toMatchObject({
      mandateIds: [mandateId],
      overruledByName: w.executive.name,
    });
  });
});

describe('the outside party’s one-time link', () => {
  it('works for an answer and amendments until the term ends, then once for a late objection, then expires', async () => {
    at('2026-03-02T09:00:00+01:00');
    const email = `buur-${Date.now()}@example.nl`;
    const { round: r } = await round({ departments: [0], outside: [{ name: 'Buurman Jansen', email }] });
    const token = await linkTokenMailedTo(db, w.m.id, email);
    const view = await readAssessmentLink(w.deps, token);
    expect(view).toMatchObject({ may: 'answer', answer: null });
    expect(view.rules.map((x) => x.code)).toEqual(expect.arrayContaining(['OP-4.12', 'BIBOB']));
    expect(view.rules.map((x) => x.code)).not.toContain('OUD-1'); // expired: not citable
    await answerViaLink(w.deps, token, { kind: 'yes' });
    const amended = await answerViaLink(w.deps, token, { kind: 'yesWithConditions', conditions: 'Geen werk op zondag' });
    expect(amended.view.answer).toMatchObject({ kind: 'yesWithConditions', seq: 2 });
    // A token edited to name another municipality is not found there.
    const other = await assessmentWorld(db);
    const foreign = `${other.m.id}.${token.split('.')[1]}`;
    expect(await refusal(readAssessmentLink(w.deps, foreign))).toMatchObject({ status: 404 });
    expect(await refusal(readAssessmentLink(w.deps, 'geen-token-maar-onzin-van-voldoende-lengte'))).toMatchObject({ status: 404 });
    at('2026-03-17T09:00:00+01:00'); // after the term
    expect(await refusal(answerViaLink(w.deps, token, { kind: 'yes' }))).toMatchObject({ status: 409, key: 'error.roundClosed' });
    expect((await readAssessmentLink(w.deps, token)).may).toBe('lateObjection');
    const late = await answerViaLink(w.deps, token, objection([w.rules.terraces]));
    expect(late.out).toMatchObject({ outcome: 'late', cause: 'afterClose' });
    expect(await refusal(readAssessmentLink(w.deps, token))).toMatchObject({ status: 410, key: 'error.linkExpired' });
    expect(await refusal(answerViaLink(w.deps, token, objection([w.rules.zoning])))).toMatchObject({ status: 410 });
    expect((await db.unsafeAdmin.selectFrom('assessment_rounds').select('closed_reason').where('id', '=', r.id).executeTakeFirstOrThrow()).closed_reason).toBe(
      'termEnded',
    );
  });
});

describe('the specialist’s inbox', () => {
  it('lists the requests to the own department, open rounds first, and nothing of another department', async () => {
    at('2026-03-02T09:00:00+01:00');
    const { dept } = await round({ departments: [1] });
    const mine = await assessmentRequests(as(w.safetySpecialist));
    expect(mine.some((i) => i.partyId === dept(1))).toBe(true);
    const statuses = mine.map((i) => i.status);
    expect(statuses).toEqual([...statuses.filter((x) => x === 'open'), ...statuses.filter((x) => x === 'closed')]);
    expect((await assessmentRequests(as(w.specialist))).some((i) => i.partyId === dept(1))).toBe(false);
    expect(await refusal(assessmentRequests(as(w.director)))).toMatchObject({ status: 403 });
  });
});
