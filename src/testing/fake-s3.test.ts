// The fake object store answers as the S3 API documents, and only to correctly signed
// requests: its signature check reproduces the worked example of the AWS Signature
// Version 4 documentation ("GET Object", examplebucket, 2013-05-24), and refuses the
// SDK's requests made with a wrong secret.
import { createHash } from 'node:crypto';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSignature, type FakeS3, startFakeS3 } from './fake-s3.js';

let fake: FakeS3;
beforeAll(async () => {
  fake = await startFakeS3();
});
afterAll(() => fake?.close());

const clientWith = (secretAccessKey: string) =>
  new S3Client({
    endpoint: fake.url,
    region: fake.region,
    forcePathStyle: true,
    credentials: { accessKeyId: fake.accessKeyId, secretAccessKey },
    maxAttempts: 1,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

async function refusal(p: Promise<unknown>): Promise<{ name: string; status: number | undefined }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof S3ServiceException) return { name: e.name, status: e.$metadata.httpStatusCode };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('the signature check', () => {
  // The example request of the AWS documentation (Signature Version 4, "Examples:
  // Signature Calculations in AWS Signature Version 4", GET Object).
  const example = {
    method: 'GET',
    path: '/test.txt',
    query: '',
    headers: {
      host: 'examplebucket.s3.amazonaws.com',
      range: 'bytes=0-9',
      'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'x-amz-date': '20130524T000000Z',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    },
    body: Buffer.alloc(0),
  };
  const secrets = { AKIAIOSFODNN7EXAMPLE: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

  it('accepts the documented example and refuses it changed in any signed part', async () => {
    expect(await checkSignature(example, secrets)).toEqual({ ok: true, accessKeyId: 'AKIAIOSFODNN7EXAMPLE' });
    expect(await checkSignature({ ...example, path: '/test2.txt' }, secrets)).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
    expect(await checkSignature({ ...example, headers: { ...example.headers, range: 'bytes=0-10' } }, secrets)).toMatchObject({
      ok: false,
      code: 'SignatureDoesNotMatch',
    });
    expect(await checkSignature(example, { AKIAIOSFODNN7EXAMPLE: 'another-secret' })).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
    expect(await checkSignature(example, {})).toMatchObject({ ok: false, code: 'InvalidAccessKeyId' });
    expect(await checkSignature({ ...example, headers: { ...example.headers, authorization: undefined } }, secrets)).toMatchObject({
      ok: false,
      code: 'AccessDenied',
    });
  });

  it('refuses the SDK’s requests signed with a wrong secret: 403 SignatureDoesNotMatch, nothing stored', async () => {
    const wrong = clientWith('not-the-secret');
    const r = await refusal(wrong.send(new PutObjectCommand({ Bucket: fake.bucket, Key: 'x/y', Body: Buffer.from('hallo') })));
    expect(r).toEqual({ name: 'SignatureDoesNotMatch', status: 403 });
    expect(fake.objects.has('x/y')).toBe(false);
    expect(fake.requests.at(-1)).toMatchObject({ operation: 'PutObject', status: 403, code: 'SignatureDoesNotMatch' });
  });
});

describe('the operations', () => {
  it('puts, heads, gets, lists and deletes, with the documented errors', async () => {
    const s3 = clientWith(fake.secretAccessKey);
    const body = Buffer.from('een tekening');
    await s3.send(
      new PutObjectCommand({
        Bucket: fake.bucket,
        Key: 'p/a b',
        Body: body,
        ContentMD5: createHash('md5').update(body).digest('base64'),
        ChecksumSHA256: createHash('sha256').update(body).digest('base64'),
      }),
    );
    const head = await s3.send(new HeadObjectCommand({ Bucket: fake.bucket, Key: 'p/a b' }));
    expect(head.ContentLength).toBe(body.length);
    const got = await s3.send(new GetObjectCommand({ Bucket: fake.bucket, Key: 'p/a b' }));
    expect(Buffer.from((await got.Body?.transformToByteArray()) as Uint8Array).equals(body)).toBe(true);
    expect(await refusal(s3.send(new GetObjectCommand({ Bucket: fake.bucket, Key: 'p/missing' })))).toEqual({ name: 'NoSuchKey', status: 404 });
    expect(await refusal(s3.send(new HeadObjectCommand({ Bucket: fake.bucket, Key: 'p/missing' })))).toMatchObject({ status: 404 });
    expect(await refusal(s3.send(new GetObjectCommand({ Bucket: 'another-bucket', Key: 'p/a b' })))).toEqual({ name: 'NoSuchBucket', status: 404 });
    // a digest that does not match the bytes: nothing stored
    const bad = s3.send(
      new PutObjectCommand({ Bucket: fake.bucket, Key: 'p/bad', Body: body, ChecksumSHA256: createHash('sha256').update('iets anders').digest('base64') }),
    );
    expect(await refusal(bad)).toEqual({ name: 'BadDigest', status: 400 });
    const badMd5 = s3.send(
      new PutObjectCommand({ Bucket: fake.bucket, Key: 'p/bad', Body: body, ContentMD5: createHash('md5').update('iets anders').digest('base64') }),
    );
    expect(await refusal(badMd5)).toEqual({ name: 'BadDigest', status: 400 });
    expect(fake.objects.has('p/bad')).toBe(false);
    // pages of ListObjectsV2
    for (const k of ['p/1', 'p/2', 'p/3', 'q/1']) await s3.send(new PutObjectCommand({ Bucket: fake.bucket, Key: k, Body: body }));
    fake.maxKeys = 2;
    try {
      const keys: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const page = await s3.send(new ListObjectsV2Command({ Bucket: fake.bucket, Prefix: 'p/', ContinuationToken: token }));
        pages++;
        keys.push(...(page.Contents ?? []).map((c) => c.Key as string));
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      expect(keys).toEqual(['p/1', 'p/2', 'p/3', 'p/a b']);
      expect(pages).toBe(2);
    } finally {
      fake.maxKeys = 1000;
    }
    await s3.send(new DeleteObjectCommand({ Bucket: fake.bucket, Key: 'p/a b' }));
    // deleting what is gone is no error
    await s3.send(new DeleteObjectCommand({ Bucket: fake.bucket, Key: 'p/a b' }));
    expect(fake.objects.has('p/a b')).toBe(false);
    expect(fake.requests.filter((r) => r.code === 'SignatureDoesNotMatch' && r.operation !== 'PutObject')).toEqual([]);
  });
});
