// The rollup behind management information (docs/product.md#management-information).
//
// Three tables (db/migrations/018_insights.sql): per counted case the dimensions it is
// filtered by (insight_cases), per case its facts (insight_facts: what counts on which
// day under which key) and the facts summed per municipality × day × metric × key ×
// dimensions (insight_counts); and coarse rollups of the same sums, which the figures
// read (queries.ts): per month for the whole municipality (insight_totals) and per
// single dimension (insight_dim_totals: db/migrations/021_insight_totals.sql), and per
// day for the whole municipality (insight_day_totals: 040_insight_day_totals.sql). All
// of them change in the same transaction by the same delta.
//
// One set-based SQL derivation of the facts serves both ways of keeping them:
// - incrementally: the job claims rows of insight_queue (one per event, written by a
//   trigger in the event's transaction) with `for update skip locked` and recomputes
//   the cases named there: their old facts are subtracted from the counts, the facts
//   derived anew and added (recomputeCases);
// - from scratch: rebuildMunicipality derives every case of a municipality at once.
// Both hold the municipality's advisory lock for their transaction: batches of one
// municipality are applied one at a time (two processes claim different queue rows,
// then take turns), so they never update the same counts in a different order and
// deadlock, and a rebuild never meets a half-applied batch.
import { type RawBuilder, sql } from 'kysely';
import type { Tx } from '../../platform/db/index.js';

/** The Dutch calendar day of a timestamp (the zone of `dutchDate`, src/kernel/clock.ts). */
const dutchDay = (column: string) => sql.raw(`(${column} at time zone 'Europe/Amsterdam')::date`);

/** The memory a rebuild's sorts and sums may use per step (PostgreSQL's work_mem, for its transaction only). */
const REBUILD_WORK_MEM = '64MB';

/** Namespace of the advisory locks (pg_advisory_xact_lock(int, int)). */
const LOCK_SPACE = 18018;

async function lockMunicipality(trx: Tx, mId: string) {
  await sql`select pg_advisory_xact_lock(${LOCK_SPACE}, hashtext(${mId}))`.execute(trx);
}

/**
 * Bump the version of the municipality's rollup (db/migrations/038_insight_versions.sql)
 * in the transaction that changes it: figures cached under the old version are not
 * served again once it commits (docs/product.md#management-information). Under the
 * municipality's lock, so the versions follow the order the changes commit in.
 */
async function bumpVersion(trx: Tx, mId: string) {
  await sql`
    insert into insight_versions (municipality_id, version) values (${mId}, 1)
    on conflict (municipality_id) do update set version = insight_versions.version + 1`.execute(trx);
}

/**
 * The facts of the cases in `scope` (a CTE yielding counted cases: id, submitted_on,
 * plan_due_on, status, closed_at). Each row: case, day, metric, key, value. The metrics
 * and their keys are listed in docs/product.md#management-information.
 */
