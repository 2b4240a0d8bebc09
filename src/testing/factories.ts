// Test factories: a migrated database of the engine under test (PGlite in memory,
// or a fresh database on the PostgreSQL server that `npm test` started), and
// builders that give every test its own municipality, so tests never share rows.
import { randomBytes } from 'node:crypto';
import { type Clock, fixedClock } from '../kernel/clock.js';
import { AppError } from '../kernel/errors.js';
import type { Actor, Role } from '../platform/auth/index.js';
import { hashPassword } from '../modules/identity/secrets.js';
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
  return { db, clock, config: { ...loadConfig({}), publicUrl: 'http://regie.test', secureCookies: false } };
}

const uniq = () => randomBytes(4).toString('hex');
let prefixSeq = 0;

export interface TestMunicipality {
  id: string;
  slug: string;
  prefix: string;
  areaIds: string[];
  themeIds: string[];
  departmentIds: string[];
}

/** A municipality with two areas, two themes and two departments. */
export async function buildMunicipality(db: Db, opts: { planTermDays?: number; extraHolidays?: string[] } = {}): Promise<TestMunicipality> {
  // Prefixes are 2–4 capitals and unique; derive one from a counter and randomness.
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const n = (prefixSeq++ + Number.parseInt(uniq(), 16)) % (26 * 26 * 26);
  const prefix = `T${letters[Math.floor(n / 676) % 26]}${letters[Math.floor(n / 26) % 26]}${letters[n % 26]}`;
  const k = db.unsafeAdmin;
  const m = await k
    .insertInto('municipalities')
    .values({
      slug: `test-${uniq()}`,
      name: `Gemeente Test ${prefix}`,
      case_prefix: prefix,
      plan_term_days: opts.planTermDays ?? 42,
      extra_holidays: opts.extraHolidays ?? [],
    })
    .returning(['id', 'slug', 'case_prefix'])
    .executeTakeFirstOrThrow();
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
