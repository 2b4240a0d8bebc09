import { describe, expect, it } from 'vitest';
import {
  addMonths,
  aggregate,
  averageMark,
  commitmentStanding,
  defaultPeriod,
  figuresOf,
  keptShare,
  leadTimeDays,
  type MonthCounts,
  median,
  monthsBetween,
  ownFigure,
  periodProblem,
  quantile,
  shownFigure,
  sizeClass,
} from './model.js';

describe('sizeClass (docs/product.md#comparing-municipalities)', () => {
  it.each([
    ['not set', null, null],
    ['no inhabitants at all is still a class', 0, 'lt10k'],
    ['just under 10,000', 9_999, 'lt10k'],
    ['10,000 starts the second class', 10_000, '10k-20k'],
    ['just under 20,000', 19_999, '10k-20k'],
    ['20,000', 20_000, '20k-50k'],
    ['49,999', 49_999, '20k-50k'],
    ['50,000', 50_000, '50k-100k'],
    ['99,999', 99_999, '50k-100k'],
    ['100,000', 100_000, '100k+'],
    ['a city of 900,000', 900_000, '100k+'],
    ['negative is no number of inhabitants', -1, null],
  ] as const)('%s', (_label, inhabitants, expected) => {
    expect(sizeClass(inhabitants)).toBe(expected);
  });
});

describe('median and quartiles (linear between closest ranks)', () => {
  it.each([
    // [label, values, q1, median, q3] — worked out by hand: rank h = (n-1)p
    ['no values', [], null, null, null],
    ['one value', [7], 7, 7, 7],
    ['odd count: the middle value', [5, 1, 3], 2, 3, 4],
    ['even count: the mean of the two middle values', [4, 1, 3, 2], 1.8, 2.5, 3.3],
    ['five values', [10, 20, 30, 40, 50], 20, 30, 40],
    ['six values', [1, 2, 3, 4, 5, 6], 2.3, 3.5, 4.8],
    ['order of input does not matter', [50, 10, 40, 20, 30], 20, 30, 40],
    ['ties', [2, 2, 2, 9], 2, 2, 3.8],
  ] as const)('%s', (_label, values, q1, mid, q3) => {
    expect(quantile(values, 0.25)).toBe(q1);
    expect(median(values)).toBe(mid);
    expect(quantile(values, 0.75)).toBe(q3);
  });
});

describe('small numbers are not shown (docs/product.md#small-numbers-are-not-shown)', () => {
  it('suppresses the aggregate of 4 municipalities and shows that of 5', () => {
    expect(aggregate([60, 70, 80, 90])).toEqual({ suppressed: true, municipalities: 4 });
    expect(aggregate([60, 70, 80, 90, 100])).toEqual({ suppressed: false, municipalities: 5, q1: 70, median: 80, q3: 90 });
  });

  it.each([
    ['a mark over 9 answers is not shown', 'averageMark', { value: 7.2, basis: 9 }, false],
    ['a mark over 10 answers is shown', 'averageMark', { value: 7.2, basis: 10 }, true],
    ['a mark without answers is not shown', 'averageMark', { value: null, basis: 0 }, false],
    ['a share over 1 plan is shown: only marks have a minimum', 'plansOnTime', { value: 100, basis: 1 }, true],
    ['no value, nothing to show', 'leadTime', { value: null, basis: 0 }, false],
  ] as const)('%s', (_label, key, f, expected) => {
    expect(shownFigure(key, f)).toBe(expected);
  });

  it('suppresses the own mark under 10 answers too, and shows it from 10', () => {
    expect(ownFigure('averageMark', { value: 8, basis: 9 })).toEqual({ suppressed: true, basis: 9 });
    expect(ownFigure('averageMark', { value: 8, basis: 10 })).toEqual({ suppressed: false, value: 8, basis: 10 });
    expect(ownFigure('commitmentsKept', { value: 50, basis: 2 })).toEqual({ suppressed: false, value: 50, basis: 2 });
  });
});

