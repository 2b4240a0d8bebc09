import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, keysetPage } from './cursor.js';
import { AppError } from './errors.js';

const key = (r: { at: string; id: string }) => ({ s: r.at, i: r.id });
const rows = ['a', 'b', 'c'].map((id, n) => ({ id, at: `2026-03-0${n + 1}T09:00:00.000Z` }));

describe('keyset pages', () => {
  it('a cursor decodes to what was encoded', () => {
    const c = { s: '2026-03-02T09:00:00.000Z', i: 'x' };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
  });

  it('refuses a cursor that does not decode, as a problem with the cursor field', () => {
    expect(() => decodeCursor('nonsense')).toThrow(AppError);
    expect(() => decodeCursor(encodeCursor({ s: 'not a time', i: 'x' }))).toThrow(AppError);
  });

  it('with the extra row: the first `limit` rows and a cursor after the last of them', () => {
    const { page, nextCursor } = keysetPage(rows, 2, key);
    expect(page.map((r) => r.id)).toEqual(['a', 'b']);
    expect(nextCursor && decodeCursor(nextCursor)).toEqual({ s: '2026-03-02T09:00:00.000Z', i: 'b' });
  });

  it('without it: every row and no cursor', () => {
    expect(keysetPage(rows, 3, key)).toEqual({ page: rows, nextCursor: null });
    expect(keysetPage([], 3, key)).toEqual({ page: [], nextCursor: null });
  });
});
