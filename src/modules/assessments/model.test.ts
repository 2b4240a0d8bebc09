import { describe, expect, it } from 'vitest';
import { dutchCalendar } from '../../kernel/calendar.js';
import { type CommitmentDecision, commitmentStatusOnRecord, type Mandate, mandatesHeldBy } from '../mandates/index.js';
import { type Answer, answerProblems, type CitedRule, isLate, mayOverrule, type ObjectionForOverrule, roundTermEnd, silenceOutcome } from './model.js';

const rule = (id: string, over: Partial<CitedRule> = {}): CitedRule => ({
  id,
  code: id.toUpperCase(),
  domain: 'physical',
  strict: false,
  validFrom: '2020-01-01',
  validUntil: null,
  ...over,
});
const register = [
  rule('zoning'), // Omgevingsplan artikel 4.12: not strict
  rule('bibob', { strict: true, domain: 'safety' }), // Wet Bibob: strict
  rule('apv', { strict: true, domain: 'safety' }), // APV 2:48: strict
  rule('expired', { validUntil: '2025-12-31' }),
  rule('future', { validFrom: '2027-01-01' }),
  rule('endsToday', { validUntil: '2026-03-02' }),
];
const today = '2026-03-02';
const objection = (over: Partial<Answer> = {}): Answer => ({
  kind: 'objection',
  ruleIds: ['zoning'],
  whyApplies: 'Het pand ligt in een gebied met bestemming bedrijf.',
  howItCouldBeDone: 'Winkels op de begane grond passen binnen de regel.',
  ...over,
});

describe('what an answer needs ("ja, tenzij")', () => {
  it.each([
    // [label, answer, expected problem fields]
    ['a plain yes needs nothing', { kind: 'yes' }, []],
    ['a plain yes carries no conditions (they would hide in a yes)', { kind: 'yes', conditions: 'Geen terras na 22 uur' }, ['conditions']],
    ['yes with conditions states them', { kind: 'yesWithConditions', conditions: 'Geen terras na 22 uur' }, []],
    ['yes with conditions but only spaces is not stated', { kind: 'yesWithConditions', conditions: '   ' }, ['conditions']],
    ['yes with conditions but none given', { kind: 'yesWithConditions' }, ['conditions']],
    ['a complete objection on a non-strict rule', objection(), []],
    ['an objection must cite at least one rule', objection({ ruleIds: [] }), ['ruleIds']],
    ['a rule not in this register (e.g. another municipality’s)', objection({ ruleIds: ['elsewhere'] }), ['ruleIds.0']],
    ['an expired rule cannot be cited', objection({ ruleIds: ['expired'] }), ['ruleIds.0']],
    ['a rule not yet in force cannot be cited', objection({ ruleIds: ['future'] }), ['ruleIds.0']],
    ['a rule may be cited on its last day', objection({ ruleIds: ['endsToday'] }), []],
    ['the bad one of two cited rules is named by position', objection({ ruleIds: ['zoning', 'expired'] }), ['ruleIds.1']],
    ['an objection explains why the rule applies to this case', objection({ whyApplies: ' ' }), ['whyApplies']],
    ['a non-strict objection says how it could be done', objection({ howItCouldBeDone: null }), ['howItCouldBeDone']],
    ['an objection on a strict rule may leave "hoe wel" out', objection({ ruleIds: ['bibob'], howItCouldBeDone: null }), []],
    ['every cited rule strict: "hoe wel" may be left out', objection({ ruleIds: ['bibob', 'apv'], howItCouldBeDone: '' }), []],
    ['one non-strict rule among strict ones: "hoe wel" needed', objection({ ruleIds: ['bibob', 'zoning'], howItCouldBeDone: '' }), ['howItCouldBeDone']],
    ['an unknown rule does not count as strict', objection({ ruleIds: ['bibob', 'elsewhere'], howItCouldBeDone: '' }), ['ruleIds.1', 'howItCouldBeDone']],
    ['an empty objection: every problem at once', { kind: 'objection' }, ['ruleIds', 'whyApplies', 'howItCouldBeDone']],
  ] as [string, Answer, string[]][])('%s', (_label, answer, fields) => {
    expect(answerProblems(answer, register, today).map((p) => p.field)).toEqual(fields);
  });

  it('names the rule and the date when a rule cannot be cited', () => {
    expect(answerProblems(objection({ ruleIds: ['expired'] }), register, today)).toEqual([
      { field: 'ruleIds.0', key: 'error.ruleNotCitable', params: { code: 'EXPIRED', date: today } },
    ]);
  });
});

