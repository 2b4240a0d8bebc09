// Organisation use-cases: departments, areas, themes, users and settings of the
// admin's own municipality; the public read for the intake form; `regie user add`.
import { AppError, conflict, invalid, notFound } from '../../kernel/errors.js';
import { ROLES, STAFF_ROLES } from '../../platform/auth/index.js';
import type { Ctx, Deps } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import type { Role } from '../../platform/db/schema.js';
import { forgetCachedActors, hashPassword, inviteStaffMember, MIN_PASSWORD } from '../identity/index.js';
import { listAccountEvents, recordAccountEvent } from '../timeline/index.js';
import { isHexColour, LOGO_MAX_BYTES, readableWithWhite, sniffLogo } from './model.js';
import { organisationPolicy } from './policy.js';
import { forgetMunicipality, getMunicipality } from './repo.js';

export type Domain = 'social' | 'physical' | 'safety' | 'economy' | 'governance';
export type NamedKind = 'areas' | 'themes';

/** Postgres answers unique and foreign-key violations with these codes. */
const pgCode = (e: unknown) => (e as { code?: string })?.code;
async function translatingDbErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (pgCode(e) === '23505') throw conflict('error.duplicate');
    if (pgCode(e) === '23503') throw conflict('error.inUse');
    throw e;
  }
}

const inTenant = async <T>(ctx: Ctx, manage: boolean, fn: (trx: Tx, mId: string) => Promise<T>): Promise<T> => {
  organisationPolicy.authorize(ctx.actor, null, manage ? 'manage' : 'read');
  const mId = ctx.actor.municipalityId;
  return translatingDbErrors(() => ctx.db.tenant(mId, (trx) => fn(trx, mId)));
};

// ---- public ---------------------------------------------------------------------

export async function listMunicipalities(deps: Deps) {
  return deps.db.unsafeAdmin.selectFrom('municipalities').select(['slug', 'name']).orderBy('name').execute();
}

/**
 * What the public intake form and the page frame need: the municipality's areas and
 * themes, its contact details and its look (docs/product.md#the-municipalitys-own-look).
 */
export async function publicMunicipality(deps: Deps, slug: string) {
  const m = await deps.db.unsafeAdmin
    .selectFrom('municipalities')
    .select(['id', 'slug', 'name', 'contact_email', 'contact_phone', 'contact_website', 'primary_color', 'logo_updated_at'])
    .select((eb) => eb('logo', 'is not', null).as('has_logo'))
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!m) throw notFound('municipality');
  return deps.db.tenant(m.id, async (trx) => ({
    slug: m.slug,
    name: m.name,
    ...lookOf({ ...m, has_logo: Boolean(m.has_logo) }),
    areas: await trx.selectFrom('areas').select(['id', 'name']).where('municipality_id', '=', m.id).orderBy('name').execute(),
    themes: await trx.selectFrom('themes').select(['id', 'name']).where('municipality_id', '=', m.id).orderBy('name').execute(),
  }));
}

// ---- departments, areas, themes -------------------------------------------------

export function listOrganisation(ctx: Ctx) {
  return inTenant(ctx, false, async (trx, mId) => ({
    departments: await trx.selectFrom('departments').select(['id', 'name', 'domain']).where('municipality_id', '=', mId).orderBy('name').execute(),
    areas: await trx.selectFrom('areas').select(['id', 'name']).where('municipality_id', '=', mId).orderBy('name').execute(),
    themes: await trx.selectFrom('themes').select(['id', 'name']).where('municipality_id', '=', mId).orderBy('name').execute(),
  }));
}

export function createDepartment(ctx: Ctx, opts: { name: string; domain: Domain }) {
  return inTenant(ctx, true, (trx, mId) =>
    trx
      .insertInto('departments')
      .values({ municipality_id: mId, name: opts.name, domain: opts.domain })
      .returning(['id', 'name', 'domain'])
      .executeTakeFirstOrThrow(),
  );
}

export function updateDepartment(ctx: Ctx, opts: { id: string; name?: string; domain?: Domain }) {
  return inTenant(ctx, true, async (trx, mId) => {
    const row = await trx
      .updateTable('departments')
      .set({ ...(opts.name ? { name: opts.name } : {}), ...(opts.domain ? { domain: opts.domain } : {}) })
      .where('municipality_id', '=', mId)
      .where('id', '=', opts.id)
      .returning(['id', 'name', 'domain'])
      .executeTakeFirst();
    if (!row) throw notFound('department');
    return row;
  });
}

