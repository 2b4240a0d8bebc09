// A value read from the database, kept while nothing has been written to it
// (Db.writeMark): where the database has a write mark (PGlite), a second read while the
// mark stands still answers what the first read answered, without asking the
// database; elsewhere every call reads. Kept per database and key in a VersionedCache
// whose version is the mark. Call it outside any transaction: on PGlite the mark is
// read on the one connection, which a transaction holds (Db.writeMark throws there).
import { versionedCachePer } from '../../kernel/versioned-cache.js';
import type { Db } from './index.js';

/** Keys kept per database at the most (the values are small: a version, a list). */
const keep = versionedCachePer<Db>({ maxEntries: 1_000, maxBytes: Number.POSITIVE_INFINITY });

export async function readUnlessUnwritten<T>(db: Db, key: string, read: () => Promise<T>): Promise<T> {
  if (!db.writeMark) return read();
  // Read after the mark: the value is at least as new as the mark says.
  return keep(db, key, await db.writeMark(), read);
}
