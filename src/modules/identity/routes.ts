import { z } from 'zod';
import { AppError } from '../../kernel/errors.js';
import { type Actor, ROLES, SESSION_COOKIE } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/context.js';
import { email, LocaleSchema, singleLine } from '../../platform/http/schemas.js';
import { type App, ctxOf, IdParams, Problem } from '../../platform/http/server.js';
import { GLOBAL_ABILITIES, type GlobalAbilities, type GlobalAbility } from './abilities.js';
import { loginLimits } from './login-limits.js';
import {
  type ConfirmIntake,
  createApiToken,
  listApiTokens,
  logout,
  requestLoginLink,
  revokeApiToken,
  type Session,
  unsafeConsumeLoginLink,
  unsafeLoginWithPassword,
} from './service.js';

const tags = ['Inloggen'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 429: Problem };

const Me = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  municipalityId: z.string(),
  municipalityName: z.string(),
  municipalitySlug: z.string(),
  departmentId: z.string().nullable(),
  locale: LocaleSchema,
  csrfToken: z.string().nullable(),
  onBehalf: z
    .object({ company: z.string().nullable(), kvkNumber: z.string().nullable(), branchNumber: z.string().nullable(), actingPerson: z.string().nullable() })
    .nullable()
    .describe('ingelogd met eHerkenning: namens welk bedrijf (KvK-nummer), vanuit welke vestiging, door wie'),
  abilities: z
    .object(Object.fromEntries(GLOBAL_ABILITIES.map((k) => [k, z.boolean()])) as Record<GlobalAbility, z.ZodBoolean>)
    .describe(
      'wat de gebruiker überhaupt mag gebruiken (werkplekken, menu); wat met één zaak, regel of toezegging mag, staat bij die zaak, regel of toezegging',
    ),
});
z.globalRegistry.add(Me, { id: 'Me' });

/**
 * `abilitiesOf` answers GET /me's abilities from the modules' policies, and
 * `confirmIntake` confirms a public intake when its link is redeemed (both wired in app.ts).
 */
