// "Mijn account": what a staff member keeps up to date about themself. The phone
// number goes into the mail that tells an initiator who their case director is
// (docs/product.md#keeping-the-initiator-informed).
import type { Ctx } from '../../platform/context.js';
import { accountPolicy } from './policy.js';

export interface OwnAccount {
  name: string;
  email: string;
  phone: string | null;
}

export async function getOwnAccount(ctx: Ctx): Promise<OwnAccount> {
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, (trx) =>
    trx.selectFrom('users').select(['name', 'email', 'phone']).where('municipality_id', '=', mId).where('id', '=', ctx.actor.userId).executeTakeFirstOrThrow(),
  );
}

export async function updateOwnAccount(ctx: Ctx, opts: { phone?: string | null }): Promise<OwnAccount> {
  accountPolicy.authorize(ctx.actor, null, 'manageOwnAccount');
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    if (opts.phone !== undefined) {
      await trx
        .updateTable('users')
        .set({ phone: opts.phone?.trim() || null })
        .where('municipality_id', '=', mId)
        .where('id', '=', ctx.actor.userId)
        .execute();
    }
    return trx
      .selectFrom('users')
      .select(['name', 'email', 'phone'])
      .where('municipality_id', '=', mId)
      .where('id', '=', ctx.actor.userId)
      .executeTakeFirstOrThrow();
  });
}
