// The running Regie processes on one database (docs/architecture.md, "Several
// processes"). Each process has an id, writes its row in `regie_processes` at start
// and refreshes `seen_at` every HEARTBEAT_MS; a graceful stop deletes the row. A
// process not seen for DEAD_AFTER_HEARTBEATS heartbeats is taken for dead: what it
// held (the outbox leases it took, src/platform/mail/outbox.ts) is free for the others.
//
// PGlite is one process by construction (its data directory is locked), so every
// other row found at start is a process that ended without saying so: deleted at once.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock } from '../kernel/clock.js';
import type { Db } from './db/index.js';
import { startJob } from './jobs.js';

export const HEARTBEAT_MS = 5000;
export const DEAD_AFTER_HEARTBEATS = 3;
/** Rows of processes gone this long are deleted by whoever beats next. */
const FORGET_AFTER_MS = 24 * 3600_000;

export interface ProcessHeartbeat {
  /** this process's id: the owner of its leases */
  readonly id: string;
  /** beat now (tests) */
  beat(): Promise<void>;
  /** stop beating and delete this process's row: it holds nothing any more */
  stop(): Promise<void>;
}

/** `seen_at` before this instant: the process counts as dead. */
export function deadBefore(clock: Clock): Date {
  return new Date(clock.now().getTime() - DEAD_AFTER_HEARTBEATS * HEARTBEAT_MS);
}

export async function startHeartbeat(
  db: Db,
  clock: Clock,
  opts: { intervalMs?: number; log?: (message: string, err: unknown) => void } = {},
): Promise<ProcessHeartbeat> {
  const id = randomUUID();
  const beat = async () => {
    const now = clock.now();
    await db.unsafeAdmin
      .insertInto('regie_processes')
      .values({ id, started_at: now, seen_at: now, pid: process.pid, host: hostname() })
      .onConflict((oc) => oc.column('id').doUpdateSet({ seen_at: now }))
      .execute();
  };
  if (db.kind === 'pglite') await db.unsafeAdmin.deleteFrom('regie_processes').execute();
  await beat();
  const job = startJob({
    name: 'processes: heartbeat',
    intervalMs: opts.intervalMs ?? HEARTBEAT_MS,
    firstRunAfterMs: null,
    log: opts.log,
    run: async () => {
      await beat();
      await db.unsafeAdmin
        .deleteFrom('regie_processes')
        .where('seen_at', '<', new Date(clock.now().getTime() - FORGET_AFTER_MS))
        .execute();
      return 1;
    },
  });
  return {
    id,
    beat: async () => {
      await job.runNow();
    },
    async stop() {
      await job.stop();
      await db.unsafeAdmin.deleteFrom('regie_processes').where('id', '=', id).execute();
    },
  };
}
