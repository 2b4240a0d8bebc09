import { describe, expect, it } from 'vitest';
import {
  answeredInReopenedWindow,
  answerWindowOpen,
  type EarlierRound,
  isEmailAddress,
  latestPerParty,
  mayOpenRoundOn,
  normalizeProposal,
  type ProposalRound,
  partyKey,
  proposalLink,
  type RoundInput,
  type RuleVersion,
  roundProblems,
  roundsOnSameProposal,
  serialObjection,
} from './model.js';

describe('on which cases a round may be opened', () => {
  it.each([
    ['submitted', false], // no director yet: intake first
    ['intake', true],
    ['planning', true],
    ['executing', true],
    ['closed', false], // nothing left to assess
    ['withdrawn', false],
  ] as const)('%s → %s', (status, allowed) => {
    expect(mayOpenRoundOn(status)).toBe(allowed);
  });
});

describe('when a party may still answer or amend', () => {
  const open = { closedAt: null, termEndsOn: '2026-03-16' };
  const closed = { closedAt: new Date('2026-03-10T10:00:00Z'), termEndsOn: '2026-03-16' };
  it.each([
    // [label, round, reopened until, today, open?]
    ['an open round before its term end', open, null, '2026-03-10', true],
    ['the last day of the term still counts', open, null, '2026-03-16', true],
    ['the day after the term end (job not run yet)', open, null, '2026-03-17', false],
    ['a round closed because everyone answered', closed, null, '2026-03-11', false],
    ['reopened for this party by an admitted late objection', closed, '2026-03-20', '2026-03-20', true],
    ['the reopening has ended', closed, '2026-03-20', '2026-03-23', false],
  ] as const)('%s', (_label, round, reopened, today, expected) => {
    expect(answerWindowOpen(round, reopened, today)).toBe(expected);
  });
});

describe('one party across rounds', () => {
  it('is the same department, or the same outside e-mail in any case', () => {
    expect(partyKey({ kind: 'department', departmentId: 'd1', email: null })).toBe('department:d1');
    expect(partyKey({ kind: 'outside', departmentId: null, email: ' Buur@Example.nl ' })).toBe(
      partyKey({ kind: 'outside', departmentId: null, email: 'buur@example.nl' }),
    );
  });
});

describe('no serial objections', () => {
  const v = (code: string, validFrom = '2020-01-01', validUntil: string | null = null): RuleVersion => ({ code, validFrom, validUntil });
  const r1: EarlierRound = { roundId: 'r1', openedOn: '2026-03-02', termEndsOn: '2026-03-16', partyAsked: true, objectedCodes: [] };
  it.each([
    // [label, cited versions, earlier rounds, expected]
    ['asked before, said yes, now objects with a rule that existed then: serial', [v('OP-4.12')], [r1], { roundId: 'r1', codes: ['OP-4.12'] }],
    ['objected with the same rule before: an ordinary answer', [v('OP-4.12')], [{ ...r1, objectedCodes: ['OP-4.12'] }], null],
    ['not asked in the earlier round: an ordinary answer', [v('OP-4.12')], [{ ...r1, partyAsked: false }], null],
    ['the rule entered into force after the earlier round: an ordinary answer', [v('NEW-1', '2026-04-01')], [r1], null],
    ['the rule entered into force on the last day of the earlier term: serial', [v('NEW-1', '2026-03-16')], [r1], { roundId: 'r1', codes: ['NEW-1'] }],
    ['the rule had expired before the earlier round: an ordinary answer', [v('OLD-1', '2020-01-01', '2026-03-01')], [r1], null],
    [
      'a newer version of a rule that was citable then counts as the same rule',
      [v('OP-4.12', '2020-01-01', '2026-03-31'), v('OP-4.12', '2026-04-01')],
      [r1],
      { roundId: 'r1', codes: ['OP-4.12'] },
    ],
    ['only the rules it could have raised are named', [v('OP-4.12'), v('NEW-1', '2026-04-01')], [r1], { roundId: 'r1', codes: ['OP-4.12'] }],
    [
      'one of two rules was raised before, the other not: serial for the other',
      [v('OP-4.12'), v('APV-2:48')],
      [{ ...r1, objectedCodes: ['OP-4.12'] }],
      { roundId: 'r1', codes: ['APV-2:48'] },
    ],
    ['no earlier round on the same proposal', [v('OP-4.12')], [], null],
    [
      'the earliest round where it could have been raised is named',
      [v('OP-4.12')],
      [{ ...r1, roundId: 'r2', openedOn: '2026-04-01', termEndsOn: '2026-04-15' }, r1],
      { roundId: 'r1', codes: ['OP-4.12'] },
    ],
  ] as const)('%s', (_label, cited, earlier, expected) => {
    expect(serialObjection(cited, earlier)).toEqual(expected);
  });
});

