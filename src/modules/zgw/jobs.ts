// The ZGW outbox worker as a background job (docs/product.md#zgw-registration): a
// round every few seconds, at once after "opnieuw proberen" (wake.ts), and a clean
// stop that releases this process's leases (startOutboxWorker, src/platform/jobs.ts).
import type { Deps } from '../../platform/context.js';
import { type OutboxWorker, startOutboxWorker } from '../../platform/jobs.js';
import { unsafeReleaseZgwLeases, unsafeRunDueZgwTasks, type ZgwDeliveryOptions } from './delivery.js';
import { zgwWakeSignal } from './wake.js';

export type ZgwWorker = OutboxWorker;

export function startZgwWorker(
  deps: Deps,
  opts: Omit<ZgwDeliveryOptions, 'stopping'> & { intervalMs?: number; log?: (message: string, err: unknown) => void } = {},
): ZgwWorker {
  const owner = opts.owner;
  return startOutboxWorker({
    name: 'zgw: registration round',
    intervalMs: opts.intervalMs ?? 2000,
    log: opts.log,
    run: (state) => unsafeRunDueZgwTasks(deps, { ...opts, stopping: () => state.stopping }),
    signal: zgwWakeSignal,
    releaseLeases: owner ? () => unsafeReleaseZgwLeases(deps.db, owner, deps.clock) : undefined,
  });
}
