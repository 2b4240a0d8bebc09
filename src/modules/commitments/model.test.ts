import { describe, expect, it } from 'vitest';
import { dutchCalendar } from '../../kernel/calendar.js';
import type { Mandate, MandateSubject } from '../mandates/index.js';
import {
  amendmentProblems,
  type CommitmentStatus,
  confirmRight,
  coveringMandates,
  type Decision,
  holderExists,
  isOverdue,
  outcomeProblems,
  type RecordFields,
  recordProblems,
  reminderDue,
  statusOnRecord,
} from './model.js';

// A plausible register: executives may commit up to € 50.000 (delegated by the
// college), one named alderman up to € 250.000 until mid-year, the coordinator agrees
// plans, and the head of Ruimte may grant exemptions of OP-4.12.
const mandates: Mandate[] = [
  {
    id: 'm-exec-money',
    holder: { kind: 'role', role: 'executive' },
    scope: { kind: 'commitMoney', upToCents: 5_000_000 },
    delegatedBy: 'het college',
    validFrom: '2026-01-01',
    validUntil: null,
  },
  {
    id: 'm-alderman-money',
    holder: { kind: 'person', userId: 'alderman' },
    scope: { kind: 'commitMoney', upToCents: 25_000_000 },
    delegatedBy: 'het college',
    validFrom: '2026-01-01',
    validUntil: '2026-06-30',
  },
  {
    id: 'm-coord-plan',
    holder: { kind: 'role', role: 'coordinator' },
    scope: { kind: 'agreePlan' },
    delegatedBy: 'de gemeentesecretaris',
    validFrom: '2026-01-01',
    validUntil: null,
  },
  {
    id: 'm-head-exemption',
    holder: { kind: 'person', userId: 'head' },
    scope: { kind: 'grantExemption', ruleCode: 'OP-4.12' },
    delegatedBy: 'afdelingshoofd Ruimte',
    validFrom: '2026-02-01',
    validUntil: null,
  },
];
const alderman = { userId: 'alderman', role: 'executive' as const };
const otherExecutive = { userId: 'other-exec', role: 'executive' as const };
const director = { userId: 'director', role: 'director' as const };
const coordinator = { userId: 'coord', role: 'coordinator' as const };
const head = { userId: 'head', role: 'specialist' as const };
const outside = { userId: null, role: null };
const money = (amountCents: number): Decision => ({ kind: 'commitMoney', amountCents });

describe('status on record: within the maker’s mandate binding, outside it needs confirmation (commitments on record)', () => {
  it.each<[string, MandateSubject, Decision, string, string, string[]]>([
    ['role mandate: an executive exactly at the limit', otherExecutive, money(5_000_000), '2026-03-02', 'binding', ['m-exec-money']],
    ['role mandate: one cent over the limit', otherExecutive, money(5_000_001), '2026-03-02', 'needsConfirmation', []],
    ['person mandate: the named alderman above the role limit', alderman, money(20_000_000), '2026-03-02', 'binding', ['m-alderman-money']],
    ['person mandate is not the role’s: another executive, same amount', otherExecutive, money(20_000_000), '2026-03-02', 'needsConfirmation', []],
    ['the last day of the person mandate still counts', alderman, money(20_000_000), '2026-06-30', 'binding', ['m-alderman-money']],
    ['the day after, only the role mandate remains', alderman, money(20_000_000), '2026-07-01', 'needsConfirmation', []],
    ['the day after, the role mandate still covers a small amount', alderman, money(100), '2026-07-01', 'binding', ['m-exec-money']],
    ['before the mandate starts it covers nothing', otherExecutive, money(100), '2025-12-31', 'needsConfirmation', []],
    ['a director holds no money mandate', director, money(100), '2026-03-02', 'needsConfirmation', []],
    ['exemption of the very rule, by the named head', head, { kind: 'grantExemption', ruleCode: 'OP-4.12' }, '2026-03-02', 'binding', ['m-head-exemption']],
    ['exemption of another rule is not covered', head, { kind: 'grantExemption', ruleCode: 'APV-2:48' }, '2026-03-02', 'needsConfirmation', []],
    ['exemption before the delegation started', head, { kind: 'grantExemption', ruleCode: 'OP-4.12' }, '2026-01-31', 'needsConfirmation', []],
    ['agreeing a plan by the coordinator’s role mandate', coordinator, { kind: 'agreePlan' }, '2026-03-02', 'binding', ['m-coord-plan']],
    ['agreeing a plan by a director without mandate', director, { kind: 'agreePlan' }, '2026-03-02', 'needsConfirmation', []],
    ['an outside person holds no mandate, whatever the amount', outside, money(1), '2026-03-02', 'needsConfirmation', []],
    ['other: a staff user answers for their own work', director, { kind: 'other' }, '2026-03-02', 'binding', []],
    ['other: from an outside person it needs confirmation', outside, { kind: 'other' }, '2026-03-02', 'needsConfirmation', []],
  ])('%s', (_, maker, decision, madeOn, status, mandateIds) => {
    expect(statusOnRecord(maker, decision, madeOn, mandates)).toEqual({ status, mandateIds });
  });
});

