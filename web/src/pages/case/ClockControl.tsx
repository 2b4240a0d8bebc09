// Suspend the plan clock while waiting for the initiator, and resume it; the history
// of suspensions stays visible.
import { Button, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { CaseDetail } from '../../api/models.js';
import { api } from '../../api.js';
import { FormDisclosure } from '../../components/Disclosure.js';
import { ErrorAlert } from '../../components/feedback.js';
import { Section } from '../../components/Section.js';
import { TextForm } from '../../components/TextForm.js';
import { WideTable } from '../../components/WideTable.js';
import { useSubmit } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';

export function ClockControl({ c, onChanged }: { c: CaseDetail; onChanged(c: CaseDetail, message: string): void }) {
  const { t, date } = useI18n();
  const resume = useSubmit();
  const canControl = c.abilities.manage && c.status === 'planning';
  if (!canControl && !c.suspensions.length) return null;
  return (
    <Section title={t('clockControl.title')} level={3} className="regie-subsection">
      {canControl && c.suspendedSince ? (
        <>
          <Paragraph>{t('clockControl.suspendedText', { date: date(c.suspendedSince) })}</Paragraph>
          {resume.error ? <ErrorAlert error={resume.error} /> : null}
          <Button
            appearance="primary-action-button"
            busy={resume.busy}
            onClick={async () => {
              const r = await resume.run(() => api.resume(c));
              if (r) onChanged(r, t('clockControl.resumed', { date: date(r.planDueOn) }));
            }}
          >
            {t('clockControl.resume')}
          </Button>
        </>
      ) : null}
      {canControl && !c.suspendedSince ? (
        <FormDisclosure label={t('clockControl.suspend')}>
          {(done) => (
            <TextForm
              name="suspendReason"
              apiField="reason"
              label={t('clockControl.reason')}
              description={t('clockControl.reasonHint')}
              submitLabel={t('caseUx.suspendSubmit')}
              requiredMessage={t('clockControl.required')}
              doneMessage={t('clockControl.suspended')}
              rows={3}
              onDone={done}
              onSubmit={async (reason) => onChanged(await api.suspend(c, reason), t('clockControl.suspended'))}
            />
          )}
        </FormDisclosure>
      ) : null}
      {c.suspensions.length ? (
        <WideTable caption={t('clockControl.historyCaption')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('clockControl.from')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('clockControl.until')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('clockControl.reason')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {c.suspensions.map((s) => (
              <TableRow key={`${s.startedOn}-${s.reason}`}>
                <TableCell>{date(s.startedOn)}</TableCell>
                <TableCell>{s.endedOn ? date(s.endedOn) : t('clockControl.ongoing')}</TableCell>
                <TableCell>{s.reason}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </WideTable>
      ) : null}
    </Section>
  );
}
