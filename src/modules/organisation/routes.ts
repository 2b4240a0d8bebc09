// Thin HTTP layer for the municipality's set-up (admin pages) and the public reads
// of the intake form.
import { z } from 'zod';
import { ROLES } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/context.js';
import { email, IsoDate, LocaleSchema, patchBody, singleLine } from '../../platform/http/schemas.js';
import { type App, ctxOf, IdParams, Problem } from '../../platform/http/server.js';
import { RETENTION_MAX_MONTHS, RETENTION_MIN_MONTHS } from '../audit/index.js';
import { DOMAINS } from '../rules/index.js';
import {
  createDepartment,
  createNamed,
  createUser,
  deleteDepartment,
  deleteNamed,
  getSettings,
  listMunicipalities,
  listOrganisation,
  listUsers,
  municipalityLogo,
  municipalityThemeCss,
  type NamedKind,
  publicMunicipality,
  renameNamed,
  updateDepartment,
  updateSettings,
  updateUser,
  userHistory,
} from './service.js';

const tags = ['Beheer'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const Named = z.object({ id: z.string(), name: z.string() });
z.globalRegistry.add(Named, { id: 'Named' });
const Department = z.object({ id: z.string(), name: z.string(), domain: z.enum(DOMAINS) });
z.globalRegistry.add(Department, { id: 'Department' });
const name = singleLine().trim().min(1).max(200);
const User = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  departmentId: z.string().nullable(),
  active: z.boolean(),
  locale: LocaleSchema,
  areaIds: z.array(z.string()),
  themeIds: z.array(z.string()),
});
z.globalRegistry.add(User, { id: 'User' });
// The municipality's contact details and look (docs/product.md#the-municipalitys-own-look).
const look = {
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactWebsite: z.string().nullable(),
  primaryColor: z.string().nullable().describe('#rrggbb; witte tekst erop heeft een contrast van ten minste 4,5:1'),
  logoUrl: z.string().nullable().describe('adres van het logo bij Regie zelf; leeg: geen logo'),
};
const SlugParams = z.object({
  slug: z
    .string()
    .max(100)
    .regex(/^[a-z0-9-]+$/),
});
const Settings = z.object({
  name: z.string(),
  slug: z.string(),
  casePrefix: z.string(),
  planTermDays: z.number().int(),
  extraHolidays: z.array(z.string()),
  personalDataRetentionMonths: z
    .number()
    .int()
    .nullable()
    .describe('bewaartermijn van persoonsgegevens van afgeronde zaken, in maanden na het einde; leeg: bewaren'),
  ...look,
});
z.globalRegistry.add(Settings, { id: 'Settings' });
const staffRole = z.enum(['director', 'coordinator', 'specialist', 'executive', 'council', 'admin']);

type UserRow = {
  id: string;
  email: string;
  name: string;
  role: (typeof ROLES)[number];
  department_id: string | null;
  active: boolean;
  locale: 'nl' | 'en';
  areaIds?: string[];
  themeIds?: string[];
};
const presentUser = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  departmentId: u.department_id,
  active: u.active,
  locale: u.locale,
  areaIds: u.areaIds ?? [],
  themeIds: u.themeIds ?? [],
});

