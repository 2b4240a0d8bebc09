// Dutch working days and legal term ends per the Algemene termijnenwet (Atw).
// Pure: dates are ISO strings (YYYY-MM-DD) and all arithmetic is done in UTC.
import { isIsoDate } from './dates.js';

export type IsoDate = string;

const DAY = 86_400_000;
const fromMs = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);
// Strict: Date.parse rolls 2026-02-30 over to 2026-03-02, which would silently shift a deadline.
const toMs = (d: IsoDate): number => {
  if (!isIsoDate(d)) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${d}`);
  return Date.parse(`${d}T00:00:00Z`);
};

export const addDays = (date: IsoDate, days: number): IsoDate => fromMs(toMs(date) + days * DAY);
export const daysBetween = (from: IsoDate, to: IsoDate): number => Math.round((toMs(to) - toMs(from)) / DAY);

/** Easter Sunday (Anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The days the Algemene termijnenwet, art. 3, names as generally recognised public
 * holidays. Good Friday and 5 May are included because the Atw names them (every
 * year), although common holiday libraries mark them optional.
 */
export function dutchPublicHolidays(year: number): IsoDate[] {
  const easter = easterSunday(year);
  const kingsDay = new Date(Date.UTC(year, 3, 27)).getUTCDay() === 0 ? `${year}-04-26` : `${year}-04-27`;
  return [
    `${year}-01-01`, // Nieuwjaarsdag
    addDays(easter, -2), // Goede Vrijdag
    easter, // Eerste Paasdag
    addDays(easter, 1), // Tweede Paasdag
    kingsDay, // Koningsdag (26 April when the 27th is a Sunday)
    `${year}-05-05`, // Bevrijdingsdag
    addDays(easter, 39), // Hemelvaartsdag
    addDays(easter, 49), // Eerste Pinksterdag
    addDays(easter, 50), // Tweede Pinksterdag
    `${year}-12-25`, // Eerste Kerstdag
    `${year}-12-26`, // Tweede Kerstdag
  ].sort();
}

export interface Calendar {
  isWorkingDay(d: IsoDate): boolean;
  holidays(year: number): IsoDate[];
}

export const isWeekend = (d: IsoDate): boolean => {
  const wd = new Date(toMs(d)).getUTCDay();
  return wd === 0 || wd === 6;
};

/** Dutch public holidays plus a municipality's own non-working days. */
export function dutchCalendar(opts: { extraHolidays?: IsoDate[] } = {}): Calendar {
  const extra = new Set((opts.extraHolidays ?? []).map((d) => fromMs(toMs(d)))); // validate at configuration time
  const cache = new Map<number, Set<IsoDate>>();
  const forYear = (y: number) => {
    let s = cache.get(y);
    if (!s) {
      s = new Set(dutchPublicHolidays(y));
      cache.set(y, s);
    }
    return s;
  };
  return {
    isWorkingDay: (d) => !isWeekend(d) && !forYear(Number(d.slice(0, 4))).has(d) && !extra.has(d),
    // A fresh array each call, so callers cannot mutate the cache; a Set drops extras that coincide.
    holidays: (y) => [...new Set([...forYear(y), ...[...extra].filter((d) => d.startsWith(`${y}-`))])].sort(),
  };
}

export function nextWorkingDay(cal: Calendar, d: IsoDate): IsoDate {
  let x = d;
  while (!cal.isWorkingDay(x)) x = addDays(x, 1);
  return x;
}

/** The date n working days after `start` (start not counted); n = 0 → the next working day from start. */
export function addWorkingDays(cal: Calendar, start: IsoDate, n: number): IsoDate {
  if (n <= 0) return nextWorkingDay(cal, start);
  let x = start;
  let left = n;
  while (left > 0) {
    x = addDays(x, 1);
    if (cal.isWorkingDay(x)) left--;
  }
  return x;
}

/** Working days d with from < d ≤ to. */
export function workingDaysBetween(cal: Calendar, from: IsoDate, to: IsoDate): number {
  let n = 0;
  for (let x = addDays(from, 1); toMs(x) <= toMs(to); x = addDays(x, 1)) if (cal.isWorkingDay(x)) n++;
  return n;
}

/**
 * End of a legal term of `termDays` calendar days that starts the day after `start`.
 * Atw art. 1: an end on a Saturday, Sunday or holiday moves to the next working day.
 * Atw art. 2: a term of three days or more contains at least two working days.
 * A municipality's extra closing days count as non-working here too: beyond the Atw, but it
 * can only move an end later. Backward-counted terms (Atw art. 4) are out of scope.
 */
export function legalTermEnd(cal: Calendar, start: IsoDate, termDays: number): IsoDate {
  let end = nextWorkingDay(cal, addDays(start, termDays)); // art. 1
  if (termDays >= 3) {
    while (workingDaysBetween(cal, start, end) < 2) end = nextWorkingDay(cal, addDays(end, 1)); // art. 2
  }
  return end;
}

export function isDueSoon(cal: Calendar, today: IsoDate, due: IsoDate, withinWorkingDays = 5): boolean {
  const span = daysBetween(today, due);
  if (span < 0) return false;
  // n working days never span more than 2n + 14 calendar days (weekends plus the
  // longest run of holidays): beyond that there is no need to count day by day.
  if (span > 2 * withinWorkingDays + 14) return false;
  return workingDaysBetween(cal, today, due) <= withinWorkingDays;
}

export const isOverdue = (today: IsoDate, due: IsoDate): boolean => toMs(today) > toMs(due);
