// The page an outside party reaches through the one-time link in their e-mail (no
// login; docs/product.md#the-assessment-round): the proposal, their answer so far, and the answer form.
// An expired, foreign or used-up link answers 404/410 and says so.
import { Alert, Heading, Paragraph, PreHeading } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { api } from '../../api.js';
import { ErrorAlert, Loading } from '../../components/feedback.js';
import { Section } from '../../components/Section.js';
import { useLoad, usePageTitle } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';
import { AnswerForm } from './AnswerForm.js';
import { AnswerFacts } from './Outcome.js';
import { ProposalToAnswer, todayIso } from './shared.js';

export function OutsideAnswerPage() {
  const { t, date } = useI18n();
  const params = useParams();
  const { hash } = useLocation();
  // the token is in the path (/toets/:token) or, kept out of server logs, in the fragment
  const token = params.token ?? decodeURIComponent(hash.replace(/^#/, ''));
  const data = useLoad((signal) => api.assessmentLink(token, signal), [token]);
  usePageTitle(t('outside.title'));
  const [status, setStatus] = useState<string | null>(null);

  if (!token)
    return (
      <>
        <Heading level={1}>{t('outside.title')}</Heading>
        <Alert type="error">{t('outside.missing')}</Alert>
      </>
    );
  if (data.loading && !data.data) return <Loading />;
  if (data.error && !data.data)
    return (
      <>
        <Heading level={1}>{t('outside.title')}</Heading>
        {data.error.status === 404 || data.error.status === 410 ? (
          <Alert type="error">
            <Paragraph>{data.error.title || t('outside.expired')}</Paragraph>
            <Paragraph>{t('outside.expiredHelp')}</Paragraph>
          </Alert>
        ) : (
          <ErrorAlert error={data.error} loginLink={false} />
        )}
      </>
    );
  if (!data.data) return null;
  const v = data.data;
  const late = v.may === 'lateObjection';
  // The link gives no close reason: a late-objection-only link whose term has not passed
  // means the round closed early because every party answered.
  const allAnswered = late && todayIso() <= v.termEndsOn;
  return (
    <>
      <PreHeading>{`${v.municipality} · ${v.caseReference}`}</PreHeading>
      <Heading level={1}>{t('outside.heading', { title: v.caseTitle })}</Heading>
      <Paragraph>
        {t(allAnswered ? 'outside.leadAllAnswered' : late ? 'outside.leadClosed' : 'outside.lead', {
          name: v.party.organisation ? `${v.party.name} (${v.party.organisation})` : v.party.name,
          date: date(v.termEndsOn),
        })}
      </Paragraph>
      <ProposalToAnswer status={status} proposal={v.proposal} />
      {v.answer ? (
        <Section title={t('outside.yourAnswer')}>
          <AnswerFacts answer={{ ...v.answer, overrule: null, withdrawal: null }} />
        </Section>
      ) : null}
      {v.may === 'none' ? (
        <Alert type="info">{t('outside.used')}</Alert>
      ) : (
        <Section
          title={late ? t('answerPage.lateTitle') : v.answer ? t('answerPage.amendTitle') : t('answerPage.answerTitle')}
          className="regie-section regie-panel"
        >
          {late ? <Paragraph>{t(allAnswered ? 'answerPage.lateLeadAllAnswered' : 'answerPage.lateLead')}</Paragraph> : null}
          <AnswerForm
            previous={late ? null : v.answer}
            objectionOnly={late}
            rules={v.rules}
            submitLabel={late ? t('answerForm.submitLate') : v.answer ? t('answerForm.amend') : t('answerForm.submit')}
            onSubmit={async (body) => {
              setStatus(null);
              data.setData(await api.answerByLink(token, body));
              setStatus(late ? t('answerForm.doneLate') : t('answerForm.done'));
            }}
          />
        </Section>
      )}
    </>
  );
}
