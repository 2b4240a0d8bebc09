// A PostgreSQL restart under load: Regie answers 503 problem+json while the server is
// gone, stays alive, and serves again by itself once it is back, with every write it
// acknowledged before the outage still there. A cluster of its own, so that the other
// test files, which share the run's server, never notice. The second test does it to a
// real `regie serve` process with writes in flight when the server halts.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { unsafeCreateApiTokenForEmail } from './modules/identity/index.js';
import { type Db, openDatabase } from './platform/db/index.js';
import { migrate } from './platform/db/migrate.js';
import type { App } from './platform/http/server.js';
import { buildMunicipality, buildUser, testDeps } from './testing/factories.js';
import { createDatabase, type PgCluster, startPgCluster } from './testing/pg-cluster.js';
import { type RegieServer, startRegieServer, until as untilWithin } from './testing/regie-process.js';

let cluster: PgCluster;
let db: Db;
let app: App;
let bearer: Record<string, string>;
let regie: RegieServer | undefined;
const work = mkdtempSync(join(tmpdir(), 'regie-outage-'));

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
  regie?.child.kill('SIGKILL');
  await regie?.exited;
  rmSync(work, { recursive: true, force: true });
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

describe('a PostgreSQL restart under concurrent load', () => {
  it('keeps regie serve running, answers 503 problem+json while writes are in flight, loses no acknowledged write and serves again by itself', async () => {
    const url = await createDatabase(cluster.url, `outage_load_${randomBytes(3).toString('hex')}`);
    const setup = await openDatabase({ url, poolSize: 2 });
    let slug: string;
    let token: string;
    let reader: string;
    try {
      await migrate(setup);
      const m = await buildMunicipality(setup);
      slug = m.slug;
      const admin = await buildUser(setup, m, { role: 'admin' });
      token = (await unsafeCreateApiTokenForEmail(testDeps(setup), { email: admin.email, name: 'outage' })).token;
      const coordinator = await buildUser(setup, m, { role: 'coordinator' });
      reader = (await unsafeCreateApiTokenForEmail(testDeps(setup), { email: coordinator.email, name: 'outage' })).token;
    } finally {
      await setup.close();
    }
    regie = await startRegieServer({
      ...process.env,
      DATABASE_URL: url,
      DATA_DIR: join(work, 'data'),
      SMTP_URL: '',
      REGIE_DEMO: 'false',
      LOG_LEVEL: 'silent',
      TRUST_PROXY: '1', // each intake from its own address: the public intake is rate-limited per address
    });
    const base = `${regie.url}/api/v1`;
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    // Writers that go on until told to stop: departments by the administrator and public
    // intakes. Every answer is recorded: acknowledged (201 with what was made), 503, or
    // anything else (which must not happen).
    const acked = { departments: [] as string[], cases: [] as { id: string; title: string }[] };
    const unavailable: { status: number; contentType: string; body: { status?: number; type?: string } }[] = [];
    const unexpected: string[] = [];
    let phase: 'before' | 'halted' | 'restarted' = 'before';
    const ackedIn = { before: 0, halted: 0, restarted: 0 };
    let n = 0;
    let stop = false;
    const one = async () => {
      const i = ++n;
      const intake = i % 2 === 0;
      const name = `Afdeling ${i}`;
      const title = `Aanvraag ${i} onder belasting`;
      let res: Response;
      try {
        res = intake
          ? await fetch(`${base}/cases`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.1.${(i >> 8) & 255}.${i & 255}` },
              body: JSON.stringify({
                municipality: slug,
                initiator: { name: `Initiatiefnemer ${i}`, email: `outage-${i}@example.nl` },
                title,
                description: 'Ingediend terwijl de database herstart.',
                location: `Straat ${i}`,
              }),
            })
          : await fetch(`${base}/departments`, { method: 'POST', headers: auth, body: JSON.stringify({ name, domain: 'social' }) });
      } catch (err) {
        unexpected.push(`request ${i}: ${(err as Error).message}`);
        return;
      }
      if (res.status === 201) {
        const body = (await res.json()) as { id: string };
        if (intake) acked.cases.push({ id: body.id, title });
        else acked.departments.push(name);
        ackedIn[phase]++;
      } else if (res.status === 503) {
        unavailable.push({ status: res.status, contentType: res.headers.get('content-type') ?? '', body: await res.json() });
      } else {
        unexpected.push(`request ${i}: ${res.status} ${await res.text()}`);
      }
    };
    const writers = Array.from({ length: 8 }, async () => {
      while (!stop) {
        await one();
        // Pacing, not synchronisation: an outage answered in a millisecond would otherwise
        // spin the writers through thousands of requests.
        if (phase === 'halted') await new Promise((r) => setTimeout(r, 20));
      }
    });

    try {
      await untilWithin('writes acknowledged before the outage', () => ackedIn.before >= 20, 120_000);
      // As after a crash, with writes in flight.
      await cluster.halt('immediate');
      phase = 'halted';
      await untilWithin('503 answers during the outage', () => unavailable.length >= 10, 120_000).catch((err) => {
        throw new Error(
          `${err.message}; unexpected answers: ${unexpected.slice(0, 5).join(' | ')}; exit ${regie?.child.exitCode}; output:\n${regie?.output().slice(-3000)}`,
        );
      });
      const health = await fetch(`${base}/health`);
      expect(health.status).toBe(503);
      expect(health.headers.get('content-type')).toContain('application/problem+json');
      expect(regie.child.exitCode).toBeNull();

      await cluster.restart();
      phase = 'restarted';
      await untilWithin('writes acknowledged after the restart', () => ackedIn.restarted >= 10, 120_000);
    } finally {
      stop = true;
      await Promise.all(writers);
    }

    expect(unexpected).toEqual([]);
    expect(regie.child.exitCode).toBeNull();
    expect(unavailable.length).toBeGreaterThanOrEqual(10);
    for (const u of unavailable) {
      expect(u.contentType).toContain('application/problem+json');
      expect(u.body).toMatchObject({ status: 503, type: expect.stringContaining('database-unavailable') });
    }
    // Every acknowledged write is there, read through the same process, never restarted.
    const org = await fetch(`${base}/organisation`, { headers: auth });
    expect(org.status).toBe(200);
    const names = new Set(((await org.json()).departments as { name: string }[]).map((d) => d.name));
    for (const name of acked.departments) expect(names, name).toContain(name);
    for (const c of acked.cases) {
      const res = await fetch(`${base}/cases/${c.id}`, { headers: { authorization: `Bearer ${reader}` } });
      expect(res.status, c.id).toBe(200);
      expect((await res.json()).title).toBe(c.title);
    }
    expect((await fetch(`${base}/health`)).status).toBe(200);
  }, 420_000);
});

// After a failover the database address can lead, for a while, to a server that takes
// no writes (a standby, or the old primary demoted): that is an outage of the primary,
// not a bad request, so it answers 503 like one (docs/operations.md, PostgreSQL with a standby).
describe('a read-only database server', () => {
  it('answers a write with 503 problem+json, serves reads, and takes writes again once it is the primary', async () => {
    const name = `readonly_${randomBytes(3).toString('hex')}`;
    const url = await createDatabase(cluster.url, name);
    const setup = await openDatabase({ url, poolSize: 1 });
    await migrate(setup);
    const m = await buildMunicipality(setup);
    const admin = await buildUser(setup, m, { role: 'admin' });
    const token = (await unsafeCreateApiTokenForEmail(testDeps(setup), { email: admin.email, name: 'readonly' })).token;
    await sql`alter database ${sql.id(name)} set default_transaction_read_only = on`.execute(setup.unsafeAdmin);
    await setup.close();

    const readOnly = await openDatabase({ url, poolSize: 2 });
    const roApp = await buildApp(testDeps(readOnly));
    try {
      const headers = { authorization: `Bearer ${token}` };
      const write = await roApp.inject({ method: 'POST', url: '/api/v1/departments', headers, payload: { name: 'Tijdens failover', domain: 'social' } });
      expect(write.statusCode).toBe(503);
      expect(write.headers['content-type']).toContain('application/problem+json');
      expect(write.json()).toMatchObject({ status: 503, type: expect.stringContaining('database-unavailable') });
      // Reads are served from the read-only server meanwhile (a token's last use is not a reason to refuse).
      expect((await roApp.inject({ method: 'GET', url: '/api/v1/organisation', headers })).statusCode).toBe(200);
    } finally {
      await roApp.close();
      await readOnly.close();
    }
    // The failover is over: the address leads to a primary again (said from another database of the cluster).
    await sql`alter database ${sql.id(name)} reset default_transaction_read_only`.execute(db.unsafeAdmin);
    const again = await openDatabase({ url, poolSize: 1 });
    const app2 = await buildApp(testDeps(again));
    try {
      const write = await app2.inject({
        method: 'POST',
        url: '/api/v1/departments',
        headers: { authorization: `Bearer ${token}` },
        payload: { name: 'Na failover', domain: 'social' },
      });
      expect(write.statusCode).toBe(201);
    } finally {
      await app2.close();
      await again.close();
    }
  }, 120_000);
});
