// Test helpers of the identity module, for other modules' tests and the negative suite.
import type { Deps } from '../../platform/context.js';
import { keyedHash, seal } from './oidc-crypto.js';

/**
 * An initiator account as a DigiD or eHerkenning login leaves it: its BSN or KvK number
 * kept as a keyed hash and sealed (docs/product.md#logging-in-through-openid-connect).
 * An account that already has one keeps it. The hash is salted with the account, so
 * the same number may be seeded for several accounts (a login does not find them).
 */
export async function seedIdentityNumber(
  deps: Pick<Deps, 'db' | 'config'>,
  o: { municipalityId: string; userId: string; kind: 'bsn' | 'kvk'; value: string },
): Promise<void> {
  await deps.db.unsafeAdmin
    .insertInto('initiator_identities')
    .values({
      municipality_id: o.municipalityId,
      kind: o.kind,
      keyed_hash: keyedHash(deps.config, o.kind, `${o.value}:${o.userId}`),
      sealed_value: seal(deps.config, o.value, 'identity-value'),
      user_id: o.userId,
    })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
}
