// `npm run bench`: seed a fresh national-scale database per engine, start the real
// Regie server in-process on 127.0.0.1, drive it over HTTP and report throughput and
// latency per scenario. See docs/performance.md.
//
//   npm run bench -- --cases 20000 --duration 3            quick run, both engines
//   npm run bench -- --engines postgres --explain          1,000,000 cases, with query plans
//
// Options (also as environment variables BENCH_CASES, BENCH_ENGINES, …):
//   --cases N        cases to seed (default 1000000)
//   --engines LIST   pglite,postgres (default both, in that order)
//   --duration S     measured seconds per scenario (default 10; a short warm-up comes first)
//   --clients C      concurrent clients (default 10)
//   --explain        print the full EXPLAIN ANALYZE of the list and search queries
//   (PostgreSQL also runs the one-case and list load on one and on two separate
//   `regie serve` processes on the same database: see bench/processes.ts)
//   --quiet-wait S   before each scenario, wait up to S seconds (default 0) until other
//                    processes on the machine have used less than a quarter of a core
//                    for 5 s, and measure again (up to twice) if they disturbed it
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import { buildApp } from '../src/app.js';
import { dutchDate, systemClock } from '../src/kernel/clock.js';
import { unsafeCreateApiTokenForEmail } from '../src/modules/identity/index.js';
import { loadConfig } from '../src/platform/config.js';
import type { Deps } from '../src/platform/context.js';
import { type Db, openDatabase } from '../src/platform/db/index.js';
import { migrate } from '../src/platform/db/migrate.js';
import { startPgCluster } from '../src/testing/pg-cluster.js';
import { benchAssessments } from './assessments.js';
import { benchBenchmark } from './benchmark.js';
import { benchCollaborations } from './collaborations.js';
import { type CpuShare, cpuShare, sampleCpu, waitQuiet } from './cpu.js';
import { benchInsights } from './insights.js';
import { benchIntakeIntegrations } from './intake-integrations.js';
import { benchIntermunicipal } from './intermunicipal.js';
import type { HttpScenario, LoadJob } from './load-worker.js';
import { benchProcesses, type ProcessRun } from './processes.js';
import { HISTORY_START_YEAR, type SeedResult, seed, verifySeed } from './seed.js';
import { closedLoop, type Recorded, type Summary, summarize } from './stats.js';
import { SEARCH_WORDS } from './words.js';

type Engine = 'pglite' | 'postgres';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: process.env.BENCH_CASES ?? '1000000' },
    engines: { type: 'string', default: process.env.BENCH_ENGINES ?? 'pglite,postgres' },
    duration: { type: 'string', default: process.env.BENCH_DURATION ?? '10' },
    clients: { type: 'string', default: process.env.BENCH_CLIENTS ?? '10' },
    explain: { type: 'boolean', default: process.env.BENCH_EXPLAIN === '1' },
    'quiet-wait': { type: 'string', default: process.env.BENCH_QUIET_WAIT ?? '0' },
  },
});
const CASES = Number(args.cases);
const DURATION_MS = Number(args.duration) * 1000;
const CLIENTS = Number(args.clients);
const ENGINES = args.engines!.split(',').map((e) => e.trim()) as Engine[];
if (!Number.isInteger(CASES) || CASES < 1000) throw new Error('--cases must be an integer ≥ 1000');
if (!(DURATION_MS > 0) || DURATION_MS > 600_000) throw new Error('--duration must be between 0 and 600 seconds');
if (!Number.isInteger(CLIENTS) || CLIENTS < 1 || CLIENTS > 200) throw new Error('--clients must be 1…200');
for (const e of ENGINES) if (e !== 'pglite' && e !== 'postgres') throw new Error(`unknown engine "${e}"`);
const WARMUP_MS = Math.min(2000, Math.max(500, DURATION_MS / 5));
const QUIET_WAIT_S = Number(args['quiet-wait']);

const log = (s = '') => console.log(s);
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–');

