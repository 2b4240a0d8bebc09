// Comparing municipalities on a real database (docs/product.md#comparing-municipalities):
// a world of seven municipalities, six taking part and one not; the job computes the
// figures from cases, plans and commitments; the comparison shows the own figures next
// to median and quartiles, suppresses small numbers, leaves the non-participant out
// and never lets another municipality's own figure out; the open data only of a
// municipality that publishes.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/index.js';
import { withTestDb } from '../../testing/db.js';
import { actorOf, buildCase, buildCommitment, buildMunicipality, ctxFor, refusal, type TestMunicipality } from '../../testing/factories.js';
import { amendCommitment, recordOutcome } from '../commitments/index.js';
import { agreePlan } from '../plans/index.js';
import { compareMunicipality, computeBenchmarkFigures, listPublishers, type MarkRow, publishedFigures, updateBenchmarkSettings } from './index.js';

const { db, deps } = withTestDb({ at: '2026-03-02T09:00:00+01:00' });
const clock = deps.clock;
const plan = { goal: 'Terras open', actions: [{ description: 'Aanvraag', ownerKind: 'initiator' as const, dueOn: '2026-09-01' }] };
const period = { from: '2026-03', to: '2026-06' };

interface Muni {
  m: TestMunicipality;
  admin: Actor;
  coordinator: Actor;
  director: Actor;
  /** days from intake to the agreed plan */
  lead: number;
}
const munis: Muni[] = [];
// The lead times: participants 10, 20, 30, 40, 50 and 97 days (the last one does not
// publish and is the only one with 97); the non-participant, which publishes but does
// not take part, 5 days.
const LEADS = [10, 20, 30, 40, 50, 97, 5];
// Marks per municipality for March: answers and the sum of the marks.
const MARKS: [number, number][] = [
  [12, 90], // 7.5
  [9, 81], // 9.0 on 9 answers: too few to show, even to itself
  [10, 60], // 6.0
  [20, 160], // 8.0
  [10, 70], // 7.0
  [11, 55], // 5.0
  [30, 300], // the non-participant's 10.0 must never count
];
let marks: MarkRow[] = [];
const provider = async (_trx: unknown, r: { fromMonth: string; toMonth: string }) => marks.filter((x) => x.month >= r.fromMonth && x.month <= r.toMonth);

const at = (iso: string) => clock.set(iso);
const optIn = (x: Muni, o: Parameters<typeof updateBenchmarkSettings>[1]) => updateBenchmarkSettings(ctxFor(deps, x.admin), o);
const run = () => computeBenchmarkFigures(deps, { marks: provider });
const figure = (c: Awaited<ReturnType<typeof compareMunicipality>>, key: string) => c.figures.find((f) => f.key === key);

beforeAll(async () => {
  for (const lead of LEADS) {
    at('2026-03-02T09:00:00+01:00');
    const m = await buildMunicipality(db);
    const admin = await actorOf('admin', { municipality: m });
    const coordinator = await actorOf('coordinator', { municipality: m });
    const director = await actorOf('director', { municipality: m });
    const c = await buildCase({ municipality: m, deps, coordinator, director, plan });
    const d = new Date(Date.parse('2026-03-02T12:00:00+01:00') + lead * 86_400_000);
    at(d.toISOString());
    await agreePlan(ctxFor(deps, director), { caseId: c.id, version: 1 });
    await agreePlan(ctxFor(deps, c.initiator), { caseId: c.id, version: 1 });
    munis.push({ m, admin, coordinator, director, lead });
  }
  marks = munis.map((x, i) => ({
    municipalityId: x.m.id,
    month: '2026-03',
    answers: (MARKS[i] as [number, number])[0],
    markSum: (MARKS[i] as [number, number])[1],
  }));

  // Commitments of the first municipality: one amended to a later date and then kept, one
  // left open past its due date, one withdrawn (not counted).
  at('2026-03-03T09:00:00+01:00');
  const first = munis[0] as Muni;
  const caseId = (await db.unsafeAdmin.selectFrom('cases').select('id').where('municipality_id', '=', first.m.id).executeTakeFirstOrThrow()).id;
  const amended = await buildCommitment({ deps, by: first.director, caseId, dueOn: '2026-04-01' });
  await amendCommitment(ctxFor(deps, first.director), { id: amended.id, dueOn: '2026-05-15', reason: 'Later overleg' });
  await buildCommitment({ deps, by: first.director, caseId, dueOn: '2026-05-20' });
  at('2026-05-10T09:00:00+02:00');
  await recordOutcome(ctxFor(deps, first.director), { id: amended.id, status: 'kept' });

  // Inhabitants: five in the class 20,000–50,000, the sixth a city; four take part at first.
  const inhabitants = [20_000, 25_000, 49_999, 30_000, 45_000, 150_000, 22_000];
  for (const [i, x] of munis.entries()) await optIn(x, { inhabitants: inhabitants[i] as number, benchmarkOptIn: i < 4 });
  await optIn(munis[0] as Muni, { publishFigures: true, openDataLicence: 'CC-BY-4.0' });
  // The non-participant publishes its figures without taking part: computed, never compared.
  await optIn(munis[6] as Muni, { publishFigures: true });
  at('2026-07-01T09:00:00+02:00');
  await run();
}, 240_000);

