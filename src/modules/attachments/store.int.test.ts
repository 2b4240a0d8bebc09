// The file stores and the orphan clean-up (docs/product.md#attachments), run against
// the local folder and against S3-compatible object storage (the fake of
// testing/fake-s3.ts): a put is complete or absent (a stream that breaks off leaves no
// file, not even a temporary one); files that no row names are removed after a day,
// named ones stay. The object store's own part: every request correctly signed, the
// bytes verified by the service, an outage or a refused key never a stored half.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { withTestDb } from '../../testing/db.js';
import { actorOf, buildCase, buildMunicipality } from '../../testing/factories.js';
import { type FakeS3, startFakeS3 } from '../../testing/fake-s3.js';
import { unsafeRemoveOrphans } from './jobs.js';
import { s3FileStore } from './s3-store.js';
import { addAttachment } from './service.js';
import { BrokenUpload, type FileStore, localFileStore, StoredFileMissing, StoreUnavailable, TooLarge } from './store.js';
import { fixture } from './testing.js';

const { db, deps } = withTestDb();
const M = '00000000-0000-4000-8000-000000000001';
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const filesUnder = (root: string): string[] =>
  existsSync(root)
    ? readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
        .sort()
    : [];

/** A store under test with a view of what it holds. */
interface Bench {
  store: FileStore;
  /** every complete file by key, and every temporary file as `.tmp/<name>` */
  held(): string[];
  /** make a stored file look written at `when` */
  backdate(key: string, when: Date): void;
  /** the file under `key` vanishes behind Regie's back */
  lose(key: string): void;
  fake?: FakeS3;
}

const fakes: FakeS3[] = [];
afterAll(async () => {
  await Promise.all(fakes.map((f) => f.close()));
});

const benches: { name: string; make: () => Promise<Bench> }[] = [
  {
    name: 'the local folder',
    make: async () => {
      const root = mkdtempSync(join(tmpdir(), 'regie-store-'));
      return {
        store: localFileStore(root),
        held: () => filesUnder(root),
        backdate: (key, when) => utimesSync(join(root, ...key.split('/')), when, when),
        lose: (key) => rmSync(join(root, ...key.split('/'))),
      };
    },
  },
  {
    name: 'S3-compatible object storage',
    make: async () => {
      const fake = await startFakeS3();
      fakes.push(fake);
      // two keys per page, so the clean-up has to follow the continuation tokens
      fake.maxKeys = 2;
      const work = mkdtempSync(join(tmpdir(), 'regie-s3-'));
      const prefix = 'regie/';
      return {
        fake,
        store: s3FileStore(fake.config({ prefix }), join(work, '.tmp'), { retryPauseMs: 1 }),
        held: () => [...[...fake.objects.keys()].map((k) => (k.startsWith(prefix) ? k.slice(prefix.length) : `outside:${k}`)), ...filesUnder(work)].sort(),
        backdate: (key, when) => {
          const o = fake.objects.get(prefix + key);
          if (o) o.lastModified = when;
        },
        lose: (key) => void fake.objects.delete(prefix + key),
      };
    },
  },
];

describe.each(benches)('$name', ({ make }) => {
  it('stores under the prefix and the SHA-256, and gives the bytes back', async () => {
    const b = await make();
    const pdf = fixture('tekening.pdf');
    const s = await b.store.put(Readable.from([pdf.subarray(0, 100), pdf.subarray(100)]), { prefix: M, maxBytes: 10_000 });
    expect(s).toEqual({ key: `${M}/${sha(pdf)}`, sha256: sha(pdf), size: pdf.length });
    const back: Buffer[] = [];
    for await (const chunk of await b.store.get(s.key)) back.push(chunk as Buffer);
    expect(Buffer.concat(back).equals(pdf)).toBe(true);
    expect(b.held()).toEqual([s.key]);
  });

  it('keeps nothing of a stream that breaks off, one that is too large or one the check refuses', async () => {
    const b = await make();
    async function* aborted() {
      yield Buffer.alloc(5_000, 1);
      throw new Error('client went away');
    }
    await expect(b.store.put(Readable.from(aborted()), { prefix: M, maxBytes: 100_000 })).rejects.toBeInstanceOf(BrokenUpload);
    await expect(b.store.put(Readable.from([Buffer.alloc(3_000), Buffer.alloc(3_000)]), { prefix: M, maxBytes: 5_000 })).rejects.toBeInstanceOf(TooLarge);
    const refused = b.store.put(Readable.from([fixture('nep-tekening.pdf')]), {
      prefix: M,
      maxBytes: 5_000,
      check: () => {
        throw new Error('not taken');
      },
    });
    await expect(refused).rejects.toThrow('not taken');
    expect(b.held()).toEqual([]);
    // the object store never heard of any of them
    expect(b.fake?.requests ?? []).toEqual([]);
  });

  it('refuses a key that could leave its folder, and says so when a file is gone', async () => {
    const b = await make();
    await expect(b.store.get('../../etc/passwd')).rejects.toThrow('bad storage key');
    const s = await b.store.put(Readable.from([fixture('tekening.png')]), { prefix: M, maxBytes: 10_000 });
    b.lose(s.key);
    await expect(b.store.get(s.key)).rejects.toBeInstanceOf(StoredFileMissing);
  });

  it('the orphan clean-up removes files no row names once older than a day; keeps named and young ones', async () => {
    const b = await make();
    const m = await buildMunicipality(db);
    const c = await buildCase({ municipality: m, deps, status: 'planning' });
    const director = await actorOf('coordinator', { municipality: m });
    const named = await addAttachment(
      { ...deps, actor: director },
      b.store,
      { caseId: c.id, on: 'message' },
      { stream: Readable.from([fixture('tekening.png')]), fileName: 'a.png' },
    );
    const orphan = await b.store.put(Readable.from([fixture('foto.jpg')]), { prefix: m.id, maxBytes: 10_000 });
    const young = await b.store.put(Readable.from([fixture('tekening.pdf')]), { prefix: m.id, maxBytes: 10_000 });
    const oldOrphan = await b.store.put(Readable.from([fixture('nep-tekening.pdf')]), { prefix: m.id, maxBytes: 10_000 });
    const old = new Date(deps.clock.now().getTime() - 25 * 60 * 60 * 1000);
    for (const key of [named.storage_key, orphan.key, oldOrphan.key]) b.backdate(key, old);
    expect(await unsafeRemoveOrphans(deps, b.store)).toBe(2);
    expect(b.held()).toEqual([named.storage_key, young.key].sort());
  });
});

