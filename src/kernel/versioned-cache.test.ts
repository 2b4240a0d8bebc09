// The versioned cache on its own (docs/product.md#management-information): served only
// for the version it was computed from, bounded by entries and bytes, the least
// recently used going first.
import { describe, expect, it } from 'vitest';
import { VersionedCache, versionedCachePer } from './versioned-cache.js';

describe('VersionedCache', () => {
  it('serves an entry for its own version only, and forgets it for another', () => {
    const c = new VersionedCache<string>({ maxEntries: 10, maxBytes: 1000 });
    c.set('k', 'v1', 'figures', 7);
    expect(c.get('k', 'v1')).toBe('figures');
    expect(c.get('k', 'v2')).toBeUndefined();
    expect(c.get('k', 'v1')).toBeUndefined();
    expect(c.size).toEqual({ entries: 0, bytes: 0 });
  });

  it('drops the least recently used entry beyond its number of entries', () => {
    const c = new VersionedCache<number>({ maxEntries: 2, maxBytes: 1000 });
    c.set('a', 'v', 1, 1);
    c.set('b', 'v', 2, 1);
    expect(c.get('a', 'v')).toBe(1); // a used after b
    c.set('c', 'v', 3, 1);
    expect(c.get('b', 'v')).toBeUndefined();
    expect(c.get('a', 'v')).toBe(1);
    expect(c.get('c', 'v')).toBe(3);
  });

  it('keeps its bytes within the bound, and keeps nothing larger than the bound', () => {
    const c = new VersionedCache<string>({ maxEntries: 100, maxBytes: 10 });
    c.set('a', 'v', 'a', 4);
    c.set('b', 'v', 'b', 4);
    c.set('c', 'v', 'c', 4);
    expect(c.size).toEqual({ entries: 2, bytes: 8 });
    expect(c.get('a', 'v')).toBeUndefined();
    c.set('huge', 'v', 'x', 11);
    expect(c.get('huge', 'v')).toBeUndefined();
    expect(c.size.bytes).toBeLessThanOrEqual(10);
  });

  it('replaces an entry set again, counting its bytes once', () => {
    const c = new VersionedCache<string>({ maxEntries: 10, maxBytes: 100 });
    c.set('a', 'v1', 'old', 30);
    c.set('a', 'v2', 'new', 40);
    expect(c.size).toEqual({ entries: 1, bytes: 40 });
    expect(c.get('a', 'v2')).toBe('new');
  });

  it('computes a value asked for several times at once only once per version, and keeps it', async () => {
    const c = new VersionedCache<string>({ maxEntries: 10, maxBytes: 1000 });
    const calls: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const compute = (v: string) => async () => {
      calls.push(v);
      await gate;
      return { value: `figures of ${v}`, bytes: 10 };
    };
    const asked = [c.getOrCompute('k', 'v1', compute('v1')), c.getOrCompute('k', 'v1', compute('v1')), c.getOrCompute('k', 'v2', compute('v2'))];
    release();
    expect(await Promise.all(asked)).toEqual(['figures of v1', 'figures of v1', 'figures of v2']);
    expect(calls).toEqual(['v1', 'v2']);
    // Kept: asked again, nothing is computed.
    expect(await c.getOrCompute('k', 'v2', compute('v2'))).toBe('figures of v2');
    expect(calls).toEqual(['v1', 'v2']);
  });

  it('keeps no failed computation: those waiting get its error, the next caller computes again', async () => {
    const c = new VersionedCache<string>({ maxEntries: 10, maxBytes: 1000 });
    let calls = 0;
    const failing = () => {
      calls++;
      throw new Error('database gone');
    };
    const asked = [c.getOrCompute('k', 'v', failing), c.getOrCompute('k', 'v', failing)];
    for (const a of asked) await expect(a).rejects.toThrow('database gone');
    expect(calls).toBe(1);
    expect(await c.getOrCompute('k', 'v', async () => ({ value: 'figures', bytes: 1 }))).toBe('figures');
    expect(c.size.entries).toBe(1);
  });
});

describe('versionedCachePer', () => {
  it('computes once per key and version, for each owner apart', async () => {
    const keep = versionedCachePer<object>({ maxEntries: 10, maxBytes: 1000 });
    const [a, b] = [{}, {}];
    let computed = 0;
    const compute = async () => ++computed;
    expect(await keep(a, 'k', 'v1', compute)).toBe(1);
    expect(await keep(a, 'k', 'v1', compute)).toBe(1);
    expect(await keep(b, 'k', 'v1', compute)).toBe(2);
    expect(await keep(a, 'k', 'v2', compute)).toBe(3);
    expect(computed).toBe(3);
  });
});
