import { describe, expect, it } from 'vitest';
import { startJob } from './jobs.js';

const tick = () => new Promise((r) => setTimeout(r, 5));

/** A run that waits until released, counting how many run at the same time. */
function gate() {
  let open: () => void = () => {};
  const state = { runs: 0, busy: 0, maxBusy: 0 };
  const run = async () => {
    state.runs++;
    state.busy++;
    state.maxBusy = Math.max(state.maxBusy, state.busy);
    await new Promise<void>((r) => {
      open = r;
    });
    state.busy--;
    return 1;
  };
  return { state, run, release: () => open() };
}

describe('startJob', () => {
  it('runs at start, never two runs at once, and one more run after a wake-up during a run', async () => {
    const g = gate();
    const job = startJob({ name: 'test', intervalMs: 3_600_000, run: g.run });
    expect(g.state.runs).toBe(1);
    job.wake();
    job.wake();
    await tick();
    expect(g.state.runs).toBe(1);
    g.release();
    await tick();
    expect(g.state.runs).toBe(2); // the wake-ups are served by one more run
    g.release();
    await job.stop();
    expect(g.state.maxBusy).toBe(1);
  });

  it('runNow waits for the run in progress and then runs; stop waits for the run in progress', async () => {
    const g = gate();
    const job = startJob({ name: 'test', intervalMs: 3_600_000, run: g.run, firstRunAfterMs: null });
    expect(g.state.runs).toBe(0);
    const now = job.runNow();
    await tick();
    expect(g.state.runs).toBe(1);
    g.release();
    expect(await now).toBe(1);
    void job.runNow();
    await tick();
    let stopped = false;
    const stopping = job.stop().then(() => {
      stopped = true;
    });
    await tick();
    expect(stopped).toBe(false);
    g.release();
    await stopping;
    expect(await job.runNow()).toBe(0);
    expect(g.state.runs).toBe(2);
  });

  it('logs a failed run instead of throwing, and keeps going', async () => {
    const logged: string[] = [];
    let n = 0;
    const job = startJob({
      name: 'flaky',
      intervalMs: 3_600_000,
      firstRunAfterMs: null,
      log: (m) => logged.push(m),
      run: async () => {
        n++;
        if (n === 1) throw new Error('boom');
        return 7;
      },
    });
    expect(await job.runNow()).toBe(0);
    expect(await job.runNow()).toBe(7);
    expect(logged).toEqual(['flaky failed']);
    await job.stop();
  });
});
