import { describe, expect, it } from 'vitest';
import { hasBeenInForce, type MandateFields, mandateChangeRefusal, mandateInForce, mandateProblems } from './model.js';

const base: MandateFields = {
  holder: { kind: 'role', role: 'executive' },
  scope: { kind: 'commitMoney', upToCents: 5_000_000 },
  delegatedBy: 'het college',
  validFrom: '2026-01-01',
  validUntil: '2026-12-31',
};
const fieldsOf = (f: MandateFields) => mandateProblems(f).map((p) => `${p.field}:${p.key}`);

describe('what a mandate must say (the mandate register)', () => {
  it.each<[string, Partial<MandateFields>, string[]]>([
    ['a complete role mandate', {}, []],
    ['a complete person mandate', { holder: { kind: 'person', userId: 'u-1' } }, []],
    ['an initiator cannot hold a mandate', { holder: { kind: 'role', role: 'initiator' } }, ['holder.role:error.mandateStaffRoleOnly']],
    ['a person mandate names the person', { holder: { kind: 'person', userId: '' } }, ['holder.userId:error.required']],
    ['the delegation is recorded: who delegated it', { delegatedBy: '  ' }, ['delegatedBy:error.mandateDelegatedBy']],
    ['delegated by at most 200 characters', { delegatedBy: 'x'.repeat(201) }, ['delegatedBy:error.tooLong']],
    ['money in whole cents', { scope: { kind: 'commitMoney', upToCents: 10.5 } }, ['scope.upToCents:error.mandateAmount']],
    ['money of at least one cent', { scope: { kind: 'commitMoney', upToCents: 0 } }, ['scope.upToCents:error.mandateAmount']],
    ['an exemption names a rule code', { scope: { kind: 'grantExemption', ruleCode: '=cmd' } }, ['scope.ruleCode:error.ruleCodeFormat']],
    ['an overrule mandate names a domain', { scope: { kind: 'overrule', domain: 'sports' as never } }, ['scope.domain:error.ruleDomain']],
    ['agreeing a plan needs nothing more', { scope: { kind: 'agreePlan' } }, []],
    ['no end is fine', { validUntil: null }, []],
    ['one day (end = start) is fine', { validUntil: '2026-01-01' }, []],
    ['an end before the start is refused', { validUntil: '2025-12-31' }, ['validUntil:error.mandateEndBeforeStart']],
    ['a date that does not exist', { validFrom: '2026-02-30' }, ['validFrom:error.isoDate']],
  ])('%s', (_, over, expected) => {
    expect(fieldsOf({ ...base, ...over })).toEqual(expected);
  });

  it('reports every problem at once', () => {
    expect(fieldsOf({ ...base, holder: { kind: 'role', role: 'initiator' }, delegatedBy: '', validUntil: '2025-01-01' })).toEqual([
      'holder.role:error.mandateStaffRoleOnly',
      'delegatedBy:error.mandateDelegatedBy',
      'validUntil:error.mandateEndBeforeStart',
    ]);
  });
});

describe('in force: both ends inclusive', () => {
  it.each([
    ['the day before it starts', '2025-12-31', false],
    ['its first day', '2026-01-01', true],
    ['its last day', '2026-12-31', true],
    ['the day after its last day', '2027-01-01', false],
  ])('%s', (_, day, expected) => {
    expect(mandateInForce(base, day)).toBe(expected);
  });
  it('without an end it stays in force', () => expect(mandateInForce({ ...base, validUntil: null }, '2099-01-01')).toBe(true));
  it('has been in force from its first day on', () => {
    expect(hasBeenInForce(base, '2025-12-31')).toBe(false);
    expect(hasBeenInForce(base, '2026-01-01')).toBe(true);
  });
});

describe('changes keep the past true', () => {
  const today = '2026-03-02';
  const future: MandateFields = { ...base, validFrom: '2026-04-01' };
  it.each<[string, MandateFields, Partial<MandateFields>, ReturnType<typeof mandateChangeRefusal>]>([
    ['correcting the delegation text is fine', base, { delegatedBy: 'de burgemeester' }, null],
    ['ending it today is fine', base, { validUntil: today }, null],
    ['ending it later is fine', base, { validUntil: '2026-06-30' }, null],
    ['ending it yesterday takes away a day it was in force', base, { validUntil: '2026-03-01' }, { field: 'validUntil', key: 'error.mandateShortensPast' }],
    ['starting it later takes away past days', base, { validFrom: '2026-02-01' }, { field: 'validFrom', key: 'error.mandateShortensPast' }],
    ['another holder once in force: refused', base, { holder: { kind: 'role', role: 'director' } }, { field: 'holder', key: 'error.mandateWhoWhatFixed' }],
    [
      'a higher amount once in force: refused',
      base,
      { scope: { kind: 'commitMoney', upToCents: 9_000_000 } },
      { field: 'scope', key: 'error.mandateWhoWhatFixed' },
    ],
    ['before it starts, the holder may change', future, { holder: { kind: 'person', userId: 'u-2' } }, null],
    ['before it starts, the scope may change', future, { scope: { kind: 'agreePlan' } }, null],
    ['before it starts, the start may move', future, { validFrom: '2026-05-01' }, null],
  ])('%s', (_, before, change, expected) => {
    expect(mandateChangeRefusal(before, { ...before, ...change }, today)).toEqual(expected);
  });
});
