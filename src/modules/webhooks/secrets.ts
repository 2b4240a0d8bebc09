// The signing secrets of webhook subscriptions (docs/product.md#webhooks). Regie makes
// each secret (Standard Webhooks format: whsec_ and 32 random bytes in base64), shows
// it once, and keeps it sealed with a key derived from the server's secret
// (platform/secret.ts): AES-256-GCM, so a copy of the database alone does not give
// the secrets away. Changing SECRET_KEY makes the sealed secrets unreadable: rotate
// them then (docs/integrations.md#configuring).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Config } from '../../platform/config.js';
import { serverSecret } from '../../platform/secret.js';

const PREFIX = 'whsec_';

/** A new signing secret, as the receiver configures it. */
export function newSigningSecret(): string {
  return `${PREFIX}${randomBytes(32).toString('base64')}`;
}

function sealingKey(config: Pick<Config, 'secret' | 'dataDir'>): Buffer {
  return Buffer.from(hkdfSync('sha256', serverSecret(config), 'regie', 'webhook-signing-secrets', 32));
}

/** The secret sealed for storage: v1.<iv>.<tag>.<ciphertext>, base64url. */
export function sealSecret(config: Pick<Config, 'secret' | 'dataDir'>, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(config), iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** The secret back from storage; throws when it was sealed with another server key. */
export function openSecret(config: Pick<Config, 'secret' | 'dataDir'>, sealed: string): string {
  const [v, iv, tag, body] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || !body) throw new Error('not a sealed webhook secret');
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(config), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
