// Unconfirmed responses are deleted once their confirmation link has expired
// (docs/product.md#responding-to-a-case): hourly, across municipalities, besides the
// deletion in passing when a response is given. Nothing reads them before then: every
// count and list reads confirmed responses only. Deleting is idempotent, so two
// processes running this at once do no harm.
import type { Deps } from '../../platform/context.js';
import { type Job, startJob } from '../../platform/jobs.js';

/** Delete every unconfirmed response whose link expired before now; returns how many. */
export async function unsafeDeleteExpiredResponses(deps: Deps): Promise<number> {
  const r = await deps.db.unsafeAdmin
    .deleteFrom('responses')
    .where('confirmed_at', 'is', null)
    .where('token_expires_at', '<', deps.clock.now())
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export function startResponseCleanup(deps: Deps, opts: { intervalMs?: number; firstRunAfterMs?: number | null } = {}): Job {
  return startJob({
    name: 'response cleanup',
    intervalMs: opts.intervalMs ?? 60 * 60 * 1000,
    firstRunAfterMs: opts.firstRunAfterMs === undefined ? 60_000 : opts.firstRunAfterMs,
    run: () => unsafeDeleteExpiredResponses(deps),
  });
}
