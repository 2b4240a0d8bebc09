// One database layer for both engines: PGlite (embedded, data in a folder) and a
// PostgreSQL server (DATABASE_URL) through a pool. Same SQL, same migrations.
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { AppError } from '../../kernel/errors.js';
import { lockDataDir } from './lock.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { Database } from './schema.js';

export { readUnlessUnwritten } from './unwritten.js';

export type Tx = Transaction<Database>;
export type Queryable = Kysely<Database> | Tx;

export interface Db {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Privileged handle, outside row-level security: migrations, seeding, the outbox
   * worker and the few look-ups that must cross tenants (login, session). Every use
   * is in a function named `unsafe…`.
   */
  readonly unsafeAdmin: Kysely<Database>;
  /**
   * One transaction for one use-case, as role `regie_app` with the municipality set:
   * row-level security hides every other municipality's rows.
   */
  tenant<T>(municipalityId: string, fn: (trx: Tx) => Promise<T>): Promise<T>;
  /** A privileged transaction (no tenant scope). */
  unsafeTransaction<T>(fn: (trx: Tx) => Promise<T>): Promise<T>;
  /**
   * PGlite only: a mark that moves whenever anything may have been written to the
   * database since it was last read (the end of the write-ahead log, which no read
   * moves). PGlite runs one statement at a time in this one process, so a transaction
   * begun after the mark was read sees every write the mark stands for: while the mark
   * is the same, nothing was written and a value read from the database then is still
   * the value now. Absent on PostgreSQL, where a commit is in the log a moment before
   * other sessions see it, and other processes write too. Throws when called inside a
   * transaction of the same database, whose connection it would wait for forever.
   */
  readonly writeMark?: () => Promise<string>;
  close(): Promise<void>;
}

const INT8 = 20;
const DATE = 1082;
const DATE_ARRAY = 1182;
const parseDateArray = (v: string): string[] => (v === '{}' ? [] : v.slice(1, -1).split(','));

export interface OpenOptions {
  /** postgres://… for a server; otherwise PGlite. */
  url?: string;
  /**
   * PGlite data directory; omitted means in memory (tests). One process at a time:
   * opening a directory that another process holds throws DataDirInUse.
   */
  dataDir?: string;
  /** PGlite: start from this dump of a data directory (see `dumpPGlite`) instead of an empty one. */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Db> {
  if (opts.url) return openPostgres(opts.url, opts.poolSize ?? 10);
  return openPGlite(opts.dataDir, opts.loadDataDir);
}

const pglites = new WeakMap<Db, PGlite>();
/** The innermost PGlite transaction under way in an async context, and whether it still is (Db.writeMark). */
const openTransactions = new AsyncLocalStorage<{ db: Db; open: boolean }>();

/** A PGlite database's data directory as a tarball, to open copies of it with `loadDataDir`. */
export async function dumpPGlite(db: Db): Promise<Blob> {
  const pglite = pglites.get(db);
  if (!pglite) throw new Error('dumpPGlite: not a PGlite database');
  return pglite.dumpDataDir('none');
}

async function openPGlite(dataDir?: string, loadDataDir?: Blob): Promise<Db> {
  let unlock = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      dataDir,
      loadDataDir,
      extensions: { pg_trgm, btree_gin },
      parsers: {
        [INT8]: (v: string) => Number(v),
        [DATE]: (v: string) => v,
        [DATE_ARRAY]: parseDateArray,
      },
    });
  } catch (err) {
    unlock();
    throw err;
  }
  const inner = wrap('pglite', new Kysely<Database>({ dialect: new PGliteDialect(pglite) }));
  // The transactions of this database under way in the current async context: PGlite's
  // one connection is theirs until they end, so the write mark must not be read there.
  const inTransaction = <T>(fn: (trx: Tx) => Promise<T>) => {
    return async (trx: Tx) => {
      const open = { db: inner, open: true };
      try {
        return await openTransactions.run(open, () => fn(trx));
      } finally {
        open.open = false;
      }
    };
  };
  const db: Db = {
    ...inner,
    tenant: (municipalityId, fn) => inner.tenant(municipalityId, inTransaction(fn)),
    unsafeTransaction: (fn) => inner.unsafeTransaction(inTransaction(fn)),
    async writeMark() {
      const t = openTransactions.getStore();
      if (t?.open && t.db === inner) throw new Error('writeMark inside a transaction of the same database: it would wait for that transaction forever');
      const r = await sql<{ mark: string }>`select pg_current_wal_insert_lsn()::text as mark`.execute(inner.unsafeAdmin);
      return r.rows[0]?.mark ?? '';
    },
    async close() {
      try {
        await inner.close();
      } finally {
        unlock();
      }
    },
  };
  pglites.set(db, pglite);
  return db;
}