describe('the figures the job computes', () => {
  it('computes the own figures from cases, plans and commitments', async () => {
    const c = await compareMunicipality(ctxFor(deps, (munis[0] as Muni).coordinator), period);
    expect(c.participating).toBe(true);
    expect(c.sizeClass).toBe('20k-50k');
    // planned on 2 March, due 13 April: agreed after 10 days is on time
    expect(figure(c, 'plansOnTime')?.own).toEqual({ suppressed: false, value: 100, basis: 1 });
    expect(figure(c, 'leadTime')?.own).toEqual({ suppressed: false, value: 10, basis: 1 });
    // the amended-then-kept one counts once as kept, the open one due 20 May as overdue
    expect(figure(c, 'commitmentsKept')?.own).toEqual({ suppressed: false, value: 50, basis: 2 });
    expect(figure(c, 'averageMark')?.own).toEqual({ suppressed: false, value: 7.5, basis: 12 });
    // by month: the kept one in May (its amended due date), the overdue one in May too
    const may = c.months.find((m) => m.month === '2026-05');
    expect(may?.figures.find((f) => f.key === 'commitmentsKept')?.own).toEqual({ suppressed: false, value: 50, basis: 2 });
    const april = c.months.find((m) => m.month === '2026-04');
    expect(april?.figures.find((f) => f.key === 'commitmentsKept')?.own).toEqual({ suppressed: false, value: null, basis: 0 });
  });

  it('a second run finds nothing to do; a new event makes only that municipality due again', async () => {
    expect(await run()).toBe(0);
    const first = munis[0] as Muni;
    const caseId = (await db.unsafeAdmin.selectFrom('cases').select('id').where('municipality_id', '=', first.m.id).executeTakeFirstOrThrow()).id;
    await buildCommitment({ deps, by: first.director, caseId, dueOn: '2026-06-01' });
    expect(await run()).toBe(1);
    const c = await compareMunicipality(ctxFor(deps, first.coordinator), period);
    expect(figure(c, 'commitmentsKept')?.own).toEqual({ suppressed: false, value: 33, basis: 3 });
  });

  it('two runs at once compute each due municipality once (claimed with skip locked)', async () => {
    // A day later every computed municipality is due again.
    at('2026-07-02T09:00:00+02:00');
    const due = (await db.unsafeAdmin.selectFrom('benchmark_refresh').select('municipality_id').execute()).length;
    const [a, b] = await Promise.all([run(), run()]);
    expect(a + b).toBe(due);
    expect(await run()).toBe(0);
  });

  it('the figures are stored with row-level security: a tenant sees only its own rows', async () => {
    const first = munis[0] as Muni;
    const seen = await db.tenant(first.m.id, (trx) => sql<{ n: number }>`select count(distinct municipality_id)::int as n from benchmark_figures`.execute(trx));
    expect(seen.rows[0]?.n).toBe(1);
  });
});

