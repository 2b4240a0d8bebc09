// Read model of management information (docs/product.md#management-information): the
// period's figures from the rollup (insight_counts, by municipality, metric and day),
// and the current state of the plan clocks and overdue commitments from the cases_due
// and commitments indexes. Never a scan of the event log.
import { sql } from 'kysely';
import type { IsoDate } from '../../kernel/calendar.js';
import type { Tx } from '../../platform/db/index.js';
import type { InsightsFilter } from './model.js';

/** The dimension filters on insight_counts (alias k) or insight_cases (alias k too). */
function dims(f: InsightsFilter) {
  return sql.join(
    [
      f.areaId ? sql`and k.area_id = ${f.areaId}::uuid` : sql``,
      f.directorId ? sql`and k.director_id = ${f.directorId}::uuid` : sql``,
      f.themeId ? sql`and k.theme_ids @> array[${f.themeId}::uuid]` : sql``,
      f.domain ? sql`and k.domains @> array[${f.domain}::text]` : sql``,
    ],
    sql` `,
  );
}

export interface CountRow {
  metric: string;
  dim: string;
  month: string;
  /** counted within the period (from…to), not only in the trend's months before it */
  inPeriod: boolean;
  value: number;
}

/** The rolled-up counts of the given metrics from `trendFrom` to the period's end, per key and month. */
export async function periodCounts(trx: Tx, f: InsightsFilter, trendFrom: IsoDate, metrics: readonly string[]): Promise<CountRow[]> {
  const r = await sql<CountRow>`
    select k.metric, k.dim, to_char(k.day, 'YYYY-MM') as month, (k.day >= ${f.from}::date) as "inPeriod", sum(k.value)::int as value
    from insight_counts k
    where k.municipality_id = ${f.municipalityId} and k.metric = any(${sql.val([...metrics])}::text[])
      and k.day >= ${trendFrom}::date and k.day <= ${f.to}::date ${dims(f)}
    group by k.metric, k.dim, month, "inPeriod"
    having sum(k.value) <> 0`.execute(trx);
  return r.rows;
}

/** Cases opened and ended per director and month, from the first case to the period's end (for the running sum). */
export async function workloadDeltas(trx: Tx, f: InsightsFilter): Promise<{ month: string; directorId: string | null; delta: number }[]> {
  const r = await sql<{ month: string; directorId: string | null; delta: number }>`
    select to_char(k.day, 'YYYY-MM') as month, k.director_id as "directorId", sum(k.value)::int as delta
    from insight_counts k
    where k.municipality_id = ${f.municipalityId} and k.metric = 'openDelta' and k.day <= ${f.to}::date ${dims(f)}
    group by month, k.director_id
    having sum(k.value) <> 0`.execute(trx);
  return r.rows;
}

export interface ClockCounts {
  running: number;
  dueSoon: number;
  overdue: number;
  suspended: number;
}

/**
 * The plan clocks now (docs/product.md#the-plan-clock): every case in intake or planning
 * with a due date (the cases_due index); running when not suspended, due soon when it
 * ends by `soon`, overdue past today (the council overview's planTerm: a suspended
 * clock is never overdue).
 */
export async function clockCounts(trx: Tx, f: InsightsFilter, today: IsoDate, soon: IsoDate): Promise<ClockCounts> {
  const r = await sql<ClockCounts>`
    select
      count(*) filter (where c.suspended_since is null and c.plan_due_on >= ${today}::date)::int as running,
      count(*) filter (where c.suspended_since is null and c.plan_due_on >= ${today}::date and c.plan_due_on <= ${soon}::date)::int as "dueSoon",
      count(*) filter (where c.suspended_since is null and c.plan_due_on < ${today}::date)::int as overdue,
      count(*) filter (where c.suspended_since is not null)::int as suspended
    from cases c join insight_cases k on k.case_id = c.id
    where c.municipality_id = ${f.municipalityId} and c.status in ('intake', 'planning') and c.plan_due_on is not null ${dims(f)}`.execute(trx);
  return r.rows[0] as ClockCounts;
}

/** Open commitments past their due date, made within the period, per maker key and per mandate (the keys of rollup.ts). */
export async function overdueCommitments(trx: Tx, f: InsightsFilter, today: IsoDate): Promise<{ makerKey: string; mandateIds: string[] }[]> {
  const r = await sql<{ makerKey: string; mandateIds: string[] }>`
    select coalesce(x.made_by_user_id::text, 'n:' || x.made_by_name || ' (' || x.made_by_role || ')') as "makerKey", x.mandate_ids::text[] as "mandateIds"
    from commitments x join insight_cases k on k.case_id = x.case_id
    where x.municipality_id = ${f.municipalityId} and x.status in ('binding', 'needsConfirmation') and x.due_on < ${today}::date
      and x.made_on >= ${f.from}::date and x.made_on <= ${f.to}::date ${dims(f)}`.execute(trx);
  return r.rows;
}

/** Names of the municipality's users, departments, areas and themes by id (for keys in the figures). */
export async function namesOf(trx: Tx, mId: string, ids: { users: string[]; departments: string[] }) {
  const uuid = /^[0-9a-f-]{36}$/i;
  const users = [...new Set(ids.users.filter((i) => uuid.test(i)))];
  const departments = [...new Set(ids.departments.filter((i) => uuid.test(i)))];
  const u = users.length ? await trx.selectFrom('users').select(['id', 'name']).where('municipality_id', '=', mId).where('id', 'in', users).execute() : [];
  const d = departments.length
    ? await trx.selectFrom('departments').select(['id', 'name']).where('municipality_id', '=', mId).where('id', 'in', departments).execute()
    : [];
  return { users: new Map(u.map((x) => [x.id, x.name])), departments: new Map(d.map((x) => [x.id, x.name])) };
}

/** The choices of the filter form: areas, themes and the directors of the municipality, in one statement. */
export async function filterChoices(trx: Tx, mId: string) {
  type Named = { id: string; name: string }[];
  const list = (table: 'areas' | 'themes' | 'users', only = sql``) =>
    sql`(select coalesce(json_agg(json_build_object('id', x.id, 'name', x.name) order by x.name, x.id), '[]'::json)
      from ${sql.table(table)} x where x.municipality_id = ${mId} ${only})`;
  const r = await sql<{ areas: Named; themes: Named; directors: Named }>`
    select ${list('areas')} as areas, ${list('themes')} as themes, ${list('users', sql`and x.role = 'director'`)} as directors`.execute(trx);
  return r.rows[0] as { areas: Named; themes: Named; directors: Named };
}
