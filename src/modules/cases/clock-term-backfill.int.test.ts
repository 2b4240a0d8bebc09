// Migration 012 on a database that already has cases (docs/product.md#the-plan-clock):
// a case whose clock was running gets the municipality's term as it was when the
// migration ran; a case without a clock gets none.
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../platform/db/index.js';
import { MIGRATIONS_DIR, migrate } from '../../platform/db/migrate.js';
import { TEST_ENGINE, testPgUrl } from '../../testing/factories.js';
import { createDatabase } from '../../testing/pg-cluster.js';

let db: Db;
let before: string;
beforeAll(async () => {
  db =
    TEST_ENGINE === 'postgres'
      ? await openDatabase({ url: await createDatabase(testPgUrl(), `regie_b_${randomBytes(6).toString('hex')}`), poolSize: 2 })
      : await openDatabase({});
  // The migrations before 012, as a database that predates it had them.
  before = mkdtempSync(join(tmpdir(), 'regie-before-012-'));
  for (const f of readdirSync(MIGRATIONS_DIR).filter((f) => /^\d+_.*\.sql$/.test(f) && f < '012')) copyFileSync(join(MIGRATIONS_DIR, f), join(before, f));
});
afterAll(async () => {
  await db?.close();
  if (before) rmSync(before, { recursive: true, force: true });
});

describe('migration 012: the plan clock keeps its term', () => {
  it('backfills the current term for cases whose clock started, and none for others', async () => {
    await migrate(db, before);
    const k = db.unsafeAdmin;
    const m = await k
      .insertInto('municipalities')
      .values({ slug: 'termijn', name: 'Gemeente Termijn', case_prefix: 'TRM', plan_term_days: 45, extra_holidays: [] })
      .returning('id')
      .executeTakeFirstOrThrow();
    const u = await k
      .insertInto('users')
      .values({ municipality_id: m.id, email: 'i@example.nl', name: 'Initiatiefnemer', role: 'initiator' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const base = { municipality_id: m.id, title: 't', description: 'd', location: 'l', initiator_id: u.id };
    await k
      .insertInto('cases')
      .values([
        { ...base, reference: 'TRM-2026-000001', status: 'planning', clock_started_on: '2026-03-02', plan_due_on: '2026-04-16' },
        { ...base, reference: 'TRM-2026-000002', status: 'submitted' },
      ])
      .execute();
    await migrate(db);
    const rows = await k.selectFrom('cases').select(['reference', 'plan_term_days']).where('municipality_id', '=', m.id).orderBy('reference').execute();
    expect(rows).toEqual([
      { reference: 'TRM-2026-000001', plan_term_days: 45 },
      { reference: 'TRM-2026-000002', plan_term_days: null },
    ]);
  });
});
