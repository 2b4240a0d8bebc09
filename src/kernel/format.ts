// Pure Dutch formatting: dates, times and money. Written out by hand instead of with
// Intl's locale formats, so the same data gives the same text (and so the same
// content hash of a dossier) on every Node and ICU version; only the time-zone
// arithmetic comes from Intl.
import type { IsoDate } from './calendar.js';

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** 2026-03-02 → "2 maart 2026". */
export function formatDate(d: IsoDate): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m) return d;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
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

/** An instant as Dutch local time: "2 maart 2026, 09:00" (Europe/Amsterdam, summer time included). */
export function formatDateTime(at: string | Date): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return String(at);
  const p = Object.fromEntries(amsterdamParts.formatToParts(d).map((x) => [x.type, x.value]));
  return `${formatDate(`${p.year}-${p.month}-${p.day}`)}, ${p.hour}:${p.minute}`;
}

/** Euro cents → "€ 25.000,00" (Dutch separators). */
export function formatMoney(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}€ ${euros},${String(abs % 100).padStart(2, '0')}`;
}

/** A label from a table, or the raw value when a newer kind has no label yet. */
export const label = (table: Record<string, string>, key: string): string => table[key] ?? key;
