// Two `regie serve` processes on one PostgreSQL database, as run to use more than one
// core (docs/architecture.md, "Several processes"): a session made on one works on
// the other, the request limits count both together, every mail of the outbox is
// delivered once, and a silence deadline is processed once while both run the job.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from './kernel/clock.js';
import type { Actor } from './platform/auth/index.js';
import { type Db, openDatabase } from './platform/db/index.js';
import { migrate } from './platform/db/migrate.js';
import { messageIdFor } from './platform/mail/outbox.js';
import {
  actorOf,
  buildCase,
  buildMunicipality,
  buildRound,
  buildUser,
  TEST_PASSWORD,
  type TestMunicipality,
  testDeps,
  testPgUrl,
} from './testing/factories.js';
import { createDatabase } from './testing/pg-cluster.js';
import { type SmtpTestServer, startSmtpTestServer } from './testing/smtp.js';

const HOST = 'regie.test';
const ROUNDS = 8;
const BURST = 60;

let smtp: SmtpTestServer;
let db: Db;
let m: TestMunicipality;
let staff: Actor;
const roundIds: string[] = [];
const servers: { proc: ChildProcess; url: string; out: () => string }[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Polls `probe` until it holds or `ms` have passed; no fixed sleep decides anything. */
async function until(probe: () => Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`not reached within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function serve(databaseUrl: string, extra: NodeJS.ProcessEnv = { REGIE_DEMO: 'false' }): Promise<(typeof servers)[number]> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    SMTP_URL: smtp.url,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://${HOST}`,
    COOKIE_SECURE: 'false',
    TRUST_PROXY: '1',
    LOG_LEVEL: 'warn',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'regie-mp-')),
    ...extra,
  };
  const proc = spawn(process.execPath, ['bin/regie.mjs', 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout?.on('data', (d) => {
    out += String(d);
  });
  proc.stderr?.on('data', (d) => {
    out += String(d);
  });
  const server = { proc, url: `http://127.0.0.1:${port}`, out: () => out };
  servers.push(server);
  return server;
}

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  const url = await createDatabase(testPgUrl(), `regie_mp_${randomBytes(4).toString('hex')}`);
  db = await openDatabase({ url, poolSize: 4 });
  await migrate(db);
  m = await buildMunicipality(db);
  staff = await buildUser(db, m, { role: 'coordinator' });
  // Assessment rounds whose term ended weeks ago: both processes' silence jobs run at
  // start and find them due at the same moment.
  const past = testDeps(db, fixedClock(new Date(Date.now() - 40 * 86_400_000)));
  const director = await actorOf('director', { municipality: m });
  // Every department asked has someone who can answer (docs/product.md#yes-by-silence).
  for (const departmentId of m.departmentIds) await buildUser(db, m, { role: 'specialist', departmentId });
  for (let i = 0; i < ROUNDS; i++) {
    const c = await buildCase({ municipality: m, deps: past, status: 'intake', director });
    roundIds.push((await buildRound({ deps: past, by: director, caseId: c.id, departmentIds: m.departmentIds })).id);
  }
  // Both at once, like a process manager starting two instances.
  const started = await Promise.all([serve(url), serve(url)]);
  for (const s of started) {
    await until(
      async () => {
        if (s.proc.exitCode !== null) throw new Error(`serve exited: ${s.out()}`);
        return s.out().includes('Regie draait op');
      },
      'both servers listening',
      120_000,
    );
  }
}, 240_000);

afterAll(async () => {
  await Promise.all(
    servers.map(
      (s) =>
        new Promise<void>((resolve) => {
          if (s.proc.exitCode !== null) return resolve();
          s.proc.once('exit', () => resolve());
          s.proc.kill('SIGTERM');
        }),
    ),
  );
  await db?.close();
  await smtp?.stop();
}, 60_000);

