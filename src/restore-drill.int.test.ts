// The restore drill of docs/operations.md#the-restore-drill, as an operator runs it:
// data in a database (a municipality with cases, commitments, mail sent and mail still
// in the outbox), a backup, the database wiped, the backup restored, a server started
// on it, and everything found again through the API: the counts and the rows, the
// outbox rows exactly as they were (pending mail is delivered after the restore, mail
// that had been sent is not sent again), and the ids and case references continuing
// after the restored ones. Both engines with `regie backup` / `regie restore` and
// nothing but Node: no pg_dump or pg_restore.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { unsafeCreateApiTokenForEmail } from './modules/identity/index.js';
import { loadConfig, pgliteDir } from './platform/config.js';
import { type Db, openDatabase } from './platform/db/index.js';
import { migrate } from './platform/db/migrate.js';
import { messageIdFor } from './platform/mail/outbox.js';
import { actorOf, buildCase, buildCommitment, buildMunicipality, TEST_ENGINE, testDeps, testPgUrl } from './testing/factories.js';
import { createDatabase } from './testing/pg-cluster.js';
import { type RegieServer, regieCommand, startRegieServer, until } from './testing/regie-process.js';
import { type SmtpTestServer, startSmtpTestServer } from './testing/smtp.js';

const work = mkdtempSync(join(tmpdir(), 'regie-drill-'));
const HOST = 'drill.regie.test';
let smtp: SmtpTestServer | undefined;
let server: RegieServer | undefined;
afterAll(async () => {
  server?.child.kill('SIGKILL');
  await server?.exited;
  await smtp?.stop();
  rmSync(work, { recursive: true, force: true });
});

interface Snapshot {
  municipalityId: string;
  slug: string;
  counters: { year: number; last_value: number }[];
  cases: { id: string; reference: string; title: string; status: string }[];
  commitments: { id: string; caseId: string | null; what: string; status: string }[];
  outbox: { id: number; to_address: string; subject: string; status: string; attempts: number; created_at: Date }[];
}

/** A municipality with cases, commitments and mail, one mail already sent; answers what it wrote and a token to read it back. */
async function fill(db: Db): Promise<{ snapshot: Snapshot; token: string }> {
  await migrate(db);
  const deps = testDeps(db);
  const m = await buildMunicipality(db);
  const coordinator = await actorOf('coordinator', { municipality: m });
  const director = await actorOf('director', { municipality: m });
  const cases = [];
  for (const title of ['Terras aan de haven', 'Zonnepanelen op de sporthal', 'Buurtfeest in het park']) {
    cases.push(await buildCase({ municipality: m, deps, status: 'intake', coordinator, director, title }));
  }
  const commitments = [];
  for (const [i, what] of ['De gemeente denkt mee over de vergunning.', 'Wij bellen binnen een week terug.'].entries()) {
    commitments.push(await buildCommitment({ deps, by: director, caseId: cases[i]?.id as string, what }));
  }
  // One mail delivered before the backup, the rest still waiting in the outbox.
  const first = await db.unsafeAdmin.selectFrom('outbox').select('id').where('municipality_id', '=', m.id).orderBy('id').executeTakeFirstOrThrow();
  await db.unsafeAdmin.updateTable('outbox').set({ status: 'sent', sent_at: new Date(), attempts: 1 }).where('id', '=', first.id).execute();
  const token = (await unsafeCreateApiTokenForEmail(deps, { email: coordinator.email, name: 'hersteloefening' })).token;
  const counters = await db.unsafeAdmin.selectFrom('case_counters').select(['year', 'last_value']).where('municipality_id', '=', m.id).execute();
  return { snapshot: { municipalityId: m.id, slug: m.slug, counters, ...(await read(db, m.id)), commitments: await readCommitments(db, m.id) }, token };
}

