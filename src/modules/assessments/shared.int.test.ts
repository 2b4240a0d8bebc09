// Another municipality's department in an assessment round, under a sharing agreement
// (docs/product.md#another-municipalitys-department-in-a-round,
// docs/product.md#ending-a-sharing-agreement): no agreement, nothing; with one, exactly
// the scoped requests and the minimum of the case; answers work as for own departments;
// after ending it, nothing, and open requests go back to the requesting coordinator.
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import type { Actor } from '../../platform/auth/index.js';
import { withTestDb } from '../../testing/db.js';
import { actorOf, type BuiltCase, buildCase, buildMunicipality, ctxFor, refusal, type TestMunicipality } from '../../testing/factories.js';
import { buildAgreement } from '../intermunicipal/testing.js';
import { createRule } from '../rules/index.js';
import { overruleObjection } from './index.js';
import { getCaseAssessment } from './queries.js';
import { openAssessmentRound } from './service.js';
import { answerSharedRequest, endSharingAgreement, getSharedRequest, returnExpiredSharedRequests, sharedRequests } from './shared.js';
import { buildSharedRound, grantOverrule } from './testing.js';

const { db, deps } = withTestDb();

interface Side {
  m: TestMunicipality;
  admin: Actor;
  director: Actor;
  coordinator: Actor;
  specialist: Actor;
  otherSpecialist: Actor;
}
async function side(): Promise<Side> {
  const m = await buildMunicipality(db);
  return {
    m,
    admin: await actorOf('admin', { municipality: m }),
    director: await actorOf('director', { municipality: m }),
    coordinator: await actorOf('coordinator', { municipality: m }),
    specialist: await actorOf('specialist', { municipality: m }), // department 0
    otherSpecialist: await actorOf('specialist', { municipality: m, department: m.departmentIds[1] }),
  };
}

const INITIATOR = { name: 'Henriëtte Bolwerk', email: 'h.bolwerk@example.nl' };
let P: Side; // provides (Naburg)
let R: Side; // receives (Voorbeeld)
let X: Side; // a third municipality without an agreement
let c: BuiltCase;
const ctx = (a: Actor) => ctxFor(deps, a);

beforeAll(async () => {
  [P, R, X] = [await side(), await side(), await side()];
  c = await buildCase({ municipality: R.m, deps, director: R.director, status: 'planning', initiator: INITIATOR, title: 'Zomerfestival aan de rivier' });
});

const agreement = () => buildAgreement(deps, { provider: P.m, providerAdmin: P.admin, receiver: R.m, receiverAdmin: R.admin });

describe('without an agreement', () => {
  it('the director cannot ask the other municipality’s department', async () => {
    const r = await refusal(
      openAssessmentRound(ctx(R.director), {
        caseId: c.id,
        proposal: 'Festival',
        departmentIds: [],
        outsideParties: [],
        sharedDepartments: [{ agreementId: '00000000-0000-4000-8000-000000000000', departmentId: P.m.departmentIds[0] as string }],
      }),
    );
    expect(r).toMatchObject({ status: 400, fields: ['sharedDepartments.0'] });
  });

  it('a proposed, not yet approved agreement admits nothing', async () => {
    const a = await buildAgreement(deps, { provider: P.m, providerAdmin: P.admin, receiver: R.m, receiverAdmin: R.admin }, { approved: false });
    const r = await refusal(
      openAssessmentRound(ctx(R.director), {
        caseId: c.id,
        proposal: 'Festival',
        departmentIds: [],
        outsideParties: [],
        sharedDepartments: [{ agreementId: a.id, departmentId: P.m.departmentIds[0] as string }],
      }),
    );
    expect(r.status).toBe(400);
    expect(await sharedRequests(ctx(P.specialist))).toEqual([]);
  });
});

