// The staff view of one case, in sections with headings and an in-page menu: a
// summary that stays in view on wide screens (status, director, clock, round), the
// facts, the actions the API allows (status, clock, director), the plan, the
// assessment, commitments, the dossier, notes and messages, the timeline, and — apart
// from the rest — withdrawing the case. Forms open on demand; after an action its
// message takes focus (WCAG 2.4.3).
import { Heading, Paragraph, PreHeading } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { CaseDetail } from '../../api/models.js';
import { api } from '../../api.js';
import { AssignDirector } from '../../components/AssignDirector.js';
import { CaseAttachments } from '../../components/Attachments.js';
import { CaseStatusBadge, ClockBadge, UnconfirmedBadge } from '../../components/badges.js';
import { CaseFacts, InitiatorFacts } from '../../components/CaseFacts.js';
import { FirstLoad, useFocusedStatus } from '../../components/feedback.js';
import { RevealIdentityNumber } from '../../components/LoginDetails.js';
import { AppButtonLink } from '../../components/links.js';
import { PlanView } from '../../components/PlanView.js';
import { Section } from '../../components/Section.js';
import { Timeline } from '../../components/Timeline.js';
import { useCurrentUser } from '../../currentUser.js';
import { useLoad } from '../../hooks.js';
import { type MessageKey, useI18n } from '../../i18n/index.js';
import { AssessmentSection } from '../assessment/AssessmentSection.js';
import { CommitmentsSection, DossierLink } from '../commitments/CommitmentsSection.js';
import { CaseZaak } from './CaseZaak.js';
import { ClockControl } from './ClockControl.js';
import { Conversation } from './Conversation.js';
import { PlaceControl } from './PlaceControl.js';
import { StatusActions, WithdrawCase } from './StatusActions.js';
import { useCaseAndPlan } from './useCaseAndPlan.js';

export function CaseDetailPage() {
  const { t } = useI18n();
  const data = useCaseAndPlan(t('caseDetail.title'));
  const { me } = useCurrentUser();
  const status = useFocusedStatus();
  const [timelineKey, setTimelineKey] = useState(0);

  if (!data.data) return <FirstLoad loaded={data} title={t('caseDetail.title')} />;
  const { c, plan } = data.data;
  const changed = (next: CaseDetail, message: string) => {
    data.setData({ c: next, plan });
    status.show(message);
    setTimelineKey((k) => k + 1);
  };
  const a = c.abilities;
  const hasActions = a.manage || a.assign || c.suspensions.length > 0;
  const showDossier = a.viewInternal !== false;
  const menu: [string, MessageKey, boolean][] = [
    ['gegevens', 'caseDetail.facts', true],
    ['acties', 'caseDetail.actions', hasActions],
    ['plan', 'plan.title', true],
    ['integrale-toets', 'assessment.title', true],
    ['toezeggingen', 'commitments.title', true],
    ['dossier', 'dossier.title', showDossier],
    ['reacties', 'participation.sectionTitle', showDossier],
    ['notities', 'caseUx.notesTitle', a.note],
    ['bericht', 'message.titleStaff', a.message],
    ['tijdlijn', 'timeline.title', true],
    ['intrekken', 'withdraw.titleStaff', a.withdraw],
  ];

  return (
    <div className="regie-case">
      <PreHeading>{c.reference}</PreHeading>
      <Heading level={1}>{c.title}</Heading>
      <CaseSummary c={c} reloadKey={timelineKey} />
      {status.element}

      <nav aria-label={t('caseUx.onThisPage')} className="regie-toc">
        <Heading level={2} appearance="utrecht-heading-4">
          {t('caseUx.onThisPage')}
        </Heading>
        <ul>
          {menu
            .filter(([, , shown]) => shown)
            .map(([id, key]) => (
              <li key={id}>
                <a href={`#${id}`} className="utrecht-link utrecht-link--html-a" onClick={jumpTo(id)}>
                  {t(key)}
                </a>
              </li>
            ))}
        </ul>
      </nav>

      <div className="regie-two-columns">
        <Section title={t('caseDetail.facts')} anchor="gegevens">
          <CaseFacts c={c} staff />
          <Heading level={3}>{t('caseDetail.question')}</Heading>
          <Paragraph className="regie-prewrap">{c.description}</Paragraph>
          <Heading level={3}>{t('caseDetail.initiator')}</Heading>
          <InitiatorFacts c={c} />
          {me?.role === 'admin' && c.confirmed ? <RevealIdentityNumber caseId={c.id} /> : null}
        </Section>

        {hasActions ? (
          <Section title={t('caseDetail.actions')} className="regie-section regie-panel" anchor="acties">
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
            <PlaceControl c={c} onChanged={changed} />
          </Section>
        ) : null}
      </div>

      <Section title={t('plan.title')} anchor="plan">
        {plan.current ? (
          <>
            <Paragraph>{t('plan.versionLabel', { version: plan.current.version })}</Paragraph>
            <PlanView plan={plan.current} />
          </>
        ) : (
          <Paragraph>{t('caseDetail.noPlan')}</Paragraph>
        )}
        {a.editPlan || plan.current ? (
          <Paragraph className="regie-screen-only">
            <AppButtonLink to={`/zaken/${c.id}/plan`} appearance={a.editPlan ? 'primary-action-button' : 'secondary-action-button'}>
              {a.editPlan ? t('caseDetail.editPlan') : t('caseDetail.viewPlan')}
            </AppButtonLink>
          </Paragraph>
        ) : null}
      </Section>

      <AssessmentSection c={c} onChanged={() => setTimelineKey((k) => k + 1)} />
      <CommitmentsSection c={c} onChanged={() => setTimelineKey((k) => k + 1)} />
      {/* the dossier is for staff who read the case file (api: abilities.viewInternal) */}
      {showDossier ? (
        <Section title={t('dossier.title')} anchor="dossier">
          <Paragraph>{t('dossier.lead')}</Paragraph>
          <DossierLink caseId={c.id} reference={c.reference} />
          <CaseZaak caseId={c.id} />
        </Section>
      ) : null}
      {/* responses from neighbours: for staff who read the case file (docs/product.md#response-periods) */}
      {showDossier ? (
        <Section title={t('participation.sectionTitle')} anchor="reacties">
          <Paragraph>{t('participation.sectionLead')}</Paragraph>
          <AppButtonLink to={`/zaken/${c.id}/reacties`}>{t('participation.manage')}</AppButtonLink>
        </Section>
      ) : null}

      <CaseAttachments c={c} onChanged={() => setTimelineKey((k) => k + 1)} />
      <Conversation c={c} onPosted={() => setTimelineKey((k) => k + 1)} />
      <Timeline caseId={c.id} reloadKey={timelineKey} showVisibility anchor="tijdlijn" />
      <WithdrawCase c={c} onChanged={changed} />
    </div>
  );
}

