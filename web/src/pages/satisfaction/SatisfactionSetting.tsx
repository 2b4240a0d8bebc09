// The municipality's setting for the report mark (docs/product.md#the-report-mark): also
// ask at plan agreement (off by default). A block of its own on the admin's settings page.
import { Button, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { api } from '../../api.js';
import { CheckboxField } from '../../components/Fields.js';
import { ErrorAlert, LiveStatus } from '../../components/feedback.js';
import { Section } from '../../components/Section.js';
import { useLoad, useSubmit } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';

export function SatisfactionSetting() {
  const { t } = useI18n();
  const settings = useLoad((signal) => api.satisfactionSettings(signal), []);
  const submit = useSubmit();
  // What the admin chose, else the saved setting: the box never shows the default
  // before the setting it stands for (no render in between that says "off").
  const [choice, setChoice] = useState<boolean | null>(null);
  const atPlan = choice ?? settings.data?.askAtPlanAgreement ?? false;
  const [status, setStatus] = useState<string | null>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setStatus(null);
    const s = await submit.run(() => api.updateSatisfactionSettings(atPlan));
    if (s) {
      settings.setData(s);
      setStatus(t('settings.surveySaved'));
    }
  }
  return (
    <Section title={t('settings.survey')}>
      <Paragraph>{t('settings.surveyHint')}</Paragraph>
      <LiveStatus message={status} />
      {settings.error ? <ErrorAlert error={settings.error} /> : null}
      {submit.error ? <ErrorAlert error={submit.error} /> : null}
      {settings.data ? (
        <form noValidate onSubmit={onSubmit} className="regie-form">
          <CheckboxField name="askAtPlanAgreement" label={t('settings.surveyAtPlan')} checked={atPlan} onChange={setChoice} />
          <Button type="submit" appearance="secondary-action-button" busy={submit.busy}>
            {t('settings.surveySave')}
          </Button>
        </form>
      ) : null}
    </Section>
  );
}
