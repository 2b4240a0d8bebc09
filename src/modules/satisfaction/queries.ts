// Read models of the report mark: the coordinator's follow-up list and the figures
// (docs/product.md#report-mark-figures). The figures are counted over the module's
// own surveys through their indexes (per municipality by the day of sending or of the
// first answer); a filter on area, theme or director looks up each counted survey's
// case by its key, never scanning another module's tables. A single answer never
// leaves here with its case or initiator, except on the follow-up list.
import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import type { Database } from '../../platform/db/schema.js';
import { averageOf, distributionOf, needsFollowUp, responseRateOf, type SurveyMoment } from './model.js';
import { satisfactionPolicy } from './policy.js';

/**
 * The filter every figure of the management information takes (the same shape in
 * each module that serves figures). A case matches area, theme and director by its
 * current area, themes and director. `domain` is not applied here: a survey has no
 * domain of its own.
 */
export interface InsightsFilter {
  municipalityId: string;
  /** YYYY-MM-DD, included */
  from: string;
  /** YYYY-MM-DD, included */
  to: string;
  areaId?: string;
  themeId?: string;
  domain?: 'social' | 'physical' | 'safety' | 'economy' | 'governance';
  directorId?: string;
}

export interface SatisfactionFigures {
  sent: number;
  answers: number;
  responseRate: number | null;
  averageMark: number | null;
  distribution: { mark: number; count: number }[];
  byMonth: { month: string; answers: number; averageMark: number | null }[];
  perDirector: { directorId: string; directorName: string; answers: number; averageMark: number | null }[];
}

type SurveyQuery<O> = SelectQueryBuilder<Database, 'surveys' | 'cases', O>;

/** The surveys of the municipality whose case matches the filter's area, theme and director. */
function matching(trx: Tx, f: InsightsFilter): SurveyQuery<object> {
  let q = trx
    .selectFrom('surveys')
    .innerJoin('cases', (j) => j.onRef('cases.id', '=', 'surveys.case_id').onRef('cases.municipality_id', '=', 'surveys.municipality_id'))
    .where('surveys.municipality_id', '=', f.municipalityId);
  if (f.areaId) q = q.where('cases.area_id', '=', f.areaId);
  if (f.directorId) q = q.where('cases.director_id', '=', f.directorId);
  if (f.themeId) {
    const themeId = f.themeId;
    q = q.where((eb: ExpressionBuilder<Database, 'surveys' | 'cases'>) =>
      eb.exists(
        eb
          .selectFrom('case_themes')
          .select('case_themes.case_id')
          .whereRef('case_themes.case_id', '=', 'surveys.case_id')
          .where('case_themes.theme_id', '=', themeId),
      ),
    );
  }
  return q;
}

const answeredIn = (f: InsightsFilter) => (q: SurveyQuery<object>) =>
  q.where('surveys.answered_on', 'is not', null).where('surveys.answered_on', '>=', f.from).where('surveys.answered_on', '<=', f.to);

