import type { ApiError } from '../api.js';

/** The id of the input for an API field name: "initiator.email" → "veld-initiator-email". */
export const fieldId = (name: string) => `veld-${name.replace(/[^a-zA-Z0-9]+/g, '-')}`;

export type FieldErrors = Record<string, string>;

/**
 * Field errors by the form's own field names. An API field such as
 * "extraHolidays.2" belongs to the longest known field it starts with
 * ("extraHolidays"); client-side checks come first, the server's answer after.
 */
export function fieldErrors(error: ApiError | null | undefined, known: readonly string[], client: FieldErrors = {}): FieldErrors {
  const out: FieldErrors = { ...client };
  for (const p of error?.invalidParams ?? []) {
    const owner = known.filter((k) => p.name === k || p.name.startsWith(`${k}.`)).sort((a, b) => b.length - a.length)[0] ?? p.name;
    out[owner] ??= p.reason;
  }
  return out;
}

export const trimOrNull = (s: string) => (s.trim() ? s.trim() : null);
