import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  daysBetween,
  dutchCalendar,
  dutchPublicHolidays,
  easterSunday,
  isDueSoon,
  isOverdue,
  isWeekend,
  legalTermEnd,
  nextWorkingDay,
  workingDaysBetween,
} from './calendar.js';

// Every expected value below is worked out by hand. Anchors used throughout:
//   2026-01-01 is a Thursday; Easter 2026 is Sunday 5 April, so Good Friday = 3 April,
//   Easter Monday = 6 April, 27 April = 5 April + 22 days = a Monday, 5 May = a Tuesday,
//   Ascension = 5 April + 39 = 14 May (Thu), Whit Monday = 5 April + 50 = 25 May.
//   25 Dec 2026 = day 359 → 358 days after Thu 1 Jan, 358 mod 7 = 1 → a Friday; 26 Dec = Saturday.
//   2027-01-01 = 365 days after Thu 2026-01-01 → a Friday.
const cal = dutchCalendar();

describe('addDays / daysBetween (UTC calendar arithmetic)', () => {
  it.each([
    ['month end', '2026-01-31', 1, '2026-02-01'],
    ['leap day 2024', '2024-02-28', 1, '2024-02-29'],
    ['no leap day 2025', '2025-02-28', 1, '2025-03-01'],
    ['negative across the year end', '2026-01-01', -1, '2025-12-31'],
    ['across the EU spring DST switch (Sun 2026-03-29)', '2026-03-28', 2, '2026-03-30'],
    ['across the EU autumn DST switch (Sun 2026-10-25)', '2026-10-24', 2, '2026-10-26'],
    ['six weeks', '2026-02-20', 42, '2026-04-03'], // Feb 20 + 8 = Feb 28, + 31 = Mar 31, + 3 = Apr 3
    ['zero', '2026-05-05', 0, '2026-05-05'],
  ])('addDays: %s', (_label, date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['a common year', '2026-01-01', '2027-01-01', 365],
    ['a leap year', '2024-01-01', '2025-01-01', 366],
    ['negative (to before from)', '2026-01-10', '2026-01-01', -9],
    ['across the spring DST switch (a 23-hour local day)', '2026-03-28', '2026-03-30', 2],
    ['same day', '2026-04-27', '2026-04-27', 0],
  ])('daysBetween: %s', (_label, from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });

  it.each([
    ['a day that does not exist (Date.parse would roll it to 2 March)', '2026-02-30'],
    ['an unpadded date', '2026-1-5'],
    ['a timestamp instead of a date', '2026-01-05T10:00:00Z'],
    ['garbage', 'tomorrow'],
  ])('rejects %s', (_label, bad) => {
    expect(() => addDays(bad, 1)).toThrow(RangeError);
  });
});