// ---- machine ---------------------------------------------------------------------------

log(`Regie benchmark — ${new Date().toISOString()}`);
log(
  `machine: ${os.availableParallelism()} CPUs (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`,
);
log(
  `options: --cases ${CASES} --engines ${ENGINES.join(',')} --duration ${DURATION_MS / 1000} --clients ${CLIENTS} (warm-up ${WARMUP_MS / 1000} s per scenario, not counted)`,
);
log('note: intake (POST /api/v1/cases) is limited to 30 requests/min per client address; the server trusts X-Forwarded-For,');
log('      so the load generator sends a new X-Forwarded-For address with every intake request.');

// ---- the list query, as raw SQL ------------------------------------------------------------

interface ListFilter {
  label: string;
  status?: string;
  director?: string;
  area?: string;
  theme?: string;
  dueBefore?: string;
  q?: string;
}
interface Cursor {
  s: Date;
  i: string;
  /** 'row' is what listCases sends (a row comparison); 'or' is its form before commit dd2921c, kept to compare plans */
  style?: 'or' | 'row';
}

/**
 * The SQL that listCases() sends (src/modules/cases/queries.ts), written out by hand:
 * same joins, same filters, same order and limit (page size 25, one extra row to
 * know whether there is a next page).
 */
function listSql(mId: string, f: ListFilter, cursor?: Cursor, limit = 25) {
  const where = [sql`c.municipality_id = ${mId}`];
  if (f.status) where.push(sql`c.status in (${f.status})`);
  if (f.director) where.push(sql`c.director_id = ${f.director}`);
  if (f.area) where.push(sql`c.area_id = ${f.area}`);
  if (f.theme) where.push(sql`exists (select ct.case_id from case_themes as ct where ct.case_id = c.id and ct.theme_id = ${f.theme})`);
  if (f.dueBefore) where.push(sql`c.plan_due_on < ${f.dueBefore}`, sql`c.status in (${'intake'}, ${'planning'})`);
  if (f.q) where.push(sql`c.search @@ websearch_to_tsquery('dutch', ${f.q})`);
  if (cursor?.style === 'or') where.push(sql`(c.submitted_at < ${cursor.s} or (c.submitted_at = ${cursor.s} and c.id < ${cursor.i}))`);
  else if (cursor) where.push(sql`(c.submitted_at, c.id) < (${cursor.s}, ${cursor.i})`);
  return sql<{ id: string; submitted_at: Date }>`
    select c.id, c.reference, c.title, c.status, c.location, c.submitted_at, c.plan_due_on, c.suspended_since, c.director_id,
      d.name as director_name, c.area_id, a.name as area_name, c.version
    from cases as c
    left join users as d on d.id = c.director_id
    left join areas as a on a.id = c.area_id
    where ${sql.join(where, sql` and `)}
    order by c.submitted_at desc, c.id desc
    limit ${limit + 1}`;
}

const toQs = (f: ListFilter) =>
  new URLSearchParams(
    Object.entries({ status: f.status, director: f.director, area: f.area, theme: f.theme, dueBefore: f.dueBefore, q: f.q }).filter(
      (e): e is [string, string] => e[1] !== undefined,
    ),
  ).toString();

// ---- HTTP load in a worker thread ------------------------------------------------------------

const TSX_API = import.meta.resolve('tsx/esm/api');
let runSeq = 0;

