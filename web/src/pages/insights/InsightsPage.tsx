// Management information (docs/product.md#management-information): per section a
// chart and, beside it, a table with the same figures. The table is what assistive
// technology reads; the chart (a canvas) is an image with a summary as its name.
// The filters travel in the URL (a GET form), so a page of figures can be shared.
import { Button, Heading, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, LineElement, PointElement, Tooltip } from 'chart.js';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Bar, Line } from 'react-chartjs-2';
import { useSearchParams } from 'react-router';
import { DOMAINS, type Insights, type InsightsParams } from '../../api/models.js';
import { api } from '../../api.js';
import { SelectField, TextField } from '../../components/Fields.js';
import { ErrorAlert, Loading } from '../../components/feedback.js';
import { AppLink } from '../../components/links.js';
import { Section } from '../../components/Section.js';
import { WideTable } from '../../components/WideTable.js';
import { may, useCurrentUser } from '../../currentUser.js';
import { useLoad, usePageTitle } from '../../hooks.js';
import { type MessageKey, useI18n } from '../../i18n/index.js';

ChartJS.register(BarElement, CategoryScale, Legend, LinearScale, LineElement, PointElement, Tooltip);

/** Colours of the series, distinguishable in colour blindness (Okabe–Ito). */
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

const FILTER_KEYS = ['from', 'to', 'areaId', 'themeId', 'domain', 'directorId'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

export function monthLabel(locale: string, month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 15)).toLocaleDateString(locale === 'nl' ? 'nl-NL' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** A chart of series over labels; an image for assistive technology, named by its summary. */
function FigureChart({
  kind,
  summary,
  labels,
  series,
  stacked = false,
}: {
  kind: 'bar' | 'line';
  summary: string;
  labels: string[];
  series: { label: string; data: (number | null)[] }[];
  stacked?: boolean;
}) {
  const { t } = useI18n();
  const data = {
    labels,
    datasets: series.map((s, i) => ({
      label: s.label,
      data: s.data,
      backgroundColor: COLOURS[i % COLOURS.length],
      borderColor: COLOURS[i % COLOURS.length],
      spanGaps: true,
    })),
  };
  const options = {
    animation: false as const,
    responsive: true,
    maintainAspectRatio: false,
    scales: { x: { stacked }, y: { stacked, beginAtZero: true } },
    plugins: { legend: { position: 'bottom' as const } },
  };
  const label = t('insights.chartNote', { summary });
  return (
    <div className="regie-insights__chart">
      {kind === 'bar' ? (
        <Bar role="img" aria-label={label} data={data} options={options} />
      ) : (
        <Line role="img" aria-label={label} data={data} options={options} />
      )}
    </div>
  );
}

/** A table of figures: the first column names the row. */
function FigureTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: (readonly ReactNode[])[] }) {
  return (
    <WideTable caption={caption} className="regie-figures">
      <TableHeader>
        <TableRow>
          {columns.map((c, i) => (
            <TableHeaderCell key={c} scope="col" className={i > 0 ? 'regie-number' : undefined}>
              {c}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the rows are a fixed list per render
          <TableRow key={i}>
            <TableHeaderCell scope="row">{r[0]}</TableHeaderCell>
            {r.slice(1).map((cell, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
              <TableCell key={j} className="regie-number">
                {cell}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </WideTable>
  );
}

/** A chart and its table side by side (one under the other on a narrow screen). */
const Figure = ({ children }: { children: ReactNode }) => <div className="regie-insights__figure">{children}</div>;

function CsvLink({ section, query, label }: { section: string; query: string; label: string }) {
  const { t } = useI18n();
  return (
    <Paragraph>
      <a className="utrecht-link" href={`/api/v1/insights/${section}/export${query ? `?${query}` : ''}`} download>
        {t('insights.csv', { section: label })}
      </a>
    </Paragraph>
  );
}

export function InsightsPage() {
  const { t, date, locale } = useI18n();
  usePageTitle(t('insights.title'));
  const [params, setParams] = useSearchParams();
  const filter: InsightsParams = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) (filter as Record<FilterKey, string>)[k] = v;
  }
  const query = new URLSearchParams(Object.entries(filter) as [string, string][]).toString();
  const data = useLoad((signal) => api.insights(filter, signal), [query]);
  const [draft, setDraft] = useState<Record<FilterKey, string>>(
    () => Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as Record<FilterKey, string>,
  );

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setParams(new URLSearchParams(Object.entries(draft).filter(([, v]) => v !== '')));
  };
  const set = (k: FilterKey) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const o = data.data;

  return (
    <div className="regie-insights">
      <Heading level={1}>{o ? t('insights.heading', { municipality: o.municipality }) : t('insights.title')}</Heading>
      <form className="regie-filters" method="get" onSubmit={apply} aria-label={t('insights.filters')}>
        <div className="regie-filters__grid">
          <TextField name="from" label={t('insights.from')} type="date" value={draft.from} onChange={set('from')} />
          <TextField name="to" label={t('insights.to')} type="date" value={draft.to} onChange={set('to')} />
          <SelectField
            name="areaId"
            label={t('insights.area')}
            value={draft.areaId}
            onChange={set('areaId')}
            placeholder={t('insights.any')}
            options={(o?.choices.areas ?? []).map((a) => ({ value: a.id, label: a.name }))}
          />
          <SelectField
            name="themeId"
            label={t('insights.theme')}
            value={draft.themeId}
            onChange={set('themeId')}
            placeholder={t('insights.any')}
            options={(o?.choices.themes ?? []).map((a) => ({ value: a.id, label: a.name }))}
          />
          <SelectField
            name="domain"
            label={t('insights.domain')}
            value={draft.domain}
            onChange={set('domain')}
            placeholder={t('insights.any')}
            options={DOMAINS.map((d) => ({ value: d, label: t(`domain.${d}`) }))}
          />
          <SelectField
            name="directorId"
            label={t('insights.director')}
            value={draft.directorId}
            onChange={set('directorId')}
            placeholder={t('insights.any')}
            options={(o?.choices.directors ?? []).map((a) => ({ value: a.id, label: a.name }))}
          />
        </div>
        <div className="regie-button-row">
          <Button type="submit" appearance="primary-action-button">
            {t('insights.apply')}
          </Button>
        </div>
      </form>

      {data.error ? <ErrorAlert error={data.error} /> : null}
      {!o ? data.loading ? <Loading /> : null : <Figures o={o} query={query} date={date} locale={locale} />}
    </div>
  );
}

function Figures({ o, query, date, locale }: { o: Insights; query: string; date: (iso: string) => string; locale: string }) {
  const { t } = useI18n();
  const months = o.months.map((m) => monthLabel(locale, m));
  const days = (n: number | null) => (n === null ? t('insights.none') : n);
  const lt = o.leadTimes;
  const a = o.assessment;
  const k = o.commitments;
  const w = o.workload;
  const directorName = (id: string | null) => w.directors.find((d) => d.directorId === id)?.name ?? t('insights.noDirector');
  const commitmentColumns: MessageKey[] = [
    'insights.total',
    'insights.open',
    'insights.kept',
    'insights.broken',
    'insights.commitmentWithdrawn',
    'insights.declined',
    'insights.overdue',
  ];
  const commitmentRow = (name: string, c: Insights['commitments']['totals']) => [name, c.total, c.open, c.kept, c.broken, c.withdrawn, c.declined, c.overdue];

  return (
    <>
      <Paragraph>{t('insights.lead', { from: date(o.filter.from), to: date(o.filter.to) })}</Paragraph>

      <Section title={t('insights.leadTimes')} level={2}>
        <FigureTable
          caption={t('insights.keyFigures')}
          columns={[t('insights.figure'), t('insights.value')]}
          rows={[
            [t('insights.submitted'), lt.cases.submitted],
            [t('insights.closed'), lt.cases.closed],
            [t('insights.withdrawn'), lt.cases.withdrawn],
            [t('insights.toPlanMedian'), days(lt.toPlan.median)],
            [t('insights.toPlanP90'), days(lt.toPlan.p90)],
            [t('insights.toCloseMedian'), days(lt.toClose.median)],
            [t('insights.toCloseP90'), days(lt.toClose.p90)],
            [t('insights.shareOnTime'), lt.planTerm.shareOnTime === null ? t('insights.shareNone') : t('insights.percent', { share: lt.planTerm.shareOnTime })],
            [t('insights.clocks.running'), lt.clocks.running],
            [t('insights.clocks.dueSoon'), lt.clocks.dueSoon],
            [t('insights.clocks.overdue'), lt.clocks.overdue],
            [t('insights.clocks.suspended'), lt.clocks.suspended],
            [t('insights.suspensions'), lt.suspensions.count],
            [t('insights.suspensionDays'), lt.suspensions.days],
          ]}
        />
        <Figure>
          <FigureChart
            kind="line"
            summary={t('insights.leadTimes.chart')}
            labels={months}
            series={[
              { label: t('insights.toPlanMedian'), data: lt.byMonth.map((r) => r.toPlanMedian) },
              { label: t('insights.toCloseMedian'), data: lt.byMonth.map((r) => r.toCloseMedian) },
            ]}
          />
          <FigureTable
            caption={t('insights.leadTimes.caption')}
            columns={[t('insights.month'), t('insights.toPlanMedian'), t('insights.toPlanP90'), t('insights.toCloseMedian'), t('insights.toCloseP90')]}
            rows={lt.byMonth.map((r, i) => [months[i], days(r.toPlanMedian), days(r.toPlanP90), days(r.toCloseMedian), days(r.toCloseP90)])}
          />
        </Figure>
        <Figure>
          <FigureChart
            kind="bar"
            stacked
            summary={t('insights.planTerm.chart')}
            labels={months}
            series={[
              { label: t('insights.onTime'), data: lt.byMonth.map((r) => r.onTime) },
              { label: t('insights.late'), data: lt.byMonth.map((r) => r.late) },
            ]}
          />
          <FigureTable
            caption={t('insights.planTerm.caption')}
            columns={[t('insights.month'), t('insights.onTime'), t('insights.late')]}
            rows={lt.byMonth.map((r, i) => [months[i], r.onTime, r.late])}
          />
        </Figure>
        <CsvLink section="leadTimes" query={query} label={t('insights.leadTimes')} />
      </Section>

      <Section title={t('insights.assessment')} level={2}>
        <Figure>
          <FigureChart
            kind="bar"
            stacked
            summary={t('insights.assessment.chart')}
            labels={months}
            series={(['yes', 'yesWithConditions', 'objection', 'silence'] as const).map((v) => ({
              label: t(`insights.${v}`),
              data: a.byMonth.map((r) => r[v]),
            }))}
          />
          <FigureTable
            caption={t('insights.assessment.caption')}
            columns={[
              t('insights.month'),
              t('insights.rounds'),
              t('insights.yes'),
              t('insights.yesWithConditions'),
              t('insights.objection'),
              t('insights.silence'),
            ]}
            rows={a.byMonth.map((r, i) => [months[i], r.rounds, r.yes, r.yesWithConditions, r.objection, r.silence])}
          />
        </Figure>
        <Figure>
          <FigureChart
            kind="bar"
            summary={t('insights.objectionsByRule.chart')}
            labels={a.objectionsByRule.map((r) => r.code)}
            series={[{ label: t('insights.objection'), data: a.objectionsByRule.map((r) => r.count) }]}
          />
          <FigureTable
            caption={t('insights.objectionsByRule')}
            columns={[t('insights.rule'), t('insights.count')]}
            rows={a.objectionsByRule.map((r) => [r.code, r.count])}
          />
        </Figure>
        <div className="regie-council__row">
          <FigureTable
            caption={t('insights.objectionsByDepartment')}
            columns={[t('insights.department'), t('insights.count')]}
            rows={a.objectionsByDepartment.map((r) => [r.name ?? t('insights.outside'), r.count])}
          />
          <FigureTable
            caption={t('insights.silenceByDepartment')}
            columns={[t('insights.department'), t('insights.count')]}
            rows={a.silenceByDepartment.map((r) => [r.name ?? t('insights.outside'), r.count])}
          />
          <FigureTable
            caption={t('insights.lateObjections')}
            columns={[t('insights.figure'), t('insights.count')]}
            rows={[
              [t('insights.afterClose'), a.lateObjections.afterClose],
              [t('insights.serial'), a.lateObjections.serial],
            ]}
          />
          <FigureTable
            caption={t('insights.overrules')}
            columns={[t('insights.holder'), t('insights.count')]}
            rows={a.overrules.map((r) => [r.name, r.count])}
          />
        </div>
        <CsvLink section="assessment" query={query} label={t('insights.assessment')} />
      </Section>

      <Section title={t('insights.commitments')} level={2}>
        <Figure>
          <FigureChart
            kind="bar"
            stacked
            summary={t('insights.commitments.chart')}
            labels={k.byMaker.map((r) => r.name)}
            series={(['open', 'kept', 'broken', 'withdrawn'] as const).map((v) => ({
              label: t(v === 'withdrawn' ? 'insights.commitmentWithdrawn' : `insights.${v}`),
              data: k.byMaker.map((r) => r[v]),
            }))}
          />
          <FigureTable
            caption={t('insights.commitments.caption')}
            columns={[t('insights.maker'), ...commitmentColumns.map((c) => t(c))]}
            rows={[...k.byMaker.map((r) => commitmentRow(r.name, r)), commitmentRow(t('insights.total'), k.totals)]}
          />
        </Figure>
        <FigureTable
          caption={t('insights.commitments.byMandate')}
          columns={[t('insights.mandate'), ...commitmentColumns.map((c) => t(c))]}
          rows={k.byMandate.map((r) => commitmentRow(r.name, r))}
        />
        <CsvLink section="commitments" query={query} label={t('insights.commitments')} />
      </Section>

      <Section title={t('insights.workload')} level={2}>
        <Figure>
          <FigureChart
            kind="line"
            summary={t('insights.workload.chart')}
            labels={months}
            series={[{ label: t('insights.total'), data: w.byMonth.map((r) => r.total) }]}
          />
          <FigureTable
            caption={t('insights.workload.caption')}
            columns={[t('insights.month'), ...w.directors.map((d) => directorName(d.directorId)), t('insights.total')]}
            rows={w.byMonth.map((r, i) => [months[i], ...w.directors.map((d) => r.perDirector.find((p) => p.directorId === d.directorId)?.open ?? 0), r.total])}
          />
        </Figure>
        <CsvLink section="workload" query={query} label={t('insights.workload')} />
      </Section>

      {o.satisfaction ? (
        <Section title={t('insights.satisfaction')} level={2}>
          <Figure>
            <FigureChart
              kind="bar"
              summary={t('insights.satisfaction.chart')}
              labels={o.satisfaction.distribution.map((d) => String(d.mark))}
              series={[{ label: t('insights.answers'), data: o.satisfaction.distribution.map((d) => d.count) }]}
            />
            <FigureTable
              caption={t('insights.satisfaction.caption')}
              columns={[t('insights.figure'), t('insights.value')]}
              rows={[
                [t('insights.sent'), o.satisfaction.sent],
                [t('insights.answers'), o.satisfaction.answers],
                [
                  t('insights.responseRate'),
                  o.satisfaction.responseRate === null ? t('insights.none') : t('insights.percent', { share: o.satisfaction.responseRate }),
                ],
                [t('insights.averageMark'), o.satisfaction.averageMark ?? t('insights.none')],
                ...o.satisfaction.distribution.map((d) => [`${t('insights.mark')} ${d.mark}`, d.count]),
              ]}
            />
          </Figure>
          {o.satisfaction.perDirector ? (
            <FigureTable
              caption={t('insights.satisfaction.perDirector')}
              columns={[t('insights.director'), t('insights.answers'), t('insights.averageMark')]}
              rows={o.satisfaction.perDirector.map((d) => [d.directorName, d.answers, d.averageMark ?? t('insights.none')])}
            />
          ) : null}
          <CsvLink section="satisfaction" query={query} label={t('insights.satisfaction')} />
        </Section>
      ) : null}

      {o.participation ? (
        <Section title={t('insights.participation')} level={2}>
          <Figure>
            <FigureChart
              kind="bar"
              summary={t('insights.participation.chart')}
              labels={o.participation.byMonth.map((r) => monthLabel(locale, r.month))}
              series={[{ label: t('insights.respondents'), data: o.participation.byMonth.map((r) => r.respondents) }]}
            />
            <FigureTable
              caption={t('insights.participation.caption')}
              columns={[t('insights.month'), t('insights.periods'), t('insights.respondents')]}
              rows={o.participation.byMonth.map((r) => [monthLabel(locale, r.month), r.periods, r.respondents])}
            />
          </Figure>
          <FigureTable
            caption={t('insights.keyFigures')}
            columns={[t('insights.figure'), t('insights.value')]}
            rows={[
              [t('insights.periods'), o.participation.periods],
              [t('insights.respondents'), o.participation.respondents],
              [t('insights.interests'), o.participation.interests],
              [
                t('insights.answeredShare'),
                o.participation.answeredShare === null ? t('insights.none') : t('insights.percent', { share: o.participation.answeredShare }),
              ],
            ]}
          />
          <CsvLink section="participation" query={query} label={t('insights.participation')} />
        </Section>
      ) : null}

      {o.collaborations ? <CollaborationFigures c={o.collaborations} query={query} locale={locale} /> : null}
      {o.sharedRequests && (o.sharedRequests.received.length || o.sharedRequests.provided.length) ? (
        <SharedRequestFigures s={o.sharedRequests} query={query} />
      ) : null}
    </>
  );
}

/** Collaborations in figures (docs/product.md#collaborations-in-figures): the state as of today. */
function CollaborationFigures({ c, query, locale }: { c: NonNullable<Insights['collaborations']>; query: string; locale: string }) {
  const { t } = useI18n();
  const euro = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR' });
  return (
    <Section title={t('collabInsights.title')} level={2}>
      <Paragraph>{t('collabInsights.lead')}</Paragraph>
      <Figure>
        <FigureChart
          kind="bar"
          summary={t('collabInsights.chart')}
          labels={c.byPhase.map((r) => t(`collabInsights.phase.${r.phase}`))}
          series={[{ label: t('collabInsights.count'), data: c.byPhase.map((r) => r.count) }]}
        />
        <FigureTable
          caption={t('collabInsights.caption')}
          columns={[t('collabInsights.figure'), t('collabInsights.count')]}
          rows={[
            ...c.byPhase.map((r) => [t(`collabInsights.phase.${r.phase}`), r.count]),
            [t('collabInsights.total'), c.total],
            [t('collabInsights.withHealthIssues'), c.withHealthIssues],
          ]}
        />
      </Figure>
      {c.byIssue.length ? (
        <FigureTable
          caption={t('collabInsights.issues')}
          columns={[t('collabInsights.issue'), t('collabInsights.count')]}
          rows={c.byIssue.map((r) => [t(`collabInsights.issue.${r.code}` as MessageKey), r.count])}
        />
      ) : null}
      {c.agreementsByParty.length ? (
        <FigureTable
          caption={t('collabInsights.agreements')}
          columns={[t('collabInsights.party'), t('collabInsights.kept'), t('collabInsights.broken'), t('collabInsights.withdrawn'), t('collabInsights.open')]}
          rows={c.agreementsByParty.map((r) => [r.party, r.kept, r.broken, r.withdrawn, r.open])}
        />
      ) : null}
      {c.contributionsByParty.length ? (
        <FigureTable
          caption={t('collabInsights.contributions')}
          columns={[t('collabInsights.party'), t('collabInsights.euros'), t('collabInsights.hours')]}
          rows={c.contributionsByParty.map((r) => [r.party, euro.format(r.euros), r.hours])}
        />
      ) : null}
      <CsvLink section="collaborations" query={query} label={t('collabInsights.title')} />
    </Section>
  );
}

/** Requests to other municipalities answered on time (docs/product.md#requests-to-other-municipalities-in-figures). */
function SharedRequestFigures({ s, query }: { s: NonNullable<Insights['sharedRequests']>; query: string }) {
  const { t } = useI18n();
  const outcomes = ['onTime', 'late', 'silent', 'open'] as const;
  const columns = [t('crossRequests.municipality'), t('crossRequests.requests'), ...outcomes.map((o) => t(`crossRequests.${o}`))];
  const table = (caption: string, rows: typeof s.received) =>
    rows.length ? (
      <FigureTable
        caption={caption}
        columns={[`${columns[0]} · ${t('crossRequests.department')}`, ...columns.slice(1)]}
        rows={rows.map((r) => [`${r.municipality} · ${r.department}`, r.requests, r.onTime, r.late, r.silent, r.open])}
      />
    ) : null;
  const sides = [
    { key: 'received', label: t('crossRequests.received'), rows: s.received, total: s.totals.received },
    { key: 'provided', label: t('crossRequests.provided'), rows: s.provided, total: s.totals.provided },
  ].filter((x) => x.rows.length);
  return (
    <Section title={t('crossRequests.title')} level={2}>
      <Paragraph>{t('crossRequests.lead')}</Paragraph>
      <Figure>
        <FigureChart
          kind="bar"
          stacked
          summary={t('crossRequests.chart')}
          labels={sides.map((x) => x.label)}
          series={outcomes.map((o) => ({ label: t(`crossRequests.${o}`), data: sides.map((x) => x.total[o]) }))}
        />
        <div>
          {table(t('crossRequests.received'), s.received)}
          {table(t('crossRequests.provided'), s.provided)}
        </div>
      </Figure>
      <CsvLink section="sharedRequests" query={query} label={t('crossRequests.title')} />
    </Section>
  );
}

/** The headline figures on the council overview: one block, the last 12 months. */
export function InsightsHeadline() {
  const { t } = useI18n();
  const { me } = useCurrentUser();
  const data = useLoad((signal) => api.insights({}, signal), []);
  const o = data.data;
  if (data.error) return <ErrorAlert error={data.error} />;
  if (!o) return data.loading ? <Loading /> : null;
  const lt = o.leadTimes;
  const k = o.commitments.totals;
  const days = (n: number | null) => (n === null ? t('insights.none') : t('insights.days', { days: n }));
  const rows: (readonly ReactNode[])[] = [
    [t('insights.toPlanMedian'), days(lt.toPlan.median)],
    [t('insights.toCloseMedian'), days(lt.toClose.median)],
    [t('insights.shareOnTime'), lt.planTerm.shareOnTime === null ? t('insights.shareNone') : t('insights.percent', { share: lt.planTerm.shareOnTime })],
    [t('insights.clocks.overdue'), lt.clocks.overdue],
    [`${t('insights.commitments')}: ${t('insights.open').toLowerCase()}`, k.open],
    [`${t('insights.commitments')}: ${t('insights.kept').toLowerCase()}`, k.kept],
    [`${t('insights.commitments')}: ${t('insights.broken').toLowerCase()}`, k.broken],
    [`${t('insights.commitments')}: ${t('insights.overdue').toLowerCase()}`, k.overdue],
  ];
  if (o.satisfaction) rows.push([t('insights.averageMark'), o.satisfaction.averageMark ?? t('insights.none')]);
  const headline = (
    <Section title={t('insights.headline')} level={2}>
      <Paragraph>{t('insights.headline.lead')}</Paragraph>
      <FigureTable caption={t('insights.headline.caption')} columns={[t('insights.figure'), t('insights.value')]} rows={rows} />
      <Paragraph className="regie-no-print">
        <AppLink to="/sturingsinformatie">{t('insights.headline.more')}</AppLink>
      </Paragraph>
    </Section>
  );
  // The council sees the collaborations per phase and how many have health findings
  // (docs/product.md#collaborations-in-figures).
  const c = o.collaborations;
  if (!c) return headline;
  // docs/product.md#requests-to-other-municipalities-in-figures
  const asked = o.sharedRequests?.totals.received;
  return (
    <>
      {headline}
      <Section title={t('collabInsights.title')} level={2}>
        <FigureTable
          caption={t('collabInsights.council.caption')}
          columns={[t('collabInsights.figure'), t('collabInsights.count')]}
          rows={[
            ...c.byPhase.map((r) => [t(`collabInsights.phase.${r.phase}`), r.count]),
            [t('collabInsights.withHealthIssues'), c.withHealthIssues],
            ...(asked?.requests ? [[t('crossRequests.council'), t('crossRequests.councilValue', { onTime: asked.onTime, requests: asked.requests })]] : []),
          ]}
        />
        {may(me, 'collaborations') ? (
          <Paragraph className="regie-no-print">
            <AppLink to="/samenwerkingen">{t('collabInsights.council.more')}</AppLink>
          </Paragraph>
        ) : null}
      </Section>
    </>
  );
}