const [a, b] = [() => servers[0] as (typeof servers)[number], () => servers[1] as (typeof servers)[number]];
const post = (server: { url: string }, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const intake = (i: number) => ({
  municipality: m.slug,
  initiator: { name: `Inwoner ${i}`, email: `inwoner-${i}-${randomBytes(3).toString('hex')}@example.nl` },
  title: `Initiatief ${i}`,
  description: 'Een initiatief voor de buurt, graag.',
  location: `Straat ${i}`,
});

describe('two server processes on one PostgreSQL database', () => {
  it('starts both on the same database at once, each with its own heartbeat row', async () => {
    const rows = await db.unsafeAdmin.selectFrom('regie_processes').select(['id', 'pid']).execute();
    expect(rows.map((r) => r.pid).sort()).toEqual(servers.map((s) => s.proc.pid).sort());
  });

  it('(a) a session made on process A works on B, and logging out on B ends it on A', async () => {
    const login = await post(a(), '/api/v1/auth/login', { email: staff.email, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect(cookie).toMatch(/^regie_session=/);
    const csrf = (await login.json()).csrfToken as string;
    const meOn = (s: { url: string }) => fetch(`${s.url}/api/v1/me`, { headers: { cookie } }).then((r) => r.status);
    expect(await meOn(b())).toBe(200);
    expect((await post(b(), '/api/v1/auth/logout', {}, { cookie, 'x-csrf-token': csrf })).status).toBe(204);
    expect(await meOn(a())).toBe(401);
  });

  it('(b) login failures, one-time-link requests and public intakes spread over both reach 429 at the same total as on one', async () => {
    const from = { 'x-forwarded-for': '203.0.113.7' };
    const email = `onbekend-${randomBytes(3).toString('hex')}@example.nl`;
    const failures: number[] = [];
    for (let i = 0; i < 11; i++) failures.push((await post(i % 2 ? b() : a(), '/api/v1/auth/login', { email, password: 'fout-wachtwoord' }, from)).status);
    expect(failures).toEqual([...Array(10).fill(401), 429]);

    const links: number[] = [];
    for (let i = 0; i < 6; i++) links.push((await post(i % 2 ? b() : a(), '/api/v1/auth/login-links', { municipality: m.slug, email }, from)).status);
    expect(links).toEqual([...Array(5).fill(202), 429]);

    const intakes: number[] = [];
    const client = { 'x-forwarded-for': '203.0.113.8' };
    for (let i = 0; i < 31; i++) intakes.push((await post(i % 2 ? b() : a(), '/api/v1/cases', intake(i), client)).status);
    expect(intakes).toEqual([...Array(30).fill(201), 429]);
  }, 120_000);

  it('(d) a silence deadline passing is processed once although both processes run the silence job', async () => {
    await until(async () => {
      const open = await db.unsafeAdmin.selectFrom('assessment_rounds').select('id').where('id', 'in', roundIds).where('closed_at', 'is', null).execute();
      return open.length === 0;
    }, 'every due round closed');
    const caseIds = (await db.unsafeAdmin.selectFrom('assessment_rounds').select('case_id').where('id', 'in', roundIds).execute()).map((r) => r.case_id);
    for (const type of ['assessment.silence', 'assessment.roundClosed']) {
      const events = await db.unsafeAdmin.selectFrom('events').select('case_id').where('case_id', 'in', caseIds).where('type', '=', type).execute();
      expect(events.map((e) => e.case_id).sort(), type).toEqual([...caseIds].sort());
    }
    const silences = await db.unsafeAdmin
      .selectFrom('assessment_answers')
      .select('party_id')
      .where('round_id', 'in', roundIds)
      .where('kind', '=', 'silence')
      .execute();
    expect(silences).toHaveLength(ROUNDS * m.departmentIds.length);
    expect(new Set(silences.map((s) => s.party_id)).size).toBe(silences.length);
  });

  it('(c) a burst of public intakes over both processes: every mail of the outbox arrives exactly once', async () => {
    const results = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        post(i % 2 ? b() : a(), '/api/v1/cases', intake(1000 + i), { 'x-forwarded-for': `198.51.100.${i + 1}` }).then((r) => r.status),
      ),
    );
    expect(results).toEqual(Array(BURST).fill(201));
    await until(async () => {
      const pending = await db.unsafeAdmin.selectFrom('outbox').select('id').where('status', '=', 'pending').execute();
      return pending.length === 0;
    }, 'the outbox empty');
    const rows = await db.unsafeAdmin.selectFrom('outbox').select(['id', 'created_at']).execute();
    // Intake confirmations (the 30 of (b), the burst), the round summaries of (d): all of them.
    expect(rows.length).toBeGreaterThanOrEqual(30 + BURST + ROUNDS);
    const expected = rows.map((r) => messageIdFor(r, HOST)).sort();
    const messageIds = () => smtp.messages.map((x) => /^message-id:\s*(<[^>]+>)/im.exec(x.raw)?.[1] ?? '(none)').sort();
    await until(async () => smtp.messages.length >= expected.length, 'every mail at the SMTP server');
    expect(messageIds()).toEqual(expected);
  }, 120_000);

  it('both processes stop gracefully on SIGTERM, leaving no lease and no process row behind', async () => {
    const codes = await Promise.all(
      servers.map(
        (s) =>
          new Promise<number | null>((resolve) => {
            s.proc.once('exit', (code) => resolve(code));
            s.proc.kill('SIGTERM');
          }),
      ),
    );
    expect(codes).toEqual([0, 0]);
    expect(await db.unsafeAdmin.selectFrom('regie_processes').select('id').execute()).toEqual([]);
    expect(await db.unsafeAdmin.selectFrom('outbox').select('id').where('leased_by', 'is not', null).execute()).toEqual([]);
  }, 60_000);
});

describe('two server processes starting at once on an empty database', () => {
  it('migrate one after the other and seed the demo once; both serve it', async () => {
    const url = await createDatabase(testPgUrl(), `regie_mp0_${randomBytes(4).toString('hex')}`);
    // The demo on (REGIE_DEMO unset), as a fresh installation starts.
    const pair = await Promise.all([serve(url, { REGIE_DEMO: undefined }), serve(url, { REGIE_DEMO: undefined })]);
    try {
      for (const s of pair) {
        await until(
          async () => {
            if (s.proc.exitCode !== null) throw new Error(`serve exited: ${s.out()}`);
            return s.out().includes('Regie draait op');
          },
          'both servers listening',
          180_000,
        );
        // The demo logins follow the listening line, perhaps in a later chunk of output.
        await until(async () => s.out().includes('coordinator@voorbeeld.nl'), 'the demo logins printed', 10_000);
        const login = await post(s, '/api/v1/auth/login', { email: 'coordinator@voorbeeld.nl', password: 'regie-demo-2026' });
        expect(login.status).toBe(200);
      }
      const fresh = await openDatabase({ url, poolSize: 1 });
      try {
        const slugs = await fresh.unsafeAdmin.selectFrom('municipalities').select('slug').execute();
        expect(slugs.filter((r) => r.slug === 'voorbeeld')).toHaveLength(1);
        const applied = await fresh.unsafeAdmin
          .selectFrom('schema_migrations' as never)
          .select('name' as never)
          .execute();
        expect(new Set(applied.map((r) => (r as { name: string }).name)).size).toBe(applied.length);
      } finally {
        await fresh.close();
      }
    } finally {
      await Promise.all(
        pair.map(
          (s) =>
            new Promise<void>((resolve) => {
              if (s.proc.exitCode !== null) return resolve();
              s.proc.once('exit', () => resolve());
              s.proc.kill('SIGTERM');
            }),
        ),
      );
    }
  }, 240_000);
});