function runHttp(origin: string, scenario: HttpScenario, clients = CLIENTS): Promise<Recorded> {
  const file = new URL('./load-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(TSX_API)}).then((api) => api.tsImport(${JSON.stringify(file)}, ${JSON.stringify(import.meta.url)}))`;
  const job: LoadJob = { origin, clients, warmupMs: WARMUP_MS, durationMs: DURATION_MS, scenario, runId: ++runSeq };
  const w = new Worker(boot, { eval: true, workerData: job });
  return new Promise((resolve, reject) => {
    w.once('message', (m: Recorded) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
    w.once('exit', (code) => reject(new Error(`load worker exited with ${code} before reporting`)));
  });
}

// ---- one engine ------------------------------------------------------------------------------

interface EngineReport {
  engine: Engine;
  serverVersion: string;
  seed: SeedResult;
  results: Summary[];
  /** CPU (in cores) per scenario, warm-up included: this process, PostgreSQL, everything else */
  cpu: Record<string, CpuShare | undefined>;
  explainMs: Array<{ label: string; ms: number; rows: number }>;
  /** PostgreSQL: the same load on one and on two `regie serve` processes */
  processes?: ProcessRun[];
}

async function benchEngine(engine: Engine): Promise<EngineReport> {
  log();
  log(`==== ${engine}: fresh database, ${CASES.toLocaleString('en')} cases ====`);
  const tOpen = performance.now();
  const cluster = engine === 'postgres' ? await startPgCluster() : undefined;
  const dataDir = engine === 'pglite' ? mkdtempSync(path.join(os.tmpdir(), 'regie-bench-pglite-')) : undefined;
  const open = () => (cluster ? openDatabase({ url: cluster.url, poolSize: CLIENTS }) : openDatabase({ dataDir }));
  let db: Db = await open();
  try {
    await migrate(db);
    const serverVersion = (await sql<{ v: string }>`select version() as v`.execute(db.unsafeAdmin)).rows[0]!.v;
    log(
      `${serverVersion}${dataDir ? ` — data in ${dataDir}` : ` — ${cluster!.url} (test cluster: fsync=off, synchronous_commit=off, other settings default)`}`,
    );
    log(`opened and migrated in ${((performance.now() - tOpen) / 1000).toFixed(1)} s; seeding…`);
    const seedCpu0 = sampleCpu(cluster?.port);
    const seedT0 = performance.now();
    const seeded = await seed(db, { cases: CASES, log });
    const seedCpu = cpuShare(seedCpu0, sampleCpu(cluster?.port), (performance.now() - seedT0) / 1000);
    if (seedCpu)
      log(
        `  cpu while seeding: node ${fmt(seedCpu.self, 2)}, postgres ${fmt(seedCpu.postgres, 2)}, other processes ${fmt(seedCpu.other, 2)}, idle ${fmt(seedCpu.idle, 2)} cores`,
      );
    for (const line of await verifySeed(db, CASES)) log(`  ${line}`);
    log(
      `seeding time: ${fmt(seeded.seconds.total)} s (organisation ${fmt(seeded.seconds.organisation)} s, cases+themes+events ${fmt(seeded.seconds.cases)} s, indexes ${fmt(seeded.seconds.indexes)} s, analyze ${fmt(seeded.seconds.analyze)} s); ${seeded.users.toLocaleString('en')} users, ${seeded.events.toLocaleString('en')} events, ${seeded.caseThemes.toLocaleString('en')} case_themes`,
    );
    // Database-level settings of the migrations (jit, parallel workers) apply to new
    // connections: start the server on fresh ones, as after a restart.
    if (engine === 'postgres') {
      await db.close();
      db = await open();
    }
    const report = await measureEngine(engine, db, seeded, serverVersion, cluster?.port, cluster?.url);
    printReport(report);
    // The integrated assessment: opening a round with ten parties, and closing 10,000 rounds by silence,
    // on the same national-scale database.
    log();
    log(`==== ${engine}: assessment rounds ====`);
    await benchAssessments(db, { db, clock: systemClock, config: { ...loadConfig({}), publicUrl: 'http://127.0.0.1', secureCookies: false } }, log);
    // Management information: the rollup rebuilt from the event log, then its endpoints
    // and the same figures as raw SQL, for the largest municipality.
    log();
    log(`==== ${engine}: management information ====`);
    await benchInsights({
      deps: { db, clock: systemClock, config: { ...loadConfig({ LOG_LEVEL: 'silent' }), publicUrl: 'http://127.0.0.1', secureCookies: false } },
      municipalityId: seeded.municipalities[0]!.id,
      clients: CLIENTS,
      warmupMs: WARMUP_MS,
      durationMs: DURATION_MS,
      runHttp: (origin, scenario) => runHttp(origin, scenario),
      log,
      pgPort: cluster?.port,
    });
    // Comparing municipalities and the public figures, everyone taking part.
    log();
    log(`==== ${engine}: comparing municipalities and public figures ====`);
    await benchBenchmark({
      deps: {
        db,
        clock: systemClock,
        config: { ...loadConfig({ LOG_LEVEL: 'silent', TRUST_PROXY: '127.0.0.1' }), publicUrl: 'http://127.0.0.1', secureCookies: false },
      },
      municipalityId: seeded.municipalities[0]!.id,
      runHttp: (origin, scenario) => runHttp(origin, scenario),
      log,
    });
    // The collaborations overview of a large municipality (1,000 collaborations), unfiltered, per phase and per health.
    log();
    log(`==== ${engine}: collaborations ====`);
    await benchCollaborations({
      deps: { db, clock: systemClock, config: { ...loadConfig({ LOG_LEVEL: 'silent' }), publicUrl: 'http://127.0.0.1', secureCookies: false } },
      municipalityId: seeded.municipalities[0]!.id,
      clients: CLIENTS,
      runHttp: (origin, scenario) => runHttp(origin, scenario),
      log,
    });
    // The complete intake with a file and ZGW registration on, and an assessment round
    // with another municipality's department under a sharing agreement (docs/performance.md).
    log();
    log(`==== ${engine}: intake with a file and ZGW registration${engine === 'postgres' ? '' : ' (information: the target is for PostgreSQL)'} ====`);
    const intake = await benchIntakeIntegrations({
      db,
      engine,
      municipality: seeded.municipalities[0]!,
      clients: CLIENTS,
      runHttp: (origin, scenario) => runHttp(origin, scenario),
      log,
      pgPort: cluster?.port,
    });
    log();
    log(`==== ${engine}: assessment round with another municipality's department ====`);
    const shared = await benchIntermunicipal({
      db,
      engine,
      receiver: seeded.municipalities[0]!,
      provider: seeded.municipalities[1]!,
      runHttp: (origin, scenario) => runHttp(origin, scenario),
      log,
    });
    const integrationErrors = [intake.summary, shared.opening, shared.listing, shared.answering].filter((s) => s.errors > 0).map((s) => s.name);
    if (intake.problems.length || integrationErrors.length)
      throw new Error(`intake with ZGW / shared assessment: ${[...intake.problems, ...integrationErrors.map((n) => `errors in ${n}`)].join('; ')}`);
    return report;
  } finally {
    await db.close();
    await cluster?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measureEngine(engine: Engine, db: Db, seeded: SeedResult, serverVersion: string, pgPort?: number, databaseUrl?: string): Promise<EngineReport> {
  // The subject: a director of the largest municipality.
  const m = seeded.municipalities[0]!;
  const k = db.unsafeAdmin;
  const directors = await k
    .selectFrom('users')
    .select(['id', 'email'])
    .where('municipality_id', '=', m.id)
    .where('role', '=', 'director')
    .orderBy('email')
    .execute();
  const areas = (await k.selectFrom('areas').select('id').where('municipality_id', '=', m.id).orderBy('name').execute()).map((r) => r.id);
  const themes = (await k.selectFrom('themes').select('id').where('municipality_id', '=', m.id).orderBy('name').execute()).map((r) => r.id);
  const caseIds = (await sql<{ id: string }>`select id from cases where municipality_id = ${m.id} order by md5(id::text) limit 2000`.execute(k)).rows.map(
    (r) => r.id,
  );
  // The load generator stands in for a reverse proxy in front of Regie: it names a
  // client per intake request in X-Forwarded-For, which counts only from a trusted proxy.
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', TRUST_PROXY: '127.0.0.1' }), publicUrl: 'http://127.0.0.1', secureCookies: false };
  const deps: Deps = { db, clock: systemClock, config };
  const { token } = await unsafeCreateApiTokenForEmail(deps, { email: directors[0]!.email, name: 'benchmark' });
  log(
    `subject: ${m.name} (${m.size.toLocaleString('en')} cases, ${directors.length} directors, ${areas.length} areas, ${themes.length} themes), as director ${directors[0]!.email} with an API token`,
  );

  const today = dutchDate(new Date());
  const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const dueDates = [-60, -7, 0, 14, 30].map((n) => addDays(today, n));
  const listFilters: ListFilter[] = [];
  for (let i = 0; i < 20; i++) {
    listFilters.push(
      { label: 'status=planning', status: 'planning' },
      { label: 'director=…', director: directors[i % directors.length]!.id },
      { label: 'area=…', area: areas[i % areas.length]! },
      { label: 'theme=…', theme: themes[i % themes.length]! },
      { label: 'dueBefore=…', dueBefore: dueDates[i % dueDates.length]! },
    );
  }
  // Dutch words (two of them find nothing: "markt" only occurs inside compounds and
  // the stemmer does not conflate "parkeerplaats" with "parkeerplaatsen"), and a
  // search by reference number, as people do.
  const reference = `${m.prefix}-${HISTORY_START_YEAR + 2}-000123`;
  const searchFilters: ListFilter[] = [...SEARCH_WORDS, reference].map((w) => ({ label: w === reference ? 'q=<reference>' : `q=${w}`, q: w }));

  // Query plans as the application runs them: inside db.tenant, as role regie_app
  // with row-level security, custom plans for these parameter values.
  const deepOffset = Math.min(20_000, Math.floor(m.size / 2));
  const deep = (
    await sql<{ s: Date; i: string }>`select submitted_at as s, id as i from cases where municipality_id = ${m.id}
      order by submitted_at desc, id desc offset ${deepOffset} limit 1`.execute(k)
  ).rows[0]!;
  const explainTargets: Array<{ f: ListFilter; cursor?: Cursor }> = [
    { f: { label: 'no filter' } },
    ...listFilters.slice(0, 5).map((f) => ({ f })),
    ...searchFilters
      .filter((f) => ['q=fietsen', 'q=woningen', 'q=terras', 'q=kunstwerk', 'q=woning splitsen', 'q=markt', 'q=<reference>'].includes(f.label))
      .map((f) => ({ f })),
    { f: { label: `page ${Math.round(deepOffset / 25)}, row cursor` }, cursor: { ...deep, style: 'row' } },
    { f: { label: `page ${Math.round(deepOffset / 25)}, old OR cursor` }, cursor: { ...deep, style: 'or' } },
  ];
  const explainMs: EngineReport['explainMs'] = [];
  log();
  log('query plans (EXPLAIN ANALYZE inside db.tenant, i.e. as regie_app under row-level security):');
  for (const { f, cursor } of explainTargets) {
    const plan = await db.tenant(m.id, async (trx) => {
      const q = listSql(m.id, f, cursor).compile(trx);
      const r = await trx.executeQuery<{ 'QUERY PLAN': string }>({ ...q, sql: `explain (analyze, buffers) ${q.sql}` });
      return r.rows.map((row) => row['QUERY PLAN']);
    });
    const rows = Number(/actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/.exec(plan[0] ?? '')?.[1] ?? Number.NaN);
    const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan.join('\n'))?.[1] ?? Number.NaN);
    explainMs.push({ label: f.label, ms, rows });
    const indexes = [...new Set(plan.join('\n').match(/Bitmap Index Scan on \w+|Index (?:Only )?Scan(?: Backward)? using \w+|Seq Scan on \w+/g) ?? [])];
    log(`  ${f.label.padEnd(24)} ${fmt(ms, 2).padStart(9)} ms  ${String(rows).padStart(3)} rows  ${indexes.join(', ')}`);
    if (args.explain) log(plan.map((l) => `      ${l}`).join('\n'));
  }

  const app = await buildApp(deps);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  log();
  log(`server: buildApp + listen on ${origin}; ${CLIENTS} clients, keep-alive, ${DURATION_MS / 1000} s per scenario after ${WARMUP_MS / 1000} s warm-up`);

  // Smoke checks before measuring: every scenario answers 2xx and finds something.
  const check = async (p: string, init?: RequestInit) => {
    const r = await fetch(`${origin}${p}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init?.headers ?? {}) } });
    if (!r.ok) throw new Error(`smoke check ${p}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<any>;
  };
  const planning = await check(`/api/v1/cases?status=planning`);
  const one = await check(`/api/v1/cases/${caseIds[0]}`);
  const found = await Promise.all(['fietsen', 'woningen', 'terras'].map((w) => check(`/api/v1/cases?q=${encodeURIComponent(w)}&limit=100`)));
  log(
    `smoke: status=planning → ${planning.items.length} items${planning.nextCursor ? ' + next page' : ''}; case ${one.reference}; q=fietsen/woningen/terras → ${found.map((f) => `${f.items.length}${f.nextCursor ? '+' : ''}`).join('/')} hits (first page of 100)`,
  );
  const sample = found[0].items[0];
  if (sample) log(`       e.g. "${sample.title}"`);

  const results: Summary[] = [];
  const cpu: EngineReport['cpu'] = {};
  let processes: ProcessRun[] | undefined;
  const run = async (name: string, start: () => Promise<Recorded>) => {
    // On a shared machine: wait for quiet, and measure again (twice at most) when
    // other processes took more than a quarter of a core during the measurement.
    for (let attempt = 1; ; attempt++) {
      if (QUIET_WAIT_S > 0) {
        const waited = await waitQuiet(pgPort, QUIET_WAIT_S);
        if (waited < 0) log(`  (the machine stayed busy for ${QUIET_WAIT_S} s; measuring anyway)`);
        else if (waited > 1) log(`  (waited ${waited.toFixed(0)} s for other processes to finish)`);
      }
      const c0 = sampleCpu(pgPort);
      const t0 = performance.now();
      const s = summarize(name, await start());
      const share = cpuShare(c0, sampleCpu(pgPort), (performance.now() - t0) / 1000);
      log(
        `  ${name.padEnd(34)} ${String(s.requests).padStart(7)} req  ${fmt(s.rps).padStart(8)} req/s  p50 ${fmt(s.p50, 2)}  p95 ${fmt(s.p95, 2)}  p99 ${fmt(s.p99, 2)} ms  errors ${s.errors}${share ? `  cpu: node ${fmt(share.self, 2)}, postgres ${fmt(share.postgres, 2)}, other ${fmt(share.other, 2)}, idle ${fmt(share.idle, 2)} cores` : ''}`,
      );
      if (QUIET_WAIT_S > 0 && share && share.other > 0.25 && attempt < 3) {
        log(`  (disturbed: other processes used ${fmt(share.other, 2)} cores; measuring again)`);
        continue;
      }
      cpu[name] = share;
      results.push(s);
      return s;
    }
  };
  try {
    await run('(f) health', () => runHttp(origin, { kind: 'get', paths: [{ label: 'health', path: '/api/v1/health' }] }));
    await run('(b) one case', () => runHttp(origin, { kind: 'get', token, paths: caseIds.map((id) => ({ label: 'case', path: `/api/v1/cases/${id}` })) }));
    await run('(a) case list (filters + next page)', () =>
      runHttp(origin, { kind: 'list', token, queries: listFilters.map((f) => ({ label: f.label, qs: toQs(f) })) }),
    );
    await run('(c) search q= (Dutch full text)', () =>
      runHttp(origin, { kind: 'get', token, paths: searchFilters.map((f) => ({ label: f.label, path: `/api/v1/cases?${toQs(f)}` })) }),
    );
    // (e) The same list queries without HTTP: raw SQL through the db layer, same
    // transaction shape (db.tenant: BEGIN, set role + tenant, query, COMMIT).
    const counters = new Array<number>(CLIENTS).fill(0);
    await run('(e) raw SQL list via db.tenant', () =>
      closedLoop({
        clients: CLIENTS,
        warmupMs: WARMUP_MS,
        durationMs: DURATION_MS,
        step: async (c, record) => {
          const f = listFilters[(c * 31 + counters[c]!++) % listFilters.length]!;
          const t = performance.now();
          let rows: Array<{ id: string; submitted_at: Date }> = [];
          try {
            rows = (await db.tenant(m.id, (trx) => listSql(m.id, f).execute(trx))).rows;
            record(f.label, t, 200);
          } catch (e) {
            record(f.label, t, 500, () => String(e));
            return;
          }
          if (rows.length <= 25) return;
          const last = rows[24]!;
          const t2 = performance.now();
          try {
            await db.tenant(m.id, (trx) => listSql(m.id, f, { s: last.submitted_at, i: last.id }).execute(trx));
            record('next page (cursor)', t2, 200);
          } catch (e) {
            record('next page (cursor)', t2, 500, () => String(e));
          }
        },
      }),
    );
    // Several processes on one PostgreSQL database: the same read load on one and on
    // two `regie serve` processes, the in-process server idle meanwhile.
    if (databaseUrl) {
      log();
      log('one and two server processes on this database (separate `regie serve` processes, same data, same clients):');
      processes = await benchProcesses({
        databaseUrl,
        pgPort,
        clients: CLIENTS,
        log,
        quietWaitS: QUIET_WAIT_S,
        load: (origin, clients, scenario) => runHttp(origin, scenario, clients),
        scenarios: [
          { name: '(b) one case', scenario: { kind: 'get', token, paths: caseIds.map((id) => ({ label: 'case', path: `/api/v1/cases/${id}` })) } },
          { name: '(a) case list', scenario: { kind: 'list', token, queries: listFilters.map((f) => ({ label: f.label, qs: toQs(f) })) } },
        ],
      });
    }
    // Last, because it writes: new cases, initiators, events, login links, mail.
    await run('(d) intake POST /api/v1/cases', () => runHttp(origin, { kind: 'intake', municipality: m.slug, areaIds: areas, themeIds: themes }));
  } finally {
    await app.close();
  }
  return { engine, serverVersion, seed: seeded, results, explainMs, cpu, processes };
}

// ---- report ----------------------------------------------------------------------------------

function printReport(r: EngineReport) {
  const by = (prefix: string) => r.results.find((s) => s.name.startsWith(prefix));
  log();
  log(`==== results: ${r.engine}, ${CASES.toLocaleString('en')} cases, ${CLIENTS} clients, ${DURATION_MS / 1000} s per scenario ====`);
  log(`${r.serverVersion}`);
  const head = ['scenario', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors', 'cpu node/pg/other'];
  const widths = [40, 9, 9, 8, 8, 8, 8, 7, 18];
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' ');
  log(line(head));
  log(line(widths.map((w) => '-'.repeat(w))));
  const order = ['(a)', '(b)', '(c)', '(d)', '(e)', '(f)'];
  for (const key of order) {
    const s = by(key);
    if (!s) continue;
    const c = r.cpu[s.name];
    const cpuCell = c ? `${fmt(c.self, 1)}/${fmt(c.postgres, 1)}/${fmt(c.other, 1)}` : '';
    log(line([s.name, String(s.requests), fmt(s.rps), fmt(s.p50, 2), fmt(s.p95, 2), fmt(s.p99, 2), fmt(s.max, 1), String(s.errors), cpuCell]));
    if (s.byLabel.length > 1)
      for (const b of s.byLabel)
        log(line([`    ${b.name}`, String(b.requests), fmt(b.rps), fmt(b.p50, 2), fmt(b.p95, 2), fmt(b.p99, 2), fmt(b.max, 1), String(b.errors)]));
  }
  const list = by('(a)');
  const raw = by('(e)');
  const health = by('(f)');
  const one = by('(b)');
  const search = by('(c)');
  if (list && raw && health) {
    log();
    log(`ratios: API list / raw SQL list: req/s ${fmt(list.rps / raw.rps, 2)}, p50 ${fmt(list.p50 / raw.p50, 2)}×, p99 ${fmt(list.p99 / raw.p99, 2)}×`);
    log(
      `        API list / health:       req/s ${fmt(list.rps / health.rps, 2)}, p50 ${fmt(list.p50 / health.p50, 2)}×, p99 ${fmt(list.p99 / health.p99, 2)}×`,
    );
  }
  if (r.processes?.length) {
    log();
    log('server processes on one database (cpu in cores: servers / postgres / load generator / other):');
    for (const p of r.processes) {
      const c = p.cpu ? `${fmt(p.cpu.servers, 2)} / ${fmt(p.cpu.postgres, 2)} / ${fmt(p.cpu.load, 2)} / ${fmt(p.cpu.other, 2)}` : '';
      log(
        line([
          `${p.scenario}, ${p.processes} process${p.processes > 1 ? 'es' : ''}`,
          String(p.summary.requests),
          fmt(p.summary.rps),
          fmt(p.summary.p50, 2),
          fmt(p.summary.p95, 2),
          fmt(p.summary.p99, 2),
          fmt(p.summary.max, 1),
          String(p.summary.errors),
          c,
        ]),
      );
    }
  }
  const errors = [...r.results, ...(r.processes ?? []).map((p) => p.summary)].filter((s) => s.errors > 0);
  for (const s of errors) log(`ERRORS in ${s.name}:\n    ${s.errorDetail.join('\n    ')}`);
  if (list && one && search) {
    const at = CASES >= 1_000_000 ? '' : ` (the bar is for 1,000,000 cases; this run has ${CASES.toLocaleString('en')})`;
    log();
    log(`bar${at}:`);
    log(`  case list p99 ≤ 50 ms:   ${fmt(list.p99, 2)} ms  ${list.p99 <= 50 ? 'MET' : 'NOT MET'}`);
    log(`  search p99 ≤ 50 ms:      ${fmt(search.p99, 2)} ms  ${search.p99 <= 50 ? 'MET' : 'NOT MET'}`);
    log(`  one case ≥ 1,000 req/s:  ${fmt(one.rps)}  ${one.rps >= 1000 ? 'MET' : 'NOT MET'}`);
    log(`  case list ≥ 400 req/s:   ${fmt(list.rps)}  ${list.rps >= 400 ? 'MET' : 'NOT MET'}`);
  }
  log(
    `RESULT ${JSON.stringify({
      engine: r.engine,
      cases: CASES,
      clients: CLIENTS,
      durationS: DURATION_MS / 1000,
      seedSeconds: r.seed.seconds,
      explainMs: r.explainMs,
      results: r.results.map(({ errorDetail: _e, ...s }) => ({ ...s, cpu: r.cpu[s.name] })),
      processes: r.processes?.map(({ summary: { errorDetail: _e, byLabel: _b, ...s }, ...p }) => ({ ...p, ...s })),
    })}`,
  );
}

const reports: EngineReport[] = [];
let failed = false;
for (const engine of ENGINES) {
  try {
    reports.push(await benchEngine(engine));
  } catch (e) {
    failed = true;
    console.error(`${engine} failed:`, e);
  }
}
const anyErrors = reports.some((r) => [...r.results, ...(r.processes ?? []).map((p) => p.summary)].some((s) => s.errors > 0));
if (anyErrors) log('\nSome requests failed (non-2xx): see ERRORS above.');
process.exitCode = failed || anyErrors ? 1 : 0;
