// The orphan clean-up (docs/product.md#attachments): a stored file that no row names,
// older than a day, is deleted; so are temporary files of uploads that never finished.
// A file is written before its row (the row only for a complete file), so a young file
// without a row may be an upload about to commit: the day keeps it safe. Removing a
// file from a thing deletes the row only; the file goes here once no row names it.
import type { Deps } from '../../platform/context.js';
import { type Job, startJob } from '../../platform/jobs.js';
import { unsafeKeysInUse } from './repo.js';
import type { FileStore } from './store.js';

export const ORPHAN_AGE_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;

export type OrphanJob = Job;

/** One pass over the store; returns how many files it deleted. */
export async function unsafeRemoveOrphans(deps: Deps, files: FileStore, opts: { stopping?: () => boolean } = {}): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - ORPHAN_AGE_MS);
  let removed = 0;
  let batch: string[] = [];
  const sweep = async () => {
    const inUse = await unsafeKeysInUse(deps.db.unsafeAdmin, batch);
    for (const key of batch) {
      if (inUse.has(key)) continue;
      await files.delete(key);
      removed++;
    }
    batch = [];
  };
  for await (const f of files.list()) {
    if (f.writtenAt >= before) continue;
    batch.push(f.key);
    if (batch.length >= BATCH) {
      await sweep();
      if (opts.stopping?.()) return removed;
    }
  }
  await sweep();
  removed += await files.removeStale(before);
  return removed;
}

/** Daily, and once an hour after start. */
export function startOrphanCleanup(deps: Deps, files: FileStore): OrphanJob {
  return startJob({
    name: 'attachments orphan clean-up',
    intervalMs: ORPHAN_AGE_MS,
    firstRunAfterMs: 60 * 60 * 1000,
    run: (job) => unsafeRemoveOrphans(deps, files, { stopping: () => job.stopping }),
  });
}
