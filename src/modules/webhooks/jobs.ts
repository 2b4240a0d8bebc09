// The webhook outbox worker as a background job (docs/product.md#webhooks): a round
// every second for the deliveries the event trigger wrote and for retries that fall
// due, at once after a commit that asked for it (wake.ts), and a clean stop that
// releases this process's leases (startOutboxWorker, src/platform/jobs.ts).
import type { Deps } from '../../platform/context.js';
import { type OutboxWorker, startOutboxWorker } from '../../platform/jobs.js';
import { type DeliveryOptions, unsafeDeliverDueWebhooks, unsafeReleaseWebhookLeases } from './delivery.js';
import { webhookWakeSignal } from './wake.js';

export type WebhookWorker = OutboxWorker;

export function startWebhookWorker(
  deps: Deps,
  opts: Omit<DeliveryOptions, 'stopping'> & { intervalMs?: number; log?: (message: string, err: unknown) => void } = {},
): WebhookWorker {
  const owner = opts.owner;
  return startOutboxWorker({
    name: 'webhooks: delivery round',
    intervalMs: opts.intervalMs ?? 1000,
    log: opts.log,
    run: (state) => unsafeDeliverDueWebhooks(deps, { ...opts, stopping: () => state.stopping }),
    signal: webhookWakeSignal,
    releaseLeases: owner ? () => unsafeReleaseWebhookLeases(deps.db, owner, deps.clock) : undefined,
  });
}
