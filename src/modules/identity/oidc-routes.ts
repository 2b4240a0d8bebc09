// HTTP for logging in through OpenID Connect (docs/product.md#logging-in-through-openid-connect):
// the login options of a municipality, starting and finishing a login, logging out at
// the issuer too, and the administrator's settings.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ROLES, SESSION_COOKIE, STAFF_ROLES } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/context.js';
import { singleLine } from '../../platform/http/schemas.js';
import { type App, ctxOf, Problem } from '../../platform/http/server.js';
import { STATE_COOKIE, STATE_COOKIE_PATH, STATE_MINUTES, unsafeFinishOidcLogin, unsafeOidcLogout, unsafeStartOidcLogin } from './oidc.js';
import { LOGIN_KINDS, listLoginSettings, removeLoginSettings, setLoginSettings, unsafeLoginMunicipalities, unsafeLoginOptions } from './oidc-config.js';
import { KNOWN_LEVELS } from './oidc-levels.js';

const tags = ['Inloggen'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 429: Problem, 502: Problem };

const Kind = z.enum(LOGIN_KINDS).describe('staff: single sign-on voor medewerkers; digid: inwoners; eherkenning: ondernemers');
const Settings = z
  .object({
    kind: Kind,
    issuer: z.string(),
    clientId: z.string(),
    clientSecretSet: z.boolean().describe('of er een client secret is opgeslagen; het secret zelf wordt nooit teruggegeven'),
    identifierClaim: z.string(),
    groupClaim: z.string().nullable(),
    groupRoles: z.array(z.object({ group: z.string(), role: z.enum(ROLES) })),
    passwordLogin: z.boolean(),
    minLevel: z.string().nullable(),
  })
  .meta({ id: 'LoginSettings' });

/** The answer of the issuer as the browser brings it back (query parameters of the return page). */
const CallbackBody = z.object({
  code: singleLine().max(4000).optional(),
  state: singleLine().min(1).max(200),
  iss: singleLine().max(500).optional(),
  session_state: singleLine().max(500).optional(),
  error: singleLine().max(200).optional(),
  error_description: singleLine().max(1000).optional(),
});

