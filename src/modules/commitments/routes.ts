// Thin HTTP layer for commitments on record (toezeggingen): validate → authenticate →
// call one use-case → present. camelCase JSON; If-Match/ETag; problem+json errors.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { CsvBody, CsvSeparatorParam, email, IsoDate, multiLine, singleLine } from '../../platform/http/schemas.js';
import { type App, ctxOf, etag, IdParams, ifMatch, Problem } from '../../platform/http/server.js';
import { CODE_PATTERN } from '../rules/index.js';
import { COMMITMENT_STATUSES, MADE_VIA, NAME_MAX, OUTCOMES, REASON_MAX, WHAT_MAX } from './model.js';
import { COMMITMENTS_EXPORT_NAME, exportCommitments, LIST_SCOPES, listCommitments } from './queries.js';
import { amendCommitment, caseCommitments, decideConfirmation, getCommitment, recordCommitment, recordOutcome } from './service.js';
import type { CommitmentView } from './view.js';

const tags = ['Toezeggingen'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 412: Problem };

export const Decision = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('commitMoney'), amountCents: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).describe('bedrag in eurocenten') }),
    z.object({
      kind: z.literal('grantExemption'),
      ruleCode: z.string().trim().max(40).regex(CODE_PATTERN).describe('code van de regel uit het regelregister'),
    }),
    z.object({ kind: z.literal('agreePlan') }),
    z.object({ kind: z.literal('other') }),
  ])
  .describe('wat de toezegging besluit, voor de toets aan het mandaatregister')
  .meta({ id: 'CommitmentDecision' });

export const RecordCommitmentBody = z.object({
  madeBy: z
    .union([
      z.object({ userId: z.uuid().describe('een medewerker van de gemeente') }),
      z.object({
        name: singleLine().trim().min(1).max(NAME_MAX),
        role: singleLine().trim().min(1).max(NAME_MAX).describe('bijvoorbeeld "wethouder Economie"'),
      }),
    ])
    .describe('wie de toezegging deed'),
  madeTo: z
    .union([z.object({ userId: z.uuid() }), z.object({ name: singleLine().trim().min(1).max(NAME_MAX), email: email().nullable().optional() })])
    .optional()
    .describe('aan wie; zonder: de initiatiefnemer'),
  what: multiLine().trim().min(1).max(WHAT_MAX).describe('wat er precies is toegezegd'),
  dueOn: IsoDate.describe('uiterste datum'),
  madeVia: z.enum(MADE_VIA).describe('waar: overleg, telefoon, brief of e-mail'),
  madeOn: IsoDate.describe('datum waarop de toezegging is gedaan'),
  decision: Decision,
});
export const AmendBody = z.object({
  what: multiLine().trim().min(1).max(WHAT_MAX).optional(),
  dueOn: IsoDate.optional(),
  reason: multiLine().trim().min(1).max(REASON_MAX).describe('waarom de toezegging wordt gewijzigd'),
});
export const ConfirmationBody = z.object({
  decision: z.enum(['confirm', 'decline']),
  reason: multiLine().trim().max(REASON_MAX).nullable().optional().describe('verplicht bij afwijzen'),
});
export const OutcomeBody = z.object({
  status: z.enum(OUTCOMES),
  reason: multiLine().trim().max(REASON_MAX).nullable().optional().describe('verplicht bij niet nagekomen en ingetrokken'),
});

const Person = z.object({ userId: z.uuid().nullable(), name: z.string() });
export const CommitmentOut = z.object({
  id: z.uuid(),
  caseId: z.uuid().nullable().describe('de zaak; leeg bij een afspraak binnen een samenwerking'),
  caseReference: z.string().nullable(),
  caseTitle: z.string().nullable(),
  collaborationId: z.uuid().nullable().describe('de samenwerking bij een afspraak binnen een samenwerking; anders leeg'),
  collaborationName: z.string().nullable(),
  madeBy: Person.extend({ role: z.string() }),
  madeTo: Person,
  what: z.string(),
  dueOn: IsoDate,
  madeVia: z.enum(MADE_VIA),
  madeOn: IsoDate,
  decision: Decision,
  status: z.enum(COMMITMENT_STATUSES),
  statusReason: z.string().nullable(),
  mandateIds: z.array(z.uuid()).describe('het mandaat waarop de toezegging bindend is'),
  confirmedBy: z.object({ userId: z.uuid(), name: z.string() }).nullable(),
  decidedByBody: z.boolean().describe('bevestigd of afgewezen door het bestuursorgaan (college, burgemeester); confirmedBy heeft het besluit vastgelegd'),
  overdue: z.boolean().describe('open en de uiterste datum is voorbij'),
  version: z.number().int(),
  recordedAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({
    amend: z.boolean(),
    confirm: z.boolean(),
    confirmByBody: z
      .boolean()
      .describe('bevestigen legt het besluit van het bestuursorgaan vast (niemand in Regie heeft een dekkend mandaat); reden verplicht'),
    end: z.boolean(),
  }),
});
z.globalRegistry.add(CommitmentOut, { id: 'Commitment' });
const CommitmentDetail = CommitmentOut.extend({
  history: z.array(
    z.object({
      at: z.string(),
      version: z.number().int(),
      by: z.object({ userId: z.uuid(), name: z.string() }).nullable(),
      change: z.record(z.string(), z.unknown()),
    }),
  ),
});
z.globalRegistry.add(CommitmentDetail, { id: 'CommitmentDetail' });

/** The answer to recording a commitment: the commitment, and who was asked to confirm it by name. */
const RecordedCommitmentOut = CommitmentOut.extend({
  askedToConfirm: z
    .object({
      names: z.array(z.string()).describe('wie om bevestiging is gevraagd'),
      byBody: z.boolean().describe('geen mandaathouder: de coördinatoren leggen het voor aan het bevoegd orgaan'),
    })
    .nullable()
    .describe('null als de toezegging meteen bindend is'),
});

