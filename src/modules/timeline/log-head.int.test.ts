// The head of a municipality's event log (eventLogHead, the version of figures derived
// from its changes: docs/product.md#management-information) is read down
// events_municipality, whatever the other municipalities wrote after it: never a walk
// back along the primary key past their events. On both engines, after ANALYZE, with
// one municipality's events (a tenth of the log) all older than another's: the shape
// in which a plain max(id) walked the primary key (the planner expects a match every
// ten rows and finds the first after 50,000).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/index.js';
import { buildMunicipality, type TestMunicipality, testDatabase } from '../../testing/factories.js';
import { eventLogHead } from './index.js';

let db: Db;
let quiet: TestMunicipality;
let busy: TestMunicipality;
let silent: TestMunicipality;

beforeAll(async () => {
  db = await testDatabase();
  [quiet, busy, silent] = [await buildMunicipality(db), await buildMunicipality(db), await buildMunicipality(db)];
  const k = db.unsafeAdmin;
  // the quiet municipality's events spread thinly among many others' …
  await sql`insert into events (municipality_id, type)
    select case when i % 10 = 0 then ${quiet.id}::uuid else ${silent.id}::uuid end, 'test.old' from generate_series(1, 50000) i`.execute(k);
  await sql`delete from events where municipality_id = ${silent.id}`.execute(k);
  // … then only another's
  await sql`insert into events (municipality_id, type) select ${busy.id}::uuid, 'test.new' from generate_series(1, 50000)`.execute(k);
  await sql`analyze events`.execute(k);
});

afterAll(async () => {
  await db?.close();
});

const head = (m: TestMunicipality) =>
  db.tenant(m.id, async (trx) => (await sql<{ v: string | null }>`select ${eventLogHead(m.id)} as v`.execute(trx)).rows[0]?.v ?? null);

describe('the head of a municipality’s event log', () => {
  it('is its newest event, and nothing for a municipality without events', async () => {
    const newest = async (m: TestMunicipality) =>
      (await sql<{ v: string | null }>`select max(id)::text as v from events where municipality_id = ${m.id}`.execute(db.unsafeAdmin)).rows[0]?.v ?? null;
    expect(String(await head(quiet))).toBe(await newest(quiet));
    expect(String(await head(busy))).toBe(await newest(busy));
    expect(await head(silent)).toBeNull();
  });

  it('is read down events_municipality, not back along the primary key past the newer events of others', async () => {
    const plan = await db.tenant(quiet.id, async (trx) => {
      const r = await sql<Record<string, unknown>>`explain (analyze, format json) select ${eventLogHead(quiet.id)} as v`.execute(trx);
      return JSON.stringify(r.rows);
    });
    expect(plan).toContain('events_municipality');
    expect(plan).not.toContain('events_pkey');
    // one index entry read, not the 50,000 newer events of the other municipality
    expect(plan).not.toMatch(/"Rows Removed by Filter": [1-9]/);
  });
});