describe('the same proposal (serial objections: a changed proposal must actually change)', () => {
  const r = (number: number, proposal: string, sameProposalAs: string | null = null): ProposalRound => ({ id: `r${number}`, number, proposal, sameProposalAs });
  it.each([
    ['  Autospuiterij in de loods  ', 'autospuiterij in de loods'],
    ['Autospuiterij\n\tin   de LOODS', 'autospuiterij in de loods'],
    ['Autospuiterij in de loods, met cabine', 'autospuiterij in de loods, met cabine'],
  ])('%j is compared as %j', (raw, normal) => {
    expect(normalizeProposal(raw)).toBe(normal);
  });

  const earlier = [r(1, 'Autospuiterij in de loods'), r(2, 'Een werkplaats zonder spuitcabine'), r(3, 'autospuiterij  IN de loods', 'r1')];
  it.each<[string, string, string | null | undefined, string | null]>([
    ['the same text, other spacing and case, no link given: the latest such round', ' AUTOSPUITERIJ in de loods ', undefined, 'r3'],
    ['the same text with sameProposalAs null: linked all the same', 'Autospuiterij in de loods', null, 'r3'],
    ['an explicit link is kept as given', 'Autospuiterij in de loods', 'r2', 'r2'],
    ['a changed proposal, no link: none', 'Autospuiterij in de loods met een spuitcabine en filter', undefined, null],
    ['a changed proposal with an explicit link: kept', 'Iets anders', 'r1', 'r1'],
  ])('%s', (_label, proposal, explicit, expected) => {
    expect(proposalLink(proposal, explicit, earlier)).toBe(expected);
  });

  it.each<[string, ProposalRound, ProposalRound[], string[]]>([
    ['linked by sameProposalAs only', r(3, 'Tekst B', 'r1'), [r(1, 'Tekst A'), r(2, 'Tekst C')], ['r1']],
    ['the same text, whatever sameProposalAs says (none)', r(3, 'tekst  a'), [r(1, 'Tekst A'), r(2, 'Tekst C')], ['r1']],
    ['the same text, while sameProposalAs names another round: both', r(3, 'Tekst A', 'r2'), [r(1, 'Tekst A'), r(2, 'Tekst C')], ['r1', 'r2']],
    ['followed on: a linked round whose text equals an earlier one', r(4, 'Tekst D', 'r3'), [r(1, 'Tekst B'), r(2, 'Tekst C'), r(3, 'Tekst B')], ['r1', 'r3']],
    ['only earlier rounds count, never the round itself or a later one', r(2, 'Tekst A'), [r(1, 'Tekst A'), r(2, 'Tekst A'), r(3, 'Tekst A')], ['r1']],
    ['a changed proposal without a link: none', r(2, 'Tekst B'), [r(1, 'Tekst A')], []],
  ])('%s', (_label, round, caseRounds, expected) => {
    expect(roundsOnSameProposal(round, caseRounds).map((x) => x.id)).toEqual(expected);
  });
});

