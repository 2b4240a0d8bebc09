// Assessment queries. Every function takes the municipality and filters on it:
// row-level security is the second wall, not the first. The silence job is the one
// caller that crosses municipalities; its queries live in jobs.ts.
import type { Insertable, Selectable } from 'kysely';
import type { Tx } from '../../platform/db/index.js';
import type {
  AssessmentAnswerTable,
  AssessmentOverruleTable,
  AssessmentPartyTable,
  AssessmentRoundTable,
  AssessmentWithdrawalTable,
  CitedRuleSnapshot,
  LateObjectionTable,
} from '../../platform/db/schema.js';

export type RoundRow = Selectable<AssessmentRoundTable>;
export type PartyRow = Selectable<AssessmentPartyTable>;
export type AnswerRow = Selectable<AssessmentAnswerTable>;
export type OverruleRow = Selectable<AssessmentOverruleTable>;
export type LateObjectionRow = Selectable<LateObjectionTable>;
export type WithdrawalRow = Selectable<AssessmentWithdrawalTable>;
export type { CitedRuleSnapshot };

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function findRound(trx: Tx, mId: string, id: string, lock = false): Promise<RoundRow | undefined> {
  const q = trx.selectFrom('assessment_rounds').selectAll().where('municipality_id', '=', mId).where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

export function roundsOfCase(trx: Tx, mId: string, caseId: string): Promise<RoundRow[]> {
  return trx.selectFrom('assessment_rounds').selectAll().where('municipality_id', '=', mId).where('case_id', '=', caseId).orderBy('number').execute();
}

export async function nextRoundNumber(trx: Tx, mId: string, caseId: string): Promise<number> {
  const r = await trx
    .selectFrom('assessment_rounds')
    .select((eb) => eb.fn.max<number | null>('number').as('n'))
    .where('municipality_id', '=', mId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return (r?.n ?? 0) + 1;
}

export function findParty(trx: Tx, mId: string, id: string, lock = false): Promise<PartyRow | undefined> {
  const q = trx.selectFrom('assessment_parties').selectAll().where('municipality_id', '=', mId).where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

export function findPartyByTokenHash(trx: Tx, mId: string, hash: string): Promise<PartyRow | undefined> {
  return trx.selectFrom('assessment_parties').selectAll().where('municipality_id', '=', mId).where('link_token_hash', '=', hash).executeTakeFirst();
}

export async function partiesOfRounds(trx: Tx, mId: string, roundIds: readonly string[]): Promise<PartyRow[]> {
  if (!roundIds.length) return [];
  return trx
    .selectFrom('assessment_parties')
    .selectAll()
    .where('municipality_id', '=', mId)
    .where('round_id', 'in', [...roundIds])
    .orderBy('kind')
    .orderBy('name')
    .execute();
}

export async function answersByIds(trx: Tx, mId: string, ids: readonly string[]): Promise<AnswerRow[]> {
  if (!ids.length) return [];
  return trx
    .selectFrom('assessment_answers')
    .selectAll()
    .where('municipality_id', '=', mId)
    .where('id', 'in', [...ids])
    .execute();
}

export async function nextAnswerSeq(trx: Tx, mId: string, partyId: string): Promise<number> {
  const r = await trx
    .selectFrom('assessment_answers')
    .select((eb) => eb.fn.max<number | null>('seq').as('n'))
    .where('municipality_id', '=', mId)
    .where('party_id', '=', partyId)
    .executeTakeFirst();
  return (r?.n ?? 0) + 1;
}

/** Answers are only ever added; the party's pointer moves to the new one. */
export async function insertAnswer(trx: Tx, values: Insertable<AssessmentAnswerTable>): Promise<AnswerRow> {
  return trx.insertInto('assessment_answers').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function setCurrentAnswer(trx: Tx, mId: string, partyId: string, answerId: string, reopenedUntil?: string | null): Promise<void> {
  await trx
    .updateTable('assessment_parties')
    .set(reopenedUntil === undefined ? { current_answer_id: answerId } : { current_answer_id: answerId, reopened_until: reopenedUntil })
    .where('municipality_id', '=', mId)
    .where('id', '=', partyId)
    .execute();
}

export async function overrulesOfAnswers(trx: Tx, mId: string, answerIds: readonly string[]) {
  if (!answerIds.length) return [];
  return trx
    .selectFrom('assessment_overrules as o')
    .innerJoin('users as u', 'u.id', 'o.overruled_by')
    .selectAll('o')
    .select('u.name as by_name')
    .where('o.municipality_id', '=', mId)
    .where('o.answer_id', 'in', [...answerIds])
    .execute();
}

/** The withdrawals of answers (docs/product.md#a-standing-objection), with who withdrew them. */
export async function withdrawalsOfAnswers(trx: Tx, mId: string, answerIds: readonly string[]) {
  if (!answerIds.length) return [];
  return trx
    .selectFrom('assessment_withdrawals as w')
    .innerJoin('users as u', 'u.id', 'w.withdrawn_by')
    .selectAll('w')
    .select('u.name as by_name')
    .where('w.municipality_id', '=', mId)
    .where('w.answer_id', 'in', [...answerIds])
    .execute();
}

/** The overrule of one answer, with who decided it (null answer: none). */
export async function overruleOfAnswer(trx: Tx, mId: string, answerId: string | null) {
  if (!answerId) return undefined;
  return (await overrulesOfAnswers(trx, mId, [answerId]))[0];
}

export function pendingLateObjection(trx: Tx, mId: string, partyId: string) {
  return trx
    .selectFrom('late_objections')
    .select(['id', 'status'])
    .where('municipality_id', '=', mId)
    .where('party_id', '=', partyId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

/** The latest late objection of each party (for the case page). */
export async function latestLateObjections(trx: Tx, mId: string, partyIds: readonly string[]) {
  if (!partyIds.length) return new Map<string, LateObjectionRow>();
  const rows = await trx
    .selectFrom('late_objections')
    .selectAll()
    .where('municipality_id', '=', mId)
    .where('party_id', 'in', [...partyIds])
    .orderBy('created_at')
    .execute();
  return new Map(rows.map((r) => [r.party_id, r]));
}

/** Active specialists of the given departments (who are asked, and told by mail). */
export async function specialistsOf(trx: Tx, mId: string, departmentIds: readonly string[]) {
  if (!departmentIds.length) return [];
  return trx
    .selectFrom('users')
    .select(['id', 'name', 'email', 'locale', 'department_id'])
    .where('municipality_id', '=', mId)
    .where('role', '=', 'specialist')
    .where('active', '=', true)
    .where('department_id', 'in', [...departmentIds])
    .execute();
}

/** The departments among `departmentIds` that have no active specialist: nobody there can answer. */
export async function unstaffedDepartments(trx: Tx, mId: string, departmentIds: readonly string[]): Promise<Set<string>> {
  const staffed = new Set((await specialistsOf(trx, mId, departmentIds)).map((s) => s.department_id));
  return new Set(departmentIds.filter((d) => !staffed.has(d)));
}

export function activeCoordinators(trx: Tx, mId: string) {
  return trx
    .selectFrom('users')
    .select(['id', 'name', 'email', 'locale'])
    .where('municipality_id', '=', mId)
    .where('role', '=', 'coordinator')
    .where('active', '=', true)
    .execute();
}

/**
 * A party with the case its round is about: what a file on the party's answer hangs on
 * (docs/product.md#attachments). Undefined for another municipality's party.
 */
export async function partyWithCase(trx: Tx, mId: string, partyId: string) {
  return trx
    .selectFrom('assessment_parties as p')
    .innerJoin('assessment_rounds as r', 'r.id', 'p.round_id')
    .select(['p.id', 'p.municipality_id', 'p.kind', 'p.department_id', 'p.reopened_until', 'p.name', 'r.case_id'])
    .where('p.municipality_id', '=', mId)
    .where('p.id', '=', partyId)
    .executeTakeFirst();
}
