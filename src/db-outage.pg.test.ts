// A PostgreSQL restart under load: Regie answers 503 problem+json while the server is
// gone, stays alive, and serves again by itself once it is back, with every write it
// acknowledged before the outage still there. A cluster of its own, so that the other
// test files, which share the run's server, never notice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { unsafeCreateApiTokenForEmail } from './modules/identity/index.js';
import { type Db, openDatabase } from './platform/db/index.js';
import { migrate } from './platform/db/migrate.js';
import type { App } from './platform/http/server.js';
import { buildMunicipality, buildUser, testDeps } from './testing/factories.js';
import { createDatabase, type PgCluster, startPgCluster } from './testing/pg-cluster.js';

let cluster: PgCluster;
let db: Db;
let app: App;
let bearer: Record<string, string>;

beforeAll(async () => {
  cluster = await startPgCluster({ durable: true });
  db = await openDatabase({ url: await createDatabase(cluster.url, 'outage'), poolSize: 4 });
  await migrate(db);
  const deps = testDeps(db);
  const m = await buildMunicipality(db);
  const admin = await buildUser(db, m, { role: 'admin' });
  bearer = { authorization: `Bearer ${(await unsafeCreateApiTokenForEmail(deps, { email: admin.email, name: 'outage' })).token}` };
  app = await buildApp(deps);
  await app.ready();
}, 120_000);

afterAll(async () => {
  await app?.close();
  await db?.close();
  await cluster?.stop();
});

const addDepartment = (name: string) => app.inject({ method: 'POST', url: '/api/v1/departments', headers: bearer, payload: { name, domain: 'social' } });
const listDepartments = async () =>
  (await app.inject({ method: 'GET', url: '/api/v1/organisation', headers: bearer })).json().departments as { name: string }[];

/** Polls `probe` until it holds, at most `tries` times; no fixed sleep decides anything. */
async function until(probe: () => Promise<boolean>, tries = 200): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not reached');
}

describe('a PostgreSQL restart', () => {
  it('answers 503 problem+json during the outage and recovers by itself, losing no acknowledged write', async () => {
    // Load: writes in flight, and every connection of the pool opened and idle.
    const acknowledged: string[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const res = await addDepartment(`Voor de storing ${i}`);
        expect(res.statusCode).toBe(201);
        acknowledged.push(`Voor de storing ${i}`);
      }),
    );

    // As after a crash: the idle connections break under the pool.
    await cluster.halt('immediate');
    const during = await Promise.all([addDepartment('Tijdens de storing'), app.inject({ method: 'GET', url: '/api/v1/organisation', headers: bearer })]);
    for (const res of during) {
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 503, type: expect.stringContaining('database-unavailable') });
    }
    const en = await app.inject({ method: 'GET', url: '/api/v1/organisation', headers: { ...bearer, 'accept-language': 'en' } });
    expect(en.json().title).toContain('database cannot be reached');
    expect(process.exitCode ?? 0).toBe(0);

    await cluster.restart();
    await until(async () => (await app.inject({ method: 'GET', url: '/api/v1/organisation', headers: bearer })).statusCode === 200);
    expect((await addDepartment('Na de storing')).statusCode).toBe(201);
    const names = (await listDepartments()).map((d) => d.name);
    for (const name of [...acknowledged, 'Na de storing']) expect(names).toContain(name);
  }, 120_000);
});
