// Benchmark of the integrated assessment: (a) opening a round with ten parties
// through the use-case, as operations per second, and (b) closing 10,000 rounds by
// silence through the job, as rounds per second. Runs on an already-migrated database
// and creates a municipality of its own, so it never touches seeded data.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { addDays } from '../src/kernel/calendar.js';
import { dutchDate } from '../src/kernel/clock.js';
import { closeDueRounds, openAssessmentRound } from '../src/modules/assessments/index.js';
import type { Actor } from '../src/platform/auth/index.js';
import type { Deps } from '../src/platform/context.js';
import type { Db } from '../src/platform/db/index.js';

const OPENINGS = 200;
const SILENT_ROUNDS = 10_000;
const CASES_FOR_SILENCE = 100;
const DEPARTMENTS = 8; // + 2 outside parties = ten parties per round

export async function benchAssessments(db: Db, deps: Deps, log: (line: string) => void): Promise<void> {
  const k = db.unsafeAdmin;
  const tag = randomBytes(4).toString('hex');
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const prefix = `Z${[...randomBytes(3)].map((b) => letters[b % 26]).join('')}`;
  const m = await k
    .insertInto('municipalities')
    .values({ slug: `bench-toets-${tag}`, name: `Benchgemeente ${tag}`, case_prefix: prefix, extra_holidays: [] })
    .returning('id')
    .executeTakeFirstOrThrow();
  const depts = await k
    .insertInto('departments')
    .values(Array.from({ length: DEPARTMENTS }, (_, i) => ({ municipality_id: m.id, name: `Afdeling ${i + 1}`, domain: 'physical' as const })))
    .returning('id')
    .execute();
  const director = await k
    .insertInto('users')
    .values({ municipality_id: m.id, email: `regisseur-${tag}@bench.test`, name: 'Bench Regisseur', role: 'director' })
    .returningAll()
    .executeTakeFirstOrThrow();
  // One specialist per department: every opening mails them, as in production.
  await k
    .insertInto('users')
    .values(
      depts.map((d, i) => ({
        municipality_id: m.id,
        email: `specialist-${i}-${tag}@bench.test`,
        name: `Specialist ${i}`,
        role: 'specialist' as const,
        department_id: d.id,
      })),
    )
    .execute();
  const initiator = await k
    .insertInto('users')
    .values({ municipality_id: m.id, email: `ondernemer-${tag}@bench.test`, name: 'Bench Ondernemer', role: 'initiator' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const today = dutchDate(deps.clock.now());
  const cases = async (n: number, from: number) => {
    const rows = await sql<{ id: string }>`
      insert into cases (municipality_id, reference, title, description, location, status, initiator_id, director_id, clock_started_on, plan_due_on)
      select ${m.id}::uuid, ${prefix} || '-B-' || lpad(g::text, 6, '0'), 'Bench casus ' || g, 'Een casus voor de benchmark.', 'Havenweg ' || g,
             'planning', ${initiator.id}::uuid, ${director.id}::uuid, ${today}::date, ${addDays(today, 42)}::date
      from generate_series(${from}::int, ${from + n - 1}::int) g
      returning id`.execute(k);
    return rows.rows.map((r) => r.id);
  };

  // (a) opening a round with ten parties, through the use-case (validation, term,
  // parties, event, ten mails to the outbox), one transaction each.
  const openCases = await cases(20, 1);
  const actor: Actor = {
    userId: director.id,
    municipalityId: m.id,
    role: 'director',
    name: director.name,
    email: director.email,
    departmentId: null,
    locale: 'nl',
    via: 'token',
  };
  const ctx = { ...deps, actor };
  const departmentIds = depts.map((d) => d.id);
  const t0 = performance.now();
  for (let i = 0; i < OPENINGS; i++) {
    await openAssessmentRound(ctx, {
      caseId: openCases[i % openCases.length] as string,
      proposal: `Voorstel ${i}: een autospuiterij in de loods aan de haven`,
      departmentIds,
      outsideParties: [
        { name: 'Buurvereniging', email: `buren-${i}@bench.test` },
        { name: 'Omgevingsdienst', email: `odr-${i}@bench.test`, organisation: 'Omgevingsdienst Regio' },
      ],
    });
  }
  const openSeconds = (performance.now() - t0) / 1000;
  log(`assessments: opening a round with ten parties   ${(OPENINGS / openSeconds).toFixed(1)} ops/s (${OPENINGS} rounds in ${openSeconds.toFixed(2)} s)`);

  // (b) 10,000 rounds whose term ended yesterday, two unanswered parties each, closed
  // by the silence job (silence answers, round closed, two timeline events per round).
  const silentCases = await cases(CASES_FOR_SILENCE, 1000);
  const perCase = SILENT_ROUNDS / CASES_FOR_SILENCE;
  const openedOn = addDays(today, -20);
  const termEndsOn = addDays(today, -1);
  await sql`
    insert into assessment_rounds (municipality_id, case_id, number, proposal, opened_on, term_working_days, term_ends_on, opened_by, opened_at)
    select ${m.id}::uuid, c.id, n, 'Bench voorstel ' || n, ${openedOn}::date, 10, ${termEndsOn}::date, ${director.id}::uuid, now()
    from unnest(${silentCases}::uuid[]) as c(id), generate_series(1, ${perCase}::int) n`.execute(k);
  await sql`
    insert into assessment_parties (municipality_id, round_id, kind, department_id, name)
    select ${m.id}::uuid, r.id, 'department', ${departmentIds[0]}::uuid, 'Afdeling 1'
    from assessment_rounds r join unnest(${silentCases}::uuid[]) as c(id) on r.case_id = c.id`.execute(k);
  await sql`
    insert into assessment_parties (municipality_id, round_id, kind, name, email, link_token_hash)
    select ${m.id}::uuid, r.id, 'outside', 'Buurvereniging', 'buren-' || r.id || '@bench.test', md5(r.id::text || ${tag})
    from assessment_rounds r join unnest(${silentCases}::uuid[]) as c(id) on r.case_id = c.id`.execute(k);
  const t1 = performance.now();
  let closed = 0;
  for (;;) {
    const n = await closeDueRounds(deps, { limit: 1000, batch: 250 });
    closed += n;
    if (n === 0) break;
  }
  const closeSeconds = (performance.now() - t1) / 1000;
  log(`assessments: closing rounds by silence (job)    ${(closed / closeSeconds).toFixed(0)} rounds/s (${closed} rounds in ${closeSeconds.toFixed(2)} s)`);
}
