// The demo seed on a real database (PGlite and PostgreSQL): both municipalities,
// cases in every state made through the use-cases, idempotent, and the neighbours
// never see each other's rows.
import { beforeAll, describe, expect, it } from 'vitest';
import { dutchDate } from '../kernel/clock.js';
import { CASE_STATUSES, clockState } from '../modules/cases/index.js';
import { listAgreements as collaborationAgreements, getCollaboration } from '../modules/collaborations/index.js';
import { toActor } from '../modules/identity/index.js';
import { listAgreements } from '../modules/intermunicipal/index.js';
import { calendarOf } from '../modules/organisation/index.js';
import { withTestDb } from '../testing/db.js';
import { DEMO_MUNICIPALITIES } from './data.js';
import { seedDemo } from './seed.js';

const { db, deps } = withTestDb();
let first: Awaited<ReturnType<typeof seedDemo>>;
let voorbeeldId: string;
let naburgId: string;

beforeAll(async () => {
  first = await seedDemo(deps);
  const ms = await db.unsafeAdmin.selectFrom('municipalities').select(['id', 'slug']).execute();
  voorbeeldId = ms.find((m) => m.slug === 'voorbeeld')?.id as string;
  naburgId = ms.find((m) => m.slug === 'naburg')?.id as string;
}, 180_000);

const casesOf = (mId: string) => db.unsafeAdmin.selectFrom('cases').selectAll().where('municipality_id', '=', mId).execute();

