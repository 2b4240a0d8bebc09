// Editing the plan: the goal, the actions, and what the plan commits the municipality
// to (an amount of money, exemptions from register rules: docs/product.md#agreeing-a-plan-within-mandate).
// Saving sends If-Match with the version the editor started from; a version someone
// already agreed to is never changed but saved as a new version (the API decides).
import { Button, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useMemo, useState } from 'react';
import type { Department, Plan, PlanVersion, Rule } from '../../api/models.js';
import { api } from '../../api.js';
import { CheckboxGroup, TextAreaField, TextField } from '../../components/Fields.js';
import { ErrorSummary } from '../../components/feedback.js';
import type { FieldErrors } from '../../components/forms.js';
import { useCheckedSubmit } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';
import { parseEuros, ruleText } from '../assessment/shared.js';
import { ActionRows, type Row } from './ActionRows.js';

let nextKey = 0;
const newKey = () => `new-${++nextKey}`;

export const rowsOf = (v: PlanVersion | null): Row[] =>
  (v?.actions ?? []).map((a) => ({
    key: a.id,
    description: a.description,
    ownerKind: a.ownerKind,
    ownerDepartmentId: a.ownerDepartmentId ?? '',
    ownerName: a.ownerName ?? '',
    dueOn: a.dueOn,
    status: a.status,
  }));

/** An amount in cents as the form shows it: "1250,50" (no thousands separator, so it reads back the same). */
const eurosText = (cents: number | null | undefined) => (cents ? (cents / 100).toFixed(2).replace('.', ',').replace(/,00$/, '') : '');

interface Commits {
  amount: string;
  exemptions: string[];
}
const commitsOf = (v: PlanVersion | null): Commits => ({ amount: eurosText(v?.commitsCents), exemptions: [...(v?.exemptionRuleCodes ?? [])] });

const snapshot = (goal: string, rows: Row[], c: Commits) =>
  JSON.stringify([goal, rows.map(({ key: _k, ...r }) => r), c.amount.trim(), [...c.exemptions].sort()]);