export function deleteDepartment(ctx: Ctx, id: string) {
  return inTenant(ctx, true, async (trx, mId) => {
    const r = await trx.deleteFrom('departments').where('municipality_id', '=', mId).where('id', '=', id).executeTakeFirst();
    if (Number(r.numDeletedRows) === 0) throw notFound('department');
  });
}

export function createNamed(ctx: Ctx, kind: NamedKind, name: string) {
  return inTenant(ctx, true, (trx, mId) => trx.insertInto(kind).values({ municipality_id: mId, name }).returning(['id', 'name']).executeTakeFirstOrThrow());
}

export function renameNamed(ctx: Ctx, kind: NamedKind, id: string, name: string) {
  return inTenant(ctx, true, async (trx, mId) => {
    const row = await trx.updateTable(kind).set({ name }).where('municipality_id', '=', mId).where('id', '=', id).returning(['id', 'name']).executeTakeFirst();
    if (!row) throw notFound(kind);
    return row;
  });
}

/** A theme or area still used by a case cannot go: cases keep what they were filed under. */
export function deleteNamed(ctx: Ctx, kind: NamedKind, id: string) {
  return inTenant(ctx, true, async (trx, mId) => {
    // Director coverage is not history: it goes with the area or theme.
    const r = await trx.deleteFrom(kind).where('municipality_id', '=', mId).where('id', '=', id).executeTakeFirst();
    if (Number(r.numDeletedRows) === 0) throw notFound(kind);
  });
}

// ---- users ----------------------------------------------------------------------

export interface UserInput {
  email: string;
  name: string;
  role: Role;
  departmentId?: string | null;
  password?: string | null;
  areaIds?: string[];
  themeIds?: string[];
  locale?: 'nl' | 'en';
}

async function checkRefs(trx: Tx, mId: string, u: { departmentId?: string | null; areaIds?: string[]; themeIds?: string[] }) {
  if (u.departmentId) {
    const d = await trx.selectFrom('departments').select('id').where('municipality_id', '=', mId).where('id', '=', u.departmentId).executeTakeFirst();
    if (!d) throw invalid('departmentId', 'error.unknownDepartment');
  }
  for (const [field, table, ids] of [
    ['areaIds', 'areas', u.areaIds],
    ['themeIds', 'themes', u.themeIds],
  ] as const) {
    if (!ids?.length) continue;
    const found = await trx.selectFrom(table).select('id').where('municipality_id', '=', mId).where('id', 'in', ids).execute();
    if (found.length !== new Set(ids).size) throw invalid(field, field === 'areaIds' ? 'error.unknownArea' : 'error.unknownTheme');
  }
}

async function setCoverage(trx: Tx, mId: string, userId: string, u: { areaIds?: string[]; themeIds?: string[] }) {
  if (u.areaIds) {
    await trx.deleteFrom('director_areas').where('municipality_id', '=', mId).where('user_id', '=', userId).execute();
    if (u.areaIds.length)
      await trx
        .insertInto('director_areas')
        .values([...new Set(u.areaIds)].map((a) => ({ municipality_id: mId, user_id: userId, area_id: a })))
        .execute();
  }
  if (u.themeIds) {
    await trx.deleteFrom('director_themes').where('municipality_id', '=', mId).where('user_id', '=', userId).execute();
    if (u.themeIds.length)
      await trx
        .insertInto('director_themes')
        .values([...new Set(u.themeIds)].map((t) => ({ municipality_id: mId, user_id: userId, theme_id: t })))
        .execute();
  }
}

function checkUserRules(u: { role?: Role; departmentId?: string | null; password?: string | null }) {
  if (u.role === 'initiator') throw invalid('role', 'error.staffRoleOnly');
  if (u.role === 'specialist' && !u.departmentId) throw invalid('departmentId', 'error.required');
  if (u.password != null && u.password.length < MIN_PASSWORD) throw invalid('password', 'error.weakPassword');
}

