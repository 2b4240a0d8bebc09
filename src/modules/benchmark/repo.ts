// The benchmark's own tables: the figures per municipality and month and how far the
// job got. Every function here deliberately crosses municipalities (the job computes
// them all, the comparison reads the participants' aggregates), so each is named
// `unsafe…` and takes a privileged transaction (docs/architecture.md#a-module-file-by-file).
import { sql } from 'kysely';
import type { IsoDate } from '../../kernel/calendar.js';
import type { Tx } from '../../platform/db/index.js';
import type { Licence, MonthCounts } from './model.js';

/** A row of marks per municipality and month, as the satisfaction survey gives them. */
export interface MarkRow {
  municipalityId: string;
  month: string;
  answers: number;
  markSum: number;
}

export interface Claimed {
  municipalityId: string;
  /** first month to (re)compute, `YYYY-MM-01` */
  fromMonth: IsoDate;
  lastEventId: number;
}

/**
 * Claim up to `limit` municipalities whose figures are due: taking part or publishing,
 * and never computed, computed before today, or with events since the last run. The
 * rows stay locked (`for update skip locked`) until the claiming transaction ends, so
 * a second process claims others. Recent months are recomputed (`recentFrom` on),
 * a municipality computed for the first time from its first case.
 */
export async function unsafeClaimDue(trx: Tx, o: { today: IsoDate; recentFrom: IsoDate; limit: number }): Promise<Claimed[]> {
  await sql`
    insert into benchmark_refresh (municipality_id, refreshed_at, refreshed_on, last_event_id)
    select m.id, '-infinity', '1900-01-01', -1 from municipalities m
    where m.benchmark_opt_in or m.publish_figures
    on conflict (municipality_id) do nothing`.execute(trx);
  const r = await sql<{ municipality_id: string; first_run: boolean; latest_event: string }>`
    with due as (
      select r.municipality_id, r.last_event_id < 0 as first_run,
        coalesce((select max(e.id) from events e where e.municipality_id = r.municipality_id), 0) as latest_event
      from benchmark_refresh r join municipalities m on m.id = r.municipality_id
      where m.benchmark_opt_in or m.publish_figures
    )
    select r.municipality_id, due.first_run, due.latest_event::text as latest_event
    from benchmark_refresh r join due on due.municipality_id = r.municipality_id
    -- on the locked row's own columns, so a row another run has just computed is seen as done
    where r.refreshed_on < ${o.today}::date or r.last_event_id < due.latest_event
    order by r.refreshed_at, r.municipality_id
    limit ${o.limit}
    for update of r skip locked`.execute(trx);
  if (r.rows.length === 0) return [];
  const firsts = r.rows.filter((x) => x.first_run).map((x) => x.municipality_id);
  const starts = new Map<string, string>();
  if (firsts.length) {
    const s = await sql<{ municipality_id: string; first: string }>`
      select c.municipality_id, to_char(date_trunc('month', min(c.submitted_at at time zone 'Europe/Amsterdam')), 'YYYY-MM-DD') as first
      from cases c where c.municipality_id = any(${firsts}::uuid[]) group by c.municipality_id`.execute(trx);
    for (const x of s.rows) starts.set(x.municipality_id, x.first < o.recentFrom ? x.first : o.recentFrom);
  }
  return r.rows.map((x) => ({
    municipalityId: x.municipality_id,
    fromMonth: x.first_run ? (starts.get(x.municipality_id) ?? o.recentFrom) : o.recentFrom,
    lastEventId: Number(x.latest_event),
  }));
}

/**
 * Recompute the claimed municipalities' figures from `fromMonth` to this month, in one
 * set-based statement over cases, plans and commitments
 * (docs/product.md#comparing-municipalities): plans by the month of their due date,
 * with the council overview's rule for on time, late and overdue; lead times by the
 * month the plan was agreed; commitments by the month of their (current) due date.
 * Marks come from the satisfaction survey when Regie has one (null otherwise).
 */