async function read(db: Db, municipalityId: string): Promise<Pick<Snapshot, 'cases' | 'outbox'>> {
  const cases = await db.unsafeAdmin
    .selectFrom('cases')
    .select(['id', 'reference', 'title', 'status'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('reference')
    .execute();
  const outbox = await db.unsafeAdmin
    .selectFrom('outbox')
    .select(['id', 'to_address', 'subject', 'status', 'attempts', 'created_at'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('id')
    .execute();
  return { cases, outbox };
}

async function readCommitments(db: Db, municipalityId: string) {
  return db.unsafeAdmin
    .selectFrom('commitments')
    .select(['id', 'case_id as caseId', 'what', 'status'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('id')
    .execute();
}

describe('the restore drill', () => {
  it(`backs up, wipes, restores and serves everything as it was (${TEST_ENGINE})`, async () => {
    smtp = await startSmtpTestServer();
    const dataDir = join(work, 'data');
    const backupFile = join(work, TEST_ENGINE === 'pglite' ? 'regie-backup.tar' : 'regie-backup.gz');
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, SMTP_URL: '', DATABASE_URL: '', REGIE_DEMO: 'false', LOG_LEVEL: 'warn' };
    let databaseUrl = '';
    let dbName = '';
    if (TEST_ENGINE === 'postgres') {
      dbName = `regie_drill_${randomBytes(4).toString('hex')}`;
      databaseUrl = await createDatabase(testPgUrl(), dbName);
      env.DATABASE_URL = databaseUrl;
    }

    // 1. Data.
    const source = await openDatabase(TEST_ENGINE === 'postgres' ? { url: databaseUrl, poolSize: 2 } : { dataDir: pgliteDir(loadConfig(env)) });
    const { snapshot: before, token } = await fill(source).finally(() => source.close());
    expect(before.cases).toHaveLength(3);
    expect(before.commitments).toHaveLength(2);
    expect(before.outbox.filter((o) => o.status === 'sent')).toHaveLength(1);
    const pendingBefore = before.outbox.filter((o) => o.status === 'pending');
    expect(pendingBefore.length).toBeGreaterThanOrEqual(3);

    // 2. The backup.
    const backup = await regieCommand(env, 'backup', backupFile);
    expect(backup, backup.stderr).toMatchObject({ code: 0 });
    expect(existsSync(backupFile)).toBe(true);

    // 3. Wipe: the data directory, or the database (and a new, empty one in its place).
    if (TEST_ENGINE === 'pglite') rmSync(dataDir, { recursive: true, force: true });
    else {
      await adminQuery(`drop database "${dbName}"`);
      await createDatabase(testPgUrl(), dbName);
    }

    // 4. Restore.
    const restored = await regieCommand(env, 'restore', backupFile);
    expect(restored, restored.stderr).toMatchObject({ code: 0 });
    // A second restore over the restored database is refused without --force.
    const again = await regieCommand(env, 'restore', backupFile);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('--force');

    // 5. Before anything runs on it: every row as it was, the outbox included.
    const restoredDb = await openDatabase(TEST_ENGINE === 'postgres' ? { url: databaseUrl, poolSize: 2 } : { dataDir: pgliteDir(loadConfig(env)) });
    try {
      expect(await read(restoredDb, before.municipalityId)).toEqual({ cases: before.cases, outbox: before.outbox });
      expect(await readCommitments(restoredDb, before.municipalityId)).toEqual(before.commitments);
    } finally {
      await restoredDb.close();
    }

    // 6. A server on the restored database: the data through the API, the pending mail delivered once, the sent mail not again.
    server = await startRegieServer({ ...env, SMTP_URL: smtp.url, PUBLIC_URL: `http://${HOST}` });
    const api = async (path: string) => {
      const res = await fetch(`${server?.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status, path).toBe(200);
      return res.json();
    };
    const listed = (await api('/cases?limit=100')).items as { id: string; reference: string; title: string; status: string }[];
    expect(
      listed.map((c) => ({ id: c.id, reference: c.reference, title: c.title, status: c.status })).sort((a, b) => a.reference.localeCompare(b.reference)),
    ).toEqual(before.cases);
    for (const c of before.cases) {
      const detail = await api(`/cases/${c.id}`);
      expect(detail).toMatchObject({ id: c.id, reference: c.reference, title: c.title, status: c.status });
    }
    const commitments = [];
    for (const c of before.cases) commitments.push(...(await api(`/cases/${c.id}/commitments`)).items);
    expect(
      commitments
        .map((k: { id: string; caseId: string | null; what: string; status: string }) => ({ id: k.id, caseId: k.caseId, what: k.what, status: k.status }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    ).toEqual([...before.commitments].sort((a, b) => a.id.localeCompare(b.id)));

    const expectedIds = pendingBefore.map((o) => messageIdFor(o, HOST));
    const messageIds = () => (smtp as SmtpTestServer).messages.map((m) => /^Message-ID:\s*(<[^>]+>)/im.exec(m.raw)?.[1]);
    await until('the pending mail of the restored outbox is delivered', () => expectedIds.every((id) => messageIds().includes(id)), 120_000);
    const sentBefore = before.outbox.find((o) => o.status === 'sent');
    expect(messageIds()).not.toContain(messageIdFor(sentBefore as Snapshot['outbox'][number], HOST));
    expect(new Set(messageIds()).size).toBe(messageIds().length);

    if (TEST_ENGINE === 'pglite') {
      // Beside the running server both commands refuse: the server holds the data directory.
      const pid = String(server.child.pid);
      for (const args of [
        ['backup', join(work, 'while-running.tar')],
        ['restore', backupFile, '--force'],
      ]) {
        const refused = await regieCommand(env, ...args);
        expect(refused.code, args[0]).not.toBe(0);
        expect(refused.stderr).toContain(`PID ${pid}`);
      }
      expect(existsSync(join(work, 'while-running.tar'))).toBe(false);
      expect((await api('/cases?limit=100')).items).toHaveLength(3);
    }

    // A new case after the restore: a new id, the next reference of the restored
    // counter, and its mail and events under ids after the restored ones.
    const res = await fetch(`${server.url}/api/v1/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        municipality: before.slug,
        channel: 'desk',
        initiator: { name: 'Na het herstel', email: `na-herstel-${randomBytes(3).toString('hex')}@example.org` },
        title: 'Een nieuwe vraag na het herstel',
        description: 'Deze zaak komt na het terugzetten van de back-up.',
        location: 'Stadhuis',
      }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const created = (await res.json()) as { id: string; reference: string };
    expect(before.cases.map((c) => c.id)).not.toContain(created.id);
    const [, year, number] = /^[A-Z]+-(\d{4})-(\d{6})$/.exec(created.reference) ?? [];
    const counted = before.counters.find((c) => c.year === Number(year))?.last_value ?? 0;
    expect(Number(number)).toBe(counted + 1);
    // (PGlite: the server holds the data directory; a duplicate id would have failed the request.)
    if (TEST_ENGINE === 'postgres') {
      const after = await openDatabase({ url: databaseUrl, poolSize: 1 });
      try {
        const lastBefore = Math.max(...before.outbox.map((o) => o.id));
        const newMail = await after.unsafeAdmin
          .selectFrom('outbox')
          .select('id')
          .where('municipality_id', '=', before.municipalityId)
          .where('id', '>', lastBefore)
          .execute();
        expect(newMail.length).toBeGreaterThanOrEqual(1);
      } finally {
        await after.close();
      }
    }
  }, 480_000);
});

async function adminQuery(text: string) {
  const client = new pg.Client({ connectionString: testPgUrl() });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
