// Pure rules of the council overview (docs/product.md#the-council-overview): which
// plans count as on time, the share on time, and what a public case summary may show.
import type { IsoDate } from '../../kernel/calendar.js';

/**
 * How a case's plan stands against its promised term (docs/product.md#the-council-overview):
 * agreed on or before the due date is on time, agreed after it late; not agreed while
 * the clock runs past the due date (not suspended) is overdue; otherwise still running.
 * A case without a due date (no plan clock yet) or closed without an agreed plan has no
 * plan term to count.
 */
export type PlanTerm = 'onTime' | 'late' | 'overdue' | 'running' | 'none';

export function planTerm(
  c: { status: string; planDueOn: IsoDate | null; suspendedSince: IsoDate | null; planAgreedOn: IsoDate | null },
  today: IsoDate,
): PlanTerm {
  if (c.planDueOn === null) return 'none';
  if (c.planAgreedOn !== null) return c.planAgreedOn <= c.planDueOn ? 'onTime' : 'late';
  if (c.status !== 'intake' && c.status !== 'planning') return 'none';
  if (c.suspendedSince === null && c.planDueOn < today) return 'overdue';
  return 'running';
}

/**
 * The share of plans made within the promised term, in whole percent: of every plan
 * whose term is settled (agreed on time, agreed late, or overdue without an agreed
 * plan), the part agreed on time. Null when none is settled yet: 0 % would say
 * something that is not true.
 */
export function shareOnTime(counts: { onTime: number; late: number; overdue: number }): number | null {
  const settled = counts.onTime + counts.late + counts.overdue;
  if (settled === 0) return null;
  return Math.round((100 * counts.onTime) / settled);
}
