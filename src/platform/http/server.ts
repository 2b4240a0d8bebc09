// The HTTP server: Fastify with zod schemas that validate, type and document every
// route; problem+json errors; authentication by session cookie or bearer token;
// CSRF protection for cookie-authenticated writes; the web app as static files.
import { existsSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import nl from 'zod/v4/locales/nl.js';
import { AppError, forbidden, unauthenticated } from '../../kernel/errors.js';
import { ifMatchCondition, type VersionCondition } from '../../kernel/preconditions.js';
import { textProblem } from '../../kernel/text.js';
import type { Actor, Authenticate } from '../auth/index.js';
import type { Config } from '../config.js';
import type { Ctx, Deps } from '../context.js';
import { databaseUnavailable, isDatabaseUnavailable } from '../db/index.js';
import { type Locale, negotiateLocale, translate } from '../i18n.js';
import { createLogger, RequestLog, requestIdOf } from '../log.js';
import { PROJECT_ROOT } from '../paths.js';
import { finishDocument, openApiInfo } from './openapi.js';
import { rateLimitStoreFor } from './rate-limit-store.js';

export const API_VERSION = '1.0.0';
export type App = FastifyInstance<any, any, any, any, ZodTypeProvider>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
  }
}

const zodLocales = { nl: nl(), en: en() };

/** problem+json body (RFC 9457) with the offending fields. */
export function problem(reply: FastifyReply, locale: Locale, e: AppError) {
  const fields = e.fields.map((f) => ({ field: f.field, message: translate(locale, f.key, f.params) }));
  return reply
    .code(e.status)
    .type('application/problem+json')
    .send({
      type: `https://regie.example/problemen/${e.type}`,
      title: translate(locale, e.key, e.params),
      status: e.status,
      detail: fields.length ? fields.map((f) => `${f.field}: ${f.message}`).join('; ') : translate(locale, e.key, e.params),
      ...(fields.length ? { invalidParams: fields.map((f) => ({ name: f.field, reason: f.message })) } : {}),
    });
}

/**
 * A response that is not JSON (a CSV download, or CSV and JSON by a query parameter) is
 * declared as `{ description, content: { '<media type>': { schema: zod } } }`, as Fastify
 * takes it: each media type's schema is converted like any other, so the document
 * declares the content types actually sent.
 */
type Transform = typeof jsonSchemaTransform;
function documentMedia(args: Parameters<Transform>[0], transform: Transform): ReturnType<Transform> {
  type Media = { description?: string; content: Record<string, { schema: unknown }> };
  const isMedia = (r: unknown): r is Media => typeof r === 'object' && r !== null && 'content' in r && !('_zod' in r);
  const schema = args.schema as { response?: Record<string, unknown> } | undefined;
  const media = Object.entries(schema?.response ?? {}).filter((e): e is [string, Media] => isMedia(e[1]));
  if (!media.length) return transform(args);
  const rest = Object.fromEntries(Object.entries(schema?.response ?? {}).filter(([, r]) => !isMedia(r)));
  const out = transform({ ...args, schema: { ...args.schema, response: rest } } as Parameters<Transform>[0]);
  const json = (zod: unknown) =>
    (transform({ ...args, schema: { response: { 200: zod } } } as Parameters<Transform>[0]).schema as { response: Record<string, unknown> }).response[200];
  const response = (out.schema as { response?: Record<string, unknown> }).response ?? {};
  for (const [code, r] of media) {
    const content = Object.fromEntries(Object.entries(r.content).map(([type, m]) => [type, { schema: json(m.schema) }]));
    response[code] = { ...(r.description ? { description: r.description } : {}), content };
  }
  return { ...out, schema: { ...(out.schema as object), response } };
}

/**
 * Fastify's own hop count trusts no hop (it cannot check the peer), so a hop count
 * becomes the classic rule: the first `hops` addresses counted from the connection are
 * proxies, the one before them is the client.
 */
function proxyTrust(trust: Config['trustProxy']): false | string[] | ((addr: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_addr, hop) => hop < trust : trust;
}

/**
 * Security headers on every answer, web page and API alike. The built web app loads
 * only its own script and stylesheet files (no inline script or <style>; React sets
 * style properties through the DOM, which a CSP does not block), so scripts and styles
 * come from 'self' only. Images: 'self' plus data: for the design system's SVG icons
 * in the CSS and the empty favicon. No framing by anyone; no referrer sent elsewhere.
 * HSTS and upgrading requests to https only when cookies are secure: a host served on
 * plain http would otherwise lock itself out.
 */
