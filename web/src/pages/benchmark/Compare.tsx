// Comparing municipalities (docs/product.md#comparing-municipalities): the own figures
// next to the median and quartiles of all participants and of the own size class, per
// figure a drawing and an accessible table, and per month. What is too small to show
// (docs/product.md#small-numbers-are-not-shown) the API already left out; this page
// says "te weinig gegevens" where it did.
import { Button, Heading, Paragraph, TableBody, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import type { ComparedFigure, Comparison } from '../../api/models.js';
import { api } from '../../api.js';
import { TextField } from '../../components/Fields.js';
import { ErrorAlert, Loading } from '../../components/feedback.js';
import { AppButtonLink } from '../../components/links.js';
import { Section } from '../../components/Section.js';
import { ColumnHeads, WideTable } from '../../components/WideTable.js';
import { may, useCurrentUser } from '../../currentUser.js';
import { useLoad, usePageTitle } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';
import { FigureDrawing, formatValue } from './figures.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
type Aggregate = ComparedFigure['all'];

function useCells() {
  const { t, locale } = useI18n();
  const tooFew = t('benchmark.tooFew');
  const own = (f: ComparedFigure) => (f.own.suppressed ? tooFew : formatValue(t, locale, f.key, f.own.value));
  const agg = (f: ComparedFigure, a: Aggregate | null, k: 'q1' | 'median' | 'q3') => (!a || a.suppressed ? tooFew : formatValue(t, locale, f.key, a[k]));
  return { own, agg, tooFew };
}

function FigureSection({ figure, months }: { figure: ComparedFigure; months: Comparison['months'] }) {
  const { t } = useI18n();
  const c = useCells();
  const name = t(`figure.${figure.key}`);
  const rows: { label: string; a: Aggregate | null }[] = [
    { label: t('benchmark.all'), a: figure.all },
    ...(figure.sizeClass ? [{ label: t('benchmark.class'), a: figure.sizeClass }] : []),
  ];
  return (
    <Section title={name} level={2}>
      <Paragraph>{t(`figureHint.${figure.key}`)}</Paragraph>
      <FigureDrawing figure={figure} />
      <Paragraph className="regie-small">{t('benchmark.legendBox')}</Paragraph>
      <WideTable caption={t('benchmark.table', { figure: name })}>
        <ColumnHeads
          first={t('benchmark.col.who')}
          numbers={[t('benchmark.col.median'), t('benchmark.col.q1'), t('benchmark.col.q3'), t('benchmark.col.basis')]}
        />
        <TableBody>
          <TableRow>
            <TableHeaderCell scope="row">{t('benchmark.own')}</TableHeaderCell>
            <TableCell className="regie-number">{c.own(figure)}</TableCell>
            <TableCell className="regie-number">–</TableCell>
            <TableCell className="regie-number">–</TableCell>
            <TableCell className="regie-number">{figure.own.basis}</TableCell>
          </TableRow>
          {rows.map((r) => (
            <TableRow key={r.label}>
              <TableHeaderCell scope="row">{r.label}</TableHeaderCell>
              <TableCell className="regie-number">{c.agg(figure, r.a, 'median')}</TableCell>
              <TableCell className="regie-number">{c.agg(figure, r.a, 'q1')}</TableCell>
              <TableCell className="regie-number">{c.agg(figure, r.a, 'q3')}</TableCell>
              <TableCell className="regie-number">{r.a ? `${r.a.municipalities} ${t('benchmark.col.municipalities').toLowerCase()}` : '–'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </WideTable>
      <WideTable caption={t('benchmark.byMonth', { figure: name })}>
        <ColumnHeads first={t('benchmark.col.month')} numbers={[t('benchmark.own'), t('benchmark.col.median'), t('benchmark.col.q1'), t('benchmark.col.q3')]} />
        <TableBody>
          {months.map((m) => {
            const f = m.figures.find((x) => x.key === figure.key);
            if (!f) return null;
            return (
              <TableRow key={m.month}>
                <TableHeaderCell scope="row">{m.month}</TableHeaderCell>
                <TableCell className="regie-number">{c.own(f)}</TableCell>
                <TableCell className="regie-number">{c.agg(f, f.all, 'median')}</TableCell>
                <TableCell className="regie-number">{c.agg(f, f.all, 'q1')}</TableCell>
                <TableCell className="regie-number">{c.agg(f, f.all, 'q3')}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </WideTable>
    </Section>
  );
}

export function ComparePage() {
  const { t } = useI18n();
  usePageTitle(t('benchmark.title'));
  const me = useCurrentUser();
  const [period, setPeriod] = useState<{ from?: string; to?: string }>({});
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const data = useLoad((signal) => api.comparison(period, signal), [period.from, period.to]);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const bad = {
      from: from && !MONTH.test(from) ? t('benchmark.error.month') : undefined,
      to: to && !MONTH.test(to) ? t('benchmark.error.month') : undefined,
    };
    setErrors(bad);
    if (bad.from || bad.to) return;
    setPeriod({ from: from || undefined, to: to || undefined });
  }

  const c = data.data;
  return (
    <div className="regie-benchmark">
      <Heading level={1}>{c ? t('benchmark.heading', { municipality: c.municipality }) : t('benchmark.title')}</Heading>
      <Paragraph>{t('benchmark.lead')}</Paragraph>
      {data.error ? <ErrorAlert error={data.error} /> : null}
      {!c ? (
        data.loading ? (
          <Loading />
        ) : null
      ) : !c.participating ? (
        <Section title={t('benchmark.notParticipating')} level={2}>
          {may(me.me, 'manageOrganisation') ? (
            <>
              <Paragraph>{t('benchmark.notParticipatingAdmin')}</Paragraph>
              <AppButtonLink to="/beheer/instellingen">{t('benchmark.toSettings')}</AppButtonLink>
            </>
          ) : (
            <Paragraph>{t('benchmark.askAdmin')}</Paragraph>
          )}
        </Section>
      ) : (
        <>
          <form noValidate onSubmit={onSubmit} className="regie-form regie-benchmark__period" aria-label={t('benchmark.period')}>
            <TextField
              name="from"
              label={t('benchmark.from')}
              description={t('benchmark.monthHint')}
              value={from}
              onChange={setFrom}
              error={errors.from}
              optional
              size="sm"
            />
            <TextField
              name="to"
              label={t('benchmark.to')}
              description={t('benchmark.monthHint')}
              value={to}
              onChange={setTo}
              error={errors.to}
              optional
              size="sm"
            />
            <Button type="submit" appearance="secondary-action-button">
              {t('benchmark.show')}
            </Button>
          </form>
          <Paragraph>{t('benchmark.periodShown', { from: c.period.from, to: c.period.to })}</Paragraph>
          <Paragraph>{c.sizeClass ? t('benchmark.sizeClass', { sizeClass: t(`sizeClass.${c.sizeClass}`) }) : t('benchmark.noSizeClass')}</Paragraph>
          <Paragraph className="regie-small">{t('benchmark.suppressionNote')}</Paragraph>
          {c.figures.map((f) => (
            <FigureSection key={f.key} figure={f} months={c.months} />
          ))}
        </>
      )}
    </div>
  );
}
