// A crash under load: a real `regie serve`, concurrent writes over HTTP (public intakes,
// each of which puts a mail in the outbox, and notes and commitments by staff), and
// then `kill -9`, three times at different moments: just after the first write was
// acknowledged, in the middle of the load, and after the load while the outbox is
// delivering. Each time the server is started again on the same data. Afterwards every
// write the server acknowledged (2xx with what it created) is there, every mail of an
// acknowledged intake has been delivered, and no mail twice (see the outbox's delivery
// guarantee in src/platform/mail/outbox.ts and docs/operations.md#mail-delivery).
//
// The database is the engine under test (PGlite in a temporary data directory, or a
// fresh database on the test run's PostgreSQL server). The mail goes where a default
// install of that kind sends it: PGlite (the demo and small installs) without SMTP,
// into .eml files in the data directory; PostgreSQL (production) to an SMTP server.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unsafeCreateApiTokenForEmail } from './modules/identity/index.js';
import { loadConfig, mailDir, pgliteDir } from './platform/config.js';
import { openDatabase } from './platform/db/index.js';
import { migrate } from './platform/db/migrate.js';
import { actorOf, buildCase, buildMunicipality, commitmentFields, TEST_ENGINE, testDeps, testPgUrl } from './testing/factories.js';
import { createDatabase } from './testing/pg-cluster.js';
import { type RegieServer, startRegieServer, until } from './testing/regie-process.js';
import { type SmtpTestServer, startSmtpTestServer } from './testing/smtp.js';

const work = mkdtempSync(join(tmpdir(), 'regie-crash-'));
const viaSmtp = TEST_ENGINE === 'postgres';
let smtp: SmtpTestServer | undefined;
let server: RegieServer | undefined;
afterAll(async () => {
  server?.child.kill('SIGKILL');
  await server?.exited;
  await smtp?.stop();
  rmSync(work, { recursive: true, force: true });
});

interface Acknowledged {
  intakes: { id: string; reference: string; email: string; title: string }[];
  commitments: { id: string; caseId: string; what: string }[];
  notes: { caseId: string; text: string }[];
}