function securityHeaders(config: Config) {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', ...tileOrigin(config)],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' as const },
    referrerPolicy: { policy: 'no-referrer' as const },
    strictTransportSecurity: config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  };
}

/** The map tiles' origin, the one other place images may come from (docs/geo.md). */
function tileOrigin(config: Config): string[] {
  try {
    const u = new URL(config.mapTileUrl.replace(/\{[a-z]\}/g, '0'));
    return u.protocol === 'https:' || u.protocol === 'http:' ? [u.origin] : [];
  } catch {
    return [];
  }
}

export interface ServerParts {
  /** who is calling: the composition root decides which credentials count */
  authenticate: Authenticate;
  /** registers every module's routes */
  register: (app: App) => void | Promise<void>;
  /** where log lines go instead of stdout (tests read them from here) */
  logDestination?: DestinationStream;
}

export async function buildServer(deps: Deps, { authenticate, register, logDestination }: ServerParts): Promise<App> {
  const app = Fastify({
    loggerInstance: createLogger(deps.config, logDestination),
    logController: new RequestLog(),
    genReqId: requestIdOf,
    trustProxy: proxyTrust(deps.config.trustProxy),
    bodyLimit: 1_048_576,
    // The longest path parameter is a one-time link's token; longer answers 414.
    routerOptions: { maxParamLength: 200 },
    // A URL that does not decode or a path parameter that is too long: problem+json too.
    frameworkErrors: (err, req, reply) => {
      const locale = negotiateLocale(req.headers['accept-language']);
      const status = (err as { statusCode?: number }).statusCode ?? 400;
      return problem(
        reply,
        locale,
        new AppError(status >= 400 && status < 500 ? status : 400, 'bad-url', status === 414 ? 'error.urlTooLong' : 'error.badUrl'),
      );
    },
    // What Node refuses before Fastify sees a request (headers too large, a broken request line).
    clientErrorHandler: (err, socket) => {
      const code = (err as { code?: string }).code;
      const status = code === 'HPE_HEADER_OVERFLOW' ? 431 : code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
      const key = status === 431 ? 'error.headersTooLarge' : status === 408 ? 'error.requestTimeout' : 'error.badRequest';
      const title = translate('nl', key);
      const body = JSON.stringify({ type: 'https://regie.example/problemen/bad-request', title, status, detail: title });
      if (socket.writable) {
        socket.end(
          `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
        );
      } else socket.destroy(err);
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(checkedValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'nl');

  await app.register(fastifyHelmet, securityHeaders(deps.config));
  await app.register(fastifyCookie);
  // Counted where every process on the database shares the limits (rate-limit-store.ts).
  await app.register(fastifyRateLimit, { global: false, store: rateLimitStoreFor(deps.db, (message, err) => app.log.error({ err }, message)) });
  await app.register(fastifySwagger, {
    openapi: openApiInfo(deps.config.publicUrl),
    // Paths are documented relative to the server URL, which carries /api/v1.
    transform: (args) => {
      const out = documentMedia(args, jsonSchemaTransform);
      return { ...out, url: out.url.replace(/^\/api\/v1/, '') || '/' };
    },
    // Schemas registered with an id (`.meta({ id: 'CaseDetail' })`) become named
    // components, so clients generated from the document get named types.
    transformObject: (input) => finishDocument(jsonSchemaTransformObject(input) as Record<string, any>, API_VERSION),
  });

  // First, so that every answer (also a refusal) names the request in the log.
  app.addHook('onRequest', async (req, reply) => {
    reply.header('X-Request-Id', req.id);
  });
  app.addHook('onRequest', async (req, reply) => {
    reply.header('API-Version', API_VERSION);
    if (!req.url.startsWith('/api/')) return;
    reply.header('Cache-Control', 'no-store');
    req.actor = await authenticate(req);
    req.locale = negotiateLocale(req.headers['accept-language'], req.actor?.locale);
    // A browser session may only write with the CSRF token it was given at login.
    if (req.actor?.via === 'session' && !['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
      if (req.headers['x-csrf-token'] !== req.actor.csrfToken) throw new AppError(403, 'csrf', 'error.csrf');
    }
  });

  app.setErrorHandler((err, req, reply) => {
    const locale = req.locale ?? 'nl';
    if (err instanceof AppError) return problem(reply, locale, err);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext === 'body' ? '' : `${err.validationContext}.`;
      const data = { body: req.body, querystring: req.query, params: req.params, headers: req.headers }[err.validationContext ?? 'body'];
      const fields = err.validation.map((v) => {
        const root = v.instancePath === '/' || v.instancePath === '';
        // A body that is not a JSON object at all ([], "x", 1, null) says so.
        if (root && err.validationContext === 'body' && v.keyword === 'invalid_type') return { field: 'body', key: 'error.notAnObject' };
        // Our own refinements carry a message key (error.nothingToChange, error.dateRange, …).
        if (v.keyword === 'custom' && v.message?.startsWith('error.')) {
          return { field: `${where}${v.instancePath.slice(1).replaceAll('/', '.')}` || where.slice(0, -1) || 'body', key: v.message };
        }
        const field = `${where}${v.instancePath.slice(1).replaceAll('/', '.')}` || where.slice(0, -1);
        // A value of the wrong type (1e309 or 1.5 for a whole number, a parameter given
        // twice) is not a missing one: name what belongs there.
        if (v.keyword === 'invalid_type' && valueAt(data, v.instancePath) !== undefined) {
          return { field, key: 'error.wrongType', params: { expected: translate(locale, `type.${typeWord(v.params.expected)}`) } };
        }
        const issue = { ...v.params, code: v.keyword, message: v.message } as unknown as Parameters<(typeof zodLocales)['nl']['localeError']>[0];
        const text = friendlyIssueKey(v.keyword, v.params) ?? zodLocales[locale].localeError?.(issue);
        const message = typeof text === 'string' ? text : (text?.message ?? v.message);
        return { field, key: message };
      });
      return problem(reply, locale, new AppError(400, 'invalid-input', 'error.invalidInput', {}, fields));
    }
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status === 429) return problem(reply, locale, new AppError(429, 'rate-limited', 'error.rateLimited'));
    if (status >= 400 && status < 500) {
      // Fastify's own refusals (a body that is not JSON, empty, too large, of a type
      // the route does not take) in our words; anything else by its status.
      const key = FRAMEWORK_KEYS[(err as { code?: string }).code ?? ''] ?? STATUS_KEYS[status] ?? 'error.badRequest';
      return problem(reply, locale, new AppError(status, 'bad-request', 'error.invalidInput', {}, [{ field: 'body', key }]));
    }
    if (isDatabaseUnavailable(err)) {
      req.log.warn({ method: req.method, route: req.routeOptions?.url ?? null, code: (err as { code?: string }).code }, 'database unavailable');
      reply.header('Retry-After', '5');
      return problem(reply, locale, databaseUnavailable());
    }
    req.log.error({ err, method: req.method, route: req.routeOptions?.url ?? null }, 'request errored');
    return problem(reply, locale, new AppError(500, 'internal', 'error.internal'));
  });

  app.get(
    '/api/v1/openapi.json',
    { schema: { tags: ['Systeem'], summary: 'Dit OpenAPI-document', security: [], response: { 200: z.looseObject({ openapi: z.string() }) } } },
    async (_req, reply) => {
      reply.header('Access-Control-Allow-Origin', '*');
      return app.swagger() as unknown as { openapi: string };
    },
  );

  await register(app);

  const webDist = join(PROJECT_ROOT, 'web/dist');
  if (existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
    // The web app routes itself: every non-API GET serves its index page.
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/')) return reply.type('text/html').sendFile('index.html');
      return problem(reply, req.locale, new AppError(404, 'not-found', 'error.notFound', { what: 'route' }));
    });
  } else {
    app.setNotFoundHandler((req, reply) => problem(reply, req.locale, new AppError(404, 'not-found', 'error.notFound', { what: 'route' })));
  }
  return app;
}

/**
 * Every route's validator, with one rule before the route's own schema: no string
 * anywhere in the body, query or path holds a NUL, another control character than
 * tab/newline, or a lone UTF-16 surrogate. PostgreSQL cannot store them (a NUL in
 * text, a lone surrogate in jsonb), so they are the caller's error, named by field.
 * Single-line fields refuse newlines too, in their own schema (singleLine).
 */
const checkedValidatorCompiler: typeof validatorCompiler = (route) => {
  const validate = validatorCompiler(route);
  const where = route.httpPart === 'body' ? '' : `${route.httpPart}.`;
  return (data) => {
    if (route.httpPart !== 'headers') {
      const bad = badString(data, []);
      if (bad) {
        const field = `${where}${bad.path.join('.')}` || where.slice(0, -1) || 'body';
        return { error: new AppError(400, 'invalid-input', 'error.invalidInput', {}, [{ field, key: bad.key }]) };
      }
    }
    return validate(data);
  };
};

/**
 * How deep a request's JSON may nest. No request of the API nests more than a few
 * levels; a body of a hundred thousand nested arrays would exhaust the stack of
 * whatever walks it (a 500), so it is refused here by name.
 */
const MAX_DEPTH = 32;

function badString(v: unknown, path: (string | number)[]): { path: (string | number)[]; key: string } | null {
  if (path.length > MAX_DEPTH) return { path: [], key: 'error.tooDeep' };
  if (typeof v === 'string') {
    const key = textProblem(v, true);
    return key ? { path, key } : null;
  }
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) {
      const bad = badString(x, [...path, i]);
      if (bad) return bad;
    }
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const bad = badString(k, [...path, k]) ?? badString(x, [...path, k]);
      if (bad) return bad;
    }
  }
  return null;
}

/** The value at a validation error's instancePath (`/actions/0/dueOn`) in the data validated. */
function valueAt(data: unknown, instancePath: string): unknown {
  let v = data;
  for (const k of instancePath.split('/').slice(1)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** The type zod expected, as a word in the catalogue (`type.number`). */
const typeWord = (expected: unknown) =>
  expected === 'int' || expected === 'integer'
    ? 'integer'
    : ['number', 'string', 'boolean', 'array', 'object'].includes(String(expected))
      ? String(expected)
      : 'other';

/** Fastify's refusals of a body, by error code. */
const FRAMEWORK_KEYS: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'error.invalidJson',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'error.emptyBody',
  FST_ERR_CTP_BODY_TOO_LARGE: 'error.bodyTooLarge',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'error.unsupportedMediaType',
  FST_ERR_CTP_INVALID_TYPE: 'error.unsupportedMediaType',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'error.badRequest',
  FST_ERR_CTP_INVALID_HEADER: 'error.unsupportedMediaType',
};
const STATUS_KEYS: Record<number, string> = { 413: 'error.bodyTooLarge', 415: 'error.unsupportedMediaType' };

/** The request context of an authenticated call; 401 when nobody is logged in. */
export function ctxOf(deps: Deps, req: FastifyRequest): Ctx {
  if (!req.actor) throw unauthenticated();
  return { ...deps, actor: req.actor, clientAddress: req.ip };
}

/** Only these roles may call the route at all (policies decide per resource). */
export function requireRole(deps: Deps, req: FastifyRequest, roles: readonly Actor['role'][]): Ctx {
  const ctx = ctxOf(deps, req);
  if (!roles.includes(ctx.actor.role)) throw forbidden();
  return ctx;
}

/**
 * The request's If-Match as a version condition (RFC 9110 13.1.1): absent →
 * undefined; `*` → any current version; `"7", "8"` → either; weak tags never match;
 * a malformed header is a 400. A condition that does not hold is the use-case's 412.
 */
export function ifMatch(req: FastifyRequest): VersionCondition | undefined {
  const h = req.headers['if-match'];
  if (h === undefined) return undefined;
  return ifMatchCondition(Array.isArray(h) ? h.join(', ') : String(h));
}

export const etag = (version: number) => `"${version}"`;

// Shared schemas for documentation and validation.
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    invalidParams: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
  })
  .describe('Foutbericht volgens RFC 9457 (application/problem+json)')
  .meta({ id: 'Problem' });
export const IdParams = z.object({ id: z.uuid() });

/**
 * Our own words for the schema problems people meet most (a missing field, an
 * e-mail address, a date, an id); zod's locale texts ("Ongeldig: emailadres") for
 * the rest.
 */
function friendlyIssueKey(code: string, params: Record<string, unknown>): string | undefined {
  if (code === 'invalid_type' && params.input === undefined) return 'error.required';
  if (code === 'too_small' && params.origin === 'string' && params.minimum === 1) return 'error.required';
  if (code === 'invalid_format') {
    if (params.format === 'email') return 'error.invalidEmail';
    if (params.format === 'date') return 'error.isoDate';
    if (params.format === 'uuid') return 'error.invalidId';
  }
  return undefined;
}