export function oidcRoutes(app: App, deps: Deps) {
  const startSession = (reply: FastifyReply, s: { token: string; expiresAt: Date }) =>
    reply.setCookie(SESSION_COOKIE, s.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.config.secureCookies, expires: s.expiresAt });

  app.get(
    '/api/v1/auth/login-options',
    {
      schema: {
        tags,
        summary: 'Hoe kan men inloggen bij deze gemeente? (organisatieaccount, DigiD, eHerkenning, wachtwoord)',
        security: [],
        querystring: z.object({ municipality: singleLine().min(1).max(100).describe('slug van de gemeente') }),
        response: {
          200: z.object({ staff: z.boolean(), digid: z.boolean(), eherkenning: z.boolean(), passwordLogin: z.boolean() }),
          ...errors,
        },
      },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (req) => unsafeLoginOptions(deps, req.query.municipality),
  );

  app.get(
    '/api/v1/auth/login-municipalities',
    {
      schema: {
        tags,
        summary: 'Bij welke gemeenten kan men inloggen met een organisatieaccount, DigiD of eHerkenning?',
        description: 'Alleen gemeenten waar minstens één van deze manieren is ingesteld; voor de keuzelijst op de inlogpagina.',
        security: [],
        response: {
          200: z.object({
            items: z.array(z.object({ slug: z.string(), name: z.string(), staff: z.boolean(), digid: z.boolean(), eherkenning: z.boolean() })),
          }),
          ...errors,
        },
      },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async () => ({ items: await unsafeLoginMunicipalities(deps) }),
  );

  app.post(
    '/api/v1/auth/oidc/start',
    {
      schema: {
        tags,
        summary: 'Inloggen via OpenID Connect beginnen: het adres van de uitgever',
        description: `Geeft het adres waarheen de browser gaat en zet een kortlevende cookie (httpOnly, SameSite=Lax, ${STATE_MINUTES} minuten) die state, nonce en PKCE aan deze browser bindt.`,
        security: [],
        body: z.object({ municipality: singleLine().min(1).max(100), kind: Kind }),
        response: { 200: z.object({ url: z.string() }), ...errors },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { url, cookie } = await unsafeStartOidcLogin(deps, { municipalitySlug: req.body.municipality, kind: req.body.kind });
      reply.setCookie(STATE_COOKIE, cookie, {
        path: STATE_COOKIE_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.secureCookies,
        maxAge: STATE_MINUTES * 60,
      });
      return { url };
    },
  );

  app.post(
    '/api/v1/auth/oidc/callback',
    {
      schema: {
        tags,
        summary: 'Inloggen via OpenID Connect afronden met het antwoord van de uitgever',
        description:
          'De pagina waarop de uitgever de browser terugstuurt, geeft de parameters van het antwoord hier door. Zonder de cookie van het begin, met een andere state, een ander uitgever, een verlopen token of een te laag betrouwbaarheidsniveau wordt niet ingelogd.',
        security: [],
        body: CallbackBody,
        response: { 200: z.object({ kind: Kind, next: z.string().describe('de pagina om naartoe te gaan') }), ...errors },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      // The binding is used up whatever the outcome.
      reply.clearCookie(STATE_COOKIE, { path: STATE_COOKIE_PATH });
      const params = Object.fromEntries(Object.entries(req.body).filter((e): e is [string, string] => typeof e[1] === 'string'));
      const s = await unsafeFinishOidcLogin(deps, { params, cookie: req.cookies[STATE_COOKIE] });
      startSession(reply, s);
      return { kind: s.kind, next: s.kind === 'staff' ? '/' : '/mijn-zaken' };
    },
  );

  app.post(
    '/api/v1/auth/oidc/logout',
    {
      schema: {
        tags,
        summary: 'Uitloggen, ook bij de uitgever als de sessie daar begon',
        description: 'Beëindigt de sessie van deze browser; `endSessionUrl` is het adres om ook bij de uitgever uit te loggen (of null).',
        response: { 200: z.object({ endSessionUrl: z.string().nullable() }), ...errors },
      },
    },
    async (req, reply) => {
      ctxOf(deps, req);
      const endSessionUrl = await unsafeOidcLogout(deps, req.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { endSessionUrl };
    },
  );

  const stags = ['Beheer'];
  app.get(
    '/api/v1/login-settings',
    {
      schema: {
        tags: stags,
        summary: 'Inloggen via OpenID Connect: de instellingen van de gemeente',
        response: { 200: z.object({ items: z.array(Settings) }), ...errors },
      },
    },
    async (req) => ({ items: await listLoginSettings(ctxOf(deps, req)) }),
  );
  const KindParams = z.object({ kind: Kind });
  app.put(
    '/api/v1/login-settings/:kind',
    {
      schema: {
        tags: stags,
        summary: 'Inloggen via OpenID Connect instellen (organisatieaccount, DigiD of eHerkenning via een broker)',
        params: KindParams,
        body: z.object({
          issuer: singleLine().trim().min(1).max(500).describe('https-adres van de uitgever (issuer)'),
          clientId: singleLine().trim().min(1).max(200),
          clientSecret: singleLine().min(1).max(500).nullable().optional().describe('weglaten: het opgeslagen secret blijft; null: verwijderen'),
          identifierClaim: singleLine()
            .trim()
            .min(1)
            .max(100)
            .nullable()
            .optional()
            .describe('standaard email (medewerkers), bsn (DigiD) of kvk (eHerkenning)'),
          groupClaim: singleLine().trim().min(1).max(100).nullable().optional().describe('alleen medewerkers: de claim met de groepen'),
          groupRoles: z
            .array(z.object({ group: singleLine().trim().min(1).max(200), role: z.enum(STAFF_ROLES as [string, ...string[]]) }))
            .max(50)
            .optional()
            .describe('alleen medewerkers: groep → rol; de eerste groep waarin iemand zit, telt'),
          passwordLogin: z.boolean().optional().describe('alleen medewerkers: mogen medewerkers ook nog met een wachtwoord inloggen?'),
          minLevel: z
            .enum(KNOWN_LEVELS as [string, ...string[]])
            .nullable()
            .optional()
            .describe('alleen DigiD en eHerkenning: het laagste betrouwbaarheidsniveau (acr) dat wordt aanvaard'),
        }),
        response: { 200: Settings, ...errors },
      },
    },
    async (req) => {
      const b = req.body;
      return setLoginSettings(ctxOf(deps, req), req.params.kind, {
        ...b,
        groupRoles: b.groupRoles as { group: string; role: (typeof STAFF_ROLES)[number] }[] | undefined,
      });
    },
  );
  app.delete(
    '/api/v1/login-settings/:kind',
    { schema: { tags: stags, summary: 'Inloggen via OpenID Connect uitzetten', params: KindParams, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await removeLoginSettings(ctxOf(deps, req), req.params.kind);
      return reply.code(204).send(null);
    },
  );
}
