// A value read from the database, kept while nothing has been written to it
// (Db.writeMark): where the database has a write mark (PGlite), a second read while the
// mark stands still answers what the first read answered, without asking the
// database; elsewhere every call reads. Kept per database and key, the least recently
// used going first.
import type { Db } from './index.js';

/** Keys kept per database at the most. */
const KEPT_KEYS = 1_000;
const kept = new WeakMap<Db, Map<string, { mark: string; value: unknown }>>();

export async function readUnlessUnwritten<T>(db: Db, key: string, read: () => Promise<T>): Promise<T> {
  if (!db.writeMark) return read();
  const mark = await db.writeMark();
  let values = kept.get(db);
  if (!values) {
    values = new Map();
    kept.set(db, values);
  }
  const hit = values.get(key);
  values.delete(key);
  if (hit && hit.mark === mark) {
    values.set(key, hit);
    return hit.value as T;
  }
  // Read after the mark: the value is at least as new as the mark says.
  const value = await read();
  values.set(key, { mark, value });
  for (const k of values.keys()) {
    if (values.size <= KEPT_KEYS) break;
    values.delete(k);
  }
  return value;
}
