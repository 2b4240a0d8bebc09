// Thin HTTP layer for cases: validate → authenticate → call one use-case → present.
import { z } from 'zod';
import { notFound } from '../../kernel/errors.js';
import type { Deps } from '../../platform/context.js';
import { CsvBody, CsvSeparatorParam, email, IsoDate, LocaleSchema, multiLine, singleLine } from '../../platform/http/schemas.js';
import { type App, ctxOf, etag, IdParams, ifMatch, Problem } from '../../platform/http/server.js';
import { CASE_STATUSES, CHANNELS, CLOCK_STATES } from './model.js';
import { changeCasePlace } from './place.js';
import { CASE_ABILITIES, type CaseAbility } from './policy.js';
import { CASE_COUNT_CAP, CASE_SORTS, CASES_EXPORT_NAME, contactShown, exportCases, getCase, listCases, teamBoard } from './queries.js';
import { assignDirector, changeStatus, proposeDirectorFor, resumeClock, submitCase, suspendClock } from './service.js';

const tags = ['Zaken'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 412: Problem };
const Channel = z.enum(CHANNELS);

export const SubmitCaseBody = z.object({
  municipality: singleLine().min(1).max(100).describe('slug van de gemeente, bijvoorbeeld "voorbeeld"'),
  initiator: z.object({
    name: singleLine().trim().min(1).max(200),
    email: email(),
    phone: singleLine().trim().max(40).nullish(),
    company: singleLine().trim().max(200).nullish(),
    kvkNumber: z
      .string()
      .max(8)
      .regex(/^\d{8}$/, 'Een KvK-nummer heeft 8 cijfers')
      .nullish(),
    locale: LocaleSchema.optional(),
  }),
  title: singleLine().trim().min(3).max(200),
  description: multiLine().trim().min(10).max(10_000),
  location: singleLine().trim().min(1).max(300),
  areaId: z.uuid().nullish(),
  themeIds: z.array(z.uuid()).max(20).optional(),
  channel: Channel.optional(),
  place: z
    .object({
      addressId: z
        .string()
        .max(16)
        .regex(/^\d{16}$/, 'een BAG nummeraanduiding-id heeft 16 cijfers')
        .nullish(),
      lon: z.number().min(-180).max(180),
      lat: z.number().min(-90).max(90),
    })
    .nullish()
    .describe('het punt (WGS84) van een adressuggestie of van de kaart; zonder gebied bepaalt het punt het gebied (docs/geo.md)'),
});

const CaseSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  title: z.string(),
  status: z.enum(CASE_STATUSES),
  location: z.string(),
  submittedAt: z.string(),
  planDueOn: z.string().nullable(),
  clock: z.enum(CLOCK_STATES),
  directorId: z.string().nullable(),
  directorName: z.string().nullable(),
  areaId: z.string().nullable(),
  areaName: z.string().nullable(),
  version: z.number().int(),
  confirmed: z.boolean().describe('false zolang de aanvrager een publieke aanvraag niet via de gemailde link heeft bevestigd'),
  point: z.object({ lon: z.number(), lat: z.number() }).nullable().describe('het punt van de zaak in WGS84, voor de kaart'),
});
z.globalRegistry.add(CaseSummary, { id: 'CaseSummary' });

/** Why a director is proposed, in the figures shown beside the names (docs/product.md#proposing-a-director). */
const ProposalReason = z.object({
  coversArea: z.boolean().describe('de regisseur dekt het gebied van de zaak'),
  themesCovered: z.number().int().describe('aantal thema’s van de zaak dat de regisseur dekt'),
  themesTotal: z.number().int(),
  openCases: z.number().int().describe('open zaken van de regisseur: hetzelfde getal als in "open zaken per regisseur"'),
  equallyMatched: z.number().int().describe('andere regisseurs die even goed passen'),
  nextOpenCases: z.number().int().nullable().describe('de minste open zaken onder die anderen'),
});

