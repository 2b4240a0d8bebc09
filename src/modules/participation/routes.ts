// Thin HTTP layer for response periods: staff routes under the case and the period,
// public routes under the municipality (no account), and the Atom feed of open periods.
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { HONEYPOT_FIELD, honeypot } from '../../platform/http/honeypot.js';
import { email, LocaleSchema, multiLine, singleLine } from '../../platform/http/schemas.js';
import { type App, ctxOf, etag, IdParams, ifMatch, Problem } from '../../platform/http/server.js';
import { periodsFeed } from './feed.js';
import {
  ANSWER_MAX,
  LOCATION_MAX,
  MAX_QUESTIONS,
  MAX_TOPICS,
  MAX_WORKING_DAYS,
  POSITIONS,
  QUESTION_MAX,
  RELATIONS,
  SUMMARY_MAX,
  TEXT_MAX,
  TOPIC_MAX,
} from './model.js';
import { PARTICIPATION_ABILITIES } from './policy.js';
import { type PublicPeriod, unsafeConfirmResponse, unsafePublicPeriod, unsafePublicPeriods, unsafeSubmitResponse } from './public.js';
import { answerTopic, closePeriod, getInventory, hideResponse, type Inventory, listCasePeriods, openPeriod, type PeriodSummary } from './service.js';

const tags = ['Reacties'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 412: Problem };
const publicErrors = { 400: Problem, 404: Problem, 409: Problem, 429: Problem };

const Counts = z.object({ support: z.number().int(), concern: z.number().int(), objection: z.number().int() });

export const OpenPeriodBody = z.object({
  summary: multiLine()
    .trim()
    .min(1)
    .max(SUMMARY_MAX)
    .describe('publieke samenvatting, door de regisseur geschreven; nooit persoonsgegevens van de initiatiefnemer'),
  location: singleLine().trim().min(1).max(LOCATION_MAX).describe('de locatie zoals die op de publieke pagina staat'),
  workingDays: z.number().int().min(1).max(MAX_WORKING_DAYS).describe('duur in werkdagen; de einddatum wordt berekend'),
  topics: z
    .array(singleLine().trim().min(1).max(TOPIC_MAX))
    .min(1)
    .max(MAX_TOPICS)
    .describe('de belangen, bijvoorbeeld Verkeer, Geluid, Groen; "Anders" komt er altijd bij'),
  questions: z.array(singleLine().trim().min(1).max(QUESTION_MAX)).max(MAX_QUESTIONS).default([]).describe('optionele vragen aan belanghebbenden'),
});

const TopicOut = z.object({ id: z.uuid(), name: z.string(), answer: z.string().nullable(), answeredAt: z.string().nullable() });
const PeriodOut = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  reference: z.string(),
  summary: z.string(),
  location: z.string(),
  themes: z.array(z.string()),
  workingDays: z.number().int(),
  openedOn: z.string(),
  endsOn: z.string(),
  open: z.boolean(),
  closedAt: z.string().nullable(),
  closedReason: z.string().nullable(),
  answersLockedAt: z.string().nullable().describe('het plan is vastgesteld: de antwoorden liggen vast en zijn gemaild'),
  questions: z.array(z.string()),
  topics: z.array(TopicOut),
  respondents: z.number().int().describe('bevestigde, niet verborgen reacties'),
  version: z.number().int(),
});
z.globalRegistry.add(PeriodOut, { id: 'ResponsePeriod' });

const Abilities = z.object(
  Object.fromEntries(PARTICIPATION_ABILITIES.map((k) => [k, z.boolean()])) as Record<(typeof PARTICIPATION_ABILITIES)[number], z.ZodBoolean>,
);

