// Satisfaction survey answers for the benchmark cases: a survey sent when a case
// closed and, for some, when its plan was agreed; about 40 % answered within two
// weeks, a tenth of those changed their answer later, marks mostly 6–9.
//
// The rows are those of the satisfaction module's `surveys` table (migration 017): the
// mark and the four 1–5 scores, the first answer's time and day, a later change, and
// whether the mark was ever below 6 (docs/product.md#the-report-mark).
// When the table does not exist, the seed skips the surveys and says so.
import { sql } from 'kysely';
import type { Db, Tx } from '../src/platform/db/index.js';
import { SURVEY_REMARKS } from './words.js';

const textArray = (words: readonly string[]) => sql.raw(`(array[${words.map((w) => `'${w.replaceAll("'", "''")}'`).join(',')}]::text[])`);

/** Whether the database has the surveys table. */
export async function hasSurveys(db: Db): Promise<boolean> {
  const r = await sql<{ ok: boolean }>`select to_regclass('public.surveys') is not null as ok`.execute(db.unsafeAdmin);
  return r.rows[0]!.ok;
}

/**
 * The surveys of the batch's cases (the temporary table `bench_batch`): one per
 * closed case and one at plan agreement for 30 % of the agreed plans, never answered
 * after now. Returns the rows added.
 */
export async function surveyBatch(trx: Tx, o: { now: Date }): Promise<number> {
  const now = sql`${o.now.toISOString()}::timestamptz`;
  const r = await sql`
    with s as materialized (
      select b.municipality_id, b.id as case_id, b.reference, b.initiator_id, 'closed' as moment, b.closed_at + interval '5 minutes' as sent_at
      from bench_batch b where b.status = 'closed'
      union all
      select b.municipality_id, b.id, b.reference, b.initiator_id, 'planAgreed', b.executing_at + interval '5 minutes'
      from bench_batch b where b.executing_at is not null and random() < 0.3
    ), a as materialized (
      select s.*, random() as r1, random() as r2, random() as r3, random() as r4, random() as r5,
        -- a mark around 7.4, spread like a school mark (Box–Muller)
        least(10, greatest(1, round(7.4 + 1.6 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()))))::int as mark0
      from s where s.sent_at < ${now}
    ), b as (
      select a.*, case when r1 < 0.4 and sent_at + (0.05 + r2 * 14) * interval '1 day' < ${now} then sent_at + (0.05 + r2 * 14) * interval '1 day' end as answered_at
      from a
    )
    , c as (
      select b.*, case when answered_at is not null then case when r3 < 0.1 then greatest(sent_at + interval '1 minute', answered_at - (r4 * 3) * interval '1 day') else answered_at end end as first_at
      from b
    )
    insert into surveys (id, municipality_id, case_id, moment, case_reference, initiator_id, token_hash, sent_at, sent_on, link_expires_at,
      mark, director_clear, plan_concrete, promises_kept, speed, comment, first_answered_at, answered_on, changed_at, ever_low)
    select gen_random_uuid(), municipality_id, case_id, moment, reference, initiator_id, md5(gen_random_uuid()::text),
      sent_at, (sent_at at time zone 'Europe/Amsterdam')::date, sent_at + interval '14 days',
      case when answered_at is not null then mark0 end,
      case when answered_at is not null and r5 > 0.05 then least(5, greatest(1, round(mark0 / 2.0 + r3 - 0.5)))::int end,
      case when answered_at is not null and r5 > 0.10 then least(5, greatest(1, round(mark0 / 2.0 + r4 - 0.6)))::int end,
      case when answered_at is not null and r5 > 0.15 then least(5, greatest(1, round(mark0 / 2.0 + r2 - 0.4)))::int end,
      case when answered_at is not null and r5 > 0.05 then least(5, greatest(1, round(mark0 / 2.0 + r1 - 0.8)))::int end,
      case when answered_at is not null and r4 < 0.3 then ${textArray(SURVEY_REMARKS)}[1 + floor(r5 * ${SURVEY_REMARKS.length})::int] end,
      first_at, (first_at at time zone 'Europe/Amsterdam')::date,
      case when first_at is not null and first_at < answered_at then answered_at end,
      answered_at is not null and mark0 < 6
    from c`.execute(trx);
  return Number((r as { numAffectedRows?: bigint }).numAffectedRows ?? 0);
}
