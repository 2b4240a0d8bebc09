// Backup and restore (`regie backup` / `regie restore`) of a PGlite data directory and
// of a PostgreSQL database. See docs/operations.md#backups.
//
// A PGlite database lives inside the process that opened it. A backup therefore opens
// the data directory itself, which takes its lock (lock.ts): while a server holds the
// folder the backup refuses (the server could be midway through a write) instead of
// copying files that are being written. With the lock held nothing changes, so the dump
// is consistent. A restore takes the lock of the target folder too, unpacks the backup
// into a folder beside it, opens it once to prove it is a working database, and only
// then puts it in place: a failed restore leaves the target as it was.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { finished, pipeline } from 'node:stream/promises';
import { createGunzip, createGzip, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { dumpPGlite, openDatabase } from './index.js';
import { lockDataDir } from './lock.js';
import { MIGRATIONS_DIR, migrate, migrationFiles } from './migrate.js';

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
  if (isGzip(source))
    throw new BackupRefused(
      `${source} is een back-up van een PostgreSQL-database; zet die terug met DATABASE_URL.\n${source} is a backup of a PostgreSQL database; restore it with DATABASE_URL set.`,
    );
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

const isGzip = (file: string): boolean => {
  const fd = openSync(file, 'r');
  try {
    const magic = Buffer.alloc(2);
    return readSync(fd, magic, 0, 2, 0) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
};

// ---------------------------------------------------------------------------------
// PostgreSQL: a logical backup written and read by Regie itself, with no tool beside
// Node (docs/operations.md#postgresql-regie-backup-and-regie-restore).
//
// The file is gzip. Its first line is the header (JSON): the format and its version,
// the migrations the database had, when it was made, every table with its columns
// and row count in the order they are restored, the sequences, and the SHA-256 of
// everything after the header. Then, per table, its rows in COPY's text format (one
// row per line: COPY escapes newlines and backslashes inside values) and a line `\.`.
// The header is written as its own gzip member in front of the data, which was
// compressed to a file beside the target while it was read: nothing holds the whole
// database in memory, and the counts and checksum come from the rows written.

export const BACKUP_FORMAT = 'regie-postgres-backup';
export const BACKUP_VERSION = 1;

export interface BackupTable {
  name: string;
  columns: string[];
  rows: number;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** the names in schema_migrations, sorted */
  migrations: string[];
  /** SHA-256 of the migration names, one a line */
  migrationsHash: string;
  /** in foreign-key order: a table comes after every table it refers to */
  tables: BackupTable[];
  /** the next value of every sequence of the public schema */
  sequences: { name: string; next: string }[];
  /** SHA-256 of the data after the header line */
  sha256: string;
}

const NL = Buffer.from('\n');
const END_OF_TABLE = Buffer.from('\\.\n');
const HEADER_MAX_BYTES = 4 * 1024 * 1024;

/** Session settings that make COPY's text the same whichever server or client defaults apply. */
const SESSION_SETTINGS =
  "set client_encoding = 'UTF8'; set datestyle = 'ISO, YMD'; set intervalstyle = 'postgres'; set extra_float_digits = 3; set timezone = 'UTC'";

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
export const hashOfMigrations = (names: readonly string[]) =>
  createHash('sha256')
    .update(names.map((n) => `${n}\n`).join(''))
    .digest('hex');

const corrupt = (file: string, why: string) =>
  new BackupRefused(
    `${file} is geen bruikbare Regie-back-up of is beschadigd (${why}); er is niets veranderd.\n${file} is not a usable Regie backup or is damaged (${why}); nothing was changed.`,
  );

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  // Without a listener a lost connection would end the process instead of failing the query.
  client.on('error', () => {});
  await client.connect();
  await client.query(SESSION_SETTINGS);
  return client;
}

/**
 * The tables of the public schema that hold Regie's data (the catalog's list, not a
 * fixed one), each with its stored columns (not generated ones), in foreign-key order.
 */
async function regieTables(client: pg.Client): Promise<{ name: string; columns: string[] }[]> {
  const cols = await client.query<{ table: string; column: string }>(
    `select c.relname as table, a.attname as column
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition and c.relname <> 'schema_migrations'
      order by c.relname, a.attnum`,
  );
  const columns = new Map<string, string[]>();
  for (const r of cols.rows) columns.set(r.table, [...(columns.get(r.table) ?? []), r.column]);
  const fks = await client.query<{ child: string; parent: string }>(
    `select c.relname as child, p.relname as parent
       from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
       join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = 'public' and c.oid <> p.oid`,
  );
  const parents = new Map<string, Set<string>>([...columns.keys()].map((t) => [t, new Set<string>()]));
  for (const fk of fks.rows) if (columns.has(fk.parent)) parents.get(fk.child)?.add(fk.parent);
  // A table once every table it refers to is placed; ties by name, so the order is stable.
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < parents.size) {
    const open = [...parents.keys()].sort().filter((t) => !placed.has(t));
    // Tables that refer to each other in a circle: the first by name breaks it (its
    // references forward are set aside during a restore, see restorePostgres).
    const next = open.find((t) => [...(parents.get(t) ?? [])].every((p) => placed.has(p))) ?? (open[0] as string);
    ordered.push(next);
    placed.add(next);
  }
  return ordered.map((name) => ({ name, columns: columns.get(name) ?? [] }));
}

