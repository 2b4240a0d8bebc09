// Identity ids can commit out of order: a transaction that took event id n may commit
// after one that took n + 1. The rollup must count both (docs/product.md#management-information):
// it reads a queue row per event, visible when the event's transaction commits, not a
// "last id" watermark that would already be past n. PostgreSQL only: PGlite has one
// connection, so two transactions never overlap.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/index.js';
import type { Tx } from '../../platform/db/index.js';
import { withTestDb } from '../../testing/db.js';
import { actorOf, type BuiltCase, buildCase, buildMunicipality, ctxFor, type TestMunicipality } from '../../testing/factories.js';
import { recordEvent } from '../timeline/index.js';
import { applyInsightQueue, rebuildInsights } from './index.js';

const { db, deps } = withTestDb();
let m: TestMunicipality;
let director: Actor;
let first: BuiltCase;
let second: BuiltCase;

beforeAll(async () => {
  m = await buildMunicipality(db);
  director = await actorOf('director', { municipality: m });
  first = await buildCase({ municipality: m, deps, director, status: 'planning' });
  second = await buildCase({ municipality: m, deps, director, status: 'planning' });
  await applyInsightQueue(deps);
});

/** A finished suspension of a case and its event, in the caller's transaction. */
async function suspend(trx: Tx, caseId: string) {
  await trx
    .insertInto('suspensions')
    .values({ municipality_id: m.id, case_id: caseId, started_on: '2026-03-02', ended_on: '2026-03-04', reason: 'Wacht', started_by: director.userId })
    .execute();
  await recordEvent(trx, ctxFor(deps, director), {
    caseId,
    visibility: 'internal',
    event: { type: 'clock.suspended', payload: { since: '2026-03-02', reason: 'Wacht' } },
  });
  const r = await sql<{ id: string }>`select max(id)::text as id from events where case_id = ${caseId}`.execute(trx);
  return BigInt(r.rows[0]?.id as string);
}

const suspensions = async () =>
  (
    await sql<{ n: number }>`select coalesce(sum(value), 0)::int as n from insight_counts where municipality_id = ${m.id} and metric = 'suspended'`.execute(
      db.unsafeAdmin,
    )
  ).rows[0]?.n;

describe('an event that commits after a later one', () => {
  it('is counted all the same', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let firstId!: bigint;
    let took!: () => void;
    const tookId = new Promise<void>((r) => {
      took = r;
    });
    // The first transaction takes the lower event id and stays open.
    const slow = db.tenant(m.id, async (trx) => {
      firstId = await suspend(trx, first.id);
      took();
      await held;
    });
    await tookId;
    // The second takes the higher id and commits first.
    const secondId = await db.tenant(m.id, (trx) => suspend(trx, second.id));
    expect(secondId).toBeGreaterThan(firstId);

    // The job runs between the two commits: it sees only the second.
    await applyInsightQueue(deps);
    expect(await suspensions()).toBe(1);

    release();
    await slow;
    // The lower id, committed later, is counted by the next run.
    await applyInsightQueue(deps);
    expect(await suspensions()).toBe(2);

    // And the rollup equals a full rebuild.
    await rebuildInsights(db, { municipalityId: m.id });
    expect(await suspensions()).toBe(2);
  });

  it('two jobs running at once apply every queued row once', async () => {
    for (const c of [first, second]) await db.tenant(m.id, (trx) => suspend(trx, c.id));
    const [a, b] = await Promise.all([applyInsightQueue(deps), applyInsightQueue(deps)]);
    expect(a + b).toBe(2);
    expect(await suspensions()).toBe(4);
  });
});
