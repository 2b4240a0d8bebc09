// "Toezeggingen" on the staff case page (docs/product.md#commitments-on-record): every commitment on the
// case with its status (overdue stands out), the actions the API allows, and
// recording a new one: who made it (a colleague, or someone outside Regie with their
// role, e.g. the alderman), to whom, what, by when, where and when, and the kind of
// decision so Regie can check it against the mandate register.
import { Button, ButtonLink, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import {
  type CaseDetail,
  type CommitmentDecision,
  MADE_VIA,
  type MadeVia,
  type RecordCommitmentBody,
  type RecordedCommitment,
  type User,
} from '../../api/models.js';
import { api, downloads } from '../../api.js';
import { FormDisclosure } from '../../components/Disclosure.js';
import { RadioGroup, SelectField, TextAreaField, TextField } from '../../components/Fields.js';
import { ErrorAlert, ErrorSummary, Loading } from '../../components/feedback.js';
import type { FieldErrors } from '../../components/forms.js';
import { userOptions } from '../../components/options.js';
import { Section } from '../../components/Section.js';
import { useCurrentUser } from '../../currentUser.js';
import { useCheckedSubmit, useLoad } from '../../hooks.js';
import { type Translate, useI18n } from '../../i18n/index.js';
import { parseEuros, todayIso } from '../assessment/shared.js';
import { useCaseSection } from '../case/useCaseSection.js';
import { CommitmentCard } from './CommitmentCard.js';

const DECISIONS = ['other', 'commitMoney', 'grantExemption', 'agreePlan'] as const;
const FIELDS = [
  'madeBy',
  'madeBy.userId',
  'madeBy.name',
  'madeBy.role',
  'madeTo',
  'madeTo.name',
  'madeTo.email',
  'what',
  'dueOn',
  'madeVia',
  'madeOn',
  'decision',
  'decision.amountCents',
  'decision.ruleCode',
];

function RecordForm({ c, users, onRecorded }: { c: CaseDetail; users: User[]; onRecorded(x: RecordedCommitment): void }) {
  const { t } = useI18n();
  const { me } = useCurrentUser();
  const submit = useCheckedSubmit(FIELDS);
  const [byKind, setByKind] = useState<'user' | 'outside'>('user');
  const [byUser, setByUser] = useState(me?.id ?? '');
  const [byName, setByName] = useState('');
  const [byRole, setByRole] = useState('');
  const [toKind, setToKind] = useState<'initiator' | 'other'>('initiator');
  const [toName, setToName] = useState('');
  const [toEmail, setToEmail] = useState('');
  const [what, setWhat] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [via, setVia] = useState<MadeVia>('meeting');
  const [madeOn, setMadeOn] = useState(todayIso());
  const [decision, setDecision] = useState<(typeof DECISIONS)[number]>('other');
  const [amount, setAmount] = useState('');
  const [ruleCode, setRuleCode] = useState('');
  const labels: Record<string, string> = {
    'madeBy.userId': t('commitmentForm.byUser'),
    'madeBy.name': t('commitmentForm.byName'),
    'madeBy.role': t('commitmentForm.byRole'),
    'madeTo.name': t('commitmentForm.toName'),
    'madeTo.email': t('commitmentForm.toEmail'),
    what: t('commitment.what'),
    dueOn: t('commitment.dueOn'),
    madeVia: t('commitmentForm.madeVia'),
    madeOn: t('commitmentForm.madeOn'),
    decision: t('commitmentForm.decision'),
    'decision.amountCents': t('commitmentForm.amount'),
    'decision.ruleCode': t('commitmentForm.ruleCode'),
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const cl: FieldErrors = {};
    if (byKind === 'user' && !byUser) cl['madeBy.userId'] = t('commitmentForm.error.byUser');
    if (byKind === 'outside' && !byName.trim()) cl['madeBy.name'] = t('commitmentForm.error.byName');
    if (byKind === 'outside' && !byRole.trim()) cl['madeBy.role'] = t('commitmentForm.error.byRole');
    if (toKind === 'other' && !toName.trim()) cl['madeTo.name'] = t('commitmentForm.error.toName');
    if (!what.trim()) cl.what = t('commitment.error.what');
    if (!dueOn) cl.dueOn = t('commitmentForm.error.dueOn');
    if (!madeOn) cl.madeOn = t('commitmentForm.error.madeOn');
    const cents = decision === 'commitMoney' ? parseEuros(amount) : null;
    if (decision === 'commitMoney' && cents === null) cl['decision.amountCents'] = t('commitmentForm.error.amount');
    if (decision === 'grantExemption' && !ruleCode.trim()) cl['decision.ruleCode'] = t('commitmentForm.error.ruleCode');
    if (!submit.checked(cl)) return;
    const d: CommitmentDecision =
      decision === 'commitMoney'
        ? { kind: 'commitMoney', amountCents: cents ?? 0 }
        : decision === 'grantExemption'
          ? { kind: 'grantExemption', ruleCode: ruleCode.trim() }
          : { kind: decision };
    const body: RecordCommitmentBody = {
      madeBy: byKind === 'user' ? { userId: byUser } : { name: byName.trim(), role: byRole.trim() },
      // without madeTo the commitment is made to the initiator
      ...(toKind === 'other' ? { madeTo: { name: toName.trim(), email: toEmail.trim() || null } } : {}),
      what: what.trim(),
      dueOn,
      madeVia: via,
      madeOn,
      decision: d,
    };
    const r = await submit.run(() => api.recordCommitment(c.id, body));
    if (r) {
      setWhat('');
      setDueOn('');
      setAmount('');
      setRuleCode('');
      onRecorded(r);
    }
  }

  const errors = submit.errors;
  return (
    <form noValidate onSubmit={onSubmit} className="regie-form">
      <ErrorSummary error={submit.error} errors={errors} labels={labels} />
      <RadioGroup
        name="madeBy"
        legend={t('commitmentForm.madeBy')}
        value={byKind}
        onChange={(v) => setByKind(v as 'user')}
        options={[
          { value: 'user', label: t('commitmentForm.byKindUser') },
          { value: 'outside', label: t('commitmentForm.byKindOutside') },
        ]}
      />
      {byKind === 'user' ? (
        <SelectField
          name="madeBy.userId"
          label={labels['madeBy.userId']}
          value={byUser}
          onChange={setByUser}
          error={errors['madeBy.userId'] ?? errors.madeBy}
          placeholder={t('commitmentForm.chooseUser')}
          options={userOptions(users, t)}
        />
      ) : (
        <>
          <TextField
            name="madeBy.name"
            label={labels['madeBy.name']}
            value={byName}
            onChange={setByName}
            error={errors['madeBy.name'] ?? errors.madeBy}
            required
          />
          <TextField
            name="madeBy.role"
            label={labels['madeBy.role']}
            description={t('commitmentForm.byRoleHint')}
            value={byRole}
            onChange={setByRole}
            error={errors['madeBy.role']}
            required
          />
        </>
      )}
      <RadioGroup
        name="madeTo"
        legend={t('commitmentForm.madeTo')}
        value={toKind}
        onChange={(v) => setToKind(v as 'initiator')}
        options={[
          { value: 'initiator', label: t('commitmentForm.toInitiator', { name: c.initiator.name }) },
          { value: 'other', label: t('commitmentForm.toOther') },
        ]}
      />
      {toKind === 'other' ? (
        <>
          <TextField
            name="madeTo.name"
            label={labels['madeTo.name']}
            value={toName}
            onChange={setToName}
            error={errors['madeTo.name'] ?? errors.madeTo}
            required
          />
          <TextField
            name="madeTo.email"
            type="email"
            label={labels['madeTo.email']}
            optional
            value={toEmail}
            onChange={setToEmail}
            error={errors['madeTo.email']}
          />
        </>
      ) : null}
      <TextAreaField
        name="what"
        label={labels.what}
        description={t('commitmentForm.whatHint')}
        value={what}
        onChange={setWhat}
        error={errors.what}
        required
        rows={3}
      />
      <TextField name="dueOn" type="date" label={labels.dueOn} value={dueOn} onChange={setDueOn} error={errors.dueOn} required />
      <SelectField
        name="madeVia"
        label={labels.madeVia}
        value={via}
        onChange={(v) => setVia(v as MadeVia)}
        error={errors.madeVia}
        options={MADE_VIA.map((v) => ({ value: v, label: t(`madeVia.${v}`) }))}
      />
      <TextField name="madeOn" type="date" label={labels.madeOn} value={madeOn} onChange={setMadeOn} error={errors.madeOn} required />
      <SelectField
        name="decision"
        label={labels.decision}
        description={t('commitmentForm.decisionHint')}
        value={decision}
        onChange={(v) => setDecision(v as 'other')}
        error={errors.decision}
        options={DECISIONS.map((d) => ({ value: d, label: t(`decision.${d}`) }))}
      />
      {decision === 'commitMoney' ? (
        <TextField
          name="decision.amountCents"
          label={labels['decision.amountCents']}
          description={t('commitmentForm.amountHint')}
          inputMode="text"
          size="sm"
          value={amount}
          onChange={setAmount}
          error={errors['decision.amountCents']}
          required
        />
      ) : null}
      {decision === 'grantExemption' ? (
        <RulePicker madeOn={madeOn} label={labels['decision.ruleCode'] ?? ''} value={ruleCode} onChange={setRuleCode} error={errors['decision.ruleCode']} />
      ) : null}
      <Button type="submit" appearance="primary-action-button" busy={submit.busy}>
        {t('commitmentForm.submit')}
      </Button>
    </form>
  );
}

export function CommitmentsSection({ c, onChanged }: { c: CaseDetail; onChanged(): void }) {
  const { t } = useI18n();
  const { data, status, changed } = useCaseSection(
    c,
    async (signal) => {
      const [list, users] = await Promise.all([api.caseCommitments(c.id, signal), api.users(undefined, signal)]);
      return { items: list.items, record: list.abilities.record, users: users.items.filter((u) => u.active) };
    },
    onChanged,
  );
  const mayRecord = data.data?.record ?? false;
  return (
    <Section title={t('commitments.title')} anchor="toezeggingen">
      {status}
      {data.loading && !data.data ? <Loading /> : null}
      {data.error ? <ErrorAlert error={data.error} /> : null}
      {data.data ? (
        <>
          {data.data.items.length ? (
            data.data.items.map((x) => <CommitmentCard key={x.id} c={x} level={3} onChanged={(_n, m) => changed(m)} />)
          ) : (
            <Paragraph>{t('commitments.none')}</Paragraph>
          )}
          {mayRecord ? (
            <Section title={t('commitmentForm.title')} level={3} className="regie-section regie-panel">
              <Paragraph>{t('commitmentForm.lead')}</Paragraph>
              <FormDisclosure label={t('caseUx.commitmentOpen')}>
                {(done) => (
                  <RecordForm
                    c={c}
                    users={data.data?.users ?? []}
                    onRecorded={(x) => {
                      done(recordedText(t, x));
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

/** The dossier as PDF (docs/product.md#the-dossier); a plain link so the browser downloads it with the session. */
export function DossierLink({ caseId, reference }: { caseId: string; reference: string }) {
  const { t } = useI18n();
  return (
    <Paragraph>
      <ButtonLink appearance="secondary-action-button" href={downloads.dossier(caseId)} download={`zaakdossier-${reference}.pdf`}>
        {t('dossier.download')}
      </ButtonLink>
    </Paragraph>
  );
}

/** What recording said, naming who is actually asked to confirm (docs/product.md#commitments-on-record). */
export function recordedText(t: Translate, x: RecordedCommitment): string {
  if (x.status === 'binding' || !x.askedToConfirm) return t('commitmentForm.doneBinding');
  const names = x.askedToConfirm.names.join(', ');
  if (x.askedToConfirm.byBody) return t('commitmentForm.doneConfirmBody', { names: names || t('commitmentForm.noCoordinator') });
  return t('commitmentForm.doneConfirmNamed', { names });
}

/**
 * The rule an exemption is from, picked from the register: the rules in force on the day
 * the commitment was made, searched by code or title on the server. A search box and a
 * native list, so it works by keyboard and with a screen reader.
 */
function RulePicker({ madeOn, label, value, onChange, error }: { madeOn: string; label: string; value: string; onChange(v: string): void; error?: string }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const rules = useLoad((signal) => api.rules({ validOn: madeOn || undefined, q: q.trim() || undefined }, signal), [madeOn, q]);
  const items = rules.data?.items ?? [];
  const options = items.map((r) => ({ value: r.code, label: `${r.code} — ${r.title}` }));
  // Keep the chosen rule in the list while another search is shown.
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: value });
  return (
    <fieldset className="regie-fieldset">
      <legend>{label}</legend>
      <TextField
        name="ruleSearch"
        type="search"
        label={t('commitmentForm.ruleSearch')}
        description={t('commitmentForm.ruleSearchHint')}
        value={q}
        onChange={setQ}
      />
      {rules.error ? <ErrorAlert error={rules.error} /> : null}
      <SelectField
        name="decision.ruleCode"
        label={t('commitmentForm.rule')}
        value={value}
        onChange={onChange}
        error={error}
        required
        placeholder={rules.loading ? t('commitmentForm.rulesLoading') : t('commitmentForm.ruleChoose', { count: items.length })}
        options={options}
      />
    </fieldset>
  );
}