/** The sequences of the public schema, with the column each belongs to (identity or serial), if any. */
async function regieSequences(client: pg.Client): Promise<{ name: string; table: string | null; column: string | null }[]> {
  const r = await client.query<{ name: string; table: string | null; column: string | null }>(
    `select s.relname as name, t.relname as table, a.attname as column
       from pg_class s join pg_namespace n on n.oid = s.relnamespace
       left join pg_depend d on d.classid = 'pg_class'::regclass and d.objid = s.oid and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
       left join pg_class t on t.oid = d.refobjid
       left join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
      where n.nspname = 'public' and s.relkind = 'S'
      order by s.relname`,
  );
  return r.rows;
}

async function appliedMigrations(client: pg.Client): Promise<string[] | undefined> {
  const exists = await client.query<{ ok: boolean }>(`select to_regclass('public.schema_migrations') is not null as ok`);
  if (!exists.rows[0]?.ok) return undefined;
  return (await client.query<{ name: string }>('select name from schema_migrations order by name')).rows.map((r) => r.name);
}

const countLines = (chunk: Buffer) => {
  let n = 0;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
  return n;
};

/**
 * Writes a backup of the Regie database at `url` to `file`, from one consistent
 * snapshot (REPEATABLE READ, READ ONLY) while the application goes on writing.
 * Refuses an existing file unless `force`. `afterSnapshot` runs once the snapshot is
 * taken and before any row is read (tests write meanwhile to show the snapshot holds).
 */
