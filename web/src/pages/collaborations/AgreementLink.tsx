// The page an outside party reaches through the one-time link in its e-mail, without an
// account (docs/product.md#agreements-within-a-collaboration): the agreement recorded in
// its name, confirmed or disputed with a reason. A used, expired or unknown link says so.
import { Alert, Button, Heading, Paragraph, PreHeading } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import type { ResponseOf } from '../../api/models.js';
import { api } from '../../api.js';
import { TextAreaField } from '../../components/Fields.js';
import { ErrorAlert, LiveStatus, Loading } from '../../components/feedback.js';
import { useLoad, usePageTitle, useSubmit } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';

type Link = ResponseOf<'/agreement-links/{token}', 'get'>;

export function AgreementLinkPage() {
  const { t, date } = useI18n();
  const token = useParams().token ?? '';
  const data = useLoad((signal) => api.agreementLink(token, signal), [token]);
  const [answered, setAnswered] = useState<Link | null>(null);
  usePageTitle(t('agreementLink.title'));
  const s = useSubmit();
  const [reason, setReason] = useState('');
  const [disputing, setDisputing] = useState(false);

  const answer = async (decision: 'confirm' | 'dispute') => {
    const r = await s.run(() => api.answerAgreementLink(token, { decision, reason: decision === 'dispute' ? reason : null }));
    if (r) setAnswered(r);
  };
  const dispute = (e: FormEvent) => {
    e.preventDefault();
    void answer('dispute');
  };

  if (data.loading && !data.data) return <Loading />;
  if (data.error && !data.data && !answered)
    return (
      <>
        <Heading level={1}>{t('agreementLink.title')}</Heading>
        {data.error.status === 404 || data.error.status === 410 ? (
          <Alert type="error">
            <Paragraph>{data.error.title || t('agreementLink.gone')}</Paragraph>
          </Alert>
        ) : (
          <ErrorAlert error={data.error} loginLink={false} />
        )}
      </>
    );
  const v = answered ?? data.data;
  if (!v) return null;
  return (
    <>
      <PreHeading>{`${v.municipality} · ${v.collaboration}`}</PreHeading>
      <Heading level={1}>{t('agreementLink.title')}</Heading>
      <Paragraph>{t('agreementLink.lead', { municipality: v.municipality, collaboration: v.collaboration, party: v.party })}</Paragraph>
      <dl className="regie-facts">
        <dt>{t('agreementLink.what')}</dt>
        <dd>{v.what}</dd>
        <dt>{t('agreementLink.to')}</dt>
        <dd>{v.madeTo}</dd>
        <dt>{t('agreementLink.due')}</dt>
        <dd>{date(v.dueOn)}</dd>
        <dt>{t('agreementLink.madeOn')}</dt>
        <dd>{date(v.madeOn)}</dd>
      </dl>
      <LiveStatus focus message={answered ? t(answered.answer?.answer === 'disputed' ? 'agreementLink.disputed' : 'agreementLink.confirmed') : null} />
      {answered ? null : (
        <>
          {s.error ? <ErrorAlert error={s.error} loginLink={false} /> : null}
          <Button appearance="primary-action-button" type="button" onClick={() => answer('confirm')}>
            {t('agreementLink.confirm')}
          </Button>{' '}
          <Button appearance="secondary-action-button" type="button" onClick={() => setDisputing(true)} aria-expanded={disputing}>
            {t('agreementLink.dispute')}
          </Button>
          {disputing ? (
            <form onSubmit={dispute} noValidate>
              <TextAreaField name="reason" label={t('agreementLink.reason')} value={reason} onChange={setReason} required />
              <Button appearance="primary-action-button" type="submit">
                {t('agreementLink.dispute')}
              </Button>
            </form>
          ) : null}
        </>
      )}
    </>
  );
}
