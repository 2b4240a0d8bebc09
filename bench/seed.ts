// National-scale benchmark data: 342 municipalities of uneven size (Zipf-like with
// some noise: a few cities with tens of thousands of cases, many towns with a few
// hundred), their organisation and people, N cases with themes, their history
// (bench/seed-history.ts), satisfaction surveys (bench/seed-surveys.ts) and events.
//
// Everything is generated inside the database with set-based SQL
// (`insert … select … from generate_series(…)`), never row by row from JavaScript:
// per batch of at most 50,000 cases (a large municipality split, small ones
// together) one statement per municipality for its cases, a few for the batch's
// history and one for its events in time order. See docs/performance.md#the-data.
import { sql } from 'kysely';
import { dutchDate } from '../src/kernel/clock.js';
import type { Db } from '../src/platform/db/index.js';
import { checkEvents, checkHistory } from './seed-check.js';
import { seedCollaborations } from './seed-collaborations.js';
import { addHistory, createBatchTables, emptyHistory, flushEvents, type HistoryCounts, historyBatch, STAGING_TABLES, seedRegisters } from './seed-history.js';
import { hasSurveys, surveyBatch } from './seed-surveys.js';
import {
  AREA_NAMES,
  DEPARTMENTS,
  FIRST_NAMES,
  LARGE_MUNICIPALITIES,
  LAST_NAMES,
  OPENERS,
  PLACE_PHRASES,
  REASONS,
  STREETS,
  SUBJECTS,
  THEME_NAMES,
  TITLE_OPENERS,
  TOWN_PARTS_A,
  TOWN_PARTS_B,
  VERBS,
} from './words.js';

export const MUNICIPALITY_COUNT = 342;
/** Cases are spread from this instant (Dutch time) until now. */
export const HISTORY_START_YEAR = 2023;
const BATCH = 50_000;
const PLAN_TERM_DAYS = 42;

export interface PlannedMunicipality {
  rank: number;
  name: string;
  slug: string;
  prefix: string;
  size: number;
  areas: number;
  themes: number;
  departments: number;
  directors: number;
  initiators: number;
}

export interface SeededMunicipality extends PlannedMunicipality {
  id: string;
}

export interface SeedResult {
  municipalities: SeededMunicipality[];
  cases: number;
  events: number;
  caseThemes: number;
  users: number;
  history: HistoryCounts;
  /** null: the database has no surveys table */
  surveys: number | null;
  /**
   * Seconds per phase. `cases` is the whole batched load (cases + themes + history +
   * surveys + events); `caseRows`, `history`, `surveys` and `eventRows` are its parts.
   */
  seconds: {
    organisation: number;
    cases: number;
    caseRows: number;
    history: number;
    surveys: number;
    eventRows: number;
    indexes: number;
    analyze: number;
    total: number;
  };
}

/** Tables the bulk load fills; their secondary indexes are dropped during the load and rebuilt after. */
export const BULK_TABLES = [
  'cases',
  'case_themes',
  'events',
  'suspensions',
  'plans',
  'plan_actions',
  'assessment_rounds',
  'assessment_parties',
  'assessment_answers',
  'assessment_overrules',
  'assessment_withdrawals',
  'late_objections',
  'commitments',
  'commitment_versions',
  'surveys',
];

/** Deterministic PRNG (mulberry32) so the plan is the same on every engine and run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Split `total` over `weights` in whole numbers that sum exactly to `total` (largest remainder). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const out = exact.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (let j = 0; rest > 0; j = (j + 1) % order.length, rest--) out[order[j]![1]]! += 1;
  return out;
}

const base26 = (n: number, len: number) => {
  let s = '';
  for (let i = 0; i < len; i++) {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26);
  }
  return s;
};

/**
 * Sizes follow a Zipf–Mandelbrot law, weight ∝ 1/(rank+3), with ±30 % log-normal
 * noise: at 1,000,000 cases the largest city gets ≈ 50,000 cases, the median town
 * ≈ 1,300 and the smallest a few hundred, the shape of the Dutch municipalities.
 */
