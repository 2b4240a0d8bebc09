// The initiator's own case: status, director, plan (and agreeing to it), the shared
// timeline, a message to the director, and withdrawing the request.
import { Alert, Button, DataList, Heading, Paragraph, PreHeading } from '@utrecht/component-library-react';
import { useState } from 'react';
import { api } from '../api.js';
import { CaseAttachments } from '../components/Attachments.js';
import { CaseFacts } from '../components/CaseFacts.js';
import { ErrorAlert, FirstLoad, useFocusedStatus } from '../components/feedback.js';
import { OnBehalfFact } from '../components/LoginDetails.js';
import { PlanView } from '../components/PlanView.js';
import { Section } from '../components/Section.js';
import { Timeline } from '../components/Timeline.js';
import { useSubmit } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { InitiatorAssessment, InitiatorCommitments } from './assessment/InitiatorViews.js';
import { MessageSection } from './case/Conversation.js';
import { WithdrawForm } from './case/StatusActions.js';
import { useCaseAndPlan } from './case/useCaseAndPlan.js';
import { AgreementBlocked } from './plan/AgreementBlocked.js';

export function MyCase() {
  const { t } = useI18n();
  const data = useCaseAndPlan(t('myCase.title'));
  const [timelineKey, setTimelineKey] = useState(0);
  // the agree button and the withdrawal form go away after use: their message takes focus
  const status = useFocusedStatus();
  const agree = useSubmit();

  if (!data.data) return <FirstLoad loaded={data} title={t('myCase.title')} />;
  const { c, plan } = data.data;
  const current = plan.current;
  const refresh = () => {
    data.reload();
    setTimelineKey((k) => k + 1);
  };

  return (
    <>
      <PreHeading>{t('myCase.preHeading', { reference: c.reference })}</PreHeading>
      <Heading level={1}>{c.title}</Heading>
      {status.element}
      <CaseFacts c={c} />
      {c.initiator.onBehalf ? (
        <DataList className="regie-datalist">
          <OnBehalfFact initiator={c.initiator} />
        </DataList>
      ) : null}

      <Section title={t('myCase.question')}>
        <Paragraph className="regie-prewrap">{c.description}</Paragraph>
      </Section>
      <CaseAttachments c={c} onChanged={() => setTimelineKey((k) => k + 1)} />

      <Section title={t('plan.title')}>
        {current ? (
          <>
            <Paragraph>{t('plan.versionLabel', { version: current.version })}</Paragraph>
            {current.agreed ? <Alert type="ok">{t('myCase.planAgreed', { version: current.version })}</Alert> : null}
            <PlanView plan={current} />
            {agree.error ? <ErrorAlert error={agree.error} /> : null}
            {c.abilities.agreeAsInitiator && !current.initiatorAgreedAt && plan.abilities.agreeBlockedBy ? (
              <AgreementBlocked blockedBy={plan.abilities.agreeBlockedBy} parties={plan.abilities.standingObjectionsOf} />
            ) : null}
            {c.abilities.agreeAsInitiator && !current.initiatorAgreedAt && !plan.abilities.agreeBlockedBy ? (
              <div className="regie-actions">
                <Paragraph>{t('myCase.agreeText')}</Paragraph>
                <Button
                  appearance="primary-action-button"
                  busy={agree.busy}
                  onClick={async () => {
                    const r = await agree.run(() => api.agreePlan(c.id, current.version));
                    if (r) {
                      status.show(t('myCase.agreed', { version: current.version }));
                      refresh();
                    }
                  }}
                >
                  {t('myCase.agree', { version: current.version })}
                </Button>
              </div>
            ) : null}
          </>
        ) : (
          <Paragraph>{t('myCase.noPlan')}</Paragraph>
        )}
      </Section>

      <InitiatorAssessment caseId={c.id} />
      <InitiatorCommitments caseId={c.id} />

      {c.abilities.message ? (
        <MessageSection
          caseId={c.id}
          title={t('message.titleInitiator')}
          label={t('message.label')}
          description={t('message.hintInitiator')}
          onSent={() => setTimelineKey((k) => k + 1)}
        />
      ) : null}

      <Timeline caseId={c.id} reloadKey={timelineKey} />

      {c.abilities.withdraw ? (
        <Section title={t('withdraw.titleInitiator')}>
          <Paragraph>{t('withdraw.textInitiator')}</Paragraph>
          <WithdrawForm
            c={c}
            submitLabel={t('withdraw.submitInitiator')}
            onWithdrawn={() => {
              status.show(t('withdraw.done'));
              refresh();
            }}
          />
        </Section>
      ) : null}
    </>
  );
}
