// The council overview over HTTP (docs/product.md#the-council-overview): a built world of
// cases in every status, plans on time, late and overdue, objections overruled,
// withdrawn, resolved and standing, commitments kept, broken and overdue; the exact
// figures, the pages of public case summaries, no personal data of any initiator, and
// only the council member's own municipality.
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import type { Actor } from '../../platform/auth/index.js';
import { actorOf, buildCase, buildCommitment, buildMunicipality, buildRound, buildUser, ctxFor } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';
import { answerAsDepartment, overruleObjection } from '../assessments/index.js';
import { type AssessmentWorld, assessmentWorld, grantOverrule } from '../assessments/testing.js';
import { changeStatus, submitCase, suspendClock } from '../cases/index.js';
import { recordOutcome } from '../commitments/index.js';
import { createApiToken } from '../identity/index.js';
import { agreePlan } from '../plans/index.js';

const clock = fixedClock('2026-03-02T09:00:00+01:00');
const t = withTestApp({ clock });

// The initiator of the built cases, with every personal detail a case can carry.
const person = {
  name: 'Yasmina Oosterbeek',
  email: 'y.oosterbeek@voorbeeld-spuiterij.nl',
  phone: '+31 6 98765432',
  company: 'Oosterbeek Spuitwerk BV',
  kvkNumber: '69599084',
};
const title = 'Spuiterij van Oosterbeek in de oude loods';
const description = 'Ik wil mijn spuiterij verhuizen; bel mij gerust op mijn mobiele nummer.';
const location = 'Havenweg 77';
const unconfirmed = { name: 'Bram Onbevestigd', email: 'bram.onbevestigd@voorbeeld.nl', phone: '+31 6 11223344', company: 'Bram Bouw', kvkNumber: '12345678' };
const commitmentWhat = 'Wij bellen mevrouw Oosterbeek terug over de vergunning.';

const plan = { goal: 'Spuiterij verhuist', actions: [{ description: 'Aanvraag indienen', ownerKind: 'initiator' as const, dueOn: '2026-06-01' }] };
const why = 'De loods ligt in een gebied voor lichte bedrijvigheid.';
const how = 'Een werkplaats zonder spuitcabine past wel.';

let w: AssessmentWorld;
let council: Actor;
let executive: Actor;
let refs: Record<'base' | 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G', string>;
let ids: Record<'C' | 'E', string>;
let otherRef: string;
let otherCouncil: Actor;

const tokens = new Map<string, string>();
async function api(a: Actor, method: 'GET' | 'POST', url: string, payload?: object) {
  let token = tokens.get(a.userId);
  if (!token) {
    token = (await createApiToken(ctxFor(t.deps, a), { name: 'test' })).token;
    tokens.set(a.userId, token);
  }
  return t.app.inject({ method, url: `/api/v1${url}`, payload, headers: { authorization: `Bearer ${token}` } });
}
const at = (iso: string) => clock.set(iso);

