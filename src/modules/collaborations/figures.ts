// Collaborations in the management information (docs/product.md#collaborations-in-figures):
// the current state of the municipality's collaborations — how many per phase, which
// have health findings, the agreements each party made and how they ended, and what
// each party contributes in euros and hours. As one SQL value and its reader, so the
// management information reads them inside its own statement. Only the area and theme
// of the filter apply (a collaboration's own areas and themes); the period, domain and
// director do not, as these figures are the state as of today.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/index.js';

/** The filter insights passes (the shape shared by the figures of every module). */
export type CollaborationFilter = {
  municipalityId: string;
  from: string;
  to: string;
  areaId?: string;
  themeId?: string;
  domain?: string;
  directorId?: string;
};

/** How many parties the contributions list names at most (the largest by euros, then hours). */
export const TOP_CONTRIBUTORS = 20;

export interface CollaborationFigures {
  total: number;
  byPhase: { phase: 'agenda' | 'policy' | 'implementation' | 'evaluation'; count: number }[];
  withHealthIssues: number;
  byIssue: { code: string; count: number }[];
  agreementsByParty: { party: string; kept: number; broken: number; withdrawn: number; open: number }[];
  contributionsByParty: { party: string; euros: number; hours: number }[];
}

const PHASE_ORDER = ['agenda', 'policy', 'implementation', 'evaluation'] as const;

export const collaborationFigureSource = {
  /**
   * The version of these figures (docs/product.md#management-information): the newest
   * collaboration event of the municipality (every change of a collaboration, its
   * agreements and contributions records one; db/migrations/038_insight_versions.sql
   * indexes it), and the daily health check, which records none: its newest day and
   * how many collaborations were checked on it.
   */
  version(municipalityId: string) {
    const m = sql`${municipalityId}::uuid`;
    return sql`concat_ws('/',
      (select e.id from collaboration_events e where e.municipality_id = any(array[${m}])
        order by e.municipality_id desc, e.id desc limit 1),
      (select concat(x.day, ':', (select count(*) from collaborations k where k.municipality_id = ${m} and k.health_checked_on = x.day))
        from (select max(k.health_checked_on) as day from collaborations k where k.municipality_id = ${m}) x))`;
  },
  /** The collaborations as they are now: area and theme filter them; the period, the domain and the director do not. */
  dependsOn: ['areaId', 'themeId'] as const,
  /** One SQL value (json); served by the indexes on collaborations (municipality, phase, health), agreements and contributions per party. */
  select(f: CollaborationFilter) {
    const m = sql`${f.municipalityId}::uuid`;
    const area = f.areaId
      ? sql`exists (select 1 from collaboration_areas ca where ca.municipality_id = ${m} and ca.collaboration_id = k.id and ca.area_id = ${f.areaId}::uuid)`
      : sql`true`;
    const theme = f.themeId
      ? sql`exists (select 1 from collaboration_themes ct where ct.municipality_id = ${m} and ct.collaboration_id = k.id and ct.theme_id = ${f.themeId}::uuid)`
      : sql`true`;
    return sql`
      with c as (
        select k.id, k.phase, k.has_health_issues, k.health from collaborations k
        where k.municipality_id = ${m} and ${area} and ${theme}
      )
      select json_build_object(
        'phases', (select coalesce(json_agg(json_build_array(x.phase, x.n)), '[]'::json)
          from (select phase, count(*)::int as n from c group by phase) x),
        'unhealthy', (select count(*)::int from c where c.has_health_issues),
        'issues', (select coalesce(json_agg(json_build_array(x.code, x.n)), '[]'::json)
          from (select i.value->>'code' as code, count(distinct c.id)::int as n from c cross join lateral jsonb_array_elements(c.health) i group by 1) x),
        'agreements', (select coalesce(json_agg(json_build_array(x.name, x.kept, x.broken, x.withdrawn, x.open)), '[]'::json)
          from (select p.name,
              count(*) filter (where cm.status = 'kept')::int as kept,
              count(*) filter (where cm.status = 'broken')::int as broken,
              count(*) filter (where cm.status = 'withdrawn')::int as withdrawn,
              count(*) filter (where cm.status in ('binding', 'needsConfirmation'))::int as open
            from collaboration_agreements a
            join c on c.id = a.collaboration_id
            join collaboration_parties p on p.municipality_id = a.municipality_id and p.id = a.made_by_party_id
            join commitments cm on cm.municipality_id = a.municipality_id and cm.id = a.commitment_id
            where a.municipality_id = ${m}
            group by p.name) x),
        'contributions', (select coalesce(json_agg(json_build_array(x.name, x.cents, x.hours) order by x.cents desc, x.hours desc, x.name), '[]'::json)
          from (select p.name,
              coalesce(sum(cc.amount) filter (where cc.kind = 'money'), 0)::bigint as cents,
              coalesce(sum(cc.amount) filter (where cc.kind = 'hours'), 0)::bigint as hours
            from collaboration_contributions cc
            join c on c.id = cc.collaboration_id
            join collaboration_parties p on p.municipality_id = cc.municipality_id and p.id = cc.party_id
            where cc.municipality_id = ${m} and cc.kind in ('money', 'hours')
            group by p.name
            order by cents desc, hours desc, p.name
            limit ${TOP_CONTRIBUTORS}) x)
      )`;
  },
  read(json: unknown): CollaborationFigures {
    const v = json as {
      phases: [CollaborationFigures['byPhase'][number]['phase'], number][];
      unhealthy: number;
      issues: [string, number][];
      agreements: [string, number, number, number, number][];
      contributions: [string, number | string, number | string][];
    };
    const perPhase = new Map(v.phases);
    const byName = (a: { party: string }, b: { party: string }) => a.party.localeCompare(b.party);
    return {
      total: v.phases.reduce((s, [, n]) => s + n, 0),
      byPhase: PHASE_ORDER.map((phase) => ({ phase, count: perPhase.get(phase) ?? 0 })),
      withHealthIssues: v.unhealthy,
      byIssue: v.issues.map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
      agreementsByParty: v.agreements
        .map(([party, kept, broken, withdrawn, open]) => ({ party, kept, broken, withdrawn, open }))
        .sort((a, b) => b.kept + b.broken + b.withdrawn + b.open - (a.kept + a.broken + a.withdrawn + a.open) || byName(a, b)),
      // money is stored in euro cents (docs/product.md#collaborations)
      contributionsByParty: v.contributions.map(([party, cents, hours]) => ({ party, euros: Number(cents) / 100, hours: Number(hours) })),
    };
  },
};

/** The figures on their own: one statement (collaborationFigureSource). */
export async function collaborationFigures(trx: Tx, f: CollaborationFilter): Promise<CollaborationFigures> {
  const r = await sql<{ v: unknown }>`select (${collaborationFigureSource.select(f)}) as v`.execute(trx);
  return collaborationFigureSource.read(r.rows[0]?.v);
}
