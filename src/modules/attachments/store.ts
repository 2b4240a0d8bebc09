// Where the files are kept (docs/attachments.md). A small interface so the local folder
// and an object store are interchangeable: put a stream (hashed while it is written),
// get it back by key, delete it. Both address a file by the municipality and the
// SHA-256 of its content. The local store keeps DATA_DIR/files: a file is written to a
// temporary name, fsynced and only then renamed into place, so a key names a complete
// file or nothing (docs/product.md#attachments). The object store (s3-store.ts) takes
// the same temporary file and uploads it once it is complete and checked.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';

export interface PutOptions {
  /** the folder of the key, the municipality's id */
  prefix: string;
  /** more than this many bytes: the put fails with TooLarge and nothing is kept */
  maxBytes: number;
  /**
   * Asked with the first bytes (up to 4,100) once they are in; a throw aborts the put
   * and nothing is kept. The type check by content lives here.
   */
  check?: (head: Buffer) => Promise<void> | void;
}

export interface Stored {
  key: string;
  sha256: string;
  size: number;
}

export interface FileStore {
  put(stream: Readable, opts: PutOptions): Promise<Stored>;
  get(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
  /** every key with the time it was written, for the orphan clean-up */
  list(): AsyncIterable<{ key: string; writtenAt: Date }>;
  /** temporary files of puts that never finished (a crash mid-upload) older than `before`; how many */
  removeStale(before: Date): Promise<number>;
}

export class TooLarge extends Error {
  constructor() {
    super('file too large');
  }
}

export class EmptyFile extends Error {
  constructor() {
    super('file empty');
  }
}

/** The store cannot be reached or refuses to work (an object store that is down, a wrong key or bucket). */
export class StoreUnavailable extends Error {
  constructor(readonly reason: string) {
    super(`file store unavailable: ${reason}`);
  }
}

/** A key whose file is not (any more) in the store. */
export class StoredFileMissing extends Error {
  constructor() {
    super('stored file missing');
  }
}

/** The upload itself broke off or did not parse (a client that went away, a multipart body cut short). */
export class BrokenUpload extends Error {
  constructor(readonly reason: unknown) {
    super('upload broken off');
  }
}

/** The chunks of a stream; a failure of the stream itself (not of the store) is a BrokenUpload. */
async function* readingOf(stream: Readable): AsyncGenerator<Buffer> {
  const it = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<Buffer>;
    try {
      next = await it.next();
    } catch (e) {
      throw new BrokenUpload(e);
    }
    if (next.done) return;
    yield next.value;
  }
}

export const HEAD_BYTES = 4_100;
export const KEY = /^[0-9a-f-]{36}\/[0-9a-f]{64}$/;

/** A complete, checked upload in a temporary file, with its digests. */
export interface Received {
  tmp: string;
  sha256: string;
  /** base64 of the MD5, for an object store's Content-MD5 */
  md5: string;
  size: number;
}

/**
 * Stream an upload into a new temporary file under `tmpDir`, hashing it as it comes:
 * too large, empty, broken off or refused by the check, and the temporary file is gone
 * again before the error is thrown.
 */
export async function receive(stream: Readable, opts: PutOptions, tmpDir: string): Promise<Received> {
  await mkdir(tmpDir, { recursive: true });
  const tmp = join(tmpDir, `${randomBytes(12).toString('hex')}.part`);
  const fh = await open(tmp, 'wx', 0o600);
  const hash = createHash('sha256');
  const md5 = createHash('md5');
  let size = 0;
  let head = Buffer.alloc(0);
  let checked = false;
  try {
    try {
      for await (const chunk of readingOf(stream)) {
        size += chunk.length;
        if (size > opts.maxBytes) throw new TooLarge();
        if (!checked) {
          head = Buffer.concat([head, chunk]).subarray(0, HEAD_BYTES);
          if (head.length >= HEAD_BYTES) {
            checked = true;
            await opts.check?.(head);
          }
        }
        hash.update(chunk);
        md5.update(chunk);
        await fh.write(chunk);
      }
      if ((stream as { truncated?: boolean }).truncated) throw new TooLarge();
      if (size === 0) throw new EmptyFile();
      if (!checked) await opts.check?.(head);
      await fh.sync();
    } finally {
      await fh.close();
    }
    return { tmp, sha256: hash.digest('hex'), md5: md5.digest('base64'), size };
  } catch (e) {
    await rm(tmp, { force: true });
    // let the rest of the request go, so the connection can answer
    stream.resume();
    throw e;
  }
}

/** The store in a local folder (by default DATA_DIR/files). */
export function localFileStore(root: string): FileStore {
  const tmpDir = join(root, '.tmp');
  const pathOf = (key: string) => {
    if (!KEY.test(key)) throw new Error('bad storage key');
    return join(root, ...key.split('/'));
  };
  return {
    async put(stream, opts) {
      const { tmp, sha256, size } = await receive(stream, opts, tmpDir);
      try {
        const key = `${opts.prefix}/${sha256}`;
        const path = pathOf(key);
        await mkdir(dirname(path), { recursive: true });
        await rename(tmp, path);
        // the rename itself is durable once the folder is synced
        const dir = await open(dirname(path), 'r');
        try {
          await dir.sync();
        } finally {
          await dir.close();
        }
        return { key, sha256, size };
      } catch (e) {
        await rm(tmp, { force: true });
        throw e;
      }
    },
    async get(key) {
      const path = pathOf(key);
      await stat(path).catch((e: NodeJS.ErrnoException) => {
        throw e.code === 'ENOENT' ? new StoredFileMissing() : e;
      });
      return createReadStream(path);
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
    async *list() {
      let prefixes: string[];
      try {
        prefixes = await readdir(root);
      } catch {
        return;
      }
      for (const p of prefixes) {
        if (p === '.tmp') continue;
        let names: string[];
        try {
          names = await readdir(join(root, p));
        } catch {
          continue;
        }
        for (const n of names) {
          const key = relative(root, join(root, p, n))
            .split(sep)
            .join('/');
          if (!KEY.test(key)) continue;
          const s = await stat(join(root, p, n)).catch(() => null);
          if (s) yield { key, writtenAt: s.mtime };
        }
      }
    },
    removeStale: (before) => removeStaleParts(tmpDir, before),
  };
}

export async function removeStaleParts(tmpDir: string, before: Date): Promise<number> {
  let n = 0;
  for (const name of await readdir(tmpDir).catch(() => [] as string[])) {
    const s = await stat(join(tmpDir, name)).catch(() => null);
    if (s && s.mtime < before) {
      await rm(join(tmpDir, name), { force: true });
      n++;
    }
  }
  return n;
}
