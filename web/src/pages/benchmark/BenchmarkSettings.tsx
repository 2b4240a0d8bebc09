// The admin's block for comparing municipalities on the settings page
// (docs/product.md#comparing-municipalities): inhabitants (the size class), taking part,
// publishing the figures and the licence of the open data. Off until turned on.
import { Button, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../api.js';
import { CheckboxField, RadioGroup, TextField } from '../../components/Fields.js';
import { ErrorAlert, ErrorSummary, LiveStatus } from '../../components/feedback.js';
import { AppLink } from '../../components/links.js';
import { Section } from '../../components/Section.js';
import { useCheckedSubmit, useLoad } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';

const LICENCES = ['CC0-1.0', 'CC-BY-4.0'] as const;

export function BenchmarkSettingsForm() {
  const { t } = useI18n();
  const settings = useLoad((signal) => api.benchmarkSettings(signal), []);
  const submit = useCheckedSubmit(['inhabitants', 'benchmarkOptIn', 'publishFigures', 'openDataLicence']);
  const [inhabitants, setInhabitants] = useState('');
  const [optIn, setOptIn] = useState(false);
  const [publish, setPublish] = useState(false);
  const [licence, setLicence] = useState<(typeof LICENCES)[number]>('CC0-1.0');
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    const s = settings.data;
    if (!s) return;
    setInhabitants(s.inhabitants === null ? '' : String(s.inhabitants));
    setOptIn(s.benchmarkOptIn);
    setPublish(s.publishFigures);
    setLicence(s.openDataLicence);
  }, [settings.data]);

  const labels = {
    inhabitants: t('benchmarkSettings.inhabitants'),
    benchmarkOptIn: t('benchmarkSettings.optIn'),
    publishFigures: t('benchmarkSettings.publish'),
    openDataLicence: t('benchmarkSettings.licence'),
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const n = inhabitants.trim() === '' ? null : Number(inhabitants);
    setStatus(null);
    if (!submit.checked(n !== null && (!Number.isInteger(n) || n < 0) ? { inhabitants: t('benchmarkSettings.error.inhabitants') } : {})) return;
    const s = await submit.run(() => api.updateBenchmarkSettings({ inhabitants: n, benchmarkOptIn: optIn, publishFigures: publish, openDataLicence: licence }));
    if (s) {
      settings.setData(s);
      setStatus(t('benchmarkSettings.saved'));
    }
  }

  return (
    <Section title={t('benchmarkSettings.heading')} level={2}>
      <Paragraph>{t('benchmarkSettings.lead')}</Paragraph>
      <LiveStatus message={status} />
      {settings.error ? <ErrorAlert error={settings.error} /> : null}
      {settings.data ? (
        <form noValidate onSubmit={onSubmit} className="regie-form">
          <ErrorSummary error={submit.error} errors={submit.errors} labels={labels} />
          <TextField
            name="inhabitants"
            type="number"
            inputMode="numeric"
            min={0}
            label={labels.inhabitants}
            description={
              settings.data.sizeClass
                ? `${t('benchmarkSettings.inhabitantsHint')} ${t('benchmark.sizeClass', { sizeClass: t(`sizeClass.${settings.data.sizeClass}`) })}`
                : t('benchmarkSettings.inhabitantsHint')
            }
            value={inhabitants}
            onChange={setInhabitants}
            error={submit.errors.inhabitants}
            optional
            size="sm"
          />
          <CheckboxField name="benchmarkOptIn" label={labels.benchmarkOptIn} checked={optIn} onChange={setOptIn} />
          <CheckboxField name="publishFigures" label={labels.publishFigures} checked={publish} onChange={setPublish} />
          <RadioGroup
            name="openDataLicence"
            legend={labels.openDataLicence}
            options={LICENCES.map((l) => ({ value: l, label: t(`licence.${l}`) }))}
            value={licence}
            onChange={(v) => setLicence(v as (typeof LICENCES)[number])}
            error={submit.errors.openDataLicence}
          />
          <Button type="submit" appearance="primary-action-button" busy={submit.busy}>
            {t('benchmarkSettings.save')}
          </Button>
        </form>
      ) : null}
      {settings.data?.publishFigures ? (
        <Paragraph>
          <AppLink to={settings.data.publicPage}>{t('benchmarkSettings.publicPage')}</AppLink>
        </Paragraph>
      ) : null}
    </Section>
  );
}