const CaseDetail = z.object({
  id: z.uuid(),
  reference: z.string(),
  title: z.string(),
  description: z.string(),
  location: z.string(),
  status: z.enum(CASE_STATUSES),
  channel: Channel,
  submittedAt: z.string(),
  intakeAt: z.string().nullable(),
  clockStartedOn: z.string().nullable(),
  planDueOn: z.string().nullable(),
  suspendedSince: z.string().nullable(),
  suspendedDays: z.number().int(),
  closedAt: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  version: z.number().int(),
  confirmed: z.boolean().describe('false zolang de aanvrager een publieke aanvraag niet via de gemailde link heeft bevestigd'),
  clock: z.enum(CLOCK_STATES),
  area: z.object({ id: z.string(), name: z.string() }).nullable(),
  areaFromPoint: z.boolean().describe('het gebied is bepaald uit het punt, niet gekozen'),
  place: z
    .object({
      addressId: z.string().nullable().describe('BAG nummeraanduiding-id'),
      lon: z.number(),
      lat: z.number(),
      rdX: z.number().describe('RD New (EPSG:28992)'),
      rdY: z.number(),
    })
    .nullable(),
  themes: z.array(z.object({ id: z.string(), name: z.string() })),
  initiator: z.object({
    id: z.string().nullable().describe('null zolang de aanvraag niet is bevestigd: de gegevens komen dan uit de aanvraag, niet uit een account'),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    company: z.string().nullable(),
    kvkNumber: z.string().nullable(),
    onBehalf: z
      .object({
        branchNumber: z.string().nullable().describe('vestigingsnummer van het bedrijf waarvandaan is ingediend'),
        actingPerson: z.string().nullable().describe('wie namens het bedrijf handelde'),
      })
      .nullable()
      .describe('ingediend na inloggen met eHerkenning: namens het bedrijf (KvK-nummer), vanuit een vestiging, door een persoon'),
  }),
  director: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  suspensions: z.array(z.object({ startedOn: z.string(), endedOn: z.string().nullable(), reason: z.string() })),
  abilities: z.object(Object.fromEntries(CASE_ABILITIES.map((k) => [k, z.boolean()])) as Record<CaseAbility, z.ZodBoolean>),
});
z.globalRegistry.add(CaseDetail, { id: 'CaseDetail' });

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

function presentCase(d: Awaited<ReturnType<typeof getCase>>): z.infer<typeof CaseDetail> {
  const c = d.case;
  // An unconfirmed intake belongs to no account yet: its details are the ones given
  // in the intake (docs/product.md#confirming-a-public-intake).
  const i = c.initiator_id ? d.initiator : d.intake;
  // Contact details are for the people working on the case and the initiator themself;
  // getCase logged the read when they are someone else's.
  const showContact = contactShown(d.abilities);
  return {
    id: c.id,
    reference: c.reference,
    title: c.title,
    description: c.description,
    location: c.location,
    status: c.status,
    channel: c.channel,
    submittedAt: c.submitted_at.toISOString(),
    intakeAt: iso(c.intake_at),
    clockStartedOn: c.clock_started_on,
    planDueOn: c.plan_due_on,
    suspendedSince: c.suspended_since,
    suspendedDays: c.suspended_days,
    closedAt: iso(c.closed_at),
    withdrawnReason: c.withdrawn_reason,
    version: c.version,
    confirmed: c.initiator_id !== null,
    clock: d.clock,
    area: d.area,
    areaFromPoint: c.area_from_point,
    place:
      c.lon !== null && c.lat !== null && c.rd_x !== null && c.rd_y !== null
        ? { addressId: c.address_id, lon: c.lon, lat: c.lat, rdX: c.rd_x, rdY: c.rd_y }
        : null,
    themes: d.themes,
    initiator: {
      id: c.initiator_id,
      name: i?.name ?? '',
      email: showContact ? (i?.email ?? null) : null,
      phone: showContact ? (i?.phone ?? null) : null,
      company: i?.company ?? null,
      kvkNumber: i?.kvk_number ?? null,
      // docs/product.md#eherkenning-branches-and-acting-persons
      onBehalf:
        d.intake && (d.intake.branch_number || d.intake.acting_name) ? { branchNumber: d.intake.branch_number, actingPerson: d.intake.acting_name } : null,
    },
    director: d.director,
    suspensions: d.suspensions.map((s) => ({ startedOn: s.started_on, endedOn: s.ended_on, reason: s.reason })),
    abilities: d.abilities,
  };
}

