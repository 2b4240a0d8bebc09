// /gedeelde-verzoeken — the provider's specialist's requests from other municipalities
// under a sharing agreement in force (docs/product.md#another-municipalitys-department-in-a-round),
// and the page to answer one with the rules register of the municipality whose case it
// is. Only the minimum of the case is shown: no initiator, no contact details.
import { Alert, Heading, Paragraph, PreHeading, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { intermunicipalApi } from '../../api/intermunicipal.js';
import { ErrorAlert, FirstLoad, Loading } from '../../components/feedback.js';
import { AppLink } from '../../components/links.js';
import { Section } from '../../components/Section.js';
import { WideTable } from '../../components/WideTable.js';
import { useLoad, usePageTitle } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';
import { AnswerForm } from '../assessment/AnswerForm.js';
import { AnswerFacts } from '../assessment/Outcome.js';
import { ProposalToAnswer } from '../assessment/shared.js';

export function SharedRequestsPage() {
  const { t, date } = useI18n();
  usePageTitle(t('sharedRequests.title'));
  const data = useLoad((signal) => intermunicipalApi.sharedRequests(signal), []);
  return (
    <>
      <Heading level={1}>{t('sharedRequests.title')}</Heading>
      <Paragraph>{t('sharedRequests.lead')}</Paragraph>
      {data.loading && !data.data ? <Loading /> : null}
      {data.error ? <ErrorAlert error={data.error} /> : null}
      {data.data ? (
        data.data.items.length ? (
          <WideTable caption={t('sharedRequests.caption')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('sharedRequests.request')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('sharedRequests.municipality')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('sharedRequests.termEndsOn')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('sharedRequests.state')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.data.items.map((r) => (
                <TableRow key={r.partyId}>
                  <TableCell>
                    <AppLink to={`/gedeelde-verzoeken/${r.partyId}`}>
                      <span className="regie-nowrap">{r.caseReference}</span> {r.caseTitle}
                    </AppLink>
                    <Paragraph className="regie-small regie-clamp">{r.proposal}</Paragraph>
                  </TableCell>
                  <TableCell>{r.municipalityName}</TableCell>
                  <TableCell className="regie-nowrap">{date(r.termEndsOn)}</TableCell>
                  <TableCell>
                    {r.answered ? t('sharedRequests.answered') : r.status === 'closed' ? t('sharedRequests.closed') : t('sharedRequests.open')}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </WideTable>
        ) : (
          <Paragraph>{t('sharedRequests.empty')}</Paragraph>
        )
      ) : null}
    </>
  );
}

/** /gedeelde-verzoeken/:id — one request from another municipality and the answer form. */
export function SharedRequestPage() {
  const { t, date } = useI18n();
  const { id = '' } = useParams();
  const data = useLoad((signal) => intermunicipalApi.sharedRequest(id, signal), [id]);
  const [status, setStatus] = useState<string | null>(null);
  const r = data.data;
  usePageTitle(r ? t('sharedRequests.pageTitle', { reference: r.case.reference }) : t('sharedRequests.title'));
  if (!r && (data.loading || data.error)) {
    if (data.error?.status === 404)
      return (
        <>
          <Heading level={1}>{t('sharedRequests.title')}</Heading>
          <Paragraph>{t('sharedRequests.notFound')}</Paragraph>
          <Paragraph>
            <AppLink to="/gedeelde-verzoeken">{t('sharedRequests.back')}</AppLink>
          </Paragraph>
        </>
      );
    return <FirstLoad loaded={data} title={t('sharedRequests.title')} />;
  }
  if (!r) return null;
  const open = r.round.status === 'open';
  const late = r.abilities.answer && !open;
  return (
    <>
      <Paragraph className="regie-back">
        <AppLink to="/gedeelde-verzoeken">{t('sharedRequests.back')}</AppLink>
      </Paragraph>
      <PreHeading>{t('sharedRequests.from', { municipality: r.municipalityName, reference: r.case.reference })}</PreHeading>
      <Heading level={1}>{r.case.title}</Heading>
      <Paragraph>
        {open
          ? t('sharedRequests.leadOpen', { party: r.partyName, number: r.round.number, date: date(r.round.termEndsOn) })
          : t('sharedRequests.leadClosed', { number: r.round.number })}
      </Paragraph>
      <Section title={t('sharedRequests.caseTitle')}>
        <dl className="regie-facts">
          <dt>{t('sharedRequests.description')}</dt>
          <dd className="regie-prewrap">{r.case.description}</dd>
          <dt>{t('sharedRequests.location')}</dt>
          <dd>{r.case.location}</dd>
        </dl>
        <Paragraph className="regie-small">{t('sharedRequests.minimum')}</Paragraph>
      </Section>
      <ProposalToAnswer status={status} proposal={r.round.proposal} />
      <Section title={t('sharedRequests.current')}>
        <AnswerFacts
          answer={r.answer ? { ...r.answer, answeredBy: { name: r.answer.answeredByName }, amendments: 0, overrule: null, withdrawal: null } : null}
        />
      </Section>
      {r.abilities.answer ? (
        <Section
          title={late ? t('answerPage.lateTitle') : r.answer ? t('answerPage.amendTitle') : t('answerPage.answerTitle')}
          className="regie-section regie-panel"
        >
          <Paragraph>{t('sharedRequests.rulesOf', { municipality: r.municipalityName })}</Paragraph>
          <AnswerForm
            key={late ? 'late' : 'answer'}
            previous={late ? null : r.answer}
            objectionOnly={late}
            rules={r.rules}
            submitLabel={late ? t('answerForm.submitLate') : r.answer ? t('answerForm.amend') : t('answerForm.submit')}
            onSubmit={async (body) => {
              setStatus(null);
              await intermunicipalApi.answer(r.partyId, body);
              setStatus(late ? t('answerForm.doneLate') : t('answerForm.done'));
              data.reload();
            }}
          />
        </Section>
      ) : (
        <Alert type="info">{t('sharedRequests.cannotAnswer')}</Alert>
      )}
    </>
  );
}
