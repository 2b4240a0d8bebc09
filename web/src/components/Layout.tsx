// The frame of every page: skip link, header with the language switch and the user,
// the navigation for the user's role, the main landmark and the footer; with the
// municipality's logo, colour and contact details (docs/product.md#the-municipalitys-own-look).
import { Button, NavBar, NavList, PageFooter, PageHeader, Paragraph, SkipLink } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { Outlet, useLocation, useMatch, useNavigate } from 'react-router';
import type { PublicMunicipality } from '../api/models.js';
import { api } from '../api.js';
import { homeOf, may, useCurrentUser } from '../currentUser.js';
import { useLoad } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { AppLink, AppNavLink } from './links.js';

const MAIN_ID = 'main';
/** Sent on window when the admin saved the municipality's look, so the frame shows it at once. */
export const LOOK_CHANGED = 'regie:look-changed';

/**
 * The municipality's contact details and look, and its colour as NL Design System theme
 * tokens. The tokens come as a stylesheet from Regie itself: the content security
 * policy refuses inline styles and style attributes.
 */
function useMunicipalityLook(slug: string | undefined): PublicMunicipality | undefined {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    window.addEventListener(LOOK_CHANGED, bump);
    return () => window.removeEventListener(LOOK_CHANGED, bump);
  }, []);
  const look = useLoad((signal) => (slug ? api.municipality(slug, signal) : Promise.resolve(undefined)), [slug, version]);
  useEffect(() => {
    if (!slug) return;
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = `/api/v1/municipalities/${encodeURIComponent(slug)}/theme.css?v=${version}`;
    link.dataset.regieTheme = slug;
    document.head.appendChild(link);
    return () => link.remove();
  }, [slug, version]);
  return slug ? look.data : undefined;
}

function FooterContact({ look }: { look: PublicMunicipality }) {
  const { t } = useI18n();
  if (!look.contactEmail && !look.contactPhone && !look.contactWebsite) return null;
  return (
    <ul className="regie-footer__contact">
      {look.contactEmail ? (
        <li>
          {t('footer.email')}: <a href={`mailto:${look.contactEmail}`}>{look.contactEmail}</a>
        </li>
      ) : null}
      {look.contactPhone ? (
        <li>
          {t('footer.phone')}: <a href={`tel:${look.contactPhone.replace(/[^\d+]/g, '')}`}>{look.contactPhone}</a>
        </li>
      ) : null}
      {look.contactWebsite ? (
        <li>
          {t('footer.website')}: <a href={look.contactWebsite}>{look.contactWebsite}</a>
        </li>
      ) : null}
    </ul>
  );
}

function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const other = locale === 'nl' ? 'en' : 'nl';
  return (
    <Button appearance="subtle-button" lang={other} onClick={() => setLocale(other)} className="regie-language-switch">
      {t('layout.switchLanguage')}
    </Button>
  );
}

