// Thin HTTP layer of management information (docs/product.md#management-information):
// the figures of the actor's own municipality for a filter, as JSON and per section as
// CSV for a spreadsheet.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CSV_SEPARATORS } from '../../kernel/csv.js';
import type { Deps } from '../../platform/context.js';
import { CsvBody, IsoDate } from '../../platform/http/schemas.js';
import { type App, ctxOf, Problem } from '../../platform/http/server.js';
import { type CacheLimits, DEFAULT_CACHE_LIMITS, FigureCache } from './cache.js';
import { csvOf, INSIGHTS_EXPORT_NAME, INSIGHTS_SECTIONS } from './csv.js';
import { DOMAINS } from './model.js';
import { cachedFigures, type FigureCaches, type InsightsProviders } from './service.js';

const tags = ['Sturingsinformatie'];
const errors = { 400: Problem, 401: Problem, 403: Problem };

const count = z.number().int();
const days = z.number().int().nullable().describe('dagen; leeg als er niets te meten is');
const Month = z.string().describe('maand, JJJJ-MM');
const LeadTime = z.object({ count, median: days, p90: days });
const Commitments = z.object({
  total: count,
  open: count.describe('bindend of wacht op bevestiging'),
  kept: count,
  broken: count,
  withdrawn: count,
  declined: count,
  overdue: count.describe('open en over de datum (vandaag)'),
});

export const InsightsQuery = z.object({
  from: IsoDate.optional().describe('eerste dag van de periode (standaard: een jaar geleden)'),
  to: IsoDate.optional().describe('laatste dag van de periode (standaard: vandaag)'),
  areaId: z.uuid().optional().describe('alleen zaken in dit gebied'),
  themeId: z.uuid().optional().describe('alleen zaken met dit thema'),
  domain: z.enum(DOMAINS).optional().describe('alleen zaken van dit domein (de domeinen van de gevraagde afdelingen)'),
  directorId: z.uuid().optional().describe('alleen zaken van deze case-regisseur'),
});

const SharedRequestCounts = z.object({
  requests: z.number().int().min(0),
  onTime: z.number().int().min(0),
  late: z.number().int().min(0),
  silent: z.number().int().min(0),
  open: z.number().int().min(0),
});
const SharedRequestRow = SharedRequestCounts.extend({ municipality: z.string(), departmentId: z.uuid(), department: z.string() });

const InsightsOut = z.object({
  municipality: z.string(),
  today: IsoDate,
  filter: z.object({
    from: IsoDate,
    to: IsoDate,
    areaId: z.uuid().nullable(),
    themeId: z.uuid().nullable(),
    domain: z.enum(DOMAINS).nullable(),
    directorId: z.uuid().nullable(),
  }),
  months: z.array(Month).describe('de maanden van de trends: de periode, en minstens 24 maanden'),
  choices: z.object({
    areas: z.array(z.object({ id: z.uuid(), name: z.string() })),
    themes: z.array(z.object({ id: z.uuid(), name: z.string() })),
    directors: z.array(z.object({ id: z.uuid(), name: z.string() })),
  }),
  leadTimes: z.object({
    cases: z.object({ submitted: count, closed: count, withdrawn: count }),
    toPlan: LeadTime.describe('van indienen tot plan akkoord'),
    toClose: LeadTime.describe('van plan akkoord tot afsluiten'),
    byMonth: z.array(
      z.object({
        month: Month,
        toPlanCount: count,
        toPlanMedian: days,
        toPlanP90: days,
        toCloseCount: count,
        toCloseMedian: days,
        toCloseP90: days,
        onTime: count,
        late: count,
      }),
    ),
    planTerm: z.object({
      onTime: count,
      late: count,
      overdue: count.describe('nu over de termijn, zonder akkoord'),
      shareOnTime: z.number().int().min(0).max(100).nullable(),
    }),
    clocks: z.object({ running: count, dueSoon: count.describe('loopt af binnen 5 werkdagen'), overdue: count, suspended: count }),
    suspensions: z.object({ count, days: count }),
  }),
  assessment: z.object({
    rounds: count,
    answers: z.object({ yes: count, yesWithConditions: count, objection: count, silence: count.describe('ja door stilzwijgen') }),
    byMonth: z.array(z.object({ month: Month, rounds: count, yes: count, yesWithConditions: count, objection: count, silence: count })),
    silenceByDepartment: z.array(z.object({ departmentId: z.uuid().nullable(), name: z.string().nullable().describe('leeg: buiten de gemeente'), count })),
    objectionsByDepartment: z.array(z.object({ departmentId: z.uuid().nullable(), name: z.string().nullable(), count })),
    objectionsByRule: z.array(z.object({ code: z.string(), count })),
    lateObjections: z.object({ afterClose: count, serial: count }),
    overrules: z.array(z.object({ userId: z.string(), name: z.string(), count })),
  }),
  commitments: z.object({
    totals: Commitments,
    byMaker: z.array(Commitments.extend({ key: z.string(), name: z.string() })),
    byMandate: z.array(Commitments.extend({ key: z.string(), name: z.string() })),
    byMonth: z.array(z.object({ month: Month, recorded: count })),
  }),
  workload: z.object({
    directors: z.array(z.object({ directorId: z.uuid().nullable(), name: z.string().nullable() })),
    byMonth: z.array(z.object({ month: Month, total: count, perDirector: z.array(z.object({ directorId: z.uuid().nullable(), open: count })) })),
  }),
  satisfaction: z
    .object({
      sent: count,
      answers: count,
      responseRate: z.number().nullable(),
      averageMark: z.number().nullable(),
      distribution: z.array(z.object({ mark: count, count })),
      byMonth: z.array(z.object({ month: Month, answers: count, averageMark: z.number().nullable() })),
      perDirector: z
        .array(z.object({ directorId: z.string(), directorName: z.string(), answers: count, averageMark: z.number().nullable() }))
        .nullable()
        .describe('alleen voor coördinatoren en beheerders'),
    })
    .nullable()
    .describe('leeg als de tevredenheid niet gemeten wordt'),
  participation: z
    .object({
      periods: count,
      respondents: count,
      interests: count,
      answeredInterests: count,
      answeredShare: z.number().nullable(),
      byMonth: z.array(z.object({ month: Month, periods: count, respondents: count })),
    })
    .nullable()
    .describe('leeg als reacties niet gevraagd worden'),
  collaborations: z
    .object({
      total: count,
      byPhase: z.array(z.object({ phase: z.enum(['agenda', 'policy', 'implementation', 'evaluation']), count })),
      withHealthIssues: count.describe('samenwerkingen met minstens één bevinding van de gezondheidscheck'),
      byIssue: z.array(z.object({ code: z.string(), count: count.describe('samenwerkingen met deze bevinding') })),
      agreementsByParty: z.array(z.object({ party: z.string(), kept: count, broken: count, withdrawn: count, open: count })),
      contributionsByParty: z.array(z.object({ party: z.string(), euros: z.number(), hours: z.number() })).describe('de 20 grootste bijdragers'),
    })
    .nullable()
    .describe('de stand van vandaag; alleen de filters gebied en thema tellen'),
  sharedRequests: z
    .object({
      received: z.array(SharedRequestRow).describe('gevraagd aan afdelingen van andere gemeenten, per gemeente en afdeling die antwoordt'),
      provided: z.array(SharedRequestRow).describe('gevraagd aan de eigen afdelingen door andere gemeenten, per gemeente en eigen afdeling'),
      totals: z.object({ received: SharedRequestCounts, provided: SharedRequestCounts }),
    })
    .nullable()
    .describe(
      'verzoeken aan andere gemeenten: op tijd (uiterlijk op de laatste dag van de ronde), te laat, niet beantwoord (stilzwijgend ja telt als niet beantwoord) of nog open; alleen de periode telt, naar de dag dat de ronde werd geopend',
    ),
});
z.globalRegistry.add(InsightsOut, { id: 'Insights' });

