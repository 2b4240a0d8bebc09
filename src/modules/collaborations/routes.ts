// Thin HTTP layer for collaborations (docs/product.md#collaborations): validate →
// authenticate → call one use-case → present. camelCase JSON; If-Match/ETag on
// changes; problem+json errors.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { IsoDate, multiLine, patchBody, singleLine } from '../../platform/http/schemas.js';
import { type App, ctxOf, etag, IdParams, ifMatch, Problem } from '../../platform/http/server.js';
import { agreementRoutes } from './agreement-routes.js';
import {
  CONTRIBUTION_KINDS,
  END_KINDS,
  HEALTH_CODES,
  LINE_MAX,
  LINES_MAX,
  NAME_MAX,
  NOTE_MAX,
  ORG_TYPES,
  PARTY_KINDS,
  PHASES,
  TEXT_MAX,
  UNIT_MAX,
} from './model.js';
import { partnerRoutes } from './partner-routes.js';
import { partyRoutes } from './party-routes.js';
import { listCollaborations } from './queries.js';
import {
  addParty,
  addTarget,
  type CollaborationView,
  changePhase,
  collaborationSheet,
  getCollaboration,
  recordReading,
  startCollaboration,
  updateCollaboration,
  updateParty,
  updateTarget,
} from './service.js';
import { sendSheet } from './sheet-download.js';

const tags = ['Samenwerkingen'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 412: Problem };

const Phase = z.enum(PHASES).describe('beleidsfase: agenda (agendavorming), policy (beleidsvorming), implementation (uitvoering), evaluation (evaluatie)');
const ids = (what: string) => z.array(z.uuid()).max(50).describe(what);
const Amount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Value = z.number().min(-1e12).max(1e12);

const collaborationFields = {
  name: singleLine().trim().min(1).max(NAME_MAX).describe('naam van de samenwerking'),
  description: multiLine().max(TEXT_MAX).describe('waar het om gaat'),
  goal: multiLine().max(TEXT_MAX).describe('het gedeelde doel'),
  ownerUserId: z.uuid().describe('eigenaar: een regisseur of coördinator van de gemeente'),
  startOn: IsoDate.describe('startdatum'),
  endOn: IsoDate.describe('einddatum of evaluatiedatum (tijdelijk per definitie)'),
  endKind: z.enum(END_KINDS).describe('end: einddatum; review: moment om te evalueren en te besluiten over verlengen'),
  areaIds: ids('gebieden'),
  themeIds: ids('thema’s'),
  caseIds: ids('gekoppelde zaken'),
};
export const StartCollaborationBody = z.object({
  ...collaborationFields,
  description: collaborationFields.description.default(''),
  goal: collaborationFields.goal.default(''),
  endKind: collaborationFields.endKind.default('end'),
  areaIds: collaborationFields.areaIds.default([]),
  themeIds: collaborationFields.themeIds.default([]),
  caseIds: collaborationFields.caseIds.default([]),
  phase: Phase.default('agenda'),
});
export const UpdateCollaborationBody = patchBody(z.object(collaborationFields).partial().shape);
export const PhaseBody = z.object({ phase: Phase });
export const TargetBody = z.object({
  indicator: singleLine().trim().min(1).max(NAME_MAX).describe('indicator, bijvoorbeeld "meldingen jeugdoverlast"'),
  baseline: Value.describe('nulmeting'),
  targetValue: Value.describe('streefwaarde'),
  unit: singleLine().trim().min(1).max(UNIT_MAX).describe('eenheid, bijvoorbeeld "per kwartaal"'),
  targetOn: IsoDate.describe('streefdatum'),
});
export const UpdateTargetBody = patchBody(TargetBody.partial().shape);
export const ReadingBody = z.object({
  readOn: IsoDate.describe('datum van de meting (niet in de toekomst)'),
  value: Value.describe('gemeten waarde'),
  note: multiLine().max(NOTE_MAX).default('').describe('toelichting'),
});
const Contribution = z.object({
  kind: z.enum(CONTRIBUTION_KINDS).describe('money (geld, in eurocenten), hours (uren), assets (middelen), data (gegevens), powers (bevoegdheden)'),
  amount: Amount.nullable().describe('bedrag in eurocenten of aantal uren; leeg voor middelen, gegevens en bevoegdheden'),
  description: multiLine().max(NOTE_MAX).default('').describe('omschrijving'),
});
const lines = (what: string) => z.array(singleLine().trim().min(1).max(LINE_MAX)).max(LINES_MAX).describe(what);
const partyFields = {
  kind: z
    .enum(PARTY_KINDS)
    .describe('department (afdeling van de gemeente), municipality (andere gemeente in de installatie), organisation (externe organisatie)'),
  departmentId: z.uuid().nullable().describe('de afdeling, bij kind department'),
  municipalityId: z.uuid().nullable().describe('de andere gemeente, bij kind municipality'),
  name: singleLine().trim().min(1).max(NAME_MAX).describe('naam van de partij'),
  orgType: z.enum(ORG_TYPES).describe('public (overheid), private (bedrijf), nonprofit (maatschappelijk), residents (bewoners)'),
  kvkNumber: singleLine().max(8).nullable().describe('KvK-nummer, 8 cijfers'),
  contactName: singleLine().max(NAME_MAX).nullable().describe('contactpersoon'),
  contactEmail: z.email().max(254).nullable().describe('e-mailadres van de contactpersoon'),
  decidesAlone: lines('waarover de partij alleen beslist'),
  decidesTogether: lines('waarover samen wordt beslist'),
  finalSay: lines('waarover de partij het laatste woord heeft'),
  yield: multiLine().max(TEXT_MAX).describe('wat de partij eraan heeft (opbrengst)'),
  contributions: z.array(Contribution).max(LINES_MAX).describe('inbreng'),
};
export const PartyBody = z.object({
  ...partyFields,
  departmentId: partyFields.departmentId.default(null),
  municipalityId: partyFields.municipalityId.default(null),
  kvkNumber: partyFields.kvkNumber.default(null),
  contactName: partyFields.contactName.default(null),
  contactEmail: partyFields.contactEmail.default(null),
  decidesAlone: partyFields.decidesAlone.default([]),
  decidesTogether: partyFields.decidesTogether.default([]),
  finalSay: partyFields.finalSay.default([]),
  yield: partyFields.yield.default(''),
  contributions: partyFields.contributions.default([]),
});
export const UpdatePartyBody = patchBody(z.object(partyFields).partial().shape);