describe('kill -9 under concurrent writes', () => {
  it(`loses no acknowledged write and delivers every mail once (${TEST_ENGINE}, mail ${viaSmtp ? 'via SMTP' : 'as .eml files'})`, async () => {
    smtp = viaSmtp ? await startSmtpTestServer() : undefined;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: join(work, 'data'),
      DATABASE_URL: TEST_ENGINE === 'postgres' ? await createDatabase(testPgUrl(), `regie_crash_${randomBytes(4).toString('hex')}`) : '',
      SMTP_URL: smtp?.url ?? '',
      PUBLIC_URL: 'http://crash.regie.test',
      REGIE_DEMO: 'false',
      LOG_LEVEL: 'warn',
      // One proxy hop, so that each intake can come from its own address: the public
      // intake is rate-limited per address.
      TRUST_PROXY: '1',
    };

    // A municipality, its staff, and open cases for the staff's writes.
    const setup = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL, poolSize: 2 } : { dataDir: pgliteDir(loadConfig(env)) });
    let slug: string;
    let baseCases: string[];
    let coordinatorToken: string;
    let directorToken: string;
    try {
      await migrate(setup);
      const deps = testDeps(setup);
      const m = await buildMunicipality(setup);
      slug = m.slug;
      const coordinator = await actorOf('coordinator', { municipality: m });
      const director = await actorOf('director', { municipality: m });
      baseCases = [];
      for (let i = 0; i < 4; i++) baseCases.push((await buildCase({ municipality: m, deps, status: 'intake', coordinator, director })).id);
      coordinatorToken = (await unsafeCreateApiTokenForEmail(deps, { email: coordinator.email, name: 'crash' })).token;
      directorToken = (await unsafeCreateApiTokenForEmail(deps, { email: director.email, name: 'crash' })).token;
    } finally {
      await setup.close();
    }

    const acked: Acknowledged = { intakes: [], commitments: [], notes: [] };
    let seq = 0;
    const post = (path: string, token: string | undefined, body: unknown, from?: string) =>
      fetch(`${server?.url}/api/v1${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(from ? { 'x-forwarded-for': from } : {}),
        },
        body: JSON.stringify(body),
      });

    /** One write; recorded only when the server acknowledged it with what it created. */
    const write = async (i: number): Promise<void> => {
      const n = ++seq;
      const baseCase = baseCases[n % baseCases.length] as string;
      if (i % 5 < 3) {
        const email = `crash-${n}-${randomBytes(3).toString('hex')}@example.nl`;
        const title = `Aanvraag ${n} tijdens de belasting`;
        const res = await post(
          '/cases',
          undefined,
          {
            municipality: slug,
            initiator: { name: `Initiatiefnemer ${n}`, email },
            title,
            description: 'Een vraag die tijdens de belasting binnenkomt.',
            location: `Straat ${n}`,
          },
          `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
        );
        if (res.status !== 201) return void (await res.body?.cancel());
        const { id, reference } = (await res.json()) as { id: string; reference: string };
        acked.intakes.push({ id, reference, email, title });
      } else if (i % 5 === 3) {
        const what = `Toezegging ${n}: de gemeente belt terug.`;
        const res = await post(`/cases/${baseCase}/commitments`, directorToken, { ...commitmentFields, what });
        if (res.status !== 201) return void (await res.body?.cancel());
        const k = (await res.json()) as { id: string; caseId: string; what: string };
        acked.commitments.push({ id: k.id, caseId: k.caseId, what: k.what });
      } else {
        const text = `Notitie ${n} tijdens de belasting`;
        const res = await post(`/cases/${baseCase}/notes`, directorToken, { text, visibility: 'internal' });
        await res.body?.cancel();
        if (res.status === 204) acked.notes.push({ caseId: baseCase, text });
      }
    };
    const ackCount = () => acked.intakes.length + acked.commitments.length + acked.notes.length;

    /** 40 concurrent writes; answers once all have been answered or have failed. */
    const burst = () => Promise.allSettled(Array.from({ length: 40 }, (_, i) => write(i)));

    const crash = async () => {
      const s = server as RegieServer;
      s.child.kill('SIGKILL');
      expect(await s.exited).toBe('SIGKILL');
      server = undefined;
    };

    // What the mail side has seen so far: Message-IDs and recipients.
    const delivered = (): { messageId: string; to: string; fingerprint: string }[] => {
      if (smtp)
        return smtp.messages.map((m) => ({
          messageId: /^Message-ID:\s*(<[^>]+>)/im.exec(m.raw)?.[1] ?? '',
          to: m.envelopeTo[0] ?? '',
          fingerprint: '',
        }));
      const dir = mailDir(loadConfig(env));
      let names: string[] = [];
      try {
        names = readdirSync(dir).filter((f) => f.endsWith('.eml'));
      } catch {}
      return names.map((f) => {
        const raw = readFileSync(join(dir, f), 'utf8');
        const st = statSync(join(dir, f));
        // A complete message: headers, an empty line, a body (never a file cut short by the kill).
        expect(raw, f).toMatch(/\n\n\S[\s\S]*$/);
        return {
          messageId: /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? '',
          to: /^To:\s*(\S+)/im.exec(raw)?.[1] ?? '',
          fingerprint: `${st.ino}:${st.mtimeMs}:${createHash('sha256').update(raw).digest('hex')}`,
        };
      });
    };
    const files = new Map<string, string>(); // .eml Message-ID → fingerprint, as first seen
    const checkFilesUnchanged = () => {
      for (const d of delivered()) {
        const seen = files.get(d.messageId);
        if (seen === undefined) files.set(d.messageId, d.fingerprint);
        // A file, once written, is never written again (same inode, time and content).
        else expect(d.fingerprint, d.messageId).toBe(seen);
      }
    };

    // 1. Killed right after the first acknowledged write.
    server = await startRegieServer(env);
    let load = burst();
    await until('a first write acknowledged', () => ackCount() >= 1);
    await crash();
    await load;
    const afterFirst = ackCount();
    checkFilesUnchanged();

    // 2. Killed in the middle of the load.
    server = await startRegieServer(env);
    load = burst();
    await until('half the load acknowledged', () => ackCount() >= afterFirst + 20, 120_000);
    await crash();
    await load;
    checkFilesUnchanged();

    // 3. Killed after the load, while the outbox delivers its mail.
    server = await startRegieServer(env);
    const before3 = delivered().length;
    load = burst();
    await load;
    await until('the outbox delivering', () => delivered().length > before3, 120_000, 5);
    await crash();
    checkFilesUnchanged();

    // Started once more: everything acknowledged is there and every mail arrives.
    server = await startRegieServer(env);
    expect(acked.intakes.length).toBeGreaterThan(20);
    expect(acked.commitments.length).toBeGreaterThan(0);
    expect(acked.notes.length).toBeGreaterThan(0);
    const get = async (path: string) => {
      const res = await fetch(`${server?.url}/api/v1${path}`, { headers: { authorization: `Bearer ${coordinatorToken}` } });
      expect(res.status, path).toBe(200);
      return res.json();
    };
    for (const c of acked.intakes) expect(await get(`/cases/${c.id}`)).toMatchObject({ id: c.id, reference: c.reference, title: c.title });
    const commitments = new Map<string, { what: string; caseId: string }>();
    const notes = new Set<string>();
    for (const caseId of baseCases) {
      for (const k of (await get(`/cases/${caseId}/commitments`)).items) commitments.set(k.id, k);
      for (const e of (await get(`/cases/${caseId}/events?limit=500`)).items)
        if (e.type === 'note.added') notes.add(`${caseId} ${(e.payload as { text: string }).text}`);
    }
    for (const k of acked.commitments) expect(commitments.get(k.id), k.id).toMatchObject({ what: k.what, caseId: k.caseId });
    for (const n of acked.notes) expect(notes, n.text).toContain(`${n.caseId} ${n.text}`);

    // A mail left mid-delivery by a kill waits for its lease (LEASE_SECONDS) to run out.
    const wanted = new Set(acked.intakes.map((c) => c.email));
    await until(
      'every acknowledged intake’s mail delivered',
      () => {
        const to = new Set(delivered().map((d) => d.to));
        return [...wanted].every((e) => to.has(e));
      },
      180_000,
      250,
    );
    checkFilesUnchanged();
    const ids = delivered().map((d) => d.messageId);
    expect(ids.every((id) => id.length > 0)).toBe(true);
    const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (smtp) {
      // Over SMTP a kill between the mail server's acceptance and the row being marked
      // sent makes the row go out again with the same Message-ID (the at-least-once
      // window the outbox documents); the worker sends one mail at a time, so each kill
      // can leave at most one such row.
      expect(twice.length).toBeLessThanOrEqual(3);
      expect(new Set(twice).size).toBe(twice.length);
    } else {
      expect(twice).toEqual([]);
    }
  }, 720_000);
});
