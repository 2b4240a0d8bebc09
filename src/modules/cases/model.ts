// Pure rules of a case: the lifecycle, the plan clock and the director proposal.
// No I/O here; table-tested in model.test.ts.
import { addDays, type Calendar, daysBetween, type IsoDate, isDueSoon, isOverdue, nextWorkingDay } from '../../kernel/calendar.js';

export const CASE_STATUSES = ['submitted', 'intake', 'planning', 'executing', 'closed', 'withdrawn'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
/** How a case came in: the website, the desk, the phone or e-mail. */
export const CHANNELS = ['web', 'desk', 'phone', 'email'] as const;
export const OPEN_STATUSES: readonly CaseStatus[] = ['submitted', 'intake', 'planning', 'executing'];

/**
 * The lifecycle, in one table (docs/product.md: one director, one clock).
 * `planning → executing` happens only when both parties agreed the plan
 * (plans/service.ts), never as a plain status change.
 */
export const TRANSITIONS = {
  submitted: ['intake', 'withdrawn'],
  intake: ['planning', 'withdrawn'],
  planning: ['executing', 'withdrawn'],
  executing: ['closed', 'withdrawn'],
  closed: [],
  withdrawn: [],
} as const satisfies Record<CaseStatus, readonly CaseStatus[]>;

export type TransitionRefusal = 'not-allowed' | 'needs-director' | 'needs-reason' | 'needs-agreed-plan';

export interface TransitionInput {
  from: CaseStatus;
  to: CaseStatus;
  hasDirector: boolean;
  reason: string | null;
  /** the plan agreement use-case sets this; a plain status change never does */
  byPlanAgreement?: boolean;
}

/** The one place a status change is checked. Returns null when allowed. */
export function checkTransition(t: TransitionInput): TransitionRefusal | null {
  const allowed: readonly CaseStatus[] = TRANSITIONS[t.from];
  if (!allowed.includes(t.to)) return 'not-allowed';
  switch (t.to) {
    case 'withdrawn':
      return t.reason?.trim() ? null : 'needs-reason';
    case 'intake':
    case 'planning':
      return t.hasDirector ? null : 'needs-director';
    case 'executing':
      return t.byPlanAgreement ? null : 'needs-agreed-plan';
    case 'closed':
      return null;
    case 'submitted':
      return 'not-allowed';
    default: {
      const never: never = t.to;
      return never;
    }
  }
}

export const isOpen = (s: CaseStatus) => OPEN_STATUSES.includes(s);

// ---- the plan clock -------------------------------------------------------------

export interface Suspension {
  startedOn: IsoDate;
  endedOn: IsoDate | null;
}

/**
 * Days a suspension stops the clock: from the day it starts up to (not including)
 * the day it ends; an open suspension counts up to `today`. A suspension started and
 * ended on the same day stops nothing.
 */
export function suspendedDays(s: Suspension, today: IsoDate): number {
  return Math.max(0, daysBetween(s.startedOn, s.endedOn ?? today));
}

/**
 * The plan due date: the term stored on the case when its clock started (default 42
 * days: six weeks) counted in calendar days from that day, moved by every suspended
 * day; a due date on a day the municipality is closed (a weekend, a public holiday or
 * one of its own closing days) moves to the next working day
 * (docs/product.md#the-plan-clock).
 */
export function planDueOn(cal: Calendar, clockStartedOn: IsoDate, termDays: number, suspensions: Suspension[], today: IsoDate): IsoDate {
  const stopped = suspensions.reduce((sum, s) => sum + suspendedDays(s, today), 0);
  return nextWorkingDay(cal, addDays(clockStartedOn, termDays + stopped));
}

export const CLOCK_STATES = ['none', 'running', 'suspended', 'dueSoon', 'overdue', 'stopped'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

/** How the clock reads today. It runs only in intake/planning; a suspended clock is never overdue. */
export function clockState(cal: Calendar, c: { status: CaseStatus; planDueOn: IsoDate | null; suspendedSince: IsoDate | null }, today: IsoDate): ClockState {
  if (!c.planDueOn) return 'none';
  if (c.status !== 'planning') return c.status === 'intake' ? 'running' : 'stopped';
  if (c.suspendedSince) return 'suspended';
  if (isOverdue(today, c.planDueOn)) return 'overdue';
  if (isDueSoon(cal, today, c.planDueOn, 5)) return 'dueSoon';
  return 'running';
}

// ---- proposing a director -------------------------------------------------------

export interface DirectorCandidate {
  id: string;
  name: string;
  areaIds: string[];
  themeIds: string[];
  openCases: number;
}

/**
 * Propose the director for a case: among directors who cover the case's area and
 * every one of its themes, the one with the fewest open cases. When nobody covers
 * all, prefer the best coverage (area counts as much as all themes together), then
 * the lightest workload; ties go by name so the proposal is stable.
 */
export function proposeDirector(candidates: DirectorCandidate[], c: { areaId: string | null; themeIds: string[] }): DirectorCandidate | null {
  const score = (d: DirectorCandidate) => {
    const area = c.areaId && d.areaIds.includes(c.areaId) ? 1 : 0;
    const themes = c.themeIds.length === 0 ? 1 : c.themeIds.filter((t) => d.themeIds.includes(t)).length / c.themeIds.length;
    return area + themes;
  };
  const ranked = [...candidates].sort((a, b) => score(b) - score(a) || a.openCases - b.openCases || a.name.localeCompare(b.name, 'nl'));
  return ranked[0] ?? null;
}

/** Why a director is proposed, in the figures the coordinator sees beside the names. */
export interface ProposalReason {
  coversArea: boolean;
  /** the case's themes the director covers, of `themesTotal` */
  themesCovered: number;
  themesTotal: number;
  /** the director's open cases: the same count the board and the choice list show */
  openCases: number;
  /** how many other directors match as well (same coverage); each has at least `openCases` open cases */
  equallyMatched: number;
  /** the lightest open-case count among the other equally matched directors, null when there are none */
  nextOpenCases: number | null;
}

/**
 * The proposal with its reason computed from the same candidates (and so the same
 * open-case counts) the proposal was made from: the text never claims a coverage or
 * a workload the figures beside it contradict.
 */
export function proposeDirectorWithReason(
  candidates: DirectorCandidate[],
  c: { areaId: string | null; themeIds: string[] },
): { director: DirectorCandidate; reason: ProposalReason } | null {
  const director = proposeDirector(candidates, c);
  if (!director) return null;
  const coverage = (d: DirectorCandidate) => ({
    area: c.areaId !== null && d.areaIds.includes(c.areaId),
    themes: c.themeIds.filter((t) => d.themeIds.includes(t)).length,
  });
  const mine = coverage(director);
  const peers = candidates.filter((d) => {
    if (d.id === director.id) return false;
    const o = coverage(d);
    return o.area === mine.area && o.themes === mine.themes;
  });
  return {
    director,
    reason: {
      coversArea: mine.area,
      themesCovered: mine.themes,
      themesTotal: c.themeIds.length,
      openCases: director.openCases,
      equallyMatched: peers.length,
      nextOpenCases: peers.length ? Math.min(...peers.map((d) => d.openCases)) : null,
    },
  };
}

/**
 * An unconfirmed public intake stays *submitted* until the owner of the address
 * confirms it: it can be withdrawn, but not taken into intake, so the plan clock
 * cannot start before the confirmation
 * (docs/product.md#confirming-a-public-intake).
 */
export function unconfirmedRefusal(confirmed: boolean, to: CaseStatus): 'unconfirmed' | null {
  return confirmed || to === 'withdrawn' ? null : 'unconfirmed';
}

/**
 * The area of a case after staff set or clear its point
 * (docs/product.md#address-and-point-of-a-case, docs/product.md#area-from-the-point):
 * an area chosen explicitly always stays; otherwise the new point decides, as at the
 * intake — the area whose boundary holds it, or none — and without a point there is
 * no area from the point.
 */
export function areaAfterPointChange(
  current: { areaId: string | null; areaFromPoint: boolean },
  next: { hasPoint: boolean; areaOfPoint: string | null },
): { areaId: string | null; areaFromPoint: boolean } {
  if (current.areaId !== null && !current.areaFromPoint) return { areaId: current.areaId, areaFromPoint: false };
  const areaId = next.hasPoint ? next.areaOfPoint : null;
  return { areaId, areaFromPoint: areaId !== null };
}