export function planMunicipalities(totalCases: number, count = MUNICIPALITY_COUNT): PlannedMunicipality[] {
  const rand = rng(342);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const weights = Array.from({ length: count }, (_, i) => (1 / (i + 4)) * Math.exp(0.15 * gauss())).sort((a, b) => b - a);
  const sizes = apportion(totalCases, weights);
  const usedNames = new Set<string>();
  return sizes.map((size, i) => {
    let name: string;
    let prefix: string;
    const large = LARGE_MUNICIPALITIES[i];
    if (large) {
      [name, prefix] = large;
    } else {
      // Composed Dutch-sounding names; the prefix is "Q" + a base-26 index, which no
      // real name above uses, so prefixes stay unique.
      let j = i;
      do {
        name = `${TOWN_PARTS_A[j % TOWN_PARTS_A.length]}${TOWN_PARTS_B[Math.floor(j / TOWN_PARTS_A.length) % TOWN_PARTS_B.length]}`;
        if (j >= TOWN_PARTS_A.length * TOWN_PARTS_B.length) name += ` ${Math.floor(j / (TOWN_PARTS_A.length * TOWN_PARTS_B.length)) + 1}`;
        j += MUNICIPALITY_COUNT;
      } while (usedNames.has(name));
      prefix = `Q${base26(i, 3)}`;
    }
    usedNames.add(name);
    const slug = name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    return {
      rank: i + 1,
      name,
      slug,
      prefix,
      size,
      areas: Math.min(AREA_NAMES.length, 3 + Math.round(Math.log2(Math.max(1, size / 250)))),
      themes: size >= 5000 ? 10 : size >= 1000 ? 8 : 6,
      departments: size >= 5000 ? 5 : size >= 1500 ? 4 : 3,
      directors: Math.max(2, Math.min(80, Math.round(size / 1000))),
      initiators: Math.max(5, Math.ceil(size / 4)),
    };
  });
}

/** A SQL array literal of constant words (ours, not user input; quotes are doubled anyway). */
const textArray = (words: readonly string[]) => sql.raw(`(array[${words.map((w) => `'${w.replaceAll("'", "''")}'`).join(',')}]::text[])`);

/** A date on a Saturday or Sunday moved to the Monday, as the plan clock does (docs/product.md#the-plan-clock; holidays left out). */
const weekday = (d: string) => sql.raw(`(${d} + case extract(isodow from ${d}) when 6 then 2 when 7 then 1 else 0 end)`);

const pick = (arr: string, r: string) => `${arr}[1 + floor(${r} * cardinality(${arr}))::int]`;

/** Cases per year: growth as the platform is adopted, and the current year only up to now. */
function yearSlices(now: Date): Array<{ year: number; start: Date; end: Date; weight: number }> {
  const nowYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(now));
  const out = [];
  for (let y = HISTORY_START_YEAR; y <= nowYear; y++) {
    const start = new Date(`${y}-01-01T00:00:00+01:00`);
    const fullEnd = new Date(`${y + 1}-01-01T00:00:00+01:00`);
    // Stop an hour before now so nothing is submitted "in the future" during the run.
    const end = y === nowYear ? new Date(now.getTime() - 3_600_000) : fullEnd;
    const growth = 1 + 0.15 * (y - HISTORY_START_YEAR);
    out.push({ year: y, start, end, weight: ((end.getTime() - start.getTime()) / (fullEnd.getTime() - start.getTime())) * growth });
  }
  return out;
}

