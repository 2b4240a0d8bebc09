// Who may compare (docs/product.md#comparing-municipalities): the coordinators, the
// admin, the executives and the council members of a municipality. The comparison is
// always the actor's own municipality's: no other municipality's figures are asked for.
// The published figures are public and need no rule here.
import type { Actor } from '../../platform/auth/index.js';
import { definePolicy } from '../../platform/auth/policy.js';

export const COMPARERS: readonly Actor['role'][] = ['coordinator', 'admin', 'executive', 'council'];

export const benchmarkPolicy = definePolicy({
  compare: (a: Actor) => COMPARERS.includes(a.role),
  // Taking part, publishing and the number of inhabitants are the admin's settings.
  manage: (a: Actor) => a.role === 'admin',
});