/** Staff of the municipality with their director coverage: three queries, no N+1. */
export function listUsers(ctx: Ctx, opts: { role?: Role } = {}) {
  return inTenant(ctx, false, async (trx, mId) => {
    let q = trx
      .selectFrom('users')
      .select(['id', 'email', 'name', 'role', 'department_id', 'active', 'locale'])
      .where('municipality_id', '=', mId)
      .where('role', '<>', 'initiator')
      .orderBy('name');
    if (opts.role) q = q.where('role', '=', opts.role);
    const users = await q.execute();
    const areas = await trx.selectFrom('director_areas').select(['user_id', 'area_id']).where('municipality_id', '=', mId).execute();
    const themes = await trx.selectFrom('director_themes').select(['user_id', 'theme_id']).where('municipality_id', '=', mId).execute();
    return users.map((u) => ({
      ...u,
      areaIds: areas.filter((a) => a.user_id === u.id).map((a) => a.area_id),
      themeIds: themes.filter((t) => t.user_id === u.id).map((t) => t.theme_id),
    }));
  });
}

export async function createUser(ctx: Ctx, u: UserInput) {
  checkUserRules(u);
  return inTenant(ctx, true, async (trx, mId) => {
    await checkRefs(trx, mId, u);
    const row = await trx
      .insertInto('users')
      .values({
        municipality_id: mId,
        email: u.email.trim().toLowerCase(),
        name: u.name,
        role: u.role,
        department_id: u.departmentId ?? null,
        password_hash: u.password ? await hashPassword(u.password) : null,
        locale: u.locale ?? 'nl',
      })
      .returning(['id', 'email', 'name', 'role', 'department_id', 'active', 'locale'])
      .executeTakeFirstOrThrow();
    await setCoverage(trx, mId, row.id, u);
    // Every new staff account can log in: it gets an invitation with a set-password
    // link, whether or not a password was given (docs/product.md#staff-accounts).
    await inviteStaffMember(trx, ctx, { municipalityId: mId, userId: row.id, name: row.name, email: row.email, locale: row.locale });
    return row;
  });
}

export async function updateUser(ctx: Ctx, u: { id: string } & Partial<Omit<UserInput, 'email'>> & { active?: boolean }) {
  checkUserRules(u);
  return inTenant(ctx, true, async (trx, mId) => {
    const current = await trx
      .selectFrom('users')
      .selectAll()
      .where('municipality_id', '=', mId)
      .where('id', '=', u.id)
      .where('role', '<>', 'initiator')
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw notFound('user');
    // An admin who locks themself out leaves the municipality without anyone to fix it.
    if (current.id === ctx.actor.userId && (u.active === false || (u.role && u.role !== 'admin'))) throw conflict('error.cannotLockOutSelf');
    const role = u.role ?? current.role;
    const departmentId = u.departmentId === undefined ? current.department_id : u.departmentId;
    if (role === 'specialist' && !departmentId) throw invalid('departmentId', 'error.required');
    await checkRefs(trx, mId, u);
    const row = await trx
      .updateTable('users')
      .set({
        name: u.name ?? current.name,
        role,
        department_id: departmentId,
        active: u.active ?? current.active,
        locale: u.locale ?? current.locale,
        ...(u.password ? { password_hash: await hashPassword(u.password) } : {}),
      })
      .where('id', '=', current.id)
      .returning(['id', 'email', 'name', 'role', 'department_id', 'active', 'locale'])
      .executeTakeFirstOrThrow();
    // Staff are deactivated, never deleted: their name stays in the history they made.
    // Deactivation ends their sessions and revokes their API tokens
    // (docs/product.md#staff-accounts); reactivation gives back neither.
    if (u.active === false && current.active) {
      await trx.deleteFrom('sessions').where('municipality_id', '=', mId).where('user_id', '=', current.id).execute();
      await trx
        .updateTable('api_tokens')
        .set({ revoked_at: ctx.clock.now() })
        .where('municipality_id', '=', mId)
        .where('user_id', '=', current.id)
        .where('revoked_at', 'is', null)
        .execute();
    }
    if (u.active === false) forgetCachedActors(current.id);
    // A role change is on the account's history (docs/product.md#an-accounts-history).
    if (row.role !== current.role) {
      await recordAccountEvent(trx, ctx, current.id, {
        type: 'account.roleChanged',
        payload: { from: current.role, to: row.role, source: 'admin', group: null },
      });
      forgetCachedActors(current.id);
    }
    await setCoverage(trx, mId, row.id, u);
    return row;
  });
}

