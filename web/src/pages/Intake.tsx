import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../api.js';
import { IntakeDone, MunicipalityIntake, type Submitted } from '../components/IntakeForm.js';
import { AppLink } from '../components/links.js';
import { ResidentLoginButtons } from '../components/OidcLogin.js';
import { useCurrentUser } from '../currentUser.js';
import { useLoad, usePageTitle } from '../hooks.js';
import { useI18n } from '../i18n/index.js';

export function Intake() {
  const { t } = useI18n();
  const { gemeente = '' } = useParams();
  const m = useLoad((signal) => api.municipality(gemeente, signal), [gemeente]);
  const [done, setDone] = useState<Submitted | null>(null);
  const { me } = useCurrentUser();
  const name = m.data?.name ?? '';
  usePageTitle(
    done
      ? t('intake.doneTitle')
      : m.error?.status === 404
        ? t('intake.unknownMunicipality')
        : name
          ? t('intake.pageTitle', { name })
          : t('intake.pageTitleGeneric'),
  );

  if (done) return <Confirmation done={done} />;
  if (m.error?.status === 404)
    return (
      <>
        <Heading level={1}>{t('intake.unknownMunicipality')}</Heading>
        <Paragraph>
          <AppLink to="/">{t('intake.chooseMunicipality')}</AppLink>
        </Paragraph>
      </>
    );
  return (
    <>
      <Heading level={1}>{name ? t('intake.pageTitle', { name }) : t('intake.pageTitleGeneric')}</Heading>
      <Paragraph lead>{t('intake.lead')}</Paragraph>
      <Paragraph>{t('intake.required')}</Paragraph>
      {me ? null : <ResidentLoginButtons municipality={gemeente} />}
      <MunicipalityIntake m={m} onDone={setDone} />
    </>
  );
}

function Confirmation({ done }: { done: Submitted }) {
  const { t } = useI18n();
  return (
    <IntakeDone title={t('intake.doneTitle')} done={done}>
      {done.confirmed ? (
        <Paragraph>{t('intake.doneMail', { email: done.email })}</Paragraph>
      ) : (
        <>
          <Paragraph>
            <strong>{t('intake.confirmByMail')}</strong>
          </Paragraph>
          <Paragraph>{t('intake.confirmByMailDetail', { email: done.email })}</Paragraph>
        </>
      )}
      {done.filesFailed?.length ? <Alert type="warning">{t('attachments.intakeFailed', { names: done.filesFailed.join(', ') })}</Alert> : null}
      <Paragraph>{t('intake.doneNext')}</Paragraph>
      <Paragraph>
        <AppLink to="/">{t('intake.backHome')}</AppLink>
      </Paragraph>
    </IntakeDone>
  );
}
