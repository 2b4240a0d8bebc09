// The local file store and the orphan clean-up (docs/product.md#attachments): a put is
// complete or absent (a stream that breaks off leaves no file, not even a temporary
// one); files that no row names are removed after a day, named ones stay.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { withTestDb } from '../../testing/db.js';
import { actorOf, buildCase, buildMunicipality } from '../../testing/factories.js';
import { unsafeRemoveOrphans } from './jobs.js';
import { addAttachment } from './service.js';
import { BrokenUpload, localFileStore, TooLarge } from './store.js';
import { fixture } from './testing.js';

const { db, deps } = withTestDb();
const M = '00000000-0000-4000-8000-000000000001';
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const everything = (root: string): string[] =>
  existsSync(root)
    ? readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name))
    : [];

describe('the local file store', () => {
  it('stores under the prefix and the SHA-256, and gives the bytes back', async () => {
    const root = mkdtempSync(join(tmpdir(), 'regie-store-'));
    const store = localFileStore(root);
    const pdf = fixture('tekening.pdf');
    const s = await store.put(Readable.from([pdf.subarray(0, 100), pdf.subarray(100)]), { prefix: M, maxBytes: 10_000 });
    expect(s).toEqual({ key: `${M}/${sha(pdf)}`, sha256: sha(pdf), size: pdf.length });
    const back: Buffer[] = [];
    for await (const chunk of await store.get(s.key)) back.push(chunk as Buffer);
    expect(Buffer.concat(back).equals(pdf)).toBe(true);
    expect(everything(join(root, '.tmp'))).toEqual([]);
  });

  it('keeps nothing of a stream that breaks off, one that is too large or one the check refuses', async () => {
    const root = mkdtempSync(join(tmpdir(), 'regie-store-'));
    const store = localFileStore(root);
    async function* aborted() {
      yield Buffer.alloc(5_000, 1);
      throw new Error('client went away');
    }
    await expect(store.put(Readable.from(aborted()), { prefix: M, maxBytes: 100_000 })).rejects.toBeInstanceOf(BrokenUpload);
    await expect(store.put(Readable.from([Buffer.alloc(3_000), Buffer.alloc(3_000)]), { prefix: M, maxBytes: 5_000 })).rejects.toBeInstanceOf(TooLarge);
    const refused = store.put(Readable.from([fixture('nep-tekening.pdf')]), {
      prefix: M,
      maxBytes: 5_000,
      check: () => {
        throw new Error('not taken');
      },
    });
    await expect(refused).rejects.toThrow('not taken');
    expect(everything(root)).toEqual([]);
  });

  it('refuses a key that could leave its folder', async () => {
    const store = localFileStore(mkdtempSync(join(tmpdir(), 'regie-store-')));
    await expect(store.get('../../etc/passwd')).rejects.toThrow('bad storage key');
  });
});

describe('the orphan clean-up', () => {
  it('removes files no row names once older than a day; keeps named and young ones', async () => {
    const root = mkdtempSync(join(tmpdir(), 'regie-orphans-'));
    const store = localFileStore(root);
    const m = await buildMunicipality(db);
    const c = await buildCase({ municipality: m, deps, status: 'planning' });
    const director = await actorOf('coordinator', { municipality: m });
    const named = await addAttachment(
      { ...deps, actor: director },
      store,
      { caseId: c.id, on: 'message' },
      { stream: Readable.from([fixture('tekening.png')]), fileName: 'a.png' },
    );
    const orphan = await store.put(Readable.from([fixture('foto.jpg')]), { prefix: m.id, maxBytes: 10_000 });
    const young = await store.put(Readable.from([fixture('tekening.pdf')]), { prefix: m.id, maxBytes: 10_000 });
    const old = new Date(deps.clock.now().getTime() - 25 * 60 * 60 * 1000);
    for (const key of [named.storage_key, orphan.key]) utimesSync(join(root, ...key.split('/')), old, old);
    expect(await unsafeRemoveOrphans(deps, store)).toBe(1);
    expect(existsSync(join(root, ...orphan.key.split('/')))).toBe(false);
    expect(existsSync(join(root, ...named.storage_key.split('/')))).toBe(true);
    expect(existsSync(join(root, ...young.key.split('/')))).toBe(true);
  });
});
