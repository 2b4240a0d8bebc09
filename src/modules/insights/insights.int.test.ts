// Management information on a built world (docs/product.md#management-information):
// cases with plans on time and late, a case suspended twice, rounds with every verdict,
// yes by silence and a late objection, an overrule, commitments kept (after an
// amendment), broken and overdue. Every figure exactly after the rollup job ran, the
// same after a full rebuild, over HTTP with filters and CSV, and for the right readers.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import type { Actor } from '../../platform/auth/index.js';
import { actorOf, buildCase, buildCommitment, buildMunicipality, buildRound, buildUser, ctxFor } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';
import { answerAsDepartment, closeDueRounds, overruleObjection } from '../assessments/index.js';
import { type AssessmentWorld, assessmentWorld, grantOverrule } from '../assessments/testing.js';
import { changeStatus, resumeClock, suspendClock } from '../cases/index.js';
import { recordOutcome } from '../commitments/index.js';
import { createApiToken } from '../identity/index.js';
import { participationFigures } from '../participation/index.js';
import { agreePlan } from '../plans/index.js';
import { satisfactionFigures } from '../satisfaction/index.js';
import { insightsCsv } from './csv.js';
import { applyInsightQueue, type InsightsProviders, insightsFigures, rebuildInsights } from './index.js';

const clock = fixedClock('2026-03-02T09:00:00+01:00');
const t = withTestApp({ clock });
const at = (iso: string) => clock.set(iso);

const plan = { goal: 'Spuiterij verhuist', actions: [{ description: 'Aanvraag indienen', ownerKind: 'initiator' as const, dueOn: '2026-06-01' }] };
const objection = (ruleIds: string[]) => ({
  kind: 'objection' as const,
  ruleIds,
  whyApplies: 'Past niet in het bestemmingsplan.',
  howItCouldBeDone: 'Kleiner.',
});

let w: AssessmentWorld;
let council: Actor;
let otherCoordinator: Actor;
let ids: Record<'A' | 'B' | 'C' | 'D' | 'E', string>;

const tokens = new Map<string, string>();
async function api(a: Actor, url: string, init: { method?: 'GET' | 'POST'; payload?: object; headers?: Record<string, string> } = {}) {
  let token = tokens.get(a.userId);
  if (!token) {
    token = (await createApiToken(ctxFor(t.deps, a), { name: 'test' })).token;
    tokens.set(a.userId, token);
  }
  return t.app.inject({
    method: init.method ?? 'GET',
    url: `/api/v1${url}`,
    payload: init.payload,
    headers: { authorization: `Bearer ${token}`, ...init.headers },
  });
}

