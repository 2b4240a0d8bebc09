// Mail that follows the assessment, on a real database (PGlite and PostgreSQL): the
// coordinator's decision on a late objection reaches whoever raised it and the
// director (docs/product.md#late-objection), and the director gets one summary per closed round
// (docs/product.md#the-assessment-round) — also when the silence job runs twice at once or an answer is refused.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/index.js';
import { withTestDb } from '../../testing/db.js';
import { ctxFor, refusal } from '../../testing/factories.js';
import { decideLateObjection } from './decisions.js';
import { closeDueRounds } from './jobs.js';
import type { Answer } from './model.js';
import { answerAsDepartment, answerViaLink, openAssessmentRound } from './service.js';
import { type AssessmentWorld, assessmentWorld, linkTokenMailedTo } from './testing.js';

const { db } = withTestDb();
let w: AssessmentWorld;
beforeAll(async () => {
  w = await assessmentWorld(db);
});

const as = (a: Actor) => ctxFor(w.deps, a);
const at = (iso: string) => w.deps.clock.set(iso);
const objection = (ruleIds: string[]): Answer => ({
  kind: 'objection',
  ruleIds,
  whyApplies: 'De loods ligt in een gebied voor lichte bedrijvigheid; een spuiterij is categorie 3.',
  howItCouldBeDone: 'Een werkplaats zonder spuitcabine past wel.',
});

/** The mail about one case, as a mailbox would show it: by the case reference in the subject. */
async function mailsOf(caseId: string) {
  const { reference } = await db.unsafeAdmin.selectFrom('cases').select('reference').where('id', '=', caseId).executeTakeFirstOrThrow();
  return db.unsafeAdmin
    .selectFrom('outbox')
    .select(['to_address', 'subject', 'body_text'])
    .where('municipality_id', '=', w.m.id)
    .where('subject', 'like', `${reference}:%`)
    .orderBy('id')
    .execute();
}
const summaries = async (caseId: string) => (await mailsOf(caseId)).filter((m) => /toetsronde \d+ gesloten/.test(m.subject));

async function round(departments: number[], outside: { name: string; email: string }[] = []) {
  const caseId = await w.newCase();
  const r = await openAssessmentRound(as(w.director), {
    caseId,
    proposal: 'Autospuiterij in de loods aan de Havenweg 12',
    departmentIds: departments.map((i) => w.m.departmentIds[i] as string),
    outsideParties: outside,
  });
  const parties = await db.unsafeAdmin.selectFrom('assessment_parties').selectAll().where('round_id', '=', r.id).execute();
  const dept = (i: number) => parties.find((p) => p.department_id === w.m.departmentIds[i])?.id as string;
  return { caseId, round: r, dept };
}

describe('the decision on a late objection is mailed', () => {
  it('set aside: the specialists of the department that raised it and the director get the decision and the reason', async () => {
    at('2026-03-02T09:00:00+01:00');
    const { caseId, dept } = await round([0]);
    at('2026-03-17T09:00:00+01:00');
    await closeDueRounds(w.deps);
    const out = await answerAsDepartment(as(w.specialist), { partyId: dept(0), answer: objection([w.rules.zoning]) });
    if (out.outcome !== 'late') throw new Error('expected a late objection');
    // A refused decision (no reason) rolls back: nobody is told anything.
    await refusal(decideLateObjection(as(w.coordinator), { id: out.lateObjectionId, decision: 'setAside', reason: ' ' }));
    expect((await mailsOf(caseId)).filter((m) => m.subject.includes('terzijde'))).toEqual([]);

    await decideLateObjection(as(w.coordinator), { id: out.lateObjectionId, decision: 'setAside', reason: 'Had binnen de termijn gekund' });
    const told = (await mailsOf(caseId)).filter((m) => m.subject.includes('laat bezwaar van Ruimtelijke ordening terzijde gelegd'));
    expect(told.map((m) => m.to_address).sort()).toEqual([w.director.email, w.specialist.email].sort());
    for (const m of told) {
      expect(m.body_text).toContain('Reden: Had binnen de termijn gekund');
      expect(m.body_text).toContain(`De coördinator (${w.coordinator.name})`);
      expect(m.body_text).toContain('Het eerdere antwoord van Ruimtelijke ordening blijft staan.');
      expect(m.body_text).toContain(`http://regie.test/zaken/${caseId}`);
    }
    // The specialist of a department that did not raise it hears nothing.
    expect((await mailsOf(caseId)).some((m) => m.to_address === w.safetySpecialist.email)).toBe(false);
  });

  it('admitted: the outside party is told at its e-mail address until when it may amend, through its own link', async () => {
    at('2026-03-02T09:00:00+01:00');
    const email = `buur-besluit-${Date.now()}@example.nl`;
    const { caseId } = await round([0], [{ name: 'Buurman Jansen', email }]);
    const token = await linkTokenMailedTo(db, w.m.id, email);
    at('2026-03-17T09:00:00+01:00');
    const late = await answerViaLink(w.deps, token, objection([w.rules.zoning]));
    if (late.out.outcome !== 'late') throw new Error('expected a late objection');
    await decideLateObjection(as(w.coordinator), { id: late.out.lateObjectionId, decision: 'admit', reason: 'Nieuw feit: de loods grenst aan een school' });
    const told = (await mailsOf(caseId)).filter((m) => m.subject.endsWith('laat bezwaar van Buurman Jansen toegelaten'));
    expect(told.map((m) => m.to_address).sort()).toEqual([email, w.director.email].sort());
    const toParty = told.find((m) => m.to_address === email);
    expect(toParty?.body_text).toContain('Reden: Nieuw feit: de loods grenst aan een school');
    expect(toParty?.body_text).toContain('tot en met 24 maart 2026 nog worden gewijzigd, via de persoonlijke link uit de eerdere e-mail');
    // The outside party gets no staff link to the case.
    expect(toParty?.body_text).not.toContain('/zaken/');
    expect(told.find((m) => m.to_address === w.director.email)?.body_text).toContain(`http://regie.test/zaken/${caseId}`);
  });
});

