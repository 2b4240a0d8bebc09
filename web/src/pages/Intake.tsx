import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../api.js';
import { ErrorAlert, Loading } from '../components/feedback.js';
import { IntakeForm, type Submitted } from '../components/IntakeForm.js';
import { AppLink } from '../components/links.js';
import { useFocusOnMount, useLoad, usePageTitle } from '../hooks.js';
import { useI18n } from '../i18n/index.js';

export function Intake() {
  const { t } = useI18n();
  const { gemeente = '' } = useParams();
  const m = useLoad((signal) => api.municipality(gemeente, signal), [gemeente]);
  const [done, setDone] = useState<Submitted | null>(null);
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
      {m.loading ? <Loading /> : null}
      {m.error ? <ErrorAlert error={m.error} /> : null}
      {m.data ? (
        <IntakeForm
          municipality={m.data.slug}
          areas={m.data.areas}
          themes={m.data.themes}
          onDone={(d) => {
            setDone(d);
            window.scrollTo(0, 0);
          }}
        />
      ) : null}
    </>
  );
}

function Confirmation({ done }: { done: Submitted }) {
  const { t } = useI18n();
  const h1 = useFocusOnMount<HTMLHeadingElement>();
  return (
    <>
      <Heading level={1} tabIndex={-1} ref={h1}>
        {t('intake.doneTitle')}
      </Heading>
      <div className="regie-reference">
        <Heading level={2} className="regie-reference__value">
          {t('intake.referenceLabel', { reference: done.reference })}
        </Heading>
      </div>
      <Paragraph>{t('intake.doneMail', { email: done.email })}</Paragraph>
      <Paragraph>{t('intake.doneNext')}</Paragraph>
      <Paragraph>
        <AppLink to="/">{t('intake.backHome')}</AppLink>
      </Paragraph>
    </>
  );
}