describe('under an active agreement', () => {
  let agreementId: string;
  let partyId: string;
  let ownPartyId: string;

  beforeAll(async () => {
    agreementId = (await agreement()).id;
    // The round asks the provider's department and one of the receiver's own.
    const r = await openAssessmentRound(ctx(R.director), {
      caseId: c.id,
      proposal: 'Een festivalterrein aan de rivier, drie dagen in juli',
      departmentIds: [R.m.departmentIds[0] as string],
      outsideParties: [],
      sharedDepartments: [{ agreementId, departmentId: P.m.departmentIds[0] as string }],
    });
    const parties = await db.unsafeAdmin.selectFrom('assessment_parties').selectAll().where('round_id', '=', r.id).execute();
    partyId = parties.find((p) => p.agreement_id !== null)?.id as string;
    ownPartyId = parties.find((p) => p.agreement_id === null)?.id as string;
  });

  it('the provider’s specialist of the asked department sees exactly that request', async () => {
    const list = await sharedRequests(ctx(P.specialist));
    expect(list.map((x) => x.partyId)).toEqual([partyId]);
    expect(list[0]).toMatchObject({ caseReference: c.reference, caseTitle: 'Zomerfestival aan de rivier', status: 'open', answered: false });
  });

  it('with the minimum of the case: never the initiator’s name or e-mail', async () => {
    const v = await getSharedRequest(ctx(P.specialist), partyId);
    expect(v.case).toEqual({ reference: c.reference, title: 'Zomerfestival aan de rivier', description: expect.any(String), location: expect.any(String) });
    const json = JSON.stringify([v, await sharedRequests(ctx(P.specialist))]);
    expect(json).not.toContain(INITIATOR.name);
    expect(json).not.toContain(INITIATOR.email);
    expect(json).not.toContain(R.director.name);
  });

  it('another department of the provider, another municipality and the receiver’s own party are refused', async () => {
    expect(await sharedRequests(ctx(P.otherSpecialist))).toEqual([]);
    expect((await refusal(getSharedRequest(ctx(P.otherSpecialist), partyId))).status).toBe(404);
    expect(await sharedRequests(ctx(X.specialist))).toEqual([]);
    expect((await refusal(getSharedRequest(ctx(X.specialist), partyId))).status).toBe(404);
    expect((await refusal(getSharedRequest(ctx(P.specialist), ownPartyId))).status).toBe(404);
    expect((await refusal(answerSharedRequest(ctx(X.specialist), { partyId, answer: { kind: 'yes' } }))).status).toBe(404);
  });

  it('the rules offered are the receiving municipality’s register', async () => {
    const own = await createRule(ctx(P.admin), {
      code: `NB-${Date.now()}`,
      title: 'Regel van de aanbieder',
      legalSource: 'APV 1',
      domain: 'physical',
      strict: false,
      validFrom: '2024-01-01',
      validUntil: null,
    });
    const theirs = await createRule(ctx(R.admin), {
      code: `VB-${Date.now()}`,
      title: 'Geluid bij evenementen',
      legalSource: 'APV 4:2',
      domain: 'physical',
      strict: false,
      validFrom: '2024-01-01',
      validUntil: null,
    });
    const v = await getSharedRequest(ctx(P.specialist), partyId);
    expect(v.rules.map((r) => r.id)).toContain(theirs.id);
    expect(v.rules.map((r) => r.id)).not.toContain(own.id);
    // An objection citing the receiver's rule is recorded on the receiver's case, like an own department's.
    await answerSharedRequest(ctx(P.specialist), {
      partyId,
      answer: { kind: 'objection', ruleIds: [theirs.id], whyApplies: 'Geluid tot na middernacht', howItCouldBeDone: 'Muziek tot 23 uur' },
    });
    const a = await getCaseAssessment(ctx(R.director), c.id);
    const shared = a.rounds[0]?.parties.find((p) => p.id === partyId);
    expect(shared).toMatchObject({ shared: true, answer: { kind: 'objection', rules: [{ id: theirs.id }] } });
    expect(shared?.answer?.answeredBy.name).toContain(P.specialist.name);
    // ... and a rule of the provider's own register is not citable there.
    const r = await refusal(
      answerSharedRequest(ctx(P.specialist), { partyId, answer: { kind: 'objection', ruleIds: [own.id], whyApplies: 'x', howItCouldBeDone: 'y' } }),
    );
    expect(r.status).toBe(400);
  });

  it('the receiver’s executive overrules it within mandate, as for an own department', async () => {
    const executive = await actorOf('executive', { municipality: R.m });
    await grantOverrule(db, R.m.id, { role: 'executive' }, 'physical');
    await overruleObjection(ctx(executive), { partyId, reason: 'Het festival weegt zwaarder' });
    const a = await getCaseAssessment(ctx(R.director), c.id);
    expect(a.rounds[0]?.parties.find((p) => p.id === partyId)?.answer?.overrule?.reason).toBe('Het festival weegt zwaarder');
  });

  it('every cross-municipality read and write is in the access log of both municipalities', async () => {
    const log = async (m: TestMunicipality) =>
      db.unsafeAdmin.selectFrom('access_log').selectAll().where('municipality_id', '=', m.id).where('kind', '=', 'crossMunicipality').execute();
    const [inP, inR] = [await log(P.m), await log(R.m)];
    expect(inP.length).toBeGreaterThan(0);
    expect(inR.length).toBe(inP.length);
    expect(inP.every((r) => r.counterpart_municipality_id === R.m.id && r.actor_id === P.specialist.userId && r.case_id === c.id)).toBe(true);
    expect(inR.every((r) => r.counterpart_municipality_id === P.m.id && r.actor_id === P.specialist.userId)).toBe(true);
    expect(await log(X.m)).toEqual([]);
  });
});