export function organisationRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/municipalities',
    {
      schema: {
        tags,
        summary: 'Gemeenten die Regie gebruiken (publiek)',
        security: [],
        response: { 200: z.object({ items: z.array(z.object({ slug: z.string(), name: z.string() })) }) },
      },
    },
    async () => ({ items: await listMunicipalities(deps) }),
  );
  app.get(
    '/api/v1/municipalities/:slug',
    {
      schema: {
        tags,
        summary: 'Gebieden en thema’s van een gemeente, voor het aanvraagformulier (publiek)',
        security: [],
        params: SlugParams,
        response: {
          200: z.object({ slug: z.string(), name: z.string(), ...look, areas: z.array(Named), themes: z.array(Named) }),
          400: Problem,
          404: Problem,
        },
      },
    },
    async (req) => publicMunicipality(deps, req.params.slug),
  );
  // The logo is served by Regie itself, never fetched from elsewhere; an SVG is shown
  // as an image and, opened on its own, may run nothing (docs/product.md#the-municipalitys-own-look).
  app.get(
    '/api/v1/municipalities/:slug/logo',
    {
      schema: {
        tags,
        summary: 'Het logo van een gemeente (publiek; PNG of SVG)',
        security: [],
        params: SlugParams,
        response: { 200: z.string().describe('het logo (image/png of image/svg+xml)'), 400: Problem, 404: Problem },
      },
    },
    async (req, reply) => {
      const logo = await municipalityLogo(deps, req.params.slug);
      reply
        .type(logo.type)
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'public, max-age=300')
        .header('Content-Disposition', `inline; filename="logo.${logo.type === 'image/png' ? 'png' : 'svg'}"`)
        .header('Cross-Origin-Resource-Policy', 'same-origin');
      if (logo.updatedAt) reply.header('Last-Modified', logo.updatedAt.toUTCString());
      if (logo.type === 'image/svg+xml') reply.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
      // Fastify sends a Buffer as it is; the schema's string type only documents the body.
      return reply.send(logo.bytes as unknown as string);
    },
  );
  // The primary colour as theme tokens, a stylesheet because the content security
  // policy refuses inline styles.
  app.get(
    '/api/v1/municipalities/:slug/theme.css',
    {
      schema: {
        tags,
        summary: 'De huisstijlkleur van een gemeente als NL Design System-tokens (publiek; text/css)',
        security: [],
        params: SlugParams,
        response: { 200: z.string().describe('CSS (text/css)'), 400: Problem, 404: Problem },
      },
    },
    async (req, reply) =>
      reply
        .type('text/css; charset=utf-8')
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'no-cache')
        .send(await municipalityThemeCss(deps, req.params.slug)),
  );
  app.get(
    '/api/v1/organisation',
    {
      schema: {
        tags,
        summary: 'Afdelingen, gebieden en thema’s van de eigen gemeente',
        response: { 200: z.object({ departments: z.array(Department), areas: z.array(Named), themes: z.array(Named) }), ...errors },
      },
    },
    async (req) => listOrganisation(ctxOf(deps, req)),
  );

  app.post(
    '/api/v1/departments',
    { schema: { tags, summary: 'Een afdeling toevoegen', body: z.object({ name, domain: z.enum(DOMAINS) }), response: { 201: Department, ...errors } } },
    async (req, reply) => reply.code(201).send(await createDepartment(ctxOf(deps, req), req.body)),
  );
  app.patch(
    '/api/v1/departments/:id',
    {
      schema: {
        tags,
        summary: 'Een afdeling wijzigen',
        params: IdParams,
        body: patchBody({ name: name.optional(), domain: z.enum(DOMAINS).optional() }),
        response: { 200: Department, ...errors },
      },
    },
    async (req) => updateDepartment(ctxOf(deps, req), { id: req.params.id, ...req.body }),
  );
  app.delete(
    '/api/v1/departments/:id',
    { schema: { tags, summary: 'Een afdeling verwijderen (niet als ze nog in gebruik is)', params: IdParams, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await deleteDepartment(ctxOf(deps, req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  for (const [kind, label] of [
    ['areas', 'een gebied'],
    ['themes', 'een thema'],
  ] as const satisfies readonly (readonly [NamedKind, string])[]) {
    app.post(
      `/api/v1/${kind}`,
      { schema: { tags, summary: `${label[0]?.toUpperCase()}${label.slice(1)} toevoegen`, body: z.object({ name }), response: { 201: Named, ...errors } } },
      async (req, reply) => reply.code(201).send(await createNamed(ctxOf(deps, req), kind, req.body.name)),
    );
    app.patch(
      `/api/v1/${kind}/:id`,
      { schema: { tags, summary: `De naam van ${label} wijzigen`, params: IdParams, body: z.object({ name }), response: { 200: Named, ...errors } } },
      async (req) => renameNamed(ctxOf(deps, req), kind, req.params.id, req.body.name),
    );
    app.delete(
      `/api/v1/${kind}/:id`,
      {
        schema: {
          tags,
          summary: `${label[0]?.toUpperCase()}${label.slice(1)} verwijderen (niet als zaken het gebruiken)`,
          params: IdParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await deleteNamed(ctxOf(deps, req), kind, req.params.id);
        return reply.code(204).send(null);
      },
    );
  }

  app.get(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: 'Medewerkers van de gemeente (met de gebieden en thema’s van regisseurs)',
        querystring: z.object({ role: staffRole.optional() }),
        response: { 200: z.object({ items: z.array(User) }), ...errors },
      },
    },
    async (req) => ({ items: (await listUsers(ctxOf(deps, req), { role: req.query.role })).map(presentUser) }),
  );
  app.post(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: 'Een medewerker toevoegen',
        description:
          'De medewerker krijgt altijd een uitnodiging per e-mail met een link om zelf een wachtwoord te kiezen (72 uur en één keer geldig), ook als hier een wachtwoord is opgegeven.',
        body: z.object({
          email: email(),
          name,
          role: staffRole,
          departmentId: z.uuid().nullish(),
          password: z.string().max(200).nullish(),
          areaIds: z.array(z.uuid()).max(100).optional(),
          themeIds: z.array(z.uuid()).max(100).optional(),
          locale: LocaleSchema.optional(),
        }),
        response: { 201: User, ...errors },
      },
    },
    async (req, reply) => {
      const u = await createUser(ctxOf(deps, req), req.body);
      return reply.code(201).send(presentUser({ ...u, areaIds: req.body.areaIds ?? [], themeIds: req.body.themeIds ?? [] }));
    },
  );
  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags,
        summary: 'Een medewerker wijzigen: rol, afdeling, actief, dekking, wachtwoord',
        description:
          'Medewerkers worden niet verwijderd maar gedeactiveerd (`active: false`): het account kan niet meer inloggen, de sessies eindigen en de API-tokens worden ingetrokken; de naam blijft in de geschiedenis. `active: true` zet het account weer aan (ingetrokken tokens blijven ingetrokken).',
        params: IdParams,
        body: patchBody({
          name: name.optional(),
          role: staffRole.optional(),
          departmentId: z.uuid().nullish(),
          active: z.boolean().optional(),
          password: z.string().max(200).optional(),
          areaIds: z.array(z.uuid()).max(100).optional(),
          themeIds: z.array(z.uuid()).max(100).optional(),
          locale: LocaleSchema.optional(),
        }),
        response: { 200: User, ...errors },
      },
    },
    async (req) => {
      const ctx = ctxOf(deps, req);
      await updateUser(ctx, { id: req.params.id, ...req.body });
      const u = (await listUsers(ctx)).find((x) => x.id === req.params.id);
      return presentUser(u as UserRow);
    },
  );

  // docs/product.md#an-accounts-history
  const AccountEvent = z.object({
    id: z.string(),
    at: z.string(),
    type: z.literal('account.roleChanged'),
    by: z.object({ id: z.string(), name: z.string().nullable() }).nullable().describe('null: Regie zelf, bij het inloggen via single sign-on'),
    from: z.enum(ROLES),
    to: z.enum(ROLES),
    source: z
      .enum(['admin', 'groupMapping'])
      .describe('admin: gewijzigd door een beheerder; groupMapping: door de groepen bij het inloggen via single sign-on'),
    group: z.string().nullable().describe('de groep die de rol bepaalde'),
  });
  app.get(
    '/api/v1/users/:id/history',
    {
      schema: {
        tags,
        summary: 'De geschiedenis van een medewerker: wijzigingen van de rol (beheerder)',
        params: IdParams,
        response: { 200: z.object({ items: z.array(AccountEvent) }), ...errors },
      },
    },
    async (req) => ({
      items: (await userHistory(ctxOf(deps, req), req.params.id)).map((e) => ({
        id: String(e.id),
        at: e.created_at.toISOString(),
        type: e.event.type,
        by: e.actor_id ? { id: e.actor_id, name: e.actor_name } : null,
        ...e.event.payload,
      })),
    }),
  );

  app.get('/api/v1/settings', { schema: { tags, summary: 'Instellingen van de gemeente', response: { 200: Settings, ...errors } } }, async (req) =>
    getSettings(ctxOf(deps, req)),
  );
  app.patch(
    '/api/v1/settings',
    {
      schema: {
        tags,
        summary: 'Termijn van het plan, extra sluitingsdagen, bewaartermijn van persoonsgegevens, contactgegevens, logo en huisstijlkleur wijzigen',
        body: patchBody({
          planTermDays: z.number().int().min(1).max(365).optional(),
          extraHolidays: z.array(IsoDate).max(100).optional(),
          // docs/product.md#bewaartermijn
          personalDataRetentionMonths: z
            .number()
            .int()
            .min(RETENTION_MIN_MONTHS)
            .max(RETENTION_MAX_MONTHS)
            .nullable()
            .optional()
            .describe('bewaartermijn in maanden (6 tot en met 240); null: persoonsgegevens bewaren'),
          // docs/product.md#the-municipalitys-own-look
          contactEmail: email().nullable().optional(),
          contactPhone: singleLine().trim().max(40).nullable().optional(),
          contactWebsite: singleLine().trim().max(300).nullable().optional().describe('https-adres'),
          primaryColor: singleLine().trim().max(20).nullable().optional().describe('#rrggbb, contrast met witte tekst ten minste 4,5:1'),
          logo: z.base64().max(140_000).nullable().optional().describe('PNG of SVG, base64, ten hoogste 100 kB; null: logo verwijderen'),
        }),
        response: { 200: Settings, ...errors },
      },
    },
    async (req) => updateSettings(ctxOf(deps, req), req.body),
  );
}
