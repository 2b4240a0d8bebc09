// Thin HTTP layer of the report mark (docs/product.md#the-report-mark): the survey
// behind its personal link (no account, rate limited like every public endpoint), the
// coordinator's follow-up list and form, and the admin's setting.
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { multiLine } from '../../platform/http/schemas.js';
import { type App, ctxOf, IdParams, Problem } from '../../platform/http/server.js';
import { COMMENT_MAX, SURVEY_MOMENTS } from './model.js';
import { followUpList } from './queries.js';
import { answerSurvey, getSatisfactionSettings, readSurvey, recordFollowUp, type SurveyView, updateSatisfactionSettings } from './service.js';

const tags = ['Tevredenheid'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const TokenParams = z.object({ token: z.string().max(200) });

const score = z.number().int().min(1).max(5).nullable();
const SurveyAnswerBody = z.object({
  mark: z.number().int().min(1).max(10).describe('rapportcijfer voor de hulp als geheel, 1 tot en met 10'),
  directorClear: score.optional().describe('was het duidelijk wie uw case-regisseur was (1–5), of leeg'),
  planConcrete: score.optional().describe('was het plan concreet (1–5), of leeg'),
  promisesKept: score.optional().describe('werden afspraken nagekomen (1–5), of leeg'),
  speed: score.optional().describe('snelheid (1–5), of leeg'),
  comment: multiLine().max(COMMENT_MAX).nullish().describe('open antwoord, hoogstens 2000 tekens'),
});

const SurveyAnswerOut = z.object({
  mark: z.number().int(),
  directorClear: z.number().int().nullable(),
  planConcrete: z.number().int().nullable(),
  promisesKept: z.number().int().nullable(),
  speed: z.number().int().nullable(),
  comment: z.string().nullable(),
});
const SurveyOut = z.object({
  municipality: z.string(),
  caseReference: z.string(),
  moment: z.enum(SURVEY_MOMENTS),
  may: z
    .enum(['answer', 'change', 'none'])
    .describe('wat de link nu toestaat: een eerste antwoord, wijzigen (14 dagen na het eerste antwoord) of alleen lezen'),
  changeableUntil: z.string().nullable(),
  answer: SurveyAnswerOut.nullable(),
});
z.globalRegistry.add(SurveyOut, { id: 'Survey' });

const FollowUpItemOut = z.object({
  surveyId: z.uuid(),
  caseId: z.uuid(),
  caseReference: z.string(),
  moment: z.enum(SURVEY_MOMENTS),
  mark: z.number().int(),
  answeredOn: z.string(),
  changedAt: z.string().nullable(),
  comment: z.string().nullable(),
  needsFollowUp: z.boolean(),
  followUps: z.array(z.object({ note: z.string(), status: z.enum(['open', 'done']), byId: z.string(), byName: z.string(), at: z.string() })),
});
z.globalRegistry.add(FollowUpItemOut, { id: 'SurveyFollowUpItem' });

const SettingsOut = z.object({ askAtPlanAgreement: z.boolean().describe('ook een vragenlijst sturen na akkoord op het plan (standaard uit)') });
z.globalRegistry.add(SettingsOut, { id: 'SatisfactionSettings' });

export function satisfactionRoutes(app: App, deps: Deps) {
  const present = (v: SurveyView): z.infer<typeof SurveyOut> => ({ ...v, changeableUntil: v.changeableUntil?.toISOString() ?? null });

  app.get(
    '/api/v1/survey-links/:token',
    {
      schema: {
        tags,
        summary: 'De vragenlijst achter de persoonlijke link van de aanvrager, met het antwoord tot nu toe (zonder inloggen)',
        security: [],
        params: TokenParams,
        response: { 200: SurveyOut, ...errors, 410: Problem },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req) => present(await readSurvey(deps, req.params.token)),
  );

  app.put(
    '/api/v1/survey-links/:token/answer',
    {
      schema: {
        tags,
        summary: 'De vragenlijst invullen, of het antwoord wijzigen tot 14 dagen na het eerste antwoord (zonder inloggen)',
        security: [],
        params: TokenParams,
        body: SurveyAnswerBody,
        response: { 200: SurveyOut, ...errors, 410: Problem },
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req) => {
      const b = req.body;
      return present(
        await answerSurvey(deps, req.params.token, {
          mark: b.mark,
          directorClear: b.directorClear ?? null,
          planConcrete: b.planConcrete ?? null,
          promisesKept: b.promisesKept ?? null,
          speed: b.speed ?? null,
          comment: b.comment ?? null,
        }),
      );
    },
  );

  app.get(
    '/api/v1/satisfaction/follow-ups',
    {
      schema: {
        tags,
        summary: 'Lage rapportcijfers om op te volgen (coördinator): cijfer, datum, zaak, open antwoord en wat er is gedaan',
        querystring: z.object({
          status: z.enum(['todo', 'all']).default('todo').describe('todo: nog op te volgen; all: ook afgerond of inmiddels 6 of hoger'),
        }),
        response: { 200: z.object({ items: z.array(FollowUpItemOut) }), ...errors },
      },
    },
    async (req) => {
      const items = await followUpList(ctxOf(deps, req), { status: req.query.status });
      return {
        items: items.map((i) => ({
          ...i,
          changedAt: i.changedAt?.toISOString() ?? null,
          followUps: i.followUps.map((f) => ({ ...f, at: f.at.toISOString() })),
        })),
      };
    },
  );

  app.post(
    '/api/v1/satisfaction/surveys/:id/follow-ups',
    {
      schema: {
        tags,
        summary: 'Vastleggen hoe een laag rapportcijfer is opgevolgd (coördinator), bijvoorbeeld "gebeld, excuses aangeboden"',
        params: IdParams,
        body: z.object({
          note: multiLine().trim().min(1).max(2000).describe('wat er is gedaan'),
          status: z.enum(['open', 'done']).describe('open: loopt nog; done: afgerond'),
        }),
        response: { 204: z.null().describe('vastgelegd'), ...errors },
      },
    },
    async (req, reply) => {
      await recordFollowUp(ctxOf(deps, req), { surveyId: req.params.id, note: req.body.note, status: req.body.status });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/satisfaction/settings',
    { schema: { tags, summary: 'Instelling van de tevredenheidsvragenlijst (beheerder)', response: { 200: SettingsOut, ...errors } } },
    async (req) => getSatisfactionSettings(ctxOf(deps, req)),
  );

  app.put(
    '/api/v1/satisfaction/settings',
    {
      schema: {
        tags,
        summary: 'De vragenlijst ook na akkoord op het plan sturen, aan of uit (beheerder)',
        body: z.object({ askAtPlanAgreement: z.boolean() }),
        response: { 200: SettingsOut, ...errors },
      },
    },
    async (req) => updateSatisfactionSettings(ctxOf(deps, req), { askAtPlanAgreement: req.body.askAtPlanAgreement }),
  );
}
