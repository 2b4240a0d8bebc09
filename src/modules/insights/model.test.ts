import { describe, expect, it } from 'vitest';
import {
  addMonths,
  commitmentCounts,
  defaultPeriod,
  leadTime,
  leadTimeByMonth,
  percent,
  periodProblem,
  quantile,
  splitStatusKey,
  suspensionTotals,
  trendMonths,
  workloadByMonth,
} from './model.js';

describe('the period (docs/product.md#management-information)', () => {
  it.each([
    ['an ordinary day: from the day after a year ago', '2026-04-20', { from: '2025-04-21', to: '2026-04-20' }],
    ['the last day of a year', '2026-12-31', { from: '2026-01-01', to: '2026-12-31' }],
    ['29 February: a year back does not exist, from 1 March', '2028-02-29', { from: '2027-03-01', to: '2028-02-29' }],
  ] as const)('%s', (_label, today, expected) => {
    expect(defaultPeriod(today)).toEqual(expected);
  });

  it.each([
    ['a normal period', { from: '2025-01-01', to: '2025-12-31' }, null],
    ['one day', { from: '2025-01-01', to: '2025-01-01' }, null],
    ['from after to', { from: '2025-02-01', to: '2025-01-31' }, 'fromAfterTo'],
    ['eleven years', { from: '2014-01-01', to: '2025-02-01' }, 'tooLong'],
  ] as const)('%s', (_label, p, expected) => {
    expect(periodProblem(p)).toBe(expected);
  });

  it.each([
    ['a year: still 24 months back', { from: '2025-04-21', to: '2026-04-20' }, 24, '2024-05', '2026-04'],
    ['three years: every month of it', { from: '2023-01-15', to: '2025-12-31' }, 36, '2023-01', '2025-12'],
    ['across a year end', { from: '2025-12-01', to: '2026-01-31' }, 24, '2024-02', '2026-01'],
  ] as const)('trend months, %s', (_label, p, n, first, last) => {
    const ms = trendMonths(p);
    expect(ms).toHaveLength(n);
    expect([ms[0], ms.at(-1)]).toEqual([first, last]);
  });

  it.each([
    ['2026-01', 1, '2026-02'],
    ['2026-12', 1, '2027-01'],
    ['2026-01', -1, '2025-12'],
    ['2026-03', -23, '2024-04'],
  ] as const)('addMonths(%s, %i) is %s', (m, n, expected) => {
    expect(addMonths(m, n)).toBe(expected);
  });
});

describe('lead times: median and p90 by nearest rank', () => {
  it.each([
    ['nothing measured: no median, not 0', [], 0.5, null],
    ['one case', [{ days: 12, count: 1 }], 0.5, 12],
    [
      'two cases: the median is the lower',
      [
        { days: 14, count: 1 },
        { days: 49, count: 1 },
      ],
      0.5,
      14,
    ],
    [
      'two cases: the p90 is the higher',
      [
        { days: 14, count: 1 },
        { days: 49, count: 1 },
      ],
      0.9,
      49,
    ],
    ['ten cases 1…10: p90 is the 9th', Array.from({ length: 10 }, (_, i) => ({ days: i + 1, count: 1 })), 0.9, 9],
    [
      'counts, not rows: 9 × 3 days and 1 × 100 days',
      [
        { days: 100, count: 1 },
        { days: 3, count: 9 },
      ],
      0.9,
      3,
    ],
    [
      'an empty bucket does not count',
      [
        { days: 5, count: 0 },
        { days: 8, count: 2 },
      ],
      0.5,
      8,
    ],
  ] as const)('%s', (_label, dist, q, expected) => {
    expect(quantile(dist, q)).toBe(expected);
  });

  it('per month, every month present', () => {
    const rows = [
      { month: '2026-03', days: 14, count: 1 },
      { month: '2026-04', days: 49, count: 1 },
      { month: '2026-04', days: 7, count: 2 },
    ];
    expect(leadTimeByMonth(rows, ['2026-02', '2026-03', '2026-04'])).toEqual([
      { month: '2026-02', count: 0, median: null, p90: null },
      { month: '2026-03', count: 1, median: 14, p90: 14 },
      { month: '2026-04', count: 3, median: 7, p90: 49 },
    ]);
    expect(leadTime([])).toEqual({ count: 0, median: null, p90: null });
  });
});

