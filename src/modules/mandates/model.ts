// Pure rules of the mandate register (mandaatregister, docs/product.md#the-mandate-register): what a
// mandate must say, when it is in force, and which changes keep the register honest
// about the past; who holds a mandate, and whether a commitment is within one.
// Overruling an objection with a mandate is the assessments module's rule. No I/O.
import type { IsoDate } from '../../kernel/calendar.js';
import { isIsoDate, withinPeriod } from '../../kernel/dates.js';
import type { FieldProblem } from '../../kernel/errors.js';
import { type Role, STAFF_ROLES } from '../../platform/auth/index.js';
import { CODE_PATTERN, DOMAINS, type Domain, keepsPastCitable, type RulePeriod } from '../rules/index.js';

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

/**
 * A mandate scoped to a collaboration (docs/product.md#mandates-within-a-collaboration) is
 * held by one named person — the collaboration's owner, which the service checks — and
 * allows committing money for agreements within that collaboration.
 */
function collaborationProblems(f: MandateFields): FieldProblem[] {
  if (!f.collaborationId) return [];
  const problems: FieldProblem[] = [];
  if (f.holder.kind !== 'person') problems.push({ field: 'holder', key: 'error.mandateCollaborationHolder' });
  if (f.scope.kind !== 'commitMoney') problems.push({ field: 'scope', key: 'error.mandateCollaborationScope' });
  return problems;
}

/** Everything wrong with a mandate, all at once, each naming its field. */
export function mandateProblems(f: MandateFields): FieldProblem[] {
  const problems = [...holderProblems(f.holder), ...scopeProblems(f.scope), ...collaborationProblems(f)];
  const by = f.delegatedBy.trim();
  if (!by) problems.push({ field: 'delegatedBy', key: 'error.mandateDelegatedBy' });
  else if (by.length > DELEGATED_BY_MAX) problems.push({ field: 'delegatedBy', key: 'error.tooLong', params: { max: DELEGATED_BY_MAX } });
  if (!isIsoDate(f.validFrom)) problems.push({ field: 'validFrom', key: 'error.isoDate' });
  if (f.validUntil !== null && !isIsoDate(f.validUntil)) problems.push({ field: 'validUntil', key: 'error.isoDate' });
  else if (f.validUntil !== null && isIsoDate(f.validFrom) && f.validUntil < f.validFrom)
    problems.push({ field: 'validUntil', key: 'error.mandateEndBeforeStart' });
  return problems;
}

/** In force on `onDate`: both ends inclusive. */
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
 * Whether a change keeps the register true to the past (docs/product.md#the-mandate-register: a mandate is
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
    // Where it applies is part of what it allows (docs/product.md#mandates-within-a-collaboration).
    if ((before.collaborationId ?? null) !== (after.collaborationId ?? null)) return { field: 'collaborationId', key: 'error.mandateWhoWhatFixed' };
  }
  if (!keepsPastCitable(before, after, today)) {
    return { field: after.validFrom > before.validFrom ? 'validFrom' : 'validUntil', key: 'error.mandateShortensPast' };
  }
  return null;
}

// ---- who holds a mandate, and what it allows ----------------------------------------

/** Who holds a mandate: everyone in a role, or one named person. */
export type MandateHolder = { kind: 'role'; role: Role } | { kind: 'person'; userId: string };

/** What a mandate allows (docs/product.md#the-mandate-register). Amounts are in euro cents. */
export type MandateScope =
  | { kind: 'overrule'; domain: Domain }
  | { kind: 'commitMoney'; upToCents: number }
  | { kind: 'grantExemption'; ruleCode: string }
  | { kind: 'agreePlan' };

export interface Mandate {
  id: string;
  holder: MandateHolder;
  scope: MandateScope;
  /** who delegated it: the college, the mayor, a department head */
  delegatedBy: string;
  validFrom: IsoDate;
  /** last day in force (inclusive); null: no end */
  validUntil: IsoDate | null;
  /**
   * The collaboration the mandate is scoped to (docs/product.md#mandates-within-a-collaboration);
   * null or absent: a mandate of the whole municipality.
   */
  collaborationId?: string | null;
}

export interface MandateSubject {
  userId: string | null;
  role: Role | null;
}

const holds = (s: MandateSubject, m: Mandate) =>
  m.holder.kind === 'role' ? s.role !== null && m.holder.role === s.role : s.userId !== null && m.holder.userId === s.userId;

/**
 * Whether a mandate may be used for a decision within `collaborationId` (null: a decision
 * outside every collaboration, such as a commitment on a case): a mandate of the whole
 * municipality applies everywhere, a mandate scoped to a collaboration only within that
 * collaboration (docs/product.md#mandates-within-a-collaboration).
 */
export const mandateWithinScope = (m: Mandate, collaborationId: string | null = null): boolean => !m.collaborationId || m.collaborationId === collaborationId;

/**
 * The mandates a person holds by role or by name (in force or not) that apply to a
 * decision within `collaborationId` — by default a decision outside every collaboration,
 * so a collaboration's mandate never covers a commitment on a case.
 */
export const mandatesHeldBy = (s: MandateSubject, mandates: readonly Mandate[], collaborationId: string | null = null): Mandate[] =>
  mandates.filter((m) => holds(s, m) && mandateWithinScope(m, collaborationId));

// ---- whether a commitment binds -------------------------------------------------------

/** `collaborationId`: the collaboration the decision is made within (an agreement); absent or null: none. */
export type CommitmentDecision = (
  | { kind: 'commitMoney'; amountCents: number; madeOn: IsoDate }
  | { kind: 'grantExemption'; ruleCode: string; madeOn: IsoDate }
  | { kind: 'agreePlan'; madeOn: IsoDate }
) & { collaborationId?: string | null };

/** What a commitment decides, for the mandate check; 'other' (a call-back, a meeting) no mandate covers. Amounts are in euro cents. */
export type MandateDecision =
  | { kind: 'commitMoney'; amountCents: number }
  | { kind: 'grantExemption'; ruleCode: string }
  | { kind: 'agreePlan' }
  | { kind: 'other' };

/** Whether a mandate's scope covers a decision: money up to its amount, an exemption of that very rule, or agreeing a plan. */
export const covers = (scope: MandateScope, d: MandateDecision): boolean => {
  switch (d.kind) {
    case 'commitMoney':
      return scope.kind === 'commitMoney' && d.amountCents <= scope.upToCents;
    case 'grantExemption':
      return scope.kind === 'grantExemption' && scope.ruleCode === d.ruleCode;
    case 'agreePlan':
      return scope.kind === 'agreePlan';
    case 'other':
      return false;
    default: {
      const never: never = d;
      return never;
    }
  }
};

/**
 * A commitment made within the maker's mandate is binding; outside it, it needs
 * confirmation by the mandate holder (docs/product.md#commitments-on-record). `makerMandates` are the
 * mandates the maker holds (see mandatesHeldBy); one must be in force on the day the
 * commitment was made and cover it: money up to its amount (per commitment), an
 * exemption of that very rule, or agreeing a plan; and apply where the decision is made
 * (mandateWithinScope: a collaboration's mandate only within that collaboration).
 */
export function commitmentStatusOnRecord(makerMandates: readonly Mandate[], commitment: CommitmentDecision): 'binding' | 'needsConfirmation' {
  return makerMandates.some(
    (m) => mandateWithinScope(m, commitment.collaborationId ?? null) && mandateInForce(m, commitment.madeOn) && covers(m.scope, commitment),
  )
    ? 'binding'
    : 'needsConfirmation';
}
