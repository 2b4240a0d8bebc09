// Thin HTTP layer of comparing municipalities (docs/product.md#comparing-municipalities):
// the comparison for staff of the own municipality, and the published figures as
// open data (docs/product.md#open-data) in JSON and CSV, without login.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { type CsvSeparator, writeCsv } from '../../kernel/csv.js';
import type { Deps } from '../../platform/context.js';
import { CsvBody, CsvSeparatorParam, patchBody } from '../../platform/http/schemas.js';
import { type App, ctxOf, Problem } from '../../platform/http/server.js';
import { translate } from '../../platform/i18n.js';
import { FIGURES, LICENCES, MONTH, SIZE_CLASSES } from './model.js';
import { compareMunicipality, getBenchmarkSettings, listPublishers, type PublishedFigures, publishedFigures, updateBenchmarkSettings } from './service.js';

const tags = ['Vergelijken'];
const errors = { 400: Problem, 401: Problem, 403: Problem };
const publicErrors = { 400: Problem, 404: Problem, 429: Problem };

const MonthParam = z.string().max(7).regex(MONTH).describe('maand als jjjj-mm');
const PeriodQuery = z.object({
  from: MonthParam.optional().describe('eerste maand (jjjj-mm); standaard de twaalf hele maanden voor deze maand'),
  to: MonthParam.optional().describe('laatste maand (jjjj-mm), ten hoogste 36 maanden na de eerste'),
});
const SlugParams = z.object({
  slug: z
    .string()
    .max(100)
    .regex(/^[a-z0-9-]+$/),
});

const FigureKey = z
  .enum(FIGURES)
  .describe(
    'plansOnTime: plannen binnen de termijn akkoord (procent); leadTime: doorlooptijd van intake tot plan akkoord (mediaan, dagen); commitmentsKept: toezeggingen nagekomen van de toezeggingen die aan de beurt waren (procent); averageMark: gemiddeld rapportcijfer',
  );
const basis = z.number().int().min(0).describe('het aantal waarop het cijfer rust: plannen, toezeggingen of antwoorden');
const Period = z.object({ from: MonthParam, to: MonthParam });
const Aggregate = z
  .object({
    suppressed: z.boolean().describe('true: te weinig gemeenten (minder dan 5) om te tonen'),
    municipalities: z.number().int().min(0).describe('het aantal deelnemende gemeenten met dit cijfer'),
    q1: z.number().optional().describe('eerste kwartiel'),
    median: z.number().optional(),
    q3: z.number().optional().describe('derde kwartiel'),
  })
  .describe('mediaan en kwartielen van de deelnemers; nooit het cijfer van één andere gemeente');
const OwnFigure = z.object({
  suppressed: z.boolean().describe('true: te weinig gegevens (een rapportcijfer op minder dan 10 antwoorden)'),
  value: z.number().nullable().optional().describe('leeg: geen gegevens in de periode'),
  basis,
});
const ComparedFigure = z.object({ key: FigureKey, own: OwnFigure, all: Aggregate, sizeClass: Aggregate.nullable() });
const ComparisonOut = z.object({
  municipality: z.string(),
  participating: z.boolean().describe('false: de gemeente doet niet mee; de beheerder zet deelname aan in de instellingen'),
  sizeClass: z.enum(SIZE_CLASSES).nullable().describe('grootteklasse naar inwonertal (CBS); leeg: inwonertal niet ingevuld'),
  inhabitants: z.number().int().nullable(),
  period: Period,
  figures: z.array(ComparedFigure),
  months: z.array(z.object({ month: MonthParam, figures: z.array(ComparedFigure) })),
});
z.globalRegistry.add(ComparisonOut, { id: 'Comparison' });

const Licence = z.object({
  id: z.enum(LICENCES).describe('SPDX-id van de licentie'),
  url: z.string().describe('de tekst van de licentie'),
});
const PublishedFigure = z.object({
  key: FigureKey,
  value: z.number().nullable().describe('leeg: geen gegevens, of te weinig gegevens'),
  basis,
  suppressed: z.boolean().describe('true: te weinig gegevens om te tonen'),
});
const PublishedOut = z.object({
  municipality: z.object({ slug: z.string(), name: z.string() }),
  licence: Licence,
  period: Period,
  figures: z.array(PublishedFigure).describe('over de hele periode'),
  months: z.array(z.object({ month: MonthParam, figures: z.array(PublishedFigure) })),
});
z.globalRegistry.add(PublishedOut, { id: 'PublishedFigures' });
const PublishersOut = z.object({ items: z.array(z.object({ slug: z.string(), name: z.string(), licence: Licence })) });

const SettingsOut = z.object({
  inhabitants: z.number().int().min(0).nullable().describe('aantal inwoners; leeg: niet ingevuld'),
  sizeClass: z
    .enum(SIZE_CLASSES)
    .nullable()
    .describe('grootteklasse naar inwonertal (CBS): <10.000, 10.000–20.000, 20.000–50.000, 50.000–100.000, 100.000 en meer'),
  benchmarkOptIn: z.boolean().describe('de gemeente doet mee aan het vergelijken'),
  publishFigures: z.boolean().describe('de kengetallen zijn openbaar: een publieke pagina en open data'),
  openDataLicence: z.enum(LICENCES),
  licenceUrl: z.string(),
  publicPage: z.string().describe('de publieke pagina met de kengetallen'),
});
z.globalRegistry.add(SettingsOut, { id: 'BenchmarkSettings' });

