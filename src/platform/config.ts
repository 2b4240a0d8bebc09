// Configuration from the environment, read once at start. Defaults give the demo:
// PGlite in ./data, port 3000, mail written to ./data/mail.
import { join, resolve } from 'node:path';
import { LOG_LEVELS, type LogFormat, type LogLevel } from './log.js';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  /** Secure cookies; off only for plain-http hosts other than localhost. */
  secureCookies: boolean;
  sessionDays: number;
  /**
   * Which proxies may name the client in X-Forwarded-For: `false` (none, the default:
   * the client is the address that connects), a hop count, or proxy addresses/CIDRs.
   */
  trustProxy: false | number | string[];
  /** pino's level; `silent` switches the log off */
  logLevel: LogLevel;
  /** `json` (one object per line, for log collectors) or `pretty` (for a terminal) */
  logFormat: LogFormat;
  /**
   * SECRET_KEY: the server's secret that signs pagination cursors. Unset, the key kept
   * in DATA_DIR/secret.key is used (made at first use); see serverSecret.
   */
  secret: string | undefined;
  // Address, map and area (docs/geo.md).
  /** ADDRESS_SEARCH_URL: PDOK Locatieserver's base URL; `off` (null) switches address suggestions off */
  addressSearchUrl: string | null;
  /** ADDRESS_SEARCH_TIMEOUT_MS: how long a suggestion may take before the intake goes on without */
  addressSearchTimeoutMs: number;
  /** MAP_TILE_URL: the map tiles, `{z}/{x}/{y}` in Web Mercator; empty switches the tiles off */
  mapTileUrl: string;
  /** MAP_ATTRIBUTION: the tiles' attribution shown on every map */
  mapAttribution: string;
  /** Delivery of webhooks to other systems (docs/integrations.md#webhooks). */
  webhooks: WebhookConfig;
}

export interface WebhookConfig {
  /** WEBHOOK_ALLOW_HTTP=true: plain-http target URLs are accepted (local receivers, tests); otherwise https only */
  allowHttp: boolean;
  /** WEBHOOK_MAX_ATTEMPTS: failed attempts before a delivery goes to the dead letter (default 8) */
  maxAttempts: number;
  /** WEBHOOK_TIMEOUT_MS: how long one POST may take (default 10 s) */
  timeoutMs: number;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`${name} must be a whole number from 1 to ${max}, got "${raw}"`);
  return n;
}

/** TRUST_PROXY: empty or `false` for none, a hop count, or a comma-separated address/CIDR list. */
export function parseTrustProxy(value: string | undefined): Config['trustProxy'] {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (/^\d+$/.test(v)) return Number(v);
  const list = v
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  // `true` would trust any caller's X-Forwarded-For and let every request choose its own address.
  if (!list.length || list.some((a) => !/^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(a))) {
    throw new Error(`TRUST_PROXY must be a hop count or a comma-separated list of proxy addresses, got "${value}"`);
  }
  return list;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const logLevel = (env.LOG_LEVEL || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  const secret = env.SECRET_KEY || undefined;
  if (secret !== undefined && secret.length < 32) throw new Error('SECRET_KEY must be at least 32 characters long');
  const logFormat = (env.LOG_FORMAT || (env.NODE_ENV === 'production' ? 'json' : 'pretty')) as LogFormat;
  if (logFormat !== 'json' && logFormat !== 'pretty') throw new Error(`LOG_FORMAT must be json or pretty, got "${env.LOG_FORMAT}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Regie <regie@localhost>',
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    secureCookies: env.COOKIE_SECURE !== 'false',
    sessionDays: Number(env.SESSION_DAYS ?? 7),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    logLevel,
    logFormat,
    secret,
    addressSearchUrl: env.ADDRESS_SEARCH_URL === 'off' ? null : (env.ADDRESS_SEARCH_URL || DEFAULT_ADDRESS_SEARCH_URL).replace(/\/$/, ''),
    addressSearchTimeoutMs: positiveMs(env.ADDRESS_SEARCH_TIMEOUT_MS, 3000, 'ADDRESS_SEARCH_TIMEOUT_MS'),
    mapTileUrl: env.MAP_TILE_URL ?? DEFAULT_MAP_TILE_URL,
    mapAttribution: env.MAP_ATTRIBUTION || DEFAULT_MAP_ATTRIBUTION,
    webhooks: {
      allowHttp: env.WEBHOOK_ALLOW_HTTP === 'true',
      maxAttempts: positiveInt(env, 'WEBHOOK_MAX_ATTEMPTS', 8, 50),
      timeoutMs: positiveInt(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 120_000),
    },
  };
}

// PDOK's services by default (docs/geo.md): the Locatieserver and the BRT achtergrondkaart.
export const DEFAULT_ADDRESS_SEARCH_URL = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1';
export const DEFAULT_MAP_TILE_URL = 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png';
export const DEFAULT_MAP_ATTRIBUTION = 'Kaartgegevens © Kadaster (BRT achtergrondkaart)';

function positiveMs(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a number of milliseconds, got "${value}"`);
  return n;
}

export const mailDir = (c: Config) => join(c.dataDir, 'mail');
export const pgliteDir = (c: Config) => join(c.dataDir, 'pglite');
