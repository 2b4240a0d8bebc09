import { describe, expect, it } from 'vitest';
import { dutchCalendar } from '../../kernel/calendar.js';
import {
  confirmRefusal,
  countByTopic,
  periodEndsOn,
  periodProblems,
  publicName,
  type ResponseForCount,
  responseRefusal,
  standingResponses,
  topicsOf,
} from './model.js';

// Anchors: 2026-03-02 is a Monday; Easter 2026 is Sunday 5 April (Good Friday 3 April,
// Easter Monday 6 April); 25 December 2026 is a Friday.
const cal = dutchCalendar();

describe('periodEndsOn: a term in Dutch working days (docs/product.md#response-periods)', () => {
  it.each([
    ['ten working days from a Monday: two weeks later', '2026-03-02', 10, '2026-03-16'],
    ['one working day from a Friday: the Monday after', '2026-03-06', 1, '2026-03-09'],
    ['over Easter: Good Friday and Easter Monday do not count', '2026-04-01', 3, '2026-04-08'],
    ['over Christmas: Friday 25 December does not count', '2026-12-24', 1, '2026-12-28'],
    ['5 May (Liberation Day) does not count', '2026-05-04', 1, '2026-05-06'],
  ] as const)('%s', (_label, openedOn, days, expected) => {
    expect(periodEndsOn(cal, openedOn, days)).toBe(expected);
  });

  it('skips the municipality’s own closing days', () => {
    expect(periodEndsOn(dutchCalendar({ extraHolidays: ['2026-03-03'] }), '2026-03-02', 1)).toBe('2026-03-04');
  });

  it('refuses a term that is not a whole number of working days', () => {
    expect(() => periodEndsOn(cal, '2026-03-02', 0)).toThrow(RangeError);
    expect(() => periodEndsOn(cal, '2026-03-02', 1.5)).toThrow(RangeError);
  });
});

describe('topicsOf and periodProblems', () => {
  it('keeps the director’s topics once each, and "Anders" always last', () => {
    expect(topicsOf([' Verkeer ', 'Geluid', 'verkeer', 'anders', 'Groen'])).toEqual(['Verkeer', 'Geluid', 'Groen', 'Anders']);
  });

  const ok = { summary: 'Terras', location: 'Havenkade 1', workingDays: 10, topics: ['Verkeer'], questions: [] };
  it.each([
    ['a valid period', ok, []],
    ['no own topic (only "Anders")', { ...ok, topics: ['Anders'] }, ['topics']],
    ['thirteen topics', { ...ok, topics: Array.from({ length: 13 }, (_, i) => `T${i}`) }, ['topics']],
    ['twelve topics is the most', { ...ok, topics: Array.from({ length: 12 }, (_, i) => `T${i}`) }, []],
    ['six questions', { ...ok, questions: ['a', 'b', 'c', 'd', 'e', 'f'] }, ['questions']],
    ['an empty question', { ...ok, questions: [' '] }, ['questions']],
    ['zero working days and no summary: both at once', { ...ok, workingDays: 0, summary: ' ' }, ['summary', 'workingDays']],
  ] as const)('%s', (_label, input, fields) => {
    expect(periodProblems(input).map((p) => p.field)).toEqual(fields);
  });
});

describe('who may respond when (docs/product.md#responding-to-a-case)', () => {
  const open = { endsOn: '2026-03-16', closedAt: null };
  it.each([
    ['on the opening day', open, '2026-03-02', null],
    ['on the end date itself', open, '2026-03-16', null],
    ['the day after the end date', open, '2026-03-17', 'closed'],
    ['closed early by the director', { ...open, closedAt: new Date('2026-03-05T10:00:00Z') }, '2026-03-06', 'closed'],
  ] as const)('%s', (_label, period, today, expected) => {
    expect(responseRefusal(period, today)).toBe(expected);
  });

  const now = new Date('2026-03-10T12:00:00Z');
  it.each([
    ['a fresh link', { tokenExpiresAt: new Date('2026-03-11T00:00:00Z'), confirmedAt: null }, open, null],
    ['an expired link', { tokenExpiresAt: new Date('2026-03-10T11:59:59Z'), confirmedAt: null }, open, 'expired'],
    ['already confirmed: nothing changes', { tokenExpiresAt: new Date('2026-03-11T00:00:00Z'), confirmedAt: now }, open, 'confirmed'],
    [
      'the period was closed early in between',
      { tokenExpiresAt: new Date('2026-03-11T00:00:00Z'), confirmedAt: null },
      { ...open, closedAt: new Date('2026-03-09T00:00:00Z') },
      'closed',
    ],
  ] as const)('confirming: %s', (_label, r, p, expected) => {
    expect(confirmRefusal(r, p, now)).toBe(expected);
  });
});