describe('seedDemo', () => {
  it('creates both municipalities and returns the demo logins', async () => {
    expect(first.created).toBe(true);
    expect(voorbeeldId).toBeTruthy();
    expect(naburgId).toBeTruthy();
    const roles = first.logins.filter((l) => l.municipality === 'Gemeente Voorbeeld').map((l) => l.role);
    expect(roles).toEqual(expect.arrayContaining(['admin', 'coordinator', 'director', 'specialist', 'executive']));
    expect(first.logins.filter((l) => l.municipality === 'Gemeente Naburg').map((l) => l.role)).toEqual(expect.arrayContaining(['admin', 'director']));
    expect(new Set(first.logins.map((l) => l.password))).toEqual(new Set(['regie-demo-2026']));
  });

  it('every login exists as an active staff member of its municipality', async () => {
    const users = await db.unsafeAdmin
      .selectFrom('users')
      .select(['email', 'role', 'municipality_id', 'password_hash', 'active'])
      .where('role', '!=', 'initiator')
      .execute();
    for (const l of first.logins) {
      const u = users.find((x) => x.email === l.email);
      expect(u, l.email).toBeDefined();
      expect(u?.role).toBe(l.role);
      expect(u?.active).toBe(true);
      expect(u?.password_hash).toMatch(/^\$argon2id\$/);
      expect(u?.municipality_id).toBe(l.municipality === 'Gemeente Voorbeeld' ? voorbeeldId : naburgId);
    }
  });

  it('gives Voorbeeld at least 25 cases in every status, with references of the municipality', async () => {
    const cases = await casesOf(voorbeeldId);
    expect(cases.length).toBeGreaterThanOrEqual(25);
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(CASE_STATUSES));
    for (const c of cases) expect(c.reference).toMatch(/^VB-\d{4}-\d{6}$/);
    expect(cases.filter((c) => c.status === 'withdrawn').every((c) => c.withdrawn_reason)).toBe(true);
    expect(cases.filter((c) => c.status === 'submitted' && c.director_id === null).length).toBeGreaterThan(0);
  });

  it('has plan clocks that are running, due soon, overdue and suspended', async () => {
    const m = await db.unsafeAdmin.selectFrom('municipalities').selectAll().where('id', '=', voorbeeldId).executeTakeFirstOrThrow();
    const today = dutchDate(deps.clock.now());
    const states = (await casesOf(voorbeeldId)).map((c) =>
      clockState(calendarOf(m), { status: c.status, planDueOn: c.plan_due_on, suspendedSince: c.suspended_since }, today),
    );
    expect(states).toEqual(expect.arrayContaining(['running', 'dueSoon', 'overdue', 'suspended']));
    const suspensions = await db.unsafeAdmin.selectFrom('suspensions').selectAll().where('municipality_id', '=', voorbeeldId).execute();
    expect(suspensions.every((s) => s.reason.trim().length > 0)).toBe(true);
  });

  it('contains the paint-spraying shop in planning, with a director, a plan, notes and messages', async () => {
    const c = await db.unsafeAdmin
      .selectFrom('cases as c')
      .innerJoin('users as i', 'i.id', 'c.initiator_id')
      .selectAll('c')
      .select(['i.name as initiator_name', 'i.company', 'i.kvk_number'])
      .where('c.municipality_id', '=', voorbeeldId)
      .where('c.location', '=', 'Marktstraat 12')
      .executeTakeFirstOrThrow();
    expect(c.initiator_name).toBe('Henk van Dijk');
    expect(c.company).toBe('Autospuiterij Van Dijk B.V.');
    expect(c.kvk_number).toMatch(/^\d{8}$/);
    expect(c.status).toBe('planning');
    expect(c.director_id).not.toBeNull();
    const plan = await db.unsafeAdmin.selectFrom('plans').selectAll().where('case_id', '=', c.id).executeTakeFirstOrThrow();
    const actions = await db.unsafeAdmin.selectFrom('plan_actions').selectAll().where('plan_id', '=', plan.id).execute();
    expect(plan.goal).not.toBe('');
    expect(new Set(actions.map((a) => a.owner_kind))).toEqual(new Set(['initiator', 'director', 'department', 'external']));
    const types = (await db.unsafeAdmin.selectFrom('events').select('type').where('case_id', '=', c.id).execute()).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['case.submitted', 'case.assigned', 'note.added', 'message.sent', 'plan.versionSaved']));
  });

  it('ships a plausible rules register: strict and non-strict rules, one expired; Naburg a smaller one', async () => {
    const rules = (mId: string) => db.unsafeAdmin.selectFrom('rules').selectAll().where('municipality_id', '=', mId).execute();
    const vb = await rules(voorbeeldId);
    expect(vb.length).toBeGreaterThanOrEqual(15);
    expect(vb.length).toBeLessThanOrEqual(25);
    expect(vb.map((r) => r.code)).toEqual(expect.arrayContaining(['OP-4.12', 'APV-2:48', 'APV-2:28', 'APV-2:25', 'BIBOB', 'BBL-BRAND']));
    expect(vb.find((r) => r.code === 'BIBOB')?.strict).toBe(true);
    expect(vb.find((r) => r.code === 'OP-4.12')?.strict).toBe(false);
    expect(new Set(vb.map((r) => r.domain))).toEqual(new Set(['social', 'physical', 'safety', 'economy', 'governance']));
    const today = dutchDate(deps.clock.now());
    expect(vb.filter((r) => r.valid_until !== null && r.valid_until < today).map((r) => r.code)).toEqual(['MW-11']);
    const nb = await rules(naburgId);
    expect(nb.length).toBeGreaterThan(0);
    expect(nb.length).toBeLessThan(vb.length);
  });

  it('has a mandate register: the alderman commits money and overrules economy, the head of Ruimte overrules physical', async () => {
    const mandates = await db.unsafeAdmin
      .selectFrom('mandates as m')
      .leftJoin('users as u', 'u.id', 'm.holder_user_id')
      .select(['u.email', 'm.holder_role', 'm.scope_kind', 'm.scope_domain', 'm.scope_up_to_cents', 'm.valid_from'])
      .where('m.municipality_id', '=', voorbeeldId)
      .execute();
    const of = (email: string) => mandates.filter((x) => x.email === email).map((x) => `${x.scope_kind}:${x.scope_domain ?? x.scope_up_to_cents ?? ''}`);
    expect(of('e.meijer@voorbeeld.nl').sort()).toEqual(['commitMoney:2000000', 'overrule:economy']);
    expect(of('k.dewit@voorbeeld.nl')).toEqual(['overrule:physical']);
    expect(mandates.some((x) => x.holder_role === 'executive' && x.scope_kind === 'agreePlan')).toBe(true);
  });

  it('has a year of ordinary cases behind the stories, so the figures show something real (history.ts)', async () => {
    const months = async (type: string) =>
      (
        await db.unsafeAdmin
          .selectFrom('events')
          .select((eb) => eb.fn<string>('to_char', ['created_at', eb.val('YYYY-MM')]).as('month'))
          .where('municipality_id', '=', voorbeeldId)
          .where('type', '=', type)
          .groupBy('month')
          .execute()
      ).map((r) => r.month);
    // Plans agreed and cases submitted in (nearly) every month of the last year.
    expect((await months('plan.agreed')).length).toBeGreaterThanOrEqual(10);
    expect((await months('case.submitted')).length).toBeGreaterThanOrEqual(12);
    const commitments = await db.unsafeAdmin.selectFrom('commitments').select('status').where('municipality_id', '=', voorbeeldId).execute();
    const statuses = new Set(commitments.map((c) => c.status));
    expect(statuses.has('kept')).toBe(true);
    expect(statuses.has('broken')).toBe(true);
    const closed = (await casesOf(voorbeeldId)).filter((c) => c.status === 'closed');
    expect(closed.length).toBeGreaterThanOrEqual(20);
  });

  it('lets neighbours respond to the solar field and initiators give report marks, each through its mailed link', async () => {
    const period = await db.unsafeAdmin
      .selectFrom('response_periods')
      .selectAll()
      .where('municipality_id', '=', voorbeeldId)
      .where('location', '=', 'Hooiakker, Polderweg')
      .executeTakeFirstOrThrow();
    const responses = await db.unsafeAdmin.selectFrom('responses').selectAll().where('period_id', '=', period.id).execute();
    expect(responses.filter((r) => r.confirmed_at !== null)).toHaveLength(4);
    expect(new Set(responses.map((r) => r.position))).toEqual(new Set(['support', 'concern', 'objection']));
    const answered = await db.unsafeAdmin
      .selectFrom('surveys')
      .select(['mark'])
      .where('municipality_id', '=', voorbeeldId)
      .where('mark', 'is not', null)
      .execute();
    expect(answered.length).toBeGreaterThanOrEqual(10);
    expect(answered.some((a) => (a.mark as number) < 6)).toBe(true);
    const m = await db.unsafeAdmin.selectFrom('municipalities').selectAll().where('id', '=', voorbeeldId).executeTakeFirstOrThrow();
    expect([m.benchmark_opt_in, m.publish_figures, m.inhabitants]).toEqual([true, true, 48_300]);
  });

  it('gives the paint-spraying shop a closed round with a zoning objection and "hoe wel", and the alderman’s binding commitment', async () => {
    const c = await db.unsafeAdmin
      .selectFrom('cases')
      .select('id')
      .where('municipality_id', '=', voorbeeldId)
      .where('location', '=', 'Marktstraat 12')
      .executeTakeFirstOrThrow();
    const round = await db.unsafeAdmin.selectFrom('assessment_rounds').selectAll().where('case_id', '=', c.id).executeTakeFirstOrThrow();
    expect(round.closed_at).not.toBeNull();
    expect(round.closed_reason).toBe('allAnswered');
    const answers = await db.unsafeAdmin
      .selectFrom('assessment_answers as a')
      .innerJoin('assessment_parties as p', 'p.current_answer_id', 'a.id')
      .select(['p.name', 'a.kind', 'a.rules', 'a.why_applies', 'a.how_it_could_be_done', 'a.conditions'])
      .where('a.round_id', '=', round.id)
      .execute();
    const zoning = answers.find((a) => a.name === 'Ruimtelijke ordening');
    expect(zoning?.kind).toBe('objection');
    expect(zoning?.rules.map((r) => r.code)).toEqual(['OP-4.12']);
    expect(zoning?.rules[0]?.legalSource).toMatch(/^Omgevingsplan artikel/);
    expect(zoning?.how_it_could_be_done).toMatch(/wél/);
    expect(answers.find((a) => a.name === 'Economische zaken')?.kind).toBe('yesWithConditions');
    const k = await db.unsafeAdmin.selectFrom('commitments').selectAll().where('case_id', '=', c.id).executeTakeFirstOrThrow();
    expect(k.made_by_name).toMatch(/Erik Meijer/);
    expect(k.status).toBe('binding');
    expect(k.mandate_ids).toHaveLength(1);
  });

  it('gives every case at least one event, and lets the log read in time order', async () => {
    const cases = await db.unsafeAdmin.selectFrom('cases').select(['id', 'submitted_at']).execute();
    const events = await db.unsafeAdmin.selectFrom('events').select(['municipality_id', 'case_id', 'type', 'created_at']).orderBy('id').execute();
    for (const c of cases) {
      const own = events.filter((e) => e.case_id === c.id);
      expect(own.length).toBeGreaterThan(0);
      expect(own[0]?.type).toBe('case.submitted');
      expect(own[0]?.created_at.getTime()).toBe(c.submitted_at.getTime());
    }
    for (const mId of [voorbeeldId, naburgId]) {
      const times = events.filter((e) => e.municipality_id === mId).map((e) => e.created_at.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(Math.max(...times)).toBeLessThanOrEqual(deps.clock.now().getTime());
    }
  });

  it('puts the mail of every step in the outbox', async () => {
    const mails = await db.unsafeAdmin.selectFrom('outbox').select(['to_address']).where('municipality_id', '=', voorbeeldId).execute();
    expect(mails.some((m) => m.to_address === 'henk@autospuiterijvandijk.example')).toBe(true);
    expect(mails.some((m) => m.to_address === 's.jansen@voorbeeld.nl')).toBe(true);
  });

  it('creates nothing the second time, and returns the same logins', async () => {
    const before = await db.unsafeAdmin
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const again = await seedDemo(deps);
    const after = await db.unsafeAdmin
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(again.created).toBe(false);
    expect(again.logins).toEqual(first.logins);
    expect(Number(after.n)).toBe(Number(before.n));
    expect(await db.unsafeAdmin.selectFrom('municipalities').select('id').execute()).toHaveLength(2);
  });

  it('keeps Naburg and Voorbeeld apart under row-level security', async () => {
    const seen = await db.tenant(naburgId, (trx) => trx.selectFrom('cases').select(['municipality_id', 'reference']).execute());
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((c) => c.municipality_id === naburgId && c.reference.startsWith('NB-'))).toBe(true);
    const users = await db.tenant(naburgId, (trx) => trx.selectFrom('users').select('email').execute());
    expect(users.some((u) => u.email.endsWith('@voorbeeld.nl'))).toBe(false);
    const fromVoorbeeld = await db.tenant(voorbeeldId, (trx) => trx.selectFrom('cases').select('reference').execute());
    expect(fromVoorbeeld.every((c) => c.reference.startsWith('VB-'))).toBe(true);
  });
});

