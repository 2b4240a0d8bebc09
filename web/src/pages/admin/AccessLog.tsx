// The access log of personal data (docs/product.md#inzage-in-persoonsgegevens-wordt-gelogd):
// who viewed an initiator's contact details, a dossier, an export or an attachment, filtered by kind,
// staff member and period, newest first, a page at a time.
import { Button, Heading, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import type { AccessLogEntry } from '../../api/models.js';
import { type AccessLogFilter, type ApiError, api } from '../../api.js';
import { SelectField, TextField } from '../../components/Fields.js';
import { ErrorAlert, Loading } from '../../components/feedback.js';
import { AppLink } from '../../components/links.js';
import { WideTable } from '../../components/WideTable.js';
import { useLoad, usePageTitle } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';
import { BackToAdmin } from './AdminHome.js';

const KINDS = ['contactDetails', 'dossier', 'export', 'crossMunicipality', 'attachment'] as const;
const EMPTY: Required<AccessLogFilter> = { kind: '', actor: '', from: '', to: '' };

export function AccessLogPage() {
  const { t, dateTime } = useI18n();
  usePageTitle(t('accessLog.title'));
  const [draft, setDraft] = useState(EMPTY);
  const [filters, setFilters] = useState(EMPTY);
  const staff = useLoad((signal) => api.users(undefined, signal), []);
  const data = useLoad((signal) => api.accessLog(filters, undefined, signal), [filters]);
  const [more, setMore] = useState<{ items: AccessLogEntry[]; next: string | null } | null>(null);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const items = [...(data.data?.items ?? []), ...(more?.items ?? [])];
  const next = more ? more.next : (data.data?.nextCursor ?? null);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setMore(null);
    setMoreError(null);
    setFilters(draft);
  };
  async function loadMore() {
    if (!next) return;
    try {
      const p = await api.accessLog(filters, next);
      setMore({ items: [...(more?.items ?? []), ...p.items], next: p.nextCursor });
    } catch (e) {
      setMoreError(e as ApiError);
    }
  }
  const set = (k: keyof AccessLogFilter) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));

  return (
    <>
      <BackToAdmin />
      <Heading level={1}>{t('accessLog.title')}</Heading>
      <Paragraph>{t('accessLog.lead')}</Paragraph>

      <form className="regie-filters" onSubmit={apply} aria-label={t('accessLog.filters')}>
        <div className="regie-filters__grid">
          <SelectField
            name="filter-kind"
            label={t('accessLog.kind')}
            value={draft.kind}
            onChange={set('kind')}
            placeholder={t('cases.any')}
            options={KINDS.map((k) => ({ value: k, label: t(`accessLog.kind.${k}`) }))}
          />
          <SelectField
            name="filter-actor"
            label={t('accessLog.actor')}
            value={draft.actor}
            onChange={set('actor')}
            placeholder={t('cases.any')}
            options={(staff.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
          <TextField name="filter-from" label={t('accessLog.from')} type="date" value={draft.from} onChange={set('from')} />
          <TextField name="filter-to" label={t('accessLog.to')} type="date" value={draft.to} onChange={set('to')} />
        </div>
        <div className="regie-button-row">
          <Button type="submit" appearance="primary-action-button">
            {t('cases.search')}
          </Button>
        </div>
      </form>

      {data.loading && !data.data ? <Loading /> : null}
      {data.error ? <ErrorAlert error={data.error} /> : null}
      {data.data ? (
        items.length ? (
          <WideTable caption={t('accessLog.caption', { count: items.length })}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('accessLog.at')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('accessLog.actor')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('accessLog.kind')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('accessLog.case')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('accessLog.initiator')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('accessLog.address')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((e) => (
                <TableRow key={e.id}>
                  <TableHeaderCell scope="row" className="regie-nowrap">
                    {dateTime(e.at)}
                  </TableHeaderCell>
                  <TableCell>
                    {e.actor.name ?? t('accessLog.unknown')} ({t(`role.${e.actor.role}`)})
                  </TableCell>
                  <TableCell>
                    {t(`accessLog.kind.${e.kind}`)}
                    {e.exportName ? `: ${e.exportName}` : ''}
                    {e.reason ? ` (${t('accessLog.reason', { reason: e.reason })})` : ''}
                  </TableCell>
                  <TableCell>{e.case ? <AppLink to={`/zaken/${e.case.id}`}>{e.case.reference ?? e.case.id}</AppLink> : null}</TableCell>
                  <TableCell>{e.initiator ? (e.initiator.name ?? t('accessLog.unknown')) : null}</TableCell>
                  <TableCell>{e.clientAddress ?? ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </WideTable>
        ) : (
          <Paragraph>{t('accessLog.empty')}</Paragraph>
        )
      ) : null}
      {moreError ? <ErrorAlert error={moreError} /> : null}
      {next ? (
        <Button appearance="secondary-action-button" onClick={loadMore}>
          {t('cases.nextPage')}
        </Button>
      ) : null}
    </>
  );
}
