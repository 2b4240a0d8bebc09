import { Heading, Paragraph } from '@utrecht/component-library-react';
import { AppLink } from '../components/links.js';
import { usePageTitle } from '../hooks.js';
import { useI18n } from '../i18n/index.js';

export function NotFound() {
  const { t } = useI18n();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <Heading level={1}>{t('notFound.title')}</Heading>
      <Paragraph>{t('notFound.text')}</Paragraph>
      <Paragraph>
        <AppLink to="/">{t('notFound.home')}</AppLink>
      </Paragraph>
    </>
  );
}
