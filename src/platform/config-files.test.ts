// FILES_S3_*: the object store for the attachments (docs/integrations.md#bestanden-in-s3-compatibele-opslag).
// Unset keeps the local folder; set, every value is checked at start with an error in
// Dutch and English, and the secret never reaches the log.
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { createLogger } from './log.js';

const minio = {
  FILES_S3_ENDPOINT: 'https://s3.gemeente.example:9000/',
  FILES_S3_BUCKET: 'regie-bestanden',
  FILES_S3_ACCESS_KEY_ID: 'regie',
  FILES_S3_SECRET_ACCESS_KEY: 'geheim-van-de-opslag-0123456789',
  FILES_S3_FORCE_PATH_STYLE: 'true',
};

describe('the files configuration', () => {
  it('keeps the local folder when nothing is set', () => {
    expect(loadConfig({}).files).toEqual({ s3: null });
    expect(loadConfig({ FILES_S3_BUCKET: '  ' }).files).toEqual({ s3: null });
  });

  it('reads an S3-compatible service, with us-east-1 as the region of an endpoint without one and the prefix ending in /', () => {
    expect(loadConfig({ ...minio, FILES_S3_PREFIX: '/regie/productie/' }).files.s3).toEqual({
      endpoint: 'https://s3.gemeente.example:9000',
      bucket: 'regie-bestanden',
      region: 'us-east-1',
      accessKeyId: 'regie',
      secretAccessKey: 'geheim-van-de-opslag-0123456789',
      forcePathStyle: true,
      prefix: 'regie/productie/',
    });
    // AWS S3 itself: no endpoint, a region
    expect(loadConfig({ ...minio, FILES_S3_ENDPOINT: '', FILES_S3_FORCE_PATH_STYLE: '', FILES_S3_REGION: 'eu-central-1' }).files.s3).toMatchObject({
      endpoint: undefined,
      region: 'eu-central-1',
      forcePathStyle: false,
      prefix: '',
    });
  });

  it('refuses an incomplete or wrong configuration at start, in Dutch and English', () => {
    expect(() => loadConfig({ ...minio, FILES_S3_SECRET_ACCESS_KEY: '' })).toThrow(
      'FILES_S3_SECRET_ACCESS_KEY ontbreekt: zet het als FILES_S3_* is ingesteld (FILES_S3_SECRET_ACCESS_KEY is missing: set it when FILES_S3_* is set)',
    );
    expect(() => loadConfig({ FILES_S3_ENDPOINT: 'https://s3.example' })).toThrow(/FILES_S3_BUCKET ontbreekt.*FILES_S3_BUCKET is missing/);
    expect(() => loadConfig({ ...minio, FILES_S3_ENDPOINT: 's3.example' })).toThrow(
      /FILES_S3_ENDPOINT moet een http\(s\)-adres zijn.*must be an http\(s\) URL/,
    );
    expect(() => loadConfig({ ...minio, FILES_S3_ENDPOINT: 'https://key:secret@s3.example' })).toThrow(/FILES_S3_ENDPOINT/);
    expect(() => loadConfig({ ...minio, FILES_S3_BUCKET: 'Regie_Bestanden' })).toThrow(/FILES_S3_BUCKET moet een bucketnaam zijn/);
    expect(() => loadConfig({ ...minio, FILES_S3_ENDPOINT: '' })).toThrow(/FILES_S3_REGION ontbreekt.*FILES_S3_REGION is missing/);
    expect(() => loadConfig({ ...minio, FILES_S3_FORCE_PATH_STYLE: 'ja' })).toThrow(/FILES_S3_FORCE_PATH_STYLE is true of false.*must be true or false/);
    expect(() => loadConfig({ ...minio, FILES_S3_PREFIX: 'regie/../anders' })).toThrow(/FILES_S3_PREFIX/);
    expect(() => loadConfig({ ...minio, FILES_S3_PREFIX: 'regie bestanden' })).toThrow(/FILES_S3_PREFIX/);
  });

  it('never logs the secret, however deep the configuration sits in what is logged', () => {
    const config = loadConfig(minio);
    const lines: string[] = [];
    const log = createLogger({ logLevel: 'info', logFormat: 'json' }, { write: (s: string) => void lines.push(s) });
    log.info(config.files.s3 ?? {}, 'store');
    log.info({ files: config.files }, 'files');
    log.info({ config }, 'config');
    const out = lines.join('');
    expect(out).not.toContain('geheim-van-de-opslag');
    expect(out).toContain('regie-bestanden');
    expect(lines).toHaveLength(3);
  });
});
