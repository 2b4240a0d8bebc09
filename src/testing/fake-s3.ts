// A local fake of an S3-compatible object store (node:http, path-style addressing: one
// bucket at `<url>/<bucket>`), answering PutObject, GetObject, HeadObject, DeleteObject
// and ListObjectsV2 the way the Amazon S3 API reference documents them, errors as the
// documented XML bodies (NoSuchKey, NoSuchBucket, BadDigest, SignatureDoesNotMatch, …).
// Every request must carry a valid AWS Signature Version 4: the fake recomputes it
// with @smithy/signature-v4 from the headers the request names as signed and refuses
// a mismatch with 403 SignatureDoesNotMatch, an unknown key with 403 InvalidAccessKeyId.
// A PutObject's Content-MD5, x-amz-checksum-sha256 and x-amz-content-sha256 are checked
// against the bytes received. `outage` makes it answer 503 or drop connections.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignatureV4 } from '@smithy/signature-v4';
import type { S3FilesConfig } from '../platform/config.js';

export interface FakeObject {
  body: Buffer;
  lastModified: Date;
  etag: string;
  contentType: string;
}

export interface FakeS3Request {
  method: string;
  path: string;
  /** the S3 operation the fake took it for */
  operation: string;
  status: number;
  /** the error code of a refused request */
  code?: string;
}

export interface FakeS3 {
  /** the endpoint, e.g. http://127.0.0.1:39123 */
  url: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** the bucket's objects by key */
  objects: Map<string, FakeObject>;
  /** every request, in order */
  requests: FakeS3Request[];
  /** `unavailable`: 503 ServiceUnavailable to everything; `reset`: every connection dropped unanswered */
  outage: 'none' | 'unavailable' | 'reset';
  /** at most this many keys per ListObjectsV2 page (S3's own limit is 1,000) */
  maxKeys: number;
  /** FILES_S3_* as a configuration that reaches this fake */
  config(overrides?: Partial<S3FilesConfig>): S3FilesConfig;
  close(): Promise<void>;
}

