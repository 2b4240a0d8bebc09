// /wachtwoord/instellen#<token>: a staff member sets their password with the link from
// their invitation or from "Wachtwoord vergeten" (docs/product.md#staff-accounts). The
// token sits in the fragment so it never reaches a server log.
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api.js';
import { PasswordField, TextField } from '../components/Fields.js';
import { ErrorSummary, LiveStatus as LiveStatusBlock } from '../components/feedback.js';
import type { FieldErrors } from '../components/forms.js';
import { AppLink } from '../components/links.js';
import { homeOf, useCurrentUser } from '../currentUser.js';
import { useCheckedSubmit, usePageTitle } from '../hooks.js';
import { useI18n } from '../i18n/index.js';

const IDS = { password: 'new-password', repeat: 'repeat-password' };
const FORGOT_EMAIL_ID = 'forgot-email';

export function SetPassword() {
  const { t } = useI18n();
  usePageTitle(t('setPassword.title'));
  const { setMe } = useCurrentUser();
  const navigate = useNavigate();
  const submit = useCheckedSubmit(['password']);
  const [token, setToken] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const labels = { password: t('setPassword.password'), repeat: t('setPassword.repeat') };

  useEffect(() => {
    setToken(decodeURIComponent(window.location.hash.slice(1)));
  }, []);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const c: FieldErrors = {};
    if (password.length < 12) c.password = t('setPassword.error.short');
    else if (password !== repeat) c.repeat = t('setPassword.error.repeat');
    if (!submit.checked(c)) return;
    const done = await submit.run(async () => {
      await api.setPasswordWithLink(token ?? '', password);
      return api.me();
    });
    if (!done) return;
    window.history.replaceState(null, '', window.location.pathname);
    setMe(done);
    navigate(homeOf(done), { replace: true });
  }

  return (
    <>
      <Heading level={1}>{t('setPassword.title')}</Heading>
      {token === '' ? (
        <Paragraph>{t('setPassword.missing')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('setPassword.text')}</Paragraph>
          <form noValidate onSubmit={onSubmit} className="regie-panel">
            <ErrorSummary error={submit.error} errors={submit.errors} labels={labels} ids={IDS} />
            <PasswordField
              name="password"
              id={IDS.password}
              kind="new"
              label={labels.password}
              value={password}
              onChange={setPassword}
              error={submit.errors.password}
            />
            <PasswordField name="repeat" id={IDS.repeat} kind="new" label={labels.repeat} value={repeat} onChange={setRepeat} error={submit.errors.repeat} />
            <Button type="submit" appearance="primary-action-button" busy={submit.busy}>
              {t('setPassword.submit')}
            </Button>
          </form>
        </>
      )}
      <Paragraph>
        <AppLink to="/wachtwoord-vergeten">{t('setPassword.requestNew')}</AppLink>
      </Paragraph>
    </>
  );
}

/** /wachtwoord-vergeten: ask for a reset link; the answer is the same for any address. */
export function ForgotPassword() {
  const { t } = useI18n();
  usePageTitle(t('forgot.title'));
  const submit = useCheckedSubmit(['email']);
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const labels = { email: t('forgot.email') };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSent(null);
    if (!submit.checked(email.trim() ? {} : { email: t('login.error.email') })) return;
    const r = await submit.run(() => api.requestPasswordReset(email.trim()));
    if (r) setSent(t('forgot.sent', { email: email.trim() }));
  }

  return (
    <>
      <Heading level={1}>{t('forgot.title')}</Heading>
      <Paragraph>{t('forgot.text')}</Paragraph>
      <form noValidate onSubmit={onSubmit} className="regie-panel">
        <ErrorSummary error={submit.error} errors={submit.errors} labels={labels} ids={{ email: FORGOT_EMAIL_ID }} />
        <TextField
          name="email"
          id={FORGOT_EMAIL_ID}
          type="email"
          label={labels.email}
          value={email}
          onChange={setEmail}
          error={submit.errors.email}
          required
          autoComplete="username"
        />
        <Button type="submit" appearance="primary-action-button" busy={submit.busy}>
          {t('forgot.submit')}
        </Button>
      </form>
      <LiveStatusBlock message={sent} />
      <Paragraph>
        <AppLink to="/inloggen">{t('forgot.backToLogin')}</AppLink>
      </Paragraph>
    </>
  );
}
