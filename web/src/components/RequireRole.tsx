// Pages for signed-in users: without a session, go to the login page (and come back
// after); without the ability the page needs (GET /me's abilities), say so.
import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { GlobalAbility } from '../api/models.js';
import { homeOf, may, useCurrentUser } from '../currentUser.js';
import { usePageTitle } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { Loading } from './feedback.js';
import { AppLink } from './links.js';

export function RequireRole({
  ability,
  children,
  elsewhere,
}: {
  ability: GlobalAbility;
  children: ReactNode;
  elsewhere?: { ability: GlobalAbility; to(pathname: string): string };
}) {
  const { me, loading } = useCurrentUser();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate to={`/inloggen?volgende=${encodeURIComponent(next)}`} replace />;
  }
  if (!may(me, ability)) {
    // e.g. a staff member following an initiator's link to /mijn-zaak/… sees /zaken/…
    if (elsewhere && may(me, elsewhere.ability)) return <Navigate to={elsewhere.to(location.pathname)} replace />;
    return <NoAccess home={homeOf(me)} />;
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
