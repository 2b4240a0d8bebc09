// The facts of a case as a description list. Staff see contact details and the clock
// history; the initiator sees what concerns them.
import { DataList, Paragraph } from '@utrecht/component-library-react';
import type { CaseDetail } from '../api/models.js';
import { useI18n } from '../i18n/index.js';
import { CaseStatusBadge, ClockBadge } from './badges.js';
import { Fact } from './Fact.js';
import { PlaceFacts } from './geo/PlaceFacts.js';
import { OnBehalfFact } from './LoginDetails.js';

export function CaseFacts({ c, staff = false }: { c: CaseDetail; staff?: boolean }) {
  const { t, date, dateTime } = useI18n();
  const none = <span className="regie-muted">—</span>;
  return (
    <DataList className="regie-datalist">
      <Fact k={t('case.reference')}>{c.reference}</Fact>
      <Fact k={t('case.status')}>
        <CaseStatusBadge status={c.status} />
      </Fact>
      <Fact k={t('case.director')}>{c.director ? c.director.name : <span className="regie-muted">{t('case.noDirectorYet')}</span>}</Fact>
      <Fact k={t('case.planDueOn')}>
        {c.planDueOn ? date(c.planDueOn) : none} {c.clock !== 'none' ? <ClockBadge clock={c.clock} /> : null}
        {c.suspendedSince ? <Paragraph className="regie-small">{t('case.suspendedSince', { date: date(c.suspendedSince) })}</Paragraph> : null}
      </Fact>
      {c.suspendedDays > 0 ? (
        <Fact k={t('case.suspendedDays')}>{c.suspendedDays === 1 ? t('case.daysOne') : t('case.days', { count: c.suspendedDays })}</Fact>
      ) : null}
      <Fact k={t('case.submittedAt')}>{dateTime(c.submittedAt)}</Fact>
      {staff ? <Fact k={t('case.channel')}>{t(`channel.${c.channel}`)}</Fact> : null}
      {staff && c.intakeAt ? <Fact k={t('case.intakeAt')}>{dateTime(c.intakeAt)}</Fact> : null}
      {staff && c.clockStartedOn ? <Fact k={t('case.clockStartedOn')}>{date(c.clockStartedOn)}</Fact> : null}
      <Fact k={t('case.location')}>{c.location}</Fact>
      <PlaceFacts c={c} />
      <Fact k={t('case.area')}>
        {c.area?.name ?? none}
        {c.area && c.areaFromPoint ? ` ${t('geo.areaFromPoint')}` : null}
      </Fact>
      <Fact k={t('case.themes')}>{c.themes.length ? c.themes.map((x) => x.name).join(', ') : none}</Fact>
      {c.closedAt ? <Fact k={t('case.closedAt')}>{dateTime(c.closedAt)}</Fact> : null}
      {c.withdrawnReason ? <Fact k={t('case.withdrawnReason')}>{c.withdrawnReason}</Fact> : null}
    </DataList>
  );
}

export function InitiatorFacts({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const i = c.initiator;
  const none = <span className="regie-muted">—</span>;
  return (
    <DataList className="regie-datalist">
      <Fact k={t('intake.name')}>{i.name || none}</Fact>
      <Fact k={t('intake.email')}>
        {i.email ? (
          <a className="utrecht-link utrecht-link--html-a" href={`mailto:${i.email}`}>
            {i.email}
          </a>
        ) : (
          none
        )}
      </Fact>
      <Fact k={t('intake.phone')}>{i.phone ?? none}</Fact>
      <Fact k={t('intake.company')}>{i.company ?? none}</Fact>
      <Fact k={t('intake.kvkNumber')}>{i.kvkNumber ?? none}</Fact>
      <OnBehalfFact initiator={i} />
    </DataList>
  );
}