describe('the round term in working days', () => {
  const cal = dutchCalendar();
  it.each([
    // [label, opened on, working days, term end]
    ['ten working days from a Monday: two weeks later', '2026-03-02', 10, '2026-03-16'],
    ['the day it opens does not count (Friday → Friday two weeks on)', '2026-03-06', 10, '2026-03-20'],
    ['opened on a Saturday: counting starts Monday', '2026-03-07', 10, '2026-03-20'],
    ['Good Friday and Easter Monday are skipped', '2026-03-30', 10, '2026-04-15'],
    ['would end on Ascension Day (after Liberation Day): moved by the calendar', '2026-04-30', 10, '2026-05-18'],
    ['over Christmas and New Year', '2026-12-17', 10, '2027-01-04'],
    ['King’s Day is skipped (Monday 27 April 2026)', '2026-04-24', 1, '2026-04-28'],
    ['a shorter term of five working days', '2026-03-02', 5, '2026-03-09'],
  ] as const)('%s', (_label, openedOn, days, end) => {
    expect(roundTermEnd(cal, openedOn, days)).toBe(end);
  });

  it('defaults to ten working days', () => {
    expect(roundTermEnd(cal, '2026-03-02')).toBe('2026-03-16');
  });

  it('skips the municipality’s own closing day', () => {
    expect(roundTermEnd(dutchCalendar({ extraHolidays: ['2026-03-16'] }), '2026-03-02')).toBe('2026-03-17');
  });

  it.each([0, -1, 2.5])('refuses a term of %s working days', (days) => {
    expect(() => roundTermEnd(cal, '2026-03-02', days)).toThrow(RangeError);
  });
});

describe('yes by silence at the term end', () => {
  const all = ['ro', 'oov', 'police'];
  it.each([
    // [label, term end, answered, today, expected]
    ['the term includes its last day: nothing yet', '2026-03-16', ['ro'], '2026-03-16', null],
    ['the day after: every party that did not answer', '2026-03-16', ['ro'], '2026-03-17', { asOf: '2026-03-16', partyIds: ['oov', 'police'] }],
    ['a job that runs days late records silence as of the term end', '2026-03-20', [], '2026-03-25', { asOf: '2026-03-20', partyIds: ['ro', 'oov', 'police'] }],
    ['a job that runs after the weekend: still Friday’s term end', '2026-03-20', ['police'], '2026-03-23', { asOf: '2026-03-20', partyIds: ['ro', 'oov'] }],
    ['everyone answered: no silence to record', '2026-03-16', ['police', 'oov', 'ro'], '2026-03-17', { asOf: '2026-03-16', partyIds: [] }],
    ['an answer from someone not asked changes nothing', '2026-03-16', ['stranger'], '2026-03-17', { asOf: '2026-03-16', partyIds: ['ro', 'oov', 'police'] }],
  ] as const)('%s', (_label, termEnd, answered, todayIs, expected) => {
    expect(silenceOutcome(termEnd, answered, all, todayIs)).toEqual(expected);
  });

  it('a party asked twice is recorded once', () => {
    expect(silenceOutcome('2026-03-16', [], ['ro', 'ro'], '2026-03-17')).toEqual({ asOf: '2026-03-16', partyIds: ['ro'] });
  });

  it('a term that would end on Ascension Day runs on to the next working day', () => {
    const end = roundTermEnd(dutchCalendar(), '2026-04-30'); // 2026-05-18, not Thursday 14 May
    expect(silenceOutcome(end, [], ['ro'], '2026-05-14')).toBeNull(); // Ascension Day
    expect(silenceOutcome(end, [], ['ro'], '2026-05-15')).toBeNull(); // the Friday after
    expect(silenceOutcome(end, [], ['ro'], '2026-05-18')).toBeNull(); // the last day itself
    expect(silenceOutcome(end, [], ['ro'], '2026-05-19')).toEqual({ asOf: '2026-05-18', partyIds: ['ro'] });
  });
});

