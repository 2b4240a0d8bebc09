// The sharing agreement's lifecycle as a table (docs/product.md#sharing-agreements-between-municipalities).
import { describe, expect, it } from 'vitest';
import { type AgreementFacts, agreementStatus, approve, domainInScope, end, proposalProblems, requestOutcome, themesInScope } from './model.js';

const P = 'prov-0000';
const R = 'recv-0000';
const X = 'else-0000';
const base: AgreementFacts = {
  providerMunicipalityId: P,
  receiverMunicipalityId: R,
  state: 'proposed',
  providerApproved: false,
  receiverApproved: false,
  validFrom: '2026-03-01',
  validUntil: '2026-12-31',
};
const approved: AgreementFacts = { ...base, state: 'approved', providerApproved: true, receiverApproved: true };

describe('status on a day', () => {
  it.each([
    ['a proposal stays proposed, even within its period', base, '2026-04-01', 'proposed'],
    ['approved by one side only is still proposed', { ...base, providerApproved: true }, '2026-04-01', 'proposed'],
    ['approved by both before its first day', approved, '2026-02-28', 'approved'],
    ['active on its first day', approved, '2026-03-01', 'active'],
    ['active on its last day', approved, '2026-12-31', 'active'],
    ['expired the day after its last day', approved, '2027-01-01', 'ended'],
    ['without an end it stays active', { ...approved, validUntil: null }, '2040-01-01', 'active'],
    ['ended by an admin', { ...approved, state: 'ended' }, '2026-04-01', 'ended'],
    ['a proposal past its period is ended', base, '2027-01-01', 'ended'],
  ] as const)('%s', (_label, a, today, expected) => {
    expect(agreementStatus(a, today)).toBe(expected);
  });
});

describe('approving', () => {
  it.each([
    ['the provider approves first: still proposed', base, P, { ok: true, side: 'provider', state: 'proposed' }],
    ['the receiver approves first: still proposed', base, R, { ok: true, side: 'receiver', state: 'proposed' }],
    ['the second approval makes it approved', { ...base, providerApproved: true }, R, { ok: true, side: 'receiver', state: 'approved' }],
    ['an admin approving twice is refused', { ...base, providerApproved: true }, P, { ok: false, refusal: 'alreadyApproved' }],
    // The side follows from the admin's municipality: the provider cannot approve for the receiver.
    ['the same municipality cannot approve for the other', { ...base, providerApproved: true }, P, { ok: false, refusal: 'alreadyApproved' }],
    ['a municipality outside the agreement is refused', base, X, { ok: false, refusal: 'notParty' }],
    ['an ended agreement is not approved', { ...base, state: 'ended', providerApproved: true }, R, { ok: false, refusal: 'ended' }],
    ['a fully approved one is not approved again', approved, R, { ok: false, refusal: 'alreadyApproved' }],
  ] as const)('%s', (_label, a, who, expected) => {
    expect(approve(a, who, '2026-04-01')).toEqual(expected);
  });

  it('a proposal past its last day is not approved any more', () => {
    expect(approve(base, R, '2027-01-01')).toEqual({ ok: false, refusal: 'expired' });
  });
});

describe('ending', () => {
  it.each([
    ['the provider ends an active agreement', approved, P, '2026-04-01', { ok: true, side: 'provider' }],
    ['the receiver ends an active agreement', approved, R, '2026-04-01', { ok: true, side: 'receiver' }],
    ['ending before activation (approved, not begun) is allowed', approved, R, '2026-02-01', { ok: true, side: 'receiver' }],
    ['ending a proposal withdraws it', base, P, '2026-02-01', { ok: true, side: 'provider' }],
    ['ending twice is refused', { ...approved, state: 'ended' }, P, '2026-04-01', { ok: false, refusal: 'ended' }],
    ['an expired agreement has ended already', approved, P, '2027-01-02', { ok: false, refusal: 'expired' }],
    ['a municipality outside the agreement is refused', approved, X, '2026-04-01', { ok: false, refusal: 'notParty' }],
  ] as const)('%s', (_label, a, who, today, expected) => {
    expect(end(a, who, today)).toEqual(expected);
  });
});

describe('a proposal', () => {
  const ok = {
    receiverMunicipalityId: R,
    what: 'Toetsing omgevingsrecht',
    departmentIds: ['d1'],
    ruleDomains: [],
    themeIds: [],
    validFrom: '2026-03-01',
    validUntil: null,
  };
  it.each([
    ['a complete proposal has no problems', ok, []],
    ['to itself is refused', { ...ok, receiverMunicipalityId: P }, ['receiverMunicipality']],
    ['without a description', { ...ok, what: '  ' }, ['what']],
    ['without departments', { ...ok, departmentIds: [] }, ['departmentIds']],
    ['a department twice', { ...ok, departmentIds: ['d1', 'd1'] }, ['departmentIds']],
    ['a theme twice', { ...ok, themeIds: ['t1', 't1'] }, ['themeIds']],
    ['ending before it starts', { ...ok, validUntil: '2026-02-01' }, ['validUntil']],
    ['a period already over', { ...ok, validFrom: '2025-01-01', validUntil: '2025-12-31' }, ['validUntil']],
    ['every problem at once', { ...ok, receiverMunicipalityId: P, what: '', departmentIds: [] }, ['receiverMunicipality', 'what', 'departmentIds']],
  ] as const)('%s', (_label, p, fields) => {
    expect(proposalProblems(p, P, '2026-02-15').map((x) => x.field)).toEqual(fields);
  });

  it.each([
    [[], 'physical', true],
    [['physical'], 'physical', true],
    [['physical', 'safety'], 'social', false],
  ] as const)('rule domains %j admit %s: %s', (domains, domain, expected) => {
    expect(domainInScope(domains, domain)).toBe(expected);
  });
});

// docs/product.md#themes-in-a-sharing-agreement
describe('themes in scope', () => {
  it.each([
    ['no themes in scope: every case, also one without themes', [], [], true],
    ['no themes in scope: a case with themes', [], ['t1'], true],
    ['a case with a theme in scope', ['t1', 't2'], ['t2'], true],
    ['one of the case’s themes in scope is enough', ['t1'], ['t3', 't1'], true],
    ['a case whose themes are all outside the scope', ['t1'], ['t2', 't3'], false],
    ['a case without themes is outside a scope that names themes', ['t1'], [], false],
  ] as const)('%s', (_label, scope, caseThemes, expected) => {
    expect(themesInScope(scope, caseThemes)).toBe(expected);
  });
});

// docs/product.md#requests-to-other-municipalities-in-figures
describe('a request answered on time', () => {
  const term = '2026-03-16';
  it.each([
    ['answered before the last day', '2026-03-10', false, false, 'onTime'],
    ['answered on the last day', '2026-03-16', true, false, 'onTime'],
    ['answered the day after (a late objection)', '2026-03-17', true, false, 'late'],
    ['answered late after a yes by silence: the silence is no answer', '2026-04-01', true, false, 'late'],
    ['only a yes by silence: not answered', null, true, false, 'silent'],
    ['the round closed without any answer (not reached)', null, true, false, 'silent'],
    ['returned when the agreement ended', null, false, true, 'silent'],
    ['the round still waits for it', null, false, false, 'open'],
  ] as const)('%s', (_label, answeredOn, roundClosed, returned, expected) => {
    expect(requestOutcome({ termEndsOn: term, answeredOn, roundClosed, returned })).toBe(expected);
  });
});
