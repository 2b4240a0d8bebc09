// Checks on the seeded history: rows per table, referential consistency across the
// assessment, plan, commitment and clock tables, events in time order per case, and
// every sampled event payload parsed with the CaseEvent schema of the timeline
// (src/modules/timeline/events.ts). Each check throws when it does not hold.
import { sql } from 'kysely';
import { CaseEvent } from '../src/modules/timeline/index.js';
import type { Db } from '../src/platform/db/index.js';

/** Tables the history fills, counted after the seed. */
export const HISTORY_TABLES = [
  'cases',
  'case_themes',
  'events',
  'suspensions',
  'plans',
  'plan_actions',
  'assessment_rounds',
  'assessment_parties',
  'assessment_answers',
  'assessment_overrules',
  'assessment_withdrawals',
  'late_objections',
  'commitments',
  'commitment_versions',
  'mandates',
  'rules',
] as const;

export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const k = db.unsafeAdmin;
  const out: Record<string, number> = {};
  const tables = [
    ...HISTORY_TABLES,
    ...((await sql<{ ok: boolean }>`select to_regclass('public.surveys') is not null as ok`.execute(k)).rows[0]!.ok ? ['surveys'] : []),
  ];
  for (const t of tables) out[t] = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(k)).rows[0]!.n;
  return out;
}

/** Named queries that must each count 0 rows. */
const CONSISTENCY: Array<[name: string, query: ReturnType<typeof sql>]> = [
  [
    'answers belong to a party of their round, of a case, all of one municipality',
    sql`select count(*)::int as n from assessment_answers a
      left join assessment_parties p on p.id = a.party_id
      left join assessment_rounds r on r.id = p.round_id
      left join cases c on c.id = r.case_id
      where p.id is null or r.id is null or c.id is null or a.round_id <> p.round_id
        or a.municipality_id <> p.municipality_id or p.municipality_id <> r.municipality_id or r.municipality_id <> c.municipality_id`,
  ],
  [
    'a department party is a department of the same municipality',
    sql`select count(*)::int as n from assessment_parties p left join departments d on d.id = p.department_id
      where p.kind = 'department' and (d.id is null or d.municipality_id <> p.municipality_id)`,
  ],
  [
    "a party's current answer is one of its own answers",
    sql`select count(*)::int as n from assessment_parties p join assessment_answers a on a.id = p.current_answer_id where a.party_id <> p.id`,
  ],
  [
    'a closed round has a current answer for every party',
    sql`select count(*)::int as n from assessment_parties p join assessment_rounds r on r.id = p.round_id
      where r.closed_at is not null and p.current_answer_id is null`,
  ],
  [
    'an overrule or a withdrawal is of an objection of its own party, later than the answer',
    sql`select count(*)::int as n from (
        select answer_id, party_id, municipality_id, created_at from assessment_overrules
        union all select answer_id, party_id, municipality_id, created_at from assessment_withdrawals
      ) x join assessment_answers a on a.id = x.answer_id
      where a.party_id <> x.party_id or a.kind <> 'objection' or a.municipality_id <> x.municipality_id or x.created_at <= a.answered_at`,
  ],
  [
    'a late objection is of its party, round and case, and a serial one refers to an earlier round of the case',
    sql`select count(*)::int as n from late_objections l
      join assessment_answers a on a.id = l.answer_id
      join assessment_parties p on p.id = l.party_id
      join assessment_rounds r on r.id = l.round_id
      left join assessment_rounds s on s.id = l.serial_of_round_id
      where a.party_id <> l.party_id or p.round_id <> l.round_id or r.case_id <> l.case_id or a.kind <> 'objection' or not a.late
        or l.municipality_id <> r.municipality_id
        or (l.cause = 'serial') <> (s.id is not null) or (s.id is not null and (s.case_id <> l.case_id or s.number >= r.number))`,
  ],
  [
    'no round is open on a case that went to executing, and no objection stands there',
    sql`select count(*)::int as n from assessment_rounds r join cases c on c.id = r.case_id
      left join assessment_parties p on p.round_id = r.id
      left join assessment_answers a on a.id = p.current_answer_id and a.kind = 'objection'
      where c.status in ('executing', 'closed')
        and (r.closed_at is null or (a.id is not null
          and not exists (select 1 from assessment_overrules o where o.answer_id = a.id)
          and not exists (select 1 from assessment_withdrawals w where w.answer_id = a.id)
          and not exists (select 1 from assessment_rounds r2 where r2.case_id = r.case_id and r2.number > r.number)))`,
  ],
  [
    'every executing or closed case has exactly one plan agreed by both, its newest version',
    sql`select count(*)::int as n from cases c
      where c.status in ('executing', 'closed') and (
        (select count(*) from plans p where p.case_id = c.id and p.initiator_agreed_at is not null and p.director_agreed_at is not null) <> 1
        or exists (select 1 from plans p where p.case_id = c.id and p.municipality_id = c.municipality_id and p.initiator_agreed_at is not null
          and p.version <> (select max(version) from plans q where q.case_id = c.id)))`,
  ],
  [
    'plans, suspensions and commitments belong to a case of their own municipality',
    sql`select count(*)::int as n from (
        select case_id, municipality_id from plans union all select case_id, municipality_id from suspensions
        union all select case_id, municipality_id from commitments
      ) x left join cases c on c.id = x.case_id where c.id is null or c.municipality_id <> x.municipality_id`,
  ],
  [
    "a case's suspended days are its ended suspensions, and a running one is its suspended_since",
    sql`select count(*)::int as n from cases c
      left join lateral (select coalesce(sum(s.ended_on - s.started_on), 0)::int as days, max(s.started_on) filter (where s.ended_on is null) as open_since
        from suspensions s where s.case_id = c.id) x on true
      where c.suspended_days <> x.days or c.suspended_since is distinct from x.open_since`,
  ],
  [
    "a commitment's version is its highest version in the history, and the history starts with its record",
    sql`select count(*)::int as n from commitments m
      left join lateral (select max(v.version) as top, min(v.created_at) as first from commitment_versions v
        where v.municipality_id = m.municipality_id and v.commitment_id = m.id) x on true
      where x.top is distinct from m.version or x.first is distinct from m.created_at`,
  ],
];

