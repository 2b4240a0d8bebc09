// The server's log: pino, one line per request, JSON in production and a short
// readable line in development. A log line never holds personal data (AVG/GDPR:
// logs are kept, copied and read by people who may not see the cases): no names,
// e-mail addresses, BSN, free text, query strings, cookies, authorization headers
// or request bodies. It holds what an operator needs to follow a request: the
// request id, method, route pattern, status, duration, and the ids of the actor and
// the municipality.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { type DestinationStream, type Logger, pino } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFormat = 'json' | 'pretty';

export interface LogConfig {
  logLevel: LogLevel;
  logFormat: LogFormat;
}

/** The route pattern (`/api/v1/cases/:id`), never the URL with its ids and query. */
const routeOf = (req: FastifyRequest): string | undefined => req.routeOptions?.url;

/** What may be said of an error: its kind and where it happened, not the data it carried. */
function errorSummary(err: Error & { code?: unknown }) {
  // pg errors carry the row's values in `detail` and the statement in `where`; leave
  // them out, with every other property an error may have picked up on its way.
  return { type: err.constructor?.name ?? 'Error', code: typeof err.code === 'string' ? err.code : undefined, message: err.message, stack: err.stack };
}

export function createLogger(config: LogConfig, destination?: DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      base: { pid: process.pid },
      serializers: {
        err: errorSummary,
        // In case anything logs a request or reply: method, route and status only.
        req: (req: FastifyRequest) => ({ method: req.method, route: routeOf(req) }),
        res: (reply: FastifyReply) => ({ statusCode: reply.statusCode }),
      },
      // A second wall for whatever is logged by hand; the object store's secret key
      // (config.files.s3) too, at whatever depth a configuration is logged.
      redact: {
        paths: [
          'headers',
          'body',
          'query',
          'cookies',
          '*.headers',
          '*.body',
          '*.query',
          '*.cookies',
          'secretAccessKey',
          '*.secretAccessKey',
          '*.*.secretAccessKey',
          '*.*.*.secretAccessKey',
        ],
        remove: true,
      },
    },
    destination ?? (config.logFormat === 'pretty' ? prettyStream(process.stdout) : undefined),
  );
}

/** A request id given by a proxy or client is kept when it is a plain token. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
export const REQUEST_ID_HEADER = 'x-request-id';

export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** Fastify's request logging, reduced to one line per request, without personal data. */
export class RequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(_error: Error | null | undefined, req: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: req.method,
      route: routeOf(req) ?? null,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
      actorId: req.actor?.userId,
      municipalityId: req.actor?.municipalityId,
    };
    if (reply.statusCode >= 500) reply.log.error(line, 'request failed');
    else reply.log.info(line, 'request');
  }
}

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/**
 * Development's readable form of the same lines, without a dependency:
 * `09:12:03 INFO  request GET /api/v1/cases/:id 200 12ms  req=… actor=…`.
 */
export function prettyStream(out: { write(s: string): unknown }): DestinationStream {
  return {
    write(line: string) {
      let o: Record<string, any>;
      try {
        o = JSON.parse(line);
      } catch {
        out.write(line);
        return;
      }
      const time = new Date(o.time).toTimeString().slice(0, 8);
      const level = (LEVEL_NAMES[o.level] ?? String(o.level)).padEnd(5);
      const what = [o.msg, o.method, o.route, o.status, o.ms === undefined ? undefined : `${o.ms}ms`].filter((v) => v !== undefined && v !== null).join(' ');
      const ids = [o.reqId && `req=${o.reqId}`, o.actorId && `actor=${o.actorId}`, o.municipalityId && `municipality=${o.municipalityId}`].filter(Boolean);
      out.write(`${time} ${level} ${what}${ids.length ? `  ${ids.join(' ')}` : ''}\n`);
      if (o.err?.stack) out.write(`${o.err.stack}\n`);
    },
  };
}
