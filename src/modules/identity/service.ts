// Authentication use-cases: staff password login, initiator login links, sessions
// and personal API tokens. Look-ups by secret cross tenants by nature (the secret
// says who you are), so they are the `unsafe…` functions of this module.
import { AppError, notFound } from '../../kernel/errors.js';
import type { Actor } from '../../platform/auth/index.js';
import type { Ctx, Deps } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import type { UserRow } from '../../platform/db/schema.js';
import { loginLink } from '../../platform/links.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { mails } from '../notifications/index.js';
import { unsafeRefuseWhenPasswordLoginOff } from './oidc-config.js';
import { DUMMY_HASH, newToken, sha256, verifyPassword } from './secrets.js';

const LINK_HOURS = 72;

/** The actor a user row acts as. */
export function toActor(u: UserRow, via: Actor['via'], csrfToken?: string): Actor {
  return {
    userId: u.id,
    municipalityId: u.municipality_id,
    role: u.role,
    name: u.name,
    email: u.email,
    departmentId: u.department_id,
    locale: u.locale,
    via,
    csrfToken,
  };
}

export interface Session {
  token: string;
  csrfToken: string;
  actor: Actor;
  expiresAt: Date;
}

async function createSession(deps: Deps, user: UserRow): Promise<Session> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(deps.clock.now().getTime() + deps.config.sessionDays * 86_400_000);
  await deps.db.unsafeAdmin
    .insertInto('sessions')
    .values({ id: sha256(token), municipality_id: user.municipality_id, user_id: user.id, csrf_token: csrfToken, expires_at: expiresAt })
    .execute();
  return { token, csrfToken, actor: toActor(user, 'session', csrfToken), expiresAt };
}

/** A new session for a user known by id (after setting a password through a link). */
export async function startSessionFor(deps: Deps, userId: string): Promise<Session> {
  const user = await deps.db.unsafeAdmin.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  return createSession(deps, user);
}

/**
 * Staff log in with e-mail and password. A staff address is unique per municipality,
 * so the same address can be staff in several: with the municipality given, only
 * that one's account is tried; without it, every active staff account with the
 * address is tried at once (in parallel, so the time taken does not count them) and
 * the one whose password matches is logged in. Unknown e-mail and wrong password look
 * alike. Only when the password matches in more than one municipality does the answer
 * ask to choose one — which tells nothing to someone who does not hold the password
 * (docs/architecture.md#staff-login-and-municipalities).
 */
export async function unsafeLoginWithPassword(deps: Deps, opts: { email: string; password: string; municipality?: string | null }): Promise<Session> {
  let q = deps.db.unsafeAdmin
    .selectFrom('users as u')
    .innerJoin('municipalities as m', 'm.id', 'u.municipality_id')
    .selectAll('u')
    .where((eb) => eb(eb.fn('lower', ['u.email']), '=', opts.email.trim().toLowerCase()))
    .where('u.role', '<>', 'initiator')
    .where('u.active', '=', true);
  if (opts.municipality) q = q.where('m.slug', '=', opts.municipality);
  const candidates = await q.execute();
  const tried = candidates.length ? candidates : [null];
  const checks = await Promise.all(tried.map((u) => verifyPassword(u?.password_hash ?? DUMMY_HASH, opts.password)));
  const matches = tried.filter((u, i): u is UserRow => u !== null && u.password_hash !== null && checks[i] === true);
  if (matches.length === 0) throw new AppError(401, 'invalid-credentials', 'error.invalidCredentials');
  if (matches.length > 1) throw new AppError(409, 'choose-municipality', 'error.chooseMunicipality');
  // Single sign-on only, when the municipality says so (docs/product.md#logging-in-through-openid-connect).
  await unsafeRefuseWhenPasswordLoginOff(deps, (matches[0] as UserRow).municipality_id);
  return createSession(deps, matches[0] as UserRow);
}

// Who a session or API token is, kept for a few seconds per process: every request
// asks, and the answer rarely changes. Logout, revocation and deactivation in this
// process forget it at once; in another process it lasts at most CACHE_MS.
const CACHE_MS = 5_000;
const actors = new Map<string, { actor: Actor; until: number }>();

function cached(key: string): Actor | null | undefined {
  const hit = actors.get(key);
  if (!hit) return undefined;
  if (hit.until > Date.now()) return hit.actor;
  actors.delete(key);
  return undefined;
}

