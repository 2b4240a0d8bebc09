// The pure rules of collaborations: validation and the health check
// (docs/product.md#collaborations, docs/product.md#the-health-check-of-a-collaboration).
import { describe, expect, it } from 'vitest';
import {
  agreementLinkState,
  type CollaborationFields,
  collaborationProblems,
  type HealthInput,
  type HealthIssue,
  healthCheck,
  healthSentence,
  type PartyFields,
  partyConfirms,
  partyProblems,
  readingProblems,
  targetProblems,
} from './model.js';

// A healthy collaboration on 2026-03-02: a target, a recent reading, two parties that
// each contribute and gain, one with the final say, nothing overdue, phase entered last year.
const healthy: HealthInput = {
  today: '2026-03-02',
  ownerName: 'Ria Regisseur',
  startOn: '2025-09-01',
  endOn: '2026-12-31',
  endKind: 'end',
  phase: 'implementation',
  phaseSince: '2025-10-01',
  targets: [{ indicator: 'Meldingen overlast' }],
  lastReadingOn: '2026-02-01',
  parties: [
    { name: 'Politie', contributions: 1, yield: 'Minder meldingen', finalSay: ['Inzet handhaving'] },
    { name: 'Winkeliersvereniging', contributions: 2, yield: 'Veiliger winkelgebied', finalSay: [] },
  ],
  overdueAgreements: [],
};

const codes = (h: HealthInput) => healthCheck(h).map((i) => i.code);

describe('the health check', () => {
  it('finds nothing wrong with a healthy collaboration', () => {
    expect(healthCheck(healthy)).toEqual([]);
  });

  it.each([
    // [label, change, expected issues]
    ['a goal without any target', { targets: [], lastReadingOn: null }, [{ code: 'goalWithoutTarget', actor: 'Ria Regisseur' }]],
    [
      'a party that contributes nothing: the party acts',
      { parties: [{ ...healthy.parties[0], contributions: 0 }, healthy.parties[1]] },
      [{ code: 'partyWithoutContribution', actor: 'Politie', party: 'Politie' }],
    ],
    [
      'a party without a yield (blank counts as none): the owner acts',
      { parties: [healthy.parties[0], { ...healthy.parties[1], yield: '  ' }] },
      [{ code: 'partyWithoutYield', actor: 'Ria Regisseur', party: 'Winkeliersvereniging' }],
    ],
    [
      'nobody has the final say on anything',
      { parties: [{ ...healthy.parties[0], finalSay: [' '] }, healthy.parties[1]] },
      [{ code: 'powerNotSettled', actor: 'Ria Regisseur' }],
    ],
    ['no parties at all: power is not settled', { parties: [] }, [{ code: 'powerNotSettled', actor: 'Ria Regisseur' }]],
    [
      'an agreement overdue: its maker acts',
      { overdueAgreements: [{ madeBy: 'Politie', what: 'Extra surveillance', dueOn: '2026-02-15' }] },
      [{ code: 'agreementOverdue', actor: 'Politie', what: 'Extra surveillance', dueOn: '2026-02-15' }],
    ],
    ['the end date was yesterday', { endOn: '2026-03-01' }, [{ code: 'endPassed', actor: 'Ria Regisseur', endOn: '2026-03-01' }]],
    ['the end date is today: not yet passed', { endOn: '2026-03-02' }, []],
    // 2025-12-02 + 90 days = 2026-03-02: exactly 90 days is not more than 90
    ['the last reading exactly 90 days ago', { lastReadingOn: '2025-12-02' }, []],
    ['the last reading 91 days ago', { lastReadingOn: '2025-12-01' }, [{ code: 'noRecentReading', actor: 'Ria Regisseur', since: '2025-12-01' }]],
    ['never a reading, started more than 90 days ago', { lastReadingOn: null }, [{ code: 'noRecentReading', actor: 'Ria Regisseur', since: null }]],
    ['never a reading, started 30 days ago', { lastReadingOn: null, startOn: '2026-01-31', phaseSince: '2026-01-31' }, []],
    // 2025-03-02 + 365 days = 2026-03-02
    ['the phase entered exactly a year ago', { phaseSince: '2025-03-02' }, []],
    [
      'the phase unchanged for more than a year',
      { phaseSince: '2025-03-01' },
      [{ code: 'phaseStale', actor: 'Ria Regisseur', phase: 'implementation', since: '2025-03-01' }],
    ],
  ] as [string, Partial<HealthInput>, HealthIssue[]][])('%s', (_label, change, expected) => {
    expect(healthCheck({ ...healthy, ...change })).toEqual(expected);
  });

  it('reports every issue at once, in a fixed order', () => {
    const all: HealthInput = {
      ...healthy,
      targets: [],
      lastReadingOn: null,
      endOn: '2026-01-31',
      phaseSince: '2024-01-01',
      parties: [{ name: 'Sportclub', contributions: 0, yield: '', finalSay: [] }],
      overdueAgreements: [{ madeBy: 'Sportclub', what: 'Velden open', dueOn: '2026-02-01' }],
    };
    expect(codes(all)).toEqual([
      'goalWithoutTarget',
      'partyWithoutContribution',
      'partyWithoutYield',
      'powerNotSettled',
      'agreementOverdue',
      'endPassed',
      'phaseStale',
    ]);
  });

  it('says each issue as a sentence naming who should act, in Dutch and in English', () => {
    const [police, shops] = healthy.parties as [HealthInput['parties'][0], HealthInput['parties'][0]];
    const [i] = healthCheck({ ...healthy, parties: [police, { ...shops, yield: '' }] }) as [HealthIssue];
    expect(healthSentence(i)).toBe('Voor Winkeliersvereniging staat niet vast wat het oplevert. Ria Regisseur spreekt dat met Winkeliersvereniging af.');
    expect(healthSentence(i, 'en')).toBe('What Winkeliersvereniging gets out of it is not settled. Ria Regisseur should agree it with Winkeliersvereniging.');
    const [end] = healthCheck({ ...healthy, endOn: '2026-02-28' }) as [HealthIssue];
    expect(healthSentence(end)).toContain('(28 februari 2026)');
    expect(healthSentence(end)).toContain('Ria Regisseur besluit');
  });
});

