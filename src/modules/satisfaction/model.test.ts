import { describe, expect, it } from 'vitest';
import {
  answerProblems,
  averageOf,
  changeableUntil,
  distributionOf,
  linkState,
  needsFollowUp,
  notifiesCoordinators,
  responseRateOf,
  type SurveyAnswer,
  surveyDue,
} from './model.js';

describe('who gets a survey when (docs/product.md#the-report-mark)', () => {
  const c = { initiatorId: 'u1', personalDataRemoved: false };
  it.each([
    // [label, input, expected]
    ['closed: always asked', { moment: 'closed', c, initiatorPseudonymised: false, askAtPlanAgreement: false, alreadySent: false }, true],
    ['plan agreed, setting off: not asked', { moment: 'planAgreed', c, initiatorPseudonymised: false, askAtPlanAgreement: false, alreadySent: false }, false],
    ['plan agreed, setting on: asked', { moment: 'planAgreed', c, initiatorPseudonymised: false, askAtPlanAgreement: true, alreadySent: false }, true],
    ['never a second survey for the same moment', { moment: 'closed', c, initiatorPseudonymised: false, askAtPlanAgreement: false, alreadySent: true }, false],
    [
      'an unconfirmed intake has no initiator',
      { moment: 'closed', c: { ...c, initiatorId: null }, initiatorPseudonymised: false, askAtPlanAgreement: false, alreadySent: false },
      false,
    ],
    [
      'personal data removed from the case',
      { moment: 'closed', c: { ...c, personalDataRemoved: true }, initiatorPseudonymised: false, askAtPlanAgreement: false, alreadySent: false },
      false,
    ],
    ['the initiator was pseudonymised', { moment: 'closed', c, initiatorPseudonymised: true, askAtPlanAgreement: true, alreadySent: false }, false],
  ] as const)('%s', (_label, input, expected) => {
    expect(surveyDue(input)).toBe(expected);
  });
});

describe('the link and the 14-day change window', () => {
  const sent = new Date('2026-03-02T09:00:00Z');
  const expires = new Date('2026-03-16T09:00:00Z'); // 14 days after sending
  const first = new Date('2026-03-10T12:00:00Z');
  it.each([
    ['unanswered, within the link lifetime', { linkExpiresAt: expires, firstAnsweredAt: null }, sent, 'answer'],
    ['unanswered, a second before expiry', { linkExpiresAt: expires, firstAnsweredAt: null }, new Date(expires.getTime() - 1000), 'answer'],
    ['unanswered, at expiry', { linkExpiresAt: expires, firstAnsweredAt: null }, expires, 'expired'],
    ['answered, the same day', { linkExpiresAt: expires, firstAnsweredAt: first }, first, 'change'],
    // past the link's own lifetime, but within 14 days of the first answer: still changeable
    ['answered, after the link would have expired', { linkExpiresAt: expires, firstAnsweredAt: first }, new Date('2026-03-20T12:00:00Z'), 'change'],
    ['answered, 13 days 23 hours later', { linkExpiresAt: expires, firstAnsweredAt: first }, new Date('2026-03-24T11:00:00Z'), 'change'],
    ['answered, exactly 14 days later', { linkExpiresAt: expires, firstAnsweredAt: first }, new Date('2026-03-24T12:00:00Z'), 'closed'],
  ] as const)('%s', (_label, s, now, expected) => {
    expect(linkState(s, now)).toBe(expected);
  });
  it('the window is counted from the first answer, not from a change', () => {
    expect(changeableUntil(first).toISOString()).toBe('2026-03-24T12:00:00.000Z');
  });
});

describe('a mark below 6 (docs/product.md#a-low-mark-is-followed-up)', () => {
  it.each([
    ['first answer 5: told', null, 5, true],
    ['first answer 6: not told', null, 6, false],
    ['first answer 1: told', null, 1, true],
    ['changed from 7 to 4: told', 7, 4, true],
    ['changed from 4 to 7: not told', 4, 7, false],
    ['changed from 4 to 3: told already', 4, 3, false],
    ['changed from 6 to 5: told', 6, 5, true],
  ] as const)('%s', (_label, previous, mark, expected) => {
    expect(notifiesCoordinators(previous, mark)).toBe(expected);
  });
  it.each([
    ['low, no follow-up yet', 4, null, true],
    ['low, follow-up still open', 4, 'open', true],
    ['low, follow-up done', 4, 'done', false],
    ['changed from 4 to 7: off the list, even with an open follow-up', 7, 'open', false],
    ['never answered', null, null, false],
  ] as const)('on the to-do list: %s', (_label, mark, last, expected) => {
    expect(needsFollowUp(mark, last)).toBe(expected);
  });
});

describe('an answer', () => {
  const ok: SurveyAnswer = { mark: 8, directorClear: null, planConcrete: 5, promisesKept: 1, speed: null, comment: 'Goed' };
  it('accepts a valid answer', () => expect(answerProblems(ok)).toEqual([]));
  it('reports every problem at once', () => {
    expect(answerProblems({ ...ok, mark: 11, speed: 0, planConcrete: 2.5, comment: 'x'.repeat(2001) }).map((p) => p.field)).toEqual([
      'mark',
      'planConcrete',
      'speed',
      'comment',
    ]);
  });
  it.each([0, 11, 7.5])('refuses mark %s', (mark) => expect(answerProblems({ ...ok, mark }).map((p) => p.field)).toEqual(['mark']));
});

describe('figures', () => {
  it('averages with one decimal, none without answers', () => {
    expect(averageOf(0, 0)).toBeNull();
    expect(averageOf(22, 3)).toBe(7.3); // 7.333…
    expect(averageOf(15, 2)).toBe(7.5);
  });
  it('has no response rate when nothing was sent, rather than 0 %', () => {
    expect(responseRateOf(0, 0)).toBeNull();
    expect(responseRateOf(0, 4)).toBe(0);
    expect(responseRateOf(3, 4)).toBe(0.75);
  });
  it('lists every mark 1..10 in the distribution', () => {
    const d = distributionOf([
      { mark: 8, count: 2 },
      { mark: 3, count: 1 },
    ]);
    expect(d.map((x) => x.mark)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(d.filter((x) => x.count > 0)).toEqual([
      { mark: 3, count: 1 },
      { mark: 8, count: 2 },
    ]);
  });
});
