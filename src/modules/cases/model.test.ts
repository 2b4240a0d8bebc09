import { describe, expect, it } from 'vitest';
import { dutchCalendar } from '../../kernel/calendar.js';
import {
  CASE_STATUSES,
  type CaseStatus,
  checkTransition,
  clockState,
  type DirectorCandidate,
  planDueOn,
  proposeDirector,
  proposeDirectorWithReason,
  suspendedDays,
  TRANSITIONS,
  unconfirmedRefusal,
} from './model.js';

describe('case lifecycle', () => {
  // Every (from, to) pair: allowed exactly when the table lists it.
  const pairs = CASE_STATUSES.flatMap((from) => CASE_STATUSES.map((to) => [from, to] as const));
  it.each(pairs)('%s → %s follows the transition table', (from, to) => {
    const listed = (TRANSITIONS[from] as readonly CaseStatus[]).includes(to);
    const refusal = checkTransition({ from, to, hasDirector: true, reason: 'omdat', byPlanAgreement: true });
    expect(refusal === null).toBe(listed);
  });

  it.each([
    // [label, input, expected refusal]
    ['intake needs a director', { from: 'submitted', to: 'intake', hasDirector: false, reason: null }, 'needs-director'],
    ['planning needs a director', { from: 'intake', to: 'planning', hasDirector: false, reason: null }, 'needs-director'],
    ['withdrawal needs a reason', { from: 'planning', to: 'withdrawn', hasDirector: true, reason: '  ' }, 'needs-reason'],
    ['withdrawal with a reason is fine from submitted', { from: 'submitted', to: 'withdrawn', hasDirector: false, reason: 'verhuisd' }, null],
    ['executing only through plan agreement', { from: 'planning', to: 'executing', hasDirector: true, reason: null }, 'needs-agreed-plan'],
    ['executing through plan agreement', { from: 'planning', to: 'executing', hasDirector: true, reason: null, byPlanAgreement: true }, null],
    ['no skipping intake', { from: 'submitted', to: 'planning', hasDirector: true, reason: null }, 'not-allowed'],
    ['closed is final', { from: 'closed', to: 'intake', hasDirector: true, reason: null }, 'not-allowed'],
    ['withdrawn is final', { from: 'withdrawn', to: 'withdrawn', hasDirector: true, reason: 'x' }, 'not-allowed'],
    ['closing an executing case', { from: 'executing', to: 'closed', hasDirector: true, reason: null }, null],
    ['a planning case cannot be closed without executing', { from: 'planning', to: 'closed', hasDirector: true, reason: null }, 'not-allowed'],
  ] as const)('%s', (_label, input, expected) => {
    expect(checkTransition(input)).toBe(expected);
  });
});

describe('plan clock', () => {
  it.each([
    // [label, start, term, suspensions, today, due]
    ['six weeks from the clock start', '2026-03-02', 42, [], '2026-03-02', '2026-04-13'],
    ['a configured term of 28 days', '2026-03-02', 28, [], '2026-03-02', '2026-03-30'],
    [
      'an ended suspension of 5 days moves the due date 5 days (then past the weekend)',
      '2026-03-02',
      42,
      [{ startedOn: '2026-03-10', endedOn: '2026-03-15' }],
      '2026-03-20',
      '2026-04-20', // Saturday 18 April: due Monday 20 April
    ],
    [
      'two suspensions add up (3 + 2 days)',
      '2026-03-02',
      42,
      [
        { startedOn: '2026-03-03', endedOn: '2026-03-06' },
        { startedOn: '2026-03-20', endedOn: '2026-03-22' },
      ],
      '2026-03-25',
      '2026-04-20', // Saturday 18 April: due Monday 20 April
    ],
    ['an open suspension counts up to today', '2026-03-02', 42, [{ startedOn: '2026-03-10', endedOn: null }], '2026-03-13', '2026-04-16'],
    ['suspended and resumed the same day stops nothing', '2026-03-02', 42, [{ startedOn: '2026-03-10', endedOn: '2026-03-10' }], '2026-03-11', '2026-04-13'],
    ['the clock crosses the DST change by calendar days', '2026-03-20', 42, [], '2026-03-20', '2026-05-01'],
    // Friday 13 Nov 2026 + 42 days = Friday 25 Dec (Christmas); the 26th is a holiday
    // and a Saturday, the 27th a Sunday: due Monday 28 December.
    ['a due date on Christmas Day moves to the next working day', '2026-11-13', 42, [], '2026-11-13', '2026-12-28'],
    // Sunday 8 Mar 2026 + 42 days = Sunday 19 April: due Monday 20 April.
    ['a due date on a Sunday moves to Monday', '2026-03-08', 42, [], '2026-03-08', '2026-04-20'],
    // Saturday 25 April 2026; Monday 27 April is Koningsdag: due Tuesday 28 April.
    ['a Saturday before Koningsdag moves to Tuesday', '2026-03-09', 42, [{ startedOn: '2026-03-12', endedOn: '2026-03-17' }], '2026-03-17', '2026-04-28'],
  ] as const)('%s', (_label, start, term, suspensions, today, due) => {
    expect(planDueOn(dutchCalendar(), start, term, [...suspensions], today)).toBe(due);
  });

  it("moves a due date past the municipality's own closing days", () => {
    // Monday 13 April 2026 is a working day nationally; this municipality is closed
    // on the 13th and 14th, so the plan is due Wednesday 15 April.
    const own = dutchCalendar({ extraHolidays: ['2026-04-13', '2026-04-14'] });
    expect(planDueOn(own, '2026-03-02', 42, [], '2026-03-02')).toBe('2026-04-15');
    expect(planDueOn(dutchCalendar(), '2026-03-02', 42, [], '2026-03-02')).toBe('2026-04-13');
  });

  it('suspendedDays never goes negative', () => {
    expect(suspendedDays({ startedOn: '2026-03-10', endedOn: '2026-03-08' }, '2026-03-11')).toBe(0);
  });

  const cal = dutchCalendar();
  it.each([
    // [label, status, due, suspendedSince, today, state]
    ['no clock before planning', 'submitted', null, null, '2026-03-02', 'none'],
    ['running well before the due date', 'planning', '2026-04-13', null, '2026-03-02', 'running'],
    // From Thursday 2 April 2026: Good Friday (3rd), the weekend and Easter Monday
    // (6th) do not count, so the five working days are 7, 8, 9, 10 and 13 April.
    ['due soon counts working days, skipping Easter', 'planning', '2026-04-13', null, '2026-04-02', 'dueSoon'],
    ['six working days away is not due soon', 'planning', '2026-04-14', null, '2026-04-02', 'running'],
    ['due today is due soon, not overdue', 'planning', '2026-04-13', null, '2026-04-13', 'dueSoon'],
    ['a day past due is overdue', 'planning', '2026-04-13', null, '2026-04-14', 'overdue'],
    ['a suspended clock is never overdue', 'planning', '2026-04-13', '2026-04-01', '2026-04-20', 'suspended'],
    ['an executing case has a stopped clock', 'executing', '2026-04-13', null, '2026-04-20', 'stopped'],
  ] as const)('%s', (_label, status, due, since, today, state) => {
    expect(clockState(cal, { status, planDueOn: due, suspendedSince: since }, today)).toBe(state);
  });
});

