// Case queries. Every function takes the municipality and filters on it: row-level
// security is the second wall, not the first.
import { type Insertable, sql } from 'kysely';
import { AppError } from '../../kernel/errors.js';
import type { Tx } from '../../platform/db/index.js';
import type { CaseIntakeTable, CaseRow } from '../../platform/db/schema.js';

export async function lockCase(trx: Tx, municipalityId: string, id: string): Promise<CaseRow | undefined> {
  return trx.selectFrom('cases').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * The initiator of a case (every confirmed case has one, in its own municipality). An
 * unconfirmed public intake has none yet: asking for it is a 409
 * (docs/product.md#confirming-a-public-intake).
 */
export async function initiatorOf(trx: Tx, c: Pick<CaseRow, 'municipality_id' | 'initiator_id'>) {
  if (!c.initiator_id) throw new AppError(409, 'unconfirmed', 'error.caseUnconfirmed');
  return trx.selectFrom('users').selectAll().where('municipality_id', '=', c.municipality_id).where('id', '=', c.initiator_id).executeTakeFirstOrThrow();
}

export async function findCase(trx: Tx, municipalityId: string, id: string): Promise<CaseRow | undefined> {
  return trx.selectFrom('cases').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
}

/** Next reference number for the year, gap-free per municipality (VB-2026-000042). */
export async function nextCaseNumber(trx: Tx, municipalityId: string, year: number): Promise<number> {
  const row = await trx
    .insertInto('case_counters')
    .values({ municipality_id: municipalityId, year, last_value: 1 })
    .onConflict((oc) => oc.columns(['municipality_id', 'year']).doUpdateSet({ last_value: sql`case_counters.last_value + 1` }))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return row.last_value;
}

export async function bumpVersion(trx: Tx, c: CaseRow, set: Partial<Omit<CaseRow, 'id' | 'search'>>): Promise<CaseRow> {
  return trx
    .updateTable('cases')
    .set({ ...set, version: c.version + 1, updated_at: new Date() })
    .where('municipality_id', '=', c.municipality_id)
    .where('id', '=', c.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function caseThemeIds(trx: Tx, municipalityId: string, caseId: string): Promise<string[]> {
  const rows = await trx.selectFrom('case_themes').select('theme_id').where('municipality_id', '=', municipalityId).where('case_id', '=', caseId).execute();
  return rows.map((r) => r.theme_id);
}

export async function openSuspensions(trx: Tx, municipalityId: string, caseId: string) {
  return trx.selectFrom('suspensions').selectAll().where('municipality_id', '=', municipalityId).where('case_id', '=', caseId).orderBy('started_on').execute();
}

/** Directors with their areas, themes and open-case counts: three queries, no N+1. */
export async function directorCandidates(trx: Tx, municipalityId: string) {
  const directors = await trx
    .selectFrom('users as u')
    .select(['u.id', 'u.name', 'u.email', 'u.locale'])
    .select((eb) =>
      eb
        .selectFrom('cases as c')
        .select(eb.fn.countAll<number>().as('n'))
        .where('c.municipality_id', '=', municipalityId)
        .whereRef('c.director_id', '=', 'u.id')
        .where('c.status', 'in', ['submitted', 'intake', 'planning', 'executing'])
        .as('open_cases'),
    )
    .where('u.municipality_id', '=', municipalityId)
    .where('u.role', '=', 'director')
    .where('u.active', '=', true)
    .orderBy('u.name')
    .execute();
  const areas = await trx.selectFrom('director_areas').select(['user_id', 'area_id']).where('municipality_id', '=', municipalityId).execute();
  const themes = await trx.selectFrom('director_themes').select(['user_id', 'theme_id']).where('municipality_id', '=', municipalityId).execute();
  return directors.map((d) => ({
    id: d.id,
    name: d.name,
    email: d.email,
    locale: d.locale,
    openCases: Number(d.open_cases ?? 0),
    areaIds: areas.filter((a) => a.user_id === d.id).map((a) => a.area_id),
    themeIds: themes.filter((t) => t.user_id === d.id).map((t) => t.theme_id),
  }));
}

// ---- accounts and intake records (docs/product.md#confirming-a-public-intake) ----

/** A resident's or a staff member's account by address, within the municipality. */
export function findAccount(trx: Tx, municipalityId: string, email: string, kind: 'initiator' | 'staff') {
  return trx
    .selectFrom('users')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .where('role', kind === 'initiator' ? '=' : '<>', 'initiator')
    .executeTakeFirst();
}

export function createResident(
  trx: Tx,
  municipalityId: string,
  u: { email: string; name: string; phone: string | null; company: string | null; kvk_number: string | null; locale: 'nl' | 'en' },
) {
  return trx
    .insertInto('users')
    .values({ municipality_id: municipalityId, role: 'initiator', ...u })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertIntake(trx: Tx, row: Insertable<CaseIntakeTable>): Promise<void> {
  await trx.insertInto('case_intakes').values(row).execute();
}

export function lockIntake(trx: Tx, municipalityId: string, caseId: string) {
  return trx.selectFrom('case_intakes').selectAll().where('municipality_id', '=', municipalityId).where('case_id', '=', caseId).forUpdate().executeTakeFirst();
}

export async function confirmIntakeRecord(trx: Tx, municipalityId: string, caseId: string, at: Date): Promise<void> {
  await trx.updateTable('case_intakes').set({ confirmed_at: at }).where('municipality_id', '=', municipalityId).where('case_id', '=', caseId).execute();
}
