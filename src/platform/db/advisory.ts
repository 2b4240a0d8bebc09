// Work that only one process at a time may do on a PostgreSQL database (seeding the
// demo at start: docs/architecture.md, "Several processes"). A session-level advisory
// lock on one pooled connection, held while `fn` runs on any connection; a second
// process waits for the first, then sees what it did. PGlite is one process by
// construction (and has one connection, which `fn` needs): there `fn` simply runs.
import { sql } from 'kysely';
import type { Db } from './index.js';

/** Advisory lock keys, one per kind of work (the migrations use theirs in migrate.ts). */
export const DEMO_SEED_LOCK = 4712;

export async function exclusively<T>(db: Db, key: number, fn: () => Promise<T>): Promise<T> {
  if (db.kind === 'pglite') return fn();
  return db.unsafeAdmin.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${key})`.execute(conn);
    try {
      return await fn();
    } finally {
      // A broken connection has lost the lock with its session already.
      await sql`select pg_advisory_unlock(${key})`.execute(conn).catch(() => {});
    }
  });
}
