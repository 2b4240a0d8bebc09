// Pure rules of comparing municipalities (docs/product.md#comparing-municipalities):
// the size classes, the headline figures of one municipality, the median and quartiles
// of the participants, and the small-number suppression
// (docs/product.md#small-numbers-are-not-shown).
import { daysBetween, type IsoDate } from '../../kernel/calendar.js';
// Plans on time is the council overview's rule (docs/product.md#the-council-overview),
// reused rather than defined twice: planTerm per case, shareOnTime for the share.
import { shareOnTime } from '../council/index.js';

// ---- settings ---------------------------------------------------------------------

/** The licences the open data can be published under (SPDX ids), the first the default. */
export const LICENCES = ['CC0-1.0', 'CC-BY-4.0'] as const;
export type Licence = (typeof LICENCES)[number];
export const LICENCE_URLS: Record<Licence, string> = {
  'CC0-1.0': 'https://creativecommons.org/publicdomain/zero/1.0/',
  'CC-BY-4.0': 'https://creativecommons.org/licenses/by/4.0/',
};

/** The CBS size classes by number of inhabitants (docs/product.md#comparing-municipalities). */
export const SIZE_CLASSES = ['lt10k', '10k-20k', '20k-50k', '50k-100k', '100k+'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];
const SIZE_BOUNDS: readonly [number, SizeClass][] = [
  [10_000, 'lt10k'],
  [20_000, '10k-20k'],
  [50_000, '20k-50k'],
  [100_000, '50k-100k'],
];

/** The size class of a municipality; null while the number of inhabitants is not set. */
export function sizeClass(inhabitants: number | null): SizeClass | null {
  if (inhabitants === null || !Number.isInteger(inhabitants) || inhabitants < 0) return null;
  for (const [below, c] of SIZE_BOUNDS) if (inhabitants < below) return c;
  return '100k+';
}

// ---- months -----------------------------------------------------------------------

/** A calendar month, `YYYY-MM`. */
export type Month = string;
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const monthOf = (d: IsoDate): Month => d.slice(0, 7);