function MainNav() {
  const { t } = useI18n();
  const { me } = useCurrentUser();
  return (
    <NavBar aria-label={t('layout.navLabel')} className="regie-nav">
      <NavList>
        {!me ? (
          <AppNavLink to="/" end>
            {t('nav.home')}
          </AppNavLink>
        ) : null}
        {may(me, 'ownCases') ? (
          <AppNavLink to="/mijn-zaken" also={/^\/mijn-zaak\//}>
            {t('nav.myCases')}
          </AppNavLink>
        ) : null}
        {may(me, 'directorWorkspace') ? <AppNavLink to="/werkplek">{t('nav.workspace')}</AppNavLink> : null}
        {may(me, 'teamBoard') ? <AppNavLink to="/team">{t('nav.team')}</AppNavLink> : null}
        {may(me, 'listCases') ? (
          <AppNavLink to="/zaken" except={/^\/zaken\/nieuw/}>
            {t('nav.cases')}
          </AppNavLink>
        ) : null}
        {may(me, 'registerCases') ? <AppNavLink to="/zaken/nieuw">{t('nav.register')}</AppNavLink> : null}
        {may(me, 'assessmentRequests') ? <AppNavLink to="/toetsverzoeken">{t('nav.requests')}</AppNavLink> : null}
        {may(me, 'assessmentRequests') ? <AppNavLink to="/gedeelde-verzoeken">{t('nav.sharedRequests')}</AppNavLink> : null}
        {may(me, 'ownCommitments') ? <AppNavLink to="/mijn-toezeggingen">{t('nav.myCommitments')}</AppNavLink> : null}
        {may(me, 'lateObjections') ? <AppNavLink to="/nagekomen-bezwaren">{t('nav.lateObjections')}</AppNavLink> : null}
        {may(me, 'confirmCommitments') ? <AppNavLink to="/toezeggingen-ter-bevestiging">{t('nav.toConfirm')}</AppNavLink> : null}
        {may(me, 'satisfactionFollowUp') ? <AppNavLink to="/tevredenheid-opvolging">{t('nav.satisfaction')}</AppNavLink> : null}
        {may(me, 'manageOrganisation') ? <AppNavLink to="/beheer">{t('nav.admin')}</AppNavLink> : null}
        {may(me, 'councilOverview') ? <AppNavLink to="/raadsoverzicht">{t('nav.council')}</AppNavLink> : null}
        {may(me, 'insights') ? <AppNavLink to="/sturingsinformatie">{t('nav.insights')}</AppNavLink> : null}
        {may(me, 'compareMunicipalities') ? <AppNavLink to="/vergelijken">{t('nav.compare')}</AppNavLink> : null}
        {may(me, 'collaborations') ? <AppNavLink to="/samenwerkingen">{t('nav.collaborations')}</AppNavLink> : null}
        {may(me, 'apiTokens') ? <AppNavLink to="/account">{t('nav.account')}</AppNavLink> : null}
        {!me ? <AppNavLink to="/inloggen">{t('nav.login')}</AppNavLink> : null}
      </NavList>
    </NavBar>
  );
}

function UserBox() {
  const { t } = useI18n();
  const { me, logout } = useCurrentUser();
  const navigate = useNavigate();
  if (!me) return null;
  return (
    <div className="regie-userbox">
      <span>
        {t('layout.loggedInAs', { name: me.name })}
        {me.role !== 'initiator' ? <span className="regie-muted"> · {t(`role.${me.role}`)}</span> : null}
      </span>
      <Button
        appearance="secondary-action-button"
        onClick={async () => {
          await logout();
          navigate('/', { state: { flash: 'loggedOut' } });
        }}
      >
        {t('layout.logout')}
      </Button>
    </div>
  );
}

/** After navigating inside the app, move focus to the new page so it is read from the top. */
function useFocusOnNavigate() {
  const { pathname, hash } = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every navigation, the path is the trigger
  useEffect(() => {
    const target = hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    if (target) {
      if (target.tabIndex < 0 && !target.matches('a, button, input, select, textarea')) target.tabIndex = -1;
      target.focus();
      target.scrollIntoView();
      return;
    }
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById(MAIN_ID);
    const h1 = main?.querySelector<HTMLElement>('h1');
    if (h1) {
      h1.tabIndex = -1;
      h1.focus();
    } else main?.focus();
  }, [pathname, hash]);
}

export function Layout() {
  const { t } = useI18n();
  const { me } = useCurrentUser();
  // Signed in: the user's municipality; on the public intake form: the one in the address.
  const intake = useMatch('/:gemeente/aanvragen');
  const look = useMunicipalityLook(me?.municipalitySlug ?? intake?.params.gemeente);
  useFocusOnNavigate();
  return (
    <div className="utrecht-document utrecht-document--surface regie-app">
      <SkipLink href={`#${MAIN_ID}`}>{t('layout.skipLink')}</SkipLink>
      <PageHeader className="regie-header">
        <div className="regie-header__bar">
          <div className="regie-brand">
            <AppLink to={me ? homeOf(me) : '/'} className="regie-brand__link">
              <span className="regie-brand__mark" aria-hidden="true">
                R
              </span>
              <span className="regie-brand__name">Regie</span>
            </AppLink>
            {look?.logoUrl ? <img src={look.logoUrl} alt={t('layout.logoAlt', { name: look.name })} className="regie-brand__logo" /> : null}
            <span className="regie-brand__tagline">{me ? me.municipalityName : t('layout.tagline')}</span>
          </div>
          <div className="regie-header__tools">
            <UserBox />
            <LanguageSwitch />
          </div>
        </div>
        <MainNav />
      </PageHeader>
      <main id={MAIN_ID} tabIndex={-1} className="regie-main">
        <div className="regie-page">
          <Outlet />
        </div>
      </main>
      <PageFooter className="regie-footer">
        <div className="utrecht-page-footer__content regie-footer__content">
          <nav aria-label={t('footer.label')}>
            <ul className="regie-footer__links">
              <li>
                <AppLink to="/privacy">{t('footer.privacy')}</AppLink>
              </li>
              <li>
                <AppLink to="/toegankelijkheid">{t('footer.accessibility')}</AppLink>
              </li>
              <li>
                <AppLink to="/cijfers">{t('footer.figures')}</AppLink>
              </li>
            </ul>
          </nav>
          <Paragraph>
            <strong>{t('footer.contact')}:</strong> {me ? t('footer.contactText', { municipality: me.municipalityName }) : t('footer.contactTextAnonymous')}
          </Paragraph>
          {look ? <FooterContact look={look} /> : null}
          <Paragraph className="regie-small">{t('layout.footer')}</Paragraph>
        </div>
      </PageFooter>
    </div>
  );
}