function factsSelect(mId: string, scope: RawBuilder<unknown>) {
  const m = sql`${mId}::uuid`;
  return sql`
    with scope as (${scope}),
    agreed as (
      -- The day the plan was first agreed: as the council overview counts it
      -- (docs/product.md#the-council-overview).
      select p.case_id, ${dutchDay('min(greatest(p.initiator_agreed_at, p.director_agreed_at))')} as day
      from plans p join scope s on s.id = p.case_id
      where p.municipality_id = ${m} and p.initiator_agreed_at is not null and p.director_agreed_at is not null
      group by p.case_id
    ),
    withdrawn as (
      select e.case_id, max(${dutchDay('e.created_at')}) as day
      from events e join scope s on s.id = e.case_id
      where e.municipality_id = ${m} and s.status = 'withdrawn' and e.type = 'case.statusChanged' and e.payload ->> 'to' = 'withdrawn'
      group by e.case_id
    ),
    base as (
      select s.id, s.submitted_on, s.plan_due_on, a.day as agreed_on,
        case when s.status = 'closed' then ${dutchDay('s.closed_at')} end as closed_on,
        case when s.status = 'withdrawn' then coalesce(w.day, ${dutchDay('s.updated_at')}) end as withdrawn_on
      from scope s left join agreed a on a.case_id = s.id left join withdrawn w on w.case_id = s.id
    ),
    parties as (
      select r.case_id, p.department_id, a.kind, a.rules, ${dutchDay('a.answered_at')} as day
      from assessment_rounds r
      join scope s on s.id = r.case_id
      join assessment_parties p on p.round_id = r.id and p.municipality_id = ${m}
      join assessment_answers a on a.id = p.current_answer_id and a.municipality_id = ${m}
      where r.municipality_id = ${m}
    )
    select id as case_id, submitted_on as day, 'submitted' as metric, '' as dim, 1::bigint as value from base
    union all select id, submitted_on, 'openDelta', '', 1 from base
    union all select id, coalesce(closed_on, withdrawn_on), 'openDelta', '', -1 from base where coalesce(closed_on, withdrawn_on) is not null
    union all select id, withdrawn_on, 'withdrawn', '', 1 from base where withdrawn_on is not null
    union all select id, agreed_on, 'leadToPlan', (agreed_on - submitted_on)::text, 1 from base where agreed_on is not null
    union all select id, agreed_on, 'planTerm', case when agreed_on <= plan_due_on then 'onTime' else 'late' end, 1
      from base where agreed_on is not null and plan_due_on is not null
    union all select id, closed_on, 'closed', '', 1 from base where closed_on is not null
    union all select id, closed_on, 'leadToClose', (closed_on - agreed_on)::text, 1 from base where closed_on is not null and agreed_on is not null
    union all select x.case_id, x.started_on, 'suspended', '', 1 from suspensions x join scope s on s.id = x.case_id where x.municipality_id = ${m}
    union all select x.case_id, x.ended_on, 'suspendedDays', '', (x.ended_on - x.started_on)::bigint
      from suspensions x join scope s on s.id = x.case_id where x.municipality_id = ${m} and x.ended_on is not null
    union all select r.case_id, r.opened_on, 'round', '', 1 from assessment_rounds r join scope s on s.id = r.case_id where r.municipality_id = ${m}
    union all select case_id, day, 'answer', kind, 1 from parties
    union all select case_id, day, 'silenceDept', coalesce(department_id::text, 'outside'), 1 from parties where kind = 'silence'
    union all select case_id, day, 'objectionDept', coalesce(department_id::text, 'outside'), 1 from parties where kind = 'objection'
    union all select p.case_id, p.day, 'objectionRule', x.rule ->> 'code', 1
      from parties p cross join lateral jsonb_array_elements(p.rules) as x(rule) where p.kind = 'objection'
    union all select l.case_id, ${dutchDay('l.created_at')}, 'lateObjection', l.cause, 1
      from late_objections l join scope s on s.id = l.case_id where l.municipality_id = ${m}
    union all select r.case_id, ${dutchDay('o.created_at')}, 'overrule', o.overruled_by::text, 1
      from assessment_overrules o
      join assessment_answers a on a.id = o.answer_id and a.municipality_id = ${m}
      join assessment_rounds r on r.id = a.round_id and r.municipality_id = ${m}
      join scope s on s.id = r.case_id
      where o.municipality_id = ${m}
    union all select k.case_id, k.made_on, 'commitment', k.status, 1 from commitments k join scope s on s.id = k.case_id where k.municipality_id = ${m}
    union all select k.case_id, k.made_on, 'commitmentMaker', k.status || '|' || coalesce(k.made_by_user_id::text, 'n:' || k.made_by_name || ' (' || k.made_by_role || ')'), 1
      from commitments k join scope s on s.id = k.case_id where k.municipality_id = ${m}
    union all select k.case_id, k.made_on, 'commitmentMandate', k.status || '|' || x.mandate_id::text, 1
      from commitments k join scope s on s.id = k.case_id cross join lateral unnest(k.mandate_ids) as x(mandate_id)
      where k.municipality_id = ${m}`;
}

/** The counted cases of a municipality (an initiator known: docs/product.md#the-council-overview), optionally only some. */
function scopeOf(mId: string, caseIds: readonly string[] | null) {
  const only = caseIds ? sql`and c.id = any(${sql.val([...caseIds])}::uuid[])` : sql``;
  return sql`
    select c.id, c.area_id, c.director_id, ${dutchDay('c.submitted_at')} as submitted_on, c.plan_due_on, c.status, c.closed_at, c.updated_at
    from cases c where c.municipality_id = ${mId} and c.initiator_id is not null ${only}`;
}

/** A case's domains (docs/product.md#domain-of-a-case): those of the departments asked in its rounds. */
function dimensionsInsert(mId: string, scope: RawBuilder<unknown>) {
  return sql`
    insert into insight_cases (case_id, municipality_id, area_id, director_id, theme_ids, domains)
    select s.id, ${mId}, s.area_id, s.director_id,
      coalesce(t.ids, '{}'), coalesce(d.domains, '{}')
    from (${scope}) s
    left join (select ct.case_id, array_agg(ct.theme_id order by ct.theme_id) as ids from case_themes ct
               where ct.municipality_id = ${mId} group by ct.case_id) t on t.case_id = s.id
    left join (select r.case_id, array_agg(distinct dp.domain order by dp.domain) as domains
               from assessment_rounds r
               join assessment_parties p on p.round_id = r.id and p.municipality_id = ${mId} and p.kind = 'department'
               join departments dp on dp.id = p.department_id and dp.municipality_id = ${mId}
               where r.municipality_id = ${mId} group by r.case_id) d on d.case_id = s.id`;
}