describe('easterSunday (Anonymous Gregorian algorithm)', () => {
  it.each([
    [2024, '2024-03-31'], // late March
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'], // the latest possible date (also 1943)
    [1943, '1943-04-25'], // latest possible date, previous occurrence
    [2285, '2285-03-22'], // the earliest possible date, next occurrence
    [2000, '2000-04-23'], // century year divisible by 400
    [2100, '2100-03-28'], // century year that is not a leap year
  ])('Easter %i is %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });
});

describe('dutchPublicHolidays (Atw art. 3)', () => {
  // 2026 in full; Easter Sunday and Whit Sunday are listed too (Sundays anyway).
  it('lists the eleven days of 2026 in order', () => {
    expect(dutchPublicHolidays(2026)).toEqual([
      '2026-01-01', // Nieuwjaarsdag
      '2026-04-03', // Goede Vrijdag: Easter − 2
      '2026-04-05', // Eerste Paasdag
      '2026-04-06', // Tweede Paasdag: Easter + 1
      '2026-04-27', // Koningsdag: 27 April is a Monday, so not moved
      '2026-05-05', // Bevrijdingsdag
      '2026-05-14', // Hemelvaartsdag: Easter + 39
      '2026-05-24', // Eerste Pinksterdag: Easter + 49
      '2026-05-25', // Tweede Pinksterdag: Easter + 50
      '2026-12-25', // Eerste Kerstdag
      '2026-12-26', // Tweede Kerstdag
    ]);
  });

  it.each([
    ['New Year', '2026-01-01'], // a Thursday
    ["Good Friday (named by the Atw, 'optional' in many libraries)", '2026-04-03'],
    ['Easter Monday', '2026-04-06'],
    ["King's Day", '2026-04-27'], // a Monday
    ['Liberation Day in a non-lustrum year (named by the Atw every year)', '2026-05-05'], // a Tuesday
    ['Ascension Day', '2026-05-14'], // a Thursday
    ['Whit Monday', '2026-05-25'],
    ['Christmas Day', '2026-12-25'], // a Friday
    ['New Year 2027', '2027-01-01'], // a Friday
  ])('%s (%s) is a holiday on a weekday, so not a working day', (_label, date) => {
    expect(isWeekend(date)).toBe(false);
    expect(dutchPublicHolidays(Number(date.slice(0, 4)))).toContain(date);
    expect(cal.isWorkingDay(date)).toBe(false);
  });

  it.each([
    // 2025: Easter is Sun 20 April, so 27 April (+7) is a Sunday → King's Day on Sat 26 April.
    [2025, '2025-04-26', '2025-04-27'],
    // 2031: 1 Jan is a Wednesday (2026 Thu, 2027 Fri, 2028 Sat, leap → 2029 Mon, 2030 Tue, 2031 Wed);
    // 27 April = day 117 → 116 days on, 116 mod 7 = 4 → Sunday → King's Day on Sat 26 April.
    [2031, '2031-04-26', '2031-04-27'],
  ])("King's Day %i moves to 26 April because 27 April is a Sunday", (year, moved, sunday) => {
    const days = dutchPublicHolidays(year);
    expect(days).toContain(moved);
    expect(days).not.toContain(sunday);
    expect(isWeekend(sunday)).toBe(true);
  });

  it('the day before Good Friday and the day after Easter Monday are working days', () => {
    expect(cal.isWorkingDay('2026-04-02')).toBe(true); // Thursday
    expect(cal.isWorkingDay('2026-04-07')).toBe(true); // Tuesday
  });
});

describe('weekends, extra municipal holidays and the calendar', () => {
  it.each([
    ['Friday', '2026-01-02', false],
    ['Saturday', '2026-01-03', true],
    ['Sunday', '2026-01-04', true],
    ['Monday', '2026-01-05', false],
    ['Saturday 29 Feb in a leap year', '2020-02-29', true], // 2020-01-01 Wed; day 60 → 59 on, 59 mod 7 = 3 → Sat
  ])('isWeekend: %s %s → %s', (_label, date, expected) => {
    expect(isWeekend(date)).toBe(expected);
    expect(cal.isWorkingDay(date)).toBe(!expected); // none of these is a holiday
  });

  // 2026-06-12: day 163 → 162 days after Thu 1 Jan, 162 mod 7 = 1 → a Friday.
  const municipal = dutchCalendar({ extraHolidays: ['2026-06-12'] });

  it.each([
    ['the municipal closing day (Fri 2026-06-12)', municipal, '2026-06-12', false],
    ['the same Friday without the extra day configured', cal, '2026-06-12', true],
    ['the ordinary Thursday before it', municipal, '2026-06-11', true],
    ['a public holiday still counts for the municipal calendar', municipal, '2026-05-05', false],
  ])('isWorkingDay: %s', (_label, c, date, expected) => {
    expect(c.isWorkingDay(date)).toBe(expected);
  });

  it('holidays(year) includes the extra day only in its own year', () => {
    expect(municipal.holidays(2026)).toContain('2026-06-12');
    expect(municipal.holidays(2026)).toHaveLength(12); // 11 Atw days + 1 extra
    expect(municipal.holidays(2027)).not.toContain('2026-06-12');
    expect(cal.holidays(2026)).toEqual(dutchPublicHolidays(2026));
  });

  it('an extra day that coincides with a public holiday is listed once', () => {
    expect(dutchCalendar({ extraHolidays: ['2026-12-25'] }).holidays(2026)).toHaveLength(11);
  });

  it('mutating the returned list does not change the (cached) calendar', () => {
    const c = dutchCalendar();
    c.holidays(2026).length = 0;
    expect(c.isWorkingDay('2026-12-25')).toBe(false);
    expect(c.holidays(2026)).toHaveLength(11);
  });

  it('rejects a malformed extra holiday at configuration time', () => {
    expect(() => dutchCalendar({ extraHolidays: ['2026-6-12'] })).toThrow(RangeError);
  });
});

describe('nextWorkingDay / addWorkingDays', () => {
  it.each([
    ['a working day is itself', '2026-01-05', '2026-01-05'],
    ['Saturday → Monday', '2026-01-03', '2026-01-05'],
    ['Good Friday → past the weekend and Easter Monday → Tuesday', '2026-04-03', '2026-04-07'],
    ['Christmas (Fri) → Boxing Day (Sat), Sun → Monday 28 Dec', '2026-12-25', '2026-12-28'],
  ])('nextWorkingDay: %s', (_label, date, expected) => {
    expect(nextWorkingDay(cal, date)).toBe(expected);
  });

  it.each([
    // Easter 2026: Fri 3 Apr holiday, Sat 4, Sun 5, Mon 6 holiday.
    ['Thu before Easter + 1 → Tue after Easter Monday', '2026-04-02', 1, '2026-04-07'],
    ['Thu before Easter + 2', '2026-04-02', 2, '2026-04-08'],
    ['Wed before Easter + 3: Thu 2 (1), Tue 7 (2), Wed 8 (3)', '2026-04-01', 3, '2026-04-08'],
    // Christmas/New Year: Fri 25 and Sat 26 Dec holidays, Fri 1 Jan 2027 holiday.
    ['Wed 23 Dec + 1 → Thu 24 Dec', '2026-12-23', 1, '2026-12-24'],
    ['Wed 23 Dec + 2 → Mon 28 Dec (over Christmas and the weekend)', '2026-12-23', 2, '2026-12-28'],
    ['Wed 23 Dec + 5: 24, 28, 29, 30, 31', '2026-12-23', 5, '2026-12-31'],
    ['Wed 23 Dec + 6 → Mon 4 Jan 2027 (over New Year and the weekend)', '2026-12-23', 6, '2027-01-04'],
    ['10-working-day term over the year end: 24, 28–31, 4–8 Jan', '2026-12-23', 10, '2027-01-08'],
    // 10 working days over King's Day (Mon 27 Apr) and 5 May (Tue); 1 May is not a holiday.
    ['10-working-day term: 28, 29, 30 Apr, 1, 4, 6, 7, 8, 11, 12 May', '2026-04-24', 10, '2026-05-12'],
    ['start on a Saturday: Sun is skipped, Mon is day 1', '2026-12-26', 1, '2026-12-28'],
    ['n = 0 on a working day is the day itself', '2026-12-24', 0, '2026-12-24'],
    ['n = 0 on a holiday is the next working day', '2026-12-25', 0, '2026-12-28'],
  ])('addWorkingDays: %s', (_label, start, n, expected) => {
    expect(addWorkingDays(cal, start, n)).toBe(expected);
  });

  it('the municipal closing day is skipped: Thu 2026-06-11 + 1 → Mon 2026-06-15', () => {
    expect(addWorkingDays(dutchCalendar({ extraHolidays: ['2026-06-12'] }), '2026-06-11', 1)).toBe('2026-06-15');
  });
});

describe('workingDaysBetween (from < d ≤ to)', () => {
  it.each([
    ['same day', '2026-01-05', '2026-01-05', 0],
    ['to before from', '2026-01-09', '2026-01-05', 0],
    ['Mon → Fri: Tue, Wed, Thu, Fri', '2026-01-05', '2026-01-09', 4],
    ['Mon → next Mon: Tue–Fri and Mon', '2026-01-05', '2026-01-12', 5],
    ['Fri → Mon over a weekend: only Mon', '2026-01-02', '2026-01-05', 1],
    ['Thu before Easter → Tue after: only Tue', '2026-04-02', '2026-04-07', 1],
    ['over Christmas and New Year: 24, 28–31 Dec, 4–8 Jan', '2026-12-23', '2027-01-08', 10],
    ['from a Sunday: the start is excluded anyway', '2026-01-04', '2026-01-05', 1],
  ])('%s', (_label, from, to, expected) => {
    expect(workingDaysBetween(cal, from, to)).toBe(expected);
  });
});

describe('legalTermEnd (Algemene termijnenwet art. 1 and 2)', () => {
  it.each([
    // Plain cases.
    ['ends on a working day: unchanged (Mon + 42 = Mon)', '2026-01-05', 42, '2026-02-16'],
    // Art. 1.
    ['ends on a Saturday → Monday (Mon 5 Jan + 5 = Sat 10 Jan)', '2026-01-05', 5, '2026-01-12'],
    ['ends on a Sunday → Monday (Mon 5 Jan + 6 = Sun 11 Jan)', '2026-01-05', 6, '2026-01-12'],
    ["ends on King's Day → Tuesday (Mon 13 Apr + 14 = Mon 27 Apr)", '2026-04-13', 14, '2026-04-28'],
    ['six weeks ending on Good Friday → past Easter Monday (20 Feb + 42 = 3 Apr)', '2026-02-20', 42, '2026-04-07'],
    ['ends on Ascension Day → Friday (30 Apr + 14 = Thu 14 May)', '2026-04-30', 14, '2026-05-15'],
    ['ends on 5 May in a non-lustrum year → Wednesday (21 Apr + 14 = Tue 5 May)', '2026-04-21', 14, '2026-05-06'],
    // Art. 2.
    // Fri 9 Jan + 3 = Mon 12 Jan, a working day, but (9, 12] holds only Mon 12 → extended to Tue 13.
    ['art. 2: 3 days from a Friday contains only one working day → Tuesday', '2026-01-09', 3, '2026-01-13'],
    // Thu 24 Dec + 3 = Sun 27 → art. 1 Mon 28; (24, 28] holds 25 hol, 26 Sat, 27 Sun, 28 → one
    // working day → art. 2 extends to Tue 29 Dec.
    ['art. 2: 3 days from Thu 24 Dec (Christmas weekend) → Tue 29 Dec', '2026-12-24', 3, '2026-12-29'],
    // Wed 23 Dec + 3 = Sat 26 → art. 1 Mon 28; (23, 28] already holds Thu 24 and Mon 28 → two
    // working days, so art. 2 adds nothing. (23 Dec 2026 is a Wednesday, not a Thursday.)
    ['art. 2 satisfied already: 3 days from Wed 23 Dec → Mon 28 Dec', '2026-12-23', 3, '2026-12-28'],
    // Thu 2 Apr + 3 = Sun 5 (Easter) → art. 1: Mon 6 is a holiday → Tue 7; (2, 7] holds only Tue 7
    // (Good Friday and Easter Monday are holidays) → art. 2 extends to Wed 8 Apr.
    ['art. 2: 3 days from the Thursday before Easter → Wed after Easter', '2026-04-02', 3, '2026-04-08'],
    // Fri 1 May + 3 = Mon 4 May, a working day, so art. 1 does nothing; (1, 4] holds only Mon 4
    // → art. 2: the next working day after Mon 4 is not Tue 5 (Liberation Day) but Wed 6 May.
    ['art. 2: 3 days from Fri 1 May → past 5 May → Wed 6 May', '2026-05-01', 3, '2026-05-06'],
    // Terms under three days are not extended by art. 2 (art. 1 still applies).
    ['2 days from a Friday: Sun → art. 1 Mon, one working day is enough', '2026-01-09', 2, '2026-01-12'],
    ['1 day from a Friday: Sat → art. 1 Mon', '2026-01-09', 1, '2026-01-12'],
    ['1 day from Thu 24 Dec: Christmas → art. 1 Mon 28 Dec', '2026-12-24', 1, '2026-12-28'],
  ])('%s', (_label, start, termDays, expected) => {
    expect(legalTermEnd(cal, start, termDays)).toBe(expected);
  });

  it('a municipal closing day at the end moves it too (Fri 29 May + 14 = Fri 12 Jun → Mon 15 Jun)', () => {
    expect(legalTermEnd(dutchCalendar({ extraHolidays: ['2026-06-12'] }), '2026-05-29', 14)).toBe('2026-06-15');
    expect(legalTermEnd(cal, '2026-05-29', 14)).toBe('2026-06-12'); // without it, Friday stands
  });
});

describe('isDueSoon / isOverdue', () => {
  it.each([
    ['due today', '2026-01-05', '2026-01-05', 5, true],
    ['exactly 5 working days ahead (Mon → next Mon)', '2026-01-05', '2026-01-12', 5, true],
    ['6 working days ahead (Mon → Tue of next week)', '2026-01-05', '2026-01-13', 5, false],
    ['overdue is not "due soon"', '2026-01-13', '2026-01-12', 5, false],
    ['9 calendar days but 5 working days over Christmas (23 → 31 Dec)', '2026-12-23', '2026-12-31', 5, true],
    ['6 working days over Christmas and New Year (23 Dec → 4 Jan)', '2026-12-23', '2027-01-04', 5, false],
    ['the same with a 6-day window', '2026-12-23', '2027-01-04', 6, true],
    ['custom window of 1: Mon → Wed is 2 working days', '2026-01-05', '2026-01-07', 1, false],
    ['custom window of 2: Mon → Wed is 2 working days', '2026-01-05', '2026-01-07', 2, true],
  ])('isDueSoon: %s', (_label, today, due, within, expected) => {
    expect(isDueSoon(cal, today, due, within)).toBe(expected);
  });

  it('isDueSoon defaults to five working days', () => {
    expect(isDueSoon(cal, '2026-01-05', '2026-01-12')).toBe(true);
    expect(isDueSoon(cal, '2026-01-05', '2026-01-13')).toBe(false);
  });

  it.each([
    ['the day after the due date', '2026-01-13', '2026-01-12', true],
    ['on the due date itself', '2026-01-12', '2026-01-12', false],
    ['before the due date', '2026-01-11', '2026-01-12', false],
    ['across the year end', '2027-01-01', '2026-12-31', true],
  ])('isOverdue: %s', (_label, today, due, expected) => {
    expect(isOverdue(today, due)).toBe(expected);
  });
});
