import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, keysetPage } from './cursor.js';
import { AppError } from './errors.js';

const key = { secret: 'a-secret-of-at-least-thirty-two-characters', list: 'cases' };
const keyOf = (r: { at: string; id: string }) => ({ s: r.at, i: r.id });
const uuid = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const rows = [1, 2, 3].map((n) => ({ id: uuid(n), at: `2026-03-0${n}T09:00:00.000Z` }));
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
/** A cursor signed as the server would sign it, whatever its contents. */
const signed = (contents: unknown, k = key) => {
  const payload = b64(contents);
  return `${payload}.${createHmac('sha256', k.secret).update(`${k.list}\n${payload}`).digest('base64url')}`;
};
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? { status: e.status, fields: e.fields.map((x) => [x.field, x.key]) } : e;
  }
  return 'accepted';
};
const BAD = { status: 400, fields: [['cursor', 'error.badCursor']] };

describe('keyset pages', () => {
  it('a cursor decodes to what was encoded, with the same secret and list', () => {
    const c = { s: '2026-03-02T09:00:00.000Z', i: uuid(1) };
    expect(decodeCursor(encodeCursor(c, key), key)).toEqual(c);
  });

  it('a cursor is the signed contents: payload, a dot, the HMAC-SHA256 of list and payload', () => {
    const c = { s: '2026-03-02T09:00:00.000Z', i: uuid(1) };
    expect(encodeCursor(c, key)).toBe(signed(c));
  });

  const good = encodeCursor({ s: '2026-03-02T09:00:00.000Z', i: uuid(1) }, key);
  const [payload, mac] = good.split('.') as [string, string];
  it.each([
    ['nonsense', 'nonsense'],
    ['the contents without a signature (an unsigned cursor)', payload],
    ['a signature with nothing to sign', `.${mac}`],
    ['cut short', good.slice(0, -1)],
    ['cut in half', good.slice(0, good.length / 2)],
    ['one character of the signature changed', `${payload}.${mac.startsWith('A') ? 'B' : 'A'}${mac.slice(1)}`],
    ['other contents under the same signature', `${b64({ s: '2026-03-02T09:00:00.000Z', i: uuid(2) })}.${mac}`],
    ['a third part', `${good}.x`],
    ['signed with another secret', signed({ s: '2026-03-02T09:00:00.000Z', i: uuid(1) }, { ...key, secret: 'another-secret-of-thirty-two-characters!' })],
    ['made for another list', signed({ s: '2026-03-02T09:00:00.000Z', i: uuid(1) }, { ...key, list: 'commitments' })],
    ['too long', `${'x'.repeat(501)}.${mac}`],
  ])('refuses a cursor that is not ours as it was handed out: %s', (_label, cursor) => {
    expect(refusal(() => decodeCursor(cursor, key))).toEqual(BAD);
  });

  it.each([
    ['an id that is not a uuid', { s: '2026-03-02T09:00:00.000Z', i: 'x' }],
    ['year 0, which PostgreSQL refuses', { s: '0000-01-01T00:00:00Z', i: uuid(1) }],
    ['a year beyond 2200', { s: '+275760-09-13T00:00:00.000Z', i: uuid(1) }],
    ['a date only', { s: '2026-03-02', i: uuid(1) }],
    ['numbers', { s: 1, i: 2 }],
    ['an array', []],
    ['null', null],
  ])('refuses contents that are no position, even when signed: %s', (_label, contents) => {
    expect(refusal(() => decodeCursor(signed(contents), key))).toEqual(BAD);
  });

  it('without a secret it neither signs nor reads, and that is no fault of the caller', () => {
    const none = { secret: '', list: 'cases' };
    expect(() => encodeCursor({ s: '2026-03-02T09:00:00.000Z', i: uuid(1) }, none)).toThrow(/secret/);
    expect(refusal(() => decodeCursor(good, none))).not.toEqual(BAD);
  });

  it('with the extra row: the first `limit` rows and a signed cursor after the last of them', () => {
    const { page, nextCursor } = keysetPage(rows, 2, keyOf, key);
    expect(page.map((r) => r.id)).toEqual([uuid(1), uuid(2)]);
    expect(nextCursor && decodeCursor(nextCursor, key)).toEqual({ s: '2026-03-02T09:00:00.000Z', i: uuid(2) });
    expect(refusal(() => decodeCursor(nextCursor as string, { ...key, list: 'commitments' }))).toEqual(BAD);
  });

  it('without it: every row and no cursor', () => {
    expect(keysetPage(rows, 3, keyOf, key)).toEqual({ page: rows, nextCursor: null });
    expect(keysetPage([], 3, keyOf, key)).toEqual({ page: [], nextCursor: null });
  });
});
