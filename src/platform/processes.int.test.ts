// Outbox leases across processes (docs/architecture.md, "Several processes"): a lease
// carries its owner; while the owner beats it holds, once the owner has not been seen
// for a few heartbeats it is free at once; a graceful stop releases what the process
// holds; on PGlite (one process) a lease left by an earlier run is free at start.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../kernel/clock.js';
import { withTestDb } from '../testing/db.js';
import { buildMunicipality, TEST_ENGINE } from '../testing/factories.js';
import { deliverDue, enqueueMail, LEASE_SECONDS, type OutgoingMail, releaseLeases, startOutboxWorker } from './mail/outbox.js';
import { DEAD_AFTER_HEARTBEATS, HEARTBEAT_MS, startHeartbeat } from './processes.js';

const { db } = withTestDb();

const capture = () => {
  const sent: OutgoingMail[] = [];
  return { sent, transport: { send: async (m: OutgoingMail) => void sent.push(m) } };
};

/** One pending mail to `to`, leased (as claimed and then abandoned mid-send) by `owner`. */
async function leasedMail(to: string, owner: string, now: Date): Promise<number> {
  const m = await buildMunicipality(db);
  await db.tenant(m.id, (trx) => enqueueMail(trx, { municipalityId: m.id, to, subject: 'Lease', text: 'Tekst' }));
  const row = await db.unsafeAdmin
    .updateTable('outbox')
    .set({ leased_by: owner, attempts: 1, next_attempt_at: new Date(now.getTime() + LEASE_SECONDS * 1000) })
    .where('to_address', '=', to)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('process heartbeat and outbox leases', () => {
  it('holds a lease while its owner beats and frees it once the owner is gone for a few heartbeats', async () => {
    const clock = fixedClock(new Date(Date.now() + 3_600_000));
    const a = await startHeartbeat(db, clock, { intervalMs: 3_600_000 });
    const b = await startHeartbeat(db, clock, { intervalMs: 3_600_000 });
    try {
      const id = await leasedMail('lease-a@example.nl', a.id, clock.now());
      const { sent, transport } = capture();
      const deliverAsB = () => deliverDue(db, transport, 'r@test', clock, { owner: b.id });

      // A beats: its lease holds, well inside the lease time.
      clock.set(new Date(clock.now().getTime() + (DEAD_AFTER_HEARTBEATS - 1) * HEARTBEAT_MS));
      await a.beat();
      clock.set(new Date(clock.now().getTime() + (DEAD_AFTER_HEARTBEATS - 1) * HEARTBEAT_MS));
      await deliverAsB();
      expect(sent.filter((m) => m.to === 'lease-a@example.nl')).toEqual([]);

      // A stops beating (killed): after a few heartbeats, long before the lease is up, B takes it.
      clock.set(new Date(clock.now().getTime() + (DEAD_AFTER_HEARTBEATS - 1) * HEARTBEAT_MS));
      expect(clock.now().getTime()).toBeLessThan(
        (await db.unsafeAdmin.selectFrom('outbox').select('next_attempt_at').where('id', '=', id).executeTakeFirstOrThrow()).next_attempt_at.getTime(),
      );
      await deliverAsB();
      expect(sent.filter((m) => m.to === 'lease-a@example.nl')).toHaveLength(1);
      const row = await db.unsafeAdmin.selectFrom('outbox').select(['status', 'leased_by', 'attempts']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'sent', leased_by: null, attempts: 2 });
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it('leaves its own lease alone, and a stopping worker releases what it still holds', async () => {
    const clock = fixedClock(new Date(Date.now() + 7_200_000));
    const me = await startHeartbeat(db, clock, { intervalMs: 3_600_000 });
    try {
      const id = await leasedMail('lease-own@example.nl', me.id, clock.now());
      const { sent, transport } = capture();
      const worker = startOutboxWorker(db, transport, 'r@test', clock, 3_600_000, undefined, me.id);
      await worker.flush();
      expect(sent.filter((m) => m.to === 'lease-own@example.nl')).toEqual([]);
      await worker.stop();
      const row = await db.unsafeAdmin.selectFrom('outbox').select(['leased_by', 'next_attempt_at']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(row).toEqual({ leased_by: null, next_attempt_at: clock.now() });
      expect(await releaseLeases(db, me.id, clock)).toBe(0);
      await deliverDue(db, transport, 'r@test', clock, { owner: me.id });
      expect(sent.filter((m) => m.to === 'lease-own@example.nl')).toHaveLength(1);
    } finally {
      await me.stop();
    }
    // Stopped: its row is gone.
    expect(await db.unsafeAdmin.selectFrom('regie_processes').select('id').where('id', '=', me.id).execute()).toEqual([]);
  });

  it('on PGlite frees the leases of an earlier run at start; on PostgreSQL a live process keeps them', async () => {
    const clock = fixedClock(new Date(Date.now() + 10_800_000));
    const now = clock.now();
    await sql`insert into regie_processes (id, started_at, seen_at, pid, host) values ('earlier-run', ${now}, ${now}, 1, 'elders')`.execute(db.unsafeAdmin);
    await leasedMail('lease-earlier@example.nl', 'earlier-run', now);
    const me = await startHeartbeat(db, clock, { intervalMs: 3_600_000 });
    try {
      const { sent, transport } = capture();
      await deliverDue(db, transport, 'r@test', clock, { owner: me.id });
      expect(sent.filter((m) => m.to === 'lease-earlier@example.nl')).toHaveLength(TEST_ENGINE === 'pglite' ? 1 : 0);
    } finally {
      await me.stop();
      await db.unsafeAdmin.deleteFrom('regie_processes').where('id', '=', 'earlier-run').execute();
    }
  });
});