describe('the comparison', () => {
  it('suppresses the aggregates of four participants, shows them from five', async () => {
    const c4 = await compareMunicipality(ctxFor(deps, (munis[0] as Muni).coordinator), period);
    expect(figure(c4, 'leadTime')?.all).toEqual({ suppressed: true, municipalities: 4 });
    await optIn(munis[4] as Muni, { benchmarkOptIn: true });
    await run();
    const c5 = await compareMunicipality(ctxFor(deps, (munis[0] as Muni).coordinator), period);
    expect(figure(c5, 'leadTime')?.all).toEqual({ suppressed: false, municipalities: 5, q1: 20, median: 30, q3: 40 });
    expect(figure(c5, 'plansOnTime')?.all).toMatchObject({ suppressed: false, municipalities: 5 });
  });

  it('takes six participants, leaves the non-participant out and compares within the size class', async () => {
    await optIn(munis[5] as Muni, { benchmarkOptIn: true });
    await run();
    const c = await compareMunicipality(ctxFor(deps, (munis[0] as Muni).coordinator), period);
    // 10, 20, 30, 40, 50, 97 — the non-participant's 5 days are not among them
    expect(figure(c, 'leadTime')?.all).toEqual({ suppressed: false, municipalities: 6, q1: 22.5, median: 35, q3: 47.5 });
    // the size class 20,000–50,000: five of them (the city of 150,000 is not)
    expect(figure(c, 'leadTime')?.sizeClass).toEqual({ suppressed: false, municipalities: 5, q1: 20, median: 30, q3: 40 });
    // the city alone in its class: suppressed
    const city = await compareMunicipality(ctxFor(deps, (munis[5] as Muni).coordinator), period);
    expect(figure(city, 'leadTime')?.sizeClass).toEqual({ suppressed: true, municipalities: 1 });
    // plans: on time for all but the one agreed after 97 days (due 13 April)
    expect(figure(city, 'plansOnTime')?.own).toEqual({ suppressed: false, value: 0, basis: 1 });
  });

  it('takes marks only over 10 answers or more, and suppresses the own mark under 10', async () => {
    const c = await compareMunicipality(ctxFor(deps, (munis[0] as Muni).coordinator), period);
    // 7.5, 6.0, 8.0, 7.0, 5.0: the one on 9 answers and the non-participant's 10.0 are out
    expect(figure(c, 'averageMark')?.all).toEqual({ suppressed: false, municipalities: 5, q1: 6, median: 7, q3: 7.5 });
    const nine = await compareMunicipality(ctxFor(deps, (munis[1] as Muni).coordinator), period);
    expect(figure(nine, 'averageMark')?.own).toEqual({ suppressed: true, basis: 9 });
  });

  it("keeps the participants' aggregates until the job has run or the participants changed", async () => {
    const compared = async () => figure(await compareMunicipality(ctxFor(deps, (munis[0] as Muni).coordinator), period), 'leadTime')?.all;
    const before = await compared();
    expect(before).toEqual({ suppressed: false, municipalities: 6, q1: 22.5, median: 35, q3: 47.5 });
    // Behind the job's back, one participant's 30 days become 31: not seen, the aggregates are kept.
    const other = munis[2] as Muni;
    await sql`update benchmark_figures set lead_days = '{31}' where municipality_id = ${other.m.id} and lead_days = '{30}'`.execute(db.unsafeAdmin);
    expect(await compared()).toEqual(before);
    // Its number of inhabitants changes (in the same size class): the participants are read again, 31 with them.
    await optIn(other, { inhabitants: 49_998 });
    expect(await compared()).toEqual({ suppressed: false, municipalities: 6, q1: 22.8, median: 35.5, q3: 47.5 });
    // The job computes it again after a new event: its 30 days are back, and seen at once.
    const caseId = (await db.unsafeAdmin.selectFrom('cases').select('id').where('municipality_id', '=', other.m.id).executeTakeFirstOrThrow()).id;
    await buildCommitment({ deps, by: other.director, caseId, dueOn: '2026-09-01' });
    expect(await run()).toBe(1);
    expect(await compared()).toEqual(before);
    await optIn(other, { inhabitants: 49_999 });
  });

  it('never shows another municipality by name, id or figure', async () => {
    const secret = munis[5] as Muni; // 97 days: the only one
    for (const x of munis.filter((y) => y !== secret)) {
      const body = JSON.stringify(await compareMunicipality(ctxFor(deps, x.coordinator), period));
      for (const other of munis.filter((y) => y !== x)) {
        expect(body).not.toContain(other.m.id);
        expect(body).not.toContain(other.m.slug);
        expect(body).not.toContain(`Gemeente Test ${other.m.prefix}`);
      }
      expect(body).not.toMatch(/\b97\b/);
    }
  });

  it('shows a non-participant no figures, only that it does not take part', async () => {
    const c = await compareMunicipality(ctxFor(deps, (munis[6] as Muni).coordinator), period);
    expect(c).toMatchObject({ participating: false, figures: [], months: [] });
  });

  it('is for coordinators, admins, executives and council members only', async () => {
    const m = (munis[0] as Muni).m;
    for (const role of ['executive', 'council', 'admin'] as const) {
      await expect(compareMunicipality(ctxFor(deps, await actorOf(role, { municipality: m })), period)).resolves.toMatchObject({ participating: true });
    }
    for (const role of ['director', 'specialist'] as const) {
      expect((await refusal(compareMunicipality(ctxFor(deps, await actorOf(role, { municipality: m })), period))).status).toBe(403);
    }
  });

  it('refuses a period that runs backwards or is longer than 36 months', async () => {
    const ctx = ctxFor(deps, (munis[0] as Muni).coordinator);
    expect(await refusal(compareMunicipality(ctx, { from: '2026-06', to: '2026-03' }))).toMatchObject({ status: 400, fields: ['to'] });
    expect(await refusal(compareMunicipality(ctx, { from: '2023-01', to: '2026-01' }))).toMatchObject({ status: 400, fields: ['from'] });
  });
});

