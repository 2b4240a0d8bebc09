// Read models of participation for other modules: the dossier's section and the
// figures for insights. Both read only this module's own tables (and, for the
// figures' filters, the case's current area, themes and director).
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/index.js';
import { eventLogHead } from '../timeline/index.js';
import { countByTopic, type PositionCounts, publicName } from './model.js';
import { periodsOfCase, standingResponsesOf, topicsOfPeriods } from './repo.js';

/** One period as the dossier prints it (docs/product.md#the-dossier): no e-mail address, a name only when its owner chose to show it. */
export interface DossierPeriod {
  summary: string;
  location: string;
  openedOn: string;
  endsOn: string;
  closedReason: string | null;
  respondents: number;
  hidden: number;
  totals: PositionCounts;
  topics: { name: string; counts: PositionCounts; answer: string | null }[];
  /** the names respondents chose to show, in the order they confirmed */
  shownNames: string[];
}

/** The inventory of every period of the case, oldest first, for the dossier. */
export async function participationForDossier(trx: Tx, municipalityId: string, caseId: string): Promise<DossierPeriod[]> {
  const periods = (await periodsOfCase(trx, municipalityId, caseId)).reverse();
  if (!periods.length) return [];
  const ids = periods.map((p) => p.id);
  const [topics, responses] = await Promise.all([topicsOfPeriods(trx, municipalityId, ids), standingResponsesOf(trx, municipalityId, ids)]);
  return periods.map((p) => {
    const ts = topics.get(p.id) ?? [];
    const rs = responses.filter((r) => r.periodId === p.id);
    const counted = countByTopic(
      ts.map((t) => t.id),
      rs,
    );
    return {
      summary: p.summary,
      location: p.location,
      openedOn: p.openedOn,
      endsOn: p.endsOn,
      closedReason: p.closedReason,
      respondents: counted.respondents,
      hidden: rs.filter((r) => r.hiddenAt).length,
      totals: counted.totals,
      topics: ts.map((t, i) => ({ name: t.name, counts: (counted.topics[i] as (typeof counted.topics)[number]).counts, answer: t.answer })),
      shownNames: rs.filter((r) => !r.hiddenAt).flatMap((r) => publicName(r) ?? []),
    };
  });
}

/**
 * The filter insights passes (the shape shared by the figures of every module). A case
 * matches area, theme and director by its current area, themes and director; `domain`
 * is not resolved here and is ignored.
 */
export type InsightsFilter = {
  municipalityId: string;
  /** YYYY-MM-DD, included */
  from: string;
  /** YYYY-MM-DD, included */
  to: string;
  areaId?: string;
  themeId?: string;
  domain?: 'social' | 'physical' | 'safety' | 'economy' | 'governance';
  directorId?: string;
};

export interface ParticipationFigures {
  periods: number;
  respondents: number;
  interests: number;
  answeredInterests: number;
  answeredShare: number | null;
  byMonth: { month: string; periods: number; respondents: number }[];
}

/**
 * Participation in figures for the periods opened from `from` to `to`
 * (docs/product.md#participation-in-figures): periods, respondents (confirmed, standing,
 * not hidden responses), interests (topics with at least one such response) and how
 * many of those were answered. Served by the indexes on response_periods (municipality,
 * opened_on), responses (period) and response_interests (topic). As one SQL value and
 * its reader, so the management information reads them inside its own statement.
 */
export const participationFigureSource = {
  /**
   * The version of these figures (docs/product.md#management-information): periods,
   * responses and answers change only together with their participation.* event in the
   * municipality's event log, so the log's newest event changes with them.
   */
  version: (municipalityId: string) => eventLogHead(municipalityId),
  /** Periods opened in the period, on cases in the area, with the theme, of the director (the domain is not one of a response period). */
  dependsOn: ['from', 'to', 'areaId', 'themeId', 'directorId'] as const,
  /** One SQL value (json): per period opened in the filter's range its month, respondents, interests and answered interests. */
  select(f: InsightsFilter) {
    const caseFilter = sql.join(
      [
        sql`true`,
        f.areaId ? sql`c.area_id = ${f.areaId}::uuid` : sql`true`,
        f.directorId ? sql`c.director_id = ${f.directorId}::uuid` : sql`true`,
        f.themeId ? sql`exists (select 1 from case_themes ct where ct.case_id = c.id and ct.theme_id = ${f.themeId}::uuid)` : sql`true`,
      ],
      sql` and `,
    );
    return sql`
      with p as (
        select rp.id, to_char(rp.opened_on, 'YYYY-MM') as month
        from response_periods rp
        join cases c on c.id = rp.case_id and c.municipality_id = rp.municipality_id
        where rp.municipality_id = ${f.municipalityId}::uuid and rp.opened_on between ${f.from}::date and ${f.to}::date and ${caseFilter}
      ),
      r as (
        select r.id, r.period_id from responses r join p on p.id = r.period_id
        where r.municipality_id = ${f.municipalityId}::uuid and r.confirmed_at is not null and r.replaced_at is null and r.hidden_at is null
      ),
      t as (
        select distinct ri.topic_id from response_interests ri join r on r.id = ri.response_id
      )
      select coalesce(json_agg(json_build_array(p.month,
        (select count(*)::int from r where r.period_id = p.id),
        (select count(*)::int from t join response_topics rt on rt.id = t.topic_id where rt.period_id = p.id),
        (select count(*)::int from t join response_topics rt on rt.id = t.topic_id where rt.period_id = p.id and rt.answer is not null))), '[]'::json)
      from p`;
  },
  read(json: unknown): ParticipationFigures {
    const rows = json as [string, number, number, number][];
    const byMonth = new Map<string, { month: string; periods: number; respondents: number }>();
    let respondents = 0;
    let interests = 0;
    let answered = 0;
    for (const [month, n, i, a] of rows) {
      const m = byMonth.get(month) ?? { month, periods: 0, respondents: 0 };
      m.periods++;
      m.respondents += n;
      byMonth.set(month, m);
      respondents += n;
      interests += i;
      answered += a;
    }
    return {
      periods: rows.length,
      respondents,
      interests,
      answeredInterests: answered,
      answeredShare: interests ? answered / interests : null,
      byMonth: [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month)),
    };
  },
};

/** The figures on their own: one statement (participationFigureSource). */
export async function participationFigures(trx: Tx, f: InsightsFilter): Promise<ParticipationFigures> {
  const r = await sql<{ v: unknown }>`select (${participationFigureSource.select(f)}) as v`.execute(trx);
  return participationFigureSource.read(r.rows[0]?.v);
}