/** Whether an If-None-Match header names this ETag (or any: `*`). */
function noneMatch(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const tags = (Array.isArray(header) ? header.join(',') : header).split(',').map((t) => t.trim().replace(/^W\//, ''));
  return tags.includes(etag) || tags.includes('*');
}

const notModified = z.null().describe('Niet gewijzigd: de ETag in If-None-Match hoort nog bij deze cijfers (geen inhoud)');

export function insightsRoutes(app: App, deps: Deps, providers: InsightsProviders = {}, cacheLimits: CacheLimits = DEFAULT_CACHE_LIMITS) {
  // The figures of this server, as JSON and as CSV, until their data changes
  // (docs/product.md#management-information).
  const caches: FigureCaches<string> = { figures: new FigureCache<string>(cacheLimits), sources: new FigureCache<unknown>(cacheLimits) };
  // The client may keep the figures, and asks again with the ETag before using them.
  const revalidate = (reply: FastifyReply, etag: string) => reply.header('ETag', etag).header('Cache-Control', 'private, no-cache');

  app.get(
    '/api/v1/insights',
    {
      schema: {
        tags,
        summary: 'Sturingsinformatie van de eigen gemeente: doorlooptijden, toets, toezeggingen en werklast (coördinator, beheerder, bestuurder, raadslid)',
        querystring: InsightsQuery,
        response: { 200: InsightsOut, 304: notModified, ...errors },
      },
    },
    async (req, reply) => {
      const { etag, value } = await cachedFigures(ctxOf(deps, req), req.query, providers, caches, 'json', (fig) => {
        // Checked against the schema once, when computed; served as that text until it changes.
        const json = JSON.stringify(InsightsOut.parse(fig));
        return { value: json, bytes: 2 * json.length };
      });
      revalidate(reply, etag);
      if (noneMatch(req.headers['if-none-match'], etag)) return reply.code(304).send(null);
      return reply
        .type('application/json; charset=utf-8')
        .serializer((body: string) => body)
        .send(value as never);
    },
  );

  app.get(
    '/api/v1/insights/:section/export',
    {
      schema: {
        tags,
        summary: 'Eén onderdeel van de sturingsinformatie downloaden als CSV',
        params: z.object({ section: z.enum(INSIGHTS_SECTIONS) }),
        querystring: InsightsQuery.extend({ separator: z.enum(CSV_SEPARATORS).default(';').describe('scheidingsteken: ; (standaard, Excel NL) of ,') }),
        response: {
          200: { description: 'Het onderdeel als CSV voor een spreadsheet', content: { 'text/csv': { schema: CsvBody } } },
          304: notModified,
          ...errors,
          404: Problem,
        },
      },
    },
    async (req, reply) => {
      const { separator, ...q } = req.query;
      const section = req.params.section;
      const opts = { locale: req.locale, separator };
      const { etag, value } = await cachedFigures(ctxOf(deps, req), q, providers, caches, `csv:${section}:${req.locale}:${separator}`, (fig) => {
        const csv = csvOf(fig, section, opts);
        return { value: csv, bytes: 2 * csv.length };
      });
      revalidate(reply, etag);
      if (noneMatch(req.headers['if-none-match'], etag)) return reply.code(304).send(null);
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="${INSIGHTS_EXPORT_NAME(section)}"`)
        .serializer((body: string) => body)
        .send(value);
    },
  );
}
