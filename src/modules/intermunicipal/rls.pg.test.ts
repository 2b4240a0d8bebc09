// Row-level security alone enforces a sharing agreement (docs/architecture.md#across-municipalities):
// these queries go straight to the tables through the providing municipality's tenant
// session, without any of the application's own checks (no municipality filter, no
// agreement look-up). PostgreSQL only: PGlite runs everything as one superuser.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/index.js';
import { withTestDb } from '../../testing/db.js';
import { actorOf, buildCase, buildMunicipality, ctxFor, type TestMunicipality } from '../../testing/factories.js';
import { openAssessmentRound } from '../assessments/index.js';
import { buildSharedRound } from '../assessments/testing.js';
import { createRule } from '../rules/index.js';
import { buildAgreement } from './testing.js';

const { db, deps } = withTestDb();
const INITIATOR = { name: 'Henriëtte Bolwerk', email: 'h.bolwerk@example.nl' };

let P: TestMunicipality; // provides
let R: TestMunicipality; // receives
let X: TestMunicipality; // no agreement
let agreementId: string;
let partyId: string;
let roundId: string;
let caseId: string;
let ownPartyId: string;
let physicalRule: string;
let socialRule: string;

/** Everything of R that `m`'s session can read, table by table, with no filter of its own but R's id. */
async function visibleOfR(m: TestMunicipality) {
  return db.tenant(m.id, async (trx) => ({
    parties: (await trx.selectFrom('assessment_parties').select('id').where('municipality_id', '=', R.id).execute()).map((r) => r.id).sort(),
    rounds: (await trx.selectFrom('assessment_rounds').select('id').where('municipality_id', '=', R.id).execute()).map((r) => r.id),
    answers: (await trx.selectFrom('assessment_answers').select('party_id').where('municipality_id', '=', R.id).execute()).map((r) => r.party_id),
    cases: (await trx.selectFrom('cases').select('id').where('municipality_id', '=', R.id).execute()).map((r) => r.id),
    minimum: await trx.selectFrom('shared_case_minimum').selectAll().where('municipality_id', '=', R.id).execute(),
    users: (await trx.selectFrom('users').select('id').where('municipality_id', '=', R.id).execute()).length,
    rules: (await trx.selectFrom('rules').select('id').where('municipality_id', '=', R.id).execute()).map((r) => r.id).sort(),
    overrules: (await trx.selectFrom('assessment_overrules').select('id').where('municipality_id', '=', R.id).execute()).length,
    events: (await trx.selectFrom('events').select('id').where('municipality_id', '=', R.id).execute()).length,
  }));
}
const nothing = { parties: [], rounds: [], answers: [], cases: [], minimum: [], users: 0, rules: [], overrules: 0, events: 0 };

async function enter(m: TestMunicipality, party: string): Promise<string> {
  try {
    return await db.tenant(
      m.id,
      async (trx) => (await sql<{ m: string }>`select regie_enter_shared_party(${party}::uuid) as m`.execute(trx)).rows[0]?.m as string,
    );
  } catch (e) {
    return `refused: ${(e as Error).message}`;
  }
}

beforeAll(async () => {
  [P, R, X] = [await buildMunicipality(db), await buildMunicipality(db), await buildMunicipality(db)];
  const [pAdmin, rAdmin, rDirector] = [
    await actorOf('admin', { municipality: P }),
    await actorOf('admin', { municipality: R }),
    await actorOf('director', { municipality: R }),
  ];
  await actorOf('specialist', { municipality: P });
  await actorOf('specialist', { municipality: R });
  physicalRule = (
    await createRule(ctxFor(deps, rAdmin), {
      code: 'VB-RLS-1',
      title: 'Geluid',
      legalSource: 'APV 4:2',
      domain: 'physical',
      strict: false,
      validFrom: '2024-01-01',
      validUntil: null,
    })
  ).id;
  socialRule = (
    await createRule(ctxFor(deps, rAdmin), {
      code: 'VB-RLS-2',
      title: 'Zorg',
      legalSource: 'Wmo',
      domain: 'social',
      strict: false,
      validFrom: '2024-01-01',
      validUntil: null,
    })
  ).id;
  const sides = { provider: P, providerAdmin: pAdmin as Actor, receiver: R, receiverAdmin: rAdmin as Actor };
  const proposed = await buildAgreement(deps, sides, { approved: false, ruleDomains: ['physical'] });
  agreementId = proposed.id;
  const c = await buildCase({ municipality: R, deps, director: rDirector, status: 'planning', initiator: INITIATOR });
  caseId = c.id;
  // Approved by both (set directly), so the round can ask P's department; each test below sets the state it needs.
  await db.unsafeAdmin
    .updateTable('sharing_agreements')
    .set({
      state: 'approved',
      provider_approved_by: pAdmin.userId,
      provider_approved_by_name: 'a',
      provider_approved_at: new Date(),
      receiver_approved_by: rAdmin.userId,
      receiver_approved_by_name: 'b',
      receiver_approved_at: new Date(),
    })
    .where('id', '=', agreementId)
    .execute();
  ({ partyId, roundId } = await buildSharedRound(deps, { by: rDirector, caseId, agreementId, departmentId: P.departmentIds[0] as string }));
  // A second round on the same case asks only R's own department: P must never see it.
  const own = await openAssessmentRound(ctxFor(deps, rDirector), {
    caseId,
    proposal: 'Alleen intern',
    departmentIds: [R.departmentIds[0] as string],
    outsideParties: [],
  });
  ownPartyId = (await db.unsafeAdmin.selectFrom('assessment_parties').select('id').where('round_id', '=', own.id).executeTakeFirstOrThrow()).id;
});

