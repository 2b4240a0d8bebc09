// The OpenID Connect login settings of a municipality (docs/product.md#logging-in-through-openid-connect):
// a staff single sign-on issuer, and a broker's DigiD and eHerkenning clients. The
// administrator sets them; the client secret is sealed at rest and never answered.
import { AppError, invalid, notFound } from '../../kernel/errors.js';
import type { Actor, Role } from '../../platform/auth/index.js';
import { STAFF_ROLES } from '../../platform/auth/index.js';
import { definePolicy } from '../../platform/auth/policy.js';
import type { Ctx, Deps } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { seal } from './oidc-crypto.js';
import { KNOWN_LEVELS } from './oidc-levels.js';

export const LOGIN_KINDS = ['staff', 'digid', 'eherkenning'] as const;
export type LoginKind = (typeof LOGIN_KINDS)[number];

/** The claim that names the person, unless the administrator sets another. */
export const DEFAULT_CLAIM: Record<LoginKind, string> = { staff: 'email', digid: 'bsn', eherkenning: 'kvk' };

export const loginSettingsPolicy = definePolicy({
  manage: (a: Actor) => a.role === 'admin',
});

export interface LoginSettings {
  kind: LoginKind;
  issuer: string;
  clientId: string;
  /** whether a secret is stored; the secret itself is never answered */
  clientSecretSet: boolean;
  identifierClaim: string;
  groupClaim: string | null;
  groupRoles: { group: string; role: Role }[];
  passwordLogin: boolean;
  minLevel: string | null;
}

export interface SetLoginSettings {
  issuer: string;
  clientId: string;
  /** undefined: keep the stored secret; null: remove it */
  clientSecret?: string | null;
  identifierClaim?: string | null;
  groupClaim?: string | null;
  groupRoles?: { group: string; role: Role }[];
  passwordLogin?: boolean;
  minLevel?: string | null;
}

type Row = {
  kind: string;
  issuer: string;
  client_id: string;
  client_secret_sealed: string | null;
  identifier_claim: string;
  group_claim: string | null;
  group_roles: unknown;
  password_login: boolean;
  min_level: string | null;
};

export function presentSettings(r: Row): LoginSettings {
  return {
    kind: r.kind as LoginKind,
    issuer: r.issuer,
    clientId: r.client_id,
    clientSecretSet: r.client_secret_sealed !== null,
    identifierClaim: r.identifier_claim,
    groupClaim: r.group_claim,
    groupRoles: groupRolesOf(r.group_roles),
    passwordLogin: r.password_login,
    minLevel: r.min_level,
  };
}

export function groupRolesOf(v: unknown): { group: string; role: Role }[] {
  const list = typeof v === 'string' ? JSON.parse(v) : v;
  return Array.isArray(list) ? (list as { group: string; role: Role }[]) : [];
}

/** An issuer is an https URL; plain http only on this machine (a broker beside Regie, a test). */
export function issuerAllowed(issuer: string): boolean {
  let u: URL;
  try {
    u = new URL(issuer);
  } catch {
    return false;
  }
  if (u.username || u.password || u.search || u.hash) return false;
  return u.protocol === 'https:' || (u.protocol === 'http:' && isLoopback(u.hostname));
}

export const isLoopback = (host: string) => host === 'localhost' || host === '127.0.0.1' || host === '[::1]';

export async function listLoginSettings(ctx: Ctx): Promise<LoginSettings[]> {
  loginSettingsPolicy.authorize(ctx.actor, null, 'manage');
  const mId = ctx.actor.municipalityId;
  const rows = await ctx.db.tenant(mId, (trx) => trx.selectFrom('login_providers').selectAll().where('municipality_id', '=', mId).orderBy('kind').execute());
  return rows.map(presentSettings);
}

