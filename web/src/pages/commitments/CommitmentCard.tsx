// One commitment on record (docs/product.md#commitments-on-record): who made it to whom, what, by when,
// where, its status (overdue stands out) and history; and, where the API allows,
// amending it, confirming or declining it (mandate holder), or settling it as kept,
// broken or withdrawn (a reason is required for the last two).
import { Button, DataList, OrderedList, OrderedListItem, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import {
  COMMITMENT_OUTCOMES,
  type Commitment,
  type CommitmentDetail,
  type CommitmentOutcome,
  type ConfirmationDecision,
  isOneOf,
  ROLES,
} from '../../api/models.js';
import { type ApiError, api } from '../../api.js';
import { Attachments } from '../../components/Attachments.js';
import { Fact } from '../../components/Fact.js';
import { RadioGroup, TextAreaField, TextField } from '../../components/Fields.js';
import { ErrorAlert, ErrorSummary, Loading } from '../../components/feedback.js';
import type { FieldErrors } from '../../components/forms.js';
import { AppLink } from '../../components/links.js';
import { Section } from '../../components/Section.js';
import { useCheckedSubmit, type useSubmit } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';
import { CommitmentStatusBadge, OverdueBadge, useMoney } from '../assessment/shared.js';

/**
 * Who made it, with their role: a staff maker's role is a role key (shown by its name),
 * an outside person's is their own words ("wethouder Economie"), not repeated when the
 * name already says it.
 */
export function useMakerText() {
  const { t } = useI18n();
  return (m: Commitment['madeBy']): { name: string; role: string | null } => {
    const role = m.userId && isOneOf(ROLES, m.role) ? t(`role.${m.role}`) : m.role.trim();
    if (!role || m.name.toLocaleLowerCase().includes(role.toLocaleLowerCase())) return { name: m.name, role: null };
    return { name: m.name, role };
  };
}

export function useDecisionText() {
  const { t } = useI18n();
  const money = useMoney();
  return (c: Commitment) => {
    const d = c.decision;
    switch (d.kind) {
      case 'commitMoney':
        return t('decision.commitMoneyAmount', { amount: money(d.amountCents) });
      case 'grantExemption':
        return t('decision.grantExemptionRule', { code: d.ruleCode });
      case 'agreePlan':
        return t('decision.agreePlan');
      default:
        return t('decision.other');
    }
  };
}

/** One line of a commitment's history, from the change the server recorded. */
function useHistoryText() {
  const { t, date } = useI18n();
  return (change: Record<string, unknown>): string => {
    const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
    const reason = str(change.reason) ? ` ${t('commitment.historyReason', { reason: str(change.reason) })}` : '';
    const fmt = (k: string, v: unknown) => (k === 'dueOn' ? date(str(v)) : str(v));
    switch (change.type) {
      case 'recorded':
        return t('commitment.historyRecorded', { status: t(`commitmentStatus.${str(change.status) as 'binding'}`), due: date(str(change.dueOn)) });
      case 'amended': {
        const changes = (change.changes ?? {}) as Record<string, { from?: unknown; to?: unknown }>;
        const parts = Object.entries(changes).map(
          ([k, v]) => `${k === 'dueOn' ? t('commitment.dueOn') : k === 'what' ? t('commitment.what') : k}: ${fmt(k, v?.from)} → ${fmt(k, v?.to)}`,
        );
        return `${t('commitment.historyAmended')} ${parts.join('; ')}.${reason}`;
      }
      case 'confirmed':
      case 'declined':
      case 'kept':
      case 'broken':
      case 'withdrawn':
        return `${t(`commitmentStatus.${change.type === 'confirmed' ? 'binding' : change.type}`)}.${reason}`;
      default:
        return str(change.type);
    }
  };
}

/** The history is loaded when opened: the lists carry the commitment, not its trail. */
function History({ c }: { c: Commitment }) {
  const { t, dateTime } = useI18n();
  const text = useHistoryText();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<CommitmentDetail['history'] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version means new history
  useEffect(() => {
    if (!open) return;
    const ctl = new AbortController();
    api
      .commitment(c.id, ctl.signal)
      .then((d) => setItems(d.history))
      .catch((e: unknown) => {
        if (!ctl.signal.aborted) setError(e as ApiError);
      });
    return () => ctl.abort();
  }, [open, c.id, c.version]);
  return (
    <details className="regie-details" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t('commitment.history')}</summary>
      {error ? <ErrorAlert error={error} /> : null}
      {open && !items && !error ? <Loading /> : null}
      {items ? (
        <OrderedList>
          {items.map((h) => (
            <OrderedListItem key={`${h.version}-${h.at}`}>
              <time dateTime={h.at}>{dateTime(h.at)}</time>
              {h.by ? ` · ${h.by.name}` : ''}: {text(h.change)}
            </OrderedListItem>
          ))}
        </OrderedList>
      ) : null}
    </details>
  );
}

