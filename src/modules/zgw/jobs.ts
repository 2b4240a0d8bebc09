// The ZGW outbox worker as a background job (docs/product.md#zgw-registration): a
// round every few seconds, at once after "opnieuw proberen" (wake.ts), and a clean
// stop that releases this process's leases.
import type { Deps } from '../../platform/context.js';
import { type Job, startJob } from '../../platform/jobs.js';
import { unsafeReleaseZgwLeases, unsafeRunDueZgwTasks, type ZgwDeliveryOptions } from './delivery.js';
import { onZgwWake } from './wake.js';

export interface ZgwWorker extends Job {
  /** Run now and wait for it (tests). */
  flush(): Promise<number>;
}

export function startZgwWorker(
  deps: Deps,
  opts: Omit<ZgwDeliveryOptions, 'stopping'> & { intervalMs?: number; log?: (message: string, err: unknown) => void } = {},
): ZgwWorker {
  const job = startJob({
    name: 'zgw: registration round',
    intervalMs: opts.intervalMs ?? 2000,
    log: opts.log,
    run: (state) => unsafeRunDueZgwTasks(deps, { ...opts, stopping: () => state.stopping }),
  });
  const off = onZgwWake(job.wake);
  return {
    ...job,
    flush: job.runNow,
    async stop() {
      off();
      await job.stop();
      if (opts.owner) await unsafeReleaseZgwLeases(deps.db, opts.owner, deps.clock);
    },
  };
}
