// /beheer/samenwerkingsafspraken — the admin's sharing agreements with other municipalities
// (docs/product.md#sharing-agreements-between-municipalities): what each provides, the
// scope and period, both admins' approvals with who and when, and the buttons the
// abilities allow: approve for the own municipality, end. A proposal offers the own
// departments to another municipality, named by its code (slug), optionally for some of
// its themes only (docs/product.md#themes-in-a-sharing-agreement).
import { Button, Heading, Paragraph, Textarea } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { intermunicipalApi, type SharingAgreement } from '../../api/intermunicipal.js';
import type { components } from '../../api/schema.js';
import { ApiError, api } from '../../api.js';
import { CheckboxGroup, TextAreaField, TextField } from '../../components/Fields.js';
import { ErrorAlert, ErrorSummary, Loading } from '../../components/feedback.js';
import { Section } from '../../components/Section.js';
import { useCheckedSubmit, useLoad, usePageTitle } from '../../hooks.js';
import { type MessageKey, useI18n } from '../../i18n/index.js';

type Domain = components['schemas']['SharingAgreement']['ruleDomains'][number];
const DOMAINS: Domain[] = ['social', 'physical', 'safety', 'economy', 'governance'];
const FIELDS = ['receiverMunicipality', 'what', 'departmentIds', 'ruleDomains', 'themeIds', 'validFrom', 'validUntil'];

function ProposeForm({ departments, onDone }: { departments: { id: string; name: string }[]; onDone(): void }) {
  const { t } = useI18n();
  const submit = useCheckedSubmit(FIELDS);
  const [receiver, setReceiver] = useState('');
  const [what, setWhat] = useState('');
  const [departmentIds, setDepartmentIds] = useState<string[]>([]);
  const [domains, setDomains] = useState<string[]>([]);
  // The receiving municipality's themes (docs/product.md#themes-in-a-sharing-agreement).
  const [themes, setThemes] = useState<{ id: string; name: string }[] | null>(null);
  const [themeIds, setThemeIds] = useState<string[]>([]);
  const [themesError, setThemesError] = useState<ApiError | null>(null);
  const [validFrom, setValidFrom] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const labels: Record<string, string> = {
    receiverMunicipality: t('agreements.receiver'),
    what: t('agreements.what'),
    departmentIds: t('agreements.departments'),
    ruleDomains: t('agreements.domains'),
    themeIds: t('agreements.themes'),
    validFrom: t('agreements.validFrom'),
    validUntil: t('agreements.validUntil'),
  };
  async function handle(e: FormEvent) {
    e.preventDefault();
    const c: Record<string, string> = {};
    if (!receiver.trim()) c.receiverMunicipality = t('agreements.error.receiver');
    if (!what.trim()) c.what = t('agreements.error.what');
    if (!departmentIds.length) c.departmentIds = t('agreements.error.departments');
    if (!validFrom) c.validFrom = t('agreements.error.validFrom');
    if (!submit.checked(c)) return;
    const done = await submit.run(() =>
      intermunicipalApi.propose({
        receiverMunicipality: receiver.trim(),
        what: what.trim(),
        departmentIds,
        ruleDomains: domains as Domain[],
        themeIds,
        validFrom,
        validUntil: validUntil || null,
      }),
    );
    if (done) {
      setReceiver('');
      setWhat('');
      setDepartmentIds([]);
      setDomains([]);
      setThemes(null);
      setThemeIds([]);
      setValidFrom('');
      setValidUntil('');
      onDone();
    }
  }
  const errors = submit.errors;
  async function loadThemes() {
    setThemesError(null);
    setThemeIds([]);
    try {
      setThemes((await intermunicipalApi.receiverThemes(receiver.trim())).items);
    } catch (e) {
      setThemes(null);
      if (e instanceof ApiError) setThemesError(e);
      else throw e;
    }
  }
  return (
    <form noValidate onSubmit={handle} className="regie-form">
      <ErrorSummary error={submit.error} errors={errors} labels={labels} />
      <TextField
        name="receiverMunicipality"
        label={labels.receiverMunicipality}
        description={t('agreements.receiverHint')}
        value={receiver}
        onChange={setReceiver}
        error={errors.receiverMunicipality}
        autoComplete="off"
        required
      />
      <TextAreaField
        name="what"
        label={labels.what}
        description={t('agreements.whatHint')}
        value={what}
        onChange={setWhat}
        error={errors.what}
        required
        rows={3}
      />
      <CheckboxGroup
        name="departmentIds"
        legend={labels.departmentIds}
        description={t('agreements.departmentsHint')}
        options={departments.map((d) => ({ value: d.id, label: d.name }))}
        value={departmentIds}
        onChange={setDepartmentIds}
        error={errors.departmentIds}
      />
      <CheckboxGroup
        name="ruleDomains"
        legend={labels.ruleDomains}
        description={t('agreements.domainsHint')}
        options={DOMAINS.map((d) => ({ value: d, label: t(`domain.${d}` as MessageKey) }))}
        value={domains}
        onChange={setDomains}
        error={errors.ruleDomains}
      />
      {themes ? (
        <CheckboxGroup
          name="themeIds"
          legend={labels.themeIds}
          description={t('agreements.themesHint')}
          options={themes.map((x) => ({ value: x.id, label: x.name }))}
          value={themeIds}
          onChange={setThemeIds}
          error={errors.themeIds}
        />
      ) : (
        <div className="regie-field">
          <Paragraph>{t('agreements.themesNone')}</Paragraph>
          {themesError ? <ErrorAlert error={themesError} /> : null}
          <Button type="button" appearance="secondary-action-button" disabled={!receiver.trim()} onClick={loadThemes}>
            {t('agreements.themesLoad')}
          </Button>
        </div>
      )}
      <TextField name="validFrom" type="date" label={labels.validFrom} value={validFrom} onChange={setValidFrom} error={errors.validFrom} required />
      <TextField
        name="validUntil"
        type="date"
        label={labels.validUntil}
        optional
        description={t('agreements.validUntilHint')}
        value={validUntil}
        onChange={setValidUntil}
        error={errors.validUntil}
      />
      <Button type="submit" appearance="primary-action-button" busy={submit.busy}>
        {t('agreements.propose')}
      </Button>
    </form>
  );
}

