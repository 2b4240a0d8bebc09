// The ZGW client secret (docs/zgw.md#configuration): kept sealed with a key derived
// from the server's secret (platform/secret.ts), AES-256-GCM, the same scheme as the
// webhook signing secrets but under its own key, so a copy of the database alone
// does not give it away. Never returned by the API, never logged.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Config } from '../../platform/config.js';
import { serverSecret } from '../../platform/secret.js';

type KeyConfig = Pick<Config, 'secret' | 'dataDir'>;

const sealingKey = (config: KeyConfig) => Buffer.from(hkdfSync('sha256', serverSecret(config), 'regie', 'zgw-client-secrets', 32));

/** v1.<iv>.<tag>.<ciphertext>, base64url. */
export function sealSecret(config: KeyConfig, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(config), iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** Throws when it was sealed with another server key. */
export function openSecret(config: KeyConfig, sealed: string): string {
  const [v, iv, tag, body] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || !body) throw new Error('not a sealed ZGW secret');
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(config), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
