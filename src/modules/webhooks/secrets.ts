// The signing secrets of webhook subscriptions (docs/product.md#webhooks). Regie makes
// each secret (Standard Webhooks format: whsec_ and 32 random bytes in base64), shows
// it once, and keeps it sealed with a key derived from the server's secret
// (platform/secret.ts): AES-256-GCM, so a copy of the database alone does not give
// the secrets away. Changing SECRET_KEY makes the sealed secrets unreadable: rotate
// them then (docs/integrations.md#configuring).
import { randomBytes } from 'node:crypto';
import type { Config } from '../../platform/config.js';
import { openSecret as open, sealSecret as seal } from '../../platform/secret.js';

const PREFIX = 'whsec_';

/** A new signing secret, as the receiver configures it. */
export function newSigningSecret(): string {
  return `${PREFIX}${randomBytes(32).toString('base64')}`;
}

const PURPOSE = 'webhook-signing-secrets';

/** The secret sealed for storage (platform/secret.ts sealSecret). */
export const sealSecret = (config: Pick<Config, 'secret' | 'dataDir'>, secret: string): string => seal(config, PURPOSE, secret);

/** The secret back from storage; throws when it was sealed with another server key. */
export const openSecret = (config: Pick<Config, 'secret' | 'dataDir'>, sealed: string): string => open(config, PURPOSE, sealed);

const ZGW_PURPOSE = 'webhook-zgw-client-secrets';

/**
 * The ZGW client secret of a `zgw-notificaties` subscription (docs/product.md#zgw-notificaties):
 * given by the admin, sealed the same way under a purpose of its own, never returned.
 */
export const sealClientSecret = (config: Pick<Config, 'secret' | 'dataDir'>, secret: string): string => seal(config, ZGW_PURPOSE, secret);

export const openClientSecret = (config: Pick<Config, 'secret' | 'dataDir'>, sealed: string): string => open(config, ZGW_PURPOSE, sealed);
