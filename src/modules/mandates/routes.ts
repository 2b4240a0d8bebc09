// Thin HTTP layer for the mandate register: validate → authenticate → call one
// use-case → present. camelCase JSON; If-Match/ETag on changes; problem+json errors.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { STAFF_ROLES } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/context.js';
import { IsoDate, patchBody, singleLine } from '../../platform/http/schemas.js';
import { type App, ctxOf, etag, IdParams, ifMatch, Problem } from '../../platform/http/server.js';
import { CODE_PATTERN, DOMAINS } from '../rules/index.js';
import { DELEGATED_BY_MAX } from './model.js';
import { createMandate, endMandateValidity, getMandate, listMandates, type MandateView, updateMandate } from './service.js';

const tags = ['Mandaatregister'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 412: Problem };
const staffRole = z.enum(STAFF_ROLES as unknown as [string, ...string[]]) as z.ZodType<(typeof STAFF_ROLES)[number]>;

const HolderIn = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('role'), role: staffRole.describe('iedereen met deze rol') }),
    z.object({ kind: z.literal('person'), userId: z.uuid().describe('een met name genoemde medewerker') }),
  ])
  .describe('wie het mandaat heeft: een rol of een persoon');
export const Scope = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('overrule'), domain: z.enum(DOMAINS).describe('bezwaren in dit domein overrulen') }),
    z.object({
      kind: z.literal('commitMoney'),
      upToCents: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).describe('geld toezeggen tot en met dit bedrag, in eurocenten'),
    }),
    z.object({
      kind: z.literal('grantExemption'),
      ruleCode: z.string().trim().max(40).regex(CODE_PATTERN).describe('ontheffing verlenen van deze regel (code uit het regelregister)'),
    }),
    z.object({ kind: z.literal('agreePlan') }).describe('een plan van aanpak accorderen'),
  ])
  .describe('wat het mandaat toestaat')
  .meta({ id: 'MandateScope' });
const fields = {
  holder: HolderIn,
  scope: Scope,
  delegatedBy: singleLine()
    .trim()
    .min(1)
    .max(DELEGATED_BY_MAX)
    .describe('wie het mandaat verleende: "het college", "de burgemeester", "afdelingshoofd Ruimte"'),
  validFrom: IsoDate.describe('eerste dag van kracht'),
  validUntil: IsoDate.nullable().describe('laatste dag van kracht; leeg: geen einde'),
  collaborationId: z
    .uuid()
    .nullable()
    .describe('alleen binnen deze samenwerking; houder is dan de eigenaar van de samenwerking en het mandaat staat geld toezeggen toe. Leeg: de hele gemeente'),
};
export const CreateMandateBody = z.object({ ...fields, validUntil: fields.validUntil.optional(), collaborationId: fields.collaborationId.optional() });
export const UpdateMandateBody = patchBody(z.object(fields).partial().shape);
export const EndMandateBody = z.object({ validUntil: IsoDate.describe('laatste dag van kracht: vandaag of later') });