const InventoryOut = z.object({
  period: PeriodOut,
  publicPath: z.string().describe('het pad van de publieke reactiepagina in de webapp'),
  totals: Counts,
  topics: z.array(TopicOut.extend({ counts: Counts, total: z.number().int(), hidden: z.number().int() })),
  responses: z
    .array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        showName: z.boolean().describe('de indiener wil de naam publiek tonen'),
        relation: z.enum(RELATIONS),
        position: z.enum(POSITIONS),
        topicIds: z.array(z.string()),
        interest: z.string(),
        wouldHelp: z.string(),
        answers: z.array(z.string()),
        locale: LocaleSchema,
        confirmedAt: z.string(),
        hidden: z.object({ at: z.string(), reason: z.string(), by: z.string().nullable() }).nullable(),
      }),
    )
    .describe('bevestigde reacties; het e-mailadres staat nergens in een lijst'),
  abilities: Abilities.extend({ editAnswers: z.boolean() }),
});
z.globalRegistry.add(InventoryOut, { id: 'ResponseInventory' });

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const presentPeriod = (p: PeriodSummary): z.infer<typeof PeriodOut> => ({
  id: p.id,
  caseId: p.caseId,
  reference: p.reference,
  summary: p.summary,
  location: p.location,
  themes: p.themes,
  workingDays: p.workingDays,
  openedOn: p.openedOn,
  endsOn: p.endsOn,
  open: p.open,
  closedAt: iso(p.closedAt),
  closedReason: p.closedReason,
  answersLockedAt: iso(p.answersLockedAt),
  questions: p.questions,
  topics: p.topics.map((t) => ({ id: t.id, name: t.name, answer: t.answer, answeredAt: iso(t.answeredAt) })),
  respondents: p.respondents,
  version: p.version,
});
const presentInventory = (i: Inventory): z.infer<typeof InventoryOut> => ({
  period: presentPeriod(i.period),
  publicPath: `/reageren/${i.slug}/${i.period.id}`,
  totals: i.totals,
  topics: i.topics.map((t) => ({
    id: t.id,
    name: t.name,
    answer: t.answer,
    answeredAt: iso(t.answeredAt),
    counts: t.counts,
    total: t.total,
    hidden: t.hidden,
  })),
  responses: i.responses.map((r) => ({
    id: r.id,
    name: r.name,
    showName: r.showName,
    relation: r.relation,
    position: r.position,
    topicIds: r.topicIds,
    interest: r.interest,
    wouldHelp: r.wouldHelp,
    answers: r.answers,
    locale: r.locale,
    confirmedAt: (r.confirmedAt as Date).toISOString(),
    hidden: r.hiddenAt ? { at: r.hiddenAt.toISOString(), reason: r.hiddenReason ?? '', by: r.hiddenByName } : null,
  })),
  abilities: i.abilities,
});

// ---- public -----------------------------------------------------------------------------

const SlugParams = z.object({
  slug: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9-]+$/),
});
const PublicPeriodOut = z.object({
  id: z.uuid(),
  reference: z.string(),
  summary: z.string(),
  location: z.string(),
  themes: z.array(z.string()),
  openedOn: z.string(),
  endsOn: z.string().describe('laatste dag waarop gereageerd kan worden'),
  open: z.boolean(),
  closedEarly: z.boolean(),
  topics: z.array(z.object({ id: z.uuid(), name: z.string() })),
  questions: z.array(z.string()),
  respondents: z.number().int(),
});
z.globalRegistry.add(PublicPeriodOut, { id: 'PublicResponsePeriod' });
const presentPublic = (p: PublicPeriod): z.infer<typeof PublicPeriodOut> => ({
  id: p.id,
  reference: p.reference,
  summary: p.summary,
  location: p.location,
  themes: p.themes,
  openedOn: p.openedOn,
  endsOn: p.endsOn,
  open: p.open,
  closedEarly: p.closedEarly,
  topics: p.topics,
  questions: p.questions,
  respondents: p.respondents,
});
const MunicipalityOut = z.object({ name: z.string(), slug: z.string() });

