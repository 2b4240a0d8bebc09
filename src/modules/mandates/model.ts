// Pure rules of the mandate register (mandaatregister, issue 3 part 4): what a
// mandate must say, when it is in force, and which changes keep the register honest
// about the past. The checks that use mandates (mayOverrule, commitmentStatusOnRecord)
// live in assessments/model.ts. No I/O; tested in model.test.ts.
import type { IsoDate } from '../../kernel/calendar.js';
import { isIsoDate, withinPeriod } from '../../kernel/dates.js';
import type { FieldProblem } from '../../kernel/errors.js';
import type { Mandate, MandateHolder, MandateScope } from '../assessments/model.js';
import { STAFF_ROLES } from '../../platform/auth/index.js';
import { CODE_PATTERN, DOMAINS, keepsPastCitable, type RulePeriod } from '../rules/model.js';

export const SCOPE_KINDS = ['overrule', 'commitMoney', 'grantExemption', 'agreePlan'] as const;
export const DELEGATED_BY_MAX = 200;
/** Amounts are whole euro cents; the column is a bigint, JSON numbers are exact up to 2^53. */
export const MAX_CENTS = Number.MAX_SAFE_INTEGER;

export type MandateFields = Omit<Mandate, 'id'>;

function holderProblems(h: MandateHolder): FieldProblem[] {
  if (h.kind === 'role') {
    // Initiators are outside the municipality: they cannot hold a municipal mandate.
    return (STAFF_ROLES as readonly string[]).includes(h.role) ? [] : [{ field: 'holder.role', key: 'error.mandateStaffRoleOnly' }];
  }
  return h.userId ? [] : [{ field: 'holder.userId', key: 'error.required' }];
}

function scopeProblems(s: MandateScope): FieldProblem[] {
  switch (s.kind) {
    case 'overrule':
      return (DOMAINS as readonly string[]).includes(s.domain) ? [] : [{ field: 'scope.domain', key: 'error.ruleDomain' }];
    case 'commitMoney':
      return Number.isSafeInteger(s.upToCents) && s.upToCents >= 1 ? [] : [{ field: 'scope.upToCents', key: 'error.mandateAmount' }];
    case 'grantExemption':
      return CODE_PATTERN.test(s.ruleCode) ? [] : [{ field: 'scope.ruleCode', key: 'error.ruleCodeFormat' }];
    case 'agreePlan':
      return [];
    default: {
      const never: never = s;
      return never;
    }
  }
}

/** Everything wrong with a mandate, all at once, each naming its field. */
export function mandateProblems(f: MandateFields): FieldProblem[] {
  const problems = [...holderProblems(f.holder), ...scopeProblems(f.scope)];
  const by = f.delegatedBy.trim();
  if (!by) problems.push({ field: 'delegatedBy', key: 'error.mandateDelegatedBy' });
  else if (by.length > DELEGATED_BY_MAX) problems.push({ field: 'delegatedBy', key: 'error.tooLong', params: { max: DELEGATED_BY_MAX } });
  if (!isIsoDate(f.validFrom)) problems.push({ field: 'validFrom', key: 'error.isoDate' });
  if (f.validUntil !== null && !isIsoDate(f.validUntil)) problems.push({ field: 'validUntil', key: 'error.isoDate' });
  else if (f.validUntil !== null && isIsoDate(f.validFrom) && f.validUntil < f.validFrom)
    problems.push({ field: 'validUntil', key: 'error.mandateEndBeforeStart' });
  return problems;
}

/** In force on `onDate`: both ends inclusive (same rule as in assessments/model.ts). */
export const mandateInForce = (m: RulePeriod, onDate: IsoDate): boolean => withinPeriod(m, onDate);

/** Whether the mandate has been in force on any day up to and including `today`. */
export const hasBeenInForce = (m: RulePeriod, today: IsoDate): boolean => m.validFrom <= today;

export const sameHolder = (a: MandateHolder, b: MandateHolder): boolean =>
  a.kind === 'role' ? b.kind === 'role' && a.role === b.role : b.kind === 'person' && a.userId === b.userId;

export function sameScope(a: MandateScope, b: MandateScope): boolean {
  switch (a.kind) {
    case 'overrule':
      return b.kind === 'overrule' && a.domain === b.domain;
    case 'commitMoney':
      return b.kind === 'commitMoney' && a.upToCents === b.upToCents;
    case 'grantExemption':
      return b.kind === 'grantExemption' && a.ruleCode === b.ruleCode;
    case 'agreePlan':
      return b.kind === 'agreePlan';
    default: {
      const never: never = a;
      return never;
    }
  }
}

export type MandateChangeRefusal = { field: string; key: string } | null;

/**
 * Whether a change keeps the register true to the past (issue 3 part 4: a mandate is
 * the ground recorded with overrules and commitments, so it is never deleted):
 * - who holds it and what it allows may change only before it first came into force;
 *   afterwards the mandate is ended and a new one created;
 * - a day on which it was already in force cannot be taken away (as for rules):
 *   ending it today or later is fine, ending it yesterday is not.
 */
export function mandateChangeRefusal(before: MandateFields, after: MandateFields, today: IsoDate): MandateChangeRefusal {
  if (hasBeenInForce(before, today)) {
    if (!sameHolder(before.holder, after.holder)) return { field: 'holder', key: 'error.mandateWhoWhatFixed' };
    if (!sameScope(before.scope, after.scope)) return { field: 'scope', key: 'error.mandateWhoWhatFixed' };
  }
  if (!keepsPastCitable(before, after, today)) {
    return { field: after.validFrom > before.validFrom ? 'validFrom' : 'validUntil', key: 'error.mandateShortensPast' };
  }
  return null;
}
