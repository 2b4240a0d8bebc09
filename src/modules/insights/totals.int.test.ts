// The coarse rollups the figures read (db/migrations/021_insight_totals.sql,
// docs/product.md#management-information) hold exactly the sums of the detailed
// insight_counts, per month for the whole municipality and per single dimension, and
// per day for the whole municipality (040_insight_day_totals.sql): after the job,
// after a case moves to another area and director, and after a rebuild. And the figures read from them equal the figures read from the
// detailed table, without a filter, with each single filter and over periods whose
// edges cut a month.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import type { Actor } from '../../platform/auth/index.js';
import { actorOf, buildCase, buildMunicipality, buildRound, ctxFor, type TestMunicipality } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';
import { assignDirector, changeStatus } from '../cases/index.js';
import { applyInsightQueue, insightsFigures, rebuildInsights } from './index.js';
import type { InsightsFilter } from './model.js';
import { trendMonths } from './model.js';
import { countRows } from './queries.js';

const clock = fixedClock('2025-11-17T10:00:00+01:00');
const t = withTestApp({ clock });

let m: TestMunicipality;
let coordinator: Actor;
let directors: Actor[];
const caseIds: string[] = [];

/** Rows of the coarse tables that differ from the sums of insight_counts, computed here independently. */
async function drift(): Promise<{ totals: number; dims: number; days: number }> {
  const k = t.db.unsafeAdmin;
  const key = sql`case when c.metric = 'openDelta' then coalesce(c.director_id::text, '') else c.dim end`;
  const totals = await sql<{ n: number }>`
    with expected as (
      select c.municipality_id, c.metric, date_trunc('month', c.day)::date as month, ${key} as dim, sum(c.value)::bigint as value
      from insight_counts c where c.municipality_id = ${m.id}
      group by 1, 2, 3, 4 having sum(c.value) <> 0),
    actual as (
      select municipality_id, metric, month, dim, value from insight_totals where municipality_id = ${m.id} and value <> 0)
    select count(*)::int as n from ((select * from expected except select * from actual) union all (select * from actual except select * from expected)) x`.execute(
    k,
  );
  const dims = await sql<{ n: number }>`
    with dimensions as (
      select c.*, 'area' as kind, c.area_id::text as v from insight_counts c where c.area_id is not null
      union all select c.*, 'director', c.director_id::text from insight_counts c where c.director_id is not null
      union all select c.*, 'theme', x::text from insight_counts c, unnest(c.theme_ids) x
      union all select c.*, 'domain', x from insight_counts c, unnest(c.domains) x),
    expected as (
      select c.municipality_id, c.kind, c.v, c.metric, date_trunc('month', c.day)::date as month, ${key} as dim, sum(c.value)::bigint as value
      from dimensions c where c.municipality_id = ${m.id}
      group by 1, 2, 3, 4, 5, 6 having sum(c.value) <> 0),
    actual as (
      select municipality_id, dim_kind, dim_value, metric, month, dim, value from insight_dim_totals
      where municipality_id = ${m.id} and value <> 0)
    select count(*)::int as n from ((select * from expected except select * from actual) union all (select * from actual except select * from expected)) x`.execute(
    k,
  );
  const days = await sql<{ n: number }>`
    with expected as (
      select c.municipality_id, c.metric, c.day, ${key} as dim, sum(c.value)::bigint as value
      from insight_counts c where c.municipality_id = ${m.id}
      group by 1, 2, 3, 4 having sum(c.value) <> 0),
    actual as (
      select municipality_id, metric, day, dim, value from insight_day_totals where municipality_id = ${m.id} and value <> 0)
    select count(*)::int as n from ((select * from expected except select * from actual) union all (select * from actual except select * from expected)) x`.execute(
    k,
  );
  return { totals: totals.rows[0]?.n ?? -1, dims: dims.rows[0]?.n ?? -1, days: days.rows[0]?.n ?? -1 };
}

