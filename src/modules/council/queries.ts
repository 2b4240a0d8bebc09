// The council overview's read model (docs/product.md#the-council-overview): every
// figure is one aggregate query on the municipality's own rows, scoped by its id
// (and by row-level security behind it); the per-case list is keyset-paginated.
// Nothing here reads a name, address, phone number, company, description or title
// of a case: the queries select only what the overview may show.
import { sql } from 'kysely';
import type { IsoDate } from '../../kernel/calendar.js';
import type { Role } from '../../platform/auth/index.js';
import type { Tx } from '../../platform/db/index.js';
import { CASE_STATUSES } from '../cases/index.js';

type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * A timestamp as the Dutch calendar day it fell on (Europe/Amsterdam), as text.
 * The zone is the one of `dutchDate` (src/kernel/clock.ts).
 */
const dutchDay = (column: string) => sql.raw(`to_char((${column} at time zone 'Europe/Amsterdam')::date, 'YYYY-MM-DD')`);

/**
 * The day each case's plan was first agreed: the earliest version agreed by both the
 * initiator and the director, at the later of the two agreements
 * (docs/product.md#the-council-overview).
 */
const agreedPlans = (mId: string) => sql`
  select p.case_id, min(greatest(p.initiator_agreed_at, p.director_agreed_at)) as agreed_at
  from plans p
  where p.municipality_id = ${mId} and p.initiator_agreed_at is not null and p.director_agreed_at is not null
  group by p.case_id`;

/** A case counts once its initiator is known: an unconfirmed public intake is not counted (docs/product.md#the-council-overview). */
const counted = sql.raw('c.initiator_id is not null');

export interface Count {
  key: string | null;
  name: string | null;
  count: number;
}

export async function casesByStatus(trx: Tx, mId: string): Promise<{ status: CaseStatus; count: number }[]> {
  const r = await sql<{ status: CaseStatus; count: number }>`
    select c.status, count(*)::int as count from cases c
    where c.municipality_id = ${mId} and ${counted}
    group by c.status
    order by array_position(${sql.val([...CASE_STATUSES])}::text[], c.status) -- the lifecycle's order`.execute(trx);
  return r.rows;
}

/** Cases per area; cases without an area under a null key. */
export async function casesByArea(trx: Tx, mId: string): Promise<Count[]> {
  const r = await sql<Count>`
    select a.id as key, a.name, count(*)::int as count
    from cases c left join areas a on a.id = c.area_id and a.municipality_id = ${mId}
    where c.municipality_id = ${mId} and ${counted}
    group by a.id, a.name
    order by a.name nulls last`.execute(trx);
  return r.rows;
}

/** Cases per theme (a case with two themes counts under both); cases without a theme under a null key. */
export async function casesByTheme(trx: Tx, mId: string): Promise<Count[]> {
  const r = await sql<Count>`
    select t.id as key, t.name, count(distinct c.id)::int as count
    from cases c
    left join case_themes ct on ct.case_id = c.id and ct.municipality_id = ${mId}
    left join themes t on t.id = ct.theme_id and t.municipality_id = ${mId}
    where c.municipality_id = ${mId} and ${counted}
    group by t.id, t.name
    order by t.name nulls last`.execute(trx);
  return r.rows;
}

export interface PlanCounts {
  onTime: number;
  late: number;
  overdue: number;
  running: number;
}

/** The plan terms counted (model.ts planTerm, the same rule in SQL). */
export async function planCounts(trx: Tx, mId: string, today: IsoDate): Promise<PlanCounts> {
  const agreedOn = dutchDay('ag.agreed_at');
  const r = await sql<PlanCounts>`
    with agreed as (${agreedPlans(mId)})
    select
      count(*) filter (where ag.agreed_at is not null and ${agreedOn} <= c.plan_due_on::text)::int as "onTime",
      count(*) filter (where ag.agreed_at is not null and ${agreedOn} > c.plan_due_on::text)::int as late,
      count(*) filter (where ag.agreed_at is null and c.status in ('intake', 'planning') and c.suspended_since is null and c.plan_due_on < ${today}::date)::int as overdue,
      count(*) filter (where ag.agreed_at is null and c.status in ('intake', 'planning') and (c.suspended_since is not null or c.plan_due_on >= ${today}::date))::int as running
    from cases c left join agreed ag on ag.case_id = c.id
    where c.municipality_id = ${mId} and ${counted} and c.plan_due_on is not null`.execute(trx);
  return r.rows[0] as PlanCounts;
}

