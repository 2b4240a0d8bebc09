// Secrets of the OpenID Connect logins at rest (docs/product.md#logging-in-through-openid-connect):
// a client secret and an ID token are sealed (AES-256-GCM), a BSN or KvK number is kept
// as a keyed hash (HMAC-SHA-256) to find it again and sealed for the audit alone. The
// keys are derived from the server's secret (src/platform/secret.ts), one per purpose.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { Config } from '../../platform/config.js';
import { serverSecret } from '../../platform/secret.js';

type Keyed = Pick<Config, 'secret' | 'dataDir'>;

const keyFor = (config: Keyed, purpose: string) => Buffer.from(hkdfSync('sha256', serverSecret(config), 'regie', purpose, 32));

/** Sealed text: `v1.` + base64url(iv ‖ tag ‖ ciphertext). */
export function seal(config: Keyed, plain: string, purpose = 'login-secrets'): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(config, purpose), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** The plain text of a sealed value, or null when it was not sealed here (tampered, another key). */
export function unseal(config: Keyed, sealed: string, purpose = 'login-secrets'): string | null {
  if (!sealed.startsWith('v1.')) return null;
  const raw = Buffer.from(sealed.slice(3), 'base64url');
  if (raw.length < 29) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(config, purpose), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** The keyed hash a BSN or KvK number is found by; without the server's secret it cannot be reversed by trying all numbers. */
export function keyedHash(config: Keyed, kind: 'bsn' | 'kvk', value: string): string {
  return createHmac('sha256', keyFor(config, 'identity-hash')).update(`${kind}:${value}`).digest('hex');
}
