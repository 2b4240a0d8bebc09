// "Toezeggingen" on the staff case page (docs/product.md#commitments-on-record): every commitment on the
// case with its status (overdue stands out), the actions the API allows, and
// recording a new one: who made it (a colleague, or someone outside Regie with their
// role, e.g. the alderman), to whom, what, by when, where and when, and the kind of
// decision so Regie can check it against the mandate register.
import { Button, ButtonLink, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { type CaseDetail, type Commitment, type CommitmentDecision, MADE_VIA, type MadeVia, type RecordCommitmentBody, type User } from '../../api/models.js';
import { api, downloads } from '../../api.js';
import { FormDisclosure } from '../../components/Disclosure.js';
import { RadioGroup, SelectField, TextAreaField, TextField } from '../../components/Fields.js';
import { ErrorAlert, ErrorSummary, Loading } from '../../components/feedback.js';
import type { FieldErrors } from '../../components/forms.js';
import { userOptions } from '../../components/options.js';
import { Section } from '../../components/Section.js';
import { useCurrentUser } from '../../currentUser.js';
import { useCheckedSubmit } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';
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

function RecordForm({ c, users, onRecorded }: { c: CaseDetail; users: User[]; onRecorded(x: Commitment): void }) {
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
        <TextField
          name="decision.ruleCode"
          label={labels['decision.ruleCode']}
          value={ruleCode}
          onChange={setRuleCode}
          error={errors['decision.ruleCode']}
          required
          size="sm"
        />
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
                      done(t(x.status === 'binding' ? 'commitmentForm.doneBinding' : 'commitmentForm.doneConfirm'));
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
