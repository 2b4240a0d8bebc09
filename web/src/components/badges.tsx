// Case status and plan-clock badges. A clock that needs attention (due soon, overdue,
// suspended) differs in colour AND says so in words, never colour alone.
import { StatusBadge } from '@utrecht/component-library-react';
import type { CaseStatus, ClockState } from '../api/models.js';
import { useI18n } from '../i18n/index.js';

const STATUS_LOOK: Record<CaseStatus, string> = {
  submitted: 'neutral',
  intake: 'active',
  planning: 'active',
  executing: 'valid',
  closed: 'inactive',
  withdrawn: 'inactive',
};

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useI18n();
  return <StatusBadge status={STATUS_LOOK[status]}>{t(`status.${status}`)}</StatusBadge>;
}

/** A public intake the requester has not yet confirmed through the mailed link. */
export function UnconfirmedBadge() {
  const { t } = useI18n();
  return <StatusBadge status="warning">{t('case.unconfirmed')}</StatusBadge>;
}

const CLOCK_LOOK: Record<ClockState, string> = {
  none: 'neutral',
  running: 'safe',
  stopped: 'inactive',
  dueSoon: 'warning',
  overdue: 'danger',
  suspended: 'inactive',
};
const CLOCK_MARK: Partial<Record<ClockState, string>> = { dueSoon: '⚠ ', overdue: '! ', suspended: '‖ ' };

export function ClockBadge({ clock }: { clock: ClockState }) {
  const { t } = useI18n();
  if (clock === 'none') return <span className="regie-muted">{t('clock.none')}</span>;
  return (
    <StatusBadge status={CLOCK_LOOK[clock]} className={`regie-clock regie-clock--${clock}`}>
      <span aria-hidden="true">{CLOCK_MARK[clock] ?? ''}</span>
      {t(`clock.${clock}`)}
    </StatusBadge>
  );
}