export const SubmitResponseBody = z.object({
  name: singleLine().trim().min(1).max(200),
  showName: z.boolean().default(false).describe('de naam publiek tonen (standaard niet)'),
  email: email().describe('alleen voor de bevestigingslink en het antwoord; nooit publiek'),
  relation: z.enum(RELATIONS).describe('neighbour: omwonende, business: bedrijf in de buurt, organisation: organisatie, other: anders'),
  position: z.enum(POSITIONS).describe('support: steun, concern: zorg, objection: bezwaar'),
  topicIds: z
    .array(z.uuid())
    .min(1)
    .max(MAX_TOPICS + 1)
    .describe('de belangen waar de reactie over gaat'),
  interest: multiLine().trim().min(1).max(TEXT_MAX).describe('wat voor u belangrijk is'),
  wouldHelp: multiLine().trim().max(TEXT_MAX).default('').describe('wat zou helpen'),
  answers: z.array(multiLine().trim().max(ANSWER_MAX)).max(MAX_QUESTIONS).default([]).describe('antwoorden op de vragen, in volgorde'),
  locale: LocaleSchema.optional().describe('taal van de e-mails; standaard de taal van het verzoek'),
  [HONEYPOT_FIELD]: honeypot(),
});

export function participationRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/cases/:id/response-periods',
    {
      schema: {
        tags,
        summary: 'De reactieperiodes van een zaak, nieuwste eerst',
        params: IdParams,
        response: { 200: z.object({ items: z.array(PeriodOut), caseLocation: z.string(), abilities: Abilities }), ...errors },
      },
    },
    async (req) => {
      const r = await listCasePeriods(ctxOf(deps, req), req.params.id);
      return { items: r.items.map(presentPeriod), caseLocation: r.caseLocation, abilities: r.abilities };
    },
  );

  app.post(
    '/api/v1/cases/:id/response-periods',
    {
      schema: {
        tags,
        summary: 'Een reactieperiode openen (regisseur van de zaak of coördinator); één open periode per zaak',
        params: IdParams,
        body: OpenPeriodBody,
        response: { 201: PeriodOut, ...errors },
      },
    },
    async (req, reply) => {
      const p = await openPeriod(ctxOf(deps, req), { caseId: req.params.id, ...req.body });
      reply.header('ETag', etag(p.version));
      return reply.code(201).header('Location', `/api/v1/response-periods/${p.id}`).send(presentPeriod(p));
    },
  );

  app.get(
    '/api/v1/response-periods/:id',
    {
      schema: {
        tags,
        summary: 'De inventarisatie van belangen van een reactieperiode: aantallen per belang en standpunt, reacties en antwoorden',
        params: IdParams,
        response: { 200: InventoryOut, ...errors },
      },
    },
    async (req, reply) => {
      const i = await getInventory(ctxOf(deps, req), req.params.id);
      reply.header('ETag', etag(i.period.version));
      return presentInventory(i);
    },
  );

  app.post(
    '/api/v1/response-periods/:id/closure',
    {
      schema: {
        tags,
        summary: 'Een reactieperiode voor de einddatum sluiten, met een reden',
        params: IdParams,
        body: z.object({ reason: multiLine().trim().min(1).max(2000) }),
        response: { 204: z.null().describe('gesloten'), ...errors },
      },
    },
    async (req, reply) => {
      await closePeriod(ctxOf(deps, req), { periodId: req.params.id, reason: req.body.reason, ifMatch: ifMatch(req) });
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/v1/response-periods/:id/topics/:topicId/answer',
    {
      schema: {
        tags,
        summary: 'Het antwoord bij een belang schrijven of wijzigen ("wat we met uw reactie doen"), tot het plan is vastgesteld',
        params: z.object({ id: z.uuid(), topicId: z.uuid() }),
        body: z.object({ answer: multiLine().trim().min(1).max(ANSWER_MAX) }),
        response: { 204: z.null().describe('opgeslagen'), ...errors },
      },
    },
    async (req, reply) => {
      await answerTopic(ctxOf(deps, req), { periodId: req.params.id, topicId: req.params.topicId, answer: req.body.answer });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/responses/:id/hiding',
    {
      schema: {
        tags,
        summary: 'Een reactie verbergen, met een reden: zij telt dan nergens meer mee',
        params: IdParams,
        body: z.object({ reason: multiLine().trim().min(1).max(2000) }),
        response: { 204: z.null().describe('verborgen'), ...errors },
      },
    },
    async (req, reply) => {
      await hideResponse(ctxOf(deps, req), { responseId: req.params.id, reason: req.body.reason });
      return reply.code(204).send(null);
    },
  );

  // ---- public: no account -----------------------------------------------------------

  app.get(
    '/api/v1/municipalities/:slug/response-periods',
    {
      schema: {
        tags,
        summary: 'De open reactieperiodes van een gemeente (publiek)',
        security: [],
        params: SlugParams,
        response: { 200: z.object({ municipality: MunicipalityOut, items: z.array(PublicPeriodOut) }), 400: Problem, 404: Problem },
      },
    },
    async (req) => {
      const r = await unsafePublicPeriods(deps, req.params.slug);
      return { municipality: r.municipality, items: r.items.map(presentPublic) };
    },
  );

  app.get(
    '/api/v1/municipalities/:slug/response-periods.atom',
    {
      schema: {
        tags,
        summary: 'De open reactieperiodes van een gemeente als Atom-feed (publiek; application/atom+xml)',
        security: [],
        params: SlugParams,
        response: { 200: z.string().describe('Atom 1.0 (application/atom+xml)'), 400: Problem, 404: Problem },
      },
    },
    async (req, reply) => {
      const r = await unsafePublicPeriods(deps, req.params.slug);
      const xml = periodsFeed({ publicUrl: deps.config.publicUrl, municipality: r.municipality, periods: r.items, now: deps.clock.now() });
      return reply.type('application/atom+xml; charset=utf-8').send(xml);
    },
  );

  app.get(
    '/api/v1/municipalities/:slug/response-periods/:id',
    {
      schema: {
        tags,
        summary: 'Eén reactieperiode zoals de publieke reactiepagina haar toont (publiek)',
        security: [],
        params: SlugParams.extend({ id: z.uuid() }),
        response: { 200: PublicPeriodOut.extend({ municipality: MunicipalityOut }), 400: Problem, 404: Problem },
      },
    },
    async (req) => {
      const p = await unsafePublicPeriod(deps, req.params.slug, req.params.id);
      return { ...presentPublic(p), municipality: p.municipality };
    },
  );

  app.post(
    '/api/v1/municipalities/:slug/response-periods/:id/responses',
    {
      schema: {
        tags,
        summary: 'Reageren op een zaak zonder account (publiek); telt pas na bevestiging via de gemailde link',
        description:
          'Het antwoord is hetzelfde van wie het e-mailadres ook is en of het al eerder reageerde. Een later bevestigde reactie van hetzelfde adres vervangt de eerdere.',
        security: [],
        params: SlugParams.extend({ id: z.uuid() }),
        body: SubmitResponseBody,
        response: { 202: z.object({ confirmationMailed: z.literal(true) }), ...publicErrors },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { [HONEYPOT_FIELD]: trap, ...body } = req.body;
      await unsafeSubmitResponse(deps, { ...body, slug: req.params.slug, periodId: req.params.id, locale: body.locale ?? req.locale }, trap);
      return reply.code(202).send({ confirmationMailed: true as const });
    },
  );

  app.post(
    '/api/v1/response-confirmations',
    {
      schema: {
        tags,
        summary: 'Een reactie bevestigen met de gemailde link (publiek)',
        security: [],
        body: z.object({ token: z.string().min(1).max(200) }),
        response: { 200: z.object({ slug: z.string(), periodId: z.uuid(), reference: z.string() }), ...publicErrors },
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req) => unsafeConfirmResponse(deps, req.body.token),
  );
}