// docs/product.md#mandates-within-a-collaboration: the owner's mandate binds an agreement within its own collaboration only
describe('status on record within a collaboration: its own mandates count there, nowhere else', () => {
  const owner = { userId: 'owner', role: 'coordinator' as const };
  const scoped: Mandate[] = [
    ...mandates,
    {
      id: 'm-owner-collab',
      holder: { kind: 'person', userId: 'owner' },
      scope: { kind: 'commitMoney', upToCents: 500_000 },
      delegatedBy: 'het college',
      validFrom: '2026-01-01',
      validUntil: null,
      collaborationId: 'collab-1',
    },
  ];
  it.each<[string, string | null, number, string, string[]]>([
    ['within its collaboration, up to the amount', 'collab-1', 250_000, 'binding', ['m-owner-collab']],
    ['within its collaboration, above the amount', 'collab-1', 500_001, 'needsConfirmation', []],
    ['within another collaboration', 'collab-2', 250_000, 'needsConfirmation', []],
    ['on a case', null, 250_000, 'needsConfirmation', []],
  ])('%s', (_, collaborationId, amount, status, mandateIds) => {
    expect(statusOnRecord(owner, money(amount), '2026-03-02', scoped, collaborationId)).toEqual({ status, mandateIds });
  });
  it('a mandate of the whole municipality applies within every collaboration too', () => {
    expect(statusOnRecord(otherExecutive, money(100), '2026-03-02', scoped, 'collab-1')).toEqual({ status: 'binding', mandateIds: ['m-exec-money'] });
  });
});

