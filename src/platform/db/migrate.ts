// Plain-SQL migrations from db/migrations, applied in file-name order, each in its
// own transaction, recorded in schema_migrations.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { PROJECT_ROOT } from '../paths.js';
import type { Db } from './index.js';

export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'db/migrations');

export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  const k = db.unsafeAdmin;
  await sql`create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())`.execute(k);
  const done = new Set((await sql<{ name: string }>`select name from schema_migrations`.execute(k)).rows.map((r) => r.name));
  const files = readdirSync(dir)
    .filter((f) => /^\d+_.*\.sql$/.test(f))
    .sort();
  const applied: string[] = [];
  for (const file of files) {
    if (done.has(file)) continue;
    const text = readFileSync(join(dir, file), 'utf8');
    await db.unsafeTransaction(async (trx) => {
      // Two sessions migrating one server at once: the advisory lock makes the second wait.
      await sql`select pg_advisory_xact_lock(4711)`.execute(trx);
      const again = await sql`select 1 from schema_migrations where name = ${file}`.execute(trx);
      if (again.rows.length > 0) return;
      await sql.raw(text).execute(trx);
      await sql`insert into schema_migrations (name) values (${file})`.execute(trx);
      applied.push(file);
    });
  }
  return applied;
}