describe('an answer in a window reopened by an admitted late objection stays late (late objection)', () => {
  const open = { closedAt: null, termEndsOn: '2026-03-16' };
  const closed = { closedAt: new Date('2026-03-10T10:00:00Z'), termEndsOn: '2026-03-16' };
  it.each([
    ['in the round’s own window: not late', open, null, '2026-03-10', false],
    ['in its own window while also reopened (a serial objection admitted): not late', open, '2026-03-20', '2026-03-12', false],
    ['closed, reopened for the party: late', closed, '2026-03-20', '2026-03-18', true],
    ['the term passed (job not run), reopened: late', open, '2026-03-20', '2026-03-18', true],
    ['closed and not reopened (that is a late objection, not an answer)', closed, null, '2026-03-18', false],
  ] as const)('%s', (_label, round, reopened, today, expected) => {
    expect(answeredInReopenedWindow(round, reopened, today)).toBe(expected);
  });
});

describe('one consolidated outcome per party', () => {
  it('takes each party’s answer in the latest round in which it has one', () => {
    const out = latestPerParty([
      { partyKey: 'department:ro', roundNumber: 1, kind: 'objection' },
      { partyKey: 'department:oov', roundNumber: 1, kind: 'yesWithConditions' },
      { partyKey: 'department:ro', roundNumber: 2, kind: 'yesWithConditions' },
    ]);
    expect(out).toEqual([
      { partyKey: 'department:oov', roundNumber: 1, kind: 'yesWithConditions' },
      { partyKey: 'department:ro', roundNumber: 2, kind: 'yesWithConditions' },
    ]);
  });
});

describe('what a new round needs, all at once, before anything is written', () => {
  const dept = '11111111-1111-4111-8111-111111111111';
  const ok: RoundInput = { proposal: 'Autospuiterij', departmentIds: [dept], outsideParties: [{ name: 'Buren', email: 'buren@example.nl' }] };
  it.each<[string, Partial<RoundInput>, string[]]>([
    ['a complete round', {}, []],
    ['no proposal', { proposal: '  ' }, ['proposal']],
    ['a proposal over 4000 characters', { proposal: 'x'.repeat(4001) }, ['proposal']],
    ['nobody asked', { departmentIds: [], outsideParties: [] }, ['departmentIds']],
    ['the same department twice', { departmentIds: [dept, dept] }, ['departmentIds.1']],
    ['a department id that is not an id', { departmentIds: [dept, 'ruimte'] }, ['departmentIds.1']],
    // the second outside party: every problem names its own field
    [
      'a bad e-mail address on the second outside party',
      {
        outsideParties: [
          { name: 'Buren', email: 'buren@example.nl' },
          { name: 'X', email: 'x@' },
        ],
      },
      ['outsideParties.1.email'],
    ],
    [
      'the same address twice, whatever the case',
      {
        outsideParties: [
          { name: 'A', email: 'a@example.nl' },
          { name: 'B', email: 'A@Example.nl ' },
        ],
      },
      ['outsideParties.1.email'],
    ],
    ['a name over 200 characters', { outsideParties: [{ name: 'x'.repeat(201), email: 'a@example.nl' }] }, ['outsideParties.0.name']],
    [
      'an organisation over 200 characters',
      { outsideParties: [{ name: 'A', email: 'a@example.nl', organisation: 'x'.repeat(201) }] },
      ['outsideParties.0.organisation'],
    ],
    ['a term of 0 working days', { termWorkingDays: 0 }, ['termWorkingDays']],
    ['a term of 61 working days', { termWorkingDays: 61 }, ['termWorkingDays']],
    ['a term of 60 working days', { termWorkingDays: 60 }, []],
    ['a term of 2.5 working days', { termWorkingDays: 2.5 }, ['termWorkingDays']],
  ])('%s', (_label, change, fields) => {
    expect(roundProblems({ ...ok, ...change }).map((p) => p.field)).toEqual(fields);
  });

  it.each([
    ['buren@example.nl', true],
    ['b.de.vries@gemeente.voorbeeld.nl', true],
    ['geen-adres', false],
    ['naam@domein', false], // no top-level domain
    ['na am@example.nl', false],
    ['@example.nl', false],
    [`${'a'.repeat(310)}@example.nl`, false], // over 320 characters
  ] as const)('e-mail address %s → %s', (address, valid) => {
    expect(isEmailAddress(address)).toBe(valid);
  });
});