export const HolderOut = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('role'), role: staffRole }),
  z.object({ kind: z.literal('person'), userId: z.uuid(), name: z.string() }),
]);
z.globalRegistry.add(HolderOut, { id: 'MandateHolder' });
const MandateOut = z.object({
  id: z.uuid(),
  holder: HolderOut,
  scope: Scope,
  delegatedBy: z.string(),
  validFrom: IsoDate,
  validUntil: IsoDate.nullable(),
  collaboration: z.object({ id: z.uuid(), name: z.string() }).nullable().describe('de samenwerking waartoe het mandaat beperkt is; leeg: de hele gemeente'),
  inForceToday: z.boolean().describe('vandaag van kracht'),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
z.globalRegistry.add(MandateOut, { id: 'Mandate' });
const MandateDetail = MandateOut.extend({
  abilities: z.object({ update: z.boolean(), endValidity: z.boolean() }),
  history: z.array(z.object({ at: z.string(), actorId: z.string().nullable(), actorName: z.string().nullable(), change: z.record(z.string(), z.unknown()) })),
});
z.globalRegistry.add(MandateDetail, { id: 'MandateDetail' });

export const presentMandate = (m: MandateView): z.infer<typeof MandateOut> => ({
  id: m.id,
  holder:
    m.holder.kind === 'role'
      ? { kind: 'role', role: m.holder.role as (typeof STAFF_ROLES)[number] }
      : { kind: 'person', userId: m.holder.userId, name: m.holderName ?? '' },
  scope: m.scope,
  delegatedBy: m.delegatedBy,
  validFrom: m.validFrom,
  validUntil: m.validUntil,
  collaboration: m.collaborationId ? { id: m.collaborationId, name: m.collaborationName ?? '' } : null,
  inForceToday: m.inForceToday,
  version: m.version,
  createdAt: m.createdAt.toISOString(),
  updatedAt: m.updatedAt.toISOString(),
});

export function mandateRoutes(app: App, deps: Deps) {
  const detail = async (req: FastifyRequest, reply: FastifyReply, id: string): Promise<z.infer<typeof MandateDetail>> => {
    const d = await getMandate(ctxOf(deps, req), id);
    reply.header('ETag', etag(d.mandate.version));
    return {
      ...presentMandate(d.mandate),
      abilities: d.abilities,
      history: d.history.map((h) => ({ at: h.created_at.toISOString(), actorId: h.actor_id, actorName: h.actor_name, change: h.change })),
    };
  };

  app.get(
    '/api/v1/mandates',
    {
      schema: {
        tags,
        summary: 'Het mandaatregister: wie wat mag besluiten, verleend door wie, voor welke periode',
        querystring: z.object({
          inForceOn: IsoDate.optional().describe('alleen mandaten die op deze dag van kracht zijn'),
          collaborationId: z.uuid().optional().describe('alleen de mandaten binnen deze samenwerking'),
        }),
        response: { 200: z.object({ items: z.array(MandateOut) }), ...errors },
      },
    },
    async (req) => ({ items: (await listMandates(ctxOf(deps, req), req.query)).map(presentMandate) }),
  );

  app.post(
    '/api/v1/mandates',
    { schema: { tags, summary: 'Een mandaat vastleggen (beheerder)', body: CreateMandateBody, response: { 201: MandateOut, ...errors } } },
    async (req, reply) => {
      const m = await createMandate(ctxOf(deps, req), {
        ...req.body,
        validUntil: req.body.validUntil ?? null,
        collaborationId: req.body.collaborationId ?? null,
      });
      reply.header('ETag', etag(m.version));
      return reply.code(201).header('Location', `/api/v1/mandates/${m.id}`).send(presentMandate(m));
    },
  );

  app.get(
    '/api/v1/mandates/:id',
    {
      schema: { tags, summary: 'Eén mandaat, met zijn wijzigingsgeschiedenis', params: IdParams, response: { 200: MandateDetail, ...errors } },
    },
    async (req, reply) => detail(req, reply, req.params.id),
  );

  app.patch(
    '/api/v1/mandates/:id',
    {
      schema: {
        tags,
        summary: 'Een mandaat wijzigen (beheerder; If-Match met de versie). Wie en wat liggen vast zodra het van kracht is geweest',
        params: IdParams,
        body: UpdateMandateBody,
        response: { 200: MandateDetail, ...errors },
      },
    },
    async (req, reply) => {
      await updateMandate(ctxOf(deps, req), { id: req.params.id, ifMatch: ifMatch(req), changes: req.body });
      return detail(req, reply, req.params.id);
    },
  );

  app.post(
    '/api/v1/mandates/:id/expiry',
    {
      schema: {
        tags,
        summary: 'De geldigheid van een mandaat beëindigen (beheerder; mandaten worden nooit verwijderd)',
        params: IdParams,
        body: EndMandateBody,
        response: { 200: MandateDetail, ...errors },
      },
    },
    async (req, reply) => {
      await endMandateValidity(ctxOf(deps, req), { id: req.params.id, ifMatch: ifMatch(req), validUntil: req.body.validUntil });
      return detail(req, reply, req.params.id);
    },
  );
}
