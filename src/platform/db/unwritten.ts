// A value read from the database, kept while nothing has been written to it
// (Db.writeMark): where the database has a write mark (PGlite), a second read while the
// mark stands still answers what the first read answered, without asking the
// database; elsewhere every call reads. Kept per database and key in a VersionedCache
// whose version is the mark. Call it outside any transaction: on PGlite the mark is
// read on the one connection, which a transaction holds (Db.writeMark throws there).
import { VersionedCache } from '../../kernel/versioned-cache.js';
import type { Db } from './index.js';

/** Keys kept per database at the most (the values are small: a version, a list). */
const LIMITS = { maxEntries: 1_000, maxBytes: Number.POSITIVE_INFINITY };
const kept = new WeakMap<Db, VersionedCache<unknown>>();

export async function readUnlessUnwritten<T>(db: Db, key: string, read: () => Promise<T>): Promise<T> {
  if (!db.writeMark) return read();
  const mark = await db.writeMark();
  let values = kept.get(db);
  if (!values) {
    values = new VersionedCache(LIMITS);
    kept.set(db, values);
  }
  const hit = values.get(key, mark);
  if (hit !== undefined) return hit as T;
  // Read after the mark: the value is at least as new as the mark says.
  const value = await read();
  values.set(key, mark, value, 1);
  return value;
}