const HealthIssueOut = z.object({
  code: z.enum(HEALTH_CODES),
  actor: z.string().describe('wie aan zet is: de eigenaar of de partij'),
  party: z.string().optional(),
  text: z.string().describe('de bevinding in gewone taal, met wie aan zet is'),
});
z.globalRegistry.add(HealthIssueOut, { id: 'CollaborationHealthIssue' });
const Named = z.object({ id: z.uuid(), name: z.string() });
const PartyOut = z.object({
  id: z.uuid(),
  kind: z.enum(PARTY_KINDS),
  departmentId: z.uuid().nullable(),
  municipalityId: z.uuid().nullable(),
  name: z.string(),
  orgType: z.enum(ORG_TYPES),
  kvkNumber: z.string().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  decidesAlone: z.array(z.string()),
  decidesTogether: z.array(z.string()),
  finalSay: z.array(z.string()),
  yield: z.string(),
  contributions: z.array(z.object({ kind: z.enum(CONTRIBUTION_KINDS), amount: z.number().nullable(), description: z.string() })),
  version: z.number().int(),
});
z.globalRegistry.add(PartyOut, { id: 'CollaborationParty' });
const CollaborationOut = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  goal: z.string(),
  ownerUserId: z.uuid(),
  ownerName: z.string(),
  phase: Phase,
  phaseSince: IsoDate,
  startOn: IsoDate,
  endOn: IsoDate,
  endKind: z.enum(END_KINDS),
  version: z.number().int(),
  areas: z.array(Named),
  themes: z.array(Named),
  cases: z.array(z.object({ id: z.uuid(), reference: z.string(), title: z.string() })),
  targets: z.array(
    z.object({
      id: z.uuid(),
      indicator: z.string(),
      baseline: z.number(),
      targetValue: z.number(),
      unit: z.string(),
      targetOn: IsoDate,
      readings: z.array(z.object({ id: z.uuid(), readOn: IsoDate, value: z.number(), note: z.string() })),
    }),
  ),
  parties: z.array(PartyOut),
  phases: z.array(z.object({ phase: Phase, since: IsoDate })),
  health: z.object({ issues: z.array(HealthIssueOut) }),
  mandates: z
    .array(
      z.object({
        id: z.uuid(),
        holderName: z.string(),
        upToCents: z.number().int().describe('geld toezeggen tot en met dit bedrag, in eurocenten'),
        delegatedBy: z.string(),
        validFrom: IsoDate,
        validUntil: IsoDate.nullable(),
        inForceToday: z.boolean(),
      }),
    )
    .describe('mandaten uit het mandaatregister binnen deze samenwerking'),
  timeline: z.array(
    z.object({ id: z.string(), type: z.string(), at: z.string(), actorName: z.string().nullable(), payload: z.record(z.string(), z.unknown()) }),
  ),
  abilities: z.object({ edit: z.boolean() }),
});
z.globalRegistry.add(CollaborationOut, { id: 'Collaboration' });
const OverviewItemOut = z.object({
  id: z.uuid(),
  name: z.string(),
  ownerName: z.string(),
  phase: Phase,
  startOn: IsoDate,
  endOn: IsoDate,
  parties: z.number().int(),
  health: z.array(HealthIssueOut),
});
z.globalRegistry.add(OverviewItemOut, { id: 'CollaborationSummary' });

