// Nothing half-written (docs/product.md#nothing-half-written) when opening a round, on a real database
// (PGlite and PostgreSQL): a request that fails on a later party leaves no round, no
// party, no link token, no event and no mail behind, and the next round still gets
// number 1. Called as the use-case, without the HTTP schema in front of it.
import { beforeAll, describe, expect, it } from 'vitest';
import { withTestDb } from '../../testing/db.js';
import { ctxFor, refusal } from '../../testing/factories.js';
import { type OpenRound, openAssessmentRound } from './service.js';
import { type AssessmentWorld, assessmentWorld } from './testing.js';

const { db } = withTestDb();
let w: AssessmentWorld;
beforeAll(async () => {
  w = await assessmentWorld(db);
});

/** Row counts of everything opening a round writes, for this municipality. */
async function rows() {
  const n = async (table: 'assessment_rounds' | 'assessment_parties' | 'events' | 'outbox', tokensOnly = false) => {
    let q = db.unsafeAdmin
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .where('municipality_id', '=', w.m.id);
    if (tokensOnly) q = q.where('link_token_hash' as never, 'is not', null);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  return {
    rounds: await n('assessment_rounds'),
    parties: await n('assessment_parties'),
    tokens: await n('assessment_parties', true),
    events: await n('events'),
    mails: await n('outbox'),
  };
}

describe('opening a round writes everything or nothing', () => {
  const outside = [
    { name: 'Buurvereniging Haven', email: 'buren@example.nl' },
    { name: 'Omwonende', email: 'omwonende@example.nl' },
  ];
  it.each<[string, (o: OpenRound) => OpenRound, string]>([
    [
      'the second outside party has a bad e-mail address',
      (o) => ({ ...o, outsideParties: [outside[0], { ...outside[1], email: 'geen-adres' }] }) as OpenRound,
      'outsideParties.1.email',
    ],
    ['an unknown department is listed last', (o) => ({ ...o, departmentIds: [...o.departmentIds, '00000000-0000-4000-8000-000000000000'] }), 'departmentIds'],
    ['a department id that is no id at all is listed last', (o) => ({ ...o, departmentIds: [...o.departmentIds, 'ruimte'] }), 'departmentIds.2'],
    // The database refuses a name over 200 characters, but only after the round row: checked first.
    [
      'the second outside party’s name is too long for the register',
      (o) => ({ ...o, outsideParties: [outside[0], { ...outside[1], name: 'x'.repeat(201) }] }) as OpenRound,
      'outsideParties.1.name',
    ],
    ['the term is longer than 60 working days', (o) => ({ ...o, termWorkingDays: 61 }), 'termWorkingDays'],
  ])('%s: 400 naming the field, nothing written', async (_label, change, field) => {
    const caseId = await w.newCase();
    const base: OpenRound = {
      caseId,
      proposal: 'Autospuiterij in de loods aan de Havenweg 12',
      departmentIds: [w.m.departmentIds[0] as string, w.m.departmentIds[1] as string],
      outsideParties: outside,
    };
    const before = await rows();
    expect(await refusal(openAssessmentRound(ctxFor(w.deps, w.director), change(base)))).toMatchObject({ status: 400, fields: [field] });
    expect(await rows()).toEqual(before);
    // The same request without the mistake opens round 1: no number was used up.
    const r = await openAssessmentRound(ctxFor(w.deps, w.director), base);
    expect(r.number).toBe(1);
    expect(await rows()).toMatchObject({ rounds: before.rounds + 1, parties: before.parties + 4, tokens: before.tokens + 2 });
  });
});
