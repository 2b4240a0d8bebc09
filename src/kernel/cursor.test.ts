import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, keysetPage } from './cursor.js';
import { AppError } from './errors.js';

const key = (r: { at: string; id: string }) => ({ s: r.at, i: r.id });
const uuid = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const rows = [1, 2, 3].map((n) => ({ id: uuid(n), at: `2026-03-0${n}T09:00:00.000Z` }));

describe('keyset pages', () => {
  it('a cursor decodes to what was encoded', () => {
    const c = { s: '2026-03-02T09:00:00.000Z', i: uuid(1) };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
  });

  it('refuses a cursor that does not decode, as a problem with the cursor field', () => {
    expect(() => decodeCursor('nonsense')).toThrow(AppError);
    expect(() => decodeCursor(encodeCursor({ s: 'not a time', i: uuid(1) }))).toThrow(AppError);
  });

  it.each([
    ['an id that is not a uuid', { s: '2026-03-02T09:00:00.000Z', i: 'x' }],
    ['year 0, which PostgreSQL refuses', { s: '0000-01-01T00:00:00Z', i: uuid(1) }],
    ['a year beyond 2200', { s: '+275760-09-13T00:00:00.000Z', i: uuid(1) }],
    ['a date only', { s: '2026-03-02', i: uuid(1) }],
    ['numbers', { s: 1, i: 2 }],
    ['an array', []],
    ['null', null],
  ])('refuses a forged cursor: %s', (_label, contents) => {
    expect(() => decodeCursor(Buffer.from(JSON.stringify(contents)).toString('base64url'))).toThrow(AppError);
  });

  it('with the extra row: the first `limit` rows and a cursor after the last of them', () => {
    const { page, nextCursor } = keysetPage(rows, 2, key);
    expect(page.map((r) => r.id)).toEqual([uuid(1), uuid(2)]);
    expect(nextCursor && decodeCursor(nextCursor)).toEqual({ s: '2026-03-02T09:00:00.000Z', i: uuid(2) });
  });

  it('without it: every row and no cursor', () => {
    expect(keysetPage(rows, 3, key)).toEqual({ page: rows, nextCursor: null });
    expect(keysetPage([], 3, key)).toEqual({ page: [], nextCursor: null });
  });
});