/** Which of a card's forms was used last: the others drop their old errors. */
interface Activity {
  active: string | null;
  setActive(id: string | null): void;
}

/**
 * A form's submit state and client-side errors, cleared when another form on the same
 * card is used or opened, and when this one is closed: an old error summary must not
 * stay next to a different action's outcome.
 */
function useCardForm(id: string, activity: Activity, known: readonly string[]) {
  const submit = useCheckedSubmit(known);
  const { checked } = submit;
  useEffect(() => {
    if (activity.active !== id) checked({});
  }, [activity.active, id, checked]);
  return submit;
}

/** A small form in a disclosure: fields, then one submit; the caller does the call. */
function ActionForm({
  id,
  summary,
  submitLabel,
  children,
  onSubmit,
  error,
  errors,
  labels,
  busy,
  danger,
  activity,
}: {
  id: string;
  summary: string;
  submitLabel: string;
  children: ReactNode;
  onSubmit(e: FormEvent): void;
  error: ReturnType<typeof useSubmit>['error'];
  errors: FieldErrors;
  labels: Record<string, string>;
  busy: boolean;
  danger?: boolean;
  activity: Activity;
}) {
  const ids = Object.fromEntries(Object.keys(labels).map((k) => [k, `veld-${id}-${k}`]));
  return (
    <details
      className="regie-details"
      onToggle={(e) => {
        const open = (e.currentTarget as HTMLDetailsElement).open;
        if (open) activity.setActive(id);
        else if (activity.active === id) activity.setActive(null);
      }}
    >
      <summary>{summary}</summary>
      <form
        noValidate
        onSubmit={(e) => {
          activity.setActive(id);
          onSubmit(e);
        }}
        className="regie-form regie-form--compact"
      >
        <ErrorSummary error={error} errors={errors} labels={labels} ids={ids} />
        {children}
        <Button type="submit" appearance={danger ? 'secondary-action-button' : 'primary-action-button'} hint={danger ? 'danger' : undefined} busy={busy}>
          {submitLabel}
        </Button>
      </form>
    </details>
  );
}

/**
 * Where a commitment's changes go: a case's commitment to /commitments/{id}/…, an
 * agreement within a collaboration to its collaboration's endpoints
 * (docs/product.md#agreements-within-a-collaboration). The forms are the same.
 */
export interface CommitmentCalls {
  amend(c: Commitment, body: { what?: string; dueOn?: string; reason: string }): Promise<Commitment>;
  confirm(c: Commitment, decision: ConfirmationDecision, reason?: string): Promise<Commitment>;
  outcome(c: Commitment, status: CommitmentOutcome, reason?: string): Promise<Commitment>;
}

const caseCommitmentCalls: CommitmentCalls = {
  amend: (c, body) => api.amendCommitment(c, body),
  confirm: (c, decision, reason) => api.confirmCommitment(c, decision, reason),
  outcome: (c, status, reason) => api.commitmentOutcome(c, status, reason),
};

interface FormProps {
  c: Commitment;
  onChanged(next: Commitment, message: string): void;
  activity: Activity;
  calls: CommitmentCalls;
}

function AmendForm({ c, onChanged, activity, calls }: FormProps) {
  const { t } = useI18n();
  const id = `amend-${c.id}`;
  const submit = useCardForm(id, activity, ['what', 'dueOn', 'reason']);
  const [what, setWhat] = useState(c.what);
  const [dueOn, setDueOn] = useState(c.dueOn);
  const [reason, setReason] = useState('');
  const labels = { what: t('commitment.what'), dueOn: t('commitment.dueOn'), reason: t('commitment.amendReason') };
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const cl: FieldErrors = {};
    if (!reason.trim()) cl.reason = t('commitment.error.reason');
    if (!what.trim()) cl.what = t('commitment.error.what');
    if (!submit.checked(cl)) return;
    const body: { what?: string; dueOn?: string; reason: string } = { reason: reason.trim() };
    if (what.trim() !== c.what) body.what = what.trim();
    if (dueOn !== c.dueOn) body.dueOn = dueOn;
    const r = await submit.run(() => calls.amend(c, body));
    if (r) {
      setReason('');
      onChanged(r, t('commitment.amended'));
    }
  }
  const errors = submit.errors;
  return (
    <ActionForm
      id={id}
      summary={t('commitment.amend')}
      submitLabel={t('commitment.amendSubmit')}
      onSubmit={onSubmit}
      error={submit.error}
      errors={errors}
      labels={labels}
      busy={submit.busy}
      activity={activity}
    >
      <TextAreaField name={`${id}-what`} label={labels.what} value={what} onChange={setWhat} error={errors.what} required rows={3} />
      <TextField name={`${id}-dueOn`} type="date" label={labels.dueOn} value={dueOn} onChange={setDueOn} error={errors.dueOn} required />
      <TextAreaField name={`${id}-reason`} label={labels.reason} value={reason} onChange={setReason} error={errors.reason} required rows={2} />
    </ActionForm>
  );
}

