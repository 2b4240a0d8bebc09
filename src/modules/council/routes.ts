// Thin HTTP layer of the council overview (docs/product.md#the-council-overview):
// one read, the actor's own municipality, public figures and case summaries only.
import { z } from 'zod';
import { ROLES } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/context.js';
import { IsoDate } from '../../platform/http/schemas.js';
import { type App, ctxOf, Problem } from '../../platform/http/server.js';
import { CASE_STATUSES } from '../cases/index.js';
import { councilOverview } from './service.js';

const tags = ['Raadsoverzicht'];
const errors = { 400: Problem, 401: Problem, 403: Problem };

const CASE_STATUS = z.enum(CASE_STATUSES);
const count = z.number().int().min(0);
const Named = z.object({ key: z.uuid().nullable().describe('leeg: zonder gebied of thema'), name: z.string().nullable(), count });
const ObjectionCounts = z.object({
  total: count,
  overruled: count.describe('overruled binnen mandaat'),
  withdrawn: count.describe('ingetrokken door de partij'),
  resolved: count.describe('opgelost in een nieuwe ronde'),
  standing: count.describe('staat nog'),
});
const CommitmentCounts = z.object({
  total: count,
  open: count.describe('bindend of wacht op bevestiging'),
  overdue: count.describe('open en over de datum'),
  kept: count,
  broken: count,
  withdrawn: count,
  declined: count,
});

const CouncilOverviewOut = z.object({
  municipality: z.string(),
  today: IsoDate,
  cases: z.object({
    byStatus: z.array(z.object({ status: CASE_STATUS, count })),
    byArea: z.array(Named),
    byTheme: z.array(Named).describe('een zaak met twee thema’s telt bij beide'),
  }),
  plans: z.object({
    onTime: count.describe('plan akkoord binnen de beloofde termijn'),
    late: count.describe('plan akkoord na de beloofde termijn'),
    overdue: count.describe('geen akkoord en de termijn is voorbij'),
    running: count.describe('geen akkoord, de termijn loopt nog of staat stil'),
    shareOnTime: z.number().int().min(0).max(100).nullable().describe('procent op tijd van de afgeronde termijnen; leeg als er nog geen is'),
    overdueList: z.array(z.object({ caseId: z.uuid(), reference: z.string(), planDueOn: IsoDate, daysOverdue: count })),
  }),
  objections: z.object({
    totals: ObjectionCounts,
    byRule: z.array(ObjectionCounts.extend({ code: z.string(), title: z.string() })),
  }),
  commitments: z.object({
    totals: CommitmentCounts,
    byMaker: z.array(
      CommitmentCounts.extend({
        name: z.string(),
        role: z.string().describe('de rol zoals vastgelegd: van een buitenstaander in eigen woorden, van een medewerker de rol'),
        staffRole: z.enum(ROLES).nullable().describe('de rol van de medewerker die de toezegging deed; leeg voor een buitenstaander'),
        department: z.string().nullable(),
      }),
    ),
  }),
  summaries: z.object({
    items: z.array(
      z.object({
        id: z.uuid(),
        reference: z.string(),
        status: CASE_STATUS,
        area: z.string().nullable(),
        themes: z.array(z.string()),
        submittedOn: IsoDate,
        planDueOn: IsoDate.nullable(),
        planAgreed: z.boolean(),
        planAgreedOn: IsoDate.nullable(),
        planTerm: z.enum(['onTime', 'late', 'overdue', 'running', 'none']),
        closedOn: IsoDate.nullable(),
        standingObjections: count,
      }),
    ),
    nextCursor: z.string().nullable(),
  }),
});
z.globalRegistry.add(CouncilOverviewOut, { id: 'CouncilOverview' });

export function councilRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/council/overview',
    {
      schema: {
        tags,
        summary:
          'Het raadsoverzicht van de eigen gemeente: cijfers en per zaak een openbare samenvatting zonder persoonsgegevens (raadslid, bestuurder, beheerder)',
        querystring: z.object({
          cursor: z.string().max(500).optional().describe('volgende pagina van de zaken'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: CouncilOverviewOut, ...errors },
      },
    },
    async (req) => councilOverview(ctxOf(deps, req), { cursor: req.query.cursor, limit: req.query.limit }),
  );
}