export async function setLoginSettings(ctx: Ctx, kind: LoginKind, s: SetLoginSettings): Promise<LoginSettings> {
  loginSettingsPolicy.authorize(ctx.actor, null, 'manage');
  if (!issuerAllowed(s.issuer)) throw invalid('issuer', 'error.issuerNotHttps');
  if (s.minLevel && !KNOWN_LEVELS.includes(s.minLevel)) throw invalid('minLevel', 'error.unknownAssuranceLevel');
  for (const [i, g] of (s.groupRoles ?? []).entries())
    if (!(STAFF_ROLES as readonly string[]).includes(g.role)) throw invalid(`groupRoles.${i}.role`, 'error.invalidInput');
  const mId = ctx.actor.municipalityId;
  const staff = kind === 'staff';
  const values = {
    issuer: s.issuer.replace(/\/$/, ''),
    client_id: s.clientId,
    identifier_claim: s.identifierClaim || DEFAULT_CLAIM[kind],
    group_claim: staff ? (s.groupClaim ?? null) : null,
    group_roles: JSON.stringify(staff ? (s.groupRoles ?? []) : []),
    password_login: staff ? (s.passwordLogin ?? true) : true,
    min_level: staff ? null : (s.minLevel ?? null),
    updated_at: ctx.clock.now(),
    ...(s.clientSecret !== undefined ? { client_secret_sealed: s.clientSecret === null ? null : seal(ctx.config, s.clientSecret) } : {}),
  };
  const row = await ctx.db.tenant(mId, (trx) =>
    trx
      .insertInto('login_providers')
      .values({ municipality_id: mId, kind, ...values })
      .onConflict((oc) => oc.columns(['municipality_id', 'kind']).doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
  return presentSettings(row);
}

export async function removeLoginSettings(ctx: Ctx, kind: LoginKind): Promise<void> {
  loginSettingsPolicy.authorize(ctx.actor, null, 'manage');
  const mId = ctx.actor.municipalityId;
  const res = await ctx.db.tenant(mId, (trx) =>
    trx.deleteFrom('login_providers').where('municipality_id', '=', mId).where('kind', '=', kind).executeTakeFirst(),
  );
  if (Number(res.numDeletedRows) === 0) throw notFound('login-settings');
}

/** How one can log in to a municipality, for its login pages (public). */
export async function unsafeLoginOptions(deps: Deps, slug: string) {
  const m = await deps.db.unsafeAdmin.selectFrom('municipalities').select('id').where('slug', '=', slug).executeTakeFirst();
  if (!m) throw notFound('municipality');
  const rows = await deps.db.unsafeAdmin.selectFrom('login_providers').select(['kind', 'password_login']).where('municipality_id', '=', m.id).execute();
  const has = (k: LoginKind) => rows.some((r) => r.kind === k);
  return {
    staff: has('staff'),
    digid: has('digid'),
    eherkenning: has('eherkenning'),
    passwordLogin: rows.find((r) => r.kind === 'staff')?.password_login ?? true,
  };
}

/**
 * The municipalities where one can log in through OpenID Connect, with which logins,
 * for the login page's pickers: a municipality without any is not listed, so a picker
 * shows only when it offers a choice that leads somewhere
 * (docs/product.md#logging-in-through-openid-connect).
 */
export async function unsafeLoginMunicipalities(deps: Deps) {
  const rows = await deps.db.unsafeAdmin
    .selectFrom('login_providers as p')
    .innerJoin('municipalities as m', 'm.id', 'p.municipality_id')
    .select(['m.slug', 'm.name', 'p.kind'])
    .orderBy('m.name')
    .orderBy('m.slug')
    .execute();
  const items: { slug: string; name: string; staff: boolean; digid: boolean; eherkenning: boolean }[] = [];
  for (const r of rows) {
    let item = items.find((i) => i.slug === r.slug);
    if (!item) {
      item = { slug: r.slug, name: r.name, staff: false, digid: false, eherkenning: false };
      items.push(item);
    }
    item[r.kind as LoginKind] = true;
  }
  return items;
}

/**
 * Whether the municipality has switched password login off for its staff, read in the
 * use-case's transaction (docs/product.md#logging-in-through-openid-connect).
 */
export async function passwordLoginOff(trx: Tx, municipalityId: string): Promise<boolean> {
  const sso = await trx
    .selectFrom('login_providers')
    .select('password_login')
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', 'staff')
    .executeTakeFirst();
  return !!sso && !sso.password_login;
}

/**
 * Staff of a municipality that has switched password login off log in through its
 * single sign-on only (docs/product.md#logging-in-through-openid-connect).
 */
export async function unsafeRefuseWhenPasswordLoginOff(deps: Deps, municipalityId: string): Promise<void> {
  const sso = await deps.db.unsafeAdmin
    .selectFrom('login_providers')
    .select('password_login')
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', 'staff')
    .executeTakeFirst();
  if (sso && !sso.password_login) throw new AppError(403, 'password-login-off', 'error.passwordLoginOff');
}
