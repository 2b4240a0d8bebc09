// Thin HTTP layer for sharing agreements between municipalities
// (docs/product.md#sharing-agreements-between-municipalities): validate → authenticate →
// one use-case → present. If-Match/ETag on changes; problem+json errors. Ending an
// agreement also returns open requests, so its route sits with the assessment's.
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { IsoDate, multiLine, singleLine } from '../../platform/http/schemas.js';
import { type App, ctxOf, etag, IdParams, ifMatch, Problem } from '../../platform/http/server.js';
import { DOMAINS } from '../rules/index.js';
import { AGREEMENT_STATUSES } from './model.js';
import { type AgreementView, approveAgreement, availableSharedDepartments, getAgreement, listAgreements, proposeAgreement, receiverThemes } from './service.js';

const tags = ['Samenwerkingsafspraken tussen gemeenten'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 412: Problem };

export const ProposeAgreementBody = z.object({
  receiverMunicipality: singleLine().trim().min(1).max(100).describe('de code (slug) van de gemeente die de dienst ontvangt, zoals haar beheerder die opgeeft'),
  what: multiLine().trim().min(1).max(2000).describe('wat de gemeente levert, bijvoorbeeld "toetsing door de Omgevingsdienst voor uw zaken"'),
  departmentIds: z.array(z.uuid()).min(1).max(20).describe('de eigen afdelingen die de dienst leveren'),
  ruleDomains: z.array(z.enum(DOMAINS)).max(5).default([]).describe('de domeinen van regels die mogen worden aangehaald; leeg: alle'),
  themeIds: z
    .array(z.uuid())
    .max(20)
    .default([])
    .describe("de thema's van de ontvangende gemeente waarvoor de afspraak geldt; leeg: alle (een zaak valt erbinnen met ten minste één van deze thema's)"),
  validFrom: IsoDate.describe('eerste dag'),
  validUntil: IsoDate.nullish().describe('laatste dag; leeg: tot de afspraak wordt beëindigd'),
});
export const EndAgreementBody = z.object({ reason: multiLine().trim().max(2000).nullish().describe('waarom de afspraak eindigt') });