const setAgreement = (values: { state?: 'proposed' | 'approved' | 'ended'; valid_until?: string | null; valid_from?: string }) =>
  db.unsafeAdmin
    .updateTable('sharing_agreements')
    .set({ ended_at: values.state === 'ended' ? new Date() : null, ...values })
    .where('id', '=', agreementId)
    .execute();
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
const dayOffset = (n: number) => new Date(Date.now() + n * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });

describe('row-level security alone', () => {
  it('with the agreement in force: exactly the shared party, its round, the minimum of its case and the rules in scope', async () => {
    await setAgreement({ state: 'approved', valid_until: null, valid_from: '2026-01-01' });
    const v = await visibleOfR(P);
    expect(v.parties).toEqual([partyId]);
    expect(v.parties).not.toContain(ownPartyId);
    expect(v.rounds).toEqual([roundId]);
    expect(v.answers).toEqual([]);
    expect(v.cases).toEqual([]); // never the case row itself
    expect(v.minimum.map((c) => c.id)).toEqual([caseId]);
    expect(Object.keys(v.minimum[0] ?? {}).sort()).toEqual(['description', 'id', 'location', 'municipality_id', 'reference', 'status', 'title']);
    expect(JSON.stringify(v.minimum)).not.toContain(INITIATOR.name);
    expect(v.users).toBe(0);
    expect(v.rules).toEqual([physicalRule]);
    expect(v.rules).not.toContain(socialRule);
    expect(v.overrules).toBe(0);
    expect(v.events).toBe(0);
    expect(await enter(P, partyId)).toBe(R.id);
  });

  it('a municipality without an agreement reads nothing and cannot enter', async () => {
    expect(await visibleOfR(X)).toEqual(nothing);
    expect(await enter(X, partyId)).toMatch(/^refused: no agreement in force/);
  });

  it('the provider cannot enter for a party that is not shared', async () => {
    expect(await enter(P, ownPartyId)).toMatch(/^refused/);
  });

  it('the provider cannot write into the receiver’s tables', async () => {
    const err = await db
      .tenant(P.id, (trx) =>
        trx
          .insertInto('assessment_answers')
          .values({
            municipality_id: R.id,
            round_id: roundId,
            party_id: partyId,
            seq: 99,
            kind: 'yes',
            answered_at: new Date(),
            as_of: today(),
            answered_by_name: 'x',
          })
          .execute(),
      )
      .then(
        () => 'written',
        (e: Error) => e.message,
      );
    expect(err).toMatch(/row-level security/);
  });

  it.each([
    ['only proposed', { state: 'proposed' as const }],
    ['ended', { state: 'ended' as const }],
    ['expired yesterday', { state: 'approved' as const, valid_until: dayOffset(-1), valid_from: '2026-01-01' }],
    ['not begun until tomorrow', { state: 'approved' as const, valid_from: dayOffset(1), valid_until: null }],
  ])('%s: nothing, at once, and no entering', async (_label, values) => {
    await setAgreement(values);
    expect(await visibleOfR(P)).toEqual(nothing);
    expect(await enter(P, partyId)).toMatch(/^refused/);
    await setAgreement({ state: 'approved', valid_until: null, valid_from: '2026-01-01' });
    expect((await visibleOfR(P)).parties).toEqual([partyId]);
  });

  // docs/product.md#themes-in-a-sharing-agreement: the application's check is off here;
  // the database alone refuses a case outside the agreement's themes.
  it('a case outside the agreement’s themes: nothing, and no entering; with a theme in scope, the request again', async () => {
    const [inScope, other] = R.themeIds as [string, string];
    const setThemes = (ids: string[]) =>
      db.unsafeAdmin
        .updateTable('sharing_agreements')
        .set({ theme_ids: ids, theme_names: ids.map(() => 'Thema') })
        .where('id', '=', agreementId)
        .execute();
    await setAgreement({ state: 'approved', valid_until: null, valid_from: '2026-01-01' });
    try {
      // The case has no themes: outside a scope that names one.
      await setThemes([inScope]);
      expect(await visibleOfR(P)).toEqual({ ...nothing, rules: [physicalRule] });
      expect(await enter(P, partyId)).toMatch(/^refused: no agreement in force/);
      // A theme outside the scope does not help.
      await db.unsafeAdmin.insertInto('case_themes').values({ municipality_id: R.id, case_id: caseId, theme_id: other }).execute();
      expect((await visibleOfR(P)).parties).toEqual([]);
      expect(await enter(P, partyId)).toMatch(/^refused/);
      // One of its themes in scope: the request, its round and the minimum of its case.
      await db.unsafeAdmin.insertInto('case_themes').values({ municipality_id: R.id, case_id: caseId, theme_id: inScope }).execute();
      const v = await visibleOfR(P);
      expect([v.parties, v.rounds, v.minimum.map((c) => c.id)]).toEqual([[partyId], [roundId], [caseId]]);
      expect(await enter(P, partyId)).toBe(R.id);
    } finally {
      await setThemes([]);
      await db.unsafeAdmin.deleteFrom('case_themes').where('case_id', '=', caseId).execute();
    }
    expect((await visibleOfR(P)).parties).toEqual([partyId]);
  });

  it('each municipality sees only the agreements it is in', async () => {
    const count = (m: TestMunicipality) =>
      db.tenant(m.id, async (trx) => (await trx.selectFrom('sharing_agreements').select('id').where('id', '=', agreementId).execute()).length);
    expect([await count(P), await count(R), await count(X)]).toEqual([1, 1, 0]);
  });
});
