// Staff passwords (docs/product.md#staff-accounts): the invitation a new staff account
// gets, "Wachtwoord vergeten", setting a password through a one-time link, and changing
// one's own password. A set-password link works once and expires; only its SHA-256 is
// stored. Setting a password through a link ends every session of the account; a
// change on "Mijn account" ends every other session. The answer to a reset request is
// the same whether or not the address belongs to anyone. In a municipality that has
// switched password login off no set-password link is issued, and one issued before
// the switch is refused (docs/product.md#logging-in-through-openid-connect).
import { AppError, invalid } from '../../kernel/errors.js';
import type { Ctx, Deps } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { loginPageLink, setPasswordLink } from '../../platform/links.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { mails } from '../notifications/index.js';
import { passwordLoginOff } from './oidc-config.js';
import { accountPolicy } from './policy.js';
import { hashPassword, newToken, sha256, verifyPassword } from './secrets.js';
import { forgetCachedActors, type Session, startSessionFor } from './service.js';

/** The least length of a password, for every way one is set. */
export const MIN_PASSWORD = 12;
/** How long an invitation works: long enough for someone away for the weekend. */
export const INVITE_HOURS = 72;
/** How long a reset link works: short, it was asked for a moment ago. */
export const RESET_HOURS = 2;

type Purpose = 'invite' | 'reset';

async function issuePasswordLink(trx: Tx, deps: Deps, opts: { municipalityId: string; userId: string; purpose: Purpose }): Promise<string> {
  const token = newToken();
  const hours = opts.purpose === 'invite' ? INVITE_HOURS : RESET_HOURS;
  await trx
    .insertInto('password_links')
    .values({
      token_hash: sha256(token),
      municipality_id: opts.municipalityId,
      user_id: opts.userId,
      purpose: opts.purpose,
      expires_at: new Date(deps.clock.now().getTime() + hours * 3_600_000),
    })
    .execute();
  return setPasswordLink(deps.config.publicUrl, token);
}

/** Mail a new staff account its invitation, in the transaction that creates the account. */
export async function inviteStaffMember(
  trx: Tx,
  deps: Deps,
  opts: { municipalityId: string; userId: string; name: string; email: string; locale: 'nl' | 'en' },
): Promise<void> {
  const m = await trx.selectFrom('municipalities').select('name').where('id', '=', opts.municipalityId).executeTakeFirstOrThrow();
  // Single sign-on only: the invitation carries no set-password link, it points to the
  // login page (docs/product.md#logging-in-through-openid-connect).
  if (await passwordLoginOff(trx, opts.municipalityId)) {
    await enqueueMail(trx, {
      municipalityId: opts.municipalityId,
      to: opts.email,
      ...mails.staffInvitationSso(opts.locale, { name: opts.name, email: opts.email, link: loginPageLink(deps.config.publicUrl), municipality: m.name }),
    });
    return;
  }
  const link = await issuePasswordLink(trx, deps, { municipalityId: opts.municipalityId, userId: opts.userId, purpose: 'invite' });
  await enqueueMail(trx, {
    municipalityId: opts.municipalityId,
    to: opts.email,
    ...mails.staffInvitation(opts.locale, { name: opts.name, email: opts.email, link, hours: INVITE_HOURS, municipality: m.name }),
  });
}

/**
 * "Wachtwoord vergeten": a reset link to every active staff account with this address,
 * in whichever municipality (an address may belong to staff of two). Unknown addresses
 * get nothing, and the caller answers the same. An account in a municipality that has
 * switched password login off gets nothing either — the same answer, so the request
 * tells nobody where the address is known
 * (docs/product.md#logging-in-through-openid-connect).
 */