async function coarseRowCount() {
  const r = await sql<{ n: number }>`select (select count(*) from insight_totals where municipality_id = ${m.id})::int
    + (select count(*) from insight_dim_totals where municipality_id = ${m.id})::int
    + (select count(*) from insight_day_totals where municipality_id = ${m.id})::int as n`.execute(t.db.unsafeAdmin);
  return r.rows[0]?.n ?? 0;
}

const METRICS = ['submitted', 'closed', 'withdrawn', 'leadToPlan', 'round', 'answer', 'silenceDept'];
const PERIODS = [
  { from: '2024-11-18', to: '2025-11-17' }, // the default: both edges cut a month
  { from: '2025-03-01', to: '2025-08-31' }, // whole months
  { from: '2025-04-15', to: '2025-10-03' },
];

/** The same rows read from the coarse rollups and from the detailed table. */
async function compare(f: InsightsFilter) {
  const months = trendMonths(f);
  const sorted = (xs: { metric: string; dim: string; month: string; inPeriod: boolean; value: number }[]) =>
    xs.map((r) => `${r.metric}|${r.dim}|${r.month}|${r.inPeriod}|${r.value}`).sort();
  return t.db.tenant(m.id, async (trx) => ({
    coarse: sorted(await countRows(trx, f, months, METRICS)),
    detailed: sorted(await countRows(trx, f, months, METRICS, { detailed: true })),
  }));
}

function filters(): Omit<InsightsFilter, 'municipalityId' | 'from' | 'to'>[] {
  return [
    {},
    { areaId: m.areaIds[0] },
    { areaId: m.areaIds[1] },
    { directorId: directors[0]?.userId },
    { directorId: directors[1]?.userId },
    { themeId: m.themeIds[0] },
    { domain: 'physical' },
    { domain: 'safety' },
  ];
}

beforeAll(async () => {
  m = await buildMunicipality(t.db);
  coordinator = await actorOf('coordinator', { municipality: m });
  directors = [await actorOf('director', { municipality: m }), await actorOf('director', { municipality: m })];
  for (const department of m.departmentIds) await actorOf('specialist', { municipality: m, department });
  // Cases over a year and a half, in both areas, with and without themes, rounds to both departments.
  const days = ['2024-06-03', '2024-11-20', '2025-01-31', '2025-03-01', '2025-04-14', '2025-04-15', '2025-06-30', '2025-10-02', '2025-11-16'];
  for (const [i, day] of days.entries()) {
    clock.set(`${day}T11:00:00+01:00`);
    const c = await buildCase({
      municipality: m,
      deps: t.deps,
      status: i % 3 === 0 ? 'submitted' : 'intake',
      coordinator,
      director: directors[i % 2],
      areaId: m.areaIds[i % 2],
      themeIds: i % 2 ? [m.themeIds[0] as string] : [m.themeIds[0] as string, m.themeIds[1] as string],
    });
    caseIds.push(c.id);
    if (i % 3 !== 0) {
      await buildRound({ deps: t.deps, by: directors[i % 2] as Actor, caseId: c.id, departmentIds: i % 2 ? [m.departmentIds[0] as string] : m.departmentIds });
    }
    if (i === 4) await changeStatus(ctxFor(t.deps, coordinator), { caseId: c.id, to: 'withdrawn', reason: 'Ziet ervan af' });
  }
  clock.set('2025-11-17T10:00:00+01:00');
  await applyInsightQueue(t.deps);
});