describe('ending the agreement', () => {
  it('cuts access at once and returns the open request to the requesting coordinator', async () => {
    const a = await agreement();
    const cc = await buildCase({ municipality: R.m, deps, director: R.director, status: 'planning', initiator: INITIATOR });
    const { partyId, roundId } = await buildSharedRound(deps, {
      by: R.director,
      caseId: cc.id,
      agreementId: a.id,
      departmentId: P.m.departmentIds[0] as string,
    });
    expect((await sharedRequests(ctx(P.specialist))).map((x) => x.partyId)).toContain(partyId);

    // The provider's admin ends it; the agreement of another municipality is not found.
    expect((await refusal(endSharingAgreement(ctx(X.admin), { id: a.id }))).status).toBe(404);
    const ended = await endSharingAgreement(ctx(P.admin), { id: a.id, reason: 'De omgevingsdienst stopt' });
    expect(ended.status).toBe('ended');

    expect((await sharedRequests(ctx(P.specialist))).map((x) => x.partyId)).not.toContain(partyId);
    expect((await refusal(getSharedRequest(ctx(P.specialist), partyId))).status).toBe(404);
    expect((await refusal(answerSharedRequest(ctx(P.specialist), { partyId, answer: { kind: 'yes' } }))).status).toBe(404);

    const party = await db.unsafeAdmin.selectFrom('assessment_parties').selectAll().where('id', '=', partyId).executeTakeFirstOrThrow();
    expect(party.returned_at).not.toBeNull();
    // The round waited only for that party: it is complete now.
    const round = await db.unsafeAdmin.selectFrom('assessment_rounds').selectAll().where('id', '=', roundId).executeTakeFirstOrThrow();
    expect(round.closed_reason).toBe('allAnswered');
    const mail = await db.unsafeAdmin.selectFrom('outbox').select(['to_address', 'subject']).where('municipality_id', '=', R.m.id).execute();
    expect(mail.filter((x) => x.subject.includes('teruggegeven')).map((x) => x.to_address)).toContain(R.coordinator.email);
    const events = await db.unsafeAdmin.selectFrom('events').select('type').where('case_id', '=', cc.id).execute();
    expect(events.map((e) => e.type)).toContain('assessment.partyReturned');
    // The requesting coordinator sees the request back on the case: returned, no longer
    // waited for, so another department has to be asked; and the shared department is
    // no longer offered.
    const seen = await getCaseAssessment(ctx(R.coordinator), cc.id);
    const back = seen.rounds.flatMap((r) => r.parties).find((p) => p.id === partyId);
    expect(back).toMatchObject({ shared: true, answer: null });
    expect(back?.returnedAt).not.toBeNull();
    const { availableSharedDepartments } = await import('../intermunicipal/index.js');
    expect((await availableSharedDepartments(ctx(R.coordinator))).map((d) => d.agreementId)).not.toContain(a.id);
    // Ending twice is refused.
    expect((await refusal(endSharingAgreement(ctx(R.admin), { id: a.id }))).status).toBe(409);
  });
});

