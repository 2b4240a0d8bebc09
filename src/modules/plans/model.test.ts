import { describe, expect, it } from 'vitest';
import { translate } from '../../platform/i18n.js';
import type { Mandate } from '../mandates/index.js';
import { missingMandateWords, planAgreementBlock, planDecisions, planMandateCheck } from './model.js';

// A standing objection blocks agreement of the plan (docs/product.md#a-standing-objection).

describe('planAgreementBlock', () => {
  it('blocks while an objection stands, and only then', () => {
    expect(planAgreementBlock(0)).toBeNull();
    expect(planAgreementBlock(1)).toBe('standingObjection');
    expect(planAgreementBlock(3)).toBe('standingObjection');
  });
});

const m = (id: string, scope: Mandate['scope'], validFrom = '2026-01-01', validUntil: string | null = null): Mandate => ({
  id,
  holder: { kind: 'role', role: 'director' },
  scope,
  delegatedBy: 'het college',
  validFrom,
  validUntil,
});
const agree = m('agree', { kind: 'agreePlan' });
const money = m('money', { kind: 'commitMoney', upToCents: 2_500_000 });
const exemption = m('apv', { kind: 'grantExemption', ruleCode: 'APV-2:48' });
const plan = (amountCents: number | null, exemptionRuleCodes: string[] = []) => ({ amountCents, exemptionRuleCodes });

describe('agreeing a plan within mandate (docs/product.md#agreeing-a-plan-within-mandate)', () => {
  it.each([
    // [label, held, plan, day, used ids, missing kinds]
    ['a plan that commits nothing needs nothing', [], plan(null), '2026-03-02', [], []],
    ['an amount of zero commits nothing', [], plan(0), '2026-03-02', [], []],
    ['money needs agreeing and money', [agree, money], plan(2_500_000), '2026-03-02', ['agree', 'money'], []],
    ['one cent over the limit', [agree, money], plan(2_500_001), '2026-03-02', ['agree'], ['commitMoney']],
    ['a money mandate alone does not agree a plan', [money], plan(100), '2026-03-02', ['money'], ['agreePlan']],
    [
      'an exemption needs that very rule',
      [agree, m('other', { kind: 'grantExemption', ruleCode: 'APV-2:49' })],
      plan(null, ['APV-2:48']),
      '2026-03-02',
      ['agree'],
      ['grantExemption'],
    ],
    ['money and an exemption, all covered', [agree, money, exemption], plan(1, ['APV-2:48']), '2026-03-02', ['agree', 'money', 'apv'], []],
    ['ended the day before', [m('agree', { kind: 'agreePlan' }, '2026-01-01', '2026-03-01'), money], plan(1), '2026-03-02', ['money'], ['agreePlan']],
    ['the last day still counts', [m('agree', { kind: 'agreePlan' }, '2026-01-01', '2026-03-02'), money], plan(1), '2026-03-02', ['agree', 'money'], []],
    ['not yet in force', [m('agree', { kind: 'agreePlan' }, '2026-03-03'), money], plan(1), '2026-03-02', ['money'], ['agreePlan']],
  ] as const)('%s', (_label, held, p, day, used, missing) => {
    const r = planMandateCheck(held, p, day);
    expect(r.used.map((x) => x.id)).toEqual(used);
    expect(r.missing.map((d) => d.kind)).toEqual(missing);
  });

  it('lists each exemption once', () => {
    expect(planDecisions(plan(null, ['A-1', 'A-1']))).toEqual([{ kind: 'agreePlan' }, { kind: 'grantExemption', ruleCode: 'A-1' }]);
  });

  it('names what is missing in the refusal, in Dutch and English', () => {
    const words = missingMandateWords([
      { kind: 'agreePlan' },
      { kind: 'commitMoney', amountCents: 2_500_001 },
      { kind: 'grantExemption', ruleCode: 'APV-2:48' },
    ]);
    expect(translate('nl', 'error.planNeedsMandate', words)).toBe(
      'Voor dit plan is een mandaat nodig om een plan van aanpak te accorderen, geld toe te zeggen tot € 25.000,01 en ontheffing te verlenen van regel APV-2:48; u heeft zo’n mandaat vandaag niet.',
    );
    expect(translate('en', 'error.planNeedsMandate', missingMandateWords([{ kind: 'commitMoney', amountCents: 100 }]))).toBe(
      'This plan needs a mandate to commit money up to € 1,00; you hold no such mandate today.',
    );
  });
});