function remember(key: string, actor: Actor, expiresAt?: Date): Actor {
  if (actors.size > 10_000) actors.clear();
  actors.set(key, { actor, until: Math.min(Date.now() + CACHE_MS, expiresAt?.getTime() ?? Number.POSITIVE_INFINITY) });
  return actor;
}

export function forgetCachedActors(userId: string): void {
  for (const [key, v] of actors) if (v.actor.userId === userId) actors.delete(key);
}

export async function unsafeResolveSession(deps: Deps, token: string): Promise<Actor | null> {
  const key = `s:${sha256(token)}`;
  const hit = cached(key);
  if (hit) return hit;
  const row = await deps.db.unsafeAdmin
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('oidc_sessions as o', 'o.session_id', 's.id')
    .selectAll('u')
    .select(['s.csrf_token', 's.expires_at', 'o.kind as oidc_kind', 'o.branch_number', 'o.acting_name', 'o.acting_pseudonym'])
    .where('s.id', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.expires_at < deps.clock.now() || !row.active) return null;
  const actor = toActor(row, 'session', row.csrf_token);
  // An eHerkenning login acts from a branch, by a person (docs/product.md#eherkenning-branches-and-acting-persons).
  if (row.oidc_kind === 'eherkenning') actor.onBehalf = { branchNumber: row.branch_number, actingName: row.acting_name, actingPseudonym: row.acting_pseudonym };
  return remember(key, actor, row.expires_at);
}

