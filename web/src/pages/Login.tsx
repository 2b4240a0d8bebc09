// Staff log in with e-mail and password; initiators ask for a login link by e-mail.
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../api.js';
import { SelectField, TextField } from '../components/Fields.js';
import { ErrorSummary, LiveStatus } from '../components/feedback.js';
import { type FieldErrors, fieldErrors } from '../components/forms.js';
import { Section } from '../components/Section.js';
import { homeOf, useCurrentUser } from '../currentUser.js';
import { useLoad, usePageTitle, useSubmit } from '../hooks.js';
import { useI18n } from '../i18n/index.js';

// Two forms on one page both have an e-mail field: give each input its own id.
const IDS = { loginEmail: 'login-email', loginPassword: 'login-password', linkMunicipality: 'link-municipality', linkEmail: 'link-email' };

/** Only paths inside the app, never another site. */
const safeNext = (s: string | null) => (s?.startsWith('/') && !s.startsWith('//') ? s : null);

export function Login() {
  const { t } = useI18n();
  usePageTitle(t('login.title'));
  return (
    <>
      <Heading level={1}>{t('login.title')}</Heading>
      <div className="regie-columns">
        <StaffLogin />
        <LoginLinkRequest />
      </div>
    </>
  );
}

function StaffLogin() {
  const { t } = useI18n();
  const { setMe } = useCurrentUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const submit = useSubmit();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [client, setClient] = useState<FieldErrors>({});
  const labels = { email: t('login.email'), password: t('login.password') };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const c: FieldErrors = {};
    if (!email.trim()) c.email = t('login.error.email');
    if (!password) c.password = t('login.error.password');
    setClient(c);
    submit.setError(null);
    if (Object.keys(c).length) return;
    const me = await submit.run(() => api.login(email.trim(), password));
    if (!me) return;
    setMe(me);
    navigate(safeNext(params.get('volgende')) ?? homeOf(me), { replace: true });
  }

  const errors = fieldErrors(submit.error, ['email', 'password'], client);
  return (
    <Section title={t('login.staffTitle')} className="regie-panel">
      <Paragraph>{t('login.staffText')}</Paragraph>
      <form noValidate onSubmit={onSubmit}>
        <ErrorSummary error={submit.error} errors={errors} labels={labels} ids={{ email: IDS.loginEmail, password: IDS.loginPassword }} />
        <TextField
          name="email"
          id={IDS.loginEmail}
          type="email"
          label={labels.email}
          value={email}
          onChange={setEmail}
          error={errors.email}
          required
          autoComplete="username"
        />
        <TextField
          name="password"
          id={IDS.loginPassword}
          type="password"
          label={labels.password}
          value={password}
          onChange={setPassword}
          error={errors.password}
          required
          autoComplete="current-password"
        />
        <Button type="submit" appearance="primary-action-button" busy={submit.busy}>
          {t('login.submit')}
        </Button>
      </form>
    </Section>
  );
}

function LoginLinkRequest() {
  const { t } = useI18n();
  const submit = useSubmit();
  const municipalities = useLoad((signal) => api.municipalities(signal), []);
  const [municipality, setMunicipality] = useState('');
  const [email, setEmail] = useState('');
  const [client, setClient] = useState<FieldErrors>({});
  const [sent, setSent] = useState<string | null>(null);
  const labels = { municipality: t('login.link.municipality'), email: t('login.link.email') };
  const items = municipalities.data?.items ?? [];
  const chosen = municipality || (items.length === 1 ? (items[0]?.slug ?? '') : '');

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const c: FieldErrors = {};
    if (!chosen) c.municipality = t('login.link.error.municipality');
    if (!email.trim()) c.email = t('login.error.email');
    setClient(c);
    setSent(null);
    submit.setError(null);
    if (Object.keys(c).length) return;
    const r = await submit.run(() => api.requestLoginLink(chosen, email.trim()));
    if (r) setSent(t('login.link.sent', { email: email.trim() }));
  }

  const errors = fieldErrors(submit.error, ['municipality', 'email'], client);
  return (
    <Section title={t('login.link.title')} className="regie-panel" anchor="inloglink">
      <Paragraph>{t('login.link.text')}</Paragraph>
      <form noValidate onSubmit={onSubmit}>
        <ErrorSummary error={submit.error} errors={errors} labels={labels} ids={{ municipality: IDS.linkMunicipality, email: IDS.linkEmail }} />
        <SelectField
          name="municipality"
          id={IDS.linkMunicipality}
          label={labels.municipality}
          value={chosen}
          onChange={setMunicipality}
          error={errors.municipality}
          required
          placeholder={t('login.link.chooseMunicipality')}
          options={items.map((m) => ({ value: m.slug, label: m.name }))}
        />
        <TextField
          name="email"
          id={IDS.linkEmail}
          type="email"
          label={labels.email}
          value={email}
          onChange={setEmail}
          error={errors.email}
          required
          autoComplete="email"
        />
        <Button type="submit" appearance="secondary-action-button" busy={submit.busy}>
          {t('login.link.submit')}
        </Button>
      </form>
      <LiveStatus message={sent} />
    </Section>
  );
}
