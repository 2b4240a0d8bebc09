// A page of cases from GET /api/v1/cases with cursor paging. The cursor lives in the
// address (?cursor=…), so "Volgende pagina" is a real link and the back button works.
import { Paragraph } from '@utrecht/component-library-react';
import { useSearchParams } from 'react-router';
import type { CaseFilters, CaseSummary } from '../api/models.js';
import { api } from '../api.js';
import { useLoad } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { CaseTable } from './CaseTable.js';
import { ErrorAlert, Loading } from './feedback.js';
import { AppButtonLink } from './links.js';

export function PagedCases({
  filters,
  caption,
  emptyText,
  linkBase,
  columns,
  summary,
}: {
  filters: CaseFilters;
  caption: string;
  emptyText: string;
  linkBase?: string;
  columns?: ('director' | 'area' | 'clock')[];
  summary?: (items: CaseSummary[]) => React.ReactNode;
}) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const cursor = params.get('cursor') ?? undefined;
  const key = JSON.stringify(filters);
  const page = useLoad((signal) => api.cases({ ...filters, cursor }, signal), [key, cursor]);
  const withCursor = (c: string | null) => {
    const p = new URLSearchParams(params);
    if (c) p.set('cursor', c);
    else p.delete('cursor');
    const s = p.toString();
    return `?${s}`;
  };

  if (page.loading) return <Loading />;
  if (page.error) return <ErrorAlert error={page.error} />;
  const items = page.data?.items ?? [];
  return (
    <>
      <Paragraph role="status" className="regie-count">
        {items.length
          ? `${t(page.data?.moreThanTotal ? 'cases.totalMore' : 'cases.total', { count: page.data?.total ?? items.length })} ${t(cursor ? 'cases.countMore' : 'cases.count', { count: items.length })}`
          : emptyText}
      </Paragraph>
      {summary ? summary(items) : null}
      {items.length ? <CaseTable items={items} caption={caption} linkBase={linkBase} columns={columns} /> : null}
      <div className="regie-pager">
        {cursor ? <AppButtonLink to={withCursor(null)}>{t('cases.firstPage')}</AppButtonLink> : null}
        {page.data?.nextCursor ? (
          <AppButtonLink to={withCursor(page.data.nextCursor)} appearance="primary-action-button">
            {t('cases.nextPage')}
          </AppButtonLink>
        ) : null}
      </div>
    </>
  );
}
