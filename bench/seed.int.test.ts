// The bench data set at a small size, on the engine under test: the history it
// generates is consistent (bench/seed-check.ts throws otherwise), every event type
// it writes parses with the timeline's CaseEvent schema, and the surveys are
// generated into the satisfaction module's table and read back by its figures.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { collaborationHealthOf as healthOf } from '../src/modules/collaborations/index.js';
import { satisfactionFigures } from '../src/modules/satisfaction/index.js';
import { withTestDb } from '../src/testing/db.js';
import { seed, verifySeed } from './seed.js';
import { checkEvents, tableCounts } from './seed-check.js';
import { hasSurveys } from './seed-surveys.js';

const CASES = 1500;

describe('the bench data set', () => {
  const { db } = withTestDb();

  it('builds plans, clocks, assessments, commitments, surveys and their events, consistently', async () => {
    // The satisfaction module's surveys table (migration 017) is there to be filled.
    expect(await hasSurveys(db)).toBe(true);

    const lines: string[] = [];
    const now = new Date('2026-03-02T09:00:00+01:00');
    const result = await seed(db, { cases: CASES, municipalities: 4, now, log: (l) => lines.push(l) });
    // verifySeed runs checkHistory and checkEvents: it throws on any inconsistency.
    const report = await verifySeed(db, CASES);
    expect(report.some((l) => l.startsWith('consistency:'))).toBe(true);

    const counts = await tableCounts(db);
    for (const t of [
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
    ])
      expect(counts[t], t).toBeGreaterThan(0);
    expect(counts.events).toBe(result.events);
    expect(result.surveys).toBe(counts.surveys);
    // The satisfaction module reads the generated surveys as its own.
    const busiest = await sql<{ id: string }>`select municipality_id as id from surveys group by 1 order by count(*) desc limit 1`.execute(db.unsafeAdmin);
    const marks = await db.tenant(busiest.rows[0]!.id, (trx) =>
      satisfactionFigures(trx, { municipalityId: busiest.rows[0]!.id, from: '2020-01-01', to: '2026-03-02' }),
    );
    expect(marks.answers).toBeGreaterThan(0);
    expect(marks.sent).toBeGreaterThan(marks.answers);
    expect(marks.averageMark).toBeGreaterThan(5);
    expect(result.history.answers).toBe(counts.assessment_answers);
    // Roughly ten events per case, as in the national data set.
    expect(result.events / CASES).toBeGreaterThan(8);
    expect(result.events / CASES).toBeLessThan(12);

    // Every kind of history is there.
    const k = db.unsafeAdmin;
    const kinds = (await sql<{ kind: string }>`select distinct kind from assessment_answers`.execute(k)).rows.map((r) => r.kind).sort();
    expect(kinds).toEqual(['objection', 'silence', 'yes', 'yesWithConditions']);
    const causes = (await sql<{ cause: string }>`select distinct cause from late_objections`.execute(k)).rows.map((r) => r.cause).sort();
    expect(causes).toEqual(['afterClose', 'serial']);
    const statuses = (await sql<{ status: string }>`select distinct status from commitments`.execute(k)).rows.map((r) => r.status);
    expect(statuses).toEqual(expect.arrayContaining(['binding', 'kept', 'broken', 'withdrawn']));
    const overdue = await sql<{ n: number }>`select count(*)::int as n from commitments where status = 'binding' and due_on < ${'2026-03-02'}::date`.execute(k);
    expect(overdue.rows[0]!.n).toBeGreaterThan(0);
    const amended = await sql<{ n: number }>`select count(*)::int as n from commitments where version = 2`.execute(k);
    expect(amended.rows[0]!.n).toBeGreaterThan(0);
    const late = await sql<{ late: number; onTime: number }>`
      select count(*) filter (where e.created_at::date > c.plan_due_on)::int as late, count(*) filter (where e.created_at::date <= c.plan_due_on)::int as "onTime"
      from cases c join events e on e.case_id = c.id and e.type = 'plan.agreed' and (e.payload ->> 'complete')::boolean`.execute(k);
    expect(late.rows[0]!.onTime).toBeGreaterThan(late.rows[0]!.late);
    expect(late.rows[0]!.late).toBeGreaterThan(0);

    // The event types of the history, each parsed with CaseEvent (checkEvents throws otherwise).
    const eventLines = await checkEvents(db, { perType: 1000 });
    for (const type of [
      'case.submitted',
      'case.assigned',
      'case.statusChanged',
      'clock.suspended',
      'clock.resumed',
      'plan.versionSaved',
      'plan.agreed',
      'assessment.roundOpened',
      'assessment.answered',
      'assessment.silence',
      'assessment.roundClosed',
      'assessment.overruled',
      'assessment.objectionWithdrawn',
      'assessment.lateObjection',
      'assessment.lateObjectionDecided',
      'commitment.recorded',
      'commitment.amended',
      'commitment.confirmed',
      'commitment.ended',
    ])
      expect(eventLines[0], type).toContain(`${type} `);
    expect(lines.some((l) => l.includes('history:'))).toBe(true);

    // Collaborations: 1,000 per large municipality (here all four are), each with its health
    // stored as the collaborations module checks it (healthOf, the check of its page).
    const collabs = await sql<{ m: string; n: number; unchecked: number; unhealthy: number }>`
      select municipality_id as m, count(*)::int as n, count(*) filter (where health_checked_on is distinct from ${'2026-03-02'}::date)::int as unchecked,
        count(*) filter (where has_health_issues)::int as unhealthy
      from collaborations group by 1`.execute(k);
    expect(collabs.rows.map((r) => r.n)).toEqual(result.municipalities.map(() => 1000));
    for (const r of collabs.rows) {
      expect(r.unchecked).toBe(0);
      expect(r.unhealthy).toBeGreaterThan(100);
      expect(r.unhealthy).toBeLessThan(r.n);
    }
    const sample = await sql<{
      id: string;
      m: string;
      health: unknown;
    }>`select id, municipality_id as m, health from collaborations order by md5(id::text) limit 20`.execute(k);
    for (const c of sample.rows) {
      const fresh = await db.tenant(c.m, (trx) => healthOf(trx, c.m, [c.id], '2026-03-02'));
      expect(c.health).toEqual(fresh.get(c.id));
    }
    const codes = await sql<{ code: string }>`select distinct jsonb_array_elements(health) ->> 'code' as code from collaborations`.execute(k);
    expect(codes.rows.map((r) => r.code).sort()).toEqual(
      ['endPassed', 'goalWithoutTarget', 'noRecentReading', 'partyWithoutContribution', 'partyWithoutYield', 'phaseStale', 'powerNotSettled'].sort(),
    );
  }, 300_000);
});