/** Every month from the month of `from` to that of `to`, as YYYY-MM. */
function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const end = to.slice(0, 7);
  for (let guard = 0; guard < 2400; guard++) {
    const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    if (month > end) break;
    out.push(month);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/**
 * The report-mark figures of one municipality for a period (docs/product.md#report-mark-figures):
 * `sent` the surveys sent in the period and `responseRate` the share of those that
 * were answered; `answers`, the average, the distribution, the months and the
 * directors count the surveys first answered in the period, each once with its latest
 * mark.
 */
export async function satisfactionFigures(trx: Tx, f: InsightsFilter): Promise<SatisfactionFigures> {
  const sentRow = await matching(trx, f)
    .where('surveys.sent_on', '>=', f.from)
    .where('surveys.sent_on', '<=', f.to)
    .select([sql<number>`count(*)::int`.as('sent'), sql<number>`count(surveys.mark)::int`.as('answered')])
    .executeTakeFirstOrThrow();
  // The distribution, the months and the directors in one read: a grouping set each.
  const month = sql<string | null>`to_char(surveys.answered_on, 'YYYY-MM')`;
  const grouped = await answeredIn(f)(matching(trx, f))
    .leftJoin('users', (j) => j.onRef('users.id', '=', 'cases.director_id').onRef('users.municipality_id', '=', 'cases.municipality_id'))
    .select([
      sql<'mark' | 'month' | 'director'>`case when grouping(surveys.mark) = 0 then 'mark' when grouping(${month}) = 0 then 'month' else 'director' end`.as(
        'kind',
      ),
      'surveys.mark',
      month.as('month'),
      'users.id',
      'users.name',
      sql<number>`count(*)::int`.as('answers'),
      sql<number>`sum(surveys.mark)::int`.as('sum'),
    ])
    .groupBy(sql`grouping sets ((surveys.mark), (${month}), (users.id, users.name))`)
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
  const marks = grouped.filter((r) => r.kind === 'mark').map((r) => ({ mark: r.mark, count: r.answers }));
  const months = grouped.filter((r) => r.kind === 'month');
  const directors = grouped
    .filter((r) => r.kind === 'director' && r.id !== null)
    .map((r) => ({ id: r.id as string, name: r.name as string, answers: r.answers, sum: r.sum }));
  const distribution = distributionOf(marks.map((r) => ({ mark: Number(r.mark), count: r.count })));
  const answers = distribution.reduce((n, d) => n + d.count, 0);
  const sum = distribution.reduce((n, d) => n + d.mark * d.count, 0);
  const byMonth = new Map(months.map((r) => [r.month as string, r]));
  return {
    sent: sentRow.sent,
    answers,
    responseRate: responseRateOf(sentRow.answered, sentRow.sent),
    averageMark: averageOf(sum, answers),
    distribution,
    byMonth: monthsBetween(f.from, f.to).map((month) => {
      const r = byMonth.get(month);
      return { month, answers: r?.answers ?? 0, averageMark: r ? averageOf(r.sum, r.answers) : null };
    }),
    perDirector: directors.map((d) => ({ directorId: d.id, directorName: d.name, answers: d.answers, averageMark: averageOf(d.sum, d.answers) })),
  };
}

/**
 * Answers and the sum of their marks per municipality and month (of the first
 * answer), across every municipality: for the comparison between municipalities.
 * Deliberately crosses tenants; give it a privileged transaction.
 */
export async function unsafeMonthlyMarks(
  trx: Tx,
  r: { fromMonth: string; toMonth: string },
): Promise<{ municipalityId: string; month: string; answers: number; markSum: number }[]> {
  const [y, m] = [Number(r.toMonth.slice(0, 4)), Number(r.toMonth.slice(5, 7))];
  const next = m === 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-01`;
  const rows = await trx
    .selectFrom('surveys')
    .where('answered_on', 'is not', null)
    .where('answered_on', '>=', `${r.fromMonth}-01`)
    .where('answered_on', '<', next)
    .select([
      'municipality_id',
      sql<string>`to_char(answered_on, 'YYYY-MM')`.as('month'),
      sql<number>`count(*)::int`.as('answers'),
      sql<number>`sum(mark)::int`.as('markSum'),
    ])
    .groupBy(['municipality_id', sql`to_char(answered_on, 'YYYY-MM')`])
    .orderBy('municipality_id')
    .orderBy('month')
    .execute();
  return rows.map((x) => ({ municipalityId: x.municipality_id, month: x.month, answers: x.answers, markSum: x.markSum }));
}

// ---- the coordinator's follow-up list ----------------------------------------------

export interface FollowUpItem {
  surveyId: string;
  caseId: string;
  caseReference: string;
  moment: SurveyMoment;
  mark: number;
  answeredOn: string;
  changedAt: Date | null;
  comment: string | null;
  needsFollowUp: boolean;
  followUps: { note: string; status: 'open' | 'done'; byId: string; byName: string; at: Date }[];
}

/**
 * The marks that were below 6, newest first, with what was done about them
 * (docs/product.md#a-low-mark-is-followed-up). `todo`: only those still to follow up
 * (low now, and no follow-up marked done).
 */
export async function followUpList(ctx: Ctx, opts: { status: 'todo' | 'all' }): Promise<FollowUpItem[]> {
  satisfactionPolicy.authorize(ctx.actor, null, 'followUp');
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const surveys = await trx
      .selectFrom('surveys')
      .select(['id', 'case_id', 'case_reference', 'moment', 'mark', 'answered_on', 'changed_at', 'comment'])
      .where('municipality_id', '=', mId)
      .where('ever_low', '=', true)
      .orderBy('answered_on', 'desc')
      .orderBy('id')
      .limit(1000)
      .execute();
    const ids = surveys.map((s) => s.id);
    const followUps = ids.length
      ? await trx
          .selectFrom('survey_followups as f')
          .innerJoin('users as u', 'u.id', 'f.recorded_by')
          .select(['f.survey_id', 'f.note', 'f.status', 'f.recorded_by', 'u.name', 'f.recorded_at'])
          .where('f.municipality_id', '=', mId)
          .where('f.survey_id', 'in', ids)
          .orderBy('f.id')
          .execute()
      : [];
    const items = surveys.map((s): FollowUpItem => {
      const own = followUps.filter((f) => f.survey_id === s.id);
      const last = own.at(-1)?.status ?? null;
      return {
        surveyId: s.id,
        caseId: s.case_id,
        caseReference: s.case_reference,
        moment: s.moment as SurveyMoment,
        mark: Number(s.mark),
        answeredOn: String(s.answered_on),
        changedAt: s.changed_at,
        comment: s.comment,
        needsFollowUp: needsFollowUp(s.mark, last),
        followUps: own.map((f) => ({ note: f.note, status: f.status, byId: f.recorded_by, byName: f.name, at: f.recorded_at })),
      };
    });
    return opts.status === 'todo' ? items.filter((i) => i.needsFollowUp) : items;
  });
}
