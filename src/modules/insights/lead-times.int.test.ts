// The lead times' count, median and p90 are counted in SQL (queries.ts, leadTimesSelect)
// by the nearest-rank rule of model.ts (`quantile`, docs/product.md#management-information).
// Here both count the same distributions: a year of lead times written into the rollup
// of a new municipality (a fixed pseudo-random draw: months with one, two or many
// lead times, ties, long tails), read for periods cut in the middle of a month (the
// edges from the daily rollup) and whole months (the monthly rollup only), with the
// months of the trend and the period as a whole.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import type { Actor } from '../../platform/auth/index.js';
import { actorOf, buildMunicipality, ctxFor, type TestMunicipality } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';
import { insightsFigures } from './index.js';
import { leadTime, leadTimeByMonth, trendMonths } from './model.js';

const t = withTestApp({ clock: fixedClock('2026-03-02T09:00:00+01:00') });

let m: TestMunicipality;
let coordinator: Actor;
const facts: { metric: 'leadToPlan' | 'leadToClose'; day: string; days: number; count: number }[] = [];

/** A small fixed pseudo-random sequence (mulberry32), so a failure can be repeated. */
function draw(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  m = await buildMunicipality(t.db);
  coordinator = await actorOf('coordinator', { municipality: m });
  const next = draw(20260302);
  const start = Date.UTC(2024, 0, 1);
  for (let d = 0; d < 790; d++) {
    const day = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
    // some days none, most one or two, now and then a burst
    const n = Math.floor(next() * next() * 4);
    for (let i = 0; i < n; i++) {
      const metric = next() < 0.5 ? 'leadToPlan' : 'leadToClose';
      // mostly within six weeks, with a long tail
      const days = next() < 0.85 ? Math.floor(next() * 42) : 42 + Math.floor(next() * 400);
      facts.push({ metric, day, days, count: 1 + Math.floor(next() * next() * 3) });
    }
  }
  // a month with one lead time, and one with two (a tie on the median's rank)
  facts.push({ metric: 'leadToPlan', day: '2023-11-20', days: 12, count: 1 });
  facts.push({ metric: 'leadToPlan', day: '2023-10-03', days: 5, count: 1 }, { metric: 'leadToPlan', day: '2023-10-24', days: 30, count: 1 });
  const k = t.db.unsafeAdmin;
  // one row per day, metric and number of days, as the rollup holds them
  const rows = new Map<string, { municipality_id: string; day: string; metric: string; dim: string; value: number }>();
  for (const x of facts) {
    const key = `${x.metric}|${x.day}|${x.days}`;
    const row = rows.get(key) ?? { municipality_id: m.id, day: x.day, metric: x.metric, dim: String(x.days), value: 0 };
    row.value += x.count;
    rows.set(key, row);
  }
  await k
    .insertInto('insight_counts')
    .values([...rows.values()])
    .execute();
  // the monthly and daily rollups of the same counts, as rollup.ts keeps them
  await sql`
    insert into insight_totals (municipality_id, metric, month, dim, value)
    select municipality_id, metric, date_trunc('month', day)::date, dim, sum(value) from insight_counts
    where municipality_id = ${m.id} group by 1, 2, 3, 4`.execute(k);
  await sql`
    insert into insight_day_totals (municipality_id, metric, day, dim, value)
    select municipality_id, metric, day, dim, sum(value) from insight_counts
    where municipality_id = ${m.id} group by 1, 2, 3, 4`.execute(k);
});

/** The oracle: the facts of the period and of each month of its trend, counted by model.ts. */
function expected(from: string, to: string) {
  const months = trendMonths({ from, to });
  const upTo = facts.filter((x) => x.day <= to);
  const of = (metric: string, xs: typeof facts) => xs.filter((x) => x.metric === metric);
  const byMonth = (metric: string) =>
    leadTimeByMonth(
      of(metric, upTo).map((x) => ({ month: x.day.slice(0, 7), days: x.days, count: x.count })),
      months,
    );
  const period = (metric: string) => leadTime(of(metric, upTo).filter((x) => x.day >= from));
  return { toPlan: period('leadToPlan'), toClose: period('leadToClose'), plan: byMonth('leadToPlan'), close: byMonth('leadToClose') };
}

describe('lead times counted in SQL as model.ts counts them', () => {
  it('has a draw with months of one, two, few and many lead times', () => {
    const perMonth = new Map<string, number>();
    for (const x of facts.filter((f) => f.metric === 'leadToPlan')) perMonth.set(x.day.slice(0, 7), (perMonth.get(x.day.slice(0, 7)) ?? 0) + x.count);
    const sizes = [...perMonth.values()];
    expect(sizes).toContain(1);
    expect(sizes).toContain(2);
    expect(Math.min(...sizes.filter((n) => n > 2))).toBeLessThanOrEqual(10);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(20);
    expect(facts.some((x) => x.days > 100)).toBe(true);
  });

  it.each([
    ['a year cut in the middle of two months', '2025-03-17', '2026-02-20'],
    ['whole months only', '2025-01-01', '2025-12-31'],
    ['one day', '2025-06-11', '2025-06-11'],
    ['a period of two and a half years', '2023-09-14', '2026-03-01'],
  ])('%s', async (_label, from, to) => {
    const f = await insightsFigures(ctxFor(t.deps, coordinator), { from, to });
    const e = expected(from, to);
    expect(f.leadTimes.toPlan).toEqual(e.toPlan);
    expect(f.leadTimes.toClose).toEqual(e.toClose);
    expect(f.leadTimes.byMonth.map((x) => ({ month: x.month, count: x.toPlanCount, median: x.toPlanMedian, p90: x.toPlanP90 }))).toEqual(e.plan);
    expect(f.leadTimes.byMonth.map((x) => ({ month: x.month, count: x.toCloseCount, median: x.toCloseMedian, p90: x.toCloseP90 }))).toEqual(e.close);
    // not an empty comparison
    expect(e.plan.filter((x) => x.count > 0).length).toBeGreaterThan(0);
  });
});
