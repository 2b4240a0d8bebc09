// Management information per section as CSV (docs/product.md#management-information):
// Excel-friendly like the other exports (docs/product.md#exports): a byte-order mark,
// `;` by default, numbers and months as a Dutch spreadsheet reads them, the column
// names in the interface's words.
import { type CsvSeparator, writeCsv } from '../../kernel/csv.js';
import { notFound } from '../../kernel/errors.js';
import type { Ctx } from '../../platform/context.js';
import { type Locale, translate } from '../../platform/i18n.js';
import { type Insights, type InsightsProviders, type InsightsQuery, insightsFigures } from './service.js';

export const INSIGHTS_SECTIONS = [
  'leadTimes',
  'assessment',
  'commitments',
  'workload',
  'satisfaction',
  'participation',
  'collaborations',
  'sharedRequests',
] as const;
export type InsightsSection = (typeof INSIGHTS_SECTIONS)[number];

export const INSIGHTS_EXPORT_NAME = (section: InsightsSection) => `sturingsinformatie-${section}.csv`;

// Intl formatters are costly to make: one per locale, made once.
const NUMBER = {
  nl: new Intl.NumberFormat('nl-NL', { useGrouping: false, maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { useGrouping: false, maximumFractionDigits: 2 }),
};
const MONTH = {
  nl: new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** A number as the locale writes it: a decimal comma in Dutch, no thousands separator (a spreadsheet reads it as a number). */
export function csvNumber(locale: Locale, n: number | null): string {
  return n === null ? '' : NUMBER[locale].format(n);
}

/** A YYYY-MM month in words: "maart 2026". */
export function csvMonth(locale: Locale, month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return MONTH[locale].format(new Date(Date.UTC(y, m - 1, 15)));
}

export async function insightsCsv(
  ctx: Ctx,
  section: InsightsSection,
  q: InsightsQuery,
  opts: { locale: Locale; separator: CsvSeparator },
  providers: InsightsProviders,
): Promise<string> {
  return csvOf(await insightsFigures(ctx, q, providers), section, opts);
}

/** One section of the figures as CSV; a 404 for a section not measured here. */
export function csvOf(fig: Insights, section: InsightsSection, opts: { locale: Locale; separator: CsvSeparator }): string {
  // A section whose figures are not measured here has nothing to download.
  if (
    (section === 'satisfaction' && !fig.satisfaction) ||
    (section === 'participation' && !fig.participation) ||
    (section === 'collaborations' && !fig.collaborations) ||
    (section === 'sharedRequests' && !fig.sharedRequests)
  )
    throw notFound('insights section');
  const t = (key: string) => translate(opts.locale, `insights.csv.${key}`);
  const n = (x: number | null) => csvNumber(opts.locale, x);
  const mo = (m: string) => csvMonth(opts.locale, m);
  let rows: string[][];
  switch (section) {
    case 'leadTimes':
      rows = [
        ['month', 'toPlanCount', 'toPlanMedian', 'toPlanP90', 'toCloseCount', 'toCloseMedian', 'toCloseP90', 'onTime', 'late'].map(t),
        ...fig.leadTimes.byMonth.map((r) => [
          mo(r.month),
          n(r.toPlanCount),
          n(r.toPlanMedian),
          n(r.toPlanP90),
          n(r.toCloseCount),
          n(r.toCloseMedian),
          n(r.toCloseP90),
          n(r.onTime),
          n(r.late),
        ]),
      ];
      break;
    case 'assessment':
      rows = [
        ['month', 'rounds', 'yes', 'yesWithConditions', 'objection', 'silence'].map(t),
        ...fig.assessment.byMonth.map((r) => [mo(r.month), n(r.rounds), n(r.yes), n(r.yesWithConditions), n(r.objection), n(r.silence)]),
      ];
      break;
    case 'commitments':
      rows = [
        ['maker', 'total', 'open', 'kept', 'broken', 'withdrawn', 'declined', 'overdue'].map(t),
        ...fig.commitments.byMaker.map((r) => [r.name, n(r.total), n(r.open), n(r.kept), n(r.broken), n(r.withdrawn), n(r.declined), n(r.overdue)]),
      ];
      break;
    case 'workload': {
      const ids = fig.workload.directors;
      rows = [
        [t('month'), ...ids.map((d) => d.name ?? t('noDirector')), t('total')],
        ...fig.workload.byMonth.map((r) => [
          mo(r.month),
          ...ids.map((d) => n(r.perDirector.find((p) => p.directorId === d.directorId)?.open ?? 0)),
          n(r.total),
        ]),
      ];
      break;
    }
    case 'satisfaction':
      rows = [['month', 'answers', 'averageMark'].map(t), ...(fig.satisfaction?.byMonth ?? []).map((r) => [mo(r.month), n(r.answers), n(r.averageMark)])];
      break;
    case 'participation':
      rows = [['month', 'periods', 'respondents'].map(t), ...(fig.participation?.byMonth ?? []).map((r) => [mo(r.month), n(r.periods), n(r.respondents)])];
      break;
    case 'collaborations': {
      // One table for a spreadsheet: the phases, the health findings and per party its
      // agreements and contributions (docs/product.md#collaborations-in-figures).
      const c = fig.collaborations;
      const parties = [...new Set([...(c?.agreementsByParty ?? []).map((p) => p.party), ...(c?.contributionsByParty ?? []).map((p) => p.party)])];
      rows = [
        ['part', 'name', 'count', 'kept', 'broken', 'withdrawn', 'open', 'euros', 'hours'].map((k) => t(`collaborations.${k}`)),
        ...(c?.byPhase ?? []).map((r) => [t('collaborations.phase'), translate(opts.locale, `insights.collaborations.phase.${r.phase}`), n(r.count)]),
        [t('collaborations.health'), t('collaborations.withHealthIssues'), n(c?.withHealthIssues ?? 0)],
        ...(c?.byIssue ?? []).map((r) => [t('collaborations.health'), translate(opts.locale, `insights.collaborations.issue.${r.code}`), n(r.count)]),
        ...parties.map((party) => {
          const a = c?.agreementsByParty.find((x) => x.party === party);
          const m = c?.contributionsByParty.find((x) => x.party === party);
          return [
            t('collaborations.party'),
            party,
            '',
            n(a?.kept ?? 0),
            n(a?.broken ?? 0),
            n(a?.withdrawn ?? 0),
            n(a?.open ?? 0),
            n(m?.euros ?? 0),
            n(m?.hours ?? 0),
          ];
        }),
      ];
      break;
    }
    case 'sharedRequests': {
      // One row per direction, other municipality and answering department
      // (docs/product.md#requests-to-other-municipalities-in-figures).
      const s = fig.sharedRequests;
      const side = (k: 'received' | 'provided') =>
        (s?.[k] ?? []).map((r) => [t(`sharedRequests.side.${k}`), r.municipality, r.department, n(r.requests), n(r.onTime), n(r.late), n(r.silent), n(r.open)]);
      rows = [
        ['side', 'municipality', 'department', 'requests', 'onTime', 'late', 'silent', 'open'].map((k) => t(`sharedRequests.${k}`)),
        ...side('received'),
        ...side('provided'),
      ];
      break;
    }
  }
  return writeCsv(rows, { separator: opts.separator, bom: true });
}
