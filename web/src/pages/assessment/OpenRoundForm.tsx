// Opening an assessment round (docs/product.md#the-assessment-round): what is proposed, the departments
// asked, named outside parties (they answer through a one-time link by e-mail) and a
// term in working days, 10 unless the director chooses otherwise.
import { Button, Fieldset, FieldsetLegend, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { intermunicipalApi } from '../../api/intermunicipal.js';
import type { AssessmentRound, Department, OutsidePartyInput } from '../../api/models.js';
import { api } from '../../api.js';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../../components/Fields.js';
import { ErrorSummary } from '../../components/feedback.js';
import { type FieldErrors, fieldId } from '../../components/forms.js';
import { focusById } from '../../components/InlineForm.js';
import { useCheckedSubmit, useLoad } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';

interface Row {
  key: number;
  name: string;
  email: string;
  organisation: string;
}

let nextKey = 1;
const OUTSIDE_ID = fieldId('outsideParties');
const ADD_OUTSIDE_ID = fieldId('add-outside');

export function OpenRoundForm({
  caseId,
  departments,
  rounds,
  onOpened,
}: {
  caseId: string;
  departments: Department[];
  rounds: AssessmentRound[];
  onOpened(r: AssessmentRound): void;
}) {
  const { t } = useI18n();
  const [proposal, setProposal] = useState('');
  const [departmentIds, setDepartmentIds] = useState<string[]>([]);
  const [outside, setOutside] = useState<Row[]>([]);
  const [term, setTerm] = useState('10');
  const [same, setSame] = useState('');
  // Departments of other municipalities under a sharing agreement in force (docs/product.md#another-municipalitys-department-in-a-round).
  const sharedOptions = useLoad((signal) => intermunicipalApi.sharedDepartments(signal), []);
  const [shared, setShared] = useState<string[]>([]);

  const known = ['proposal', 'departmentIds', 'termWorkingDays', 'sameProposalAs', 'outsideParties'];
  outside.forEach((_, i) => {
    known.push(`outsideParties.${i}.name`, `outsideParties.${i}.email`, `outsideParties.${i}.organisation`);
  });
  const submit = useCheckedSubmit(known);
  const labels: Record<string, string> = {
    proposal: t('openRound.proposal'),
    departmentIds: t('openRound.departments'),
    termWorkingDays: t('openRound.term'),
    sameProposalAs: t('openRound.sameProposalAs'),
    outsideParties: t('openRound.outside'),
  };
  outside.forEach((_, i) => {
    labels[`outsideParties.${i}.name`] = t('openRound.outsideNameN', { n: i + 1 });
    labels[`outsideParties.${i}.email`] = t('openRound.outsideEmailN', { n: i + 1 });
    labels[`outsideParties.${i}.organisation`] = t('openRound.outsideOrganisationN', { n: i + 1 });
  });

  const setRow = (key: number, k: keyof Omit<Row, 'key'>) => (v: string) => setOutside((rows) => rows.map((r) => (r.key === key ? { ...r, [k]: v } : r)));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const c: FieldErrors = {};
    if (!proposal.trim()) c.proposal = t('openRound.error.proposal');
    if (!departmentIds.length && !outside.length && !shared.length) c.departmentIds = t('openRound.error.parties');
    outside.forEach((r, i) => {
      if (!r.name.trim()) c[`outsideParties.${i}.name`] = t('openRound.error.outsideName');
      if (!r.email.trim()) c[`outsideParties.${i}.email`] = t('openRound.error.outsideEmail');
    });
    const days = Number(term);
    if (!Number.isInteger(days) || days < 1) c.termWorkingDays = t('openRound.error.term');
    if (!submit.checked(c)) return;
    const parties: OutsidePartyInput[] = outside.map((r) => ({ name: r.name.trim(), email: r.email.trim(), organisation: r.organisation.trim() || null }));
    const opened = await submit.run(() =>
      api.openRound(caseId, {
        proposal: proposal.trim(),
        departmentIds,
        outsideParties: parties,
        termWorkingDays: days,
        sameProposalAs: same || null,
        sharedDepartments: shared.map((v) => {
          const [agreementId = '', departmentId = ''] = v.split(':');
          return { agreementId, departmentId };
        }),
      }),
    );
    if (opened) {
      setProposal('');
      setDepartmentIds([]);
      setOutside([]);
      setTerm('10');
      setSame('');
      setShared([]);
      onOpened(opened);
    }
  }

  const errors = submit.errors;
  return (
    <form noValidate onSubmit={onSubmit} className="regie-form">
      <ErrorSummary error={submit.error} errors={errors} labels={labels} />
      <TextAreaField
        name="proposal"
        label={labels.proposal}
        description={t('openRound.proposalHint')}
        value={proposal}
        onChange={setProposal}
        error={errors.proposal}
        required
        rows={4}
      />
      <CheckboxGroup
        name="departmentIds"
        legend={labels.departmentIds}
        description={t('openRound.departmentsHint')}
        options={departments.map((d) => ({ value: d.id, label: d.name }))}
        value={departmentIds}
        onChange={setDepartmentIds}
        error={errors.departmentIds}
      />
      {sharedOptions.data?.items.length ? (
        <CheckboxGroup
          name="sharedDepartments"
          legend={t('openRound.shared')}
          description={t('openRound.sharedHint')}
          options={sharedOptions.data.items.map((d) => ({ value: `${d.agreementId}:${d.departmentId}`, label: `${d.departmentName} (${d.providerName})` }))}
          value={shared}
          onChange={setShared}
        />
      ) : null}
      <Fieldset id={OUTSIDE_ID}>
        <FieldsetLegend>
          {labels.outsideParties} <span className="regie-optional">{t('form.optional')}</span>
        </FieldsetLegend>
        <Paragraph className="regie-small">{t('openRound.outsideHint')}</Paragraph>
        {errors.outsideParties ? <Paragraph className="utrecht-form-field-error-message">{errors.outsideParties}</Paragraph> : null}
        {outside.map((r, i) => (
          <div key={r.key} className="regie-party-row">
            <TextField
              name={`outsideParties.${i}.name`}
              label={labels[`outsideParties.${i}.name`]}
              value={r.name}
              onChange={setRow(r.key, 'name')}
              error={errors[`outsideParties.${i}.name`]}
              required
              autoComplete="off"
            />
            <TextField
              name={`outsideParties.${i}.email`}
              type="email"
              label={labels[`outsideParties.${i}.email`]}
              value={r.email}
              onChange={setRow(r.key, 'email')}
              error={errors[`outsideParties.${i}.email`]}
              required
              autoComplete="off"
            />
            <TextField
              name={`outsideParties.${i}.organisation`}
              label={labels[`outsideParties.${i}.organisation`]}
              optional
              value={r.organisation}
              onChange={setRow(r.key, 'organisation')}
              error={errors[`outsideParties.${i}.organisation`]}
              autoComplete="off"
            />
            <Button
              appearance="subtle-button"
              hint="danger"
              onClick={() => {
                setOutside((rows) => rows.filter((x) => x.key !== r.key));
                document.getElementById(ADD_OUTSIDE_ID)?.focus();
              }}
            >
              {t('openRound.removeOutsideN', { n: i + 1 })}
            </Button>
          </div>
        ))}
        <Button
          id={ADD_OUTSIDE_ID}
          appearance="secondary-action-button"
          onClick={() => {
            const key = nextKey++;
            setOutside((rows) => [...rows, { key, name: '', email: '', organisation: '' }]);
            // move to the new row's first field once it is rendered
            focusById(fieldId(`outsideParties.${outside.length}.name`));
          }}
        >
          {t('openRound.addOutside')}
        </Button>
      </Fieldset>
      <TextField
        name="termWorkingDays"
        type="number"
        inputMode="numeric"
        min={1}
        max={60}
        size="sm"
        label={labels.termWorkingDays}
        description={t('openRound.termHint')}
        value={term}
        onChange={setTerm}
        error={errors.termWorkingDays}
        required
      />
      {rounds.length ? (
        <SelectField
          name="sameProposalAs"
          label={labels.sameProposalAs}
          optional
          description={t('openRound.sameProposalAsHint')}
          value={same}
          onChange={setSame}
          error={errors.sameProposalAs}
          placeholder={t('openRound.newProposal')}
          options={rounds.map((r) => ({ value: r.id, label: t('openRound.roundN', { number: r.number }) }))}
        />
      ) : null}
      <Button type="submit" appearance="primary-action-button" busy={submit.busy}>
        {t('openRound.submit')}
      </Button>
    </form>
  );
}
