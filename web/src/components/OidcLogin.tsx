// The buttons that start a login through OpenID Connect (docs/product.md#logging-in-through-openid-connect):
// the organisation account for staff, DigiD and eHerkenning for residents and
// entrepreneurs. A button shows only when the municipality has set it up.
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import { type LoginKind, loginApi } from '../api/login.js';
import { loginDetailsApi } from '../api/logindetails.js';
import { useLoad, useSubmit } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { SelectField } from './Fields.js';
import { ErrorAlert } from './feedback.js';

function useStart() {
  const submit = useSubmit();
  const start = async (municipality: string, kind: LoginKind) => {
    const r = await submit.run(() => loginApi.start(municipality, kind));
    if (r) window.location.assign(r.url);
  };
  return { start, busy: submit.busy, error: submit.error };
}

/** "Inloggen met DigiD" / "Inloggen met eHerkenning" for one municipality, when set up there. */
export function ResidentLoginButtons({ municipality }: { municipality: string }) {
  const { t } = useI18n();
  const options = useLoad((signal) => (municipality ? loginApi.options(municipality, signal) : Promise.resolve(null)), [municipality]);
  const { start, busy, error } = useStart();
  const o = options.data;
  if (!o || (!o.digid && !o.eherkenning)) return null;
  return (
    <div className="regie-oidc-login">
      <Paragraph>{t('oidc.residentText')}</Paragraph>
      {error ? <ErrorAlert error={error} loginLink={false} /> : null}
      <ButtonGroup>
        {o.digid ? (
          <Button type="button" appearance="secondary-action-button" busy={busy} onClick={() => start(municipality, 'digid')}>
            {t('oidc.digidButton')}
          </Button>
        ) : null}
        {o.eherkenning ? (
          <Button type="button" appearance="secondary-action-button" busy={busy} onClick={() => start(municipality, 'eherkenning')}>
            {t('oidc.eherkenningButton')}
          </Button>
        ) : null}
      </ButtonGroup>
    </div>
  );
}

/**
 * DigiD and eHerkenning on the login page: only for municipalities that set one up.
 * With one, its buttons at once; with more, a picker of those alone; with none,
 * nothing (docs/product.md#logging-in-through-openid-connect).
 */
export function ResidentLogin() {
  const { t } = useI18n();
  const municipalities = useLoad((signal) => loginDetailsApi.municipalities(signal), []);
  const [chosen, setChosen] = useState('');
  const selectId = useId();
  const items = (municipalities.data?.items ?? []).filter((m) => m.digid || m.eherkenning);
  const slug = chosen || (items.length === 1 ? (items[0]?.slug ?? '') : '');
  if (!items.length) return null;
  return (
    <>
      {items.length > 1 ? (
        <SelectField
          name="resident-oidc-municipality"
          id={selectId}
          label={t('oidc.residentMunicipality')}
          value={chosen}
          onChange={setChosen}
          placeholder={t('oidc.chooseMunicipality')}
          options={items.map((m) => ({ value: m.slug, label: m.name }))}
        />
      ) : null}
      <ResidentLoginButtons municipality={slug} />
    </>
  );
}

/**
 * "Inloggen met uw organisatieaccount": only where a municipality has set it up. Staff
 * choose among those municipalities; with one, it is chosen for them; with none, there
 * is nothing to show (docs/product.md#logging-in-through-openid-connect).
 */
export function OrganisationLogin() {
  const { t } = useI18n();
  const municipalities = useLoad((signal) => loginDetailsApi.municipalities(signal), []);
  const [chosen, setChosen] = useState('');
  const items = (municipalities.data?.items ?? []).filter((m) => m.staff);
  const slug = chosen || (items.length === 1 ? (items[0]?.slug ?? '') : '');
  const options = useLoad((signal) => (slug ? loginApi.options(slug, signal) : Promise.resolve(null)), [slug]);
  const { start, busy, error } = useStart();
  const selectId = useId();
  if (!items.length) return null;
  return (
    <div className="regie-oidc-login">
      <Paragraph>{t(items.length > 1 ? 'oidc.staffText' : 'oidc.staffTextOne', { municipality: items[0]?.name ?? '' })}</Paragraph>
      {items.length > 1 ? (
        <SelectField
          name="sso-municipality"
          id={selectId}
          label={t('oidc.municipality')}
          value={chosen}
          onChange={setChosen}
          placeholder={t('oidc.chooseMunicipality')}
          options={items.map((m) => ({ value: m.slug, label: m.name }))}
        />
      ) : null}
      {error ? <ErrorAlert error={error} loginLink={false} /> : null}
      {options.data?.staff ? (
        <>
          {options.data.passwordLogin ? null : <Paragraph>{t('oidc.passwordOff')}</Paragraph>}
          <Button type="button" appearance="primary-action-button" busy={busy} onClick={() => start(slug, 'staff')}>
            {t('oidc.staffButton')}
          </Button>
        </>
      ) : null}
    </div>
  );
}
