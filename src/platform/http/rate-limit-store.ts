// The per-route request limits (`config: { rateLimit: … }` on a route) counted in the
// database instead of in each process's memory, so that every Regie process on one
// database counts together (docs/architecture.md, "Several processes"). A store as
// @fastify/rate-limit documents it: a class constructed with the plugin's options,
// `child(routeOptions)` per limited route, `incr(key, cb, timeWindow, max)` per request.
//
// One row per route and client key in `rate_limits` (db/migrations/008_processes.sql),
// a fixed window: the first request after the window ended starts a new one. One
// statement per request, atomic across processes. Old windows are deleted in passing,
// at most once a minute per process.
//
// A database error never becomes a 500: the request is refused with 503 (try again
// shortly), the answer the server gives whenever the database cannot be reached. A
// limit that cannot be counted is not waived.
//
// An embedded database (PGlite) is opened by one process only, so there every server on
// it counts in that process's memory (rateLimitStoreFor): the same fixed windows per
// route and client, on the machine's clock as the database's would be, without a write
// per request. A restart starts every window anew.
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql } from 'kysely';
import { type Db, databaseUnavailable } from '../db/index.js';

type Callback = (err: Error | null, result?: { current: number; ttl: number }) => void;

interface RouteOptions {
  timeWindow?: unknown;
  routeInfo?: { method?: string | string[]; url?: string };
}

export interface RateLimitStore {
  incr(key: string, cb: Callback, timeWindow?: number): void;
  child(routeOptions: RouteOptions): RateLimitStore;
}

const SWEEP_EVERY_MS = 60_000;

/**
 * Count one request under `key` in a window of `windowMs`: the count so far and the ms
 * left in the window. The database's clock decides, the one clock all processes share.
 */
export async function countRequest(db: Db, key: string, windowMs: number): Promise<{ current: number; ttl: number }> {
  const row = await sql<{ hits: number; ttl: number }>`
    insert into rate_limits as r (key, hits, resets_at) values (${key}, 1, now() + make_interval(secs => ${windowMs / 1000}))
    on conflict (key) do update set
      hits = case when r.resets_at <= now() then 1 else r.hits + 1 end,
      resets_at = case when r.resets_at <= now() then excluded.resets_at else r.resets_at end
    returning hits, (extract(epoch from resets_at - now()) * 1000)::float8 as ttl`.execute(db.unsafeAdmin);
  const r = row.rows[0];
  if (!r) throw new Error('rate_limits: no row returned');
  return { current: Number(r.hits), ttl: Math.max(0, Math.round(Number(r.ttl))) };
}

/**
 * The store class for `@fastify/rate-limit`'s `store` option, counting with `count`
 * (the key: the route's method and URL, then the plugin's client key).
 */
function storeClass(
  count: (key: string, windowMs: number) => Promise<{ current: number; ttl: number }>,
  log: (message: string, err: unknown) => void,
  afterCount: () => void = () => {},
): FastifyRateLimitStoreCtor {
  class Store implements RateLimitStore {
    private readonly prefix: string;
    private readonly windowMs: number;
    /** As the plugin constructs it: with its options (the global limit, unused here). */
    constructor(options?: RouteOptions, prefix = '') {
      this.prefix = prefix;
      this.windowMs = typeof options?.timeWindow === 'number' ? options.timeWindow : 60_000;
    }
    /** The plugin passes the route's window (and its max) after the callback. */
    incr(key: string, cb: Callback, timeWindow?: number) {
      count(`${this.prefix}${key}`, timeWindow ?? this.windowMs).then(
        (res) => {
          cb(null, res);
          afterCount();
        },
        (err) => {
          log('rate limits: counting failed', err);
          cb(databaseUnavailable());
        },
      );
    }
    child(routeOptions: RouteOptions) {
      const method = [routeOptions.routeInfo?.method ?? ''].flat().join(',');
      return new Store(routeOptions, `${method} ${routeOptions.routeInfo?.url ?? ''}|`);
    }
  }
  // The plugin's declared types leave out what it passes at run time (the route's
  // merged options with routeInfo; the window after the callback).
  return Store as unknown as FastifyRateLimitStoreCtor;
}

/** The store class for `@fastify/rate-limit`'s `store` option: the counts in the database's `rate_limits`. */
export function databaseRateLimitStore(db: Db, log: (message: string, err: unknown) => void = (m, e) => console.error(m, e)): FastifyRateLimitStoreCtor {
  const sweep = { last: 0 };
  const sweepOld = () => {
    if (Date.now() - sweep.last < SWEEP_EVERY_MS) return;
    sweep.last = Date.now();
    sql`delete from rate_limits where resets_at < now()`.execute(db.unsafeAdmin).catch((err) => log('rate limits: deleting ended windows failed', err));
  };
  return storeClass((key, windowMs) => countRequest(db, key, windowMs), log, sweepOld);
}

/** A window of the counts in memory: the requests so far and when it ends (ms since the epoch). */
interface Window {
  hits: number;
  resetsAt: number;
}

/** The counts in memory, per embedded database: every server on one database shares them. */
const memoryCounts = new WeakMap<Db, Map<string, Window>>();

/**
 * Count one request under `key` in memory, as countRequest does in the database: a
 * fixed window of `windowMs` from the first request after the last one ended.
 */
export function countInMemory(counts: Map<string, Window>, key: string, windowMs: number, now: number): { current: number; ttl: number } {
  let w = counts.get(key);
  if (!w || w.resetsAt <= now) {
    w = { hits: 0, resetsAt: now + windowMs };
    counts.set(key, w);
  }
  w.hits += 1;
  return { current: w.hits, ttl: w.resetsAt - now };
}

function sweepMemory(counts: Map<string, Window>, now: number) {
  for (const [key, w] of counts) if (w.resetsAt <= now) counts.delete(key);
}

/**
 * The store class for an embedded database: the counts in this process's memory, on
 * the machine's clock (as the database's `now()`, not the server's clock, which tests
 * set). Ended windows are deleted in passing, at most once a minute.
 */
export function memoryRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  const table = memoryCounts.get(db) ?? new Map<string, Window>();
  memoryCounts.set(db, table);
  const sweep = { last: 0 };
  return storeClass(
    async (key, windowMs) => {
      const at = Date.now();
      if (at - sweep.last >= SWEEP_EVERY_MS) {
        sweep.last = at;
        sweepMemory(table, at);
      }
      return countInMemory(table, key, windowMs, at);
    },
    () => {},
  );
}

/**
 * Where a server counts its per-route limits: in PostgreSQL's `rate_limits`, shared by
 * every process on the database; on an embedded database, which one process holds, in
 * that process's memory.
 */
export function rateLimitStoreFor(db: Db, log: (message: string, err: unknown) => void): FastifyRateLimitStoreCtor {
  return db.kind === 'pglite' ? memoryRateLimitStore(db) : databaseRateLimitStore(db, log);
}
