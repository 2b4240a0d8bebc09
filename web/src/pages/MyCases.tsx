import { Heading, Paragraph } from '@utrecht/component-library-react';
import { PagedCases } from '../components/PagedCases.js';
import { usePageTitle } from '../hooks.js';
import { useI18n } from '../i18n/index.js';

export function MyCases() {
  const { t } = useI18n();
  usePageTitle(t('myCases.title'));
  return (
    <>
      <Heading level={1}>{t('myCases.title')}</Heading>
      <Paragraph>{t('myCases.lead')}</Paragraph>
      <PagedCases filters={{ limit: 25 }} caption={t('myCases.caption')} emptyText={t('myCases.empty')} linkBase="/mijn-zaak" columns={[]} />
    </>
  );
}
