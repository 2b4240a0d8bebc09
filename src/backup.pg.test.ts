// `regie backup` / `regie restore` on PostgreSQL, written and read in Node
// (docs/operations.md#postgresql-regie-backup-and-regie-restore): a consistent
// snapshot while the application writes, every row back exactly, sequences that
// continue, and refusals that leave the target as it was.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerAsDepartment } from './modules/assessments/index.js';
import {
  type BackupHeader,
  BackupRefused,
  backupPostgres,
  hashOfMigrations,
  REFERENCE_DATA,
  restorePGlite,
  restorePostgres,
  verifyBackup,
} from './platform/db/backup.js';
import { type Db, openDatabase } from './platform/db/index.js';
import { migrationFiles } from './platform/db/migrate.js';
import {
  actorOf,
  buildCase,
  buildCommitment,
  buildMunicipality,
  buildRound,
  buildUser,
  ctxFor,
  type TestMunicipality,
  testDeps,
  testPgUrl,
} from './testing/factories.js';
import { createDatabase } from './testing/pg-cluster.js';
import { preparedTemplate } from './testing/prepared-db.js';
import { regieCommand } from './testing/regie-process.js';

const work = mkdtempSync(join(tmpdir(), 'regie-pgbackup-'));
let template: string;
const opened: Db[] = [];
beforeAll(async () => {
  template = await preparedTemplate(testPgUrl());
});
afterAll(async () => {
  for (const db of opened) await db.close().catch(() => {});
  rmSync(work, { recursive: true, force: true });
});

const file = (name: string) => join(work, `${randomBytes(3).toString('hex')}-${name}`);

/** A new database: empty (no tables at all), or migrated. */
async function newDatabase(kind: 'empty' | 'migrated'): Promise<{ url: string; db: Db }> {
  const url = await createDatabase(testPgUrl(), `regie_bk_${randomBytes(6).toString('hex')}`, kind === 'migrated' ? { template } : {});
  const db = await openDatabase({ url, poolSize: 3 });
  opened.push(db);
  return { url, db };
}

/** A municipality with cases, an answered assessment round (parties and answers refer to each other), a commitment, mail and an access-log row. */
async function fill(db: Db): Promise<TestMunicipality> {
  const deps = testDeps(db);
  const m = await buildMunicipality(db);
  const coordinator = await actorOf('coordinator', { municipality: m });
  const director = await actorOf('director', { municipality: m });
  const c = await buildCase({
    municipality: m,
    deps,
    status: 'intake',
    coordinator,
    director,
    title: 'Een speeltuin — "aanhalingstekens" en \\ schuine streep',
    description: 'Regels\nmet een tab\there en een \\. aan het begin:\n\\.\nklaar',
  });
  await buildCase({ municipality: m, deps });
  const specialist = await buildUser(db, m, { role: 'specialist', departmentId: m.departmentIds[0] });
  const round = await buildRound({ deps, by: director, caseId: c.id, departmentIds: [m.departmentIds[0] as string] });
  await answerAsDepartment(ctxFor(deps, specialist), { partyId: round.departmentPartyIds[0] as string, answer: { kind: 'yes' } });
  await buildCommitment({ deps, by: director, caseId: c.id });
  await db.unsafeAdmin
    .insertInto('access_log')
    .values({ municipality_id: m.id, actor_id: coordinator.userId, actor_role: 'coordinator', kind: 'dossier', case_id: c.id })
    .execute();
  return m;
}