export async function unsafeResolveApiToken(deps: Deps, token: string): Promise<Actor | null> {
  const key = `t:${sha256(token)}`;
  const hit = cached(key);
  if (hit) return hit;
  const row = await deps.db.unsafeAdmin
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .selectAll('u')
    .select(['t.id as token_id', 't.last_used_at as token_last_used_at'])
    .where('t.token_hash', '=', sha256(token))
    .where('t.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row?.active) return null;
  // When the token was last used, shown on Mijn account (docs/product.md#staff-accounts):
  // written at most once per TOKEN_USE_MINUTES, so reading with a token stays a read. A
  // server that takes no writes (a standby during a failover) still serves the reads:
  // the last use is then not written.
  const now = deps.clock.now();
  if (!row.token_last_used_at || now.getTime() - row.token_last_used_at.getTime() >= TOKEN_USE_MINUTES * 60_000) {
    await deps.db.unsafeAdmin
      .updateTable('api_tokens')
      .set({ last_used_at: now })
      .where('id', '=', row.token_id)
      .execute()
      .catch(() => undefined);
  }
  return remember(key, toActor(row, 'token'));
}

/** The last use of an API token is kept to this many minutes. */
export const TOKEN_USE_MINUTES = 5;

export async function logout(deps: Deps, token: string): Promise<void> {
  actors.delete(`s:${sha256(token)}`);
  await deps.db.unsafeAdmin.deleteFrom('sessions').where('id', '=', sha256(token)).execute();
}

/**
 * Create a one-time link (written in the caller's transaction): a login link for a
 * user, or — without a user — the link that confirms a public intake of one case.
 */
export async function issueLoginLink(
  trx: Tx,
  deps: Deps,
  opts: ({ municipalityId: string; userId: string; caseId: string | null } | { municipalityId: string; userId: null; caseId: string }) & {
    /** how long the link works; a link written into a mail about a case lives MAIL_LINK_DAYS (docs/product.md#links-in-mail) */
    validHours?: number;
  },
): Promise<string> {
  const token = newToken();
  await trx
    .insertInto('login_links')
    .values({
      token_hash: sha256(token),
      municipality_id: opts.municipalityId,
      user_id: opts.userId,
      case_id: opts.caseId,
      expires_at: new Date(deps.clock.now().getTime() + (opts.validHours ?? LINK_HOURS) * 3_600_000),
    })
    .execute();
  return loginLink(deps.config.publicUrl, token);
}

/**
 * Confirms the public intake of one case for the owner of its address and answers
 * the account it is now attached to, or null when there is nothing to confirm. The
 * cases module provides it; app.ts passes it in.
 */
export type ConfirmIntake = (trx: Tx, link: { municipalityId: string; caseId: string }) => Promise<string | null>;

/**
 * Exchange a login link for a session; each link works once and expires. A link
 * without a user confirms the intake of its own case — that case and no other — in
 * the same transaction, and logs in the account the case is then attached to.
 */
export async function unsafeConsumeLoginLink(deps: Deps, token: string, confirmIntake?: ConfirmIntake): Promise<Session & { caseId: string | null }> {
  const now = deps.clock.now();
  const link = await deps.db.unsafeTransaction(async (trx) => {
    const row = await trx
      .updateTable('login_links')
      .set({ used_at: now })
      .where('token_hash', '=', sha256(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning(['municipality_id', 'user_id', 'case_id'])
      .executeTakeFirst();
    if (!row || row.user_id) return row && { userId: row.user_id, caseId: row.case_id };
    const userId = row.case_id && confirmIntake ? await confirmIntake(trx, { municipalityId: row.municipality_id, caseId: row.case_id }) : null;
    return userId ? { userId, caseId: row.case_id } : undefined;
  });
  if (!link?.userId) throw new AppError(401, 'invalid-link', 'error.invalidLink');
  const user = await deps.db.unsafeAdmin.selectFrom('users').selectAll().where('id', '=', link.userId).executeTakeFirstOrThrow();
  return { ...(await createSession(deps, user)), caseId: link.caseId };
}

export async function createApiToken(ctx: Ctx, opts: { name: string }): Promise<{ id: string; token: string; name: string }> {
  const token = newToken('regie_');
  const row = await ctx.db.tenant(ctx.actor.municipalityId, (trx) =>
    trx
      .insertInto('api_tokens')
      .values({ municipality_id: ctx.actor.municipalityId, user_id: ctx.actor.userId, name: opts.name, token_hash: sha256(token) })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow(),
  );
  return { id: row.id, name: row.name, token };
}

export async function listApiTokens(ctx: Ctx) {
  return ctx.db.tenant(ctx.actor.municipalityId, (trx) =>
    trx
      .selectFrom('api_tokens')
      .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
      .where('municipality_id', '=', ctx.actor.municipalityId)
      .where('user_id', '=', ctx.actor.userId)
      .orderBy('created_at', 'desc')
      .execute(),
  );
}

export async function revokeApiToken(ctx: Ctx, opts: { id: string }): Promise<void> {
  const res = await ctx.db.tenant(ctx.actor.municipalityId, (trx) =>
    trx
      .updateTable('api_tokens')
      .set({ revoked_at: ctx.clock.now() })
      .where('municipality_id', '=', ctx.actor.municipalityId)
      .where('user_id', '=', ctx.actor.userId)
      .where('id', '=', opts.id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst(),
  );
  if (Number(res.numUpdatedRows) === 0) throw notFound('token');
  forgetCachedActors(ctx.actor.userId);
}

/**
 * `regie token create --email … [--municipality …]`: a token for a named staff member,
 * from the command line. An address that is staff in more than one municipality needs
 * the municipality (docs/architecture.md#staff-login-and-municipalities).
 */
export async function unsafeCreateApiTokenForEmail(deps: Deps, opts: { email: string; name: string; municipality?: string }) {
  let q = deps.db.unsafeAdmin
    .selectFrom('users as u')
    .innerJoin('municipalities as m', 'm.id', 'u.municipality_id')
    .selectAll('u')
    .where((eb) => eb(eb.fn('lower', ['u.email']), '=', opts.email.trim().toLowerCase()))
    .where('u.role', '<>', 'initiator');
  if (opts.municipality) q = q.where('m.slug', '=', opts.municipality);
  const users = await q.execute();
  const user = users[0];
  if (!user) throw notFound('user');
  if (users.length > 1) throw new AppError(409, 'choose-municipality', 'error.chooseMunicipality');
  return createApiToken({ ...deps, actor: toActor(user, 'token') }, { name: opts.name });
}

/**
 * An initiator asks for a fresh login link. The answer is the same whether or not the
 * address is known, so nobody can probe who has a case.
 */
export async function requestLoginLink(deps: Deps, opts: { municipalitySlug: string; email: string }): Promise<void> {
  const m = await deps.db.unsafeAdmin.selectFrom('municipalities').select(['id', 'name']).where('slug', '=', opts.municipalitySlug).executeTakeFirst();
  if (!m) return;
  await deps.db.tenant(m.id, async (trx) => {
    const user = await trx
      .selectFrom('users')
      .selectAll()
      .where('municipality_id', '=', m.id)
      .where('role', '=', 'initiator')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', opts.email.trim().toLowerCase()))
      .executeTakeFirst();
    if (!user) return;
    const link = await issueLoginLink(trx, deps, { municipalityId: m.id, userId: user.id, caseId: null });
    await enqueueMail(trx, { municipalityId: m.id, to: user.email, ...mails.loginLink(user.locale, { name: user.name, link, municipality: m.name }) });
  });
}
