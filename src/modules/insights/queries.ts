// Read model of management information (docs/product.md#management-information): the
// period's figures from the rollup (insight_counts, by municipality, metric and day),
// and the current state of the plan clocks and overdue commitments from the cases_due
// and commitments indexes. Never a scan of the event log.
import { type RawBuilder, sql } from 'kysely';
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

/** The one dimension a request filters on, if exactly one (docs/product.md#management-information). */
export function singleDimension(f: InsightsFilter): { kind: 'area' | 'director' | 'theme' | 'domain'; value: string } | 'none' | 'several' {
  const given = [
    f.areaId ? { kind: 'area' as const, value: f.areaId } : null,
    f.directorId ? { kind: 'director' as const, value: f.directorId } : null,
    f.themeId ? { kind: 'theme' as const, value: f.themeId } : null,
    f.domain ? { kind: 'domain' as const, value: f.domain } : null,
  ].filter((x) => x !== null);
  if (given.length === 0) return 'none';
  return given.length === 1 ? (given[0] as { kind: 'area' | 'director' | 'theme' | 'domain'; value: string }) : 'several';
}

const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/**
 * Which buckets of the coarse rollups a period reads: every month of the trend that
 * lies wholly within it and is not cut by the period's first day from the monthly
 * rows; the months at the edges (the one `from` falls in, the one `to` ends early)
 * from the detailed daily rollup, just those days. So a period stays a period of days while
 * nearly everything is read per month.
 */
export function bucketsOf(f: { from: IsoDate; to: IsoDate }, months: readonly string[]) {
  const wholeMonths: IsoDate[] = [];
  const dayRanges: { from: IsoDate; to: IsoDate }[] = [];
  for (const m of months) {
    const first = `${m}-01`;
    const last = lastDayOf(m);
    if (last > f.to) dayRanges.push({ from: first, to: f.to });
    else if (f.from > first && f.from <= last) dayRanges.push({ from: first, to: last });
    else wholeMonths.push(first);
  }
  return { wholeMonths, dayRanges };
}

/**
 * The rolled-up counts of the given metrics per key and month from the trend's first
 * month to the period's end, and openDelta (keyed by director) from the first case on:
 * one statement. No filter reads insight_totals, one filter insight_dim_totals, a
 * combination of filters the detailed insight_counts (docs/product.md#management-information).
 */
function countsSelect(f: InsightsFilter, months: readonly string[], metrics: readonly string[], opts: { detailed?: boolean } = {}) {
  const trendFrom = `${months[0]}-01`;
  const metricList = sql`${sql.val([...metrics])}::text[]`;
  const one = singleDimension(f);
  if (one === 'several' || opts.detailed) {
    return sql`
      select k.metric, case when k.metric = 'openDelta' then coalesce(k.director_id::text, '') else k.dim end as dim,
        to_char(k.day::timestamp, 'YYYY-MM') as month, (k.day >= ${f.from}::date) as "inPeriod", sum(k.value)::int as value
      from insight_counts k
      where k.municipality_id = ${f.municipalityId} ${dims(f)}
        and ((k.metric = any(${metricList}) and k.day >= ${trendFrom}::date and k.day <= ${f.to}::date)
          or (k.metric = 'openDelta' and k.day <= ${f.to}::date))
      group by 1, 2, 3, 4
      having sum(k.value) <> 0`;
  }
  const { wholeMonths, dayRanges } = bucketsOf(f, months);
  const table = one === 'none' ? sql`insight_totals` : sql`insight_dim_totals`;
  const where =
    one === 'none'
      ? sql`k.municipality_id = ${f.municipalityId}`
      : sql`k.municipality_id = ${f.municipalityId} and k.dim_kind = ${one.kind} and k.dim_value = ${one.value}`;
  const allMetrics = sql`${sql.val([...metrics, 'openDelta'])}::text[]`;
  // Whole months as one range per metric (an index range scan), less the month cut by `from` inside it.
  const cut = dayRanges.map((r) => r.from);
  const monthsRange = wholeMonths.length
    ? sql`and k.month >= ${wholeMonths[0]}::date and k.month <= ${wholeMonths.at(-1)}::date and k.month <> all(${sql.val(cut)}::date[])`
    : sql`and false`;
  // The days of the edge months from the detailed rollup, filtered as it always was.
  const days = dayRanges.length
    ? sql`select k.metric, case when k.metric = 'openDelta' then coalesce(k.director_id::text, '') else k.dim end, k.day, k.value
        from insight_counts k
        where k.municipality_id = ${f.municipalityId} and k.metric = any(${allMetrics}) ${dims(f)}
          and (${sql.join(
            dayRanges.map((r) => sql`(k.day between ${r.from}::date and ${r.to}::date)`),
            sql` or `,
          )})`
    : sql`select null::text, null::text, null::date, 0::bigint where false`;
  return sql`
    select x.metric, x.dim, to_char(x.month::timestamp, 'YYYY-MM') as month, (x.month >= ${f.from}::date) as "inPeriod", sum(x.value)::int as value
    from (
      select k.metric, k.dim, k.month, k.value from ${table} k
      where ${where} and k.metric = any(${allMetrics}) ${monthsRange}
      union all
      select k.metric, k.dim, k.month, k.value from ${table} k
      where ${where} and k.metric = 'openDelta' and k.month < ${trendFrom}::date
      union all
      ${days}
    ) x
    group by 1, 2, 3, 4
    having sum(x.value) <> 0`;
}

