// The facts of a case as a description list. Staff see contact details and the clock
// history; the initiator sees what concerns them.
import { DataList, DataListItem, DataListKey, DataListValue, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { CaseDetail } from '../api/models.js';
import { useI18n } from '../i18n/index.js';
import { CaseStatusBadge, ClockBadge } from './badges.js';

function Item({ k, children }: { k: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{k}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

export function CaseFacts({ c, staff = false }: { c: CaseDetail; staff?: boolean }) {
  const { t, date, dateTime } = useI18n();
  const none = <span className="regie-muted">—</span>;
  return (
    <DataList className="regie-datalist">
      <Item k={t('case.reference')}>{c.reference}</Item>
      <Item k={t('case.status')}>
        <CaseStatusBadge status={c.status} />
      </Item>
      <Item k={t('case.director')}>{c.director ? c.director.name : <span className="regie-muted">{t('case.noDirectorYet')}</span>}</Item>
      <Item k={t('case.planDueOn')}>
        {c.planDueOn ? date(c.planDueOn) : none} {c.clock !== 'none' ? <ClockBadge clock={c.clock} /> : null}
        {c.suspendedSince ? <Paragraph className="regie-small">{t('case.suspendedSince', { date: date(c.suspendedSince) })}</Paragraph> : null}
      </Item>
      {c.suspendedDays > 0 ? (
        <Item k={t('case.suspendedDays')}>{c.suspendedDays === 1 ? t('case.daysOne') : t('case.days', { count: c.suspendedDays })}</Item>
      ) : null}
      <Item k={t('case.submittedAt')}>{dateTime(c.submittedAt)}</Item>
      {staff ? <Item k={t('case.channel')}>{t(`channel.${c.channel}`)}</Item> : null}
      {staff && c.intakeAt ? <Item k={t('case.intakeAt')}>{dateTime(c.intakeAt)}</Item> : null}
      {staff && c.clockStartedOn ? <Item k={t('case.clockStartedOn')}>{date(c.clockStartedOn)}</Item> : null}
      <Item k={t('case.location')}>{c.location}</Item>
      <Item k={t('case.area')}>{c.area?.name ?? none}</Item>
      <Item k={t('case.themes')}>{c.themes.length ? c.themes.map((x) => x.name).join(', ') : none}</Item>
      {c.closedAt ? <Item k={t('case.closedAt')}>{dateTime(c.closedAt)}</Item> : null}
      {c.withdrawnReason ? <Item k={t('case.withdrawnReason')}>{c.withdrawnReason}</Item> : null}
    </DataList>
  );
}

export function InitiatorFacts({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const i = c.initiator;
  const none = <span className="regie-muted">—</span>;
  return (
    <DataList className="regie-datalist">
      <Item k={t('intake.name')}>{i.name || none}</Item>
      <Item k={t('intake.email')}>
        {i.email ? (
          <a className="utrecht-link utrecht-link--html-a" href={`mailto:${i.email}`}>
            {i.email}
          </a>
        ) : (
          none
        )}
      </Item>
      <Item k={t('intake.phone')}>{i.phone ?? none}</Item>
      <Item k={t('intake.company')}>{i.company ?? none}</Item>
      <Item k={t('intake.kvkNumber')}>{i.kvkNumber ?? none}</Item>
    </DataList>
  );
}