export function PlanForm({
  caseId,
  plan,
  departments,
  rules,
  onSaved,
  onDirtyChange,
}: {
  caseId: string;
  plan: Plan;
  departments: Department[];
  /** the register's rules in force today, to grant an exemption from */
  rules: Rule[];
  onSaved(p: Plan): void;
  onDirtyChange(dirty: boolean): void;
}) {
  const { t } = useI18n();
  const [goal, setGoal] = useState(plan.current?.goal ?? '');
  const [rows, setRows] = useState<Row[]>(() => rowsOf(plan.current));
  const [commits, setCommits] = useState<Commits>(() => commitsOf(plan.current));
  const saved = useMemo(() => snapshot(plan.current?.goal ?? '', rowsOf(plan.current), commitsOf(plan.current)), [plan]);
  const dirty = snapshot(goal, rows, commits) !== saved;

  const update = (next: Row[]) => {
    setRows(next);
    onDirtyChange(snapshot(goal, next, commits) !== saved);
  };
  const changeGoal = (g: string) => {
    setGoal(g);
    onDirtyChange(snapshot(g, rows, commits) !== saved);
  };
  const changeCommits = (patch: Partial<Commits>) => {
    const next = { ...commits, ...patch };
    setCommits(next);
    onDirtyChange(snapshot(goal, rows, next) !== saved);
  };
  // A rule the plan already names stays listed even when it is no longer in force today.
  const ruleOptions = [
    ...rules.map((r) => ({ value: r.code, label: ruleText(r) })),
    ...commits.exemptions.filter((code) => !rules.some((r) => r.code === code)).map((code) => ({ value: code, label: code })),
  ];

  const known = [
    'goal',
    'commitsCents',
    'exemptionRuleCodes',
    ...rows.flatMap((_, i) => ['description', 'ownerKind', 'ownerDepartmentId', 'ownerName', 'dueOn', 'status'].map((f) => `actions.${i}.${f}`)),
  ];
  const submit = useCheckedSubmit(known);
  const labels: Record<string, string> = {
    goal: t('plan.goal'),
    commitsCents: t('planEditor.commitsAmount'),
    exemptionRuleCodes: t('planEditor.exemptions'),
  };
  rows.forEach((_, i) => {
    const n = i + 1;
    labels[`actions.${i}.description`] = t('planEditor.descriptionN', { n });
    labels[`actions.${i}.ownerKind`] = t('planEditor.ownerKindN', { n });
    labels[`actions.${i}.ownerDepartmentId`] = t('planEditor.departmentN', { n });
    labels[`actions.${i}.ownerName`] = t('planEditor.ownerNameN', { n });
    labels[`actions.${i}.dueOn`] = t('planEditor.dueOnN', { n });
    labels[`actions.${i}.status`] = t('planEditor.statusN', { n });
  });

  function check(): FieldErrors {
    const e: FieldErrors = {};
    if (!goal.trim()) e.goal = t('planEditor.error.goal');
    if (commits.amount.trim() && parseEuros(commits.amount) === null) e.commitsCents = t('planEditor.error.amount');
    rows.forEach((r, i) => {
      if (!r.description.trim()) e[`actions.${i}.description`] = t('planEditor.error.description');
      if (r.ownerKind === 'department' && !r.ownerDepartmentId) e[`actions.${i}.ownerDepartmentId`] = t('planEditor.error.department');
      if (r.ownerKind === 'external' && !r.ownerName.trim()) e[`actions.${i}.ownerName`] = t('planEditor.error.ownerName');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(r.dueOn)) e[`actions.${i}.dueOn`] = t('planEditor.error.dueOn');
    });
    return e;
  }

  async function onSubmit(ev: FormEvent) {
    ev.preventDefault();
    const e = check();
    if (!submit.checked(e)) return;
    const body = {
      goal: goal.trim(),
      actions: rows.map((r) => ({
        description: r.description.trim(),
        ownerKind: r.ownerKind,
        ownerDepartmentId: r.ownerKind === 'department' ? r.ownerDepartmentId : null,
        ownerName: r.ownerKind === 'external' ? r.ownerName.trim() : null,
        dueOn: r.dueOn,
        status: r.status,
      })),
      commitsCents: commits.amount.trim() ? parseEuros(commits.amount) : null,
      exemptionRuleCodes: commits.exemptions,
    };
    const p = await submit.run(() => api.savePlan(caseId, plan.current?.version ?? 0, body));
    if (p) {
      setGoal(p.current?.goal ?? '');
      setRows(rowsOf(p.current));
      setCommits(commitsOf(p.current));
      onDirtyChange(false);
      onSaved(p);
    }
  }

  const errors = submit.errors;
  return (
    <form noValidate onSubmit={onSubmit} className="regie-form regie-form--wide">
      <ErrorSummary error={submit.error} errors={errors} labels={labels} />
      {plan.current && (plan.current.initiatorAgreedAt || plan.current.directorAgreedAt) ? (
        <Paragraph className="regie-note">{t('planEditor.frozenNote', { version: plan.current.version })}</Paragraph>
      ) : null}
      <TextAreaField
        name="goal"
        label={t('plan.goal')}
        description={t('planEditor.goalHint')}
        value={goal}
        onChange={changeGoal}
        error={errors.goal}
        required
        rows={4}
      />
      {rows.length ? (
        <ActionRows
          rows={rows}
          departments={departments}
          errors={errors}
          onChange={(i, patch) => update(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)))}
          onRemove={(i) => update(rows.filter((_, j) => j !== i))}
        />
      ) : (
        <Paragraph>{t('plan.noActions')}</Paragraph>
      )}
      <TextField
        name="commitsCents"
        label={t('planEditor.commitsAmount')}
        description={t('planEditor.commitsAmountHint')}
        value={commits.amount}
        onChange={(amount) => changeCommits({ amount })}
        inputMode="text"
        error={errors.commitsCents}
        optional
        size="sm"
      />
      {ruleOptions.length ? (
        <CheckboxGroup
          name="exemptionRuleCodes"
          legend={t('planEditor.exemptions')}
          description={t('planEditor.exemptionsHint')}
          options={ruleOptions}
          value={commits.exemptions}
          onChange={(exemptions) => changeCommits({ exemptions })}
          error={errors.exemptionRuleCodes}
          optional
        />
      ) : null}
      <div className="regie-button-row">
        <Button
          appearance="secondary-action-button"
          onClick={() =>
            update([...rows, { key: newKey(), description: '', ownerKind: 'director', ownerDepartmentId: '', ownerName: '', dueOn: '', status: 'open' }])
          }
        >
          {t('planEditor.addAction')}
        </Button>
        <Button type="submit" appearance="primary-action-button" busy={submit.busy}>
          {t('planEditor.save')}
        </Button>
      </div>
      {dirty ? <Paragraph className="regie-small">{t('planEditor.unsaved')}</Paragraph> : null}
    </form>
  );
}
