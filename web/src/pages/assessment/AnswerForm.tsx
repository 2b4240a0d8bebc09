// A party's answer to an assessment round (docs/product.md#what-an-answer-needs): yes, yes with
// conditions, or an objection that cites register rules, says why they apply to this
// case and — unless every cited rule is strict — how it could be done. The form
// guides; the server judges and its field errors are shown next to the fields.
import { Button, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useMemo, useState } from 'react';
import type { AnswerBody, AssessmentAnswer, CitedRule } from '../../api/models.js';
import { CheckboxGroup, RadioGroup, TextAreaField, TextField } from '../../components/Fields.js';
import { ErrorSummary } from '../../components/feedback.js';
import { useCheckedSubmit } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';

type Kind = AnswerBody['kind'];
const FIELDS = ['kind', 'conditions', 'ruleIds', 'whyApplies', 'howItCouldBeDone'];

export function AnswerForm({
  previous,
  rules,
  onSubmit,
  submitLabel,
  objectionOnly = false,
}: {
  previous: Pick<AssessmentAnswer, 'kind' | 'conditions' | 'rules' | 'whyApplies' | 'howItCouldBeDone'> | null;
  /** after the round closed only a late objection can be raised (docs/product.md#late-objection) */
  objectionOnly?: boolean;
  /** the register rules citable today */
  rules: CitedRule[];
  onSubmit(body: AnswerBody): Promise<unknown>;
  submitLabel: string;
}) {
  const { t } = useI18n();
  const submit = useCheckedSubmit(FIELDS);
  const start = previous && previous.kind !== 'silence' ? previous : null;
  const [kind, setKind] = useState<Kind | ''>(objectionOnly ? 'objection' : start?.kind === 'silence' ? '' : (start?.kind ?? ''));
  const [conditions, setConditions] = useState(start?.conditions ?? '');
  const [ruleIds, setRuleIds] = useState<string[]>(start?.rules.map((r) => r.id) ?? []);
  const [whyApplies, setWhy] = useState(start?.whyApplies ?? '');
  const [how, setHow] = useState(start?.howItCouldBeDone ?? '');
  const [filter, setFilter] = useState('');

  const labels: Record<string, string> = {
    kind: t('answerForm.kind'),
    conditions: t('answerForm.conditions'),
    ruleIds: t('answerForm.rules'),
    whyApplies: t('answerForm.whyApplies'),
    howItCouldBeDone: t('answerForm.how'),
  };
  const chosen = rules.filter((r) => ruleIds.includes(r.id));
  const allStrict = chosen.length > 0 && chosen.every((r) => r.strict);
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    // chosen rules always stay visible, so unticking never needs the filter cleared
    return rules.filter((r) => !q || ruleIds.includes(r.id) || `${r.code} ${r.title} ${r.legalSource}`.toLowerCase().includes(q));
  }, [rules, filter, ruleIds]);

  async function handle(e: FormEvent) {
    e.preventDefault();
    if (!submit.checked(kind ? {} : { kind: t('answerForm.error.kind') }) || !kind) return;
    const body: AnswerBody =
      kind === 'yes'
        ? { kind }
        : kind === 'yesWithConditions'
          ? { kind, conditions: conditions.trim() }
          : { kind, ruleIds, whyApplies: whyApplies.trim(), howItCouldBeDone: how.trim() || null };
    // the page announces success: after a late objection this form goes away
    await submit.run(async () => {
      await onSubmit(body);
      return true;
    });
  }

  const errors = submit.errors;
  return (
    <form noValidate onSubmit={handle} className="regie-form">
      <ErrorSummary error={submit.error} errors={errors} labels={labels} />
      {objectionOnly ? null : (
        <RadioGroup
          name="kind"
          legend={labels.kind}
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          error={errors.kind}
          options={[
            { value: 'yes', label: t('answer.yes') },
            { value: 'yesWithConditions', label: t('answer.yesWithConditions') },
            { value: 'objection', label: t('answer.objection') },
          ]}
        />
      )}
      {objectionOnly && errors.kind ? <Paragraph className="utrecht-form-field-error-message">{errors.kind}</Paragraph> : null}
      {kind === 'yesWithConditions' ? (
        <TextAreaField
          name="conditions"
          label={labels.conditions}
          description={t('answerForm.conditionsHint')}
          value={conditions}
          onChange={setConditions}
          error={errors.conditions}
          required
        />
      ) : null}
      {kind === 'objection' ? (
        <>
          {rules.length > 8 ? (
            <TextField name="ruleFilter" label={t('answerForm.ruleFilter')} optional value={filter} onChange={setFilter} autoComplete="off" />
          ) : null}
          <CheckboxGroup
            name="ruleIds"
            legend={labels.ruleIds}
            description={rules.length ? t('answerForm.rulesHint') : t('answerForm.noRules')}
            options={shown.map((r) => ({
              value: r.id,
              label: `${r.code} ${r.title} (${r.legalSource})${r.strict ? ` — ${t('rule.strictBadge')}` : ''}`,
            }))}
            value={ruleIds}
            onChange={setRuleIds}
            error={errors.ruleIds}
          />
          <TextAreaField
            name="whyApplies"
            label={labels.whyApplies}
            description={t('answerForm.whyHint')}
            value={whyApplies}
            onChange={setWhy}
            error={errors.whyApplies}
            required
          />
          <TextAreaField
            name="howItCouldBeDone"
            label={labels.howItCouldBeDone}
            optional={allStrict}
            description={allStrict ? t('answerForm.howHintStrict') : t('answerForm.howHint')}
            value={how}
            onChange={setHow}
            error={errors.howItCouldBeDone}
            required={!allStrict}
          />
        </>
      ) : null}
      <Button type="submit" appearance="primary-action-button" busy={submit.busy}>
        {submitLabel}
      </Button>
    </form>
  );
}
