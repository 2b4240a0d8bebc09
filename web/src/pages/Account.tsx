// /account — one's phone number and password, and personal API tokens: create (the
// token is shown once), list, revoke.
import { Alert, Button, Code, Heading, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import type { ApiToken } from '../api/models.js';
import { api } from '../api.js';
import { TextField } from '../components/Fields.js';
import { ErrorAlert, ErrorSummary, LiveStatus, Loading } from '../components/feedback.js';
import { Section } from '../components/Section.js';
import { WideTable } from '../components/WideTable.js';
import { useCurrentUser } from '../currentUser.js';
import { useCheckedSubmit, useLoad, usePageTitle, useSubmit } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { ChangePassword, OwnDetails } from './AccountSettings.js';

const TOKEN_NAME_ID = 'token-name';

export function Account() {
  const { t, dateTime } = useI18n();
  const { me } = useCurrentUser();
  usePageTitle(t('account.title'));
  const tokens = useLoad((signal) => api.tokens(signal), []);
  const create = useCheckedSubmit(['name']);
  const revoke = useSubmit();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  async function onCreate(e: FormEvent) {
    e.preventDefault();
    if (!create.checked(name.trim() ? {} : { name: t('account.error.name') })) return;
    const r = await create.run(() => api.createToken(name.trim()));
    if (r) {
      setCreated({ name: r.name, token: r.token });
      setName('');
      tokens.reload();
    }
  }

  async function onRevoke(tk: ApiToken) {
    if (!window.confirm(t('account.confirmRevoke', { name: tk.name }))) return;
    const ok = await revoke.run(async () => {
      await api.revokeToken(tk.id);
      return true;
    });
    if (ok) {
      setStatus(t('account.revoked', { name: tk.name }));
      tokens.reload();
    }
  }

  const errors = create.errors;
  return (
    <>
      <Heading level={1}>{t('account.title')}</Heading>
      {me ? (
        <Paragraph>
          {me.name} · {me.email} · {t(`role.${me.role}`)} · {me.municipalityName}
        </Paragraph>
      ) : null}
      <LiveStatus message={status} />

      <OwnDetails />
      <ChangePassword />

      <Section title={t('account.tokens')}>
        <Paragraph>{t('account.tokensText')}</Paragraph>
        {revoke.error ? <ErrorAlert error={revoke.error} /> : null}
        {tokens.loading && !tokens.data ? <Loading /> : null}
        {tokens.error ? <ErrorAlert error={tokens.error} /> : null}
        {tokens.data && !tokens.data.items.length ? <Paragraph>{t('account.noTokens')}</Paragraph> : null}
        {tokens.data?.items.length ? (
          <WideTable caption={t('account.tokensCaption')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('account.tokenName')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('account.createdAt')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('account.lastUsedAt')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('account.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {tokens.data.items.map((tk) => (
                <TableRow key={tk.id}>
                  <TableHeaderCell scope="row">{tk.name}</TableHeaderCell>
                  <TableCell>{dateTime(tk.createdAt)}</TableCell>
                  <TableCell>{tk.lastUsedAt ? dateTime(tk.lastUsedAt) : t('account.neverUsed')}</TableCell>
                  <TableCell>{tk.revokedAt ? t('account.revokedOn', { date: dateTime(tk.revokedAt) }) : t('account.active')}</TableCell>
                  <TableCell>
                    {tk.revokedAt ? null : (
                      <Button appearance="subtle-button" hint="danger" onClick={() => onRevoke(tk)} aria-label={t('account.revokeN', { name: tk.name })}>
                        {t('account.revoke')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </WideTable>
        ) : null}
      </Section>

      <Section title={t('account.newToken')} className="regie-section regie-panel">
        <div aria-live="polite">
          {created ? (
            <Alert type="warning">
              <Paragraph>{t('account.createdOnce', { name: created.name })}</Paragraph>
              <Paragraph>
                <Code className="regie-token">{created.token}</Code>
              </Paragraph>
              <Paragraph className="regie-small">{t('account.usage')}</Paragraph>
            </Alert>
          ) : null}
        </div>
        <form noValidate onSubmit={onCreate} className="regie-inline-form">
          <ErrorSummary error={create.error} errors={errors} labels={{ name: t('account.tokenName') }} ids={{ name: TOKEN_NAME_ID }} />
          <TextField
            name="name"
            id={TOKEN_NAME_ID}
            label={t('account.tokenName')}
            description={t('account.tokenNameHint')}
            value={name}
            onChange={setName}
            error={errors.name}
            required
          />
          <Button type="submit" appearance="primary-action-button" busy={create.busy}>
            {t('account.create')}
          </Button>
        </form>
      </Section>
    </>
  );
}