export interface OverduePlan {
  caseId: string;
  reference: string;
  planDueOn: IsoDate;
  daysOverdue: number;
}

/** The plans overdue today, longest overdue first (at most `limit`; the count is in planCounts). */
export async function overduePlans(trx: Tx, mId: string, today: IsoDate, limit: number): Promise<OverduePlan[]> {
  const r = await sql<OverduePlan>`
    with agreed as (${agreedPlans(mId)})
    select c.id as "caseId", c.reference, c.plan_due_on::text as "planDueOn", (${today}::date - c.plan_due_on)::int as "daysOverdue"
    from cases c left join agreed ag on ag.case_id = c.id
    where c.municipality_id = ${mId} and ${counted} and ag.agreed_at is null
      and c.status in ('intake', 'planning') and c.suspended_since is null and c.plan_due_on < ${today}::date
    order by c.plan_due_on, c.reference
    limit ${limit}`.execute(trx);
  return r.rows;
}

export interface ObjectionCounts {
  total: number;
  overruled: number;
  withdrawn: number;
  resolved: number;
  standing: number;
}

export interface RuleObjections extends ObjectionCounts {
  code: string;
  title: string;
}

/**
 * Every objection on record with how it stands (docs/product.md#a-standing-objection):
 * each party's current answer per round that is an objection; overruled within mandate,
 * withdrawn by the party, resolved when the same party (the same department or outside
 * address) answers no objection in a later round, standing otherwise. One overtaken by
 * the party's objection in a later round is left out, so it is not counted twice.
 */
const objectionStates = (mId: string) => sql`
  parties as (
    select p.id, p.current_answer_id, r.case_id, r.number,
      case when p.kind = 'department' then 'department:' || p.department_id::text else 'outside:' || lower(trim(p.email)) end as party_key
    from assessment_parties p join assessment_rounds r on r.id = p.round_id and r.municipality_id = ${mId}
    where p.municipality_id = ${mId}
  ),
  latest as (
    select distinct on (lp.case_id, lp.party_key) lp.case_id, lp.party_key, lp.number, la.kind
    from parties lp join assessment_answers la on la.id = lp.current_answer_id and la.municipality_id = ${mId}
    order by lp.case_id, lp.party_key, lp.number desc
  ),
  objections as (
    select a.id, a.rules, a.answered_at, p.case_id,
      case
        when exists (select 1 from assessment_overrules o where o.answer_id = a.id and o.municipality_id = ${mId}) then 'overruled'
        when exists (select 1 from assessment_withdrawals w where w.answer_id = a.id and w.municipality_id = ${mId}) then 'withdrawn'
        when l.number > p.number and l.kind = 'objection' then null
        when l.number > p.number then 'resolved'
        else 'standing'
      end as state
    from parties p
    join assessment_answers a on a.id = p.current_answer_id and a.municipality_id = ${mId}
    join latest l on l.case_id = p.case_id and l.party_key = p.party_key
    join cases c on c.id = p.case_id and c.municipality_id = ${mId}
    where a.kind = 'objection'
  )`;

const stateCounts = sql.raw(`
  count(*)::int as total,
  count(*) filter (where state = 'overruled')::int as overruled,
  count(*) filter (where state = 'withdrawn')::int as withdrawn,
  count(*) filter (where state = 'resolved')::int as resolved,
  count(*) filter (where state = 'standing')::int as standing`);

export async function objectionTotals(trx: Tx, mId: string): Promise<ObjectionCounts> {
  const r = await sql<ObjectionCounts>`
    with ${objectionStates(mId)}
    select ${stateCounts} from objections where state is not null`.execute(trx);
  return r.rows[0] as ObjectionCounts;
}

/** Objections per cited rule (an objection citing two rules counts under both), by the rule's code; the title as last cited. */
export async function objectionsByRule(trx: Tx, mId: string): Promise<RuleObjections[]> {
  const r = await sql<RuleObjections>`
    with ${objectionStates(mId)},
    cited as (
      select o.state, o.answered_at, x.rule ->> 'code' as code, x.rule ->> 'title' as title
      from objections o cross join lateral jsonb_array_elements(o.rules) as x(rule)
      where o.state is not null
    )
    select code, (array_agg(title order by answered_at desc))[1] as title, ${stateCounts}
    from cited
    group by code
    order by count(*) desc, code`.execute(trx);
  return r.rows;
}

