// Loading a collaboration for the actor: scoped to the municipality, 404 for a role that
// may not read collaborations (it learns nothing of them), 403 for a refused ability,
// `select … for update` with `lock`, 412 when `ifMatch` is stale.
import { notFound, staleVersion } from '../../kernel/errors.js';
import { type VersionCondition, versionMatches } from '../../kernel/preconditions.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { collaborationPolicy } from './policy.js';
import { findCollaboration } from './repo.js';

export async function loadFor(trx: Tx, ctx: Ctx, id: string, ability: 'view' | 'edit', opts: { lock?: boolean; ifMatch?: VersionCondition } = {}) {
  const row = await findCollaboration(trx, ctx.actor.municipalityId, id, opts.lock);
  // A role that may not read collaborations learns nothing of them: 404, as for another municipality's.
  if (!row || !collaborationPolicy.can(ctx.actor, { ownerUserId: row.owner_user_id }, 'view')) throw notFound('collaboration');
  collaborationPolicy.authorize(ctx.actor, { ownerUserId: row.owner_user_id }, ability);
  if (!versionMatches(opts.ifMatch, row.version)) throw staleVersion();
  return row;
}
