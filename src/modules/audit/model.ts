// Pure rules of the access log and of the retention term: what kinds of access are
// logged, the pseudonym of an initiator and when an ended case is past its term.
import { createHash } from 'node:crypto';

/**
 * What was read (docs/product.md#inzage-in-persoonsgegevens-wordt-gelogd): an
 * initiator's contact details on the case page, the case dossier, or an export; a
 * read or write of another municipality's request under a sharing agreement
 * (docs/product.md#sharing-agreements-between-municipalities), logged in both; and a
 * downloaded attachment (docs/product.md#attachments), by its file id; and a revealed
 * BSN or KvK number, with the reason (docs/product.md#revealing-a-bsn-for-the-audit).
 */
export const ACCESS_KINDS = ['contactDetails', 'dossier', 'export', 'crossMunicipality', 'attachment', 'identityNumber'] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];

/** The retention term's bounds in months (docs/product.md#bewaartermijn). */
export const RETENTION_MIN_MONTHS = 6;
export const RETENTION_MAX_MONTHS = 240;
export const RETENTION_DEFAULT_MONTHS = 24;

/** The statuses of an ended case: only these lose their personal data, never an open case. */
export const ENDED_STATUSES = ['closed', 'withdrawn'] as const;

/**
 * The pseudonym of an initiator (docs/product.md#bewaartermijn): stable for the same
 * person, so figures per initiator and the access log still add up, and carrying
 * nothing of who they were.
 */
export function pseudonymOf(userId: string): { name: string; email: string } {
  const tag = createHash('sha256').update(userId).digest('hex').slice(0, 6).toUpperCase();
  return { name: `Aanvrager ${tag}`, email: `aanvrager-${userId}@pseudoniem.invalid` };
}

/**
 * The moment before which an ended case is past its term: `months` calendar months
 * before `now`, the day of the month clamped to the shorter month (31 March minus one
 * month is 28 or 29 February). Null: the municipality keeps personal data.
 */
export function retentionCutoff(now: Date, months: number | null): Date | null {
  if (months === null) return null;
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() - months;
  const target = new Date(Date.UTC(y, m, 1, now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(now.getUTCDate(), lastDay));
  return target;
}

/** Whether an ended case is past the retention term at `now`. */
export function pastRetention(c: { status: string; closedAt: Date | null }, months: number | null, now: Date): boolean {
  const cutoff = retentionCutoff(now, months);
  if (!cutoff || !c.closedAt) return false;
  if (!(ENDED_STATUSES as readonly string[]).includes(c.status)) return false;
  return c.closedAt < cutoff;
}
