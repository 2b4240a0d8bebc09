// Work over a list a few items at a time (kernel/lanes.ts).
import { describe, expect, it } from 'vitest';
import { inLanes } from './lanes.js';

/** A piece of work that waits until the test lets it finish. */
function gated() {
  const started: number[] = [];
  const release = new Map<number, () => void>();
  const work = (n: number) => {
    started.push(n);
    return new Promise<void>((resolve) => release.set(n, resolve));
  };
  return { started, release: (n: number) => release.get(n)?.(), work };
}

describe('inLanes', () => {
  it('does every item, never more at once than there are lanes, in the order of the list', async () => {
    const g = gated();
    const all = inLanes([1, 2, 3, 4, 5], 2, g.work);
    await Promise.resolve();
    expect(g.started).toEqual([1, 2]);
    g.release(2);
    await new Promise((r) => setImmediate(r));
    expect(g.started).toEqual([1, 2, 3]);
    for (const n of [1, 3, 4, 5]) {
      g.release(n);
      await new Promise((r) => setImmediate(r));
    }
    await all;
    expect(g.started).toEqual([1, 2, 3, 4, 5]);
  });

  it('starts nothing after a failure, lets the lanes at work finish, then throws the first failure', async () => {
    const done: number[] = [];
    let finishSlow!: () => void;
    const all = inLanes([1, 2, 3, 4], 2, async (n) => {
      if (n === 1)
        await new Promise<void>((r) => {
          finishSlow = r;
        });
      if (n === 2) throw new Error('municipality 2 failed');
      done.push(n);
    });
    let settled = false;
    all
      .catch(() => {})
      .finally(() => {
        settled = true;
      });
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false); // item 1 is still at work
    finishSlow();
    await expect(all).rejects.toThrow('municipality 2 failed');
    expect(done).toEqual([1]);
  });

  it('does nothing for an empty list', async () => {
    let calls = 0;
    await inLanes([], 4, async () => {
      calls++;
    });
    expect(calls).toBe(0);
  });
});
