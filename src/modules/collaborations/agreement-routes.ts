// Thin HTTP layer for agreements within a collaboration
// (docs/product.md#agreements-within-a-collaboration) and the outside party's one-time
// link to confirm one: validate → authenticate → call one use-case → present.
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { IsoDate, multiLine } from '../../platform/http/schemas.js';
import { type App, ctxOf, etag, IdParams, ifMatch, Problem } from '../../platform/http/server.js';
import { AmendBody, CommitmentDecision, CommitmentOut, ConfirmationBody, MADE_VIA, OutcomeBody, presentCommitment, WHAT_MAX } from '../commitments/index.js';
import {
  type AgreementView,
  addAgreement,
  answerAgreementLink,
  listAgreements,
  readAgreementLink,
  resendAgreementLink,
  updateAgreement,
} from './agreements.js';
import { NOTE_MAX } from './model.js';

const tags = ['Samenwerkingen'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 412: Problem };

const Side = z
  .union([
    z.object({ partyId: z.uuid().describe('een partij van de samenwerking') }),
    z.object({ userId: z.uuid().describe('een medewerker van de gemeente') }),
  ])
  .describe('een partij van de samenwerking of een medewerker');

export const AgreementBody = z.object({
  madeBy: Side.describe('wie de afspraak maakt'),
  madeTo: Side.describe('aan wie'),
  what: multiLine().trim().min(1).max(WHAT_MAX).describe('wat er is afgesproken'),
  dueOn: IsoDate.describe('uiterste datum'),
  madeVia: z.enum(MADE_VIA).default('meeting').describe('waar: overleg, telefoon, brief of e-mail'),
  madeOn: IsoDate.describe('datum waarop de afspraak is gemaakt'),
  decision: CommitmentDecision.default({ kind: 'other' }),
});

const AgreementOut = CommitmentOut.extend({
  madeByPartyId: z.uuid().nullable(),
  madeToPartyId: z.uuid().nullable(),
  confirmedByParty: z.boolean().describe('de externe partij bevestigt de afspraak zelf, via haar eenmalige link'),
  partyAnswer: z
    .object({ answer: z.enum(['confirmed', 'disputed']), reason: z.string().nullable(), at: z.string() })
    .nullable()
    .describe('het antwoord van de externe partij'),
  linkExpiresAt: z.string().nullable().describe('tot wanneer de huidige bevestigingslink van de externe partij werkt; leeg: geen link'),
  abilities: CommitmentOut.shape.abilities.extend({
    resendLink: z.boolean().describe('mag de bevestigingslink opnieuw sturen: de afspraak wacht nog op het antwoord van de externe partij'),
  }),
});
z.globalRegistry.add(AgreementOut, { id: 'Agreement' });

const present = (a: AgreementView): z.infer<typeof AgreementOut> => ({
  ...presentCommitment(a),
  abilities: { ...a.abilities, resendLink: a.resendLink },
  linkExpiresAt: a.linkExpiresAt ? a.linkExpiresAt.toISOString() : null,
  madeByPartyId: a.madeByPartyId,
  madeToPartyId: a.madeToPartyId,
  confirmedByParty: a.confirmedByParty,
  partyAnswer: a.partyAnswer ? { ...a.partyAnswer, at: a.partyAnswer.at.toISOString() } : null,
});

const AgreementParams = z.object({ id: z.uuid(), agreementId: z.uuid() });
const TokenParams = z.object({ token: z.string().max(200) });

const LinkOut = z.object({
  municipality: z.string(),
  collaboration: z.string(),
  party: z.string().describe('de partij die de afspraak maakte'),
  what: z.string(),
  dueOn: IsoDate,
  madeOn: IsoDate,
  madeTo: z.string(),
  status: CommitmentOut.shape.status,
  answer: z.object({ answer: z.enum(['confirmed', 'disputed']), reason: z.string().nullable() }).nullable(),
});
z.globalRegistry.add(LinkOut, { id: 'AgreementLink' });

export const AgreementAnswerBody = z.object({
  decision: z.enum(['confirm', 'dispute']).describe('confirm: de afspraak klopt; dispute: de afspraak klopt niet'),
  reason: multiLine().trim().max(NOTE_MAX).nullable().optional().describe('verplicht bij dispute: waarom de afspraak niet klopt'),
});

