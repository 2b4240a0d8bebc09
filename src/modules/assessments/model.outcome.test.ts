// The pure rules behind a truthful assessment (docs/product.md#a-standing-objection,
// docs/product.md#one-consolidated-outcome, docs/product.md#yes-by-silence): the summary, how an
// objection is resolved, an overrule that stays overruled, and no silence for nobody.
import { describe, expect, it } from 'vitest';
import { normalizeRuleCode, type OutcomeAnswer, outcomeWithResolutions, type PartyInRound, repeatedOverrule, roundSummary, silenceOutcome } from './model.js';

describe('roundSummary', () => {
  it.each([
    ['no round at all', null, 0, { state: 'none', pending: 0 }],
    [
      'right after opening nobody has answered: open, not consent',
      { number: 1, closed: false, answers: [null, null, null] },
      0,
      { state: 'open', pending: 3, yes: 0 },
    ],
    ['open with one yes', { number: 1, closed: false, answers: ['yes', null] }, 0, { state: 'open', pending: 1, yes: 1 }],
    ['closed, all yes', { number: 1, closed: true, answers: ['yes', 'silence'] }, 0, { state: 'consent', yes: 1, silence: 1 }],
    ['closed with conditions', { number: 2, closed: true, answers: ['yes', 'yesWithConditions'] }, 0, { state: 'conditions', conditions: 1, roundNumber: 2 }],
    [
      'closed with a standing objection',
      { number: 1, closed: true, answers: ['objection', 'yes'] },
      1,
      { state: 'objections', objections: 1, standingObjections: 1 },
    ],
    ['closed, the objection resolved', { number: 1, closed: true, answers: ['objection', 'yes'] }, 0, { state: 'consent', objections: 1 }],
    ['closed, a party nobody could answer for', { number: 1, closed: true, answers: [null, 'yes'] }, 0, { state: 'incomplete', notReached: 1, pending: 0 }],
    ['open rounds never say consent, even with every answer a yes so far', { number: 1, closed: false, answers: ['yes'] }, 0, { state: 'open' }],
  ] as const)('%s', (_, latest, standing, expected) => {
    expect(roundSummary(latest, standing)).toMatchObject(expected);
  });
});

describe('repeatedOverrule and rule codes', () => {
  const at = (d: string) => new Date(`${d}T10:00:00Z`);
  it('compares codes trimmed and case-insensitive', () => {
    expect(normalizeRuleCode(' op-4.12 ')).toBe('OP-4.12');
    expect(repeatedOverrule(['op-4.12 '], [{ codes: ['OP-4.12'], at: at('2026-03-02') }])).toMatchObject({ codes: ['OP-4.12'] });
  });
  it('names the earliest overrule among those that apply, and none for another rule', () => {
    const overrules = [
      { id: 'b', codes: ['OP-4.12'], at: at('2026-03-05') },
      { id: 'a', codes: ['APV-2:48', 'OP-4.12'], at: at('2026-03-02') },
    ];
    expect(repeatedOverrule(['OP-4.12'], overrules)?.id).toBe('a');
    expect(repeatedOverrule(['BIBOB'], overrules)).toBeNull();
  });
});

describe('silence is no yes from nobody', () => {
  it('records no silence for a party nobody could answer for', () => {
    expect(silenceOutcome('2026-03-16', ['a'], ['a', 'b', 'c'], '2026-03-17', ['c'])).toEqual({ asOf: '2026-03-16', partyIds: ['b'] });
  });
});

describe('outcomeWithResolutions', () => {
  const yes: OutcomeAnswer = { kind: 'yes', overrule: null, withdrawal: null };
  const objection = (o: Partial<OutcomeAnswer> = {}): OutcomeAnswer => ({ kind: 'objection', overrule: null, withdrawal: null, ...o });
  const by = (name: string) => ({ by: { name }, at: new Date('2026-03-03T10:00:00Z'), reason: 'reden' });
  const p = (roundNumber: number, key: string, answers: OutcomeAnswer[]): PartyInRound<OutcomeAnswer> => ({
    partyKey: key,
    roundId: `r${roundNumber}`,
    roundNumber,
    partyId: `${key}-${roundNumber}`,
    partyName: key,
    answers,
  });

  it('an objection without resolution stands', () => {
    const { objections } = outcomeWithResolutions([p(1, 'ro', [objection()])]);
    expect(objections).toMatchObject([{ standing: true, resolution: null }]);
  });
  it('an overrule stays in the outcome across rounds', () => {
    const { objections } = outcomeWithResolutions([p(1, 'ro', [objection({ overrule: by('Wethouder') })]), p(2, 'ro', [yes])]);
    expect(objections).toMatchObject([{ roundNumber: 1, standing: false, resolution: { by: 'overrule', byName: 'Wethouder' } }]);
  });
  it('a withdrawal resolves it', () => {
    const { objections } = outcomeWithResolutions([p(1, 'ro', [objection({ withdrawal: by('Specialist') })])]);
    expect(objections).toMatchObject([{ standing: false, resolution: { by: 'withdrawn', byName: 'Specialist' } }]);
  });
  it('a later round in which the party no longer objects resolves it; a later objection overtakes it', () => {
    expect(outcomeWithResolutions([p(1, 'ro', [objection()]), p(2, 'ro', [yes])]).objections).toMatchObject([
      { roundNumber: 1, standing: false, resolution: { by: 'newRound', roundNumber: 2 } },
    ]);
    expect(outcomeWithResolutions([p(1, 'ro', [objection()]), p(2, 'ro', [objection()])]).objections).toMatchObject([{ roundNumber: 2, standing: true }]);
  });
  it('conditions only of the latest round of each party', () => {
    const cond: OutcomeAnswer = { kind: 'yesWithConditions', overrule: null, withdrawal: null };
    expect(outcomeWithResolutions([p(1, 'ro', [cond]), p(2, 'ro', [yes]), p(1, 'oov', [cond])]).conditions.map((c) => c.partyId)).toEqual(['oov-1']);
  });
});
