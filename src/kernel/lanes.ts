// Work over a list, a few items at a time: each lane takes the next item of the list
// when it is done with its own. No I/O of its own; used where independent pieces of work
// may overlap (the rollup rebuild per municipality, webhook deliveries of a batch).

/**
 * Runs `work` for every item of `items`, at most `lanes` at once, in the order of the
 * list. After a failure no lane starts another item; once every lane has stopped, the
 * first failure is thrown.
 */
export async function inLanes<T>(items: readonly T[], lanes: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  const done = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(lanes, items.length)) }, lane));
  const failure = done.find((d): d is PromiseRejectedResult => d.status === 'rejected');
  if (failure) throw failure.reason;
}