export async function backupPostgres(url: string, file: string, opts: { force?: boolean; afterSnapshot?: () => Promise<void> } = {}): Promise<BackupHeader> {
  const target = resolve(file);
  if (existsSync(target) && !opts.force)
    throw new BackupRefused(`${target} bestaat al; kies een andere naam of gebruik --force.\n${target} already exists; choose another name or use --force.`);
  // Under another name first: an interrupted backup never looks like a complete one.
  const partial = `${target}.partial-${process.pid}`;
  const data = `${partial}.data`;
  const client = await connect(url);
  try {
    await client.query('begin isolation level repeatable read, read only');
    // The first statement of the transaction takes the snapshot every later one reads.
    const migrations = await appliedMigrations(client);
    if (!migrations)
      throw new BackupRefused('Deze database heeft geen Regie-gegevens (geen schema_migrations).\nThis database holds no Regie data (no schema_migrations).');
    const tables = await regieTables(client);
    const sequences: BackupHeader['sequences'] = [];
    for (const s of await regieSequences(client)) {
      const r = await client.query<{ next: string }>(
        `select (case when is_called then last_value + 1 else last_value end)::text as next from ${ident(s.name)}`,
      );
      sequences.push({ name: s.name, next: r.rows[0]?.next ?? '1' });
    }
    await opts.afterSnapshot?.();

    const hash = createHash('sha256');
    const written: BackupTable[] = [];
    await pipeline(
      async function* () {
        for (const t of tables) {
          const cols = t.columns.map(ident).join(', ');
          let rows = 0;
          for await (const chunk of client.query(copyTo(`copy (select ${cols} from ${ident(t.name)}) to stdout`)) as AsyncIterable<Buffer>) {
            rows += countLines(chunk);
            hash.update(chunk);
            yield chunk;
          }
          hash.update(END_OF_TABLE);
          yield END_OF_TABLE;
          written.push({ ...t, rows });
        }
      },
      createGzip(),
      createWriteStream(data),
    );
    await client.query('commit');

    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      migrations,
      migrationsHash: hashOfMigrations(migrations),
      tables: written,
      sequences,
      sha256: hash.digest('hex'),
    };
    writeFileSync(partial, gzipSync(`${JSON.stringify(header)}\n`));
    await pipeline(createReadStream(data), createWriteStream(partial, { flags: 'a' }));
    const fd = openSync(partial, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, target);
    return header;
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    rmSync(data, { force: true });
    await client.end().catch(() => {});
  }
}

/** Lines of a byte stream, without their newline; a last line without one is answered with `complete: false`. */
class Lines {
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  constructor(private readonly source: AsyncIterator<Buffer>) {}

  async next(max = Number.POSITIVE_INFINITY): Promise<{ line: Buffer; complete: boolean } | null> {
    for (;;) {
      const nl = this.buf.indexOf(10, this.pos);
      if (nl !== -1) {
        const line = this.buf.subarray(this.pos, nl);
        this.pos = nl + 1;
        return { line, complete: true };
      }
      if (this.buf.length - this.pos > max) throw new Error('line too long');
      const r = await this.source.next();
      if (r.done) {
        if (this.pos >= this.buf.length) return null;
        const line = this.buf.subarray(this.pos);
        this.pos = this.buf.length;
        return { line, complete: false };
      }
      this.buf = this.pos < this.buf.length ? Buffer.concat([this.buf.subarray(this.pos), r.value]) : r.value;
      this.pos = 0;
    }
  }
}

function parseHeader(file: string, line: Buffer): BackupHeader {
  let h: BackupHeader;
  try {
    h = JSON.parse(line.toString('utf8'));
  } catch {
    throw corrupt(file, 'geen kop / no header');
  }
  if (h?.format !== BACKUP_FORMAT) throw corrupt(file, 'geen kop / no header');
  if (h.version !== BACKUP_VERSION)
    throw new BackupRefused(
      `${file} heeft versie ${h.version} van het back-upformaat; deze Regie kent versie ${BACKUP_VERSION}.\n${file} is format version ${h.version}; this Regie reads version ${BACKUP_VERSION}.`,
    );
  const names = (a: unknown) => Array.isArray(a) && a.every((x) => typeof x === 'string');
  const ok =
    names(h.migrations) &&
    h.migrationsHash === hashOfMigrations(h.migrations) &&
    Array.isArray(h.tables) &&
    h.tables.every((t) => typeof t?.name === 'string' && names(t.columns) && Number.isSafeInteger(t.rows) && t.rows >= 0) &&
    Array.isArray(h.sequences) &&
    h.sequences.every((s) => typeof s?.name === 'string' && typeof s.next === 'string' && /^-?\d+$/.test(s.next)) &&
    typeof h.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(h.sha256);
  if (!ok) throw corrupt(file, 'kop onvolledig / header incomplete');
  return h;
}

/**
 * Reads the backup in `file` from start to end: the header, then each table's rows,
 * handed to `perTable` (which must read them all), checking each table's row count
 * and, at the end, the checksum. Any damage ends in BackupRefused.
 */
