// The opaque cursor of keyset pagination: the sort instant and the id of the last row
// of a page, as base64url JSON. A cursor that does not decode is the caller's error.
import { invalid } from './errors.js';

export interface KeysetCursor {
  /** the sort column's instant, ISO */
  s: string;
  /** the last row's id */
  i: string;
}

export const encodeCursor = (c: KeysetCursor): string => Buffer.from(JSON.stringify(c)).toString('base64url');

export function decodeCursor(s: string): KeysetCursor {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as KeysetCursor;
    if (typeof c.s !== 'string' || typeof c.i !== 'string' || Number.isNaN(Date.parse(c.s))) throw new Error('shape');
    return c;
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