/**
 * Add a source of (day, metric, dim, area_id, director_id, theme_ids, domains, value)
 * rows to the coarse rollups read by the figures (db/migrations/021_insight_totals.sql,
 * 040_insight_day_totals.sql): per month for the whole municipality and per single
 * dimension, per day for the whole municipality. For
 * openDelta the key becomes the case's director (the workload per director).
 */
async function applyToTotals(trx: Tx, mId: string, source: RawBuilder<unknown>) {
  const key = sql`case when s.metric = 'openDelta' then coalesce(s.director_id::text, '') else s.dim end`;
  await sql`
    insert into insight_totals (municipality_id, metric, month, dim, value)
    select ${mId}, s.metric, date_trunc('month', s.day)::date, ${key}, sum(s.value)
    from (${source}) s
    group by 2, 3, 4
    on conflict (municipality_id, metric, month, dim) do update set value = insight_totals.value + excluded.value`.execute(trx);
  await sql`
    insert into insight_day_totals (municipality_id, metric, day, dim, value)
    select ${mId}, s.metric, s.day, ${key}, sum(s.value)
    from (${source}) s
    group by 2, 3, 4
    on conflict (municipality_id, metric, day, dim) do update set value = insight_day_totals.value + excluded.value`.execute(trx);
  await sql`
    insert into insight_dim_totals (municipality_id, dim_kind, dim_value, metric, month, dim, value)
    select ${mId}, d.kind, d.value, s.metric, date_trunc('month', s.day)::date, ${key}, sum(s.value)
    from (${source}) s
    cross join lateral (
      select 'area', s.area_id::text where s.area_id is not null
      union all select 'director', s.director_id::text where s.director_id is not null
      union all select 'theme', x::text from unnest(s.theme_ids) x
      union all select 'domain', x from unnest(s.domains) x
    ) d(kind, value)
    group by 2, 3, 4, 5, 6
    on conflict (municipality_id, dim_kind, dim_value, metric, month, dim)
    do update set value = insight_dim_totals.value + excluded.value`.execute(trx);
}

/**
 * Add (sign 1) or subtract (sign -1) the facts of some cases to the counts and the
 * coarse rollups, in the caller's transaction (the same delta in every table, so they
 * never drift apart).
 */
async function applyToCounts(trx: Tx, mId: string, caseIds: readonly string[] | null, sign: 1 | -1) {
  const only = caseIds ? sql`and f.case_id = any(${sql.val([...caseIds])}::uuid[])` : sql``;
  const source = sql`
    select f.day, f.metric, f.dim, c.area_id, c.director_id, c.theme_ids, c.domains, ${sign} * sum(f.value) as value
    from insight_facts f join insight_cases c on c.case_id = f.case_id
    where f.municipality_id = ${mId} ${only}
    group by f.day, f.metric, f.dim, c.area_id, c.director_id, c.theme_ids, c.domains`;
  await sql`
    insert into insight_counts (municipality_id, day, metric, dim, area_id, director_id, theme_ids, domains, value)
    select ${mId}, s.day, s.metric, s.dim, s.area_id, s.director_id, s.theme_ids, s.domains, s.value from (${source}) s
    on conflict (municipality_id, metric, day, dim, area_id, director_id, theme_ids, domains)
    do update set value = insight_counts.value + excluded.value`.execute(trx);
  await applyToTotals(trx, mId, source);
}

/**
 * Recompute some cases of one municipality in the caller's transaction: subtract what
 * they counted, derive their dimensions and facts anew, add them again. Idempotent:
 * recomputing a case twice leaves the counts as once.
 */
export async function recomputeCases(trx: Tx, mId: string, caseIds: readonly string[]): Promise<void> {
  if (!caseIds.length) return;
  const ids = [...new Set(caseIds)].sort();
  await lockMunicipality(trx, mId);
  await applyToCounts(trx, mId, ids, -1);
  const idArray = sql`${sql.val(ids)}::uuid[]`;
  await sql`delete from insight_facts where municipality_id = ${mId} and case_id = any(${idArray})`.execute(trx);
  await sql`delete from insight_cases where municipality_id = ${mId} and case_id = any(${idArray})`.execute(trx);
  await derive(trx, mId, ids);
  await applyToCounts(trx, mId, ids, 1);
  await bumpVersion(trx, mId);
}