// docs/product.md#themes-in-a-sharing-agreement
describe('themes in the agreement’s scope', () => {
  it('a case outside the agreement’s themes is not shared: 409 with a Dutch sentence, and nothing reaches the provider', async () => {
    const [inScope, outOfScope] = R.m.themeIds as [string, string];
    const a = await buildAgreement(deps, { provider: P.m, providerAdmin: P.admin, receiver: R.m, receiverAdmin: R.admin }, { themeIds: [inScope] });
    expect(a.themes.map((t) => t.id)).toEqual([inScope]);
    const asked = (caseId: string) =>
      openAssessmentRound(ctx(R.director), {
        caseId,
        proposal: 'Een evenement op het plein',
        departmentIds: [],
        outsideParties: [],
        sharedDepartments: [{ agreementId: a.id, departmentId: P.m.departmentIds[0] as string }],
      });
    const before = (await sharedRequests(ctx(P.specialist))).length;
    for (const themeIds of [[outOfScope], []]) {
      const out = await buildCase({ municipality: R.m, deps, director: R.director, status: 'planning', initiator: INITIATOR, themeIds });
      const r = await refusal(asked(out.id));
      expect(r).toMatchObject({ status: 409, key: 'error.caseOutsideAgreementThemes' });
      expect(await db.unsafeAdmin.selectFrom('assessment_rounds').select('id').where('case_id', '=', out.id).execute()).toEqual([]);
    }
    expect((await sharedRequests(ctx(P.specialist))).length).toBe(before);
    // A case with one of the agreement's themes (and another) is shared.
    const inside = await buildCase({
      municipality: R.m,
      deps,
      director: R.director,
      status: 'planning',
      initiator: INITIATOR,
      themeIds: [outOfScope, inScope],
    });
    await asked(inside.id);
    expect((await sharedRequests(ctx(P.specialist))).map((x) => x.caseReference)).toContain(inside.reference);
  });

  it('the receiver’s themes are offered to the proposer; another municipality’s theme is refused', async () => {
    const { receiverThemes, proposeAgreement } = await import('../intermunicipal/index.js');
    expect((await receiverThemes(ctx(P.admin), R.m.slug)).map((t) => t.id).sort()).toEqual([...R.m.themeIds].sort());
    const r = await refusal(
      proposeAgreement(ctx(P.admin), {
        receiverMunicipality: R.m.slug,
        what: 'Toetsing',
        departmentIds: [P.m.departmentIds[0] as string],
        ruleDomains: [],
        themeIds: [P.m.themeIds[0] as string],
        validFrom: '2026-03-01',
        validUntil: null,
      }),
    );
    expect(r).toMatchObject({ status: 400, fields: ['themeIds'] });
  });
});

describe('expiry', () => {
  it('returns the open request once the agreement is past its last day, and the silence job gives it no yes', async () => {
    const a = await agreement();
    const cc = await buildCase({ municipality: R.m, deps, director: R.director, status: 'planning', initiator: INITIATOR });
    const { partyId, roundId } = await buildSharedRound(deps, {
      by: R.director,
      caseId: cc.id,
      agreementId: a.id,
      departmentId: P.m.departmentIds[0] as string,
    });
    // Its last day is tomorrow on the tests' clock: the job returns nothing yet. (The
    // database reads its own date, already past that day, so the request is hidden.)
    await db.unsafeAdmin.updateTable('sharing_agreements').set({ valid_until: '2026-03-03' }).where('id', '=', a.id).execute();
    await returnExpiredSharedRequests(deps);
    expect(
      (await db.unsafeAdmin.selectFrom('assessment_parties').select('returned_at').where('id', '=', partyId).executeTakeFirstOrThrow()).returned_at,
    ).toBeNull();

    // The day after its last day: not visible any more, and the job returns it.
    const later = { ...deps, clock: fixedClock('2026-03-04T09:00:00+01:00') };
    expect((await sharedRequests(ctxFor(later, P.specialist))).map((x) => x.partyId)).not.toContain(partyId);
    expect(await returnExpiredSharedRequests(later)).toBeGreaterThanOrEqual(1);
    expect(
      (await db.unsafeAdmin.selectFrom('assessment_parties').select('returned_at').where('id', '=', partyId).executeTakeFirstOrThrow()).returned_at,
    ).not.toBeNull();
    expect(await returnExpiredSharedRequests(later)).toBe(0);
    const round = await db.unsafeAdmin.selectFrom('assessment_rounds').selectAll().where('id', '=', roundId).executeTakeFirstOrThrow();
    expect(round.closed_reason).toBe('allAnswered');
    const answers = await db.unsafeAdmin.selectFrom('assessment_answers').select('kind').where('party_id', '=', partyId).execute();
    expect(answers).toEqual([]);
    // Back with the requesting coordinator, as after ending: an event on the case and a mail.
    const events = await db.unsafeAdmin.selectFrom('events').select(['type', 'payload']).where('case_id', '=', cc.id).execute();
    expect(events.filter((e) => e.type === 'assessment.partyReturned').map((e) => (e.payload as { partyId: string }).partyId)).toEqual([partyId]);
    const mail = await db.unsafeAdmin
      .selectFrom('outbox')
      .select(['to_address', 'body_text'])
      .where('municipality_id', '=', R.m.id)
      .where('to_address', '=', R.coordinator.email)
      .execute();
    expect(mail.some((x) => x.body_text.includes(cc.reference))).toBe(true);
    const seen = await getCaseAssessment(ctxFor(later, R.coordinator), cc.id);
    expect(seen.rounds.flatMap((r) => r.parties).find((p) => p.id === partyId)?.returnedAt).not.toBeNull();
  });
});