describe('late answers', () => {
  const closed = new Date('2026-03-16T23:00:00Z');
  it.each([
    // [label, round closed at, answered at, late?]
    ['the round is still open', null, new Date('2026-04-01T10:00:00Z'), false],
    ['answered before the round closed', closed, new Date('2026-03-16T15:00:00Z'), false],
    ['answered at the very moment it closed', closed, new Date(closed), false],
    ['a millisecond after it closed', closed, new Date(closed.getTime() + 1), true],
    ['weeks later, in a new round on the same proposal', closed, new Date('2026-04-10T09:00:00Z'), true],
  ] as const)('%s', (_label, closedAt, at, late) => {
    expect(isLate(closedAt, at)).toBe(late);
  });
});

const mandates: Mandate[] = [
  // The college lets every coordinator overrule objections in the physical domain.
  {
    id: 'm-coord-physical',
    holder: { kind: 'role', role: 'coordinator' },
    scope: { kind: 'overrule', domain: 'physical' },
    delegatedBy: 'college',
    validFrom: '2026-01-01',
    validUntil: null,
  },
  // The alderman for economy, by name, for the first half of 2026.
  {
    id: 'm-alderman-economy',
    holder: { kind: 'person', userId: 'alderman' },
    scope: { kind: 'overrule', domain: 'economy' },
    delegatedBy: 'college',
    validFrom: '2026-01-01',
    validUntil: '2026-06-30',
  },
  {
    id: 'm-alderman-physical',
    holder: { kind: 'person', userId: 'alderman' },
    scope: { kind: 'overrule', domain: 'physical' },
    delegatedBy: 'college',
    validFrom: '2026-01-01',
    validUntil: '2026-06-30',
  },
  // The mayor's safety mandate: irrelevant for strict rules, which no one overrules.
  {
    id: 'm-mayor-safety',
    holder: { kind: 'person', userId: 'mayor' },
    scope: { kind: 'overrule', domain: 'safety' },
    delegatedBy: 'burgemeester',
    validFrom: '2026-01-01',
    validUntil: null,
  },
  {
    id: 'm-mayor-social',
    holder: { kind: 'person', userId: 'mayor' },
    scope: { kind: 'overrule', domain: 'social' },
    delegatedBy: 'burgemeester',
    validFrom: '2026-01-01',
    validUntil: null,
  },
];
const coordinator = { userId: 'c1', role: 'coordinator' as const };
const director = { userId: 'd1', role: 'director' as const };
const alderman = { userId: 'alderman', role: 'executive' as const };
const otherAlderman = { userId: 'alderman-2', role: 'executive' as const };
const mayor = { userId: 'mayor', role: 'executive' as const };
const on = (...rules: ObjectionForOverrule['citedRules']) => ({ citedRules: rules });
const physical = { code: 'OP-4.12', domain: 'physical' as const, strict: false };
const economy = { code: 'MARKT-1', domain: 'economy' as const, strict: false };
const safety = { code: 'BIBOB', domain: 'safety' as const, strict: true };

describe('who may overrule an objection', () => {
  it.each([
    // [label, actor, objection, on date, decision]
    ['a coordinator with a role mandate in the domain', coordinator, on(physical), '2026-03-02', { allowed: true, mandateIds: ['m-coord-physical'] }],
    ['a director has no such mandate', director, on(physical), '2026-03-02', { allowed: false, reason: 'noMandate' }],
    ['a named person’s mandate', alderman, on(economy), '2026-03-02', { allowed: true, mandateIds: ['m-alderman-economy'] }],
    ['a person mandate is not the role’s: another alderman', otherAlderman, on(economy), '2026-03-02', { allowed: false, reason: 'noMandate' }],
    ['the last day of the mandate still counts', alderman, on(economy), '2026-06-30', { allowed: true, mandateIds: ['m-alderman-economy'] }],
    ['an expired mandate covers nothing', alderman, on(economy), '2026-07-01', { allowed: false, reason: 'noMandate' }],
    ['a mandate not yet in force covers nothing', coordinator, on(physical), '2025-12-31', { allowed: false, reason: 'noMandate' }],
    ['a mandate in another domain does not cover', coordinator, on(economy), '2026-03-02', { allowed: false, reason: 'noMandate' }],
    [
      'rules in two domains need a mandate for each: one is not enough',
      coordinator,
      on(physical, economy),
      '2026-03-02',
      { allowed: false, reason: 'noMandate' },
    ],
    [
      'rules in two domains, both covered',
      alderman,
      on(physical, economy),
      '2026-03-02',
      { allowed: true, mandateIds: ['m-alderman-physical', 'm-alderman-economy'] },
    ],
    ['a strict objection is never overruled, whatever the mandate', mayor, on(safety), '2026-03-02', { allowed: false, reason: 'strict' }],
    ['one strict rule among the cited makes the objection strict', alderman, on(physical, safety), '2026-03-02', { allowed: false, reason: 'strict' }],
    ['an objection citing no rule fails closed', mayor, on(), '2026-03-02', { allowed: false, reason: 'noMandate' }],
  ] as const)('%s', (_label, actor, objection, date, decision) => {
    expect(mayOverrule(actor, objection, mandates, date)).toEqual(decision);
  });

  it('finds mandates by role and by name', () => {
    expect(mandatesHeldBy(alderman, mandates).map((m) => m.id)).toEqual(['m-alderman-economy', 'm-alderman-physical']);
    expect(mandatesHeldBy({ userId: null, role: 'coordinator' }, mandates).map((m) => m.id)).toEqual(['m-coord-physical']);
    expect(mandatesHeldBy({ userId: null, role: null }, mandates)).toEqual([]);
  });
});

