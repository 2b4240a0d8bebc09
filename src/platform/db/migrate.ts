// Plain-SQL migrations from db/migrations, applied in file-name order, each in its
// own transaction, recorded in schema_migrations.
//
// Several processes may start at once on one empty database (docs/architecture.md,
// "Several processes"): the whole run, from creating schema_migrations to the last
// migration, holds a session-level advisory lock on one connection. A second
// migrator waits for the first, then finds everything applied.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { PROJECT_ROOT } from '../paths.js';
import type { Db } from './index.js';

export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'db/migrations');

/** The advisory lock key of migrating (any fixed number no other lock uses). */
export const MIGRATION_LOCK = 4711;

/** The migration files in `dir`, in the order they are applied. */
export function migrationFiles(dir = MIGRATIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => /^\d+_.*\.sql$/.test(f))
    .sort();
}

/**
 * Applies the migrations in `dir` that are not applied yet; with `only`, just those of
 * that set (a restore brings a database to exactly the migrations of its backup, see
 * docs/operations.md#backups).
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR, only?: readonly string[]): Promise<string[]> {
  const files = migrationFiles(dir).filter((f) => !only || only.includes(f));
  return db.unsafeAdmin.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
    try {
      await sql`create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())`.execute(conn);
      const done = new Set((await sql<{ name: string }>`select name from schema_migrations`.execute(conn)).rows.map((r) => r.name));
      const applied: string[] = [];
      for (const file of files) {
        if (done.has(file)) continue;
        const text = readFileSync(join(dir, file), 'utf8');
        await sql.raw('begin').execute(conn);
        try {
          await sql.raw(text).execute(conn);
          await sql`insert into schema_migrations (name) values (${file})`.execute(conn);
          await sql.raw('commit').execute(conn);
        } catch (err) {
          await sql
            .raw('rollback')
            .execute(conn)
            .catch(() => {}); // the connection may be gone; the error that matters is err
          throw err;
        }
        applied.push(file);
      }
      return applied;
    } finally {
      // A broken connection has lost the lock with its session already.
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn).catch(() => {});
    }
  });
}
