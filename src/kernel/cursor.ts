// The opaque cursor of keyset pagination: the sort instant and the id of the last row
// of a page, as base64url JSON, signed with the server's secret for one list. A cursor
// that was tampered with, cut short, forged, or made for another list, or whose
// contents are not an instant PostgreSQL accepts and a uuid, is the caller's error
// (400), never a 500 and never silently the first page.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { invalid } from './errors.js';

export interface KeysetCursor {
  /** the sort column's instant, ISO */
  s: string;
  /** the last row's id */
  i: string;
}

/** What a cursor is signed with: the server's secret and the name of the list it pages. */
export interface CursorKey {
  secret: string;
  list: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// An ISO instant as Date#toISOString and PostgreSQL write it, years 1900–2200 only.
const INSTANT = /^(19\d\d|2[01]\d\d|2200)-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?(Z|[+-]\d\d:?\d\d)$/;
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

function signature(payload: string, key: CursorKey): Buffer {
  if (!key.secret) throw new Error('no server secret to sign cursors with');
  // The list's name is signed with the contents: a cases cursor does not page commitments.
  return createHmac('sha256', key.secret).update(`${key.list}\n${payload}`).digest();
}

export function encodeCursor(c: KeysetCursor, key: CursorKey): string {
  const payload = Buffer.from(JSON.stringify({ s: c.s, i: c.i })).toString('base64url');
  return `${payload}.${signature(payload, key).toString('base64url')}`;
}

export function decodeCursor(s: string, key: CursorKey): KeysetCursor {
  // A missing secret is the server's fault, not the caller's.
  if (!key.secret) throw new Error('no server secret to sign cursors with');
  try {
    if (s.length > 500) throw new Error('length');
    const [payload, mac, ...rest] = s.split('.');
    if (!payload || !mac || rest.length || !SIGNATURE.test(mac)) throw new Error('shape');
    if (!timingSafeEqual(Buffer.from(mac, 'base64url'), signature(payload, key))) throw new Error('signature');
    const c = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
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
 * extra row shows there are more, the signed cursor after the last row of the page.
 */
export function keysetPage<T>(rows: readonly T[], limit: number, keyOf: (row: T) => KeysetCursor, key: CursorKey): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last), key) : null };
}