describe('director proposal', () => {
  const d = (id: string, areaIds: string[], themeIds: string[], openCases: number): DirectorCandidate => ({ id, name: id, areaIds, themeIds, openCases });
  it.each([
    // [label, candidates, case, expected id]
    [
      'covers area and themes wins over a lighter director who does not',
      [d('a', ['centrum'], ['wonen'], 9), d('b', ['noord'], [], 1)],
      { areaId: 'centrum', themeIds: ['wonen'] },
      'a',
    ],
    [
      'among full coverage the fewest open cases wins',
      [d('a', ['centrum'], ['wonen'], 9), d('b', ['centrum'], ['wonen'], 3)],
      { areaId: 'centrum', themeIds: ['wonen'] },
      'b',
    ],
    [
      'partial theme coverage ranks below full',
      [d('a', ['centrum'], ['wonen'], 1), d('b', ['centrum'], ['wonen', 'jeugd'], 5)],
      { areaId: 'centrum', themeIds: ['wonen', 'jeugd'] },
      'b',
    ],
    ['without area or themes the lightest workload wins', [d('a', [], [], 4), d('b', [], [], 2)], { areaId: null, themeIds: [] }, 'b'],
    ['ties break by name', [d('b', [], [], 2), d('a', [], [], 2)], { areaId: null, themeIds: [] }, 'a'],
  ] as const)('%s', (_label, candidates, c, expected) => {
    expect(proposeDirector([...candidates], { areaId: c.areaId, themeIds: [...c.themeIds] })?.id).toBe(expected);
  });
  it('proposes nobody when there are no directors', () => {
    expect(proposeDirector([], { areaId: null, themeIds: [] })).toBeNull();
  });
  // docs/product.md#proposing-a-director: the reason quotes the figures shown beside the names.
  it('gives a reason in the same figures as the candidates', () => {
    const candidates = [d('a', ['centrum'], ['wonen'], 9), d('b', ['centrum'], ['wonen'], 3), d('c', ['noord'], [], 0)];
    const p = proposeDirectorWithReason(candidates, { areaId: 'centrum', themeIds: ['wonen', 'jeugd'] });
    expect(p?.director.id).toBe('b');
    expect(p?.reason).toEqual({ coversArea: true, themesCovered: 1, themesTotal: 2, openCases: 3, equallyMatched: 1, nextOpenCases: 9 });
    // The lightest director overall (c, 0 open) covers less: the reason does not claim "fewest open cases" over them.
    expect(p?.reason.openCases).toBeGreaterThan(Math.min(...candidates.map((x) => x.openCases)));
  });
  it('says so when the proposal covers neither area nor themes', () => {
    const p = proposeDirectorWithReason([d('a', ['noord'], [], 4)], { areaId: 'centrum', themeIds: ['wonen'] });
    expect(p?.reason).toEqual({ coversArea: false, themesCovered: 0, themesTotal: 1, openCases: 4, equallyMatched: 0, nextOpenCases: null });
    expect(proposeDirectorWithReason([], { areaId: null, themeIds: [] })).toBeNull();
  });
});

// docs/product.md#confirming-a-public-intake: before confirmation no intake, so no clock.
describe('an unconfirmed public intake', () => {
  it.each([
    ['cannot be taken into intake', false, 'intake', 'unconfirmed'],
    ['cannot go to planning, where the clock starts', false, 'planning', 'unconfirmed'],
    ['cannot be closed', false, 'closed', 'unconfirmed'],
    ['can be withdrawn', false, 'withdrawn', null],
    ['once confirmed, takes the lifecycle as usual', true, 'intake', null],
  ] as const)('%s', (_label, confirmed, to, expected) => {
    expect(unconfirmedRefusal(confirmed, to)).toBe(expected);
  });
});