describe('the published figures', () => {
  it('publishes only the municipality that publishes, under its licence', async () => {
    const pub = munis[0] as Muni;
    const f = await publishedFigures(deps, pub.m.slug, period);
    expect(f.licence).toEqual({ id: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
    expect(f.figures).toContainEqual({ key: 'leadTime', value: 10, basis: 1, suppressed: false });
    expect((await listPublishers(deps)).map((p) => p.slug).sort()).toEqual([pub.m.slug, (munis[6] as Muni).m.slug].sort());
    for (const x of munis.slice(1, 6)) expect((await refusal(publishedFigures(deps, x.m.slug, period))).status).toBe(404);
  });

  it('keeps the published figures until the job has run or the participants changed, and answers with the licence of the moment', async () => {
    const pub = munis[0] as Muni;
    const lead = async () => (await publishedFigures(deps, pub.m.slug, period)).figures.find((x) => x.key === 'leadTime');
    expect(await lead()).toEqual({ key: 'leadTime', value: 10, basis: 1, suppressed: false });
    // Behind the job's back its 10 days become 11: not seen, the figures are kept.
    await sql`update benchmark_figures set lead_days = '{11}' where municipality_id = ${pub.m.id} and lead_days = '{10}'`.execute(db.unsafeAdmin);
    expect(await lead()).toEqual({ key: 'leadTime', value: 10, basis: 1, suppressed: false });
    // The licence is not part of what is kept.
    await optIn(pub, { openDataLicence: 'CC0-1.0' });
    expect((await publishedFigures(deps, pub.m.slug, period)).licence.id).toBe('CC0-1.0');
    await optIn(pub, { openDataLicence: 'CC-BY-4.0' });
    // Its number of inhabitants changes: the figures are read again, 11 with them.
    await optIn(pub, { inhabitants: 20_001 });
    expect(await lead()).toEqual({ key: 'leadTime', value: 11, basis: 1, suppressed: false });
    // A day later the job computes every municipality again: its 10 days are back, and seen at once.
    at('2026-07-03T09:00:00+02:00');
    expect(await run()).toBeGreaterThan(0);
    expect(await lead()).toEqual({ key: 'leadTime', value: 10, basis: 1, suppressed: false });
    await optIn(pub, { inhabitants: 20_000 });
  });

  it('suppresses a mark over fewer than 10 answers in the open data too', async () => {
    const nine = munis[1] as Muni;
    await optIn(nine, { publishFigures: true });
    await run();
    const f = await publishedFigures(deps, nine.m.slug, period);
    expect(f.licence.id).toBe('CC0-1.0');
    expect(f.figures.find((x) => x.key === 'averageMark')).toEqual({ key: 'averageMark', value: null, basis: 9, suppressed: true });
    await optIn(nine, { publishFigures: false });
  });
});
