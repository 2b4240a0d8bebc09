// Requests to other municipalities in the management information, on both engines
// (docs/product.md#requests-to-other-municipalities-in-figures): the receiving
// municipality sees per providing municipality and department how its requests were
// answered; the providing municipality the same for the requests its department was
// asked, also after the agreement ended; a third municipality sees none of it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/index.js';
import { withTestDb } from '../../testing/db.js';
import { actorOf, buildCase, buildMunicipality, ctxFor, type TestMunicipality } from '../../testing/factories.js';
import { answerSharedRequest, buildSharedRound, endSharingAgreement } from '../assessments/testing.js';
import { insightsFigures } from '../insights/index.js';
import { sharedRequestFigureSource } from './index.js';
import { buildAgreement } from './testing.js';

const { db, deps } = withTestDb();
const providers = { sharedRequests: sharedRequestFigureSource };
let P: TestMunicipality;
let R: TestMunicipality;
let X: TestMunicipality;
const people: Record<string, Actor> = {};
const ctx = (a: Actor) => ctxFor(deps, a);
const nameOf = async (m: TestMunicipality) =>
  (await db.unsafeAdmin.selectFrom('municipalities').select('name').where('id', '=', m.id).executeTakeFirstOrThrow()).name;

beforeAll(async () => {
  [P, R, X] = [await buildMunicipality(db), await buildMunicipality(db), await buildMunicipality(db)];
  people.pAdmin = await actorOf('admin', { municipality: P });
  people.pCoordinator = await actorOf('coordinator', { municipality: P });
  people.pSpecialist = await actorOf('specialist', { municipality: P });
  people.rAdmin = await actorOf('admin', { municipality: R });
  people.rDirector = await actorOf('director', { municipality: R });
  people.rCoordinator = await actorOf('coordinator', { municipality: R });
  people.xCoordinator = await actorOf('coordinator', { municipality: X });
  const sides = { provider: P, providerAdmin: people.pAdmin as Actor, receiver: R, receiverAdmin: people.rAdmin as Actor };
  const round = async (agreementId: string) => {
    const c = await buildCase({ municipality: R, deps, director: people.rDirector, status: 'planning' });
    return buildSharedRound(deps, { by: people.rDirector as Actor, caseId: c.id, agreementId, departmentId: P.departmentIds[0] as string });
  };
  const a = await buildAgreement(deps, sides);
  // answered on time
  const onTime = await round(a.id);
  await answerSharedRequest(ctx(people.pSpecialist as Actor), { partyId: onTime.partyId, answer: { kind: 'yes' } });
  // answered after the round's last day: the term had ended the day before the answer
  const late = await round(a.id);
  await answerSharedRequest(ctx(people.pSpecialist as Actor), { partyId: late.partyId, answer: { kind: 'yes' } });
  await db.unsafeAdmin.updateTable('assessment_rounds').set({ term_ends_on: '2026-03-01' }).where('id', '=', late.roundId).execute();
  // a yes by silence is not an answer
  const silence = await round(a.id);
  await db.unsafeAdmin
    .insertInto('assessment_answers')
    .values({
      municipality_id: R.id,
      round_id: silence.roundId,
      party_id: silence.partyId,
      seq: 1,
      kind: 'silence',
      answered_at: new Date(),
      as_of: '2026-03-16',
      answered_by_name: 'Stilzwijgend',
    })
    .execute();
  await db.unsafeAdmin.updateTable('assessment_rounds').set({ closed_at: new Date(), closed_reason: 'termEnded' }).where('id', '=', silence.roundId).execute();
  // still waiting
  await round(a.id);
  // a second agreement, ended with its request still open: returned, so not answered
  const b = await buildAgreement(deps, sides);
  await round(b.id);
  await endSharingAgreement(ctx(people.pAdmin as Actor), { id: b.id });
});

const counts = (requests: number, onTime: number, late: number, silent: number, open: number) => ({ requests, onTime, late, silent, open });

describe('requests to other municipalities in figures', () => {
  it('the receiving municipality: per providing municipality and department', async () => {
    const f = (await insightsFigures(ctx(people.rCoordinator as Actor), {}, providers)).sharedRequests;
    expect(f?.received).toEqual([
      { municipality: await nameOf(P), departmentId: P.departmentIds[0], department: expect.any(String), ...counts(5, 1, 1, 2, 1) },
    ]);
    expect(f?.provided).toEqual([]);
    expect(f?.totals.received).toEqual(counts(5, 1, 1, 2, 1));
  });

  it('the providing municipality: the same for the requests its department was asked, also under the ended agreement', async () => {
    const f = (await insightsFigures(ctx(people.pCoordinator as Actor), {}, providers)).sharedRequests;
    expect(f?.provided).toEqual([
      { municipality: await nameOf(R), departmentId: P.departmentIds[0], department: expect.any(String), ...counts(5, 1, 1, 2, 1) },
    ]);
    expect(f?.received).toEqual([]);
  });

  it('another municipality sees none of it, and a period without rounds counts nothing', async () => {
    const x = (await insightsFigures(ctx(people.xCoordinator as Actor), {}, providers)).sharedRequests;
    expect(x).toEqual({ received: [], provided: [], totals: { received: counts(0, 0, 0, 0, 0), provided: counts(0, 0, 0, 0, 0) } });
    const before = (await insightsFigures(ctx(people.rCoordinator as Actor), { from: '2025-01-01', to: '2025-12-31' }, providers)).sharedRequests;
    expect(before?.received).toEqual([]);
  });
});