describe('who may confirm: the holder of a covering mandate in force today', () => {
  it.each<[string, MandateSubject, Decision, string, ReturnType<typeof confirmRight>]>([
    ['the named alderman confirms € 200.000', alderman, money(20_000_000), '2026-03-02', { allowed: true, mandateIds: ['m-alderman-money'], byBody: false }],
    ['after the person mandate ended, not any more', alderman, money(20_000_000), '2026-07-01', { allowed: false }],
    [
      'an executive confirms within the role mandate',
      otherExecutive,
      money(5_000_000),
      '2026-03-02',
      { allowed: true, mandateIds: ['m-exec-money'], byBody: false },
    ],
    ['an executive cannot confirm above it', otherExecutive, money(5_000_001), '2026-03-02', { allowed: false }],
    ['the coordinator cannot confirm money without a mandate', coordinator, money(100), '2026-03-02', { allowed: false }],
    [
      'the coordinator confirms an outside person’s other commitment',
      coordinator,
      { kind: 'other' },
      '2026-03-02',
      { allowed: true, mandateIds: [], byBody: false },
    ],
    ['a director cannot confirm an other commitment', director, { kind: 'other' }, '2026-03-02', { allowed: false }],
    [
      'the head confirms the exemption',
      head,
      { kind: 'grantExemption', ruleCode: 'OP-4.12' },
      '2026-03-02',
      { allowed: true, mandateIds: ['m-head-exemption'], byBody: false },
    ],
  ])('%s', (_, who, decision, today, expected) => {
    expect(confirmRight(who, decision, mandates, today)).toEqual(expected);
  });

  // The delegating body decides (docs/product.md#the-delegating-body-decides): outside every mandate in force, it decides and the coordinator records it.
  const staff: MandateSubject[] = [alderman, otherExecutive, coordinator, director, head];
  it.each<[string, MandateSubject, Decision, string, ReturnType<typeof confirmRight>]>([
    [
      'nobody holds a mandate for € 500.000,01: the coordinator records the body’s decision',
      coordinator,
      money(50_000_001),
      '2026-03-02',
      { allowed: true, mandateIds: [], byBody: true },
    ],
    ['… but no one else may', otherExecutive, money(50_000_001), '2026-03-02', { allowed: false }],
    [
      'an exemption of a rule no mandate names: the coordinator records the body’s decision',
      coordinator,
      { kind: 'grantExemption', ruleCode: 'APV-2:48' },
      '2026-03-02',
      { allowed: true, mandateIds: [], byBody: true },
    ],
    ['within the alderman’s mandate the holder path stays: not the coordinator', coordinator, money(20_000_000), '2026-03-02', { allowed: false }],
    [
      'after the alderman’s mandate ended nobody holds one for € 200.000: the body',
      coordinator,
      money(20_000_000),
      '2026-07-01',
      { allowed: true, mandateIds: [], byBody: true },
    ],
  ])('%s', (_, who, decision, today, expected) => {
    const noHolder = !holderExists(decision, mandates, today, staff);
    expect(confirmRight(who, decision, mandates, today, noHolder)).toEqual(expected);
  });

  it('a covering mandate held only by a role nobody has does not count as a holder', () => {
    expect(holderExists(money(5_000_000), mandates, '2026-03-02', [coordinator])).toBe(false);
    expect(holderExists(money(5_000_000), mandates, '2026-03-02', [otherExecutive])).toBe(true);
    expect(holderExists({ kind: 'other' }, mandates, '2026-03-02', [])).toBe(true);
  });

  it('lists every covering mandate held, by role and by name', () => {
    expect(coveringMandates(alderman, money(100), mandates, '2026-03-02').map((m) => m.id)).toEqual(['m-exec-money', 'm-alderman-money']);
  });
});

describe('how a commitment ends', () => {
  it.each<[string, CommitmentStatus, 'kept' | 'broken' | 'withdrawn', string | null, ReturnType<typeof outcomeProblems>]>([
    ['kept needs no reason', 'binding', 'kept', null, []],
    ['broken needs a reason', 'binding', 'broken', ' ', [{ field: 'reason', key: 'error.reasonRequired' }]],
    ['broken with a reason', 'binding', 'broken', 'Budget niet vrijgekomen', []],
    ['withdrawn needs a reason', 'needsConfirmation', 'withdrawn', null, [{ field: 'reason', key: 'error.reasonRequired' }]],
    ['withdrawn with a reason', 'needsConfirmation', 'withdrawn', 'Plan gewijzigd', []],
    ['a declined commitment is final', 'declined', 'kept', null, 'notOpen'],
    ['a kept commitment is final', 'kept', 'withdrawn', 'toch niet', 'notOpen'],
  ])('%s', (_, from, to, reason, expected) => {
    expect(outcomeProblems(from, to, reason)).toEqual(expected);
  });
});

describe('overdue and reminders', () => {
  const cal = dutchCalendar();
  it.each<[string, CommitmentStatus, string, string, boolean]>([
    ['due today is on time', 'binding', '2026-03-02', '2026-03-02', false],
    ['the day after the due date it is overdue', 'binding', '2026-03-02', '2026-03-03', true],
    ['awaiting confirmation can be overdue too', 'needsConfirmation', '2026-03-02', '2026-03-03', true],
    ['kept is never overdue', 'kept', '2026-03-02', '2026-04-01', false],
    ['withdrawn is never overdue', 'withdrawn', '2026-03-02', '2026-04-01', false],
  ])('%s', (_, status, due, today, expected) => {
    expect(isOverdue(status, due, today)).toBe(expected);
  });

  it.each<[string, CommitmentStatus, string, string, boolean]>([
    // Friday 2026-03-13 due: five working days before is Friday 2026-03-06.
    ['six working days before: not yet', 'binding', '2026-03-13', '2026-03-05', false],
    ['five working days before: due', 'binding', '2026-03-13', '2026-03-06', true],
    ['on the due date itself: still due', 'binding', '2026-03-13', '2026-03-13', true],
    ['after the due date: no reminder, it is overdue', 'binding', '2026-03-13', '2026-03-16', false],
    ['a closed commitment is never reminded', 'kept', '2026-03-13', '2026-03-10', false],
    // Kingsday (Monday 2026-04-27) is not a working day: the reminder moves a day earlier.
    ['Koningsdag is not counted: Tuesday 28 April due → reminder from Monday 20 April', 'binding', '2026-04-28', '2026-04-20', true],
    ['… and not on Friday 17 April', 'binding', '2026-04-28', '2026-04-17', false],
  ])('%s', (_, status, due, today, expected) => {
    expect(reminderDue(cal, status, due, today)).toBe(expected);
  });
});

