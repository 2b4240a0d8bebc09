// /zaken/nieuw — staff register a case on someone's behalf (desk, phone, e-mail).
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { api } from '../api.js';
import { ErrorAlert, Loading } from '../components/feedback.js';
import { IntakeForm, type Submitted } from '../components/IntakeForm.js';
import { AppButtonLink } from '../components/links.js';
import { useCurrentUser } from '../currentUser.js';
import { useFocusOnMount, useLoad, usePageTitle } from '../hooks.js';
import { useI18n } from '../i18n/index.js';

export function NewCase() {
  const { t } = useI18n();
  const { me } = useCurrentUser();
  const slug = me?.municipalitySlug ?? '';
  const m = useLoad((signal) => api.municipality(slug, signal), [slug]);
  const [done, setDone] = useState<Submitted | null>(null);
  const [round, setRound] = useState(0);
  usePageTitle(done ? t('newCase.doneTitle') : t('newCase.title'));

  if (done)
    return (
      <Registered
        done={done}
        onAnother={() => {
          setDone(null);
          setRound((r) => r + 1);
        }}
      />
    );
  return (
    <>
      <Heading level={1}>{t('newCase.title')}</Heading>
      <Paragraph>{t('newCase.lead')}</Paragraph>
      {m.loading ? <Loading /> : null}
      {m.error ? <ErrorAlert error={m.error} /> : null}
      {m.data ? (
        <IntakeForm
          key={round}
          staff
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

function Registered({ done, onAnother }: { done: Submitted; onAnother(): void }) {
  const { t } = useI18n();
  const h1 = useFocusOnMount<HTMLHeadingElement>();
  return (
    <>
      <Heading level={1} tabIndex={-1} ref={h1}>
        {t('newCase.doneTitle')}
      </Heading>
      <div className="regie-reference">
        <Heading level={2} className="regie-reference__value">
          {t('intake.referenceLabel', { reference: done.reference })}
        </Heading>
      </div>
      <Paragraph>{t('newCase.doneMail', { email: done.email })}</Paragraph>
      <div className="regie-button-row">
        <AppButtonLink to={`/zaken/${done.id}`} appearance="primary-action-button">
          {t('newCase.open')}
        </AppButtonLink>
        <Button appearance="secondary-action-button" onClick={onAnother}>
          {t('newCase.another')}
        </Button>
      </div>
    </>
  );
}
