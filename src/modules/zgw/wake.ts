// The running ZGW workers of this process, woken after a commit that made a task due
// at once ("opnieuw proberen"). Tasks written by the event trigger are found by the
// worker's next round.
import { wakeSignal } from '../../platform/jobs.js';

const signal = wakeSignal();
export const wakeZgwWorkers = signal.wake;
export const zgwWakeSignal = signal;
