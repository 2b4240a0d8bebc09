// The provider's list of shared requests reads only what it lists
// (docs/product.md#another-municipalitys-department-in-a-round; docs/performance.md,
// "Beoordeling met een andere gemeente"): among many cases, rounds and parties of other
// municipalities, the plan of the list's query as the provider's session runs it
// (regie_app under row-level security; the case through its minimum view) scans none
// of those tables whole. PostgreSQL only: PGlite runs everything as one superuser.
import { CompiledQuery, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/index.js';
import { withTestDb } from '../../testing/db.js';
import { actorOf, buildCase, buildMunicipality, ctxFor, type TestMunicipality } from '../../testing/factories.js';
import { agreementsInForceAsProvider } from '../intermunicipal/index.js';
import { buildAgreement } from '../intermunicipal/testing.js';
import { sharedCasesQuery, sharedPartiesQuery, sharedRequests } from './shared.js';
import { buildSharedRound } from './testing.js';

const { db, deps } = withTestDb();

/** cases (each with a round and a party of its own department) of each other municipality */
const CASES_ELSEWHERE = 4000;
const SHARED = 4;

let P: TestMunicipality; // provides
let R: TestMunicipality; // receives
let X: TestMunicipality; // no agreement
let specialist: Actor;
const sharedCases: string[] = [];

/** Many cases of `m`, each with an open round asking one of its own departments, written directly. */
async function manyCases(m: TestMunicipality, by: string, n: number) {
  const k = db.unsafeAdmin;
  await sql`insert into cases (municipality_id, reference, title, description, location, status)
    select ${m.id}::uuid, 'VOL-' || g, 'Zaak ' || g, 'Een verbouwing', 'Dorpsstraat ' || g, 'planning'
      from generate_series(1, ${n}::int) g`.execute(k);
  await sql`insert into assessment_rounds (municipality_id, case_id, number, proposal, opened_on, term_working_days, term_ends_on, opened_by, opened_at)
    select c.municipality_id, c.id, 1, 'Een verbouwing', '2026-03-02', 10, '2026-03-16', ${by}::uuid, now()
      from cases c where c.municipality_id = ${m.id}::uuid and c.reference like 'VOL-%'`.execute(k);
  await sql`insert into assessment_parties (municipality_id, round_id, kind, department_id, name)
    select r.municipality_id, r.id, 'department', ${m.departmentIds[0]}::uuid, 'Ruimtelijke ordening'
      from assessment_rounds r join cases c on c.id = r.case_id
     where r.municipality_id = ${m.id}::uuid and c.reference like 'VOL-%'`.execute(k);
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}
/** Every node of the plan, depth first. */
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

beforeAll(async () => {
  [P, R, X] = [await buildMunicipality(db), await buildMunicipality(db), await buildMunicipality(db)];
  const [pAdmin, rAdmin, rDirector, xDirector] = [
    await actorOf('admin', { municipality: P }),
    await actorOf('admin', { municipality: R }),
    await actorOf('director', { municipality: R }),
    await actorOf('director', { municipality: X }),
  ];
  specialist = await actorOf('specialist', { municipality: P });
  const agreement = await buildAgreement(deps, { provider: P, providerAdmin: pAdmin, receiver: R, receiverAdmin: rAdmin });
  for (let i = 0; i < SHARED; i++) {
    const c = await buildCase({ municipality: R, deps, director: rDirector, status: 'planning', title: `Evenement ${i}` });
    await buildSharedRound(deps, { by: rDirector, caseId: c.id, agreementId: agreement.id, departmentId: P.departmentIds[0] as string });
    sharedCases.push(c.id);
  }
  await manyCases(R, rDirector.userId, CASES_ELSEWHERE);
  await manyCases(X, xDirector.userId, CASES_ELSEWHERE);
  await sql`analyze cases`.execute(db.unsafeAdmin);
  await sql`analyze assessment_rounds`.execute(db.unsafeAdmin);
  await sql`analyze assessment_parties`.execute(db.unsafeAdmin);
  await sql`analyze sharing_agreements`.execute(db.unsafeAdmin);
}, 120_000);

describe('the list of shared requests at scale', () => {
  it('lists exactly the shared requests', async () => {
    const list = await sharedRequests(ctxFor(deps, specialist));
    expect(list).toHaveLength(SHARED);
  });

  it('the plans of its queries, as the provider’s session runs them, scan no table of the whole installation', async () => {
    const ctx = ctxFor(deps, specialist);
    const plans = await db.tenant(P.id, async (trx) => {
      const explain = async (q: CompiledQuery) =>
        (await trx.executeQuery<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(CompiledQuery.raw(`explain (analyze, format json) ${q.sql}`, [...q.parameters])))
          .rows[0]?.['QUERY PLAN'][0].Plan as PlanNode;
      const agreements = await agreementsInForceAsProvider(trx, P.id, '2026-03-02');
      expect(agreements).toHaveLength(1);
      const parties = await sharedPartiesQuery(trx, ctx, agreements).execute();
      expect(parties.map((p) => p.case_id).sort()).toEqual([...sharedCases].sort());
      expect((await sharedCasesQuery(trx, sharedCases).execute()).map((c) => c.id).sort()).toEqual([...sharedCases].sort());
      return [await explain(sharedPartiesQuery(trx, ctx, agreements).compile()), await explain(sharedCasesQuery(trx, sharedCases).compile())];
    });
    const seqScans = plans
      .flatMap(nodes)
      .filter((n) => n['Node Type'] === 'Seq Scan')
      .map((n) => n['Relation Name']);
    expect(seqScans).not.toContain('cases');
    expect(seqScans).not.toContain('assessment_parties');
    expect(seqScans).not.toContain('assessment_rounds');
  });
});
