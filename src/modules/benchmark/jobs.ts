// The benchmark job (docs/product.md#comparing-municipalities): the headline figures
// per municipality and month, computed in the background from the cases, plans and
// commitments, never per request. It crosses municipalities, like the silence job and
// the outbox, and therefore runs in a privileged transaction outside any tenant scope;
// the rows it claims (`for update skip locked`) keep two processes apart.
import { dutchDate } from '../../kernel/clock.js';
import type { Deps } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { type Job, startJob } from '../../platform/jobs.js';
import { addMonths, monthOf } from './model.js';
import { type MarkRow, unsafeClaimDue, unsafeComputeFigures } from './repo.js';

/** The report marks per municipality and month across all municipalities (the satisfaction survey's `unsafeMonthlyMarks`). */
export type MarksProvider = (trx: Tx, r: { fromMonth: string; toMonth: string }) => Promise<MarkRow[]>;

export interface BenchmarkOptions {
  /** the satisfaction survey's marks; without it the average mark is left out */
  marks?: MarksProvider;
}

/** Months recomputed on every run: this month and the twelve before it; older months keep their figures. */
export const RECENT_MONTHS = 12;
/** Municipalities computed per transaction. */
const BATCH = 20;

/**
 * One run: claim the due municipalities in batches and recompute their recent months
 * (all months the first time). Returns the number of municipalities computed.
 */
export async function computeBenchmarkFigures(
  deps: Deps,
  opts: BenchmarkOptions = {},
  job: { readonly stopping: boolean } = { stopping: false },
): Promise<number> {
  let done = 0;
  for (;;) {
    if (job.stopping) return done;
    const n = await deps.db.unsafeTransaction(async (trx) => {
      const now = deps.clock.now();
      const today = dutchDate(now);
      const thisMonth = monthOf(today);
      const recentFrom = `${addMonths(thisMonth, -RECENT_MONTHS)}-01`;
      const claimed = await unsafeClaimDue(trx, { today, recentFrom, limit: BATCH });
      if (claimed.length === 0) return 0;
      const fromMonth = claimed.reduce((m, c) => (c.fromMonth < m ? c.fromMonth : m), recentFrom).slice(0, 7);
      const ids = new Set(claimed.map((c) => c.municipalityId));
      const marks = opts.marks ? (await opts.marks(trx, { fromMonth, toMonth: thisMonth })).filter((m) => ids.has(m.municipalityId)) : null;
      await unsafeComputeFigures(trx, { claimed, today, now, marks });
      return claimed.length;
    });
    done += n;
    if (n < BATCH) return done;
  }
}

/** Every quarter of an hour, and at start after a minute (the server is busy starting). */
export function startBenchmarkJob(deps: Deps, opts: BenchmarkOptions = {}, intervalMs = 15 * 60_000): Job {
  return startJob({
    name: 'benchmark: figures',
    intervalMs,
    firstRunAfterMs: 60_000,
    run: (job) => computeBenchmarkFigures(deps, opts, job),
  });
}
