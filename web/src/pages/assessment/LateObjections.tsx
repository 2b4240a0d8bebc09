// Late objections (docs/product.md#late-objection): an objection to a closed round waits for the
// coordinator, who admits it (the round reopens for that party) or sets it aside,
// always with a reason. The coordinator's page lists them by status.
import { Button, Fieldset, FieldsetLegend, Heading, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { type AssessmentAnswer, LATE_OBJECTION_STATUSES, type LateObjection, type LateObjectionDecision, type LateObjectionStatus } from '../../api/models.js';
import { api } from '../../api.js';
import { RadioGroup, TextAreaField } from '../../components/Fields.js';
import { ErrorAlert, ErrorSummary, LiveStatus, Loading } from '../../components/feedback.js';
import type { FieldErrors } from '../../components/forms.js';
import { AppLink } from '../../components/links.js';
import { Section } from '../../components/Section.js';
import { useCheckedSubmit, useLoad, usePageTitle } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';
import { AnswerFacts } from './Outcome.js';

const LOOK: Record<LateObjectionStatus, string> = { pending: 'warning', admitted: 'active', setAside: 'inactive' };

const answerOf = (o: LateObjection): Omit<AssessmentAnswer, 'asOf'> => ({
  kind: 'objection',
  withdrawal: null,
  conditions: null,
  rules: o.rules,
  whyApplies: o.whyApplies,
  howItCouldBeDone: o.howItCouldBeDone,
  answeredAt: o.raisedAt,
  answeredBy: o.raisedBy,
  late: true,
  amendments: 0,
  overrule: null,
});

function DecisionForm({ o, onDecided }: { o: LateObjection; onDecided(message: string): void }) {
  const { t } = useI18n();
  const submit = useCheckedSubmit(['decision', 'reason']);
  const [decision, setDecision] = useState<LateObjectionDecision | ''>('');
  const [reason, setReason] = useState('');
  const prefix = `late-${o.id}`;
  const ids = { decision: `veld-${prefix}-decision`, reason: `veld-${prefix}-reason` };
  const labels = { decision: t('lateObjections.decision'), reason: t('lateObjections.reason') };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const c: FieldErrors = {};
    if (!decision) c.decision = t('lateObjections.error.decision');
    if (!reason.trim()) c.reason = t('lateObjections.error.reason');
    if (!submit.checked(c) || !decision) return;
    const r = await submit.run(() => api.decideLateObjection(o.id, decision, reason.trim()));
    if (r) onDecided(t(decision === 'admit' ? 'lateObjections.admitted' : 'lateObjections.setAsideDone'));
  }
  const errors = submit.errors;
  return (
    <form noValidate onSubmit={onSubmit} className="regie-form regie-form--compact">
      <ErrorSummary error={submit.error} errors={errors} labels={labels} ids={ids} />
      <RadioGroup
        name={`${prefix}-decision`}
        legend={labels.decision}
        value={decision}
        onChange={(v) => setDecision(v as LateObjectionDecision)}
        error={errors.decision}
        options={[
          { value: 'admit', label: t('lateObjections.admit') },
          { value: 'setAside', label: t('lateObjections.setAside') },
        ]}
      />
      <TextAreaField
        name={`${prefix}-reason`}
        label={labels.reason}
        description={t('lateObjections.reasonHint')}
        value={reason}
        onChange={setReason}
        error={errors.reason}
        required
        rows={3}
      />
      <Button type="submit" appearance="primary-action-button" busy={submit.busy}>
        {t('lateObjections.submit')}
      </Button>
    </form>
  );
}

export function LateObjectionList({
  items,
  level,
  onChanged,
  withCase = false,
}: {
  items: LateObjection[];
  level: number;
  onChanged(message: string): void;
  withCase?: boolean;
}) {
  const { t, date, dateTime } = useI18n();
  return (
    <>
      {items.map((o) => {
        const mayDecide = o.status === 'pending' && o.abilities.decide;
        return (
          <Section
            key={o.id}
            level={level}
            className="regie-section regie-late"
            title={t('lateObjections.itemTitle', { party: o.partyName, number: o.roundNumber })}
          >
            <p className="regie-badges">
              <StatusBadge status={LOOK[o.status]}>{t(`lateStatus.${o.status}`)}</StatusBadge>
              <span className="regie-small"> {t('lateObjections.receivedAt', { when: dateTime(o.raisedAt) })}</span>
            </p>
            <Paragraph>
              {o.cause === 'serial' ? t('lateObjections.causeSerial', { number: o.serialOfRoundNumber ?? '?' }) : t('lateObjections.causeAfterClose')}
              {o.reopenedUntil ? ` ${t('lateObjections.reopenedUntil', { date: date(o.reopenedUntil) })}` : ''}
            </Paragraph>
            {withCase ? (
              <Paragraph>
                <AppLink to={`/zaken/${o.caseId}#integrale-toets`}>
                  {o.caseReference} {o.caseTitle}
                </AppLink>
              </Paragraph>
            ) : null}
            <AnswerFacts answer={answerOf(o)} />
            {o.decisionReason ? (
              <Paragraph>
                <strong>{t('lateObjections.decisionReason')}:</strong> {o.decisionReason}
                {o.decidedAt ? <span className="regie-small"> ({date(o.decidedAt)})</span> : null}
              </Paragraph>
            ) : null}
            {mayDecide ? <DecisionForm o={o} onDecided={onChanged} /> : null}
          </Section>
        );
      })}
    </>
  );
}

/** The coordinator's page "Nagekomen bezwaren". */
export function LateObjectionsPage() {
  const { t } = useI18n();
  usePageTitle(t('lateObjections.title'));
  const [status, setStatus] = useState<LateObjectionStatus>('pending');
  const data = useLoad((signal) => api.lateObjections(status, signal), [status]);
  const [message, setMessage] = useState<{ text: string; n: number } | null>(null);
  return (
    <>
      <Heading level={1}>{t('lateObjections.title')}</Heading>
      <Paragraph>{t('lateObjections.lead')}</Paragraph>
      {/* a decided objection leaves the list with its form: the message takes focus (a new one each time) */}
      <LiveStatus key={message?.n ?? 0} message={message?.text ?? null} focus />
      <Fieldset>
        <FieldsetLegend>{t('lateObjections.filter')}</FieldsetLegend>
        <div className="regie-button-row">
          {LATE_OBJECTION_STATUSES.map((s) => (
            <Button
              key={s}
              appearance={s === status ? 'primary-action-button' : 'secondary-action-button'}
              aria-pressed={s === status}
              onClick={() => setStatus(s)}
            >
              {t(`lateStatus.${s}`)}
            </Button>
          ))}
        </div>
      </Fieldset>
      {data.loading && !data.data ? <Loading /> : null}
      {data.error ? <ErrorAlert error={data.error} /> : null}
      {data.data ? (
        data.data.items.length ? (
          <LateObjectionList
            items={data.data.items}
            level={2}
            withCase
            onChanged={(m) => {
              setMessage((x) => ({ text: m, n: (x?.n ?? 0) + 1 }));
              data.reload();
            }}
          />
        ) : (
          <Paragraph>{t('lateObjections.empty')}</Paragraph>
        )
      ) : null}
    </>
  );
}