/** The month `n` months after `m` (negative: before). */
export function addMonths(m: Month, n: number): Month {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  const i = y * 12 + (mo - 1) + n;
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included; empty when `to` is before `from`. */
export function monthsBetween(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let m = from; m <= to && out.length < 1200; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The longest period one comparison or open-data request may cover. */
export const MAX_PERIOD_MONTHS = 36;

/** The default period: the twelve whole months before today's month. */
export function defaultPeriod(today: IsoDate): { from: Month; to: Month } {
  const to = addMonths(monthOf(today), -1);
  return { from: addMonths(to, -11), to };
}

/** What is wrong with a requested period, or null. */
export function periodProblem(p: { from: Month; to: Month }): 'order' | 'tooLong' | null {
  if (p.to < p.from) return 'order';
  if (monthsBetween(p.from, p.to).length > MAX_PERIOD_MONTHS) return 'tooLong';
  return null;
}

// ---- the headline figures of one municipality ---------------------------------------

export const FIGURES = ['plansOnTime', 'leadTime', 'commitmentsKept', 'averageMark'] as const;
export type FigureKey = (typeof FIGURES)[number];

/** One municipality's counts for one month, as the benchmark job stores them. */
export interface MonthCounts {
  month: Month;
  plansOnTime: number;
  plansLate: number;
  plansOverdue: number;
  /** days from intake to the agreed plan, one per plan agreed this month */
  leadDays: readonly number[];
  commitmentsKept: number;
  commitmentsBroken: number;
  commitmentsOverdue: number;
  /** null: Regie knows no report marks (no satisfaction survey) */
  markAnswers: number | null;
  markSum: number | null;
}

/** A figure's value and the number it is based on (plans, commitments, answers). */
export interface Figure {
  value: number | null;
  basis: number;
}

/** Days from the end of intake to the day the plan was agreed (docs/product.md#comparing-municipalities). */
export function leadTimeDays(intakeOn: IsoDate, agreedOn: IsoDate): number {
  return Math.max(0, daysBetween(intakeOn, agreedOn));
}

export type CommitmentStanding = 'kept' | 'broken' | 'overdue' | null;

/**
 * How a commitment counts for "commitments kept" (docs/product.md#comparing-municipalities):
 * kept and broken by their outcome, an open one (binding or awaiting confirmation)
 * once its due date has passed as overdue; withdrawn, declined and open ones not yet
 * due do not count. An amended commitment counts once, by its current version.
 */
export function commitmentStanding(k: { status: string; dueOn: IsoDate }, today: IsoDate): CommitmentStanding {
  if (k.status === 'kept') return 'kept';
  if (k.status === 'broken') return 'broken';
  if ((k.status === 'binding' || k.status === 'needsConfirmation') && k.dueOn < today) return 'overdue';
  return null;
}

/** kept / (kept + broken + overdue), in whole percent; null when nothing is due. */
export function keptShare(c: { kept: number; broken: number; overdue: number }): number | null {
  const due = c.kept + c.broken + c.overdue;
  if (due === 0) return null;
  return Math.round((100 * c.kept) / due);
}

/** The average report mark, to one decimal; null without answers. */
export function averageMark(c: { answers: number; markSum: number }): number | null {
  if (c.answers === 0) return null;
  return round1(c.markSum / c.answers);
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * One municipality's figures over a period: the months' counts added up (the lead
 * time is the median over all plans agreed in the period). The average mark is left
 * out (undefined) when Regie knows no marks at all.
 */
export function figuresOf(months: readonly MonthCounts[]): Record<Exclude<FigureKey, 'averageMark'>, Figure> & { averageMark?: Figure } {
  const sum = (f: (m: MonthCounts) => number) => months.reduce((s, m) => s + f(m), 0);
  const plans = { onTime: sum((m) => m.plansOnTime), late: sum((m) => m.plansLate), overdue: sum((m) => m.plansOverdue) };
  const lead = months.flatMap((m) => m.leadDays);
  const kept = { kept: sum((m) => m.commitmentsKept), broken: sum((m) => m.commitmentsBroken), overdue: sum((m) => m.commitmentsOverdue) };
  const out: ReturnType<typeof figuresOf> = {
    plansOnTime: { value: shareOnTime(plans), basis: plans.onTime + plans.late + plans.overdue },
    leadTime: { value: median(lead), basis: lead.length },
    commitmentsKept: { value: keptShare(kept), basis: kept.kept + kept.broken + kept.overdue },
  };
  if (months.some((m) => m.markAnswers !== null)) {
    const answers = sum((m) => m.markAnswers ?? 0);
    out.averageMark = { value: averageMark({ answers, markSum: sum((m) => m.markSum ?? 0) }), basis: answers };
  }
  return out;
}

// ---- median and quartiles -------------------------------------------------------------

/**
 * The p-quantile of the values by linear interpolation between the closest ranks (the
 * method of Excel's QUARTILE.INC and R's default): rank h = (n − 1)·p from 0, and a
 * value between the two values around it. Rounded to one decimal; null for no values.
 */
export function quantile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const xs = [...values].sort((a, b) => a - b);
  const h = (xs.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const v = (xs[lo] as number) + (h - lo) * ((xs[hi] as number) - (xs[lo] as number));
  return round1(v);
}

/** The median: the middle value, or the mean of the two middle values for an even count. */
export const median = (values: readonly number[]): number | null => quantile(values, 0.5);

// ---- small numbers (docs/product.md#small-numbers-are-not-shown) ------------------------

/** No median or quartile over fewer municipalities than this. */
export const MIN_MUNICIPALITIES = 5;
/** No average mark (and no aggregate of marks) over fewer survey answers than this. */
export const MIN_MARK_ANSWERS = 10;

/**
 * Whether a municipality's figure may be shown or taken into an aggregate: a value is
 * needed, and an average mark needs at least MIN_MARK_ANSWERS answers — for the
 * municipality's own mark too (docs/product.md#small-numbers-are-not-shown).
 */
export function shownFigure(key: FigureKey, f: Figure): boolean {
  if (f.value === null) return false;
  if (key === 'averageMark') return f.basis >= MIN_MARK_ANSWERS;
  return true;
}

export type Aggregate = { suppressed: true; municipalities: number } | { suppressed: false; municipalities: number; q1: number; median: number; q3: number };

/**
 * The median and quartiles of the participants' values, or suppressed under
 * MIN_MUNICIPALITIES (docs/product.md#small-numbers-are-not-shown): with fewer, one
 * municipality's figure could be worked out from the others.
 */
export function aggregate(values: readonly number[]): Aggregate {
  if (values.length < MIN_MUNICIPALITIES) return { suppressed: true, municipalities: values.length };
  return {
    suppressed: false,
    municipalities: values.length,
    q1: quantile(values, 0.25) as number,
    median: quantile(values, 0.5) as number,
    q3: quantile(values, 0.75) as number,
  };
}

/** A municipality's own figure as shown: suppressed when too small to show. */
export type OwnFigure = { suppressed: true; basis: number } | { suppressed: false; value: number | null; basis: number };

export function ownFigure(key: FigureKey, f: Figure): OwnFigure {
  if (key === 'averageMark' && f.basis < MIN_MARK_ANSWERS) return { suppressed: true, basis: f.basis };
  return { suppressed: false, value: f.value, basis: f.basis };
}