beforeAll(async () => {
  at('2026-03-02T09:00:00+01:00');
  w = await assessmentWorld(t.db);
  w.deps.clock = clock;
  const { deps, m, director, coordinator, specialist, safetySpecialist } = w;
  const [centrum, noord] = m.areaIds as [string, string];
  const [wonen, ondernemen] = m.themeIds as [string, string];
  const [ro, oov] = m.departmentIds as [string, string];
  const as = (a: Actor) => ctxFor(deps, a);
  const objection = (ruleIds: string[]) => ({ kind: 'objection' as const, ruleIds, whyApplies: why, howItCouldBeDone: how });
  const build = (o: Partial<Parameters<typeof buildCase>[0]>) =>
    buildCase({ municipality: m, deps, coordinator, director, initiator: person, title, description, location, ...o });
  council = await actorOf('council', { municipality: m });
  executive = await actorOf('executive', { municipality: m, department: ro, name: 'A. Jansen' });

  // The world's own case: in planning, no area, no theme, no plan — overdue by 20 April.
  const base = await t.db.unsafeAdmin.selectFrom('cases').select('reference').where('municipality_id', '=', m.id).executeTakeFirstOrThrow();
  const A = await build({ status: 'submitted', areaId: centrum, themeIds: [wonen] });
  const B = await build({ status: 'intake', areaId: noord, themeIds: [ondernemen] });
  const C = await build({ areaId: centrum, themeIds: [wonen, ondernemen], plan });
  const D = await build({ areaId: noord, plan });
  const E = await build({ status: 'planning' });
  const F = await build({ status: 'planning' });
  const G = await build({ status: 'submitted' });
  // A public intake nobody confirmed yet: not counted.
  await submitCase(deps, {
    municipalityId: m.id,
    initiator: unconfirmed,
    title: 'Bram zijn dakkapel',
    description: 'Bel Bram',
    location: 'Dorpsstraat 9',
    channel: 'web',
  });
  refs = { base: base.reference, A: A.reference, B: B.reference, C: C.reference, D: D.reference, E: E.reference, F: F.reference, G: G.reference };
  ids = { C: C.id, E: E.id };

  // C: the zoning objection overruled, the terraces objection withdrawn; the plan agreed on
  // 10 March (on time), the case closed on 20 March.
  const rc = await buildRound({ deps, by: director, caseId: C.id, departmentIds: [ro, oov] });
  await answerAsDepartment(as(specialist), { partyId: rc.departmentPartyIds[0] as string, answer: objection([w.rules.zoning]) });
  await answerAsDepartment(as(safetySpecialist), { partyId: rc.departmentPartyIds[1] as string, answer: objection([w.rules.terraces]) });
  await grantOverrule(t.db, m.id, { userId: w.executive.userId }, 'physical');
  await overruleObjection(as(w.executive), { partyId: rc.departmentPartyIds[0] as string, reason: 'Werkgelegenheid weegt zwaarder' });
  const withdrawn = await api(safetySpecialist, 'POST', `/assessment-parties/${rc.departmentPartyIds[1]}/withdrawal`, { reason: 'Terras past toch' });
  expect(withdrawn.statusCode, withdrawn.body).toBe(200);
  at('2026-03-10T11:00:00+01:00');
  await agreePlan(as(director), { caseId: C.id, version: 1 });
  await agreePlan(as(C.initiator), { caseId: C.id, version: 1 });
  at('2026-03-20T11:00:00+01:00');
  await changeStatus(as(director), { caseId: C.id, to: 'closed' });

  // E: suspended (its clock stands still), one objection citing two rules that stands.
  at('2026-03-05T09:00:00+01:00');
  await suspendClock(as(director), { caseId: E.id, reason: 'Wacht op tekeningen' });
  const re = await buildRound({ deps, by: director, caseId: E.id, departmentIds: [ro] });
  await answerAsDepartment(as(specialist), { partyId: re.departmentPartyIds[0] as string, answer: objection([w.rules.zoning, w.rules.terraces]) });

  // F: an objection in round 1, a yes in round 2: resolved by the new round.
  const rf1 = await buildRound({ deps, by: director, caseId: F.id, departmentIds: [ro] });
  await answerAsDepartment(as(specialist), { partyId: rf1.departmentPartyIds[0] as string, answer: objection([w.rules.zoning]) });
  const rf2 = await buildRound({ deps, by: director, caseId: F.id, departmentIds: [ro], proposal: 'Een werkplaats zonder spuitcabine' });
  await answerAsDepartment(as(specialist), { partyId: rf2.departmentPartyIds[0] as string, answer: { kind: 'yes' } });

  // G: withdrawn by the initiator's wish.
  await changeStatus(as(coordinator), { caseId: G.id, to: 'withdrawn', reason: 'Initiatiefnemer ziet ervan af' });

  // Commitments on E: three by the executive (kept, broken, overdue), two by an outside
  // person awaiting confirmation (one overdue).
  const made = { madeOn: '2026-03-05', what: commitmentWhat };
  const k1 = await buildCommitment({ deps, by: director, caseId: E.id, ...made, madeBy: { userId: executive.userId } });
  const k2 = await buildCommitment({ deps, by: director, caseId: E.id, ...made, madeBy: { userId: executive.userId } });
  await buildCommitment({ deps, by: director, caseId: E.id, ...made, madeBy: { userId: executive.userId }, dueOn: '2026-04-01' });
  await buildCommitment({ deps, by: director, caseId: E.id, ...made, dueOn: '2026-12-31' });
  await buildCommitment({ deps, by: director, caseId: E.id, ...made, dueOn: '2026-04-10' });
  await recordOutcome(as(director), { id: k1.id, status: 'kept' });
  await recordOutcome(as(director), { id: k2.id, status: 'broken', reason: 'De begroting liet het niet toe' });

  // D: the plan agreed on 20 April, a week after it was due (13 April): late.
  at('2026-04-20T10:00:00+02:00');
  await agreePlan(as(director), { caseId: D.id, version: 1 });
  await agreePlan(as(D.initiator), { caseId: D.id, version: 1 });

  // Another municipality with a case and a council member of its own.
  const other = await buildMunicipality(t.db);
  otherRef = (await buildCase({ municipality: other, deps, initiator: person, title, description, location })).reference;
  otherCouncil = await buildUser(t.db, other, { role: 'council' });
}, 120_000);