/**
 * A choice between a few outcomes plus a reason that some of them require: the
 * mandate holder's confirm/decline and the ending as kept/broken/withdrawn.
 */
function ChoiceWithReasonForm<T extends string>(props: {
  c: Commitment;
  activity: FormProps['activity'];
  kind: string;
  /** the API's name of the choice, also the field's name in the form: decision, status */
  field: string;
  summary: string;
  submitLabel: string;
  labels: { choice: string; reason: string };
  choices: ReadonlyArray<{ value: T; label: string }>;
  choiceError: string;
  reasonRequired(choice: T | ''): boolean;
  reasonHint: string;
  send(choice: T, reason: string): Promise<Commitment>;
  done(choice: T): string;
  onChanged: FormProps['onChanged'];
}) {
  const { t } = useI18n();
  const { c, activity, field } = props;
  const id = `${props.kind}-${c.id}`;
  const labels = { [field]: props.labels.choice, reason: props.labels.reason };
  const submit = useCardForm(id, activity, [field, 'reason']);
  const [choice, setChoice] = useState<T | ''>('');
  const [reason, setReason] = useState('');
  const needsReason = props.reasonRequired(choice);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const cl: FieldErrors = {};
    if (!choice) cl[field] = props.choiceError;
    if (needsReason && !reason.trim()) cl.reason = t('commitment.error.reason');
    if (!submit.checked(cl) || !choice) return;
    const r = await submit.run(() => props.send(choice, reason.trim()));
    if (r) props.onChanged(r, props.done(choice));
  }
  const errors = submit.errors;
  return (
    <ActionForm
      id={id}
      summary={props.summary}
      submitLabel={props.submitLabel}
      onSubmit={onSubmit}
      error={submit.error}
      errors={errors}
      labels={labels}
      busy={submit.busy}
      activity={activity}
    >
      <RadioGroup
        name={`${id}-${field}`}
        legend={props.labels.choice}
        value={choice}
        onChange={(v) => setChoice(v as T)}
        error={errors[field]}
        options={[...props.choices]}
      />
      <TextAreaField
        name={`${id}-reason`}
        label={props.labels.reason}
        required={needsReason}
        description={props.reasonHint}
        value={reason}
        onChange={setReason}
        error={errors.reason}
        rows={2}
      />
    </ActionForm>
  );
}

function ConfirmForm({ c, onChanged, activity, calls }: FormProps) {
  const { t } = useI18n();
  // The coordinator records the delegating body's decision when nobody holds a covering
  // mandate (docs/product.md#the-delegating-body-decides); the reason then names that decision and is required.
  const byBody = c.abilities.confirmByBody === true;
  return (
    <ChoiceWithReasonForm<ConfirmationDecision>
      c={c}
      activity={activity}
      onChanged={onChanged}
      kind="confirm"
      field="decision"
      summary={t('commitment.confirmTitle')}
      submitLabel={t('commitment.confirmSubmit')}
      labels={{
        choice: t(byBody ? 'commitment.confirmDecisionBody' : 'commitment.confirmDecision'),
        reason: t(byBody ? 'commitment.confirmReasonBody' : 'commitment.confirmReasonDecline'),
      }}
      choices={[
        { value: 'confirm', label: t('commitment.confirm') },
        { value: 'decline', label: t('commitment.decline') },
      ]}
      choiceError={t('commitment.error.decision')}
      reasonRequired={(d) => byBody || d === 'decline'}
      reasonHint={t(byBody ? 'commitment.confirmReasonBodyHint' : 'commitment.confirmReasonHint')}
      send={(d, reason) => calls.confirm(c, d, reason)}
      done={(d) => t(d === 'confirm' ? 'commitment.confirmed' : 'commitment.declined')}
    />
  );
}

