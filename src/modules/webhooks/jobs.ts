// The webhook outbox worker as a background job (docs/product.md#webhooks): a round
// every second for the deliveries the event trigger wrote and for retries that fall
// due, at once after a commit that asked for it (wake.ts), and a clean stop that
// releases this process's leases.
import type { Deps } from '../../platform/context.js';
import { type Job, startJob } from '../../platform/jobs.js';
import { type DeliveryOptions, unsafeDeliverDueWebhooks, unsafeReleaseWebhookLeases } from './delivery.js';
import { onWebhookWake } from './wake.js';

export interface WebhookWorker extends Job {
  /** Deliver now and wait for it (tests, the bench). */
  flush(): Promise<number>;
}

export function startWebhookWorker(
  deps: Deps,
  opts: Omit<DeliveryOptions, 'stopping'> & { intervalMs?: number; log?: (message: string, err: unknown) => void } = {},
): WebhookWorker {
  const job = startJob({
    name: 'webhooks: delivery round',
    intervalMs: opts.intervalMs ?? 1000,
    log: opts.log,
    run: (state) => unsafeDeliverDueWebhooks(deps, { ...opts, stopping: () => state.stopping }),
  });
  const off = onWebhookWake(job.wake);
  return {
    ...job,
    flush: job.runNow,
    async stop() {
      off();
      await job.stop();
      if (opts.owner) await unsafeReleaseWebhookLeases(deps.db, opts.owner, deps.clock);
    },
  };
}
