// What the initiator sees on their own case (docs/product.md#one-consolidated-outcome,
// docs/product.md#commitments-on-record): the outcome of
// every closed assessment round — conditions, objections with the rules cited and
// "hoe wel", overrules — and every commitment made to them, with its status.
import { Paragraph } from '@utrecht/component-library-react';
import { api } from '../../api.js';
import { ErrorAlert, Loading } from '../../components/feedback.js';
import { Section } from '../../components/Section.js';
import { useLoad } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';
import { CommitmentCard } from '../commitments/CommitmentCard.js';
import { AssessmentOutcome, ConsolidatedOutcome } from './Outcome.js';

export function InitiatorAssessment({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const data = useLoad((signal) => api.assessment(caseId, signal), [caseId]);
  return (
    <Section title={t('assessment.titleInitiator')}>
      <Paragraph>{t('assessment.leadInitiator')}</Paragraph>
      {data.loading && !data.data ? <Loading /> : null}
      {data.error ? <ErrorAlert error={data.error} /> : null}
      {data.data?.rounds.some((r) => r.status === 'closed') ? <ConsolidatedOutcome outcome={data.data.outcome} summary={data.data.summary} /> : null}
      {data.data ? <AssessmentOutcome rounds={data.data.rounds} closedOnly empty={t('assessment.noClosedRounds')} /> : null}
    </Section>
  );
}

export function InitiatorCommitments({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const data = useLoad((signal) => api.caseCommitments(caseId, signal), [caseId]);
  return (
    <Section title={t('commitments.titleInitiator')}>
      {data.loading && !data.data ? <Loading /> : null}
      {data.error ? <ErrorAlert error={data.error} /> : null}
      {data.data ? (
        data.data.items.length ? (
          data.data.items.map((c) => <CommitmentCard key={c.id} c={c} level={3} />)
        ) : (
          <Paragraph>{t('commitments.noneInitiator')}</Paragraph>
        )
      ) : null}
    </Section>
  );
}