describe('GET /council/overview', () => {
  it('gives the council member the exact figures of their municipality', async () => {
    const res = await api(council, 'GET', '/council/overview');
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    expect(o.today).toBe('2026-04-20');
    // in the lifecycle's order
    expect(o.cases.byStatus.map((s: { status: string; count: number }) => [s.status, s.count])).toEqual([
      ['submitted', 1],
      ['intake', 1],
      ['planning', 3],
      ['executing', 1],
      ['closed', 1],
      ['withdrawn', 1],
    ]);
    const named = (xs: { name: string | null; count: number }[]) => xs.map((x) => [x.name, x.count]);
    expect(named(o.cases.byArea)).toEqual([
      ['Centrum', 2],
      ['Noord', 2],
      [null, 4],
    ]);
    expect(named(o.cases.byTheme)).toEqual([
      ['Ondernemen', 2],
      ['Wonen', 2],
      [null, 5],
    ]);

    // Due 13 April for every case that entered planning on 2 March (42 days).
    expect(o.plans).toEqual({
      onTime: 1,
      late: 1,
      overdue: 2,
      running: 1,
      shareOnTime: 25,
      overdueList: [refs.base, refs.F].sort().map((reference) => ({ caseId: expect.any(String), reference, planDueOn: '2026-04-13', daysOverdue: 7 })),
    });

    expect(o.objections.totals).toEqual({ total: 4, overruled: 1, withdrawn: 1, resolved: 1, standing: 1 });
    expect(o.objections.byRule).toEqual([
      { code: 'OP-4.12', title: 'Regel OP-4.12', total: 3, overruled: 1, withdrawn: 0, resolved: 1, standing: 1 },
      { code: 'APV-2:48', title: 'Regel APV-2:48', total: 2, overruled: 0, withdrawn: 1, resolved: 0, standing: 1 },
    ]);

    expect(o.commitments.totals).toEqual({ total: 5, open: 3, overdue: 2, kept: 1, broken: 1, withdrawn: 0, declined: 0 });
    expect(o.commitments.byMaker).toEqual([
      {
        name: 'A. Jansen',
        role: 'executive',
        staffRole: 'executive',
        department: 'Ruimtelijke ordening',
        total: 3,
        open: 1,
        overdue: 1,
        kept: 1,
        broken: 1,
        withdrawn: 0,
        declined: 0,
      },
      {
        name: 'P. de Vries',
        role: 'wethouder Economie',
        staffRole: null,
        department: null,
        total: 2,
        open: 2,
        overdue: 1,
        kept: 0,
        broken: 0,
        withdrawn: 0,
        declined: 0,
      },
    ]);
  });

  it('summarises every counted case publicly, page by page, and the figures agree with the summaries', async () => {
    const items: Record<string, unknown>[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await api(council, 'GET', `/council/overview?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json().summaries;
      expect(page.items.length).toBeLessThanOrEqual(3);
      items.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(items.map((i) => i.reference).sort()).toEqual(Object.values(refs).sort());

    const byRef = Object.fromEntries(items.map((i) => [i.reference, i]));
    expect(byRef[refs.C]).toEqual({
      id: ids.C,
      reference: refs.C,
      status: 'closed',
      area: 'Centrum',
      themes: ['Ondernemen', 'Wonen'],
      submittedOn: '2026-03-02',
      planDueOn: '2026-04-13',
      planAgreed: true,
      planAgreedOn: '2026-03-10',
      planTerm: 'onTime',
      closedOn: '2026-03-20',
      standingObjections: 0,
    });
    expect(byRef[refs.E]).toMatchObject({
      id: ids.E,
      status: 'planning',
      area: null,
      themes: [],
      planAgreed: false,
      planTerm: 'running',
      standingObjections: 1,
    });
    expect(byRef[refs.D]).toMatchObject({ status: 'executing', planAgreedOn: '2026-04-20', planTerm: 'late' });
    expect(byRef[refs.B]).toMatchObject({ status: 'intake', planDueOn: null, planTerm: 'none' });

    // The same rule twice (SQL for the figures, model.ts for each case): they agree.
    const terms = items.map((i) => i.planTerm);
    const figures = (await api(council, 'GET', '/council/overview')).json().plans;
    for (const k of ['onTime', 'late', 'overdue', 'running'] as const) expect(terms.filter((x) => x === k).length).toBe(figures[k]);
  });

  it('shows no personal data of any initiator, nor a title, description, location or what was promised', async () => {
    const body = (await api(council, 'GET', '/council/overview')).body;
    const initiatorOfWorld = await t.db.unsafeAdmin
      .selectFrom('users')
      .select(['name', 'email'])
      .where('id', '=', w.initiator.userId)
      .executeTakeFirstOrThrow();
    const secrets = [
      ...Object.values(person),
      ...Object.values(unconfirmed),
      initiatorOfWorld.name,
      initiatorOfWorld.email,
      title,
      description,
      location,
      commitmentWhat,
      'Bram zijn dakkapel',
      'Spuiterij aan de haven', // the world's own case title
    ];
    for (const s of secrets) expect(body.toLowerCase(), s).not.toContain(s.toLowerCase());
    // Even the local part of an address (before the @) or a phone number without spaces.
    expect(body).not.toContain('oosterbeek@');
    expect(body).not.toContain('698765432');
  });

  it('answers each council member for their own municipality only', async () => {
    const mine = (await api(council, 'GET', '/council/overview?limit=200')).body;
    const theirs = await api(otherCouncil, 'GET', '/council/overview?limit=200');
    expect(theirs.statusCode).toBe(200);
    expect(mine).not.toContain(otherRef);
    for (const ref of Object.values(refs)) expect(theirs.body).not.toContain(ref);
    expect(theirs.json().summaries.items.map((i: { reference: string }) => i.reference)).toEqual([otherRef]);
    expect(theirs.json().commitments.totals.total).toBe(0);
  });

  it('is read by the executive and the admin, refused to the roles that work on cases and to initiators', async () => {
    expect((await api(executive, 'GET', '/council/overview')).statusCode).toBe(200);
    expect((await api(w.admin, 'GET', '/council/overview')).statusCode).toBe(200);
    for (const a of [w.director, w.coordinator, w.specialist, w.initiator]) {
      const res = await api(a, 'GET', '/council/overview');
      expect(res.statusCode, a.role).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('refuses a forged cursor with 400', async () => {
    const res = await api(council, 'GET', '/council/overview?cursor=abc.def');
    expect(res.statusCode).toBe(400);
  });
});