export async function unsafeComputeFigures(trx: Tx, o: { claimed: Claimed[]; today: IsoDate; now: Date; marks: MarkRow[] | null }): Promise<void> {
  if (o.claimed.length === 0) return;
  const ids = o.claimed.map((c) => c.municipalityId);
  const froms = o.claimed.map((c) => c.fromMonth);
  const marks = o.marks ?? [];
  const known = o.marks !== null;
  await sql`
    delete from benchmark_figures f using unnest(${ids}::uuid[], ${froms}::date[]) as t(municipality_id, from_month)
    where f.municipality_id = t.municipality_id and f.month >= t.from_month`.execute(trx);
  await sql`
    with todo as (
      select * from unnest(${ids}::uuid[], ${froms}::date[]) as t(municipality_id, from_month)
    ),
    agreed as (
      select p.case_id, min(greatest(p.initiator_agreed_at, p.director_agreed_at)) as agreed_at
      from plans p join todo on todo.municipality_id = p.municipality_id
      where p.initiator_agreed_at is not null and p.director_agreed_at is not null
      group by p.case_id
    ),
    case_rows as (
      select c.municipality_id, todo.from_month, c.status, c.plan_due_on, c.suspended_since,
        (c.intake_at at time zone 'Europe/Amsterdam')::date as intake_on,
        (ag.agreed_at at time zone 'Europe/Amsterdam')::date as agreed_on
      from cases c join todo on todo.municipality_id = c.municipality_id
      left join agreed ag on ag.case_id = c.id
      -- an unconfirmed public intake is not yet a case (docs/product.md#the-council-overview)
      where c.initiator_id is not null
    ),
    plan_terms as (
      -- council/model.ts planTerm, the same rule in SQL
      select municipality_id, date_trunc('month', plan_due_on)::date as month,
        case
          when agreed_on is not null then case when agreed_on <= plan_due_on then 'onTime' else 'late' end
          when status not in ('intake', 'planning') then 'none'
          when suspended_since is null and plan_due_on < ${o.today}::date then 'overdue'
          else 'running'
        end as term
      from case_rows where plan_due_on is not null and plan_due_on >= from_month
    ),
    plans_m as (
      select municipality_id, month,
        count(*) filter (where term = 'onTime')::int as on_time,
        count(*) filter (where term = 'late')::int as late,
        count(*) filter (where term = 'overdue')::int as overdue
      from plan_terms group by municipality_id, month
    ),
    lead_m as (
      select municipality_id, date_trunc('month', agreed_on)::date as month,
        array_agg(greatest(0, agreed_on - intake_on) order by greatest(0, agreed_on - intake_on)) as lead_days
      from case_rows where agreed_on is not null and intake_on is not null and agreed_on >= from_month
      group by municipality_id, date_trunc('month', agreed_on)
    ),
    commitments_m as (
      -- benchmark/model.ts commitmentStanding, the same rule in SQL
      select k.municipality_id, date_trunc('month', k.due_on)::date as month,
        count(*) filter (where k.status = 'kept')::int as kept,
        count(*) filter (where k.status = 'broken')::int as broken,
        count(*) filter (where k.status in ('binding', 'needsConfirmation') and k.due_on < ${o.today}::date)::int as overdue
      from commitments k join todo on todo.municipality_id = k.municipality_id
      where k.due_on >= todo.from_month
      group by k.municipality_id, date_trunc('month', k.due_on)
    ),
    marks_m as (
      select * from unnest(${marks.map((m) => m.municipalityId)}::uuid[], ${marks.map((m) => `${m.month}-01`)}::date[],
        ${marks.map((m) => m.answers)}::int[], ${marks.map((m) => m.markSum)}::int[]) as x(municipality_id, month, answers, mark_sum)
    ),
    months as (
      select todo.municipality_id, g::date as month
      from todo cross join lateral generate_series(todo.from_month, date_trunc('month', ${o.today}::date), interval '1 month') g
    )
    insert into benchmark_figures (municipality_id, month, plans_on_time, plans_late, plans_overdue, lead_days,
      commitments_kept, commitments_broken, commitments_overdue, mark_answers, mark_sum, computed_at)
    select mo.municipality_id, mo.month,
      coalesce(p.on_time, 0), coalesce(p.late, 0), coalesce(p.overdue, 0), coalesce(l.lead_days, '{}'),
      coalesce(k.kept, 0), coalesce(k.broken, 0), coalesce(k.overdue, 0),
      case when ${known}::boolean then coalesce(mk.answers, 0) end, case when ${known}::boolean then coalesce(mk.mark_sum, 0) end,
      ${o.now}
    from months mo
    left join plans_m p on p.municipality_id = mo.municipality_id and p.month = mo.month
    left join lead_m l on l.municipality_id = mo.municipality_id and l.month = mo.month
    left join commitments_m k on k.municipality_id = mo.municipality_id and k.month = mo.month
    left join marks_m mk on mk.municipality_id = mo.municipality_id and mk.month = mo.month`.execute(trx);
  await sql`
    update benchmark_refresh r set refreshed_at = ${o.now}, refreshed_on = ${o.today}::date, last_event_id = t.last_event_id
    from unnest(${ids}::uuid[], ${o.claimed.map((c) => c.lastEventId)}::bigint[]) as t(municipality_id, last_event_id)
    where r.municipality_id = t.municipality_id`.execute(trx);
}

