// The files in a bucket of S3-compatible object storage (MinIO, Ceph, AWS S3, another
// provider), for an installation that sets FILES_S3_* (docs/integrations.md#bestanden-in-s3-compatibele-opslag).
// The same keys as the local folder, `<municipality id>/<sha256>`, behind an optional
// prefix. An upload is first received into a temporary file (size and type checked,
// SHA-256 known), then put in one PutObject carrying its SHA-256 and MD5, so the
// service checks the bytes it got; the temporary file is removed either way. Only a
// put the service confirmed returns a key, so a row never names a missing object
// (docs/product.md#attachments).
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { setTimeout as wait } from 'node:timers/promises';
import type { ListObjectsV2CommandOutput, S3Client } from '@aws-sdk/client-s3';
import type { S3FilesConfig } from '../../platform/config.js';
import { type FileStore, KEY, receive, removeStaleParts, StoredFileMissing, StoreUnavailable } from './store.js';

/** Attempts of one put: a fresh read of the temporary file each time. */
const PUT_ATTEMPTS = 3;

/** An error answered by the service (the SDK's ServiceException): its code and HTTP status. */
const serviceError = (e: unknown): { name: string; status: number | undefined } | null =>
  e instanceof Error && '$metadata' in e && '$fault' in e ? { name: e.name, status: (e.$metadata as { httpStatusCode?: number }).httpStatusCode } : null;

/** What went wrong, as the operator needs it: the service's error code or the connection's, never a value from the request. */
function reasonOf(e: unknown): string {
  const s = serviceError(e);
  if (s) return `${s.name} (HTTP ${s.status ?? '?'})`;
  const err = e as { code?: unknown; name?: unknown };
  return typeof err.code === 'string' ? err.code : typeof err.name === 'string' ? err.name : 'unknown';
}

const isMissing = (e: unknown) => {
  const s = serviceError(e);
  return s !== null && (s.name === 'NoSuchKey' || s.name === 'NotFound' || s.status === 404);
};
/** Worth another attempt: the service's own trouble or the connection's, not a refusal (wrong key, no bucket, bad digest). */
const isPassing = (e: unknown) => {
  const s = serviceError(e);
  return s === null || (s.status ?? 500) >= 500 || s.name === 'SlowDown' || s.name === 'RequestTimeout';
};

// The SDK is loaded at the first use of a bucket: an installation with the local folder
// never loads it.
type Sdk = typeof import('@aws-sdk/client-s3');
let sdkLoading: Promise<Sdk> | undefined;
const loadSdk = () => {
  sdkLoading ??= import('@aws-sdk/client-s3');
  return sdkLoading;
};

const nothing = () => {};
const quiet = { trace: nothing, debug: nothing, info: nothing, warn: nothing, error: nothing };

export interface S3StoreOptions {
  /** pause before the second and later attempt of a put; shortened in the tests */
  retryPauseMs?: number;
}

export function s3FileStore(config: S3FilesConfig, tmpDir: string, opts: S3StoreOptions = {}): FileStore {
  const base = {
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // The digests are sent by hand (ChecksumSHA256 and Content-MD5 of the put); the
    // SDK's own default checksums are not understood by every S3-compatible service.
    requestChecksumCalculation: 'WHEN_REQUIRED' as const,
    responseChecksumValidation: 'WHEN_REQUIRED' as const,
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    // The SDK writes to the console when a put fails; the route's log says it instead,
    // without anything from the request (routes.ts, storageTrouble).
    logger: quiet,
  };
  // Reads, deletes and lists are retried by the SDK; a put is retried here, since a
  // stream read once cannot be sent again.
  let clients: Promise<{ sdk: Sdk; client: S3Client; putClient: S3Client }> | undefined;
  const ready = () => {
    clients ??= loadSdk().then((sdk) => ({
      sdk,
      client: new sdk.S3Client({ ...base, maxAttempts: 3 }),
      putClient: new sdk.S3Client({ ...base, maxAttempts: 1 }),
    }));
    return clients;
  };
  const pause = opts.retryPauseMs ?? 250;
  const objectKey = (key: string) => {
    if (!KEY.test(key)) throw new Error('bad storage key');
    return `${config.prefix}${key}`;
  };

  return {
    async put(stream, putOpts) {
      const r = await receive(stream, putOpts, tmpDir);
      try {
        const { sdk, putClient } = await ready();
        const key = `${putOpts.prefix}/${r.sha256}`;
        for (let attempt = 1; ; attempt++) {
          try {
            await putClient.send(
              new sdk.PutObjectCommand({
                Bucket: config.bucket,
                Key: objectKey(key),
                Body: createReadStream(r.tmp),
                ContentLength: r.size,
                ContentType: 'application/octet-stream',
                ContentMD5: r.md5,
                ChecksumSHA256: Buffer.from(r.sha256, 'hex').toString('base64'),
              }),
            );
            return { key, sha256: r.sha256, size: r.size };
          } catch (e) {
            if (attempt >= PUT_ATTEMPTS || !isPassing(e)) throw new StoreUnavailable(reasonOf(e));
            await wait(pause * attempt);
          }
        }
      } finally {
        await rm(r.tmp, { force: true });
      }
    },

    async get(key) {
      const Key = objectKey(key);
      const { sdk, client } = await ready();
      try {
        const out = await client.send(new sdk.GetObjectCommand({ Bucket: config.bucket, Key }));
        return out.Body as Readable;
      } catch (e) {
        if (isMissing(e)) throw new StoredFileMissing();
        throw new StoreUnavailable(reasonOf(e));
      }
    },

    async delete(key) {
      const Key = objectKey(key);
      const { sdk, client } = await ready();
      try {
        await client.send(new sdk.DeleteObjectCommand({ Bucket: config.bucket, Key }));
      } catch (e) {
        throw new StoreUnavailable(reasonOf(e));
      }
    },

    async *list() {
      const { sdk, client } = await ready();
      let token: string | undefined;
      do {
        let page: ListObjectsV2CommandOutput;
        try {
          page = await client.send(new sdk.ListObjectsV2Command({ Bucket: config.bucket, Prefix: config.prefix || undefined, ContinuationToken: token }));
        } catch (e) {
          throw new StoreUnavailable(reasonOf(e));
        }
        for (const o of page.Contents ?? []) {
          const key = o.Key?.slice(config.prefix.length);
          if (key && o.Key?.startsWith(config.prefix) && KEY.test(key) && o.LastModified) yield { key, writtenAt: o.LastModified };
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },

    // nothing of a put that broke off stays in the bucket (one PutObject, no multipart
    // upload); only the temporary files here are left to clean
    removeStale: (before) => removeStaleParts(tmpDir, before),
  };
}