describe('suspensions (docs/product.md#the-plan-clock)', () => {
  it.each([
    ['none', [], { count: 0, days: 0 }],
    [
      'a case suspended twice: 2 + 3 days',
      [
        { startedOn: '2026-03-03', endedOn: '2026-03-05' },
        { startedOn: '2026-03-09', endedOn: '2026-03-12' },
      ],
      { count: 2, days: 5 },
    ],
    ['one still running counts, its days not yet', [{ startedOn: '2026-03-03', endedOn: null }], { count: 1, days: 0 }],
  ] as const)('%s', (_label, s, expected) => {
    expect(suspensionTotals(s)).toEqual(expected);
  });
});

describe('commitments (docs/product.md#commitments-on-record)', () => {
  it.each([
    ['nothing', [], 0, { total: 0, open: 0, kept: 0, broken: 0, withdrawn: 0, declined: 0, overdue: 0 }],
    [
      'amended then kept counts once, as kept; open is binding or awaiting confirmation',
      [
        { status: 'kept', count: 1 },
        { status: 'binding', count: 2 },
        { status: 'needsConfirmation', count: 1 },
        { status: 'broken', count: 1 },
      ],
      1,
      { total: 5, open: 3, kept: 1, broken: 1, withdrawn: 0, declined: 0, overdue: 1 },
    ],
    [
      'rows of the same status add up',
      [
        { status: 'withdrawn', count: 1 },
        { status: 'withdrawn', count: 2 },
      ],
      0,
      { total: 3, open: 0, kept: 0, broken: 0, withdrawn: 3, declined: 0, overdue: 0 },
    ],
  ] as const)('%s', (_label, rows, overdue, expected) => {
    expect(commitmentCounts(rows, overdue)).toEqual(expected);
  });

  it.each([
    ['kept|5b0e…', { status: 'kept', key: '5b0e…' }],
    ['binding|n:P. de Vries (wethouder | Economie)', { status: 'binding', key: 'n:P. de Vries (wethouder | Economie)' }],
    ['kept', { status: 'kept', key: '' }],
  ] as const)('splitStatusKey(%s)', (dim, expected) => {
    expect(splitStatusKey(dim)).toEqual(expected);
  });
});

describe('workload: open cases per director at each month end', () => {
  it('runs the sum from the first case, across months without change', () => {
    const deltas = [
      { month: '2025-11', directorId: 'a', delta: 2 },
      { month: '2026-01', directorId: 'a', delta: -1 },
      { month: '2026-01', directorId: 'b', delta: 1 },
      { month: '2026-02', directorId: null, delta: 1 },
    ];
    expect(workloadByMonth(deltas, ['2025-12', '2026-01', '2026-02'])).toEqual([
      { month: '2025-12', total: 2, perDirector: [{ directorId: 'a', open: 2 }] },
      {
        month: '2026-01',
        total: 2,
        perDirector: [
          { directorId: 'a', open: 1 },
          { directorId: 'b', open: 1 },
        ],
      },
      {
        month: '2026-02',
        total: 3,
        perDirector: [
          { directorId: null, open: 1 },
          { directorId: 'a', open: 1 },
          { directorId: 'b', open: 1 },
        ],
      },
    ]);
  });

  it('a case closed in the month it opened leaves nothing open', () => {
    expect(workloadByMonth([{ month: '2026-03', directorId: 'a', delta: 0 }], ['2026-03'])).toEqual([{ month: '2026-03', total: 0, perDirector: [] }]);
  });
});

describe('percent', () => {
  it.each([
    [0, 0, null],
    [1, 3, 33],
    [2, 3, 67],
    [5, 5, 100],
  ] as const)('%i of %i', (part, whole, expected) => {
    expect(percent(part, whole)).toBe(expected);
  });
});
