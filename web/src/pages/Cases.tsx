// /zaken — search and filter the municipality's cases. The filters live in the
// address, so a search can be bookmarked and the back button works.
import { Button, ButtonLink, Heading, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { CASE_STATUSES } from '../api/models.js';
import { api, downloads } from '../api.js';
import { SelectField, TextField } from '../components/Fields.js';
import { PagedCases } from '../components/PagedCases.js';
import { useLoad, usePageTitle } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { CasesOnMap } from './geo/CasesOnMap.js';

const KEYS = ['q', 'status', 'director', 'area', 'theme', 'dueBefore', 'sort'] as const;
const SORTS = ['received', 'due', 'status', 'reference'] as const;
type Sort = (typeof SORTS)[number];
const isSort = (s: string): s is Sort => (SORTS as readonly string[]).includes(s);
type Key = (typeof KEYS)[number];

export function Cases() {
  const { t } = useI18n();
  usePageTitle(t('cases.title'));
  const [params, setParams] = useSearchParams();
  const filtersId = useId();
  const lookups = useLoad(async (signal) => {
    const [org, directors] = await Promise.all([api.organisation(signal), api.users('director', signal)]);
    return { org, directors: directors.items };
  }, []);
  const current = Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? ''])) as Record<Key, string>;
  const [form, setForm] = useState(current);
  const paramsKey = params.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the address (back button)
  useEffect(() => setForm(current), [paramsKey]);
  const set = (k: Key) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const k of KEYS) if (form[k].trim()) next.set(k, form[k].trim());
    setParams(next);
  }
  function reset() {
    const empty = Object.fromEntries(KEYS.map((k) => [k, ''])) as Record<Key, string>;
    setForm(empty);
    setParams(new URLSearchParams());
  }

  const org = lookups.data?.org;
  const filters = {
    q: current.q || undefined,
    status: current.status || undefined,
    director: current.director || undefined,
    area: current.area || undefined,
    theme: current.theme || undefined,
    dueBefore: current.dueBefore || undefined,
    sort: isSort(current.sort) ? current.sort : undefined,
    limit: 25,
  };
  const { limit: _limit, ...exportFilters } = filters;
  return (
    <>
      <Heading level={1}>{t('cases.title')}</Heading>
      <search aria-labelledby={filtersId} className="regie-filters">
        <form noValidate onSubmit={onSubmit}>
          <Heading level={2} id={filtersId} appearance="utrecht-heading-4">
            {t('cases.filters')}
          </Heading>
          <div className="regie-filters__grid">
            <TextField name="q" type="search" label={t('cases.q')} value={form.q} onChange={set('q')} />
            <SelectField
              name="status"
              label={t('case.status')}
              value={form.status}
              onChange={set('status')}
              placeholder={t('cases.any')}
              options={CASE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            />
            <SelectField
              name="director"
              label={t('case.director')}
              value={form.director}
              onChange={set('director')}
              placeholder={t('cases.any')}
              options={[{ value: 'none', label: t('cases.noDirector') }, ...(lookups.data?.directors ?? []).map((d) => ({ value: d.id, label: d.name }))]}
            />
            <SelectField
              name="area"
              label={t('case.area')}
              value={form.area}
              onChange={set('area')}
              placeholder={t('cases.any')}
              options={(org?.areas ?? []).map((a) => ({ value: a.id, label: a.name }))}
            />
            <SelectField
              name="theme"
              label={t('case.theme')}
              value={form.theme}
              onChange={set('theme')}
              placeholder={t('cases.any')}
              options={(org?.themes ?? []).map((a) => ({ value: a.id, label: a.name }))}
            />
            <TextField name="dueBefore" type="date" label={t('cases.dueBefore')} value={form.dueBefore} onChange={set('dueBefore')} />
            <SelectField
              name="sort"
              label={t('cases.sort')}
              value={form.sort || 'received'}
              onChange={set('sort')}
              options={SORTS.map((s) => ({ value: s, label: t(`cases.sort.${s}`) }))}
            />
          </div>
          <div className="regie-button-row">
            <Button type="submit" appearance="primary-action-button">
              {t('cases.search')}
            </Button>
            <Button appearance="subtle-button" onClick={reset}>
              {t('cases.reset')}
            </Button>
          </div>
        </form>
      </search>
      <CasesOnMap filters={filters} />
      <PagedCases filters={filters} caption={t('cases.caption')} emptyText={t('cases.empty')} />
      <Paragraph>
        <ButtonLink appearance="subtle-button" href={downloads.casesExport(exportFilters)} download="zaken.csv">
          {t('cases.export')}
        </ButtonLink>
      </Paragraph>
    </>
  );
}
