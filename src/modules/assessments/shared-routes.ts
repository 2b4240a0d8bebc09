// Thin HTTP layer for requests between municipalities under a sharing agreement
// (docs/product.md#another-municipalitys-department-in-a-round, docs/product.md#ending-a-sharing-agreement):
// the provider's specialist's list and request, the answer, and ending an agreement
// (which returns the open requests).
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { IsoDate } from '../../platform/http/schemas.js';
import { type App, ctxOf, etag, IdParams, ifMatch, Problem } from '../../platform/http/server.js';
import { AgreementOut, EndAgreementBody, presentAgreement } from '../intermunicipal/index.js';
import { ANSWER_KINDS } from './model.js';
import { answerSharedRequest, endSharingAgreement, getSharedRequest, type SharedRequestView, sharedRequests } from './shared.js';

const tags = ['Integrale toets'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 412: Problem };

const SharedRequestItemOut = z.object({
  partyId: z.uuid(),
  municipalityName: z.string().describe('de gemeente die om het oordeel vraagt'),
  caseReference: z.string(),
  caseTitle: z.string(),
  proposal: z.string(),
  termEndsOn: IsoDate,
  roundNumber: z.number().int(),
  status: z.enum(['open', 'closed']),
  answered: z.boolean(),
});
z.globalRegistry.add(SharedRequestItemOut, { id: 'SharedRequestItem' });

export function sharedRequestRoutes(app: App, deps: Deps, s: { AnswerBody: z.ZodTypeAny; CitedRuleOut: z.ZodTypeAny }): void {
  const AnswerBody = s.AnswerBody as z.ZodType<Parameters<typeof answerSharedRequest>[1]['answer']>;
  const SharedRequestOut = z.object({
    partyId: z.uuid(),
    partyName: z.string(),
    municipalityName: z.string(),
    case: z
      .object({ reference: z.string(), title: z.string(), description: z.string(), location: z.string() })
      .describe('alleen wat de toets nodig heeft: geen gegevens van de initiatiefnemer (dataminimalisatie)'),
    round: z.object({ number: z.number().int(), proposal: z.string(), openedOn: IsoDate, termEndsOn: IsoDate, status: z.enum(['open', 'closed']) }),
    answer: z
      .object({
        kind: z.enum([...ANSWER_KINDS, 'silence']),
        conditions: z.string().nullable(),
        rules: z.array(s.CitedRuleOut),
        whyApplies: z.string().nullable(),
        howItCouldBeDone: z.string().nullable(),
        answeredAt: z.string(),
        answeredByName: z.string(),
        late: z.boolean(),
      })
      .nullable(),
    rules: z.array(s.CitedRuleOut).describe('de regels van de gemeente van de zaak die van kracht zijn, binnen de domeinen van de afspraak'),
    abilities: z.object({ answer: z.boolean() }),
  });
  z.globalRegistry.add(SharedRequestOut, { id: 'SharedRequest' });
  const present = (v: SharedRequestView) => ({ ...v, answer: v.answer ? { ...v.answer, answeredAt: v.answer.answeredAt.toISOString() } : null });

  app.get(
    '/api/v1/shared-requests',
    {
      schema: {
        tags,
        summary: 'Toetsverzoeken van andere gemeenten aan de eigen afdeling, onder een samenwerkingsafspraak van kracht (specialist)',
        response: { 200: z.object({ items: z.array(SharedRequestItemOut) }), ...errors },
      },
    },
    async (req) => ({ items: await sharedRequests(ctxOf(deps, req)) }),
  );

  app.get(
    '/api/v1/shared-requests/:id',
    {
      schema: {
        tags,
        summary: 'Eén toetsverzoek van een andere gemeente, met de regels die mogen worden aangehaald (specialist van de gevraagde afdeling)',
        params: IdParams,
        response: { 200: SharedRequestOut, ...errors },
      },
    },
    async (req) => present(await getSharedRequest(ctxOf(deps, req), req.params.id)),
  );

  app.put(
    '/api/v1/shared-requests/:id/answer',
    {
      schema: {
        tags,
        summary: 'Antwoorden op een toetsverzoek van een andere gemeente, met regels uit haar regelregister; na sluiting alleen een laat bezwaar (201)',
        params: IdParams,
        body: AnswerBody,
        response: { 200: SharedRequestOut, 201: SharedRequestOut, ...errors },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(deps, req);
      const out = await answerSharedRequest(ctx, { partyId: req.params.id, answer: req.body });
      return reply.code(out.outcome === 'late' ? 201 : 200).send(present(await getSharedRequest(ctx, req.params.id)));
    },
  );

  app.post(
    '/api/v1/sharing-agreements/:id/end',
    {
      schema: {
        tags: ['Samenwerkingsafspraken tussen gemeenten'],
        summary: 'De afspraak beëindigen (beheerder van een van beide gemeenten; If-Match met de versie); open verzoeken gaan terug naar de vragende gemeente',
        params: IdParams,
        body: EndAgreementBody,
        response: { 200: AgreementOut, ...errors },
      },
    },
    async (req, reply) => {
      const v = await endSharingAgreement(ctxOf(deps, req), { id: req.params.id, reason: req.body.reason, ifMatch: ifMatch(req) });
      reply.header('ETag', etag(v.version));
      return presentAgreement(v);
    },
  );
}
