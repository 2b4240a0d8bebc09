// Queries on the collaborations module's own tables. Every function takes the
// municipality id and filters on it (row-level security is the second wall).
import type { Selectable } from 'kysely';
import type { IsoDate } from '../../kernel/calendar.js';
import type { Tx } from '../../platform/db/index.js';
import type { CollaborationContributionTable, CollaborationPartyTable, CollaborationTable, CollaborationTargetTable } from '../../platform/db/schema.js';
import type { Contribution, ContributionKind, EndKind, OrgType, PartyKind, Phase } from './model.js';

export type CollaborationRow = Selectable<CollaborationTable>;
type PartyRow = Selectable<CollaborationPartyTable>;
type ContributionRow = Selectable<CollaborationContributionTable>;
type TargetRow = Selectable<CollaborationTargetTable>;

export async function findCollaboration(trx: Tx, mId: string, id: string, lock = false): Promise<CollaborationRow | undefined> {
  let q = trx.selectFrom('collaborations').selectAll().where('municipality_id', '=', mId).where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export interface Party {
  id: string;
  kind: PartyKind;
  departmentId: string | null;
  municipalityId: string | null;
  name: string;
  orgType: OrgType;
  kvkNumber: string | null;
  contactName: string | null;
  contactEmail: string | null;
  decidesAlone: string[];
  decidesTogether: string[];
  finalSay: string[];
  yield: string;
  contributions: Contribution[];
  version: number;
}

export const toParty = (p: PartyRow, cs: ContributionRow[]): Party => ({
  id: p.id,
  kind: p.kind as PartyKind,
  departmentId: p.department_id,
  municipalityId: p.party_municipality_id,
  name: p.name,
  orgType: p.org_type as OrgType,
  kvkNumber: p.kvk_number,
  contactName: p.contact_name,
  contactEmail: p.contact_email,
  decidesAlone: p.decides_alone,
  decidesTogether: p.decides_together,
  finalSay: p.final_say,
  yield: p.yield,
  contributions: cs
    .filter((c) => c.party_id === p.id)
    .map((c) => ({ kind: c.kind as ContributionKind, amount: c.amount === null ? null : Number(c.amount), description: c.description })),
  version: p.version,
});

export interface Target {
  id: string;
  indicator: string;
  baseline: number;
  targetValue: number;
  unit: string;
  targetOn: IsoDate;
  readings: { id: string; readOn: IsoDate; value: number; note: string }[];
}

const toTarget = (t: TargetRow): Omit<Target, 'readings'> => ({
  id: t.id,
  indicator: t.indicator,
  baseline: Number(t.baseline),
  targetValue: Number(t.target_value),
  unit: t.unit,
  targetOn: t.target_on as IsoDate,
});

export async function partiesOf(trx: Tx, mId: string, collaborationId: string): Promise<Party[]> {
  const [parties, contributions] = await Promise.all([
    trx
      .selectFrom('collaboration_parties')
      .selectAll()
      .where('municipality_id', '=', mId)
      .where('collaboration_id', '=', collaborationId)
      .orderBy('seq')
      .execute(),
    trx
      .selectFrom('collaboration_contributions')
      .selectAll()
      .where('municipality_id', '=', mId)
      .where('collaboration_id', '=', collaborationId)
      .orderBy('seq')
      .execute(),
  ]);
  return parties.map((p) => toParty(p, contributions));
}

export async function targetsOf(trx: Tx, mId: string, collaborationId: string): Promise<Target[]> {
  const [targets, readings] = await Promise.all([
    trx
      .selectFrom('collaboration_targets')
      .selectAll()
      .where('municipality_id', '=', mId)
      .where('collaboration_id', '=', collaborationId)
      .orderBy('seq')
      .execute(),
    trx
      .selectFrom('collaboration_readings')
      .selectAll()
      .where('municipality_id', '=', mId)
      .where('collaboration_id', '=', collaborationId)
      .orderBy('read_on')
      .orderBy('seq')
      .execute(),
  ]);
  return targets.map((t) => ({
    ...toTarget(t),
    readings: readings.filter((r) => r.target_id === t.id).map((r) => ({ id: r.id, readOn: r.read_on as IsoDate, value: Number(r.value), note: r.note })),
  }));
}

export async function linksOf(trx: Tx, mId: string, collaborationId: string) {
  const [areas, themes, cases] = await Promise.all([
    trx
      .selectFrom('collaboration_areas as ca')
      .innerJoin('areas as a', 'a.id', 'ca.area_id')
      .select(['a.id', 'a.name'])
      .where('ca.municipality_id', '=', mId)
      .where('ca.collaboration_id', '=', collaborationId)
      .orderBy('a.name')
      .execute(),
    trx
      .selectFrom('collaboration_themes as ct')
      .innerJoin('themes as t', 't.id', 'ct.theme_id')
      .select(['t.id', 't.name'])
      .where('ct.municipality_id', '=', mId)
      .where('ct.collaboration_id', '=', collaborationId)
      .orderBy('t.name')
      .execute(),
    trx
      .selectFrom('collaboration_cases as cc')
      .innerJoin('cases as c', 'c.id', 'cc.case_id')
      .select(['c.id', 'c.reference', 'c.title'])
      .where('cc.municipality_id', '=', mId)
      .where('cc.collaboration_id', '=', collaborationId)
      .orderBy('c.reference')
      .execute(),
  ]);
  return { areas, themes, cases };
}

/** Replace the set of linked areas, themes or cases with `ids`. */
export async function replaceLinks(
  trx: Tx,
  mId: string,
  collaborationId: string,
  table: 'collaboration_areas' | 'collaboration_themes' | 'collaboration_cases',
  ids: string[],
): Promise<void> {
  const col = table === 'collaboration_areas' ? 'area_id' : table === 'collaboration_themes' ? 'theme_id' : 'case_id';
  await trx.deleteFrom(table).where('municipality_id', '=', mId).where('collaboration_id', '=', collaborationId).execute();
  if (!ids.length) return;
  await trx
    .insertInto(table)
    .values(ids.map((id) => ({ municipality_id: mId, collaboration_id: collaborationId, [col]: id }) as never))
    .execute();
}

export async function phasesOf(trx: Tx, mId: string, collaborationId: string) {
  const rows = await trx
    .selectFrom('collaboration_phases')
    .select(['phase', 'since', 'actor_id'])
    .where('municipality_id', '=', mId)
    .where('collaboration_id', '=', collaborationId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ phase: r.phase as Phase, since: r.since as IsoDate, actorId: r.actor_id }));
}

export async function eventsOf(trx: Tx, mId: string, collaborationId: string) {
  const rows = await trx
    .selectFrom('collaboration_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.id', 'e.type', 'e.payload', 'e.occurred_at', 'u.name as actor_name'])
    .where('e.municipality_id', '=', mId)
    .where('e.collaboration_id', '=', collaborationId)
    .orderBy('e.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    type: r.type,
    payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>,
    at: r.occurred_at,
    actorName: r.actor_name,
  }));
}

export const columnsOf = (f: { name: string; description: string; goal: string; ownerUserId: string; startOn: IsoDate; endOn: IsoDate; endKind: EndKind }) => ({
  name: f.name.trim(),
  description: f.description.trim(),
  goal: f.goal.trim(),
  owner_user_id: f.ownerUserId,
  start_on: f.startOn,
  end_on: f.endOn,
  end_kind: f.endKind,
});