async function readBackup(file: string, perTable: (t: BackupTable, rows: AsyncIterable<Buffer>) => Promise<void>): Promise<BackupHeader> {
  let header: BackupHeader | undefined;
  // What the reader of the rows throws (the database refusing a row) is not damage to the file.
  const fromReader = new Set<unknown>();
  const fromFile = new Set<unknown>();
  try {
    await pipeline(createReadStream(file), createGunzip(), async (source: AsyncIterable<Buffer>) => {
      const lines = new Lines(source[Symbol.asyncIterator]());
      const first = await lines.next(HEADER_MAX_BYTES).catch(() => null);
      if (!first?.complete) throw corrupt(file, 'geen kop / no header');
      const h = parseHeader(file, first.line);
      header = h;
      const hash = createHash('sha256');
      for (const t of h.tables) {
        let rows = 0;
        async function* tableRows() {
          for (;;) {
            const next = await lines.next().catch((err) => {
              fromFile.add(err);
              throw err;
            });
            if (!next?.complete) throw corrupt(file, `houdt op in tabel ${t.name} / ends in table ${t.name}`);
            if (next.line.length === 2 && next.line[0] === 0x5c && next.line[1] === 0x2e) {
              hash.update(END_OF_TABLE);
              return;
            }
            hash.update(next.line).update(NL);
            rows++;
            yield next.line;
          }
        }
        await perTable(t, tableRows()).catch((err) => {
          if (!(err instanceof BackupRefused) && !fromFile.has(err)) fromReader.add(err);
          throw err;
        });
        if (rows !== t.rows) throw corrupt(file, `${t.name}: ${rows} rijen, kop zegt ${t.rows} / ${rows} rows, header says ${t.rows}`);
      }
      if ((await lines.next()) !== null) throw corrupt(file, 'gegevens na het einde / data after the end');
      if (hash.digest('hex') !== h.sha256) throw corrupt(file, 'controlegetal klopt niet / checksum mismatch');
    });
  } catch (err) {
    if (err instanceof BackupRefused || fromReader.has(err)) throw err;
    // zlib (not gzip, truncated, bad CRC) or a read error
    throw corrupt(file, err instanceof Error ? err.message : String(err));
  }
  if (!header) throw corrupt(file, 'geen kop / no header');
  return header;
}

/** Checks the whole backup (header, every table's row count, checksum) without touching any database; answers its header. */
export async function verifyBackup(file: string): Promise<BackupHeader> {
  return readBackup(resolve(file), async (_t, rows) => {
    for await (const _ of rows);
  });
}

/** The tables among `tables` that hold at least one row. */
/**
 * The comment that marks a table of reference data: rows the migrations write themselves,
 * the same in every installation (db/migrations/032_reference_data.sql). A freshly
 * migrated, empty database has them, so they never count as "Regie data" in the way of a
 * restore; the restore replaces them with the backup's rows.
 */
export const REFERENCE_DATA = 'regie:reference-data';

