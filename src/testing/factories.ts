// Test factories: a migrated database of the engine under test (PGlite in memory,
// or a fresh database on the PostgreSQL server that `npm test` started), and
// builders that give every test its own municipality, so tests never share rows.
import { randomBytes } from 'node:crypto';
import { type Clock, fixedClock } from '../kernel/clock.js';
import { AppError } from '../kernel/errors.js';
import { type OpenRound, openAssessmentRound } from '../modules/assessments/index.js';
import { assignDirector, changeStatus, type SubmitCase, submitCase, unsafeConfirmIntake } from '../modules/cases/index.js';
import type { RecordFields } from '../modules/commitments/index.js';
import { recordCommitment } from '../modules/commitments/index.js';
import { hashPassword } from '../modules/identity/index.js';
import { type PlanActionInput, savePlan } from '../modules/plans/index.js';
import type { Actor, Role } from '../platform/auth/index.js';
import { loadConfig } from '../platform/config.js';
import type { Ctx, Deps } from '../platform/context.js';
import { type Db, openDatabase } from '../platform/db/index.js';
import { createDatabase } from './pg-cluster.js';
import { preparedPGlite, preparedTemplate } from './prepared-db.js';

export const TEST_ENGINE = (process.env.REGIE_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

/**
 * A migrated database of the engine under test, for one test file: a copy of the
 * database migrated once for the whole run (see prepared-db.ts).
 */
export async function testDatabase(): Promise<Db> {
  if (TEST_ENGINE === 'postgres') {
    const admin = testPgUrl();
    const template = await preparedTemplate(admin);
    return openDatabase({ url: await createDatabase(admin, `regie_t_${randomBytes(6).toString('hex')}`, { template }), poolSize: 5 });
  }
  return openDatabase({ loadDataDir: await preparedPGlite() });
}

/** The PostgreSQL server `npm test` started (scripts/test.mjs). */
export function testPgUrl(): string {
  const url = process.env.REGIE_TEST_PG_URL;
  if (!url) throw new Error('REGIE_TEST_PG_URL is not set: run the suite with `npm test`, which starts PostgreSQL.');
  return url;
}

export function testDeps(db: Db, clock: Clock = fixedClock('2026-03-02T09:00:00+01:00')): Deps {
  return {
    db,
    clock,
    config: {
      ...loadConfig({}),
      publicUrl: 'http://regie.test',
      secureCookies: false,
      logLevel: 'silent',
      secret: 'test-secret-that-signs-cursors-0123456789',
      // nothing in the tests reaches the internet: a test that needs the Locatieserver starts a local fake (testing/locatieserver.ts)
      addressSearchUrl: null,
      mapTileUrl: '',
    },
  };
}

const uniq = () => randomBytes(4).toString('hex');
let prefixSeq = 0;

export interface TestMunicipality {
  /** the database it lives in, for the builders below */
  db: Db;
  id: string;
  slug: string;
  prefix: string;
  areaIds: string[];
  themeIds: string[];
  departmentIds: string[];
}

/** A municipality with two areas, two themes and two departments. */
export async function buildMunicipality(db: Db, opts: { planTermDays?: number; extraHolidays?: string[] } = {}): Promise<TestMunicipality> {
  // Prefixes are 2–4 capitals and unique per installation: with 26³ choices a file
  // that makes many municipalities in one database meets a taken one now and then,
  // so pick another until one is free.
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const k = db.unsafeAdmin;
  let m: { id: string; slug: string; case_prefix: string } | undefined;
  for (let attempt = 0; !m; attempt++) {
    if (attempt === 50) throw new Error('buildMunicipality: no free case prefix found');
    const n = (prefixSeq++ + Number.parseInt(uniq(), 16)) % (26 * 26 * 26);
    const prefix = `T${letters[Math.floor(n / 676) % 26]}${letters[Math.floor(n / 26) % 26]}${letters[n % 26]}`;
    m = await k
      .insertInto('municipalities')
      .values({
        slug: `test-${uniq()}`,
        name: `Gemeente Test ${prefix}`,
        case_prefix: prefix,
        plan_term_days: opts.planTermDays ?? 42,
        extra_holidays: opts.extraHolidays ?? [],
      })
      .onConflict((oc) => oc.column('case_prefix').doNothing())
      .returning(['id', 'slug', 'case_prefix'])
      .executeTakeFirst();
  }
  const areas = await k
    .insertInto('areas')
    .values([
      { municipality_id: m.id, name: 'Centrum' },
      { municipality_id: m.id, name: 'Noord' },
    ])
    .returning('id')
    .execute();
  const themes = await k
    .insertInto('themes')
    .values([
      { municipality_id: m.id, name: 'Wonen' },
      { municipality_id: m.id, name: 'Ondernemen' },
    ])
    .returning('id')
    .execute();
  const depts = await k
    .insertInto('departments')
    .values([
      { municipality_id: m.id, name: 'Ruimtelijke ordening', domain: 'physical' },
      { municipality_id: m.id, name: 'Openbare orde en veiligheid', domain: 'safety' },
    ])
    .returning('id')
    .execute();
  return {
    db,
    id: m.id,
    slug: m.slug,
    prefix: m.case_prefix,
    areaIds: areas.map((a) => a.id),
    themeIds: themes.map((t) => t.id),
    departmentIds: depts.map((d) => d.id),
  };
}

export const TEST_PASSWORD = 'correct horse battery staple';
let cachedHash: string | undefined;

export async function buildUser(
  db: Db,
  m: TestMunicipality,
  opts: { role: Role; name?: string; email?: string; areaIds?: string[]; themeIds?: string[]; departmentId?: string; locale?: 'nl' | 'en' },
): Promise<Actor> {
  cachedHash ??= await hashPassword(TEST_PASSWORD);
  const email = opts.email ?? `${opts.role}-${uniq()}@${m.slug}.test`;
  const u = await db.unsafeAdmin
    .insertInto('users')
    .values({
      municipality_id: m.id,
      email,
      name: opts.name ?? `${opts.role} ${uniq()}`,
      role: opts.role,
      department_id: opts.role === 'specialist' ? (opts.departmentId ?? m.departmentIds[0] ?? null) : (opts.departmentId ?? null),
      password_hash: opts.role === 'initiator' ? null : cachedHash,
      locale: opts.locale ?? 'nl',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const a of opts.areaIds ?? []) await db.unsafeAdmin.insertInto('director_areas').values({ municipality_id: m.id, user_id: u.id, area_id: a }).execute();
  for (const t of opts.themeIds ?? [])
    await db.unsafeAdmin.insertInto('director_themes').values({ municipality_id: m.id, user_id: u.id, theme_id: t }).execute();
  return { userId: u.id, municipalityId: m.id, role: u.role, name: u.name, email: u.email, departmentId: u.department_id, locale: u.locale, via: 'token' };
}

export const ctxFor = (deps: Deps, actor: Actor): Ctx => ({ ...deps, actor });

/** A staff member (or initiator) of `municipality`; a specialist belongs to its first department unless `department` says otherwise. */
export function actorOf(
  role: Role,
  opts: { municipality: TestMunicipality; department?: string; name?: string; email?: string; areaIds?: string[]; themeIds?: string[]; locale?: 'nl' | 'en' },
): Promise<Actor> {
  const { municipality, department, ...rest } = opts;
  return buildUser(municipality.db, municipality, { role, departmentId: department, ...rest });
}

/** The initiator of a case, as the actor their login link (a session) or a token makes them. */
export async function initiatorOf(db: Db, caseId: string, via: Actor['via'] = 'token'): Promise<Actor> {
  const u = await db.unsafeAdmin
    .selectFrom('cases as c')
    .innerJoin('users as u', 'u.id', 'c.initiator_id')
    .selectAll('u')
    .where('c.id', '=', caseId)
    .executeTakeFirstOrThrow();
  return {
    userId: u.id,
    municipalityId: u.municipality_id,
    role: 'initiator',
    name: u.name,
    email: u.email,
    departmentId: null,
    locale: u.locale,
    via,
  };
}

export interface BuiltCase {
  id: string;
  reference: string;
  initiator: Actor;
  /** the plan's action ids, in order, when a plan was saved */
  actionIds: string[];
}

/**
 * A case of `municipality`, made through the use-cases as people make it: submitted
 * on the web; for `intake` and beyond the coordinator assigns the director, who takes
 * it into intake (and planning), and saves `plan` if given. Without a coordinator or
 * director, ones are made for it. The owner of the address confirms the intake, as
 * the mailed link does.
 */
export async function buildCase(opts: {
  municipality: TestMunicipality;
  deps?: Deps;
  status?: 'submitted' | 'intake' | 'planning';
  coordinator?: Actor;
  director?: Actor;
  initiator?: SubmitCase['initiator'];
  title?: string;
  description?: string;
  location?: string;
  areaId?: string | null;
  themeIds?: string[];
  plan?: { goal: string; actions: PlanActionInput[] };
}): Promise<BuiltCase> {
  const m = opts.municipality;
  const deps = opts.deps ?? testDeps(m.db);
  const c = await submitCase(deps, {
    municipalityId: m.id,
    initiator: opts.initiator ?? { name: 'Fatima de Vries', email: `initiatiefnemer-${uniq()}@example.nl` },
    title: opts.title ?? 'Terras aan de haven',
    description: opts.description ?? 'Een terras aan de haven voor ons café.',
    location: opts.location ?? 'Havenkade 1',
    areaId: opts.areaId,
    themeIds: opts.themeIds,
    channel: 'web',
  });
  await deps.db.unsafeTransaction((trx) => unsafeConfirmIntake(trx, deps, { municipalityId: m.id, caseId: c.id }));
  const status = opts.status ?? (opts.plan ? 'planning' : 'submitted');
  let actionIds: string[] = [];
  if (status !== 'submitted') {
    const coordinator = opts.coordinator ?? (await actorOf('coordinator', { municipality: m }));
    const director = opts.director ?? (await actorOf('director', { municipality: m }));
    await assignDirector(ctxFor(deps, coordinator), { caseId: c.id, directorId: director.userId });
    await changeStatus(ctxFor(deps, director), { caseId: c.id, to: 'intake' });
    if (status === 'planning') await changeStatus(ctxFor(deps, director), { caseId: c.id, to: 'planning' });
    if (opts.plan) {
      await savePlan(ctxFor(deps, director), { caseId: c.id, ...opts.plan });
      const actions = await m.db.unsafeAdmin
        .selectFrom('plan_actions as a')
        .innerJoin('plans as p', 'p.id', 'a.plan_id')
        .select('a.id')
        .where('p.case_id', '=', c.id)
        .orderBy('a.position')
        .execute();
      actionIds = actions.map((a) => a.id);
    }
  }
  return { id: c.id, reference: c.reference, initiator: await initiatorOf(m.db, c.id), actionIds };
}

/**
 * An assessment round on a case, opened by `by` (its director or a coordinator); the
 * answer gives the round and its parties' ids, departments first in the order asked.
 */
export async function buildRound(opts: {
  deps: Deps;
  by: Actor;
  caseId: string;
  departmentIds: string[];
  outsideParties?: OpenRound['outsideParties'];
  proposal?: string;
}): Promise<{ id: string; departmentPartyIds: string[]; outsidePartyIds: string[] }> {
  const r = await openAssessmentRound(ctxFor(opts.deps, opts.by), {
    caseId: opts.caseId,
    proposal: opts.proposal ?? 'Een terras aan de haven',
    departmentIds: opts.departmentIds,
    outsideParties: opts.outsideParties ?? [],
  });
  const parties = await opts.deps.db.unsafeAdmin
    .selectFrom('assessment_parties')
    .select(['id', 'kind', 'department_id'])
    .where('round_id', '=', r.id)
    .execute();
  const departmentPartyIds = opts.departmentIds.map((d) => parties.find((p) => p.kind === 'department' && p.department_id === d)?.id as string);
  return { id: r.id, departmentPartyIds, outsidePartyIds: parties.filter((p) => p.kind !== 'department').map((p) => p.id) };
}

/** What `buildCommitment` records unless told otherwise; also a valid request body. */
export const commitmentFields: RecordFields = {
  madeBy: { name: 'P. de Vries', role: 'wethouder Economie' },
  what: 'De gemeente denkt mee over de vergunning.',
  dueOn: '2026-12-31',
  madeVia: 'meeting',
  madeOn: '2026-01-05',
  decision: { kind: 'other' },
};

/**
 * A commitment on a case, recorded by `by`. Unless `fields` say otherwise: made at a
 * meeting by an outside person ("other", so it waits for the coordinator's confirmation).
 */
export function buildCommitment(opts: { deps: Deps; by: Actor; caseId: string } & Partial<RecordFields>) {
  const { deps, by, caseId, ...fields } = opts;
  return recordCommitment(ctxFor(deps, by), { caseId, ...commitmentFields, ...fields });
}

/** Await a use-case that must refuse; answer what it said (status, message key, fields). */
export async function refusal(p: Promise<unknown>): Promise<{ status: number; key: string; fields: string[] }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { status: e.status, key: e.key, fields: e.fields.map((f) => f.field) };
    throw e;
  }
  throw new Error('expected a refusal, but it succeeded');
}