function AgreementCard({ a, onChanged }: { a: SharingAgreement; onChanged(): void }) {
  const { t, date } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const act = async (f: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const approval = (w: SharingAgreement['approvals']['provider']) =>
    w ? t('agreements.approvedBy', { name: w.byName, date: date(w.at.slice(0, 10)) }) : t('agreements.notApproved');
  const reasonId = `end-reason-${a.id}`;
  return (
    <Section title={`${a.provider.name} → ${a.receiver.name}`} level={3} className="regie-section regie-panel">
      <Paragraph>
        <strong>{t(`agreements.status.${a.status}` as MessageKey)}</strong> · {t(a.side === 'provider' ? 'agreements.sideProvider' : 'agreements.sideReceiver')}
      </Paragraph>
      <Paragraph>{a.what}</Paragraph>
      <dl className="regie-facts">
        <dt>{t('agreements.departments')}</dt>
        <dd>{a.departments.map((d) => d.name).join(', ')}</dd>
        <dt>{t('agreements.domains')}</dt>
        <dd>{a.ruleDomains.length ? a.ruleDomains.map((d) => t(`domain.${d}` as MessageKey)).join(', ') : t('agreements.allDomains')}</dd>
        <dt>{t('agreements.themes')}</dt>
        <dd>{a.themes.length ? a.themes.map((x) => x.name).join(', ') : t('agreements.allThemes')}</dd>
        <dt>{t('agreements.period')}</dt>
        <dd>
          {a.validUntil
            ? t('agreements.periodFromTo', { from: date(a.validFrom), to: date(a.validUntil) })
            : t('agreements.periodFrom', { from: date(a.validFrom) })}
        </dd>
        <dt>{t('agreements.approvalOf', { name: a.provider.name })}</dt>
        <dd>{approval(a.approvals.provider)}</dd>
        <dt>{t('agreements.approvalOf', { name: a.receiver.name })}</dt>
        <dd>{approval(a.approvals.receiver)}</dd>
        {a.ended ? (
          <>
            <dt>{t('agreements.ended')}</dt>
            <dd>
              {a.ended.expired ? t('agreements.expired') : t('agreements.endedBy', { name: a.ended.byName ?? '', date: date((a.ended.at ?? '').slice(0, 10)) })}
              {a.ended.reason ? ` — ${a.ended.reason}` : ''}
            </dd>
          </>
        ) : null}
      </dl>
      {error ? <ErrorAlert error={error as never} /> : null}
      {a.abilities.approve ? (
        <Button appearance="primary-action-button" busy={busy} onClick={() => act(() => intermunicipalApi.approve(a))}>
          {t('agreements.approve', { name: a.side === 'provider' ? a.provider.name : a.receiver.name })}
        </Button>
      ) : null}
      {a.abilities.end ? (
        <div className="regie-form">
          <label htmlFor={reasonId} className="utrecht-form-label">
            {t('agreements.endReason')} <span className="regie-optional">{t('form.optional')}</span>
          </label>
          <Textarea id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
          <Button appearance="secondary-action-button" busy={busy} onClick={() => act(() => intermunicipalApi.end(a, reason))}>
            {t('agreements.end')}
          </Button>
        </div>
      ) : null}
    </Section>
  );
}

export function AgreementsPage() {
  const { t } = useI18n();
  usePageTitle(t('agreements.title'));
  const data = useLoad(async (signal) => {
    const [list, org] = await Promise.all([intermunicipalApi.agreements(signal), api.organisation(signal)]);
    return { items: list.items, departments: org.departments };
  }, []);
  return (
    <>
      <Heading level={1}>{t('agreements.title')}</Heading>
      <Paragraph>{t('agreements.lead')}</Paragraph>
      {data.loading && !data.data ? <Loading /> : null}
      {data.error ? <ErrorAlert error={data.error} /> : null}
      {data.data ? (
        <>
          <Section title={t('agreements.listTitle')}>
            {data.data.items.length ? (
              data.data.items.map((a) => <AgreementCard key={`${a.id}-${a.version}`} a={a} onChanged={data.reload} />)
            ) : (
              <Paragraph>{t('agreements.empty')}</Paragraph>
            )}
          </Section>
          <Section title={t('agreements.proposeTitle')} className="regie-section regie-panel">
            <Paragraph>{t('agreements.proposeLead')}</Paragraph>
            <ProposeForm departments={data.data.departments} onDone={data.reload} />
          </Section>
        </>
      ) : null}
    </>
  );
}
