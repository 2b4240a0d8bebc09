// Pages for signed-in users: without a session, go to the login page (and come back
// after); with a role that may not use the page, say so.
import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { homeOf, mayUse, type PageKey } from '../access.js';
import { useCurrentUser } from '../currentUser.js';
import { usePageTitle } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { Loading } from './feedback.js';
import { AppLink } from './links.js';

export function RequireRole({
  page,
  children,
  elsewhere,
}: {
  page: PageKey;
  children: ReactNode;
  elsewhere?: { page: PageKey; to(pathname: string): string };
}) {
  const { me, loading } = useCurrentUser();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate to={`/inloggen?volgende=${encodeURIComponent(next)}`} replace />;
  }
  if (!mayUse(me.role, page)) {
    // e.g. a staff member following an initiator's link to /mijn-zaak/… sees /zaken/…
    if (elsewhere && mayUse(me.role, elsewhere.page)) return <Navigate to={elsewhere.to(location.pathname)} replace />;
    return <NoAccess home={homeOf(me.role)} />;
  }
  return <>{children}</>;
}

function NoAccess({ home }: { home: string }) {
  const { t } = useI18n();
  usePageTitle(t('noAccess.title'));
  return (
    <>
      <Heading level={1}>{t('noAccess.title')}</Heading>
      <Paragraph>{t('noAccess.text')}</Paragraph>
      <Paragraph>
        <AppLink to={home}>{t('noAccess.home')}</AppLink>
      </Paragraph>
    </>
  );
}
