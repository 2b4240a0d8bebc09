// Rules of the round that hold across rounds and decisions, on a real database
// (PGlite and PostgreSQL): the same proposal by its text (docs/product.md#serial-objections), an admitted
// late objection that adds to the outcome and keeps its late mark, an overruled
// objection that stays as decided (docs/product.md#overrule-within-mandate), why a link has expired, and the wall
// between municipalities for the coordinator's decision.
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../kernel/errors.js';
import type { Actor } from '../../platform/auth/index.js';
import { withTestDb } from '../../testing/db.js';
import { ctxFor, refusal } from '../../testing/factories.js';
import { changeStatus } from '../cases/index.js';
import { decideLateObjection, overruleObjection } from './decisions.js';
import { closeDueRounds } from './jobs.js';
import type { Answer } from './model.js';
import { getCaseAssessment } from './queries.js';
import { answerAsDepartment, answerViaLink, openAssessmentRound, readAssessmentLink } from './service.js';
import { type AssessmentWorld, assessmentWorld, grantOverrule, linkTokenMailedTo } from './testing.js';

const { db } = withTestDb();
let w: AssessmentWorld;
beforeAll(async () => {
  w = await assessmentWorld(db);
});

const as = (a: Actor) => ctxFor(w.deps, a);
const at = (iso: string) => w.deps.clock.set(iso);
const PROPOSAL = 'Autospuiterij in de loods aan de Havenweg 12';
const objection = (ruleIds: string[], why = 'De loods ligt in een gebied voor lichte bedrijvigheid.'): Answer => ({
  kind: 'objection',
  ruleIds,
  whyApplies: why,
  howItCouldBeDone: 'Een werkplaats zonder spuitcabine past wel.',
});

async function round(o: {
  caseId?: string;
  proposal?: string;
  departments?: number[];
  outside?: { name: string; email: string }[];
  sameProposalAs?: string | null;
}) {
  const caseId = o.caseId ?? (await w.newCase());
  const r = await openAssessmentRound(as(w.director), {
    caseId,
    proposal: o.proposal ?? PROPOSAL,
    departmentIds: (o.departments ?? [0]).map((i) => w.m.departmentIds[i] as string),
    outsideParties: o.outside ?? [],
    sameProposalAs: o.sameProposalAs,
  });
  const parties = await db.unsafeAdmin.selectFrom('assessment_parties').selectAll().where('round_id', '=', r.id).execute();
  const dept = (i: number) => parties.find((p) => p.department_id === w.m.departmentIds[i])?.id as string;
  return { caseId, round: r, dept };
}

