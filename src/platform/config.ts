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
  /** pino's level; `silent` switches the log off */
  logLevel: LogLevel;
  /** `json` (one object per line, for log collectors) or `pretty` (for a terminal) */
  logFormat: LogFormat;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const logLevel = (env.LOG_LEVEL || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
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
    logLevel,
    logFormat,
  };
}

export const mailDir = (c: Config) => join(c.dataDir, 'mail');
export const pgliteDir = (c: Config) => join(c.dataDir, 'pglite');
