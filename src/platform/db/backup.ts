// Backup and restore of a PGlite data directory (`regie backup` / `regie restore`),
// and the pointer to PostgreSQL's own tools for a PostgreSQL server. See
// docs/operations.md#backups.
//
// A PGlite database lives inside the process that opened it. A backup therefore opens
// the data directory itself, which takes its lock (lock.ts): while a server holds the
// folder the backup refuses (the server could be midway through a write) instead of
// copying files that are being written. With the lock held nothing changes, so the dump
// is consistent. A restore takes the lock of the target folder too, unpacks the backup
// into a folder beside it, opens it once to prove it is a working database, and only
// then puts it in place: a failed restore leaves the target as it was.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { sql } from 'kysely';
import { dumpPGlite, openDatabase } from './index.js';
import { lockDataDir } from './lock.js';

export class BackupRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefused';
  }
}

const isEmptyDir = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

/** Writes a consistent copy of the PGlite database in `pgliteDir` to `file` (a tar archive); answers its size in bytes. */
export async function backupPGlite(pgliteDir: string, file: string, opts: { force?: boolean } = {}): Promise<number> {
  if (isEmptyDir(pgliteDir)) throw new BackupRefused(`Er is geen database in ${pgliteDir} om te back-uppen.\nThere is no database in ${pgliteDir} to back up.`);
  const target = resolve(file);
  if (existsSync(target) && !opts.force)
    throw new BackupRefused(`${target} bestaat al; kies een andere naam of gebruik --force.\n${target} already exists; choose another name or use --force.`);
  // Opening takes the folder's lock: refuses (DataDirInUse) while a server holds it.
  const db = await openDatabase({ dataDir: pgliteDir });
  let tar: Buffer;
  try {
    tar = Buffer.from(await (await dumpPGlite(db)).arrayBuffer());
  } finally {
    await db.close();
  }
  // Under another name first: an interrupted backup never looks like a complete one.
  const partial = `${target}.partial-${process.pid}`;
  writeFileSync(partial, tar);
  renameSync(partial, target);
  return tar.length;
}

/**
 * Restores a backup made by `backupPGlite` into `pgliteDir`. Refuses while a process
 * holds that folder, and when the folder holds a database already unless `force`.
 */
export async function restorePGlite(file: string, pgliteDir: string, opts: { force?: boolean } = {}): Promise<{ municipalities: number }> {
  const source = resolve(file);
  if (!existsSync(source)) throw new BackupRefused(`${source} bestaat niet.\n${source} does not exist.`);
  const target = resolve(pgliteDir);
  mkdirSync(dirname(target), { recursive: true });
  const unlock = lockDataDir(target);
  try {
    if (!isEmptyDir(target) && !opts.force)
      throw new BackupRefused(
        `${target} bevat al een database; herstel in een lege map (DATA_DIR of --data-dir) of overschrijf met --force.\n` +
          `${target} already holds a database; restore into an empty folder (DATA_DIR or --data-dir) or overwrite with --force.`,
      );
    const staging = `${target}.restoring-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    let municipalities: number;
    try {
      const db = await openDatabase({ dataDir: staging, loadDataDir: new Blob([readFileSync(source)]) });
      try {
        // Proves the archive is a Regie database that opens, before it replaces anything.
        const row = await sql<{ n: number }>`select count(*)::int as n from municipalities`.execute(db.unsafeAdmin);
        municipalities = row.rows[0]?.n ?? 0;
      } finally {
        await db.close();
      }
    } catch (err) {
      rmSync(staging, { recursive: true, force: true });
      throw err;
    }
    const replaced = `${target}.replaced-${process.pid}`;
    if (existsSync(target)) renameSync(target, replaced);
    renameSync(staging, target);
    rmSync(replaced, { recursive: true, force: true });
    return { municipalities };
  } finally {
    unlock();
  }
}

/** An executable on PATH (or in `PG_BIN`), for pg_dump. */
export function findTool(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = [env.PG_BIN, ...(env.PATH ?? '').split(delimiter)].filter((d): d is string => !!d);
  for (const dir of dirs) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

export const POSTGRES_BACKUP_HELP =
  'Voor PostgreSQL (DATABASE_URL) maakt en herstelt u back-ups met de gereedschappen van PostgreSQL zelf:\n' +
  '  pg_dump -Fc -f regie.dump "$DATABASE_URL"\n' +
  '  pg_restore --clean --if-exists --no-owner -d "$DATABASE_URL" regie.dump\n' +
  'For PostgreSQL (DATABASE_URL) use PostgreSQL’s own tools (above); see docs/operations.md.';

/** `pg_dump -Fc` of the database at `url` into `file`, when pg_dump is installed. */
export function backupPostgres(url: string, file: string, env: NodeJS.ProcessEnv = process.env): void {
  const pgDump = findTool('pg_dump', env);
  if (!pgDump) throw new BackupRefused(`pg_dump is niet gevonden (PATH, PG_BIN).\npg_dump was not found (PATH, PG_BIN).\n\n${POSTGRES_BACKUP_HELP}`);
  const target = resolve(file);
  const partial = join(dirname(target), `.${process.pid}.partial.dump`);
  const r = spawnSync(pgDump, ['-Fc', '-f', partial, '-d', url], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) {
    rmSync(partial, { force: true });
    throw new Error(`pg_dump mislukt / failed (${r.status ?? r.signal}): ${r.stderr?.trim() ?? r.error?.message ?? ''}`);
  }
  renameSync(partial, target);
}