describe('commitments kept (docs/product.md#comparing-municipalities)', () => {
  const today = '2026-04-20';
  it.each([
    ['kept', { status: 'kept', dueOn: '2026-05-01' }, 'kept'],
    ['broken', { status: 'broken', dueOn: '2026-03-01' }, 'broken'],
    ['binding past its due date: overdue', { status: 'binding', dueOn: '2026-04-19' }, 'overdue'],
    ['binding due today: not yet due', { status: 'binding', dueOn: '2026-04-20' }, null],
    ['awaiting confirmation past its due date: overdue', { status: 'needsConfirmation', dueOn: '2026-04-01' }, 'overdue'],
    ['withdrawn does not count', { status: 'withdrawn', dueOn: '2026-04-01' }, null],
    ['declined does not count', { status: 'declined', dueOn: '2026-04-01' }, null],
  ] as const)('%s', (_label, k, expected) => {
    expect(commitmentStanding(k, today)).toBe(expected);
  });

  it('counts an amended-then-kept commitment once, as kept, by its current version', () => {
    // Versions of one commitment: recorded due 1 April, amended to 1 May, then kept.
    const versions = [
      { id: 'k1', version: 1, status: 'binding', dueOn: '2026-04-01' },
      { id: 'k1', version: 2, status: 'binding', dueOn: '2026-05-01' },
      { id: 'k1', version: 3, status: 'kept', dueOn: '2026-05-01' },
      { id: 'k2', version: 1, status: 'binding', dueOn: '2026-04-01' },
    ];
    const current = [...new Map(versions.map((v) => [v.id, v])).values()];
    const standings = current.map((k) => commitmentStanding(k, today));
    expect(standings).toEqual(['kept', 'overdue']);
    const count = (s: string) => standings.filter((x) => x === s).length;
    expect(keptShare({ kept: count('kept'), broken: count('broken'), overdue: count('overdue') })).toBe(50);
  });

  it.each([
    ['nothing due: no share, not 0 %', { kept: 0, broken: 0, overdue: 0 }, null],
    ['kept / (kept + broken + overdue)', { kept: 2, broken: 1, overdue: 1 }, 50],
    ['rounded to whole percent', { kept: 2, broken: 1, overdue: 0 }, 67],
  ] as const)('keptShare: %s', (_label, c, expected) => {
    expect(keptShare(c)).toBe(expected);
  });
});

describe('lead time and average mark', () => {
  it('counts calendar days from intake to agreement', () => {
    expect(leadTimeDays('2026-03-02', '2026-03-10')).toBe(8);
    expect(leadTimeDays('2026-03-02', '2026-03-02')).toBe(0);
    // across the change to summer time (29 March 2026)
    expect(leadTimeDays('2026-03-28', '2026-03-30')).toBe(2);
  });
  it('averages marks to one decimal, none without answers', () => {
    expect(averageMark({ answers: 0, markSum: 0 })).toBeNull();
    expect(averageMark({ answers: 3, markSum: 22 })).toBe(7.3);
  });
});

describe('figuresOf: a period is its months added up', () => {
  const month = (o: Partial<MonthCounts>): MonthCounts => ({
    month: '2026-01',
    plansOnTime: 0,
    plansLate: 0,
    plansOverdue: 0,
    leadDays: [],
    commitmentsKept: 0,
    commitmentsBroken: 0,
    commitmentsOverdue: 0,
    markAnswers: null,
    markSum: null,
    ...o,
  });
  it('adds counts, takes the median over all plans, and omits the mark when no marks are known', () => {
    const f = figuresOf([
      month({ plansOnTime: 1, plansLate: 1, leadDays: [10, 30], commitmentsKept: 1 }),
      month({ month: '2026-02', plansOnTime: 2, plansOverdue: 0, leadDays: [20], commitmentsBroken: 1 }),
    ]);
    expect(f).toEqual({
      plansOnTime: { value: 75, basis: 4 },
      leadTime: { value: 20, basis: 3 },
      commitmentsKept: { value: 50, basis: 2 },
    });
  });
  it('gives the mark once marks are known, also with no answers in the period', () => {
    expect(figuresOf([month({ markAnswers: 4, markSum: 30 }), month({ markAnswers: 0, markSum: 0 })]).averageMark).toEqual({ value: 7.5, basis: 4 });
    expect(figuresOf([month({ markAnswers: 0, markSum: 0 })]).averageMark).toEqual({ value: null, basis: 0 });
  });
});

describe('months and periods', () => {
  it('steps over the year', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
  it('defaults to the twelve whole months before this one', () => {
    expect(defaultPeriod('2026-04-20')).toEqual({ from: '2025-04', to: '2026-03' });
  });
  it.each([
    ['in order', { from: '2026-01', to: '2026-03' }, null],
    ['one month', { from: '2026-01', to: '2026-01' }, null],
    ['backwards', { from: '2026-03', to: '2026-01' }, 'order'],
    ['three years is the most', { from: '2023-01', to: '2025-12' }, null],
    ['more than three years', { from: '2023-01', to: '2026-01' }, 'tooLong'],
  ] as const)('%s', (_label, p, expected) => {
    expect(periodProblem(p)).toBe(expected);
  });
});
