// Request and response schemas shared by every module's routes, and the rules every
// string of a request meets (text.ts-like helpers live here so that no route has to
// remember them).
import { z } from 'zod';
import { isIsoDate } from '../../kernel/dates.js';
import { lineProblem } from '../../kernel/text.js';
import { LOCALES } from '../i18n.js';

/**
 * A calendar day, YYYY-MM-DD, and a real one (not 2026-02-30) between 1900 and 2200
 * (not 0000-01-01, which PostgreSQL refuses): the API's one date format. A wrong
 * value answers 400 with our own words (error.isoDate, server.ts).
 */
export const IsoDate = z.iso
  .date()
  // Only a well-formed day can be out of range: one problem per field.
  .refine((s) => isIsoDate(s), { message: 'error.dateRange', when: (p) => p.issues.length === 0 });

/**
 * An e-mail address: at most 254 characters, the longest path SMTP carries
 * (RFC 5321 4.5.3.1.3).
 */
export const email = () => z.email().max(254);

/** The language of the interface and of mail: Dutch or English. */
export const LocaleSchema = z.enum(LOCALES);

/**
 * Single-line text (a title, a name, a search term): no CR/LF and no tab. Control
 * characters and lone surrogates are refused in every string of every request by the
 * server's validator (server.ts), which sees all of them, keys and plain strings too;
 * this adds only what a single line refuses beyond that. Chain `.trim().min().max()`
 * as on `z.string()`.
 */
export const singleLine = () =>
  z.string().superRefine((s, ctx) => {
    const key = lineProblem(s);
    if (key) ctx.addIssue({ code: 'custom', message: key });
  });

/**
 * Multi-line text (a description, a reason, a note): tab and newlines allowed. What no
 * text may hold is refused for every string by the server's validator (server.ts).
 */
export const multiLine = () => z.string();

/**
 * The body of a PATCH: every field optional, and at least one present, otherwise
 * there is nothing to change (400 error.nothingToChange).
 */
export function patchBody<T extends z.ZodRawShape>(shape: T) {
  return z.object(shape).refine((o) => Object.values(o).some((v) => v !== undefined), { message: 'error.nothingToChange' });
}
