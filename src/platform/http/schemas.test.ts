import { describe, expect, it } from 'vitest';
import { IsoDate, multiLine, patchBody, singleLine } from './schemas.js';

describe('text a request may hold', () => {
  it('single-line and multi-line schemas refuse with the key and keep trimming', () => {
    expect(singleLine().trim().safeParse('a\r\nb').error?.issues[0]?.message).toBe('error.lineBreak');
    expect(singleLine().safeParse('a\tb').error?.issues[0]?.message).toBe('error.controlCharacter');
    expect(singleLine().trim().parse('  Terras  ')).toBe('Terras');
    expect(multiLine().parse('een\ntwee')).toBe('een\ntwee');
  });
});

describe('dates and changes', () => {
  it.each([
    ['2026-03-02', true],
    ['2026-02-30', false],
    ['0000-01-01', false],
    ['1899-12-31', false],
    ['2200-12-31', true],
    ['99999-01-01', false],
  ])('IsoDate %s → %s', (s, ok) => expect(IsoDate.safeParse(s).success).toBe(ok));

  it('a malformed day is one problem, not also one of range', () => {
    expect(IsoDate.safeParse('1-1-2024').error?.issues).toHaveLength(1);
    expect(IsoDate.safeParse('0000-01-01').error?.issues.map((i) => i.message)).toEqual(['error.dateRange']);
  });

  it('a change with nothing in it is refused', () => {
    const body = patchBody({ name: singleLine().optional() });
    expect(body.safeParse({}).error?.issues[0]?.message).toBe('error.nothingToChange');
    expect(body.safeParse({ name: 'x' }).success).toBe(true);
  });
});