describe('S3-compatible object storage, its own part', () => {
  it('signs every request correctly and sends the SHA-256 and MD5, which the service checks', async () => {
    const fake = await startFakeS3();
    fakes.push(fake);
    const store = s3FileStore(fake.config({ prefix: 'regie/' }), mkdtempSync(join(tmpdir(), 'regie-s3-')), { retryPauseMs: 1 });
    const pdf = fixture('tekening.pdf');
    const s = await store.put(Readable.from([pdf]), { prefix: M, maxBytes: 10_000 });
    expect([...fake.objects.keys()]).toEqual([`regie/${M}/${sha(pdf)}`]);
    for await (const _ of await store.get(s.key));
    for await (const _ of store.list());
    await store.delete(s.key);
    expect(fake.objects.size).toBe(0);
    // the fake recomputes each signature (SigV4) and checks each digest: all passed
    expect(fake.requests.map((r) => [r.operation, r.status])).toEqual([
      ['PutObject', 200],
      ['GetObject', 200],
      ['ListObjectsV2', 200],
      ['DeleteObject', 204],
    ]);
  });

  it('a wrong secret: refused by the service (403 SignatureDoesNotMatch), nothing stored, no temporary file left', async () => {
    const fake = await startFakeS3();
    fakes.push(fake);
    const work = mkdtempSync(join(tmpdir(), 'regie-s3-'));
    const store = s3FileStore(fake.config({ secretAccessKey: 'not-the-secret' }), join(work, '.tmp'), { retryPauseMs: 1 });
    const put = store.put(Readable.from([fixture('tekening.pdf')]), { prefix: M, maxBytes: 10_000 });
    await expect(put).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(put).rejects.toThrow('SignatureDoesNotMatch (HTTP 403)');
    // a refusal is not tried again
    expect(fake.requests).toEqual([{ method: 'PUT', path: expect.any(String), operation: 'PutObject', status: 403, code: 'SignatureDoesNotMatch' }]);
    expect(fake.objects.size).toBe(0);
    expect(filesUnder(work)).toEqual([]);
  });

  it('an outage (503 or connections dropped): the put is tried three times, then fails; nothing stored or left behind', async () => {
    const fake = await startFakeS3();
    fakes.push(fake);
    const work = mkdtempSync(join(tmpdir(), 'regie-s3-'));
    const store = s3FileStore(fake.config(), join(work, '.tmp'), { retryPauseMs: 1 });
    const kept = await store.put(Readable.from([fixture('tekening.png')]), { prefix: M, maxBytes: 10_000 });
    for (const outage of ['unavailable', 'reset'] as const) {
      fake.outage = outage;
      fake.requests.length = 0;
      await expect(store.put(Readable.from([fixture('tekening.pdf')]), { prefix: M, maxBytes: 10_000 })).rejects.toBeInstanceOf(StoreUnavailable);
      expect(fake.requests.length).toBe(3);
      await expect(store.get(kept.key)).rejects.toBeInstanceOf(StoreUnavailable);
      expect([...fake.objects.keys()]).toEqual([kept.key]);
      expect(filesUnder(work)).toEqual([]);
    }
    fake.outage = 'none';
    const back: Buffer[] = [];
    for await (const chunk of await store.get(kept.key)) back.push(chunk as Buffer);
    expect(Buffer.concat(back).equals(fixture('tekening.png'))).toBe(true);
  });
});
