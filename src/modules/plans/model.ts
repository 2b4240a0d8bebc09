// Pure rules of the plan (plan van aanpak): when a version is frozen, when it is
// agreed, what an action needs.

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