describe('the demo collaborations', () => {
  it('gives each municipality one collaboration, whose health check names the party without a yield and the overdue agreement', async () => {
    const slugs = DEMO_MUNICIPALITIES.map((x) => x.slug);
    const demo = await db.unsafeAdmin.selectFrom('municipalities').select(['id', 'name']).where('slug', 'in', slugs).execute();
    expect(demo).toHaveLength(slugs.length);
    for (const m of demo) {
      const rows = await db.unsafeAdmin.selectFrom('collaborations').select('id').where('municipality_id', '=', m.id).execute();
      expect(rows, m.name).toHaveLength(1);
      const coordinator = await db.unsafeAdmin
        .selectFrom('users')
        .selectAll()
        .where('municipality_id', '=', m.id)
        .where('role', '=', 'coordinator')
        .executeTakeFirstOrThrow();
      const v = await getCollaboration({ ...deps, actor: toActor(coordinator, 'token') }, rows[0]?.id as string);
      expect(v.parties.length, m.name).toBeGreaterThanOrEqual(3);
      const issues = v.health.issues.map((i) => [i.code, i.actor]);
      expect(issues, m.name).toHaveLength(2);
      expect(issues, m.name).toEqual(
        expect.arrayContaining([
          ['partyWithoutYield', coordinator.name],
          ['agreementOverdue', coordinator.name],
        ]),
      );
      // the stored health, which the overview filters on, says the same (docs/product.md#the-health-check-of-a-collaboration)
      const stored = await db.unsafeAdmin
        .selectFrom('collaborations')
        .select(['health', 'health_issue_count'])
        .where('id', '=', rows[0]?.id as string)
        .executeTakeFirstOrThrow();
      expect(stored.health_issue_count, m.name).toBe(2);
      expect(JSON.stringify(stored.health), m.name).toContain('agreementOverdue');
    }
  });

  // docs/product.md#agreements-within-a-collaboration, docs/product.md#mandates-within-a-collaboration
  it('gives each collaboration agreements: the police’s confirmed through its link, one open and due, one kept, one overdue; and the owner a mandate within it', async () => {
    for (const slug of DEMO_MUNICIPALITIES.map((x) => x.slug)) {
      const m = await db.unsafeAdmin.selectFrom('municipalities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
      const coordinator = await db.unsafeAdmin
        .selectFrom('users')
        .selectAll()
        .where('municipality_id', '=', m.id)
        .where('role', '=', 'coordinator')
        .executeTakeFirstOrThrow();
      const c = await db.unsafeAdmin.selectFrom('collaborations').select('id').where('municipality_id', '=', m.id).executeTakeFirstOrThrow();
      const { items } = await collaborationAgreements({ ...deps, actor: toActor(coordinator, 'token') }, c.id);
      const today = dutchDate(deps.clock.now());
      const police = items.find((a) => a.confirmedByParty);
      expect(police, slug).toMatchObject({ status: 'binding', madeBy: { name: 'Politie, basisteam Centrum' }, partyAnswer: { answer: 'confirmed' } });
      // open and due: binding, not the police's own, not yet past its due date
      const open = items.filter((a) => a.status === 'binding' && !a.confirmedByParty && !a.overdue);
      expect(open, slug).toHaveLength(1);
      expect((open[0]?.dueOn ?? '') > today, slug).toBe(true);
      // committing money within the owner's mandate for this collaboration, so it binds
      expect(open[0]?.decision, slug).toMatchObject({ kind: 'commitMoney', amountCents: 250_000 });
      expect(
        items.filter((a) => a.status === 'kept'),
        slug,
      ).toHaveLength(1);
      expect(
        items.filter((a) => a.overdue).map((a) => a.madeBy.name),
        slug,
      ).toEqual([coordinator.name]);
      const mandates = await db.unsafeAdmin
        .selectFrom('mandates')
        .selectAll()
        .where('municipality_id', '=', m.id)
        .where('collaboration_id', '=', c.id)
        .execute();
      expect(
        mandates.map((x) => [x.holder_kind, x.holder_user_id, x.scope_kind, x.scope_up_to_cents]),
        slug,
      ).toEqual([['person', coordinator.id, 'commitMoney', 500_000]]);
      expect(open[0]?.mandateIds, slug).toEqual([mandates[0]?.id]);
    }
  });

  // docs/geo.md: the maps have something to show, and every point lies in its own area
  it('gives every demo area a boundary and every demo case with an area a point inside it', async () => {
    for (const mId of [voorbeeldId, naburgId]) {
      const areas = await db.unsafeAdmin.selectFrom('areas').select('id').where('municipality_id', '=', mId).execute();
      const boundaries = await db.unsafeAdmin.selectFrom('area_boundaries').selectAll().where('municipality_id', '=', mId).execute();
      expect(boundaries.map((b) => b.area_id).sort()).toEqual(areas.map((a) => a.id).sort());
      const cases = (await casesOf(mId)).filter((c) => c.area_id);
      expect(cases.length).toBeGreaterThan(0);
      for (const c of cases) {
        const b = boundaries.find((x) => x.area_id === c.area_id);
        expect(c.lon, c.title).not.toBeNull();
        expect((c.lon as number) > (b?.min_lon as number) && (c.lon as number) < (b?.max_lon as number), c.title).toBe(true);
        expect((c.lat as number) > (b?.min_lat as number) && (c.lat as number) < (b?.max_lat as number), c.title).toBe(true);
      }
    }
  });
});

describe('the demo sharing agreement', () => {
  it('has Naburg’s Omgevingsdienst assessing for Voorbeeld, approved by both admins and active', async () => {
    const naburgAdmin = await db.unsafeAdmin
      .selectFrom('users')
      .selectAll()
      .where('municipality_id', '=', naburgId)
      .where('role', '=', 'admin')
      .executeTakeFirstOrThrow();
    const [a, ...more] = await listAgreements({ ...deps, actor: toActor(naburgAdmin, 'token') });
    expect(more).toEqual([]);
    expect(a).toMatchObject({
      status: 'active',
      provider: { id: naburgId },
      receiver: { id: voorbeeldId },
      departments: [{ name: 'Omgevingsdienst' }],
      side: 'provider',
    });
    expect(a?.approvals.provider).not.toBeNull();
    expect(a?.approvals.receiver).not.toBeNull();
    const specialist = await db.unsafeAdmin
      .selectFrom('users')
      .select('email')
      .where('municipality_id', '=', naburgId)
      .where('department_id', '=', a?.departments[0]?.id as string)
      .where('role', '=', 'specialist')
      .execute();
    expect(specialist.map((u) => u.email)).toEqual(['omgevingsdienst@naburg.nl']);
  });
});
