// Background jobs inside one process: the mail outbox, the silence job of assessment
// rounds, the commitment reminders. One way to run them: at start (or after a delay),
// then every interval and whenever woken; never two runs of the same job at once in
// this process; a failed run is logged and the job keeps going; stop() waits for the
// run in progress, so a shutdown never cuts a transaction short.
//
// Across processes (two servers on one PostgreSQL) each job's own row claims keep the
// work apart: leases on outbox rows (held in the name of the process, processes.ts),
// `for update skip locked` on rounds, a unique row per reminder. This file only keeps
// one process from tripping over itself.

export interface JobSpec {
  /** named in the log line when a run fails */
  name: string;
  /** time between runs; a run that takes longer is followed by the next one at once */
  intervalMs: number;
  /**
   * One run; returns how much it did (mails sent, rounds closed). `job.stopping` turns
   * true once stop() was called: a run that works in batches stops after the current one.
   */
  run: (job: { readonly stopping: boolean }) => Promise<number>;
  /** first run this long after start; null: only on the interval and when woken. Default 0. */
  firstRunAfterMs?: number | null;
  /** where a failed run is reported */
  log?: (message: string, err: unknown) => void;
}

export interface Job {
  /**
   * Run now and wait for it. A run in progress is waited for first, so this run sees
   * everything committed before the call (tests, flushing at shutdown). 0 once stopped.
   */
  runNow(): Promise<number>;
  /** Ask for a run without waiting for it; during a run, one more follows it. */
  wake(): void;
  /** No more runs; waits for the run in progress. */
  stop(): Promise<void>;
}

export function startJob(spec: JobSpec): Job {
  const log = spec.log ?? ((message, err) => console.error(message, err));
  const state = { stopping: false };
  let running: Promise<number> | null = null;
  let again = false;

  const start = (): Promise<number> => {
    if (running) {
      again = true;
      return running;
    }
    running = spec
      .run(state)
      .catch((err) => {
        log(`${spec.name} failed`, err);
        return 0;
      })
      .finally(() => {
        running = null;
        if (again && !state.stopping) {
          again = false;
          void start();
        }
      });
    return running;
  };

  const wake = () => {
    if (!state.stopping) void start();
  };
  const delay = spec.firstRunAfterMs === undefined ? 0 : spec.firstRunAfterMs;
  const first = delay === null || delay === 0 ? null : setTimeout(wake, delay);
  if (delay === 0) wake();
  const timer = setInterval(wake, spec.intervalMs);
  first?.unref();
  timer.unref();

  return {
    async runNow() {
      if (running) await running;
      if (state.stopping) return 0;
      return start();
    },
    wake,
    async stop() {
      state.stopping = true;
      if (first) clearTimeout(first);
      clearInterval(timer);
      if (running) await running;
    },
  };
}

/**
 * Wake-ups for the workers of one kind in this process: a use-case that made work due at
 * once (a retry, a test message) wakes them after its commit; work written by a trigger
 * is found by the next round.
 */
export interface WakeSignal {
  /** Listen; returns the function that stops listening. */
  on(wake: () => void): () => void;
  wake(): void;
}

export function wakeSignal(): WakeSignal {
  const wakers = new Set<() => void>();
  return {
    on(wake) {
      wakers.add(wake);
      return () => wakers.delete(wake);
    },
    wake() {
      for (const wake of wakers) wake();
    },
  };
}

export interface OutboxWorker extends Job {
  /** Run now and wait for it (tests, the bench). */
  flush(): Promise<number>;
}

/**
 * The worker of a leased outbox (the webhook deliveries, the ZGW tasks): a job that also
 * runs when its signal wakes it, and whose stop releases the leases this process holds,
 * so another process takes the rows over at once.
 */
export function startOutboxWorker(spec: JobSpec & { signal: WakeSignal; releaseLeases?: () => Promise<unknown> }): OutboxWorker {
  const job = startJob(spec);
  const off = spec.signal.on(job.wake);
  return {
    ...job,
    flush: job.runNow,
    async stop() {
      off();
      await job.stop();
      await spec.releaseLeases?.();
    },
  };
}
