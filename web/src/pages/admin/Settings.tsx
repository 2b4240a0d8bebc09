// The municipality's settings: the plan term (calendar days) and extra closing days
// on top of the Dutch public holidays, and the retention term of personal data
// (docs/product.md#bewaartermijn).
import { Button, DataList, Heading } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../api.js';
import { Fact } from '../../components/Fact.js';
import { TextAreaField, TextField } from '../../components/Fields.js';
import { ErrorAlert, ErrorSummary, LiveStatus, Loading } from '../../components/feedback.js';
import type { FieldErrors } from '../../components/forms.js';
import { useCheckedSubmit, useLoad, usePageTitle } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';
import { BackToAdmin } from './AdminHome.js';

export function SettingsPage() {
  const { t } = useI18n();
  usePageTitle(t('admin.settings'));
  const settings = useLoad((signal) => api.settings(signal), []);
  const submit = useCheckedSubmit(['planTermDays', 'extraHolidays', 'personalDataRetentionMonths']);
  const [term, setTerm] = useState('');
  const [holidays, setHolidays] = useState('');
  const [retention, setRetention] = useState('');
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    if (!settings.data) return;
    setTerm(String(settings.data.planTermDays));
    setHolidays(settings.data.extraHolidays.join('\n'));
    setRetention(settings.data.personalDataRetentionMonths === null ? '' : String(settings.data.personalDataRetentionMonths));
  }, [settings.data]);

  const labels = {
    planTermDays: t('settings.planTermDays'),
    extraHolidays: t('settings.extraHolidays'),
    personalDataRetentionMonths: t('settings.retention'),
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const c: FieldErrors = {};
    const days = Number(term);
    if (!Number.isInteger(days) || days < 1 || days > 365) c.planTermDays = t('settings.error.term');
    const dates = holidays
      .split(/[\s,;]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = dates.find((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d));
    if (bad) c.extraHolidays = t('settings.error.date', { value: bad });
    const months = retention.trim() === '' ? null : Number(retention);
    if (months !== null && (!Number.isInteger(months) || months < 6 || months > 240)) c.personalDataRetentionMonths = t('settings.retentionHelp');
    setStatus(null);
    if (!submit.checked(c)) return;
    const s = await submit.run(() => api.updateSettings({ planTermDays: days, extraHolidays: dates, personalDataRetentionMonths: months }));
    if (s) {
      settings.setData(s);
      setStatus(t('settings.saved'));
    }
  }

  const errors = submit.errors;
  return (
    <>
      <BackToAdmin />
      <Heading level={1}>{t('admin.settings')}</Heading>
      <LiveStatus message={status} />
      {settings.loading && !settings.data ? <Loading /> : null}
      {settings.error ? <ErrorAlert error={settings.error} /> : null}
      {settings.data ? (
        <>
          <DataList className="regie-datalist">
            <Fact k={t('settings.name')}>{settings.data.name}</Fact>
            <Fact k={t('settings.slug')}>{settings.data.slug}</Fact>
            <Fact k={t('settings.casePrefix')}>{settings.data.casePrefix}</Fact>
          </DataList>
          <form noValidate onSubmit={onSubmit} className="regie-form">
            <ErrorSummary error={submit.error} errors={errors} labels={labels} />
            <TextField
              name="planTermDays"
              type="number"
              inputMode="numeric"
              min={1}
              max={365}
              label={labels.planTermDays}
              description={t('settings.planTermDaysHint')}
              value={term}
              onChange={setTerm}
              error={errors.planTermDays}
              required
              size="sm"
            />
            <TextAreaField
              name="extraHolidays"
              label={labels.extraHolidays}
              description={t('settings.extraHolidaysHint')}
              value={holidays}
              onChange={setHolidays}
              error={errors.extraHolidays}
              rows={6}
              optional
            />
            <TextField
              name="personalDataRetentionMonths"
              type="number"
              inputMode="numeric"
              min={6}
              max={240}
              label={labels.personalDataRetentionMonths}
              description={t('settings.retentionHelp')}
              value={retention}
              onChange={setRetention}
              error={errors.personalDataRetentionMonths}
              optional
              size="sm"
            />
            <Button type="submit" appearance="primary-action-button" busy={submit.busy}>
              {t('settings.save')}
            </Button>
          </form>
        </>
      ) : null}
    </>
  );
}