async function openPostgres(url: string, max: number): Promise<Db> {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === INT8) return (v: string) => Number(v);
      if (oid === DATE) return (v: string) => v;
      if (oid === DATE_ARRAY) return parseDateArray;
      return pg.types.getTypeParser(oid, format);
    },
  };
  // A connection attempt that hangs (server overloaded, network gone) must not hold a
  // request forever: give up after a few seconds and answer 503.
  const pool = new pg.Pool({ connectionString: url, max, types: types as pg.CustomTypesConfig, connectionTimeoutMillis: 5000 });
  // An idle client whose connection breaks (the server restarts, the network drops)
  // emits 'error' on the pool; without a listener Node exits. The pool has already
  // discarded that client and opens a new one on the next query, so log and go on.
  // The message names the fault only: never a query, parameters or row contents.
  pool.on('error', (err) => {
    const e = err as Error & { code?: string };
    console.error(`database: idle connection lost (${e.code ?? 'no code'}: ${e.message})`);
  });
  // A connection that breaks while a request holds it (the server stops in the middle of
  // a transaction) emits 'error' on its client, where the pool's listener above is not
  // attached while the client is lent out: without a listener of its own, Node exits.
  // Nothing more to do here: the query in flight fails with the same error (answered 503,
  // see docs/operations.md#postgresql-with-a-standby), and the pool discards the broken client on release.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  return wrap('postgres', new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }));
}

// SQLSTATE classes 08 (connection exception) and 57P (operator intervention: admin
// or crash shutdown, cannot connect now), 25006 (a write on a read-only server: the
// address leads to a standby or a demoted primary during a failover), 53300 (too many
// connections), and the errors of the socket itself.
const UNAVAILABLE_CODES = new Set([
  '25006',
  '53300',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /Client has encountered a connection error and is not queryable/,
  /^timeout exceeded when trying to connect/,
  /^Client was closed and is not queryable/,
  /the database system is (starting up|shutting down|in recovery mode)/,
];

/** Whether `err` says that the database server cannot be reached right now (as opposed to a bad query). */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08') || code.startsWith('57P'))) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => m.test(message))) return true;
    // A connect to a host with several addresses fails with an AggregateError of them all.
    if (e instanceof AggregateError && e.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
  }
  return false;
}

/** The answer while the database cannot be reached: 503, try again shortly. */
export const databaseUnavailable = () => new AppError(503, 'database-unavailable', 'error.databaseUnavailable');

const commitHooks = new WeakMap<Tx, Array<() => void>>();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Run `fn` once the transaction has committed (never if it rolls back). */
export function afterCommit(trx: Tx, fn: () => void): void {
  const hooks = commitHooks.get(trx);
  if (hooks) hooks.push(fn);
  else commitHooks.set(trx, [fn]);
}

async function runTransaction<T>(kysely: Kysely<Database>, fn: (trx: Tx) => Promise<T>): Promise<T> {
  let hooks: Array<() => void> | undefined;
  const result = await kysely.transaction().execute(async (trx) => {
    const out = await fn(trx);
    hooks = commitHooks.get(trx);
    return out;
  });
  for (const hook of hooks ?? []) hook();
  return result;
}

function wrap(kind: Db['kind'], kysely: Kysely<Database>): Db {
  return {
    kind,
    unsafeAdmin: kysely,
    tenant(municipalityId, fn) {
      // BEGIN, the switch to the unprivileged role and the tenant setting travel in
      // one round trip (a parameterless multi-statement query), which matters for the
      // many one-query reads. The id is interpolated, so it must be a plain uuid.
      if (!UUID.test(municipalityId)) return Promise.reject(new Error(`not a municipality id: ${municipalityId}`));
      return kysely.connection().execute(async (conn) => {
        const trx = conn as unknown as Tx;
        await sql.raw(`begin; select set_config('role', 'regie_app', true), set_config('regie.municipality_id', '${municipalityId}', true)`).execute(conn);
        let out: Awaited<ReturnType<typeof fn>>;
        try {
          out = await fn(trx);
          await sql.raw('commit').execute(conn);
        } catch (err) {
          await sql
            .raw('rollback')
            .execute(conn)
            .catch(() => {}); // the connection may be gone; the error that matters is err
          throw err;
        }
        for (const hook of commitHooks.get(trx) ?? []) hook();
        return out;
      });
    },
    unsafeTransaction(fn) {
      return runTransaction(kysely, fn);
    },
    close() {
      return kysely.destroy();
    },
  };
}