/** `municipalities` is for tests: fewer municipalities, so fewer batches (default 342). */
export async function seed(db: Db, opts: { cases: number; municipalities?: number; now?: Date; log?: (line: string) => void }): Promise<SeedResult> {
  const log = opts.log ?? ((s: string) => console.log(s));
  const now = opts.now ?? new Date();
  const k = db.unsafeAdmin;
  const t0 = performance.now();
  const plan = planMunicipalities(opts.cases, opts.municipalities);
  log(
    `  plan: ${plan.length} municipalities, largest ${plan[0]!.name} ${plan[0]!.size} cases, median ${plan[Math.floor(plan.length / 2)]!.size}, smallest ${plan.at(-1)!.size}`,
  );

  // ---- municipalities and their organisation ---------------------------------------
  const rows = await k
    .insertInto('municipalities')
    .values(plan.map((m) => ({ slug: m.slug, name: `Gemeente ${m.name}`, case_prefix: m.prefix, plan_term_days: PLAN_TERM_DAYS })))
    .returning(['id', 'slug'])
    .execute();
  const idBySlug = new Map(rows.map((r) => [r.slug, r.id]));
  const seeded: SeededMunicipality[] = plan.map((m) => ({ ...m, id: idBySlug.get(m.slug)! }));
  const firsts = textArray(FIRST_NAMES);
  const lasts = textArray(LAST_NAMES);
  let users = 0;
  for (const m of seeded) {
    await db.unsafeTransaction(async (trx) => {
      await sql`insert into areas (municipality_id, name) select ${m.id}::uuid, n from unnest(${textArray(AREA_NAMES)}) with ordinality as a(n, i) where i <= ${m.areas}`.execute(
        trx,
      );
      await sql`insert into themes (municipality_id, name) select ${m.id}::uuid, n from unnest(${textArray(THEME_NAMES)}) with ordinality as a(n, i) where i <= ${m.themes}`.execute(
        trx,
      );
      await sql`insert into departments (municipality_id, name, domain)
        select ${m.id}::uuid, n, d from unnest(${textArray(DEPARTMENTS.map((d) => d[0]))}, ${textArray(DEPARTMENTS.map((d) => d[1]))}) with ordinality as a(n, d, i)
        where i <= ${m.departments}`.execute(trx);
      // Staff: one coordinator, an admin, directors, one specialist per department.
      // Staff e-mail addresses are unique nationally, so they carry the slug.
      await sql`insert into users (municipality_id, email, name, role)
        select ${m.id}::uuid, 'coordinator@' || ${m.slug}::text || '.example', 'Coördinator ' || ${m.name}::text, 'coordinator'
        union all select ${m.id}::uuid, 'beheer@' || ${m.slug}::text || '.example', 'Beheerder ' || ${m.name}::text, 'admin'
        union all select ${m.id}::uuid, 'regisseur' || lpad(n::text, 3, '0') || '@' || ${m.slug}::text || '.example',
          ${firsts}[1 + n % cardinality(${firsts})] || ' ' || ${lasts}[1 + (n * 7) % cardinality(${lasts})], 'director'
          from generate_series(1, ${m.directors}::int) n`.execute(trx);
      await sql`insert into users (municipality_id, email, name, role, department_id)
        select ${m.id}::uuid, 'specialist-' || row_number() over (order by name) || '@' || ${m.slug}::text || '.example', 'Specialist ' || name, 'specialist', id
        from departments where municipality_id = ${m.id}::uuid`.execute(trx);
      await sql`insert into users (municipality_id, email, name, role, phone)
        select ${m.id}::uuid, 'inwoner' || n || '@' || ${m.slug}::text || '.example',
          ${firsts}[1 + (n * 13) % cardinality(${firsts})] || ' ' || ${lasts}[1 + (n * 17 + n / 30) % cardinality(${lasts})], 'initiator',
          '06' || lpad(((n * 7919) % 100000000)::text, 8, '0')
        from generate_series(1, ${m.initiators}::int) n`.execute(trx);
      // Every area and theme is covered by at least one director (director proposal needs it).
      await sql`insert into director_areas (municipality_id, user_id, area_id)
        select distinct ${m.id}::uuid, d.id, a.id
        from (select id, row_number() over (order by email) as n from users where municipality_id = ${m.id}::uuid and role = 'director') d
        join (select id, row_number() over (order by name) - 1 as i from areas where municipality_id = ${m.id}::uuid) a
          on a.i in ((d.n - 1) % ${m.areas}, d.n % ${m.areas})`.execute(trx);
      await sql`insert into director_themes (municipality_id, user_id, theme_id)
        select distinct ${m.id}::uuid, d.id, t.id
        from (select id, row_number() over (order by email) as n from users where municipality_id = ${m.id}::uuid and role = 'director') d
        join (select id, row_number() over (order by name) - 1 as i from themes where municipality_id = ${m.id}::uuid) t
          on t.i in ((d.n - 1) % ${m.themes}, (d.n + 2) % ${m.themes})`.execute(trx);
      await seedRegisters(trx, m.id);
    });
    users += 2 + m.directors + m.departments + m.initiators;
  }
  const tOrg = performance.now();
  log(`  organisation: ${seeded.length} municipalities, ${users.toLocaleString('en')} users in ${((tOrg - t0) / 1000).toFixed(1)} s`);

  // ---- cases, case_themes, events ---------------------------------------------------
  // Bulk-load technique: drop the secondary indexes of the three big tables (keeping
  // primary keys and unique constraints, so duplicates still fail) and rebuild them
  // afterwards from their own definitions, which is several times faster than
  // maintaining them row by row. Foreign-key triggers are skipped per batch with
  // session_replication_role = replica; the data is consistent by construction and
  // verifySeed() checks every foreign key afterwards.
  const dropped = await sql<{ name: string; def: string }>`
    select i.indexname as name, i.indexdef as def from pg_indexes i
    where i.schemaname = 'public' and i.tablename in (${sql.join(BULK_TABLES)})
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
    order by i.indexname`.execute(k);
  for (const ix of dropped.rows) await sql`drop index ${sql.id(ix.name)}`.execute(k);
  const surveysOn = await hasSurveys(db);
  if (!surveysOn) log('  surveys: the database has no surveys table; satisfaction surveys are not seeded');
  const slices = yearSlices(now);
  let done = 0;
  let events = 0;
  let caseThemes = 0;
  let history = emptyHistory();
  let surveys = 0;
  const part = { caseRows: 0, history: 0, surveys: 0, eventRows: 0 };
  let lastLog = performance.now();
  let batchNo = 0;
  // The pieces to load: every municipality split at BATCH cases. Consecutive small
  // pieces share a transaction (up to BATCH cases together), so a small run does not
  // pay the history's fixed cost per statement 342 times.
  const pieces: Array<{ m: SeededMunicipality; years: YearSlice[]; from: number; to: number }> = [];
  for (const m of seeded) {
    const perYear = apportion(
      m.size,
      slices.map((s) => s.weight),
    );
    const years: YearSlice[] = [];
    let cum = 0;
    for (const [yi, s] of slices.entries()) {
      const count = perYear[yi]!;
      if (count > 0) years.push({ year: s.year, start: s.start, end: s.end, count, before: cum });
      cum += count;
    }
    for (let from = 1; from <= m.size; from += BATCH) pieces.push({ m, years, from, to: Math.min(m.size, from + BATCH - 1) });
  }
  const groups: Array<typeof pieces> = [];
  for (const piece of pieces) {
    const last = groups.at(-1);
    const size = (g: typeof pieces) => g.reduce((n, p) => n + p.to - p.from + 1, 0);
    if (last && size(last) + piece.to - piece.from + 1 <= BATCH) last.push(piece);
    else groups.push([piece]);
  }
  for (const group of groups) {
    const r = await db.unsafeTransaction(async (trx) => {
      // Reproducible per batch (random() is per session; the transaction holds one).
      await sql`select setseed(${((batchNo++ * 7919) % 20000) / 10000 - 1}), set_config('session_replication_role', 'replica', true),
        set_config('work_mem', '64MB', true)`.execute(trx);
      await createBatchTables(trx);
      let t = performance.now();
      const lap = () => {
        const s = (performance.now() - t) / 1000;
        t = performance.now();
        return s;
      };
      let cases = 0;
      let themes = 0;
      for (const piece of group) {
        const res = await caseBatchSql({ ...piece, now }).execute(trx);
        const row = (res as { rows: Array<{ cases: number; themes: number }> }).rows[0]!;
        cases += Number(row.cases);
        themes += Number(row.themes);
      }
      part.caseRows += lap();
      const h = await historyBatch(trx, { now });
      part.history += lap();
      const sv = surveysOn ? await surveyBatch(trx, { now }) : 0;
      part.surveys += lap();
      const ev = await flushEvents(trx);
      part.eventRows += lap();
      return { cases, themes, events: ev, history: h, surveys: sv };
    });
    done += r.cases;
    events += r.events;
    caseThemes += r.themes;
    history = addHistory(history, r.history);
    surveys += r.surveys;
    // The reference numbers are gap-free 1…count per year: the counter continues there.
    for (const piece of group)
      if (piece.to === piece.m.size && piece.years.length)
        await k
          .insertInto('case_counters')
          .values(piece.years.map((y) => ({ municipality_id: piece.m.id, year: y.year, last_value: y.count })))
          .execute();
    if (performance.now() - lastLog > 5000 || done === opts.cases) {
      lastLog = performance.now();
      const secs = (lastLog - tOrg) / 1000;
      log(
        `  cases ${done.toLocaleString('en')}/${opts.cases.toLocaleString('en')} (${((done / opts.cases) * 100).toFixed(0)} %), ${events.toLocaleString('en')} events, ${secs.toFixed(0)} s, ${Math.round(done / secs).toLocaleString('en')} cases/s`,
      );
    }
  }
  // PGlite has one session, and keeps serving from it: leave no staging tables behind.
  for (const t of STAGING_TABLES) await sql`drop table if exists ${sql.raw(`pg_temp.${t}`)}`.execute(k);
  const tCases = performance.now();
  log(
    `  cases: ${done.toLocaleString('en')} cases, ${events.toLocaleString('en')} events, ${caseThemes.toLocaleString('en')} case_themes in ${((tCases - tOrg) / 1000).toFixed(1)} s`,
  );
  log(
    `    of which: case rows ${part.caseRows.toFixed(1)} s, history ${part.history.toFixed(1)} s, surveys ${part.surveys.toFixed(1)} s, events in time order ${part.eventRows.toFixed(1)} s`,
  );
  log(
    `  history: ${Object.entries(history)
      .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
      .join(', ')}${surveysOn ? `, surveys ${surveys.toLocaleString('en')}` : ''}`,
  );

  for (const ix of dropped.rows) {
    const t = performance.now();
    await db.unsafeTransaction(async (trx) => {
      await sql`select set_config('maintenance_work_mem', ${db.kind === 'pglite' ? '256MB' : '512MB'}, true)`.execute(trx);
      await sql.raw(ix.def).execute(trx);
    });
    log(`  index ${ix.name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const tIndexes = performance.now();
  log(`  indexes: ${dropped.rows.length} rebuilt in ${((tIndexes - tCases) / 1000).toFixed(1)} s`);

  // Collaborations: 1,000 per large municipality, with their stored health (bench/seed-collaborations.ts).
  await seedCollaborations(db, seeded, now, log);
  await sql`analyze`.execute(k);
  const tAnalyze = performance.now();
  log(`  analyze: ${((tAnalyze - tIndexes) / 1000).toFixed(1)} s`);
  return {
    municipalities: seeded,
    cases: done,
    events,
    caseThemes,
    users,
    history,
    surveys: surveysOn ? surveys : null,
    seconds: {
      organisation: (tOrg - t0) / 1000,
      cases: (tCases - tOrg) / 1000,
      ...part,
      indexes: (tIndexes - tCases) / 1000,
      analyze: (tAnalyze - tIndexes) / 1000,
      total: (tAnalyze - t0) / 1000,
    },
  };
}

/**
 * One batch of cases of one municipality, numbers `from`…`to` over all its years,
 * with their themes and events, in one statement. Submission times grow
 * with the number, so reference order is time order, as in the real intake.
 *
 * Status depends on age: recent cases are still submitted/intake/planning, old ones
 * mostly closed; about 10 % is withdrawn.
 */
export interface YearSlice {
  year: number;
  start: Date;
  end: Date;
  /** cases of this municipality in this year */
  count: number;
  /** cases of this municipality in earlier years: case k of the municipality is number k - before of its year */
  before: number;
}

export function caseBatchSql(o: { m: SeededMunicipality; years: YearSlice[]; from: number; to: number; now: Date }) {
  const { m } = o;
  const now = o.now.toISOString();
  const today = dutchDate(o.now);
  // Which year case number k falls in, as constants: years[yi] covers k in (before, before + count].
  const yearOf = sql.raw(`case ${o.years.map((y, i) => `when k <= ${y.before + y.count} then ${i + 1}`).join(' ')} end`);
  const arr = (f: (y: YearSlice) => string, type: string) => sql.raw(`(array[${o.years.map(f).join(',')}]::${type}[])`);
  const years = arr((y) => String(y.year), 'int');
  const befores = arr((y) => String(y.before), 'int');
  const counts = arr((y) => String(y.count), 'int');
  const starts = arr((y) => `'${y.start.toISOString()}'`, 'timestamptz');
  const ends = arr((y) => `'${y.end.toISOString()}'`, 'timestamptz');
  const subj = textArray(SUBJECTS);
  return sql`
with p as materialized (
  select
    coalesce((select array_agg(id order by name) from areas where municipality_id = ${m.id}::uuid), '{}') as ar,
    (select array_agg(id order by name) from themes where municipality_id = ${m.id}::uuid) as th,
    (select array_agg(id order by email) from users where municipality_id = ${m.id}::uuid and role = 'director') as ds,
    (select array_agg(name order by email) from users where municipality_id = ${m.id}::uuid and role = 'director') as dn,
    (select array_agg(id order by email) from users where municipality_id = ${m.id}::uuid and role = 'initiator') as ins,
    (select id from users where municipality_id = ${m.id}::uuid and role = 'coordinator' limit 1) as coord,
    ${subj} as subj, ${textArray(TITLE_OPENERS)} as topen, ${textArray(PLACE_PHRASES)} as place, ${textArray(OPENERS)} as dopen,
    ${textArray(VERBS)} as verb, ${textArray(REASONS)} as reason, ${textArray(STREETS)} as street
),
g0 as (
  select k, ${yearOf} as yi from generate_series(${o.from}::int, ${o.to}::int) as k
),
g as materialized (
  select k, ${years}[yi] as year, k - ${befores}[yi] as num,
    ${starts}[yi] + (${ends}[yi] - ${starts}[yi]) * ((k - ${befores}[yi] - 1 + random()) / ${counts}[yi]) as submitted_at,
    random() as r1, random() as r2, random() as r3, random() as r4, random() as r5, random() as r6, random() as r7, random() as r8,
    random() as r9, random() as r10, random() as r11, random() as r12, random() as r13, random() as r14, random() as r15, random() as r16,
    random() as r17, random() as r18, random() as r19, random() as r20, random() as r21, random() as r22, random() as r23, random() as r24,
    random() as r25, random() as r26
  from g0
),
s1 as (
  select g.*, extract(epoch from (${now}::timestamptz - g.submitted_at)) / 86400 as age from g
),
s2 as (
  select s1.*,
    case
      when age < 3 then case when r1 < 0.85 then 'submitted' else 'intake' end
      when age < 14 then case when r1 < 0.25 then 'submitted' when r1 < 0.70 then 'intake' else 'planning' end
      when age < 56 then case when r1 < 0.03 then 'submitted' when r1 < 0.10 then 'intake' when r1 < 0.75 then 'planning' when r1 < 0.95 then 'executing' else 'withdrawn' end
      when age < 365 then case when r1 < 0.06 then 'planning' when r1 < 0.46 then 'executing' when r1 < 0.90 then 'closed' else 'withdrawn' end
      else case when r1 < 0.06 then 'executing' when r1 < 0.90 then 'closed' else 'withdrawn' end
    end as status
  from s1
),
s3 as (
  select s2.*,
    case when status <> 'submitted' then least(submitted_at + (0.2 + r2 * 4) * interval '1 day', ${now}::timestamptz) end as intake_at,
    (status in ('planning', 'executing', 'closed') or (status = 'withdrawn' and r3 < 0.5)) as started,
    (status not in ('submitted') and not (status = 'intake' and r6 < 0.4) and not (status = 'withdrawn' and r3 >= 0.5 and r6 < 0.4)) as has_director
  from s2
),
s4 as (
  select s3.*,
    case when started then least(intake_at + (1 + r3 * 6) * interval '1 day', ${now}::timestamptz) end as planning_at,
    case when has_director then 1 + floor(power(r7, 1.3) * cardinality(p.ds))::int end as dir_idx,
    -- docs/product.md#the-plan-clock: some clocks are suspended once, a few days after the
    -- start, for 4 to 27 days; most plans are agreed within the term, some after it.
    (status in ('planning', 'executing', 'closed') and r21 < 0.12) as susp_try,
    3 + floor(r22 * 14)::int as susp_off,
    4 + floor(r23 * 24)::int as susp_len,
    r24 < 0.18 as late_try
  from s3, p
),
s5 as materialized (
  select s4.*,
    (planning_at at time zone 'Europe/Amsterdam')::date as clock_started_on,
    -- the day, counted from the clock start, on which the plan is agreed when nothing intervenes
    case when late_try then 43 + case when susp_try then susp_len else 0 end + r25 * 35
      else (case when susp_try then susp_off + susp_len + 1 else 7 end)
        + r25 * (42 + case when susp_try then susp_len else 0 end - (case when susp_try then susp_off + susp_len + 1 else 7 end) - 1)
    end as agree_off
  from s4
),
s6 as (
  select s5.*,
    case
      when status = 'closed' then least(planning_at + (agree_off + 7 + r4 * 220) * interval '1 day', ${now}::timestamptz)
      when status = 'withdrawn' then least(coalesce(planning_at, intake_at) + (14 + r4 * 250) * interval '1 day', ${now}::timestamptz)
    end as closed_at
  from s5
),
s7 as materialized (
  select s6.*,
    case when status in ('executing', 'closed') then
      case when planning_at + agree_off * interval '1 day' < coalesce(closed_at - interval '1 hour', ${now}::timestamptz)
        then planning_at + agree_off * interval '1 day'
        else planning_at + (coalesce(closed_at - interval '1 hour', ${now}::timestamptz) - planning_at) * (0.5 + 0.45 * r26)
      end
    end as executing_at
  from s6
),
s8 as (
  select s7.*,
    -- the suspension only when it began before today and ended before the plan was agreed
    case when susp_try and clock_started_on + susp_off < ${today}::date
      and (status = 'planning' or clock_started_on + susp_off + susp_len < (executing_at at time zone 'Europe/Amsterdam')::date)
      then clock_started_on + susp_off end as susp_start,
    case when susp_try and clock_started_on + susp_off + susp_len < ${today}::date
      and (status = 'planning' or clock_started_on + susp_off + susp_len < (executing_at at time zone 'Europe/Amsterdam')::date)
      then clock_started_on + susp_off + susp_len end as susp_end
  from s7
),
s9 as materialized (
  select s8.*, clock_started_on + ${PLAN_TERM_DAYS}::int + coalesce(susp_end - susp_start, 0) as due_raw from s8
),
t as materialized (
  select s9.*, gen_random_uuid() as id,
    ${m.prefix}::text || '-' || year || '-' || case when num < 1000000 then lpad(num::text, 6, '0') else num::text end as reference,
    -- a due date on a Saturday or Sunday moves to the Monday (docs/product.md#the-plan-clock)
    ${weekday('due_raw')} as plan_due_on,
    ${weekday(`clock_started_on + ${PLAN_TERM_DAYS}`)} as first_due_on,
    p.ds[dir_idx] as director_id, p.dn[dir_idx] as director_name,
    case when r8 < 0.92 and cardinality(p.ar) > 0 then p.ar[1 + floor(r8 / 0.92 * cardinality(p.ar))::int] end as area_id,
    ${sql.raw(pick('p.ins', 'r9'))} as initiator_id,
    case when r10 < 0.70 then 'web' when r10 < 0.82 then 'desk' when r10 < 0.92 then 'phone' else 'email' end as channel,
    ${sql.raw(pick('p.topen', 'r11'))} || ' ' || ${sql.raw(pick('p.subj', 'r12'))} || ', ' || ${sql.raw(pick('p.place', 'r13'))} as title,
    ${sql.raw(pick('p.dopen', 'r14'))} || ' ' || ${sql.raw(pick('p.verb', 'r15'))} || ' ' || ${sql.raw(pick('p.subj', 'r12'))} || ' ' || ${sql.raw(pick('p.place', 'r13'))} || '. '
      || ${sql.raw(pick('p.reason', 'r16'))} || ' Daarnaast vragen wij aandacht voor ' || ${sql.raw(pick('p.subj', 'r17'))} || '. '
      || ${sql.raw(pick('p.reason', 'r18'))} as description,
    ${sql.raw(pick('p.street', 'r19'))} || ' ' || (1 + floor(r20 * 180))::int || ', ' || ${m.name}::text as location,
    1 + floor(r5 * cardinality(p.th))::int as t1,
    case when r6 < 0.4 then 1 + ((floor(r5 * cardinality(p.th))::int + 1 + floor(r4 * (cardinality(p.th) - 1))::int) % cardinality(p.th)) end as t2,
    (r19 < 0.22 and has_director) as noted
  from s9, p
),
ins as (
  insert into cases (id, municipality_id, reference, title, description, location, area_id, status, channel, initiator_id, director_id,
    submitted_at, intake_at, clock_started_on, plan_term_days, plan_due_on, suspended_since, suspended_days, closed_at, withdrawn_reason, version, updated_at)
  select id, ${m.id}::uuid, reference, title, description, location, area_id, status, channel, initiator_id, director_id,
    submitted_at, intake_at, clock_started_on, case when clock_started_on is not null then ${PLAN_TERM_DAYS}::int end, plan_due_on,
    case when susp_end is null then susp_start end, coalesce(susp_end - susp_start, 0), closed_at,
    case when status = 'withdrawn' then 'De initiatiefnemer ziet af van het plan.' end,
    1 + has_director::int + (intake_at is not null)::int + started::int + (executing_at is not null)::int + (closed_at is not null)::int
      + (susp_start is not null)::int + (susp_end is not null)::int,
    coalesce(closed_at, executing_at, planning_at, intake_at, submitted_at)
  from t
  returning 1
),
-- What the history (bench/seed-history.ts) and the surveys (bench/seed-surveys.ts) build on.
staged as (
  insert into bench_batch (municipality_id, id, reference, title, status, initiator_id, director_id, director_name, submitted_at, planning_at, executing_at,
    closed_at, clock_started_on, plan_due_on, susp_start, susp_end)
  select ${m.id}::uuid, id, reference, title, status, initiator_id, director_id, director_name, submitted_at, planning_at, executing_at,
    closed_at, clock_started_on, plan_due_on, susp_start, susp_end
  from t where planning_at is not null
  returning 1
),
ct as (
  insert into case_themes (municipality_id, case_id, theme_id)
  select ${m.id}::uuid, t.id, p.th[t.t1] from t, p
  union all
  select ${m.id}::uuid, t.id, p.th[t.t2] from t, p where t.t2 is not null
  returning 1
),
ev as (
  insert into bench_events (municipality_id, case_id, type, actor_id, visibility, payload, created_at, ord)
  select ${m.id}::uuid, t.id, e.type, e.actor, e.vis, e.payload, e.at, e.ord
  from t cross join p cross join lateral (values
    ('case.submitted', t.initiator_id, 'shared', jsonb_build_object('reference', t.reference, 'channel', t.channel, 'registeredBy', null), t.submitted_at, 0),
    (case when t.intake_at is not null then 'case.statusChanged' end, p.coord, 'shared',
      jsonb_build_object('from', 'submitted', 'to', 'intake', 'reason', null, 'planDueOn', null), t.intake_at, 1),
    (case when t.director_id is not null then 'case.assigned' end, p.coord, 'shared',
      jsonb_build_object('directorId', t.director_id, 'directorName', t.director_name, 'previousDirectorId', null, 'reason', null, 'proposedDirectorId', t.director_id),
      least(coalesce(t.intake_at, t.submitted_at) + interval '2 hours', ${now}::timestamptz), 2),
    (case when t.planning_at is not null then 'case.statusChanged' end, t.director_id, 'shared',
      jsonb_build_object('from', 'intake', 'to', 'planning', 'reason', null, 'planDueOn', t.first_due_on), t.planning_at, 3),
    (case when t.executing_at is not null then 'case.statusChanged' end, t.director_id, 'shared',
      jsonb_build_object('from', 'planning', 'to', 'executing', 'reason', null, 'planDueOn', t.plan_due_on), t.executing_at, 5),
    (case when t.status = 'closed' then 'case.statusChanged' end, t.director_id, 'shared',
      jsonb_build_object('from', 'executing', 'to', 'closed', 'reason', null, 'planDueOn', t.plan_due_on), t.closed_at, 6),
    (case when t.status = 'withdrawn' then 'case.statusChanged' end, coalesce(t.director_id, t.initiator_id), 'shared',
      jsonb_build_object('from', case when t.started then 'planning' else 'intake' end, 'to', 'withdrawn', 'reason', 'De initiatiefnemer ziet af van het plan.', 'planDueOn', t.plan_due_on), t.closed_at, 6),
    (case when t.noted then 'note.added' end, t.director_id, 'internal',
      jsonb_build_object('text', 'Gebeld met de initiatiefnemer over ' || p.subj[1 + floor(t.r17 * cardinality(p.subj))::int] || '.'),
      least(coalesce(t.planning_at, t.intake_at, t.submitted_at) + interval '1 day', coalesce(t.executing_at, t.closed_at, ${now}::timestamptz) - interval '1 minute'), 4)
  ) as e(type, actor, vis, payload, at, ord)
  where e.type is not null
  returning 1
)
select (select count(*) from ins) as cases, (select count(*) from ev) as events, (select count(*) from ct) as themes`;
}

/** Sanity checks on the seeded data; throws when something does not add up. */
export async function verifySeed(db: Db, expectCases: number): Promise<string[]> {
  const k = db.unsafeAdmin;
  const out: string[] = [];
  const n = await sql<{ n: number }>`select count(*)::int as n from cases`.execute(k);
  if (n.rows[0]!.n !== expectCases) throw new Error(`expected ${expectCases} cases, found ${n.rows[0]!.n}`);
  // Each counter equals the highest reference number of its municipality and year,
  // and that equals the number of cases of that year: gap-free and consistent.
  const bad = await sql<{ n: number }>`
    select count(*)::int as n from case_counters cc
    left join (
      select municipality_id, split_part(reference, '-', 2)::int as year, count(*) as cnt, max(split_part(reference, '-', 3)::int) as top
      from cases group by 1, 2
    ) c on c.municipality_id = cc.municipality_id and c.year = cc.year
    where c.top is distinct from cc.last_value or c.cnt is distinct from cc.last_value::bigint`.execute(k);
  if (bad.rows[0]!.n !== 0) throw new Error(`${bad.rows[0]!.n} case_counters rows disagree with the references`);
  const orphans = await sql<{ n: number }>`
    select count(*)::int as n from cases c join municipalities m on m.id = c.municipality_id
    where split_part(c.reference, '-', 1) <> m.case_prefix`.execute(k);
  if (orphans.rows[0]!.n !== 0) throw new Error(`${orphans.rows[0]!.n} references do not carry their municipality's prefix`);
  // The load skipped foreign-key triggers: check every foreign key of the loaded tables.
  const fks = await sql<{ tbl: string; conname: string; def: string }>`
    select c.conrelid::regclass::text as tbl, c.conname, pg_get_constraintdef(c.oid) as def from pg_constraint c
    where c.contype = 'f' and c.conrelid::regclass::text in (${sql.join(BULK_TABLES)}) order by 1, 2`.execute(k);
  for (const fk of fks.rows) {
    const m = /^FOREIGN KEY \(([\w, ]+)\) REFERENCES (\w+)\(([\w, ]+)\)/.exec(fk.def);
    if (!m) throw new Error(`unexpected foreign key ${fk.conname}: ${fk.def}`);
    const [, colList, ref, refList] = m as unknown as [string, string, string, string];
    const [cols, refCols] = [colList.split(', '), refList.split(', ')];
    const broken = await sql<{ n: number }>`
      select count(*)::int as n from ${sql.table(fk.tbl)} x
      where ${sql.join(
        cols.map((c) => sql`x.${sql.ref(c)} is not null`),
        sql` and `,
      )} and not exists (select 1 from ${sql.table(ref)} r where ${sql.join(
        cols.map((c, i) => sql`r.${sql.ref(refCols[i] as string)} = x.${sql.ref(c)}`),
        sql` and `,
      )})`.execute(k);
    if (broken.rows[0]!.n !== 0) throw new Error(`${broken.rows[0]!.n} rows of ${fk.tbl} break ${fk.conname}`);
  }
  out.push(`foreign keys of ${BULK_TABLES.join(', ')}: ${fks.rows.length} checked, all hold`);
  out.push(...(await checkHistory(db)));
  out.push(...(await checkEvents(db, { perType: 200 })));
  const statuses = await sql<{ status: string; n: number }>`select status, count(*)::int as n from cases group by 1 order by 2 desc`.execute(k);
  out.push(`statuses: ${statuses.rows.map((r) => `${r.status} ${((r.n / expectCases) * 100).toFixed(1)} %`).join(', ')}`);
  const sizes = await sql<{ bytes: string }>`select pg_size_pretty(pg_database_size(current_database())) as bytes`.execute(k);
  out.push(`database size: ${sizes.rows[0]!.bytes}`);
  return out;
}