export async function unsafeRequestPasswordReset(deps: Deps, opts: { email: string }): Promise<void> {
  const accounts = await deps.db.unsafeAdmin
    .selectFrom('users')
    .select(['id', 'municipality_id'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', opts.email.trim().toLowerCase()))
    .where('role', '<>', 'initiator')
    .where('active', '=', true)
    .execute();
  for (const a of accounts) {
    await deps.db.tenant(a.municipality_id, async (trx) => {
      if (await passwordLoginOff(trx, a.municipality_id)) return;
      const u = await trx
        .selectFrom('users')
        .select(['id', 'name', 'email', 'locale'])
        .where('municipality_id', '=', a.municipality_id)
        .where('id', '=', a.id)
        .executeTakeFirstOrThrow();
      const m = await trx.selectFrom('municipalities').select('name').where('id', '=', a.municipality_id).executeTakeFirstOrThrow();
      const link = await issuePasswordLink(trx, deps, { municipalityId: a.municipality_id, userId: u.id, purpose: 'reset' });
      await enqueueMail(trx, {
        municipalityId: a.municipality_id,
        to: u.email,
        ...mails.passwordReset(u.locale, { name: u.name, link, hours: RESET_HOURS, municipality: m.name }),
      });
    });
  }
}

const checkPassword = (field: string, pw: string) => {
  if (pw.length < MIN_PASSWORD) throw invalid(field, 'error.weakPassword');
};

async function endSessions(trx: Tx, municipalityId: string, userId: string, except?: string): Promise<void> {
  let q = trx.deleteFrom('sessions').where('municipality_id', '=', municipalityId).where('user_id', '=', userId);
  if (except) q = q.where('id', '<>', except);
  await q.execute();
}

/**
 * Set a password through an invitation or reset link: the link is used up, every
 * session of the account ends, and a new session starts for whoever set it. A link
 * issued before the municipality switched password login off is refused (403,
 * `password-login-off`): no password is set and no session starts
 * (docs/product.md#logging-in-through-openid-connect).
 */
export async function unsafeSetPasswordWithLink(deps: Deps, opts: { token: string; password: string }): Promise<Session> {
  checkPassword('password', opts.password);
  const now = deps.clock.now();
  const link = await deps.db.unsafeAdmin
    .selectFrom('password_links as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.municipality_id', 'p.user_id'])
    .where('p.token_hash', '=', sha256(opts.token))
    .where('p.used_at', 'is', null)
    .where('p.expires_at', '>', now)
    .where('u.active', '=', true)
    .executeTakeFirst();
  if (!link) throw new AppError(401, 'invalid-link', 'error.invalidPasswordLink');
  const hash = await hashPassword(opts.password);
  const used = await deps.db.tenant(link.municipality_id, async (trx) => {
    if (await passwordLoginOff(trx, link.municipality_id)) throw new AppError(403, 'password-login-off', 'error.passwordLoginOff');
    const r = await trx
      .updateTable('password_links')
      .set({ used_at: now })
      .where('token_hash', '=', sha256(opts.token))
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false;
    await trx.updateTable('users').set({ password_hash: hash }).where('municipality_id', '=', link.municipality_id).where('id', '=', link.user_id).execute();
    // Every other link of the account is spent too: the password it was for is set.
    await trx.updateTable('password_links').set({ used_at: now }).where('user_id', '=', link.user_id).where('used_at', 'is', null).execute();
    await endSessions(trx, link.municipality_id, link.user_id);
    return true;
  });
  if (!used) throw new AppError(401, 'invalid-link', 'error.invalidPasswordLink');
  forgetCachedActors(link.user_id);
  return startSessionFor(deps, link.user_id);
}

/** Change one's own password on "Mijn account": the current one is required; other sessions end. */
export async function changeOwnPassword(ctx: Ctx, opts: { current: string; password: string; sessionToken?: string }): Promise<void> {
  accountPolicy.authorize(ctx.actor, null, 'changePassword');
  checkPassword('password', opts.password);
  const mId = ctx.actor.municipalityId;
  const u = await ctx.db.tenant(mId, (trx) =>
    trx.selectFrom('users').select(['password_hash']).where('municipality_id', '=', mId).where('id', '=', ctx.actor.userId).executeTakeFirstOrThrow(),
  );
  if (!u.password_hash || !(await verifyPassword(u.password_hash, opts.current))) throw invalid('current', 'error.wrongPassword');
  const hash = await hashPassword(opts.password);
  await ctx.db.tenant(mId, async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash }).where('municipality_id', '=', mId).where('id', '=', ctx.actor.userId).execute();
    await endSessions(trx, mId, ctx.actor.userId, opts.sessionToken ? sha256(opts.sessionToken) : undefined);
  });
  forgetCachedActors(ctx.actor.userId);
}
