// Read models of the report mark: the coordinator's follow-up list and the figures
// (docs/product.md#report-mark-figures). The figures are counted over the module's
// own surveys through their indexes (per municipality by the day of sending or of the
// first answer); a filter on area, theme or director looks up each counted survey's
// case by its key, never scanning another module's tables. A single answer never
// leaves here with its case or initiator, except on the follow-up list.
import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { eventLogHead } from '../timeline/index.js';
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
 * The surveys of the municipality whose case matches the filter, as SQL (alias s for
 * surveys, c for cases). Without a filter on the case and without `join`, the surveys
 * alone: no lookup of each survey's case.
 */
function matchingSql(f: InsightsFilter, join?: ReturnType<typeof sql>) {
  if (!join && !f.areaId && !f.directorId && !f.themeId) return sql`surveys s where s.municipality_id = ${f.municipalityId}::uuid`;
  return sql`surveys s join cases c on c.id = s.case_id and c.municipality_id = s.municipality_id ${join ?? sql``}
    where s.municipality_id = ${f.municipalityId}::uuid
      ${f.areaId ? sql`and c.area_id = ${f.areaId}::uuid` : sql``}
      ${f.directorId ? sql`and c.director_id = ${f.directorId}::uuid` : sql``}
      ${f.themeId ? sql`and exists (select ct.case_id from case_themes ct where ct.case_id = s.case_id and ct.theme_id = ${f.themeId}::uuid)` : sql``}`;
}

/** What the figures' statement yields: the sent and answered counts, then the distribution, the months and the directors. */
type FiguresJson = [[number, number], ['mark' | 'month' | 'director', number | null, string | null, string | null, string | null, number, number][]];

/**
 * The report-mark figures as one SQL value (json), to be read with `read`: a
 * scalar subquery that the management information places in its own statement, so a
 * request sends one statement for every module's figures (docs/product.md#report-mark-figures).
 * The distribution, the months and the directors in one read: a grouping set each.
 */
export const satisfactionFigureSource = {
  /**
   * The version of these figures (docs/product.md#management-information): a survey is
   * sent, answered and changed only together with its satisfaction.* event in the
   * municipality's event log, so the log's newest event changes with them.
   */
  version: (municipalityId: string) => eventLogHead(municipalityId),
  /** Surveys of the period, of the cases in the area, with the theme, of the director (the domain is not one of a survey's case). */
  dependsOn: ['from', 'to', 'areaId', 'themeId', 'directorId'] as const,
  select(f: InsightsFilter) {
    const month = sql`to_char(s.answered_on, 'YYYY-MM')`;
    return sql`select json_build_array(
      (select json_build_array(count(*)::int, count(s.mark)::int) from ${matchingSql(f)} and s.sent_on >= ${f.from}::date and s.sent_on <= ${f.to}::date),
      (select coalesce(json_agg(json_build_array(g.kind, g.mark, g.month, g.id, g.name, g.answers, g.sum) order by g.name, g.id), '[]'::json) from (
        select case when grouping(s.mark) = 0 then 'mark' when grouping(${month}) = 0 then 'month' else 'director' end as kind,
          s.mark, ${month} as month, u.id, u.name, count(*)::int as answers, sum(s.mark)::int as sum
        from ${matchingSql(f, sql`left join users u on u.id = c.director_id and u.municipality_id = c.municipality_id`)} and s.answered_on is not null and s.answered_on >= ${f.from}::date and s.answered_on <= ${f.to}::date
        group by grouping sets ((s.mark), (${month}), (u.id, u.name))
      ) g))`;
  },
  read(json: unknown, f: InsightsFilter): SatisfactionFigures {
    const [[sent, answered], grouped] = json as FiguresJson;
    const marks = grouped.filter((r) => r[0] === 'mark').map((r) => ({ mark: Number(r[1]), count: r[5] }));
    const directors = grouped.filter((r) => r[0] === 'director' && r[3] !== null);
    const distribution = distributionOf(marks);
    const answers = distribution.reduce((n, d) => n + d.count, 0);
    const sum = distribution.reduce((n, d) => n + d.mark * d.count, 0);
    const byMonth = new Map(grouped.filter((r) => r[0] === 'month').map((r) => [r[2] as string, r]));
    return {
      sent,
      answers,
      responseRate: responseRateOf(answered, sent),
      averageMark: averageOf(sum, answers),
      distribution,
      byMonth: monthsBetween(f.from, f.to).map((month) => {
        const r = byMonth.get(month);
        return { month, answers: r?.[5] ?? 0, averageMark: r ? averageOf(r[6], r[5]) : null };
      }),
      perDirector: directors.map((r) => ({ directorId: r[3] as string, directorName: r[4] as string, answers: r[5], averageMark: averageOf(r[6], r[5]) })),
    };
  },
};

/**
 * The report-mark figures of one municipality for a period (docs/product.md#report-mark-figures):
 * `sent` the surveys sent in the period and `responseRate` the share of those that
 * were answered; `answers`, the average, the distribution, the months and the
 * directors count the surveys first answered in the period, each once with its latest
 * mark. One statement (satisfactionFigureSource).
 */
export async function satisfactionFigures(trx: Tx, f: InsightsFilter): Promise<SatisfactionFigures> {
  const r = await sql<{ v: unknown }>`select (${satisfactionFigureSource.select(f)}) as v`.execute(trx);
  return satisfactionFigureSource.read(r.rows[0]?.v, f);
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
