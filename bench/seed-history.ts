// The history of the benchmark cases that reached planning, executing or closed:
// suspended clocks, plan versions and their agreement, assessment rounds with their
// parties, answers, overrules, withdrawals and late (also serial) objections, and
// commitments on record with their versions — each with the timeline events the
// use-cases record (src/modules/timeline/events.ts), at times consistent with the rows.
//
// Everything is set-based SQL run in the batch's transaction, reading the batch's
// cases from the temporary table `bench_batch` that caseBatchSql() fills; events go to
// `bench_events` and are flushed in time order by flushEvents(), so a case's events
// get ids in the order they happened (the timeline orders by id).
import { sql } from 'kysely';
import type { Tx } from '../src/platform/db/index.js';
import { COMMITMENT_PHRASES, RULES, SUBJECTS, SUSPENSION_REASONS } from './words.js';

/** A SQL array literal of constant words (ours, not user input; quotes are doubled anyway). */
/** Share of the started cases with an assessment round, and with a commitment on record. */
const ROUND_SHARE = 0.22;
const COMMITMENT_SHARE = 0.16;

const textArray = (words: readonly string[]) => sql.raw(`(array[${words.map((w) => `'${w.replaceAll("'", "''")}'`).join(',')}]::text[])`);

/** Rows the history adds, per table. */
export interface HistoryCounts {
  suspensions: number;
  plans: number;
  planActions: number;
  rounds: number;
  parties: number;
  answers: number;
  overrules: number;
  withdrawals: number;
  lateObjections: number;
  commitments: number;
  commitmentVersions: number;
}

export const emptyHistory = (): HistoryCounts => ({
  suspensions: 0,
  plans: 0,
  planActions: 0,
  rounds: 0,
  parties: 0,
  answers: 0,
  overrules: 0,
  withdrawals: 0,
  lateObjections: 0,
  commitments: 0,
  commitmentVersions: 0,
});

export function addHistory(a: HistoryCounts, b: HistoryCounts): HistoryCounts {
  const out = { ...a };
  for (const k of Object.keys(out) as Array<keyof HistoryCounts>) out[k] += b[k];
  return out;
}

/**
 * The temporary tables of the batches: created once per database session and emptied
 * at every commit. (Creating and dropping them per batch would leave a dead catalog
 * row per table and batch, and every later look-up of the name walks them all.)
 */
export async function createBatchTables(trx: Tx): Promise<void> {
  await sql`create temp table if not exists bench_batch (
    municipality_id uuid, id uuid, reference text, title text, status text, initiator_id uuid, director_id uuid, director_name text,
    submitted_at timestamptz, planning_at timestamptz, executing_at timestamptz, closed_at timestamptz,
    clock_started_on date, plan_due_on date, susp_start date, susp_end date
  ) on commit delete rows`.execute(trx);
  await sql`create temp table if not exists bench_events (
    municipality_id uuid, case_id uuid, type text, actor_id uuid, visibility text, payload jsonb, created_at timestamptz, ord smallint
  ) on commit delete rows`.execute(trx);
}

/** The temporary tables of this module, dropped after the load (see createBatchTables). */
export const STAGING_TABLES = ['bench_batch', 'bench_events', 'bench_ctx', 'bench_plans', 'bench_rounds', 'bench_parties', 'bench_commitments'];

/** Fill the session's temporary table `name` (created on first use, emptied at commit) with the rows of `query`. */
async function stage(trx: Tx, name: string, query: Sql): Promise<void> {
  await sql`create temp table if not exists ${sql.id(name)} on commit delete rows as ${query} with no data`.execute(trx);
  await sql`insert into ${sql.id(name)} ${query}`.execute(trx);
  // Temporary tables get no statistics of their own; without them the joins below are planned blind.
  await sql`analyze ${sql.id(name)}`.execute(trx);
}

/** Move the batch's events into `events`, oldest first. */
export async function flushEvents(trx: Tx): Promise<number> {
  const r = await sql`insert into events (municipality_id, case_id, type, actor_id, visibility, payload, created_at)
    select municipality_id, case_id, type, actor_id, visibility, payload, created_at from bench_events order by created_at, ord`.execute(trx);
  return Number(r.numAffectedRows ?? 0);
}

/** The rules register and the mandate register of one municipality, as the history cites them. */
export async function seedRegisters(trx: Tx, municipalityId: string): Promise<void> {
  const m = sql`${municipalityId}::uuid`;
  await sql`insert into rules (municipality_id, code, title, legal_source, domain, strict, valid_from)
    select ${m}, code, title, src, dom, strict, date '2020-01-01'
    from unnest(${textArray(RULES.map((r) => r[0]))}, ${textArray(RULES.map((r) => r[1]))}, ${textArray(RULES.map((r) => r[2]))},
      ${textArray(RULES.map((r) => r[3]))}, ${sql.raw(`array[${RULES.map((r) => r[4]).join(',')}]::boolean[]`)}) as r(code, title, src, dom, strict)`.execute(
    trx,
  );
  // docs/product.md#the-mandate-register: coordinators may overrule in every domain,
  // directors commit money up to € 25,000 and agree plans.
  await sql`insert into mandates (municipality_id, holder_kind, holder_role, scope_kind, scope_domain, delegated_by, valid_from)
    select ${m}, 'role', 'coordinator', 'overrule', d, 'het college', date '2020-01-01'
    from unnest(array['social', 'physical', 'safety', 'economy', 'governance']) as d`.execute(trx);
  await sql`insert into mandates (municipality_id, holder_kind, holder_role, scope_kind, scope_up_to_cents, delegated_by, valid_from)
    values (${m}, 'role', 'director', 'commitMoney', 2500000, 'het college', date '2020-01-01')`.execute(trx);
  await sql`insert into mandates (municipality_id, holder_kind, holder_role, scope_kind, delegated_by, valid_from)
    values (${m}, 'role', 'director', 'agreePlan', 'het college', date '2020-01-01')`.execute(trx);
}

type Sql = ReturnType<typeof sql>;
/** Rows an insert added. */
const count = async (trx: Tx, q: Sql) => Number(((await q.execute(trx)) as { numAffectedRows?: bigint }).numAffectedRows ?? 0);

/** The whole history of the batch's cases. */
export async function historyBatch(trx: Tx, o: { now: Date }): Promise<HistoryCounts> {
  const out = emptyHistory();
  const now = sql`${o.now.toISOString()}::timestamptz`;
  await sql`analyze bench_batch`.execute(trx);
  // What the statements below look up per municipality of the batch.
  await stage(
    trx,
    'bench_ctx',
    sql`select m.id as mid,
      (select array_agg(d.id order by d.name) from departments d where d.municipality_id = m.id) as dep,
      (select array_agg(d.name order by d.name) from departments d where d.municipality_id = m.id) as depn,
      (select array_agg(u.id order by d.name) from departments d join users u on u.department_id = d.id and u.role = 'specialist' where d.municipality_id = m.id) as spec,
      (select array_agg(u.name order by d.name) from departments d join users u on u.department_id = d.id and u.role = 'specialist' where d.municipality_id = m.id) as specn,
      (select jsonb_agg(jsonb_build_object('id', id, 'code', code, 'title', title, 'legalSource', legal_source, 'domain', domain, 'strict', strict) order by code)
        from rules where municipality_id = m.id) as rules,
      (select array_agg(code order by code) from rules where municipality_id = m.id and not strict) as codes,
      (select id from users where municipality_id = m.id and role = 'coordinator' order by email limit 1) as coord,
      (select jsonb_object_agg(scope_domain, id) from mandates where municipality_id = m.id and scope_kind = 'overrule') as overrule,
      (select id from mandates where municipality_id = m.id and scope_kind = 'commitMoney' order by id limit 1) as money_mandate
    from (select distinct municipality_id as id from bench_batch) m`,
  );

  // ---- suspended clocks (docs/product.md#the-plan-clock) --------------------------------
  out.suspensions = Number(
    (
      (await sql`with s as materialized (
      select b.*, gen_random_uuid() as sid, ${textArray(SUSPENSION_REASONS)} as rs, random() as r from bench_batch b where susp_start is not null
    ), ins as (
      insert into suspensions (id, municipality_id, case_id, started_on, ended_on, reason, started_by, ended_by)
      select sid, municipality_id, id, susp_start, susp_end, rs[1 + floor(r * cardinality(rs))::int], director_id, case when susp_end is not null then director_id end from s
      returning 1
    ), ev as (
      insert into bench_events (municipality_id, case_id, type, actor_id, visibility, payload, created_at, ord)
      select municipality_id, id, 'clock.suspended', director_id, 'shared', jsonb_build_object('since', susp_start, 'reason', rs[1 + floor(r * cardinality(rs))::int]),
        (susp_start + time '10:00') at time zone 'Europe/Amsterdam', 10 from s
      union all
      select municipality_id, id, 'clock.resumed', director_id, 'shared',
        jsonb_build_object('since', susp_start, 'until', susp_end, 'days', susp_end - susp_start, 'planDueOn', plan_due_on),
        (susp_end + time '09:30') at time zone 'Europe/Amsterdam', 10 from s where susp_end is not null
    )
    select (select count(*) from ins)::int as n`.execute(trx)) as { rows: Array<{ n: number }> }
    ).rows[0]!.n,
  );

  // ---- plans: versions, actions, agreement (docs/product.md#agreeing-a-plan-within-mandate) ----
  // Executing and closed cases: 1–3 versions; every version but the last was agreed
  // by the director only (so a change made a new version), the last by both, the
  // initiator last, a second before the case went to executing. Planning cases past
  // their first week: a draft, sometimes a second version after the director agreed.
  await stage(
    trx,
    'bench_plans',
    sql`with c as materialized (
      select b.*, random() as r1, random() as r2 from bench_batch b
      where b.status in ('executing', 'closed') or (b.status = 'planning' and b.planning_at < ${now} - interval '7 days')
    ), c2 as (
      select c.*,
        case when status = 'planning' then case when r1 < 0.2 then 0 when r1 < 0.85 then 1 else 2 end
          else case when r1 < 0.80 then 1 when r1 < 0.97 then 2 else 3 end end as n,
        coalesce(executing_at, ${now}) - planning_at as span
      from c
    )
    select c2.municipality_id, c2.id as case_id, c2.status, c2.initiator_id, c2.director_id, c2.title, c2.executing_at, v, n, gen_random_uuid() as plan_id,
      c2.planning_at + span * (0.15 + 0.6 * (v - 1 + 0.8 * r2) / n) as saved_at,
      case when v < n then c2.planning_at + span * (0.15 + 0.6 * (v - 0.1) / n)
        when c2.executing_at is not null then c2.executing_at - span * 0.05 end as director_agreed_at,
      case when v = n and c2.executing_at is not null then c2.executing_at - interval '1 second' end as initiator_agreed_at,
      2 + floor(random() * 3)::int as actions
    from c2 cross join lateral generate_series(1, c2.n) as v`,
  );
  out.plans = await count(
    trx,
    sql`insert into plans (id, municipality_id, case_id, version, goal, created_by, created_at, updated_at, initiator_agreed_at, director_agreed_at, director_agreed_by)
      select plan_id, municipality_id, case_id, v, 'Samen werken aan: ' || title, director_id, saved_at, coalesce(initiator_agreed_at, director_agreed_at, saved_at),
        initiator_agreed_at, director_agreed_at, case when director_agreed_at is not null then director_id end
      from bench_plans`,
  );
  out.planActions = await count(
    trx,
    sql`with w as (select ${textArray(SUBJECTS)} as subj),
      a as materialized (
        select bp.municipality_id, bp.plan_id, bp.saved_at, a, random() as r1, random() as r2, random() as r4
        from bench_plans bp cross join lateral generate_series(1, bp.actions) as a
      ),
      x as (select a.*, (array['initiator', 'director', 'department', 'department', 'external'])[1 + floor(r4 * 5)::int] as kind from a)
      insert into plan_actions (municipality_id, plan_id, position, description, owner_kind, owner_department_id, owner_name, due_on, status)
      select x.municipality_id, x.plan_id, x.a, 'Afspraak over ' || w.subj[1 + floor(x.r1 * cardinality(w.subj))::int], x.kind,
        case when x.kind = 'department' then o.dep[1 + floor(x.r2 * cardinality(o.dep))::int] end,
        case when x.kind = 'external' then 'Omgevingsdienst' end,
        (x.saved_at at time zone 'Europe/Amsterdam')::date + 14 + floor(x.r2 * 120)::int, 'open'
      from x join bench_ctx o on o.mid = x.municipality_id cross join w`,
  );
  await sql`insert into bench_events (municipality_id, case_id, type, actor_id, visibility, payload, created_at, ord)
    select municipality_id, case_id, 'plan.versionSaved', director_id, 'shared',
      jsonb_build_object('planId', plan_id, 'version', v, 'goal', 'Samen werken aan: ' || title, 'actionCount', actions), saved_at, 20
    from bench_plans
    union all
    select municipality_id, case_id, 'plan.agreed', director_id, 'shared',
      jsonb_build_object('planId', plan_id, 'version', v, 'by', 'director', 'complete', false), director_agreed_at, 21
    from bench_plans where director_agreed_at is not null
    union all
    select municipality_id, case_id, 'plan.agreed', initiator_id, 'shared',
      jsonb_build_object('planId', plan_id, 'version', v, 'by', 'initiator', 'complete', true), initiator_agreed_at, 22
    from bench_plans where initiator_agreed_at is not null`.execute(trx);

  await assessments(trx, out, now);
  await commitments(trx, out, now);
  return out;
}

/**
 * Assessment rounds (docs/product.md#the-assessment-round) on half of the started
 * cases. Per round: 2–5 departments and sometimes an outside party; answers mostly
 * yes, some yes with conditions; in a fifth of the rounds one party objects citing a
 * register rule, resolved by an overrule within mandate, a withdrawal or a second
 * round on a changed proposal; some parties stay silent (yes by silence at the term
 * end); a few object after the round closed (late) or object in a second round on
 * the same proposal with a rule they could have cited before (serial), set aside by
 * a coordinator. Nothing later than now; a case went to executing only after its
 * rounds closed and no objection stood.
 */
async function assessments(trx: Tx, out: HistoryCounts, now: Sql) {
  // One row per round.
  await stage(
    trx,
    'bench_rounds',
    sql`with c as materialized (
      select b.municipality_id, b.id as case_id, b.status, b.director_id, b.title, b.planning_at, b.executing_at, b.closed_at as case_closed_at,
        random() as ra, random() as rb, random() as rc, random() as rd, random() as re, random() as rf, random() as rg, random() as rh,
        random() as ri, random() as rj, random() as rk, random() as rl, random() as rm, random() as rn, random() as rp, random() as rq,
        random() as rr, random() as rs, random() as rt, random() as ru, random() as rv
      from bench_batch b where b.status in ('planning', 'executing', 'closed')
    ), c1 as (
      select c.*, 2 + floor(rc * (cardinality(o.dep) - 1))::int as ndep, rd < 0.2 as outside, floor(rf * cardinality(o.dep))::int as dep_off,
        floor(rh * jsonb_array_length(o.rules))::int as rule_i, (o.rules -> floor(rh * jsonb_array_length(o.rules))::int ->> 'strict')::boolean as strict,
        planning_at + (1 + rb * 4) * interval '1 day' as opened_at1
      from c join bench_ctx o on o.mid = c.municipality_id where ra < ${ROUND_SHARE}
    ), c2 as (
      select c1.*, ndep + outside::int as np, (opened_at1 at time zone 'Europe/Amsterdam')::date as opened_on1
      from c1
    ), c3 as (
      select c2.*,
        case when re < 0.2 then 1 + floor(rg * np)::int end as objector0,
        case when rn < 0.15 then 1 + floor(rp * np)::int end as silent0
      from c2
    ), c4 as (
      select c3.*,
        case when silent0 is distinct from objector0 then silent0 end as silent_j,
        case when objector0 is null then null when rk < 0.4 and not strict then 'overrule' when rk < 0.7 and objector0 <= ndep then 'withdraw' else 'newRound' end as res0,
        (objector0 is null and rl < 0.08) as serial0,
        opened_on1 + 14 as term1
      from c3
    ), c5 as materialized (
      select c4.*,
        case when silent_j is not null then ((term1 + 1) + time '02:00') at time zone 'Europe/Amsterdam'
          else opened_at1 + (0.5 + 12.5 * (np - 1 + rq) / np) * interval '1 day' end as close1
      from c4
    ), c6 as (
      select c5.*,
        close1 + (1 + rr * 2) * interval '1 day' as resolve_at,
        close1 + (3 + rs * 5) * interval '1 day' as opened_at2
      from c5
    ), c7 as (
      select c6.*, (opened_at2 at time zone 'Europe/Amsterdam')::date as opened_on2, (opened_at2 at time zone 'Europe/Amsterdam')::date + 14 as term2
      from c6
    ), c8 as materialized (
      select c7.*,
        case when serial0 then ((term2 + 1) + time '02:00') at time zone 'Europe/Amsterdam'
          else opened_at2 + (0.5 + 12.5 * (np - 1 + rt) / np) * interval '1 day' end as close2
      from c7
    ), c9 as (
      -- What the case's agreement allows: everything before it, or a simpler round, or none.
      select c8.*,
        status = 'planning' or (case when res0 = 'newRound' or serial0 then close2 when objector0 is not null then resolve_at else close1 end) < executing_at - interval '1 hour' as fit_full,
        status = 'planning' or close1 < executing_at - interval '1 hour' as fit_simple
      from c8
    ), r1 as materialized (
      select c9.*, gen_random_uuid() as round1_id,
        case when fit_full then objector0 end as objector, case when fit_full then res0 end as res, (fit_full and serial0) as serial,
        case when fit_full and serial0 then 1 + floor(ru * ndep)::int end as serial_j,
        case when rv < 0.04 then 1 + floor(rm * np)::int end as late0
      from c9 where fit_simple and opened_at1 < ${now}
    )
    select round1_id as round_id, case_id, status, director_id, 1 as number, 'Voorstel: ' || title as proposal, null::uuid as same_proposal_as,
      opened_at1 as opened_at, opened_on1 as opened_on, term1 as term_ends_on,
      case when close1 < ${now} then close1 end as closed_at,
      case when close1 < ${now} then case when silent_j is not null then 'termEnded' else 'allAnswered' end end as closed_reason,
      np, ndep, outside, dep_off, rule_i, objector, res, case when objector is not null and res in ('overrule', 'withdraw') and resolve_at < ${now} then resolve_at end as resolve_at,
      null::int as serial_j, null::uuid as serial_of, silent_j,
      case when late0 is distinct from objector and late0 is distinct from silent_j then late0 end as late_j,
      close1 + (1 + rq * 9) * interval '1 day' as late_at, close1 + (3 + rq * 9 + rs * 4) * interval '1 day' as late_decided_at,
      rq as last_u, least(coalesce(case_closed_at, ${now}), ${now}) as horizon, municipality_id
    from r1
    union all
    select gen_random_uuid(), case_id, status, director_id, 2,
      case when serial then 'Voorstel: ' || title else 'Aangepast voorstel: ' || title end, case when serial then round1_id end,
      opened_at2, opened_on2, term2,
      case when close2 < ${now} then close2 end,
      case when close2 < ${now} then case when serial then 'termEnded' else 'allAnswered' end end,
      np, ndep, outside, dep_off, rule_i, objector, 'secondRound', null, serial_j, round1_id, case when serial then serial_j end, null, null, null,
      rt, least(coalesce(case_closed_at, ${now}), ${now}), municipality_id
    from r1 where (res = 'newRound' or serial) and close1 < ${now} and opened_at2 < ${now}`,
  );

  // One row per party of a round, with its answer.
  await stage(
    trx,
    'bench_parties',
    sql`with p as materialized (
      select r.*, j, gen_random_uuid() as party_id, gen_random_uuid() as answer_id, gen_random_uuid() as extra_answer_id, gen_random_uuid() as late_id,
        j > r.ndep as is_outside,
        case when j <= r.ndep then o.dep[1 + (r.dep_off + j - 1) % cardinality(o.dep)] end as department_id,
        case when j <= r.ndep then o.depn[1 + (r.dep_off + j - 1) % cardinality(o.dep)] else 'Buurvereniging' end as party_name,
        case when j <= r.ndep then o.spec[1 + (r.dep_off + j - 1) % cardinality(o.dep)] end as specialist_id,
        case when j <= r.ndep then o.specn[1 + (r.dep_off + j - 1) % cardinality(o.dep)] else 'Buurvereniging' end as answered_by_name,
        r.opened_at + (0.5 + 12.5 * (j - 1 + case when j = r.np then r.last_u else random() end) / r.np) * interval '1 day' as at0,
        random() as rv
      from bench_rounds r join bench_ctx o on o.mid = r.municipality_id cross join lateral generate_series(1, r.np) as j
    ), p2 as materialized (
      select p.*,
        case
          when number = 1 and j = objector then 'objection'
          when number = 1 and j = silent_j then 'silence'
          when number = 2 and j = serial_j then 'serial'
          when number = 2 and j = objector then 'yesWithConditions'
          when rv < 0.78 then 'yes' else 'yesWithConditions' end as verdict0
      from p
    )
    select p2.*,
      -- an answer exists once it was given; a silence once the round closed
      case when verdict0 in ('silence', 'serial') then closed_at is not null else at0 < ${now} end as answered,
      case when verdict0 in ('silence') then closed_at else at0 end as answered_at,
      case when verdict0 in ('objection', 'serial') then jsonb_build_array(o.rules -> rule_i) else '[]'::jsonb end as cited,
      case when late_j = j and closed_at is not null and late_at < horizon then jsonb_build_array(o.rules -> ((rule_i + 1) % jsonb_array_length(o.rules))) end as late_cited,
      coalesce(late_j = j and closed_at is not null and late_at < horizon, false) as late_objects,
      case when late_decided_at < horizon then 'setAside' else 'pending' end as late_status,
      -- the serial objection is the party's first answer in round 2; set aside a day or two later
      case when at0 + interval '2 days' < horizon then 'setAside' else 'pending' end as serial_status,
      o.coord, (o.overrule ->> (o.rules -> p2.rule_i ->> 'domain'))::uuid as overrule_mandate
    from p2 join bench_ctx o on o.mid = p2.municipality_id`,
  );

  out.rounds = await count(
    trx,
    sql`insert into assessment_rounds (id, municipality_id, case_id, number, proposal, same_proposal_as, opened_on, term_working_days, term_ends_on, opened_by, opened_at, closed_at, closed_reason)
      select round_id, municipality_id, case_id, number, proposal, same_proposal_as, opened_on, 10, term_ends_on, director_id, opened_at, closed_at, closed_reason from bench_rounds`,
  );
  out.parties = await count(
    trx,
    sql`insert into assessment_parties (id, municipality_id, round_id, kind, department_id, name, email, organisation, link_token_hash, link_late_used, current_answer_id)
      select party_id, municipality_id, round_id, case when is_outside then 'outside' else 'department' end, department_id, party_name,
        case when is_outside then 'buren-' || left(party_id::text, 8) || '@example.test' end,
        case when is_outside then 'Buurvereniging' end,
        case when is_outside then md5(party_id::text) end,
        -- an outside party objects late through its link, once (docs/product.md#late-objection)
        is_outside and late_objects,
        case when not answered then null when verdict0 = 'serial' then extra_answer_id else answer_id end
      from bench_parties`,
  );
  // The answers: the party's answer (for a serial objector: its objection, set aside,
  // and then its silence at the term end), and late objections after the close.
  out.answers = await count(
    trx,
    sql`insert into assessment_answers (id, municipality_id, round_id, party_id, seq, kind, conditions, rules, why_applies, how_it_could_be_done,
        answered_at, as_of, answered_by, answered_by_name, late)
      select answer_id, municipality_id, round_id, party_id, 1, case when verdict0 = 'serial' then 'objection' else verdict0 end,
        case when verdict0 = 'yesWithConditions' then 'Alleen buiten de broedtijd en met een verkeersplan.' end,
        case when verdict0 = 'silence' then '[]'::jsonb else cited end,
        case when verdict0 in ('objection', 'serial') then 'Het voorstel raakt deze regel op deze plek.' end,
        case when verdict0 in ('objection', 'serial') and not (cited -> 0 ->> 'strict')::boolean then 'Op een andere plek of kleiner kan het wel.' end,
        case when verdict0 = 'serial' then at0 else answered_at end,
        case when verdict0 = 'silence' then term_ends_on else (at0 at time zone 'Europe/Amsterdam')::date end,
        case when verdict0 = 'silence' then null else specialist_id end, case when verdict0 = 'silence' then party_name else answered_by_name end, verdict0 = 'serial'
      from bench_parties where answered or (verdict0 = 'serial' and at0 < ${now})
      union all
      select extra_answer_id, municipality_id, round_id, party_id, 2, 'silence', null, '[]'::jsonb, null, null, closed_at, term_ends_on, null, party_name, false
      from bench_parties where verdict0 = 'serial' and answered
      union all
      select extra_answer_id, municipality_id, round_id, party_id, 2, 'objection', null, late_cited,
        'Bij nader inzien raakt het voorstel deze regel.', 'Met aanpassingen aan de inrichting kan het wel.', late_at,
        (late_at at time zone 'Europe/Amsterdam')::date, specialist_id, answered_by_name, true
      from bench_parties where late_objects`,
  );
  out.lateObjections = await count(
    trx,
    sql`insert into late_objections (id, municipality_id, case_id, round_id, party_id, answer_id, cause, serial_of_round_id, status, decided_by, decided_at, decision_reason, created_at)
      select late_id, municipality_id, case_id, round_id, party_id, extra_answer_id, 'afterClose', null, late_status,
        case when late_status = 'setAside' then coord end,
        case when late_status = 'setAside' then late_decided_at end,
        case when late_status = 'setAside' then 'Dit punt had binnen de termijn gemeld kunnen worden.' end, late_at
      from bench_parties where late_objects
      union all
      select late_id, municipality_id, case_id, round_id, party_id, answer_id, 'serial', serial_of, serial_status,
        case when serial_status = 'setAside' then coord end,
        case when serial_status = 'setAside' then at0 + interval '2 days' end,
        case when serial_status = 'setAside' then 'Deze regel had in de eerste ronde genoemd kunnen worden.' end, at0
      from bench_parties where verdict0 = 'serial' and at0 < ${now}`,
  );
  // docs/product.md#overrule-within-mandate: by a coordinator, under the overrule
  // mandate of the cited rule's domain; docs/product.md#a-standing-objection: or withdrawn.
  out.overrules = await count(
    trx,
    sql`insert into assessment_overrules (municipality_id, answer_id, party_id, reason, overruled_by, mandate_ids, created_at)
      select bp.municipality_id, bp.answer_id, bp.party_id, 'Het belang van het initiatief weegt hier zwaarder.', bp.coord,
        jsonb_build_array(bp.overrule_mandate),
        bp.resolve_at
      from bench_parties bp where bp.verdict0 = 'objection' and bp.answered and bp.res = 'overrule' and bp.resolve_at is not null`,
  );
  out.withdrawals = await count(
    trx,
    sql`insert into assessment_withdrawals (municipality_id, answer_id, party_id, reason, withdrawn_by, created_at)
      select municipality_id, answer_id, party_id, 'Na overleg met de initiatiefnemer is het bezwaar weggenomen.', specialist_id, resolve_at
      from bench_parties where verdict0 = 'objection' and answered and res = 'withdraw' and resolve_at is not null`,
  );

  // The events of the rounds, as the use-cases and the silence job record them.
  await sql`with pa as (
      select round_id,
        jsonb_agg(jsonb_build_object('id', party_id, 'kind', case when is_outside then 'outside' else 'department' end, 'name', party_name) order by j) as parties,
        jsonb_agg(jsonb_build_object('id', party_id, 'name', party_name) order by j) filter (where verdict0 in ('silence', 'serial')) as silent
      from bench_parties group by round_id
    )
    insert into bench_events (municipality_id, case_id, type, actor_id, visibility, payload, created_at, ord)
    select r.municipality_id, r.case_id, 'assessment.roundOpened', r.director_id, 'shared',
      jsonb_build_object('roundId', r.round_id, 'number', r.number, 'proposal', r.proposal, 'termEndsOn', r.term_ends_on, 'sameProposalAs', r.same_proposal_as,
        'parties', pa.parties),
      r.opened_at, 30
    from bench_rounds r join pa on pa.round_id = r.round_id
    union all
    select municipality_id, case_id, 'assessment.answered', specialist_id, 'shared',
      jsonb_build_object('roundId', round_id, 'partyId', party_id, 'partyName', party_name, 'kind', verdict0, 'amendment', false,
        'ruleCodes', (select coalesce(jsonb_agg(x ->> 'code'), '[]'::jsonb) from jsonb_array_elements(cited) x)),
      answered_at, 31
    from bench_parties where answered and verdict0 in ('yes', 'yesWithConditions', 'objection')
    union all
    select r.municipality_id, r.case_id, 'assessment.silence', null, 'shared',
      jsonb_build_object('roundId', r.round_id, 'number', r.number, 'asOf', r.term_ends_on, 'parties', pa.silent),
      r.closed_at, 32
    from bench_rounds r join pa on pa.round_id = r.round_id where r.closed_reason = 'termEnded'
    union all
    select municipality_id, case_id, 'assessment.roundClosed', null, 'shared', jsonb_build_object('roundId', round_id, 'number', number, 'reason', closed_reason), closed_at, 33
    from bench_rounds where closed_at is not null
    union all
    select municipality_id, case_id, 'assessment.overruled', coord, 'shared',
      jsonb_build_object('roundId', round_id, 'partyId', party_id, 'partyName', party_name, 'reason', 'Het belang van het initiatief weegt hier zwaarder.',
        'ruleCodes', jsonb_build_array(cited -> 0 ->> 'code'),
        'mandateIds', jsonb_build_array(overrule_mandate)),
      resolve_at, 34
    from bench_parties where verdict0 = 'objection' and answered and res = 'overrule' and resolve_at is not null
    union all
    select municipality_id, case_id, 'assessment.objectionWithdrawn', specialist_id, 'shared',
      jsonb_build_object('roundId', round_id, 'partyId', party_id, 'partyName', party_name,
        'reason', 'Na overleg met de initiatiefnemer is het bezwaar weggenomen.', 'ruleCodes', jsonb_build_array(cited -> 0 ->> 'code')),
      resolve_at, 34
    from bench_parties where verdict0 = 'objection' and answered and res = 'withdraw' and resolve_at is not null
    union all
    select municipality_id, case_id, 'assessment.lateObjection', specialist_id, 'internal',
      jsonb_build_object('lateObjectionId', late_id, 'roundId', round_id, 'partyId', party_id, 'partyName', party_name, 'cause', 'afterClose',
        'ruleCodes', jsonb_build_array(late_cited -> 0 ->> 'code')),
      late_at, 35
    from bench_parties where late_objects
    union all
    select municipality_id, case_id, 'assessment.lateObjectionDecided', coord, 'internal',
      jsonb_build_object('lateObjectionId', late_id, 'partyName', party_name, 'decision', 'setAside',
        'reason', 'Dit punt had binnen de termijn gemeld kunnen worden.', 'reopenedUntil', null),
      late_decided_at, 36
    from bench_parties where late_objects and late_status = 'setAside'
    union all
    select municipality_id, case_id, 'assessment.lateObjection', specialist_id, 'internal',
      jsonb_build_object('lateObjectionId', late_id, 'roundId', round_id, 'partyId', party_id, 'partyName', party_name, 'cause', 'serial',
        'ruleCodes', jsonb_build_array(cited -> 0 ->> 'code')),
      at0, 35
    from bench_parties where verdict0 = 'serial' and at0 < ${now}
    union all
    select municipality_id, case_id, 'assessment.lateObjectionDecided', coord, 'internal',
      jsonb_build_object('lateObjectionId', late_id, 'partyName', party_name, 'decision', 'setAside',
        'reason', 'Deze regel had in de eerste ronde genoemd kunnen worden.', 'reopenedUntil', null),
      at0 + interval '2 days', 36
    from bench_parties where verdict0 = 'serial' and at0 < ${now} and serial_status = 'setAside'`.execute(trx);
}

/**
 * Commitments on record (docs/product.md#commitments-on-record) on a quarter of the
 * started cases, a few with two: made by the director to the initiator; ordinary
 * work and money within the director's mandate are binding, an exemption needs
 * confirmation (by the college through a coordinator, or declined). Some are amended
 * (a later due date, version 2); past their due date most are kept, some broken or
 * withdrawn, the rest stays open and so overdue.
 */
async function commitments(trx: Tx, out: HistoryCounts, now: Sql) {
  await stage(
    trx,
    'bench_commitments',
    sql`with w as (select ${textArray(COMMITMENT_PHRASES)} as phr, ${textArray(SUBJECTS)} as subj),
    c as materialized (
      select b.*, random() as ra from bench_batch b where b.status in ('planning', 'executing', 'closed') and b.director_id is not null
    ), k as materialized (
      select c.municipality_id, c.id as case_id, c.status, c.director_id, c.director_name, c.initiator_id, c.planning_at, c.closed_at as case_closed_at, n,
        gen_random_uuid() as commitment_id,
        c.planning_at + (2 + random() * 40) * interval '1 day' as created_at,
        random() as r1, random() as r2, random() as r3, random() as r4, random() as r5, random() as r6, random() as r7
      from c cross join lateral generate_series(1, (c.ra < ${COMMITMENT_SHARE})::int + (c.ra < ${COMMITMENT_SHARE / 4})::int) as n
    ), k2 as (
      select k.*, (created_at at time zone 'Europe/Amsterdam')::date as made_on, o.money_mandate, o.coord,
        w.phr[1 + floor(r1 * cardinality(w.phr))::int] || ' ' || w.subj[1 + floor(r2 * cardinality(w.subj))::int] || '.' as what,
        case when r3 < 0.7 then 'other' when r3 < 0.9 then 'commitMoney' else 'grantExemption' end as kind,
        o.codes[1 + floor(r2 * cardinality(o.codes))::int] as exemption_code
      from k join bench_ctx o on o.mid = k.municipality_id cross join w where created_at < least(coalesce(case_closed_at, ${now}), ${now})
    ), k3 as (
      select k2.*, made_on + 14 + floor(r4 * 100)::int as due1,
        case when kind = 'grantExemption' then created_at + (1 + r5 * 9) * interval '1 day' end as confirm_at,
        (r6 < 0.15) as amend_try
      from k2
    ), k4 as materialized (
      select k3.*,
        case when kind <> 'grantExemption' then 'binding' when confirm_at >= ${now} then 'needsConfirmation' when r5 < 0.2 then 'declined' else 'confirmed' end as confirmation,
        created_at + (due1 - made_on) * (0.3 + 0.4 * r6) * interval '1 day' as amend_at
      from k3
    ), k5 as (
      select k4.*, (amend_try and confirmation in ('binding', 'confirmed') and amend_at < ${now}) as amended from k4
    ), k6 as materialized (
      select k5.*, case when amended then due1 + 14 + floor(r7 * 46)::int else due1 end as due_on from k5
    ), k7 as (
      select k6.*,
        case when confirmation not in ('binding', 'confirmed') then null
          when r7 < 0.65 then 'kept' when r7 < 0.75 then 'broken' when r7 < 0.82 then 'withdrawn' end as outcome0,
        ((due_on + time '16:00') at time zone 'Europe/Amsterdam') + (r4 * 20 - 10) * interval '1 day' as end_at0
      from k6
    )
    select k7.*,
      case when outcome0 is not null and end_at0 < ${now} and end_at0 > greatest(created_at, confirm_at, case when amended then amend_at end) then outcome0 end as outcome,
      end_at0 as end_at
    from k7`,
  );
  out.commitments = await count(
    trx,
    sql`insert into commitments (id, municipality_id, case_id, made_by_user_id, made_by_name, made_by_role, made_to_user_id, made_to_name, made_to_email,
        what, due_on, made_via, made_on, decision_kind, amount_cents, rule_code, status, status_reason, mandate_ids, confirmed_by, confirmed_by_body,
        recorded_by, created_at, updated_at, version)
      select k.commitment_id, k.municipality_id, k.case_id, k.director_id, k.director_name, 'director', k.initiator_id, u.name, u.email,
        k.what, k.due_on, (array['meeting', 'phone', 'letter', 'email'])[1 + floor(k.r1 * 4)::int], k.made_on, k.kind,
        case when k.kind = 'commitMoney' then (50000 + floor(k.r2 * 2000000))::bigint end,
        case when k.kind = 'grantExemption' then k.exemption_code end,
        case when k.outcome is not null then k.outcome when k.confirmation = 'confirmed' then 'binding' else k.confirmation end,
        case when k.outcome = 'broken' then 'Het budget bleek niet toereikend.' when k.outcome = 'withdrawn' then 'Het initiatief is gewijzigd.'
          when k.confirmation = 'declined' then 'Het college verleent deze ontheffing niet.' end,
        case when k.kind = 'commitMoney' then array[k.money_mandate] else '{}'::uuid[] end,
        case when k.confirmation in ('confirmed', 'declined') then k.coord end, k.confirmation in ('confirmed', 'declined'),
        k.director_id, k.created_at,
        greatest(k.created_at, case when k.confirmation in ('confirmed', 'declined') then k.confirm_at end, case when k.amended then k.amend_at end,
          case when k.outcome is not null then k.end_at end),
        1 + k.amended::int
      from bench_commitments k join users u on u.id = k.initiator_id`,
  );
  out.commitmentVersions = await count(
    trx,
    sql`insert into commitment_versions (municipality_id, commitment_id, version, actor_id, change, created_at)
      select k.municipality_id, commitment_id, v.version, v.actor, v.change, v.at from bench_commitments k cross join lateral (values
        (1, director_id, jsonb_build_object('type', 'recorded', 'what', what, 'dueOn', due1,
          'status', case when kind = 'grantExemption' then 'needsConfirmation' else 'binding' end,
          'mandateIds', case when kind = 'commitMoney' then jsonb_build_array(money_mandate) else '[]'::jsonb end), created_at),
        (case when confirmation in ('confirmed', 'declined') then 1 end, coord,
          case when confirmation = 'confirmed' then jsonb_build_object('type', 'confirmed', 'mandateIds', '[]'::jsonb, 'reason', 'Collegebesluit.')
            else jsonb_build_object('type', 'declined', 'reason', 'Het college verleent deze ontheffing niet.') end, confirm_at),
        (case when amended then 2 end, director_id,
          jsonb_build_object('type', 'amended', 'changes', jsonb_build_object('dueOn', jsonb_build_object('from', due1, 'to', due_on)), 'reason', 'Meer tijd nodig voor overleg.'), amend_at),
        (case when outcome is not null then 1 + amended::int end, director_id,
          jsonb_build_object('type', outcome, 'reason', case when outcome = 'broken' then 'Het budget bleek niet toereikend.' when outcome = 'withdrawn' then 'Het initiatief is gewijzigd.' end), end_at)
      ) as v(version, actor, change, at)
      where v.version is not null
      order by v.at`,
  );
  await sql`insert into bench_events (municipality_id, case_id, type, actor_id, visibility, payload, created_at, ord)
    select municipality_id, case_id, 'commitment.recorded', director_id, 'shared',
      jsonb_build_object('commitmentId', commitment_id, 'madeBy', director_name, 'madeByRole', 'director', 'madeTo',
        (select name from users where id = initiator_id), 'what', what, 'dueOn', due1, 'decisionKind', kind,
        'status', case when kind = 'grantExemption' then 'needsConfirmation' else 'binding' end,
        'mandateIds', case when kind = 'commitMoney' then jsonb_build_array(money_mandate) else '[]'::jsonb end),
      created_at, 40
    from bench_commitments
    union all
    select municipality_id, case_id, 'commitment.confirmed', coord, 'shared', jsonb_build_object('commitmentId', commitment_id, 'what', what, 'mandateIds', '[]'::jsonb), confirm_at, 41
    from bench_commitments where confirmation = 'confirmed'
    union all
    select municipality_id, case_id, 'commitment.declined', coord, 'shared',
      jsonb_build_object('commitmentId', commitment_id, 'what', what, 'reason', 'Het college verleent deze ontheffing niet.'), confirm_at, 41
    from bench_commitments where confirmation = 'declined'
    union all
    select municipality_id, case_id, 'commitment.amended', director_id, 'shared',
      jsonb_build_object('commitmentId', commitment_id, 'version', 2, 'changes', jsonb_build_object('dueOn', jsonb_build_object('from', due1, 'to', due_on)),
        'reason', 'Meer tijd nodig voor overleg.'), amend_at, 42
    from bench_commitments where amended
    union all
    select municipality_id, case_id, 'commitment.ended', director_id, 'shared',
      jsonb_build_object('commitmentId', commitment_id, 'what', what, 'status', outcome,
        'reason', case when outcome = 'broken' then 'Het budget bleek niet toereikend.' when outcome = 'withdrawn' then 'Het initiatief is gewijzigd.' end),
      end_at, 43
    from bench_commitments where outcome is not null`.execute(trx);
}
