// The opaque cursor of keyset pagination: the sort instant and the id of the last row
// of a page, as base64url JSON. A cursor that does not decode, or whose contents are
// not an instant PostgreSQL accepts and a uuid, is the caller's error (400), never a 500.
import { invalid } from './errors.js';

export interface KeysetCursor {
  /** the sort column's instant, ISO */
  s: string;
  /** the last row's id */
  i: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// An ISO instant as Date#toISOString and PostgreSQL write it, years 1900–2200 only.
const INSTANT = /^(19\d\d|2[01]\d\d|2200)-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?(Z|[+-]\d\d:?\d\d)$/;

export const encodeCursor = (c: KeysetCursor): string => Buffer.from(JSON.stringify(c)).toString('base64url');

export function decodeCursor(s: string): KeysetCursor {
  try {
    if (s.length > 500) throw new Error('length');
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown;
    if (!c || typeof c !== 'object' || Array.isArray(c)) throw new Error('shape');
    const { s: at, i: id } = c as Record<string, unknown>;
    if (typeof at !== 'string' || typeof id !== 'string') throw new Error('shape');
    if (!INSTANT.test(at) || Number.isNaN(Date.parse(at)) || !UUID.test(id)) throw new Error('contents');
    return { s: at, i: id };
  } catch {
    throw invalid('cursor', 'error.badCursor');
  }
}

/**
 * One page of rows fetched with `limit + 1`: the first `limit` rows and, when the
 * extra row shows there are more, the cursor after the last row of the page.
 */
export function keysetPage<T>(rows: readonly T[], limit: number, keyOf: (row: T) => KeysetCursor): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
