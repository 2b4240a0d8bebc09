import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useLocation } from 'react-router';
import { api } from '../api.js';
import { ErrorAlert, LiveStatus, Loading } from '../components/feedback.js';
import { AppLink } from '../components/links.js';
import { Section } from '../components/Section.js';
import { useLoad, usePageTitle } from '../hooks.js';
import { useI18n } from '../i18n/index.js';

export function Home() {
  const { t } = useI18n();
  usePageTitle(t('home.title'));
  const location = useLocation();
  const flash = (location.state as { flash?: string } | null)?.flash === 'loggedOut' ? t('layout.loggedOut') : null;
  const list = useLoad((signal) => api.municipalities(signal), []);
  return (
    <>
      <LiveStatus message={flash} />
      <Heading level={1}>{t('home.title')}</Heading>
      <Paragraph lead>{t('home.lead')}</Paragraph>
      <UnorderedList>
        <UnorderedListItem>{t('home.point.director')}</UnorderedListItem>
        <UnorderedListItem>{t('home.point.plan')}</UnorderedListItem>
        <UnorderedListItem>{t('home.point.assessment')}</UnorderedListItem>
        <UnorderedListItem>{t('home.point.record')}</UnorderedListItem>
      </UnorderedList>

      <Section title={t('home.submitTitle')} className="">
        <Paragraph>{t('home.submitText')}</Paragraph>
        {list.loading ? <Loading /> : null}
        {list.error ? <ErrorAlert error={list.error} /> : null}
        {list.data ? (
          list.data.items.length ? (
            <UnorderedList>
              {list.data.items.map((m) => (
                <UnorderedListItem key={m.slug}>
                  <AppLink to={`/${m.slug}/aanvragen`}>{t('home.submitAt', { name: m.name })}</AppLink>
                </UnorderedListItem>
              ))}
            </UnorderedList>
          ) : (
            <Paragraph>{t('home.noMunicipalities')}</Paragraph>
          )
        ) : null}
      </Section>

      {/* responding to plans nearby, without an account (docs/product.md#the-public-list-of-response-periods) */}
      {list.data?.items.length ? (
        <Section title={t('respond.homeTitle')} className="">
          <Paragraph>{t('respond.homeText')}</Paragraph>
          <UnorderedList>
            {list.data.items.map((m) => (
              <UnorderedListItem key={m.slug}>
                <AppLink to={`/reageren/${m.slug}`}>{t('respond.homeAt', { name: m.name })}</AppLink>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </Section>
      ) : null}

      <Section title={t('home.followTitle')} className="">
        <Paragraph>{t('home.followText')}</Paragraph>
        <Paragraph>
          <AppLink to="/inloggen#inloglink">{t('home.followLink')}</AppLink>
        </Paragraph>
      </Section>

      <Section title={t('home.staffTitle')} className="">
        <Paragraph>
          <AppLink to="/inloggen">{t('home.staffLink')}</AppLink>
        </Paragraph>
      </Section>
    </>
  );
}