/** Counts per table and the consistency checks; returns report lines. */
export async function checkHistory(db: Db): Promise<string[]> {
  const k = db.unsafeAdmin;
  const counts = await tableCounts(db);
  const out = [
    `rows: ${Object.entries(counts)
      .map(([t, n]) => `${t} ${n.toLocaleString('en')}`)
      .join(', ')}`,
  ];
  for (const [name, q] of CONSISTENCY) {
    const n = ((await q.execute(k)) as { rows: Array<{ n: number }> }).rows[0]!.n;
    if (n !== 0) throw new Error(`${n} rows break: ${name}`);
  }
  const shares = (
    await sql<{ late: string; answers: unknown; commitments: unknown; started: number; rounds: number }>`select
      (select round(100.0 * avg(((p.initiator_agreed_at at time zone 'Europe/Amsterdam')::date > c.plan_due_on)::int), 1)::text
        from plans p join cases c on c.id = p.case_id where p.initiator_agreed_at is not null) as late,
      (select jsonb_object_agg(kind, n) from (select kind, count(*) as n from assessment_answers group by kind) x) as answers,
      (select jsonb_object_agg(s, n) from (select case when status = 'binding' and due_on < current_date then 'overdue' else status end as s, count(*) as n
        from commitments group by 1) x) as commitments,
      (select count(*)::int from cases where clock_started_on is not null) as started,
      (select count(distinct case_id)::int from assessment_rounds) as rounds`.execute(k)
  ).rows[0]!;
  out.push(
    `history: plans agreed after the due date ${shares.late} %; cases with a round ${((shares.rounds / Math.max(1, shares.started)) * 100).toFixed(1)} % of the started; answers ${JSON.stringify(shares.answers)}; commitments ${JSON.stringify(shares.commitments)}`,
  );
  out.push(`consistency: ${CONSISTENCY.length} checks hold (${CONSISTENCY.map((c) => c[0]).join('; ')})`);
  return out;
}

/**
 * Events per type, and up to `perType` payloads of every type parsed with CaseEvent;
 * events of a sample of cases (all cases when `sampleCases` exceeds them) in time
 * order by id, none before the case was submitted.
 */
export async function checkEvents(db: Db, o: { perType: number; sampleCases?: number }): Promise<string[]> {
  const k = db.unsafeAdmin;
  const types = (await sql<{ type: string; n: number }>`select type, count(*)::int as n from events group by type order by type`.execute(k)).rows;
  let parsed = 0;
  for (const t of types) {
    const rows = (await sql<{ payload: unknown }>`select payload from events where type = ${t.type} limit ${o.perType}`.execute(k)).rows;
    for (const r of rows) {
      const res = CaseEvent.safeParse({ type: t.type, payload: r.payload });
      if (!res.success) throw new Error(`event ${t.type} does not parse: ${JSON.stringify(r.payload)}: ${res.error.message}`);
      parsed++;
    }
  }
  const total = types.reduce((a, t) => a + t.n, 0);
  const cases = (await sql<{ n: number }>`select count(*)::int as n from cases`.execute(k)).rows[0]!.n;
  const pct = Math.min(100, ((o.sampleCases ?? 20_000) / Math.max(1, cases)) * 100);
  const order = (
    await sql<{ back: number; early: number; late: number; cases: number }>`
      with s as (select id, submitted_at from cases tablesample bernoulli (${sql.lit(pct)})),
      e as (
        select e.created_at, s.submitted_at, e.created_at < lag(e.created_at) over (partition by e.case_id order by e.id) as back
        from events e join s on s.id = e.case_id
      )
      select count(*) filter (where back)::int as back, count(*) filter (where created_at < submitted_at)::int as early,
        count(*) filter (where created_at > now())::int as late, (select count(*) from s)::int as cases from e`.execute(k)
  ).rows[0]!;
  if (order.back || order.early || order.late)
    throw new Error(`events out of order: ${order.back} earlier than the event before them, ${order.early} before submission, ${order.late} in the future`);
  return [
    `events: ${total.toLocaleString('en')} (${(total / Math.max(1, cases)).toFixed(1)} per case), ${types.map((t) => `${t.type} ${t.n.toLocaleString('en')}`).join(', ')}`,
    `event payloads: ${parsed.toLocaleString('en')} sampled over ${types.length} types, all parse with CaseEvent; events of ${order.cases.toLocaleString('en')} sampled cases in time order`,
  ];
}
