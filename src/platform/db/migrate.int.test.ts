// migrate() from scratch on the engine under test. Every other test file starts
// from a copy of a database migrated once per run (src/testing/prepared-db.ts), so
// this is where running the migrations themselves is tested.
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENGINE, testPgUrl } from '../../testing/factories.js';
import { createDatabase } from '../../testing/pg-cluster.js';
import { type Db, openDatabase } from './index.js';
import { MIGRATIONS_DIR, migrate } from './migrate.js';

let db: Db;
beforeAll(async () => {
  db =
    TEST_ENGINE === 'postgres'
      ? await openDatabase({ url: await createDatabase(testPgUrl(), `regie_m_${randomBytes(6).toString('hex')}`), poolSize: 2 })
      : await openDatabase({});
});
afterAll(async () => {
  await db?.close();
});

const files = readdirSync(MIGRATIONS_DIR)
  .filter((f) => /^\d+_.*\.sql$/.test(f))
  .sort();

describe('migrate', () => {
  it('applies every migration in order to an empty database, then nothing more', async () => {
    expect(files.length).toBeGreaterThan(0);
    expect(await migrate(db)).toEqual(files);
    const recorded = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(db.unsafeAdmin);
    expect(recorded.rows.map((r) => r.name)).toEqual(files);
    expect(await migrate(db)).toEqual([]);
  });

  it('leaves a schema the application runs on: tables, the app role and row-level security', async () => {
    await migrate(db);
    const m = await db.unsafeAdmin
      .insertInto('municipalities')
      .values({ slug: 'migratie', name: 'Gemeente Migratie', case_prefix: 'MIG', plan_term_days: 42, extra_holidays: [] })
      .returning('id')
      .executeTakeFirstOrThrow();
    const seen = await db.tenant(m.id, (trx) => trx.selectFrom('municipalities').select('slug').execute());
    expect(seen.map((r) => r.slug)).toEqual(['migratie']);
    const rls = await sql<{ n: number }>`select count(*)::int as n from pg_class where relname = 'cases' and relrowsecurity`.execute(db.unsafeAdmin);
    expect(rls.rows[0]?.n).toBe(1);
  });

  it('two migrators starting at once on a fresh database both succeed and apply each migration once', async () => {
    // Two processes starting together: on PostgreSQL two pools of their own on a new
    // database; PGlite has one process, so there two runs share its connection.
    const fresh = TEST_ENGINE === 'postgres' ? await createDatabase(testPgUrl(), `regie_m2_${randomBytes(6).toString('hex')}`) : undefined;
    const a = fresh ? await openDatabase({ url: fresh, poolSize: 2 }) : await openDatabase({});
    const b = fresh ? await openDatabase({ url: fresh, poolSize: 2 }) : a;
    try {
      const [first, second] = await Promise.all([migrate(a), migrate(b)]);
      expect([...first, ...second].sort()).toEqual(files);
      expect(first.filter((f) => second.includes(f))).toEqual([]);
      const recorded = await sql<{ name: string; n: number }>`select name, count(*)::int as n from schema_migrations group by name order by name`.execute(
        a.unsafeAdmin,
      );
      expect(recorded.rows).toEqual(files.map((name) => ({ name, n: 1 })));
      expect(await migrate(b)).toEqual([]);
    } finally {
      await a.close();
      if (b !== a) await b.close();
    }
  });
});
