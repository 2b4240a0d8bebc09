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
  /** Where attachments are kept (docs/attachments.md): S3-compatible object storage when FILES_S3_* is set, else DATA_DIR/files. */
  files: { s3: S3FilesConfig | null };
}

/** One bucket of S3-compatible object storage for the files (docs/integrations.md#bestanden-in-s3-compatibele-opslag). */
export interface S3FilesConfig {
  /** FILES_S3_ENDPOINT: the service's base URL (MinIO, Ceph, another provider); unset for AWS S3 itself */
  endpoint: string | undefined;
  /** FILES_S3_BUCKET */
  bucket: string;
  /** FILES_S3_REGION: `us-east-1` when an endpoint is given and no region */
  region: string;
  /** FILES_S3_ACCESS_KEY_ID */
  accessKeyId: string;
  /** FILES_S3_SECRET_ACCESS_KEY: never logged (log.ts redacts it wherever it appears) */
  secretAccessKey: string;
  /** FILES_S3_FORCE_PATH_STYLE=true: `<endpoint>/<bucket>/<key>` instead of `<bucket>.<endpoint>/<key>` */
  forcePathStyle: boolean;
  /** FILES_S3_PREFIX: put before every key, empty or ending in `/` */
  prefix: string;
}

const S3_VARIABLES = [
  'FILES_S3_ENDPOINT',
  'FILES_S3_BUCKET',
  'FILES_S3_REGION',
  'FILES_S3_ACCESS_KEY_ID',
  'FILES_S3_SECRET_ACCESS_KEY',
  'FILES_S3_FORCE_PATH_STYLE',
  'FILES_S3_PREFIX',
] as const;

/** A configuration error in Dutch and in English: whoever starts Regie reads one of them. */
const s3Problem = (nl: string, en: string) => new Error(`${nl} (${en})`);

/**
 * FILES_S3_*: none set keeps the files in DATA_DIR/files; any set asks for the bucket and
 * both keys, and each value is checked here, at start, rather than at the first upload.
 */
export function parseS3Files(env: NodeJS.ProcessEnv): S3FilesConfig | null {
  const v = (name: (typeof S3_VARIABLES)[number]) => (env[name] ?? '').trim();
  if (S3_VARIABLES.every((name) => v(name) === '')) return null;
  for (const name of ['FILES_S3_BUCKET', 'FILES_S3_ACCESS_KEY_ID', 'FILES_S3_SECRET_ACCESS_KEY'] as const) {
    if (v(name) === '') throw s3Problem(`${name} ontbreekt: zet het als FILES_S3_* is ingesteld`, `${name} is missing: set it when FILES_S3_* is set`);
  }
  const endpoint = v('FILES_S3_ENDPOINT') || undefined;
  if (endpoint !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(endpoint);
    } catch {}
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || url.search || url.hash) {
      throw s3Problem(
        `FILES_S3_ENDPOINT moet een http(s)-adres zijn zonder gebruikersnaam, wachtwoord of query, niet "${endpoint}"`,
        `FILES_S3_ENDPOINT must be an http(s) URL without user name, password or query, got "${endpoint}"`,
      );
    }
  }
  const bucket = v('FILES_S3_BUCKET');
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw s3Problem(
      `FILES_S3_BUCKET moet een bucketnaam zijn (3–63 tekens: kleine letters, cijfers, punt, streepje), niet "${bucket}"`,
      `FILES_S3_BUCKET must be a bucket name (3–63 characters: lower-case letters, digits, dot, hyphen), got "${bucket}"`,
    );
  }
  const region = v('FILES_S3_REGION') || (endpoint ? 'us-east-1' : '');
  if (!/^[a-z0-9-]{1,40}$/.test(region)) {
    throw s3Problem(
      region === '' ? 'FILES_S3_REGION ontbreekt: zet het als FILES_S3_ENDPOINT niet is ingesteld' : `FILES_S3_REGION is geen regio: "${region}"`,
      region === '' ? 'FILES_S3_REGION is missing: set it when FILES_S3_ENDPOINT is not set' : `FILES_S3_REGION is not a region: "${region}"`,
    );
  }
  const pathStyle = v('FILES_S3_FORCE_PATH_STYLE') || 'false';
  if (pathStyle !== 'true' && pathStyle !== 'false') {
    throw s3Problem(`FILES_S3_FORCE_PATH_STYLE is true of false, niet "${pathStyle}"`, `FILES_S3_FORCE_PATH_STYLE must be true or false, got "${pathStyle}"`);
  }
  const rawPrefix = v('FILES_S3_PREFIX').replace(/^\/+|\/+$/g, '');
  if (rawPrefix !== '' && (!/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(rawPrefix) || rawPrefix.split('/').some((p) => p === '.' || p === '..'))) {
    throw s3Problem(
      `FILES_S3_PREFIX bestaat uit letters, cijfers, punt, streepje, liggend streepje en / (geen . of .. als deel), niet "${rawPrefix}"`,
      `FILES_S3_PREFIX may hold letters, digits, dot, hyphen, underscore and / (no . or .. as a part), got "${rawPrefix}"`,
    );
  }
  return {
    endpoint: endpoint?.replace(/\/$/, ''),
    bucket,
    region,
    accessKeyId: v('FILES_S3_ACCESS_KEY_ID'),
    secretAccessKey: v('FILES_S3_SECRET_ACCESS_KEY'),
    forcePathStyle: pathStyle === 'true',
    prefix: rawPrefix === '' ? '' : `${rawPrefix}/`,
  };
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
    files: { s3: parseS3Files(env) },
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