/**
 * The version of what a comparison is made of (docs/product.md#comparing-municipalities):
 * every run of the job leaves its time, day and last event on the refresh row of each
 * municipality it computed, and the participants are who take part, with how many
 * inhabitants (their size class). A digest of both, read across municipalities.
 */
export async function unsafeBenchmarkVersion(trx: Tx): Promise<string> {
  const r = await sql<{ v: string }>`
    select concat_ws('/',
      (select md5(coalesce(string_agg(concat_ws(':', r.municipality_id, r.refreshed_at, r.refreshed_on, r.last_event_id), ',' order by r.municipality_id), ''))
        from benchmark_refresh r),
      (select md5(coalesce(string_agg(concat_ws(':', m.id, m.inhabitants), ',' order by m.id), ''))
        from municipalities m where m.benchmark_opt_in)) as v`.execute(trx);
  return r.rows[0]?.v ?? '';
}

export interface ParticipantMonths {
  municipalityId: string;
  inhabitants: number | null;
  months: MonthCounts[];
}

/**
 * The stored monthly figures of every municipality taking part in the comparison, for
 * the months from `from` to `to` (`YYYY-MM`). Ids stay in the service: the comparison
 * answers aggregates only (docs/product.md#small-numbers-are-not-shown).
 */
export async function unsafeParticipantMonths(trx: Tx, p: { from: string; to: string }): Promise<ParticipantMonths[]> {
  const r = await sql<MonthCounts & { municipalityId: string; inhabitants: number | null }>`
    select f.municipality_id as "municipalityId", m.inhabitants, to_char(f.month, 'YYYY-MM') as month,
      f.plans_on_time as "plansOnTime", f.plans_late as "plansLate", f.plans_overdue as "plansOverdue", f.lead_days as "leadDays",
      f.commitments_kept as "commitmentsKept", f.commitments_broken as "commitmentsBroken", f.commitments_overdue as "commitmentsOverdue",
      f.mark_answers as "markAnswers", f.mark_sum as "markSum"
    from benchmark_figures f join municipalities m on m.id = f.municipality_id
    where m.benchmark_opt_in and f.month between ${`${p.from}-01`}::date and ${`${p.to}-01`}::date
    order by f.municipality_id, f.month`.execute(trx);
  const by = new Map<string, ParticipantMonths>();
  for (const { municipalityId, inhabitants, ...m } of r.rows) {
    const e = by.get(municipalityId) ?? { municipalityId, inhabitants, months: [] };
    e.months.push(m);
    by.set(municipalityId, e);
  }
  return [...by.values()];
}

/** One municipality's own monthly figures, by its id. */
export async function monthsOf(trx: Tx, mId: string, p: { from: string; to: string }): Promise<MonthCounts[]> {
  const r = await sql<MonthCounts>`
    select to_char(f.month, 'YYYY-MM') as month,
      f.plans_on_time as "plansOnTime", f.plans_late as "plansLate", f.plans_overdue as "plansOverdue", f.lead_days as "leadDays",
      f.commitments_kept as "commitmentsKept", f.commitments_broken as "commitmentsBroken", f.commitments_overdue as "commitmentsOverdue",
      f.mark_answers as "markAnswers", f.mark_sum as "markSum"
    from benchmark_figures f
    where f.municipality_id = ${mId} and f.month between ${`${p.from}-01`}::date and ${`${p.to}-01`}::date
    order by f.month`.execute(trx);
  return r.rows;
}

export interface BenchmarkSettings {
  id: string;
  slug: string;
  name: string;
  inhabitants: number | null;
  benchmarkOptIn: boolean;
  publishFigures: boolean;
  openDataLicence: Licence;
}

const settingsColumns = sql.raw(
  `id, slug, name, inhabitants, benchmark_opt_in as "benchmarkOptIn", publish_figures as "publishFigures", open_data_licence as "openDataLicence"`,
);

/** A municipality's benchmark settings, by its id. */
export async function settingsOf(trx: Tx, mId: string): Promise<BenchmarkSettings> {
  const r = await sql<BenchmarkSettings>`select ${settingsColumns} from municipalities where id = ${mId}`.execute(trx);
  return r.rows[0] as BenchmarkSettings;
}

/** A publishing municipality by slug; undefined when it does not exist or does not publish. */
export async function unsafePublisher(trx: Tx, slug: string): Promise<BenchmarkSettings | undefined> {
  const r = await sql<BenchmarkSettings>`select ${settingsColumns} from municipalities where slug = ${slug} and publish_figures`.execute(trx);
  return r.rows[0];
}

/** Every municipality that publishes its figures, by name. */
export async function unsafePublishers(trx: Tx): Promise<BenchmarkSettings[]> {
  const r = await sql<BenchmarkSettings>`select ${settingsColumns} from municipalities where publish_figures order by name, slug`.execute(trx);
  return r.rows;
}
