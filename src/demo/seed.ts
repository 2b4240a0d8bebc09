// The demo: two neighbouring municipalities, Gemeente Voorbeeld and Gemeente Naburg,
// with their organisation, staff and cases in every state. `regie serve` calls this
// on every start; it creates the demo once and afterwards only returns the logins.
//
// The organisation (municipality, areas, themes, departments, staff) is inserted
// directly: seeding is privileged. Everything about cases goes through the real
// use-cases, on a clock that is moved through the past, so every case has its
// events and every mail is in the outbox as if it had happened that way.

import { addDays } from '../kernel/calendar.js';
import { dutchDate, fixedClock } from '../kernel/clock.js';
import { answerAsDepartment, openAssessmentRound } from '../modules/assessments/index.js';
import { addNote, assignDirector, changeStatus, resumeClock, sendMessage, submitCase, suspendClock, unsafeConfirmIntake } from '../modules/cases/index.js';
import { recordCommitment, recordOutcome } from '../modules/commitments/index.js';
import { hashPassword, toActor } from '../modules/identity/index.js';
import { openPeriod, unsafeConfirmResponse, unsafeSubmitResponse } from '../modules/participation/index.js';
import { agreePlan, getPlan, type PlanActionInput, savePlan, setActionStatus } from '../modules/plans/index.js';
import { listRules } from '../modules/rules/index.js';
import { answerSurvey } from '../modules/satisfaction/index.js';
import type { Actor } from '../platform/auth/index.js';
import type { Ctx, Deps } from '../platform/context.js';
import type { UserRow } from '../platform/db/schema.js';
import { seedCollaboration } from './collaborations.js';
import { type ActionSeed, type CaseSeed, DEMO_MUNICIPALITIES, DEMO_PASSWORD, type MunicipalitySeed, NABURG, type Step, VOORBEELD } from './data.js';
import { demoPoint, seedBoundaries } from './geo.js';
import { yearOfHistory } from './history.js';
import { seedSharingAgreement } from './intermunicipal.js';
import { seedRegisters } from './registers.js';

export interface DemoLogin {
  municipality: string;
  role: string;
  email: string;
  password: string;
}

export interface SeedResult {
  created: boolean;
  logins: DemoLogin[];
}

/** The logins `regie serve` prints: the same list whether or not this call created the demo. */
export function demoLogins(): DemoLogin[] {
  return DEMO_MUNICIPALITIES.flatMap((m) =>
    m.staff.filter((s) => s.login).map((s) => ({ municipality: m.name, role: s.role, email: s.email, password: DEMO_PASSWORD })),
  );
}

export async function seedDemo(deps: Deps): Promise<SeedResult> {
  if (await municipalityExists(deps, VOORBEELD.slug)) return { created: false, logins: demoLogins() };
  // argon2 is slow on purpose: hash once, every demo account shares the password.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const m of DEMO_MUNICIPALITIES) {
    if (m !== VOORBEELD && (await municipalityExists(deps, m.slug))) continue;
    await seedMunicipality(deps, m, passwordHash);
  }
  // Naburg's Omgevingsdienst assesses for Voorbeeld under a sharing agreement (docs/product.md#sharing-agreements-between-municipalities).
  await seedSharingAgreement(deps, { provider: NABURG.slug, receiver: VOORBEELD.slug, password: DEMO_PASSWORD });
  return { created: true, logins: demoLogins() };
}

