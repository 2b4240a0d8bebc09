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