export function identityRoutes(app: App, deps: Deps, abilitiesOf: (actor: Actor) => GlobalAbilities, confirmIntake?: ConfirmIntake) {
  const failures = loginLimits(deps);
  const me = async (actor: Session['actor']) => {
    const m = await deps.db.unsafeAdmin.selectFrom('municipalities').select(['name', 'slug']).where('id', '=', actor.municipalityId).executeTakeFirstOrThrow();
    // docs/product.md#eherkenning-branches-and-acting-persons
    const company = actor.onBehalf
      ? await deps.db.unsafeAdmin.selectFrom('users').select(['company', 'kvk_number']).where('id', '=', actor.userId).executeTakeFirst()
      : undefined;
    return {
      id: actor.userId,
      name: actor.name,
      email: actor.email,
      role: actor.role,
      municipalityId: actor.municipalityId,
      municipalityName: m.name,
      municipalitySlug: m.slug,
      departmentId: actor.departmentId,
      locale: actor.locale,
      csrfToken: actor.csrfToken ?? null,
      onBehalf: actor.onBehalf
        ? {
            company: company?.company ?? null,
            kvkNumber: company?.kvk_number ?? null,
            branchNumber: actor.onBehalf.branchNumber,
            actingPerson: actor.onBehalf.actingName,
          }
        : null,
      abilities: abilitiesOf(actor),
    };
  };
  const startSession = (reply: import('fastify').FastifyReply, s: Session) =>
    reply.setCookie(SESSION_COOKIE, s.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.secureCookies,
      expires: s.expiresAt,
    });

  app.get(
    '/api/v1/health',
    {
      schema: {
        tags: ['Systeem'],
        summary: 'Draait Regie en bereikt het de database?',
        security: [],
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      await deps.db.unsafeAdmin.selectFrom('municipalities').select('id').limit(1).execute();
      return { status: 'ok' as const, database: deps.db.kind };
    },
  );

  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags,
        summary: 'Inloggen als medewerker met e-mail en wachtwoord',
        security: [],
        description:
          'Een e-mailadres kan medewerker zijn in meer dan één gemeente. Met `municipality` wordt alleen het account in die gemeente geprobeerd; zonder wordt ingelogd op het account waarvan het wachtwoord klopt (409 als dat in meer dan één gemeente zo is).',
        body: z.object({
          email: email(),
          password: z.string().min(1).max(200),
          municipality: singleLine().min(1).max(100).optional().describe('slug van de gemeente, bijvoorbeeld "voorbeeld"'),
        }),
        response: { 200: Me, ...errors },
      },
      // Slows down password guessing: ten attempts per minute per address and client.
      config: {
        rateLimit: {
          max: 10,
          timeWindow: '1 minute',
          hook: 'preHandler',
          keyGenerator: (req: import('fastify').FastifyRequest) => `${req.ip}|${String((req.body as { email?: string })?.email ?? '').toLowerCase()}`,
        },
      },
    },
    async (req, reply) => {
      await failures.check(req.body.email, req.ip);
      const s = await unsafeLoginWithPassword(deps, req.body).catch(async (e) => {
        if (e instanceof AppError && e.status === 401) await failures.failed(req.body.email, req.ip);
        throw e;
      });
      startSession(reply, s);
      return me(s.actor);
    },
  );

  app.post(
    '/api/v1/auth/login-links',
    {
      schema: {
        tags,
        summary: 'Een nieuwe inloglink per e-mail aanvragen (initiatiefnemers)',
        security: [],
        body: z.object({ municipality: singleLine().min(1).max(100), email: email() }),
        response: { 202: z.object({ status: z.literal('sent-if-known') }), ...errors },
      },
      config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      await requestLoginLink(deps, { municipalitySlug: req.body.municipality, email: req.body.email });
      return reply.code(202).send({ status: 'sent-if-known' as const });
    },
  );

  app.post(
    '/api/v1/auth/login-links/redeem',
    {
      schema: {
        tags,
        summary: 'Een inloglink inwisselen voor een sessie (één keer geldig)',
        security: [],
        body: z.object({ token: z.string().min(20).max(200) }),
        response: { 200: z.object({ user: Me, caseId: z.string().nullable() }), ...errors },
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const s = await unsafeConsumeLoginLink(deps, req.body.token, confirmIntake);
      startSession(reply, s);
      return { user: await me(s.actor), caseId: s.caseId };
    },
  );

  // Logging out needs a login, like every operation that is not marked public: without a
  // valid session or token the answer is 401, as documented.
  app.post(
    '/api/v1/auth/logout',
    {
      schema: {
        tags,
        summary: 'Uitloggen',
        description: 'Beëindigt de sessie van deze browser. Zonder geldige sessie (of token) is het antwoord 401.',
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      ctxOf(deps, req);
      const token = req.cookies[SESSION_COOKIE];
      if (token) await logout(deps, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get('/api/v1/me', { schema: { tags, summary: 'Wie ben ik?', response: { 200: Me, ...errors } } }, async (req) => me(ctxOf(deps, req).actor));

  const Token = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable() });
  app.get(
    '/api/v1/me/tokens',
    { schema: { tags, summary: 'Mijn persoonlijke API-tokens', response: { 200: z.object({ items: z.array(Token) }), ...errors } } },
    async (req) => {
      const rows = await listApiTokens(ctxOf(deps, req));
      return {
        items: rows.map((t) => ({
          id: t.id,
          name: t.name,
          createdAt: t.created_at.toISOString(),
          lastUsedAt: t.last_used_at?.toISOString() ?? null,
          revokedAt: t.revoked_at?.toISOString() ?? null,
        })),
      };
    },
  );
  app.post(
    '/api/v1/me/tokens',
    {
      schema: {
        tags,
        summary: 'Een persoonlijk API-token maken (het token wordt één keer getoond)',
        body: z.object({ name: singleLine().trim().min(1).max(100) }),
        response: { 201: z.object({ id: z.string(), name: z.string(), token: z.string() }), ...errors },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(deps, req);
      if (ctx.actor.role === 'initiator') throw new AppError(403, 'forbidden', 'error.forbidden');
      return reply.code(201).send(await createApiToken(ctx, { name: req.body.name }));
    },
  );
  app.delete(
    '/api/v1/me/tokens/:id',
    { schema: { tags, summary: 'Een API-token intrekken', params: IdParams, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await revokeApiToken(ctxOf(deps, req), { id: req.params.id });
      return reply.code(204).send(null);
    },
  );
}
