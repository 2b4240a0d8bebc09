// Thin HTTP layer for the integrated assessment: validate → authenticate → call one
// use-case → present. camelCase JSON; problem+json errors.
import { z } from 'zod';
import type { Actor } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/context.js';
import { email, IsoDate, multiLine, singleLine } from '../../platform/http/schemas.js';
import { type App, ctxOf, IdParams, Problem } from '../../platform/http/server.js';
import { HolderOut, Scope } from '../mandates/index.js';
import { DOMAINS } from '../rules/index.js';
import { decideLateObjection, listLateObjections, overruleObjection, withdrawObjection } from './decisions.js';
import { ANSWER_KINDS, SUMMARY_STATES } from './model.js';
import { lateObjectionAbilities } from './policy.js';
import {
  type AnswerView,
  assessmentRequests,
  getCaseAssessment,
  getPartyView,
  type LateObjectionListRow,
  type ObjectionItem,
  type PartyView,
  type RoundView,
} from './queries.js';
import { answerAsDepartment, answerViaLink, type LinkData, openAssessmentRound, readAssessmentLink } from './service.js';
import { sharedRequestRoutes } from './shared-routes.js';

const tags = ['Integrale toets'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const text = (max: number) => multiLine().trim().max(max);
const line = (max: number) => singleLine().trim().max(max);

export const OpenRoundBody = z.object({
  proposal: text(4000).min(1).describe('wat wordt voorgesteld'),
  departmentIds: z.array(z.uuid()).max(30).default([]).describe('afdelingen van de gemeente die worden gevraagd'),
  outsideParties: z
    .array(z.object({ name: line(200).min(1), email: email(), organisation: line(200).nullish() }))
    .max(30)
    .default([])
    .describe('externe partijen; zij krijgen een persoonlijke link per e-mail'),
  termWorkingDays: z.number().int().min(1).max(60).optional().describe('termijn in werkdagen (standaard 10)'),
  sameProposalAs: z.uuid().nullish().describe('de eerdere ronde over hetzelfde voorstel'),
  sharedDepartments: z
    .array(z.object({ agreementId: z.uuid(), departmentId: z.uuid() }))
    .max(10)
    .default([])
    .describe('afdelingen van andere gemeenten, gevraagd onder een samenwerkingsafspraak die van kracht is'),
});
export const AnswerBody = z.object({
  kind: z.enum(ANSWER_KINDS).describe('yes: akkoord; yesWithConditions: akkoord, mits; objection: bezwaar'),
  conditions: text(4000).nullish(),
  ruleIds: z.array(z.uuid()).max(20).optional().describe('de aangehaalde regels uit het regelregister (bij een bezwaar)'),
  whyApplies: text(4000).nullish().describe('waarom de regel op deze casus van toepassing is'),
  howItCouldBeDone: text(4000).nullish().describe('hoe het initiatief wél kan ("hoe wel")'),
});

const CitedRuleOut = z.object({ id: z.string(), code: z.string(), title: z.string(), legalSource: z.string(), domain: z.enum(DOMAINS), strict: z.boolean() });
z.globalRegistry.add(CitedRuleOut, { id: 'CitedRule' });
const AnswerOut = z.object({
  kind: z.enum([...ANSWER_KINDS, 'silence']),
  conditions: z.string().nullable(),
  rules: z.array(CitedRuleOut),
  whyApplies: z.string().nullable(),
  howItCouldBeDone: z.string().nullable(),
  answeredAt: z.string(),
  asOf: IsoDate.describe('de dag waarop het antwoord geldt; bij stilzwijgen het einde van de termijn'),
  answeredBy: z.object({ name: z.string() }),
  late: z.boolean(),
  amendments: z.number().int(),
  overrule: z
    .object({
      reason: z.string(),
      by: z.object({ name: z.string() }),
      mandateIds: z.array(z.string()),
      mandates: z
        .array(z.object({ id: z.uuid(), holder: HolderOut, scope: Scope, delegatedBy: z.string(), validFrom: IsoDate, validUntil: IsoDate.nullable() }))
        .describe('de mandaten waarop is overruled: wie het heeft, wat het toestaat en wie het verleende'),
      at: z.string(),
    })
    .nullable(),
  withdrawal: z
    .object({ reason: z.string(), by: z.object({ name: z.string() }), at: z.string() })
    .nullable()
    .describe('de partij heeft dit bezwaar zelf ingetrokken'),
});
z.globalRegistry.add(AnswerOut, { id: 'AssessmentAnswer' });
const PartyOut = z.object({
  id: z.uuid(),
  kind: z.enum(['department', 'outside']),
  departmentId: z.string().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  organisation: z.string().nullable(),
  answer: AnswerOut.nullable(),
  earlierAnswers: z.array(AnswerOut).describe('de antwoorden die de partij had toen een laat bezwaar werd toegelaten; zij blijven deel van het resultaat'),
  lateObjection: z.object({ id: z.string(), status: z.enum(['pending', 'admitted', 'setAside']) }).nullable(),
  reopenedUntil: IsoDate.nullable(),
  shared: z.boolean().describe('een afdeling van een andere gemeente, gevraagd onder een samenwerkingsafspraak'),
  returnedAt: z.string().nullable().describe('teruggegeven toen de samenwerkingsafspraak eindigde; er wordt niet meer op gewacht'),
  abilities: z.object({ answer: z.boolean(), overrule: z.boolean(), withdraw: z.boolean().describe('mag het eigen bezwaar intrekken') }),
});
z.globalRegistry.add(PartyOut, { id: 'AssessmentParty' });
const RoundOut = z.object({
  id: z.uuid(),
  number: z.number().int(),
  proposal: z.string(),
  openedOn: IsoDate,
  termEndsOn: IsoDate.describe('laatste dag van de termijn'),
  termWorkingDays: z.number().int(),
  closedAt: z.string().nullable(),
  closedReason: z.enum(['allAnswered', 'termEnded']).nullable(),
  status: z.enum(['open', 'closed']),
  sameProposalAs: z.string().nullable(),
  parties: z.array(PartyOut),
  abilities: z.object({ openFollowUp: z.boolean() }),
});
z.globalRegistry.add(RoundOut, { id: 'AssessmentRound' });
const OutcomeItemOut = z.object({ roundId: z.string(), roundNumber: z.number().int(), partyId: z.string(), partyName: z.string(), answer: AnswerOut });
z.globalRegistry.add(OutcomeItemOut, { id: 'AssessmentOutcomeItem' });
// How an objection was resolved (docs/product.md#a-standing-objection); null while it stands.
const ResolutionOut = z.union([
  z.object({ by: z.enum(['overrule', 'withdrawn']), byName: z.string(), at: z.string(), reason: z.string() }),
  z.object({ by: z.literal('newRound'), roundId: z.string(), roundNumber: z.number().int() }),
]);
const ObjectionItemOut = OutcomeItemOut.extend({
  standing: z.boolean().describe('het bezwaar staat: niet overruled, niet ingetrokken en niet opgelost door een nieuwe ronde'),
  resolution: ResolutionOut.nullable().describe('opgelost door: overrule, intrekking of een nieuwe ronde'),
});
z.globalRegistry.add(ObjectionItemOut, { id: 'AssessmentObjectionItem' });
const SummaryOut = z
  .object({
    state: z.enum(SUMMARY_STATES),
    roundNumber: z.number().int().nullable(),
    pending: z.number().int(),
    yes: z.number().int(),
    silence: z.number().int(),
    conditions: z.number().int(),
    objections: z.number().int(),
    notReached: z.number().int(),
    standingObjections: z.number().int(),
  })
  .describe(
    'samenvatting: open (nog niet iedereen heeft geantwoord), objections (er staat een bezwaar), incomplete (niet iedereen bereikt), conditions, consent',
  );
z.globalRegistry.add(SummaryOut, { id: 'AssessmentSummary' });
const LateObjectionOut = z.object({
  id: z.uuid(),
  caseId: z.string(),
  caseReference: z.string(),
  caseTitle: z.string(),
  roundId: z.string(),
  roundNumber: z.number().int(),
  partyId: z.string(),
  partyName: z.string(),
  cause: z.enum(['afterClose', 'serial']),
  serialOfRoundNumber: z.number().int().nullable(),
  status: z.enum(['pending', 'admitted', 'setAside']),
  rules: z.array(CitedRuleOut),
  whyApplies: z.string().nullable(),
  howItCouldBeDone: z.string().nullable(),
  raisedAt: z.string(),
  raisedBy: z.object({ name: z.string() }),
  decidedAt: z.string().nullable(),
  decidedBy: z.object({ name: z.string() }).nullable(),
  decisionReason: z.string().nullable(),
  reopenedUntil: IsoDate.nullable(),
  abilities: z.object({ decide: z.boolean() }),
});
z.globalRegistry.add(LateObjectionOut, { id: 'LateObjection' });
const LinkOut = z.object({
  municipality: z.string(),
  caseReference: z.string(),
  caseTitle: z.string(),
  roundNumber: z.number().int(),
  proposal: z.string(),
  termEndsOn: IsoDate,
  party: z.object({ name: z.string(), organisation: z.string().nullable() }),
  answer: AnswerOut.omit({ overrule: true, withdrawal: true, amendments: true }).extend({ amendments: z.number().int() }).nullable(),
  may: z
    .enum(['answer', 'lateObjection', 'none'])
    .describe('answer: antwoorden of wijzigen; lateObjection: alleen nog één laat bezwaar; none: de link is gebruikt'),
  rules: z.array(CitedRuleOut).describe('de regels die vandaag mogen worden aangehaald'),
});
z.globalRegistry.add(LinkOut, { id: 'AssessmentLink' });

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const presentAnswer = (a: AnswerView): z.infer<typeof AnswerOut> => ({
  ...a,
  answeredAt: a.answeredAt.toISOString(),
  overrule: a.overrule ? { ...a.overrule, at: a.overrule.at.toISOString() } : null,
  withdrawal: a.withdrawal ? { ...a.withdrawal, at: a.withdrawal.at.toISOString() } : null,
});
const presentObjection = (o: ObjectionItem): z.infer<typeof ObjectionItemOut> => ({
  ...o,
  answer: presentAnswer(o.answer),
  resolution: o.resolution === null ? null : o.resolution.by === 'newRound' ? o.resolution : { ...o.resolution, at: o.resolution.at.toISOString() },
});
const presentParty = (p: PartyView): z.infer<typeof PartyOut> => ({
  ...p,
  answer: p.answer ? presentAnswer(p.answer) : null,
  earlierAnswers: p.earlierAnswers.map(presentAnswer),
  returnedAt: iso(p.returnedAt),
});
const presentRound = (r: RoundView): z.infer<typeof RoundOut> => ({ ...r, closedAt: iso(r.closedAt), parties: r.parties.map(presentParty) });
const presentLate = (actor: Actor, l: LateObjectionListRow): z.infer<typeof LateObjectionOut> => ({
  id: l.id,
  caseId: l.case_id,
  caseReference: l.case_reference,
  caseTitle: l.case_title,
  roundId: l.round_id,
  roundNumber: l.round_number,
  partyId: l.party_id,
  partyName: l.party_name,
  cause: l.cause,
  serialOfRoundNumber: l.serial_of_round_number,
  status: l.status,
  rules: l.rules,
  whyApplies: l.why_applies,
  howItCouldBeDone: l.how_it_could_be_done,
  raisedAt: l.answered_at.toISOString(),
  raisedBy: { name: l.answered_by_name },
  decidedAt: iso(l.decided_at),
  decidedBy: l.decided_by_name ? { name: l.decided_by_name } : null,
  decisionReason: l.decision_reason,
  reopenedUntil: l.reopened_until,
  abilities: lateObjectionAbilities(actor, l.status),
});

// Any string: a malformed token is as unknown as a wrong one (404 from the look-up).
const TokenParams = z.object({ token: z.string().max(200) });

export function assessmentRoutes(app: App, deps: Deps) {
  sharedRequestRoutes(app, deps, { AnswerBody, CitedRuleOut });
  const linkView = (s: LinkData): z.infer<typeof LinkOut> => ({
    municipality: s.m.name,
    caseReference: s.c.reference,
    caseTitle: s.c.title,
    roundNumber: s.round.number,
    proposal: s.round.proposal,
    termEndsOn: s.party.reopened_until && s.party.reopened_until > s.round.term_ends_on ? s.party.reopened_until : s.round.term_ends_on,
    party: { name: s.party.name, organisation: s.party.organisation },
    answer: s.answer
      ? {
          kind: s.answer.kind,
          conditions: s.answer.conditions,
          rules: s.answer.rules,
          whyApplies: s.answer.why_applies,
          howItCouldBeDone: s.answer.how_it_could_be_done,
          answeredAt: s.answer.answered_at.toISOString(),
          asOf: s.answer.as_of,
          answeredBy: { name: s.answer.answered_by_name },
          late: s.answer.late,
          amendments: s.answer.seq - 1,
        }
      : null,
    may: s.may,
    rules: s.rules.map((r) => ({ id: r.id, code: r.code, title: r.title, legalSource: r.legal_source, domain: r.domain, strict: r.strict })),
  });

  app.post(
    '/api/v1/cases/:id/assessment-rounds',
    {
      schema: {
        tags,
        summary: 'Een toetsronde starten: voorstel, gevraagde partijen en termijn in werkdagen (regisseur van de zaak of coördinator)',
        params: IdParams,
        body: OpenRoundBody,
        response: { 201: RoundOut, ...errors },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(deps, req);
      const round = await openAssessmentRound(ctx, { caseId: req.params.id, ...req.body });
      const { rounds } = await getCaseAssessment(ctx, req.params.id);
      const view = rounds.find((r) => r.id === round.id) as RoundView;
      return reply.code(201).header('Location', `/api/v1/cases/${req.params.id}/assessment`).send(presentRound(view));
    },
  );

  app.get(
    '/api/v1/cases/:id/assessment',
    {
      schema: {
        tags,
        summary: 'De integrale toets van een zaak: rondes, antwoorden en één samengevat resultaat per partij',
        params: IdParams,
        response: {
          200: z.object({
            rounds: z.array(RoundOut),
            outcome: z.object({ conditions: z.array(OutcomeItemOut), objections: z.array(ObjectionItemOut) }),
            summary: SummaryOut,
            lateObjections: z.array(LateObjectionOut),
            abilities: z.object({ openRound: z.boolean().describe('mag een (nieuwe) toetsronde openen') }),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const ctx = ctxOf(deps, req);
      const a = await getCaseAssessment(ctx, req.params.id);
      const item = (i: (typeof a.outcome.conditions)[number]) => ({ ...i, answer: presentAnswer(i.answer) });
      return {
        rounds: a.rounds.map(presentRound),
        outcome: { conditions: a.outcome.conditions.map(item), objections: a.outcome.objections.map(presentObjection) },
        summary: a.summary,
        lateObjections: a.late.map((l) => presentLate(ctx.actor, l)),
        abilities: a.abilities,
      };
    },
  );

  app.put(
    '/api/v1/assessment-parties/:id/answer',
    {
      schema: {
        tags,
        summary: 'Antwoorden of het antwoord wijzigen namens de gevraagde afdeling (specialist van die afdeling); na sluiting alleen een laat bezwaar (201)',
        params: IdParams,
        body: AnswerBody,
        response: { 200: PartyOut, 201: PartyOut, ...errors },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(deps, req);
      const out = await answerAsDepartment(ctx, { partyId: req.params.id, answer: req.body });
      const party = presentParty(await getPartyView(ctx, req.params.id));
      return reply.code(out.outcome === 'late' ? 201 : 200).send(party);
    },
  );

  app.post(
    '/api/v1/assessment-parties/:id/overrule',
    {
      schema: {
        tags,
        summary: 'Een bezwaar overrulen met een reden, binnen mandaat (een bezwaar op een strikte regel kan niet worden overruled)',
        params: IdParams,
        body: z.object({ reason: text(4000).min(1) }),
        response: { 200: PartyOut, ...errors },
      },
    },
    async (req) => {
      const ctx = ctxOf(deps, req);
      await overruleObjection(ctx, { partyId: req.params.id, reason: req.body.reason });
      return presentParty(await getPartyView(ctx, req.params.id));
    },
  );

  app.post(
    '/api/v1/assessment-parties/:id/withdrawal',
    {
      schema: {
        tags,
        summary: 'Het eigen bezwaar intrekken, met een reden (specialist van de gevraagde afdeling); het bezwaar staat dan niet meer',
        params: IdParams,
        body: z.object({ reason: text(4000).min(1) }),
        response: { 200: PartyOut, ...errors },
      },
    },
    async (req) => {
      const ctx = ctxOf(deps, req);
      await withdrawObjection(ctx, { partyId: req.params.id, reason: req.body.reason });
      return presentParty(await getPartyView(ctx, req.params.id));
    },
  );

  app.get(
    '/api/v1/assessment-links/:token',
    {
      schema: {
        tags,
        summary: 'De toetsvraag achter de persoonlijke link van een externe partij (zonder inloggen)',
        security: [],
        params: TokenParams,
        response: { 200: LinkOut, ...errors, 410: Problem },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req) => linkView(await readAssessmentLink(deps, req.params.token)),
  );

  app.put(
    '/api/v1/assessment-links/:token/answer',
    {
      schema: {
        tags,
        summary: 'Antwoorden via de persoonlijke link van een externe partij; na sluiting eenmaal een laat bezwaar (201)',
        security: [],
        params: TokenParams,
        body: AnswerBody,
        response: { 200: LinkOut, 201: LinkOut, ...errors, 410: Problem },
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { out, view } = await answerViaLink(deps, req.params.token, req.body);
      return reply.code(out.outcome === 'late' ? 201 : 200).send(linkView(view));
    },
  );

  app.get(
    '/api/v1/assessment-requests',
    {
      schema: {
        tags,
        summary: 'Werkbak van de specialist: toetsvragen aan de eigen afdeling, open rondes eerst',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                partyId: z.string(),
                roundId: z.string(),
                caseId: z.string(),
                caseReference: z.string(),
                caseTitle: z.string(),
                proposal: z.string(),
                termEndsOn: IsoDate,
                roundNumber: z.number().int(),
                status: z.enum(['open', 'closed']),
                answered: z.boolean(),
                reopenedUntil: IsoDate.nullable(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => ({ items: await assessmentRequests(ctxOf(deps, req)) }),
  );

  app.get(
    '/api/v1/late-objections',
    {
      schema: {
        tags,
        summary: 'Late bezwaren (coördinator; een regisseur ziet die op de eigen zaken)',
        querystring: z.object({ status: z.enum(['pending', 'admitted', 'setAside']).optional() }),
        response: { 200: z.object({ items: z.array(LateObjectionOut) }), ...errors },
      },
    },
    async (req) => {
      const ctx = ctxOf(deps, req);
      return { items: (await listLateObjections(ctx, { status: req.query.status })).map((l) => presentLate(ctx.actor, l)) };
    },
  );

  app.post(
    '/api/v1/late-objections/:id/decision',
    {
      schema: {
        tags,
        summary: 'Over een laat bezwaar beslissen: toelaten (de ronde gaat voor die partij weer open) of terzijde leggen, met een reden (coördinator)',
        params: IdParams,
        body: z.object({ decision: z.enum(['admit', 'setAside']), reason: text(4000).min(1) }),
        response: { 200: LateObjectionOut, ...errors },
      },
    },
    async (req) => {
      const ctx = ctxOf(deps, req);
      return presentLate(ctx.actor, await decideLateObjection(ctx, { id: req.params.id, ...req.body }));
    },
  );
}
