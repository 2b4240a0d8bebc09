// Who may read the council overview (docs/product.md#the-council-overview): council
// members, for whom it is made, and the executives and the admin of the same
// municipality. The overview is always the actor's own municipality's: the queries are
// scoped to it, so another municipality's figures are never asked for.
import type { Actor } from '../../platform/auth/index.js';
import { definePolicy } from '../../platform/auth/policy.js';

export const OVERVIEW_READERS: readonly Actor['role'][] = ['council', 'executive', 'admin'];

export const councilPolicy = definePolicy({
  read: (a: Actor) => OVERVIEW_READERS.includes(a.role),
});
