// The ZGW client secret (docs/zgw.md#configuration): sealed at rest under its own key
// (platform/secret.ts sealSecret), never returned by the API, never logged.
import type { Config } from '../../platform/config.js';
import { openSecret as open, sealSecret as seal } from '../../platform/secret.js';

type KeyConfig = Pick<Config, 'secret' | 'dataDir'>;
const PURPOSE = 'zgw-client-secrets';

export const sealSecret = (config: KeyConfig, secret: string): string => seal(config, PURPOSE, secret);

/** Throws when it was sealed with another server key. */
export const openSecret = (config: KeyConfig, sealed: string): string => open(config, PURPOSE, sealed);
