// The running webhook workers of this process, woken after a commit that made a
// delivery due at once (the test event, a retry, a resumed subscription). Deliveries
// written by the event trigger are found by the worker's next round.
import { wakeSignal } from '../../platform/jobs.js';

const signal = wakeSignal();
export const wakeWebhookWorkers = signal.wake;
export const webhookWakeSignal = signal;
