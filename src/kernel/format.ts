// Pure Dutch formatting of money and labels. Written out by hand instead of with
// Intl's locale formats, so the same data gives the same text (and so the same
// content hash of a dossier) on every Node and ICU version. Dates and times are in
// dates.ts.

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

// ---- spreadsheet cells (CSV exports for Excel with Dutch regional settings) --------

/** Euro cents → "1234,50": a decimal comma and no thousands separator, so Dutch Excel reads a number. */
export function spreadsheetAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** "2026-03-02" → "02-03-2026" (dd-mm-jjjj, as Dutch Excel reads a date); anything else as it is. */
export function spreadsheetDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}
