// The specialist's workspace "Toetsverzoeken" (docs/product.md#workspaces): the assessment
// requests of their department, open ones first, with the term end (a term ending
// within three days stands out), and the page to answer one — amendable until the
// term ends.
import { Alert, Heading, Paragraph, PreHeading, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { AssessmentRequest } from '../../api/models.js';
import { api } from '../../api.js';
import { Attachments } from '../../components/Attachments.js';
import { ErrorAlert, FirstLoad, Loading } from '../../components/feedback.js';
import { AppLink } from '../../components/links.js';
import { Section } from '../../components/Section.js';
import { WideTable } from '../../components/WideTable.js';
import { useLoad, usePageTitle } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';
import { AnswerForm } from './AnswerForm.js';
import { AnswerFacts, RoundOutcome } from './Outcome.js';
import { dueSoon, ProposalToAnswer, todayIso } from './shared.js';

function TermCell({ r }: { r: AssessmentRequest }) {
  const { t, date } = useI18n();
  const today = todayIso();
  const open = !r.answered && r.termEndsOn >= today;
  const soon = open && dueSoon(r.termEndsOn, today);
  return (
    <span className={soon ? 'regie-due--dueSoon' : undefined}>
      {soon ? <span aria-hidden="true">⚠ </span> : null}
      {date(r.termEndsOn)}
      {soon ? <span> ({t('requests.dueSoon')})</span> : null}
    </span>
  );
}

export function RequestsPage() {
  const { t } = useI18n();
  usePageTitle(t('requests.title'));
  const data = useLoad((signal) => api.assessmentRequests(signal), []);
  const today = todayIso();
  return (
    <>
      <Heading level={1}>{t('requests.title')}</Heading>
      <Paragraph>{t('requests.lead')}</Paragraph>
      {data.loading && !data.data ? <Loading /> : null}
      {data.error ? <ErrorAlert error={data.error} /> : null}
      {data.data ? (
        data.data.items.length ? (
          <WideTable caption={t('requests.caption')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('requests.proposal')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('requests.round')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('requests.termEndsOn')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('requests.state')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.data.items.map((r) => {
                const soon = !r.answered && r.termEndsOn >= today && dueSoon(r.termEndsOn, today);
                return (
                  <TableRow key={r.partyId} className={soon ? 'regie-row--dueSoon' : undefined}>
                    <TableCell>
                      {/* the case number once, visible and in the link's name */}
                      <AppLink to={`/toetsverzoeken/${r.partyId}`}>
                        <span className="regie-nowrap">{r.caseReference}</span> {r.caseTitle}
                      </AppLink>
                      <Paragraph className="regie-small regie-clamp">{r.proposal}</Paragraph>
                    </TableCell>
                    <TableCell>{r.roundNumber}</TableCell>
                    <TableCell className="regie-nowrap">
                      <TermCell r={r} />
                    </TableCell>
                    <TableCell>{r.answered ? t('requests.answered') : r.termEndsOn < today ? t('requests.termEnded') : t('requests.open')}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </WideTable>
        ) : (
          <Paragraph>{t('requests.empty')}</Paragraph>
        )
      ) : null}
    </>
  );
}

/** /toetsverzoeken/:partyId — the round, the party's answer so far, and the form. */
export function AnswerRequestPage() {
  const { t, date } = useI18n();
  const { partyId = '' } = useParams();
  const data = useLoad(
    async (signal) => {
      const requests = await api.assessmentRequests(signal);
      const request = requests.items.find((r) => r.partyId === partyId);
      if (!request) return { request: null, assessment: null, rules: [] };
      const [assessment, rules] = await Promise.all([api.assessment(request.caseId, signal), api.rules({ validOn: todayIso() }, signal)]);
      return { request, assessment, rules: rules.items };
    },
    [partyId],
  );
  const request = data.data?.request;
  const [status, setStatus] = useState<string | null>(null);
  usePageTitle(request ? t('answerPage.title', { reference: request.caseReference }) : t('requests.title'));

  if (!data.data && (data.loading || data.error)) return <FirstLoad loaded={data} title={t('requests.title')} />;
  if (!data.data || !request || !data.data.assessment)
    return (
      <>
        <Heading level={1}>{t('requests.title')}</Heading>
        <Paragraph>{t('answerPage.notFound')}</Paragraph>
        <Paragraph>
          <AppLink to="/toetsverzoeken">{t('answerPage.back')}</AppLink>
        </Paragraph>
      </>
    );
  const round = data.data.assessment.rounds.find((r) => r.parties.some((p) => p.id === partyId));
  const party = round?.parties.find((p) => p.id === partyId);
  const mayAnswer = !!party?.abilities?.answer;
  // After the term only a late objection can be raised, unless an admitted late
  // objection reopened the round for this party (docs/product.md#late-objection).
  const reopened = !!party?.reopenedUntil && party.reopenedUntil >= todayIso();
  const windowOpen = round?.status === 'open' || reopened;
  const late = mayAnswer && !windowOpen;
  // Why the round is closed, as the API says: everyone answered (the term may still run) or the term ended.
  const allAnswered = !windowOpen && round?.closedReason === 'allAnswered';
  const lead = windowOpen
    ? t('answerPage.lead', { number: request.roundNumber, date: date(reopened ? (party?.reopenedUntil ?? request.termEndsOn) : request.termEndsOn) })
    : allAnswered
      ? t('answerPage.leadAllAnswered', { number: request.roundNumber })
      : t('answerPage.leadTermEnded', { number: request.roundNumber, date: date(request.termEndsOn) });

  return (
    <>
      <Paragraph className="regie-back">
        <AppLink to="/toetsverzoeken">{t('answerPage.back')}</AppLink>
      </Paragraph>
      <PreHeading>{request.caseReference}</PreHeading>
      <Heading level={1}>{t('answerPage.heading', { title: request.caseTitle })}</Heading>
      <Paragraph>
        {lead} <AppLink to={`/zaken/${request.caseId}`}>{t('answerPage.openCase')}</AppLink>
      </Paragraph>
      <ProposalToAnswer status={status} proposal={request.proposal} />
      {party ? (
        <Section title={t('answerPage.current', { name: party.name })}>
          <AnswerFacts answer={party.answer} />
        </Section>
      ) : null}
      {mayAnswer && party ? (
        <Section
          title={late ? t('answerPage.lateTitle') : party.answer ? t('answerPage.amendTitle') : t('answerPage.answerTitle')}
          className="regie-section regie-panel"
        >
          {late ? <Paragraph>{t(allAnswered ? 'answerPage.lateLeadAllAnswered' : 'answerPage.lateLead')}</Paragraph> : null}
          {!late && party.answer ? <Paragraph>{t('answerPage.amendLead', { date: date(party.reopenedUntil ?? request.termEndsOn) })}</Paragraph> : null}
          <AnswerForm
            key={late ? 'late' : 'answer'}
            previous={late ? null : party.answer}
            objectionOnly={late}
            rules={data.data.rules}
            submitLabel={late ? t('answerForm.submitLate') : party.answer ? t('answerForm.amend') : t('answerForm.submit')}
            onSubmit={async (body) => {
              setStatus(null);
              await api.answer(party.id, body);
              setStatus(late ? t('answerForm.doneLate') : t('answerForm.done'));
              data.reload();
            }}
          />
          {/* files with the department's answer: read by the staff on the case, never by the initiator (docs/product.md#attachments) */}
          <Attachments caseId={request.caseId} on="answer" targetId={party.id} canAdd={mayAnswer} />
        </Section>
      ) : (
        <Alert type="info">
          {party?.lateObjection?.status === 'pending'
            ? t('answerPage.latePending')
            : round?.status === 'closed'
              ? t(round.closedReason === 'allAnswered' ? 'answerPage.closedAllAnswered' : 'answerPage.closed')
              : t('answerPage.cannotAnswer')}
        </Alert>
      )}
      {round ? <RoundOutcome round={round} level={2} /> : null}
    </>
  );
}
