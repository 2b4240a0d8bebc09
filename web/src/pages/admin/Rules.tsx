// The rules register (docs/product.md#the-rules-register): the rules an objection may cite, filtered by
// domain, strictness and "citable today"; add, change, end validity (never delete),
// import with a per-line report, export as CSV or JSON.
import {
  Button,
  ButtonLink,
  Heading,
  Paragraph,
  StatusBadge,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import type { Rule } from '../../api/models.js';
import { api, downloads } from '../../api.js';
import { CheckboxField, SelectField, TextField } from '../../components/Fields.js';
import { ErrorAlert, LiveStatus, Loading } from '../../components/feedback.js';
import { focusById, InlineForm } from '../../components/InlineForm.js';
import { domainOptions } from '../../components/options.js';
import { Section } from '../../components/Section.js';
import { WideTable } from '../../components/WideTable.js';
import { useLoad, usePageTitle } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';
import { StrictBadge, todayIso } from '../assessment/shared.js';
import { BackToAdmin } from './AdminHome.js';
import { EndValidityForm, RuleForm } from './RuleForm.js';
import { RuleImport } from './RuleImport.js';

interface Filters {
  domain: string;
  strict: string;
  today: boolean;
  q: string;
}

export function RulesPage() {
  const { t, date } = useI18n();
  usePageTitle(t('rules.title'));
  const [draft, setDraft] = useState<Filters>({ domain: '', strict: '', today: false, q: '' });
  const [filters, setFilters] = useState<Filters>(draft);
  const data = useLoad(
    (signal) => api.rules({ domain: filters.domain, strict: filters.strict, validOn: filters.today ? todayIso() : undefined, q: filters.q.trim() }, signal),
    [filters],
  );
  const [status, setStatus] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string; what: 'edit' | 'end' } | null>(null);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilters(draft);
  };
  const focusRow = (id: string) => focusById(`regel-${id}`);
  // Cancel or Escape returns focus to the button that opened the form.
  const closeForm = (id: string, what: 'edit' | 'end') => {
    setEditing(null);
    focusById(`${what === 'edit' ? 'wijzig' : 'beeindig'}-regel-${id}`);
  };

  const row = (r: Rule) => {
    if (editing?.id === r.id)
      return (
        <TableRow key={r.id}>
          <TableCell colSpan={7}>
            <InlineForm key={editing.what} onEscape={() => closeForm(r.id, editing.what)}>
              {editing.what === 'edit' ? (
                <RuleForm
                  rule={r}
                  onDone={(saved) => {
                    if (!saved) return closeForm(r.id, 'edit');
                    setEditing(null);
                    setStatus(t('rules.saved', { code: saved.code }));
                    data.reload();
                    focusRow(r.id);
                  }}
                />
              ) : (
                <EndValidityForm
                  rule={r}
                  onDone={(ended) => {
                    if (!ended) return closeForm(r.id, 'end');
                    setEditing(null);
                    setStatus(t('rules.ended', { code: r.code }));
                    data.reload();
                    focusRow(r.id);
                  }}
                />
              )}
            </InlineForm>
          </TableCell>
        </TableRow>
      );
    return (
      <TableRow key={r.id}>
        <TableHeaderCell scope="row" className="regie-nowrap">
          <span id={`regel-${r.id}`} tabIndex={-1}>
            {r.code}
          </span>
        </TableHeaderCell>
        <TableCell>{r.title}</TableCell>
        <TableCell>{r.legalSource}</TableCell>
        <TableCell>{t(`domain.${r.domain}`)}</TableCell>
        <TableCell>{r.strict ? <StrictBadge /> : t('rules.notStrict')}</TableCell>
        <TableCell>
          {r.validUntil ? t('rules.period', { from: date(r.validFrom), until: date(r.validUntil) }) : t('rules.periodOpen', { from: date(r.validFrom) })}{' '}
          {r.citableToday ? (
            <StatusBadge status="valid">{t('rules.citable')}</StatusBadge>
          ) : (
            <StatusBadge status="inactive">{t('rules.notCitable')}</StatusBadge>
          )}
        </TableCell>
        <TableCell>
          <div className="regie-button-row regie-button-row--tight">
            <Button
              id={`wijzig-regel-${r.id}`}
              appearance="secondary-action-button"
              onClick={() => setEditing({ id: r.id, what: 'edit' })}
              aria-label={t('admin.editN', { name: r.code })}
            >
              {t('admin.edit')}
            </Button>
            {!r.validUntil || r.validUntil > todayIso() ? (
              <Button
                id={`beeindig-regel-${r.id}`}
                appearance="subtle-button"
                hint="danger"
                onClick={() => setEditing({ id: r.id, what: 'end' })}
                aria-label={t('rules.endN', { code: r.code })}
              >
                {t('rules.end')}
              </Button>
            ) : null}
          </div>
        </TableCell>
      </TableRow>
    );
  };

  return (
    <>
      <BackToAdmin />
      <Heading level={1}>{t('rules.title')}</Heading>
      <Paragraph>{t('rules.lead')}</Paragraph>
      <LiveStatus message={status} />

      <form className="regie-filters" onSubmit={apply} aria-label={t('rules.filters')}>
        <div className="regie-filters__grid">
          <SelectField
            name="filter-domain"
            label={t('rule.domain')}
            value={draft.domain}
            onChange={(v) => setDraft((d) => ({ ...d, domain: v }))}
            placeholder={t('cases.any')}
            options={domainOptions(t)}
          />
          <SelectField
            name="filter-strict"
            label={t('rule.strict')}
            value={draft.strict}
            onChange={(v) => setDraft((d) => ({ ...d, strict: v }))}
            placeholder={t('cases.any')}
            options={[
              { value: 'true', label: t('rules.onlyStrict') },
              { value: 'false', label: t('rules.onlyNotStrict') },
            ]}
          />
          <TextField name="filter-q" label={t('rules.q')} value={draft.q} onChange={(v) => setDraft((d) => ({ ...d, q: v }))} />
        </div>
        <CheckboxField name="filter-today" label={t('rules.citableToday')} checked={draft.today} onChange={(v) => setDraft((d) => ({ ...d, today: v }))} />
        <div className="regie-button-row">
          <Button type="submit" appearance="primary-action-button">
            {t('cases.search')}
          </Button>
        </div>
      </form>

      {data.loading && !data.data ? <Loading /> : null}
      {data.error ? <ErrorAlert error={data.error} /> : null}
      {data.data ? (
        data.data.items.length ? (
          <WideTable caption={t('rules.caption', { count: data.data.items.length })}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('rule.code')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('rule.title')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('rule.legalSource')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('rule.domain')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('rule.strict')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('rules.validity')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>{data.data.items.map(row)}</TableBody>
          </WideTable>
        ) : (
          <Paragraph>{t('rules.empty')}</Paragraph>
        )
      ) : null}

      <Section title={t('rules.add')} className="regie-section regie-panel">
        <RuleForm
          onDone={(saved) => {
            if (saved) {
              setStatus(t('rules.added', { code: saved.code }));
              data.reload();
            }
          }}
        />
      </Section>

      <Section title={t('rules.import')} className="regie-section regie-panel">
        <RuleImport onImported={() => data.reload()} />
      </Section>

      <Section title={t('rules.export')}>
        <Paragraph>{t('rules.exportLead')}</Paragraph>
        <div className="regie-button-row">
          <ButtonLink appearance="secondary-action-button" href={downloads.rulesExport('csv')} download="regelregister.csv">
            {t('rules.exportCsv')}
          </ButtonLink>
          <ButtonLink appearance="secondary-action-button" href={downloads.rulesExport('json')} download="regelregister.json">
            {t('rules.exportJson')}
          </ButtonLink>
        </div>
      </Section>
    </>
  );
}