export function caseRoutes(app: App, deps: Deps) {
  app.post(
    '/api/v1/cases',
    {
      schema: {
        tags,
        summary: 'Een vraag of initiatief indienen (publiek) of namens iemand registreren (balie, telefoon)',
        security: [],
        body: SubmitCaseBody,
        description:
          'Publiek ingediend blijft een zaak onbevestigd tot de eigenaar van het e-mailadres haar bevestigt met de link die naar dat adres is gemaild; het antwoord is hetzelfde van wie het adres ook is.',
        response: {
          201: z.object({
            id: z.uuid(),
            reference: z.string(),
            confirmed: z.boolean().describe('false: de aanvrager moet de aanvraag nog bevestigen via de link in de e-mail'),
          }),
          ...errors,
        },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const m = await deps.db.unsafeAdmin.selectFrom('municipalities').select('id').where('slug', '=', req.body.municipality).executeTakeFirst();
      if (!m) throw notFound('municipality');
      const staff = req.actor && req.actor.role !== 'initiator';
      const channel = staff ? (req.body.channel ?? 'desk') : 'web';
      const result = await submitCase(deps, { ...req.body, municipalityId: m.id, channel }, req.actor ?? undefined);
      return reply.code(201).header('Location', `/api/v1/cases/${result.id}`).send(result);
    },
  );

  // The case list's filters, shared by the list and its export.
  const CaseFilterQuery = z.object({
    status: z
      .string()
      .max(200)
      .optional()
      .describe('één of meer statussen, komma-gescheiden')
      .transform((s) => (s ? s.split(',') : undefined))
      .pipe(z.array(z.enum(CASE_STATUSES)).optional()),
    director: z.union([z.uuid(), z.literal('none')]).optional(),
    area: z.uuid().optional(),
    theme: z.uuid().optional(),
    dueBefore: IsoDate.optional(),
    q: singleLine()
      .max(200)
      .optional()
      .describe(
        'vrije tekst, Nederlands; elk woord moet voorkomen. Enkelvoud en meervoud vinden elkaar: "fietsen" vindt "fiets" en "fiets" vindt "fietsen", "woningen" vindt "woning". Een zaaknummer vindt de zaak ("VB-2026-000042"). Medewerkers vinden een zaak ook op naam, bedrijfsnaam of KvK-nummer van de initiatiefnemer ("Van Dijk", "Autospuiterij", "12345678"); een initiatiefnemer zoekt alleen in de eigen zaken.',
      ),
    sort: z
      .enum(CASE_SORTS)
      .default('received')
      .describe('received: nieuwste eerst; due: plan uiterlijk klaar, eerstvolgende eerst; status: per status, nieuwste eerst; reference: op zaaknummer'),
  });
  const filterOf = (q: z.infer<typeof CaseFilterQuery>) => ({
    status: q.status,
    directorId: q.director,
    areaId: q.area,
    themeId: q.theme,
    dueBefore: q.dueBefore,
    q: q.q,
    sort: q.sort,
  });

  app.get(
    '/api/v1/cases',
    {
      schema: {
        tags,
        summary: 'Zaken zoeken, filteren en sorteren (cursor-paginering), met het totaal aantal',
        querystring: CaseFilterQuery.extend({
          cursor: z.string().max(500).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(25),
        }),
        response: {
          200: z.object({
            items: z.array(CaseSummary),
            nextCursor: z.string().nullable(),
            total: z.number().int().describe(`aantal zaken dat aan de filters voldoet, tot en met ${CASE_COUNT_CAP} (zie moreThanTotal)`),
            moreThanTotal: z.boolean().describe(`true: er voldoen meer dan \`total\` zaken aan de filters; boven ${CASE_COUNT_CAP} telt de lijst niet verder`),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const q = req.query;
      const page = await listCases(ctxOf(deps, req), { ...filterOf(q), cursor: q.cursor, limit: q.limit });
      return {
        nextCursor: page.nextCursor,
        total: page.total,
        moreThanTotal: page.moreThanTotal,
        items: page.items.map((r) => ({
          id: r.id,
          reference: r.reference,
          title: r.title,
          status: r.status,
          location: r.location,
          submittedAt: r.submitted_at.toISOString(),
          planDueOn: r.plan_due_on,
          clock: r.clock,
          directorId: r.director_id,
          directorName: r.director_name,
          areaId: r.area_id,
          areaName: r.area_name,
          version: r.version,
          confirmed: r.initiator_id !== null,
          point: r.lon !== null && r.lat !== null ? { lon: r.lon, lat: r.lat } : null,
        })),
      };
    },
  );

  app.get(
    '/api/v1/cases/export',
    {
      schema: {
        tags,
        summary: 'De gefilterde zakenlijst downloaden als CSV (medewerkers)',
        querystring: CaseFilterQuery.extend({ separator: CsvSeparatorParam }),
        response: {
          200: { description: 'De zaken die aan de filters voldoen, in de gekozen volgorde', content: { 'text/csv': { schema: CsvBody } } },
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const csv = await exportCases(ctxOf(deps, req), filterOf(req.query), { locale: req.locale, separator: req.query.separator });
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="${CASES_EXPORT_NAME}"`)
        .serializer((body: string) => body)
        .send(csv);
    },
  );

  app.get(
    '/api/v1/cases/:id',
    { schema: { tags, summary: 'Eén zaak, met wat de gebruiker ermee mag', params: IdParams, response: { 200: CaseDetail, ...errors } } },
    async (req, reply) => {
      const d = await getCase(ctxOf(deps, req), req.params.id);
      reply.header('ETag', etag(d.case.version));
      return presentCase(d);
    },
  );

  const changed = async (req: { params: { id: string } }, reply: import('fastify').FastifyReply, ctxReq: import('fastify').FastifyRequest) => {
    const d = await getCase(ctxOf(deps, ctxReq), req.params.id);
    reply.header('ETag', etag(d.case.version));
    return presentCase(d);
  };

  app.post(
    '/api/v1/cases/:id/status',
    {
      schema: {
        tags,
        summary: 'De status van een zaak wijzigen (levenscyclus)',
        params: IdParams,
        body: z.object({ status: z.enum(['intake', 'planning', 'closed', 'withdrawn']), reason: multiLine().max(2000).nullish() }),
        response: { 200: CaseDetail, ...errors },
      },
    },
    async (req, reply) => {
      await changeStatus(ctxOf(deps, req), { caseId: req.params.id, to: req.body.status, reason: req.body.reason, ifMatch: ifMatch(req) });
      return changed(req, reply, req);
    },
  );

  app.get(
    '/api/v1/cases/:id/director-proposal',
    {
      schema: {
        tags,
        summary: 'Voorstel voor de case-regisseur: dekt gebied en thema’s, minste open zaken',
        params: IdParams,
        response: {
          200: z.object({
            proposal: z.object({ id: z.string(), name: z.string(), openCases: z.number(), reason: ProposalReason }).nullable(),
            candidates: z.array(
              z.object({ id: z.string(), name: z.string(), openCases: z.number(), areaIds: z.array(z.string()), themeIds: z.array(z.string()) }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const r = await proposeDirectorFor(ctxOf(deps, req), req.params.id);
      const pick = ({ id, name, openCases, areaIds, themeIds }: (typeof r.candidates)[number]) => ({ id, name, openCases, areaIds, themeIds });
      return {
        proposal: r.proposal
          ? { id: r.proposal.director.id, name: r.proposal.director.name, openCases: r.proposal.director.openCases, reason: r.proposal.reason }
          : null,
        candidates: r.candidates.map(pick),
      };
    },
  );

  app.put(
    '/api/v1/cases/:id/director',
    {
      schema: {
        tags,
        summary: 'Een case-regisseur toewijzen of de zaak overdragen (met reden)',
        params: IdParams,
        body: z.object({ directorId: z.uuid(), reason: multiLine().max(2000).nullish() }),
        response: { 200: CaseDetail, ...errors },
      },
    },
    async (req, reply) => {
      await assignDirector(ctxOf(deps, req), { caseId: req.params.id, directorId: req.body.directorId, reason: req.body.reason, ifMatch: ifMatch(req) });
      return changed(req, reply, req);
    },
  );

  // docs/product.md#address-and-point-of-a-case: staff set or clear the point after intake.
  app.put(
    '/api/v1/cases/:id/place',
    {
      schema: {
        tags,
        summary: 'Het adres en punt van een zaak na de aanvraag instellen of wissen (case-regisseur of coördinator; met If-Match)',
        description:
          'Een punt buiten Nederland: 400. Zonder expliciet gekozen gebied bepaalt het nieuwe punt het gebied (docs/product.md#area-from-the-point); null wist het punt.',
        params: IdParams,
        body: z.object({ place: SubmitCaseBody.shape.place.unwrap().unwrap().nullable() }),
        response: { 200: CaseDetail, ...errors },
      },
    },
    async (req, reply) => {
      await changeCasePlace(ctxOf(deps, req), { caseId: req.params.id, place: req.body.place, ifMatch: ifMatch(req) });
      return changed(req, reply, req);
    },
  );

  app.post(
    '/api/v1/cases/:id/suspension',
    {
      schema: {
        tags,
        summary: 'De planklok opschorten terwijl op de initiatiefnemer wordt gewacht',
        params: IdParams,
        body: z.object({ reason: multiLine().trim().min(1).max(2000) }),
        response: { 200: CaseDetail, ...errors },
      },
    },
    async (req, reply) => {
      await suspendClock(ctxOf(deps, req), { caseId: req.params.id, reason: req.body.reason, ifMatch: ifMatch(req) });
      return changed(req, reply, req);
    },
  );

  app.delete(
    '/api/v1/cases/:id/suspension',
    { schema: { tags, summary: 'De planklok hervatten', params: IdParams, response: { 200: CaseDetail, ...errors } } },
    async (req, reply) => {
      await resumeClock(ctxOf(deps, req), { caseId: req.params.id, ifMatch: ifMatch(req) });
      return changed(req, reply, req);
    },
  );

  const BoardCase = z.object({
    id: z.string(),
    reference: z.string(),
    title: z.string(),
    status: z.enum(CASE_STATUSES),
    planDueOn: z.string().nullable(),
    submittedAt: z.string(),
    directorId: z.string().nullable(),
    directorName: z.string().nullable(),
  });
  const UnassignedCase = BoardCase.extend({
    version: z.number().int(),
    canAssign: z.boolean().describe('de gebruiker mag deze zaak toewijzen'),
    proposal: z
      .object({ id: z.string(), name: z.string(), openCases: z.number().int(), reason: ProposalReason })
      .nullable()
      .describe('voorgestelde regisseur, met de reden in dezelfde cijfers als het bord'),
  });
  app.get(
    '/api/v1/team-board',
    {
      schema: {
        tags,
        summary: 'Teambord: niet toegewezen (met voorstel), bijna verlopen, te laat, open zaken per regisseur',
        response: {
          200: z.object({
            today: z.string(),
            dueSoonUntil: z.string(),
            unassigned: z.array(UnassignedCase),
            dueSoon: z.array(BoardCase),
            overdue: z.array(BoardCase),
            perDirector: z.array(z.object({ id: z.string(), name: z.string(), openCases: z.number() })),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const b = await teamBoard(ctxOf(deps, req));
      const row = (r: (typeof b.dueSoon)[number]) => ({
        id: r.id,
        reference: r.reference,
        title: r.title,
        status: r.status,
        planDueOn: r.plan_due_on,
        submittedAt: r.submitted_at.toISOString(),
        directorId: r.director_id,
        directorName: r.director_name,
      });
      return {
        today: b.today,
        dueSoonUntil: b.dueSoonUntil,
        unassigned: b.unassigned.map((r) => ({
          ...row(r),
          version: r.version,
          canAssign: r.canAssign,
          proposal: r.proposal
            ? { id: r.proposal.director.id, name: r.proposal.director.name, openCases: r.proposal.director.openCases, reason: r.proposal.reason }
            : null,
        })),
        dueSoon: b.dueSoon.map(row),
        overdue: b.overdue.map(row),
        perDirector: b.perDirector.map((d) => ({ id: d.id, name: d.name, openCases: d.open_cases })),
      };
    },
  );
}
