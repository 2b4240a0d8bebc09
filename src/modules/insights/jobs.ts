// Keeps the management-information rollup up to date (docs/product.md#management-information):
// every few seconds, per municipality with queued events, claims queued rows with
// `for update skip locked` in batches and recomputes their cases (rollup.ts). Any
// number of processes may run it at once; each row is applied by exactly one of them,
// in the transaction that deletes it.
import { sql } from 'kysely';
import { inLanes } from '../../kernel/lanes.js';
import type { Deps } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { startJob } from '../../platform/jobs.js';
import { drainQueue, rebuildMunicipality } from './rollup.js';

/** Queued rows applied per transaction. */
export const INSIGHT_BATCH = 500;

/** Apply everything queued now, in every municipality. Returns the queued rows applied. */
export async function applyInsightQueue(deps: Pick<Deps, 'db'>, job: { readonly stopping: boolean } = { stopping: false }): Promise<number> {
  // Which municipalities have anything queued: the one look across tenants, ids only.
  const municipalities = await sql<{ municipality_id: string }>`
    select m.id as municipality_id from municipalities m
    where exists (select 1 from insight_queue q where q.municipality_id = m.id)`.execute(deps.db.unsafeAdmin);
  let applied = 0;
  for (const { municipality_id: mId } of municipalities.rows) {
    for (;;) {
      const n = await deps.db.tenant(mId, (trx) => drainQueue(trx, mId, INSIGHT_BATCH));
      applied += n;
      if (n < INSIGHT_BATCH || job.stopping) break;
    }
    if (job.stopping) break;
  }
  return applied;
}

export interface InsightsWorker {
  /** Run now and wait for it (tests, shutdown). */
  runNow(): Promise<number>;
  wake(): void;
  stop(): Promise<void>;
}

/** Apply the queue a second after start and then every `intervalMs` (default: every 5 s). */
export function startInsightsJob(deps: Deps, intervalMs = 5_000): InsightsWorker {
  return startJob({ name: 'insights: rollup', intervalMs, firstRunAfterMs: 1_000, run: (job) => applyInsightQueue(deps, job) });
}

/** Municipalities rebuilt at once on PostgreSQL (each on its own connection of the pool). */
export const REBUILD_CONCURRENCY = 4;

/**
 * Rebuild the rollup of every municipality (or one) from the whole history: one
 * transaction per municipality, set-based. Safe while the application runs; running it
 * twice gives the same counts. On PostgreSQL several municipalities at once, the
 * largest first (they touch disjoint rows, each under its own lock: rollup.ts); PGlite
 * has one connection. Returns the municipalities rebuilt.
 */
export async function rebuildInsights(db: Db, opts: { municipalityId?: string; concurrency?: number } = {}): Promise<number> {
  const ids = opts.municipalityId
    ? [opts.municipalityId]
    : (
        await sql<{ id: string }>`
          select m.id from municipalities m
          order by (select count(*) from cases c where c.municipality_id = m.id) desc, m.id`.execute(db.unsafeAdmin)
      ).rows.map((m) => m.id);
  const lanes = db.kind === 'postgres' ? (opts.concurrency ?? REBUILD_CONCURRENCY) : 1;
  // After a failure the others stop after the municipality they are on.
  await inLanes(ids, lanes, (mId) => db.tenant(mId, (trx) => rebuildMunicipality(trx, mId)));
  return ids.length;
}
