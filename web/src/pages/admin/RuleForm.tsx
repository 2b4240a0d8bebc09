// Add or change one rule of the register (docs/product.md#the-rules-register): code, title, legal
// source, domain, strict, and the period it may be cited in. Ending a rule's
// validity is its own small form: rules are never deleted.
import { Button } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import type { Domain, Rule, RuleInput } from '../../api/models.js';
import { api } from '../../api.js';
import { CheckboxField, SaveButtons, SelectField, TextField, ValidityFields } from '../../components/Fields.js';
import { ErrorSummary } from '../../components/feedback.js';
import { type FieldErrors, fieldErrors } from '../../components/forms.js';
import { domainOptions } from '../../components/options.js';
import { useCheckedSubmit, useSubmit } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';
import { todayIso } from '../assessment/shared.js';

const FIELDS = ['code', 'title', 'legalSource', 'domain', 'strict', 'validFrom', 'validUntil'];

export function RuleForm({ rule, onDone }: { rule?: Rule; onDone(saved: { code: string } | null): void }) {
  const { t } = useI18n();
  const submit = useCheckedSubmit(FIELDS);
  const [f, setF] = useState({
    code: rule?.code ?? '',
    title: rule?.title ?? '',
    legalSource: rule?.legalSource ?? '',
    domain: (rule?.domain ?? 'physical') as Domain,
    validFrom: rule?.validFrom ?? todayIso(),
    validUntil: rule?.validUntil ?? '',
  });
  const [strict, setStrict] = useState(rule?.strict ?? false);
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const prefix = rule ? `rule-${rule.id}` : 'rule-new';
  const ids = Object.fromEntries(FIELDS.map((k) => [k, `veld-${prefix}-${k}`]));
  const labels: Record<string, string> = {
    code: t('rule.code'),
    title: t('rule.title'),
    legalSource: t('rule.legalSource'),
    domain: t('rule.domain'),
    strict: t('rule.strict'),
    validFrom: t('rule.validFrom'),
    validUntil: t('rule.validUntil'),
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const c: FieldErrors = {};
    if (!f.code.trim()) c.code = t('ruleForm.error.code');
    if (!f.title.trim()) c.title = t('ruleForm.error.title');
    if (!f.legalSource.trim()) c.legalSource = t('ruleForm.error.legalSource');
    if (!f.validFrom) c.validFrom = t('ruleForm.error.validFrom');
    if (!submit.checked(c)) return;
    const body: RuleInput = {
      code: f.code.trim(),
      title: f.title.trim(),
      legalSource: f.legalSource.trim(),
      domain: f.domain,
      strict,
      validFrom: f.validFrom,
      validUntil: f.validUntil || null,
    };
    const saved = await submit.run(() => (rule ? api.updateRule(rule.id, rule.version, body) : api.createRule(body)));
    if (saved) {
      if (!rule) {
        setF((x) => ({ ...x, code: '', title: '', legalSource: '', validUntil: '' }));
        setStrict(false);
      }
      onDone(saved);
    }
  }

  const errors = submit.errors;
  return (
    <form noValidate onSubmit={onSubmit} className="regie-form">
      <ErrorSummary error={submit.error} errors={errors} labels={labels} ids={ids} />
      <TextField
        name="code"
        id={ids.code}
        label={labels.code}
        description={t('ruleForm.codeHint')}
        value={f.code}
        onChange={set('code')}
        error={errors.code}
        required
        size="sm"
      />
      <TextField name="title" id={ids.title} label={labels.title} value={f.title} onChange={set('title')} error={errors.title} required />
      <TextField
        name="legalSource"
        id={ids.legalSource}
        label={labels.legalSource}
        description={t('ruleForm.legalSourceHint')}
        value={f.legalSource}
        onChange={set('legalSource')}
        error={errors.legalSource}
        required
      />
      <SelectField
        name="domain"
        id={ids.domain}
        label={labels.domain}
        value={f.domain}
        onChange={set('domain')}
        error={errors.domain}
        options={domainOptions(t)}
      />
      <CheckboxField name="strict" id={ids.strict} label={labels.strict} description={t('ruleForm.strictHint')} checked={strict} onChange={setStrict} />
      <ValidityFields
        ids={ids}
        labels={labels}
        errors={errors}
        validFrom={f.validFrom}
        validUntil={f.validUntil}
        onValidFrom={set('validFrom')}
        onValidUntil={set('validUntil')}
        untilHint={t('ruleForm.validUntilHint')}
      />
      <SaveButtons editing={Boolean(rule)} addLabel={t('ruleForm.add')} busy={submit.busy} onCancel={() => onDone(null)} />
    </form>
  );
}

/** Set the last day a rule may be cited (today or later). */
export function EndValidityForm({ rule, onDone }: { rule: Rule; onDone(ended: boolean): void }) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [until, setUntil] = useState(todayIso());
  const id = `veld-end-${rule.id}`;
  const labels = { validUntil: t('ruleForm.endOn', { code: rule.code }) };
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const r = await submit.run(() => api.endRuleValidity(rule.id, rule.version, until));
    if (r) onDone(true);
  }
  const errors = fieldErrors(submit.error, ['validUntil']);
  return (
    <form noValidate onSubmit={onSubmit} className="regie-inline-form">
      <ErrorSummary error={submit.error} errors={errors} labels={labels} ids={{ validUntil: id }} />
      <TextField
        name="validUntil"
        id={id}
        type="date"
        label={labels.validUntil}
        description={t('ruleForm.endHint')}
        value={until}
        onChange={setUntil}
        error={errors.validUntil}
        required
      />
      <div className="regie-button-row">
        <Button type="submit" appearance="primary-action-button" hint="danger" busy={submit.busy}>
          {t('ruleForm.endSubmit')}
        </Button>
        <Button appearance="subtle-button" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
