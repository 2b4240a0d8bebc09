// The link from the e-mail: /inloggen/link#<token>. The token sits in the fragment so
// it never reaches a server log; it is used once and then removed from the address.
// An expired or used link offers a new one in one click, sent to the address the old
// link went to (docs/product.md#links-in-mail).
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Me } from '../api/models.js';
import { type ApiError, api } from '../api.js';
import { ErrorAlert, LiveStatus, Loading } from '../components/feedback.js';
import { AppLink } from '../components/links.js';
import { useCurrentUser } from '../currentUser.js';
import { usePageTitle, useSubmit } from '../hooks.js';
import { useI18n } from '../i18n/index.js';

// One redemption per token, even when React runs the effect twice in development.
const redemptions = new Map<string, Promise<{ user: Me; caseId: string | null }>>();

export function LoginLink() {
  const { t } = useI18n();
  usePageTitle(t('loginLink.title'));
  const { setMe } = useCurrentUser();
  const navigate = useNavigate();
  const [error, setError] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState(false);
  const [token, setToken] = useState('');
  const [resent, setResent] = useState<string | null>(null);
  const resend = useSubmit();

  async function onResend() {
    const r = await resend.run(() => api.resendLoginLink(token));
    if (r) setResent(t('loginLink.resent'));
  }

  useEffect(() => {
    const token = decodeURIComponent(window.location.hash.slice(1));
    setToken(token);
    if (!token) {
      setMissing(true);
      return;
    }
    let p = redemptions.get(token);
    if (!p) {
      p = api.redeemLoginLink(token);
      redemptions.set(token, p);
    }
    let live = true;
    p.then(
      (r) => {
        if (!live) return;
        setMe(r.user);
        navigate(r.caseId ? `/mijn-zaak/${r.caseId}` : '/mijn-zaken', { replace: true });
      },
      (e: ApiError) => {
        if (!live) return;
        window.history.replaceState(null, '', window.location.pathname);
        setError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [navigate, setMe]);

  return (
    <>
      <Heading level={1}>{t('loginLink.title')}</Heading>
      {!error && !missing ? <Loading /> : null}
      {error ? <ErrorAlert error={error} loginLink={false} /> : null}
      {missing ? <Paragraph>{t('loginLink.missing')}</Paragraph> : null}
      {error && token ? (
        <>
          <Paragraph>{t('loginLink.resendText')}</Paragraph>
          {resend.error ? <ErrorAlert error={resend.error} loginLink={false} /> : null}
          {resent ? null : (
            <Paragraph>
              <Button type="button" appearance="primary-action-button" busy={resend.busy} onClick={onResend}>
                {t('loginLink.resend')}
              </Button>
            </Paragraph>
          )}
          <LiveStatus message={resent} focus />
        </>
      ) : null}
      {error || missing ? (
        <Paragraph>
          <AppLink to="/inloggen#inloglink">{t('loginLink.requestNew')}</AppLink>
        </Paragraph>
      ) : null}
    </>
  );
}
