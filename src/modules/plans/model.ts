// Pure rules of the plan (plan van aanpak): when a version is frozen, when it is
// agreed, what an action needs, and which mandates agreeing it needs.
import type { IsoDate } from '../../kernel/calendar.js';
import { formatMoney } from '../../kernel/format.js';
import { covers, type Mandate, type MandateDecision, mandateInForce } from '../mandates/index.js';

export type ActionOwnerKind = 'initiator' | 'director' | 'department' | 'external';
export type ActionStatus = 'open' | 'done' | 'dropped';

export interface PlanVersionState {
  initiatorAgreedAt: Date | null;
  directorAgreedAt: Date | null;
}

/** Agreed when both the initiator and the director agreed to this very version. */
export const isAgreed = (p: PlanVersionState) => p.initiatorAgreedAt !== null && p.directorAgreedAt !== null;

/**
 * A version that anyone agreed to is frozen: what someone said yes to never changes
 * under them. Changing it makes a new version that needs agreement again.
 */
export const isFrozen = (p: PlanVersionState) => p.initiatorAgreedAt !== null || p.directorAgreedAt !== null;

export interface ActionInput {
  ownerKind: ActionOwnerKind;
  ownerDepartmentId?: string | null;
  ownerName?: string | null;
}

/** An action owned by a department names it; one owned by an outside party names them. */
export function actionOwnerProblem(a: ActionInput): 'ownerDepartmentId' | 'ownerName' | null {
  if (a.ownerKind === 'department' && !a.ownerDepartmentId) return 'ownerDepartmentId';
  if (a.ownerKind === 'external' && !a.ownerName?.trim()) return 'ownerName';
  return null;
}

/** Why a plan cannot be agreed now; null when nothing stands in the way. */
export type AgreementBlock = 'standingObjection';

/**
 * A standing objection blocks agreement (docs/product.md#a-standing-objection): while an objection in
 * the integrated assessment stands — strict, or not overruled, withdrawn or resolved by a
 * new round — neither party agrees the plan, so the case does not go to executing.
 */
export const planAgreementBlock = (standingObjections: number): AgreementBlock | null => (standingObjections > 0 ? 'standingObjection' : null);
// ---- agreeing a plan within mandate ------------------------------------------------

/** What a plan commits the municipality to: money (euro cents) and exemptions from register rules. */
export interface PlanCommitments {
  amountCents: number | null;
  exemptionRuleCodes: readonly string[];
}

/** A plan commits the municipality when it promises money or an exemption (ontheffing). */
export const commitsMunicipality = (p: PlanCommitments): boolean => (p.amountCents ?? 0) > 0 || p.exemptionRuleCodes.length > 0;

/**
 * What the municipality's agreement to a plan decides, each needing a mandate
 * (docs/product.md#agreeing-a-plan-within-mandate): agreeing the plan itself, the
 * money up to its amount, and every exemption. A plan that commits nothing needs none.
 */
export function planDecisions(p: PlanCommitments): MandateDecision[] {
  if (!commitsMunicipality(p)) return [];
  return [
    { kind: 'agreePlan' },
    ...((p.amountCents ?? 0) > 0 ? [{ kind: 'commitMoney' as const, amountCents: p.amountCents ?? 0 }] : []),
    ...[...new Set(p.exemptionRuleCodes)].map((ruleCode) => ({ kind: 'grantExemption' as const, ruleCode })),
  ];
}

/**
 * For each decision, a mandate the agreeing person holds that is in force on `onDate`
 * and covers it; what no held mandate covers is `missing` (all of it at once).
 * `held` are the mandates the person holds by role or by name (mandatesHeldBy).
 */
export function planMandateCheck(held: readonly Mandate[], p: PlanCommitments, onDate: IsoDate): { used: Mandate[]; missing: MandateDecision[] } {
  const used: Mandate[] = [];
  const missing: MandateDecision[] = [];
  for (const d of planDecisions(p)) {
    const m = held.find((x) => mandateInForce(x, onDate) && covers(x.scope, d));
    if (m) {
      if (!used.includes(m)) used.push(m);
    } else missing.push(d);
  }
  return { used, missing };
}

/** What the missing mandates would allow, as words for the refusal, in Dutch and English. */
export function missingMandateWords(missing: readonly MandateDecision[]): { needsNl: string; needsEn: string } {
  const nl = missing.map((d) => {
    if (d.kind === 'commitMoney') return `geld toe te zeggen tot ${formatMoney(d.amountCents)}`;
    if (d.kind === 'grantExemption') return `ontheffing te verlenen van regel ${d.ruleCode}`;
    return 'een plan van aanpak te accorderen';
  });
  const en = missing.map((d) => {
    if (d.kind === 'commitMoney') return `commit money up to ${formatMoney(d.amountCents)}`;
    if (d.kind === 'grantExemption') return `grant an exemption from rule ${d.ruleCode}`;
    return 'agree a plan';
  });
  const list = (xs: string[], and: string) => (xs.length < 2 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} ${and} ${xs[xs.length - 1]}`);
  return { needsNl: list(nl, 'en'), needsEn: list(en, 'and') };
}