describe('what a new commitment and an amendment need', () => {
  const ok: RecordFields = {
    madeBy: { name: 'P. de Vries', role: 'wethouder Economie' },
    what: 'De gemeente betaalt de helft van de gevelreiniging.',
    dueOn: '2026-04-01',
    madeVia: 'meeting',
    madeOn: '2026-03-02',
    decision: money(250_000),
  };
  const fields = (f: RecordFields) => recordProblems(f, '2026-03-02').map((p) => p.field);
  it.each<[string, Partial<RecordFields>, string[]]>([
    ['complete', {}, []],
    ['what exactly is required', { what: '  ' }, ['what']],
    ['an outside person needs a role', { madeBy: { name: 'P. de Vries', role: '' } }, ['madeBy.role']],
    ['made in the future is refused', { madeOn: '2026-03-03', dueOn: '2026-04-01' }, ['madeOn']],
    ['due before it was made is refused', { dueOn: '2026-03-01' }, ['dueOn']],
    ['due on the day it was made is fine', { dueOn: '2026-03-02' }, []],
    ['money in whole cents', { decision: money(0.5) }, ['decision.amountCents']],
    ['a named outside recipient needs a name', { madeTo: { name: ' ' } }, ['madeTo.name']],
    // nothing half-written (docs/product.md#nothing-half-written): what the database would refuse is refused first, by field
    ['a named outside recipient with a bad e-mail address', { madeTo: { name: 'F. de Vries', email: 'fatima-at-example' } }, ['madeTo.email']],
    ['a named outside recipient without an e-mail address is fine', { madeTo: { name: 'F. de Vries', email: null } }, []],
    ['a maker id that is not an id', { madeBy: { userId: 'erik' } }, ['madeBy.userId']],
    ['a recipient id that is not an id', { madeTo: { userId: 'fatima' } }, ['madeTo.userId']],
    ['an outside maker’s name over 200 characters', { madeBy: { name: 'x'.repeat(201), role: 'wethouder' } }, ['madeBy.name']],
  ])('%s', (_, over, expected) => {
    expect(fields({ ...ok, ...over })).toEqual(expected);
  });

  const current = { what: 'Helft betalen', dueOn: '2026-04-01', madeOn: '2026-03-02' };
  it.each<[string, { what?: string; dueOn?: string; reason: string }, string[]]>([
    ['a new due date with a reason', { dueOn: '2026-05-01', reason: 'Offerte later' }, []],
    ['a reason is required', { dueOn: '2026-05-01', reason: '' }, ['reason']],
    ['nothing changed is refused', { what: 'Helft betalen', reason: 'Geen' }, ['what']],
    ['an unchanged due date alone is refused on the due date, not on what', { dueOn: '2026-04-01', reason: 'Geen' }, ['dueOn']],
    ['both sent and unchanged: both named', { what: 'Helft betalen', dueOn: '2026-04-01', reason: 'Geen' }, ['what', 'dueOn']],
    ['nothing sent: both named', { reason: 'Geen' }, ['what', 'dueOn']],
    ['a due date before the day it was made', { dueOn: '2026-03-01', reason: 'x' }, ['dueOn']],
  ])('%s', (_, change, expected) => {
    expect(amendmentProblems(current, change).map((p) => p.field)).toEqual(expected);
  });
});