async function referenceTables(client: pg.Client): Promise<Set<string>> {
  const r = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and obj_description(c.oid, 'pg_class') = $1`,
    [REFERENCE_DATA],
  );
  return new Set(r.rows.map((x) => x.name));
}

async function tablesWithRows(client: pg.Client, tables: string[]): Promise<string[]> {
  if (!tables.length) return [];
  const r = await client.query<{ name: string }>(
    tables.map((t, i) => `select $${i + 1}::text as name where exists (select 1 from ${ident(t)})`).join(' union all '),
    tables,
  );
  return r.rows.map((x) => x.name);
}

/**
 * Restores a backup made by `backupPostgres` into the database at `url`, connected as
 * its owner (like `regie migrate`). Checks the whole file first; refuses a backup with
 * migrations this Regie does not have, a database further migrated than the backup,
 * and one that holds Regie data unless `force` (which empties Regie's tables first).
 * Brings the database to exactly the backup's migrations, then loads every table,
 * sets every sequence past the restored ids and checks the row counts, in one
 * transaction: any failure leaves the database as it was.
 */
export async function restorePostgres(
  file: string,
  url: string,
  opts: { force?: boolean; migrationsDir?: string } = {},
): Promise<{ tables: BackupTable[]; rows: number }> {
  const source = resolve(file);
  if (!existsSync(source)) throw new BackupRefused(`${source} bestaat niet.\n${source} does not exist.`);
  const header = await verifyBackup(source);
  const dir = opts.migrationsDir ?? MIGRATIONS_DIR;
  const known = migrationFiles(dir);
  const unknown = header.migrations.filter((m) => !known.includes(m));
  if (unknown.length)
    throw new BackupRefused(
      `Deze back-up komt van een nieuwere Regie: migratie(s) ${unknown.join(', ')} kent deze versie niet. Zet hem terug met een Regie die ze wel heeft; er is niets veranderd.\n` +
        `This backup comes from a newer Regie: this version does not know migration(s) ${unknown.join(', ')}. Restore it with a Regie that has them; nothing was changed.`,
    );

  const client = await connect(url);
  try {
    const applied = (await appliedMigrations(client)) ?? [];
    const beyond = applied.filter((m) => !header.migrations.includes(m));
    if (beyond.length)
      throw new BackupRefused(
        `De database is verder bijgewerkt dan de back-up (migratie(s) ${beyond.join(', ')}); zet de back-up terug in een nieuwe, lege database.\n` +
          `The database has migrations the backup lacks (${beyond.join(', ')}); restore into a new, empty database.`,
      );
    const refuseFilled = (filled: string[]) => {
      if (filled.length && !opts.force)
        throw new BackupRefused(
          `De database bevat al Regie-gegevens (${filled.join(', ')}); zet de back-up terug in een lege database, of overschrijf alles met --force.\n` +
            `The database already holds Regie data (${filled.join(', ')}); restore into an empty database, or overwrite everything with --force.`,
        );
    };
    if (applied.length) {
      const reference = await referenceTables(client);
      refuseFilled(
        await tablesWithRows(
          client,
          (await regieTables(client)).map((t) => t.name).filter((t) => !reference.has(t)),
        ),
      );
    }

    // Exactly the backup's migrations: its rows fit those tables. A server started on
    // the restored database applies the newer ones, as after any upgrade.
    const db = await openDatabase({ url, poolSize: 1 });
    try {
      await migrate(db, dir, header.migrations);
    } finally {
      await db.close();
    }

    await client.query('begin');
    try {
      const tables = await regieTables(client);
      const shape = (ts: { name: string; columns: string[] }[]) => JSON.stringify(ts.map((t) => `${t.name}(${[...t.columns].sort().join(',')})`).sort());
      if (shape(tables) !== shape(header.tables))
        throw new BackupRefused(
          'De tabellen van de database verschillen van die in de back-up, bij dezelfde migraties; er is niets veranderd.\nThe database’s tables differ from the backup’s at the same migrations; nothing was changed.',
        );
      const names = tables.map((t) => ident(t.name)).join(', ');
      // Nobody writes while the restore runs; the emptiness is checked again under the lock.
      await client.query(`lock table ${names} in access exclusive mode`);
      const reference = await referenceTables(client);
      refuseFilled(
        await tablesWithRows(
          client,
          tables.map((t) => t.name).filter((t) => !reference.has(t)),
        ),
      );
      // The rows are restored as they were: triggers (e.g. access_log's append-only
      // guard, docs/product.md#inzage-in-persoonsgegevens-wordt-gelogd) stay off
      // until the end of the load; foreign keys are checked as ever.
      const withTriggers = (
        await client.query<{ name: string }>(
          `select distinct c.relname as name from pg_trigger g join pg_class c on c.oid = g.tgrelid join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'public' and not g.tgisinternal and c.relname <> 'schema_migrations'`,
        )
      ).rows.map((r) => r.name);
      for (const t of withTriggers) await client.query(`alter table ${ident(t)} disable trigger user`);
      if (opts.force) await client.query(`truncate table ${names}`);
      // Reference data the migrations just wrote makes way for the backup's own rows.
      else for (const t of reference) await client.query(`delete from ${ident(t)}`);
      // Tables are loaded in foreign-key order. A reference to a table loaded later (tables
      // that refer to each other in a circle) or to its own table is set aside during the
      // load and added back after it, which checks every row against it.
      const position = new Map(header.tables.map((t, i) => [t.name, i]));
      const forward = (
        await client.query<{ name: string; table: string; parent: string; def: string }>(
          `select k.conname as name, c.relname as table, p.relname as parent, pg_get_constraintdef(k.oid) as def
             from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
             join pg_namespace n on n.oid = c.relnamespace
            where k.contype = 'f' and n.nspname = 'public'
            order by c.relname, k.conname`,
        )
      ).rows.filter((k) => (position.get(k.parent) ?? -1) >= (position.get(k.table) ?? -1));
      for (const k of forward) await client.query(`alter table ${ident(k.table)} drop constraint ${ident(k.name)}`);

      const loaded = await readBackup(source, async (t, rows) => {
        const copy = client.query(copyFrom(`copy ${ident(t.name)} (${t.columns.map(ident).join(', ')}) from stdin`));
        const done = finished(copy);
        done.catch(() => {}); // awaited below; the first failure is the one that counts
        let batch: Buffer[] = [];
        let size = 0;
        const flush = async () => {
          if (!size) return;
          const more = copy.write(Buffer.concat(batch, size));
          batch = [];
          size = 0;
          if (!more) await Promise.race([once(copy, 'drain'), done]);
        };
        for await (const line of rows) {
          batch.push(line, NL);
          size += line.length + 1;
          if (size >= 1 << 16) await flush();
        }
        await flush();
        copy.end();
        await done;
      });
      if (JSON.stringify(loaded) !== JSON.stringify(header)) throw corrupt(source, 'veranderd tijdens het terugzetten / changed during the restore');

      for (const t of header.tables) {
        const r = await client.query<{ n: string }>(`select count(*)::text as n from ${ident(t.name)}`);
        if (Number(r.rows[0]?.n) !== t.rows)
          throw new Error(
            `${t.name}: ${r.rows[0]?.n} rijen teruggezet, de back-up heeft er ${t.rows}.\n${t.name}: ${r.rows[0]?.n} rows restored, the backup has ${t.rows}.`,
          );
      }
      // Every sequence continues after the highest restored id, and never below where it was.
      const saved = new Map(header.sequences.map((s) => [s.name, s.next]));
      for (const s of await regieSequences(client)) {
        const max = s.table && s.column ? `(select max(${ident(s.column)}) + 1 from ${ident(s.table)})` : 'null::bigint';
        await client.query(
          `select setval($1::regclass, greatest(${max}, $2::bigint, (select min_value from pg_sequences where schemaname = 'public' and sequencename = $3)), false)`,
          [ident(s.name), saved.get(s.name) ?? null, s.name],
        );
      }
      for (const k of forward) await client.query(`alter table ${ident(k.table)} add constraint ${ident(k.name)} ${k.def}`);
      for (const t of withTriggers) await client.query(`alter table ${ident(t)} enable trigger user`);
      await client.query('commit');
    } catch (err) {
      await client.query('rollback').catch(() => {});
      if (err instanceof BackupRefused) throw err;
      const why = err instanceof Error ? err.message : String(err);
      throw new Error(
        `Terugzetten mislukt; alles is teruggedraaid, de database is zoals hij was (${why}).\nRestore failed; everything was rolled back, the database is as it was (${why}).`,
        { cause: err },
      );
    }
    return { tables: header.tables, rows: header.tables.reduce((n, t) => n + t.rows, 0) };
  } finally {
    await client.end().catch(() => {});
  }
}
