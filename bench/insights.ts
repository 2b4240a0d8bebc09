// Benchmark of management information (docs/product.md#management-information) on the
// seeded database, whatever events it holds: (a) the rebuild of every municipality's
// rollup from the whole event log (target: at most 5 minutes at national size), then
// (b) every insights endpoint for the largest municipality as a coordinator at the
// bench's clients (target: p99 at most 50 ms), and (c) the same figures read as raw SQL
// from the rollup tables in the same run (target: the endpoint at least half that rate).
import { sql } from 'kysely';
import { buildApp } from '../src/app.js';
import { dutchDate } from '../src/kernel/clock.js';
import { unsafeCreateApiTokenForEmail } from '../src/modules/identity/index.js';
import { rebuildInsights } from '../src/modules/insights/index.js';
import type { Deps } from '../src/platform/context.js';
import type { HttpScenario } from './load-worker.js';
import { closedLoop, type Recorded, type Summary, summarize } from './stats.js';

const REBUILD_TARGET_S = 300;
const P99_TARGET_MS = 50;
const RATE_SHARE_TARGET = 0.5;

export interface InsightsBenchOptions {
  deps: Deps;
  /** the largest municipality */
  municipalityId: string;
  clients: number;
  warmupMs: number;
  durationMs: number;
  runHttp: (origin: string, scenario: HttpScenario) => Promise<Recorded>;
  log: (line: string) => void;
}

const met = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–');

