// Pure rules of management information (docs/product.md#management-information):
// the period and its months, lead-time medians and p90s from the rolled-up
// distribution, the workload over time, commitments per maker. Dates come in as
// arguments; no I/O.
import { addDays, type IsoDate } from '../../kernel/calendar.js';

export const DOMAINS = ['social', 'physical', 'safety', 'economy', 'governance'] as const;
export type Domain = (typeof DOMAINS)[number];

/** The filter every figure takes (shared with the satisfaction and participation figures). */
export interface InsightsFilter {
  municipalityId: string;
  /** YYYY-MM-DD, inclusive */
  from: string;
  /** YYYY-MM-DD, inclusive */
  to: string;
  areaId?: string;
  themeId?: string;
  domain?: Domain;
  directorId?: string;
}

/** The months a trend shows at least (docs/product.md#management-information). */
export const TREND_MONTHS = 24;
/** "Due soon": the plan clock ends within this many working days. */
export const DUE_SOON_WORKING_DAYS = 5;

const month = (d: IsoDate) => d.slice(0, 7);

/** Add whole months to a YYYY-MM month. */
export function addMonths(m: string, n: number): string {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  const i = y * 12 + (mm - 1) + n;
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/**
 * The default period: the last 12 months up to and including today
 * (docs/product.md#management-information): from the day after the same day a year ago.
 */
export function defaultPeriod(today: IsoDate): { from: IsoDate; to: IsoDate } {
  const yearAgo = `${String(Number(today.slice(0, 4)) - 1).padStart(4, '0')}${today.slice(4)}`;
  // 29 February a year back does not exist: take 1 March.
  const valid = yearAgo.endsWith('-02-29') ? `${yearAgo.slice(0, 4)}-03-01` : addDays(yearAgo, 1);
  return { from: valid, to: today };
}

/** The problem with a period, if any: from after to, or longer than ten years. */
export function periodProblem(p: { from: IsoDate; to: IsoDate }): 'fromAfterTo' | 'tooLong' | null {
  if (p.from > p.to) return 'fromAfterTo';
  if (month(p.to) > addMonths(month(p.from), 120)) return 'tooLong';
  return null;
}

/**
 * The months a trend shows: every month of the period, and at least the
 * TREND_MONTHS months up to the period's end.
 */
export function trendMonths(p: { from: IsoDate; to: IsoDate }): string[] {
  const last = month(p.to);
  const first = [month(p.from), addMonths(last, -(TREND_MONTHS - 1))].sort()[0] as string;
  const out: string[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) out.push(m);
  return out;
}

/**
 * The q-quantile (0 < q ≤ 1) of a distribution of whole days by the nearest-rank
 * method: the smallest value with at least q of the counts at or below it. The
 * median is q = 0.5, the p90 q = 0.9. Null for an empty distribution.
 */
export function quantile(dist: readonly { days: number; count: number }[], q: number): number | null {
  const sorted = dist.filter((d) => d.count > 0).sort((a, b) => a.days - b.days);
  const total = sorted.reduce((s, d) => s + d.count, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const d of sorted) {
    seen += d.count;
    if (seen >= rank) return d.days;
  }
  return sorted[sorted.length - 1]?.days ?? null;
}

export interface LeadTime {
  count: number;
  median: number | null;
  p90: number | null;
}

/** Count, median and p90 of a distribution of lead times. */
export function leadTime(dist: readonly { days: number; count: number }[]): LeadTime {
  return { count: dist.reduce((s, d) => s + d.count, 0), median: quantile(dist, 0.5), p90: quantile(dist, 0.9) };
}

/** Lead times per month (of the day the lead time ended), every month present. */
export function leadTimeByMonth(rows: readonly { month: string; days: number; count: number }[], months: readonly string[]): (LeadTime & { month: string })[] {
  const perMonth = new Map<string, { days: number; count: number }[]>();
  for (const r of rows) {
    const xs = perMonth.get(r.month);
    if (xs) xs.push(r);
    else perMonth.set(r.month, [r]);
  }
  return months.map((m) => ({ month: m, ...leadTime(perMonth.get(m) ?? []) }));
}

/**
 * Open cases per director at the end of each month (docs/product.md#management-information):
 * the running sum of cases opened (+1 on the day submitted) and ended (−1 on the day
 * closed or withdrawn) up to that month. `deltas` holds every month up to the last,
 * earlier ones included, so the sum starts from the first case.
 */
export function workloadByMonth(
  deltas: readonly { month: string; directorId: string | null; delta: number }[],
  months: readonly string[],
): { month: string; total: number; perDirector: { directorId: string | null; open: number }[] }[] {
  const directors = [...new Set(deltas.map((d) => d.directorId))].sort((a, b) => (a ?? '').localeCompare(b ?? ''));
  const sorted = [...deltas].sort((a, b) => a.month.localeCompare(b.month));
  const open = new Map<string | null, number>(directors.map((id) => [id, 0]));
  let next = 0;
  return months.map((m) => {
    // Add every change up to and including this month, once.
    for (; next < sorted.length && (sorted[next] as (typeof sorted)[number]).month <= m; next++) {
      const d = sorted[next] as (typeof sorted)[number];
      open.set(d.directorId, (open.get(d.directorId) ?? 0) + d.delta);
    }
    const perDirector = directors.map((id) => ({ directorId: id, open: open.get(id) ?? 0 }));
    return { month: m, total: perDirector.reduce((s, d) => s + d.open, 0), perDirector: perDirector.filter((d) => d.open !== 0) };
  });
}

export const COMMITMENT_STATES = ['binding', 'needsConfirmation', 'kept', 'broken', 'withdrawn', 'declined'] as const;
export type CommitmentState = (typeof COMMITMENT_STATES)[number];

export interface CommitmentCounts {
  total: number;
  open: number;
  kept: number;
  broken: number;
  withdrawn: number;
  declined: number;
  overdue: number;
}

/**
 * Commitments by how they stand now (docs/product.md#commitments-on-record): open is
 * binding or awaiting confirmation; overdue is open past its due date (counted apart,
 * as of today). A commitment amended and then kept counts once, as kept.
 */
export function commitmentCounts(byStatus: readonly { status: string; count: number }[], overdue: number): CommitmentCounts {
  const n = (s: string) => byStatus.filter((r) => r.status === s).reduce((t, r) => t + r.count, 0);
  return {
    total: byStatus.reduce((t, r) => t + r.count, 0),
    open: n('binding') + n('needsConfirmation'),
    kept: n('kept'),
    broken: n('broken'),
    withdrawn: n('withdrawn'),
    declined: n('declined'),
    overdue,
  };
}

/**
 * Split a "status|key" fact key (commitments per maker and per mandate) into its
 * status and its key; the key may itself contain "|".
 */
export function splitStatusKey(dim: string): { status: string; key: string } {
  const i = dim.indexOf('|');
  return i < 0 ? { status: dim, key: '' } : { status: dim.slice(0, i), key: dim.slice(i + 1) };
}

/**
 * The days a suspension kept the clock still: from the day it started to the day it
 * ended (docs/product.md#the-plan-clock); a suspension still running has not ended
 * and counts no days yet.
 */
export function suspensionTotals(s: readonly { startedOn: IsoDate; endedOn: IsoDate | null }[]): { count: number; days: number } {
  let days = 0;
  for (const x of s) if (x.endedOn) days += Math.round((Date.parse(x.endedOn) - Date.parse(x.startedOn)) / 86_400_000);
  return { count: s.length, days };
}

/** A share in whole percent; null when there is nothing to share (not 0 %). */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((100 * part) / whole);
}