export interface CommitmentCounts {
  total: number;
  open: number;
  overdue: number;
  kept: number;
  broken: number;
  withdrawn: number;
  declined: number;
}

export interface CommitmentMaker extends CommitmentCounts {
  name: string;
  /** the role on record: an outside person's own words ("wethouder Economie"), or a staff member's role */
  role: string;
  /** the staff member's role (the code), so it is shown in the reader's language; null for an outside person */
  staffRole: Role | null;
  department: string | null;
}

const commitmentCounts = (today: IsoDate) => sql`
  count(*)::int as total,
  count(*) filter (where k.status in ('binding', 'needsConfirmation'))::int as open,
  count(*) filter (where k.status in ('binding', 'needsConfirmation') and k.due_on < ${today}::date)::int as overdue,
  count(*) filter (where k.status = 'kept')::int as kept,
  count(*) filter (where k.status = 'broken')::int as broken,
  count(*) filter (where k.status = 'withdrawn')::int as withdrawn,
  count(*) filter (where k.status = 'declined')::int as declined`;

export async function commitmentTotals(trx: Tx, mId: string, today: IsoDate): Promise<CommitmentCounts> {
  const r = await sql<CommitmentCounts>`
    select ${commitmentCounts(today)} from commitments k where k.municipality_id = ${mId}`.execute(trx);
  return r.rows[0] as CommitmentCounts;
}

/**
 * Commitments per maker: the official or body by the name and role on record, with
 * the department of a staff member who made it. Commitments are made by officials in
 * office, not by initiators (docs/product.md#commitments-on-record).
 */
export async function commitmentsByMaker(trx: Tx, mId: string, today: IsoDate): Promise<CommitmentMaker[]> {
  const r = await sql<CommitmentMaker>`
    select k.made_by_name as name, k.made_by_role as role, u.role as "staffRole", d.name as department, ${commitmentCounts(today)}
    from commitments k
    left join users u on u.id = k.made_by_user_id and u.municipality_id = ${mId}
    left join departments d on d.id = u.department_id and d.municipality_id = ${mId}
    where k.municipality_id = ${mId}
    group by k.made_by_name, k.made_by_role, u.role, d.name
    order by count(*) desc, k.made_by_name, k.made_by_role`.execute(trx);
  return r.rows;
}

export interface CaseSummaryRow {
  id: string;
  reference: string;
  status: CaseStatus;
  area: string | null;
  themes: string[];
  submittedAt: Date;
  submittedOn: IsoDate;
  planDueOn: IsoDate | null;
  suspendedSince: IsoDate | null;
  planAgreedOn: IsoDate | null;
  closedOn: IsoDate | null;
  standingObjections: number;
}

/** One page of the public case summaries, newest first, keyset on (submitted_at, id). */
export async function caseSummaries(trx: Tx, mId: string, page: { after: { at: Date; id: string } | null; limit: number }): Promise<CaseSummaryRow[]> {
  const after = page.after ? sql`and (c.submitted_at, c.id) < (${page.after.at}, ${page.after.id})` : sql``;
  const r = await sql<CaseSummaryRow>`
    with agreed as (${agreedPlans(mId)}),
    ${objectionStates(mId)},
    standing as (select o.case_id, count(*)::int as n from objections o where o.state = 'standing' group by o.case_id)
    select c.id, c.reference, c.status, a.name as area,
      coalesce((select array_agg(t.name order by t.name) from case_themes ct join themes t on t.id = ct.theme_id and t.municipality_id = ${mId}
                where ct.case_id = c.id and ct.municipality_id = ${mId}), '{}') as themes,
      c.submitted_at as "submittedAt",
      ${dutchDay('c.submitted_at')} as "submittedOn",
      c.plan_due_on::text as "planDueOn",
      c.suspended_since::text as "suspendedSince",
      case when ag.agreed_at is null then null else ${dutchDay('ag.agreed_at')} end as "planAgreedOn",
      case when c.closed_at is null then null else ${dutchDay('c.closed_at')} end as "closedOn",
      coalesce(st.n, 0) as "standingObjections"
    from cases c
    left join areas a on a.id = c.area_id and a.municipality_id = ${mId}
    left join agreed ag on ag.case_id = c.id
    left join standing st on st.case_id = c.id
    where c.municipality_id = ${mId} and ${counted} ${after}
    order by c.submitted_at desc, c.id desc
    limit ${page.limit}`.execute(trx);
  return r.rows;
}
