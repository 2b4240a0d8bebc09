// Read model of management information (docs/product.md#management-information): the
// period's figures from the rollup (insight_counts, by municipality, metric and day),
// and the current state of the plan clocks and overdue commitments from the cases_due
// and commitments indexes. Never a scan of the event log.
import { type RawBuilder, sql } from 'kysely';
import type { IsoDate } from '../../kernel/calendar.js';
import type { Tx } from '../../platform/db/index.js';
import { eventLogHead } from '../timeline/index.js';
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
 * one statement. No filter reads insight_totals (and the cut months' days from
 * insight_day_totals), one filter insight_dim_totals (the days from insight_counts), a
 * combination of filters the detailed insight_counts (docs/product.md#management-information).
 */
function countsSelect(f: InsightsFilter, months: readonly string[], metrics: readonly string[], opts: { detailed?: boolean } = {}) {
  const trendFrom = `${months[0]}-01`;
  const metricList = sql`${sql.val([...metrics])}::text[]`;
  const trended = sql`${sql.val([...TRENDED_METRICS, 'openDelta'])}::text[]`;
  const one = singleDimension(f);
  if (one === 'several' || opts.detailed) {
    return sql`
      select k.metric, case when k.metric = 'openDelta' then coalesce(k.director_id::text, '') else k.dim end as dim,
        to_char(k.day::timestamp, 'YYYY-MM') as month, (k.day >= ${f.from}::date) as "inPeriod", sum(k.value)::int as value
      from insight_counts k
      where k.municipality_id = ${f.municipalityId} ${dims(f)}
        and ((k.metric = any(${metricList}) and k.day >= ${trendFrom}::date and k.day <= ${f.to}::date and (k.metric = any(${trended}) or k.day >= ${f.from}::date))
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
  // The days of the edge months, summed per month (and whether within the period): from
  // the daily totals without a filter (one row per day and key), else from the detailed
  // rollup filtered as it always was. The monthly rows are already one per metric, key
  // and month (the rollups' primary keys), so only these are grouped.
  const inDays = sql`(${sql.join(
    dayRanges.map((r) => sql`(k.day between ${r.from}::date and ${r.to}::date)`),
    sql` or `,
  )})`;
  const days = !dayRanges.length
    ? sql`select null::text, null::text, null::date, null::boolean, 0 where false`
    : one === 'none'
      ? sql`select k.metric, k.dim, date_trunc('month', k.day)::date as month, (k.day >= ${f.from}::date) as "inPeriod", sum(k.value)::int as value
        from insight_day_totals k
        where k.municipality_id = ${f.municipalityId} and k.metric = any(${allMetrics}) and ${inDays} and (k.metric = any(${trended}) or k.day >= ${f.from}::date)
        group by 1, 2, 3, 4
        having sum(k.value) <> 0`
      : sql`select k.metric, case when k.metric = 'openDelta' then coalesce(k.director_id::text, '') else k.dim end as dim,
          date_trunc('month', k.day)::date as month, (k.day >= ${f.from}::date) as "inPeriod", sum(k.value)::int as value
        from insight_counts k
        where k.municipality_id = ${f.municipalityId} and k.metric = any(${allMetrics}) ${dims(f)} and ${inDays} and (k.metric = any(${trended}) or k.day >= ${f.from}::date)
        group by 1, 2, 3, 4
        having sum(k.value) <> 0`;
  return sql`
    select x.metric, x.dim, to_char(x.month::timestamp, 'YYYY-MM') as month, x."inPeriod", x.value
    from (
      select k.metric, k.dim, k.month, (k.month >= ${f.from}::date) as "inPeriod", k.value::int as value from ${table} k
      where ${where} and k.metric = any(${allMetrics}) ${monthsRange} and (k.metric = any(${trended}) or k.month >= ${f.from}::date) and k.value <> 0
      union all
      select k.metric, k.dim, k.month, false, k.value::int from ${table} k
      where ${where} and k.metric = 'openDelta' and k.month < ${trendFrom}::date and k.value <> 0
      union all
      ${days}
    ) x`;
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

/** Count, median and p90 of a lead-time metric in one month, or in the whole period (`month` 'period'). */
export interface LeadTimeRow {
  metric: 'leadToPlan' | 'leadToClose';
  month: string;
  count: number;
  median: number | null;
  p90: number | null;
}

/**
 * The metrics shown per month of the trend (service.ts's `perMonth` and the lead times;
 * openDelta, the workload, is read from the first case on). Every other metric is only
 * counted within the period, so its rows before the period's first day are not read.
 */
export const TRENDED_METRICS = ['planTerm', 'round', 'answer', 'commitment', 'leadToPlan', 'leadToClose'] as const;

/** The metrics whose key is a number of days: read as their count, median and p90 (leadTimesSelect), not row by row. */
export const LEAD_TIME_METRICS = ['leadToPlan', 'leadToClose'] as const;

/**
 * Count, median and p90 of each lead-time metric per month of the trend (whether in
 * the period or not) and over the period's days, from the `counts` CTE of figureRows:
 * the nearest-rank quantile of model.ts (`quantile`), as SQL — the smallest number of
 * days with at least q of the count at or below it — so the distributions (a row per
 * month and number of days) stay in the database. insights.int.test.ts compares the two.
 */
function leadTimesSelect() {
  const metrics = sql`${sql.val([...LEAD_TIME_METRICS])}::text[]`;
  return sql`
    select coalesce(json_agg(json_build_array(q.metric, q.month, q.count, q.median, q.p90)), '[]'::json) from (
      select d.metric, d.month, sum(d.value)::int as count,
        min(d.days) filter (where d.cum >= greatest(1, ceil(0.5 * d.total))) as median,
        min(d.days) filter (where d.cum >= greatest(1, ceil(0.9 * d.total))) as p90
      from (
        select x.metric, x.month, x.days, x.value,
          sum(x.value) over (partition by x.metric, x.month order by x.days) as cum,
          sum(x.value) over (partition by x.metric, x.month) as total
        from (
          select c.metric, c.month, c.dim::int as days, sum(c.value) as value
          from counts c where c.metric = any(${metrics}) and c.value > 0 group by 1, 2, 3
          union all
          select c.metric, 'period', c.dim::int, sum(c.value)
          from counts c where c.metric = any(${metrics}) and c.value > 0 and c."inPeriod" group by 1, 2, 3
        ) x
      ) d
      group by d.metric, d.month) q`;
}

export interface FigureRows {
  /** the counted rows, but for the lead times (LEAD_TIME_METRICS), which are in `leadTimes` */
  counts: CountRow[];
  leadTimes: LeadTimeRow[];
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
  // Keys that are ids, each looked up by primary key (other keys, such as a maker named
  // without an account, are no id and name themselves): collected from the counts in one
  // pass, by what they name.
  const named = (table: 'users' | 'departments', kind: 'user' | 'department') =>
    sql`(select coalesce(json_agg(json_build_array(x.id, x.name)), '[]'::json) from ${sql.table(table)} x
      where x.id = any(array(select n.id::uuid from names n where n.kind = ${kind})) and x.municipality_id = ${mId})`;
  const r = await sql<{
    counts: [string, string, string, boolean, number][];
    leadTimes: [LeadTimeRow['metric'], string, number, number | null, number | null][];
    clocks: ClockCounts;
    overdue: { makerKey: string; mandateIds: string[] }[];
    users: [string, string][];
    departments: [string, string][];
    mandates: [string, string][];
    areas: Named;
    themes: Named;
    directors: Named;
  }>`
    with counts as (${countsSelect(f, months, metrics)}),
    names as (
      select distinct n.kind, n.id from (select distinct c.metric, c.dim from counts c
        where c.metric in ('overrule', 'openDelta', 'commitmentMaker', 'silenceDept', 'objectionDept', 'commitmentMandate')) c
      cross join lateral (values
        (case when c.metric in ('overrule', 'openDelta', 'commitmentMaker') then 'user'
          when c.metric in ('silenceDept', 'objectionDept') then 'department'
          when c.metric = 'commitmentMandate' then 'mandate' end,
         case when c.metric in ('commitmentMaker', 'commitmentMandate') then split_part(c.dim, '|', 2) else c.dim end)) n(kind, id)
      where n.kind is not null and n.id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
    )
    select
      (select coalesce(json_agg(json_build_array(c.metric, c.dim, c.month, c."inPeriod", c.value)), '[]'::json) from counts c
        where c.metric <> all(${sql.val([...LEAD_TIME_METRICS])}::text[])) as counts,
      (${leadTimesSelect()}) as "leadTimes",
      (${clockSelect(f, today, soon)}) as clocks,
      (${overdueSelect(f, today)}) as overdue,
      ${named('users', 'user')} as users,
      ${named('departments', 'department')} as departments,
      (select coalesce(json_agg(json_build_array(x.id, case when x.holder_kind = 'person' then coalesce(u.name, x.delegated_by) else x.holder_role end)), '[]'::json)
        from mandates x left join users u on u.id = x.holder_user_id
        where x.id = any(array(select n.id::uuid from names n where n.kind = 'mandate')) and x.municipality_id = ${mId}) as mandates,
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
    leadTimes: row.leadTimes.map(([metric, month, count, median, p90]) => ({ metric, month, count, median, p90 })),
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
  // The dimensions of a case are those of its rollup row; without a filter the counted
  // cases (an initiator known, as rollup.ts's scope) are read from the open cases' own
  // index alone, without a lookup per case.
  // With a filter, the open cases come first (materialized, from cases_due) and each is
  // looked up by its key: otherwise a filter on a theme or domain, which the planner
  // cannot estimate, scans every counted case of the municipality instead.
  const filtered = singleDimension(f) !== 'none';
  const counts = sql`
    count(*) filter (where c.suspended_since is null and c.plan_due_on >= ${today}::date)::int as running,
    count(*) filter (where c.suspended_since is null and c.plan_due_on >= ${today}::date and c.plan_due_on <= ${soon}::date)::int as "dueSoon",
    count(*) filter (where c.suspended_since is null and c.plan_due_on < ${today}::date)::int as overdue,
    count(*) filter (where c.suspended_since is not null)::int as suspended`;
  const open = sql`cases c where c.municipality_id = ${f.municipalityId} and c.status in ('intake', 'planning') and c.plan_due_on is not null`;
  return filtered
    ? sql`
      with open as materialized (select c.id, c.plan_due_on, c.suspended_since from ${open})
      select row_to_json(x) from (select ${counts} from open c join insight_cases k on k.case_id = c.id where true ${dims(f)}) x`
    : sql`select row_to_json(x) from (select ${counts} from ${open} and c.initiator_id is not null) x`;
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
 * Each is one or two index steps. `all` joins them; `pieces` are the sources' own, in
 * the order given, for the figures cached per source.
 */
export async function figuresVersion(trx: Tx, mId: string, pieces: readonly RawBuilder<unknown>[]): Promise<{ all: string; pieces: string[] }> {
  const r = await sql<{ v: string[] }>`
    select array[
      coalesce((select v.version from insight_versions v where v.municipality_id = ${mId}), 0)::text,
      coalesce(${eventLogHead(mId)}, 0)::text
      ${sql.join(
        pieces.map((p) => sql`, coalesce((${p})::text, '')`),
        sql``,
      )}] as v`.execute(trx);
  const v = r.rows[0]?.v ?? [];
  return { all: v.join('|'), pieces: v.slice(2) };
}
