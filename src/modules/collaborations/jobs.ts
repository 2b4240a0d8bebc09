// The daily check of the collaborations' health (docs/product.md#the-health-check-of-a-collaboration):
// the findings that come with time (end date passed, no reading in 90 days, phase unchanged
// for a year) appear without any change to the collaboration. Hourly, it checks every
// collaboration not yet checked that day, municipality by municipality, in batches of one
// transaction each (`for update skip locked`, so two processes share the work).
import type { IsoDate } from '../../kernel/calendar.js';
import { dutchDate } from '../../kernel/clock.js';
import type { Deps } from '../../platform/context.js';
import { type Job, startJob } from '../../platform/jobs.js';
import { refreshHealth } from './health.js';

/** How many collaborations one transaction of the job checks. */
const BATCH = 500;

/**
 * Check every collaboration not yet checked today, municipality by municipality, in
 * batches of one transaction each; returns how many were checked. Checking again on the
 * same day does nothing, so two processes running this at once do no harm.
 */
export async function refreshDueHealth(deps: Pick<Deps, 'db' | 'clock'>, job: { readonly stopping: boolean } = { stopping: false }): Promise<number> {
  const today = dutchDate(deps.clock.now()) as IsoDate;
  const municipalities = await deps.db.unsafeAdmin.selectFrom('municipalities').select('id').orderBy('id').execute();
  let checked = 0;
  for (const { id: mId } of municipalities) {
    for (;;) {
      if (job.stopping) return checked;
      const n = await deps.db.tenant(mId, async (trx) => {
        const due = await trx
          .selectFrom('collaborations')
          .select('id')
          .where('municipality_id', '=', mId)
          .where((eb) => eb.or([eb('health_checked_on', 'is', null), eb('health_checked_on', '<', today)]))
          .orderBy('id')
          .limit(BATCH)
          .forUpdate()
          .skipLocked()
          .execute();
        return refreshHealth(
          trx,
          mId,
          due.map((d) => d.id),
          today,
        );
      });
      checked += n;
      if (n < BATCH) break;
    }
  }
  return checked;
}

/** The daily check of the findings that come with time: hourly, each collaboration once a day. */
export function startHealthJob(deps: Deps, opts: { intervalMs?: number; firstRunAfterMs?: number | null } = {}): Job {
  return startJob({
    name: 'collaboration health',
    intervalMs: opts.intervalMs ?? 60 * 60 * 1000,
    firstRunAfterMs: opts.firstRunAfterMs === undefined ? 30_000 : opts.firstRunAfterMs,
    run: (job) => refreshDueHealth(deps, job),
  });
}
