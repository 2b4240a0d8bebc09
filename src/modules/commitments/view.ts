// How a commitment is shown: the row with its case, the overdue flag and what the
// actor may do; and who is asked to confirm one (the holders of a covering mandate).
import type { IsoDate } from '../../kernel/calendar.js';
import { dutchDate } from '../../kernel/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import type { Role } from '../../platform/db/schema.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { activeCoordinators } from '../assessments/index.js';
import type { Mandate, MandateSubject } from '../mandates/index.js';
import { mails } from '../notifications/index.js';
import { type CommitmentStatus, confirmRight, type Decision, holderExists, isOverdue } from './model.js';
import { type CommitmentAbilities, commitmentAbilities } from './policy.js';
import { type CommitmentRow, decisionOf, forPolicy, staffUsers } from './repo.js';

export interface CommitmentView {
  id: string;
  /** the case it belongs to; null for an agreement within a collaboration */
  caseId: string | null;
  caseReference: string | null;
  caseTitle: string | null;
  /** the collaboration it belongs to (docs/product.md#agreements-within-a-collaboration); null on a case */
  collaborationId: string | null;
  collaborationName: string | null;
  madeBy: { userId: string | null; name: string; role: string };
  madeTo: { userId: string | null; name: string };
  what: string;
  dueOn: IsoDate;
  madeVia: CommitmentRow['made_via'];
  madeOn: IsoDate;
  decision: Decision;
  status: CommitmentStatus;
  statusReason: string | null;
  mandateIds: string[];
  confirmedBy: { userId: string; name: string } | null;
  /** confirmed or declined by the delegating body (college, mayor), recorded by `confirmedBy` */
  decidedByBody: boolean;
  overdue: boolean;
  version: number;
  recordedAt: Date;
  updatedAt: Date;
  abilities: CommitmentAbilities;
}

/**
 * `staff` (active staff users, see staffSubjects) tells whether anyone holds a covering
 * mandate; without it a coordinator is not offered to record the body's decision.
 */
export function present(
  ctx: Ctx,
  r: CommitmentRow,
  mandates: readonly Mandate[],
  staff?: readonly MandateSubject[],
  /** an agreement within a collaboration: whether the actor keeps it, as the collaborations module decides */
  hosted?: { manage: boolean; confirmByMandate: boolean },
): CommitmentView {
  const today = dutchDate(ctx.clock.now());
  const decision = decisionOf(r);
  const noHolder = r.status === 'needsConfirmation' && staff !== undefined && !holderExists(decision, mandates, today, staff);
  const right = confirmRight({ userId: ctx.actor.userId, role: ctx.actor.role }, decision, mandates, today, noHolder);
  return {
    id: r.id,
    caseId: r.case_id,
    caseReference: r.case_reference,
    caseTitle: r.case_title,
    collaborationId: r.collaboration_id,
    collaborationName: r.collaboration_name,
    madeBy: { userId: r.made_by_user_id, name: r.made_by_name, role: r.made_by_role },
    madeTo: { userId: r.made_to_user_id, name: r.made_to_name },
    what: r.what,
    dueOn: r.due_on,
    madeVia: r.made_via,
    madeOn: r.made_on,
    decision,
    status: r.status,
    statusReason: r.status_reason,
    mandateIds: r.mandate_ids,
    confirmedBy: r.confirmed_by ? { userId: r.confirmed_by, name: r.confirmed_by_name ?? '' } : null,
    decidedByBody: r.confirmed_by_body,
    overdue: isOverdue(r.status, r.due_on, today),
    version: r.version,
    recordedAt: r.created_at,
    updatedAt: r.updated_at,
    abilities: hosted ? hostedAbilities(r.status, right, hosted) : commitmentAbilities(ctx.actor, forPolicy(r), right),
  };
}

/**
 * What the actor may do with an agreement within a collaboration: amend and end it when
 * they keep the collaboration and it is open; confirm it as the mandate holder, unless
 * the maker (an outside party) confirms it itself through its link.
 */
const hostedAbilities = (status: CommitmentStatus, right: { allowed: boolean; byBody?: boolean }, h: { manage: boolean; confirmByMandate: boolean }) => {
  const open = status === 'binding' || status === 'needsConfirmation';
  const confirm = status === 'needsConfirmation' && h.confirmByMandate && right.allowed;
  return { amend: open && h.manage, end: open && h.manage, confirm, confirmByBody: confirm && right.byBody === true };
};

/** Timeline events about a commitment made to the initiator are shared with them. */
export const visibilityOf = (r: Pick<CommitmentRow, 'made_to_user_id' | 'case_initiator_id'>) =>
  r.case_initiator_id !== null && r.made_to_user_id === r.case_initiator_id ? 'shared' : 'internal';

/**
 * Who holds a mandate in force today that covers the decision, by role or by name (the
 * people asked to confirm); for 'other', the coordinators (model.confirmRight).
 */
export async function confirmers(trx: Tx, mId: string, decision: Decision, mandates: readonly Mandate[], today: IsoDate) {
  if (decision.kind === 'other') return staffUsers(trx, mId, { roles: ['coordinator'], ids: [] });
  const roles = new Set<Role>();
  const ids = new Set<string>();
  for (const m of mandates) {
    const h = m.holder;
    const subject = h.kind === 'role' ? { userId: null, role: h.role } : { userId: h.userId, role: null };
    if (!confirmRight(subject, decision, [m], today).allowed) continue;
    if (h.kind === 'role') roles.add(h.role);
    else ids.add(h.userId);
  }
  return staffUsers(trx, mId, { roles: [...roles], ids: [...ids] });
}

/** The active staff users of the municipality as mandate subjects (who could hold a mandate). */
export async function staffSubjects(trx: Tx, mId: string): Promise<MandateSubject[]> {
  const rows = await trx
    .selectFrom('users')
    .select(['id', 'role'])
    .where('municipality_id', '=', mId)
    .where('active', '=', true)
    .where('role', '<>', 'initiator')
    .execute();
  return rows.map((u) => ({ userId: u.id, role: u.role }));
}

/** Who was asked to decide on a commitment: the mandate holders by name, or the coordinators who put it to the delegating body. */
export interface AskedToConfirm {
  names: string[];
  byBody: boolean;
}

/**
 * Ask for a decision on a commitment that needs confirmation, by mail: the holders of a
 * covering mandate in force; when nobody holds one, the coordinators, who put it to the
 * delegating body (college, mayor) and record its decision (docs/product.md#the-delegating-body-decides).
 */
export async function askForConfirmation(
  trx: Tx,
  mId: string,
  decision: Decision,
  mandates: readonly Mandate[],
  today: IsoDate,
  text: { reference: string; maker: string; makerRole: string; what: string; dueOn: IsoDate; link: string; municipality: string },
): Promise<AskedToConfirm> {
  const holders = await confirmers(trx, mId, decision, mandates, today);
  const byBody = holders.length === 0;
  const to = byBody ? await activeCoordinators(trx, mId) : holders;
  for (const u of to) {
    const mail = byBody ? mails.commitmentNeedsBodyDecision : mails.commitmentNeedsConfirmation;
    await enqueueMail(trx, { municipalityId: mId, to: u.email, ...mail(u.locale, { name: u.name, ...text }) });
  }
  return { names: to.map((u) => u.name), byBody };
}
