import { Heading, Paragraph } from '@utrecht/component-library-react';
import { LoggedInOnBehalf } from '../components/LoginDetails.js';
import { PagedCases } from '../components/PagedCases.js';
import { useCurrentUser } from '../currentUser.js';
import { usePageTitle } from '../hooks.js';
import { useI18n } from '../i18n/index.js';

export function MyCases() {
  const { t } = useI18n();
  usePageTitle(t('myCases.title'));
  const { me } = useCurrentUser();
  return (
    <>
      <Heading level={1}>{t('myCases.title')}</Heading>
      <LoggedInOnBehalf onBehalf={me?.onBehalf} />
      <Paragraph>{t('myCases.lead')}</Paragraph>
      <PagedCases filters={{ limit: 25 }} caption={t('myCases.caption')} emptyText={t('myCases.empty')} linkBase="/mijn-zaak" columns={[]} />
    </>
  );
}
