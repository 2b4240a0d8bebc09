// The published figures (docs/product.md#open-data): without login, the list of
// municipalities that publish and one municipality's figures, with its licence and the
// open data to download. A municipality that does not publish is not found.
import { Heading, Link, Paragraph, TableBody, TableCell, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useParams } from 'react-router';
import type { PublishedFigures } from '../../api/models.js';
import { api, downloads } from '../../api.js';
import { ErrorAlert, Loading } from '../../components/feedback.js';
import { AppLink } from '../../components/links.js';
import { Section } from '../../components/Section.js';
import { ColumnHeads, WideTable } from '../../components/WideTable.js';
import { useLoad, usePageTitle } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';
import { formatValue } from './figures.js';

export function PublishersPage() {
  const { t } = useI18n();
  usePageTitle(t('figures.title'));
  const list = useLoad((signal) => api.publishers(signal), []);
  return (
    <>
      <Heading level={1}>{t('figures.title')}</Heading>
      <Paragraph>{t('figures.lead')}</Paragraph>
      {list.error ? <ErrorAlert error={list.error} loginLink={false} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        list.data.items.length ? (
          <UnorderedList>
            {list.data.items.map((m) => (
              <UnorderedListItem key={m.slug}>
                <AppLink to={`/cijfers/${m.slug}`}>{m.name}</AppLink>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        ) : (
          <Paragraph>{t('figures.none')}</Paragraph>
        )
      ) : null}
    </>
  );
}

function FiguresTable({ f }: { f: PublishedFigures }) {
  const { t, locale } = useI18n();
  const cell = (x: PublishedFigures['figures'][number]) => (x.suppressed ? t('benchmark.tooFew') : formatValue(t, locale, x.key, x.value));
  return (
    <>
      <WideTable caption={t('figures.overPeriod')}>
        <ColumnHeads first={t('benchmark.col.figure')} numbers={[t('benchmark.col.value'), t('benchmark.col.basis')]} />
        <TableBody>
          {f.figures.map((x) => (
            <TableRow key={x.key}>
              <TableHeaderCell scope="row">{t(`figure.${x.key}`)}</TableHeaderCell>
              <TableCell className="regie-number">{cell(x)}</TableCell>
              <TableCell className="regie-number">{x.basis}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </WideTable>
      {f.figures.map((fig) => (
        <WideTable key={fig.key} caption={t('benchmark.byMonth', { figure: t(`figure.${fig.key}`) })}>
          <ColumnHeads first={t('benchmark.col.month')} numbers={[t('benchmark.col.value'), t('benchmark.col.basis')]} />
          <TableBody>
            {f.months.map((m) => {
              const x = m.figures.find((y) => y.key === fig.key);
              return x ? (
                <TableRow key={m.month}>
                  <TableHeaderCell scope="row">{m.month}</TableHeaderCell>
                  <TableCell className="regie-number">{cell(x)}</TableCell>
                  <TableCell className="regie-number">{x.basis}</TableCell>
                </TableRow>
              ) : null;
            })}
          </TableBody>
        </WideTable>
      ))}
    </>
  );
}

export function PublicFiguresPage() {
  const { t } = useI18n();
  const { slug = '' } = useParams();
  const data = useLoad((signal) => api.publishedFigures(slug, {}, signal), [slug]);
  const f = data.data;
  usePageTitle(f ? t('figures.heading', { municipality: f.municipality.name }) : t('figures.title'));
  if (data.error?.status === 404)
    return (
      <>
        <Heading level={1}>{t('figures.title')}</Heading>
        <Paragraph>{t('figures.notPublished')}</Paragraph>
        <Paragraph>
          <AppLink to="/cijfers">{t('figures.all')}</AppLink>
        </Paragraph>
      </>
    );
  if (data.error) return <ErrorAlert error={data.error} loginLink={false} />;
  if (!f) return data.loading ? <Loading /> : null;
  return (
    <div className="regie-benchmark">
      <Heading level={1}>{t('figures.heading', { municipality: f.municipality.name })}</Heading>
      <Paragraph>{t('figures.intro', { municipality: f.municipality.name })}</Paragraph>
      <Paragraph>{t('benchmark.periodShown', { from: f.period.from, to: f.period.to })}</Paragraph>
      <FiguresTable f={f} />
      <Section title={t('figures.download')} level={2}>
        <UnorderedList>
          <UnorderedListItem>
            <Link href={downloads.figuresCsv(f.municipality.slug, f.period)}>{t('figures.csv')}</Link>
          </UnorderedListItem>
          <UnorderedListItem>
            <Link href={downloads.figuresJson(f.municipality.slug, f.period)}>{t('figures.json')}</Link>
          </UnorderedListItem>
        </UnorderedList>
        <Paragraph>
          {t('figures.licence')}: <Link href={f.licence.url}>{t(`licence.${f.licence.id}`)}</Link> ({f.licence.id})
        </Paragraph>
      </Section>
      <Paragraph>
        <AppLink to="/cijfers">{t('figures.all')}</AppLink>
      </Paragraph>
    </div>
  );
}