describe('a commitment on record: binding or needs confirmation', () => {
  const m = (id: string, scope: Mandate['scope'], validFrom = '2026-01-01', validUntil: string | null = '2026-12-31'): Mandate => ({
    id,
    holder: { kind: 'person', userId: 'alderman' },
    scope,
    delegatedBy: 'college',
    validFrom,
    validUntil,
  });
  const money50k = m('money-50k', { kind: 'commitMoney', upToCents: 5_000_000 });
  const money250k = m('money-250k', { kind: 'commitMoney', upToCents: 25_000_000 });
  const exemption = m('exempt-apv', { kind: 'grantExemption', ruleCode: 'APV-2:48' });
  const plan = m('plan', { kind: 'agreePlan' });
  it.each([
    // [label, the maker's mandates, commitment, status]
    ['money within the amount', [money50k], { kind: 'commitMoney', amountCents: 1_000_000, madeOn: '2026-03-02' }, 'binding'],
    ['money exactly at the amount', [money50k], { kind: 'commitMoney', amountCents: 5_000_000, madeOn: '2026-03-02' }, 'binding'],
    ['one cent over the amount', [money50k], { kind: 'commitMoney', amountCents: 5_000_001, madeOn: '2026-03-02' }, 'needsConfirmation'],
    ['the larger of two money mandates covers it', [money50k, money250k], { kind: 'commitMoney', amountCents: 10_000_000, madeOn: '2026-03-02' }, 'binding'],
    ['an exemption of the very rule', [exemption], { kind: 'grantExemption', ruleCode: 'APV-2:48', madeOn: '2026-03-02' }, 'binding'],
    ['an exemption of another rule', [exemption], { kind: 'grantExemption', ruleCode: 'OP-4.12', madeOn: '2026-03-02' }, 'needsConfirmation'],
    ['a money mandate does not grant exemptions', [money250k], { kind: 'grantExemption', ruleCode: 'APV-2:48', madeOn: '2026-03-02' }, 'needsConfirmation'],
    ['agreeing a plan with that mandate', [plan], { kind: 'agreePlan', madeOn: '2026-03-02' }, 'binding'],
    ['agreeing a plan without it', [money50k, exemption], { kind: 'agreePlan', madeOn: '2026-03-02' }, 'needsConfirmation'],
    ['made before the mandate started', [m('later', { kind: 'agreePlan' }, '2026-04-01')], { kind: 'agreePlan', madeOn: '2026-03-31' }, 'needsConfirmation'],
    ['made on the mandate’s last day', [plan], { kind: 'agreePlan', madeOn: '2026-12-31' }, 'binding'],
    ['made after the mandate ended', [plan], { kind: 'agreePlan', madeOn: '2027-01-01' }, 'needsConfirmation'],
    ['no mandate at all (an alderman’s word in the corridor)', [], { kind: 'commitMoney', amountCents: 1, madeOn: '2026-03-02' }, 'needsConfirmation'],
  ] as [string, Mandate[], CommitmentDecision, string][])('%s', (_label, held, commitment, status) => {
    expect(commitmentStatusOnRecord(held, commitment)).toBe(status);
  });
});
