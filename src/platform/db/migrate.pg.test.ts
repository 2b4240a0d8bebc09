// The migration lock on PostgreSQL, where several processes can migrate one database
// at once (docs/architecture.md, Several processes). PGlite is one process by construction.
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testPgUrl } from '../../testing/factories.js';
import { createDatabase } from '../../testing/pg-cluster.js';
import { openDatabase } from './index.js';
import { MIGRATION_LOCK, MIGRATIONS_DIR, migrate } from './migrate.js';

const files = readdirSync(MIGRATIONS_DIR)
  .filter((f) => /^\d+_.*\.sql$/.test(f))
  .sort();

describe('migrate under the migration lock', () => {
  it('waits for the migration lock before it touches anything, schema_migrations included', async () => {
    const fresh = await createDatabase(testPgUrl(), `regie_m3_${randomBytes(6).toString('hex')}`);
    const holder = await openDatabase({ url: fresh, poolSize: 1 });
    const waiter = await openDatabase({ url: fresh, poolSize: 1 });
    try {
      await holder.unsafeAdmin.connection().execute(async (conn) => {
        await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
        const running = migrate(waiter);
        // Until the migrator is seen waiting for the lock (polled, with a deadline).
        const deadline = Date.now() + 20_000;
        for (;;) {
          const w = await sql<{
            n: number;
          }>`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted and objid = ${MIGRATION_LOCK}`.execute(conn);
          if (w.rows[0]?.n === 1) break;
          if (Date.now() > deadline) throw new Error('the migrator never waited for the lock');
          await new Promise((r) => setTimeout(r, 20));
        }
        const table = await sql<{ t: string | null }>`select to_regclass('schema_migrations')::text as t`.execute(conn);
        expect(table.rows[0]?.t).toBeNull();
        await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
        expect(await running).toEqual(files);
      });
    } finally {
      await holder.close();
      await waiter.close();
    }
  });
});