/** Follow an in-page link: the section's heading takes focus, so reading and tabbing go on from there. */
const jumpTo = (id: string) => (e: React.MouseEvent) => {
  const target = document.getElementById(id);
  if (!target) return;
  e.preventDefault();
  target.tabIndex = -1;
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'start' });
  window.history.replaceState(window.history.state, '', `#${id}`);
};

/**
 * Where the case stands, in one line: status, director, plan clock and the latest
 * assessment round. Sticky on wide screens only, so at 320 px it never covers the
 * content it summarises (WCAG 1.4.10).
 */
function CaseSummary({ c, reloadKey }: { c: CaseDetail; reloadKey: number }) {
  const { t, date } = useI18n();
  const assessment = useLoad((signal) => api.assessment(c.id, signal), [c.id, c.status, reloadKey]);
  const last = assessment.data?.rounds.at(-1);
  return (
    <section className="regie-case-summary" aria-label={t('caseUx.summary')}>
      <dl>
        <div>
          <dt>{t('caseUx.summaryStatus')}</dt>
          <dd>
            <CaseStatusBadge status={c.status} /> {c.confirmed ? null : <UnconfirmedBadge />}
          </dd>
        </div>
        <div>
          <dt>{t('case.director')}</dt>
          <dd>{c.director ? c.director.name : t('case.noDirectorYet')}</dd>
        </div>
        <div>
          <dt>{t('caseUx.summaryClock')}</dt>
          <dd>
            {c.clock !== 'none' ? <ClockBadge clock={c.clock} /> : t('caseUx.summaryNoClock')}
            {c.planDueOn ? ` ${t('caseUx.summaryDue', { date: date(c.planDueOn) })}` : null}
          </dd>
        </div>
        <div>
          <dt>{t('caseUx.summaryRound')}</dt>
          <dd>{last ? t(last.status === 'open' ? 'round.titleOpen' : 'round.titleClosed', { number: last.number }) : t('caseUx.summaryNoRound')}</dd>
        </div>
      </dl>
    </section>
  );
}