describe('the coarse rollups', () => {
  it('hold the sums of the detailed table after the job', async () => {
    expect(await coarseRowCount()).toBeGreaterThan(0);
    expect(await drift()).toEqual({ totals: 0, dims: 0, days: 0 });
  });

  it('give the same figures as the detailed table, without a filter and with each single filter', async () => {
    for (const p of PERIODS) {
      for (const x of filters()) {
        const r = await compare({ municipalityId: m.id, ...p, ...x });
        expect(r.coarse.length, JSON.stringify(x)).toBeGreaterThan(0);
        expect(r.coarse, `${JSON.stringify(p)} ${JSON.stringify(x)}`).toEqual(r.detailed);
      }
    }
  });

  it('read a metric that is only counted within the period from the period on, and a trended one from the first month of the trend', async () => {
    const f = { municipalityId: m.id, from: '2025-04-15', to: '2025-11-17' };
    for (const detailed of [false, true]) {
      const rows = await t.db.tenant(m.id, (trx) => countRows(trx, f, trendMonths(f), METRICS, { detailed }));
      const earlier = (metric: string) => rows.filter((r) => r.metric === metric && !r.inPeriod);
      // cases were submitted before 2025-04-15 (four of them), and rounds held then
      expect(rows.some((r) => r.metric === 'submitted' && r.inPeriod)).toBe(true);
      expect(earlier('submitted'), `detailed: ${detailed}`).toEqual([]);
      expect(earlier('silenceDept'), `detailed: ${detailed}`).toEqual([]);
      expect(earlier('round').length, `detailed: ${detailed}`).toBeGreaterThan(0);
    }
  });

  it('follow a case that moves to another area and director, and stay equal after a rebuild', async () => {
    const moved = caseIds[1] as string; // in area 1 with director 1
    await sql`update cases set area_id = ${m.areaIds[0]} where id = ${moved}`.execute(t.db.unsafeAdmin);
    await assignDirector(ctxFor(t.deps, coordinator), { caseId: moved, directorId: directors[0]?.userId as string, reason: 'Herverdeling' });
    await applyInsightQueue(t.deps);
    expect(await drift()).toEqual({ totals: 0, dims: 0, days: 0 });
    for (const x of filters()) {
      const r = await compare({ municipalityId: m.id, ...(PERIODS[0] as { from: string; to: string }), ...x });
      expect(r.coarse, JSON.stringify(x)).toEqual(r.detailed);
    }
    // The figures over HTTP's service follow the move: area 0 counts the case now, area 1 no longer.
    const ctx = { ...t.deps, actor: coordinator };
    const inArea = async (areaId: string) => (await insightsFigures(ctx, { from: '2024-01-01', to: '2025-11-17', areaId })).leadTimes.cases.submitted;
    const inAreaCases = async (areaId: string) =>
      Number(
        (
          await sql<{
            n: string;
          }>`select count(*) as n from cases where municipality_id = ${m.id} and area_id = ${areaId} and initiator_id is not null`.execute(t.db.unsafeAdmin)
        ).rows[0]?.n,
      );
    expect(await inArea(m.areaIds[0] as string)).toBe(await inAreaCases(m.areaIds[0] as string));
    expect(await inArea(m.areaIds[1] as string)).toBe(await inAreaCases(m.areaIds[1] as string));
    const all = await insightsFigures(ctx, { from: '2024-01-01', to: '2025-11-17' });
    expect(all.leadTimes.cases.submitted).toBe(caseIds.length);
    const mine = await insightsFigures(ctx, { from: '2024-01-01', to: '2025-11-17', directorId: directors[0]?.userId });
    const lastMonth = mine.workload.byMonth.at(-1);
    expect(lastMonth?.perDirector.map((d: { directorId: string | null }) => d.directorId)).toEqual([directors[0]?.userId]);

    const before = await coarseRowCount();
    await rebuildInsights(t.db, { municipalityId: m.id });
    expect(await drift()).toEqual({ totals: 0, dims: 0, days: 0 });
    expect(await coarseRowCount()).toBeLessThanOrEqual(before);
    for (const x of filters()) {
      const r = await compare({ municipalityId: m.id, ...(PERIODS[2] as { from: string; to: string }), ...x });
      expect(r.coarse, JSON.stringify(x)).toEqual(r.detailed);
    }
  });
});
