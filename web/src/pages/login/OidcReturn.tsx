// Where the issuer sends the browser back after a login through OpenID Connect: the
// answer's parameters go to the API, which checks them against the cookie set at the
// start (docs/product.md#logging-in-through-openid-connect). They are removed from the
// address at once, so the one-time code stays out of the history.
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { type CallbackBody, loginApi } from '../../api/login.js';
import { type ApiError, api } from '../../api.js';
import { ErrorAlert, Loading } from '../../components/feedback.js';
import { AppLink } from '../../components/links.js';
import { useCurrentUser } from '../../currentUser.js';
import { usePageTitle } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';

// One exchange per answer, even when React runs the effect twice in development.
const exchanges = new Map<string, Promise<{ next: string }>>();

export function OidcReturn() {
  const { t } = useI18n();
  usePageTitle(t('oidc.returnTitle'));
  const { setMe, loading } = useCurrentUser();
  const navigate = useNavigate();
  const [error, setError] = useState<ApiError | null>(null);
  const answer = useRef(window.location.search);

  useEffect(() => {
    window.history.replaceState(null, '', window.location.pathname);
  }, []);

  useEffect(() => {
    // After the first GET /me: someone already logged in sends the answer with their CSRF token.
    if (loading) return;
    const search = answer.current;
    const params = Object.fromEntries(new URLSearchParams(search)) as CallbackBody;
    let p = exchanges.get(search);
    if (!p) {
      p = loginApi.callback(params);
      exchanges.set(search, p);
    }
    let live = true;
    p.then(
      async (r) => {
        const me = await api.me();
        if (!live) return;
        setMe(me);
        navigate(r.next, { replace: true });
      },
      (e: ApiError) => {
        if (live) setError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [loading, navigate, setMe]);

  if (!error)
    return (
      <>
        <Heading level={1}>{t('oidc.returnTitle')}</Heading>
        <Loading />
      </>
    );
  return (
    <>
      <Heading level={1}>{t('oidc.returnFailed')}</Heading>
      <ErrorAlert error={error} loginLink={false} />
      <Paragraph>
        <AppLink to="/inloggen">{t('oidc.tryAgain')}</AppLink>
      </Paragraph>
    </>
  );
}
