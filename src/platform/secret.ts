// The server's secret: SECRET_KEY, or a random key kept in DATA_DIR/secret.key, made
// the first time it is needed and read from then on, so cursors handed out before a
// restart still work after it. Processes that serve the same database must share it:
// the same DATA_DIR, or the same SECRET_KEY (see README, "Configuration").
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeysetCursor } from '../kernel/cursor.js';
import { type CursorKey, decodeCursor, keysetPage } from '../kernel/cursor.js';
import type { Config } from './config.js';

const kept = new Map<string, string>();

export function serverSecret(config: Pick<Config, 'secret' | 'dataDir'>): string {
  if (config.secret) return config.secret;
  const file = join(config.dataDir, 'secret.key');
  const known = kept.get(file);
  if (known) return known;
  let secret: string;
  try {
    secret = readFileSync(file, 'utf8').trim();
  } catch (e) {
    if ((e as { code?: string }).code !== 'ENOENT') throw e;
    // Written aside and linked into place: two processes starting together end up
    // with the same key, and nobody reads a half-written file.
    mkdirSync(config.dataDir, { recursive: true });
    const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(aside, randomBytes(32).toString('base64url'), { mode: 0o600 });
    try {
      linkSync(aside, file);
    } catch (err) {
      if ((err as { code?: string }).code !== 'EEXIST') throw err;
    } finally {
      rmSync(aside, { force: true });
    }
    secret = readFileSync(file, 'utf8').trim();
  }
  if (secret.length < 32) throw new Error(`${file} holds no usable secret`);
  kept.set(file, secret);
  return secret;
}

/**
 * Keyset pagination for one list (`cases`, `commitments`): its cursors are signed
 * with the server's secret and the list's name, so a forged cursor or one from
 * another list answers 400.
 */
export function listPages(config: Pick<Config, 'secret' | 'dataDir'>, list: string) {
  const key = (): CursorKey => ({ secret: serverSecret(config), list });
  return {
    decode: (cursor: string): KeysetCursor => decodeCursor(cursor, key()),
    page: <T>(rows: readonly T[], limit: number, keyOf: (row: T) => KeysetCursor) => keysetPage(rows, limit, keyOf, key()),
  };
}

/**
 * A secret sealed for storage with a key derived from the server's secret, one key per
 * purpose (HKDF-SHA-256), AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>`, base64url. A copy of
 * the database alone does not give it away; changing SECRET_KEY makes it unreadable.
 */
export function sealSecret(config: Pick<Config, 'secret' | 'dataDir'>, purpose: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(config, purpose), iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** The secret back from storage; throws when it was not sealed for this purpose with this server's key. */
export function openSecret(config: Pick<Config, 'secret' | 'dataDir'>, purpose: string, sealed: string): string {
  const [v, iv, tag, body] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || !body) throw new Error(`not a sealed secret (${purpose})`);
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(config, purpose), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

const sealingKey = (config: Pick<Config, 'secret' | 'dataDir'>, purpose: string) => Buffer.from(hkdfSync('sha256', serverSecret(config), 'regie', purpose, 32));