const Who = z.object({ byName: z.string(), at: z.string() });
export const AgreementOut = z.object({
  id: z.uuid(),
  provider: z.object({ id: z.uuid(), name: z.string() }).describe('de gemeente die levert'),
  receiver: z.object({ id: z.uuid(), name: z.string() }).describe('de gemeente die ontvangt'),
  what: z.string(),
  departments: z.array(z.object({ id: z.uuid(), name: z.string() })),
  ruleDomains: z.array(z.enum(DOMAINS)),
  themes: z.array(z.object({ id: z.uuid(), name: z.string() })).describe("de thema's van de ontvangende gemeente waarvoor de afspraak geldt; leeg: alle"),
  validFrom: IsoDate,
  validUntil: IsoDate.nullable(),
  status: z
    .enum(AGREEMENT_STATUSES)
    .describe('proposed: voorgesteld; approved: door beide goedgekeurd, nog niet begonnen; active: van kracht; ended: beëindigd of verlopen'),
  side: z.enum(['provider', 'receiver']).describe('de kant van de eigen gemeente'),
  proposed: Who,
  approvals: z.object({ provider: Who.nullable(), receiver: Who.nullable() }).describe('de goedkeuring van elke beheerder: wie en wanneer'),
  ended: z.object({ byName: z.string().nullable(), at: z.string().nullable(), reason: z.string().nullable(), expired: z.boolean() }).nullable(),
  version: z.number().int(),
  abilities: z.object({ approve: z.boolean(), end: z.boolean() }),
});
z.globalRegistry.add(AgreementOut, { id: 'SharingAgreement' });
const SharedDepartmentOut = z.object({
  agreementId: z.uuid(),
  providerMunicipalityId: z.uuid(),
  providerName: z.string(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  ruleDomains: z.array(z.enum(DOMAINS)),
  themes: z.array(z.object({ id: z.uuid(), name: z.string() })).describe("alleen zaken met een van deze thema's; leeg: alle"),
});
z.globalRegistry.add(SharedDepartmentOut, { id: 'SharedDepartment' });

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const who = (w: { byName: string; at: Date } | null) => (w ? { byName: w.byName, at: w.at.toISOString() } : null);
export const presentAgreement = (v: AgreementView) => ({
  ...v,
  ruleDomains: v.ruleDomains as (typeof DOMAINS)[number][],
  proposed: { byName: v.proposed.byName, at: v.proposed.at.toISOString() },
  approvals: { provider: who(v.approvals.provider), receiver: who(v.approvals.receiver) },
  ended: v.ended ? { ...v.ended, at: iso(v.ended.at) } : null,
});

export function intermunicipalRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/sharing-agreements',
    {
      schema: {
        tags,
        summary: 'De samenwerkingsafspraken waarin de eigen gemeente partij is (beheerder)',
        response: { 200: z.object({ items: z.array(AgreementOut) }), ...errors },
      },
    },
    async (req) => ({ items: (await listAgreements(ctxOf(deps, req))).map(presentAgreement) }),
  );

  app.post(
    '/api/v1/sharing-agreements',
    {
      schema: {
        tags,
        summary: 'Een samenwerkingsafspraak voorstellen: wat de eigen afdelingen leveren aan een andere gemeente (beheerder)',
        body: ProposeAgreementBody,
        response: { 201: AgreementOut, ...errors },
      },
    },
    async (req, reply) => {
      const v = await proposeAgreement(ctxOf(deps, req), { ...req.body, validUntil: req.body.validUntil ?? null });
      reply.header('ETag', etag(v.version));
      return reply.code(201).header('Location', `/api/v1/sharing-agreements/${v.id}`).send(presentAgreement(v));
    },
  );

  app.get(
    '/api/v1/shared-themes',
    {
      schema: {
        tags,
        summary: "De thema's van een andere gemeente, om de reikwijdte van een voorgestelde afspraak uit te kiezen (beheerder)",
        querystring: z.object({ municipality: singleLine().trim().min(1).max(100).describe('de code (slug) van de ontvangende gemeente') }),
        response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) }), ...errors },
      },
    },
    async (req) => ({ items: await receiverThemes(ctxOf(deps, req), req.query.municipality) }),
  );

  app.get(
    '/api/v1/sharing-agreements/:id',
    { schema: { tags, summary: 'Eén samenwerkingsafspraak', params: IdParams, response: { 200: AgreementOut, ...errors } } },
    async (req, reply) => {
      const v = await getAgreement(ctxOf(deps, req), req.params.id);
      reply.header('ETag', etag(v.version));
      return presentAgreement(v);
    },
  );

  app.post(
    '/api/v1/sharing-agreements/:id/approval',
    {
      schema: {
        tags,
        summary: 'De afspraak goedkeuren namens de eigen gemeente (beheerder; If-Match met de versie)',
        params: IdParams,
        response: { 200: AgreementOut, ...errors },
      },
    },
    async (req, reply) => {
      const v = await approveAgreement(ctxOf(deps, req), { id: req.params.id, ifMatch: ifMatch(req) });
      reply.header('ETag', etag(v.version));
      return presentAgreement(v);
    },
  );

  app.get(
    '/api/v1/shared-departments',
    {
      schema: {
        tags,
        summary: 'Afdelingen van andere gemeenten die onder een afspraak van kracht kunnen worden gevraagd (regisseur, coördinator)',
        response: { 200: z.object({ items: z.array(SharedDepartmentOut) }), ...errors },
      },
    },
    async (req) => ({
      items: (await availableSharedDepartments(ctxOf(deps, req))).map((d) => ({ ...d, ruleDomains: d.ruleDomains as (typeof DOMAINS)[number][] })),
    }),
  );
}
