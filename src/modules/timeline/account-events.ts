// Events about a staff account rather than a case (docs/product.md#an-accounts-history):
// the account's role set by an administrator or by the group mapping of a single
// sign-on login. They live in the same append-only event log, without a case and with
// the account they are about; the account's history reads them.
import { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import type { EventOrigin } from './repo.js';

const role = z.enum(['initiator', 'director', 'coordinator', 'specialist', 'executive', 'council', 'admin']);

export const AccountEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('account.roleChanged'),
    payload: z.object({
      from: role,
      to: role,
      /** admin: changed on Beheer → Medewerkers; groupMapping: a single sign-on login's groups */
      source: z.enum(['admin', 'groupMapping']),
      /** for the group mapping: the group of the table that set the role */
      group: z.string().nullable(),
    }),
  }),
]);
export type AccountEvent = z.infer<typeof AccountEvent>;

/** Record one event about the account `userId`, in the use-case's transaction. */
export async function recordAccountEvent(trx: Tx, by: Ctx | EventOrigin, userId: string, e: AccountEvent): Promise<void> {
  const event = AccountEvent.parse(e);
  const origin: EventOrigin = 'actor' in by ? { municipalityId: by.actor.municipalityId, actorId: by.actor.userId, at: by.clock.now() } : by;
  await trx
    .insertInto('events')
    .values({
      municipality_id: origin.municipalityId,
      case_id: null,
      subject_user_id: userId,
      type: event.type,
      actor_id: origin.actorId,
      visibility: 'internal',
      payload: JSON.stringify(event.payload),
      created_at: origin.at,
    })
    .execute();
}

/** The events about one account, oldest first. */
export async function listAccountEvents(trx: Tx, municipalityId: string, userId: string) {
  const rows = await trx
    .selectFrom('events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.id', 'e.type', 'e.payload', 'e.created_at', 'e.actor_id', 'u.name as actor_name'])
    .where('e.municipality_id', '=', municipalityId)
    .where('e.subject_user_id', '=', userId)
    .orderBy('e.id', 'asc')
    .limit(500)
    .execute();
  return rows.map((r) => ({ ...r, event: AccountEvent.parse({ type: r.type, payload: r.payload }) }));
}