/** Every figure that the rollup holds (the current-state ones aside), as the API answers them. */
async function figures(a: Actor, query = '') {
  const res = await api(a, `/insights${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  at('2026-03-02T09:00:00+01:00');
  w = await assessmentWorld(t.db);
  w.deps.clock = clock;
  const { deps, m, director, otherDirector, coordinator, specialist, safetySpecialist } = w;
  const [centrum, noord] = m.areaIds as [string, string];
  const [wonen, ondernemen] = m.themeIds as [string, string];
  const [ro, oov] = m.departmentIds as [string, string];
  const as = (a: Actor) => ctxFor(deps, a);
  const build = (o: Partial<Parameters<typeof buildCase>[0]>) => buildCase({ municipality: m, deps, coordinator, director, ...o });
  council = await actorOf('council', { municipality: m });

  const A = await build({ areaId: centrum, themeIds: [wonen], plan });
  const B = await build({ areaId: noord, themeIds: [ondernemen], plan });
  const C = await build({ status: 'planning', director: otherDirector, themeIds: [wonen] });
  const D = await build({ status: 'planning', areaId: centrum });
  const E = await build({ status: 'submitted' });
  ids = { A: A.id, B: B.id, C: C.id, D: D.id, E: E.id };

  // A: suspended twice (2 and 3 days), one objection citing the zoning rule from RO,
  // overruled by the executive; the plan agreed on 16 March (14 days), closed 26 March.
  at('2026-03-03T09:00:00+01:00');
  await suspendClock(as(director), { caseId: A.id, reason: 'Wacht op tekeningen' });
  at('2026-03-05T09:00:00+01:00');
  await resumeClock(as(director), { caseId: A.id });
  at('2026-03-09T09:00:00+01:00');
  await suspendClock(as(director), { caseId: A.id, reason: 'Wacht op advies' });
  at('2026-03-12T09:00:00+01:00');
  await resumeClock(as(director), { caseId: A.id });
  const ra = await buildRound({ deps, by: director, caseId: A.id, departmentIds: [ro] });
  await answerAsDepartment(as(specialist), { partyId: ra.departmentPartyIds[0] as string, answer: objection([w.rules.zoning]) });
  await grantOverrule(t.db, m.id, { userId: w.executive.userId }, 'physical');
  await overruleObjection(as(w.executive), { partyId: ra.departmentPartyIds[0] as string, reason: 'Werkgelegenheid weegt zwaarder' });
  at('2026-03-16T11:00:00+01:00');
  await agreePlan(as(director), { caseId: A.id, version: 1 });
  await agreePlan(as(A.initiator), { caseId: A.id, version: 1 });
  at('2026-03-26T11:00:00+01:00');
  await changeStatus(as(director), { caseId: A.id, to: 'closed' });

  // B: RO yes, OOV yes with conditions; the plan agreed on 20 April, a week after its
  // due date (13 April): late, 49 days.
  at('2026-03-12T09:00:00+01:00');
  const rb = await buildRound({ deps, by: director, caseId: B.id, departmentIds: [ro, oov] });
  await answerAsDepartment(as(specialist), { partyId: rb.departmentPartyIds[0] as string, answer: { kind: 'yes' } });
  await answerAsDepartment(as(safetySpecialist), {
    partyId: rb.departmentPartyIds[1] as string,
    answer: { kind: 'yesWithConditions', conditions: 'Vluchtweg vrijhouden' },
  });

  // C: RO stays silent (yes by silence), then objects after the round closed: late.
  const rc = await buildRound({ deps, by: otherDirector, caseId: C.id, departmentIds: [ro] });
  at('2026-04-10T09:00:00+02:00');
  await closeDueRounds(deps);
  await answerAsDepartment(as(specialist), { partyId: rc.departmentPartyIds[0] as string, answer: objection([w.rules.terraces]) });

  // D: commitments made 5 March: one by the executive amended then kept, one broken, one
  // by an outside person overdue since 1 April.
  at('2026-03-05T09:00:00+01:00');
  const made = { madeOn: '2026-03-05', what: 'Wij bellen terug.' };
  const k1 = await buildCommitment({ deps, by: director, caseId: D.id, ...made, madeBy: { userId: w.executive.userId } });
  const k2 = await buildCommitment({ deps, by: director, caseId: D.id, ...made, madeBy: { userId: w.executive.userId } });
  await buildCommitment({ deps, by: director, caseId: D.id, ...made, dueOn: '2026-04-01' });
  const amended = await api(director, `/commitments/${k1.id}/amendments`, {
    method: 'POST',
    payload: { dueOn: '2026-05-01', reason: 'Later gepland' },
    headers: { 'if-match': `"${k1.version}"` },
  });
  expect(amended.statusCode, amended.body).toBe(200);
  await recordOutcome(as(director), { id: k1.id, status: 'kept' });
  await recordOutcome(as(director), { id: k2.id, status: 'broken', reason: 'Geen geld' });

  // E: withdrawn on 6 March.
  at('2026-03-06T09:00:00+01:00');
  await changeStatus(as(coordinator), { caseId: E.id, to: 'withdrawn', reason: 'Ziet ervan af' });

  at('2026-04-20T10:00:00+02:00');
  await agreePlan(as(director), { caseId: B.id, version: 1 });
  await agreePlan(as(B.initiator), { caseId: B.id, version: 1 });

  const other = await buildMunicipality(t.db);
  await buildCase({ municipality: other, deps });
  otherCoordinator = await buildUser(t.db, other, { role: 'coordinator' });
  await applyInsightQueue(t.deps);
}, 120_000);

describe('management information after the rollup job', () => {
  it('counts lead times, plan terms, suspensions and the clocks exactly', async () => {
    const f = await figures(w.coordinator);
    expect(f.today).toBe('2026-04-20');
    expect(f.filter).toMatchObject({ from: '2025-04-21', to: '2026-04-20' });
    expect(f.months).toHaveLength(24);
    expect(f.months.at(-1)).toBe('2026-04');
    // the world's own case, A, B, C, D, E: six submitted, A closed, E withdrawn
    expect(f.leadTimes.cases).toEqual({ submitted: 6, closed: 1, withdrawn: 1 });
    // A agreed after 14 days, B after 49: nearest-rank median 14, p90 49
    expect(f.leadTimes.toPlan).toEqual({ count: 2, median: 14, p90: 49 });
    expect(f.leadTimes.toClose).toEqual({ count: 1, median: 10, p90: 10 });
    const march = f.leadTimes.byMonth.find((r: { month: string }) => r.month === '2026-03');
    expect(march).toMatchObject({ toPlanCount: 1, toPlanMedian: 14, toCloseCount: 1, toCloseMedian: 10, onTime: 1, late: 0 });
    const april = f.leadTimes.byMonth.find((r: { month: string }) => r.month === '2026-04');
    expect(april).toMatchObject({ toPlanCount: 1, toPlanMedian: 49, onTime: 0, late: 1 });
    // the world's case, C and D are in planning, due 13 April: overdue now
    expect(f.leadTimes.clocks).toEqual({ running: 0, dueSoon: 0, overdue: 3, suspended: 0 });
    expect(f.leadTimes.planTerm).toEqual({ onTime: 1, late: 1, overdue: 3, shareOnTime: 20 });
    expect(f.leadTimes.suspensions).toEqual({ count: 2, days: 5 });
  });

  it('counts rounds, verdicts, silence, objections, late objections and overrules exactly', async () => {
    const { assessment: a } = await figures(w.coordinator);
    const [ro] = w.m.departmentIds;
    expect(a.rounds).toBe(3);
    // C's silence was replaced by its late objection? No: a late objection does not
    // replace the answer on record, so C counts as yes by silence.
    expect(a.answers).toEqual({ yes: 1, yesWithConditions: 1, objection: 1, silence: 1 });
    expect(a.silenceByDepartment).toEqual([{ departmentId: ro, name: 'Ruimtelijke ordening', count: 1 }]);
    expect(a.objectionsByDepartment).toEqual([{ departmentId: ro, name: 'Ruimtelijke ordening', count: 1 }]);
    expect(a.objectionsByRule).toEqual([{ code: 'OP-4.12', count: 1 }]);
    expect(a.lateObjections).toEqual({ afterClose: 1, serial: 0 });
    expect(a.overrules).toEqual([{ userId: w.executive.userId, name: w.executive.name, count: 1 }]);
  });

  it('counts commitments per maker: amended then kept counts once as kept; overdue as of today', async () => {
    const { commitments: k } = await figures(w.coordinator);
    expect(k.totals).toEqual({ total: 3, open: 1, kept: 1, broken: 1, withdrawn: 0, declined: 0, overdue: 1 });
    expect(
      k.byMaker.map((x: { name: string; total: number; kept: number; broken: number; overdue: number }) => [x.name, x.total, x.kept, x.broken, x.overdue]),
    ).toEqual([
      [w.executive.name, 2, 1, 1, 0],
      ['P. de Vries (wethouder Economie)', 1, 0, 0, 1],
    ]);
    expect(k.byMonth.find((r: { month: string }) => r.month === '2026-03').recorded).toBe(3);
  });

  it('counts the open cases per director at the end of each month', async () => {
    const { workload } = await figures(w.coordinator);
    const april = workload.byMonth.find((r: { month: string }) => r.month === '2026-04');
    // open at the end of April: the world's case, B, D (director), C (other director); E has none
    expect(april.total).toBe(4);
    const open = (id: string) => april.perDirector.find((d: { directorId: string }) => d.directorId === id)?.open;
    expect(open(w.director.userId)).toBe(3);
    expect(open(w.otherDirector.userId)).toBe(1);
    const feb = workload.byMonth.find((r: { month: string }) => r.month === '2026-02');
    expect(feb.total).toBe(0);
  });

  it('filters by area, theme, domain and director', async () => {
    const [centrum] = w.m.areaIds;
    const [wonen] = w.m.themeIds;
    expect((await figures(w.coordinator, `?areaId=${centrum}`)).leadTimes.cases.submitted).toBe(2); // A, D
    expect((await figures(w.coordinator, `?themeId=${wonen}`)).leadTimes.cases.submitted).toBe(2); // A, C
    // A domain is that of the departments asked: A and C asked RO (physical), B asked RO and OOV.
    expect((await figures(w.coordinator, '?domain=safety')).leadTimes.toPlan).toEqual({ count: 1, median: 49, p90: 49 });
    expect((await figures(w.coordinator, '?domain=physical')).assessment.rounds).toBe(3);
    expect((await figures(w.coordinator, `?directorId=${w.otherDirector.userId}`)).leadTimes.cases.submitted).toBe(1);
    // a period before everything
    expect((await figures(w.coordinator, '?from=2025-01-01&to=2025-12-31')).leadTimes.cases.submitted).toBe(0);
    // The plan clocks now, of the open cases that match (three overdue in all: the
    // world's case, C and D): D in Centrum, C with Wonen, of the other director and
    // asking RO (physical); none asking OOV (safety) is still open.
    const overdue = async (qs: string) => (await figures(w.coordinator, qs)).leadTimes.clocks.overdue;
    expect(await overdue(`?areaId=${centrum}`)).toBe(1);
    expect(await overdue(`?themeId=${wonen}`)).toBe(1);
    expect(await overdue(`?directorId=${w.otherDirector.userId}`)).toBe(1);
    expect(await overdue('?domain=physical')).toBe(1);
    expect(await overdue('?domain=safety')).toBe(0);
  });

  it('moves a case to its new area when the area changes', async () => {
    const [centrum, noord] = w.m.areaIds as [string, string];
    await t.db.unsafeAdmin.updateTable('cases').set({ area_id: noord }).where('id', '=', ids.D).execute();
    await applyInsightQueue(t.deps);
    expect((await figures(w.coordinator, `?areaId=${centrum}`)).leadTimes.cases.submitted).toBe(1);
    expect((await figures(w.coordinator, `?areaId=${noord}`)).leadTimes.cases.submitted).toBe(2);
    await t.db.unsafeAdmin.updateTable('cases').set({ area_id: centrum }).where('id', '=', ids.D).execute();
    await applyInsightQueue(t.deps);
  });

  it('gives the same figures after a full rebuild, and after a second one', async () => {
    const filters = ['', `?areaId=${w.m.areaIds[0]}`, '?domain=physical', `?directorId=${w.director.userId}`];
    const before = await Promise.all(filters.map((q) => figures(w.coordinator, q)));
    await rebuildInsights(t.db, { municipalityId: w.m.id });
    expect(await Promise.all(filters.map((q) => figures(w.coordinator, q)))).toEqual(before);
    await rebuildInsights(t.db);
    expect(await Promise.all(filters.map((q) => figures(w.coordinator, q)))).toEqual(before);
  });

  it('applies each queued event once: a second run finds nothing', async () => {
    await applyInsightQueue(t.deps);
    expect(await applyInsightQueue(t.deps)).toBe(0);
  });
});

describe('optional sections', () => {
  const providers: InsightsProviders = {
    satisfaction: {
      version: () => sql`'0'`,
      dependsOn: ['from', 'to'],
      select: () => sql`select '{}'::json`,
      read: (_value, f) => ({
        sent: 4,
        answers: 2,
        responseRate: 50,
        averageMark: 7.5,
        distribution: Array.from({ length: 10 }, (_, i) => ({ mark: i + 1, count: i + 1 === 7 || i + 1 === 8 ? 1 : 0 })),
        byMonth: [{ month: f.to.slice(0, 7), answers: 2, averageMark: 7.5 }],
        perDirector: [{ directorId: w.director.userId, directorName: w.director.name, answers: 2, averageMark: 7.5 }],
      }),
    },
    participation: {
      version: () => sql`'0'`,
      dependsOn: [],
      select: () => sql`select '[]'::json`,
      read: () => ({ periods: 1, respondents: 3, interests: 2, answeredInterests: 1, answeredShare: 50, byMonth: [] }),
    },
  };

  it('shows satisfaction per director to the coordinator and not to the council', async () => {
    const as = (a: Actor) => ({ ...t.deps, actor: a });
    const mine = await insightsFigures(as(w.coordinator), {}, providers);
    expect(mine.satisfaction?.perDirector).toEqual([{ directorId: w.director.userId, directorName: w.director.name, answers: 2, averageMark: 7.5 }]);
    const theirs = await insightsFigures(as(council), {}, providers);
    expect(theirs.satisfaction?.averageMark).toBe(7.5);
    expect(theirs.satisfaction?.perDirector).toBeNull();
    expect(mine.participation?.respondents).toBe(3);
  });

  it('leaves them out when no provider is given', async () => {
    // The composition root (src/app.ts) passes both providers; without them, neither section.
    const ctx = { ...t.deps, actor: w.coordinator };
    const f = await insightsFigures(ctx, {});
    expect(f.satisfaction).toBeNull();
    expect(f.participation).toBeNull();
    await expect(insightsCsv(ctx, 'satisfaction', {}, { locale: 'nl', separator: ';' }, {})).rejects.toMatchObject({ status: 404 });
  });

  it('has them over HTTP, as the composition root gives both providers, read in the same statement', async () => {
    const f = await figures(w.coordinator);
    const filter = { municipalityId: w.m.id, from: f.filter.from, to: f.filter.to };
    expect(f.satisfaction).toEqual(await t.db.tenant(w.m.id, (trx) => satisfactionFigures(trx, filter)));
    expect(f.participation).toEqual(await t.db.tenant(w.m.id, (trx) => participationFigures(trx, filter)));
    expect((await api(w.coordinator, '/insights/satisfaction/export')).statusCode).toBe(200);
  });
});

describe('GET /insights over HTTP', () => {
  it('is read by coordinators, admins, executives and council members; refused to the others', async () => {
    for (const a of [w.coordinator, w.admin, w.executive, council]) expect((await api(a, '/insights')).statusCode, a.role).toBe(200);
    for (const a of [w.director, w.specialist, w.initiator]) {
      const res = await api(a, '/insights');
      expect(res.statusCode, a.role).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('answers another municipality with its own figures only', async () => {
    const f = await figures(otherCoordinator);
    expect(f.leadTimes.cases.submitted).toBe(1);
    expect(f.commitments.totals.total).toBe(0);
  });

  it.each([
    ['from after to', '?from=2026-04-01&to=2026-03-01'],
    ['a date that does not exist', '?from=2026-02-30'],
    ['an unknown domain', '?domain=weather'],
    ['an area that is no id', '?areaId=centrum'],
    ['a period of more than ten years', '?from=2000-01-01&to=2026-01-01'],
  ])('refuses %s with a 400 problem', async (_label, q) => {
    const res = await api(w.coordinator, `/insights${q}`);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('downloads a section as CSV for a Dutch spreadsheet', async () => {
    const res = await api(w.coordinator, '/insights/leadTimes/export');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('sturingsinformatie-leadTimes.csv');
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    const lines = res.body.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Maand;Plannen akkoord;Indienen tot plan akkoord, mediaan (dagen);Indienen tot plan akkoord, p90 (dagen);Zaken afgesloten;Plan akkoord tot afsluiten, mediaan (dagen);Plan akkoord tot afsluiten, p90 (dagen);Plan op tijd;Plan te laat',
    );
    expect(lines).toContain('maart 2026;1;14;14;1;10;10;1;0');
    const workload = await api(w.coordinator, '/insights/workload/export?separator=,');
    expect(workload.statusCode).toBe(200);
    expect(workload.body.split('\r\n')[0]).toContain(',Totaal');
  });

  it('refuses an unknown section', async () => {
    expect((await api(w.coordinator, '/insights/people/export')).statusCode).toBe(400);
  });
});

describe('the rollup in the database', () => {
  it('holds no row of the other municipality for this one', async () => {
    const n = await sql<{ n: number }>`select count(*)::int as n from insight_counts where municipality_id = ${w.m.id}`.execute(t.db.unsafeAdmin);
    expect(n.rows[0]?.n).toBeGreaterThan(0);
  });
});

describe('names read in the same statement', () => {
  it('names a commitment mandate by its holder: the person, or the role', async () => {
    const person = await grantOverrule(t.db, w.m.id, { userId: w.executive.userId }, 'economy');
    const role = await grantOverrule(t.db, w.m.id, { role: 'executive' }, 'social');
    const kept = await t.db.unsafeAdmin
      .selectFrom('commitments')
      .select('id')
      .where('case_id', '=', ids.D)
      .where('status', '=', 'kept')
      .executeTakeFirstOrThrow();
    await t.db.unsafeAdmin
      .updateTable('commitments')
      .set({ mandate_ids: [person, role] })
      .where('id', '=', kept.id)
      .execute();
    // The outside person's commitment, overdue since 1 April (still to be confirmed), under the role's mandate.
    const overdue = await t.db.unsafeAdmin
      .updateTable('commitments')
      .set({ mandate_ids: [role] })
      .where('case_id', '=', ids.D)
      .where('due_on', '=', '2026-04-01')
      .executeTakeFirst();
    expect(overdue.numUpdatedRows).toBe(1n);
    await rebuildInsights(t.db, { municipalityId: w.m.id });
    const { commitments: k } = await figures(w.coordinator);
    const byMandate = k.byMandate.map((x: { key: string; name: string; total: number; kept: number; overdue: number }) => [
      x.key,
      x.name,
      x.total,
      x.kept,
      x.overdue,
    ]);
    expect(byMandate.sort()).toEqual(
      [
        [person, w.executive.name, 1, 1, 0],
        [role, 'executive', 2, 1, 1],
      ].sort(),
    );
  });
});
