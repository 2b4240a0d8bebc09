// Staff log in with e-mail and password; initiators ask for a login link by e-mail.
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, api } from '../api.js';
import { SelectField, TextField } from '../components/Fields.js';
import { ErrorSummary, LiveStatus } from '../components/feedback.js';
import type { FieldErrors } from '../components/forms.js';
import { AppLink } from '../components/links.js';
import { OrganisationLogin, ResidentLogin } from '../components/OidcLogin.js';
import { Section } from '../components/Section.js';
import { homeOf, useCurrentUser } from '../currentUser.js';
import { useCheckedSubmit, useLoad, usePageTitle } from '../hooks.js';
import { useI18n } from '../i18n/index.js';

// Two forms on one page both have an e-mail field: give each input its own id.
const IDS = {
  loginEmail: 'login-email',
  loginPassword: 'login-password',
  loginMunicipality: 'login-municipality',
  linkMunicipality: 'link-municipality',
  linkEmail: 'link-email',
};

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
  const submit = useCheckedSubmit(['email', 'password', 'municipality']);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // The same address and password in more than one municipality (a 409): then the
  // municipality is asked for (docs/architecture.md#staff-login-and-municipalities).
  const [askMunicipality, setAskMunicipality] = useState(false);
  const [municipality, setMunicipality] = useState('');
  const municipalities = useLoad((signal) => (askMunicipality ? api.municipalities(signal) : Promise.resolve(null)), [askMunicipality]);
  const labels = { email: t('login.email'), password: t('login.password'), municipality: t('login.link.municipality') };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const c: FieldErrors = {};
    if (!email.trim()) c.email = t('login.error.email');
    if (!password) c.password = t('login.error.password');
    if (askMunicipality && !municipality) c.municipality = t('login.link.error.municipality');
    if (!submit.checked(c)) return;
    const me = await submit.run(() =>
      api.login(email.trim(), password, askMunicipality ? municipality : undefined).catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 409) setAskMunicipality(true);
        throw err;
      }),
    );
    if (!me) return;
    setMe(me);
    navigate(safeNext(params.get('volgende')) ?? homeOf(me), { replace: true });
  }

  return (
    <LoginPanel
      title={t('login.staffTitle')}
      text={t('login.staffText')}
      submit={submit}
      labels={labels}
      onSubmit={onSubmit}
      submitLabel={t('login.submit')}
      appearance="primary-action-button"
      choice={
        askMunicipality ? (
          <SelectField
            name="municipality"
            id={IDS.loginMunicipality}
            label={labels.municipality}
            value={municipality}
            onChange={setMunicipality}
            error={submit.errors.municipality}
            required
            placeholder={t('login.link.chooseMunicipality')}
            options={(municipalities.data?.items ?? []).map((m) => ({ value: m.slug, label: m.name }))}
          />
        ) : undefined
      }
      choiceId={{ municipality: IDS.loginMunicipality }}
      fields={[
        { name: 'email', id: IDS.loginEmail, type: 'email', value: email, onChange: setEmail, autoComplete: 'username' },
        { name: 'password', id: IDS.loginPassword, type: 'password', value: password, onChange: setPassword, autoComplete: 'current-password' },
      ]}
    >
      <Paragraph>
        <AppLink to="/wachtwoord-vergeten">{t('login.forgotPassword')}</AppLink>
      </Paragraph>
      <OrganisationLogin />
    </LoginPanel>
  );
}

function LoginLinkRequest() {
  const { t } = useI18n();
  const submit = useCheckedSubmit(['municipality', 'email']);
  const municipalities = useLoad((signal) => api.municipalities(signal), []);
  const [municipality, setMunicipality] = useState('');
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const labels = { municipality: t('login.link.municipality'), email: t('login.link.email') };
  const items = municipalities.data?.items ?? [];
  const chosen = municipality || (items.length === 1 ? (items[0]?.slug ?? '') : '');

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const c: FieldErrors = {};
    if (!chosen) c.municipality = t('login.link.error.municipality');
    if (!email.trim()) c.email = t('login.error.email');
    setSent(null);
    if (!submit.checked(c)) return;
    const r = await submit.run(() => api.requestLoginLink(chosen, email.trim()));
    if (r) setSent(t('login.link.sent', { email: email.trim() }));
  }

  return (
    <LoginPanel
      title={t('login.link.title')}
      text={t('login.link.text')}
      anchor="inloglink"
      submit={submit}
      labels={labels}
      onSubmit={onSubmit}
      submitLabel={t('login.link.submit')}
      appearance="secondary-action-button"
      choice={
        <SelectField
          name="municipality"
          id={IDS.linkMunicipality}
          label={labels.municipality}
          value={chosen}
          onChange={setMunicipality}
          error={submit.errors.municipality}
          required
          placeholder={t('login.link.chooseMunicipality')}
          options={items.map((m) => ({ value: m.slug, label: m.name }))}
        />
      }
      choiceId={{ municipality: IDS.linkMunicipality }}
      fields={[{ name: 'email', id: IDS.linkEmail, type: 'email', value: email, onChange: setEmail, autoComplete: 'email' }]}
    >
      <LiveStatus message={sent} />
      <ResidentLogin />
    </LoginPanel>
  );
}

interface LoginInput {
  name: string;
  id: string;
  type: string;
  value: string;
  onChange(v: string): void;
  autoComplete: string;
}

/** A login panel: its text, a form with an error summary, an optional choice and required text inputs, and its button. */
function LoginPanel(p: {
  title: string;
  text: string;
  anchor?: string;
  submit: ReturnType<typeof useCheckedSubmit>;
  labels: Record<string, string>;
  onSubmit(e: FormEvent): void;
  submitLabel: string;
  appearance: 'primary-action-button' | 'secondary-action-button';
  choice?: ReactNode;
  choiceId?: Record<string, string>;
  fields: LoginInput[];
  children?: ReactNode;
}) {
  const { submit, labels } = p;
  const ids = { ...p.choiceId, ...Object.fromEntries(p.fields.map((f) => [f.name, f.id])) };
  return (
    <Section title={p.title} className="regie-panel" anchor={p.anchor}>
      <Paragraph>{p.text}</Paragraph>
      <form noValidate onSubmit={p.onSubmit}>
        <ErrorSummary error={submit.error} errors={submit.errors} labels={labels} ids={ids} />
        {p.choice}
        {p.fields.map((f) => (
          <TextField
            key={f.name}
            name={f.name}
            id={f.id}
            type={f.type}
            label={labels[f.name]}
            value={f.value}
            onChange={f.onChange}
            error={submit.errors[f.name]}
            required
            autoComplete={f.autoComplete}
          />
        ))}
        <Button type="submit" appearance={p.appearance} busy={submit.busy}>
          {p.submitLabel}
        </Button>
      </form>
      {p.children}
    </Section>
  );
}
