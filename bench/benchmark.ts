// Benchmark of comparing municipalities and of the public figures
// (docs/product.md#comparing-municipalities, docs/product.md#open-data) on the seeded
// database, with every municipality taking part and publishing — the most an aggregate
// and the list of publishers can hold: (a) the benchmark job computing every
// municipality's monthly figures for the first time (all months, as after an upgrade;
// later runs redo only the recent months), then (b) the endpoints at the bench's
// clients: the largest municipality's comparison as its coordinator (the default
// twelve months, the longest period of 36 months, one quarter), its public figures as
// JSON and as CSV, and the list of publishers (target: p99 at most 50 ms, as for the
// other figures). The public endpoints are rate-limited per client address; the
// server trusts the load generator as its proxy, which names a new address per request.
import { sql } from 'kysely';
import { dutchDate } from '../src/kernel/clock.js';
import { computeBenchmarkFigures } from '../src/modules/benchmark/index.js';
import { unsafeMonthlyMarks } from '../src/modules/satisfaction/index.js';
import type { Deps } from '../src/platform/context.js';
import type { HttpScenario } from './load-worker.js';
import { coordinatorToken, listen } from './serve.js';
import type { Recorded, Summary } from './stats.js';
import { summarize } from './stats.js';

const P99_TARGET_MS = 50;

export interface BenchmarkBenchOptions {
  /** with TRUST_PROXY set to the load generator's address */
  deps: Deps;
  /** the largest municipality */
  municipalityId: string;
  runHttp: (origin: string, scenario: HttpScenario) => Promise<Recorded>;
  log: (line: string) => void;
}

const met = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
const fmt = (n: number, digits = 1) => n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const month = (d: string, back: number) => {
  const x = new Date(`${d.slice(0, 7)}-01T12:00:00Z`);
  x.setUTCMonth(x.getUTCMonth() - back);
  return x.toISOString().slice(0, 7);
};

export async function benchBenchmark(o: BenchmarkBenchOptions): Promise<Summary[]> {
  const { deps, log } = o;
  const k = deps.db.unsafeAdmin;
  // Everyone takes part and publishes; inhabitants from the number of cases, so that
  // every size class has members.
  await sql`update municipalities m set benchmark_opt_in = true, publish_figures = true,
    inhabitants = 2000 + 12 * (select count(*) from cases c where c.municipality_id = m.id)`.execute(k);
  const t0 = performance.now();
  const computed = await computeBenchmarkFigures(deps, { marks: unsafeMonthlyMarks });
  const jobS = (performance.now() - t0) / 1000;
  const rows = (await sql<{ n: string }>`select count(*)::text as n from benchmark_figures`.execute(k)).rows[0]?.n ?? '0';
  log(
    `  (a) benchmark job, first run: ${computed} municipalities, ${Number(rows).toLocaleString('en')} monthly rows in ${fmt(jobS)} s (a background job; later runs redo the recent months only)`,
  );

  const m = await k.selectFrom('municipalities').select(['slug', 'name']).where('id', '=', o.municipalityId).executeTakeFirstOrThrow();
  const token = await coordinatorToken(deps, o.municipalityId, 'benchmark');
  const today = dutchDate(deps.clock.now());
  const periods = [
    { label: 'twelve months (default)', qs: '' },
    { label: '36 months', qs: `?from=${month(today, 36)}&to=${month(today, 1)}` },
    { label: 'a quarter', qs: `?from=${month(today, 3)}&to=${month(today, 1)}` },
  ];

  const { origin, close } = await listen(deps);
  const results: Summary[] = [];
  try {
    const smoke = await fetch(`${origin}/api/v1/benchmark/comparison`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await smoke.json()) as { participating?: boolean; figures?: Array<{ all: { municipalities: number } }> };
    if (!smoke.ok || !body.participating || !(body.figures?.[0]?.all.municipalities ?? 0))
      throw new Error(`smoke check /api/v1/benchmark/comparison: ${smoke.status} ${JSON.stringify(body).slice(0, 300)}`);
    log(`  subject: ${m.name}; ${body.figures?.[0]?.all.municipalities} municipalities in the first figure's aggregate`);
    const scenarios: Array<{ name: string; scenario: HttpScenario }> = [
      {
        name: '(b) GET /benchmark/comparison',
        scenario: { kind: 'get', token, paths: periods.map((p) => ({ label: p.label, path: `/api/v1/benchmark/comparison${p.qs}` })) },
      },
      {
        name: '(b) GET /public/…/figures',
        scenario: {
          kind: 'get',
          newAddress: true,
          paths: periods.map((p) => ({ label: p.label, path: `/api/v1/public/municipalities/${m.slug}/figures${p.qs}` })),
        },
      },
      {
        name: '(b) GET /public/…/figures.csv',
        scenario: {
          kind: 'get',
          newAddress: true,
          paths: periods.map((p) => ({ label: p.label, path: `/api/v1/public/municipalities/${m.slug}/figures.csv${p.qs}` })),
        },
      },
      {
        name: '(b) GET /public/municipalities',
        scenario: { kind: 'get', newAddress: true, paths: [{ label: 'publishers', path: '/api/v1/public/municipalities' }] },
      },
    ];
    for (const { name, scenario } of scenarios) {
      const s = summarize(name, await o.runHttp(origin, scenario));
      log(
        `  ${s.name.padEnd(34)} ${String(s.requests).padStart(7)} req  ${fmt(s.rps).padStart(8)} req/s  p50 ${fmt(s.p50, 2)}  p95 ${fmt(s.p95, 2)}  p99 ${fmt(s.p99, 2)} ms  errors ${s.errors} — p99 ≤ ${P99_TARGET_MS} ms: ${met(s.p99 <= P99_TARGET_MS && s.errors === 0)}`,
      );
      results.push(s);
    }
  } finally {
    await close();
  }
  return results;
}
