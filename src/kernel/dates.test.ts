import { describe, expect, it } from 'vitest';
import { dutchDate } from './clock.js';
import { amsterdamTime, formatDate, formatDateTime, isIsoDate, withinPeriod } from './dates.js';

describe('isIsoDate', () => {
  it.each([
    ['2026-03-02', true],
    ['2024-02-29', true], // a leap day
    ['2026-02-29', false], // not a leap year: Date.parse would roll it over to 1 March
    ['2026-02-30', false],
    ['0000-01-01', false], // year 0: PostgreSQL refuses it
    ['1899-12-31', false], // before the range Regie accepts
    ['1900-01-01', true],
    ['2200-12-31', true],
    ['2201-01-01', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-3-2', false],
    ['02-03-2026', false], // the Dutch way of writing it is not the API's
    ['2026-03-02T00:00:00Z', false],
    [' 2026-03-02', false],
    ['', false],
    [null, false],
    [20260302, false],
  ])('%j → %s', (s, ok) => expect(isIsoDate(s)).toBe(ok));
});

describe('formatDate', () => {
  it.each([
    ['2026-03-02', 'nl', '2 maart 2026'],
    ['2026-12-29', 'nl', '29 december 2026'],
    ['2026-01-01', 'en', '1 January 2026'],
    ['2026-05-05', 'en', '5 May 2026'],
  ] as const)('%s (%s) → %s', (iso, l, text) => expect(formatDate(iso, l)).toBe(text));

  it('writes Dutch by default', () => expect(formatDate('2026-10-07')).toBe('7 oktober 2026'));

  it('returns anything that is not YYYY-MM-DD as it is', () => {
    expect(formatDate('')).toBe('');
    expect(formatDate('morgen')).toBe('morgen');
  });
});

describe('Amsterdam time', () => {
  it.each([
    ['2026-03-02T09:00:00Z', '2026-03-02', '10:00'], // winter time, UTC+1
    ['2026-07-01T08:00:00Z', '2026-07-01', '10:00'], // summer time, UTC+2
    ['2026-03-01T23:30:00Z', '2026-03-02', '00:30'], // already the next day in the Netherlands
    ['2026-03-29T00:59:00Z', '2026-03-29', '01:59'], // the last minute before summer time
    ['2026-03-29T01:00:00Z', '2026-03-29', '03:00'], // summer time starts
    ['2026-10-25T00:30:00Z', '2026-10-25', '02:30'], // the first 02:30 on the day summer time ends
    ['2026-10-25T01:30:00Z', '2026-10-25', '02:30'], // and the second
  ])('%s → %s %s', (at, date, time) => {
    expect(amsterdamTime(new Date(at))).toEqual({ date, time });
    expect(dutchDate(new Date(at))).toBe(date);
  });

  it('formats an instant as Dutch local time, and an unreadable one as it is', () => {
    expect(formatDateTime(new Date('2026-12-31T22:59:00Z'))).toBe('31 december 2026, 23:59');
    expect(formatDateTime('not a time')).toBe('not a time');
  });
});

describe('withinPeriod', () => {
  const period = { validFrom: '2026-01-01', validUntil: '2026-12-31' };
  it.each([
    ['2025-12-31', false],
    ['2026-01-01', true], // the first day is included
    ['2026-12-31', true], // and so is the last
    ['2027-01-01', false],
  ])('%s → %s', (day, inside) => expect(withinPeriod(period, day)).toBe(inside));

  it('has no end without a last day', () => expect(withinPeriod({ validFrom: '2026-01-01', validUntil: null }, '2099-01-01')).toBe(true));
});