function OutcomeForm({ c, onChanged, activity, calls }: FormProps) {
  const { t } = useI18n();
  return (
    <ChoiceWithReasonForm<CommitmentOutcome>
      c={c}
      activity={activity}
      onChanged={onChanged}
      kind="outcome"
      field="status"
      summary={t('commitment.outcomeTitle')}
      submitLabel={t('commitment.outcomeSubmit')}
      labels={{ choice: t('commitment.outcomeStatus'), reason: t('commitment.outcomeReason') }}
      choices={COMMITMENT_OUTCOMES.map((value) => ({ value, label: t(`commitmentStatus.${value}`) }))}
      choiceError={t('commitment.error.status')}
      reasonRequired={(s) => s === 'broken' || s === 'withdrawn'}
      reasonHint={t('commitment.outcomeReasonHint')}
      send={(s, reason) => calls.outcome(c, s, reason)}
      done={(s) => t('commitment.settled', { status: t(`commitmentStatus.${s}`) })}
    />
  );
}

export function CommitmentCard({
  c,
  level,
  onChanged,
  withCase = false,
}: {
  c: Commitment;
  level: number;
  onChanged?(next: Commitment, message: string): void;
  withCase?: boolean;
}) {
  const { t, date } = useI18n();
  const decisionText = useDecisionText();
  const maker = useMakerText()(c.madeBy);
  const ab = c.abilities;
  return (
    <Section
      level={level}
      className={`regie-section regie-commitment${c.overdue ? ' regie-commitment--overdue' : ''}`}
      title={t('commitment.itemTitle', { by: c.madeBy.name, to: c.madeTo.name })}
    >
      <p className="regie-badges">
        <CommitmentStatusBadge status={c.status} /> {c.overdue ? <OverdueBadge /> : null}
      </p>
      {withCase ? (
        <Paragraph>
          {c.caseId ? (
            <AppLink to={`/zaken/${c.caseId}#toezeggingen`}>
              {c.caseReference}
              {c.caseTitle ? ` ${c.caseTitle}` : ''}
            </AppLink>
          ) : (
            <AppLink to={`/samenwerkingen/${c.collaborationId}`}>{c.collaborationName}</AppLink>
          )}
        </Paragraph>
      ) : null}
      <DataList className="regie-datalist">
        <Fact k={t('commitment.what')}>
          <span className="regie-prewrap">{c.what}</span>
        </Fact>
        <Fact k={t('commitment.madeBy')}>
          {maker.name}
          {maker.role ? <span className="regie-muted"> ({maker.role})</span> : null}
        </Fact>
        <Fact k={t('commitment.madeTo')}>{c.madeTo.name}</Fact>
        <Fact k={t('commitment.dueOn')}>
          <span className={c.overdue ? 'regie-due--overdue' : undefined}>{date(c.dueOn)}</span>
        </Fact>
        <Fact k={t('commitment.madeVia')}>{t('commitment.madeViaOn', { via: t(`madeVia.${c.madeVia}`), date: date(c.madeOn) })}</Fact>
        <Fact k={t('commitment.decision')}>{decisionText(c)}</Fact>
        {c.statusReason ? <Fact k={t('commitment.statusReason')}>{c.statusReason}</Fact> : null}
      </DataList>
      <History c={c} />
      {/* files on a case's commitment: seen by whoever sees it, added by those who answer for it (docs/product.md#attachments);
          an agreement within a collaboration has no case file to hang them on */}
      {c.caseId ? (
        <Attachments caseId={c.caseId} on="commitment" targetId={c.id} canAdd={ab.amend && !!onChanged} level={Math.min(level + 1, 4) as 3 | 4} />
      ) : null}
      {onChanged ? <CommitmentActions c={c} onChanged={onChanged} /> : null}
    </Section>
  );
}

/**
 * The forms to confirm or decline, amend and settle a commitment, each offered exactly
 * when the API says this user may take it; `calls` says where they go (a case's
 * commitment by default).
 */
export function CommitmentActions({
  c,
  onChanged,
  calls = caseCommitmentCalls,
}: {
  c: Commitment;
  onChanged(next: Commitment, message: string): void;
  calls?: CommitmentCalls;
}) {
  const [active, setActive] = useState<string | null>(null);
  const activity: Activity = { active, setActive };
  const ab = c.abilities;
  const props = { c, onChanged, activity, calls };
  return (
    <>
      {ab.confirm ? <ConfirmForm {...props} /> : null}
      {ab.amend ? <AmendForm {...props} /> : null}
      {ab.end ? <OutcomeForm {...props} /> : null}
    </>
  );
}
