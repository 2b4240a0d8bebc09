// The per-route request limits: two servers on one database count together, a window
// that has ended starts again. On PostgreSQL they are counted in the database, and a
// database error while counting is a 503 (never a 500, never a request let through
// uncounted); on PGlite, which one process holds, in its memory, without a write.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTestDb } from '../../testing/db.js';
import { TEST_ENGINE } from '../../testing/factories.js';
import { countInMemory } from './rate-limit-store.js';
import { type App, buildServer } from './server.js';

const { db, deps } = withTestDb();
const MAX = 3;

const server = () =>
  buildServer(deps, {
    authenticate: async () => null,
    register: (app) => {
      app.get('/api/v1/probe', { config: { rateLimit: { max: MAX, timeWindow: '1 minute' } } }, async () => ({ ok: true }));
      app.get('/api/v1/other', { config: { rateLimit: { max: MAX, timeWindow: '1 minute' } } }, async () => ({ ok: true }));
    },
  });

let a: App;
let b: App;
beforeAll(async () => {
  a = await server();
  b = await server();
  await Promise.all([a.ready(), b.ready()]);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

const get = (app: App, url: string, from: string) => app.inject({ method: 'GET', url, remoteAddress: from });

describe('rate limits', () => {
  it('counts the requests of one client on two servers together, per route', async () => {
    const codes: number[] = [];
    for (let i = 0; i < MAX + 1; i++) codes.push((await get(i % 2 ? b : a, '/api/v1/probe', '192.0.2.1')).statusCode);
    expect(codes).toEqual([...Array(MAX).fill(200), 429]);
    const refused = await get(a, '/api/v1/probe', '192.0.2.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another route and another client have counts of their own.
    expect((await get(b, '/api/v1/other', '192.0.2.1')).statusCode).toBe(200);
    expect((await get(b, '/api/v1/probe', '192.0.2.2')).statusCode).toBe(200);
  });
});

// One engine per run (REGIE_TEST_DB): the other engine's tests are not registered, so none is reported as skipped.
if (TEST_ENGINE === 'postgres') {
  describe('in PostgreSQL', () => {
    it('starts a new window once the old one has ended', async () => {
      for (let i = 0; i < MAX; i++) expect((await get(a, '/api/v1/probe', '192.0.2.3')).statusCode).toBe(200);
      expect((await get(b, '/api/v1/probe', '192.0.2.3')).statusCode).toBe(429);
      // The window ends (as a minute later).
      await sql`update rate_limits set resets_at = now() - interval '1 second' where key like '%192.0.2.3%'`.execute(db.unsafeAdmin);
      expect((await get(b, '/api/v1/probe', '192.0.2.3')).statusCode).toBe(200);
      const row = await sql<{ hits: number }>`select hits from rate_limits where key like '%192.0.2.3%'`.execute(db.unsafeAdmin);
      expect(row.rows.map((r) => r.hits)).toEqual([1]);
    });

    it('answers 503 problem+json when the counter cannot be written, and counts again afterwards', async () => {
      await sql`alter table rate_limits rename to rate_limits_away`.execute(db.unsafeAdmin);
      try {
        const res = await get(a, '/api/v1/probe', '192.0.2.4');
        expect(res.statusCode).toBe(503);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json()).toMatchObject({ status: 503, type: expect.stringContaining('database-unavailable') });
      } finally {
        await sql`alter table rate_limits_away rename to rate_limits`.execute(db.unsafeAdmin);
      }
      expect((await get(a, '/api/v1/probe', '192.0.2.4')).statusCode).toBe(200);
    });
  });
} else {
  describe('on PGlite', () => {
    it('counts in memory: a refused request and the ones before it write nothing to the database', async () => {
      if (!db.writeMark) throw new Error('PGlite has a write mark');
      const before = await db.writeMark();
      for (let i = 0; i < MAX; i++) expect((await get(a, '/api/v1/probe', '192.0.2.5')).statusCode).toBe(200);
      expect((await get(b, '/api/v1/probe', '192.0.2.5')).statusCode).toBe(429);
      expect(await db.writeMark()).toBe(before);
      const rows = await sql<{ n: number }>`select count(*)::int as n from rate_limits`.execute(db.unsafeAdmin);
      expect(rows.rows[0]?.n).toBe(0);
    });
  });
}

describe('a window counted in memory', () => {
  it('counts up within its length and starts again once it has ended', () => {
    const counts = new Map();
    const t0 = Date.parse('2026-01-05T09:00:00Z');
    expect(countInMemory(counts, 'k', 60_000, t0)).toEqual({ current: 1, ttl: 60_000 });
    expect(countInMemory(counts, 'k', 60_000, t0 + 59_999)).toEqual({ current: 2, ttl: 1 });
    expect(countInMemory(counts, 'other', 60_000, t0 + 59_999)).toEqual({ current: 1, ttl: 60_000 });
    // The first request after the window ended starts a new one.
    expect(countInMemory(counts, 'k', 60_000, t0 + 60_000)).toEqual({ current: 1, ttl: 60_000 });
    expect(countInMemory(counts, 'k', 60_000, t0 + 60_001)).toEqual({ current: 2, ttl: 59_999 });
  });
});
