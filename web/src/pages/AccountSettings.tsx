// "Mijn account" for staff: the phone number initiators see in the mail about their
// case director, and changing one's password (docs/product.md#staff-accounts).
import { Button, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../api.js';
import { PasswordField, TextField } from '../components/Fields.js';
import { ErrorAlert, ErrorSummary, LiveStatus, Loading } from '../components/feedback.js';
import type { FieldErrors } from '../components/forms.js';
import { Section } from '../components/Section.js';
import { useCheckedSubmit, useLoad } from '../hooks.js';
import { useI18n } from '../i18n/index.js';

const IDS = { phone: 'account-phone', current: 'account-current-password', password: 'account-new-password' };

export function OwnDetails() {
  const { t } = useI18n();
  const account = useLoad((signal) => api.ownAccount(signal), []);
  const save = useCheckedSubmit(['phone']);
  const [phone, setPhone] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    if (account.data && phone === null) setPhone(account.data.phone ?? '');
  }, [account.data, phone]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setStatus(null);
    if (!save.checked({})) return;
    const r = await save.run(() => api.updateOwnAccount(phone?.trim() ? phone.trim() : null));
    if (r) setStatus(t('account.phoneSaved'));
  }

  return (
    <Section title={t('account.details')} className="regie-section regie-panel">
      {account.loading && !account.data ? <Loading /> : null}
      {account.error ? <ErrorAlert error={account.error} /> : null}
      {account.data ? (
        <form noValidate onSubmit={onSubmit} className="regie-inline-form">
          <ErrorSummary error={save.error} errors={save.errors} labels={{ phone: t('account.phone') }} ids={{ phone: IDS.phone }} />
          <TextField
            name="phone"
            id={IDS.phone}
            type="tel"
            inputMode="tel"
            label={t('account.phone')}
            description={t('account.phoneHint')}
            value={phone ?? ''}
            onChange={setPhone}
            error={save.errors.phone}
            autoComplete="tel"
          />
          <Button type="submit" appearance="secondary-action-button" busy={save.busy}>
            {t('account.savePhone')}
          </Button>
        </form>
      ) : null}
      <LiveStatus message={status} />
    </Section>
  );
}

export function ChangePassword() {
  const { t } = useI18n();
  const submit = useCheckedSubmit(['current', 'password']);
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const labels = { current: t('account.currentPassword'), password: t('account.newPassword') };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setStatus(null);
    const c: FieldErrors = {};
    if (!current) c.current = t('account.error.current');
    if (password.length < 12) c.password = t('setPassword.error.short');
    if (!submit.checked(c)) return;
    const ok = await submit.run(async () => {
      await api.changePassword(current, password);
      return true;
    });
    if (ok) {
      setCurrent('');
      setPassword('');
      setStatus(t('account.passwordChanged'));
    }
  }

  return (
    <Section title={t('account.password')} className="regie-section regie-panel">
      <Paragraph>{t('account.passwordText')}</Paragraph>
      <form noValidate onSubmit={onSubmit}>
        <ErrorSummary error={submit.error} errors={submit.errors} labels={labels} ids={{ current: IDS.current, password: IDS.password }} />
        <PasswordField
          name="current"
          id={IDS.current}
          kind="current"
          label={labels.current}
          value={current}
          onChange={setCurrent}
          error={submit.errors.current}
        />
        <PasswordField
          name="password"
          id={IDS.password}
          kind="new"
          label={labels.password}
          value={password}
          onChange={setPassword}
          error={submit.errors.password}
        />
        <Button type="submit" appearance="primary-action-button" busy={submit.busy}>
          {t('account.changePassword')}
        </Button>
      </form>
      <LiveStatus message={status} />
    </Section>
  );
}