/** SHA-256 and HMAC-SHA256 from node:crypto, in the shape @smithy/signature-v4 asks for. */
class NodeSha256 {
  private hash: ReturnType<typeof createHash> | ReturnType<typeof createHmac>;
  private readonly secret: string | Uint8Array | undefined;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.secret = NodeSha256.bytes(secret);
    this.hash = this.secret ? createHmac('sha256', this.secret) : createHash('sha256');
  }
  private static bytes(data: string | ArrayBuffer | ArrayBufferView | undefined): string | Uint8Array | undefined {
    if (data === undefined || typeof data === 'string') return data;
    return ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(NodeSha256.bytes(data) as string | Uint8Array);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.secret ? createHmac('sha256', this.secret) : createHash('sha256');
  }
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The documented error body: <Error><Code/><Message/>…<RequestId/></Error>. */
function errorXml(code: string, message: string, extra: Record<string, string> = {}): string {
  const more = Object.entries(extra)
    .map(([k, v]) => `<${k}>${xmlEscape(v)}</${k}>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message>${more}<RequestId>${randomBytes(8).toString('hex').toUpperCase()}</RequestId></Error>`;
}

export interface SignedRequest {
  method: string;
  /** the path as sent, still percent-encoded */
  path: string;
  /** the query as sent, after the `?` */
  query: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export type SignatureCheck =
  | { ok: true; accessKeyId: string }
  | { ok: false; code: 'AccessDenied' | 'InvalidAccessKeyId' | 'SignatureDoesNotMatch'; message: string };

const AUTH = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

/**
 * Recompute a request's AWS Signature Version 4 (header form) with the secret of its
 * access key and compare it with the one it carries.
 */
export async function checkSignature(req: SignedRequest, secrets: Record<string, string>): Promise<SignatureCheck> {
  const header = req.headers.authorization;
  const m = typeof header === 'string' ? AUTH.exec(header) : null;
  if (!m) return { ok: false, code: 'AccessDenied', message: 'Access Denied' };
  const [, accessKeyId, day, region, service, signedHeaders, signature] = m as unknown as string[];
  const secretAccessKey = secrets[accessKeyId as string];
  if (secretAccessKey === undefined) {
    return { ok: false, code: 'InvalidAccessKeyId', message: 'The AWS Access Key Id you provided does not exist in our records.' };
  }
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  const when = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(amzDate);
  const mismatch = {
    ok: false as const,
    code: 'SignatureDoesNotMatch' as const,
    message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
  };
  if (!when || amzDate.slice(0, 8) !== day) return mismatch;
  const names = (signedHeaders as string).split(';');
  const headers: Record<string, string> = {};
  for (const n of names) {
    const v = req.headers[n];
    if (v === undefined) return mismatch;
    headers[n] = Array.isArray(v) ? v.join(',') : v;
  }
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(req.query)) {
    const had = query[k];
    query[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  const [host, port] = (headers.host ?? '').split(':');
  const signer = new SignatureV4({
    service: service as string,
    region: region as string,
    credentials: { accessKeyId: accessKeyId as string, secretAccessKey },
    sha256: NodeSha256,
    // S3 signs the path as sent, without normalising or encoding it again
    uriEscapePath: false,
  });
  const signed = await signer.sign(
    { method: req.method, protocol: 'http:', hostname: host ?? '', port: port ? Number(port) : undefined, path: req.path, query, headers, body: req.body },
    {
      signingDate: new Date(Date.UTC(Number(when[1]), Number(when[2]) - 1, Number(when[3]), Number(when[4]), Number(when[5]), Number(when[6]))),
      signableHeaders: new Set(names),
    },
  );
  const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization ?? ''))?.[1];
  return expected === signature ? { ok: true, accessKeyId: accessKeyId as string } : mismatch;
}

const httpDate = (d: Date) => d.toUTCString();

export async function startFakeS3(opts: { bucket?: string; region?: string; accessKeyId?: string; secretAccessKey?: string } = {}): Promise<FakeS3> {
  const fake: FakeS3 = {
    url: '',
    bucket: opts.bucket ?? 'regie-bestanden',
    region: opts.region ?? 'eu-nl-1',
    accessKeyId: opts.accessKeyId ?? 'REGIETESTKEY0000',
    secretAccessKey: opts.secretAccessKey ?? `fake-s3-secret-${randomBytes(12).toString('hex')}`,
    objects: new Map(),
    requests: [],
    outage: 'none',
    maxKeys: 1000,
    config: (overrides = {}) => ({
      endpoint: fake.url,
      bucket: fake.bucket,
      region: fake.region,
      accessKeyId: fake.accessKeyId,
      secretAccessKey: fake.secretAccessKey,
      forcePathStyle: true,
      prefix: '',
      ...overrides,
    }),
    close: async () => {},
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const [rawPath = '/', rawQuery = ''] = (req.url ?? '/').split(/\?(.*)/s);
    const params = new URLSearchParams(rawQuery);
    const segments = rawPath.split('/').slice(1);
    const bucket = decodeURIComponent(segments[0] ?? '');
    const key = segments.slice(1).map(decodeURIComponent).join('/');
    const method = req.method ?? 'GET';
    const operation = !key
      ? method === 'GET' && params.get('list-type') === '2'
        ? 'ListObjectsV2'
        : `${method} bucket`
      : (({ PUT: 'PutObject', GET: 'GetObject', HEAD: 'HeadObject', DELETE: 'DeleteObject' } as Record<string, string>)[method] ?? method);
    const log: FakeS3Request = { method, path: rawPath, operation, status: 200 };
    fake.requests.push(log);
    const fail = (status: number, code: string, message: string, extra: Record<string, string> = {}) => {
      log.status = status;
      log.code = code;
      res.statusCode = status;
      if (method === 'HEAD') return res.end();
      res.setHeader('content-type', 'application/xml');
      res.end(errorXml(code, message, extra));
    };

    if (fake.outage === 'unavailable') return fail(503, 'ServiceUnavailable', 'Please reduce your request rate.');
    const check = await checkSignature({ method, path: rawPath, query: rawQuery, headers: req.headers, body }, { [fake.accessKeyId]: fake.secretAccessKey });
    if (!check.ok) return fail(403, check.code, check.message);
    const contentSha = String(req.headers['x-amz-content-sha256'] ?? '');
    if (contentSha.startsWith('STREAMING-')) return fail(501, 'NotImplemented', 'A header you provided implies functionality that is not implemented');
    if (contentSha && contentSha !== 'UNSIGNED-PAYLOAD' && contentSha !== createHash('sha256').update(body).digest('hex')) {
      return fail(400, 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }
    if (bucket !== fake.bucket) return fail(404, 'NoSuchBucket', 'The specified bucket does not exist', { BucketName: bucket });

    switch (operation) {
      case 'PutObject': {
        const md5 = req.headers['content-md5'];
        if (md5 !== undefined) {
          if (Buffer.from(String(md5), 'base64').length !== 16) return fail(400, 'InvalidDigest', 'The Content-MD5 you specified was invalid.');
          if (createHash('md5').update(body).digest('base64') !== md5) {
            return fail(400, 'BadDigest', 'The Content-MD5 you specified did not match what we received.');
          }
        }
        const sha = req.headers['x-amz-checksum-sha256'];
        if (sha !== undefined && createHash('sha256').update(body).digest('base64') !== sha) {
          return fail(400, 'BadDigest', 'The SHA256 you specified did not match the calculated checksum.');
        }
        const etag = `"${createHash('md5').update(body).digest('hex')}"`;
        fake.objects.set(key, {
          body,
          lastModified: new Date(Math.floor(Date.now() / 1000) * 1000),
          etag,
          contentType: String(req.headers['content-type'] ?? 'binary/octet-stream'),
        });
        res.setHeader('ETag', etag);
        if (sha !== undefined) res.setHeader('x-amz-checksum-sha256', String(sha));
        return res.end();
      }
      case 'GetObject':
      case 'HeadObject': {
        const o = fake.objects.get(key);
        if (!o) return fail(404, 'NoSuchKey', 'The specified key does not exist.', { Key: key });
        res.setHeader('Content-Type', o.contentType);
        res.setHeader('Content-Length', o.body.length);
        res.setHeader('ETag', o.etag);
        res.setHeader('Last-Modified', httpDate(o.lastModified));
        res.setHeader('Accept-Ranges', 'bytes');
        return res.end(method === 'HEAD' ? undefined : o.body);
      }
      case 'DeleteObject': {
        // deleting a key that is not there is no error
        fake.objects.delete(key);
        log.status = 204;
        res.statusCode = 204;
        return res.end();
      }
      case 'ListObjectsV2': {
        const prefix = params.get('prefix') ?? '';
        const max = Math.min(Number(params.get('max-keys') ?? 1000), fake.maxKeys);
        const token = params.get('continuation-token');
        const after = token ? Buffer.from(token, 'base64').toString() : (params.get('start-after') ?? '');
        const keys = [...fake.objects.keys()].filter((k) => k.startsWith(prefix) && k > after).sort();
        const page = keys.slice(0, max);
        const truncated = keys.length > page.length;
        const contents = page
          .map((k) => {
            const o = fake.objects.get(k) as FakeObject;
            return `<Contents><Key>${xmlEscape(k)}</Key><LastModified>${o.lastModified.toISOString()}</LastModified><ETag>${xmlEscape(o.etag)}</ETag><Size>${o.body.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`;
          })
          .join('');
        res.setHeader('content-type', 'application/xml');
        return res.end(
          `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${xmlEscape(bucket)}</Name><Prefix>${xmlEscape(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${max}</MaxKeys><IsTruncated>${truncated}</IsTruncated>${token ? `<ContinuationToken>${xmlEscape(token)}</ContinuationToken>` : ''}${truncated ? `<NextContinuationToken>${Buffer.from(page.at(-1) as string).toString('base64')}</NextContinuationToken>` : ''}${contents}</ListBucketResult>`,
        );
      }
      default:
        return fail(501, 'NotImplemented', 'A header you provided implies functionality that is not implemented');
    }
  };

  const server = createServer((req, res) => {
    if (fake.outage === 'reset') {
      fake.requests.push({ method: req.method ?? '', path: req.url ?? '', operation: 'dropped', status: 0 });
      req.socket.destroy();
      return;
    }
    handle(req, res).catch(() => {
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