/** The rows of countsSelect on their own; `detailed` reads insight_counts whatever the filter (to compare the tables). */
export async function countRows(trx: Tx, f: InsightsFilter, months: readonly string[], metrics: readonly string[], opts: { detailed?: boolean } = {}) {
  return (await sql<CountRow>`${countsSelect(f, months, metrics, opts)}`.execute(trx)).rows;
}

export interface ClockCounts {
  running: number;
  dueSoon: number;
  overdue: number;
  suspended: number;
}

export interface FigureRows {
  counts: CountRow[];
  clocks: ClockCounts;
  overdue: { makerKey: string; mandateIds: string[] }[];
  users: Map<string, string>;
  departments: Map<string, string>;
  /** the names of the mandates the counts name: the holder's name for a person, else the role */
  mandates: Map<string, string>;
  /** the values of the `extra` selects, by name */
  extra: Record<string, unknown>;
  choices: { areas: { id: string; name: string }[]; themes: { id: string; name: string }[]; directors: { id: string; name: string }[] };
}

/**
 * Everything a request reads, in one statement: the rolled-up counts, the plan clocks
 * and overdue commitments now (on their indexes), the names of the users, departments
 * and mandates the counts name, the choices of the filter form, and the `extra`
 * selects (each a scalar subquery yielding one json value: the figures of other
 * modules), so a request sends one statement whatever it shows.
 */
