// The per-route request limits counted in the database: two servers on one database
// count together, a window that has ended starts again, and a database error while
// counting is a 503 (never a 500, never a request let through uncounted).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTestDb } from '../../testing/db.js';
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

describe('rate limits in the database', () => {
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