async function derive(trx: Tx, mId: string, caseIds: readonly string[] | null) {
  const scope = scopeOf(mId, caseIds);
  await dimensionsInsert(mId, scope).execute(trx);
  await sql`
    insert into insight_facts (municipality_id, case_id, day, metric, dim, value)
    select ${mId}, f.case_id, f.day, f.metric, f.dim, f.value from (${factsSelect(mId, scope)}) f`.execute(trx);
}

/**
 * Rebuild a municipality's rollup from its whole history, in the caller's transaction
 * (docs/product.md#management-information): set-based, idempotent, and safe while the
 * job runs: the municipality's lock waits for a batch under way and holds new ones back.
 */
export async function rebuildMunicipality(trx: Tx, mId: string): Promise<void> {
  await lockMunicipality(trx, mId);
  // The sums below group every fact of the municipality at once: in memory, not on disk.
  await sql`select set_config('work_mem', ${REBUILD_WORK_MEM}, true)`.execute(trx);
  await sql`delete from insight_counts where municipality_id = ${mId}`.execute(trx);
  await sql`delete from insight_totals where municipality_id = ${mId}`.execute(trx);
  await sql`delete from insight_dim_totals where municipality_id = ${mId}`.execute(trx);
  await sql`delete from insight_day_totals where municipality_id = ${mId}`.execute(trx);
  await sql`delete from insight_facts where municipality_id = ${mId}`.execute(trx);
  await sql`delete from insight_cases where municipality_id = ${mId}`.execute(trx);
  const scope = scopeOf(mId, null);
  await dimensionsInsert(mId, scope).execute(trx);
  // One pass: the facts are written and, as they are written, summed into the counts;
  // the counts as they are written summed per day and per month into the coarse rollups
  // (the same sums as applyToTotals over the counts, without reading back what was just
  // written).
  const key = sql`case when s.metric = 'openDelta' then coalesce(s.director_id::text, '') else s.dim end`;
  await sql`
    with f as (
      insert into insight_facts (municipality_id, case_id, day, metric, dim, value)
      select ${mId}, x.case_id, x.day, x.metric, x.dim, x.value from (${factsSelect(mId, scope)}) x
      returning case_id, day, metric, dim, value
    ),
    k as (
      insert into insight_counts (municipality_id, day, metric, dim, area_id, director_id, theme_ids, domains, value)
      select ${mId}, f.day, f.metric, f.dim, c.area_id, c.director_id, c.theme_ids, c.domains, sum(f.value)
      from f join insight_cases c on c.case_id = f.case_id
      group by f.day, f.metric, f.dim, c.area_id, c.director_id, c.theme_ids, c.domains
      returning day, metric, dim, area_id, director_id, theme_ids, domains, value
    ),
    s as materialized (
      select date_trunc('month', k.day)::date as month, k.metric, k.dim, k.area_id, k.director_id, k.theme_ids, k.domains, sum(k.value) as value
      from k group by 1, k.metric, k.dim, k.area_id, k.director_id, k.theme_ids, k.domains
    ),
    t as (
      insert into insight_totals (municipality_id, metric, month, dim, value)
      select ${mId}, s.metric, s.month, ${key}, sum(s.value) from s group by 2, 3, 4
    ),
    d as (
      insert into insight_day_totals (municipality_id, metric, day, dim, value)
      select ${mId}, s.metric, s.day, ${key}, sum(s.value) from k s group by 2, 3, 4
    )
    insert into insight_dim_totals (municipality_id, dim_kind, dim_value, metric, month, dim, value)
    select ${mId}, d.kind, d.value, s.metric, s.month, ${key}, sum(s.value)
    from s
    cross join lateral (
      select 'area', s.area_id::text where s.area_id is not null
      union all select 'director', s.director_id::text where s.director_id is not null
      union all select 'theme', x::text from unnest(s.theme_ids) x
      union all select 'domain', x from unnest(s.domains) x
    ) d(kind, value)
    group by 2, 3, 4, 5, 6`.execute(trx);
  await bumpVersion(trx, mId);
  // The queue is left alone: a row whose event committed during the rebuild may not be
  // in it, and recomputing a case that is changes nothing.
}

/**
 * Claim up to `limit` queued rows of one municipality (`for update skip locked`, so two
 * processes take different rows), delete them and recompute their cases, all in the
 * caller's transaction: a failure leaves the rows queued. Returns the rows claimed.
 */
export async function drainQueue(trx: Tx, mId: string, limit: number): Promise<number> {
  const r = await sql<{ case_id: string }>`
    delete from insight_queue where id in (
      select id from insight_queue where municipality_id = ${mId} order by id limit ${limit} for update skip locked
    ) returning case_id`.execute(trx);
  await recomputeCases(
    trx,
    mId,
    r.rows.map((x) => x.case_id),
  );
  return r.rows.length;
}