export async function figureRows(
  trx: Tx,
  f: InsightsFilter,
  months: readonly string[],
  metrics: readonly string[],
  today: IsoDate,
  soon: IsoDate,
  extra: Record<string, RawBuilder<unknown>> = {},
): Promise<FigureRows> {
  const mId = f.municipalityId;
  type Named = { id: string; name: string }[];
  const list = (table: 'areas' | 'themes' | 'users', only = sql``) =>
    sql`(select coalesce(json_agg(json_build_object('id', x.id, 'name', x.name) order by x.name, x.id), '[]'::json)
      from ${sql.table(table)} x where x.municipality_id = ${mId} ${only})`;
  // Keys that are ids, looked up by primary key (other keys, such as a maker named
  // without an account, are no id and name themselves).
  const ids = (keys: RawBuilder<unknown>) =>
    sql`array(select k::uuid from (${keys}) ks(k) where k ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')`;
  const named = (table: 'users' | 'departments', keys: RawBuilder<unknown>) =>
    sql`(select coalesce(json_agg(json_build_array(x.id, x.name)), '[]'::json) from ${sql.table(table)} x
      where x.id = any(${ids(keys)}) and x.municipality_id = ${mId})`;
  const r = await sql<{
    counts: [string, string, string, boolean, number][];
    clocks: ClockCounts;
    overdue: { makerKey: string; mandateIds: string[] }[];
    users: [string, string][];
    departments: [string, string][];
    mandates: [string, string][];
    areas: Named;
    themes: Named;
    directors: Named;
  }>`
    with counts as (${countsSelect(f, months, metrics)})
    select
      (select coalesce(json_agg(json_build_array(c.metric, c.dim, c.month, c."inPeriod", c.value)), '[]'::json) from counts c) as counts,
      (${clockSelect(f, today, soon)}) as clocks,
      (${overdueSelect(f, today)}) as overdue,
      ${named(
        'users',
        sql`select split_part(c.dim, '|', 2) from counts c where c.metric = 'commitmentMaker'
          union select c.dim from counts c where c.metric in ('overrule', 'openDelta')`,
      )} as users,
      ${named('departments', sql`select c.dim from counts c where c.metric in ('silenceDept', 'objectionDept')`)} as departments,
      (select coalesce(json_agg(json_build_array(x.id, case when x.holder_kind = 'person' then coalesce(u.name, x.delegated_by) else x.holder_role end)), '[]'::json)
        from mandates x left join users u on u.id = x.holder_user_id
        where x.id = any(${ids(sql`select split_part(c.dim, '|', 2) from counts c where c.metric = 'commitmentMandate'`)}) and x.municipality_id = ${mId}) as mandates,
      ${
        Object.keys(extra).length
          ? sql.join(
              Object.entries(extra).map(([name, select]) => sql`(${select}) as ${sql.ref(name)},`),
              sql` `,
            )
          : sql``
      }
      ${list('areas')} as areas, ${list('themes')} as themes, ${list('users', sql`and x.role = 'director'`)} as directors`.execute(trx);
  const row = r.rows[0];
  if (!row) throw new Error('insights: no row');
  return {
    counts: row.counts.map(([metric, dim, month, inPeriod, value]) => ({ metric, dim, month, inPeriod, value })),
    clocks: row.clocks,
    overdue: row.overdue,
    users: new Map(row.users),
    departments: new Map(row.departments),
    mandates: new Map(row.mandates),
    extra: Object.fromEntries(Object.keys(extra).map((name) => [name, (row as unknown as Record<string, unknown>)[name]])),
    choices: { areas: row.areas, themes: row.themes, directors: row.directors },
  };
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
function clockSelect(f: InsightsFilter, today: IsoDate, soon: IsoDate) {
  return sql`
    select row_to_json(x) from (select
      count(*) filter (where c.suspended_since is null and c.plan_due_on >= ${today}::date)::int as running,
      count(*) filter (where c.suspended_since is null and c.plan_due_on >= ${today}::date and c.plan_due_on <= ${soon}::date)::int as "dueSoon",
      count(*) filter (where c.suspended_since is null and c.plan_due_on < ${today}::date)::int as overdue,
      count(*) filter (where c.suspended_since is not null)::int as suspended
    from cases c join insight_cases k on k.case_id = c.id
    where c.municipality_id = ${f.municipalityId} and c.status in ('intake', 'planning') and c.plan_due_on is not null ${dims(f)}) x`;
}

/** Open commitments past their due date, made within the period, per maker key and per mandate (the keys of rollup.ts). */
function overdueSelect(f: InsightsFilter, today: IsoDate) {
  return sql`
    select coalesce(json_agg(o), '[]'::json) from (select coalesce(x.made_by_user_id::text, 'n:' || x.made_by_name || ' (' || x.made_by_role || ')') as "makerKey", x.mandate_ids::text[] as "mandateIds"
    from commitments x join insight_cases k on k.case_id = x.case_id
    where x.municipality_id = ${f.municipalityId} and x.status in ('binding', 'needsConfirmation') and x.due_on < ${today}::date
      and x.made_on >= ${f.from}::date and x.made_on <= ${f.to}::date ${dims(f)}) o`;
}

/**
 * The version of everything a municipality's figures are made of, in one short
 * statement (docs/product.md#management-information): the version of its rollup
 * (bumped with every change of it: rollup.ts), the newest event of its log (the plan
 * clocks, overdue commitments and names read the current state, and every change of
 * that is recorded there in its own transaction), and each figure source's piece.
 * Each is one or two index steps.
 */
export async function figuresVersion(trx: Tx, mId: string, pieces: readonly RawBuilder<unknown>[]): Promise<string> {
  const r = await sql<{ v: string }>`
    select concat_ws('|',
      coalesce((select v.version from insight_versions v where v.municipality_id = ${mId}), 0),
      coalesce((select max(e.id) from events e where e.municipality_id = ${mId}), 0)
      ${sql.join(
        pieces.map((p) => sql`, coalesce((${p})::text, '')`),
        sql``,
      )}) as v`.execute(trx);
  return r.rows[0]?.v ?? '';
}
