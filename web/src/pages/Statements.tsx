// The privacy statement (AVG article 13: what the intake stores, why, how long, the
// resident's rights) and the accessibility statement (the Dutch model: status, known
// issues, contact), public and linked from every page's footer
// (docs/product.md#public-statements).
import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useCurrentUser } from '../currentUser.js';
import { usePageTitle } from '../hooks.js';
import { useI18n } from '../i18n/index.js';

export function PrivacyPage() {
  const { t } = useI18n();
  usePageTitle(t('privacy.title'));
  return (
    <>
      <Heading level={1}>{t('privacy.title')}</Heading>
      <Paragraph lead>{t('privacy.lead')}</Paragraph>
      <Heading level={2}>{t('privacy.controllerTitle')}</Heading>
      <Paragraph>{t('privacy.controller')}</Paragraph>
      <Heading level={2}>{t('privacy.whatTitle')}</Heading>
      <UnorderedList>
        <UnorderedListItem>{t('privacy.what1')}</UnorderedListItem>
        <UnorderedListItem>{t('privacy.what2')}</UnorderedListItem>
        <UnorderedListItem>{t('privacy.what3')}</UnorderedListItem>
        <UnorderedListItem>{t('privacy.what4')}</UnorderedListItem>
        <UnorderedListItem>{t('privacy.whatSurvey')}</UnorderedListItem>
      </UnorderedList>
      <Heading level={2}>{t('privacy.whyTitle')}</Heading>
      <Paragraph>{t('privacy.why')}</Paragraph>
      <Heading level={2}>{t('privacy.whoTitle')}</Heading>
      <Paragraph>{t('privacy.who')}</Paragraph>
      <Heading level={2}>{t('privacy.howLongTitle')}</Heading>
      <Paragraph>{t('privacy.howLong')}</Paragraph>
      <Heading level={2}>{t('privacy.rightsTitle')}</Heading>
      <Paragraph>{t('privacy.rights')}</Paragraph>
    </>
  );
}

export function AccessibilityPage() {
  const { t } = useI18n();
  const { me } = useCurrentUser();
  usePageTitle(t('a11y.title'));
  return (
    <>
      <Heading level={1}>{t('a11y.title')}</Heading>
      <Paragraph lead>{t('a11y.lead')}</Paragraph>
      <Heading level={2}>{t('a11y.statusTitle')}</Heading>
      <Paragraph>{t('a11y.status')}</Paragraph>
      <Heading level={2}>{t('a11y.knownTitle')}</Heading>
      <UnorderedList>
        <UnorderedListItem>{t('a11y.known1')}</UnorderedListItem>
        <UnorderedListItem>{t('a11y.known2')}</UnorderedListItem>
        <UnorderedListItem>{t('a11y.known3')}</UnorderedListItem>
      </UnorderedList>
      <Heading level={2}>{t('a11y.contactTitle')}</Heading>
      <Paragraph>{t('a11y.contact')}</Paragraph>
      {me ? <Paragraph>{t('a11y.contactMunicipality', { municipality: me.municipalityName })}</Paragraph> : null}
    </>
  );
}
