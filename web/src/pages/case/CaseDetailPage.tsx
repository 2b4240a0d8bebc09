// The staff view of one case: all facts, the actions the API allows (status, clock,
// director), the plan, notes and messages, and the full timeline.
import { Heading, Paragraph, PreHeading } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { CaseDetail } from '../../api/models.js';
import { AssignDirector } from '../../components/AssignDirector.js';
import { CaseStatusBadge, ClockBadge, UnconfirmedBadge } from '../../components/badges.js';
import { CaseFacts, InitiatorFacts } from '../../components/CaseFacts.js';
import { FirstLoad, LiveStatus } from '../../components/feedback.js';
import { AppButtonLink } from '../../components/links.js';
import { PlanView } from '../../components/PlanView.js';
import { Section } from '../../components/Section.js';
import { Timeline } from '../../components/Timeline.js';
import { useI18n } from '../../i18n/index.js';
import { AssessmentSection } from '../assessment/AssessmentSection.js';
import { CommitmentsSection, DossierLink } from '../commitments/CommitmentsSection.js';
import { ClockControl } from './ClockControl.js';
import { Conversation } from './Conversation.js';
import { StatusActions, WithdrawCase } from './StatusActions.js';
import { useCaseAndPlan } from './useCaseAndPlan.js';

export function CaseDetailPage() {
  const { t } = useI18n();
  const data = useCaseAndPlan(t('caseDetail.title'));
  const [status, setStatus] = useState<string | null>(null);
  const [timelineKey, setTimelineKey] = useState(0);

  if (!data.data) return <FirstLoad loaded={data} title={t('caseDetail.title')} />;
  const { c, plan } = data.data;
  const changed = (next: CaseDetail, message: string) => {
    data.setData({ c: next, plan });
    setStatus(message);
    setTimelineKey((k) => k + 1);
  };
  const a = c.abilities;
  const hasActions = a.manage || a.withdraw || a.assign || c.suspensions.length > 0;

  return (
    <>
      <PreHeading>{c.reference}</PreHeading>
      <Heading level={1}>{c.title}</Heading>
      <p className="regie-badges">
        <CaseStatusBadge status={c.status} /> {c.confirmed ? null : <UnconfirmedBadge />} {c.clock !== 'none' ? <ClockBadge clock={c.clock} /> : null}
      </p>
      <LiveStatus message={status} />

      <div className="regie-two-columns">
        <Section title={t('caseDetail.facts')}>
          <CaseFacts c={c} staff />
          <Heading level={3}>{t('caseDetail.question')}</Heading>
          <Paragraph className="regie-prewrap">{c.description}</Paragraph>
          <Heading level={3}>{t('caseDetail.initiator')}</Heading>
          <InitiatorFacts c={c} />
        </Section>

        {hasActions ? (
          <Section title={t('caseDetail.actions')} className="regie-section regie-panel">
            {a.assign ? (
              <Section title={c.director ? t('assign.titleHandover') : t('assign.title')} level={3} className="regie-subsection">
                <AssignDirector
                  caseId={c.id}
                  version={c.version}
                  currentDirectorId={c.director?.id ?? null}
                  reference={c.reference}
                  onAssigned={(next) => changed(next, t('assign.done', { name: next.director?.name ?? '' }))}
                />
              </Section>
            ) : null}
            <StatusActions c={c} onChanged={changed} />
            <ClockControl c={c} onChanged={changed} />
            <WithdrawCase c={c} onChanged={changed} />
          </Section>
        ) : null}
      </div>

      <Section title={t('plan.title')}>
        {plan.current ? (
          <>
            <Paragraph>{t('plan.versionLabel', { version: plan.current.version })}</Paragraph>
            <PlanView plan={plan.current} />
          </>
        ) : (
          <Paragraph>{t('caseDetail.noPlan')}</Paragraph>
        )}
        {a.editPlan || plan.current ? (
          <Paragraph>
            <AppButtonLink to={`/zaken/${c.id}/plan`} appearance={a.editPlan ? 'primary-action-button' : 'secondary-action-button'}>
              {a.editPlan ? t('caseDetail.editPlan') : t('caseDetail.viewPlan')}
            </AppButtonLink>
          </Paragraph>
        ) : null}
      </Section>

      <AssessmentSection c={c} onChanged={() => setTimelineKey((k) => k + 1)} />
      <CommitmentsSection c={c} onChanged={() => setTimelineKey((k) => k + 1)} />
      {/* the dossier is for staff who read the case file (api: abilities.viewInternal) */}
      {a.viewInternal !== false ? (
        <Section title={t('dossier.title')}>
          <Paragraph>{t('dossier.lead')}</Paragraph>
          <DossierLink caseId={c.id} reference={c.reference} />
        </Section>
      ) : null}

      <Conversation c={c} onPosted={() => setTimelineKey((k) => k + 1)} />
      <Timeline caseId={c.id} reloadKey={timelineKey} showVisibility />
    </>
  );
}