/** Open data is read by anyone, often by scripts: a generous limit per client. */
const publicLimit = { rateLimit: { max: 120, timeWindow: '1 minute' } };

/** The figures as CSV, one line per period and figure: Excel-friendly (byte-order mark, `;`, decimal comma). */
function figuresCsv(f: PublishedFigures, locale: 'nl' | 'en', separator: CsvSeparator): string {
  const number = (v: number | null) => (v === null ? '' : separator === ';' ? String(v).replace('.', ',') : String(v));
  const line = (period: string, x: PublishedFigures['figures'][number]) => [period, x.key, number(x.value), String(x.basis), x.suppressed ? '1' : '0'];
  const head = ['period', 'figure', 'value', 'basis', 'suppressed'].map((k) => translate(locale, `csv.figures.${k}`));
  return writeCsv(
    [head, ...f.figures.map((x) => line(`${f.period.from}/${f.period.to}`, x)), ...f.months.flatMap((m) => m.figures.map((x) => line(m.month, x)))],
    { separator, bom: true },
  );
}

function sendFigures(reply: FastifyReply, f: PublishedFigures, csv: null | { locale: 'nl' | 'en'; separator: CsvSeparator }) {
  reply.header('Link', `<${f.licence.url}>; rel="license"`).header('Vary', 'Accept');
  if (!csv) return reply.send(f);
  return reply
    .type('text/csv; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="kengetallen-${f.municipality.slug}-${f.period.from}-${f.period.to}.csv"`)
    .serializer((body: string) => body)
    .send(figuresCsv(f, csv.locale, csv.separator));
}

const wantsCsv = (accept: string | undefined) => /\btext\/csv\b/i.test(accept ?? '') && !/\bapplication\/json\b/i.test(accept ?? '');

export function benchmarkRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/benchmark/comparison',
    {
      schema: {
        tags,
        summary:
          'De kengetallen van de eigen gemeente naast mediaan en kwartielen van alle deelnemers en van de eigen grootteklasse (coördinator, beheerder, bestuurder, raadslid)',
        querystring: PeriodQuery,
        response: { 200: ComparisonOut, ...errors },
      },
    },
    async (req) => compareMunicipality(ctxOf(deps, req), req.query),
  );

  app.get(
    '/api/v1/benchmark/settings',
    { schema: { tags, summary: 'Instellingen voor het vergelijken van gemeenten (beheerder)', response: { 200: SettingsOut, ...errors } } },
    async (req) => getBenchmarkSettings(ctxOf(deps, req)),
  );
  app.patch(
    '/api/v1/benchmark/settings',
    {
      schema: {
        tags,
        summary: 'Inwonertal, deelname aan het vergelijken, openbaar maken en de licentie van de open data wijzigen (beheerder)',
        body: patchBody({
          inhabitants: z.number().int().min(0).max(100_000_000).nullable().optional().describe('aantal inwoners; null: niet ingevuld'),
          benchmarkOptIn: z.boolean().optional(),
          publishFigures: z.boolean().optional(),
          openDataLicence: z.enum(LICENCES).optional().describe('SPDX-id: CC0-1.0 (standaard) of CC-BY-4.0'),
        }),
        response: { 200: SettingsOut, ...errors },
      },
    },
    async (req) => updateBenchmarkSettings(ctxOf(deps, req), req.body),
  );

  app.get(
    '/api/v1/public/municipalities',
    {
      schema: { tags, summary: 'Gemeenten die hun kengetallen openbaar maken (publiek)', security: [], response: { 200: PublishersOut } },
      config: publicLimit,
    },
    async () => ({ items: await listPublishers(deps) }),
  );

  const description =
    'Open data: per kengetal de waarde en het aantal waarop het rust, over de periode en per maand, met de licentie (SPDX). Geen persoonsgegevens, geen zaaknummers, geen vrije tekst. Een rapportcijfer op minder dan 10 antwoorden wordt niet getoond. Een gemeente die niet publiceert: 404.';
  app.get(
    '/api/v1/public/municipalities/:slug/figures',
    {
      schema: {
        tags,
        summary: 'De openbare kengetallen van een gemeente, als JSON of (met Accept: text/csv) als CSV (publiek)',
        description,
        security: [],
        params: SlugParams,
        querystring: PeriodQuery.extend({ separator: CsvSeparatorParam }),
        response: {
          200: { description: 'De kengetallen', content: { 'application/json': { schema: PublishedOut }, 'text/csv': { schema: CsvBody } } },
          ...publicErrors,
        },
      },
      config: publicLimit,
    },
    async (req, reply) => {
      const f = await publishedFigures(deps, req.params.slug, req.query);
      return sendFigures(reply, f, wantsCsv(req.headers.accept) ? { locale: req.locale, separator: req.query.separator } : null);
    },
  );
  app.get(
    '/api/v1/public/municipalities/:slug/figures.csv',
    {
      schema: {
        tags,
        summary: 'De openbare kengetallen van een gemeente als CSV (publiek)',
        description,
        security: [],
        params: SlugParams,
        querystring: PeriodQuery.extend({ separator: CsvSeparatorParam }),
        response: { 200: { description: 'De kengetallen als CSV', content: { 'text/csv': { schema: CsvBody } } }, ...publicErrors },
      },
      config: publicLimit,
    },
    async (req, reply) => sendFigures(reply, await publishedFigures(deps, req.params.slug, req.query), { locale: req.locale, separator: req.query.separator }),
  );
}
