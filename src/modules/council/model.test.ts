import { describe, expect, it } from 'vitest';
import { planTerm, shareOnTime } from './model.js';

const today = '2026-04-20';

describe('planTerm (docs/product.md#the-council-overview)', () => {
  it.each([
    // [label, case, expected]
    ['agreed on the due date is on time', { status: 'executing', planDueOn: '2026-04-13', suspendedSince: null, planAgreedOn: '2026-04-13' }, 'onTime'],
    ['agreed a day after the due date is late', { status: 'executing', planDueOn: '2026-04-13', suspendedSince: null, planAgreedOn: '2026-04-14' }, 'late'],
    [
      'an agreed plan stays on time after the case closed',
      { status: 'closed', planDueOn: '2026-04-13', suspendedSince: null, planAgreedOn: '2026-03-10' },
      'onTime',
    ],
    ['not agreed, due yesterday, clock running: overdue', { status: 'planning', planDueOn: '2026-04-19', suspendedSince: null, planAgreedOn: null }, 'overdue'],
    ['not agreed, due today: still running', { status: 'planning', planDueOn: '2026-04-20', suspendedSince: null, planAgreedOn: null }, 'running'],
    ['a suspended clock is never overdue', { status: 'planning', planDueOn: '2026-04-01', suspendedSince: '2026-03-05', planAgreedOn: null }, 'running'],
    ['withdrawn without an agreed plan: no term to count', { status: 'withdrawn', planDueOn: '2026-04-01', suspendedSince: null, planAgreedOn: null }, 'none'],
    ['no clock yet (submitted, intake)', { status: 'intake', planDueOn: null, suspendedSince: null, planAgreedOn: null }, 'none'],
  ] as const)('%s', (_label, c, expected) => {
    expect(planTerm(c, today)).toBe(expected);
  });
});

describe('shareOnTime', () => {
  it.each([
    ['nothing settled: no share, not 0 %', { onTime: 0, late: 0, overdue: 0 }, null],
    ['one of four on time', { onTime: 1, late: 1, overdue: 2 }, 25],
    ['overdue counts against the share', { onTime: 2, late: 0, overdue: 1 }, 67],
    ['all on time', { onTime: 3, late: 0, overdue: 0 }, 100],
  ] as const)('%s', (_label, counts, expected) => {
    expect(shareOnTime(counts)).toBe(expected);
  });
});