async function thrown(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('the same proposal is the same by its text (serial objections)', () => {
  it('links a round with the same proposal text to the latest such round when sameProposalAs is omitted, and catches the serial objection', async () => {
    at('2026-03-02T09:00:00+01:00');
    const first = await round({});
    await answerAsDepartment(as(w.specialist), { partyId: first.dept(0), answer: { kind: 'yes' } });
    at('2026-04-01T09:00:00+02:00');
    // The same proposal, retyped: other spacing and case, no sameProposalAs.
    const second = await round({ caseId: first.caseId, proposal: `  ${PROPOSAL.toUpperCase().replace(/ /g, '  ')} ` });
    expect(second.round.same_proposal_as).toBe(first.round.id);
    const out = await answerAsDepartment(as(w.specialist), { partyId: second.dept(0), answer: objection([w.rules.zoning]) });
    expect(out).toMatchObject({ outcome: 'late', cause: 'serial' });
    const [late] = (await getCaseAssessment(as(w.coordinator), first.caseId)).late;
    expect(late).toMatchObject({ cause: 'serial', serial_of_round_number: 1 });
  });

  it('keeps an explicit sameProposalAs, and still catches a serial objection on an earlier round with the same text', async () => {
    at('2026-03-02T09:00:00+01:00');
    const first = await round({});
    await answerAsDepartment(as(w.specialist), { partyId: first.dept(0), answer: { kind: 'yes' } });
    at('2026-03-20T09:00:00+01:00');
    const changed = await round({ caseId: first.caseId, proposal: 'Een werkplaats zonder spuitcabine' });
    expect(changed.round.same_proposal_as).toBeNull(); // a changed proposal is a new one
    await answerAsDepartment(as(w.specialist), { partyId: changed.dept(0), answer: { kind: 'yes' } });
    at('2026-04-15T09:00:00+02:00');
    // Back to the first text, while the director names the changed round.
    const third = await round({ caseId: first.caseId, sameProposalAs: changed.round.id });
    expect(third.round.same_proposal_as).toBe(changed.round.id);
    const out = await answerAsDepartment(as(w.specialist), { partyId: third.dept(0), answer: objection([w.rules.zoning]) });
    expect(out).toMatchObject({ outcome: 'late', cause: 'serial' });
    const late = (await getCaseAssessment(as(w.coordinator), first.caseId)).late.find((l) => l.round_id === third.round.id);
    expect(late?.serial_of_round_number).toBe(1);
  });

  it('a changed proposal without a link takes an ordinary objection', async () => {
    at('2026-03-02T09:00:00+01:00');
    const first = await round({});
    await answerAsDepartment(as(w.specialist), { partyId: first.dept(0), answer: { kind: 'yes' } });
    at('2026-04-01T09:00:00+02:00');
    const second = await round({ caseId: first.caseId, proposal: `${PROPOSAL}, met een tweede spuitcabine` });
    expect(await answerAsDepartment(as(w.specialist), { partyId: second.dept(0), answer: objection([w.rules.zoning]) })).toMatchObject({
      outcome: 'answered',
    });
  });
});

describe('an admitted late objection adds to what the party said (late objection)', () => {
  it('keeps the earlier objection and condition in the consolidated outcome, and the amended late answer stays late', async () => {
    at('2026-03-02T09:00:00+01:00');
    const { caseId, dept } = await round({ departments: [0, 1] });
    const why = 'Milieucategorie 3 past hier niet.';
    await answerAsDepartment(as(w.specialist), { partyId: dept(0), answer: objection([w.rules.zoning], why) });
    await answerAsDepartment(as(w.safetySpecialist), { partyId: dept(1), answer: { kind: 'yesWithConditions', conditions: 'Brandwerende scheiding' } });
    // Both answered: the round is closed. Each party now objects late; the coordinator admits both.
    const late0 = await answerAsDepartment(as(w.specialist), { partyId: dept(0), answer: objection([w.rules.terraces], 'Het terras blokkeert de stoep.') });
    const late1 = await answerAsDepartment(as(w.safetySpecialist), {
      partyId: dept(1),
      answer: { ...objection([w.rules.bibob], 'Bibob loopt.'), howItCouldBeDone: null },
    });
    if (late0.outcome !== 'late' || late1.outcome !== 'late') throw new Error('expected late objections');
    at('2026-03-04T09:00:00+01:00');
    await decideLateObjection(as(w.coordinator), { id: late0.lateObjectionId, decision: 'admit', reason: 'Nieuw feit' });
    await decideLateObjection(as(w.coordinator), { id: late1.lateObjectionId, decision: 'admit', reason: 'Nieuw feit' });

    const a = await getCaseAssessment(as(w.director), caseId);
    const objections = a.outcome.objections
      .map((o) => [o.partyName, o.answer.rules.map((r) => r.code).join(','), o.answer.late])
      .sort((x, y) => String(x[0]).localeCompare(String(y[0]))); // stable: per party, in the order given
    expect(objections).toEqual([
      ['Openbare orde en veiligheid', 'BIBOB', true],
      ['Ruimtelijke ordening', 'OP-4.12', false], // not erased by the admitted late objection
      ['Ruimtelijke ordening', 'APV-2:48', true],
    ]);
    expect(a.outcome.objections.find((o) => o.answer.rules[0]?.code === 'OP-4.12')?.answer).toMatchObject({ whyApplies: why });
    expect(a.outcome.conditions.map((c) => [c.partyName, c.answer.conditions])).toEqual([['Openbare orde en veiligheid', 'Brandwerende scheiding']]);
    expect(a.rounds[0]?.parties.find((p) => p.id === dept(0))?.earlierAnswers.map((x) => x.kind)).toEqual(['objection']);

    // In the reopened window the party amends its late objection: the amendment is late too.
    await answerAsDepartment(as(w.specialist), { partyId: dept(0), answer: { kind: 'yesWithConditions', conditions: 'Terras alleen aan de achterkant' } });
    const after = await getCaseAssessment(as(w.director), caseId);
    const party = after.rounds[0]?.parties.find((p) => p.id === dept(0));
    expect(party?.answer).toMatchObject({ kind: 'yesWithConditions', late: true });
    // What it said in the round itself stands.
    expect(after.outcome.objections.filter((o) => o.partyId === dept(0)).map((o) => o.answer.rules[0]?.code)).toEqual(['OP-4.12']);
    expect(after.outcome.conditions.filter((o) => o.partyId === dept(0)).map((o) => [o.answer.conditions, o.answer.late])).toEqual([
      ['Terras alleen aan de achterkant', true],
    ]);
  });

  it('the outside party’s amendment in its reopened window stays late too', async () => {
    at('2026-03-02T09:00:00+01:00');
    const email = `buren-laat-${Date.now()}@example.nl`;
    const { caseId } = await round({ departments: [], outside: [{ name: 'Buurvereniging', email }] });
    const token = await linkTokenMailedTo(db, w.m.id, email);
    at('2026-03-17T09:00:00+01:00');
    await closeDueRounds(w.deps);
    const late = await answerViaLink(w.deps, token, objection([w.rules.zoning]));
    if (late.out.outcome !== 'late') throw new Error('expected a late objection');
    await decideLateObjection(as(w.coordinator), { id: late.out.lateObjectionId, decision: 'admit', reason: 'De buren wisten het niet' });
    const amended = await answerViaLink(w.deps, token, { kind: 'yesWithConditions', conditions: 'Alleen met filter' });
    expect(amended.view.answer).toMatchObject({ kind: 'yesWithConditions', late: true });
    const a = await getCaseAssessment(as(w.director), caseId);
    expect(a.rounds[0]?.parties[0]?.answer).toMatchObject({ kind: 'yesWithConditions', late: true });
  });
});

describe('an overruled objection stays as decided (overrule within mandate)', () => {
  it('the outside party’s page offers no amendment of its overruled objection while the round is open', async () => {
    at('2026-03-02T09:00:00+01:00');
    const email = `buren-overruled-${Date.now()}@example.nl`;
    const { round: r } = await round({ departments: [0], outside: [{ name: 'Buurvereniging', email }] });
    const token = await linkTokenMailedTo(db, w.m.id, email);
    await answerViaLink(w.deps, token, objection([w.rules.zoning]));
    expect((await readAssessmentLink(w.deps, token)).may).toBe('answer'); // not yet overruled: amendable
    const outside = await db.unsafeAdmin
      .selectFrom('assessment_parties')
      .select('id')
      .where('round_id', '=', r.id)
      .where('kind', '=', 'outside')
      .executeTakeFirstOrThrow();
    await grantOverrule(db, w.m.id, { userId: w.executive.userId }, 'physical');
    await overruleObjection(as(w.executive), { partyId: outside.id, reason: 'Werkgelegenheid weegt zwaarder' });
    expect((await readAssessmentLink(w.deps, token)).may).toBe('none');
  });

  it('refuses an amendment with 409 naming the date and who overruled, keeps the overrule, and still takes a late objection', async () => {
    at('2026-03-02T09:00:00+01:00');
    const { caseId, dept } = await round({ departments: [0, 1] });
    await answerAsDepartment(as(w.specialist), { partyId: dept(0), answer: objection([w.rules.zoning]) });
    await grantOverrule(db, w.m.id, { userId: w.executive.userId }, 'physical');
    at('2026-03-03T10:00:00+01:00');
    await overruleObjection(as(w.executive), { partyId: dept(0), reason: 'Werkgelegenheid weegt zwaarder' });
    const before = await getCaseAssessment(as(w.specialist), caseId);
    expect(before.rounds[0]?.parties.find((p) => p.id === dept(0))?.abilities.answer).toBe(false);

    for (const answer of [{ kind: 'yes' } as Answer, objection([w.rules.terraces])]) {
      const e = await thrown(answerAsDepartment(as(w.specialist), { partyId: dept(0), answer }));
      expect([e.status, e.key, e.params]).toEqual([409, 'error.answerOverruled', { date: '3 maart 2026', name: w.executive.name }]);
    }
    const a = await getCaseAssessment(as(w.director), caseId);
    const objectionOf = (x: typeof a) => x.outcome.objections.find((o) => o.partyId === dept(0))?.answer;
    expect(objectionOf(a)).toMatchObject({ amendments: 0, overrule: { reason: 'Werkgelegenheid weegt zwaarder', by: { name: w.executive.name } } });

    // Once the round has closed, a new point goes the late path; admitted, the overruled objection stays with its overrule.
    await answerAsDepartment(as(w.safetySpecialist), { partyId: dept(1), answer: { kind: 'yes' } });
    const late = await answerAsDepartment(as(w.specialist), { partyId: dept(0), answer: objection([w.rules.terraces]) });
    if (late.outcome !== 'late') throw new Error('expected a late objection');
    await decideLateObjection(as(w.coordinator), { id: late.lateObjectionId, decision: 'admit', reason: 'Nieuw punt' });
    const after = await getCaseAssessment(as(w.director), caseId);
    expect(after.outcome.objections.filter((o) => o.partyId === dept(0)).map((o) => [o.answer.rules[0]?.code, o.answer.overrule?.reason ?? null])).toEqual([
      ['OP-4.12', 'Werkgelegenheid weegt zwaarder'],
      ['APV-2:48', null],
    ]);
  });
});

describe('why an outside party’s link has expired', () => {
  it('says the round closed because everyone answered, not that the term is over; and that the case ended', async () => {
    at('2026-03-02T09:00:00+01:00');
    const email = `buren-410-${Date.now()}@example.nl`;
    const { caseId } = await round({ departments: [], outside: [{ name: 'Buurvereniging', email }] });
    const token = await linkTokenMailedTo(db, w.m.id, email);
    await answerViaLink(w.deps, token, { kind: 'yes' }); // the only party: the round closes, all answered
    at('2026-03-04T09:00:00+01:00');
    const late = await answerViaLink(w.deps, token, objection([w.rules.zoning]));
    expect(late.out).toMatchObject({ outcome: 'late', cause: 'afterClose' });
    expect(await refusal(readAssessmentLink(w.deps, token))).toMatchObject({ status: 410, key: 'error.linkExpiredAllAnswered' });
    at('2026-03-17T09:00:00+01:00'); // past the term as well: now the term is over
    expect(await refusal(readAssessmentLink(w.deps, token))).toMatchObject({ status: 410, key: 'error.linkExpired' });

    at('2026-03-02T09:00:00+01:00');
    const email2 = `buren-410b-${Date.now()}@example.nl`;
    const second = await round({ departments: [], outside: [{ name: 'Omwonende', email: email2 }] });
    const token2 = await linkTokenMailedTo(db, w.m.id, email2);
    await answerViaLink(w.deps, token2, { kind: 'yes' });
    await changeStatus(as(w.director), { caseId: second.caseId, to: 'withdrawn', reason: 'Initiatiefnemer ziet af van het plan' });
    expect(await refusal(readAssessmentLink(w.deps, token2))).toMatchObject({ status: 410, key: 'error.linkExpiredCaseEnded' });
    expect(caseId).not.toBe(second.caseId);
  });
});

describe('the coordinator’s decision on a late objection across municipalities', () => {
  it('is not found (404) for another municipality’s coordinator, admin or director, before any role check', async () => {
    at('2026-03-02T09:00:00+01:00');
    const { dept } = await round({});
    await answerAsDepartment(as(w.specialist), { partyId: dept(0), answer: { kind: 'yes' } });
    const late = await answerAsDepartment(as(w.specialist), { partyId: dept(0), answer: objection([w.rules.zoning]) });
    if (late.outcome !== 'late') throw new Error('expected a late objection');
    const other = await assessmentWorld(db);
    for (const who of [other.coordinator, other.admin, other.director]) {
      expect(await refusal(decideLateObjection(ctxFor(w.deps, who), { id: late.lateObjectionId, decision: 'admit', reason: 'x' }))).toMatchObject({
        status: 404,
      });
    }
    // Within the municipality a director is refused for the role (403).
    expect(await refusal(decideLateObjection(as(w.director), { id: late.lateObjectionId, decision: 'admit', reason: 'x' }))).toMatchObject({ status: 403 });
  });
});
