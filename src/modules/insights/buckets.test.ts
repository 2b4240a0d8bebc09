// Which months of a period are read as monthly sums and which days from the detailed
// rollup (docs/product.md#management-information).
import { describe, expect, it } from 'vitest';
import { trendMonths } from './model.js';
import { bucketsOf } from './queries.js';

describe('bucketsOf', () => {
  it('reads the months a period cuts per day and every other month whole', () => {
    const p = { from: '2024-11-18', to: '2025-11-17' };
    const b = bucketsOf(p, trendMonths(p));
    expect(b.dayRanges).toEqual([
      { from: '2024-11-01', to: '2024-11-30' },
      { from: '2025-11-01', to: '2025-11-17' },
    ]);
    expect(b.wholeMonths).toHaveLength(22);
    expect(b.wholeMonths[0]).toBe('2023-12-01');
    expect(b.wholeMonths).not.toContain('2024-11-01');
    expect(b.wholeMonths.at(-1)).toBe('2025-10-01');
  });

  it('reads a period of whole months without a single day', () => {
    const p = { from: '2025-03-01', to: '2025-08-31' };
    const b = bucketsOf(p, trendMonths(p));
    expect(b.dayRanges).toEqual([]);
    expect(b.wholeMonths).toHaveLength(24);
  });

  it('reads a period within one month per day only', () => {
    const p = { from: '2025-02-10', to: '2025-02-20' };
    const b = bucketsOf(p, ['2025-02']);
    expect(b).toEqual({ wholeMonths: [], dayRanges: [{ from: '2025-02-01', to: '2025-02-20' }] });
  });

  it('knows the last day of February in a leap year', () => {
    const b = bucketsOf({ from: '2024-02-01', to: '2024-02-29' }, ['2024-02']);
    expect(b).toEqual({ wholeMonths: ['2024-02-01'], dayRanges: [] });
  });
});
