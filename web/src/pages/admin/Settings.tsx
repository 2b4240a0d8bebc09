// The municipality's settings: the plan term (calendar days) and extra closing days
// on top of the Dutch public holidays, and the retention term of personal data
// (docs/product.md#bewaartermijn), and its contact details, logo and house colour
// (docs/product.md#the-municipalitys-own-look).
import { Button, DataList, Heading, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../api.js';
import { Fact } from '../../components/Fact.js';
import { CheckboxField, FileField, TextAreaField, TextField } from '../../components/Fields.js';
import { ErrorAlert, ErrorSummary, LiveStatus, Loading } from '../../components/feedback.js';
import type { FieldErrors } from '../../components/forms.js';
import { LOOK_CHANGED } from '../../components/Layout.js';
import { useCheckedSubmit, useLoad, usePageTitle } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';
import { BenchmarkSettingsForm } from '../benchmark/BenchmarkSettings.js';
import { LoginSettingsSection } from '../login/LoginSettings.js';
import { SatisfactionSetting } from '../satisfaction/SatisfactionSetting.js';
import { BackToAdmin } from './AdminHome.js';
import { AttachmentLimits } from './AttachmentLimits.js';

/** The file's bytes as base64, as the settings endpoint takes a logo. */
async function asBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function SettingsPage() {
  const { t } = useI18n();
  usePageTitle(t('admin.settings'));
  const settings = useLoad((signal) => api.settings(signal), []);
  const submit = useCheckedSubmit([
    'planTermDays',
    'extraHolidays',
    'personalDataRetentionMonths',
    'contactEmail',
    'contactPhone',
    'contactWebsite',
    'primaryColor',
    'logo',
  ]);
  const [term, setTerm] = useState('');
  const [holidays, setHolidays] = useState('');
  const [retention, setRetention] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [contactEmail, setContactEmail] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [contactWebsite, setContactWebsite] = useState('');
  const [primaryColor, setPrimaryColor] = useState('');
  const [logoFile, setLogoFile] = useState<File | null>(null);
  const [removeLogo, setRemoveLogo] = useState(false);

  useEffect(() => {
    if (!settings.data) return;
    setTerm(String(settings.data.planTermDays));
    setHolidays(settings.data.extraHolidays.join('\n'));
    setRetention(settings.data.personalDataRetentionMonths === null ? '' : String(settings.data.personalDataRetentionMonths));
    setContactEmail(settings.data.contactEmail ?? '');
    setContactPhone(settings.data.contactPhone ?? '');
    setContactWebsite(settings.data.contactWebsite ?? '');
    setPrimaryColor(settings.data.primaryColor ?? '');
    setRemoveLogo(false);
  }, [settings.data]);

  const labels = {
    planTermDays: t('settings.planTermDays'),
    extraHolidays: t('settings.extraHolidays'),
    personalDataRetentionMonths: t('settings.retention'),
    contactEmail: t('settings.contactEmail'),
    contactPhone: t('settings.contactPhone'),
    contactWebsite: t('settings.contactWebsite'),
    primaryColor: t('settings.primaryColor'),
    logo: t('settings.logo'),
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
    const email = contactEmail.trim();
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) c.contactEmail = t('settings.error.email');
    const website = contactWebsite.trim();
    if (website && !/^https:\/\/\S+\.\S+$/i.test(website)) c.contactWebsite = t('settings.error.website');
    const colour = primaryColor.trim().toLowerCase();
    if (colour && !/^#[0-9a-f]{6}$/.test(colour)) c.primaryColor = t('settings.error.colour');
    // The server recognises the file by its content; a browser may not name an SVG's type.
    if (logoFile && (logoFile.size > 100 * 1024 || (logoFile.type !== '' && !['image/png', 'image/svg+xml'].includes(logoFile.type))))
      c.logo = t('settings.error.logo');
    setStatus(null);
    if (!submit.checked(c)) return;
    const logo = logoFile ? await asBase64(logoFile) : removeLogo ? null : undefined;
    const s = await submit.run(() =>
      api.updateSettings({
        planTermDays: days,
        extraHolidays: dates,
        personalDataRetentionMonths: months,
        contactEmail: email || null,
        contactPhone: contactPhone.trim() || null,
        contactWebsite: website || null,
        primaryColor: colour || null,
        ...(logo !== undefined ? { logo } : {}),
      }),
    );
    if (s) {
      settings.setData(s);
      setLogoFile(null);
      setStatus(t('settings.saved'));
      // The page frame shows the new look at once.
      window.dispatchEvent(new Event(LOOK_CHANGED));
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
            <Heading level={2}>{t('settings.look')}</Heading>
            <Paragraph>{t('settings.lookHint')}</Paragraph>
            <TextField
              name="contactEmail"
              type="email"
              autoComplete="off"
              label={labels.contactEmail}
              value={contactEmail}
              onChange={setContactEmail}
              error={errors.contactEmail}
              optional
            />
            <TextField
              name="contactPhone"
              type="tel"
              inputMode="tel"
              autoComplete="off"
              label={labels.contactPhone}
              value={contactPhone}
              onChange={setContactPhone}
              error={errors.contactPhone}
              optional
            />
            <TextField
              name="contactWebsite"
              type="url"
              autoComplete="off"
              label={labels.contactWebsite}
              description={t('settings.contactWebsiteHint')}
              value={contactWebsite}
              onChange={setContactWebsite}
              error={errors.contactWebsite}
              optional
            />
            <TextField
              name="primaryColor"
              label={labels.primaryColor}
              description={t('settings.primaryColorHint')}
              value={primaryColor}
              onChange={setPrimaryColor}
              error={errors.primaryColor}
              optional
              size="sm"
            />
            {settings.data.logoUrl ? (
              <div className="regie-logo-preview">
                <Paragraph>{t('settings.logoCurrent')}</Paragraph>
                <img src={settings.data.logoUrl} alt={t('layout.logoAlt', { name: settings.data.name })} className="regie-brand__logo" />
                <CheckboxField name="removeLogo" label={t('settings.logoRemove')} checked={removeLogo} onChange={setRemoveLogo} />
              </div>
            ) : null}
            <FileField
              name="logo"
              accept="image/png,image/svg+xml"
              label={labels.logo}
              description={t('settings.logoHint')}
              onFile={setLogoFile}
              error={errors.logo}
              optional
            />
            <Button type="submit" appearance="primary-action-button" busy={submit.busy}>
              {t('settings.save')}
            </Button>
          </form>
          <BenchmarkSettingsForm />
          <SatisfactionSetting />
          <AttachmentLimits />
          <LoginSettingsSection />
        </>
      ) : null}
    </>
  );
}
