// "Integrale toets" on the staff case page: every round with the consolidated
// outcome per party, late objections, overruling where the API allows it, and
// opening a new round for the director (docs/product.md#the-assessment-round).
import { Paragraph } from '@utrecht/component-library-react';
import type { CaseDetail } from '../../api/models.js';
import { api } from '../../api.js';
import { FormDisclosure } from '../../components/Disclosure.js';
import { ErrorAlert, Loading } from '../../components/feedback.js';
import { Section } from '../../components/Section.js';
import { useI18n } from '../../i18n/index.js';
import { useCaseSection } from '../case/useCaseSection.js';
import { LateObjectionList } from './LateObjections.js';
import { OpenRoundForm } from './OpenRoundForm.js';
import { AssessmentOutcome, ConsolidatedOutcome } from './Outcome.js';

export function AssessmentSection({ c, onChanged }: { c: CaseDetail; onChanged(): void }) {
  const { t } = useI18n();
  const { data, status, changed } = useCaseSection(
    c,
    async (signal) => {
      const [assessment, org] = await Promise.all([api.assessment(c.id, signal), api.organisation(signal)]);
      return { assessment, org };
    },
    onChanged,
  );
  const a = data.data?.assessment;
  // The first round: the case's director or a coordinator (c.abilities.manage); after
  // that the API says per round whether a follow-up may be opened.
  const mayOpen = a?.abilities.openRound ?? false;
  const anyOpen = !!a?.rounds.some((r) => r.status === 'open');

  return (
    <Section title={t('assessment.title')} anchor="integrale-toets">
      {status}
      {data.loading && !data.data ? <Loading /> : null}
      {data.error ? <ErrorAlert error={data.error} /> : null}
      {a ? (
        <>
          {a.rounds.length ? <ConsolidatedOutcome outcome={a.outcome} summary={a.summary} /> : null}
          <AssessmentOutcome rounds={a.rounds} onChanged={changed} empty={t('assessment.noRounds')} />
          {a.lateObjections.length ? (
            <Section title={t('lateObjections.onCase')} level={3}>
              <LateObjectionList items={a.lateObjections} level={4} onChanged={changed} />
            </Section>
          ) : null}
          {mayOpen && data.data ? (
            <Section title={t('openRound.title')} level={3} className="regie-section regie-panel">
              {anyOpen ? <Paragraph>{t('openRound.alreadyOpen')}</Paragraph> : <Paragraph>{t('openRound.lead')}</Paragraph>}
              <FormDisclosure label={t('caseUx.openRoundOpen')}>
                {(done) => (
                  <OpenRoundForm
                    caseId={c.id}
                    departments={data.data?.org.departments ?? []}
                    rounds={a.rounds}
                    onOpened={(r) => {
                      done(t('openRound.done', { number: r.number }));
                      changed(null);
                    }}
                  />
                )}
              </FormDisclosure>
            </Section>
          ) : null}
        </>
      ) : null}
    </Section>
  );
}
