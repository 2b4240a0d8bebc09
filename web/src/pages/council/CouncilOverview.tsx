// The council overview (docs/product.md#the-council-overview): one page per municipality
// for council members, printable on A4 (styles.css, "print"). Figures and public case
// summaries only; the API sends nothing personal, and this page shows what it sends.
import { Button, Heading, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { type ReactNode, useState } from 'react';
import type { CouncilCaseSummary } from '../../api/models.js';
import { type ApiError, api } from '../../api.js';
import { ErrorAlert, LiveStatus, Loading } from '../../components/feedback.js';
import { Section } from '../../components/Section.js';
import { WideTable } from '../../components/WideTable.js';
import { useLoad, usePageTitle } from '../../hooks.js';
import { type MessageKey, useI18n } from '../../i18n/index.js';
import { InsightsHeadline } from '../insights/InsightsPage.js';

/**
 * A table of names and figures: a header row of column keys, then one row per item; the
 * first column names the row, the first `texts` columns are text, the rest figures.
 */
function FigureTable({ caption, columns, rows, texts = 1 }: { caption: string; columns: MessageKey[]; rows: (readonly ReactNode[])[]; texts?: number }) {
  const { t } = useI18n();
  return (
    <WideTable caption={caption} className="regie-figures">
      <TableHeader>
        <TableRow>
          {columns.map((c, i) => (
            <TableHeaderCell key={c} scope="col" className={i >= texts ? 'regie-number' : undefined}>
              {t(c)}
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
              <TableCell key={j} className={j + 1 >= texts ? 'regie-number' : undefined}>
                {cell}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </WideTable>
  );
}

export function CouncilOverviewPage() {
  const { t, date } = useI18n();
  usePageTitle(t('council.title'));
  const data = useLoad((signal) => api.councilOverview(undefined, signal), []);
  const [more, setMore] = useState<{ items: CouncilCaseSummary[]; next: string | null } | null>(null);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  if (data.error) return <ErrorAlert error={data.error} />;
  if (!data.data) return data.loading ? <Loading /> : null;
  const o = data.data;
  const summaries = [...o.summaries.items, ...(more?.items ?? [])];
  const next = more ? more.next : o.summaries.nextCursor;

  async function loadMore() {
    if (!next) return;
    try {
      const p = await api.councilOverview(next);
      setMore({ items: [...(more?.items ?? []), ...p.summaries.items], next: p.summaries.nextCursor });
      setStatus(t('council.moreLoaded', { count: p.summaries.items.length }));
    } catch (e) {
      setMoreError(e as ApiError);
    }
  }

  const ob = o.objections.totals;
  return (
    <div className="regie-council">
      <Heading level={1}>{t('council.heading', { municipality: o.municipality })}</Heading>
      <Paragraph>{t('council.lead', { date: date(o.today) })}</Paragraph>
      <Paragraph className="regie-no-print">
        <Button appearance="secondary-action-button" onClick={() => window.print()}>
          {t('council.print')}
        </Button>
      </Paragraph>
      <LiveStatus message={status} />

      <InsightsHeadline />

      <Section title={t('council.cases')} level={2}>
        <div className="regie-council__row">
          <FigureTable
            caption={t('council.byStatus')}
            columns={['council.status', 'council.count']}
            rows={o.cases.byStatus.map((s) => [t(`status.${s.status}`), s.count])}
          />
          <FigureTable
            caption={t('council.byArea')}
            columns={['council.area', 'council.count']}
            rows={o.cases.byArea.map((a) => [a.name ?? t('council.noArea'), a.count])}
          />
          <FigureTable
            caption={t('council.byTheme')}
            columns={['council.theme', 'council.count']}
            rows={o.cases.byTheme.map((a) => [a.name ?? t('council.noTheme'), a.count])}
          />
        </div>
      </Section>

      <Section title={t('council.plans')} level={2}>
        <Paragraph>{o.plans.shareOnTime === null ? t('council.shareNone') : t('council.share', { share: o.plans.shareOnTime })}</Paragraph>
        <FigureTable
          caption={t('council.planTerms')}
          columns={['council.term', 'council.count']}
          rows={(['onTime', 'late', 'overdue', 'running'] as const).map((k) => [t(`planTerm.${k}`), o.plans[k]])}
        />
        {o.plans.overdueList.length ? (
          <FigureTable
            caption={t('council.overdueList')}
            columns={['council.reference', 'council.dueOn', 'council.daysOverdue']}
            texts={2}
            rows={o.plans.overdueList.map((p) => [p.reference, date(p.planDueOn), p.daysOverdue])}
          />
        ) : (
          <Paragraph>{t('council.overdueNone')}</Paragraph>
        )}
      </Section>

      <Section title={t('council.objections')} level={2}>
        {ob.total ? (
          <>
            <Paragraph>{t('council.objectionsTotal', { ...ob })}</Paragraph>
            <FigureTable
              caption={t('council.objectionsCaption')}
              columns={[
                'council.ruleCode',
                'council.ruleTitle',
                'council.total',
                'council.overruled',
                'council.withdrawn',
                'council.resolved',
                'council.standing',
              ]}
              rows={o.objections.byRule.map((r) => [r.code, r.title, r.total, r.overruled, r.withdrawn, r.resolved, r.standing])}
            />
          </>
        ) : (
          <Paragraph>{t('council.objectionsNone')}</Paragraph>
        )}
      </Section>

      <Section title={t('council.commitments')} level={2}>
        {o.commitments.totals.total ? (
          <FigureTable
            caption={t('council.commitmentsCaption')}
            texts={3}
            columns={[
              'council.madeBy',
              'council.role',
              'council.department',
              'council.total',
              'council.open',
              'council.overdue',
              'council.kept',
              'council.broken',
              'council.withdrawn',
              'council.declined',
            ]}
            rows={[
              ...o.commitments.byMaker.map((k) => [
                k.name,
                k.staffRole ? t(`role.${k.staffRole}`) : k.role,
                k.department ?? '',
                k.total,
                k.open,
                k.overdue,
                k.kept,
                k.broken,
                k.withdrawn,
                k.declined,
              ]),
              ((k) => [t('council.total'), '', '', k.total, k.open, k.overdue, k.kept, k.broken, k.withdrawn, k.declined])(o.commitments.totals),
            ]}
          />
        ) : (
          <Paragraph>{t('council.commitmentsNone')}</Paragraph>
        )}
      </Section>

      <Section title={t('council.summaries')} level={2} className="regie-section regie-council__summaries">
        <Paragraph>{t('council.summariesLead')}</Paragraph>
        <WideTable caption={t('council.summariesCaption', { shown: summaries.length })}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('council.reference')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('council.status')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('council.area')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('council.theme')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('council.submittedOn')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('council.dueOn')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('council.planAgreed')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('council.term')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('council.closedOn')}</TableHeaderCell>
              <TableHeaderCell scope="col" className="regie-number">
                {t('council.standingObjections')}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {summaries.map((c) => (
              <TableRow key={c.id}>
                <TableHeaderCell scope="row">{c.reference}</TableHeaderCell>
                <TableCell>{t(`status.${c.status}`)}</TableCell>
                <TableCell>{c.area ?? ''}</TableCell>
                <TableCell>{c.themes.join(', ')}</TableCell>
                <TableCell>{date(c.submittedOn)}</TableCell>
                <TableCell>{date(c.planDueOn)}</TableCell>
                <TableCell>{c.planAgreedOn ? t('council.yesOn', { date: date(c.planAgreedOn) }) : t('council.no')}</TableCell>
                <TableCell>{t(`planTerm.${c.planTerm}`)}</TableCell>
                <TableCell>{date(c.closedOn)}</TableCell>
                <TableCell className="regie-number">{c.standingObjections}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </WideTable>
        {moreError ? <ErrorAlert error={moreError} /> : null}
        {next ? (
          <Paragraph className="regie-no-print">
            <Button appearance="secondary-action-button" onClick={loadMore}>
              {t('council.more')}
            </Button>
          </Paragraph>
        ) : null}
      </Section>
    </div>
  );
}
