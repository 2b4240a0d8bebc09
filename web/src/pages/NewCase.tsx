// /zaken/nieuw — staff register a case on someone's behalf (desk, phone, e-mail).
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { api } from '../api.js';
import { IntakeDone, MunicipalityIntake, type Submitted } from '../components/IntakeForm.js';
import { AppButtonLink } from '../components/links.js';
import { useCurrentUser } from '../currentUser.js';
import { useLoad, usePageTitle } from '../hooks.js';
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
      <MunicipalityIntake key={round} staff m={m} onDone={setDone} />
    </>
  );
}

function Registered({ done, onAnother }: { done: Submitted; onAnother(): void }) {
  const { t } = useI18n();
  return (
    <IntakeDone title={t('newCase.doneTitle')} done={done}>
      <Paragraph>{t('newCase.doneMail', { email: done.email })}</Paragraph>
      <div className="regie-button-row">
        <AppButtonLink to={`/zaken/${done.id}`} appearance="primary-action-button">
          {t('newCase.open')}
        </AppButtonLink>
        <Button appearance="secondary-action-button" onClick={onAnother}>
          {t('newCase.another')}
        </Button>
      </div>
    </IntakeDone>
  );
}