export const presentCommitment = (k: CommitmentView): z.infer<typeof CommitmentOut> => ({
  ...k,
  recordedAt: k.recordedAt.toISOString(),
  updatedAt: k.updatedAt.toISOString(),
});

export function commitmentRoutes(app: App, deps: Deps) {
  const detail = async (req: import('fastify').FastifyRequest, reply: FastifyReply, id: string): Promise<z.infer<typeof CommitmentDetail>> => {
    const d = await getCommitment(ctxOf(deps, req), id);
    reply.header('ETag', etag(d.commitment.version));
    return {
      ...presentCommitment(d.commitment),
      history: d.history.map((h) => ({
        at: h.created_at.toISOString(),
        version: h.version,
        by: h.actor_id ? { userId: h.actor_id, name: h.actor_name ?? '' } : null,
        change: h.change,
      })),
    };
  };

  app.post(
    '/api/v1/cases/:id/commitments',
    {
      schema: {
        tags,
        summary: 'Een toezegging vastleggen; binnen het mandaat van wie haar deed is zij bindend, anders wacht zij op bevestiging',
        params: IdParams,
        body: RecordCommitmentBody,
        response: { 201: RecordedCommitmentOut, ...errors },
      },
    },
    async (req, reply) => {
      const { askedToConfirm, ...k } = await recordCommitment(ctxOf(deps, req), { caseId: req.params.id, ...req.body });
      reply.header('ETag', etag(k.version));
      return reply
        .code(201)
        .header('Location', `/api/v1/commitments/${k.id}`)
        .send({ ...presentCommitment(k), askedToConfirm });
    },
  );

  app.get(
    '/api/v1/cases/:id/commitments',
    {
      schema: {
        tags,
        summary: 'De toezeggingen bij een zaak (de initiatiefnemer ziet de toezeggingen aan hem of haar)',
        params: IdParams,
        response: {
          200: z.object({ items: z.array(CommitmentOut), abilities: z.object({ record: z.boolean().describe('mag hier een toezegging vastleggen') }) }),
          ...errors,
        },
      },
    },
    async (req) => {
      const r = await caseCommitments(ctxOf(deps, req), req.params.id);
      return { items: r.items.map(presentCommitment), abilities: r.abilities };
    },
  );

  app.get(
    '/api/v1/commitments',
    {
      schema: {
        tags,
        summary: 'Toezeggingen over zaken heen: eigen toezeggingen, wachtend op bevestiging, te laat of alle',
        querystring: z.object({
          scope: z.enum(LIST_SCOPES).default('all').describe('mine: door mij gedaan; awaitingConfirmation: ik kan bevestigen; overdue: te laat; all: alle'),
          cursor: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(25),
        }),
        response: { 200: z.object({ items: z.array(CommitmentOut), nextCursor: z.string().nullable() }), ...errors },
      },
    },
    async (req) => {
      const page = await listCommitments(ctxOf(deps, req), req.query);
      return { items: page.items.map(presentCommitment), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/v1/commitments/export',
    {
      schema: {
        tags,
        summary: 'Het toezeggingenregister van de gemeente downloaden als CSV',
        querystring: z.object({ separator: CsvSeparatorParam }),
        response: {
          200: {
            description: 'Het register als CSV voor een spreadsheet',
            content: { 'text/csv': { schema: CsvBody } },
          },
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const csv = await exportCommitments(ctxOf(deps, req), { locale: req.locale, separator: req.query.separator });
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="${COMMITMENTS_EXPORT_NAME}"`)
        .serializer((body: string) => body)
        .send(csv);
    },
  );

  app.get(
    '/api/v1/commitments/:id',
    { schema: { tags, summary: 'Eén toezegging, met haar geschiedenis', params: IdParams, response: { 200: CommitmentDetail, ...errors } } },
    async (req, reply) => detail(req, reply, req.params.id),
  );

  app.post(
    '/api/v1/commitments/:id/amendments',
    {
      schema: {
        tags,
        summary: 'Een toezegging wijzigen met een reden (If-Match); de vorige versie blijft in de geschiedenis',
        params: IdParams,
        body: AmendBody,
        response: { 200: CommitmentDetail, ...errors },
      },
    },
    async (req, reply) => {
      await amendCommitment(ctxOf(deps, req), { id: req.params.id, ifMatch: ifMatch(req), ...req.body });
      return detail(req, reply, req.params.id);
    },
  );

  app.post(
    '/api/v1/commitments/:id/confirmation',
    {
      schema: {
        tags,
        summary: 'Een toezegging bevestigen of afwijzen (de mandaathouder)',
        params: IdParams,
        body: ConfirmationBody,
        response: { 200: CommitmentDetail, ...errors },
      },
    },
    async (req, reply) => {
      await decideConfirmation(ctxOf(deps, req), { id: req.params.id, ifMatch: ifMatch(req), ...req.body });
      return detail(req, reply, req.params.id);
    },
  );

  app.post(
    '/api/v1/commitments/:id/outcome',
    {
      schema: {
        tags,
        summary: 'Een toezegging afronden: nagekomen, niet nagekomen of ingetrokken (reden verplicht bij de laatste twee)',
        params: IdParams,
        body: OutcomeBody,
        response: { 200: CommitmentDetail, ...errors },
      },
    },
    async (req, reply) => {
      await recordOutcome(ctxOf(deps, req), { id: req.params.id, ifMatch: ifMatch(req), ...req.body });
      return detail(req, reply, req.params.id);
    },
  );
}
