// Row-level security alone admits a partner municipality to a collaboration
// (docs/product.md#a-partner-municipality-reads-a-collaboration): these queries go
// straight to the tables through the partner's tenant session, without the
// application's own checks. PostgreSQL only: PGlite runs everything as one superuser.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/index.js';
import { withTestDb } from '../../testing/db.js';
import { actorOf, buildCase, buildMunicipality, type TestMunicipality } from '../../testing/factories.js';
import { collaborationWithPartner } from './testing.js';

const { db, deps } = withTestDb();
let A: TestMunicipality; // owns it
let B: TestMunicipality; // a party of it
let C: TestMunicipality; // not a party
let c: Awaited<ReturnType<typeof collaborationWithPartner>>;
let other: Awaited<ReturnType<typeof collaborationWithPartner>>;
let reader: Actor; // B's director

/** Everything of A that `m`'s session reads, table by table, with no filter but A's id. */
async function visibleOfA(m: TestMunicipality) {
  return db.tenant(m.id, async (trx) => {
    const ids = async (
      table: 'collaborations' | 'collaboration_targets' | 'collaboration_readings' | 'collaboration_parties' | 'collaboration_contributions',
    ) => (await trx.selectFrom(table).select('id').where('municipality_id', '=', A.id).execute()).length;
    return {
      collaborations: (await trx.selectFrom('collaborations').select('id').where('municipality_id', '=', A.id).execute()).map((r) => r.id),
      targets: await ids('collaboration_targets'),
      readings: await ids('collaboration_readings'),
      parties: await ids('collaboration_parties'),
      contributions: await ids('collaboration_contributions'),
      agreements: (await trx.selectFrom('collaboration_agreements').select('commitment_id').where('municipality_id', '=', A.id).execute()).map(
        (r) => r.commitment_id,
      ),
      commitments: (await trx.selectFrom('commitments').select('id').where('municipality_id', '=', A.id).execute()).map((r) => r.id),
      cases: (await trx.selectFrom('collaboration_cases').select('case_id').where('municipality_id', '=', A.id).execute()).length,
      themes: (await trx.selectFrom('collaboration_themes').select('theme_id').where('municipality_id', '=', A.id).execute()).length,
      events: (await trx.selectFrom('collaboration_events').select('id').where('municipality_id', '=', A.id).execute()).length,
      phases: (await trx.selectFrom('collaboration_phases').select('id').where('municipality_id', '=', A.id).execute()).length,
      users: (await trx.selectFrom('users').select('id').where('municipality_id', '=', A.id).execute()).length,
      caseRows: (await trx.selectFrom('cases').select('id').where('municipality_id', '=', A.id).execute()).length,
    };
  });
}

beforeAll(async () => {
  [A, B, C] = [await buildMunicipality(db), await buildMunicipality(db), await buildMunicipality(db)];
  const director = await actorOf('director', { municipality: A });
  reader = await actorOf('director', { municipality: B });
  const k = await buildCase({ municipality: A, deps });
  c = await collaborationWithPartner(deps, director as Actor, B, { caseIds: [k.id] });
  // A second collaboration of A with C as the partner: B must never see it.
  other = await collaborationWithPartner(deps, director as Actor, C);
});

describe('row-level security alone', () => {
  it('the partner reads exactly its collaboration’s sheet and the agreements by or to it', async () => {
    const v = await visibleOfA(B);
    expect(v.collaborations).toEqual([c.id]);
    expect([v.targets, v.readings, v.parties, v.contributions]).toEqual([1, 1, 2, 1]);
    expect(v.agreements).toEqual([c.byPartner]);
    expect(v.commitments).toEqual([c.byPartner]);
    expect([v.cases, v.themes, v.events, v.phases, v.users, v.caseRows]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('each partner only its own; a municipality that is no party reads nothing of A', async () => {
    expect((await visibleOfA(C)).collaborations).toEqual([other.id]);
    const none = await buildMunicipality(db);
    const v = await visibleOfA(none);
    expect(v).toEqual({
      collaborations: [],
      targets: 0,
      readings: 0,
      parties: 0,
      contributions: 0,
      agreements: [],
      commitments: [],
      cases: 0,
      themes: 0,
      events: 0,
      phases: 0,
      users: 0,
      caseRows: 0,
    });
  });

  it('the partner cannot change the collaboration', async () => {
    const n = await db.tenant(B.id, async (trx) =>
      Number((await trx.updateTable('collaborations').set({ name: 'Overgenomen' }).where('id', '=', c.id).executeTakeFirst()).numUpdatedRows),
    );
    expect(n).toBe(0);
    const row = await db.unsafeAdmin.selectFrom('collaborations').select('name').where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row.name).toBe('Regionale energiestrategie');
  });

  it('the partner writes the owner’s access-log row only for a collaboration it is a party of', async () => {
    const write = (collaborationId: string) =>
      db
        .tenant(B.id, (trx) =>
          trx
            .insertInto('access_log')
            .values({
              municipality_id: A.id,
              counterpart_municipality_id: B.id,
              collaboration_id: collaborationId,
              actor_id: reader.userId,
              actor_role: 'director',
              kind: 'crossMunicipality',
              created_at: new Date(),
            })
            .execute(),
        )
        .then(
          () => 'written',
          (e: Error) => e.message,
        );
    expect(await write(c.id)).toBe('written');
    expect(await write(other.id)).toMatch(/row-level security/);
  });
});