/** The history of a staff account, oldest first: who changed its role, when, and how (docs/product.md#an-accounts-history). */
export async function userHistory(ctx: Ctx, userId: string) {
  return inTenant(ctx, true, async (trx, mId) => {
    const user = await trx
      .selectFrom('users')
      .select('id')
      .where('municipality_id', '=', mId)
      .where('id', '=', userId)
      .where('role', '<>', 'initiator')
      .executeTakeFirst();
    if (!user) throw notFound('user');
    return listAccountEvents(trx, mId, userId);
  });
}

// ---- settings -------------------------------------------------------------------

type LookColumns = {
  slug: string;
  contact_email: string | null;
  contact_phone: string | null;
  contact_website: string | null;
  primary_color: string | null;
  has_logo: boolean;
  logo_updated_at: Date | null;
};
/** Contact details and look as the web app reads them; the logo URL changes with each upload. */
const lookOf = (m: LookColumns) => ({
  contactEmail: m.contact_email,
  contactPhone: m.contact_phone,
  contactWebsite: m.contact_website,
  primaryColor: m.primary_color,
  logoUrl: m.has_logo ? `/api/v1/municipalities/${m.slug}/logo?v=${m.logo_updated_at?.getTime() ?? 0}` : null,
});

export function getSettings(ctx: Ctx) {
  return inTenant(ctx, false, async (trx, mId) => {
    const m = await getMunicipality(trx, mId);
    return {
      name: m.name,
      slug: m.slug,
      casePrefix: m.case_prefix,
      planTermDays: m.plan_term_days,
      extraHolidays: m.extra_holidays,
      personalDataRetentionMonths: m.personal_data_retention_months,
      ...lookOf({ ...m, has_logo: m.logo !== null }),
    };
  });
}

export type SettingsChange = {
  planTermDays?: number;
  extraHolidays?: string[];
  personalDataRetentionMonths?: number | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  contactWebsite?: string | null;
  primaryColor?: string | null;
  /** base64 of a PNG or SVG file; null removes the logo */
  logo?: string | null;
};

/** An empty text field clears the value. */
const blankToNull = (v: string | null | undefined) => (v === undefined ? undefined : v === null || v.trim() === '' ? null : v.trim());

/** The uploaded logo, checked by its content: a small PNG or SVG (docs/product.md#the-municipalitys-own-look). */
function decodeLogo(base64: string) {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw invalid('logo', 'error.logoType');
  if (bytes.length > LOGO_MAX_BYTES) throw invalid('logo', 'error.logoTooLarge', { max: LOGO_MAX_BYTES / 1024 });
  const type = sniffLogo(bytes);
  if (!type) throw invalid('logo', 'error.logoType');
  return { logo: bytes, logo_type: type, logo_updated_at: new Date() };
}

/**
 * Settings live on the municipalities row, which the tenant role may only read; the
 * admin's change goes through the privileged handle, still keyed on their own id.
 */