/** Every row of every table of the public schema, as JSON, sorted: what "exactly as it was" compares. */
async function contents(url: string): Promise<Record<string, unknown[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'schema_migrations' order by 1`,
    );
    const out: Record<string, unknown[]> = {};
    for (const { name } of tables.rows) {
      const r = await client.query(`select coalesce(jsonb_agg(x order by x::text), '[]'::jsonb) as rows from (select to_jsonb(t) as x from "${name}" t) s`);
      out[name] = r.rows[0].rows;
    }
    return out;
  } finally {
    await client.end();
  }
}

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

const hasMigrationsTable = async (url: string) =>
  (await query<{ ok: boolean }>(url, `select to_regclass('public.schema_migrations') is not null as ok`))[0]?.ok;
/** The rows of every table but the reference data that the migrations themselves write (REFERENCE_DATA). */
async function rowsInAll(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const reference = await client
    .query<{ name: string }>(`select c.relname as name from pg_class c where obj_description(c.oid, 'pg_class') = $1`, [REFERENCE_DATA])
    .finally(() => client.end());
  const skip = new Set(reference.rows.map((r) => r.name));
  return Object.entries(await contents(url)).reduce((n, [table, rows]) => n + (skip.has(table) ? 0 : rows.length), 0);
}

/** Rewrites a backup as someone or something might have: `edit` changes the header and the data, the checksum is made to fit again. */
function rewrite(source: string, target: string, edit: (h: BackupHeader, data: string) => { header: BackupHeader; data: string }) {
  const text = gunzipSync(readFileSync(source)).toString('utf8');
  const nl = text.indexOf('\n');
  const out = edit(JSON.parse(text.slice(0, nl)), text.slice(nl + 1));
  const header = {
    ...out.header,
    migrationsHash: hashOfMigrations(out.header.migrations),
    sha256: createHash('sha256').update(out.data).digest('hex'),
  };
  writeFileSync(target, gzipSync(`${JSON.stringify(header)}\n${out.data}`));
}

const cli = (url: string, ...args: string[]) =>
  regieCommand({ ...process.env, DATABASE_URL: url, DATA_DIR: join(work, 'unused'), REGIE_DEMO: 'false', LOG_LEVEL: 'warn' }, ...args);

describe('regie backup and regie restore on PostgreSQL', () => {
  it('restores every row of every table exactly, and ids and case references continue after the restored ones', async () => {
    const source = await newDatabase('migrated');
    const m = await fill(source.db);
    const backup = file('exact.gz');
    const header = await backupPostgres(source.url, backup);

    // The header: format, the migrations, per-table counts that match the source.
    expect(header).toMatchObject({ format: 'regie-postgres-backup', version: 1, migrations: migrationFiles() });
    const before = await contents(source.url);
    expect(Object.keys(before).sort()).toEqual(header.tables.map((t) => t.name).sort());
    for (const t of header.tables) expect(t.rows, t.name).toBe(before[t.name]?.length);
    expect(header.tables.find((t) => t.name === 'access_log')?.rows).toBe(1);
    expect((before.assessment_parties as { current_answer_id: string | null }[]).some((p) => p.current_answer_id)).toBe(true);
    // Foreign-key order: a table comes after those it refers to (the circle of parties and answers aside).
    const order = header.tables.map((t) => t.name);
    expect(order.indexOf('municipalities')).toBeLessThan(order.indexOf('users'));
    expect(order.indexOf('cases')).toBeLessThan(order.indexOf('events'));
    // Refuses to overwrite the file without --force; a backup that fails leaves no file, not even a partial one.
    await expect(backupPostgres(source.url, backup)).rejects.toThrow(/--force/);
    const nothing = await newDatabase('empty');
    const failed = file('failed.gz');
    await expect(backupPostgres(nothing.url, failed)).rejects.toThrow(/geen Regie-gegevens/);
    expect(readdirSync(work).filter((f) => f.startsWith(basename(failed)))).toEqual([]);

    const target = await newDatabase('empty');
    const restored = await restorePostgres(backup, target.url);
    expect(restored.rows).toBe(Object.values(before).reduce((n, rows) => n + rows.length, 0));
    expect(await contents(target.url)).toEqual(before);
    expect((await query<{ name: string }>(target.url, 'select name from schema_migrations order by name')).map((r) => r.name)).toEqual(header.migrations);

    // Identity sequences continue: a new case, its events and its mail get new ids and the next reference.
    const lastEvent = Math.max(...(before.events as { id: number }[]).map((e) => e.id));
    const lastMail = Math.max(...(before.outbox as { id: number }[]).map((o) => o.id));
    const restoredM = { ...m, db: target.db };
    const next = await buildCase({ municipality: restoredM, deps: testDeps(target.db) });
    const counter = (before.case_counters as { municipality_id: string; year: number; last_value: number }[]).find((c) => c.municipality_id === m.id);
    expect(next.reference).toBe(`${m.prefix}-${counter?.year}-${String((counter?.last_value ?? 0) + 1).padStart(6, '0')}`);
    const events = await target.db.unsafeAdmin.selectFrom('events').select('id').where('case_id', '=', next.id).execute();
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e.id).toBeGreaterThan(lastEvent);
    const mail = await target.db.unsafeAdmin.selectFrom('outbox').select('id').where('id', '>', lastMail).execute();
    expect(mail.length).toBeGreaterThan(0);
  }, 120_000);

  it('takes one consistent snapshot while the application writes: the header counts are the rows restored', async () => {
    const source = await newDatabase('migrated');
    const m = await fill(source.db);
    const deps = testDeps(source.db);
    const casesAtSnapshot = (await query<{ n: string }>(source.url, 'select count(*) as n from cases'))[0]?.n;
    let writing = true;
    let written = 0;
    let writer: Promise<void> | undefined;
    const backupFile = file('busy.gz');
    const header = await backupPostgres(source.url, backupFile, {
      // Writes go on from the moment the snapshot is taken until the backup is done.
      afterSnapshot: async () => {
        writer = (async () => {
          while (writing) {
            await buildCase({ municipality: m, deps });
            written++;
          }
        })();
        const deadline = Date.now() + 30_000;
        while (written < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      },
    }).finally(() => {
      writing = false;
    });
    await writer;
    expect(written).toBeGreaterThanOrEqual(2);
    const cases = header.tables.find((t) => t.name === 'cases');
    expect(String(cases?.rows)).toBe(casesAtSnapshot);
    expect(Number((await query<{ n: string }>(source.url, 'select count(*) as n from cases'))[0]?.n)).toBe(Number(casesAtSnapshot) + written);

    const target = await newDatabase('empty');
    await restorePostgres(backupFile, target.url);
    const restored = await contents(target.url);
    for (const t of header.tables) expect(restored[t.name]?.length, t.name).toBe(t.rows);
    // One moment: each municipality's counter is its number of cases, every case has its submitted event.
    const counters = await query<{ last_value: number; cases: string }>(
      target.url,
      `select k.last_value, (select count(*) from cases c where c.municipality_id = k.municipality_id) as cases from case_counters k`,
    );
    for (const k of counters) expect(Number(k.cases)).toBe(k.last_value);
    const orphans = await query(
      target.url,
      `select c.id from cases c where not exists (select 1 from events e where e.case_id = c.id and e.type = 'case.submitted')`,
    );
    expect(orphans).toEqual([]);
  }, 180_000);

  it('refuses a database with Regie data (exit code, Dutch message) and with --force replaces it, access log included', async () => {
    const source = await newDatabase('migrated');
    await fill(source.db);
    const backup = file('force.gz');
    await backupPostgres(source.url, backup);
    const expected = await contents(source.url);

    const target = await newDatabase('migrated');
    const other = await fill(target.db);
    const theirs = await contents(target.url);
    const refused = await cli(target.url, 'restore', backup);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('De database bevat al Regie-gegevens');
    expect(refused.stderr).toContain('--force');
    expect(await contents(target.url)).toEqual(theirs);

    const forced = await cli(target.url, 'restore', backup, '--force');
    expect(forced, forced.stderr).toMatchObject({ code: 0 });
    expect(forced.stdout).toContain('teruggezet');
    const now = await contents(target.url);
    expect(now).toEqual(expected);
    expect((now.municipalities as { id: string }[]).map((x) => x.id)).not.toContain(other.id);
    // The append-only guard on the access log is back after the restore.
    await expect(query(target.url, 'delete from access_log')).rejects.toThrow(/append-only/);
  }, 180_000);

  it('refuses a damaged, cut-off or foreign file before touching the database', async () => {
    const source = await newDatabase('migrated');
    await fill(source.db);
    const backup = file('good.gz');
    await backupPostgres(source.url, backup);
    const bytes = readFileSync(backup);

    const damaged = file('damaged.gz');
    const flipped = Buffer.from(bytes);
    for (let i = Math.floor(flipped.length / 2); i < Math.floor(flipped.length / 2) + 16; i++) flipped[i] = (flipped[i] as number) ^ 0xff;
    writeFileSync(damaged, flipped);
    const cut = file('cut.gz');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const foreign = file('foreign.gz');
    writeFileSync(foreign, 'dit is geen back-up\n');

    const target = await newDatabase('empty');
    for (const bad of [damaged, cut, foreign]) {
      await expect(verifyBackup(bad)).rejects.toThrow(BackupRefused);
      await expect(restorePostgres(bad, target.url)).rejects.toThrow(/geen bruikbare Regie-back-up of is beschadigd/);
      expect(await hasMigrationsTable(target.url)).toBe(false);
    }
    // A PostgreSQL backup offered to the PGlite restore is named for what it is.
    await expect(restorePGlite(backup, join(work, 'pglite-target'))).rejects.toThrow(/DATABASE_URL/);
    expect(existsSync(join(work, 'pglite-target'))).toBe(false);
    const viaCli = await cli(target.url, 'restore', damaged);
    expect(viaCli.code).not.toBe(0);
    expect(viaCli.stderr).toContain('beschadigd');
    expect(await hasMigrationsTable(target.url)).toBe(false);
  }, 180_000);

  it('loads in one transaction: a row that fails late leaves an empty target empty, and a replaced one as it was', async () => {
    const source = await newDatabase('migrated');
    await fill(source.db);
    const backup = file('valid.gz');
    const header = await backupPostgres(source.url, backup);
    // The last table with rows gets one of them twice: the checksum fits, the primary key does not.
    const last = [...header.tables].reverse().find((t) => t.rows > 0) as BackupHeader['tables'][number];
    const broken = file('late-duplicate.gz');
    rewrite(backup, broken, (h, data) => {
      const lines = data.split('\n');
      let table = 0;
      let at = -1;
      for (let i = 0; i < lines.length; i++) {
        if (lines[i] === '\\.') table++;
        else if (h.tables[table]?.name === last.name) {
          at = i;
          break;
        }
      }
      lines.splice(at, 0, lines[at] as string);
      return { header: { ...h, tables: h.tables.map((t) => (t.name === last.name ? { ...t, rows: t.rows + 1 } : t)) }, data: lines.join('\n') };
    });
    expect((await verifyBackup(broken)).tables.find((t) => t.name === last.name)?.rows).toBe(last.rows + 1);

    const empty = await newDatabase('empty');
    await expect(restorePostgres(broken, empty.url)).rejects.toThrow(/^Terugzetten mislukt; alles is teruggedraaid.*duplicate key/);
    expect(await rowsInAll(empty.url)).toBe(0);

    const filled = await newDatabase('migrated');
    await fill(filled.db);
    const theirs = await contents(filled.url);
    await expect(restorePostgres(broken, filled.url, { force: true })).rejects.toThrow(/^Terugzetten mislukt; alles is teruggedraaid.*duplicate key/);
    expect(await contents(filled.url)).toEqual(theirs);
  }, 180_000);

  it('refuses a backup with a migration this Regie does not know, and a database further migrated than the backup', async () => {
    const source = await newDatabase('migrated');
    await fill(source.db);
    const backup = file('now.gz');
    await backupPostgres(source.url, backup);

    const future = file('future.gz');
    rewrite(backup, future, (h, data) => ({ header: { ...h, migrations: [...h.migrations, '999_from_the_future.sql'] }, data }));
    const target = await newDatabase('empty');
    const refused = await cli(target.url, 'restore', future);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('999_from_the_future.sql');
    expect(refused.stderr).toContain('nieuwere Regie');
    expect(await hasMigrationsTable(target.url)).toBe(false);

    const older = file('older.gz');
    rewrite(backup, older, (h, data) => ({ header: { ...h, migrations: h.migrations.slice(0, -1) }, data }));
    const migrated = await newDatabase('migrated');
    await expect(restorePostgres(older, migrated.url)).rejects.toThrow(/verder bijgewerkt dan de back-up/);
    expect(await rowsInAll(migrated.url)).toBe(0);

    // A file that says it has other migrations than its header's hash: damaged.
    const text = gunzipSync(readFileSync(backup)).toString('utf8');
    const nl = text.indexOf('\n');
    const h = JSON.parse(text.slice(0, nl)) as BackupHeader;
    const mismatched = file('mismatched.gz');
    writeFileSync(mismatched, gzipSync(`${JSON.stringify({ ...h, migrations: h.migrations.slice(1) })}\n${text.slice(nl + 1)}`));
    await expect(verifyBackup(mismatched)).rejects.toThrow(/beschadigd/);
    expect(existsSync(backup)).toBe(true);
  }, 180_000);
});
