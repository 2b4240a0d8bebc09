// Commitment queries. Every function takes the municipality and filters on it:
// row-level security is the second wall, not the first.
import type { Tx } from '../../platform/db/index.js';
import type { CaseStatusColumn, CommitmentStatusColumn } from '../../platform/db/schema.js';
import { type Decision, OPEN_STATUSES } from './model.js';
import type { CommitmentForPolicy } from './policy.js';

/**
 * A commitment with what its case contributes (reference, people, status), or, for an
 * agreement within a collaboration, the collaboration's name and owner
 * (docs/product.md#agreements-within-a-collaboration).
 */
export function commitmentsQuery(trx: Tx, municipalityId: string) {
  return trx
    .selectFrom('commitments as k')
    .leftJoin('cases as c', 'c.id', 'k.case_id')
    .leftJoin('collaborations as co', 'co.id', 'k.collaboration_id')
    .leftJoin('users as cb', 'cb.id', 'k.confirmed_by')
    .selectAll('k')
    .select([
      'c.reference as case_reference',
      'c.title as case_title',
      'c.initiator_id as case_initiator_id',
      'c.director_id as case_director_id',
      'c.status as case_status',
      'cb.name as confirmed_by_name',
      'co.name as collaboration_name',
      'co.owner_user_id as collaboration_owner_user_id',
    ])
    .where('k.municipality_id', '=', municipalityId);
}

export type CommitmentRow = Awaited<ReturnType<ReturnType<typeof commitmentsQuery>['executeTakeFirstOrThrow']>>;

export function findCommitment(trx: Tx, municipalityId: string, id: string): Promise<CommitmentRow | undefined> {
  return commitmentsQuery(trx, municipalityId).where('k.id', '=', id).executeTakeFirst();
}

/** Lock the commitment row for the rest of the transaction, then read it with its case. */
export async function lockCommitment(trx: Tx, municipalityId: string, id: string): Promise<CommitmentRow | undefined> {
  const locked = await trx
    .selectFrom('commitments')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return locked ? findCommitment(trx, municipalityId, id) : undefined;
}

export const decisionOf = (r: Pick<CommitmentRow, 'decision_kind' | 'amount_cents' | 'rule_code'>): Decision => {
  switch (r.decision_kind) {
    case 'commitMoney':
      return { kind: 'commitMoney', amountCents: Number(r.amount_cents) };
    case 'grantExemption':
      return { kind: 'grantExemption', ruleCode: r.rule_code ?? '' };
    case 'agreePlan':
      return { kind: 'agreePlan' };
    default:
      return { kind: 'other' };
  }
};

/** What a commitment is about in words: the case's reference, or the collaboration by name. */
export const referenceOf = (r: Pick<CommitmentRow, 'case_reference' | 'collaboration_name'>): string =>
  r.case_reference ?? `samenwerking ${r.collaboration_name ?? ''}`;

export const forPolicy = (r: CommitmentRow): CommitmentForPolicy => ({
  // An agreement within a collaboration has no case: the collaboration's policy judges it.
  case:
    r.case_id === null
      ? null
      : { municipalityId: r.municipality_id, initiatorId: r.case_initiator_id, directorId: r.case_director_id, status: r.case_status as CaseStatusColumn },
  madeByUserId: r.made_by_user_id,
  madeToUserId: r.made_to_user_id,
  recordedBy: r.recorded_by,
  status: r.status as CommitmentStatusColumn,
});

export async function recordVersion(
  trx: Tx,
  v: { municipalityId: string; commitmentId: string; version: number; actorId: string | null; at: Date; change: Record<string, unknown> },
) {
  await trx
    .insertInto('commitment_versions')
    .values({
      municipality_id: v.municipalityId,
      commitment_id: v.commitmentId,
      version: v.version,
      actor_id: v.actorId,
      change: JSON.stringify(v.change),
      created_at: v.at,
    })
    .execute();
}

export function commitmentHistory(trx: Tx, municipalityId: string, commitmentId: string) {
  return commitmentHistories(trx, municipalityId, [commitmentId]);
}

/** The history of several commitments in one query, oldest change first per commitment. */
export async function commitmentHistories(trx: Tx, municipalityId: string, commitmentIds: readonly string[]) {
  if (!commitmentIds.length) return [];
  return trx
    .selectFrom('commitment_versions as v')
    .leftJoin('users as u', (j) => j.onRef('u.id', '=', 'v.actor_id').on('u.municipality_id', '=', municipalityId))
    .select(['v.commitment_id', 'v.created_at', 'v.version', 'v.actor_id', 'u.name as actor_name', 'v.change'])
    .where('v.municipality_id', '=', municipalityId)
    .where('v.commitment_id', 'in', commitmentIds)
    .orderBy('v.id')
    .execute();
}

/** Active staff users of the municipality: by role, or by id. */
export function staffUsers(trx: Tx, municipalityId: string, by: { roles: string[]; ids: string[] }) {
  if (!by.roles.length && !by.ids.length) return Promise.resolve([]);
  return trx
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role', 'locale'])
    .where('municipality_id', '=', municipalityId)
    .where('active', '=', true)
    .where('role', '<>', 'initiator')
    .where((eb) => eb.or([...(by.roles.length ? [eb('role', 'in', by.roles as never[])] : []), ...(by.ids.length ? [eb('id', 'in', by.ids)] : [])]))
    .orderBy('name')
    .execute();
}

/**
 * The overdue commitments of these hosts (collaborations), set-based for the stored health
 * check of many at once: still open and past their due date (model.ts isOverdue), with who
 * made them, by the host's index.
 */
export async function overdueOfHosts(
  trx: Tx,
  mId: string,
  collaborationIds: readonly string[],
  today: string,
): Promise<{ collaborationId: string; madeBy: string; what: string; dueOn: string }[]> {
  if (!collaborationIds.length) return [];
  const rows = await trx
    .selectFrom('commitments')
    .select(['collaboration_id', 'made_by_name', 'what', 'due_on'])
    .where('municipality_id', '=', mId)
    .where('collaboration_id', 'in', [...collaborationIds])
    .where('status', 'in', [...OPEN_STATUSES])
    .where('due_on', '<', today)
    .orderBy('due_on')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ collaborationId: r.collaboration_id as string, madeBy: r.made_by_name, what: r.what, dueOn: String(r.due_on) }));
}
