// Values kept until the data they were made from changes: what a server computed for a
// key, together with the version of the data it was computed from. An entry is served
// only while the version read for a request is the same; the cache is bounded by
// entries and by bytes, the least recently used going first. No I/O. Used for the
// figures of management information and of the comparison between municipalities
// (docs/product.md#management-information, docs/product.md#comparing-municipalities)
// and for values read while nothing was written (platform/db, readUnlessUnwritten).

export interface CacheLimits {
  /** entries at most */
  maxEntries: number;
  /** the sum of the entries' sizes at most (their sizes as given to `set`, in bytes) */
  maxBytes: number;
}

interface Entry<T> {
  version: string;
  value: T;
  bytes: number;
}

export class VersionedCache<T> {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  private readonly entries = new Map<string, Entry<T>>();
  private bytes = 0;

  constructor(private readonly limits: CacheLimits) {}

  /** The value cached for `key` if it was computed from `version`; an entry of another version is dropped. */
  get(key: string, version: string): T | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    if (e.version !== version) {
      this.bytes -= e.bytes;
      return undefined;
    }
    this.entries.set(key, e);
    return e.value;
  }

  set(key: string, version: string, value: T, bytes: number): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.bytes;
    }
    // Larger than the whole cache: not kept at all.
    if (bytes > this.limits.maxBytes || this.limits.maxEntries < 1) return;
    this.entries.set(key, { version, value, bytes });
    this.bytes += bytes;
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.bytes;
    }
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}

/**
 * A VersionedCache per owner (a database, say), made on the owner's first use and gone
 * with the owner: `keep(owner, key, version, compute)` answers the value kept for `key`
 * if it was computed from `version`, else computes it and keeps it (each entry counted
 * as one byte: the limits are by entries).
 */
export function versionedCachePer<O extends object>(limits: CacheLimits) {
  const caches = new WeakMap<O, VersionedCache<unknown>>();
  return async function keep<T>(owner: O, key: string, version: string, compute: () => Promise<T>): Promise<T> {
    let values = caches.get(owner);
    if (!values) {
      values = new VersionedCache(limits);
      caches.set(owner, values);
    }
    const hit = values.get(key, version);
    if (hit !== undefined) return hit as T;
    const value = await compute();
    values.set(key, version, value, 1);
    return value;
  };
}