describe('valid input', () => {
  const collab: CollaborationFields = {
    name: 'Jeugdoverlast Centrum',
    description: '',
    goal: 'Minder overlast',
    ownerUserId: 'x',
    startOn: '2026-01-01',
    endOn: '2026-12-31',
    endKind: 'review',
  };
  it.each([
    ['a complete collaboration', {}, []],
    ['a blank name', { name: '   ' }, ['name']],
    ['an end before the start', { endOn: '2025-12-31' }, ['endOn']],
    ['a start that is no date', { startOn: '2026-02-30' }, ['startOn']],
  ] as [string, Partial<CollaborationFields>, string[]][])('collaboration: %s', (_l, change, fields) => {
    expect(collaborationProblems({ ...collab, ...change }).map((p) => p.field)).toEqual(fields);
  });

  const party: PartyFields = {
    kind: 'organisation',
    departmentId: null,
    municipalityId: null,
    name: 'Winkeliersvereniging',
    orgType: 'nonprofit',
    kvkNumber: '12345678',
    contactName: 'Jan',
    contactEmail: 'jan@example.nl',
    decidesAlone: ['Openingstijden'],
    decidesTogether: [],
    finalSay: [],
    yield: '',
    contributions: [{ kind: 'money', amount: 250_000, description: '' }],
  };
  it.each([
    ['a complete party', {}, []],
    ['a KvK number of 7 digits', { kvkNumber: '1234567' }, ['kvkNumber']],
    ['a KvK number with letters', { kvkNumber: '1234567a' }, ['kvkNumber']],
    ['a department party without its department', { kind: 'department' }, ['departmentId']],
    ['a municipality party without its municipality', { kind: 'municipality' }, ['municipalityId']],
    ['a bad e-mail address', { contactEmail: 'jan' }, ['contactEmail']],
    ['an empty power line', { finalSay: ['ok', ' '] }, ['finalSay.1']],
    ['money without an amount', { contributions: [{ kind: 'money', amount: null, description: '' }] }, ['contributions.0.amount']],
    ['negative hours', { contributions: [{ kind: 'hours', amount: -1, description: '' }] }, ['contributions.0.amount']],
    ['data with an amount', { contributions: [{ kind: 'data', amount: 3, description: 'Cijfers' }] }, ['contributions.0.amount']],
    ['assets without a description', { contributions: [{ kind: 'assets', amount: null, description: '' }] }, ['contributions.0.description']],
  ] as [string, Partial<PartyFields>, string[]][])('party: %s', (_l, change, fields) => {
    expect(partyProblems({ ...party, ...change }).map((p) => p.field)).toEqual(fields);
  });

  it('targets need an indicator, a unit, numbers and a date; readings are not in the future', () => {
    expect(targetProblems({ indicator: 'Meldingen', baseline: 40, targetValue: 20, unit: 'per maand', targetOn: '2026-12-31' })).toEqual([]);
    expect(targetProblems({ indicator: '', baseline: Number.NaN, targetValue: 20, unit: '', targetOn: 'morgen' }).map((p) => p.field)).toEqual([
      'indicator',
      'unit',
      'baseline',
      'targetOn',
    ]);
    expect(readingProblems({ readOn: '2026-03-02', value: 31, note: '' }, '2026-03-02')).toEqual([]);
    expect(readingProblems({ readOn: '2026-03-03', value: 31, note: '' }, '2026-03-02').map((p) => p.field)).toEqual(['readOn']);
  });
});

describe('agreements: who confirms, and whether the outside party’s link still works', () => {
  it.each([
    // [label, party kind, confirms its own agreement through the link]
    ['an outside organisation gives its own word', 'organisation', true],
    ['another municipality gives its own word', 'municipality', true],
    ['a department goes through the mandate register', 'department', false],
  ] as const)('%s', (_label, kind, expected) => {
    expect(partyConfirms(kind)).toBe(expected);
  });

  const now = new Date('2026-03-10T12:00:00Z');
  it.each([
    // [label, expires at, answer, state]
    ['open before it expires', new Date('2026-03-10T12:00:01Z'), null, 'open'],
    ['expired at the very moment', new Date('2026-03-10T12:00:00Z'), null, 'expired'],
    ['expired after', new Date('2026-03-01T00:00:00Z'), null, 'expired'],
    ['no link at all', null, null, 'expired'],
    ['used once confirmed, even before it would expire', new Date('2026-04-01T00:00:00Z'), 'confirmed', 'used'],
    ['used once disputed, also after it expired', new Date('2026-03-01T00:00:00Z'), 'disputed', 'used'],
  ] as const)('%s', (_label, expiresAt, answer, expected) => {
    expect(agreementLinkState({ link_expires_at: expiresAt, party_answer: answer }, now)).toBe(expected);
  });
});
