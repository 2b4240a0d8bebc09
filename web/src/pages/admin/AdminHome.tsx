import { Heading, Paragraph } from '@utrecht/component-library-react';
import { AppLink } from '../../components/links.js';
import { usePageTitle } from '../../hooks.js';
import { type MessageKey, useI18n } from '../../i18n/index.js';

const PAGES: { to: string; title: MessageKey; text: MessageKey }[] = [
  { to: '/beheer/medewerkers', title: 'admin.users', text: 'admin.usersText' },
  { to: '/beheer/afdelingen', title: 'admin.departments', text: 'admin.departmentsText' },
  { to: '/beheer/gebieden', title: 'admin.areas', text: 'admin.areasText' },
  { to: '/beheer/gebiedsgrenzen', title: 'geo.boundaries', text: 'geo.boundariesText' },
  { to: '/beheer/themas', title: 'admin.themes', text: 'admin.themesText' },
  { to: '/beheer/instellingen', title: 'admin.settings', text: 'admin.settingsText' },
  { to: '/beheer/regels', title: 'rules.title', text: 'admin.rulesText' },
  { to: '/beheer/mandaten', title: 'mandates.title', text: 'admin.mandatesText' },
  { to: '/beheer/inzage', title: 'accessLog.title', text: 'accessLog.adminText' },
  { to: '/beheer/samenwerkingsafspraken', title: 'agreements.title', text: 'agreements.adminText' },
  { to: '/beheer/webhooks', title: 'webhooks.title', text: 'webhooks.adminText' },
  { to: '/beheer/zaaksysteem', title: 'zgw.title', text: 'zgw.adminText' },
];

export function AdminHome() {
  const { t } = useI18n();
  usePageTitle(t('admin.title'));
  return (
    <>
      <Heading level={1}>{t('admin.title')}</Heading>
      <Paragraph>{t('admin.lead')}</Paragraph>
      <ul className="regie-card-list">
        {PAGES.map((p) => (
          <li key={p.to} className="regie-card">
            <Heading level={2} appearance="utrecht-heading-3">
              <AppLink to={p.to}>{t(p.title)}</AppLink>
            </Heading>
            <Paragraph>{t(p.text)}</Paragraph>
          </li>
        ))}
      </ul>
    </>
  );
}

/** "Beheer" link back from a sub-page. */
export function BackToAdmin() {
  const { t } = useI18n();
  return (
    <Paragraph className="regie-back">
      <AppLink to="/beheer">{t('admin.back')}</AppLink>
    </Paragraph>
  );
}
