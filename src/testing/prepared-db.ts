// Migrations once per test run, not once per test file. The first caller migrates
// one database; every test database after that starts as a copy of it:
// - PostgreSQL: a template database in the cluster, copied with CREATE DATABASE … TEMPLATE;
// - PGlite: a dump of a migrated data directory, cached on disk and loaded with `loadDataDir`.
// Both are named after a hash of db/migrations/*.sql, so a changed or added
// migration is never served from a stale copy. migrate() itself stays tested from
// scratch by src/platform/db/migrate.int.test.ts and the `regie migrate` test.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { dumpPGlite, openDatabase } from '../platform/db/index.js';
import { MIGRATIONS_DIR, migrate } from '../platform/db/migrate.js';
import { createDatabase } from './pg-cluster.js';

const ROOT = join(MIGRATIONS_DIR, '..', '..');
const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'regie-test');

/** A short hash of every migration file (name and content) in `dir`, plus `extra`. */
export function migrationsHash(extra = '', dir = MIGRATIONS_DIR): string {
  const h = createHash('sha256');
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    h.update(`${file}\0`)
      .update(readFileSync(join(dir, file)))
      .update('\0');
  }
  return h.update(extra).digest('hex').slice(0, 16);
}

/** A data directory written by one PGlite version need not load in another. */
function pgliteVersion(): string {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

/** The dump of a migrated PGlite data directory: read from the cache, or made and cached. */
export async function preparedPGlite(): Promise<Blob> {
  const name = `pglite-${migrationsHash(pgliteVersion())}.tar`;
  const file = join(CACHE_DIR, name);
  if (!existsSync(file)) {
    const db = await openDatabase({});
    try {
      await migrate(db);
      const dump = Buffer.from(await (await dumpPGlite(db)).arrayBuffer());
      mkdirSync(CACHE_DIR, { recursive: true });
      // Write aside, then rename: a parallel reader sees the whole file or none.
      const tmp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}`;
      writeFileSync(tmp, dump);
      renameSync(tmp, file);
    } finally {
      await db.close();
    }
    // Dumps of earlier migrations are of no further use.
    for (const old of readdirSync(CACHE_DIR)) if (/^pglite-[0-9a-f]+\.tar$/.test(old) && old !== name) rmSync(join(CACHE_DIR, old), { force: true });
  }
  return new Blob([readFileSync(file)]);
}

const READY = 'regie: migrated template';

/** The name of a migrated template database in the cluster behind `adminUrl`; made on first use. */
export async function preparedTemplate(adminUrl: string): Promise<string> {
  const name = `regie_template_${migrationsHash()}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // Parallel workers: one builds the template, the others wait for it.
    await client.query('select pg_advisory_lock(4713)');
    const found = await client.query("select shobj_description(oid, 'pg_database') as note from pg_database where datname = $1", [name]);
    if (found.rows[0]?.note !== READY) {
      // Marked ready only when complete: a run stopped halfway leaves no template
      // that looks migrated.
      await client.query(`drop database if exists "${name}" with (force)`);
      const db = await openDatabase({ url: await createDatabase(adminUrl, name), poolSize: 1 });
      try {
        await migrate(db);
      } finally {
        await db.close();
      }
      await client.query(`comment on database "${name}" is '${READY}'`);
    }
  } finally {
    await client.end(); // also releases the advisory lock
  }
  return name;
}
