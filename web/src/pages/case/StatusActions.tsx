// The next step in the case's lifecycle, offered when the API says the user may manage
// the case; the server checks the transition itself (e.g. "assign a director first").
import { Button, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { CaseDetail, CaseStatus, StatusChange } from '../../api/models.js';
import { api } from '../../api.js';
import { FormDisclosure } from '../../components/Disclosure.js';
import { TextAreaField } from '../../components/Fields.js';
import { ErrorAlert } from '../../components/feedback.js';
import { Section } from '../../components/Section.js';
import { TextForm } from '../../components/TextForm.js';
import { useSubmit } from '../../hooks.js';
import { type MessageKey, useI18n } from '../../i18n/index.js';

type Step = { to: Exclude<StatusChange, 'withdrawn'>; label: MessageKey; hint: MessageKey };
const NEXT: Partial<Record<CaseStatus, Step>> = {
  submitted: { to: 'intake', label: 'statusAction.intake', hint: 'statusAction.intakeHint' },
  intake: { to: 'planning', label: 'statusAction.planning', hint: 'statusAction.planningHint' },
  executing: { to: 'closed', label: 'statusAction.close', hint: 'statusAction.closeHint' },
};

export function StatusActions({ c, onChanged }: { c: CaseDetail; onChanged(c: CaseDetail, message: string): void }) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [reason, setReason] = useState('');
  const step = c.abilities.manage ? NEXT[c.status] : undefined;
  return (
    <>
      {step ? (
        <Section title={t('statusAction.title')} level={3} className="regie-subsection">
          <Paragraph>{t(step.hint)}</Paragraph>
          {submit.error ? <ErrorAlert error={submit.error} /> : null}
          {step.to === 'closed' ? (
            <TextAreaField
              name="closeReason"
              label={t('statusAction.closeReason')}
              optional
              description={t('statusAction.closeReasonHint')}
              value={reason}
              onChange={setReason}
              rows={2}
            />
          ) : null}
          <Button
            appearance="primary-action-button"
            busy={submit.busy}
            onClick={async () => {
              const r = await submit.run(() => api.changeStatus(c, step.to, step.to === 'closed' ? reason.trim() : undefined));
              if (r) onChanged(r, t('statusAction.done', { status: t(`status.${step.to}`) }));
            }}
          >
            {t(step.label)}
          </Button>
        </Section>
      ) : null}
      {c.abilities.manage && c.status === 'planning' ? (
        <Section title={t('statusAction.title')} level={3} className="regie-subsection">
          <Paragraph>{t('statusAction.executingHint')}</Paragraph>
        </Section>
      ) : null}
    </>
  );
}

/**
 * Withdrawing ends the case for good: it stands apart from the next step, in a section
 * of its own marked as dangerous, opens on demand, asks for a reason and then for
 * confirmation (docs/product.md#withdrawing-a-case).
 */
export function WithdrawCase({ c, onChanged }: { c: CaseDetail; onChanged(c: CaseDetail, message: string): void }) {
  const { t } = useI18n();
  if (!c.abilities.withdraw) return null;
  return (
    <Section title={t('withdraw.titleStaff')} className="regie-section regie-danger-zone" anchor="intrekken">
      <Paragraph>{t('caseUx.withdrawLead')}</Paragraph>
      <FormDisclosure label={t('caseUx.withdrawOpen')} danger>
        {() => (
          <WithdrawForm
            c={c}
            description={t('withdraw.reasonHintStaff')}
            submitLabel={t('withdraw.submitStaff')}
            onWithdrawn={(next) => onChanged(next, t('withdraw.done'))}
          />
        )}
      </FormDisclosure>
    </Section>
  );
}

/** The reason for withdrawing a case, and the withdrawal itself after confirmation. */
export function WithdrawForm(p: { c: CaseDetail; description?: string; submitLabel: string; onWithdrawn(next: CaseDetail): void }) {
  const { t } = useI18n();
  return (
    <TextForm
      name="withdrawReason"
      apiField="reason"
      label={t('withdraw.reason')}
      description={p.description}
      submitLabel={p.submitLabel}
      requiredMessage={t('withdraw.required')}
      doneMessage={t('withdraw.done')}
      hint="danger"
      rows={3}
      confirm={{ question: t('caseUx.withdrawConfirm', { reference: p.c.reference }), yes: t('caseUx.withdrawYes'), no: t('caseUx.withdrawNo') }}
      onSubmit={async (reason) => p.onWithdrawn(await api.changeStatus(p.c, 'withdrawn', reason))}
    />
  );
}
