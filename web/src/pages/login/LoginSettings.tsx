// The administrator's block for logging in through OpenID Connect on the settings page
// (docs/product.md#logging-in-through-openid-connect): the organisation account for
// staff, DigiD and eHerkenning through a broker. The client secret is never shown.
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useState } from 'react';
import { type LoginKind, type LoginSettings, type LoginSettingsBody, loginApi } from '../../api/login.js';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Fields.js';
import { ErrorAlert, ErrorSummary, LiveStatus } from '../../components/feedback.js';
import { Section } from '../../components/Section.js';
import { useCheckedSubmit, useLoad, useSubmit } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';

const KINDS: LoginKind[] = ['staff', 'digid', 'eherkenning'];
const LEVELS: Record<Exclude<LoginKind, 'staff'>, { value: string; label: string }[]> = {
  digid: [
    { value: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport', label: 'DigiD basis' },
    { value: 'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract', label: 'DigiD midden' },
    { value: 'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard', label: 'DigiD substantieel' },
    { value: 'urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI', label: 'DigiD hoog' },
    { value: 'http://eidas.europa.eu/LoA/substantial', label: 'eIDAS substantial' },
    { value: 'http://eidas.europa.eu/LoA/high', label: 'eIDAS high' },
  ],
  eherkenning: [
    { value: 'urn:etoegang:core:assurance-class:loa2', label: 'eHerkenning EH2' },
    { value: 'urn:etoegang:core:assurance-class:loa2plus', label: 'eHerkenning EH2+' },
    { value: 'urn:etoegang:core:assurance-class:loa3', label: 'eHerkenning EH3' },
    { value: 'urn:etoegang:core:assurance-class:loa4', label: 'eHerkenning EH4' },
  ],
};

export function LoginSettingsSection() {
  const { t } = useI18n();
  const settings = useLoad((signal) => loginApi.settings(signal), []);
  return (
    <Section title={t('loginSettings.heading')} level={2}>
      <Paragraph>{t('loginSettings.lead')}</Paragraph>
      {settings.error ? <ErrorAlert error={settings.error} /> : null}
      {settings.data
        ? KINDS.map((kind) => (
            <KindForm key={kind} kind={kind} current={settings.data?.items.find((s) => s.kind === kind) ?? null} onChange={settings.reload} />
          ))
        : null}
    </Section>
  );
}

const rolesText = (s: LoginSettings | null) => (s?.groupRoles ?? []).map((g) => `${g.group} = ${g.role}`).join('\n');

function KindForm({ kind, current, onChange }: { kind: LoginKind; current: LoginSettings | null; onChange(): void }) {
  const { t } = useI18n();
  const submit = useCheckedSubmit(['issuer', 'clientId', 'clientSecret', 'identifierClaim', 'groupClaim', 'groupRoles', 'passwordLogin', 'minLevel']);
  const remove = useSubmit();
  const [issuer, setIssuer] = useState('');
  const [clientId, setClientId] = useState('');
  const [secret, setSecret] = useState('');
  const [claim, setClaim] = useState('');
  const [groupClaim, setGroupClaim] = useState('');
  const [roles, setRoles] = useState('');
  const [passwordLogin, setPasswordLogin] = useState(true);
  const [minLevel, setMinLevel] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const id = (f: string) => `login-${kind}-${f}`;

  useEffect(() => {
    setIssuer(current?.issuer ?? '');
    setClientId(current?.clientId ?? '');
    setClaim(current?.identifierClaim ?? '');
    setGroupClaim(current?.groupClaim ?? '');
    setRoles(rolesText(current));
    setPasswordLogin(current?.passwordLogin ?? true);
    setMinLevel(current?.minLevel ?? '');
  }, [current]);

  const labels = {
    issuer: t('loginSettings.issuer'),
    clientId: t('loginSettings.clientId'),
    clientSecret: t('loginSettings.clientSecret'),
    identifierClaim: t('loginSettings.identifierClaim'),
    groupClaim: t('loginSettings.groupClaim'),
    groupRoles: t('loginSettings.groupRoles'),
    passwordLogin: t('loginSettings.passwordLogin'),
    minLevel: t('loginSettings.minLevel'),
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setStatus(null);
    const lines = roles
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const parsed = lines.map((l) => l.split('=').map((x) => x.trim()));
    const c: Record<string, string> = {};
    if (!issuer.trim()) c.issuer = t('loginSettings.error.issuer');
    if (!clientId.trim()) c.clientId = t('loginSettings.error.clientId');
    if (parsed.some((p) => p.length !== 2 || !p[0] || !p[1])) c.groupRoles = t('loginSettings.error.groupRoles');
    if (!submit.checked(c)) return;
    const body: LoginSettingsBody = {
      issuer: issuer.trim(),
      clientId: clientId.trim(),
      identifierClaim: claim.trim() || null,
      ...(secret ? { clientSecret: secret } : {}),
      ...(kind === 'staff'
        ? {
            groupClaim: groupClaim.trim() || null,
            groupRoles: parsed.map(([group, role]) => ({ group: group as string, role: role as NonNullable<LoginSettingsBody['groupRoles']>[number]['role'] })),
            passwordLogin,
          }
        : { minLevel: (minLevel || null) as LoginSettingsBody['minLevel'] }),
    };
    const r = await submit.run(() => loginApi.save(kind, body));
    if (r) {
      setSecret('');
      setStatus(t('loginSettings.saved'));
      onChange();
    }
  }

  async function onRemove() {
    setStatus(null);
    const r = await remove.run(() => loginApi.remove(kind).then(() => true));
    if (r) {
      setStatus(t('loginSettings.removed'));
      onChange();
    }
  }

  return (
    <Section title={t(`loginSettings.kind.${kind}`)} level={3}>
      <Paragraph>{current ? t('loginSettings.on') : t('loginSettings.off')}</Paragraph>
      <LiveStatus message={status} />
      <form noValidate onSubmit={onSubmit} className="regie-form">
        <ErrorSummary error={submit.error} errors={submit.errors} labels={labels} ids={Object.fromEntries(Object.keys(labels).map((k) => [k, id(k)]))} />
        <TextField
          name="issuer"
          id={id('issuer')}
          label={labels.issuer}
          description={t('loginSettings.issuerHint')}
          type="url"
          value={issuer}
          onChange={setIssuer}
          error={submit.errors.issuer}
          required
        />
        <TextField
          name="clientId"
          id={id('clientId')}
          label={labels.clientId}
          value={clientId}
          onChange={setClientId}
          error={submit.errors.clientId}
          required
        />
        <TextField
          name="clientSecret"
          id={id('clientSecret')}
          label={labels.clientSecret}
          description={`${t('loginSettings.clientSecretHint')}${current?.clientSecretSet ? ` ${t('loginSettings.secretStored')}` : ''}`}
          type="password"
          autoComplete="off"
          value={secret}
          onChange={setSecret}
          error={submit.errors.clientSecret}
          optional
        />
        <TextField
          name="identifierClaim"
          id={id('identifierClaim')}
          label={labels.identifierClaim}
          description={t('loginSettings.identifierClaimHint')}
          value={claim}
          onChange={setClaim}
          error={submit.errors.identifierClaim}
          optional
        />
        {kind === 'staff' ? (
          <>
            <TextField
              name="groupClaim"
              id={id('groupClaim')}
              label={labels.groupClaim}
              value={groupClaim}
              onChange={setGroupClaim}
              error={submit.errors.groupClaim}
              optional
            />
            <TextAreaField
              name="groupRoles"
              id={id('groupRoles')}
              label={labels.groupRoles}
              description={t('loginSettings.groupRolesHint')}
              value={roles}
              onChange={setRoles}
              error={submit.errors.groupRoles}
              rows={3}
              optional
            />
            <CheckboxField name="passwordLogin" id={id('passwordLogin')} label={labels.passwordLogin} checked={passwordLogin} onChange={setPasswordLogin} />
          </>
        ) : (
          <SelectField
            name="minLevel"
            id={id('minLevel')}
            label={labels.minLevel}
            value={minLevel}
            onChange={setMinLevel}
            error={submit.errors.minLevel}
            placeholder={t('loginSettings.anyLevel')}
            options={LEVELS[kind]}
            optional
          />
        )}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={submit.busy}>
            {t('loginSettings.save', { name: t(`loginSettings.name.${kind}`) })}
          </Button>
          {current ? (
            <Button type="button" appearance="secondary-action-button" busy={remove.busy} onClick={onRemove}>
              {t('loginSettings.remove', { name: t(`loginSettings.name.${kind}`) })}
            </Button>
          ) : null}
        </ButtonGroup>
      </form>
      {remove.error ? <ErrorAlert error={remove.error} /> : null}
    </Section>
  );
}