export function agreementRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/collaborations/:id/agreements',
    {
      schema: {
        tags,
        summary: 'De afspraken binnen een samenwerking',
        params: IdParams,
        response: { 200: z.object({ items: z.array(AgreementOut), abilities: z.object({ record: z.boolean() }) }), ...errors },
      },
    },
    async (req) => {
      const r = await listAgreements(ctxOf(deps, req), req.params.id);
      return { items: r.items.map(present), abilities: r.abilities };
    },
  );

  app.post(
    '/api/v1/collaborations/:id/agreements',
    {
      schema: {
        tags,
        summary:
          'Een afspraak binnen een samenwerking vastleggen; een afspraak van een externe partij wacht op haar bevestiging via een eenmalige link per e-mail',
        params: IdParams,
        body: AgreementBody,
        response: { 201: AgreementOut.extend({ linkSentTo: z.string().nullable().describe('de partij die de bevestigingslink kreeg') }), ...errors },
      },
    },
    async (req, reply) => {
      const a = await addAgreement(ctxOf(deps, req), { collaborationId: req.params.id, ...req.body });
      reply.header('ETag', etag(a.version));
      return reply.code(201).send({ ...present(a), linkSentTo: a.linkSentTo });
    },
  );

  const change =
    (kind: 'amend' | 'outcome' | 'confirmation') =>
    async (
      req: { params: z.infer<typeof AgreementParams>; body: Record<string, unknown> } & Parameters<typeof ctxOf>[1],
      reply: import('fastify').FastifyReply,
    ) => {
      const a = await updateAgreement(ctxOf(deps, req), {
        collaborationId: req.params.id,
        agreementId: req.params.agreementId,
        ifMatch: ifMatch(req),
        change: { kind, ...req.body } as never,
      });
      reply.header('ETag', etag(a.version));
      return present(a);
    };

  app.post(
    '/api/v1/collaborations/:id/agreements/:agreementId/amendments',
    {
      schema: {
        tags,
        summary: 'Een afspraak wijzigen met een reden (If-Match)',
        params: AgreementParams,
        body: AmendBody,
        response: { 200: AgreementOut, ...errors },
      },
    },
    change('amend'),
  );
  app.post(
    '/api/v1/collaborations/:id/agreements/:agreementId/outcome',
    {
      schema: {
        tags,
        summary: 'Een afspraak afronden: nagekomen, niet nagekomen of ingetrokken (reden verplicht bij de laatste twee)',
        params: AgreementParams,
        body: OutcomeBody,
        response: { 200: AgreementOut, ...errors },
      },
    },
    change('outcome'),
  );
  app.post(
    '/api/v1/collaborations/:id/agreements/:agreementId/confirmation',
    {
      schema: {
        tags,
        summary: 'Een afspraak buiten mandaat bevestigen of afwijzen (de mandaathouder; niet voor de afspraak van een externe partij)',
        params: AgreementParams,
        body: ConfirmationBody,
        response: { 200: AgreementOut, ...errors },
      },
    },
    change('confirmation'),
  );

  app.post(
    '/api/v1/collaborations/:id/agreements/:agreementId/link',
    {
      schema: {
        tags,
        summary:
          'De bevestigingslink van een externe partij opnieuw sturen, zolang de afspraak op haar antwoord wacht; de nieuwe link vervangt de oude en werkt weer 30 dagen',
        params: AgreementParams,
        response: { 200: AgreementOut.extend({ linkSentTo: z.string().describe('de partij die de nieuwe link kreeg') }), ...errors },
      },
    },
    async (req) => {
      const a = await resendAgreementLink(ctxOf(deps, req), { collaborationId: req.params.id, agreementId: req.params.agreementId });
      return { ...present(a), linkSentTo: a.linkSentTo };
    },
  );

  app.get(
    '/api/v1/agreement-links/:token',
    {
      schema: {
        tags,
        summary: 'De afspraak achter de eenmalige link van een externe partij (zonder inloggen)',
        security: [],
        params: TokenParams,
        response: { 200: LinkOut, ...errors, 410: Problem },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req) => readAgreementLink(deps, req.params.token),
  );

  app.post(
    '/api/v1/agreement-links/:token/answer',
    {
      schema: {
        tags,
        summary: 'De externe partij bevestigt haar afspraak, of betwist haar met een reden; de link werkt één keer',
        security: [],
        params: TokenParams,
        body: AgreementAnswerBody,
        response: { 200: LinkOut, ...errors, 410: Problem },
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req) => answerAgreementLink(deps, req.params.token, req.body),
  );
}
