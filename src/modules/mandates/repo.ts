// Mandate register queries. Every function takes the municipality and filters on it:
// row-level security is the second wall, not the first.
import type { Selectable } from 'kysely';
import type { Tx } from '../../platform/db/index.js';
import type { MandateTable } from '../../platform/db/schema.js';
import type { Mandate, MandateHolder, MandateScope } from './model.js';

export type MandateRow = Selectable<MandateTable>;

function holderOf(r: MandateRow): MandateHolder {
  if (r.holder_kind === 'role' && r.holder_role) return { kind: 'role', role: r.holder_role };
  if (r.holder_kind === 'person' && r.holder_user_id) return { kind: 'person', userId: r.holder_user_id };
  throw new Error(`mandate ${r.id}: holder columns do not match holder_kind`);
}

function scopeOf(r: MandateRow): MandateScope {
  switch (r.scope_kind) {
    case 'overrule':
      if (r.scope_domain) return { kind: 'overrule', domain: r.scope_domain };
      break;
    case 'commitMoney':
      if (r.scope_up_to_cents !== null) return { kind: 'commitMoney', upToCents: Number(r.scope_up_to_cents) };
      break;
    case 'grantExemption':
      if (r.scope_rule_code) return { kind: 'grantExemption', ruleCode: r.scope_rule_code };
      break;
    case 'agreePlan':
      return { kind: 'agreePlan' };
  }
  throw new Error(`mandate ${r.id}: scope columns do not match scope_kind`);
}

/** A register row as the pure mandate rules (assessments/model.ts) take it. */
export const toMandate = (r: MandateRow): Mandate => ({
  id: r.id,
  holder: holderOf(r),
  scope: scopeOf(r),
  delegatedBy: r.delegated_by,
  validFrom: r.valid_from,
  validUntil: r.valid_until,
  collaborationId: r.collaboration_id,
});

/**
 * Every mandate of the municipality, in force or not: the pure checks
 * (mayOverrule, commitmentStatusOnRecord) decide on the date themselves.
 */
export async function loadMandates(trx: Tx, municipalityId: string): Promise<Mandate[]> {
  const rows = await trx.selectFrom('mandates').selectAll().where('municipality_id', '=', municipalityId).orderBy('valid_from').orderBy('id').execute();
  return rows.map(toMandate);
}

/** The collaboration a mandate may be scoped to: its name and its owner, the only possible holder. */
export function findCollaborationForMandate(trx: Tx, municipalityId: string, id: string) {
  return trx
    .selectFrom('collaborations')
    .select(['id', 'name', 'owner_user_id'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findMandate(trx: Tx, municipalityId: string, id: string, lock = false): Promise<MandateRow | undefined> {
  const q = trx.selectFrom('mandates').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

/** A mandate as a decision that used it shows it: with the holder's name for a person mandate. */
export type NamedMandate = Mandate & { holderName: string | null };

/**
 * The mandates with these ids, in force or not (an overrule or a commitment keeps the
 * mandate it was decided under, also after that mandate ended).
 */
export async function mandatesByIds(trx: Tx, municipalityId: string, ids: readonly string[]): Promise<NamedMandate[]> {
  if (!ids.length) return [];
  const rows = await trx
    .selectFrom('mandates as m')
    .leftJoin('users as u', 'u.id', 'm.holder_user_id')
    .selectAll('m')
    .select('u.name as holder_name')
    .where('m.municipality_id', '=', municipalityId)
    .where('m.id', 'in', [...new Set(ids)])
    .execute();
  return rows.map((r) => ({ ...toMandate(r), holderName: r.holder_name }));
}

/**
 * All rows with the holder's name for a person mandate and the collaboration's name for a
 * mandate scoped to one (the register list); only those of `collaborationId` when given.
 */
export function listMandateRows(trx: Tx, municipalityId: string, collaborationId?: string) {
  let q = trx
    .selectFrom('mandates as m')
    .leftJoin('users as u', 'u.id', 'm.holder_user_id')
    .leftJoin('collaborations as c', (j) => j.onRef('c.id', '=', 'm.collaboration_id').on('c.municipality_id', '=', municipalityId))
    .selectAll('m')
    .select(['u.name as holder_name', 'c.name as collaboration_name'])
    .where('m.municipality_id', '=', municipalityId);
  if (collaborationId) q = q.where('m.collaboration_id', '=', collaborationId);
  return q.orderBy('m.valid_from', 'desc').orderBy('m.id').execute();
}

export async function recordMandateChange(
  trx: Tx,
  c: { municipalityId: string; mandateId: string; actorId: string; change: Record<string, unknown> },
): Promise<void> {
  await trx
    .insertInto('mandate_changes')
    .values({ municipality_id: c.municipalityId, mandate_id: c.mandateId, actor_id: c.actorId, change: JSON.stringify(c.change) })
    .execute();
}

export function mandateHistory(trx: Tx, municipalityId: string, mandateId: string) {
  return trx
    .selectFrom('mandate_changes as c')
    .leftJoin('users as u', 'u.id', 'c.actor_id')
    .select(['c.created_at', 'c.actor_id', 'u.name as actor_name', 'c.change'])
    .where('c.municipality_id', '=', municipalityId)
    .where('c.mandate_id', '=', mandateId)
    .orderBy('c.id')
    .execute();
}

/** The mandates scoped to one collaboration, in force or not, with the holder's name (the collaboration's page). */
export async function mandatesOfCollaboration(trx: Tx, municipalityId: string, collaborationId: string): Promise<NamedMandate[]> {
  const rows = await listMandateRows(trx, municipalityId, collaborationId);
  return rows.map((r) => ({ ...toMandate(r), holderName: r.holder_name }));
}
