// Values kept until the data they were made from changes: what a server computed for a
// key, together with the version of the data it was computed from. An entry is served
// only while the version read for a request is the same; the cache is bounded by
// entries and by bytes, the least recently used going first. A value being computed is
// computed once for everyone who asks for it meanwhile. No I/O. Used for the
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
  // The computations under way, per key and version.
  private readonly running = new Map<string, Promise<T>>();

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

  /**
   * The value kept for `key` if it was computed from `version`; else the one being
   * computed for that key and version for an earlier caller; else `compute`'s, which is
   * then kept. So a page asked by several people at once after a change is computed once.
   * A computation that fails is not kept: everyone waiting on it gets its error, and
   * the next caller computes again.
   */
  getOrCompute(key: string, version: string, compute: () => Promise<{ value: T; bytes: number }>): Promise<T> {
    const hit = this.get(key, version);
    if (hit !== undefined) return Promise.resolve(hit);
    const flight = JSON.stringify([key, version]);
    const running = this.running.get(flight);
    if (running) return running;
    const made = Promise.resolve()
      .then(compute)
      .then(({ value, bytes }) => {
        this.set(key, version, value, bytes);
        return value;
      });
    this.running.set(flight, made);
    const done = () => this.running.delete(flight);
    made.then(done, done);
    return made;
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
    return (await values.getOrCompute(key, version, async () => ({ value: await compute(), bytes: 1 }))) as T;
  };
}