const municipalityExists = async (deps: Deps, slug: string) =>
  (await deps.db.unsafeAdmin.selectFrom('municipalities').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;

// ---- organisation -----------------------------------------------------------------

interface Organisation {
  id: string;
  slug: string;
  areas: Map<string, string>;
  themes: Map<string, string>;
  departments: Map<string, string>;
  staff: Map<string, Actor>;
}

const asActor = (u: UserRow): Actor => toActor(u, 'token');

const lookup = (map: Map<string, string>, name: string, what: string) => {
  const id = map.get(name);
  if (!id) throw new Error(`demo data: unknown ${what} "${name}"`);
  return id;
};

/** One transaction: the municipality and its set-up exist completely or not at all. */
async function createOrganisation(deps: Deps, m: MunicipalitySeed, passwordHash: string): Promise<Organisation> {
  return deps.db.unsafeTransaction(async (trx) => {
    const { id } = await trx
      .insertInto('municipalities')
      .values({
        slug: m.slug,
        name: m.name,
        case_prefix: m.prefix,
        ...(m.benchmark
          ? {
              inhabitants: m.benchmark.inhabitants,
              benchmark_opt_in: m.benchmark.optIn,
              publish_figures: m.benchmark.publish,
              open_data_licence: m.benchmark.licence,
            }
          : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const named = async (table: 'areas' | 'themes', names: string[]) => {
      const rows = await trx
        .insertInto(table)
        .values(names.map((name) => ({ municipality_id: id, name })))
        .returning(['id', 'name'])
        .execute();
      return new Map(rows.map((r) => [r.name, r.id]));
    };
    const areas = await named('areas', m.areas);
    const themes = await named('themes', m.themes);
    const deptRows = await trx
      .insertInto('departments')
      .values(m.departments.map((d) => ({ municipality_id: id, name: d.name, domain: d.domain })))
      .returning(['id', 'name'])
      .execute();
    const departments = new Map(deptRows.map((r) => [r.name, r.id]));
    const staff = new Map<string, Actor>();
    for (const s of m.staff) {
      const u = await trx
        .insertInto('users')
        .values({
          municipality_id: id,
          email: s.email,
          name: s.name,
          role: s.role,
          department_id: s.department ? lookup(departments, s.department, 'department') : null,
          password_hash: passwordHash,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      for (const a of s.areas ?? [])
        await trx
          .insertInto('director_areas')
          .values({ municipality_id: id, user_id: u.id, area_id: lookup(areas, a, 'area') })
          .execute();
      for (const t of s.themes ?? [])
        await trx
          .insertInto('director_themes')
          .values({ municipality_id: id, user_id: u.id, theme_id: lookup(themes, t, 'theme') })
          .execute();
      staff.set(s.key, asActor(u));
    }
    return { id, slug: m.slug, areas, themes, departments, staff };
  });
}

/** Undo a half-seeded municipality, so the next start tries again instead of skipping it. */
async function removeMunicipality(deps: Deps, id: string): Promise<void> {
  const tables = [
    // the integrations and the outside parties' access: nothing refers to them
    'zgw_tasks',
    'zgw_zaken',
    'zgw_settings',
    'webhook_deliveries',
    'webhook_subscriptions',
    'webhook_settings',
    'attachments',
    'attachment_settings',
    'oidc_sessions',
    'initiator_identities',
    'login_providers',
    'collaboration_party_sessions',
    'collaboration_party_links',
    'collaboration_agreements',
    'insight_facts',
    'insight_counts',
    'insight_totals',
    'insight_dim_totals',
    'insight_day_totals',
    'insight_cases',
    'benchmark_figures',
    'benchmark_refresh',
    'survey_followups',
    'surveys',
    'satisfaction_settings',
    'response_interests',
    'responses',
    'response_topics',
    'response_periods',
    'late_objections',
    'assessment_withdrawals',
    'assessment_overrules',
    'assessment_answers',
    'assessment_parties',
    'assessment_rounds',
    'commitment_reminders',
    'commitment_versions',
    'commitments',
    'mandate_changes',
    'mandates',
    'collaboration_events',
    'collaboration_contributions',
    'collaboration_parties',
    'collaboration_readings',
    'collaboration_targets',
    'collaboration_phases',
    'collaboration_cases',
    'collaboration_themes',
    'collaboration_areas',
    'collaborations',
    'rule_changes',
    'rules',
    'outbox',
    'events',
    'plan_actions',
    'plans',
    'suspensions',
    'case_themes',
    'case_intakes',
    'cases',
    // deleting a case's themes queues it for the rollup: empty the queue after them
    'insight_queue',
    'case_counters',
    'login_links',
    'password_links',
    'api_tokens',
    'sessions',
    'director_themes',
    'director_areas',
    'users',
    'themes',
    'area_boundaries',
    'areas',
    'departments',
  ] as const;
  await deps.db.unsafeTransaction(async (trx) => {
    // A party points at its current answer and an answer at its party: untie them first.
    await trx.updateTable('assessment_parties').set({ current_answer_id: null }).where('municipality_id', '=', id).execute();
    for (const t of tables) {
      // a sharing agreement belongs to both its municipalities; its approvers are users
      if (t === 'users')
        await trx
          .deleteFrom('sharing_agreements')
          .where((eb) => eb.or([eb('provider_municipality_id', '=', id), eb('receiver_municipality_id', '=', id)]))
          .execute();
      await trx.deleteFrom(t).where('municipality_id', '=', id).execute();
    }
    await trx.deleteFrom('municipalities').where('id', '=', id).execute();
  });
}

// ---- cases ------------------------------------------------------------------------

const DAY = 86_400_000;

/** One step of one case, at a moment in the past. */
interface Scheduled {
  at: Date;
  caseIndex: number;
  step: Step | { kind: 'submit' };
}

/**
 * Put every step of every case on the time line: `day` days before now, during
 * office hours, steps of one day 40 minutes apart, never later than now. All cases
 * are then played in time order, so references are numbered in order of arrival.
 */
function schedule(cases: CaseSeed[], now: Date): Scheduled[] {
  const at = (day: number, slot: number, caseIndex: number) => {
    const t = new Date(now.getTime() - day * DAY);
    t.setUTCHours(8, 30 + slot * 40 + caseIndex * 2, 0, 0); // 09:30–13:00 Dutch time
    return t.getTime() > now.getTime() ? now : t;
  };
  const out: Scheduled[] = [];
  cases.forEach((c, caseIndex) => {
    const steps = (c.steps ?? []).flat();
    let day = c.submitted;
    let slot = 0;
    out.push({ at: at(day, slot, caseIndex), caseIndex, step: { kind: 'submit' } });
    for (const step of steps) {
      if (step.day > day) throw new Error(`demo data: steps of "${c.title}" go back in time (day ${step.day} after day ${day})`);
      slot = step.day === day ? slot + 1 : 0;
      day = step.day;
      out.push({ at: at(day, slot, caseIndex), caseIndex, step });
    }
  });
  // Stable: ties (steps clamped to now) keep the order of the data.
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}

interface CaseState {
  id: string;
  initiator: Actor;
  initiatorEmail: string;
  director?: Actor;
  planVersion: number;
  /** the case's latest assessment round */
  roundId?: string;
  /** the case's latest commitment */
  commitmentId?: string;
  /** the case's latest response period, with its topics by name */
  period?: { id: string; topics: Map<string, string> };
}

async function seedMunicipality(deps: Deps, m: MunicipalitySeed, passwordHash: string): Promise<void> {
  const org = await createOrganisation(deps, m, passwordHash);
  try {
    // the areas' boundaries, so the maps have something to show (docs/geo.md)
    const admin = org.staff.get('admin');
    if (admin) await seedBoundaries(deps, admin, org.slug, org.areas);
    await playCases(deps, m, org);
    const coordinator = org.staff.get('coordinator');
    if (coordinator)
      await seedCollaboration(
        deps,
        coordinator,
        { areaId: org.areas.values().next().value, departmentId: org.departments.values().next().value, slug: org.slug, admin },
        `Samen tegen jeugdoverlast in ${m.areas[0] ?? 'het centrum'}`,
      );
  } catch (err) {
    await removeMunicipality(deps, org.id);
    throw err;
  }
}

async function playCases(deps: Deps, m: MunicipalitySeed, org: Organisation): Promise<void> {
  const clock = fixedClock(deps.clock.now());
  const d: Deps = { ...deps, clock };
  const staff = (key: string) => {
    const a = org.staff.get(key);
    if (!a) throw new Error(`demo data: unknown staff member "${key}" in ${m.slug}`);
    return a;
  };
  const coordinator = staff('coordinator');
  const states: (CaseState | undefined)[] = [];
  // The stories, with a year of ordinary cases behind them (history.ts).
  const cases = [...m.cases, ...yearOfHistory(m)];

  // The registers exist from the first day of the story: every step may cite a rule
  // or rely on a mandate.
  const firstDay = Math.max(0, ...cases.map((c) => c.submitted)) + 1;
  clock.set(new Date(deps.clock.now().getTime() - firstDay * DAY));
  await seedRegisters({ ...d, actor: staff('admin') }, m, staff);

  for (const { at, caseIndex, step } of schedule(cases, deps.clock.now())) {
    clock.set(at);
    const c = cases[caseIndex] as CaseSeed;
    if (step.kind === 'submit') {
      states[caseIndex] = await submit(d, org, c, c.channel === 'web' ? undefined : staff(c.registeredBy ?? 'coordinator'));
    } else {
      const s = states[caseIndex] as CaseState;
      const director = () => {
        if (!s.director) throw new Error(`demo data: "${c.title}" has no director at a step that needs one`);
        return s.director;
      };
      const ctxOf = (actor: Actor): Ctx => ({ ...d, actor });
      await play(ctxOf, s, step, { coordinator, director, staff, org });
    }
  }
}

async function submit(d: Deps, org: Organisation, c: CaseSeed, registeredBy: Actor | undefined): Promise<CaseState> {
  const { id } = await submitCase(
    d,
    {
      municipalityId: org.id,
      initiator: c.initiator,
      title: c.title,
      description: c.description,
      location: c.location,
      areaId: c.area ? lookup(org.areas, c.area, 'area') : null,
      themeIds: c.themes.map((t) => lookup(org.themes, t, 'theme')),
      channel: c.channel,
      place: c.area ? demoPoint(org.slug, org.areas, lookup(org.areas, c.area, 'area'), c.title.length) : null,
    },
    registeredBy,
  );
  // A case submitted on the public page waits for its confirmation link; the demo's
  // residents have used it (docs/product.md#confirming-a-public-intake).
  if (!registeredBy) await d.db.unsafeTransaction((trx) => unsafeConfirmIntake(trx, d, { municipalityId: org.id, caseId: id }));
  // The initiator's account is made by the intake or its confirmation; act as them for agreeing and messages.
  const u = await d.db.unsafeAdmin
    .selectFrom('users')
    .selectAll()
    .where('municipality_id', '=', org.id)
    .where('role', '=', 'initiator')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', c.initiator.email.toLowerCase()))
    .executeTakeFirstOrThrow();
  return { id, initiator: asActor(u), initiatorEmail: u.email, planVersion: 0 };
}

interface Cast {
  coordinator: Actor;
  director: () => Actor;
  staff: (key: string) => Actor;
  org: Organisation;
}

async function play(ctxOf: (a: Actor) => Ctx, s: CaseState, step: Step, cast: Cast): Promise<void> {
  const caseId = s.id;
  switch (step.kind) {
    case 'assign':
      await assignDirector(ctxOf(cast.coordinator), { caseId, directorId: cast.staff(step.director).userId, reason: step.reason });
      s.director = cast.staff(step.director);
      return;
    case 'status':
      await changeStatus(ctxOf(cast.director()), { caseId, to: step.to, reason: step.reason });
      return;
    case 'withdraw': {
      const by = step.by === 'initiator' ? s.initiator : step.by === 'director' ? cast.director() : cast.coordinator;
      await changeStatus(ctxOf(by), { caseId, to: 'withdrawn', reason: step.reason });
      return;
    }
    case 'suspend':
      await suspendClock(ctxOf(cast.director()), { caseId, reason: step.reason });
      return;
    case 'resume':
      await resumeClock(ctxOf(cast.director()), { caseId });
      return;
    case 'plan': {
      const ctx = ctxOf(cast.director());
      const today = dutchDate(ctx.clock.now());
      const actions = step.plan.actions.map((a) => planAction(a, today, cast.org));
      const { version } = await savePlan(ctx, { caseId, goal: step.plan.goal, actions });
      s.planVersion = version;
      return;
    }
    case 'agree':
      await agreePlan(ctxOf(step.by === 'initiator' ? s.initiator : cast.director()), { caseId, version: s.planVersion });
      return;
    case 'actionDone': {
      const ctx = ctxOf(cast.director());
      const action = (await getPlan(ctx, caseId)).current?.actions.find((a) => a.position === step.position);
      if (!action) throw new Error(`demo data: no action ${step.position} in the plan of case ${caseId}`);
      await setActionStatus(ctx, { caseId, actionId: action.id, status: 'done' });
      return;
    }
    case 'note':
      await addNote(ctxOf(cast.director()), { caseId, text: step.text, visibility: step.visibility });
      return;
    case 'message':
      await sendMessage(ctxOf(step.from === 'initiator' ? s.initiator : cast.director()), { caseId, text: step.text });
      return;
    case 'openRound': {
      const departmentIds = step.departments.map((name) => lookup(cast.org.departments, name, 'department'));
      const round = await openAssessmentRound(ctxOf(cast.director()), { caseId, proposal: step.proposal, departmentIds, outsideParties: [] });
      s.roundId = round.id;
      return;
    }
    case 'answer': {
      const ctx = ctxOf(cast.staff(step.by));
      const departmentId = lookup(cast.org.departments, step.department, 'department');
      if (!s.roundId) throw new Error(`demo data: an answer before any round on case ${caseId}`);
      const party = await ctx.db.unsafeAdmin
        .selectFrom('assessment_parties')
        .select('id')
        .where('round_id', '=', s.roundId)
        .where('department_id', '=', departmentId)
        .executeTakeFirst();
      if (!party) throw new Error(`demo data: "${step.department}" was not asked in the round of case ${caseId}`);
      const citable = step.answer.ruleCodes?.length ? await listRules(ctx, { validOn: dutchDate(ctx.clock.now()) }) : [];
      const ruleIds = (step.answer.ruleCodes ?? []).map((code) => {
        const rule = citable.find((r) => r.code === code);
        if (!rule) throw new Error(`demo data: rule ${code} cannot be cited on that day`);
        return rule.id;
      });
      await answerAsDepartment(ctx, { partyId: party.id, answer: { ...step.answer, ruleIds } });
      return;
    }
    case 'commitment': {
      const ctx = ctxOf(cast.director());
      const today = dutchDate(ctx.clock.now());
      const { id } = await recordCommitment(ctx, {
        caseId,
        madeBy: { userId: cast.staff(step.madeBy).userId },
        madeTo: { userId: s.initiator.userId },
        what: step.what,
        dueOn: addDays(today, step.dueInDays),
        madeVia: step.madeVia,
        madeOn: today,
        decision: step.decision,
      });
      s.commitmentId = id;
      return;
    }
    case 'openResponsePeriod': {
      const period = await openPeriod(ctxOf(cast.director()), { caseId, ...step.period });
      s.period = { id: period.id, topics: new Map(period.topics.map((t) => [t.name, t.id])) };
      return;
    }
    case 'respond': {
      // As a neighbour does: the form, then the link in the mail (docs/product.md#responding-to-a-case).
      const period = s.period;
      if (!period) throw new Error(`demo data: a response before any response period on case ${caseId}`);
      const d = ctxOf(cast.coordinator);
      const { topics, ...r } = step.response;
      await unsafeSubmitResponse(d, {
        ...r,
        slug: cast.org.slug,
        periodId: period.id,
        topicIds: topics.map((t) => lookup(period.topics, t, 'response topic')),
        answers: [],
        locale: 'nl',
      });
      const token = await tokenMailedTo(d, r.email, /\/reageren\/bevestigen#([A-Za-z0-9_-]+)/);
      await unsafeConfirmResponse(d, token);
      return;
    }
    case 'survey': {
      // The initiator follows the link of the survey mailed last (docs/product.md#the-report-mark).
      const d = ctxOf(cast.coordinator);
      const token = await tokenMailedTo(d, s.initiatorEmail, /\/tevredenheid\/([A-Za-z0-9_.-]+)/);
      await answerSurvey(d, token, step.answer);
      return;
    }
    case 'outcome': {
      if (!s.commitmentId) throw new Error(`demo data: an outcome before any commitment on case ${caseId}`);
      await recordOutcome(ctxOf(cast.director()), { id: s.commitmentId, status: step.status, reason: step.reason ?? null });
      return;
    }
    default: {
      const never: never = step;
      throw new Error(`demo data: unknown step ${JSON.stringify(never)}`);
    }
  }
}

/** The token of the newest link of this kind mailed to `email`, as its owner would click it. */
async function tokenMailedTo(d: Deps, email: string, link: RegExp): Promise<string> {
  const mails = await d.db.unsafeAdmin
    .selectFrom('outbox')
    .select('body_text')
    .where((eb) => eb(eb.fn('lower', ['to_address']), '=', email.toLowerCase()))
    .orderBy('id', 'desc')
    .limit(20)
    .execute();
  for (const m of mails) {
    const token = link.exec(m.body_text)?.[1];
    if (token) return token;
  }
  throw new Error(`demo data: no link ${link} mailed to ${email}`);
}

function planAction(a: ActionSeed, today: string, org: Organisation): PlanActionInput {
  const base = { description: a.text, dueOn: addDays(today, a.dueInDays), status: a.status };
  if (a.owner === 'initiator' || a.owner === 'director') return { ...base, ownerKind: a.owner };
  if ('department' in a.owner) return { ...base, ownerKind: 'department', ownerDepartmentId: lookup(org.departments, a.owner.department, 'department') };
  return { ...base, ownerKind: 'external', ownerName: a.owner.external };
}
