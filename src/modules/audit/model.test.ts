import { describe, expect, it } from 'vitest';
import { pastRetention, pseudonymOf, retentionCutoff } from './model.js';

describe('retentionCutoff (docs/product.md#bewaartermijn)', () => {
  it.each([
    // [label, now, months, expected cutoff]
    ['whole months back', '2026-12-03T10:00:00.000Z', 24, '2024-12-03T10:00:00.000Z'],
    ['across a year boundary', '2026-01-15T00:00:00.000Z', 1, '2025-12-15T00:00:00.000Z'],
    ['31 March minus one month is the last day of February', '2026-03-31T12:00:00.000Z', 1, '2026-02-28T12:00:00.000Z'],
    ['in a leap year, 29 February', '2028-03-31T12:00:00.000Z', 1, '2028-02-29T12:00:00.000Z'],
  ] as const)('%s', (_label, now, months, expected) => {
    expect(retentionCutoff(new Date(now), months)?.toISOString()).toBe(expected);
  });

  it('keeps personal data when no term is set', () => {
    expect(retentionCutoff(new Date('2026-12-03T10:00:00Z'), null)).toBeNull();
  });
});

describe('pastRetention', () => {
  const now = new Date('2026-12-03T10:00:00Z');
  it.each([
    // [label, status, closedAt, months, expected]
    ['closed 25 months ago, term 24', 'closed', '2024-11-03T10:00:00Z', 24, true],
    ['closed 23 months ago, term 24', 'closed', '2025-01-03T10:00:00Z', 24, false],
    ['withdrawn 25 months ago, term 24', 'withdrawn', '2024-11-03T10:00:00Z', 24, true],
    ['an open case is never past its term', 'executing', '2020-01-01T00:00:00Z', 24, false],
    ['no term: kept', 'closed', '2020-01-01T00:00:00Z', null, false],
  ] as const)('%s', (_label, status, closedAt, months, expected) => {
    expect(pastRetention({ status, closedAt: new Date(closedAt) }, months, now)).toBe(expected);
  });
  it('a case without an end date is never past its term', () => {
    expect(pastRetention({ status: 'closed', closedAt: null }, 24, now)).toBe(false);
  });
});

describe('pseudonymOf', () => {
  it('is stable per person and different between people', () => {
    const a = '6f1c1c1e-0000-4000-8000-000000000001';
    const b = '6f1c1c1e-0000-4000-8000-000000000002';
    expect(pseudonymOf(a)).toEqual(pseudonymOf(a));
    expect(pseudonymOf(a).name).not.toBe(pseudonymOf(b).name);
    expect(pseudonymOf(a).name).toMatch(/^Aanvrager [0-9A-F]{6}$/);
    expect(pseudonymOf(a).email).not.toBe(pseudonymOf(b).email);
  });
});
