// Personal links in mail to initiators (docs/product.md#links-in-mail): every mail that
// links into Regie carries a fresh one-time login link of its own, valid for
// MAIL_LINK_DAYS, so a link in a week-old mail still works. A link that has expired or
// been used offers a new one: the new link goes to the address the old one was mailed
// to, never to an address the requester names, and the answer is the same whether or
// not the old link was known.
import type { Deps } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { loginLink } from '../../platform/links.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { MAIL_LINK_DAYS, mails } from '../notifications/index.js';
import { newToken, sha256 } from './secrets.js';

/** A one-time login link to a case page, for one mail (written in the caller's transaction). */
export async function issueMailLoginLink(trx: Tx, deps: Deps, opts: { municipalityId: string; userId: string; caseId: string | null }): Promise<string> {
  const token = newToken();
  await trx
    .insertInto('login_links')
    .values({
      token_hash: sha256(token),
      municipality_id: opts.municipalityId,
      user_id: opts.userId,
      case_id: opts.caseId,
      expires_at: new Date(deps.clock.now().getTime() + MAIL_LINK_DAYS * 86_400_000),
    })
    .execute();
  return loginLink(deps.config.publicUrl, token);
}

/** What to do for a link that names a case but no account: a public intake's confirmation link. */
export type ResendForCase = (trx: Tx, link: { municipalityId: string; caseId: string }) => Promise<void>;

/**
 * "Stuur mij een nieuwe link": the holder of an expired or used login link asks for a
 * fresh one for the same case. Nothing is revealed either way. A link without an
 * account (an intake's confirmation link) is handed to `forCase`.
 */
export async function unsafeResendLoginLink(deps: Deps, token: string, forCase?: ResendForCase): Promise<void> {
  const old = await deps.db.unsafeAdmin
    .selectFrom('login_links as l')
    .leftJoin('users as u', 'u.id', 'l.user_id')
    .select(['l.municipality_id', 'l.user_id', 'l.case_id', 'u.role', 'u.active'])
    .where('l.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!old) return;
  const municipalityId = old.municipality_id;
  if (!old.user_id) {
    const caseId = old.case_id;
    if (caseId && forCase) await deps.db.tenant(municipalityId, (trx) => forCase(trx, { municipalityId, caseId }));
    return;
  }
  if (old.role !== 'initiator' || !old.active) return;
  const userId = old.user_id;
  await deps.db.tenant(municipalityId, async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select(['id', 'name', 'email', 'locale'])
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    const m = await trx.selectFrom('municipalities').select('name').where('id', '=', municipalityId).executeTakeFirstOrThrow();
    const link = await issueMailLoginLink(trx, deps, { municipalityId, userId: user.id, caseId: old.case_id });
    await enqueueMail(trx, {
      municipalityId,
      to: user.email,
      ...mails.freshLoginLink(user.locale, { name: user.name, link, municipality: m.name }),
    });
  });
}