export async function benchInsights(o: InsightsBenchOptions): Promise<Summary[]> {
  const { deps, log } = o;
  const db = deps.db;
  const k = db.unsafeAdmin;
  const mId = o.municipalityId;

  // (a) the rebuild
  const events = (await sql<{ n: string }>`select count(*)::text as n from events`.execute(k)).rows[0]?.n ?? '0';
  const t0 = performance.now();
  const municipalities = await rebuildInsights(db);
  const rebuildS = (performance.now() - t0) / 1000;
  const rows = (await sql<{ n: string }>`select count(*)::text as n from insight_counts`.execute(k)).rows[0]?.n ?? '0';
  log(
    `  (a) rebuild of ${municipalities} municipalities from ${Number(events).toLocaleString('en')} events: ${fmt(rebuildS)} s, ${Number(rows).toLocaleString('en')} rollup rows — ≤ ${REBUILD_TARGET_S} s: ${met(rebuildS <= REBUILD_TARGET_S)}`,
  );

  // The subject: a coordinator of the largest municipality, with an API token.
  const email = `coordinator-insights-${Date.now()}@bench.test`;
  await k.insertInto('users').values({ municipality_id: mId, email, name: 'Bench Coördinator', role: 'coordinator' }).execute();
  const { token } = await unsafeCreateApiTokenForEmail(deps, { email, name: 'benchmark' });
  const areaId = (await k.selectFrom('areas').select('id').where('municipality_id', '=', mId).orderBy('name').executeTakeFirst())?.id;
  const themeId = (await k.selectFrom('themes').select('id').where('municipality_id', '=', mId).orderBy('name').executeTakeFirst())?.id;
  const directorId = (
    await k.selectFrom('users').select('id').where('municipality_id', '=', mId).where('role', '=', 'director').orderBy('email').executeTakeFirst()
  )?.id;
  const filters: Array<{ label: string; qs: string; f: { areaId?: string; themeId?: string; directorId?: string; domain?: string } }> = [
    { label: 'all', qs: '', f: {} },
    ...(areaId ? [{ label: 'area', qs: `areaId=${areaId}`, f: { areaId } }] : []),
    ...(themeId ? [{ label: 'theme', qs: `themeId=${themeId}`, f: { themeId } }] : []),
    ...(directorId ? [{ label: 'director', qs: `directorId=${directorId}`, f: { directorId } }] : []),
    { label: 'domain', qs: 'domain=physical', f: { domain: 'physical' } },
  ];

  const app = await buildApp(deps);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const results: Summary[] = [];
  const line = (s: Summary, extra = '') =>
    log(
      `  ${s.name.padEnd(34)} ${String(s.requests).padStart(7)} req  ${fmt(s.rps).padStart(8)} req/s  p50 ${fmt(s.p50, 2)}  p95 ${fmt(s.p95, 2)}  p99 ${fmt(s.p99, 2)} ms  errors ${s.errors}${extra}`,
    );
  try {
    const smoke = await fetch(`${origin}/api/v1/insights`, { headers: { authorization: `Bearer ${token}` } });
    if (!smoke.ok) throw new Error(`smoke check /api/v1/insights: ${smoke.status} ${await smoke.text()}`);

    // (b) every endpoint over HTTP
    const json = summarize(
      '(b) GET /insights (5 filters)',
      await o.runHttp(origin, { kind: 'get', token, paths: filters.map((x) => ({ label: x.label, path: `/api/v1/insights${x.qs ? `?${x.qs}` : ''}` })) }),
    );
    line(json, ` — p99 ≤ ${P99_TARGET_MS} ms: ${met(json.p99 <= P99_TARGET_MS && json.errors === 0)}`);
    results.push(json);
    const csv = summarize(
      '(b) GET /insights/{section}/export',
      await o.runHttp(origin, {
        kind: 'get',
        token,
        paths: ['leadTimes', 'assessment', 'commitments', 'workload'].map((s) => ({ label: s, path: `/api/v1/insights/${s}/export` })),
      }),
    );
    line(csv, ` — p99 ≤ ${P99_TARGET_MS} ms: ${met(csv.p99 <= P99_TARGET_MS && csv.errors === 0)}`);
    results.push(csv);

    // (c) the same figures as raw SQL on the rollup, through db.tenant as the service reads them
    const today = dutchDate(new Date());
    const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    const trendFrom = `${Number(today.slice(0, 4)) - 2}-${today.slice(5, 7)}-01`;
    const counters = new Array<number>(o.clients).fill(0);
    const raw = summarize(
      '(c) raw SQL on the rollup',
      await closedLoop({
        clients: o.clients,
        warmupMs: o.warmupMs,
        durationMs: o.durationMs,
        step: async (c, record) => {
          const x = filters[(c * 31 + counters[c]!++) % filters.length]!;
          const dims = sql.join(
            [
              x.f.areaId ? sql`and k.area_id = ${x.f.areaId}::uuid` : sql``,
              x.f.directorId ? sql`and k.director_id = ${x.f.directorId}::uuid` : sql``,
              x.f.themeId ? sql`and k.theme_ids @> array[${x.f.themeId}::uuid]` : sql``,
              x.f.domain ? sql`and k.domains @> array[${x.f.domain}::text]` : sql``,
            ],
            sql` `,
          );
          const t = performance.now();
          try {
            await db.tenant(mId, async (trx) => {
              await sql`select k.metric, k.dim, to_char(k.day, 'YYYY-MM') as month, (k.day > ${yearAgo}::date) as p, sum(k.value)::int
                from insight_counts k where k.municipality_id = ${mId} and k.day >= ${trendFrom}::date and k.day <= ${today}::date ${dims}
                group by 1, 2, 3, 4`.execute(trx);
              await sql`select to_char(k.day, 'YYYY-MM') as month, k.director_id, sum(k.value)::int from insight_counts k
                where k.municipality_id = ${mId} and k.metric = 'openDelta' and k.day <= ${today}::date ${dims} group by 1, 2`.execute(trx);
            });
            record(x.label, t, 200);
          } catch (e) {
            record(x.label, t, 500, () => String(e));
          }
        },
      }),
    );
    line(raw);
    results.push(raw);
    const share = raw.rps > 0 ? json.rps / raw.rps : 0;
    log(`  GET /insights at ${fmt(100 * share, 0)} % of the raw SQL rate — ≥ ${fmt(100 * RATE_SHARE_TARGET, 0)} %: ${met(share >= RATE_SHARE_TARGET)}`);
  } finally {
    await app.close();
  }
  return results;
}
