// Calendar days as the API writes them (ISO 8601, YYYY-MM-DD) and as people read
// them in a mail, a PDF or a message ("2 maart 2026"). Written out by hand instead of
// with Intl's locale formats, so the same data gives the same text (and so the same
// content hash of a dossier) on every Node and ICU version; only the time-zone
// arithmetic comes from Intl. Pure.
import type { IsoDate } from './calendar.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The first and last year a date in Regie may fall in; anything outside is a typing error (and year 0 PostgreSQL refuses). */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2200;

/** YYYY-MM-DD and a real day (not 2026-02-30, not month 13) between 1900 and 2200. */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string' || !ISO_DATE.test(s)) return false;
  const year = Number(s.slice(0, 4));
  if (year < YEAR_MIN || year > YEAR_MAX) return false;
  const ms = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(s);
}

/** Whether `day` falls in a validity period: from its first to its last day, both included; no last day means no end. */
export const withinPeriod = (p: { validFrom: IsoDate; validUntil: IsoDate | null }, day: IsoDate): boolean =>
  p.validFrom <= day && (p.validUntil === null || day <= p.validUntil);

const MONTHS = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/**
 * A date as people write it in a letter: 2026-03-02 → "2 maart 2026" ("2 March 2026"
 * in English). Anything that is not YYYY-MM-DD is returned as it is.
 */
export function formatDate(d: IsoDate, locale: 'nl' | 'en' = 'nl'): string {
  const m = ISO_DATE.exec(d);
  if (!m) return d;
  return `${Number(m[3])} ${MONTHS[locale][Number(m[2]) - 1]} ${m[1]}`;
}

const amsterdamParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The calendar day and the time of day in the Netherlands at instant `d` (summer time included). */
export function amsterdamTime(d: Date): { date: IsoDate; time: string } {
  const p = Object.fromEntries(amsterdamParts.formatToParts(d).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** An instant as Dutch local time: "2 maart 2026, 09:00" (Europe/Amsterdam). */
export function formatDateTime(at: string | Date): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return String(at);
  const { date, time } = amsterdamTime(d);
  return `${formatDate(date)}, ${time}`;
}

/** An instant as a spreadsheet cell in Dutch local time: "02-03-2026 09:00" (dd-mm-jjjj uu:mm, Europe/Amsterdam). */
export function spreadsheetDateTime(at: Date): string {
  const { date, time } = amsterdamTime(at);
  return `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)} ${time}`;
}
