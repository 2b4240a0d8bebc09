import { describe, expect, it } from 'vitest';
import {
  type CommitmentDecision,
  commitmentStatusOnRecord,
  hasBeenInForce,
  type Mandate,
  type MandateFields,
  mandateChangeRefusal,
  mandateInForce,
  mandateProblems,
  mandatesHeldBy,
  mandateWithinScope,
} from './model.js';

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

describe('mandates within a collaboration (docs/product.md#mandates-within-a-collaboration)', () => {
  const scoped: MandateFields = { ...base, holder: { kind: 'person', userId: 'u-owner' }, collaborationId: 'c-1' };
  it.each<[string, Partial<MandateFields>, string[]]>([
    ['held by a named person, committing money: fine', {}, []],
    ['not by a role', { holder: { kind: 'role', role: 'coordinator' } }, ['holder:error.mandateCollaborationHolder']],
    ['not an overrule', { scope: { kind: 'overrule', domain: 'safety' } }, ['scope:error.mandateCollaborationScope']],
    ['not an exemption', { scope: { kind: 'grantExemption', ruleCode: 'APV-2:1' } }, ['scope:error.mandateCollaborationScope']],
    ['not agreeing a plan', { scope: { kind: 'agreePlan' } }, ['scope:error.mandateCollaborationScope']],
    [
      'without a collaboration a role mandate for a plan is fine',
      { collaborationId: null, holder: { kind: 'role', role: 'coordinator' }, scope: { kind: 'agreePlan' } },
      [],
    ],
  ])('%s', (_, over, expected) => {
    expect(fieldsOf({ ...scoped, ...over })).toEqual(expected);
  });

  const whole: Mandate = { id: 'm-whole', ...base, holder: { kind: 'person', userId: 'u-owner' }, validUntil: null };
  const own: Mandate = { ...whole, id: 'm-own', collaborationId: 'c-1' };
  const other: Mandate = { ...whole, id: 'm-other', collaborationId: 'c-2' };
  it.each<[string, Mandate, string | null, boolean]>([
    ['a mandate of the whole municipality applies outside every collaboration', whole, null, true],
    ['a mandate of the whole municipality applies within a collaboration', whole, 'c-1', true],
    ['a collaboration mandate applies within its collaboration', own, 'c-1', true],
    ['a collaboration mandate does not apply within another collaboration', own, 'c-2', false],
    ['a collaboration mandate does not apply outside every collaboration (a case)', own, null, false],
  ])('within scope: %s', (_, m, collaborationId, expected) => {
    expect(mandateWithinScope(m, collaborationId)).toBe(expected);
  });

  it('the mandates a person holds for a decision: by default outside every collaboration', () => {
    const all = [whole, own, other];
    const owner = { userId: 'u-owner', role: 'coordinator' as const };
    expect(mandatesHeldBy(owner, all).map((m) => m.id)).toEqual(['m-whole']);
    expect(mandatesHeldBy(owner, all, 'c-1').map((m) => m.id)).toEqual(['m-whole', 'm-own']);
    expect(mandatesHeldBy(owner, all, 'c-2').map((m) => m.id)).toEqual(['m-whole', 'm-other']);
  });

  const money = (amountCents: number, collaborationId?: string | null): CommitmentDecision => ({
    kind: 'commitMoney',
    amountCents,
    madeOn: '2026-03-02',
    ...(collaborationId === undefined ? {} : { collaborationId }),
  });
  it.each<[string, CommitmentDecision, 'binding' | 'needsConfirmation']>([
    ['an agreement of that collaboration within the amount binds', money(5_000_000, 'c-1'), 'binding'],
    ['above the amount it needs confirmation', money(5_000_001, 'c-1'), 'needsConfirmation'],
    ['an agreement of another collaboration needs confirmation', money(100, 'c-2'), 'needsConfirmation'],
    ['a commitment on a case is never covered by it', money(100), 'needsConfirmation'],
    ['nor when the case commitment says so explicitly', money(100, null), 'needsConfirmation'],
  ])('a collaboration mandate alone: %s', (_, decision, expected) => {
    expect(commitmentStatusOnRecord([own], decision)).toBe(expected);
  });
  it('a mandate of the whole municipality still covers a case commitment and an agreement', () => {
    expect(commitmentStatusOnRecord([whole], money(100))).toBe('binding');
    expect(commitmentStatusOnRecord([whole], money(100, 'c-2'))).toBe('binding');
  });
  it('a collaboration mandate is not in force outside its period', () => {
    expect(commitmentStatusOnRecord([{ ...own, validFrom: '2026-04-01' }], money(100, 'c-1'))).toBe('needsConfirmation');
  });

  it.each<[string, Partial<MandateFields>, ReturnType<typeof mandateChangeRefusal>]>([
    ['once in force, the collaboration is fixed', { collaborationId: 'c-2' }, { field: 'collaborationId', key: 'error.mandateWhoWhatFixed' }],
    [
      'once in force, it cannot become a mandate of the whole municipality',
      { collaborationId: null },
      { field: 'collaborationId', key: 'error.mandateWhoWhatFixed' },
    ],
    ['ending it today is fine', { validUntil: '2026-03-02' }, null],
    ['ending it yesterday takes away a day it was in force', { validUntil: '2026-03-01' }, { field: 'validUntil', key: 'error.mandateShortensPast' }],
  ])('the past stays citable: %s', (_, change, expected) => {
    expect(mandateChangeRefusal(scoped, { ...scoped, ...change }, '2026-03-02')).toEqual(expected);
  });
  it('before it starts, the collaboration may change', () => {
    const future = { ...scoped, validFrom: '2026-04-01' };
    expect(mandateChangeRefusal(future, { ...future, collaborationId: 'c-2' }, '2026-03-02')).toBeNull();
  });
});
