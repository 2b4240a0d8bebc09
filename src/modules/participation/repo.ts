// Queries on the participation tables. Every function takes the municipality id and
// filters on it; row-level security is the second wall.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/index.js';
import type { Position, Relation } from './model.js';

export interface PeriodRow {
  id: string;
  municipalityId: string;
  caseId: string;
  reference: string;
  themes: string[];
  summary: string;
  location: string;
  workingDays: number;
  openedOn: string;
  endsOn: string;
  questions: string[];
  openedAt: Date;
  closedAt: Date | null;
  closedReason: string | null;
  answersLockedAt: Date | null;
  version: number;
}

export interface TopicRow {
  id: string;
  position: number;
  name: string;
  answer: string | null;
  answeredAt: Date | null;
}

export interface ResponseRow {
  id: string;
  periodId: string;
  name: string;
  showName: boolean;
  email: string;
  relation: Relation;
  position: Position;
  interest: string;
  wouldHelp: string;
  answers: string[];
  locale: 'nl' | 'en';
  createdAt: Date;
  confirmedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  hiddenBy: string | null;
  answerMailedAt: Date | null;
  topicIds: string[];
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? strings(JSON.parse(v)) : []);

const periodColumns = [
  'id',
  'municipality_id',
  'case_id',
  'reference',
  'themes',
  'summary',
  'location',
  'working_days',
  'opened_on',
  'ends_on',
  'questions',
  'opened_at',
  'closed_at',
  'closed_reason',
  'answers_locked_at',
  'version',
] as const;

type PeriodDb = {
  id: string;
  municipality_id: string;
  case_id: string;
  reference: string;
  themes: unknown;
  summary: string;
  location: string;
  working_days: number;
  opened_on: string;
  ends_on: string;
  questions: unknown;
  opened_at: Date;
  closed_at: Date | null;
  closed_reason: string | null;
  answers_locked_at: Date | null;
  version: number;
};

const toPeriod = (r: PeriodDb): PeriodRow => ({
  id: r.id,
  municipalityId: r.municipality_id,
  caseId: r.case_id,
  reference: r.reference,
  themes: strings(r.themes),
  summary: r.summary,
  location: r.location,
  workingDays: r.working_days,
  openedOn: r.opened_on,
  endsOn: r.ends_on,
  questions: strings(r.questions),
  openedAt: r.opened_at,
  closedAt: r.closed_at,
  closedReason: r.closed_reason,
  answersLockedAt: r.answers_locked_at,
  version: r.version,
});

export async function findPeriod(trx: Tx, mId: string, id: string, lock = false): Promise<PeriodRow | null> {
  let q = trx.selectFrom('response_periods').select(periodColumns).where('municipality_id', '=', mId).where('id', '=', id);
  if (lock) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? toPeriod(r as PeriodDb) : null;
}

export async function periodsOfCase(trx: Tx, mId: string, caseId: string): Promise<PeriodRow[]> {
  const rows = await trx
    .selectFrom('response_periods')
    .select(periodColumns)
    .where('municipality_id', '=', mId)
    .where('case_id', '=', caseId)
    .orderBy('opened_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => toPeriod(r as PeriodDb));
}

/** The periods open on `today`, soonest end first (the public list). */
export async function openPeriods(trx: Tx, mId: string, today: string): Promise<PeriodRow[]> {
  const rows = await trx
    .selectFrom('response_periods')
    .select(periodColumns)
    .where('municipality_id', '=', mId)
    .where('closed_at', 'is', null)
    .where('ends_on', '>=', today)
    .orderBy('ends_on')
    .orderBy('opened_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => toPeriod(r as PeriodDb));
}

export async function topicsOfPeriods(trx: Tx, mId: string, periodIds: readonly string[]): Promise<Map<string, TopicRow[]>> {
  const out = new Map<string, TopicRow[]>(periodIds.map((id) => [id, []]));
  if (!periodIds.length) return out;
  const rows = await trx
    .selectFrom('response_topics')
    .select(['id', 'period_id', 'position', 'name', 'answer', 'answered_at'])
    .where('municipality_id', '=', mId)
    .where('period_id', 'in', [...periodIds])
    .orderBy('position')
    .execute();
  for (const r of rows) out.get(r.period_id)?.push({ id: r.id, position: r.position, name: r.name, answer: r.answer, answeredAt: r.answered_at });
  return out;
}

/**
 * The confirmed responses of the periods that stand (not replaced by a later one of the
 * same address), hidden ones included, oldest first. Unconfirmed ones are never read here.
 */
export async function standingResponsesOf(trx: Tx, mId: string, periodIds: readonly string[]): Promise<ResponseRow[]> {
  if (!periodIds.length) return [];
  const rows = await trx
    .selectFrom('responses as r')
    .select([
      'r.id',
      'r.period_id',
      'r.name',
      'r.show_name',
      'r.email',
      'r.relation',
      'r.position',
      'r.interest',
      'r.would_help',
      'r.answers',
      'r.locale',
      'r.created_at',
      'r.confirmed_at',
      'r.hidden_at',
      'r.hidden_reason',
      'r.hidden_by',
      'r.answer_mailed_at',
      sql<string[]>`coalesce((select array_agg(i.topic_id::text order by i.topic_id) from response_interests i where i.response_id = r.id), '{}')`.as(
        'topic_ids',
      ),
    ])
    .where('r.municipality_id', '=', mId)
    .where('r.period_id', 'in', [...periodIds])
    .where('r.confirmed_at', 'is not', null)
    .where('r.replaced_at', 'is', null)
    .orderBy('r.confirmed_at')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    periodId: r.period_id,
    name: r.name,
    showName: r.show_name,
    email: r.email,
    relation: r.relation,
    position: r.position as Position,
    interest: r.interest,
    wouldHelp: r.would_help,
    answers: strings(r.answers),
    locale: r.locale,
    createdAt: r.created_at,
    confirmedAt: r.confirmed_at,
    hiddenAt: r.hidden_at,
    hiddenReason: r.hidden_reason,
    hiddenBy: r.hidden_by,
    answerMailedAt: r.answer_mailed_at,
    topicIds: strings(r.topic_ids),
  }));
}

/** How many confirmed, standing, not hidden responses each period has (the public count). */
export async function respondentCounts(trx: Tx, mId: string, periodIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>(periodIds.map((id) => [id, 0]));
  if (!periodIds.length) return out;
  const rows = await trx
    .selectFrom('responses')
    .select(['period_id', sql<number>`count(*)::int`.as('n')])
    .where('municipality_id', '=', mId)
    .where('period_id', 'in', [...periodIds])
    .where('confirmed_at', 'is not', null)
    .where('replaced_at', 'is', null)
    .where('hidden_at', 'is', null)
    .groupBy('period_id')
    .execute();
  for (const r of rows) out.set(r.period_id, Number(r.n));
  return out;
}

/** Unconfirmed responses whose link has expired are deleted (docs/product.md#responding-to-a-case). */
export async function deleteExpiredUnconfirmed(trx: Tx, mId: string, now: Date): Promise<number> {
  const r = await trx
    .deleteFrom('responses')
    .where('municipality_id', '=', mId)
    .where('confirmed_at', 'is', null)
    .where('token_expires_at', '<', now)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