describe('the round-closed summary to the director', () => {
  it('when everyone answered: the counts per kind, once, with a link to the case', async () => {
    at('2026-03-02T09:00:00+01:00');
    const { caseId, dept } = await round([0, 1]);
    await answerAsDepartment(as(w.specialist), { partyId: dept(0), answer: { kind: 'yesWithConditions', conditions: 'Spuitcabine met filter' } });
    expect(await summaries(caseId)).toEqual([]); // still open
    await answerAsDepartment(as(w.safetySpecialist), { partyId: dept(1), answer: objection([w.rules.zoning]) });
    const [mail, ...more] = await summaries(caseId);
    expect(more).toEqual([]);
    expect(mail?.to_address).toBe(w.director.email);
    expect(mail?.body_text).toContain('alle gevraagde partijen hebben geantwoord');
    expect(mail?.body_text).toContain('Akkoord: 0\nAkkoord met voorwaarden: 1\nBezwaar: 1\nJa door stilzwijgen: 0\n');
    expect(mail?.body_text).toContain(`http://regie.test/zaken/${caseId}`);
    // An amendment after the close is refused; nothing is mailed twice.
    await refusal(answerAsDepartment(as(w.specialist), { partyId: dept(0), answer: { kind: 'yes' } }));
    expect(await summaries(caseId)).toHaveLength(1);
  });

  it('when the term ended: the silent parties by name, once, even with two jobs at once and a job that runs again', async () => {
    at('2026-03-02T09:00:00+01:00');
    const { caseId, dept } = await round([0, 1], [{ name: 'Buurvereniging Haven', email: `haven-${Date.now()}@example.nl` }]);
    await answerAsDepartment(as(w.specialist), { partyId: dept(0), answer: { kind: 'yes' } });
    at('2026-03-17T00:10:00+01:00');
    await Promise.all([closeDueRounds(w.deps), closeDueRounds(w.deps)]);
    await closeDueRounds(w.deps);
    const mails = await summaries(caseId);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.body_text).toContain('de termijn is op 16 maart 2026 verstreken');
    expect(mails[0]?.body_text).toContain(
      'Akkoord: 1\nAkkoord met voorwaarden: 0\nBezwaar: 0\nJa door stilzwijgen: 2 (Buurvereniging Haven, Openbare orde en veiligheid)\n',
    );
  });

  it('an answer after the term: a refused one mails nothing; a late objection closes the round with one summary, which the job does not repeat', async () => {
    at('2026-03-02T09:00:00+01:00');
    const { caseId, dept } = await round([0]);
    at('2026-03-18T09:00:00+01:00'); // the job has not run
    expect(await refusal(answerAsDepartment(as(w.specialist), { partyId: dept(0), answer: { kind: 'yes' } }))).toMatchObject({ status: 409 });
    expect(await summaries(caseId)).toEqual([]); // the close by silence rolled back with the refusal
    expect(await answerAsDepartment(as(w.specialist), { partyId: dept(0), answer: objection([w.rules.zoning]) })).toMatchObject({ outcome: 'late' });
    await closeDueRounds(w.deps);
    const mails = await summaries(caseId);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.body_text).toContain('Ja door stilzwijgen: 1 (Ruimtelijke ordening)');
  });

  it('the director writes in English: the summary is in English', async () => {
    at('2026-03-02T09:00:00+01:00');
    const { caseId, dept } = await round([0]);
    await db.unsafeAdmin.updateTable('users').set({ locale: 'en' }).where('id', '=', w.director.userId).execute();
    try {
      await answerAsDepartment(as(w.specialist), { partyId: dept(0), answer: { kind: 'yes' } });
    } finally {
      await db.unsafeAdmin.updateTable('users').set({ locale: 'nl' }).where('id', '=', w.director.userId).execute();
    }
    const { reference } = await db.unsafeAdmin.selectFrom('cases').select('reference').where('id', '=', caseId).executeTakeFirstOrThrow();
    const [mail] = await db.unsafeAdmin
      .selectFrom('outbox')
      .select(['subject', 'body_text'])
      .where('subject', '=', `${reference}: assessment round 1 closed`)
      .execute();
    expect(mail?.body_text).toContain('every party asked has answered');
    expect(mail?.body_text).toContain('Yes: 1\nYes, with conditions: 0\nObjection: 0\nYes by silence: 0\n');
  });
});