const at = (h: number) => new Date(Date.UTC(2026, 2, 3, h));
const resp = (
  id: string,
  email: string,
  position: ResponseForCount['position'],
  topicIds: string[],
  confirmedAt: Date | null,
  hiddenAt: Date | null = null,
): ResponseForCount => ({
  id,
  email,
  position,
  topicIds,
  confirmedAt,
  hiddenAt,
});

describe('the replacement rule: one standing response per address', () => {
  it('the later confirmed response replaces the earlier one, whatever order they were given in', () => {
    const rs = [resp('first', 'Els@Example.nl', 'support', ['t1'], at(12)), resp('second', 'els@example.nl', 'objection', ['t1'], at(10))];
    expect(standingResponses(rs).map((r) => r.id)).toEqual(['first']);
  });

  it('an unconfirmed response never stands and never replaces', () => {
    const rs = [resp('confirmed', 'els@example.nl', 'support', ['t1'], at(9)), resp('typed-by-someone-else', 'els@example.nl', 'objection', ['t1'], null)];
    expect(standingResponses(rs).map((r) => r.id)).toEqual(['confirmed']);
  });

  it('different addresses stand side by side', () => {
    const rs = [resp('a', 'a@example.nl', 'support', ['t1'], at(9)), resp('b', 'b@example.nl', 'support', ['t1'], at(10))];
    expect(standingResponses(rs).map((r) => r.id)).toEqual(['a', 'b']);
  });
});

describe('countByTopic: grouping and counting (docs/product.md#the-inventory-of-interests)', () => {
  const rs = [
    resp('1', 'a@example.nl', 'concern', ['verkeer', 'geluid'], at(9)),
    resp('2', 'b@example.nl', 'objection', ['verkeer'], at(10)),
    resp('3', 'c@example.nl', 'support', ['groen'], at(11)),
    resp('4', 'd@example.nl', 'objection', ['verkeer'], at(12), at(13)), // hidden
    resp('5', 'e@example.nl', 'support', ['verkeer'], null), // unconfirmed
    resp('6', 'b@example.nl', 'support', ['geluid'], at(8)), // replaced by response 2
  ];
  const counted = countByTopic(['verkeer', 'geluid', 'groen', 'anders'], rs);

  it('counts per topic and position; a response about two topics counts under both', () => {
    expect(counted.topics).toEqual([
      { topicId: 'verkeer', counts: { support: 0, concern: 1, objection: 1 }, total: 2, hidden: 1 },
      { topicId: 'geluid', counts: { support: 0, concern: 1, objection: 0 }, total: 1, hidden: 0 },
      { topicId: 'groen', counts: { support: 1, concern: 0, objection: 0 }, total: 1, hidden: 0 },
      { topicId: 'anders', counts: { support: 0, concern: 0, objection: 0 }, total: 0, hidden: 0 },
    ]);
  });

  it('counts each respondent once in the totals; hidden, unconfirmed and replaced ones not at all', () => {
    expect(counted.totals).toEqual({ support: 1, concern: 1, objection: 1 });
    expect(counted.respondents).toBe(3);
  });

  it('shows a name only when its owner chose so', () => {
    expect(publicName({ name: 'Els', showName: false })).toBeNull();
    expect(publicName({ name: 'Els', showName: true })).toBe('Els');
  });
});
