// The resident's survey behind the personal link in their e-mail (no login;
// docs/product.md#the-report-mark): a report mark 1–10, four optional scores 1–5 and
// an open answer. The same link shows the answer prefilled and changes it for 14 days
// after the first answer; after that it only shows it. An unknown or expired link says so.
import { Alert, Button, Heading, Paragraph, PreHeading } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import type { ResponseOf } from '../../api/models.js';
import { api } from '../../api.js';
import { RadioGroup, TextAreaField } from '../../components/Fields.js';
import { ErrorAlert, ErrorSummary, LiveStatus, Loading } from '../../components/feedback.js';
import type { FieldErrors } from '../../components/forms.js';
import { Section } from '../../components/Section.js';
import { useCheckedSubmit, useLoad, usePageTitle } from '../../hooks.js';
import { type MessageKey, useI18n } from '../../i18n/index.js';

type Survey = ResponseOf<'/survey-links/{token}', 'get'>;
const SCORES = ['directorClear', 'planConcrete', 'promisesKept', 'speed'] as const;
type Score = (typeof SCORES)[number];
const FIELDS = ['mark', ...SCORES, 'comment'] as const;
const COMMENT_MAX = 2000;

export function SurveyPage() {
  const { t, date } = useI18n();
  const { token = '' } = useParams();
  usePageTitle(t('survey.title'));
  const data = useLoad((signal) => api.survey(token, signal), [token]);
  const [status, setStatus] = useState<string | null>(null);

  if (!token)
    return (
      <>
        <Heading level={1}>{t('survey.title')}</Heading>
        <Alert type="error">{t('survey.missing')}</Alert>
      </>
    );
  if (data.loading && !data.data) return <Loading />;
  if (data.error && !data.data)
    return (
      <>
        <Heading level={1}>{t('survey.title')}</Heading>
        {data.error.status === 404 || data.error.status === 410 ? (
          <Alert type="error">
            <Paragraph>{data.error.status === 410 ? data.error.title : t('survey.expired')}</Paragraph>
            <Paragraph>{t('survey.expiredHelp')}</Paragraph>
          </Alert>
        ) : (
          <ErrorAlert error={data.error} loginLink={false} />
        )}
      </>
    );
  if (!data.data) return null;
  const v = data.data;
  return (
    <>
      <PreHeading>{`${v.municipality} · ${v.caseReference}`}</PreHeading>
      <Heading level={1}>{t('survey.title')}</Heading>
      <Paragraph>{t(v.moment === 'planAgreed' ? 'survey.leadPlan' : 'survey.lead', { reference: v.caseReference, municipality: v.municipality })}</Paragraph>
      <LiveStatus message={status} focus />
      {v.may === 'none' ? (
        <>
          <Alert type="info">{t('survey.closed')}</Alert>
          {v.answer ? <AnswerSummary survey={v} /> : null}
        </>
      ) : (
        <>
          {v.changeableUntil ? <Paragraph>{t('survey.changeUntil', { date: date(v.changeableUntil) })}</Paragraph> : null}
          <SurveyForm
            survey={v}
            onSaved={(s) => {
              data.setData(s);
              setStatus(`${t('survey.thanks')}${s.changeableUntil ? ` ${t('survey.changeUntil', { date: date(s.changeableUntil) })}` : ''}`);
            }}
            token={token}
          />
        </>
      )}
    </>
  );
}

function AnswerSummary({ survey }: { survey: Survey }) {
  const { t } = useI18n();
  const a = survey.answer;
  if (!a) return null;
  return (
    <Section title={t('survey.yourAnswer')}>
      <Paragraph>
        {t('survey.mark')} <strong>{a.mark}</strong>
      </Paragraph>
      {SCORES.map((s) => (a[s] !== null ? <Paragraph key={s}>{`${t(`survey.${s}` as MessageKey)} ${a[s]}`}</Paragraph> : null))}
      {a.comment ? <Paragraph className="regie-prewrap">{a.comment}</Paragraph> : null}
    </Section>
  );
}

function SurveyForm({ survey, token, onSaved }: { survey: Survey; token: string; onSaved(s: Survey): void }) {
  const { t } = useI18n();
  const submit = useCheckedSubmit(FIELDS);
  const [mark, setMark] = useState('');
  const [scores, setScores] = useState<Record<Score, string>>({ directorClear: '', planConcrete: '', promisesKept: '', speed: '' });
  const [comment, setComment] = useState('');
  useEffect(() => {
    const a = survey.answer;
    if (!a) return;
    setMark(String(a.mark));
    setScores({
      directorClear: a.directorClear === null ? '' : String(a.directorClear),
      planConcrete: a.planConcrete === null ? '' : String(a.planConcrete),
      promisesKept: a.promisesKept === null ? '' : String(a.promisesKept),
      speed: a.speed === null ? '' : String(a.speed),
    });
    setComment(a.comment ?? '');
  }, [survey.answer]);

  const labels: Record<(typeof FIELDS)[number], string> = {
    mark: t('survey.mark'),
    directorClear: t('survey.directorClear'),
    planConcrete: t('survey.planConcrete'),
    promisesKept: t('survey.promisesKept'),
    speed: t('survey.speed'),
    comment: t('survey.comment'),
  };
  const score = (s: Score) => (scores[s] === '' ? null : Number(scores[s]));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const c: FieldErrors = {};
    if (!mark) c.mark = t('survey.error.mark');
    if (comment.length > COMMENT_MAX) c.comment = t('survey.error.comment');
    if (!submit.checked(c)) return;
    const saved = await submit.run(() =>
      api.answerSurvey(token, {
        mark: Number(mark),
        directorClear: score('directorClear'),
        planConcrete: score('planConcrete'),
        promisesKept: score('promisesKept'),
        speed: score('speed'),
        comment: comment.trim() || null,
      }),
    );
    if (saved) onSaved(saved);
  }

  const errors = submit.errors;
  const fivePoint = [{ value: '', label: t('survey.noAnswer') }, ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }))];
  return (
    <form noValidate onSubmit={onSubmit} className="regie-form">
      <ErrorSummary error={submit.error} errors={errors} labels={labels} />
      <RadioGroup
        name="mark"
        legend={
          <>
            {labels.mark} <span className="regie-visually-hidden">(1–10)</span>
          </>
        }
        description={t('survey.markHint')}
        value={mark}
        onChange={setMark}
        error={errors.mark}
        options={Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))}
      />
      <Heading level={2}>{t('survey.scoresTitle')}</Heading>
      <Paragraph>{t('survey.scoresHint')}</Paragraph>
      {SCORES.map((s) => (
        <RadioGroup
          key={s}
          name={s}
          legend={labels[s]}
          value={scores[s]}
          onChange={(v) => setScores((x) => ({ ...x, [s]: v }))}
          error={errors[s]}
          options={fivePoint}
        />
      ))}
      <TextAreaField
        name="comment"
        label={labels.comment}
        description={t('survey.commentHint')}
        value={comment}
        onChange={setComment}
        error={errors.comment}
        optional
        rows={5}
      />
      <Button type="submit" appearance="primary-action-button" busy={submit.busy}>
        {survey.answer ? t('survey.change') : t('survey.submit')}
      </Button>
    </form>
  );
}