export async function updateSettings(ctx: Ctx, opts: SettingsChange) {
  organisationPolicy.authorize(ctx.actor, null, 'manage');
  const colour = blankToNull(opts.primaryColor === undefined || opts.primaryColor === null ? opts.primaryColor : opts.primaryColor.toLowerCase());
  if (colour) {
    if (!isHexColour(colour)) throw invalid('primaryColor', 'error.colourFormat');
    // White text on the colour must stay readable: docs/product.md#the-municipalitys-own-look (WCAG 1.4.3).
    if (!readableWithWhite(colour)) throw invalid('primaryColor', 'error.colourContrast');
  }
  const website = blankToNull(opts.contactWebsite);
  if (website && !/^https:\/\/[^\s/?#]+\.[^\s/?#]+([/?#]\S*)?$/i.test(website)) throw invalid('contactWebsite', 'error.websiteHttps');
  const logo = opts.logo === undefined ? {} : opts.logo === null ? { logo: null, logo_type: null, logo_updated_at: new Date() } : decodeLogo(opts.logo);
  await ctx.db.unsafeAdmin
    .updateTable('municipalities')
    .set({
      ...(opts.planTermDays !== undefined ? { plan_term_days: opts.planTermDays } : {}),
      ...(opts.extraHolidays !== undefined ? { extra_holidays: [...new Set(opts.extraHolidays)].sort() } : {}),
      ...(opts.personalDataRetentionMonths !== undefined ? { personal_data_retention_months: opts.personalDataRetentionMonths } : {}),
      ...(opts.contactEmail !== undefined ? { contact_email: blankToNull(opts.contactEmail)?.toLowerCase() ?? null } : {}),
      ...(opts.contactPhone !== undefined ? { contact_phone: blankToNull(opts.contactPhone) ?? null } : {}),
      ...(website !== undefined ? { contact_website: website } : {}),
      ...(colour !== undefined ? { primary_color: colour } : {}),
      ...logo,
    })
    .where('id', '=', ctx.actor.municipalityId)
    .execute();
  forgetMunicipality(ctx.actor.municipalityId);
  return getSettings(ctx);
}

// ---- the municipality's look, public ---------------------------------------------

/** The stored logo of a municipality, for `GET /municipalities/{slug}/logo`. */
export async function municipalityLogo(deps: Deps, slug: string) {
  const m = await deps.db.unsafeAdmin.selectFrom('municipalities').select(['logo', 'logo_type', 'logo_updated_at']).where('slug', '=', slug).executeTakeFirst();
  if (!m?.logo || !m.logo_type) throw notFound('logo');
  return { bytes: Buffer.from(m.logo), type: m.logo_type, updatedAt: m.logo_updated_at };
}

/**
 * The primary colour as NL Design System theme tokens, served as a stylesheet: the
 * content security policy refuses inline styles (docs/product.md#the-municipalitys-own-look).
 * The colour is checked as `#rrggbb` before it is stored and again here.
 */
export async function municipalityThemeCss(deps: Deps, slug: string): Promise<string> {
  const m = await deps.db.unsafeAdmin.selectFrom('municipalities').select(['primary_color']).where('slug', '=', slug).executeTakeFirst();
  if (!m) throw notFound('municipality');
  const c = m.primary_color;
  if (!c || !isHexColour(c)) return '/* Regie: de standaardkleuren */\n';
  const tokens = [
    '--regie-primary',
    '--utrecht-button-primary-action-background-color',
    '--utrecht-button-primary-action-border-color',
    '--utrecht-link-color',
  ];
  return `:root.utrecht-theme,\n:root {\n${tokens.map((t) => `  ${t}: ${c};`).join('\n')}\n  --utrecht-button-primary-action-color: #ffffff;\n}\n`;
}

// ---- command line ---------------------------------------------------------------

/** `regie user add`: a staff member for a municipality named by slug. */
export async function unsafeAddUser(
  deps: Deps,
  opts: { municipalitySlug: string; email: string; name: string; role: string; password?: string; departmentName?: string },
) {
  if (!(ROLES as readonly string[]).includes(opts.role) || !(STAFF_ROLES as readonly string[]).includes(opts.role)) {
    throw new Error(`Onbekende rol "${opts.role}". Kies uit: ${STAFF_ROLES.join(', ')}`);
  }
  const m = await deps.db.unsafeAdmin.selectFrom('municipalities').select('id').where('slug', '=', opts.municipalitySlug).executeTakeFirst();
  if (!m) throw new Error(`Gemeente "${opts.municipalitySlug}" bestaat niet.`);
  let departmentId: string | null = null;
  if (opts.departmentName) {
    const d = await deps.db.unsafeAdmin
      .selectFrom('departments')
      .select('id')
      .where('municipality_id', '=', m.id)
      .where('name', '=', opts.departmentName)
      .executeTakeFirst();
    if (!d) throw new Error(`Afdeling "${opts.departmentName}" bestaat niet in ${opts.municipalitySlug}.`);
    departmentId = d.id;
  }
  const actor = {
    userId: 'cli',
    municipalityId: m.id,
    role: 'admin' as const,
    name: 'regie',
    email: '',
    departmentId: null,
    locale: 'nl' as const,
    via: 'token' as const,
  };
  try {
    return await createUser({ ...deps, actor }, { email: opts.email, name: opts.name, role: opts.role as Role, password: opts.password ?? null, departmentId });
  } catch (e) {
    if (e instanceof AppError) throw new Error(`Gebruiker niet aangemaakt: ${e.key}${e.fields.length ? ` (${e.fields.map((f) => f.field).join(', ')})` : ''}`);
    throw e;
  }
}
