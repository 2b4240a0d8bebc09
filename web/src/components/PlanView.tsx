// One version of the plan (plan van aanpak), read-only: goal, who agreed, actions.
import { DataList, Heading, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { PlanAction, PlanVersion } from '../api/models.js';
import { type Translate, useI18n } from '../i18n/index.js';
import { Fact } from './Fact.js';
import { WideTable } from './WideTable.js';

/** The column headers of a plan's actions: number, action, owner, due date and status. */
export function ActionHeaderCells() {
  const { t } = useI18n();
  return (
    <>
      <TableHeaderCell scope="col">{t('plan.number')}</TableHeaderCell>
      <TableHeaderCell scope="col">{t('plan.action')}</TableHeaderCell>
      <TableHeaderCell scope="col">{t('plan.owner')}</TableHeaderCell>
      <TableHeaderCell scope="col">{t('plan.dueOn')}</TableHeaderCell>
      <TableHeaderCell scope="col">{t('plan.actionStatus')}</TableHeaderCell>
    </>
  );
}

export function ownerText(a: PlanAction, t: Translate) {
  if (a.ownerKind === 'department') return a.ownerDepartmentName ?? t('owner.department');
  if (a.ownerKind === 'external') return a.ownerName ?? t('owner.external');
  return t(`owner.${a.ownerKind}`);
}

export function PlanView({
  plan,
  headingLevel = 3,
  actionControls,
  controlsHeader,
}: {
  plan: PlanVersion;
  headingLevel?: number;
  actionControls?: (a: PlanAction) => ReactNode;
  controlsHeader?: string;
}) {
  const { t, date, dateTime } = useI18n();
  return (
    <div className="regie-plan">
      <Heading level={headingLevel}>{t('plan.goal')}</Heading>
      <Paragraph className="regie-prewrap">{plan.goal}</Paragraph>
      <DataList className="regie-datalist">
        <Fact k={t('plan.agreedInitiator')}>
          {plan.initiatorAgreedAt ? t('plan.agreedOn', { when: dateTime(plan.initiatorAgreedAt) }) : t('plan.notAgreed')}
        </Fact>
        <Fact k={t('plan.agreedDirector')}>{plan.directorAgreedAt ? t('plan.agreedOn', { when: dateTime(plan.directorAgreedAt) }) : t('plan.notAgreed')}</Fact>
      </DataList>
      {plan.actions.length ? (
        <WideTable caption={t('plan.actionsCaption', { version: plan.version })}>
          <TableHeader>
            <TableRow>
              <ActionHeaderCells />
              {actionControls ? <TableHeaderCell scope="col">{controlsHeader}</TableHeaderCell> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {plan.actions.map((a, i) => (
              <TableRow key={a.id}>
                <TableCell>{i + 1}</TableCell>
                <TableCell className="regie-prewrap">{a.description}</TableCell>
                <TableCell>{ownerText(a, t)}</TableCell>
                <TableCell className="regie-nowrap">{date(a.dueOn)}</TableCell>
                <TableCell>{t(`actionStatus.${a.status}`)}</TableCell>
                {actionControls ? <TableCell>{actionControls(a)}</TableCell> : null}
              </TableRow>
            ))}
          </TableBody>
        </WideTable>
      ) : (
        <Paragraph>{t('plan.noActions')}</Paragraph>
      )}
    </div>
  );
}