const issueOut = (i: { code: (typeof HEALTH_CODES)[number]; actor: string; text: string; party?: string }) => ({
  code: i.code,
  actor: i.actor,
  ...(i.party === undefined ? {} : { party: i.party }),
  text: i.text,
});

const present = (reply: FastifyReply, v: CollaborationView): z.infer<typeof CollaborationOut> => {
  reply.header('ETag', etag(v.version));
  return {
    ...v,
    health: { issues: v.health.issues.map(issueOut) },
    timeline: v.timeline.map((e) => ({ id: e.id, type: e.type, at: new Date(e.at).toISOString(), actorName: e.actorName, payload: e.payload })),
  };
};

const TargetParams = IdParams.extend({ targetId: z.uuid() });
const PartyParams = IdParams.extend({ partyId: z.uuid() });

export function collaborationRoutes(app: App, deps: Deps) {
  agreementRoutes(app, deps);
  partyRoutes(app, deps);
  // docs/product.md#a-partner-municipality-reads-a-collaboration
  partnerRoutes(app, deps);
  app.get(
    '/api/v1/collaborations',
    {
      schema: {
        tags,
        summary: 'De samenwerkingen van de gemeente, nieuwste eerst (cursor-paginering), met hun gezondheidscheck',
        querystring: z.object({
          phase: Phase.optional(),
          areaId: z.uuid().optional().describe('alleen samenwerkingen in dit gebied'),
          themeId: z.uuid().optional().describe('alleen samenwerkingen met dit thema'),
          party: singleLine().trim().max(NAME_MAX).optional().describe('(deel van) de naam van een partij'),
          health: z.enum(['with', 'without']).optional().describe('with: met bevindingen; without: zonder'),
          cursor: z.string().max(500).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(50),
        }),
        response: { 200: z.object({ items: z.array(OverviewItemOut), nextCursor: z.string().nullable() }), ...errors },
      },
    },
    async (req) => {
      const r = await listCollaborations(ctxOf(deps, req), req.query);
      return {
        items: r.items.map(({ createdAt: _c, health, ...i }) => ({ ...i, health: health.map(issueOut) })),
        nextCursor: r.nextCursor,
      };
    },
  );

  app.post(
    '/api/v1/collaborations',
    {
      schema: {
        tags,
        summary: 'Een samenwerking starten (regisseur, coördinator of beheerder)',
        body: StartCollaborationBody,
        response: { 201: CollaborationOut, ...errors },
      },
    },
    async (req, reply) => {
      const v = await startCollaboration(ctxOf(deps, req), req.body);
      return reply.code(201).header('Location', `/api/v1/collaborations/${v.id}`).send(present(reply, v));
    },
  );

  app.get(
    '/api/v1/collaborations/:id',
    {
      schema: {
        tags,
        summary: 'Eén samenwerking: doel, streefcijfers en voortgang, partijen, fasen, tijdlijn en gezondheidscheck',
        params: IdParams,
        response: { 200: CollaborationOut, ...errors },
      },
    },
    async (req, reply) => present(reply, await getCollaboration(ctxOf(deps, req), req.params.id)),
  );

  app.get(
    '/api/v1/collaborations/:id/sheet.pdf',
    {
      schema: {
        tags,
        summary: 'Het samenwerkingsblad als PDF voor raad of bestuur: doel, streefcijfers en voortgang, partijen met inbreng, zeggenschap en opbrengst',
        params: IdParams,
        produces: ['application/pdf'],
        response: { 200: z.string().describe('PDF-document (application/pdf)'), ...errors },
      },
    },
    async (req, reply) => {
      return sendSheet(reply, await collaborationSheet(ctxOf(deps, req), req.params.id));
    },
  );

  app.patch(
    '/api/v1/collaborations/:id',
    {
      schema: {
        tags,
        summary: 'Een samenwerking wijzigen (eigenaar, coördinator of beheerder; If-Match). Een latere einddatum is het besluit om te verlengen',
        params: IdParams,
        body: UpdateCollaborationBody,
        response: { 200: CollaborationOut, ...errors },
      },
    },
    async (req, reply) => present(reply, await updateCollaboration(ctxOf(deps, req), { id: req.params.id, ifMatch: ifMatch(req), changes: req.body })),
  );

  app.post(
    '/api/v1/collaborations/:id/phase',
    {
      schema: { tags, summary: 'Naar een andere beleidsfase (If-Match)', params: IdParams, body: PhaseBody, response: { 200: CollaborationOut, ...errors } },
    },
    async (req, reply) => present(reply, await changePhase(ctxOf(deps, req), { id: req.params.id, ifMatch: ifMatch(req), phase: req.body.phase })),
  );

  app.post(
    '/api/v1/collaborations/:id/targets',
    {
      schema: {
        tags,
        summary: 'Een meetbaar streefcijfer aan het doel toevoegen',
        params: IdParams,
        body: TargetBody,
        response: { 201: CollaborationOut, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(present(reply, await addTarget(ctxOf(deps, req), { collaborationId: req.params.id, ifMatch: ifMatch(req), ...req.body }))),
  );

  app.patch(
    '/api/v1/collaborations/:id/targets/:targetId',
    {
      schema: {
        tags,
        summary: 'Een streefcijfer wijzigen (If-Match met de versie van de samenwerking); de metingen blijven',
        params: TargetParams,
        body: UpdateTargetBody,
        response: { 200: CollaborationOut, ...errors },
      },
    },
    async (req, reply) =>
      present(
        reply,
        await updateTarget(ctxOf(deps, req), { collaborationId: req.params.id, targetId: req.params.targetId, ifMatch: ifMatch(req), changes: req.body }),
      ),
  );

  app.post(
    '/api/v1/collaborations/:id/targets/:targetId/readings',
    {
      schema: { tags, summary: 'Een voortgangsmeting vastleggen', params: TargetParams, body: ReadingBody, response: { 201: CollaborationOut, ...errors } },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          present(
            reply,
            await recordReading(ctxOf(deps, req), { collaborationId: req.params.id, targetId: req.params.targetId, ifMatch: ifMatch(req), ...req.body }),
          ),
        ),
  );

  app.post(
    '/api/v1/collaborations/:id/parties',
    {
      schema: {
        tags,
        summary: 'Een partij toevoegen, met inbreng, zeggenschap en opbrengst',
        params: IdParams,
        body: PartyBody,
        response: { 201: CollaborationOut, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(present(reply, await addParty(ctxOf(deps, req), { collaborationId: req.params.id, ifMatch: ifMatch(req), ...req.body }))),
  );

  app.patch(
    '/api/v1/collaborations/:id/parties/:partyId',
    {
      schema: {
        tags,
        summary: 'Een partij wijzigen (If-Match met de versie van de partij); de inbreng, als meegegeven, vervangt de lijst',
        params: PartyParams,
        body: UpdatePartyBody,
        response: { 200: CollaborationOut, ...errors },
      },
    },
    async (req, reply) =>
      present(
        reply,
        await updateParty(ctxOf(deps, req), { collaborationId: req.params.id, partyId: req.params.partyId, ifMatch: ifMatch(req), changes: req.body }),
      ),
  );
}
