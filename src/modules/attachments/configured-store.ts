// The file store of an installation, chosen by its configuration (docs/attachments.md):
// the composition root asks for it, the routes and the clean-up get it handed.
import { join } from 'node:path';
import type { Config } from '../../platform/config.js';
import { s3FileStore } from './s3-store.js';
import { type FileStore, localFileStore } from './store.js';

/** The files folder of an installation: DATA_DIR/files (docs/attachments.md). */
export const filesDir = (config: Config) => join(config.dataDir, 'files');

/**
 * The store an installation is configured with: the bucket of FILES_S3_* when set
 * (uploads still pass through DATA_DIR/files/.tmp), else the local folder.
 */
export function fileStoreFor(config: Config): FileStore {
  const s3 = config.files.s3;
  return s3 ? s3FileStore(s3, join(filesDir(config), '.tmp')) : localFileStore(filesDir(config));
}
